package io.peerdesk.sim.bench;

import io.peerdesk.sim.bench.QueryMix.Case;
import io.peerdesk.sim.bench.QueryMix.Category;
import io.peerdesk.sim.bench.WorldGenerator.World;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.insights.Analysis;
import io.peerdesk.sim.insights.ReachabilityAnalyzer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures around the JMH benchmark that JMH itself does not give: how long the
 * {@link WorldGenerator} world takes to build, how much heap it holds, how big its snapshot is, and a
 * plain timing loop over the {@link QueryMix} queries (median and p99, as a cross-check of
 * {@link ReachabilityBenchmark}), with a check that every query answered as it was built to — in
 * particular that 100% of the reachable ones were found. A mismatch is printed as a loud
 * {@code WARNING} and makes the exit status 2.
 *
 * <p>Run through {@code sim-engine/bench/reachability.sh}, or by hand after a test-compile:
 * <pre>
 * java -Xmx2g -cp "sim-engine/target/test-classes:sim-engine/target/classes:$(cat cp.txt)" \
 *     io.peerdesk.sim.bench.WorldStats [queries] [passes]
 * </pre>
 * Heap figures are only meaningful with the default (or another stop-the-world) collector and
 * nothing else running in the JVM. Not a unit test.
 */
public final class WorldStats {

    private static final long MIB = 1024 * 1024;

    private WorldStats() {
    }

