package io.peerdesk.domain.cloud;

import io.peerdesk.sim.Simulator;
import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.http.AccessKey;
import io.peerdesk.sim.http.Authenticator;
import io.peerdesk.sim.http.Ec2HttpServer;
import io.peerdesk.sim.seed.SeedLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real simulated cloud for domain tests: an in-memory simulator with the demo world behind its
 * EC2 endpoint on a free loopback port, in strict mode, so a wrong secret is refused as AWS would.
 * One per test JVM; tests that change the cloud use account {@link #SPARE} and unique names.
 */
public final class SimulatedCloud {

    public static final String ACME = "111111111111";
    public static final String GLOBEX = "222222222222";
    public static final String INITECH = "333333333333";
    /** An account the demo world leaves empty, for tests that create VPCs. */
    public static final String SPARE = "444444444444";
    /** Every account's access key id is its account id; this is its secret. */
    public static final String SECRET = "simulated-secret";

    private static Simulator simulator;
    private static Ec2HttpServer server;
    private static int port;

    private SimulatedCloud() {
    }

    public static synchronized String endpoint() {
        start();
        return "http://127.0.0.1:" + port;
    }

    public static CloudCredentials credentials(String account) {
        return new CloudCredentials(account, account, SECRET);
    }

    /** Stops answering: the endpoint refuses connections until {@link #start()}. */
    public static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public static synchronized void start() {
        try {
            if (simulator == null) {
                simulator = Simulator.open(Simulator.Options.inMemory());
                new SeedLoader(simulator).load(SeedLoader.read(SeedLoader.DEMO));
                port = freePort();
            }
            if (server == null) {
                List<AccessKey> keys = List.of(ACME, GLOBEX, INITECH, SPARE).stream()
                        .map(account -> new AccessKey(account, SECRET, account)).toList();
                server = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", port), simulator, Authenticator.strict(keys));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls an EC2 action straight on the simulator as the account, in the region; returns the reply's XML. */
    public static synchronized String call(String account, String region, String action, Map<String, String> params) {
        start();
        var reply = simulator.handle(new Caller(account, region), action, params);
        if (reply.status() != 200) {
            throw new IllegalStateException(action + " failed: " + reply.xml());
        }
        return reply.xml();
    }

    /** The first {@code <element>} value of an EC2 reply. */
    public static String element(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no " + element + " in " + xml);
        }
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
