package io.peerdesk.domain.inventory;

import io.peerdesk.domain.cloud.NetworkAcl;
import io.peerdesk.domain.cloud.Route;
import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.RuleDirection;
import io.peerdesk.domain.cloud.SecurityGroup;
import io.peerdesk.domain.cloud.SimulatedCloud;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryTests extends InventoryTestBase {

    @Test
    void syncDiscoversTheVpcsOfEveryRegionWithEverythingInside() {
        CloudAccount account = registerAndSync(acmeAdmin, SimulatedCloud.ACME, "us-east-1", "eu-west-1");

        assertThat(account.sync().status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(account.sync().succeededAt()).isEqualTo(clock.instant());
        assertThat(account.vpcCount()).isEqualTo(3);
        assertThat(vpcNames(acmeRequester, VpcQuery.all())).containsExactly("acme-dev", "acme-eu", "acme-prod");

        VpcSummary row = inventory.vpcs(acmeRequester, search("acme-prod")).items().get(0);
        assertThat(row.cidrBlocks()).startsWith("10.10.0.0/16", "100.64.10.0/24").hasSize(3);
        assertThat(row.subnetCount()).isEqualTo(3);
        assertThat(row.accountNumber()).isEqualTo(SimulatedCloud.ACME);

        VpcDetail prod = inventory.vpc(acmeRequester, row.id());
        assertThat(prod.vpc().cidrBlocks()).filteredOn(b -> b.ipv6()).hasSize(1);
        assertThat(prod.vpc().subnets()).extracting(s -> s.name())
                .containsExactly("acme-prod-app-a", "acme-prod-app-b", "acme-prod-edge-a");
        assertThat(prod.vpc().routeTables()).extracting(RouteTable::label).first().satisfies(main ->
                assertThat(prod.vpc().routeTables().get(0).main()).isTrue());
        RouteTable publicTable = table(prod, "acme-prod-public");
        assertThat(publicTable.routes()).extracting(Route::destination).contains("10.10.0.0/16", "0.0.0.0/0");
        assertThat(publicTable.subnetIds()).extracting(prod::subnetLabel).containsExactly("acme-prod-edge-a");
        SecurityGroup db = prod.vpc().securityGroups().stream().filter(g -> g.name().equals("acme-prod-db")).findFirst().orElseThrow();
        assertThat(db.rules(RuleDirection.INGRESS)).singleElement()
                .satisfies(r -> assertThat(prod.groupName(r.referencedGroupId())).contains("acme-prod-app"));
        NetworkAcl acl = prod.vpc().networkAcls().get(0);
        assertThat(acl.isDefault()).isTrue();
        // IPv4 and IPv6 entries (the VPC has an IPv6 block), each direction in rule-number order
        assertThat(acl.entries()).extracting(e -> e.direction() + " " + e.ruleNumber())
                .containsExactly("INGRESS 100", "INGRESS 101", "INGRESS 32767", "INGRESS 32768",
                        "EGRESS 100", "EGRESS 101", "EGRESS 32767", "EGRESS 32768");
        assertThat(audit.forObject(acme.id(), "cloud-account", account.id())).first()
                .satisfies(e -> assertThat(e.action()).isEqualTo("cloud-account.synced"));
    }

    @Test
    void searchMatchesNamesIdsCidrTextAndAddresses() {
        registerAndSync(acmeAdmin, SimulatedCloud.ACME, "us-east-1", "eu-west-1");
        VpcSummary dev = inventory.vpcs(acmeAdmin, search("acme-dev")).items().get(0);

        assertThat(vpcNames(acmeAdmin, search("PROD"))).containsExactly("acme-prod");
        assertThat(vpcNames(acmeAdmin, search(dev.cloudId()))).containsExactly("acme-dev");
        assertThat(vpcNames(acmeAdmin, search("10.11."))).containsExactly("acme-eu");
        assertThat(vpcNames(acmeAdmin, search("10.30.1.7"))).containsExactly("acme-dev");
        assertThat(vpcNames(acmeAdmin, search("100.64.10.200"))).containsExactly("acme-prod");
        assertThat(vpcNames(acmeAdmin, search("10.0.0.0/8"))).containsExactly("acme-dev", "acme-eu", "acme-prod");
        assertThat(vpcNames(acmeAdmin, search("172.16.0.0/12"))).isEmpty();
        assertThat(vpcNames(acmeAdmin, search("100%"))).isEmpty();
    }

    @Test
    void filtersAndPagesNarrowTheList() {
        CloudAccount account = registerAndSync(acmeAdmin, SimulatedCloud.ACME, "us-east-1", "eu-west-1");

        assertThat(vpcNames(acmeAdmin, new VpcQuery(null, null, "eu-west-1", null, 1, 50))).containsExactly("acme-eu");
        assertThat(vpcNames(acmeAdmin, new VpcQuery(null, account.id(), null, "available", 1, 50))).hasSize(3);
        assertThat(vpcNames(acmeAdmin, new VpcQuery(null, new CloudAccountId(UUID.randomUUID()), null, null, 1, 50))).isEmpty();
        assertThat(inventory.regions(acmeAdmin)).containsExactly("eu-west-1", "us-east-1");

        VpcPage second = inventory.vpcs(acmeAdmin, new VpcQuery(null, null, null, null, 2, 2));
        assertThat(second.items()).extracting(VpcSummary::label).containsExactly("acme-prod");
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.from()).isEqualTo(3);
    }

    @Test
    void malformedOrOversizedSearchesAreRefusedWithAMessage() {
        assertThatThrownBy(() -> inventory.vpcs(acmeAdmin, search("10.0.0.0/33")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors().get("search"))
                        .contains("10.0.0.0/33 is not a valid CIDR block"));
        assertThatThrownBy(() -> inventory.vpcs(acmeAdmin, search("300.1.2.3")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors().get("search"))
                        .contains("not a valid IPv4 address"));
        assertThatThrownBy(() -> inventory.vpcs(acmeAdmin, search("x".repeat(101))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("search"));
        assertThatThrownBy(() -> inventory.vpcs(acmeAdmin, new VpcQuery(null, null, null, null, 0, 50)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void anotherTenantSeesNoneOfTheVpcs() {
        registerAndSync(acmeAdmin, SimulatedCloud.ACME, "us-east-1");
        VpcId prod = inventory.vpcs(acmeAdmin, search("acme-prod")).items().get(0).id();

        assertThat(inventory.vpcs(globexAdmin, VpcQuery.all()).items()).isEmpty();
        assertThat(inventory.regions(globexAdmin)).isEmpty();
        assertThatThrownBy(() -> inventory.vpc(globexAdmin, prod)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> VpcId.parse("vpc-123")).isInstanceOf(NotFound.class);
    }

    @Test
    void aRefusedSyncKeepsTheLastGoodInventoryAndSaysWhy() {
        CloudAccount account = registerAndSync(acmeAdmin, SimulatedCloud.ACME, "us-east-1");
        Instant good = clock.instant();
        clock.advance(Duration.ofMinutes(10));
        accounts.updateCredentials(acmeAdmin, account.id(), new NewCredentials(SimulatedCloud.ACME, "a-wrong-secret"));

        CloudAccount failed = inventory.sync(acmeAdmin, account.id());

        assertThat(failed.sync().status()).isEqualTo(SyncStatus.FAILED);
        assertThat(failed.sync().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(failed.sync().error()).contains("credentials were refused");
        assertThat(failed.sync().attemptedAt()).isEqualTo(clock.instant());
        assertThat(failed.sync().succeededAt()).isEqualTo(good);
        assertThat(failed.vpcCount()).isEqualTo(2);
        VpcSummary prod = inventory.vpcs(acmeAdmin, search("acme-prod")).items().get(0);
        assertThat(prod.discoveredAt()).isEqualTo(good);
        assertThat(inventory.vpc(acmeAdmin, prod.id()).accountSync().failed()).isTrue();
        assertThat(audit.forObject(acme.id(), "cloud-account", account.id())).first()
                .satisfies(e -> assertThat(e.action()).isEqualTo("cloud-account.sync-failed"));
    }

    @Test
    void aSyncWhileTheCloudIsDownKeepsTheInventory() {
        CloudAccount account = registerAndSync(acmeAdmin, SimulatedCloud.ACME, "us-east-1");
        clock.advance(Duration.ofMinutes(1));
        SimulatedCloud.stop();
        CloudAccount failed;
        try {
            failed = inventory.sync(acmeAdmin, account.id());
        } finally {
            SimulatedCloud.start();
        }

        assertThat(failed.sync().errorCode()).isEqualTo("Unreachable");
        assertThat(failed.sync().error()).isEqualTo("The cloud endpoint " + SimulatedCloud.endpoint()
                + " is unreachable (connection refused).");
        assertThat(vpcNames(acmeAdmin, VpcQuery.all())).containsExactly("acme-dev", "acme-prod");
        assertThat(inventory.sync(acmeAdmin, account.id()).sync().status()).isEqualTo(SyncStatus.SUCCEEDED);
    }

    @Test
    void credentialsOfAnotherAccountAreNotTakenForThisOne() {
        CloudAccount account = accounts.register(acmeAdmin, new NewCloudAccount(SimulatedCloud.INITECH, "Not ours",
                List.of("us-east-1"), SimulatedCloud.ACME, SimulatedCloud.SECRET));

        CloudAccount failed = inventory.sync(acmeAdmin, account.id());

        assertThat(failed.sync().errorCode()).isEqualTo("CredentialsMismatch");
        assertThat(failed.sync().error()).contains("belong to account 111111111111, not to 333333333333");
        assertThat(failed.vpcCount()).isZero();
    }

    @Test
    void aResyncFollowsTheCloudAndKeepsVpcIds() {
        String name = "spare-" + UUID.randomUUID().toString().substring(0, 8);
        String vpc = createVpc(name, "10.99.0.0/16");
        String other = createVpc(name + "-b", "10.98.0.0/16");
        CloudAccount account = registerAndSync(acmeAdmin, SimulatedCloud.SPARE, "us-east-1");
        VpcSummary before = inventory.vpcs(acmeAdmin, search(name)).items().stream()
                .filter(v -> v.label().equals(name)).findFirst().orElseThrow();
        VpcId gone = inventory.vpcs(acmeAdmin, search(name + "-b")).items().get(0).id();

        String pcx = pendingPeeringToGlobexCore(vpc);
        String table = SimulatedCloud.element(SimulatedCloud.call(SimulatedCloud.SPARE, "us-east-1", "DescribeRouteTables",
                Map.of("Filter.1.Name", "vpc-id", "Filter.1.Value.1", vpc)), "routeTableId");
        SimulatedCloud.call(SimulatedCloud.SPARE, "us-east-1", "CreateRoute", Map.of("RouteTableId", table,
                "DestinationCidrBlock", "10.20.0.0/16", "VpcPeeringConnectionId", pcx));
        SimulatedCloud.call(SimulatedCloud.SPARE, "us-east-1", "DeleteVpc", Map.of("VpcId", other));
        clock.advance(Duration.ofMinutes(5));
        inventory.sync(acmeAdmin, account.id());

        VpcDetail after = inventory.vpc(acmeAdmin, before.id());
        assertThat(after.discoveredAt()).isEqualTo(clock.instant());
        assertThat(after.vpc().routeTables().get(0).routes())
                .filteredOn(r -> r.target().equals(pcx)).singleElement()
                .satisfies(r -> {
                    assertThat(r.blackhole()).isTrue();
                    assertThat(r.destination()).isEqualTo("10.20.0.0/16");
                });
        assertThatThrownBy(() -> inventory.vpc(acmeAdmin, gone)).isInstanceOf(NotFound.class);
    }

    @Test
    void theScheduleSyncsAccountsNotTriedWithinHalfTheInterval() {
        CloudAccount acmeAccount = accounts.register(acmeAdmin, account(SimulatedCloud.ACME, "us-east-1"));
        CloudAccount globexAccount = accounts.register(globexAdmin, account(SimulatedCloud.GLOBEX, "us-east-1"));

        assertThat(inventory.syncDue()).isGreaterThanOrEqualTo(2);
        assertThat(accounts.get(acmeAdmin, acmeAccount.id()).vpcCount()).isEqualTo(2);
        assertThat(accounts.get(globexAdmin, globexAccount.id()).vpcCount()).isEqualTo(1);
        assertThat(audit.forObject(acme.id(), "cloud-account", acmeAccount.id())).extracting(e -> e.action())
                .containsExactly("cloud-account.registered");

        clock.advance(Duration.ofMinutes(2));
        assertThat(inventory.syncDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(inventory.syncDue()).isGreaterThanOrEqualTo(2);
    }

    private static RouteTable table(VpcDetail detail, String name) {
        return detail.vpc().routeTables().stream().filter(t -> name.equals(t.name())).findFirst().orElseThrow();
    }

    private static String createVpc(String name, String cidr) {
        return SimulatedCloud.element(SimulatedCloud.call(SimulatedCloud.SPARE, "us-east-1", "CreateVpc", Map.of(
                "CidrBlock", cidr, "TagSpecification.1.ResourceType", "vpc",
                "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", name)), "vpcId");
    }

    private static String pendingPeeringToGlobexCore(String vpc) {
        String globexCore = SimulatedCloud.element(SimulatedCloud.call(SimulatedCloud.GLOBEX, "us-east-1", "DescribeVpcs",
                Map.of("Filter.1.Name", "tag:Name", "Filter.1.Value.1", "globex-core")), "vpcId");
        return SimulatedCloud.element(SimulatedCloud.call(SimulatedCloud.SPARE, "us-east-1", "CreateVpcPeeringConnection",
                Map.of("VpcId", vpc, "PeerVpcId", globexCore, "PeerOwnerId", SimulatedCloud.GLOBEX)),
                "vpcPeeringConnectionId");
    }
}