    public static void main(String[] args) throws Exception {
        int queryCount = args.length > 0 ? Integer.parseInt(args[0]) : ReachabilityBenchmark.QUERIES;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Locale.setDefault(Locale.ROOT);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        System.out.println("== JVM");
        System.out.printf("  %s %s (%s), %d CPUs, max heap %,d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / MIB);
        System.out.printf("  flags: %s%n", ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf("  GC: %s%n", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(b -> b.getName()).toList());

        long baseline = settledHeap(memory);

        System.out.println("== World");
        World world = WorldGenerator.build();
        WorldGenerator.Counts counts = world.counts();
        System.out.printf("  build time          %,9d ms%n", world.buildNanos / 1_000_000);
        counts.print(System.out);
        System.out.printf("  transitive routes   %,9d%n", world.transits.size());

        long used = settledHeap(memory);
        System.out.println("== Memory (after System.gc() x3)");
        System.out.printf("  heap used           %,9d MiB   (world alone: %,d MiB over a %,d MiB baseline)%n",
                used / MIB, (used - baseline) / MIB, baseline / MIB);
        if (used > 1024 * MIB) {
            System.out.println("  WARNING: heap used is over the 1 GiB target");
        }

        System.out.println("== Snapshot (io.peerdesk.sim.CloudSnapshots: Java serialisation, deflated)");
        long t0 = System.nanoTime();
        byte[] snapshot = snapshotWrite(world.cloud);
        long written = System.nanoTime() - t0;
        t0 = System.nanoTime();
        Cloud restored = snapshotRead(snapshot);
        long read = System.nanoTime() - t0;
        boolean same = WorldGenerator.Counts.of(restored).equals(counts);
        long snapshotBytes = snapshot.length;
        System.out.printf("  size                %,9d bytes (%.1f MiB)%n", snapshot.length, snapshot.length / (double) MIB);
        System.out.printf("  write %,d ms, read back %,d ms; restored counts %s%n", written / 1_000_000,
                read / 1_000_000, same ? "identical" : "DIFFER");
        if (!same) {
            System.out.println("  WARNING: the restored cloud does not have the same counts");
        }
        restored = null;
        snapshot = null;

        System.out.println("== Queries");
        Case[] cases = QueryMix.generate(world, queryCount, ReachabilityBenchmark.QUERY_SEED);
        Map<Category, Integer> census = QueryMix.census(cases);
        System.out.printf("  %,d queries: %s%n", cases.length, census);
        ReachabilityAnalyzer analyzer = new ReachabilityAnalyzer();
        Instant now = WorldGenerator.NOW;

        // correctness first: every case must answer as built
        Map<Category, int[]> tally = new EnumMap<>(Category.class);
        int reachable = 0;
        int reachableFound = 0;
        int wrong = 0;
        for (Case c : cases) {
            Analysis a = analyzer.analyze(world.cloud, c.query(), now);
            int[] t = tally.computeIfAbsent(c.category(), k -> new int[3]);
            t[0]++;
            t[1] += a.networkPathFound() ? 1 : 0;
            boolean ok = c.asExpected(a);
            t[2] += ok ? 1 : 0;
            if (c.category().reachable()) {
                reachable++;
                reachableFound += a.networkPathFound() ? 1 : 0;
            }
            if (!ok && wrong++ < 5) {
                System.out.printf("  unexpected: %s %s -> status=%s found=%s codes=%s %s%n", c.category(), c.query(),
                        a.status(), a.networkPathFound(), a.codes(), a.statusMessage() == null ? "" : a.statusMessage());
            }
        }
        for (Map.Entry<Category, int[]> e : tally.entrySet()) {
            int[] t = e.getValue();
            System.out.printf("  %-18s %,6d queries, path found %,6d, answered as built %,6d%n", e.getKey(), t[0],
                    t[1], t[2]);
        }
        double share = reachable == 0 ? 0 : 100.0 * reachableFound / reachable;
        System.out.printf("  reachable found: %,d of %,d = %.2f%%%n", reachableFound, reachable, share);
        if (reachableFound != reachable || wrong > 0) {
            System.out.println();
            System.out.println("  ********************************************************************");
            System.out.printf("  WARNING: %d queries did not answer as built (%,d of %,d reachable found)%n", wrong,
                    reachableFound, reachable);
            System.out.println("  ********************************************************************");
            System.out.println();
        }

        // warm-up, then time every call
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        long sink = 0;
        int warm = 0;
        while (System.nanoTime() < warmUntil) {
            for (Case c : cases) {
                sink += analyzer.analyze(world.cloud, c.query(), now).forwardPathComponents().size();
            }
            warm++;
        }
        long[] samples = new long[cases.length * passes];
        Map<Category, long[]> byCategory = new EnumMap<>(Category.class);
        Map<Category, Integer> filled = new EnumMap<>(Category.class);
        census.forEach((c, n) -> {
            byCategory.put(c, new long[n * passes]);
            filled.put(c, 0);
        });
        int k = 0;
        long loopStart = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (Case c : cases) {
                long s = System.nanoTime();
                Analysis a = analyzer.analyze(world.cloud, c.query(), now);
                long took = System.nanoTime() - s;
                samples[k++] = took;
                int at = filled.merge(c.category(), 1, Integer::sum) - 1;
                byCategory.get(c.category())[at] = took;
                sink += a.forwardPathComponents().size();
            }
        }
        long loopNanos = System.nanoTime() - loopStart;
        Arrays.sort(samples);
        System.out.printf("  plain timing loop (1 thread, %d warm-up passes, %d timed passes = %,d calls):%n", warm,
                passes, samples.length);
        System.out.printf("    p50 %.2f us   p90 %.2f us   p99 %.2f us   p99.9 %.2f us   max %.1f us   mean %.2f us"
                        + "   (%,.0f analyses/s)%n",
                pct(samples, 0.50), pct(samples, 0.90), pct(samples, 0.99), pct(samples, 0.999),
                samples[samples.length - 1] / 1000.0, loopNanos / 1000.0 / samples.length,
                samples.length / (loopNanos / 1e9));
        for (Map.Entry<Category, long[]> e : byCategory.entrySet()) {
            long[] own = e.getValue();
            Arrays.sort(own);
            System.out.printf("    %-18s p50 %7.2f us   p99 %7.2f us%n", e.getKey(), pct(own, 0.50), pct(own, 0.99));
        }
        System.out.printf("  (sink %d)%n", sink);
        System.out.printf("RESULT build_ms=%d heap_mib=%d snapshot_bytes=%d vpcs=%d peerings=%d routes=%d sg_rules=%d"
                        + " loop_p50_us=%.2f loop_p99_us=%.2f reachable_found_pct=%.2f unexpected=%d%n",
                world.buildNanos / 1_000_000, used / MIB, snapshotBytes, counts.vpcs(), counts.activePeerings(),
                counts.routes(), counts.sgRules(),
                pct(samples, 0.50), pct(samples, 0.99), share, wrong);
        if (wrong > 0) {
            System.exit(2);
        }
    }

    private static double pct(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000.0;
    }

    /** Heap in use once the collector has had a few chances to clear what is unreachable. */
    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    // CloudSnapshots is package-private in io.peerdesk.sim; reflection keeps this tool in the bench package.

    private static byte[] snapshotWrite(Cloud cloud) throws ReflectiveOperationException {
        return (byte[]) snapshotMethod("write", Cloud.class).invoke(null, cloud);
    }

    private static Cloud snapshotRead(byte[] bytes) throws ReflectiveOperationException {
        try {
            return (Cloud) snapshotMethod("read", byte[].class).invoke(null, (Object) bytes);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("snapshot did not read back", e.getCause());
        }
    }

    private static Method snapshotMethod(String name, Class<?> parameter) throws ReflectiveOperationException {
        Method m = Class.forName("io.peerdesk.sim.CloudSnapshots").getDeclaredMethod(name, parameter);
        m.setAccessible(true);
        return m;
    }
}
