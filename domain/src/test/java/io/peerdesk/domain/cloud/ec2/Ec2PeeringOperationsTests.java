package io.peerdesk.domain.cloud.ec2;

import io.peerdesk.domain.cloud.AuthorizedRule;
import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.IngressRule;
import io.peerdesk.domain.cloud.PeeringCloud;
import io.peerdesk.domain.cloud.PeeringConnection;
import io.peerdesk.domain.cloud.Reachability;
import io.peerdesk.domain.cloud.ReachabilityQuery;
import io.peerdesk.domain.cloud.Route;
import io.peerdesk.domain.cloud.RuleDirection;
import io.peerdesk.domain.cloud.SecurityGroupRule;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.sim.seed.SeedWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter's peering, route, rule and reachability operations through the real AWS SDK against
 * the simulated cloud: each test peers VPCs of two fresh accounts (10.10.0.0/16 with subnet
 * 10.10.1.0/24; 10.20.0.0/16 and 10.21.0.0/16 with subnets x.1.0/24, each with its own route table
 * and a group {@code api}).
 */
class Ec2PeeringOperationsTests {

    static final String REGION = "us-east-1";
    static Ec2CloudNetwork cloud;

    String requesterAccount;
    String accepterAccount;
    CloudCredentials requester;
    CloudCredentials accepter;
    Vpc mine;
    Vpc theirs;
    Vpc another;

    @BeforeAll
    static void adapter() {
        cloud = new Ec2CloudNetwork(new CloudProperties(URI.create(PeeringCloud.endpoint()), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 2));
    }

    @AfterAll
    static void close() {
        cloud.close();
    }

    @BeforeEach
    void world() {
        requesterAccount = PeeringCloud.newAccount();
        accepterAccount = PeeringCloud.newAccount();
        PeeringCloud.seed(new SeedWorld.Account(requesterAccount, "Requester", List.of(vpc("mine", "10.10"))),
                new SeedWorld.Account(accepterAccount, "Accepter", List.of(vpc("theirs", "10.20"), vpc("another", "10.21"))));
        requester = PeeringCloud.credentials(requesterAccount);
        accepter = PeeringCloud.credentials(accepterAccount);
        mine = cloud.describeVpcs(requester, REGION).get(0);
        theirs = cloud.describeVpcs(accepter, REGION).stream().filter(v -> v.name().equals("theirs")).findFirst().orElseThrow();
        another = cloud.describeVpcs(accepter, REGION).stream().filter(v -> v.name().equals("another")).findFirst().orElseThrow();
    }

    @Test
    void aRetriedCreateFindsTheConnectionByItsRequestTag() {
        String tag = UUID.randomUUID().toString();

        PeeringConnection first = request(theirs, tag);
        PeeringConnection again = request(theirs, tag);

        assertThat(again.id()).isEqualTo(first.id()).startsWith("pcx-");
        assertThat(first.pending()).isTrue();
        assertThat(first.tags()).containsEntry(CloudNetwork.REQUEST_TAG, tag);
        assertThat(first.expiresAt()).isNotNull();
        assertThat(first.requester().vpcId()).isEqualTo(mine.vpcId());
        assertThat(first.accepter()).isEqualTo(new PeeringConnection.End(theirs.vpcId(), accepterAccount, REGION));
        assertThat(cloud.describePeeringConnection(requester, REGION, first.id())).map(PeeringConnection::status)
                .contains(PeeringConnection.PENDING_ACCEPTANCE);
    }

