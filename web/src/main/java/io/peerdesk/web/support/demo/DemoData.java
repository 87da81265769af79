package io.peerdesk.web.support.demo;

import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.domain.tenancy.NewMember;
import io.peerdesk.domain.tenancy.ServiceAccounts;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.support.BeforeWebServer;
import io.peerdesk.web.support.demo.DemoWorld.DemoUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds the demo world into an empty database: three tenants matching the simulated cloud's demo
 * accounts, a member in every role, a platform operator, an API service account, then each
 * feature's {@link DemoSeed}. A database that already has tenants is left alone.
 */
@Component
@ConditionalOnProperty(name = "portal.demo-data", havingValue = "true")
class DemoData extends BeforeWebServer {

    /** The password of every demo member (README: "Demo users"). */
    static final String PASSWORD = "peerdesk-demo";
    static final String API_CLIENT = "acme-automation";
    static final String API_SECRET = "acme-automation-secret";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Tenancy tenancy;
    private final ServiceAccounts serviceAccounts;
    private final PasswordEncoder passwords;
    private final List<DemoSeed> seeds;
    private final TransactionTemplate transactions;

    DemoData(Tenancy tenancy, ServiceAccounts serviceAccounts, PasswordEncoder passwords, List<DemoSeed> seeds,
             TransactionTemplate transactions) {
        this.transactions = transactions;
        this.tenancy = tenancy;
        this.serviceAccounts = serviceAccounts;
        this.passwords = passwords;
        this.seeds = seeds;
    }

    /** All or nothing: a start that fails half-way leaves an empty database to seed again. */
    @Override
    protected void run() {
        transactions.executeWithoutResult(status -> {
            if (tenancy.findBySlug(DemoWorld.ACME).isEmpty()) {
                seed();
            }
        });
    }

    private void seed() {
        long started = System.nanoTime();
        Map<String, TenantId> tenants = new LinkedHashMap<>();
        tenants.put(DemoWorld.ACME, tenancy.createTenant(DemoWorld.ACME, "Acme Networks").id());
        tenants.put(DemoWorld.GLOBEX, tenancy.createTenant(DemoWorld.GLOBEX, "Globex Corporation").id());
        tenants.put(DemoWorld.INITECH, tenancy.createTenant(DemoWorld.INITECH, "Initech").id());
        tenants.put("ops", tenancy.createTenant("ops", "PeerDesk Operations").id());

        String hash = passwords.encode(PASSWORD); // one hash: the same demo password for everyone
        Map<String, DemoUser> users = new LinkedHashMap<>();
        member(users, tenants, hash, DemoWorld.ACME, "alice", "Alice Archer", Role.REQUESTER);
        member(users, tenants, hash, DemoWorld.ACME, "arthur", "Arthur Ames", Role.APPROVER);
        member(users, tenants, hash, DemoWorld.ACME, "asha", "Asha Anand", Role.SECURITY_REVIEWER);
        member(users, tenants, hash, DemoWorld.ACME, "anton", "Anton Abel", Role.NETWORK_ADMIN);
        member(users, tenants, hash, DemoWorld.ACME, "ada", "Ada Adler", Role.TENANT_ADMIN);
        member(users, tenants, hash, DemoWorld.ACME, "avery", "Avery Alden", Role.VIEWER);
        member(users, tenants, hash, DemoWorld.GLOBEX, "gina", "Gina Gale", Role.REQUESTER);
        member(users, tenants, hash, DemoWorld.GLOBEX, "george", "George Grant", Role.APPROVER);
        member(users, tenants, hash, DemoWorld.GLOBEX, "grace", "Grace Gomez", Role.SECURITY_REVIEWER);
        member(users, tenants, hash, DemoWorld.GLOBEX, "gus", "Gus Green", Role.NETWORK_ADMIN);
        member(users, tenants, hash, DemoWorld.GLOBEX, "greta", "Greta Gray", Role.TENANT_ADMIN);
        member(users, tenants, hash, DemoWorld.GLOBEX, "gil", "Gil Garner", Role.VIEWER);
        member(users, tenants, hash, DemoWorld.INITECH, "ian", "Ian Irving", Role.REQUESTER);
        member(users, tenants, hash, DemoWorld.INITECH, "irene", "Irene Ito", Role.APPROVER, Role.SECURITY_REVIEWER);
        member(users, tenants, hash, DemoWorld.INITECH, "ivan", "Ivan Iles", Role.NETWORK_ADMIN);
        member(users, tenants, hash, DemoWorld.INITECH, "iris", "Iris Ingram", Role.TENANT_ADMIN);
        member(users, tenants, hash, "ops", "operator", "Olivia Operator", Role.PLATFORM_ADMIN, Role.VIEWER);

        serviceAccounts.seed(tenants.get(DemoWorld.ACME), API_CLIENT, "Acme automation",
                EnumSet.of(Role.REQUESTER, Role.VIEWER, Role.NETWORK_ADMIN), passwords.encode(API_SECRET));

        DemoWorld world = new DemoWorld(Map.copyOf(tenants), Map.copyOf(users));
        seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).forEach(seed -> seed.seed(world));
        log.info("Demo data seeded in {} ms: {} tenants, {} members", (System.nanoTime() - started) / 1_000_000,
                tenants.size(), users.size());
    }

    private void member(Map<String, DemoUser> users, Map<String, TenantId> tenants, String hash, String tenant,
                        String username, String name, Role... roles) {
        EnumSet<Role> set = EnumSet.of(roles[0], roles);
        tenancy.seedMember(tenants.get(tenant), new NewMember(username, name, username + "@" + tenant + ".example",
                PASSWORD, set), hash);
        users.put(username, new DemoUser(username, tenant, set));
    }
}
