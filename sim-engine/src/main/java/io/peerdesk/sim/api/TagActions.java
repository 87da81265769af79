package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateTags, DeleteTags and DescribeTags over every taggable resource type. */
final class TagActions {

    /** Room for every tag of one resource in the paging order (AWS allows 50 per resource). */
    private static final int TAG_SLOTS = 64;

    /**
     * One tag of one resource, as DescribeTags lists it. {@code order} is the resource's creation
     * sequence with the tag's position, so pages stay stable; {@code tags} are all the resource's
     * tags, for the {@code tag:Key} filter.
     */
    private record TagRow(String resourceId, String resourceType, String key, String value, long order,
                          Map<String, String> tags) {
    }

    private static final ResourceQuery<TagRow> TAGS = new ResourceQuery<TagRow>(TagRow::resourceId, TagRow::order,
            TagRow::tags)
            .filter("resource-id", TagRow::resourceId)
            .filter("resource-type", TagRow::resourceType)
            .filter("key", TagRow::key)
            .filter("value", TagRow::value);

    private TagActions() {
    }

    static List<Action> all() {
        return List.of(
                new Action("CreateTags", true, (r, out) -> {
                    Map<String, String> tags = new LinkedHashMap<>();
                    // A tag without a value has the empty value, as on AWS.
                    r.params().tags("Tag").forEach((k, v) -> tags.put(k, v == null ? "" : v));
                    r.cloud().tagging().create(r.caller(), r.params().list("ResourceId"), tags, r.now());
                    Render.returnTrue(out);
                }),
                new Action("DeleteTags", true, (r, out) -> {
                    r.cloud().tagging().delete(r.caller(), r.params().list("ResourceId"), r.params().tags("Tag"),
                            r.now());
                    Render.returnTrue(out);
                }),
                new Action("DescribeTags", false, (r, out) -> {
                    var page = TAGS.run(rows(r.cloud(), r.caller(), r.now()), List.of(), r.params(), id -> null);
                    Render.items(out, "tagSet", page.items(), (o, t) -> o.element("resourceId", t.resourceId())
                            .element("resourceType", t.resourceType())
                            .element("key", t.key())
                            .element("value", t.value()));
                    Render.nextToken(out, page.nextToken());
                }));
    }

    /** Every tag the caller sees, on every resource type it can see. */
    private static List<TagRow> rows(Cloud cloud, Caller caller, Instant now) {
        List<TagRow> rows = new ArrayList<>();
        add(rows, cloud.visible(cloud.allVpcs(), caller), "vpc");
        add(rows, cloud.visible(cloud.allSubnets(), caller), "subnet");
        add(rows, cloud.visible(cloud.allRouteTables(), caller), "route-table");
        add(rows, cloud.visible(cloud.allSecurityGroups(), caller), "security-group");
        add(rows, cloud.visible(cloud.allNetworkAcls(), caller), "network-acl");
        add(rows, cloud.visible(cloud.allInternetGateways(), caller), "internet-gateway");
        for (PeeringConnection p : cloud.visiblePeerings(caller, now)) {
            // read-only, and as tagged: a peering connection's tags belong to the account and Region that set them
            add(rows, p, p.tagsSeenBy(caller), "vpc-peering-connection");
        }
        return rows;
    }

    private static void add(List<TagRow> rows, Collection<? extends Resource> resources, String type) {
        for (Resource resource : resources) {
            add(rows, resource, resource.tags().asMap(), type);
        }
    }

    private static void add(List<TagRow> rows, Resource resource, Map<String, String> tags, String type) {
        int i = 0;
        for (var t : tags.entrySet()) {
            rows.add(new TagRow(resource.id(), type, t.getKey(), t.getValue() == null ? "" : t.getValue(),
                    resource.sequence() * TAG_SLOTS + i++, tags));
        }
    }
}
