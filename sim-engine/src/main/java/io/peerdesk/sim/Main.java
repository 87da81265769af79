package io.peerdesk.sim;

import io.peerdesk.sim.cloud.CloudConfig;
import io.peerdesk.sim.http.Authenticator;
import io.peerdesk.sim.http.Ec2HttpServer;
import io.peerdesk.sim.journal.SyncMode;
import io.peerdesk.sim.seed.SeedLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone simulator: {@code java -jar sim-engine-standalone.jar --port 4566 --data-dir DIR}.
 * Run with {@code --help} for every option.
 */
public final class Main {

    static final String USAGE = """
            PeerDesk simulated cloud: AWS EC2 VPC semantics behind an EC2 Query API endpoint.

            usage: java -jar sim-engine-standalone.jar [options]

              --port N                  port to listen on (default 4566)
              --bind ADDRESS            address to listen on (default 127.0.0.1)
              --data-dir DIR            where the journal and snapshots live (default ./sim-data)
              --in-memory               keep nothing on disk (the world is lost on exit)
              --seed demo|FILE          world to create on first start: the built-in demo world or
                                        a YAML/JSON seed file; ignored when DIR already holds a world
              --strict                  verify every SigV4 signature (needs --credentials)
              --credentials FILE        YAML/JSON: credentials: [{accessKeyId, secretAccessKey, accountId}]
              --default-account ID      open mode: account for access keys that are not 12 digits
                                        (default 000000000000)
              --no-fsync                acknowledge writes before they reach the disk (benchmarks only)
              --snapshot-every N        snapshot after N changes (default 50000)
              --outstanding-quota N     pending peering requests per account and region (default 25)
              --active-quota N          active peerings per VPC, 1..125 (default 50)
              --provisioning-delay DUR  how long an accepted peering stays provisioning (default 0s)
              --deleting-delay DUR      how long a deleted inter-Region peering stays deleting (default 0s)
              --help                    this text

            Open mode (the default) takes the account from a 12-digit access key id and the region from
            the SigV4 credential scope, without checking signatures:
              AWS_ACCESS_KEY_ID=111111111111 AWS_SECRET_ACCESS_KEY=x \\
                aws ec2 describe-vpcs --region us-east-1 --endpoint-url http://127.0.0.1:4566
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("run with --help for the options");
            System.exit(2);
            return;
        }
        if (settings.help) {
            System.out.print(USAGE);
            return;
        }
        try {
            run(settings, System.out);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        } catch (UncheckedIOException e) {
            // e.g. the port is taken: say so in one line, not with a stack trace
            System.err.println("error: " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
            System.exit(1);
        }
    }

    static void run(Settings s, PrintStream out) throws Exception {
        Authenticator auth = s.strict ? Authenticator.strict(s.credentials) : Authenticator.open(s.defaultAccount);
        Simulator.Options options = (s.inMemory ? Simulator.Options.inMemory() : Simulator.Options.durable(s.dataDir))
                .withConfig(s.config)
                .withSyncMode(s.fsync ? SyncMode.FSYNC : SyncMode.NONE)
                .withSnapshotEvery(s.snapshotEvery);
        long started = System.nanoTime();
        Simulator sim = Simulator.open(options);
        Simulator.Recovery r = sim.recovery();
        boolean empty = r.snapshotSeq() == 0 && r.replayed() == 0;
        if (r.journal() != null) {
            out.printf("recovered %d changes (snapshot at %d, %d replayed)%n", r.snapshotSeq() + r.replayed(),
                    r.snapshotSeq(), r.replayed());
            r.journal().tornTail().ifPresent(t -> out.printf(
                    "journal: cut a torn last record of %d bytes at offset %d in %s (%s); it had not been acknowledged%n",
                    t.bytesRemoved(), t.offset(), t.file(), t.reason()));
        }
        if (s.seed != null && empty) {
            int vpcs = new SeedLoader(sim).load(SeedLoader.read(s.seed));
            out.printf("seeded %d VPCs from %s%n", vpcs, s.seed);
        }
        Ec2HttpServer server;
        try {
            server = Ec2HttpServer.start(new InetSocketAddress(s.bind, s.port), sim, auth);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        out.printf("EC2 endpoint on http://%s:%d (%s mode, %s) ready in %d ms%n", s.bind, server.port(),
                s.strict ? "strict" : "open", s.inMemory ? "in memory" : "data in " + s.dataDir.toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000);
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                sim.close();
            } catch (IOException e) {
                System.err.println("closing the data directory failed: " + e.getMessage());
            }
            stopped.countDown();
        }, "sim-shutdown"));
        stopped.await();
    }

    /** Command-line settings. */
    static final class Settings {
        int port = 4566;
        String bind = "127.0.0.1";
        Path dataDir = Path.of("sim-data");
        boolean inMemory;
        String seed;
        boolean strict;
        Path credentials;
        String defaultAccount = "000000000000";
        boolean fsync = true;
        long snapshotEvery = 50_000;
        CloudConfig config = CloudConfig.AWS_DEFAULTS;
        boolean help;

        static Settings parse(String[] args) {
            Settings s = new Settings();
            Duration provisioning = Duration.ZERO;
            Duration deleting = Duration.ZERO;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> s.help = true;
                    case "--port" -> s.port = intArg(a, value(args, ++i, a), 0, 65535);
                    case "--bind" -> s.bind = value(args, ++i, a);
                    case "--data-dir" -> s.dataDir = Path.of(value(args, ++i, a));
                    case "--in-memory" -> s.inMemory = true;
                    case "--seed" -> s.seed = value(args, ++i, a);
                    case "--strict" -> s.strict = true;
                    case "--credentials" -> s.credentials = Path.of(value(args, ++i, a));
                    case "--default-account" -> s.defaultAccount = value(args, ++i, a);
                    case "--no-fsync" -> s.fsync = false;
                    case "--snapshot-every" -> s.snapshotEvery = intArg(a, value(args, ++i, a), 1, Integer.MAX_VALUE);
                    case "--outstanding-quota" -> s.config = s.config.withOutstandingPeeringQuota(
                            intArg(a, value(args, ++i, a), 1, 10_000));
                    case "--active-quota" -> s.config = s.config.withActivePeeringQuota(
                            intArg(a, value(args, ++i, a), 1, 125));
                    case "--provisioning-delay" -> provisioning = duration(a, value(args, ++i, a));
                    case "--deleting-delay" -> deleting = duration(a, value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            s.config = s.config.withDelays(provisioning, deleting);
            if (s.strict && s.credentials == null) {
                throw new IllegalArgumentException("--strict needs --credentials FILE");
            }
            return s;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int intArg(String option, String v, int min, int max) {
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max + ": " + v);
        }

        /** "90s", "5m", "2h" or an ISO-8601 duration. */
        private static Duration duration(String option, String v) {
            try {
                if (v.matches("\\d+(ms|s|m|h)")) {
                    long n = Long.parseLong(v.replaceAll("\\D", ""));
                    return switch (v.replaceAll("\\d", "")) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    };
                }
                return Duration.parse(v);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(option + " must be a duration like 5s, 2m or PT1H: " + v);
            }
        }
    }
}
