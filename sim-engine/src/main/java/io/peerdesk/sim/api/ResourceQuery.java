package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.CloudException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * What every Describe call does with the resources a caller can see: select by ids (an unknown
 * id is that type's NotFound error), filter (filters ANDed, the values of one filter ORed, with
 * AWS's {@code *} and {@code ?} wildcards, {@code tag:Key} and {@code tag-key} everywhere), and
 * page ({@code MaxResults} 5–1000, an opaque {@code NextToken}) in creation order.
 */
public final class ResourceQuery<T> {

    /** One page of results and the token for the next one (null on the last page). */
    public record Page<T>(List<T> items, String nextToken) {
    }

    private final Function<T, String> id;
    private final ToLongFunction<T> order;
    private final Function<T, Map<String, String>> tags;
    private final Map<String, Function<T, Collection<String>>> filters = new HashMap<>();

    public ResourceQuery(Function<T, String> id, ToLongFunction<T> order, Function<T, Map<String, String>> tags) {
        this.id = id;
        this.order = order;
        this.tags = tags;
    }

    /** A filter whose resource has several values (e.g. every CIDR block). */
    public ResourceQuery<T> filterMany(String name, Function<T, Collection<String>> values) {
        filters.put(name, values);
        return this;
    }

    /** A filter with at most one value per resource; null means no value. */
    public ResourceQuery<T> filter(String name, Function<T, Object> value) {
        filters.put(name, t -> {
            Object v = value.apply(t);
            return v == null ? List.of() : List.of(v.toString());
        });
        return this;
    }

    public Page<T> run(Collection<T> visible, List<String> ids, Params params,
                       Function<String, CloudException> notFound) {
        Map<String, List<String>> requested = params.filters();
        List<Map.Entry<Function<T, Collection<String>>, List<Pattern>>> compiled = new ArrayList<>();
        for (var f : requested.entrySet()) {
            compiled.add(Map.entry(filterFor(f.getKey()), f.getValue().stream().map(ResourceQuery::wildcard).toList()));
        }
        Integer maxResults = params.integer("MaxResults");
        if (maxResults != null && (maxResults < 5 || maxResults > 1000)) {
            throw CloudException.invalidParameterValue("Value (" + maxResults
                    + ") for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        }
        long from = decodeToken(params.string("NextToken"));

        Set<String> wanted = new HashSet<>(ids);
        Set<String> found = new HashSet<>();
        List<T> matches = new ArrayList<>();
        for (T t : visible) {
            if (!wanted.isEmpty()) {
                if (!wanted.contains(id.apply(t))) {
                    continue;
                }
                found.add(id.apply(t));
            }
            if (order.applyAsLong(t) >= from && matchesAll(t, compiled)) {
                matches.add(t);
            }
        }
        for (String requestedId : ids) {
            if (!found.contains(requestedId)) {
                throw notFound.apply(requestedId);
            }
        }
        matches.sort(Comparator.comparingLong(order));
        if (maxResults == null || matches.size() <= maxResults) {
            return new Page<>(matches, null);
        }
        return new Page<>(matches.subList(0, maxResults), encodeToken(order.applyAsLong(matches.get(maxResults))));
    }

    private Function<T, Collection<String>> filterFor(String name) {
        if (name.startsWith("tag:")) {
            String key = name.substring(4);
            return t -> {
                String v = tags.apply(t).get(key);
                return v == null ? List.of() : List.of(v);
            };
        }
        if (name.equals("tag-key")) {
            return t -> tags.apply(t).keySet();
        }
        if (name.equals("tag-value")) {
            return t -> tags.apply(t).values();
        }
        Function<T, Collection<String>> f = filters.get(name);
        if (f == null) {
            throw CloudException.invalidParameterValue("The filter '" + name + "' is invalid");
        }
        return f;
    }

    private static boolean matchesAll(Object t, List<? extends Map.Entry<? extends Function<?, Collection<String>>,
            List<Pattern>>> compiled) {
        for (var f : compiled) {
            @SuppressWarnings("unchecked")
            Collection<String> values = ((Function<Object, Collection<String>>) f.getKey()).apply(t);
            if (!anyMatch(values, f.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatch(Collection<String> values, List<Pattern> patterns) {
        for (String v : values) {
            if (v == null) {
                continue;
            }
            for (Pattern p : patterns) {
                if (p.matcher(v).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** AWS filter values: {@code *} any run of characters, {@code ?} exactly one, {@code \} escapes. */
    static Pattern wildcard(String value) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                re.append(Pattern.quote(String.valueOf(value.charAt(++i))));
            } else if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static String encodeToken(long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("peerdesk:" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeToken(String token) {
        if (token == null || token.isEmpty()) {
            return Long.MIN_VALUE;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("peerdesk:")) {
                return Long.parseLong(text.substring("peerdesk:".length()));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new CloudException("InvalidPaginationToken", "The specified pagination token is not valid or is expired.");
    }
}
