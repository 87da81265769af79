package io.peerdesk.sim.cloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CreateTags and DeleteTags on any resource the caller can see. */
public final class Tagging {

    private final Cloud cloud;

    Tagging(Cloud cloud) {
        this.cloud = cloud;
    }

    /** Tags every resource, or none: an unknown id refuses the whole request. */
    public void create(Caller caller, List<String> resourceIds, Map<String, String> tags, Instant now) {
        if (resourceIds.isEmpty()) {
            throw CloudException.missingParameter("resourceIdSet");
        }
        if (tags.isEmpty()) {
            throw CloudException.missingParameter("tagSet");
        }
        Tags.validate(tags);
        // check every resource on read-only views first: a refused request must not even
        // create an (empty) tag set for a peering connection
        for (String id : resourceIds) {
            Map<String, String> current = seenBy(caller, id, now);
            long added = tags.keySet().stream().filter(k -> !current.containsKey(k)).count();
            if (current.size() + added > Tags.MAX_TAGS) {
                throw new CloudException("TagLimitExceeded",
                        "The maximum number of tags (" + Tags.MAX_TAGS + ") for a resource has been exceeded.");
            }
        }
        for (String id : resourceIds) {
            tagsOf(caller, id, now).putAll(tags);
        }
    }

    /** A null value removes the key whatever its value; an empty map of keys removes every tag. */
    public void delete(Caller caller, List<String> resourceIds, Map<String, String> keys, Instant now) {
        if (resourceIds.isEmpty()) {
            throw CloudException.missingParameter("resourceIdSet");
        }
        for (String id : resourceIds) {
            seenBy(caller, id, now);
        }
        List<Tags> targets = new ArrayList<>();
        for (String id : resourceIds) {
            targets.add(tagsOf(caller, id, now));
        }
        for (Tags t : targets) {
            if (keys.isEmpty()) {
                new ArrayList<>(t.asMap().keySet()).forEach(k -> t.remove(k, null));
            } else {
                keys.forEach(t::remove);
            }
        }
    }

    /** As {@link #tagsOf}, read-only: resolving a peering connection's tags adds nothing. */
    private Map<String, String> seenBy(Caller caller, String id, Instant now) {
        if (id != null && id.startsWith("pcx-")) {
            return cloud.requirePeering(caller, id, now).tagsSeenBy(caller);
        }
        return tagsOf(caller, id, now).asMap();
    }

    /** The tags the caller sees on a resource (for a peering connection: the caller's own). */
    public Tags tagsOf(Caller caller, String id, Instant now) {
        if (id == null || id.indexOf('-') < 0) {
            throw new CloudException("InvalidID", "The ID '" + id + "' is not valid");
        }
        String prefix = id.substring(0, id.indexOf('-'));
        return switch (prefix) {
            case "vpc" -> cloud.requireVpc(caller, id).tags();
            case "subnet" -> cloud.requireSubnet(caller, id).tags();
            case "rtb" -> cloud.requireRouteTable(caller, id).tags();
            case "igw" -> cloud.requireInternetGateway(caller, id).tags();
            case "sg" -> cloud.requireSecurityGroup(caller, id).tags();
            case "acl" -> cloud.requireNetworkAcl(caller, id).tags();
            case "pcx" -> cloud.requirePeering(caller, id, now).tagsOf(caller);
            default -> {
                Object ext = cloud.extensions().get(id);
                if (ext instanceof Resource r && r.visibleTo(caller)) {
                    yield r.tags();
                }
                throw new CloudException("InvalidID", "The ID '" + id + "' is not valid");
            }
        };
    }
}
