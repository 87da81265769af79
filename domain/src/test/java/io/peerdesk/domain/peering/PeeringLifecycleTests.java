package io.peerdesk.domain.peering;

import io.peerdesk.domain.peering.PeeringCheckResult.Kind;
import io.peerdesk.domain.peering.PeeringCheckResult.Outcome;
import io.peerdesk.domain.peering.PeeringCheckResult.Stage;

import io.peerdesk.domain.audit.AuditEvent;
import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.cloud.PeeringCloud;
import io.peerdesk.domain.cloud.PeeringConnection;
import io.peerdesk.domain.cloud.Route;
import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.RuleDirection;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.inventory.NewCredentials;
import io.peerdesk.domain.inventory.VpcDetail;
import io.peerdesk.domain.notification.Notification;
import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringLifecycle.FlowCheck;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotPermitted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The request's life without the workflow engine: the steps called in the order the process calls
 * them, against the simulated cloud, each committing as it would in a job. Every test has its own
 * organisations, accounts and VPCs; the cloud is checked through the SDK after each outcome.
 */
class PeeringLifecycleTests extends PeeringTestBase {

    @Autowired PeeringRepository repository;
    @Autowired SideAccess sides;

    FreshWorld world;

    @BeforeEach
    void freshWorld() {
        world = FreshWorld.create(this);
    }

    @Test
    void anApprovedRequestBecomesActiveWithExactlyTheApprovedRoutesAndRules() {
        PeeringRequestId id = submit();

        assertThat(lifecycle.validate(id).valid()).isTrue();
        lifecycle.requestConnection(id);
        assertThat(notes(world.accepter.approver())).anyMatch(n -> n.contains("asks to peer"));
        lifecycle.decide(world.accepter.approver(), id, new Decision(true, null));
        assertThat(lifecycle.needsSecurityReview(id)).isFalse();
        lifecycle.provision(id);
        List<FlowCheck> failures = lifecycle.verify(id);
        lifecycle.activate(id);

        PeeringRequest active = peerings.get(world.requester.requester(), id);
        assertThat(active.state()).isEqualTo(PeeringState.ACTIVE);
        assertThat(failures).isEmpty();
        assertThat(timeline(id)).anyMatch(e -> e.action().equals("peering.verified") && e.summary().equals("2 flows reachable"));
        assertThat(connection(active).status()).isEqualTo(PeeringConnection.ACTIVE);
        assertThat(peeringRoutes(live(world.requesterVpc))).containsExactly(
                tuple(world.requesterTable(), "10.20.0.0/16", active.pcxId(), Route.ACTIVE));
        assertThat(peeringRoutes(live(world.accepterVpc()))).containsExactly(
                tuple(world.accepterTable(), "10.10.0.0/16", active.pcxId(), Route.ACTIVE));
        assertThat(markedRules(live(world.accepterVpc()), id)).containsExactly(tuple("tcp", 443, 443, "10.10.0.0/16"));
        assertThat(markedRules(live(world.requesterVpc), id)).containsExactly(tuple("udp", 161, 161, "10.20.0.0/16"));
        assertThat(active.inPlace()).hasSize(4);
        assertThat(notes(world.requester.requester())).anyMatch(n -> n.contains("approved your peering request"))
                .anyMatch(n -> n.contains("is active"));
        assertThat(notes(world.accepter.approver())).anyMatch(n -> n.contains("is active"));
    }

    @Test
    void aRequestAwaitingAcceptanceIsNotRefusedAtApprovalForTheAccountsFullQuota() {
        // its connection already holds one of the account's places awaiting acceptance, and accepting it frees
        // that place: more requests than the quota allows (filed at the same moment, or the quota lowered since)
        // do not make it invalid
        FreshWorld two = FreshWorld.create(this, 2, p -> p);
        PeeringRequestId first = peerings.submit(two.requester.requester(), two.request(two.accepterVpcs.get(0)), null).id();
        PeeringRequestId second = peerings.submit(two.requester.requester(), two.request(two.accepterVpcs.get(1)), null).id();
        lifecycle.requestConnection(first);
        lifecycle.requestConnection(second);
        PeeringFacts lowered = new PeeringFacts(repository, contracts, sides,
                new PeeringProperties(1, 50, 50, 60, 10, Duration.ofMillis(500)));

        assertThat(lowered.recheck(repository.find(first).orElseThrow())).isEmpty();
        assertThat(lowered.counts(two.requesterVpc.id(), two.accepterVpcs.get(0).id(), null, null)
                .outstandingFromRequesterAccount()).as("a new request still counts them").isEqualTo(2);
    }

