package io.peerdesk.web.peering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.peerdesk.web.PeerDeskApplication;
import io.peerdesk.web.TestDirectories;
import io.peerdesk.web.peering.BenchWorld.BenchVpc;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * Measures the peering lifecycle through the REST API under a steady offered load, not a test. Starts
 * the portal as {@code java -jar} would (demo data, simulated cloud in-process, H2 file database in a
 * temporary directory unless {@code -Dspring.datasource.url} names another), builds its own world
 * ({@link BenchWorld}), then files {@code bench.peerings} requests at {@code bench.rate} per second from
 * {@code bench.clients} client threads: each a POST with an {@code Idempotency-Key} as the requester's
 * service account. The accepter's service account polls its requests awaiting approval (the list,
 * every 100 ms) and approves each; the requester then polls each approved request (GET every
 * {@code bench.poll-ms}) until it is ACTIVE. A warm-up of {@code bench.warmup} peerings (default 300)
 * at {@code bench.warmup-rate} (default the same rate) comes first and is not counted: the
 * just-in-time compiler is busy with a freshly started portal for about three minutes. Prints, for the warm-up and the measured run, the sustained rate
 * of requests reaching ACTIVE in the steady window (after the first quarter of the offered load,
 * until the last submission), the percentiles of the submit and approve calls and of submit → ACTIVE,
 * the load average and the CPU per peering by thread group ({@link BenchMeters}); with
 * {@code -Dbench.jfr=file} a flight recording of the measured run (execution samples every 10 ms, nothing else).
 *
 * <p>Run from the repository root (PostgreSQL: add {@code -Dspring.profiles.active=postgres
 * -DDB_URL=jdbc:postgresql://127.0.0.1:5432/peerdesk -DDB_USER=... -DDB_PASSWORD=...}):
 * <pre>
 * mvn -B -q -pl web -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp web/target/test-classes:web/target/classes:$(cat web/target/cp.txt) \
 *     -Dbench.rate=10 -Dbench.peerings=600 -Dbench.warmup=600 io.peerdesk.web.peering.PeeringLifecycleBenchmark
 * </pre>
 */
public class PeeringLifecycleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PEERINGS_PER_VPC = 40;
    private static final int PEERINGS_PER_CONTRACT = 50;
    private static final Set<String> ENDED = Set.of("FAILED", "REJECTED", "CANCELLED", "EXPIRED", "DELETED");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Peering> byId = new ConcurrentHashMap<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger approvalConflicts = new AtomicInteger();
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4);
    private final long pollMs;
    private final DataSource dataSource;
    private volatile String requesterToken;
    private volatile String accepterToken;

    /** One request's times (System.nanoTime) and outcome. */
    static final class Peering {
        final int index;
        volatile String id;
        volatile long scheduled, submitStart, submitEnd, pendingSeen, approveStart, approveEnd, activeSeen;
        volatile int submitStatus;
        volatile String endedAs;
        volatile boolean approving;

        Peering(int index) {
            this.index = index;
        }
    }

    PeeringLifecycleBenchmark(String baseUrl, long pollMs, DataSource dataSource) {
        this.baseUrl = baseUrl;
        this.pollMs = pollMs;
        this.dataSource = dataSource;
    }

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(System.getProperty("bench.rate", "50"));
        int measured = Integer.getInteger("bench.peerings", 2000);
        int warmup = Integer.getInteger("bench.warmup", 300);
        int peerings = warmup + measured;
        int clients = Integer.getInteger("bench.clients", 8);
        long pollMs = Long.getLong("bench.poll-ms", 1000);
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8081"));
        int simulatorPort = Integer.parseInt(System.getenv().getOrDefault("PORTAL_SIMULATOR_PORT", "4581"));
        Path dir = TestDirectories.create("peering-benchmark");
        // request k pairs requester VPC k mod m with accepter VPC (k mod m + k div m) mod m: distinct pairs while
        // k div m < m, each VPC in at most PEERINGS_PER_VPC peerings (room in its route table and group)
        int vpcs = Math.max(PEERINGS_PER_VPC, (peerings + PEERINGS_PER_VPC - 1) / PEERINGS_PER_VPC);
        BenchWorld world = new BenchWorld(vpcs, Integer.getInteger("bench.accounts", 10));
        String baseUrl = "http://localhost:" + port;
        Map<String, Object> properties = Map.of("server.port", port, "portal.base-url", baseUrl,
                "portal.data-dir", dir.toString(), "portal.simulator.port", simulatorPort,
                "portal.simulator.in-memory", true, "portal.simulator.seed", world.writeSeed(dir).toString());
        properties.forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerDeskApplication.class)
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(countingStatements())).run()) {
            long setup = System.nanoTime();
            world.create(context, baseUrl, (peerings + PEERINGS_PER_CONTRACT - 1) / PEERINGS_PER_CONTRACT);
            System.out.printf("%nworld: %d VPCs in %d requester accounts, %d VPCs in one accepter account, %d contracts,"
                    + " made in %d s; database %s%n", vpcs, world.requesterAccounts.size(), vpcs, world.contracts.size(), (System.nanoTime() - setup) / 1_000_000_000,
                    context.getEnvironment().getProperty("spring.datasource.url"));
            if (System.getProperty("bench.jfr") != null) {
                // the first recording of a JVM rewrites JDK classes for its I/O events, throwing away their compiled
                // code: done before the warm-up, so that the measured run's recording costs only its samples (the
                // warm-up pays for it: at 8/s a freshly started portal then falls behind for minutes)
                try (jdk.jfr.Recording first = new jdk.jfr.Recording()) {
                    first.start();
                }
            }
            if (warmup > 0) {
                double warmupRate = Double.parseDouble(System.getProperty("bench.warmup-rate", String.valueOf(rate)));
                System.out.printf("%nwarm-up: %d peerings at %.1f/s, not counted%n", warmup, warmupRate);
                PeeringLifecycleBenchmark first = new PeeringLifecycleBenchmark(baseUrl, pollMs, context.getBean(DataSource.class));
                first.requesterToken = world.requester.token();
                first.accepterToken = world.accepter.token();
                first.run(world, warmupRate, 0, warmup, clients);
                System.out.printf("%nmeasured run:%n");
            }
            PeeringLifecycleBenchmark bench = new PeeringLifecycleBenchmark(baseUrl, pollMs, context.getBean(DataSource.class));
            bench.requesterToken = world.requester.token();
            bench.accepterToken = world.accepter.token();
            jdk.jfr.Recording recording = null;
            if (System.getProperty("bench.jfr") != null) {
                // execution samples only, every 10 ms: the "profile" settings cost the portal too much to measure it
                recording = new jdk.jfr.Recording();
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
                recording.start();
            }
            bench.run(world, rate, warmup, measured, clients);
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(System.getProperty("bench.jfr")));
            }
        }
    }

    /** With {@code -Dbench.sql=true}: the portal's data source counts statements and commits ({@link BenchMeters}). */
    private static BeanPostProcessor countingStatements() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return Boolean.getBoolean("bench.sql") && bean instanceof DataSource dataSource && name.equals("dataSource")
                        ? BenchMeters.counting(dataSource) : bean;
            }
        };
    }

    private void run(BenchWorld world, double rate, int first, int count, int clients) throws Exception {
        String loadBefore = loadAverage();
        long cpuBefore = processCpuNanos();
        BenchMeters.resetStatements();
        Map<String, Long> ticksBefore = BenchMeters.threadTicks();
        Map<String, Long> writesBefore = BenchMeters.fileWrites(dataSource);

        List<Peering> all = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            all.add(new Peering(first + k));
        }
        ExecutorService submitters = Executors.newFixedThreadPool(clients);
        ExecutorService approvers = Executors.newFixedThreadPool(Math.max(2, clients / 2));
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(3);
        long period = (long) (1_000_000_000L / rate);
        long start = System.nanoTime() + 100_000_000L;
        for (Peering p : all) {
            p.scheduled = start + (p.index - first) * period;
            timers.schedule(() -> submitters.execute(() -> submit(world, p)),
                    p.scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        timers.scheduleWithFixedDelay(() -> approvePending(approvers), 100, 100, TimeUnit.MILLISECONDS);
        long offeredEnd = start + count * period;
        long deadline = offeredEnd + Duration.ofSeconds(Long.getLong("bench.drain-s", 120)).toNanos();
        long lastProgress = 0;
        while (System.nanoTime() < deadline && all.stream().anyMatch(p -> p.activeSeen == 0 && p.endedAs == null
                && (p.submitStatus == 0 || p.submitStatus == 201))) {
            Thread.sleep(200);
            if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                lastProgress = System.nanoTime();
                System.out.printf("%5.1f s: filed %d, listed for approval %d, approved %d, ACTIVE %d (load %s)%n",
                        (lastProgress - start) / 1e9, all.stream().filter(p -> p.submitStatus == 201).count(),
                        all.stream().filter(p -> p.pendingSeen != 0).count(),
                        all.stream().filter(p -> p.approveEnd != 0).count(),
                        all.stream().filter(p -> p.activeSeen != 0).count(), loadAverage());
            }
        }
        timers.shutdownNow();
        submitters.shutdownNow();
        approvers.shutdownNow();
        pollers.shutdownNow();
        long cpu = processCpuNanos() - cpuBefore;
        BenchMeters.printTicks(ticksBefore, BenchMeters.threadTicks(), count);
        BenchMeters.printStatements(count);
        BenchMeters.printFileWrites(writesBefore, BenchMeters.fileWrites(dataSource), count);

        unfinished(all);
        report(all, rate, clients, start, offeredEnd, loadBefore);
        long active = all.stream().filter(p -> p.activeSeen != 0).count();
        System.out.printf("CPU of this JVM (portal, simulated cloud and the benchmark's clients) from the first submission"
                + " until the last ACTIVE: %.1f s, %.0f ms per ACTIVE peering%n", cpu / 1e9, active == 0 ? 0 : cpu / 1e6 / active);
    }

    private void submit(BenchWorld world, Peering p) {
        int m = world.requesterVpcs.size();
        BenchVpc own = world.requesterVpcs.get(p.index % m);
        BenchVpc theirs = world.accepterVpcs.get((p.index % m + p.index / m) % m);
        Map<String, Object> body = Map.of("contract", world.contracts.get(p.index / PEERINGS_PER_CONTRACT),
                "requesterVpc", own.id(), "accepterVpc", theirs.id(),
                "routes", List.of(Map.of("side", "REQUESTER", "routeTableId", own.routeTableId(), "destinationCidr", theirs.cidr()),
                        Map.of("side", "ACCEPTER", "routeTableId", theirs.routeTableId(), "destinationCidr", own.cidr())),
                "rules", List.of(
                        Map.of("side", "REQUESTER", "securityGroupId", own.securityGroupId(), "protocol", "tcp",
                                "fromPort", 443, "toPort", 443, "sourceCidr", theirs.cidr()),
                        Map.of("side", "ACCEPTER", "securityGroupId", theirs.securityGroupId(), "protocol", "tcp",
                                "fromPort", 443, "toPort", 443, "sourceCidr", own.cidr())));
        p.submitStart = System.nanoTime();
        HttpResponse<String> response = send(request("/api/v1/peering-requests", requesterToken)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
        p.submitEnd = System.nanoTime();
        p.submitStatus = response.statusCode();
        if (p.submitStatus != 201) {
            System.out.println("submit " + p.index + ": HTTP " + p.submitStatus + " " + response.body());
            return;
        }
        p.id = read(response.body()).get("id").asText();
        byId.put(p.id, p);
    }

    /** The accepter's automation: its requests awaiting approval, each approved once. */
    private void approvePending(ExecutorService approvers) {
        try {
            HttpResponse<String> response = send(request("/api/v1/peering-requests?state=PENDING_APPROVAL", accepterToken).GET());
            long seen = System.nanoTime();
            for (JsonNode row : read(response.body())) {
                Peering p = byId.get(row.get("id").asText());
                if (p == null || p.approving) {
                    continue;
                }
                p.approving = true;
                p.pendingSeen = seen;
                approvers.execute(() -> approve(p));
            }
        } catch (RuntimeException e) {
            System.out.println("polling the approvals: " + e);
        }
    }

    private void approve(Peering p) {
        p.approveStart = System.nanoTime();
        HttpResponse<String> response = send(request("/api/v1/peering-requests/" + p.id + "/approve", accepterToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        p.approveEnd = System.nanoTime();
        if (response.statusCode() == 409) {
            // listed as pending a moment before its approval task is there: look again at the next poll
            approvalConflicts.incrementAndGet();
            p.approving = false;
            return;
        }
        if (response.statusCode() != 200) {
            System.out.println("approve " + p.index + ": HTTP " + response.statusCode() + " " + response.body());
            p.endedAs = "APPROVE_" + response.statusCode();
            return;
        }
        watch(p);
    }

    /** Looks at the approved request every poll interval until it is ACTIVE or ended. */
    private void watch(Peering p) {
        pollers.schedule(() -> {
            polls.incrementAndGet();
            try {
                JsonNode request = read(send(request("/api/v1/peering-requests/" + p.id, requesterToken).GET()).body());
                String state = request.path("state").asText();
                if ("ACTIVE".equals(state)) {
                    p.activeSeen = System.nanoTime();
                    return;
                }
                if (ENDED.contains(state)) {
                    p.endedAs = state + ": " + request.path("failureReason").asText();
                    System.out.println("request " + p.index + " ended " + p.endedAs);
                    return;
                }
            } catch (RuntimeException e) {
                System.out.println("polling " + p.index + ": " + e);
            }
            watch(p);
        }, pollMs, TimeUnit.MILLISECONDS);
    }

    /** Where the requests that did not reach ACTIVE stand. */
    private void unfinished(List<Peering> all) {
        Map<String, Long> states = new java.util.TreeMap<>();
        all.stream().filter(p -> p.id != null && p.activeSeen == 0).forEach(p -> {
            JsonNode request = read(send(request("/api/v1/peering-requests/" + p.id, requesterToken).GET()).body());
            String reason = request.path("failureReason").asText("");
            states.merge(request.path("state").asText() + (reason.isEmpty() ? "" : " (" + reason.replaceAll("[0-9a-f-]{36}|\\b[a-z]+-[0-9a-f]{8,}\\b", "…") + ")"),
                    1L, Long::sum);
        });
        if (!states.isEmpty()) {
            states.forEach((state, count) -> System.out.printf("not ACTIVE at the end: %d %s%n", count, state));
        }
    }

    private void report(List<Peering> all, double rate, int clients, long start, long offeredEnd,
                        String loadBefore) {
        double offered = (offeredEnd - start) / 1e9;
        long windowStart = start + (offeredEnd - start) / 4;
        List<Peering> active = all.stream().filter(p -> p.activeSeen != 0).toList();
        long inWindow = active.stream().filter(p -> p.activeSeen >= windowStart && p.activeSeen < offeredEnd).count();
        long lastActive = active.stream().mapToLong(p -> p.activeSeen).max().orElse(start);
        long submitted = all.stream().filter(p -> p.submitStatus == 201).count();
        long lastSubmit = all.stream().mapToLong(p -> p.submitEnd).max().orElse(start);
        System.out.printf("%noffered %.1f requests/s for %.1f s (%d requests, %d client threads, ACTIVE polled every %d ms)%n",
                rate, offered, all.size(), clients, pollMs);
        System.out.printf("load average before: %s, after: %s%n", loadBefore, loadAverage());
        System.out.printf("filed %d (201) of %d; last answer %.1f s after the first submission; %d approvals refused"
                + " as not yet open (retried)%n", submitted, all.size(), (lastSubmit - start) / 1e9, approvalConflicts.get());
        System.out.printf("ACTIVE %d, ended otherwise %d, unfinished %d; last ACTIVE %.1f s after the first submission%n",
                active.size(), all.stream().filter(p -> p.endedAs != null).count(),
                all.size() - active.size() - all.stream().filter(p -> p.endedAs != null).count(), (lastActive - start) / 1e9);
        System.out.printf("SUSTAINED: %.1f peerings/s reached ACTIVE in the steady window %.1f–%.1f s (overall %.1f/s)%n",
                inWindow / ((offeredEnd - windowStart) / 1e9), (windowStart - start) / 1e9, offered,
                active.size() / ((lastActive - start) / 1e9));
        percentiles("submit (POST, 201)", all.stream().filter(p -> p.submitStatus == 201).toList(), p -> p.submitEnd - p.submitStart);
        percentiles("approve (POST, 200)", active, p -> p.approveEnd - p.approveStart);
        percentiles("submit → listed for approval", active, p -> p.pendingSeen - p.submitStart);
        percentiles("approved → ACTIVE seen", active, p -> p.activeSeen - p.approveEnd);
        percentiles("submit → ACTIVE seen", active, p -> p.activeSeen - p.submitStart);
        percentiles("client queueing before submit", all, p -> p.submitStart - p.scheduled);
        System.out.printf("GET polls for ACTIVE: %d (%.1f/s)%n", polls.get(), polls.get() / ((lastActive - start) / 1e9));
    }

    private static void percentiles(String what, List<Peering> peerings, ToLongFunction<Peering> nanos) {
        long[] values = peerings.stream().mapToLong(nanos).sorted().toArray();
        if (values.length == 0) {
            System.out.printf("%-32s none%n", what);
            return;
        }
        System.out.printf("%-32s n %5d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", what, values.length,
                ms(values[values.length / 2]), ms(values[values.length * 95 / 100]), ms(values[values.length * 99 / 100]),
                ms(values[values.length - 1]));
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
