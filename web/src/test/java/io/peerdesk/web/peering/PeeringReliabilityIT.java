package io.peerdesk.web.peering;

import com.fasterxml.jackson.databind.JsonNode;
import io.peerdesk.sim.Simulator;
import io.peerdesk.sim.http.Authenticator;
import io.peerdesk.sim.http.Ec2HttpServer;
import io.peerdesk.sim.seed.SeedLoader;
import io.peerdesk.web.ApiClient;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.TestDirectories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reliability requirements against the portal as it runs: its runnable jar as a process of
 * its own, on a database that outlives the process (PostgreSQL when {@code PEERDESK_TEST_PG_URL} names
 * one, in a database of its own; else H2 in a file), the simulated cloud in this JVM (so the cloud
 * outlives the portal) behind a {@link CloudProxy} the test steers. The portal's retry pause for an
 * unreachable cloud is set to 1–2 s and its job executor looks for due jobs every second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeeringReliabilityIT {

    private static final String PASSWORD = "peerdesk-demo";
    private static final Set<String> TRANSIENT = Set.of("SUBMITTED", "PROVISIONING", "VERIFYING", "CHANGING", "TEARING_DOWN");
    private static final Pattern VPC_LINK = Pattern.compile("href=\"/vpcs/([0-9a-f-]{36})\"");

    private Simulator simulator;
    private Ec2HttpServer cloud;
    private CloudProxy proxy;
    private Database database;
    private Path dataDir;
    private String baseUrl;
    private List<String> arguments;
    private PortalProcess portal;

    @BeforeAll
    void cloudDatabaseAndPortal() throws Exception {
        simulator = Simulator.open(Simulator.Options.inMemory());
        new SeedLoader(simulator).load(SeedLoader.read(SeedLoader.DEMO));
        cloud = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), simulator, Authenticator.open());
        proxy = CloudProxy.start(URI.create("http://127.0.0.1:" + cloud.port()));
        dataDir = TestDirectories.create("peerdesk-reliability");
        database = Database.create(dataDir);
        int port = freePort();
        baseUrl = "http://localhost:" + port;
        arguments = new ArrayList<>(List.of("--server.port=" + port, "--portal.base-url=" + baseUrl,
                "--portal.data-dir=" + dataDir, "--portal.demo-data=true", "--portal.secret-key=",
                "--portal.simulator.enabled=false", "--portal.cloud.endpoint=" + proxy.endpoint(),
                "--portal.inventory.scheduled-sync=false",
                "--portal.peering.cloud-retry.first-delay=1s", "--portal.peering.cloud-retry.max-delay=2s",
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000"));
        // the engine's own lock time (5 minutes) stays: the restarted portal takes back its step at once
        arguments.addAll(database.arguments());
        portal = startPortal();
    }

    @AfterAll
    void stopAll() throws IOException {
        if (portal != null) {
            portal.close();
        }
        proxy.close();
        cloud.close();
        simulator.close();
        database.drop();
    }

    @Test
    void aPortalKilledWhileProvisioningResumesAfterItsRestartAndAppliesEachEntryOnce() throws Exception {
        ApiClient acme = acme();
        Pair pair = new Pair("globex-core", "globex-core-private", "globex-api", "us-east-1", "10.20.0.0/16");
        String id = file(acme, pair);
        PortalSession george = PortalSession.signIn(baseUrl, "george", PASSWORD);
        proxy.holdNth("CreateRoute", 2);

        george.post("/peerings/" + id, "/peerings/" + id + "/approve", Map.of("reason", "go"));
        assertThat(proxy.awaitHeld(Duration.ofSeconds(60))).as("provisioning reached its second route").isTrue();
        JsonNode half = acme.get("/api/v1/peering-requests/" + id).body();
        assertThat(half.get("state").asText()).isEqualTo("PROVISIONING");
        // the step records its routes and rules together once the cloud has them all
        assertThat(half.get("applied")).isEmpty();
        portal.kill();
        proxy.release();
        awaitCloud(() -> peeringRoutes("222222222222", "us-east-1", "globex-core-private").size() == 1);
        // the held call reached the cloud after all: both routes exist, and the portal recorded neither
        assertThat(peeringRoutes("111111111111", "us-east-1", "acme-prod-private")).hasSize(1);
        portal = startPortal();

        JsonNode active = await(acme, id, r -> r.get("state").asText().equals("ACTIVE"), Duration.ofSeconds(90));
        String pcx = active.get("pcxId").asText();
        assertThat(active.get("applied")).allSatisfy(entry -> assertThat(entry.get("removedAt").isNull()).isTrue())
                .extracting(e -> e.get("kind").asText(), e -> e.get("side").asText(), e -> e.get("cidr").asText())
                .containsExactlyInAnyOrder(tuple("ROUTE", "REQUESTER", "10.20.0.0/16"),
                        tuple("ROUTE", "ACCEPTER", "10.10.0.0/16"), tuple("RULE", "ACCEPTER", "10.10.0.0/16"));
        assertThat(peeringRoutes("111111111111", "us-east-1", "acme-prod-private")).containsExactly("10.20.0.0/16 " + pcx);
        assertThat(peeringRoutes("111111111111", "us-east-1", "acme-prod-public")).isEmpty();
        assertThat(peeringRoutes("222222222222", "us-east-1", "globex-core-private")).containsExactly("10.10.0.0/16 " + pcx);
        assertThat(markedRules("222222222222", "us-east-1", "globex-api", id)).containsExactly("tcp 443-443 10.10.0.0/16");
        assertThat(StreamSupport.stream(acme.get("/api/v1/peering-requests").body().spliterator(), false)
                .map(r -> r.get("state").asText())).as("no request left in a transient state").noneMatch(TRANSIENT::contains);
    }

    @Test
    void aRequestWaitsForTheCloudWhileThePagesKeepWorkingAndGoesOnWhenItIsBack() {
        ApiClient acme = acme();
        Pair pair = new Pair("globex-eu", "globex-eu-private", "globex-eu-api", "eu-west-1", "10.21.0.0/16");
        String id = file(acme, pair);
        PortalSession george = PortalSession.signIn(baseUrl, "george", PASSWORD);
        PortalSession alice = PortalSession.signIn(baseUrl, "alice", PASSWORD);
        proxy.goDownAt("AcceptVpcPeeringConnection");

        george.post("/peerings/" + id, "/peerings/" + id + "/approve", Map.of("reason", "go"));
        String waiting = awaitPage(alice, "/peerings/" + id, body -> body.contains("(3 attempts;"), Duration.ofSeconds(60));
        assertThat(waiting).contains("Provision the peering</span>: <span>Waiting for the cloud since ")
                .contains("): The cloud endpoint " + proxy.endpoint());
        assertThat(alice.get("/peerings").body()).as("the list says what the request waits for")
                .contains("The cloud (unreachable since ");
        JsonNode meanwhile = acme.get("/api/v1/peering-requests/" + id).body();
        assertThat(meanwhile.get("state").asText()).isEqualTo("PROVISIONING");
        assertThat(meanwhile.get("failureReason").isNull()).isTrue();
        for (var page : List.of(Map.entry(george, "/inbox"), Map.entry(alice, "/peerings"), Map.entry(alice, "/peerings/" + id),
                Map.entry(alice, "/vpcs"), Map.entry(alice, "/peerings/new"))) {
            Instant asked = Instant.now();
            assertThat(page.getKey().get(page.getValue()).status()).as(page.getValue()).isEqualTo(200);
            assertThat(Duration.between(asked, Instant.now())).as(page.getValue() + " answered quickly")
                    .isLessThan(Duration.ofSeconds(3));
        }

        proxy.up();
        JsonNode active = await(acme, id, r -> r.get("state").asText().equals("ACTIVE"), Duration.ofSeconds(60));
        String pcx = active.get("pcxId").asText();
        assertThat(alice.get("/peerings/" + id).body()).doesNotContain("Waiting for the cloud");
        assertThat(peeringRoutes("111111111111", "us-east-1", "acme-prod-private")).contains("10.21.0.0/16 " + pcx);
        assertThat(peeringRoutes("222222222222", "eu-west-1", "globex-eu-private")).containsExactly("10.10.0.0/16 " + pcx);
        assertThat(markedRules("222222222222", "eu-west-1", "globex-eu-api", id)).containsExactly("tcp 443-443 10.10.0.0/16");
    }

    /** acme-prod to one of Globex's VPCs: a route each way and tcp 443 into the Globex group. */
    private record Pair(String vpc, String routeTable, String group, String region, String cidr) {
    }

    private String file(ApiClient acme, Pair pair) {
        String contract = StreamSupport.stream(acme.get("/api/v1/contracts?state=ACTIVE").body().spliterator(), false)
                .filter(c -> c.toString().contains("\"globex\"")).findFirst().orElseThrow().get("id").asText();
        String own = acme.get("/api/v1/vpcs?search=acme-prod").body().get("items").get(0).get("id").asText();
        Matcher theirs = VPC_LINK.matcher(PortalSession.signIn(baseUrl, "gil", PASSWORD).get("/vpcs?search=" + pair.vpc()).body());
        assertThat(theirs.find()).as(pair.vpc() + " in Globex's VPC list").isTrue();
        ApiClient.Response filed = acme.post("/api/v1/peering-requests", Map.of("contract", contract, "requesterVpc", own,
                "accepterVpc", theirs.group(1),
                "routes", List.of(
                        Map.of("side", "REQUESTER", "routeTableId", id("111111111111", "us-east-1", "acme-prod-private", true),
                                "destinationCidr", pair.cidr()),
                        Map.of("side", "ACCEPTER", "routeTableId", id("222222222222", pair.region(), pair.routeTable(), true),
                                "destinationCidr", "10.10.0.0/16")),
                "rules", List.of(Map.of("side", "ACCEPTER", "securityGroupId", id("222222222222", pair.region(), pair.group(), false),
                        "protocol", "tcp", "fromPort", 443, "toPort", 443, "sourceCidr", "10.10.0.0/16"))));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String id = filed.body().get("id").asText();
        await(acme, id, r -> r.get("state").asText().equals("PENDING_APPROVAL"), Duration.ofSeconds(60));
        return id;
    }

    private ApiClient acme() {
        return ApiClient.clientCredentials(baseUrl, "acme-automation", "acme-automation-secret");
    }

    private PortalProcess startPortal() throws IOException {
        return PortalProcess.start(baseUrl, arguments, Path.of("target", "reliability-portal.log"), Duration.ofSeconds(180));
    }

    private static JsonNode await(ApiClient client, String id, Predicate<JsonNode> done, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        JsonNode request = client.get("/api/v1/peering-requests/" + id).body();
        while (!done.test(request)) {
            assertThat(Instant.now()).as("request " + id + " got there in time; it is " + request).isBefore(deadline);
            PortalProcess.sleep(250);
            request = client.get("/api/v1/peering-requests/" + id).body();
        }
        return request;
    }

    private static String awaitPage(PortalSession session, String path, Predicate<String> done, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        String body = session.get(path).body();
        while (!done.test(body)) {
            assertThat(Instant.now()).as(path + " got there in time").isBefore(deadline);
            PortalProcess.sleep(250);
            body = session.get(path).body();
        }
        return body;
    }

    private static void awaitCloud(java.util.function.BooleanSupplier done) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("the cloud got there in time").isBefore(deadline);
            PortalProcess.sleep(100);
        }
    }

    /** The cloud's id of a route table or security group by its Name tag, asked straight of the simulator. */
    private String id(String account, String region, String name, boolean routeTable) {
        try (Ec2Client ec2 = ec2(account, region)) {
            Filter named = Filter.builder().name("tag:Name").values(name).build();
            return routeTable ? ec2.describeRouteTables(r -> r.filters(named)).routeTables().get(0).routeTableId()
                    : ec2.describeSecurityGroups(r -> r.filters(named)).securityGroups().get(0).groupId();
        }
    }

    /** "destination target" of every route to a peering connection in the table. */
    private List<String> peeringRoutes(String account, String region, String table) {
        try (Ec2Client ec2 = ec2(account, region)) {
            return ec2.describeRouteTables(r -> r.filters(Filter.builder().name("tag:Name").values(table).build()))
                    .routeTables().get(0).routes().stream().filter(r -> r.vpcPeeringConnectionId() != null)
                    .map(r -> r.destinationCidrBlock() + " " + r.vpcPeeringConnectionId()).toList();
        }
    }

    /** "protocol from-to source" of the group's inbound rules the request made (they carry its mark). */
    private List<String> markedRules(String account, String region, String group, String requestId) {
        String groupId = id(account, region, group, false);
        try (Ec2Client ec2 = ec2(account, region)) {
            return ec2.describeSecurityGroupRules(r -> r.filters(Filter.builder().name("group-id").values(groupId).build()))
                    .securityGroupRules().stream()
                    .filter(r -> !r.isEgress() && ("PeerDesk peering " + requestId).equals(r.description()))
                    .map(r -> r.ipProtocol() + " " + r.fromPort() + "-" + r.toPort() + " " + r.cidrIpv4()).toList();
        }
    }

    private Ec2Client ec2(String account, String region) {
        return Ec2Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + cloud.port())).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "x")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The portal's database for this test: a PostgreSQL database of its own, created on the server
     * {@code PEERDESK_TEST_PG_URL} names and dropped afterwards (the role needs CREATEDB, as the test
     * script gives it); without that variable the portal's default, H2 in a file in its data directory. Under {@code CI=true}
     * PostgreSQL is required.
     */
    private record Database(String url, String name, List<String> arguments) {

        static Database create(Path dataDir) throws SQLException {
            String server = System.getenv("PEERDESK_TEST_PG_URL");
            if (server == null) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException("CI=true but PEERDESK_TEST_PG_URL is not set: run bin/test");
                }
                return new Database(null, null, List.of()); // the default: H2 in a file in the data directory
            }
            String name = "peerdesk_reliability_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = connect(server)) {
                c.createStatement().execute("create database " + name);
            }
            String url = server.substring(0, server.lastIndexOf('/') + 1) + name;
            // a shared database: the portal's name, the same across the restart, tells its own job locks apart
            return new Database(server, name, List.of("--spring.profiles.active=postgres", "--portal.node-name=reliability-portal",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user(), "--spring.datasource.password=" + password()));
        }

        void drop() {
            if (url == null) {
                return;
            }
            try (Connection c = connect(url)) {
                c.createStatement().execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop " + name, e);
            }
        }

        private static Connection connect(String url) throws SQLException {
            return DriverManager.getConnection(url, user(), password());
        }

        private static String user() {
            return System.getenv().getOrDefault("PEERDESK_TEST_PG_USER", "peerdesk_app");
        }

        private static String password() {
            return System.getenv().getOrDefault("PEERDESK_TEST_PG_PASSWORD", "peerdesk");
        }
    }
}