    @Test
    void twoRequestsFiledAtTheSameMomentForTheAccountsLastPlaceFileOnlyOne() throws Exception {
        FreshWorld three = FreshWorld.create(this, 3, p -> p);
        Actor alice = three.requester.requester();
        peerings.submit(alice, three.request(three.accepterVpcs.get(0)), null);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService filers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (VpcDetail theirs : List.of(three.accepterVpcs.get(1), three.accepterVpcs.get(2))) {
                outcomes.add(filers.submit(() -> {
                    together.await();
                    try {
                        return peerings.submit(alice, three.request(theirs), null);
                    } catch (InvalidInput refused) {
                        return refused;
                    }
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(PeeringRequest.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(InvalidInput.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((InvalidInput) e).getMessage()).contains("already has 2 peering requests"
                            + " awaiting acceptance in us-east-1"));
        } finally {
            filers.shutdownNow();
        }
    }

    @Test
    void anInterRegionPeeringIsAcceptedInTheAcceptersRegion() {
        FreshWorld apart = FreshWorld.create(this, 1, p -> p, "eu-west-1");
        PeeringRequestId id = peerings.submit(apart.requester.requester(), apart.request(), null).id();
        lifecycle.requestConnection(id);
        lifecycle.decide(apart.accepter.approver(), id, new Decision(true, null));

        lifecycle.provision(id);
        assertThat(lifecycle.verify(id)).isEmpty();
        lifecycle.activate(id);

        PeeringRequest active = peerings.get(apart.accepter.viewer(), id);
        assertThat(active.accepter().region()).isEqualTo("eu-west-1");
        assertThat(cloud.describePeeringConnection(PeeringCloud.credentials(apart.accepterAccount), "eu-west-1",
                active.pcxId()).orElseThrow().active()).isTrue();
        assertThat(peeringRoutes(live(apart.accepterVpc()))).containsExactly(
                tuple(apart.accepterTable(), "10.10.0.0/16", active.pcxId(), Route.ACTIVE));
        assertThat(peerings.timeline(apart.requester.requester(), id)).filteredOn(e -> e.action().equals("peering.verified"))
                .singleElement().satisfies(e -> assertThat(e.summary()).startsWith("no flow analysed; not analysable: ")
                        .contains("the analysis works within one Region"));
    }

    @Test
    void aRetriedConnectionRequestUsesTheConnectionItMadeBefore() {
        PeeringRequestId id = submit();

        var expires = lifecycle.requestConnection(id);
        var again = lifecycle.requestConnection(id);

        assertThat(again).isEqualTo(expires);
        PeeringRequest pending = peerings.get(world.accepter.viewer(), id);
        assertThat(pending.state()).isEqualTo(PeeringState.PENDING_APPROVAL);
        assertThat(pending.waitingOn()).isEqualTo(WaitingOn.ACCEPTER);
        assertThat(pending.waitingOnYou()).isTrue();
        assertThat(connection(pending).status()).isEqualTo(PeeringConnection.PENDING_ACCEPTANCE);
    }

    @Test
    void thePendingRequestWaitsInTheAcceptersInboxUntilDecided() {
        PeeringRequestId id = submit();
        assertThat(peerings.list(world.accepter.approver(), PeeringFilter.inbox())).isEmpty();
        lifecycle.requestConnection(id);

        assertThat(peerings.list(world.accepter.approver(), PeeringFilter.inbox())).extracting(PeeringRow::id)
                .containsExactly(id);
        assertThat(peerings.list(world.requester.requester(), PeeringFilter.all())).singleElement().satisfies(row -> {
            assertThat(row.yourSide()).isEqualTo(PeeringSide.REQUESTER);
            assertThat(row.waitingOn()).isEqualTo(WaitingOn.ACCEPTER);
            assertThat(row.waitingOnYou()).isFalse();
        });
        lifecycle.remind(id);
        assertThat(notes(world.accepter.approver())).anyMatch(n -> n.startsWith("Reminder: the peering request"));
        lifecycle.decide(world.accepter.approver(), id, new Decision(true, null));
        assertThat(peerings.list(world.accepter.approver(), PeeringFilter.inbox())).isEmpty();
    }

    @Test
    void anUndecidedRequestExpiresAndItsConnectionIsDeleted() {
        PeeringRequestId id = submit();
        lifecycle.requestConnection(id);

        lifecycle.expire(id);
        lifecycle.expire(id);

        PeeringRequest expired = peerings.get(world.requester.requester(), id);
        assertThat(expired.state()).isEqualTo(PeeringState.EXPIRED);
        assertThat(connection(expired).live()).isFalse();
        assertThat(notes(world.accepter.approver())).anyMatch(n -> n.contains("expired undecided"));
        assertThatThrownBy(() -> lifecycle.decide(world.accepter.approver(), id, new Decision(true, null)))
                .isInstanceOf(Conflict.class).hasMessageContaining("expired");
    }

    @Test
    void aChangeOfAnActivePeeringIsCheckedAndAwaitsTheOtherSide() {
        PeeringRequestId id = active();
        PlannedRule ssh = new PlannedRule(PeeringSide.ACCEPTER, world.accepterGroup(), "tcp", 22, 22, "10.10.0.0/16");
        PlannedRule snmp = new PlannedRule(PeeringSide.ACCEPTER, world.accepterGroup(), "udp", 161, 161, "10.10.0.0/16");

        assertThatThrownBy(() -> peerings.requestChange(world.requester.requester(), id,
                new PeeringChange(List.of(), List.of(), List.of(ssh), List.of(), "ssh for operations")))
                .isInstanceOfSatisfying(io.peerdesk.domain.support.InvalidInput.class,
                        e -> assertThat(e.fieldErrors().get("addRules[0]")).contains("tcp 22 is not allowed by the contract"));
        peerings.requestChange(world.requester.requester(), id, new PeeringChange(List.of(), List.of(), List.of(snmp),
                List.of(), "monitoring"));

        PeeringRequest changing = peerings.get(world.accepter.approver(), id);
        assertThat(changing.state()).isEqualTo(PeeringState.CHANGING);
        assertThat(changing.waitingOnYou()).isTrue();
        assertThat(changing.pendingChange().addRules()).containsExactly(snmp);
        assertThat(changing.pendingChange().reason()).isEqualTo("monitoring");
        assertThat(changing.rules()).doesNotContain(snmp);
    }

    @Test
    void aVpcWithTheMostActivePeeringsMayNotFileAnother() {
        FreshWorld busy = FreshWorld.create(this, ACTIVE_QUOTA + 1, p -> p);
        for (int i = 0; i < ACTIVE_QUOTA; i++) {
            PeeringRequestId id = peerings.submit(busy.requester.requester(), busy.request(busy.accepterVpcs.get(i)), null).id();
            lifecycle.requestConnection(id);
            lifecycle.decide(busy.accepter.approver(), id, new Decision(true, null));
        }

        assertThat(peerings.validate(busy.requester.requester(), busy.request(busy.accepterVpcs.get(ACTIVE_QUOTA))))
                .containsExactly(new PeeringProblem("requesterVpc", busy.requesterVpc.vpc().label() + " already has "
                        + ACTIVE_QUOTA + " active peerings, the most the cloud allows per VPC (" + ACTIVE_QUOTA
                        + "). Tear one down first."));
    }

    @Test
    void aProvisioningRetryAfterAThrottledCallAppliesEachEntryOnce() {
        PeeringRequestId id = approved();
        FlakyCloud.failNext("authorizeSecurityGroupIngress", FlakyCloud.throttled("AuthorizeSecurityGroupIngress"));

        assertThatThrownBy(() -> lifecycle.provision(id))
                .isInstanceOfSatisfying(CloudFailure.class, e -> assertThat(e.retryable()).isTrue());
        PeeringRequest half = peerings.get(world.requester.requester(), id);
        assertThat(half.state()).isEqualTo(PeeringState.PROVISIONING);
        assertThat(half.inPlace()).extracting(AppliedEntry::kind).containsExactly(AppliedEntry.Kind.ROUTE, AppliedEntry.Kind.ROUTE);

        lifecycle.provision(id);
        lifecycle.provision(id);

        PeeringRequest done = peerings.get(world.requester.requester(), id);
        assertThat(done.state()).isEqualTo(PeeringState.VERIFYING);
        assertThat(done.inPlace()).extracting(AppliedEntry::kind).containsExactly(AppliedEntry.Kind.ROUTE,
                AppliedEntry.Kind.ROUTE, AppliedEntry.Kind.RULE, AppliedEntry.Kind.RULE);
        assertThat(peeringRoutes(live(world.requesterVpc))).hasSize(1);
        assertThat(peeringRoutes(live(world.accepterVpc()))).hasSize(1);
        assertThat(markedRules(live(world.accepterVpc()), id)).hasSize(1);
        assertThat(lifecycle.verify(id)).isEmpty();
    }

    @Test
    void aCloudOutOfReachDuringProvisioningIsWaitedForAndTheWaitPausesLongerEachAttempt() {
        PeeringRequestId id = approved();
        CloudFailure down = CloudFailure.unavailable(CloudFailure.UNREACHABLE,
                "The cloud endpoint http://127.0.0.1:1 is unreachable (connection refused).");
        FlakyCloud.failNext("authorizeSecurityGroupIngress", down);

        assertThatThrownBy(() -> lifecycle.provision(id))
                .isInstanceOfSatisfying(CloudFailure.class, e -> assertThat(e.unavailable()).isTrue());
        Instant start = clock.instant();
        CloudWait first = lifecycle.waitForCloud(id, "Provision the peering", down);
        clock.advance(Duration.ofSeconds(10));
        CloudWait second = lifecycle.waitForCloud(id, "Provision the peering", down);

        assertThat(first).isEqualTo(new CloudWait("Provision the peering", start, 1, down.getMessage(),
                start.plusSeconds(10)));
        assertThat(second).isEqualTo(new CloudWait("Provision the peering", start, 2, down.getMessage(),
                start.plusSeconds(10 + 20)));
        assertThat(peerings.get(world.requester.requester(), id).state()).as("still provisioning")
                .isEqualTo(PeeringState.PROVISIONING);

        lifecycle.provision(id);
        lifecycle.cloudAnswered(id);
        clock.advance(Duration.ofMinutes(1));
        assertThat(lifecycle.waitForCloud(id, "Verify reachability", down)).as("a new wait after the cloud answered")
                .isEqualTo(new CloudWait("Verify reachability", clock.instant(), 1, down.getMessage(),
                        clock.instant().plusSeconds(10)));
        assertThat(peerings.get(world.requester.requester(), id).inPlace()).hasSize(4);
    }

    @Test
    void aRouteRemovedOutsideThePortalStopsProvisioningWithTheDifference() {
        PeeringRequestId id = approved();
        FlakyCloud.failNext("authorizeSecurityGroupIngress", FlakyCloud.throttled("AuthorizeSecurityGroupIngress"));
        assertThatThrownBy(() -> lifecycle.provision(id)).isInstanceOf(CloudFailure.class);
        String pcx = peerings.get(world.requester.requester(), id).pcxId();
        PeeringCloud.call(world.requesterAccount, "us-east-1", "DeleteRoute",
                Map.of("RouteTableId", world.requesterTable(), "DestinationCidrBlock", "10.20.0.0/16"));

        assertThatThrownBy(() -> lifecycle.provision(id))
                .isInstanceOfSatisfying(PeeringStepFailed.class, e -> {
                    assertThat(e.code()).isEqualTo(PeeringStepFailed.DRIFT);
                    assertThat(e.getMessage()).contains("route 10.20.0.0/16 → " + pcx + " in " + world.requesterTable()
                            + " (requester) is missing");
                });
        assertThat(markedRules(live(world.accepterVpc()), id)).isEmpty();
        assertThat(peerings.get(world.requester.requester(), id).state()).isEqualTo(PeeringState.PROVISIONING);
    }

    @Test
    void aFullSecurityGroupFailsProvisioningAndCompensationLeavesNothing() {
        PeeringRequestId id = approved();
        fill(world.accepterAccount, world.accepterGroup());

        assertThatThrownBy(() -> lifecycle.provision(id))
                .isInstanceOfSatisfying(PeeringStepFailed.class, e -> {
                    assertThat(e.code()).isEqualTo("RulesPerSecurityGroupLimitExceeded");
                    assertThat(e.getMessage()).contains("Authorizing tcp 443 from 10.10.0.0/16 into " + world.accepterGroup());
                });
        lifecycle.compensate(id, "the accepter's security group is full");

        assertNothingLeft(id);
        PeeringRequest failed = peerings.get(world.accepter.viewer(), id);
        assertThat(failed.state()).isEqualTo(PeeringState.FAILED);
        assertThat(failed.failureReason()).isEqualTo("the accepter's security group is full");
        assertThat(failed.applied()).isNotEmpty().allMatch(AppliedEntry::removed);
        assertThat(notes(world.requester.requester())).anyMatch(n -> n.contains("failed and was removed"));
    }

    @Test
    void aRouteTableDeletedInTheCloudFailsProvisioningAndCompensationLeavesNothing() {
        PeeringRequestId id = approved();
        String association = PeeringCloud.elements(PeeringCloud.call(world.accepterAccount, "us-east-1",
                "DescribeRouteTables", Map.of("RouteTableId.1", world.accepterTable())), "routeTableAssociationId").get(0);
        PeeringCloud.call(world.accepterAccount, "us-east-1", "DisassociateRouteTable", Map.of("AssociationId", association));
        PeeringCloud.call(world.accepterAccount, "us-east-1", "DeleteRouteTable", Map.of("RouteTableId", world.accepterTable()));

        assertThatThrownBy(() -> lifecycle.provision(id))
                .isInstanceOfSatisfying(PeeringStepFailed.class, e -> assertThat(e.code()).isEqualTo("InvalidRouteTableID.NotFound"));
        lifecycle.compensate(id, "a route table is gone");

        assertNothingLeft(id);
        assertThat(peerings.get(world.requester.requester(), id).state()).isEqualTo(PeeringState.FAILED);
    }

    @Test
    void refusedAccepterCredentialsFailAcceptanceAndCompensationDeletesTheConnection() {
        PeeringRequestId id = approved();
        var account = accounts.list(world.accepter.admin()).get(0);
        accounts.updateCredentials(world.accepter.admin(), account.id(),
                new NewCredentials(world.accepterAccount, "not-the-secret"));

        assertThatThrownBy(() -> lifecycle.provision(id))
                .isInstanceOfSatisfying(PeeringStepFailed.class, e -> {
                    assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.getMessage()).startsWith("Accepting ").contains("credentials were refused");
                });
        lifecycle.compensate(id, "the accepter's credentials were refused");

        PeeringRequest failed = peerings.get(world.requester.requester(), id);
        assertThat(failed.applied()).isEmpty();
        assertThat(connection(failed).live()).isFalse();
        assertThat(failed.state()).isEqualTo(PeeringState.FAILED);
    }

    @Test
    void teardownRemovesEverythingAndLeavesNoBlackholeRoute() {
        PeeringRequestId id = active();

        peerings.requestTeardown(world.accepter.admin(), id, "service retired");
        assertThat(peerings.get(world.requester.requester(), id).state()).isEqualTo(PeeringState.TEARING_DOWN);
        lifecycle.tearDown(id);

        assertNothingLeft(id);
        assertThat(live(world.requesterVpc).routeTables()).flatExtracting(RouteTable::routes).noneMatch(Route::blackhole);
        assertThat(live(world.accepterVpc()).routeTables()).flatExtracting(RouteTable::routes).noneMatch(Route::blackhole);
        PeeringRequest deleted = peerings.get(world.requester.requester(), id);
        assertThat(deleted.state()).isEqualTo(PeeringState.DELETED);
        assertThat(deleted.closingReason()).isEqualTo("service retired");
        assertThat(notes(world.requester.requester())).anyMatch(n -> n.contains("is tearing down the peering"));
    }

    @Test
    void verificationReportsAFlowARuleNoLongerAdmits() {
        PeeringRequestId id = approved();
        lifecycle.provision(id);
        PeeringCloud.call(world.accepterAccount, "us-east-1", "RevokeSecurityGroupIngress", Map.of(
                "GroupId", world.accepterGroup(), "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "443",
                "IpPermissions.1.ToPort", "443", "IpPermissions.1.IpRanges.1.CidrIp", "10.10.0.0/16"));

        List<FlowCheck> failures = lifecycle.verify(id);

        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.reachable()).isFalse();
            assertThat(f.flow()).startsWith("tcp 443 from req-").contains(world.accepterGroup());
            assertThat(f.explanationCodes()).contains("ENI_SG_RULES_MISMATCH");
        });
        assertThat(peerings.get(world.accepter.approver(), id).checks()).as("both parties see each flow's outcome")
                .filteredOn(c -> c.kind() == Kind.REACHABILITY)
                .extracting(PeeringCheckResult::stage, PeeringCheckResult::outcome, c -> c.detail() != null && c.detail().contains("ENI_SG_RULES_MISMATCH"))
                .containsExactlyInAnyOrder(tuple(Stage.ACTIVATION, Outcome.FAILED, true), tuple(Stage.ACTIVATION, Outcome.PASSED, false));

