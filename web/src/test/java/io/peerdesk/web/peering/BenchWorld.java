package io.peerdesk.web.peering;

import com.fasterxml.jackson.databind.JsonNode;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contract.ContractProposal;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.domain.tenancy.NewMember;
import io.peerdesk.domain.tenancy.ServiceAccounts;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.ApiClient;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The world {@link PeeringLifecycleBenchmark} peers in, apart from the demo's: two tenants of their
 * own (a requester and an accepter, each with a tenant admin and one member who gets the
 * notifications), each with a cloud account of {@code vpcs} VPCs in us-east-1 whose blocks never
 * overlap the other side's, every VPC with two subnets, a route table associated with one of them
 * and an application security group; service accounts for the API (the requester's REQUESTER,
 * the accepter's APPROVER), the accounts registered and synced through the API, and enough active
 * contracts for the run (a contract allows at most 50 peerings).
 */
final class BenchWorld {

    static final String REQUESTER_PREFIXES = "10.64.0.0/10";
    static final String ACCEPTER_PREFIXES = "10.128.0.0/10";

    /** A VPC of the world as the API shows it: the portal's id, its block, the route table and group to use. */
    record BenchVpc(String id, String cidr, String routeTableId, String securityGroupId) {
    }

    final List<String> requesterAccounts = new ArrayList<>();
    final String accepterAccount;
    private final int vpcs;
    private final String slug;
    ApiClient requester;
    ApiClient accepter;
    String requesterClientId;
    String requesterSecret;
    String accepterClientId;
    String accepterSecret;
    List<BenchVpc> requesterVpcs;
    List<BenchVpc> accepterVpcs;
    List<String> contracts;

    /**
     * {@code vpcs} VPCs a side; the requester's spread over {@code requesterAccounts} accounts (VPC i in
     * account i mod n), as the cloud allows 25 connections awaiting acceptance per requesting account.
     */
    BenchWorld(int vpcs, int requesterAccounts) {
        this.vpcs = vpcs;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long first = random.nextLong(100_000_000_000L - requesterAccounts);
        for (int a = 0; a < requesterAccounts; a++) {
            this.requesterAccounts.add(String.format("7%011d", first + a));
        }
        this.accepterAccount = String.format("8%011d", random.nextLong(100_000_000_000L));
        this.slug = "bench-" + Integer.toString(random.nextInt(36 * 36 * 36 * 36), 36);
    }

    static String requesterCidr(int i) {
        return "10." + (64 + i / 256) + "." + (i % 256) + ".0/24";
    }

    static String accepterCidr(int i) {
        return "10." + (128 + i / 256) + "." + (i % 256) + ".0/24";
    }

    /** The simulated cloud's seed: the demo world and the two accounts of the benchmark. */
    Path writeSeed(Path dir) throws IOException {
        StringBuilder seed = new StringBuilder();
        try (InputStream demo = BenchWorld.class.getResourceAsStream("/io/peerdesk/sim/seed/demo-world.yaml")) {
            seed.append(new String(demo.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
        }
        for (int a = 0; a < requesterAccounts.size(); a++) {
            account(seed, requesterAccounts.get(a), "Bench Requester", "bench-r", BenchWorld::requesterCidr, a,
                    requesterAccounts.size());
        }
        account(seed, accepterAccount, "Bench Accepter", "bench-a", BenchWorld::accepterCidr, 0, 1);
        Path file = dir.resolve("bench-world.yaml");
        Files.writeString(file, seed);
        return file;
    }

    private void account(StringBuilder seed, String id, String organisation, String prefix,
                         java.util.function.IntFunction<String> cidr, int account, int accounts) {
        seed.append("  - id: \"").append(id).append("\"\n    organisation: ").append(organisation).append("\n    vpcs:\n");
        for (int i = account; i < vpcs; i += accounts) {
            String name = String.format("%s-%04d", prefix, i);
            String block = cidr.apply(i);
            String net = block.substring(0, block.lastIndexOf(".0/24"));
            seed.append("      - name: ").append(name).append("\n        region: us-east-1\n        cidr: ").append(block)
                    .append("\n        subnets:\n")
                    .append("          - { name: ").append(name).append("-a, cidr: ").append(net).append(".0/26, az: us-east-1a }\n")
                    .append("          - { name: ").append(name).append("-b, cidr: ").append(net).append(".64/26, az: us-east-1b }\n")
                    .append("        routeTables:\n          - { name: ").append(name).append("-private, subnets: [")
                    .append(name).append("-a] }\n")
                    .append("        securityGroups:\n          - name: ").append(name).append("-app\n            ingress:\n")
                    .append("              - { protocol: tcp, ports: \"443\", cidr: ").append(block).append(" }\n");
        }
    }

    /** Tenants, members, service accounts and contracts through the domain; accounts and inventory through the API. */
    void create(ConfigurableApplicationContext context, String baseUrl, int contractCount) {
        Tenancy tenancy = context.getBean(Tenancy.class);
        ServiceAccounts serviceAccounts = context.getBean(ServiceAccounts.class);
        Contracts contractService = context.getBean(Contracts.class);
        TenantId requesterTenant = tenancy.createTenant(slug + "-r", "Bench Requester " + slug).id();
        TenantId accepterTenant = tenancy.createTenant(slug + "-a", "Bench Accepter " + slug).id();
        Actor requesterAdmin = member(tenancy, requesterTenant, slug + "-r-admin", Role.TENANT_ADMIN, Role.NETWORK_ADMIN);
        Actor accepterAdmin = member(tenancy, accepterTenant, slug + "-a-admin", Role.TENANT_ADMIN, Role.NETWORK_ADMIN);
        member(tenancy, requesterTenant, slug + "-r-requester", Role.REQUESTER);
        member(tenancy, accepterTenant, slug + "-a-approver", Role.APPROVER);

        var requesterApi = serviceAccounts.create(requesterAdmin, "benchmark requester",
                EnumSet.of(Role.REQUESTER, Role.NETWORK_ADMIN, Role.VIEWER));
        var accepterApi = serviceAccounts.create(accepterAdmin, "benchmark approver",
                EnumSet.of(Role.APPROVER, Role.NETWORK_ADMIN, Role.VIEWER));
        requesterClientId = requesterApi.account().clientId();
        requesterSecret = requesterApi.clientSecret();
        accepterClientId = accepterApi.account().clientId();
        accepterSecret = accepterApi.clientSecret();
        requester = ApiClient.clientCredentials(baseUrl, requesterClientId, requesterSecret);
        accepter = ApiClient.clientCredentials(baseUrl, accepterClientId, accepterSecret);

        requesterAccounts.forEach(account -> registerAndSync(requester, account));
        registerAndSync(accepter, accepterAccount);
        requesterVpcs = vpcs(requester, "bench-r-");
        accepterVpcs = vpcs(accepter, "bench-a-");

        contracts = new ArrayList<>();
        for (int i = 0; i < contractCount; i++) {
            var today = contractService.today();
            var proposed = contractService.propose(requesterAdmin, new ContractProposal(accepterTenant,
                    "Benchmark contract " + (i + 1), today, today.plusYears(1), List.of("us-east-1"),
                    List.of(REQUESTER_PREFIXES), List.of(ACCEPTER_PREFIXES), List.of("tcp 443"), false,
                    new BigDecimal("99.9"), 20, 50, 14, "Sundays 02:00–04:00 UTC", EnumSet.noneOf(ContactRole.class)));
            contracts.add(contractService.accept(accepterAdmin, proposed.id()).id().toString());
        }
    }

    private static Actor member(Tenancy tenancy, TenantId tenant, String username, Role... roles) {
        Set<Role> granted = EnumSet.of(roles[0], roles);
        tenancy.seedMember(tenant, new NewMember(username, username, username + "@bench.example", "not-for-signing-in",
                granted), "{noop}not-for-signing-in");
        return new Actor(tenant, username, granted, "127.0.0.1");
    }

    private static void registerAndSync(ApiClient api, String account) {
        ApiClient.Response registered = api.post("/api/v1/cloud-accounts", Map.of("accountId", account, "name", "bench " + account,
                "regions", List.of("us-east-1"), "accessKeyId", account, "secretAccessKey", "bench"));
        expect(registered, 201, "register " + account);
        String id = registered.body().get("id").asText();
        expect(api.post("/api/v1/cloud-accounts/" + id + "/sync", Map.of()), 200, "sync " + account);
    }

    private List<BenchVpc> vpcs(ApiClient api, String prefix) {
        List<BenchVpc> found = new ArrayList<>();
        for (int i = 0; i < vpcs; i++) {
            String name = String.format("%s%04d", prefix, i);
            JsonNode page = expect(api.get("/api/v1/vpcs?search=" + name + "&size=5"), 200, "find " + name).body();
            String vpcId = null;
            for (JsonNode item : page.get("items")) {
                if (name.equals(item.get("name").asText())) {
                    vpcId = item.get("id").asText();
                }
            }
            JsonNode vpc = expect(api.get("/api/v1/vpcs/" + vpcId), 200, "read " + name).body();
            found.add(new BenchVpc(vpcId, vpc.get("cidrBlocks").get(0).get("cidr").asText(),
                    named(vpc.get("routeTables"), "routeTableId", name + "-private"),
                    named(vpc.get("securityGroups"), "groupId", name + "-app")));
        }
        return found;
    }

    private static String named(JsonNode items, String idField, String name) {
        for (JsonNode item : items) {
            if (name.equals(item.path("name").asText())) {
                return item.get(idField).asText();
            }
        }
        throw new IllegalStateException("no " + name + " in " + items);
    }

    static ApiClient.Response expect(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.status() + " " + response.body());
        }
        return response;
    }
}
