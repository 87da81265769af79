package io.peerdesk.domain.inventory;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.SecretCipher;
import io.peerdesk.domain.support.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The VPC inventory: discovered from the cloud, never typed in. A sync asks the cloud (outside any
 * transaction) for every region of the account, then replaces the account's inventory in one
 * transaction, so readers see the old inventory or the new one, never half. A failed sync changes
 * nothing but the account's sync state: the last good inventory stays, with its age.
 */
@Service
@EnableConfigurationProperties(InventoryProperties.class)
public class Inventory {

    private static final Logger log = LoggerFactory.getLogger(Inventory.class);

    private final CloudAccountRepository accounts;
    private final InventoryRepository inventory;
    private final VpcRepository vpcs;
    private final CloudNetwork cloud;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final InventoryProperties properties;
    private final Clock clock;

    Inventory(CloudAccountRepository accounts, InventoryRepository inventory, VpcRepository vpcs, CloudNetwork cloud,
              SecretCipher cipher, AuditLog audit, TransactionTemplate transactions, InventoryProperties properties,
              Clock clock) {
        this.accounts = accounts;
        this.inventory = inventory;
        this.vpcs = vpcs;
        this.cloud = cloud;
        this.cipher = cipher;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Syncs one account of the actor's tenant now and returns it with the outcome in its {@link SyncState}. */
    public CloudAccount sync(Actor actor, CloudAccountId id) {
        actor.require(Role.NETWORK_ADMIN);
        SyncTarget target = transactions.execute(s -> accounts.findSyncTarget(actor.tenant(), id))
                .orElseThrow(() -> new NotFound("Cloud account", id));
        run(target, actor);
        return transactions.execute(s -> accounts.find(actor.tenant(), id))
                .orElseThrow(() -> new NotFound("Cloud account", id));
    }

    /**
     * Syncs every account of every tenant that was not tried within half the sync interval (so
     * several portal nodes sharing a database do not all sync the same account). Returns how many
     * were tried.
     */
    public int syncDue() {
        Instant before = clock.instant().minus(properties.syncInterval().dividedBy(2));
        List<SyncTarget> due = transactions.execute(s -> accounts.findDueForSync(before));
        for (SyncTarget target : due) {
            run(target, null);
        }
        return due.size();
    }

    @Transactional(readOnly = true)
    public VpcPage vpcs(Actor actor, VpcQuery query) {
        if (query.search() != null && query.search().length() > VpcQuery.MAX_SEARCH) {
            throw new InvalidInput("search", "search for at most " + VpcQuery.MAX_SEARCH + " characters");
        }
        if (query.page() < 1 || query.size() < 1 || query.size() > VpcQuery.MAX_SIZE) {
            throw new InvalidInput("page", "pages start at 1 and hold 1–" + VpcQuery.MAX_SIZE + " VPCs");
        }
        return vpcs.findPage(actor.tenant(), query, address(query.search()));
    }

    @Transactional(readOnly = true)
    public VpcDetail vpc(Actor actor, VpcId id) {
        return vpcs.find(actor.tenant(), id).orElseThrow(() -> new NotFound("VPC", id));
    }

    /**
     * A VPC of any tenant, with its owner: for checks across a partnership (a peering request names
     * the partner's VPC). Not for display: callers show another tenant only what they share.
     */
    @Transactional(readOnly = true)
    public Optional<TenantVpc> vpcOfAnyTenant(VpcId id) {
        return vpcs.findOfAnyTenant(id);
    }

    /** A tenant's VPCs in the regions (for a partner's shared view: callers pass on only ids, names, regions, CIDRs). */
    @Transactional(readOnly = true)
    public List<VpcSummary> vpcsOf(TenantId tenant, Collection<String> regions) {
        return regions.isEmpty() ? List.of() : vpcs.findInRegions(tenant, regions);
    }

    /** The regions the tenant has VPCs in (for filters). */
    @Transactional(readOnly = true)
    public List<String> regions(Actor actor) {
        return vpcs.findRegions(actor.tenant());
    }

    private void run(SyncTarget target, Actor actor) {
        Instant started = clock.instant();
        try {
            List<Vpc> found = discover(target);
            transactions.executeWithoutResult(s -> applyIfNewest(target, started,
                    () -> {
                        inventory.replace(target, found, started);
                        accounts.recordSuccess(target.id(), started);
                        auditSync(actor, target, "cloud-account.synced", found.size() + " VPCs in "
                                + String.join(", ", target.regions()));
                    }));
        } catch (CloudFailure e) {
            log.info("Sync of cloud account {} failed: {} ({})", target.accountId(), e.getMessage(), e.code());
            recordFailure(target, started, actor, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Sync of cloud account {} failed unexpectedly", target.accountId(), e);
            recordFailure(target, started, actor, "Unexpected",
                    "The sync failed unexpectedly; the portal's log has the details.");
        }
    }

    private List<Vpc> discover(SyncTarget target) {
        CloudCredentials credentials = new CloudCredentials(target.accountId(), target.accessKeyId(),
                cipher.decrypt(target.secretCipher()));
        List<Vpc> found = new ArrayList<>();
        for (String region : target.regions()) {
            found.addAll(cloud.describeVpcs(credentials, region));
        }
        List<Vpc> own = found.stream().filter(v -> target.accountId().equals(v.ownerId())).toList();
        if (own.isEmpty() && !found.isEmpty()) {
            throw new CloudFailure("CredentialsMismatch", "The credentials belong to account " + found.get(0).ownerId()
                    + ", not to " + target.accountId() + ". Enter this account's own access key.", false);
        }
        return own;
    }

    private void recordFailure(SyncTarget target, Instant started, Actor actor, String code, String message) {
        transactions.executeWithoutResult(s -> applyIfNewest(target, started, () -> {
            accounts.recordFailure(target.id(), started, code, message);
            auditSync(actor, target, "cloud-account.sync-failed", message);
        }));
    }

    /**
     * Runs {@code change} under the account's row lock unless the account was removed meanwhile or
     * a sync that started later has already written its result.
     */
    private void applyIfNewest(SyncTarget target, Instant started, Runnable change) {
        Optional<SyncState> current = accounts.lockForSync(target.id());
        if (current.isEmpty()) {
            return;
        }
        Instant latest = current.get().attemptedAt();
        if (latest != null && latest.isAfter(started)) {
            return;
        }
        change.run();
    }

    /** On-demand syncs are audited; the scheduled ones only leave their state on the account. */
    private void auditSync(Actor actor, SyncTarget target, String action, String summary) {
        if (actor != null) {
            audit.record(actor, action, "cloud-account", target.id(), target.accountId() + ": " + summary);
        }
    }

    private static Optional<IpRange> address(String search) {
        if (search == null) {
            return Optional.empty();
        }
        try {
            return IpRange.ofSearch(search);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("search", e.getMessage());
        }
    }
}
