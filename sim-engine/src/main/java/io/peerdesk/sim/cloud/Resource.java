package io.peerdesk.sim.cloud;

import java.io.Serializable;

/**
 * What every simulated resource has: an id, the owning account, its region, tags, and a
 * creation sequence number that gives Describe calls a stable order for paging.
 */
public abstract class Resource implements Serializable {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = -2831995907431260854L;

    private final String id;
    private final String ownerId;
    private final String region;
    private final long sequence;
    private final Tags tags = new Tags();

    /** Protected so other packages can keep their own resources in {@link Cloud#extensions()}. */
    protected Resource(String id, String ownerId, String region, long sequence) {
        this.id = id;
        this.ownerId = ownerId;
        this.region = region;
        this.sequence = sequence;
    }

    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String region() {
        return region;
    }

    public long sequence() {
        return sequence;
    }

    public Tags tags() {
        return tags;
    }

    /** Owned by the caller's account and in the caller's region: the only resources a caller sees. */
    public boolean visibleTo(Caller caller) {
        return ownerId.equals(caller.accountId()) && region.equals(caller.region());
    }
}
