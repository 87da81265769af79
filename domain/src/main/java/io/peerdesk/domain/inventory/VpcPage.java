package io.peerdesk.domain.inventory;

import java.util.List;

/** One page of the VPC list and where it sits in the whole result. */
public record VpcPage(List<VpcSummary> items, int page, int size, long total) {

    public VpcPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** 1-based position of the first row on this page (0 when empty). */
    public long from() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long to() {
        return from() + items.size() - (items.isEmpty() ? 0 : 1);
    }
}
