package io.peerdesk.domain.peering;

import io.peerdesk.domain.audit.AuditEvent;
import io.peerdesk.domain.cloud.PeeringCloud;
import io.peerdesk.domain.notification.Notification;
import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringLifecycle.FlowCheck;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Changes of an active peering without the workflow engine: proposed through the service, then the
 * change steps in the order the peering-change process calls them, against the simulated cloud.
 * The cloud is read back through the SDK after each outcome.
 */
class PeeringChangeTests extends PeeringTestBase {

    FreshWorld world;
    PeeringRequestId id;

    @BeforeEach
    void activePeering() {
        world = FreshWorld.create(this);
        id = peerings.submit(world.requester.requester(), world.request(), null).id();
        lifecycle.requestConnection(id);
        lifecycle.decide(world.accepter.approver(), id, new Decision(true, null));
        lifecycle.provision(id);
        assertThat(lifecycle.verify(id)).isEmpty();
        lifecycle.activate(id);
    }

    @Test
    void aChangeUnderAContractDemandingReviewIsAppliedOnlyAfterTheSecurityReviewersPassIt() {
        FreshWorld reviewed = FreshWorld.create(this, 1, FreshWorld.REVIEWED);
        PeeringRequestId peering = peerings.submit(reviewed.requester.requester(), reviewed.request(), null).id();
        lifecycle.requestConnection(peering);
        lifecycle.decide(reviewed.accepter.approver(), peering, new Decision(true, null));
        lifecycle.decide(reviewed.accepter.reviewer(), peering, new Decision(true, null));
        lifecycle.provision(peering);
        lifecycle.verify(peering);
        lifecycle.activate(peering);
        PlannedRule snmp = new PlannedRule(PeeringSide.ACCEPTER, reviewed.accepterGroup(), "udp", 161, 161, "10.10.0.0/16");
        ChangeId change = peerings.requestChange(reviewed.requester.requester(), peering,
                new PeeringChange(List.of(), List.of(), List.of(snmp), List.of(), "monitoring")).pendingChange().id();

        lifecycle.decideChange(reviewed.accepter.approver(), peering, change, new Decision(true, null));
        assertThat(lifecycle.changeNeedsReview(peering, change)).isTrue();
        PendingChange pending = peerings.get(reviewed.requester.requester(), peering).pendingChange();
        assertThat(pending.reviewNeeded()).isTrue();
        assertThat(pending.review()).isNull();
        assertThat(peerings.get(reviewed.requester.requester(), peering).waitingOn()).isEqualTo(WaitingOn.ACCEPTER);
        assertThat(notes(reviewed.accepter.reviewer())).anyMatch(n -> n.contains("change") && n.contains("awaits your security review"));
        assertThatThrownBy(() -> lifecycle.decideChange(reviewed.accepter.approver(), peering, change, new Decision(true, null)))
                .as("the approver has decided; the review is the reviewers'").isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> lifecycle.applyChange(peering, change)).isInstanceOf(PeeringStepFailed.class);

        lifecycle.decideChange(reviewed.accepter.reviewer(), peering, change, new Decision(true, "snmp is fine"));
        assertThatThrownBy(() -> lifecycle.decideChange(reviewed.accepter.reviewer(), peering, change, new Decision(false, "late")))
                .isInstanceOf(Conflict.class).hasMessageContaining("already approved by " + reviewed.accepter.reviewer().name());
        lifecycle.applyChange(peering, change);
        assertThat(lifecycle.verify(peering)).isEmpty();
        lifecycle.completeChange(peering, change);

