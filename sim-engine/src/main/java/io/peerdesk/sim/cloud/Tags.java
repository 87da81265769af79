package io.peerdesk.sim.cloud;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tags of one resource, in insertion order. AWS allows 50 per resource. */
public final class Tags implements Serializable {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = 1730065343550473340L;

    static final int MAX_TAGS = 50;

    private final LinkedHashMap<String, String> values = new LinkedHashMap<>();

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public String get(String key) {
        return values.get(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Refuses the whole set if it would exceed the quota; nothing is changed then. */
    void putAll(Map<String, String> tags) {
        long added = tags.keySet().stream().filter(k -> !values.containsKey(k)).count();
        if (values.size() + added > MAX_TAGS) {
            throw new CloudException("TagLimitExceeded",
                    "The maximum number of tags (" + MAX_TAGS + ") for a resource has been exceeded.");
        }
        values.putAll(tags);
    }

    /** Removes a key; with a non-null value only when the current value matches, as AWS does. */
    void remove(String key, String value) {
        if (value == null || value.equals(values.get(key))) {
            values.remove(key);
        }
    }

    /** Checks keys, values and the quota of a new resource's tags, before anything is created. */
    public static void validate(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new CloudException("TagLimitExceeded",
                    "The maximum number of tags (" + MAX_TAGS + ") for a resource has been exceeded.");
        }
        for (var e : tags.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw CloudException.invalidParameterValue("Tag keys must be 1 to 128 characters long.");
            }
            if (key.toLowerCase().startsWith("aws:")) {
                throw CloudException.invalidParameterValue(
                        "Tag keys starting with 'aws:' are reserved for internal use");
            }
            if (e.getValue() != null && e.getValue().length() > 256) {
                throw CloudException.invalidParameterValue("Tag values may be at most 256 characters long.");
            }
        }
    }
}
