package io.peerdesk.sim;

import io.peerdesk.sim.api.Ec2Service.Ec2Reply;
import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers shared by the {@link Simulator} tests: parameters, reply parsing, state fingerprints, crash images. */
final class SimTestKit {

    static final Caller ACME_EAST = new Caller("111111111111", "us-east-1");
    static final Caller ACME_EU = new Caller("111111111111", "eu-west-1");
    static final Caller GLOBEX_EAST = new Caller("222222222222", "us-east-1");
    static final Caller GLOBEX_EU = new Caller("222222222222", "eu-west-1");
    static final Caller INITECH_EAST = new Caller("333333333333", "us-east-1");
    static final Caller INITECH_EU = new Caller("333333333333", "eu-west-1");
    static final List<Caller> DEMO_CALLERS = List.of(ACME_EAST, ACME_EU, GLOBEX_EAST, GLOBEX_EU, INITECH_EAST,
            INITECH_EU);

    static final Instant T0 = Instant.parse("2024-06-03T09:00:00Z");

    private static final Pattern REQUEST_ID = Pattern.compile("<(requestId|RequestID)>[^<]*</(requestId|RequestID)>");

    private SimTestKit() {
    }

    /** A clock the test moves by hand; safe to read from many threads. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Runs a request that must succeed and returns its XML. */
    static String ok(Simulator sim, Caller caller, String action, String... kv) {
        Ec2Reply reply = sim.handle(caller, action, params(kv));
        assertThat(reply.status()).as("%s by %s: %s", action, caller, reply.xml()).isEqualTo(200);
        return reply.xml();
    }

    /** The AWS error code of a refused reply, or null for a success. */
    static String code(Ec2Reply reply) {
        return reply.status() == 200 ? null : element(reply.xml(), "Code");
    }

    static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    static List<String> elements(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static Document dom(String xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("not XML: " + xml, e);
        }
    }

    /** The direct child elements of {@code parent} named {@code name}. */
    static List<Element> children(Node parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Node parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static String text(Node parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    /** The {@code <item>}s of the set {@code setName} directly under the response root. */
    static List<Element> items(String xml, String setName) {
        Element set = child(dom(xml).getDocumentElement(), setName);
        assertThat(set).as("%s in %s", setName, xml).isNotNull();
        return children(set, "item");
    }

    /**
     * The whole cloud as serialised bytes, normalised so that equal states give equal bytes:
     * one snapshot round trip evens out the capacities of hash tables (which depend on their
     * history), and equal immutable values (strings, instants, records) are written once and
     * then referenced, whether or not the state happens to share one instance of them (a
     * replayed state builds its strings from journal records, the live one reuses the caller's).
     */
    static byte[] fingerprint(Simulator sim) {
        byte[] raw = sim.read(CloudSnapshots::write);
        try {
            Cloud copy = CloudSnapshots.read(raw);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new CanonicalOutputStream(bytes)) {
                out.writeObject(copy);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where two fingerprints first differ, with some printable context, for assertion messages; null when equal. */
    static String difference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        if (i == n && a.length == b.length) {
            return null;
        }
        return "states differ at byte " + i + " of " + a.length + "/" + b.length + ":\n  " + context(a, i) + "\n  "
                + context(b, i);
    }

    private static String context(byte[] bytes, int at) {
        int from = Math.max(0, at - 300);
        int to = Math.min(bytes.length, at + 200);
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).replaceAll("[^ -~]", ".");
    }

    /** Replaces each immutable value by the first equal one written, so identity sharing does not show. */
    private static final class CanonicalOutputStream extends ObjectOutputStream {
        private final Map<Object, Object> canonical = new HashMap<>();

        CanonicalOutputStream(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            if (obj instanceof String || obj instanceof Number || obj instanceof Boolean
                    || obj instanceof Character || obj.getClass().isRecord()) {
                return canonical.computeIfAbsent(obj, k -> k);
            }
            String type = obj.getClass().getName();
            if (type.equals("java.time.Ser") || type.equals("java.util.CollSer")) {
                // the serial proxies of java.time values and immutable collections, which arrive here
                // already replaced: equal when their serial forms are
                ByteArrayOutputStream form = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(form)) {
                    out.writeObject(obj);
                }
                return canonical.computeIfAbsent(ByteBuffer.wrap(form.toByteArray()), k -> obj);
            }
            return obj;
        }
    }

    /** Everything every caller can describe, without the request ids: the cloud as clients see it. */
    static String describeAll(Simulator sim, List<Caller> callers) {
        StringBuilder out = new StringBuilder();
        for (Caller caller : callers) {
            for (String action : List.of("DescribeVpcs", "DescribeSubnets", "DescribeRouteTables",
                    "DescribeSecurityGroups", "DescribeSecurityGroupRules", "DescribeNetworkAcls",
                    "DescribeInternetGateways", "DescribeVpcPeeringConnections", "DescribeTags",
                    "DescribeNetworkInsightsPaths", "DescribeNetworkInsightsAnalyses")) {
                Ec2Reply reply = sim.handle(caller, action, Map.of());
                assertThat(reply.status()).as("%s by %s: %s", action, caller, reply.xml()).isEqualTo(200);
                out.append(caller).append(' ').append(action).append('\n')
                        .append(REQUEST_ID.matcher(reply.xml()).replaceAll("")).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * What a crash would leave on disk right now: a copy of the data directory without its lock.
     * Valid for a durable simulator with FSYNC once every acknowledged request has returned.
     */
    static Path crashImage(Path dataDir, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(dataDir.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (!f.getFileName().toString().equals(".lock")) {
                    Files.copy(f, to);
                }
            }
        }
        return target;
    }
}