        lifecycle.verify(id);
        assertThat(peerings.get(world.requester.requester(), id).checks()).as("a repeated analysis replaces the earlier one")
                .filteredOn(c -> c.kind() == Kind.REACHABILITY).hasSize(2);
    }

    @Test
    void aRequestNoLongerValidAtApprovalListsWhatFailedAmongItsChecks() {
        PeeringRequestId id = submit();
        PeeringCloud.call(world.accepterAccount, "us-east-1", "AssociateVpcCidrBlock", Map.of(
                "VpcId", world.accepterVpc().vpc().vpcId(), "CidrBlock", "10.10.128.0/17"));

        assertThat(lifecycle.validate(id).valid()).isFalse();

        List<PeeringCheckResult> checks = peerings.get(world.requester.requester(), id).checks();
        assertThat(checks.get(0)).extracting(PeeringCheckResult::kind, PeeringCheckResult::stage, PeeringCheckResult::outcome)
                .containsExactly(Kind.VALIDATION, Stage.FILING, Outcome.PASSED);
        assertThat(checks.subList(1, checks.size())).as("one line per problem found at approval").isNotEmpty()
                .allMatch(c -> c.kind() == Kind.VALIDATION && c.stage() == Stage.APPROVAL && c.outcome() == Outcome.FAILED)
                .anyMatch(c -> c.subject().contains("10.10.0.0/16 of req-") && c.subject().contains("overlaps 10.10.128.0/17"));
    }

    @Test
    void aRejectedRequestRejectsTheConnectionAndTellsTheRequester() {
        PeeringRequestId id = submit();
        lifecycle.requestConnection(id);

        assertThatThrownBy(() -> lifecycle.decide(world.accepter.approver(), id, new Decision(false, " ")))
                .hasMessageContaining("Give a reason");
        assertThatThrownBy(() -> lifecycle.decide(world.requester.requester(), id, new Decision(true, null)))
                .isInstanceOf(NotPermitted.class);
        lifecycle.decide(world.accepter.approver(), id, new Decision(false, "no capacity this quarter"));
        lifecycle.reject(id);

        PeeringRequest rejected = peerings.get(world.requester.requester(), id);
        assertThat(rejected.state()).isEqualTo(PeeringState.REJECTED);
        assertThat(rejected.approval()).isEqualTo(new PeeringDecision(false, world.accepter.approver().name(),
                rejected.approval().decidedAt(), "no capacity this quarter"));
        assertThat(connection(rejected).status()).isEqualTo("rejected");
        assertThat(notes(world.requester.requester())).anyMatch(n -> n.contains("rejected your peering request")
                && n.contains("no capacity this quarter"));
    }

    @Test
    void aCancelledRequestDeletesItsPendingConnection() {
        PeeringRequestId id = submit();
        lifecycle.requestConnection(id);

        assertThatThrownBy(() -> peerings.requestCancel(world.accepter.approver(), id, null))
                .isInstanceOf(NotPermitted.class);
        peerings.requestCancel(world.requester.requester(), id, "filed by mistake");
        lifecycle.cancel(id);

        PeeringRequest cancelled = peerings.get(world.accepter.viewer(), id);
        assertThat(cancelled.state()).isEqualTo(PeeringState.CANCELLED);
        assertThat(connection(cancelled).live()).isFalse();
        assertThat(notes(world.accepter.approver())).anyMatch(n -> n.contains("withdrew") && n.contains("filed by mistake"));
    }

    @Test
    void aContractDemandingReviewAddsTheSecurityReviewersDecision() {
        FreshWorld reviewed = FreshWorld.create(this, 1, FreshWorld.REVIEWED);
        PeeringRequestId id = peerings.submit(reviewed.requester.requester(), reviewed.request(), null).id();
        lifecycle.requestConnection(id);

        lifecycle.decide(reviewed.accepter.approver(), id, new Decision(true, "fine by us"));
        assertThat(peerings.get(reviewed.requester.requester(), id).state()).isEqualTo(PeeringState.SECURITY_REVIEW);
        assertThat(notes(reviewed.accepter.reviewer())).anyMatch(n -> n.contains("awaits your security review"));
        assertThatThrownBy(() -> lifecycle.decide(reviewed.accepter.approver(), id, new Decision(true, null)))
                .isInstanceOf(NotPermitted.class);
        lifecycle.decide(reviewed.accepter.reviewer(), id, new Decision(true, null));

        PeeringRequest decided = peerings.get(reviewed.requester.requester(), id);
        assertThat(decided.state()).isEqualTo(PeeringState.PROVISIONING);
        assertThat(decided.review().approved()).isTrue();
        assertThatThrownBy(() -> lifecycle.decide(reviewed.accepter.reviewer(), id, new Decision(false, "late")))
                .isInstanceOf(Conflict.class).hasMessageContaining("already approved by " + reviewed.accepter.reviewer().name());
    }

    @Test
    void ofTwoConcurrentDecisionsExactlyOneIsRecorded() throws Exception {
        PeeringRequestId id = submit();
        lifecycle.requestConnection(id);
        Actor otherApprover = new Actor(world.accepter.tenant().id(), "second-approver",
                world.accepter.approver().roles(), "10.0.0.9");
        int won = winnersOfConcurrent(
                () -> lifecycle.decide(world.accepter.approver(), id, new Decision(true, null)),
                () -> lifecycle.decide(otherApprover, id, new Decision(false, "we disagree")));

        assertThat(won).isEqualTo(1);
        PeeringRequest decided = peerings.get(world.requester.requester(), id);
        assertThat(timeline(id)).filteredOn(e -> e.action().equals("peering.approved") || e.action().equals("peering.rejected"))
                .hasSize(1);
        assertThat(decided.approval()).isNotNull();
    }

    // ---- helpers ----


    private PeeringRequestId submit() {
        return peerings.submit(world.requester.requester(), world.request(), null).id();
    }

    private PeeringRequestId approved() {
        PeeringRequestId id = submit();
        lifecycle.requestConnection(id);
        lifecycle.decide(world.accepter.approver(), id, new Decision(true, null));
        return id;
    }

    private PeeringRequestId active() {
        PeeringRequestId id = approved();
        lifecycle.provision(id);
        assertThat(lifecycle.verify(id)).isEmpty();
        lifecycle.activate(id);
        return id;
    }

    private void assertNothingLeft(PeeringRequestId id) {
        PeeringRequest request = peerings.get(world.requester.requester(), id);
        assertThat(peeringRoutes(live(world.requesterVpc))).isEmpty();
        assertThat(peeringRoutes(live(world.accepterVpc()))).isEmpty();
        assertThat(markedRules(live(world.requesterVpc), id)).isEmpty();
        assertThat(markedRules(live(world.accepterVpc()), id)).isEmpty();
        assertThat(connection(request).live()).isFalse();
        assertThat(request.inPlace()).isEmpty();
    }

    private PeeringConnection connection(PeeringRequest request) {
        return cloud.describePeeringConnection(PeeringCloud.credentials(world.requesterAccount), "us-east-1",
                request.pcxId()).orElseThrow();
    }

    private List<String> notes(Actor actor) {
        return notifications.forActor(actor, false).stream().map(Notification::message).toList();
    }

    private List<AuditEvent> timeline(PeeringRequestId id) {
        return peerings.timeline(world.requester.requester(), id);
    }
}
