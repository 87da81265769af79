package io.peerdesk.domain.inventory;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.SecretCipher;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.domain.support.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's cloud accounts. Every member sees them (never their secrets); network admins register
 * and remove them and replace their credentials. Removing an account removes its inventory.
 */
@Service
public class CloudAccounts {

    private final CloudAccountRepository accounts;
    private final SecretCipher cipher;
    private final Validation validation;
    private final AuditLog audit;
    private final Clock clock;

    CloudAccounts(CloudAccountRepository accounts, SecretCipher cipher, Validation validation, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.validation = validation;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CloudAccount> list(Actor actor) {
        return accounts.findAll(actor.tenant());
    }

    @Transactional(readOnly = true)
    public CloudAccount get(Actor actor, CloudAccountId id) {
        return accounts.find(actor.tenant(), id).orElseThrow(() -> new NotFound("Cloud account", id));
    }

    /**
     * The credentials the portal acts with in one of a tenant's accounts, decrypted: for work the
     * portal does on the tenant's behalf (provisioning a peering the tenant approved). Never shown.
     */
    @Transactional(readOnly = true)
    public CloudCredentials credentials(TenantId tenant, CloudAccountId id) {
        SyncTarget target = accounts.findSyncTarget(tenant, id).orElseThrow(() -> new NotFound("Cloud account", id));
        return new CloudCredentials(target.accountId(), target.accessKeyId(), cipher.decrypt(target.secretCipher()));
    }

    /**
     * Registers an account of the actor's tenant. The account id is unique across the portal: an
     * account belongs to one organisation. Nothing is written unless every field is valid.
     */
    @Transactional
    public CloudAccount register(Actor actor, NewCloudAccount account) {
        actor.require(Role.NETWORK_ADMIN);
        List<String> regions = check(account);
        if (accounts.accountIdTaken(account.accountId())) {
            throw new InvalidInput("accountId", "the account " + account.accountId() + " is already registered in the portal");
        }
        CloudAccountId id = new CloudAccountId(UUID.randomUUID());
        accounts.insert(actor.tenant(), id, account, regions, cipher.encrypt(account.secretAccessKey()), actor.name(),
                clock.instant());
        audit.record(actor, "cloud-account.registered", "cloud-account", id,
                account.accountId() + " (" + account.name().strip() + ") in " + String.join(", ", regions));
        return get(actor, id);
    }

    /** Every field's problem at once: Bean Validation, then the regions against the known list. */
    private List<String> check(NewCloudAccount account) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            validation.check(account);
        } catch (InvalidInput e) {
            errors.putAll(e.fieldErrors());
        }
        List<String> regions = account.regions() == null ? List.of()
                : account.regions().stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
        List<String> unknown = regions.stream().filter(r -> !Regions.isKnown(r)).toList();
        if (!unknown.isEmpty()) {
            errors.putIfAbsent("regions", "unknown region " + String.join(", ", unknown)
                    + "; regions look like us-east-1 or eu-west-1");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return regions;
    }

    /** Replaces the access key; the next sync uses it. */
    @Transactional
    public CloudAccount updateCredentials(Actor actor, CloudAccountId id, NewCredentials credentials) {
        actor.require(Role.NETWORK_ADMIN);
        CloudAccount account = get(actor, id);
        validation.check(credentials);
        accounts.updateCredentials(actor.tenant(), id, credentials.accessKeyId(), cipher.encrypt(credentials.secretAccessKey()));
        audit.record(actor, "cloud-account.credentials-replaced", "cloud-account", id,
                account.accountId() + ": access key " + CloudAccount.hint(credentials.accessKeyId()));
        return get(actor, id);
    }

    /** Removes the account and its whole inventory. */
    @Transactional
    public void remove(Actor actor, CloudAccountId id) {
        actor.require(Role.NETWORK_ADMIN);
        CloudAccount account = get(actor, id);
        accounts.delete(actor.tenant(), id);
        audit.record(actor, "cloud-account.removed", "cloud-account", id,
                account.accountId() + " (" + account.name() + ") and its " + account.vpcCount() + " VPCs");
    }
}
