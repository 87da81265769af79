package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.CloudException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;

/** XML pieces shared by every action: tag sets, lists of items, AWS timestamps, plain returns. */
final class Render {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Render() {
    }

    /** {@code <tagSet><item><key/><value/></item>…</tagSet>}, or {@code <tagSet/>} when empty. */
    static void tags(XmlWriter out, String element, Map<String, String> tags) {
        if (tags.isEmpty()) {
            out.empty(element);
            return;
        }
        out.open(element);
        for (var t : tags.entrySet()) {
            out.open("item").element("key", t.getKey()).element("value", t.getValue() == null ? "" : t.getValue())
                    .close("item");
        }
        out.close(element);
    }

    static void tags(XmlWriter out, Map<String, String> tags) {
        tags(out, "tagSet", tags);
    }

    /** {@code <element><item>…</item>…</element>}, or {@code <element/>} when empty. */
    static <T> void items(XmlWriter out, String element, Collection<T> items, BiConsumer<XmlWriter, T> item) {
        if (items.isEmpty()) {
            out.empty(element);
            return;
        }
        out.open(element);
        for (T t : items) {
            out.open("item");
            item.accept(out, t);
            out.close("item");
        }
        out.close(element);
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    static void returnTrue(XmlWriter out) {
        out.element("return", "true");
    }

    static void nextToken(XmlWriter out, String token) {
        out.element("nextToken", token);
    }

    /** The NotFound error of a resource type, for Describe calls asked for an unknown id. */
    static java.util.function.Function<String, CloudException> notFound(String code, String format) {
        return id -> new CloudException(code, String.format(format, id));
    }
}