    @Test
    void onlyTheAccepterAcceptsAndTheConnectionTurnsActiveAfterProvisioning() throws InterruptedException {
        PeeringConnection pending = request(theirs, "accept-" + UUID.randomUUID());

        assertThatThrownBy(() -> cloud.acceptPeeringConnection(requester, REGION, pending.id()))
                .isInstanceOfSatisfying(CloudFailure.class, e -> {
                    assertThat(e.code()).isEqualTo("OperationNotPermitted");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("AcceptVpcPeeringConnection").contains(pending.id());
                });
        PeeringConnection accepted = cloud.acceptPeeringConnection(accepter, REGION, pending.id());

        assertThat(accepted.accepted()).isTrue();
        Thread.sleep(PeeringCloud.PROVISIONING_DELAY.toMillis() + 100);
        assertThat(cloud.describePeeringConnection(accepter, REGION, pending.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void rejectedAndDeletedConnectionsAreNoLongerLive() {
        PeeringConnection rejected = request(theirs, "reject-" + UUID.randomUUID());
        PeeringConnection deleted = request(another, "delete-" + UUID.randomUUID());

        cloud.rejectPeeringConnection(accepter, REGION, rejected.id());
        cloud.deletePeeringConnection(requester, REGION, deleted.id());
        cloud.deletePeeringConnection(requester, REGION, deleted.id());
        cloud.deletePeeringConnection(requester, REGION, rejected.id());

        assertThat(cloud.describePeeringConnection(requester, REGION, rejected.id()).orElseThrow().status()).isEqualTo("rejected");
        assertThat(cloud.describePeeringConnection(requester, REGION, deleted.id()).orElseThrow().live()).isFalse();
        assertThat(cloud.describePeeringConnection(requester, REGION, "pcx-0123456789abcdef0")).isEmpty();
    }

    @Test
    void anIdenticalRouteIsSuccessAndAnotherTargetForTheDestinationIsRefused() {
        String table = mine.routeTables().stream().filter(t -> !t.main()).findFirst().orElseThrow().routeTableId();
        PeeringConnection first = request(theirs, "route-" + UUID.randomUUID());
        PeeringConnection second = request(another, "route2-" + UUID.randomUUID());

        cloud.createRoute(requester, REGION, table, "10.20.0.0/16", first.id());
        cloud.createRoute(requester, REGION, table, "10.20.0.0/16", first.id());

        assertThat(routes(table)).extracting(Route::destination, Route::target)
                .containsOnlyOnce(org.assertj.core.groups.Tuple.tuple("10.20.0.0/16", first.id()));
        assertThatThrownBy(() -> cloud.createRoute(requester, REGION, table, "10.20.0.0/16", second.id()))
                .isInstanceOfSatisfying(CloudFailure.class, e -> {
                    assertThat(e.code()).isEqualTo("RouteAlreadyExists");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains(table).contains("already routes 10.20.0.0/16 to " + first.id());
                });
    }

    @Test
    void removingARouteThatIsGoneIsSuccess() {
        String table = mine.routeTables().stream().filter(t -> !t.main()).findFirst().orElseThrow().routeTableId();
        PeeringConnection connection = request(theirs, "gone-" + UUID.randomUUID());
        cloud.createRoute(requester, REGION, table, "10.20.0.0/16", connection.id());

        cloud.deleteRoute(requester, REGION, table, "10.20.0.0/16");
        cloud.deleteRoute(requester, REGION, table, "10.20.0.0/16");
        cloud.deleteRoute(requester, REGION, "rtb-0123456789abcdef0", "10.20.0.0/16");

        assertThat(routes(table)).extracting(Route::destination).doesNotContain("10.20.0.0/16");
    }

    @Test
    void aDuplicateRuleIsSuccessAndTellsWhoMadeIt() {
        String group = group(theirs);
        IngressRule rule = new IngressRule("tcp", 8443, 8443, "10.10.0.0/16", "made by test");

        AuthorizedRule created = cloud.authorizeSecurityGroupIngress(accepter, REGION, group, rule);
        AuthorizedRule again = cloud.authorizeSecurityGroupIngress(accepter, REGION, group,
                new IngressRule("tcp", 8443, 8443, "10.10.0.0/16", "someone else"));

        assertThat(created.created()).isTrue();
        assertThat(created.ruleId()).startsWith("sgr-");
        assertThat(again).isEqualTo(new AuthorizedRule(created.ruleId(), false, "made by test"));
        assertThat(ingress(group)).filteredOn(r -> Integer.valueOf(8443).equals(r.fromPort())).hasSize(1);

        cloud.revokeSecurityGroupIngress(accepter, REGION, group, rule);
        cloud.revokeSecurityGroupIngress(accepter, REGION, group, rule);

        assertThat(ingress(group)).noneMatch(r -> Integer.valueOf(8443).equals(r.fromPort()));
    }

    @Test
    void reachabilityNeedsRoutesBothWaysAndAnAdmittingGroup() throws InterruptedException {
        PeeringConnection connection = request(theirs, "reach-" + UUID.randomUUID());
        cloud.acceptPeeringConnection(accepter, REGION, connection.id());
        Thread.sleep(PeeringCloud.PROVISIONING_DELAY.toMillis() + 100);
        String subnet = mine.subnets().get(0).subnetId();
        ReachabilityQuery query = new ReachabilityQuery(subnet, null, theirs.vpcId(), "10.20.1.4", "tcp", 443,
                List.of(group(theirs)));

        Reachability noRoute = cloud.analyzeReachability(requester, REGION, query);
        cloud.createRoute(requester, REGION, customTable(mine), "10.20.0.0/16", connection.id());
        cloud.createRoute(accepter, REGION, customTable(theirs), "10.10.0.0/16", connection.id());
        Reachability noRule = cloud.analyzeReachability(requester, REGION, query);
        cloud.authorizeSecurityGroupIngress(accepter, REGION, group(theirs),
                new IngressRule("tcp", 443, 443, "10.10.0.0/16", "test"));
        Reachability open = cloud.analyzeReachability(requester, REGION, query);

        assertThat(noRoute.reachable()).isFalse();
        assertThat(noRoute.explanationCodes()).contains("NO_ROUTE_TO_DESTINATION");
        assertThat(noRule.reachable()).isFalse();
        assertThat(noRule.explanationCodes()).contains("ENI_SG_RULES_MISMATCH");
        assertThat(open.reachable()).isTrue();
        assertThat(open.status()).isEqualTo("succeeded");
    }

    @Test
    void describesOneVpcWithItsTablesAndGroups() {
        Vpc one = cloud.describeVpc(accepter, REGION, theirs.vpcId()).orElseThrow();

        assertThat(one.name()).isEqualTo("theirs");
        assertThat(one.subnets()).extracting(s -> s.cidrBlock()).containsExactly("10.20.1.0/24");
        assertThat(one.routeTables()).hasSize(2);
        assertThat(one.securityGroups()).extracting(g -> g.name()).contains("api", "default");
        assertThat(one.securityGroups().stream().filter(g -> g.name().equals("api")).findFirst().orElseThrow()
                .rules(RuleDirection.INGRESS)).extracting(SecurityGroupRule::cidr).containsExactly("10.20.0.0/16");
        assertThat(cloud.describeVpc(requester, REGION, theirs.vpcId())).isEmpty();
    }

    @Test
    void serverErrorsAndThrottlingMeanTheCloudIsUnavailableAndRefusalsDoNot() {
        Ec2Failures failures = new Ec2Failures(new CloudProperties(URI.create(PeeringCloud.endpoint()), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1));

        CloudFailure unavailable = failures.of(error(503, "ServiceUnavailable"), "CreateRoute", REGION);
        CloudFailure internal = failures.of(error(500, "SomethingNew"), "CreateRoute", REGION);
        CloudFailure throttled = failures.of(error(400, "RequestLimitExceeded"), "CreateRoute", REGION);
        CloudFailure refused = failures.of(error(400, "InvalidRouteTableID.NotFound"), "CreateRoute", REGION);

        assertThat(List.of(unavailable, internal, throttled)).allMatch(CloudFailure::retryable)
                .allMatch(CloudFailure::unavailable);
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.unavailable()).isFalse();
        assertThat(refused.code()).isEqualTo("InvalidRouteTableID.NotFound");
        assertThat(refused.getMessage()).contains("CreateRoute").contains("InvalidRouteTableID.NotFound: no such table");
    }

    private static AwsServiceException error(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("no such table").build()).build();
    }

    private PeeringConnection request(Vpc peer, String tag) {
        return cloud.createPeeringConnection(requester, REGION, mine.vpcId(), peer.vpcId(), accepterAccount, REGION, tag);
    }

    private List<Route> routes(String table) {
        return cloud.describeVpc(requester, REGION, mine.vpcId()).orElseThrow().routeTables().stream()
                .filter(t -> t.routeTableId().equals(table)).findFirst().orElseThrow().routes();
    }

    private List<SecurityGroupRule> ingress(String group) {
        return cloud.describeVpc(accepter, REGION, theirs.vpcId()).orElseThrow().securityGroups().stream()
                .filter(g -> g.groupId().equals(group)).findFirst().orElseThrow().rules(RuleDirection.INGRESS);
    }

    private static String group(Vpc vpc) {
        return vpc.securityGroups().stream().filter(g -> g.name().equals("api")).findFirst().orElseThrow().groupId();
    }

    private static String customTable(Vpc vpc) {
        return vpc.routeTables().stream().filter(t -> !t.main()).findFirst().orElseThrow().routeTableId();
    }

    private static SeedWorld.Vpc vpc(String name, String net) {
        return new SeedWorld.Vpc(name, REGION, net + ".0.0/16", List.of(), false, false,
                List.of(new SeedWorld.Subnet(name + "-a", net + ".1.0/24", "us-east-1a")),
                List.of(new SeedWorld.RouteTable(name + "-private", List.of(name + "-a"), false)),
                List.of(new SeedWorld.SecurityGroup("api", "API", List.of(new SeedWorld.Rule("tcp", "443",
                        net + ".0.0/16", null, "inside")), List.of())), List.of());
    }
}
