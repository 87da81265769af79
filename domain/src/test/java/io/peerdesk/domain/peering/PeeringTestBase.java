package io.peerdesk.domain.peering;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.PeeringCloud;
import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.RuleDirection;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.ContractProposal;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.CloudAccount;
import io.peerdesk.domain.inventory.CloudAccounts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.NewCloudAccount;
import io.peerdesk.domain.inventory.VpcDetail;
import io.peerdesk.domain.inventory.VpcQuery;
import io.peerdesk.domain.notification.Notifications;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TestClock;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.tenancy.Tenant;
import io.peerdesk.domaintest.DomainTestApplication;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.tuple;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The domain with its EC2 adapter pointed at {@link PeeringCloud} (the demo world plus fresh
 * accounts), a fault a test can inject ({@link FlakyCloud}), and small quotas so the quota checks
 * can be reached. Organisations are made fresh per test; their accounts are registered and synced
 * through the real services.
 */
@SpringBootTest(classes = DomainTestApplication.class)
@Import(FlakyCloud.Config.class)
abstract class PeeringTestBase {

    static final int OUTSTANDING_QUOTA = 2;
    static final int ACTIVE_QUOTA = 2;

    @DynamicPropertySource
    static void cloud(DynamicPropertyRegistry registry) {
        registry.add("portal.cloud.endpoint", PeeringCloud::endpoint);
        registry.add("portal.cloud.read-timeout", () -> "5s");
        registry.add("portal.inventory.scheduled-sync", () -> false);
        registry.add("portal.peering.activation-poll-interval", () -> "100ms");
        registry.add("portal.peering.outstanding-per-account", () -> OUTSTANDING_QUOTA);
        registry.add("portal.peering.active-per-vpc", () -> ACTIVE_QUOTA);
    }

    @Autowired Tenancy tenancy;
    @Autowired CloudAccounts accounts;
    @Autowired Inventory inventory;
    @Autowired Contracts contracts;
    @Autowired PeeringRequests peerings;
    @Autowired PeeringLifecycle lifecycle;
    @Autowired Notifications notifications;
    @Autowired AuditLog audit;
    @Autowired CloudNetwork cloud;
    @Autowired TestClock clock;

    @AfterEach
    void noFaults() {
        FlakyCloud.reset();
    }

    /** A tenant with one member per role that matters here; {@code admin} registers accounts and agrees contracts. */
    record Org(Tenant tenant, Actor admin, Actor requester, Actor approver, Actor reviewer, Actor viewer) {
    }

    Org org(String name) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Tenant tenant = tenancy.createTenant(name + "-" + run, name + " " + run);
        return new Org(tenant, actor(tenant, "admin", Role.NETWORK_ADMIN, Role.TENANT_ADMIN),
                actor(tenant, "requester", Role.REQUESTER), actor(tenant, "approver", Role.APPROVER),
                actor(tenant, "reviewer", Role.SECURITY_REVIEWER), actor(tenant, "viewer", Role.VIEWER));
    }

    private static Actor actor(Tenant tenant, String who, Role... roles) {
        return new Actor(tenant.id(), who + "@" + tenant.slug(), Set.of(roles), "10.0.0.1");
    }

    CloudAccount registerAndSync(Org org, String accountId, String... regions) {
        CloudAccount account = accounts.register(org.admin(), new NewCloudAccount(accountId, "Account " + accountId,
                List.of(regions), accountId, PeeringCloud.SECRET));
        CloudAccount synced = inventory.sync(org.admin(), account.id());
        if (synced.sync().errorCode() != null) {
            throw new IllegalStateException("sync failed: " + synced.sync().error());
        }
        return synced;
    }

    /** Proposed by {@code proposer}'s admin, accepted by {@code partner}'s. */
    ContractId contract(Org proposer, Org partner, ContractProposal proposal) {
        ContractId id = contracts.propose(proposer.admin(), proposal).id();
        contracts.accept(partner.admin(), id);
        return id;
    }

    VpcDetail vpc(Org org, String name) {
        var found = inventory.vpcs(org.admin(), new VpcQuery(name, null, null, null, 1, 50)).items().stream()
                .filter(v -> name.equals(v.label())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no VPC " + name));
        return inventory.vpc(org.admin(), found.id());
    }

    /** The VPC as the cloud reports it now, read with its owner's credentials. */
    Vpc live(VpcDetail vpc) {
        return cloud.describeVpc(PeeringCloud.credentials(vpc.accountNumber()), vpc.vpc().region(), vpc.vpc().vpcId())
                .orElseThrow();
    }

    static String table(VpcDetail vpc, String name) {
        return vpc.vpc().routeTables().stream().filter(t -> name.equals(t.name())).findFirst().orElseThrow().routeTableId();
    }

    static String group(VpcDetail vpc, String name) {
        return vpc.vpc().securityGroups().stream().filter(g -> name.equals(g.name())).findFirst().orElseThrow().groupId();
    }

    /** Every route to a peering connection: table, destination, target, state. */
    static List<Tuple> peeringRoutes(Vpc vpc) {
        List<Tuple> routes = new ArrayList<>();
        for (RouteTable table : vpc.routeTables()) {
            table.routes().stream().filter(r -> r.target().startsWith("pcx-"))
                    .forEach(r -> routes.add(tuple(table.routeTableId(), r.destination(), r.target(), r.state())));
        }
        return routes;
    }

    /** The inbound rules carrying the request's mark: protocol, ports, source. */
    static List<Tuple> markedRules(Vpc vpc, PeeringRequestId id) {
        return vpc.securityGroups().stream().flatMap(g -> g.rules(RuleDirection.INGRESS).stream())
                .filter(r -> ("PeerDesk peering " + id).equals(r.description()))
                .map(r -> tuple(r.protocol(), r.fromPort(), r.toPort(), r.cidr())).toList();
    }

    /** Adds inbound rules until the group holds the cloud's 60. */
    static void fill(String account, String group) {
        int have = PeeringCloud.elements(PeeringCloud.call(account, "us-east-1", "DescribeSecurityGroupRules",
                Map.of("Filter.1.Name", "group-id", "Filter.1.Value.1", group)), "isEgress").stream()
                .filter("false"::equals).toList().size();
        for (int port = 20000; have < 60; port++, have++) {
            PeeringCloud.call(account, "us-east-1", "AuthorizeSecurityGroupIngress", Map.of("GroupId", group,
                    "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", Integer.toString(port),
                    "IpPermissions.1.ToPort", Integer.toString(port), "IpPermissions.1.IpRanges.1.CidrIp", "192.168.0.0/16"));
        }
    }

    /** A decision that may lose to another: true when it was recorded, false when it met a {@code Conflict}. */
    interface Decider {
        void decide() throws Exception;
    }

    /**
     * Runs two decisions at once (both released together) and answers how many were recorded;
     * the other must have been refused as already decided.
     */
    static int winnersOfConcurrent(Decider first, Decider second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (Decider decider : List.of(first, second)) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        decider.decide();
                        return true;
                    } catch (io.peerdesk.domain.support.Conflict e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> outcome : outcomes) {
                won += outcome.get() ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }
}
