package io.peerdesk.domain.inventory;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.cloud.SimulatedCloud;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TestClock;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.tenancy.Tenant;
import io.peerdesk.domaintest.DomainTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The domain on a database with its EC2 adapter pointed at the real simulated cloud (demo world,
 * strict credentials). Two tenants per test, each with a network admin; Acme also has a requester.
 */
@SpringBootTest(classes = DomainTestApplication.class)
@Transactional
abstract class InventoryTestBase {

    @DynamicPropertySource
    static void cloud(DynamicPropertyRegistry registry) {
        registry.add("portal.cloud.endpoint", SimulatedCloud::endpoint);
        registry.add("portal.cloud.read-timeout", () -> "5s");
        registry.add("portal.inventory.scheduled-sync", () -> false);
    }

    @Autowired Tenancy tenancy;
    @Autowired CloudAccounts accounts;
    @Autowired Inventory inventory;
    @Autowired AuditLog audit;
    @Autowired TestClock clock;

    Tenant acme;
    Tenant globex;
    Actor acmeAdmin;
    Actor acmeRequester;
    Actor globexAdmin;

    @BeforeEach
    void tenants() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        acme = tenancy.createTenant("acme-" + run, "Acme " + run);
        globex = tenancy.createTenant("globex-" + run, "Globex " + run);
        acmeAdmin = new Actor(acme.id(), "anton-" + run, Set.of(Role.NETWORK_ADMIN), "10.0.0.1");
        acmeRequester = new Actor(acme.id(), "alice-" + run, Set.of(Role.REQUESTER), "10.0.0.2");
        globexAdmin = new Actor(globex.id(), "gus-" + run, Set.of(Role.NETWORK_ADMIN), "10.0.0.3");
    }

    /** An account whose access key is the simulated cloud's key for that account id. */
    static NewCloudAccount account(String accountId, String... regions) {
        return new NewCloudAccount(accountId, "Account " + accountId, List.of(regions), accountId, SimulatedCloud.SECRET);
    }

    CloudAccount registerAndSync(Actor actor, String accountId, String... regions) {
        CloudAccount account = accounts.register(actor, account(accountId, regions));
        return inventory.sync(actor, account.id());
    }

    List<String> vpcNames(Actor actor, VpcQuery query) {
        return inventory.vpcs(actor, query).items().stream().map(VpcSummary::label).toList();
    }

    static VpcQuery search(String term) {
        return new VpcQuery(term, null, null, null, 1, VpcQuery.DEFAULT_SIZE);
    }
}
