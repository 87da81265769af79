package io.peerdesk.sim.bench;

import io.peerdesk.sim.bench.QueryMix.Case;
import io.peerdesk.sim.bench.WorldGenerator.World;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.insights.Analysis;
import io.peerdesk.sim.insights.Query;
import io.peerdesk.sim.insights.ReachabilityAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one {@link ReachabilityAnalyzer#analyze} call on a large cloud: the
 * {@link WorldGenerator} default world (10,000 VPCs, 5,000 active peerings, ~165,000 routes,
 * ~172,000 security-group rules), queried with {@link #QUERIES} precomputed {@link QueryMix}
 * queries (half reachable across a peering or inside a VPC, half refused: no route, security group
 * mismatch, transitive attempt, ACL deny, inter-Region), one after the other, round robin.
 * {@link Mode#SampleTime} in microseconds, so JMH reports the distribution (p0.50, p0.90, p0.99,
 * p0.999 …), not just the mean.
 *
 * <p>The setup builds the world once per fork and checks every query answers as it was built to
 * (it fails the trial otherwise, so a broken world cannot produce a flattering number).
 *
 * <h2>Running</h2>
 * Everything (build, {@link WorldStats}, this benchmark) in one go, from the repository root:
 * <pre>
 * sim-engine/bench/reachability.sh
 * </pre>
 * or by hand:
 * <pre>
 * mvn -q -pl sim-engine test-compile
 * mvn -q -pl sim-engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "sim-engine/target/test-classes:sim-engine/target/classes:$(cat /tmp/cp.txt)" \
 *     org.openjdk.jmh.Main io.peerdesk.sim.bench.ReachabilityBenchmark \
 *     -f 1 -wi 3 -w 5s -i 5 -r 10s -jvmArgs -Xmx2g
 * </pre>
 * Add {@code -p mix=reachable,refused} to time the two halves of the mix separately. The settings in
 * the annotations are the same short ones, meant for a 2-core machine. Not a unit test: neither
 * Surefire ({@code *Tests}) nor Failsafe ({@code *IT}) picks it up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Threads(1)
public class ReachabilityBenchmark {

    /** Queries per trial (the array the benchmark cycles through). */
    public static final int QUERIES = 10_000;
    /** Seed of the query mix, shared with {@link WorldStats} so both time the same queries. */
    public static final long QUERY_SEED = 4242L;

    /** Which queries: {@code mixed} (the whole {@link QueryMix}), {@code reachable} or {@code refused} only. */
    @Param({"mixed"})
    public String mix;

    private final ReachabilityAnalyzer analyzer = new ReachabilityAnalyzer();
    private final Instant now = WorldGenerator.NOW;
    private Cloud cloud;
    private Query[] queries;
    private int next;

    @Setup(Level.Trial)
    public void buildWorld() {
        World world = WorldGenerator.build();
        QueryMix.Selection selection = QueryMix.Selection.valueOf(mix.toUpperCase(Locale.ROOT));
        Case[] cases = QueryMix.generate(world, QUERIES, QUERY_SEED, selection);
        int wrong = 0;
        int reachable = 0;
        int found = 0;
        for (Case c : cases) {
            Analysis a = analyzer.analyze(world.cloud, c.query(), now);
            wrong += c.asExpected(a) ? 0 : 1;
            if (c.category().reachable()) {
                reachable++;
                found += a.networkPathFound() ? 1 : 0;
            }
        }
        WorldGenerator.Counts n = world.counts();
        System.out.printf(Locale.ROOT, "%n[setup] world built in %,d ms: %,d VPCs, %,d active peerings, %,d routes,"
                        + " %,d SG rules; %,d queries %s; reachable found %,d/%,d%n",
                world.buildNanos / 1_000_000, n.vpcs(), n.activePeerings(), n.routes(), n.sgRules(), cases.length,
                QueryMix.census(cases), found, reachable);
        if (wrong > 0) {
            throw new IllegalStateException("WARNING: " + wrong + " of " + cases.length
                    + " queries did not answer as built; the world or the analyzer is broken");
        }
        cloud = world.cloud;
        queries = new Query[cases.length];
        for (int i = 0; i < cases.length; i++) {
            queries[i] = cases[i].query();
        }
        next = 0;
    }

    /** Analyses the next query; the result goes to JMH's blackhole. */
    @Benchmark
    public Analysis analyze() {
        Query q = queries[next];
        if (++next == queries.length) {
            next = 0;
        }
        return analyzer.analyze(cloud, q, now);
    }
}
