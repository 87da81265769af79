package io.peerdesk.domain.inventory;

import io.peerdesk.domain.cloud.SimulatedCloud;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static io.peerdesk.db.Tables.CLOUD_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudAccountsTests extends InventoryTestBase {

    @Autowired DSLContext db;

    @Test
    void networkAdminRegistersAnAccountWhoseSecretIsStoredEncrypted() {
        CloudAccount account = accounts.register(acmeAdmin, new NewCloudAccount(SimulatedCloud.ACME, " Acme production ",
                List.of("us-east-1", "eu-west-1", "us-east-1"), "AKIAEXAMPLE1234", "s3cr3t-value"));

        assertThat(account.accountId()).isEqualTo(SimulatedCloud.ACME);
        assertThat(account.name()).isEqualTo("Acme production");
        assertThat(account.regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(account.accessKeyHint()).isEqualTo("…1234");
        assertThat(account.sync().status()).isEqualTo(SyncStatus.NEVER);
        assertThat(account.createdBy()).isEqualTo(acmeAdmin.name());
        assertThat(account.toString()).doesNotContain("s3cr3t-value").doesNotContain("AKIAEXAMPLE1234");

        String stored = db.select(CLOUD_ACCOUNT.SECRET_CIPHER).from(CLOUD_ACCOUNT)
                .where(CLOUD_ACCOUNT.ID.eq(account.id().value())).fetchOne(CLOUD_ACCOUNT.SECRET_CIPHER);
        assertThat(stored).startsWith("v1:").doesNotContain("s3cr3t-value");
        assertThat(audit.forObject(acme.id(), "cloud-account", account.id())).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("cloud-account.registered"));
    }

    @Test
    void badInputGetsAMessagePerFieldAndWritesNothing() {
        assertThatThrownBy(() -> accounts.register(acmeAdmin,
                new NewCloudAccount("12345", " ", List.of(), "has spaces", "")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("accountId", "name", "regions", "accessKeyId", "secretAccessKey")
                        .containsEntry("accountId", "an account id is exactly 12 digits, e.g. 111111111111"));
        assertThatThrownBy(() -> accounts.register(acmeAdmin, new NewCloudAccount("1111111111ab", "x".repeat(101),
                List.of("us-east-1"), "k".repeat(129), "s".repeat(257))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("accountId", "name", "accessKeyId", "secretAccessKey"));
        assertThatThrownBy(() -> accounts.register(acmeAdmin, account(SimulatedCloud.ACME, "us-east-1", "mars-north-1")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("regions")
                        .hasValueSatisfying(new org.assertj.core.api.Condition<>(m -> m.contains("mars-north-1"), "names it")));

        assertThat(accounts.list(acmeAdmin)).isEmpty();
        assertThat(audit.forTenant(acme.id(), null, 10)).isEmpty();
    }

    @Test
    void anAccountBelongsToOneTenantOnly() {
        accounts.register(acmeAdmin, account(SimulatedCloud.ACME, "us-east-1"));

        assertThatThrownBy(() -> accounts.register(globexAdmin, account(SimulatedCloud.ACME, "us-east-1")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors().get("accountId"))
                        .contains("already registered"));
        assertThat(accounts.list(globexAdmin)).isEmpty();
    }

    @Test
    void everyMemberSeesAccountsButOnlyNetworkAdminsChangeThem() {
        CloudAccount account = accounts.register(acmeAdmin, account(SimulatedCloud.ACME, "us-east-1"));

        assertThat(accounts.list(acmeRequester)).extracting(CloudAccount::accountId).containsExactly(SimulatedCloud.ACME);
        assertThatThrownBy(() -> accounts.register(acmeRequester, account(SimulatedCloud.GLOBEX, "us-east-1")))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("Network admin");
        assertThatThrownBy(() -> accounts.remove(acmeRequester, account.id())).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> accounts.updateCredentials(acmeRequester, account.id(), new NewCredentials("a", "b")))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> inventory.sync(acmeRequester, account.id())).isInstanceOf(NotPermitted.class);
        assertThat(accounts.list(acmeAdmin)).hasSize(1);
    }

    @Test
    void anotherTenantsAccountIsNotFound() {
        CloudAccount account = accounts.register(acmeAdmin, account(SimulatedCloud.ACME, "us-east-1"));

        assertThatThrownBy(() -> accounts.get(globexAdmin, account.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> accounts.remove(globexAdmin, account.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> accounts.updateCredentials(globexAdmin, account.id(),
                new NewCredentials(SimulatedCloud.ACME, "stolen"))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> inventory.sync(globexAdmin, account.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> CloudAccountId.parse("not-a-uuid")).isInstanceOf(NotFound.class);
        assertThat(accounts.list(globexAdmin)).isEmpty();
        assertThat(accounts.get(acmeAdmin, account.id()).sync().status()).isEqualTo(SyncStatus.NEVER);
    }

    @Test
    void replacedCredentialsAreUsedByTheNextSync() {
        CloudAccount account = accounts.register(acmeAdmin, new NewCloudAccount(SimulatedCloud.ACME, "Acme",
                List.of("us-east-1"), SimulatedCloud.ACME, "an-old-secret"));
        assertThat(inventory.sync(acmeAdmin, account.id()).sync().status()).isEqualTo(SyncStatus.FAILED);

        CloudAccount replaced = accounts.updateCredentials(acmeAdmin, account.id(),
                new NewCredentials(SimulatedCloud.ACME, SimulatedCloud.SECRET));

        assertThat(replaced.accessKeyHint()).isEqualTo("…1111");
        assertThat(inventory.sync(acmeAdmin, account.id()).sync().status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThatThrownBy(() -> accounts.updateCredentials(acmeAdmin, account.id(), new NewCredentials("", "")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("accessKeyId", "secretAccessKey"));
        assertThat(audit.forObject(acme.id(), "cloud-account", account.id())).extracting(e -> e.action())
                .contains("cloud-account.credentials-replaced");
    }

    @Test
    void removingAnAccountRemovesItsInventory() {
        CloudAccount account = registerAndSync(acmeAdmin, SimulatedCloud.ACME, "us-east-1", "eu-west-1");
        assertThat(account.vpcCount()).isEqualTo(3);

        accounts.remove(acmeAdmin, account.id());

        assertThat(accounts.list(acmeAdmin)).isEmpty();
        assertThat(inventory.vpcs(acmeAdmin, VpcQuery.all()).total()).isZero();
        assertThat(audit.forObject(acme.id(), "cloud-account", account.id())).first()
                .satisfies(e -> assertThat(e.summary()).contains("3 VPCs"));
        // the account id is free again
        accounts.register(acmeAdmin, account(SimulatedCloud.ACME, "us-east-1"));
    }
}
