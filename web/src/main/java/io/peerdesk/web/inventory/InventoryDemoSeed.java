package io.peerdesk.web.inventory;

import io.peerdesk.domain.inventory.CloudAccount;
import io.peerdesk.domain.inventory.CloudAccounts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.NewCloudAccount;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.web.support.demo.DemoSeed;
import io.peerdesk.web.support.demo.DemoWorld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Each demo tenant's cloud account in the simulated cloud (open mode: the access key id is the
 * account id), synced once so the demo users see their VPCs at once. A sync that fails here is
 * logged and left to the schedule: the accounts are registered either way.
 */
@Component
class InventoryDemoSeed implements DemoSeed {

    static final String SECRET = "demo-secret";

    private static final Logger log = LoggerFactory.getLogger(InventoryDemoSeed.class);

    private final CloudAccounts accounts;
    private final Inventory inventory;

    InventoryDemoSeed(CloudAccounts accounts, Inventory inventory) {
        this.accounts = accounts;
        this.inventory = inventory;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void seed(DemoWorld world) {
        seed(world, DemoWorld.ACME, "111111111111", "Acme Networks", List.of("us-east-1", "eu-west-1"));
        seed(world, DemoWorld.GLOBEX, "222222222222", "Globex Corporation", List.of("us-east-1", "eu-west-1"));
        seed(world, DemoWorld.INITECH, "333333333333", "Initech", List.of("us-east-1"));
    }

    private void seed(DemoWorld world, String tenant, String accountId, String name, List<String> regions) {
        Actor demo = new Actor(world.tenant(tenant), "demo-data", Set.of(Role.NETWORK_ADMIN), "127.0.0.1");
        CloudAccount account = accounts.register(demo, new NewCloudAccount(accountId, name, regions, accountId, SECRET));
        CloudAccount synced = inventory.sync(demo, account.id());
        if (synced.sync().failed()) {
            log.warn("Demo cloud account {} is registered but its first sync failed: {}", accountId, synced.sync().error());
        } else {
            log.info("Demo cloud account {} ({}): {} VPCs", accountId, name, synced.vpcCount());
        }
    }
}