        assertThat(markedRules(live(reviewed.accepterVpc()), peering)).containsExactlyInAnyOrder(
                tuple("tcp", 443, 443, "10.10.0.0/16"), tuple("udp", 161, 161, "10.10.0.0/16"));
        assertThat(notes(reviewed.requester.requester())).anyMatch(n -> n.contains("passed") && n.contains("security review"));
    }

    @Test
    void anApprovedChangeAddingARouteAndAPortLeavesExactlyTheNewApprovedSetInTheCloud() {
        PlannedRoute subnetRoute = new PlannedRoute(PeeringSide.ACCEPTER, world.accepterTable(), "10.10.1.0/24");
        PlannedRule snmp = new PlannedRule(PeeringSide.ACCEPTER, world.accepterGroup(), "udp", 161, 161, "10.10.0.0/16");
        ChangeId change = propose(new PeeringChange(List.of(subnetRoute), List.of(), List.of(snmp), List.of(), "monitoring"));

        lifecycle.decideChange(world.accepter.approver(), id, change, new Decision(true, null));
        assertThat(peerings.get(world.requester.requester(), id).waitingOn()).isEqualTo(WaitingOn.PORTAL);
        lifecycle.applyChange(id, change);
        List<FlowCheck> failures = lifecycle.verify(id);
        lifecycle.completeChange(id, change);

        String pcx = peerings.get(world.requester.requester(), id).pcxId();
        assertThat(failures).isEmpty();
        assertThat(timeline()).anyMatch(e -> e.action().equals("peering.verified") && e.summary().equals("3 flows reachable"));
        assertThat(peeringRoutes(live(world.accepterVpc()))).containsExactlyInAnyOrder(
                tuple(world.accepterTable(), "10.10.0.0/16", pcx, "active"),
                tuple(world.accepterTable(), "10.10.1.0/24", pcx, "active"));
        assertThat(peeringRoutes(live(world.requesterVpc))).containsExactly(
                tuple(world.requesterTable(), "10.20.0.0/16", pcx, "active"));
        assertThat(markedRules(live(world.accepterVpc()), id)).containsExactlyInAnyOrder(
                tuple("tcp", 443, 443, "10.10.0.0/16"), tuple("udp", 161, 161, "10.10.0.0/16"));
        assertThat(markedRules(live(world.requesterVpc), id)).containsExactly(tuple("udp", 161, 161, "10.20.0.0/16"));
        PeeringRequest active = peerings.get(world.accepter.viewer(), id);
        assertThat(active.state()).isEqualTo(PeeringState.ACTIVE);
        assertThat(active.pendingChange()).isNull();
        assertThat(active.routes()).contains(subnetRoute).hasSize(3);
        assertThat(active.rules()).contains(snmp).hasSize(3);
        assertThat(active.inPlace()).hasSize(6);
        assertThat(notes(world.requester.requester())).anyMatch(n -> n.contains("approved your change"))
                .anyMatch(n -> n.contains("is in place"));
        assertThat(notes(world.accepter.approver())).anyMatch(n -> n.contains("is in place"));
        assertThat(timeline()).anyMatch(e -> e.action().equals("peering.change-completed"));
    }

    @Test
    void aChangesNewRuleIsTakenAsANewRequestsIsWithoutSourceFromTheOtherVpcAndWithOnePortAsARangeOfOne() {
        PlannedRule untidy = new PlannedRule(PeeringSide.ACCEPTER, " " + world.accepterGroup() + " ", "UDP", 161, null, " ");

        PendingChange pending = peerings.requestChange(world.requester.requester(), id,
                new PeeringChange(List.of(), List.of(), List.of(untidy), List.of(), "monitoring")).pendingChange();

        PlannedRule snmp = new PlannedRule(PeeringSide.ACCEPTER, world.accepterGroup(), "udp", 161, 161, "10.10.0.0/16");
        assertThat(pending.addRules()).containsExactly(snmp);
        lifecycle.decideChange(world.accepter.approver(), id, pending.id(), new Decision(true, null));
        lifecycle.applyChange(id, pending.id());
        assertThat(markedRules(live(world.accepterVpc()), id)).containsExactlyInAnyOrder(
                tuple("tcp", 443, 443, "10.10.0.0/16"), tuple("udp", 161, 161, "10.10.0.0/16"));
    }

    @Test
    void aRepeatedApplyChangeAppliesEachEntryOnce() {
        PlannedRoute subnetRoute = new PlannedRoute(PeeringSide.ACCEPTER, world.accepterTable(), "10.10.1.0/24");
        PlannedRule snmp = new PlannedRule(PeeringSide.ACCEPTER, world.accepterGroup(), "udp", 161, 161, "10.10.0.0/16");
        ChangeId change = propose(new PeeringChange(List.of(subnetRoute), List.of(), List.of(snmp), List.of(), "monitoring"));
        lifecycle.decideChange(world.accepter.approver(), id, change, new Decision(true, null));
        FlakyCloud.failNext("authorizeSecurityGroupIngress", FlakyCloud.throttled("AuthorizeSecurityGroupIngress"));

        assertThatThrownBy(() -> lifecycle.applyChange(id, change)).isInstanceOf(
                io.peerdesk.domain.cloud.CloudFailure.class);
        lifecycle.applyChange(id, change);
        lifecycle.applyChange(id, change);
        lifecycle.completeChange(id, change);
        lifecycle.applyChange(id, change);
        lifecycle.completeChange(id, change);

        assertThat(peeringRoutes(live(world.accepterVpc()))).hasSize(2);
        assertThat(markedRules(live(world.accepterVpc()), id)).hasSize(2);
        assertThat(peerings.get(world.requester.requester(), id).inPlace()).hasSize(6);
        assertThat(timeline()).filteredOn(e -> e.action().equals("peering.change-completed")).hasSize(1);
    }

    @Test
    void aChangeRemovingARuleRevokesItInTheCloud() {
        PlannedRule snmpBack = new PlannedRule(PeeringSide.REQUESTER, world.requesterGroup(), "udp", 161, 161, "10.20.0.0/16");
        ChangeId change = propose(new PeeringChange(List.of(), List.of(), List.of(), List.of(snmpBack), "no more polling"));

        lifecycle.decideChange(world.accepter.approver(), id, change, new Decision(true, null));
        lifecycle.applyChange(id, change);
        assertThat(lifecycle.verify(id)).isEmpty();
        lifecycle.completeChange(id, change);

        assertThat(markedRules(live(world.requesterVpc), id)).isEmpty();
        assertThat(markedRules(live(world.accepterVpc()), id)).containsExactly(tuple("tcp", 443, 443, "10.10.0.0/16"));
        PeeringRequest active = peerings.get(world.requester.requester(), id);
        assertThat(active.state()).isEqualTo(PeeringState.ACTIVE);
        assertThat(active.rules()).doesNotContain(snmpBack).hasSize(1);
        assertThat(active.inPlace()).hasSize(3);
    }

    @Test
    void aRejectedChangeChangesNothing() {
        List<Tuple> before = cloudState();
        PlannedRule snmp = new PlannedRule(PeeringSide.ACCEPTER, world.accepterGroup(), "udp", 161, 161, "10.10.0.0/16");
        PlannedRule snmpBack = new PlannedRule(PeeringSide.REQUESTER, world.requesterGroup(), "udp", 161, 161, "10.20.0.0/16");
        ChangeId change = propose(new PeeringChange(List.of(), List.of(), List.of(snmp), List.of(snmpBack), "swap"));
        PeeringRequest planned = peerings.get(world.requester.requester(), id);

        assertThatThrownBy(() -> lifecycle.decideChange(world.requester.requester(), id, change, new Decision(true, null)))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> lifecycle.decideChange(world.accepter.approver(), id, new ChangeId(UUID.randomUUID()),
                new Decision(true, null))).isInstanceOf(NotFound.class);
        lifecycle.decideChange(world.accepter.approver(), id, change, new Decision(false, "not during the freeze"));
        assertThatThrownBy(() -> lifecycle.decideChange(world.accepter.approver(), id, change, new Decision(true, null)))
                .isInstanceOf(Conflict.class).hasMessageContaining("already rejected");
        assertThatThrownBy(() -> lifecycle.applyChange(id, change)).isInstanceOf(PeeringStepFailed.class);
        lifecycle.revertChange(id, change, "Rejected by the partner");
        lifecycle.revertChange(id, change, "Rejected by the partner");

        PeeringRequest active = peerings.get(world.requester.requester(), id);
        assertThat(active.state()).isEqualTo(PeeringState.ACTIVE);
        assertThat(active.pendingChange()).isNull();
        assertThat(active.routes()).isEqualTo(planned.routes());
        assertThat(active.rules()).isEqualTo(planned.rules());
        assertThat(active.applied()).hasSize(4).noneMatch(AppliedEntry::removed);
        assertThat(cloudState()).isEqualTo(before);
        assertThat(timeline()).anyMatch(e -> e.action().equals("peering.change-rejected")
                        && e.summary().contains("not during the freeze"))
                .anyMatch(e -> e.action().equals("peering.change-reverted") && e.summary().contains("Rejected by the partner"))
                .filteredOn(e -> e.action().equals("peering.change-reverted")).hasSize(1);
        assertThat(notes(world.requester.requester())).anyMatch(n -> n.contains("rejected your change"));
    }

    @Test
    void aChangeTheCloudRefusesIsRevertedToThePreviousApprovedState() {
        List<Tuple> before = cloudState();
        PlannedRoute subnetRoute = new PlannedRoute(PeeringSide.ACCEPTER, world.accepterTable(), "10.10.1.0/24");
        PlannedRule snmp = new PlannedRule(PeeringSide.ACCEPTER, world.accepterGroup(), "udp", 161, 161, "10.10.0.0/16");
        ChangeId change = propose(new PeeringChange(List.of(subnetRoute), List.of(), List.of(snmp), List.of(), "monitoring"));
        lifecycle.decideChange(world.accepter.approver(), id, change, new Decision(true, null));
        fill(world.accepterAccount, world.accepterGroup());

        assertThatThrownBy(() -> lifecycle.applyChange(id, change))
                .isInstanceOfSatisfying(PeeringStepFailed.class,
                        e -> assertThat(e.code()).isEqualTo("RulesPerSecurityGroupLimitExceeded"));
        assertThat(peeringRoutes(live(world.accepterVpc()))).hasSize(2);
        lifecycle.revertChange(id, change, "the accepter's security group is full");

        assertThat(cloudState()).isEqualTo(before);
        PeeringRequest active = peerings.get(world.requester.requester(), id);
        assertThat(active.state()).isEqualTo(PeeringState.ACTIVE);
        assertThat(active.routes()).doesNotContain(subnetRoute).hasSize(2);
        assertThat(active.rules()).doesNotContain(snmp).hasSize(2);
        assertThat(active.inPlace()).hasSize(4);
        assertThat(timeline()).anyMatch(e -> e.action().equals("peering.change-reverted")
                && e.summary().contains("the accepter's security group is full"));
        assertThat(notes(world.accepter.approver())).anyMatch(n -> n.contains("did not go through"));
    }

    @Test
    void aChangeFailingVerificationIsRevertedAndWhatItRemovedIsRestored() {
        List<Tuple> before = cloudState();
        PlannedRoute back = new PlannedRoute(PeeringSide.ACCEPTER, world.accepterTable(), "10.10.0.0/16");
        ChangeId change = propose(new PeeringChange(List.of(), List.of(back), List.of(), List.of(), "route via transit"));
        lifecycle.decideChange(world.accepter.approver(), id, change, new Decision(true, null));
        lifecycle.applyChange(id, change);
        assertThat(peeringRoutes(live(world.accepterVpc()))).isEmpty();

        assertThat(lifecycle.verify(id)).isNotEmpty().allMatch(f -> !f.reachable());
        lifecycle.revertChange(id, change, "Not reachable");

        assertThat(cloudState()).isEqualTo(before);
        PeeringRequest active = peerings.get(world.requester.requester(), id);
        assertThat(active.state()).isEqualTo(PeeringState.ACTIVE);
        assertThat(active.routes()).contains(back).hasSize(2);
        assertThat(active.inPlace()).hasSize(4);
        assertThat(lifecycle.verify(id)).isEmpty();
    }

    @Test
    void aRouteTableDeletedOutsideFailsTheChangeAndTheRevertKeepsWhatIsLeft() {
        PlannedRoute subnetRoute = new PlannedRoute(PeeringSide.ACCEPTER, world.accepterTable(), "10.10.1.0/24");
        ChangeId change = propose(new PeeringChange(List.of(subnetRoute), List.of(), List.of(), List.of(), "subnet"));
        lifecycle.decideChange(world.accepter.approver(), id, change, new Decision(true, null));
        String association = PeeringCloud.elements(PeeringCloud.call(world.accepterAccount, "us-east-1",
                "DescribeRouteTables", java.util.Map.of("RouteTableId.1", world.accepterTable())), "routeTableAssociationId").get(0);
        PeeringCloud.call(world.accepterAccount, "us-east-1", "DisassociateRouteTable", java.util.Map.of("AssociationId", association));
        PeeringCloud.call(world.accepterAccount, "us-east-1", "DeleteRouteTable", java.util.Map.of("RouteTableId", world.accepterTable()));
        List<Tuple> before = cloudState();

        assertThatThrownBy(() -> lifecycle.applyChange(id, change))
                .isInstanceOfSatisfying(PeeringStepFailed.class, e -> {
                    assertThat(e.code()).isEqualTo(PeeringStepFailed.DRIFT);
                    assertThat(e.getMessage()).contains("route table " + world.accepterTable());
                });
        lifecycle.revertChange(id, change, "the cloud no longer holds the peering");

        assertThat(cloudState()).isEqualTo(before);
        PeeringRequest active = peerings.get(world.requester.requester(), id);
        assertThat(active.state()).isEqualTo(PeeringState.ACTIVE);
        assertThat(active.routes()).doesNotContain(subnetRoute);
    }

    @Test
    void ofTwoConcurrentChangeDecisionsExactlyOneIsRecorded() throws Exception {
        PlannedRule snmp = new PlannedRule(PeeringSide.ACCEPTER, world.accepterGroup(), "udp", 161, 161, "10.10.0.0/16");
        ChangeId change = propose(new PeeringChange(List.of(), List.of(), List.of(snmp), List.of(), "monitoring"));
        Actor otherApprover = new Actor(world.accepter.tenant().id(), "second-approver",
                world.accepter.approver().roles(), "10.0.0.9");
        int won = winnersOfConcurrent(
                () -> lifecycle.decideChange(world.accepter.approver(), id, change, new Decision(true, null)),
                () -> lifecycle.decideChange(otherApprover, id, change, new Decision(false, "we disagree")));

        assertThat(won).isEqualTo(1);
        assertThat(timeline()).filteredOn(e -> e.action().equals("peering.change-approved")
                || e.action().equals("peering.change-rejected")).hasSize(1);
        assertThat(peerings.get(world.requester.requester(), id).pendingChange().decision()).isNotNull();
    }

    // ---- helpers ----

    private ChangeId propose(PeeringChange change) {
        PeeringRequest changing = peerings.requestChange(world.requester.requester(), id, change);
        assertThat(changing.state()).isEqualTo(PeeringState.CHANGING);
        return changing.pendingChange().id();
    }


    /** The peering's routes and marked rules on both sides, as the cloud holds them now. */
    private List<Tuple> cloudState() {
        List<Tuple> state = new ArrayList<>();
        state.addAll(peeringRoutes(live(world.requesterVpc)));
        state.addAll(peeringRoutes(live(world.accepterVpc())));
        state.addAll(markedRules(live(world.requesterVpc), id));
        state.addAll(markedRules(live(world.accepterVpc()), id));
        return state;
    }

    private List<String> notes(Actor actor) {
        return notifications.forActor(actor, false).stream().map(Notification::message).toList();
    }

    private List<AuditEvent> timeline() {
        return peerings.timeline(world.requester.requester(), id);
    }
}
