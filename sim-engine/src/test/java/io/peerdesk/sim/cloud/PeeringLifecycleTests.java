package io.peerdesk.sim.cloud;

import static io.peerdesk.sim.cloud.Fixture.A;
import static io.peerdesk.sim.cloud.Fixture.ACCT_A;
import static io.peerdesk.sim.cloud.Fixture.ACCT_B;
import static io.peerdesk.sim.cloud.Fixture.A_WEST;
import static io.peerdesk.sim.cloud.Fixture.B;
import static io.peerdesk.sim.cloud.Fixture.B_WEST;
import static io.peerdesk.sim.cloud.Fixture.C;
import static io.peerdesk.sim.cloud.Fixture.EAST;
import static io.peerdesk.sim.cloud.Fixture.T0;
import static io.peerdesk.sim.cloud.Fixture.WEST;
import static io.peerdesk.sim.cloud.Fixture.at;
import static io.peerdesk.sim.cloud.Fixture.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.peerdesk.sim.net.Cidr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PeeringLifecycleTests {

    private static final Duration MS = Duration.ofMillis(1);
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Duration TWO_DAYS = Duration.ofDays(2);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final PeeringOptions DNS = new PeeringOptions(true, false, false);
    private static final PeeringOptions CLASSIC = new PeeringOptions(false, true, false);

    private Fixture f;
    private Cloud cloud;
    private Peerings peerings;
    /** Requester side: account A, us-east-1. */
    private Vpc a1;
    /** Accepter side: account B, us-east-1. */
    private Vpc b1;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        cloud = f.cloud;
        peerings = cloud.peerings();
        a1 = f.vpc(A, "10.1.0.0/16");
        b1 = f.vpc(B, "10.2.0.0/16");
    }

    private PeeringConnection crossAccount() {
        return f.request(A, a1, b1, T0);
    }

    private boolean visible(Caller caller, PeeringConnection p, Instant now) {
        try {
            cloud.requirePeering(caller, p.id(), now);
        } catch (CloudException e) {
            assertThat(e.code()).isEqualTo("InvalidVpcPeeringConnectionID.NotFound");
            assertThat(cloud.visiblePeerings(caller, now)).doesNotContain(p);
            return false;
        }
        assertThat(cloud.visiblePeerings(caller, now)).contains(p);
        return true;
    }

    // ---- create ----

    @Test
    void createGivesAPendingAcceptanceConnectionThatExpiresInSevenDays() {
        PeeringConnection p = crossAccount();

        assertThat(p.id()).matches("pcx-[0-9a-f]{17}");
        assertThat(p.stateAt(T0)).isEqualTo(PeeringState.PENDING_ACCEPTANCE);
        assertThat(p.stateAt(T0).code()).isEqualTo("pending-acceptance");
        assertThat(p.statusMessage(T0)).isEqualTo("Pending Acceptance by " + ACCT_B);
        assertThat(p.createdAt()).isEqualTo(T0);
        assertThat(p.expiresAt()).isEqualTo(T0.plus(WEEK));
        assertThat(p.requester()).isEqualTo(new PeeringConnection.Side(a1.id(), ACCT_A, EAST));
        assertThat(p.accepter()).isEqualTo(new PeeringConnection.Side(b1.id(), ACCT_B, EAST));
        assertThat(p.isCrossAccount()).isTrue();
        assertThat(p.isInterRegion()).isFalse();
        assertThat(p.requesterOptions()).isEqualTo(PeeringOptions.NONE);
        assertThat(p.accepterOptions()).isEqualTo(PeeringOptions.NONE);
        assertThat(a1.peeringIds()).containsExactly(p.id());
        assertThat(b1.peeringIds()).containsExactly(p.id());
        assertThat(visible(A, p, T0)).isTrue();
        assertThat(visible(B, p, T0)).isTrue();
    }

    @Test
    void createResponseCodeIsInitiatingRequestWhichNoStoredStateEverReports() {
        PeeringConnection p = crossAccount();
        // AWS: "Only Create returns this code"; the stored connection is pending-acceptance at once.
        assertThat(PeeringState.INITIATING_REQUEST.code()).isEqualTo("initiating-request");
        for (Instant t : List.of(T0, T0.plus(MS), T0.plus(Duration.ofDays(3)))) {
            assertThat(p.stateAt(t)).isNotEqualTo(PeeringState.INITIATING_REQUEST);
        }
        assertThat(PeeringState.values()).extracting(PeeringState::code).containsExactly("initiating-request",
                "pending-acceptance", "provisioning", "active", "failed", "rejected", "expired", "deleting",
                "deleted");
    }

    @Test
    void peerOwnerAndRegionDefaultToTheCaller() {
        Vpc a2 = f.vpc(A, "10.3.0.0/16");
        PeeringConnection p = peerings.create(A, a1.id(), a2.id(), null, null, Map.of(), T0);
        assertThat(p.accepter()).isEqualTo(new PeeringConnection.Side(a2.id(), ACCT_A, EAST));
        assertThat(p.isCrossAccount()).isFalse();
    }

    @Test
    void createTagsBelongToTheRequesterAccountOnly() {
        PeeringConnection p = peerings.create(A, a1.id(), b1.id(), ACCT_B, null, Map.of("Name", "a-b"), T0);
        assertThat(p.tagsOf(ACCT_A).asMap()).containsEntry("Name", "a-b");
        assertThat(p.tagsOf(ACCT_B).asMap()).isEmpty();
        assertThat(cloud.tagging().tagsOf(B, p.id(), T0).asMap()).isEmpty();
    }

    @Test
    void overlappingPrimaryBlocksGiveAFailedConnection() {
        Vpc overlapping = f.vpc(B, "10.1.128.0/17");
        PeeringConnection p = f.request(A, a1, overlapping, T0);
        assertThat(p.stateAt(T0)).isEqualTo(PeeringState.FAILED);
        assertThat(p.statusMessage(T0)).isNotBlank();
        assertThat(p.stateAt(T0.plus(Duration.ofDays(30)))).isEqualTo(PeeringState.FAILED);
    }

    @Test
    void overlapOfASecondaryIpv4BlockGivesAFailedConnection() {
        cloud.vpcs().associateCidrBlock(A, a1.id(), "10.50.0.0/16", false, T0);
        Vpc other = f.vpc(B, "10.50.7.0/24");
        assertThat(f.request(A, a1, other, T0).stateAt(T0)).isEqualTo(PeeringState.FAILED);

        Vpc other2 = f.vpc(B, "10.60.0.0/16");
        cloud.vpcs().associateCidrBlock(B, other2.id(), "10.1.4.0/24", false, T0);
        assertThat(f.request(A, a1, other2, T0).stateAt(T0)).isEqualTo(PeeringState.FAILED);
    }

    @Test
    void overlapOfIpv6BlocksAloneGivesAFailedConnection() {
        // IPv4 blocks are disjoint; only the (bring-your-own) IPv6 blocks overlap.
        a1.addBlock(new Vpc.CidrBlock("vpc-cidr-assoc-test1", Cidr.parse("2600:1f00:1::/56")));
        b1.addBlock(new Vpc.CidrBlock("vpc-cidr-assoc-test2", Cidr.parse("2600:1f00:1:0::/60")));
        assertThat(crossAccount().stateAt(T0)).isEqualTo(PeeringState.FAILED);
    }

    @Test
    void disjointIpv6BlocksDoNotFailTheConnection() {
        Vpc x = f.vpcWithIpv6(A, "10.10.0.0/16");
        Vpc y = f.vpcWithIpv6(B, "10.11.0.0/16");
        assertThat(x.ipv6Blocks().get(0).cidr().overlaps(y.ipv6Blocks().get(0).cidr())).isFalse();
        assertThat(f.request(A, x, y, T0).stateAt(T0)).isEqualTo(PeeringState.PENDING_ACCEPTANCE);
    }

    @Test
    void secondCreateForAPendingPairReturnsTheSameConnection() {
        PeeringConnection p = crossAccount();
        int count = cloud.allPeerings().size();
        assertThat(f.request(A, a1, b1, minutes(5))).isSameAs(p);
        assertThat(peerings.create(B, b1.id(), a1.id(), ACCT_A, EAST, Map.of(), minutes(6))).isSameAs(p);
        assertThat(cloud.allPeerings()).hasSize(count);
    }

    @Test
    void secondCreateForAnActivePairReturnsTheSameConnection() {
        PeeringConnection p = f.peer(a1, b1, T0);
        assertThat(f.request(A, a1, b1, minutes(5))).isSameAs(p);
        assertThat(p.stateAt(minutes(5))).isEqualTo(PeeringState.ACTIVE);
        assertThat(cloud.allPeerings()).hasSize(1);
    }

    @Test
    void createAfterTheConnectionIsDeletedMakesANewOne() {
        PeeringConnection p = f.peer(a1, b1, T0);
        peerings.delete(A, p.id(), minutes(1));
        PeeringConnection again = f.request(A, a1, b1, minutes(2));
        assertThat(again.id()).isNotEqualTo(p.id());
        assertThat(again.stateAt(minutes(2))).isEqualTo(PeeringState.PENDING_ACCEPTANCE);
        assertThat(p.stateAt(minutes(2))).isEqualTo(PeeringState.DELETED);
    }

    @Test
    void createAfterRejectionOrExpiryMakesANewOne() {
        PeeringConnection p = crossAccount();
        peerings.reject(B, p.id(), minutes(1));
        PeeringConnection second = f.request(A, a1, b1, minutes(2));
        assertThat(second).isNotSameAs(p);
        Instant expired = minutes(2).plus(WEEK);
        PeeringConnection third = f.request(A, a1, b1, expired);
        assertThat(third).isNotSameAs(second);
        assertThat(second.stateAt(expired)).isEqualTo(PeeringState.EXPIRED);
    }

    @Test
    void peeringAVpcWithItselfIsRefused() {
        f.refused("InvalidParameterValue", () -> peerings.create(A, a1.id(), a1.id(), null, null, Map.of(), T0));
    }

    @Test
    void unknownPeerVpcIsNotFound() {
        f.refused("InvalidVpcID.NotFound",
                () -> peerings.create(A, a1.id(), "vpc-0123456789abcdef0", ACCT_B, null, Map.of(), T0));
    }

    @Test
    void wrongPeerOwnerIsNotFound() {
        // PeerOwnerId defaults to the caller's account, where b1 does not exist.
        f.refused("InvalidVpcID.NotFound", () -> peerings.create(A, a1.id(), b1.id(), null, null, Map.of(), T0));
        f.refused("InvalidVpcID.NotFound",
                () -> peerings.create(A, a1.id(), b1.id(), Fixture.ACCT_C, null, Map.of(), T0));
    }

    @Test
    void wrongPeerRegionIsNotFound() {
        f.refused("InvalidVpcID.NotFound", () -> peerings.create(A, a1.id(), b1.id(), ACCT_B, WEST, Map.of(), T0));
        Vpc west = f.vpc(A_WEST, "10.9.0.0/16");
        f.refused("InvalidVpcID.NotFound", () -> peerings.create(A, a1.id(), west.id(), null, null, Map.of(), T0));
    }

    @Test
    void requesterVpcOfAnotherAccountOrRegionIsNotFound() {
        f.refused("InvalidVpcID.NotFound", () -> peerings.create(B, a1.id(), b1.id(), ACCT_B, null, Map.of(), T0));
        f.refused("InvalidVpcID.NotFound",
                () -> peerings.create(A_WEST, a1.id(), b1.id(), ACCT_B, EAST, Map.of(), T0));
    }

    @Test
    void missingPeerVpcIsAMissingParameter() {
        f.refused("MissingParameter", () -> peerings.create(A, a1.id(), null, ACCT_B, null, Map.of(), T0));
    }

    // ---- accept ----

    @Test
    void accepterAcceptsAndTheConnectionIsActive() {
        PeeringConnection p = crossAccount();
        PeeringConnection accepted = peerings.accept(B, p.id(), minutes(3));
        assertThat(accepted).isSameAs(p);
        assertThat(p.stateAt(minutes(3))).isEqualTo(PeeringState.ACTIVE);
        assertThat(p.statusMessage(minutes(3))).isEqualTo("Active");
        // an active connection never expires
        assertThat(p.stateAt(T0.plus(Duration.ofDays(365)))).isEqualTo(PeeringState.ACTIVE);
        assertThat(cloud.activePeeringBetween(a1.id(), b1.id(), minutes(3))).isSameAs(p);
        assertThat(cloud.activePeeringBetween(b1.id(), a1.id(), minutes(3))).isSameAs(p);
    }

    @Test
    void withAProvisioningDelayAcceptGoesThroughProvisioning() {
        Fixture slow = new Fixture(CloudConfig.AWS_DEFAULTS.withDelays(Duration.ofSeconds(30), Duration.ZERO));
        Vpc x = slow.vpc(A, "10.1.0.0/16");
        Vpc y = slow.vpc(B, "10.2.0.0/16");
        PeeringConnection p = slow.request(A, x, y, T0);
        slow.cloud.peerings().accept(B, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.PROVISIONING);
        assertThat(p.statusMessage(minutes(1))).isEqualTo("Provisioning");
        assertThat(p.stateAt(minutes(1).plusSeconds(30).minus(MS))).isEqualTo(PeeringState.PROVISIONING);
        assertThat(p.stateAt(minutes(1).plusSeconds(30))).isEqualTo(PeeringState.ACTIVE);
        assertThat(p.stateSince(minutes(2))).isEqualTo(minutes(1).plusSeconds(30));
        // a provisioning connection cannot be accepted again, and does not expire
        slow.refused("InvalidStateTransition", () -> slow.cloud.peerings().accept(B, p.id(), minutes(1)));
        assertThat(p.stateAt(T0.plus(WEEK).plus(TWO_DAYS))).isEqualTo(PeeringState.ACTIVE);
    }

    @Test
    void requesterCannotAcceptCrossAccountRequest() {
        PeeringConnection p = crossAccount();
        f.refused("OperationNotPermitted", () -> peerings.accept(A, p.id(), minutes(1)));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.PENDING_ACCEPTANCE);
    }

    @Test
    void requesterCannotRejectCrossAccountRequest() {
        PeeringConnection p = crossAccount();
        f.refused("OperationNotPermitted", () -> peerings.reject(A, p.id(), minutes(1)));
    }

    @Test
    void sameAccountRequestIsAcceptedByTheSameAccount() {
        Vpc a2 = f.vpc(A, "10.3.0.0/16");
        PeeringConnection p = f.request(A, a1, a2, T0);
        peerings.accept(A, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.ACTIVE);
    }

    @Test
    void interRegionRequestCannotBeAcceptedInTheRequesterRegion() {
        Vpc west = f.vpc(A_WEST, "10.9.0.0/16");
        PeeringConnection p = f.request(A, a1, west, T0);
        assertThat(p.isInterRegion()).isTrue();
        f.refused("OperationNotPermitted", () -> peerings.accept(A, p.id(), minutes(1)));
        f.refused("OperationNotPermitted", () -> peerings.reject(A, p.id(), minutes(1)));
        peerings.accept(A_WEST, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.ACTIVE);
    }

    @Test
    void crossAccountInterRegionRequestIsAcceptedByTheAccepterInItsRegion() {
        Vpc bWest = f.vpc(B_WEST, "10.9.0.0/16");
        PeeringConnection p = f.request(A, a1, bWest, T0);
        // B in the requester region does not even see it
        f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> peerings.accept(B, p.id(), minutes(1)));
        peerings.accept(B_WEST, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.ACTIVE);
    }

    @Test
    void acceptWhenActiveIsAnInvalidStateTransition() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.refused("InvalidStateTransition", () -> peerings.accept(B, p.id(), minutes(1)));
        f.refused("InvalidStateTransition", () -> peerings.reject(B, p.id(), minutes(1)));
    }

    @Test
    void acceptOrRejectWhenRejectedIsAnInvalidStateTransition() {
        PeeringConnection p = crossAccount();
        peerings.reject(B, p.id(), minutes(1));
        f.refused("InvalidStateTransition", () -> peerings.accept(B, p.id(), minutes(2)));
        f.refused("InvalidStateTransition", () -> peerings.reject(B, p.id(), minutes(2)));
    }

    @Test
    void acceptOrRejectWhenDeletedIsAnInvalidStateTransition() {
        PeeringConnection p = crossAccount();
        peerings.delete(A, p.id(), minutes(1));
        // deleted by A: B still sees it for 2 days
        f.refused("InvalidStateTransition", () -> peerings.accept(B, p.id(), minutes(2)));
        f.refused("InvalidStateTransition", () -> peerings.reject(B, p.id(), minutes(2)));
    }

    @Test
    void acceptOrRejectWhenExpiredIsAnInvalidStateTransition() {
        PeeringConnection p = crossAccount();
        Instant expired = T0.plus(WEEK);
        f.refused("InvalidStateTransition", () -> peerings.accept(B, p.id(), expired));
        f.refused("InvalidStateTransition", () -> peerings.reject(B, p.id(), expired));
    }

    @Test
    void acceptOrRejectWhenFailedIsAnInvalidStateTransition() {
        Vpc overlapping = f.vpc(A, "10.1.0.0/20");
        PeeringConnection p = f.request(A, a1, overlapping, T0);
        assertThat(p.stateAt(T0)).isEqualTo(PeeringState.FAILED);
        f.refused("InvalidStateTransition", () -> peerings.accept(A, p.id(), minutes(1)));
        f.refused("InvalidStateTransition", () -> peerings.reject(A, p.id(), minutes(1)));
    }

    @Test
    void crossAccountFailedConnectionIsInvisibleToTheAccepter() {
        Vpc overlapping = f.vpc(B, "10.1.0.0/20");
        PeeringConnection p = f.request(A, a1, overlapping, T0);
        f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> peerings.accept(B, p.id(), T0));
    }

    // ---- reject ----

    @Test
    void accepterRejectsAndTheConnectionIsRejected() {
        PeeringConnection p = crossAccount();
        peerings.reject(B, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.REJECTED);
        assertThat(p.stateAt(T0.plus(WEEK).plus(MS))).as("a rejected connection does not expire")
                .isEqualTo(PeeringState.REJECTED);
    }

    // ---- delete ----

    @Test
    void requesterDeletesAPendingRequest() {
        PeeringConnection p = crossAccount();
        peerings.delete(A, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.DELETED);
        assertThat(p.statusMessage(minutes(1))).contains(ACCT_A);
    }

    @Test
    void accepterCannotDeleteAPendingRequest() {
        PeeringConnection p = crossAccount();
        f.refused("OperationNotPermitted", () -> peerings.delete(B, p.id(), minutes(1)));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.PENDING_ACCEPTANCE);
    }

    @Test
    void requesterDeletesAnActiveConnection() {
        PeeringConnection p = f.peer(a1, b1, T0);
        peerings.delete(A, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.DELETED);
        assertThat(cloud.activePeeringBetween(a1.id(), b1.id(), minutes(1))).isNull();
    }

    @Test
    void accepterDeletesAnActiveConnection() {
        PeeringConnection p = f.peer(a1, b1, T0);
        peerings.delete(B, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.DELETED);
        assertThat(p.statusMessage(minutes(1))).contains(ACCT_B);
    }

    @Test
    void deleteWhenFailedIsAnInvalidStateTransition() {
        Vpc overlapping = f.vpc(B, "10.1.0.0/20");
        PeeringConnection p = f.request(A, a1, overlapping, T0);
        f.refused("InvalidStateTransition", () -> peerings.delete(A, p.id(), minutes(1)));
    }

    @Test
    void deleteWhenRejectedIsAnInvalidStateTransition() {
        PeeringConnection p = crossAccount();
        peerings.reject(B, p.id(), minutes(1));
        f.refused("InvalidStateTransition", () -> peerings.delete(A, p.id(), minutes(2)));
        f.refused("InvalidStateTransition", () -> peerings.delete(B, p.id(), minutes(2)));
    }

    @Test
    void deleteWhenExpiredIsAnInvalidStateTransition() {
        PeeringConnection p = crossAccount();
        f.refused("InvalidStateTransition", () -> peerings.delete(A, p.id(), T0.plus(WEEK)));
        f.refused("InvalidStateTransition", () -> peerings.delete(B, p.id(), T0.plus(WEEK)));
    }

    @Test
    void deleteWhenDeletedIsAnInvalidStateTransition() {
        PeeringConnection p = f.peer(a1, b1, T0);
        peerings.delete(A, p.id(), minutes(1));
        f.refused("InvalidStateTransition", () -> peerings.delete(A, p.id(), minutes(2)));
        f.refused("InvalidStateTransition", () -> peerings.delete(B, p.id(), minutes(2)));
    }

    @Test
    void interRegionDeleteWithADelayPassesThroughDeleting() {
        Fixture slow = new Fixture(CloudConfig.AWS_DEFAULTS.withDelays(Duration.ZERO, Duration.ofMinutes(10)));
        Vpc x = slow.vpc(A, "10.1.0.0/16");
        Vpc west = slow.vpc(B_WEST, "10.9.0.0/16");
        PeeringConnection p = slow.peer(x, west, T0);
        slow.cloud.peerings().delete(B_WEST, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.DELETING);
        assertThat(p.statusMessage(minutes(1))).isEqualTo("Deleting");
        assertThat(p.stateAt(minutes(11).minus(MS))).isEqualTo(PeeringState.DELETING);
        assertThat(p.stateAt(minutes(11))).isEqualTo(PeeringState.DELETED);
        assertThat(p.stateSince(minutes(12))).isEqualTo(minutes(11));
        assertThat(slow.cloud.activePeeringBetween(x.id(), west.id(), minutes(1))).isNull();
        slow.refused("InvalidStateTransition", () -> slow.cloud.peerings().delete(A, p.id(), minutes(2)));
        slow.refused("InvalidStateTransition", () -> slow.cloud.peerings().accept(B_WEST, p.id(), minutes(2)));
    }

    @Test
    void interRegionRequesterDeletingAPendingRequestPassesThroughDeleting() {
        Fixture slow = new Fixture(CloudConfig.AWS_DEFAULTS.withDelays(Duration.ZERO, Duration.ofMinutes(10)));
        Vpc x = slow.vpc(A, "10.1.0.0/16");
        Vpc west = slow.vpc(B_WEST, "10.9.0.0/16");
        PeeringConnection p = slow.request(A, x, west, T0);
        slow.cloud.peerings().delete(A, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.DELETING);
        assertThat(p.stateAt(minutes(11))).isEqualTo(PeeringState.DELETED);
    }

    @Test
    void sameRegionDeleteIsImmediateEvenWithADeleteDelay() {
        Fixture slow = new Fixture(CloudConfig.AWS_DEFAULTS.withDelays(Duration.ZERO, Duration.ofMinutes(10)));
        Vpc x = slow.vpc(A, "10.1.0.0/16");
        Vpc y = slow.vpc(B, "10.2.0.0/16");
        PeeringConnection p = slow.peer(x, y, T0);
        slow.cloud.peerings().delete(A, p.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.DELETED);
    }

    // ---- expiry ----

    @Test
    void pendingRequestExpiresExactlyAfterSevenDays() {
        PeeringConnection p = crossAccount();
        assertThat(p.stateAt(T0.plus(WEEK).minus(MS))).isEqualTo(PeeringState.PENDING_ACCEPTANCE);
        assertThat(p.stateAt(T0.plus(WEEK))).isEqualTo(PeeringState.EXPIRED);
        assertThat(p.stateSince(T0.plus(WEEK).plusSeconds(5))).isEqualTo(T0.plus(WEEK));
        // still acceptable one millisecond before
        peerings.accept(B, p.id(), T0.plus(WEEK).minus(MS));
        assertThat(p.stateAt(T0.plus(WEEK))).isEqualTo(PeeringState.ACTIVE);
    }

    // ---- visibility windows ----

    @Test
    void failedConnectionIsVisibleToTheRequesterForTwoHoursAndNeverToTheAccepter() {
        Vpc overlapping = f.vpc(B, "10.1.0.0/20");
        PeeringConnection p = f.request(A, a1, overlapping, T0);
        assertThat(visible(A, p, T0)).isTrue();
        assertThat(visible(A, p, T0.plus(TWO_HOURS).minus(MS))).isTrue();
        assertThat(visible(A, p, T0.plus(TWO_HOURS))).isFalse();
        assertThat(visible(B, p, T0)).isFalse();
    }

    @Test
    void rejectedConnectionIsVisibleTwoDaysToTheRequesterAndTwoHoursToTheAccepter() {
        PeeringConnection p = crossAccount();
        Instant rejected = minutes(10);
        peerings.reject(B, p.id(), rejected);
        assertThat(visible(B, p, rejected.plus(TWO_HOURS).minus(MS))).isTrue();
        assertThat(visible(B, p, rejected.plus(TWO_HOURS))).isFalse();
        assertThat(visible(A, p, rejected.plus(TWO_DAYS).minus(MS))).isTrue();
        assertThat(visible(A, p, rejected.plus(TWO_DAYS))).isFalse();
    }

    @Test
    void sameAccountRejectedConnectionIsVisibleForTwoHours() {
        Vpc a2 = f.vpc(A, "10.3.0.0/16");
        PeeringConnection p = f.request(A, a1, a2, T0);
        peerings.reject(A, p.id(), T0);
        assertThat(visible(A, p, T0.plus(TWO_HOURS).minus(MS))).isTrue();
        assertThat(visible(A, p, T0.plus(TWO_HOURS))).isFalse();
    }

    @Test
    void deletedConnectionIsVisibleTwoHoursToTheDeleterAndTwoDaysToTheOtherParty() {
        PeeringConnection byA = f.peer(a1, b1, T0);
        peerings.delete(A, byA.id(), minutes(1));
        assertThat(visible(A, byA, minutes(1).plus(TWO_HOURS).minus(MS))).isTrue();
        assertThat(visible(A, byA, minutes(1).plus(TWO_HOURS))).isFalse();
        assertThat(visible(B, byA, minutes(1).plus(TWO_DAYS).minus(MS))).isTrue();
        assertThat(visible(B, byA, minutes(1).plus(TWO_DAYS))).isFalse();

        Vpc b2 = f.vpc(B, "10.4.0.0/16");
        PeeringConnection byB = f.peer(a1, b2, T0);
        peerings.delete(B, byB.id(), minutes(1));
        assertThat(visible(B, byB, minutes(1).plus(TWO_HOURS))).isFalse();
        assertThat(visible(A, byB, minutes(1).plus(TWO_HOURS))).isTrue();
        assertThat(visible(A, byB, minutes(1).plus(TWO_DAYS))).isFalse();
    }

    @Test
    void sameAccountDeletedConnectionIsVisibleForTwoHours() {
        Vpc a2 = f.vpc(A, "10.3.0.0/16");
        PeeringConnection p = f.peer(a1, a2, T0);
        peerings.delete(A, p.id(), T0);
        assertThat(visible(A, p, T0.plus(TWO_HOURS).minus(MS))).isTrue();
        assertThat(visible(A, p, T0.plus(TWO_HOURS))).isFalse();
    }

    @Test
    void expiredConnectionIsVisibleToBothForTwoDays() {
        PeeringConnection p = crossAccount();
        Instant expiry = T0.plus(WEEK);
        for (Caller c : List.of(A, B)) {
            assertThat(visible(c, p, expiry.plus(TWO_DAYS).minus(MS))).isTrue();
            assertThat(visible(c, p, expiry.plus(TWO_DAYS))).isFalse();
        }
    }

    @Test
    void afterItsWindowAnEndedConnectionIsNotFoundForEveryOperation() {
        PeeringConnection p = crossAccount();
        peerings.reject(B, p.id(), T0);
        Instant gone = T0.plus(TWO_DAYS);
        for (Caller c : List.of(A, B)) {
            f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> peerings.delete(c, p.id(), gone));
            f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> peerings.accept(c, p.id(), gone));
            f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> peerings.reject(c, p.id(), gone));
            f.refused("InvalidVpcPeeringConnectionID.NotFound",
                    () -> peerings.modifyOptions(c, p.id(), CLASSIC, null, gone));
        }
    }

    @Test
    void pendingAndActiveConnectionsAreNeverHidden() {
        PeeringConnection pending = crossAccount();
        Vpc b2 = f.vpc(B, "10.4.0.0/16");
        PeeringConnection active = f.peer(a1, b2, T0);
        Instant late = T0.plus(Duration.ofDays(6));
        for (Caller c : List.of(A, B)) {
            assertThat(visible(c, pending, late)).isTrue();
            assertThat(visible(c, active, T0.plus(Duration.ofDays(400)))).isTrue();
        }
    }

    @Test
    void unrelatedAccountsAndRegionsNeverSeeAConnection() {
        PeeringConnection p = f.peer(a1, b1, T0);
        assertThat(visible(C, p, T0)).isFalse();
        assertThat(visible(A_WEST, p, T0)).isFalse();
        f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> peerings.delete(C, p.id(), T0));
    }

    // ---- ids ----

    @Test
    void malformedIdsAreReportedAsMalformed() {
        for (String id : List.of("pcx-xyz", "pcx-1234567", "pcx-123456789", "vpc-12345678", "PCX-12345678",
                "pcx-1234567G", "pcx-0123456789abcdef01", "12345678")) {
            f.refused("InvalidVpcPeeringConnectionId.Malformed", () -> peerings.accept(B, id, T0));
            f.refused("InvalidVpcPeeringConnectionId.Malformed", () -> peerings.delete(A, id, T0));
        }
    }

    @Test
    void wellFormedUnknownIdsAreNotFound() {
        for (String id : List.of("pcx-12345678", "pcx-0123456789abcdef0")) {
            f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> peerings.accept(B, id, T0));
            f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> peerings.reject(B, id, T0));
            f.refused("InvalidVpcPeeringConnectionID.NotFound", () -> peerings.delete(A, id, T0));
        }
    }

    @Test
    void missingIdIsAMissingParameter() {
        f.refused("MissingParameter", () -> peerings.accept(B, null, T0));
        f.refused("MissingParameter", () -> peerings.delete(B, "", T0));
    }

    // ---- quotas ----

    @Nested
    class Quotas {

        private List<Vpc> peersInB(int n, int firstSecondOctet) {
            List<Vpc> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(f.vpc(B, "10." + (firstSecondOctet + i) + ".0.0/16"));
            }
            return out;
        }

        @Test
        void twentySixthOutstandingRequestIsRefused() {
            List<Vpc> peers = peersInB(26, 100);
            for (int i = 0; i < 25; i++) {
                f.request(A, a1, peers.get(i), T0);
            }
            f.refused("OutstandingVpcPeeringConnectionLimitExceeded", () -> f.request(A, a1, peers.get(25), T0));
        }

        @Test
        void outstandingRequestsAreCountedPerAccountNotPerVpc() {
            List<Vpc> peers = peersInB(26, 100);
            Vpc a2 = f.vpc(A, "10.3.0.0/16");
            for (int i = 0; i < 25; i++) {
                f.request(A, i % 2 == 0 ? a1 : a2, peers.get(i), T0);
            }
            f.refused("OutstandingVpcPeeringConnectionLimitExceeded", () -> f.request(A, a2, peers.get(25), T0));
            // another account's quota is its own
            Vpc c1 = f.vpc(C, "10.200.0.0/16");
            assertThat(f.request(C, c1, peers.get(25), T0).stateAt(T0)).isEqualTo(PeeringState.PENDING_ACCEPTANCE);
        }

        @Test
        void expiredRejectedAndAcceptedRequestsAreNotOutstanding() {
            List<Vpc> peers = peersInB(27, 100);
            List<PeeringConnection> first = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                first.add(f.request(A, a1, peers.get(i), T0));
            }
            Instant later = T0.plus(Duration.ofDays(1));
            peerings.reject(B, first.get(0).id(), later);
            f.request(A, a1, peers.get(25), later);
            peerings.accept(B, first.get(1).id(), later);
            f.request(A, a1, peers.get(26), later);
            Vpc oneTooMany = f.vpc(B, "10.150.0.0/16");
            f.refused("OutstandingVpcPeeringConnectionLimitExceeded", () -> f.request(A, a1, oneTooMany, later));
            // at T0 + 7 days the 23 first requests expire
            Vpc fresh = f.vpc(B, "10.151.0.0/16");
            assertThat(f.request(A, a1, fresh, T0.plus(WEEK)).stateAt(T0.plus(WEEK)))
                    .isEqualTo(PeeringState.PENDING_ACCEPTANCE);
        }

        @Test
        void a51stActiveConnectionOnOneVpcIsRefusedAtAccept() {
            List<Vpc> peers = peersInB(51, 100);
            for (int i = 0; i < 50; i++) {
                f.peer(a1, peers.get(i), T0);
            }
            PeeringConnection extra = f.request(A, a1, peers.get(50), T0);
            assertThat(extra.stateAt(T0)).isEqualTo(PeeringState.PENDING_ACCEPTANCE);
            f.refused("ActiveVpcPeeringConnectionPerVpcLimitExceeded", () -> peerings.accept(B, extra.id(), T0));
            assertThat(extra.stateAt(T0)).isEqualTo(PeeringState.PENDING_ACCEPTANCE);
        }

        @Test
        void activeQuotaIsConfigurableAndCheckedOnBothSides() {
            Fixture small = new Fixture(CloudConfig.AWS_DEFAULTS.withActivePeeringQuota(1));
            Vpc hub = small.vpc(A, "10.1.0.0/16");
            Vpc s1 = small.vpc(B, "10.2.0.0/16");
            Vpc s2 = small.vpc(B, "10.3.0.0/16");
            Vpc s3 = small.vpc(C, "10.4.0.0/16");
            small.peer(hub, s1, T0);
            PeeringConnection fromHub = small.request(A, hub, s2, T0);
            small.refused("ActiveVpcPeeringConnectionPerVpcLimitExceeded",
                    () -> small.cloud.peerings().accept(B, fromHub.id(), T0));
            // the accepter side is at quota: s1 already has one
            PeeringConnection toFullSpoke = small.request(C, s3, s1, T0);
            small.refused("ActiveVpcPeeringConnectionPerVpcLimitExceeded",
                    () -> small.cloud.peerings().accept(B, toFullSpoke.id(), T0));
            // a deleted connection frees the slot
            small.cloud.peerings().delete(A, hub.peeringIds().iterator().next(), minutes(1));
            small.cloud.peerings().accept(B, fromHub.id(), minutes(2));
            assertThat(fromHub.stateAt(minutes(2))).isEqualTo(PeeringState.ACTIVE);
        }

        @Test
        void activeQuotaCanBeRaisedTo125ButNoFurther() {
            assertThat(CloudConfig.AWS_DEFAULTS.activePeeringQuota()).isEqualTo(50);
            assertThat(CloudConfig.AWS_DEFAULTS.outstandingPeeringQuota()).isEqualTo(25);
            assertThat(CloudConfig.AWS_DEFAULTS.withActivePeeringQuota(125).activePeeringQuota()).isEqualTo(125);
            assertThatThrownBy(() -> CloudConfig.AWS_DEFAULTS.withActivePeeringQuota(126))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CloudConfig.AWS_DEFAULTS.withActivePeeringQuota(0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void raisedActiveQuotaAdmitsMoreThanFifty() {
            Fixture big = new Fixture(CloudConfig.AWS_DEFAULTS.withActivePeeringQuota(52));
            Vpc hub = big.vpc(A, "10.1.0.0/16");
            for (int i = 0; i < 52; i++) {
                big.peer(hub, big.vpc(B, "10." + (100 + i) + ".0.0/16"), T0);
            }
            PeeringConnection extra = big.request(A, hub, big.vpc(B, "10.200.0.0/16"), T0);
            big.refused("ActiveVpcPeeringConnectionPerVpcLimitExceeded",
                    () -> big.cloud.peerings().accept(B, extra.id(), T0));
        }
    }

    // ---- options ----

    @Test
    void optionsCanBeModifiedOnlyWhileActive() {
        PeeringConnection p = crossAccount();
        f.refused("InvalidStateTransition", () -> peerings.modifyOptions(A, p.id(), CLASSIC, null, T0));
        peerings.accept(B, p.id(), minutes(1));
        peerings.modifyOptions(A, p.id(), CLASSIC, null, minutes(2));
        assertThat(p.requesterOptions()).isEqualTo(CLASSIC);
        assertThat(p.accepterOptions()).isEqualTo(PeeringOptions.NONE);
        peerings.delete(B, p.id(), minutes(3));
        f.refused("InvalidStateTransition", () -> peerings.modifyOptions(A, p.id(), PeeringOptions.NONE, null,
                minutes(4)));
    }

    @Test
    void eachOwnerModifiesOnlyItsOwnSide() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.refused("OperationNotPermitted", () -> peerings.modifyOptions(A, p.id(), null, CLASSIC, T0));
        f.refused("OperationNotPermitted", () -> peerings.modifyOptions(B, p.id(), CLASSIC, null, T0));
        f.refused("OperationNotPermitted", () -> peerings.modifyOptions(A, p.id(), CLASSIC, CLASSIC, T0));
        peerings.modifyOptions(B, p.id(), null, CLASSIC, T0);
        assertThat(p.accepterOptions()).isEqualTo(CLASSIC);
        assertThat(p.requesterOptions()).isEqualTo(PeeringOptions.NONE);
    }

    @Test
    void interRegionSidesModifyTheirOptionsInTheirOwnRegion() {
        Vpc west = f.vpc(A_WEST, "10.9.0.0/16");
        PeeringConnection p = f.peer(a1, west, T0);
        f.refused("OperationNotPermitted", () -> peerings.modifyOptions(A, p.id(), null, CLASSIC, T0));
        f.refused("OperationNotPermitted", () -> peerings.modifyOptions(A_WEST, p.id(), CLASSIC, null, T0));
        peerings.modifyOptions(A_WEST, p.id(), null, CLASSIC, T0);
        peerings.modifyOptions(A, p.id(), CLASSIC, null, T0);
        assertThat(p.accepterOptions()).isEqualTo(CLASSIC);
        assertThat(p.requesterOptions()).isEqualTo(CLASSIC);
    }

    @Test
    void dnsResolutionNeedsDnsHostnamesOnBothVpcs() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.refused("InvalidVpcPeeringConnectionState.DnsHostnamesDisabled",
                () -> peerings.modifyOptions(A, p.id(), DNS, null, T0));
        cloud.vpcs().modifyAttribute(A, a1.id(), null, true);
        f.refused("InvalidVpcPeeringConnectionState.DnsHostnamesDisabled",
                () -> peerings.modifyOptions(A, p.id(), DNS, null, T0));
        cloud.vpcs().modifyAttribute(B, b1.id(), null, true);
        peerings.modifyOptions(A, p.id(), DNS, null, T0);
        assertThat(p.requesterOptions().allowDnsResolutionFromRemoteVpc()).isTrue();
        // DNS support (resolution) is needed too
        cloud.vpcs().modifyAttribute(B, b1.id(), false, null);
        f.refused("InvalidVpcPeeringConnectionState.DnsHostnamesDisabled",
                () -> peerings.modifyOptions(B, p.id(), null, DNS, T0));
    }

    @Test
    void modifyWithoutAnyOptionsIsAMissingParameter() {
        PeeringConnection p = f.peer(a1, b1, T0);
        f.refused("MissingParameter", () -> peerings.modifyOptions(A, p.id(), null, null, T0));
    }

    // ---- VPC deletion ----

    @Test
    void deletingAVpcWithAnActivePeeringDeletesThePeering() {
        PeeringConnection p = f.peer(a1, b1, T0);
        cloud.vpcs().deleteVpc(A, a1.id(), minutes(5));
        assertThat(cloud.vpc(a1.id())).isNull();
        assertThat(p.stateAt(minutes(5))).isEqualTo(PeeringState.DELETED);
        assertThat(visible(B, p, minutes(5))).isTrue();
        assertThat(cloud.activePeeringBetween(b1.id(), a1.id(), minutes(5))).isNull();
    }

    @Test
    void aVpcWithAPendingRequestFromAnotherAccountCannotBeDeleted() {
        PeeringConnection p = crossAccount();
        f.refused("DependencyViolation", () -> cloud.vpcs().deleteVpc(B, b1.id(), minutes(1)));
        peerings.reject(B, p.id(), minutes(2));
        cloud.vpcs().deleteVpc(B, b1.id(), minutes(3));
        assertThat(cloud.vpc(b1.id())).isNull();
    }

    @Test
    void deletingTheRequesterVpcOfAPendingCrossAccountRequestDeletesTheRequest() {
        // "If you've requested a VPC peering connection with a VPC in another account, and you delete your
        // VPC before the other party accepts the request, the VPC peering connection request is also deleted."
        PeeringConnection p = crossAccount();
        cloud.vpcs().deleteVpc(A, a1.id(), minutes(1));
        assertThat(cloud.vpc(a1.id())).isNull();
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.DELETED);
        f.refused("InvalidStateTransition", () -> peerings.accept(B, p.id(), minutes(2)));
    }

    @Test
    void deletingAVpcWithASameAccountPendingRequestDeletesTheRequest() {
        Vpc a2 = f.vpc(A, "10.3.0.0/16");
        PeeringConnection p = f.request(A, a1, a2, T0);
        cloud.vpcs().deleteVpc(A, a2.id(), minutes(1));
        assertThat(p.stateAt(minutes(1))).isEqualTo(PeeringState.DELETED);
    }

    @Test
    void deletingAVpcLeavesEndedPeeringsAlone() {
        PeeringConnection p = crossAccount();
        peerings.reject(B, p.id(), minutes(1));
        cloud.vpcs().deleteVpc(A, a1.id(), minutes(2));
        assertThat(p.stateAt(minutes(2))).isEqualTo(PeeringState.REJECTED);
    }
}
