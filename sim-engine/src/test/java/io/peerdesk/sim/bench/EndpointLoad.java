package io.peerdesk.sim.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load harness for an EC2 Query API endpoint (our simulator, {@code moto_server}, anything that
 * speaks EC2): N concurrent clients run a fixed mixed Describe/Create request mix for a fixed time
 * after a warm-up, and the program prints throughput, latency percentiles and errors by code,
 * ending with one machine-readable {@code RESULT label=… clients=… seconds=… rps=… p50_ms=… p99_ms=… errors=…} line.
 *
 * <h2>Transport</h2>
 * Every request is a form-encoded POST ({@code Action=…&Version=2016-11-15&…},
 * {@code Content-Type: application/x-www-form-urlencoded; charset=utf-8}) signed with real SigV4
 * ({@link SigV4}: {@code AWS4-HMAC-SHA256}, scope {@code <date>/<region>/ec2/aws4_request}, signed
 * headers {@code content-type;host;x-amz-date}, access key = the 12-digit account id) as botocore
 * signs it, sent with the JDK {@link HttpClient} over HTTP/1.1 keep-alive (when the server allows
 * it: moto answers {@code Connection: close}, so against moto every request opens a connection).
 * Each worker is a synchronous closed loop: it sends the next request as soon as the previous
 * reply has been read in full, so there are at most N connections in use.
 * Latency is measured from building (and signing) the request to the last byte of the reply.
 *
 * <p>Client defaults were chosen by measuring the harness against a trivial in-process stub on a
 * 2-CPU box: one HttpClient shared by all workers ({@code --http shared}; its pool holds one
 * connection per worker) with a direct executor ({@code --executor direct}, no hand-off to a
 * thread pool for each response) costs about half the client CPU per request of one client per
 * worker with the default executor; the load generator's own CPU use is printed, since on a small
 * box it competes with the server under test. Both servers always get the same client setup.
 *
 * <h2>Request mix</h2>
 * <b>Setup</b> (per worker, before the clock starts, not measured): CreateVpc (peer seed VPC), then
 * a "VPC context": CreateVpc, DescribeRouteTables ({@code vpc-id} + {@code association.main=true}) for
 * the main route table, CreateInternetGateway + AttachInternetGateway, CreateVpcPeeringConnection
 * (new VPC → previous VPC of the same worker) + AcceptVpcPeeringConnection; then CreateSecurityGroup.
 * VPCs are /22 blocks handed out from 10.0.0.0/8 by a global counter (16384 before it wraps), so
 * consecutive VPCs of a worker never overlap and every peering is legal.
 *
 * <p><b>Loop</b>: each worker deals from a deck of 100 operations, reshuffled (seeded per worker)
 * every 100 operations, so the mix is exact:
 * <pre>
 *  80% reads
 *   16  DescribeVpcs                    VpcId.1 = current VPC              (expects that vpcId)
 *   16  DescribeSubnets                 Filter vpc-id = current VPC        (expects its last subnet)
 *   16  DescribeRouteTables             Filter vpc-id = current VPC        (expects the main table)
 *   16  DescribeSecurityGroups          GroupId.1 = current group          (expects that groupId)
 *   16  DescribeVpcPeeringConnections   Filter requester-vpc-info.vpc-id   (expects the VPC's pcx)
 *  20% writes
 *    5  CreateSubnet                    next free /28 of the current VPC (64 per VPC)
 *    5  AuthorizeSecurityGroupIngress   tcp, a new port per rule, 10.0.0.0/8; every 50 rules first a
 *                                       CreateSecurityGroup (60-rule quota respected)
 *    5  CreateRoute                     on the current VPC's main route table, a new /32 each:
 *                                       even ones 198.18.0.k/32 via the internet gateway, odd ones
 *                                       inside the peer VPC via the peering connection (50 per table,
 *                                       AWS's default route quota)
 *    5  CreateTags                      one tag (8 rotating keys) on the VPC, the group or the last subnet
 * </pre>
 * When the current VPC runs out of /28s or its main route table reaches 50 routes, the next write
 * first rolls over to a fresh VPC context (the same 6 calls as in setup, peered with the previous
 * VPC); those calls are measured too and show in the per-action table.
 *
 * <p>Every reply is checked: HTTP 200, the {@code <ActionResponse} root element, and for reads that
 * the expected id is present. Failures are counted by action and AWS error code ({@code <Code>}),
 * or {@code HTTP_<status>}, {@code Bench.MissingExpectedId}, {@code IO.<exception>}. Request
 * counts, rates and latencies cover good replies only (completed in the measured window); failures
 * are only in the errors columns, so a server that fails fast cannot look fast.
 *
 * <p>Usage: {@code EndpointLoad --endpoint http://127.0.0.1:PORT [--clients 8] [--seconds 20]
 * [--warmup 5] [--label NAME] [--account 111111111111] [--region us-east-1] [--secret S]
 * [--http shared|per-worker] [--executor direct|pool] [--seed N] [--progress SECONDS] [--timeout SECONDS]
 * [--server-pid PID] [--subnets-per-vpc 64] [--routes-per-table 50] [--rules-per-group 50]}
 * (the last three lower the rotation thresholds, e.g. to exercise rollover in a short run).
 * With {@code --server-pid} (Linux) the server process's CPU time is read from {@code /proc} and
 * reported as cores used and CPU milliseconds per request, a figure that stays meaningful when
 * other processes compete for the machine.
 */
public final class EndpointLoad {

    // ---------------------------------------------------------------- actions and mix

    enum Action {
        DescribeVpcs(true), DescribeSubnets(true), DescribeRouteTables(true), DescribeSecurityGroups(true),
        DescribeVpcPeeringConnections(true),
        CreateSubnet(false), AuthorizeSecurityGroupIngress(false), CreateRoute(false), CreateTags(false),
        // auxiliary writes (setup, group rotation, VPC rollover)
        CreateSecurityGroup(false), CreateVpc(false), CreateInternetGateway(false), AttachInternetGateway(false),
        CreateVpcPeeringConnection(false), AcceptVpcPeeringConnection(false);

        final boolean read;

        Action(boolean read) {
            this.read = read;
        }
    }

    /** Loop operations and their weight in a deck of 100. */
    private static final Action[] MIX_OPS = {
        Action.DescribeVpcs, Action.DescribeSubnets, Action.DescribeRouteTables, Action.DescribeSecurityGroups,
        Action.DescribeVpcPeeringConnections,
        Action.CreateSubnet, Action.AuthorizeSecurityGroupIngress, Action.CreateRoute, Action.CreateTags};
    private static final int[] MIX_WEIGHTS = {16, 16, 16, 16, 16, 5, 5, 5, 5};

    static final int VPC_PREFIX = 22;
    static final int SUBNET_PREFIX = 28;
    static final int MAX_SUBNETS_PER_VPC = 1 << (SUBNET_PREFIX - VPC_PREFIX);
    static final int MAX_ROUTES_PER_TABLE = 50;  // AWS default non-propagated routes per table
    static final int MAX_RULES_PER_GROUP = 60;   // AWS default inbound rules per group
    static final int TAG_KEYS = 8;
    static final int IGW_ROUTE_BASE = ip(198, 18, 0, 0);   // RFC 2544 benchmarking range, outside 10/8

    // ---------------------------------------------------------------- options

    static final class Options {
        URI endpoint;
        int clients = 8;
        double seconds = 20;
        double warmup = 5;
        String label = "endpoint";
        String account = "111111111111";
        String region = "us-east-1";
        String secret = "bench-secret-key";
        boolean sharedHttp = true;
        boolean directExecutor = true;
        long seed = 42;
        double progress = 5;
        double timeout = 30;
        long serverPid = -1;
        int subnetsPerVpc = MAX_SUBNETS_PER_VPC;
        int routesPerTable = MAX_ROUTES_PER_TABLE;
        int rulesPerGroup = 50;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    usage(null);
                }
                if (i + 1 >= args.length) {
                    usage("missing value for " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--endpoint" -> o.endpoint = URI.create(v);
                    case "--clients" -> o.clients = Integer.parseInt(v);
                    case "--seconds" -> o.seconds = Double.parseDouble(v);
                    case "--warmup" -> o.warmup = Double.parseDouble(v);
                    case "--label" -> o.label = v;
                    case "--account" -> o.account = v;
                    case "--region" -> o.region = v;
                    case "--secret" -> o.secret = v;
                    case "--http" -> {
                        if (!v.equals("shared") && !v.equals("per-worker")) {
                            usage("--http must be per-worker or shared");
                        }
                        o.sharedHttp = v.equals("shared");
                    }
                    case "--executor" -> {
                        if (!v.equals("direct") && !v.equals("pool")) {
                            usage("--executor must be direct or pool");
                        }
                        o.directExecutor = v.equals("direct");
                    }
                    case "--seed" -> o.seed = Long.parseLong(v);
                    case "--progress" -> o.progress = Double.parseDouble(v);
                    case "--timeout" -> o.timeout = Double.parseDouble(v);
                    case "--server-pid" -> o.serverPid = Long.parseLong(v);
                    case "--subnets-per-vpc" -> o.subnetsPerVpc = Integer.parseInt(v);
                    case "--routes-per-table" -> o.routesPerTable = Integer.parseInt(v);
                    case "--rules-per-group" -> o.rulesPerGroup = Integer.parseInt(v);
                    default -> usage("unknown option " + a);
                }
            }
            if (o.endpoint == null) {
                usage("--endpoint is required");
            }
            if (!o.account.matches("\\d{12}")) {
                usage("--account must be 12 digits");
            }
            if (o.clients < 1 || o.seconds <= 0 || o.warmup < 0) {
                usage("--clients must be >= 1, --seconds > 0, --warmup >= 0");
            }
            if (o.subnetsPerVpc < 1 || o.subnetsPerVpc > MAX_SUBNETS_PER_VPC
                    || o.routesPerTable < 1 || o.routesPerTable > MAX_ROUTES_PER_TABLE
                    || o.rulesPerGroup < 1 || o.rulesPerGroup > MAX_RULES_PER_GROUP) {
                usage("--subnets-per-vpc 1.." + MAX_SUBNETS_PER_VPC + ", --routes-per-table 1.." + MAX_ROUTES_PER_TABLE
                        + ", --rules-per-group 1.." + MAX_RULES_PER_GROUP + " (AWS default quotas)");
            }
            if (o.label.matches(".*\\s.*")) {
                usage("--label must not contain spaces");
            }
            return o;
        }

        static void usage(String error) {
            if (error != null) {
                System.err.println("error: " + error);
            }
            System.err.println("usage: EndpointLoad --endpoint http://127.0.0.1:PORT [--clients 8] [--seconds 20]"
                    + " [--warmup 5] [--label NAME] [--account 111111111111] [--region us-east-1] [--secret S]"
                    + " [--http shared|per-worker] [--executor direct|pool] [--seed 42] [--progress 5] [--timeout 30] [--server-pid PID]"
                    + " [--subnets-per-vpc 64] [--routes-per-table 50] [--rules-per-group 50]");
            System.exit(error == null ? 0 : 64);
        }
    }

    // ---------------------------------------------------------------- shared run state

    private final Options opt;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger vpcSeq = new AtomicInteger();
    private final CountDownLatch setupDone;
    private final CountDownLatch go = new CountDownLatch(1);
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile long measureStart = Long.MAX_VALUE;
    private volatile long measureEnd = Long.MAX_VALUE;

    private EndpointLoad(Options opt) {
        this.opt = opt;
        this.setupDone = new CountDownLatch(opt.clients);
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.exit(new EndpointLoad(o).run());
    }

    // ---------------------------------------------------------------- stats

    static final class LongList {
        long[] a = new long[4096];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    static final class ErrorStat {
        long count;
        String sample;
    }

    static final class Stats {
        final LongList[] latencies = new LongList[Action.values().length];
        final long[] errors = new long[Action.values().length];
        /** "Action Code" → count, measured window only. */
        final Map<String, ErrorStat> errorsByCode = new TreeMap<>();
        /** Same, outside the measured window (setup, warm-up, drain). */
        final Map<String, ErrorStat> otherErrors = new TreeMap<>();
        long unmeasured;

        Stats() {
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = new LongList();
            }
        }
    }

    // ---------------------------------------------------------------- worker

    /** One VPC with what the loop needs from it. */
    static final class Ctx {
        int base;          // first address of the VPC's /22
        String vpcId;
        String mainRouteTable;
        String igw;
        String pcx;        // peering to the previous VPC (this VPC is the requester)
        int peerBase;
        int subnets;
        String lastSubnet;
        int routes;
    }

    /** Thrown when a setup call fails; the worker then sits the run out. */
    static final class SetupFailed extends Exception {
        SetupFailed(String message) {
            super(message);
        }
    }

    final class Worker implements Runnable {
        final int id;
        final QueryClient q;
        final Random rnd;
        final Stats st = new Stats();
        Ctx ctx;
        String groupId;
        int groupRules;
        int groupSeq;
        long tagSeq;
        volatile String setupError;
        long mStart = Long.MAX_VALUE;   // nothing is measured before go
        long mEnd = Long.MIN_VALUE;

        Worker(int id, HttpClient http) {
            this.id = id;
            SigV4 signer = new SigV4(opt.account, opt.secret, opt.region, "ec2");
            this.q = new QueryClient(http, opt.endpoint, signer, Duration.ofMillis((long) (opt.timeout * 1000)));
            this.rnd = new Random(opt.seed * 1_000_003L + id);
        }

        @Override
        public void run() {
            try {
                setup();
            } catch (SetupFailed e) {
                setupError = e.getMessage();
            } catch (InterruptedException e) {
                setupError = "interrupted";
            } catch (RuntimeException e) {
                setupError = e.toString();
            }
            setupDone.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            if (setupError != null) {
                return;
            }
            mStart = measureStart;
            mEnd = measureEnd;
            Action[] deck = deck();
            int pos = deck.length;
            try {
                while (System.nanoTime() < mEnd) {
                    if (pos == deck.length) {
                        shuffle(deck);
                        pos = 0;
                    }
                    op(deck[pos++]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Action[] deck() {
            List<Action> d = new ArrayList<>(100);
            for (int i = 0; i < MIX_OPS.length; i++) {
                for (int k = 0; k < MIX_WEIGHTS[i]; k++) {
                    d.add(MIX_OPS[i]);
                }
            }
            return d.toArray(new Action[0]);
        }

        private void shuffle(Action[] d) {
            for (int i = d.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                Action t = d[i];
                d[i] = d[j];
                d[j] = t;
            }
        }

        // ------------------------------------------------------------ setup / rollover

        private void setup() throws SetupFailed, InterruptedException {
            Ctx seed = new Ctx();
            seed.base = nextVpcBase();
            seed.vpcId = need(Action.CreateVpc, "vpcId", "CidrBlock", cidr(seed.base, VPC_PREFIX));
            ctx = newContext(seed);
            newGroup();
        }

        /** A new VPC with main route table, attached internet gateway and accepted peering to {@code prev}. */
        private Ctx newContext(Ctx prev) throws SetupFailed, InterruptedException {
            Ctx c = new Ctx();
            c.base = nextVpcBase();
            c.vpcId = need(Action.CreateVpc, "vpcId", "CidrBlock", cidr(c.base, VPC_PREFIX));
            c.mainRouteTable = need(Action.DescribeRouteTables, "routeTableId",
                    "Filter.1.Name", "vpc-id", "Filter.1.Value.1", c.vpcId,
                    "Filter.2.Name", "association.main", "Filter.2.Value.1", "true");
            c.igw = need(Action.CreateInternetGateway, "internetGatewayId");
            need(Action.AttachInternetGateway, null, "InternetGatewayId", c.igw, "VpcId", c.vpcId);
            c.pcx = need(Action.CreateVpcPeeringConnection, "vpcPeeringConnectionId",
                    "VpcId", c.vpcId, "PeerVpcId", prev.vpcId);
            c.peerBase = prev.base;
            need(Action.AcceptVpcPeeringConnection, null, "VpcPeeringConnectionId", c.pcx);
            return c;
        }

        private void newGroup() throws SetupFailed, InterruptedException {
            String name = "bench-" + runId + "-w" + id + "-sg" + (groupSeq++);
            groupId = need(Action.CreateSecurityGroup, "groupId",
                    "GroupName", name, "GroupDescription", "EndpointLoad group", "VpcId", ctx.vpcId);
            groupRules = 0;
        }

        /** Rolls over to a fresh VPC; false (errors already counted) when that failed. */
        private boolean rollover() throws InterruptedException {
            try {
                ctx = newContext(ctx);
                return true;
            } catch (SetupFailed e) {
                return false;
            }
        }

        private String need(Action a, String idElement, String... params) throws SetupFailed, InterruptedException {
            QueryClient.Reply r = exec(a, null, params);
            if (r == null) {
                throw new SetupFailed(a + " failed (see errors)");
            }
            if (idElement == null) {
                return null;
            }
            String v = element(r.body(), idElement);
            if (v == null) {
                failed.increment();
                error(a, "Bench.NoIdInReply", "no <" + idElement + "> in " + abbreviate(r.body()), false);
                throw new SetupFailed(a + ": no <" + idElement + "> in reply");
            }
            return v;
        }

        // ------------------------------------------------------------ loop operations

        private void op(Action a) throws InterruptedException {
            Ctx c = ctx;
            switch (a) {
                case DescribeVpcs -> exec(a, c.vpcId, "VpcId.1", c.vpcId);
                case DescribeSubnets -> exec(a, c.lastSubnet, "Filter.1.Name", "vpc-id", "Filter.1.Value.1", c.vpcId);
                case DescribeRouteTables -> exec(a, c.mainRouteTable,
                        "Filter.1.Name", "vpc-id", "Filter.1.Value.1", c.vpcId);
                case DescribeSecurityGroups -> exec(a, groupId, "GroupId.1", groupId);
                case DescribeVpcPeeringConnections -> exec(a, c.pcx,
                        "Filter.1.Name", "requester-vpc-info.vpc-id", "Filter.1.Value.1", c.vpcId);
                case CreateSubnet -> {
                    if (c.subnets >= opt.subnetsPerVpc) {
                        if (!rollover()) {
                            return;
                        }
                        c = ctx;
                    }
                    int idx = c.subnets++;
                    QueryClient.Reply r = exec(a, null, "VpcId", c.vpcId,
                            "CidrBlock", cidr(c.base + (idx << (32 - SUBNET_PREFIX)), SUBNET_PREFIX));
                    if (r != null) {
                        String id = element(r.body(), "subnetId");
                        if (id != null) {
                            c.lastSubnet = id;
                        }
                    }
                }
                case AuthorizeSecurityGroupIngress -> {
                    if (groupRules >= opt.rulesPerGroup) {
                        try {
                            newGroup();
                        } catch (SetupFailed e) {
                            return;
                        }
                    }
                    String port = Integer.toString(1024 + groupRules++);
                    exec(a, null, "GroupId", groupId,
                            "IpPermissions.1.IpProtocol", "tcp",
                            "IpPermissions.1.FromPort", port,
                            "IpPermissions.1.ToPort", port,
                            "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8");
                }
                case CreateRoute -> {
                    if (c.routes >= opt.routesPerTable) {
                        if (!rollover()) {
                            return;
                        }
                        c = ctx;
                    }
                    int k = c.routes++;
                    if ((k & 1) == 0) {
                        exec(a, null, "RouteTableId", c.mainRouteTable,
                                "DestinationCidrBlock", cidr(IGW_ROUTE_BASE + k, 32), "GatewayId", c.igw);
                    } else {
                        exec(a, null, "RouteTableId", c.mainRouteTable,
                                "DestinationCidrBlock", cidr(c.peerBase + k, 32), "VpcPeeringConnectionId", c.pcx);
                    }
                }
                case CreateTags -> {
                    long n = tagSeq++;
                    String resource = switch ((int) (n % 3)) {
                        case 0 -> c.vpcId;
                        case 1 -> groupId;
                        default -> c.lastSubnet != null ? c.lastSubnet : c.vpcId;
                    };
                    exec(a, null, "ResourceId.1", resource,
                            "Tag.1.Key", "bench-k" + (n % TAG_KEYS), "Tag.1.Value", "v" + n);
                }
                default -> throw new IllegalStateException(a.toString());
            }
        }

        /**
         * Sends one request, times it, checks it. Returns the reply when it is good (HTTP 200, the
         * expected root element, and {@code expectId} present when not null), null otherwise.
         */
        QueryClient.Reply exec(Action a, String expectId, String... params) throws InterruptedException {
            long t0 = System.nanoTime();
            QueryClient.Reply r;
            try {
                r = q.call(a.name(), params);
            } catch (HttpTimeoutException e) {
                record(a, "IO.Timeout", String.valueOf(e.getMessage()), t0);
                return null;
            } catch (IOException e) {
                record(a, "IO." + e.getClass().getSimpleName(), String.valueOf(e.getMessage()), t0);
                Thread.sleep(20); // a dead or refusing server must not turn the loop into a spin
                return null;
            }
            long t1 = System.nanoTime();
            boolean measured = t1 >= mStart && t1 <= mEnd;
            completed.increment();
            if (!r.ok(a.name())) {
                failed.increment();
                error(a, r.errorCode(), r.errorMessage(), measured);
                return null;
            }
            if (expectId != null && !r.body().contains(">" + expectId + "<")) {
                failed.increment();
                error(a, "Bench.MissingExpectedId", "reply lacks " + expectId + ": " + abbreviate(r.body()), measured);
                return null;
            }
            if (measured) {
                st.latencies[a.ordinal()].add(t1 - t0);
            } else {
                st.unmeasured++;
            }
            return r;
        }

        /** A failure that produced no HTTP reply (or no usable one). */
        private void record(Action a, String code, String message, long t0) {
            long t1 = System.nanoTime();
            boolean measured = t1 >= mStart && t1 <= mEnd;
            completed.increment();
            failed.increment();
            error(a, code, message, measured);
        }

        private void error(Action a, String code, String message, boolean measured) {
            Map<String, ErrorStat> m = measured ? st.errorsByCode : st.otherErrors;
            if (measured) {
                st.errors[a.ordinal()]++;
            }
            ErrorStat e = m.computeIfAbsent(a.name() + " " + code, k -> new ErrorStat());
            e.count++;
            if (e.sample == null) {
                e.sample = message;
            }
        }
    }

    private int nextVpcBase() {
        int count = 1 << (VPC_PREFIX - 8);
        int seq = vpcSeq.getAndIncrement() % count;
        return ip(10, 0, 0, 0) + (seq << (32 - VPC_PREFIX));
    }

    // ---------------------------------------------------------------- run

    private int run() throws Exception {
        System.out.printf(Locale.ROOT, "EndpointLoad label=%s endpoint=%s clients=%d warmup=%.1fs measure=%.1fs"
                        + " account=%s region=%s http=%s executor=%s run=%s%n",
                opt.label, opt.endpoint, opt.clients, opt.warmup, opt.seconds, opt.account, opt.region,
                opt.sharedHttp ? "shared" : "per-worker", opt.directExecutor ? "direct" : "pool", runId);
        printMix();

        HttpClient shared = opt.sharedHttp ? newHttp() : null;
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < opt.clients; i++) {
            Worker w = new Worker(i, shared != null ? shared : newHttp());
            workers.add(w);
            Thread t = new Thread(w, "load-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        long setupStart = System.nanoTime();
        threads.forEach(Thread::start);
        setupDone.await();
        long setupNanos = System.nanoTime() - setupStart;
        int setupFailures = 0;
        for (Worker w : workers) {
            if (w.setupError != null) {
                setupFailures++;
                System.out.println("  worker " + w.id + " setup FAILED: " + w.setupError);
            }
        }
        System.out.printf(Locale.ROOT, "setup: %d/%d workers ready in %.2f s (%d requests, %d failed)%n",
                opt.clients - setupFailures, opt.clients, setupNanos / 1e9, completed.sum(), failed.sum());
        if (setupFailures == opt.clients) {
            printErrors(workers, false);
            System.out.println("all workers failed setup; nothing to measure");
            System.out.printf(Locale.ROOT, "RESULT label=%s clients=%d seconds=0 rps=0 p50_ms=NaN p99_ms=NaN errors=%d%n",
                    opt.label, opt.clients, failed.sum());
            return 2;
        }

        long t0 = System.nanoTime();
        measureStart = t0 + (long) (opt.warmup * 1e9);
        measureEnd = measureStart + (long) (opt.seconds * 1e9);
        go.countDown();

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuAtStart = -1;
        long cpuAtEnd = -1;
        long[] sysAtStart = null;
        long[] sysAtEnd = null;
        long srvAtStart = -1;
        long srvAtEnd = -1;
        long srvLast = serverCpuNanos();
        long progressNanos = (long) (Math.max(0.5, opt.progress) * 1e9);
        long nextTick = t0 + progressNanos;
        long lastCount = completed.sum();
        long lastErrors = failed.sum();
        long lastTime = t0;
        while (true) {
            long now = System.nanoTime();
            if (cpuAtStart < 0 && now >= measureStart) {
                cpuAtStart = os.getProcessCpuTime();
                sysAtStart = procStat();
                srvAtStart = serverCpuNanos();
            }
            if (now >= measureEnd) {
                cpuAtEnd = os.getProcessCpuTime();
                sysAtEnd = procStat();
                srvAtEnd = serverCpuNanos();
                break;
            }
            if (opt.progress > 0 && now >= nextTick) {
                long c = completed.sum();
                long e = failed.sum();
                long srv = serverCpuNanos();
                String server = "";
                if (srv >= 0 && srvLast >= 0) {
                    server = String.format(Locale.ROOT, "  server %.2f cores %.2f ms CPU/req", (srv - srvLast) / (double) (now - lastTime),
                            c > lastCount ? (srv - srvLast) / 1e6 / (c - lastCount) : Double.NaN);
                }
                srvLast = srv;
                System.out.printf(Locale.ROOT, "  t=%5.1fs %-7s %8.1f req/s  errors %d%s%n", (now - t0) / 1e9,
                        lastTime < measureStart ? "warmup" : "measure", (c - lastCount) * 1e9 / (now - lastTime), e - lastErrors,
                        server);
                lastCount = c;
                lastErrors = e;
                lastTime = now;
                nextTick += progressNanos;
            }
            long sleepUntil = Math.min(measureEnd, Math.min(nextTick, cpuAtStart < 0 ? measureStart : Long.MAX_VALUE));
            long sleep = Math.max(1, (sleepUntil - now) / 1_000_000);
            Thread.sleep(Math.min(sleep, 200));
        }
        for (Thread t : threads) {
            t.join((long) (opt.timeout * 1000) + 5000);
        }
        double window = measureEnd - measureStart;
        double cpuCores = (cpuAtStart >= 0 && cpuAtEnd >= 0) ? (cpuAtEnd - cpuAtStart) / window : Double.NaN;
        double sysCores = Double.NaN;
        if (sysAtStart != null && sysAtEnd != null) {
            // jiffies: busy = total - idle - iowait; USER_HZ is 100 on every Linux we care about
            sysCores = ((sysAtEnd[0] - sysAtStart[0]) - (sysAtEnd[1] - sysAtStart[1])) * 1e7 / window;
        }
        double srvNanos = srvAtStart >= 0 && srvAtEnd >= 0 ? srvAtEnd - srvAtStart : Double.NaN;
        report(workers, window / 1e9, cpuCores, sysCores, srvNanos);
        return 0;
    }

    /** CPU time (user + system) of --server-pid from /proc/PID/stat in nanoseconds, -1 when unknown. */
    private long serverCpuNanos() {
        if (opt.serverPid < 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + opt.serverPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state=0 ... utime=11 stime=12 (fields 14 and 15 of proc(5))
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {total, idle+iowait} jiffies from /proc/stat, or null when unavailable (not Linux). */
    private static long[] procStat() {
        try {
            String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {   // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private HttpClient newHttp() {
        HttpClient.Builder b = HttpClient.newBuilder();
        if (opt.directExecutor) {
            b.executor(Runnable::run);
        }
        return b
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private void printMix() {
        StringBuilder sb = new StringBuilder("request mix per worker (deck of 100, reshuffled per cycle):");
        int reads = 0;
        for (int i = 0; i < MIX_OPS.length; i++) {
            if (MIX_OPS[i].read) {
                reads += MIX_WEIGHTS[i];
            }
        }
        sb.append(String.format(Locale.ROOT, " reads %d%% [", reads));
        String sep = "";
        for (int i = 0; i < MIX_OPS.length; i++) {
            if (MIX_OPS[i].read) {
                sb.append(sep).append(MIX_OPS[i]).append(' ').append(MIX_WEIGHTS[i]).append('%');
                sep = ", ";
            }
        }
        sb.append(String.format(Locale.ROOT, "] writes %d%% [", 100 - reads));
        sep = "";
        for (int i = 0; i < MIX_OPS.length; i++) {
            if (!MIX_OPS[i].read) {
                sb.append(sep).append(MIX_OPS[i]).append(' ').append(MIX_WEIGHTS[i]).append('%');
                sep = ", ";
            }
        }
        sb.append("]; plus CreateSecurityGroup every ").append(opt.rulesPerGroup)
                .append(" rules and a VPC rollover (CreateVpc, DescribeRouteTables, CreateInternetGateway,"
                        + " AttachInternetGateway, CreateVpcPeeringConnection, AcceptVpcPeeringConnection) every ")
                .append(opt.subnetsPerVpc).append(" subnets or ").append(opt.routesPerTable)
                .append(" routes, whichever comes first");
        System.out.println(sb);
    }

    // ---------------------------------------------------------------- report

    private void report(List<Worker> workers, double secs, double cpuCores, double sysCores, double srvNanos) {
        int nActions = Action.values().length;
        long[][] perAction = new long[nActions][];
        long[] errors = new long[nActions];
        long unmeasured = 0;
        for (Action a : Action.values()) {
            int total = 0;
            for (Worker w : workers) {
                total += w.st.latencies[a.ordinal()].n;
                errors[a.ordinal()] += w.st.errors[a.ordinal()];
            }
            long[] all = new long[total];
            int off = 0;
            for (Worker w : workers) {
                LongList l = w.st.latencies[a.ordinal()];
                System.arraycopy(l.a, 0, all, off, l.n);
                off += l.n;
            }
            Arrays.sort(all);
            perAction[a.ordinal()] = all;
        }
        for (Worker w : workers) {
            unmeasured += w.st.unmeasured;
        }
        long[] reads = merge(perAction, true);
        long[] writes = merge(perAction, false);
        long[] total = merge(perAction, null);
        long errTotal = Arrays.stream(errors).sum();
        long errReads = 0;
        long errWrites = 0;
        for (Action a : Action.values()) {
            if (a.read) {
                errReads += errors[a.ordinal()];
            } else {
                errWrites += errors[a.ordinal()];
            }
        }

        System.out.printf(Locale.ROOT, "%n=== %s: %d clients, %.2f s measured (after %.1f s warm-up) ===%n",
                opt.label, opt.clients, secs, opt.warmup);
        String header = String.format(Locale.ROOT, "%-31s %9s %10s %5s %8s %8s %8s %8s %7s",
                "", "ok", "ok req/s", "%", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
        System.out.println(header);
        row("TOTAL", total, total.length, secs, errTotal);
        row("reads", reads, total.length, secs, errReads);
        row("writes", writes, total.length, secs, errWrites);
        System.out.println("per action:");
        for (Action a : Action.values()) {
            long[] l = perAction[a.ordinal()];
            if (l.length > 0 || errors[a.ordinal()] > 0) {
                row("  " + a.name(), l, total.length, secs, errors[a.ordinal()]);
            }
        }
        printErrors(workers, true);
        printErrors(workers, false);
        System.out.printf(Locale.ROOT, "CPU during measurement: load generator %.2f cores, whole machine %.2f busy of %d"
                        + " (the rest is the server and anything else running)%n",
                cpuCores, sysCores, Runtime.getRuntime().availableProcessors());
        double srvMsPerReq = total.length == 0 ? Double.NaN : srvNanos / 1e6 / total.length;
        if (!Double.isNaN(srvNanos)) {
            System.out.printf(Locale.ROOT, "server process %d: %.2f cores, %.3f ms CPU per request%n",
                    opt.serverPid, srvNanos / (secs * 1e9), srvMsPerReq);
        }
        System.out.printf(Locale.ROOT, "requests outside the window (setup, warm-up, drain): %d%n", unmeasured);
        System.out.printf(Locale.ROOT, "RESULT label=%s clients=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d"
                        + " read_rps=%.1f write_rps=%.1f p90_ms=%.3f max_ms=%.3f requests=%d server_cpu_ms_per_req=%.3f%n",
                opt.label, opt.clients, secs, total.length / secs, ms(pct(total, 50)), ms(pct(total, 99)), errTotal,
                reads.length / secs, writes.length / secs, ms(pct(total, 90)),
                ms(total.length == 0 ? -1 : total[total.length - 1]), total.length, srvMsPerReq);
    }

    private static void row(String name, long[] sorted, long all, double secs, long errors) {
        System.out.printf(Locale.ROOT, "%-31s %9d %10.1f %5.1f %8.3f %8.3f %8.3f %8.3f %7d%n",
                name, sorted.length, sorted.length / secs, all == 0 ? 0 : 100.0 * sorted.length / all,
                ms(pct(sorted, 50)), ms(pct(sorted, 90)), ms(pct(sorted, 99)),
                ms(sorted.length == 0 ? -1 : sorted[sorted.length - 1]), errors);
    }

    private void printErrors(List<Worker> workers, boolean measured) {
        Map<String, ErrorStat> merged = new TreeMap<>();
        for (Worker w : workers) {
            for (Map.Entry<String, ErrorStat> e : (measured ? w.st.errorsByCode : w.st.otherErrors).entrySet()) {
                ErrorStat m = merged.computeIfAbsent(e.getKey(), k -> new ErrorStat());
                m.count += e.getValue().count;
                if (m.sample == null) {
                    m.sample = e.getValue().sample;
                }
            }
        }
        if (merged.isEmpty()) {
            System.out.println(measured ? "errors by code: none" : "errors outside the window: none");
            return;
        }
        System.out.println(measured ? "errors by code (measured window):" : "errors outside the window (setup, warm-up, drain):");
        for (Map.Entry<String, ErrorStat> e : merged.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-60s %8d  e.g. %s%n", e.getKey(), e.getValue().count,
                    abbreviate(e.getValue().sample));
        }
    }

    private static long[] merge(long[][] perAction, Boolean read) {
        int n = 0;
        for (Action a : Action.values()) {
            if (read == null || a.read == read) {
                n += perAction[a.ordinal()].length;
            }
        }
        long[] out = new long[n];
        int off = 0;
        for (Action a : Action.values()) {
            if (read == null || a.read == read) {
                long[] l = perAction[a.ordinal()];
                System.arraycopy(l, 0, out, off, l.length);
                off += l.length;
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Nearest-rank percentile of a sorted array; -1 when empty. */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e6;
    }

    // ---------------------------------------------------------------- helpers

    /** Text of the first {@code <name>…</name>} in an XML body, or null. */
    static String element(String body, String name) {
        String open = "<" + name + ">";
        int i = body.indexOf(open);
        if (i < 0) {
            return null;
        }
        int start = i + open.length();
        int end = body.indexOf("</" + name + ">", start);
        return end < 0 ? null : body.substring(start, end).trim();
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    static int ip(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    static String cidr(int address, int prefix) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff) + "/" + prefix;
    }
}
