package io.peerdesk.domain.cloud;

import io.peerdesk.sim.Simulator;
import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.CloudConfig;
import io.peerdesk.sim.http.AccessKey;
import io.peerdesk.sim.http.Authenticator;
import io.peerdesk.sim.http.Ec2HttpServer;
import io.peerdesk.sim.seed.SeedLoader;
import io.peerdesk.sim.seed.SeedWorld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated cloud of its own for peering tests, which change the cloud: an in-memory simulator
 * with the demo world (for checks against demo VPCs, which these tests only read) and a pool of
 * fresh accounts, each test seeding its own VPCs there ({@link #newAccount()}). Strict credentials;
 * accepted connections stay {@code provisioning} for a moment, as in the real cloud.
 */
public final class PeeringCloud {

    public static final String ACME = "111111111111";
    public static final String GLOBEX = "222222222222";
    public static final String INITECH = "333333333333";
    public static final String SECRET = "peering-secret";
    public static final Duration PROVISIONING_DELAY = Duration.ofMillis(300);

    private static final int POOL = 500;
    /** A random block of account ids per run: rows a test commits never clash with an earlier run's on the same database. */
    private static final long BASE = 500_000_000_000L + ThreadLocalRandom.current().nextLong(1, 400_000_000L) * 1000;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private static Simulator simulator;
    private static Ec2HttpServer server;

    private PeeringCloud() {
    }

    public static synchronized String endpoint() {
        start();
        return "http://127.0.0.1:" + server.port();
    }

    public static CloudCredentials credentials(String account) {
        return new CloudCredentials(account, account, SECRET);
    }

    /** An account of the pool nobody has used yet. */
    public static String newAccount() {
        int n = NEXT.getAndIncrement();
        if (n >= POOL) {
            throw new IllegalStateException("the test cloud's account pool is used up");
        }
        return String.format("%012d", BASE + n);
    }

    /** Creates the accounts' VPCs, with everything inside them, in the cloud. */
    public static synchronized void seed(SeedWorld.Account... accounts) {
        start();
        new SeedLoader(simulator).load(new SeedWorld(List.of(accounts), List.of()));
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

    /** Every value of {@code <element>} in an EC2 reply, in order. */
    public static List<String> elements(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static void start() {
        if (server != null) {
            return;
        }
        try {
            CloudConfig config = CloudConfig.AWS_DEFAULTS.withDelays(PROVISIONING_DELAY, Duration.ZERO);
            simulator = Simulator.open(Simulator.Options.inMemory().withConfig(config));
            new SeedLoader(simulator).load(SeedLoader.read(SeedLoader.DEMO));
            List<AccessKey> keys = new ArrayList<>();
            for (String account : List.of(ACME, GLOBEX, INITECH)) {
                keys.add(new AccessKey(account, SECRET, account));
            }
            for (int i = 0; i < POOL; i++) {
                String account = String.format("%012d", BASE + i);
                keys.add(new AccessKey(account, SECRET, account));
            }
            server = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), simulator, Authenticator.strict(keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
