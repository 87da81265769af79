package io.peerdesk.sim.cloud;

import static io.peerdesk.sim.cloud.Fixture.A;
import static io.peerdesk.sim.cloud.Fixture.A_WEST;
import static io.peerdesk.sim.cloud.Fixture.B;
import static io.peerdesk.sim.cloud.Fixture.T0;
import static io.peerdesk.sim.cloud.Fixture.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingTests {

    private Fixture f;
    private Cloud cloud;
    private Routing routing;
    private Vpc a1;
    private Vpc b1;
    private RouteTable main;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        cloud = f.cloud;
        routing = cloud.routing();
        a1 = f.vpc(A, "10.1.0.0/16");
        b1 = f.vpc(B, "10.2.0.0/16");
        main = f.mainTable(a1);
    }

    private static Routing.RouteSpec toPcx(String destination, String pcxId) {
        return new Routing.RouteSpec(destination, null, null, pcxId, false);
    }

    private static Routing.RouteSpec toGateway(String destination, String gatewayId) {
        return new Routing.RouteSpec(destination, null, gatewayId, null, false);
    }

    private static Routing.RouteSpec v6ToGateway(String destination, String gatewayId) {
        return new Routing.RouteSpec(null, destination, gatewayId, null, false);
    }

    private InternetGateway attachedIgw(Vpc vpc) {
        Caller owner = Fixture.owner(vpc);
        InternetGateway igw = cloud.vpcs().createInternetGateway(owner, Map.of());
        cloud.vpcs().attachInternetGateway(owner, igw.id(), vpc.id());
        return igw;
    }

    // ---- local routes ----

    @Test
    void newVpcMainTableHasOnlyTheLocalRoute() {
        assertThat(main.vpcId()).isEqualTo(a1.id());
        assertThat(main.isMain()).isTrue();
        assertThat(main.routes()).hasSize(1);
        Route local = main.routes().get(0);
        assertThat(local.destination()).isEqualTo(Cidr.parse("10.1.0.0/16"));
        assertThat(local.gatewayId()).isEqualTo("local");
        assertThat(local.isLocal()).isTrue();
        assertThat(local.origin()).isEqualTo("CreateRouteTable");
        assertThat(cloud.routeState(local, a1.id(), T0)).isEqualTo("active");
        assertThat(a1.routeTableIds()).containsExactly(main.id());
    }

    @Test
    void ipv6VpcHasALocalRoutePerFamily() {
        Vpc v6 = f.vpcWithIpv6(A, "10.5.0.0/16");
        RouteTable rt = f.mainTable(v6);
        assertThat(rt.routes()).extracting(Route::destination)
                .containsExactly(Cidr.parse("10.5.0.0/16"), v6.ipv6Blocks().get(0).cidr());
        assertThat(rt.routes()).allMatch(Route::isLocal);
    }

    @Test
    void secondaryBlockAddsALocalRouteToEveryTable() {
        RouteTable custom = routing.createRouteTable(A, a1.id(), Map.of());
        cloud.vpcs().associateCidrBlock(A, a1.id(), "10.20.0.0/16", false, T0);
        for (RouteTable rt : new RouteTable[] {main, custom}) {
            assertThat(rt.routes()).extracting(Route::destination)
                    .containsExactly(Cidr.parse("10.1.0.0/16"), Cidr.parse("10.20.0.0/16"));
            assertThat(rt.routes()).allMatch(Route::isLocal);
        }
        RouteTable later = routing.createRouteTable(A, a1.id(), Map.of());
        assertThat(later.routes()).extracting(Route::destination)
                .containsExactly(Cidr.parse("10.1.0.0/16"), Cidr.parse("10.20.0.0/16"));
    }

    @Test
    void amazonIpv6BlockAddsALocalRouteToEveryTable() {
        RouteTable custom = routing.createRouteTable(A, a1.id(), Map.of());
        Vpc.CidrBlock block = cloud.vpcs().associateCidrBlock(A, a1.id(), null, true, T0);
        assertThat(block.cidr().v6()).isTrue();
        assertThat(main.route(block.cidr())).isNotNull();
        assertThat(custom.route(block.cidr()).isLocal()).isTrue();
    }

    @Test
    void localRouteCannotBeDeleted() {
        f.refused("InvalidParameterValue", () -> routing.deleteRoute(A, main.id(), "10.1.0.0/16", null));
    }

    @Test
    void localRouteCannotBeCreatedOrReplacedWithAnotherTarget() {
        InternetGateway igw = attachedIgw(a1);
        f.refused("InvalidParameterValue",
                () -> routing.createRoute(A, main.id(), toGateway("10.9.0.0/16", "local"), T0));
        f.refused("InvalidParameterValue",
                () -> routing.replaceRoute(A, main.id(), toGateway("10.1.0.0/16", igw.id()), T0));
    }

    // ---- longest prefix match ----

    @Test
    void longestPrefixMatchPicksTheMostSpecificRoute() {
        Vpc c1 = f.vpc(B, "10.3.0.0/16");
        PeeringConnection toB = f.peer(a1, b1, T0);
        PeeringConnection toC = f.peer(a1, c1, T0);
        InternetGateway igw = attachedIgw(a1);
        routing.createRoute(A, main.id(), toGateway("0.0.0.0/0", igw.id()), T0);
        f.route(A, main, "10.0.0.0/8", toB.id(), T0);
        f.route(A, main, "10.3.0.0/16", toC.id(), T0);
        f.route(A, main, "10.3.7.0/24", toB.id(), T0);

        assertThat(main.longestPrefixMatch(IpAddress.parse("10.3.1.1")).vpcPeeringConnectionId()).isEqualTo(toC.id());
        assertThat(main.longestPrefixMatch(IpAddress.parse("10.3.7.9")).destination())
                .isEqualTo(Cidr.parse("10.3.7.0/24"));
        assertThat(main.longestPrefixMatch(IpAddress.parse("10.2.0.1")).destination())
                .isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(main.longestPrefixMatch(IpAddress.parse("10.1.200.1")).isLocal()).isTrue();
        assertThat(main.longestPrefixMatch(IpAddress.parse("8.8.8.8")).gatewayId()).isEqualTo(igw.id());
        assertThat(main.longestPrefixMatch(IpAddress.parse("2001:db8::1"))).as("IPv6 has its own routes").isNull();
    }

    @Test
    void longestPrefixMatchFindsNothingWithoutACoveringRoute() {
        assertThat(main.longestPrefixMatch(IpAddress.parse("192.168.0.1"))).isNull();
    }

    // ---- duplicates and overlaps ----

    @Test
    void exactDuplicateDestinationIsRefused() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.route(A, main, "10.2.0.0/16", p.id(), T0);
        f.refused("RouteAlreadyExists", () -> f.route(A, main, "10.2.0.0/16", p.id(), T0));
        f.refused("RouteAlreadyExists", () -> f.route(A, main, "10.2.3.4/16", p.id(), T0));
    }

    @Test
    void overlappingAndMoreSpecificRoutesAreAllowed() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.route(A, main, "10.2.0.0/16", p.id(), T0);
        f.route(A, main, "10.2.0.0/17", p.id(), T0);
        f.route(A, main, "10.2.5.5/32", p.id(), T0);
        f.route(A, main, "10.0.0.0/8", p.id(), T0);
        assertThat(main.routes()).hasSize(5);
    }

    @Test
    void routeCanonicalisesItsDestination() {
        PeeringConnection p = f.peer(a1, b1, T0);
        Route r = f.route(A, main, "10.2.3.4/16", p.id(), T0);
        assertThat(r.destination().toString()).isEqualTo("10.2.0.0/16");
        assertThat(r.origin()).isEqualTo("CreateRoute");
    }

    @Test
    void routeEqualToOrMoreSpecificThanLocalIsRefused() {
        PeeringConnection p = f.peer(a1, b1, T0);
        InternetGateway igw = attachedIgw(a1);
        f.refused("InvalidParameterValue", () -> f.route(A, main, "10.1.0.0/16", p.id(), T0));
        f.refused("InvalidParameterValue", () -> f.route(A, main, "10.1.4.0/24", p.id(), T0));
        f.refused("InvalidParameterValue",
                () -> routing.createRoute(A, main.id(), toGateway("10.1.4.0/24", igw.id()), T0));
        // a secondary block's local route is protected too
        cloud.vpcs().associateCidrBlock(A, a1.id(), "10.20.0.0/16", false, T0);
        f.refused("InvalidParameterValue", () -> f.route(A, main, "10.20.1.0/24", p.id(), T0));
        // less specific than local is fine
        f.route(A, main, "10.0.0.0/8", p.id(), T0);
    }

    // ---- peering routes and their state ----

    @Test
    void routeToAPendingPeeringIsABlackholeUntilAccepted() {
        PeeringConnection p = f.request(A, a1, b1, T0);
        f.route(A, main, "10.2.0.0/16", p.id(), T0);
        assertThat(f.routeState(main, "10.2.0.0/16", T0)).isEqualTo("blackhole");
        cloud.peerings().accept(B, p.id(), minutes(1));
        assertThat(f.routeState(main, "10.2.0.0/16", minutes(1))).isEqualTo("active");
    }

    @Test
    void accepterCanRouteToThePendingPeeringToo() {
        PeeringConnection p = f.request(A, a1, b1, T0);
        RouteTable bMain = f.mainTable(b1);
        f.route(B, bMain, "10.1.0.0/16", p.id(), T0);
        assertThat(f.routeState(bMain, "10.1.0.0/16", T0)).isEqualTo("blackhole");
        cloud.peerings().accept(B, p.id(), T0);
        assertThat(f.routeState(bMain, "10.1.0.0/16", T0)).isEqualTo("active");
    }

    @Test
    void routeIsABlackholeWhileTheConnectionIsProvisioning() {
        Fixture slow = new Fixture(CloudConfig.AWS_DEFAULTS.withDelays(Duration.ofMinutes(1), Duration.ZERO));
        Vpc x = slow.vpc(A, "10.1.0.0/16");
        Vpc y = slow.vpc(B, "10.2.0.0/16");
        PeeringConnection p = slow.request(A, x, y, T0);
        RouteTable rt = slow.mainTable(x);
        slow.route(A, rt, "10.2.0.0/16", p.id(), T0);
        slow.cloud.peerings().accept(B, p.id(), T0);
        assertThat(slow.routeState(rt, "10.2.0.0/16", T0)).isEqualTo("blackhole");
        assertThat(slow.routeState(rt, "10.2.0.0/16", minutes(1))).isEqualTo("active");
    }

    @Test
    void routeBecomesABlackholeAgainWhenThePeeringIsDeleted() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.route(A, main, "10.2.0.0/16", p.id(), T0);
        assertThat(f.routeState(main, "10.2.0.0/16", T0)).isEqualTo("active");
        cloud.peerings().delete(B, p.id(), minutes(1));
        assertThat(f.routeState(main, "10.2.0.0/16", minutes(1))).isEqualTo("blackhole");
        // long after the connection has vanished from view, the route is still there, still a blackhole
        assertThat(f.routeState(main, "10.2.0.0/16", T0.plus(Duration.ofDays(30)))).isEqualTo("blackhole");
        assertThat(main.routes()).hasSize(2);
    }

    @Test
    void routeToAnExpiredOrRejectedPeeringIsABlackhole() {
        PeeringConnection p = f.request(A, a1, b1, T0);
        f.route(A, main, "10.2.0.0/16", p.id(), T0);
        assertThat(f.routeState(main, "10.2.0.0/16", T0.plus(Duration.ofDays(7)).minusMillis(1)))
                .isEqualTo("blackhole");
        assertThat(f.routeState(main, "10.2.0.0/16", T0.plus(Duration.ofDays(7)))).isEqualTo("blackhole");

        Vpc b2 = f.vpc(B, "10.3.0.0/16");
        PeeringConnection q = f.request(A, a1, b2, T0);
        f.route(A, main, "10.3.0.0/16", q.id(), T0);
        cloud.peerings().reject(B, q.id(), minutes(1));
        assertThat(f.routeState(main, "10.3.0.0/16", minutes(1))).isEqualTo("blackhole");
    }

    @Test
    void routeToAPeeringThatDoesNotInvolveTheVpcIsRefused() {
        Vpc a2 = f.vpc(A, "10.3.0.0/16");
        PeeringConnection other = f.peer(a2, b1, T0);
        f.refused("InvalidParameterValue", () -> f.route(A, main, "10.2.0.0/16", other.id(), T0));
    }

    @Test
    void routeToAnEndedPeeringIsRefused() {
        PeeringConnection p = f.peer(a1, b1, T0);
        cloud.peerings().delete(A, p.id(), minutes(1));
        f.refused("InvalidParameterValue", () -> f.route(A, main, "10.2.0.0/16", p.id(), minutes(2)));
    }

    @Test
    void routeToAnUnknownOrMalformedPeeringIsRefused() {
        f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> f.route(A, main, "10.2.0.0/16", "pcx-12345678", T0));
        f.refused("InvalidVpcPeeringConnectionId.Malformed", () -> f.route(A, main, "10.2.0.0/16", "pcx-nope", T0));
    }

    @Test
    void routeNeedsExactlyOneTargetAndOneDestination() {
        PeeringConnection p = f.peer(a1, b1, T0);
        InternetGateway igw = attachedIgw(a1);
        f.refused("MissingParameter", () -> routing.createRoute(A, main.id(),
                new Routing.RouteSpec("10.2.0.0/16", null, null, null, false), T0));
        f.refused("InvalidParameterCombination", () -> routing.createRoute(A, main.id(),
                new Routing.RouteSpec("10.2.0.0/16", null, igw.id(), p.id(), false), T0));
        f.refused("MissingParameter", () -> routing.createRoute(A, main.id(),
                new Routing.RouteSpec(null, null, igw.id(), null, false), T0));
        f.refused("InvalidParameterCombination", () -> routing.createRoute(A, main.id(),
                new Routing.RouteSpec("10.2.0.0/16", "2001:db8::/64", igw.id(), null, false), T0));
        f.refused("InvalidParameterValue", () -> f.route(A, main, "10.2.0.0/33", p.id(), T0));
        f.refused("InvalidParameterValue", () -> f.route(A, main, "2001:db8::/64", p.id(), T0));
    }

    // ---- internet gateway routes ----

    @Test
    void routeToAnInternetGatewayNeedsItAttachedToTheVpc() {
        InternetGateway igw = cloud.vpcs().createInternetGateway(A, Map.of());
        f.refused("InvalidParameterValue",
                () -> routing.createRoute(A, main.id(), toGateway("0.0.0.0/0", igw.id()), T0));
        cloud.vpcs().attachInternetGateway(A, igw.id(), a1.id());
        routing.createRoute(A, main.id(), toGateway("0.0.0.0/0", igw.id()), T0);
        assertThat(f.routeState(main, "0.0.0.0/0", T0)).isEqualTo("active");
        cloud.vpcs().detachInternetGateway(A, igw.id(), a1.id());
        assertThat(f.routeState(main, "0.0.0.0/0", T0)).isEqualTo("blackhole");
        f.refused("InvalidGatewayID.NotFound",
                () -> routing.createRoute(A, main.id(), toGateway("1.0.0.0/8", "nat-123"), T0));
    }

    // ---- quotas ----

    @Test
    void fiftyRoutesPerFamilyThenRouteLimitExceeded() {
        Vpc v = f.vpcWithIpv6(A, "10.5.0.0/16");
        cloud.vpcs().associateCidrBlock(A, v.id(), "10.6.0.0/16", false, T0);
        RouteTable rt = f.mainTable(v);
        InternetGateway igw = attachedIgw(v);
        for (int i = 0; i < 50; i++) {
            routing.createRoute(A, rt.id(), toGateway("172.16." + i + ".0/24", igw.id()), T0);
        }
        assertThat(rt.routes()).hasSize(53); // 50 + three local routes, which do not count
        f.refused("RouteLimitExceeded",
                () -> routing.createRoute(A, rt.id(), toGateway("172.16.50.0/24", igw.id()), T0));
        // IPv6 routes are counted separately
        for (int i = 0; i < 50; i++) {
            routing.createRoute(A, rt.id(), v6ToGateway("2001:db8:" + Integer.toHexString(i) + "::/48", igw.id()), T0);
        }
        f.refused("RouteLimitExceeded",
                () -> routing.createRoute(A, rt.id(), v6ToGateway("2001:db9::/48", igw.id()), T0));
        // replacing an existing route is not adding one
        routing.replaceRoute(A, rt.id(), toGateway("172.16.0.0/24", igw.id()), T0);
        // deleting one makes room again
        routing.deleteRoute(A, rt.id(), "172.16.0.0/24", null);
        routing.createRoute(A, rt.id(), toGateway("172.16.50.0/24", igw.id()), T0);
    }

    @Test
    void quotaIsPerTable() {
        InternetGateway igw = attachedIgw(a1);
        RouteTable other = routing.createRouteTable(A, a1.id(), Map.of());
        for (int i = 0; i < 50; i++) {
            routing.createRoute(A, main.id(), toGateway("172.16." + i + ".0/24", igw.id()), T0);
        }
        routing.createRoute(A, other.id(), toGateway("172.16.0.0/24", igw.id()), T0);
    }

    @Test
    void twoHundredRouteTablesPerVpcIncludingTheMainOne() {
        for (int i = 0; i < 199; i++) {
            routing.createRouteTable(A, a1.id(), Map.of());
        }
        assertThat(a1.routeTableIds()).hasSize(200);
        f.refused("RouteTableLimitExceeded", () -> routing.createRouteTable(A, a1.id(), Map.of()));
    }

    // ---- delete and replace ----

    @Test
    void deleteOfAMissingRouteIsInvalidRouteNotFound() {
        f.refused("InvalidRoute.NotFound", () -> routing.deleteRoute(A, main.id(), "10.2.0.0/16", null));
        PeeringConnection p = f.peer(a1, b1, T0);
        f.route(A, main, "10.2.0.0/16", p.id(), T0);
        // only the exact destination matches
        f.refused("InvalidRoute.NotFound", () -> routing.deleteRoute(A, main.id(), "10.2.0.0/17", null));
        f.refused("InvalidRoute.NotFound", () -> routing.deleteRoute(A, main.id(), null, "2001:db8::/64"));
    }

    @Test
    void deleteRouteRemovesItEvenGivenInNonCanonicalForm() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.route(A, main, "10.2.0.0/16", p.id(), T0);
        routing.deleteRoute(A, main.id(), "10.2.99.99/16", null);
        assertThat(main.routes()).hasSize(1);
    }

    @Test
    void replaceOfAMissingRouteIsInvalidParameterValue() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.refused("InvalidParameterValue", () -> routing.replaceRoute(A, main.id(), toPcx("10.2.0.0/16", p.id()), T0));
    }

    @Test
    void replaceRouteSwapsTheTarget() {
        PeeringConnection p = f.peer(a1, b1, T0);
        InternetGateway igw = attachedIgw(a1);
        routing.createRoute(A, main.id(), toGateway("10.2.0.0/16", igw.id()), T0);
        Route replaced = routing.replaceRoute(A, main.id(), toPcx("10.2.0.0/16", p.id()), T0);
        assertThat(replaced.vpcPeeringConnectionId()).isEqualTo(p.id());
        assertThat(main.route(Cidr.parse("10.2.0.0/16"))).isEqualTo(replaced);
        assertThat(main.routes()).hasSize(2);
    }

    @Test
    void replaceRouteChecksTheNewTarget() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.route(A, main, "10.2.0.0/16", p.id(), T0);
        Vpc a2 = f.vpc(A, "10.3.0.0/16");
        PeeringConnection unrelated = f.peer(a2, f.vpc(B, "10.4.0.0/16"), T0);
        f.refused("InvalidParameterValue",
                () -> routing.replaceRoute(A, main.id(), toPcx("10.2.0.0/16", unrelated.id()), T0));
    }

    // ---- reserved ranges ----

    @Test
    void reservedDestinationsCannotBeRouted() {
        InternetGateway igw = attachedIgw(a1);
        for (String d : new String[] {"169.254.168.0/22", "169.254.169.0/24", "169.254.169.254/32"}) {
            f.refused("InvalidParameterValue", () -> routing.createRoute(A, main.id(), toGateway(d, igw.id()), T0));
        }
        f.refused("InvalidParameterValue",
                () -> routing.createRoute(A, main.id(), v6ToGateway("fd00:ec2::/32", igw.id()), T0));
        f.refused("InvalidParameterValue",
                () -> routing.createRoute(A, main.id(), v6ToGateway("fd00:ec2::254/128", igw.id()), T0));
        routing.createRoute(A, main.id(), toGateway("169.254.172.0/22", igw.id()), T0);
    }

    // ---- route tables and associations ----

    @Test
    void mainRouteTableCannotBeDeleted() {
        f.refused("DependencyViolation", () -> routing.deleteRouteTable(A, main.id()));
    }

    @Test
    void associatedRouteTableCannotBeDeletedButAnUnassociatedOneCan() {
        Subnet s = f.subnet(A, a1, "10.1.1.0/24");
        RouteTable custom = routing.createRouteTable(A, a1.id(), Map.of());
        routing.associate(A, custom.id(), s.id());
        f.refused("DependencyViolation", () -> routing.deleteRouteTable(A, custom.id()));
        routing.disassociate(A, custom.associations().get(0).associationId());
        routing.deleteRouteTable(A, custom.id());
        assertThat(cloud.routeTable(custom.id())).isNull();
        assertThat(a1.routeTableIds()).containsExactly(main.id());
    }

    @Test
    void subnetUsesTheMainTableUntilExplicitlyAssociated() {
        Subnet s = f.subnet(A, a1, "10.1.1.0/24");
        assertThat(cloud.routeTableOf(s)).isSameAs(main);
        RouteTable custom = routing.createRouteTable(A, a1.id(), Map.of());
        RouteTable.Association a = routing.associate(A, custom.id(), s.id());
        assertThat(a.associationId()).startsWith("rtbassoc-");
        assertThat(a.main()).isFalse();
        assertThat(a.subnetId()).isEqualTo(s.id());
        assertThat(cloud.routeTableOf(s)).isSameAs(custom);
        routing.disassociate(A, a.associationId());
        assertThat(cloud.routeTableOf(s)).isSameAs(main);
        assertThat(custom.associations()).isEmpty();
    }

    @Test
    void subnetHasExactlyOneExplicitAssociation() {
        Subnet s = f.subnet(A, a1, "10.1.1.0/24");
        RouteTable t1 = routing.createRouteTable(A, a1.id(), Map.of());
        RouteTable t2 = routing.createRouteTable(A, a1.id(), Map.of());
        routing.associate(A, t1.id(), s.id());
        f.refused("Resource.AlreadyAssociated", () -> routing.associate(A, t2.id(), s.id()));
        f.refused("Resource.AlreadyAssociated", () -> routing.associate(A, t1.id(), s.id()));
    }

    @Test
    void subnetCannotBeAssociatedWithATableOfAnotherVpc() {
        Vpc a2 = f.vpc(A, "10.3.0.0/16");
        Subnet s = f.subnet(A, a2, "10.3.1.0/24");
        f.refused("InvalidParameterValue", () -> routing.associate(A, main.id(), s.id()));
    }

    @Test
    void mainAssociationCannotBeDisassociated() {
        String mainAssociation = main.associations().get(0).associationId();
        assertThat(main.associations().get(0).main()).isTrue();
        f.refused("InvalidParameterValue", () -> routing.disassociate(A, mainAssociation));
        f.refused("InvalidAssociationID.NotFound", () -> routing.disassociate(A, "rtbassoc-0000000000000000"));
        // another account cannot see it
        f.refused("InvalidAssociationID.NotFound", () -> routing.disassociate(B, mainAssociation));
    }

    @Test
    void deletingASubnetRemovesItsAssociation() {
        Subnet s = f.subnet(A, a1, "10.1.1.0/24");
        RouteTable custom = routing.createRouteTable(A, a1.id(), Map.of());
        routing.associate(A, custom.id(), s.id());
        cloud.vpcs().deleteSubnet(A, s.id());
        assertThat(custom.associations()).isEmpty();
        routing.deleteRouteTable(A, custom.id());
    }

    @Test
    void routeTablesOfAnotherAccountOrRegionAreNotFound() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.refused("InvalidRouteTableID.NotFound", () -> f.route(B, main, "10.2.0.0/16", p.id(), T0));
        f.refused("InvalidRouteTableID.NotFound", () -> f.route(A_WEST, main, "10.2.0.0/16", p.id(), T0));
        f.refused("InvalidRouteTableID.NotFound", () -> routing.deleteRouteTable(B, main.id()));
        f.refused("InvalidVpcID.NotFound", () -> routing.createRouteTable(B, a1.id(), Map.of()));
    }

    @Test
    void routeToAnotherAccountsPeeringVisibleOnlyToItIsNotFound() {
        Vpc c1 = f.vpc(Fixture.C, "10.7.0.0/16");
        PeeringConnection bc = f.peer(b1, c1, T0);
        f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> f.route(A, main, "10.7.0.0/16", bc.id(), T0));
    }
}
