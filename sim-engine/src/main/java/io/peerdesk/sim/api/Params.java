package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.CloudException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typed access to a request's flattened Query parameters: scalars, 1-based lists
 * ({@code VpcId.1}, {@code VpcId.2}), nested structures ({@code IpPermissions.1.IpRanges.1.CidrIp}),
 * filters and tag specifications. Malformed values raise AWS's errors.
 */
public final class Params {

    private final Map<String, String> values;

    public Params(Map<String, String> values) {
        this.values = values;
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** These parameters without the named ones (for actions that do not take them). */
    public Params without(String... names) {
        Map<String, String> rest = new LinkedHashMap<>(values);
        for (String name : names) {
            rest.remove(name);
        }
        return new Params(rest);
    }

    /** A scalar, or null when absent. An empty value counts as present. */
    public String string(String name) {
        return values.get(name);
    }

    public String required(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            throw CloudException.missingParameter(name);
        }
        return v;
    }

    public Integer integer(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw CloudException.invalidParameterValue("Value (" + v + ") for parameter " + name
                    + " is invalid. Expected an integer.");
        }
    }

    public Boolean bool(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw CloudException.invalidParameterValue("Value (" + v + ") for parameter " + name
                + " is invalid. Expected 'true' or 'false'.");
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(bool(name));
    }

    /** The values of {@code Name.1}, {@code Name.2}, … in index order. */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (var e : grouped(name).entrySet()) {
            String v = e.getValue().get("");
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** The sub-structures {@code Name.N.*} as their own Params, in index order. */
    public List<Params> structs(String name) {
        List<Params> out = new ArrayList<>();
        for (var e : grouped(name).entrySet()) {
            Map<String, String> sub = e.getValue();
            sub.remove("");
            if (!sub.isEmpty()) {
                out.add(new Params(sub));
            }
        }
        return out;
    }

    /** One pass over the parameters: index N → (rest of the key after "Name.N." → value); "" for Name.N itself. */
    private TreeMap<Integer, Map<String, String>> grouped(String name) {
        String prefix = name + ".";
        TreeMap<Integer, Map<String, String>> groups = new TreeMap<>();
        for (var e : values.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            int end = key.indexOf('.', prefix.length());
            String n = end < 0 ? key.substring(prefix.length()) : key.substring(prefix.length(), end);
            int i = index(n, key);
            groups.computeIfAbsent(i, k -> new LinkedHashMap<>()).put(end < 0 ? "" : key.substring(end + 1),
                    e.getValue());
        }
        return groups;
    }

    private static int index(String n, String key) {
        try {
            int i = Integer.parseInt(n);
            if (i >= 1) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CloudException.invalidParameterValue("Parameter " + key
                + " is malformed: list members are numbered from 1.");
    }

    /** A nested structure {@code Name.*} (not a list). */
    public Params struct(String name) {
        String prefix = name + ".";
        Map<String, String> sub = new LinkedHashMap<>();
        for (var e : values.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                sub.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return new Params(sub);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code Filter.N.Name} with {@code Filter.N.Value.M}: name → values, in request order. */
    public Map<String, List<String>> filters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Params f : structs("Filter")) {
            String name = f.string("Name");
            if (name == null || name.isEmpty()) {
                throw CloudException.missingParameter("Filter.N.Name");
            }
            out.computeIfAbsent(name, k -> new ArrayList<>()).addAll(f.list("Value"));
        }
        return out;
    }

    /** Tags of {@code TagSpecification.N} whose ResourceType is {@code resourceType}. */
    public Map<String, String> tagSpecifications(String resourceType) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Params spec : structs("TagSpecification")) {
            String type = spec.string("ResourceType");
            if (type == null) {
                throw CloudException.missingParameter("TagSpecification.N.ResourceType");
            }
            if (!type.equals(resourceType)) {
                throw CloudException.invalidParameterValue("'" + type
                        + "' is not a valid taggable resource type for this operation.");
            }
            tags.putAll(tags(spec, "Tag"));
        }
        return tags;
    }

    /** {@code Name.N.Key}/{@code Name.N.Value} pairs; a missing value is kept as null (DeleteTags). */
    public Map<String, String> tags(String name) {
        return tags(this, name);
    }

    private static Map<String, String> tags(Params p, String name) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Params t : p.structs(name)) {
            String key = t.string("Key");
            if (key == null) {
                throw CloudException.missingParameter(name + ".N.Key");
            }
            tags.put(key, t.string("Value"));
        }
        return tags;
    }
}
