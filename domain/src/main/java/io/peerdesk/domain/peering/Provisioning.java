package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.AuthorizedRule;
import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.PeeringConnection;
import io.peerdesk.domain.peering.AppliedEntry.Kind;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds a peering in the cloud: accepts the connection with the accepter's account in the
 * accepter's region, waits until it is active, then creates the routes and authorizes the rules of
 * both sides. What a call applied is recorded (committed) in one transaction once the cloud has it
 * all, or as soon as the cloud refuses or fails to answer one entry; an entry already recorded is
 * not applied again, and one the cloud made but a stopped portal did not record is found and
 * adopted (the cloud's {@code RouteAlreadyExists} to the same target, a rule carrying the request's
 * mark), so a retried step continues where the last attempt stopped.
 * Before it changes anything it checks that what is recorded is still in the cloud ({@link Drift}).
 */
@Component
class Provisioning {

    private final CloudNetwork cloud;
    private final SideAccess sides;
    private final PeeringRepository requests;
    private final OwnTransactions transactions;
    private final PeeringProperties properties;
    private final Clock clock;

    Provisioning(CloudNetwork cloud, SideAccess sides, PeeringRepository requests, OwnTransactions transactions,
                 PeeringProperties properties, Clock clock) {
        this.cloud = cloud;
        this.sides = sides;
        this.requests = requests;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns the routes and rules this call applied (none when a retry found everything done). */
    List<AppliedEntry> provision(StoredRequest r) {
        SideAccess.Sides access = sides.of(r);
        new Drift(access).check(r);
        activate(r, access);
        return applyMissing(r, access, r.routes(), r.rules());
    }

    /**
     * Creates those of {@code routes} and authorizes those of {@code rules} that {@code r} does not
     * have in place yet, and records them together: when the cloud has them all, or before the
     * failure of one goes on. Returns what it recorded. Provisioning applies the plan with it, a
     * change its additions, a reverted change what it removed.
     */
    List<AppliedEntry> applyMissing(StoredRequest r, SideAccess.Sides access, List<PlannedRoute> routes,
                                    List<PlannedRule> rules) {
        List<AppliedEntry> applied = new ArrayList<>();
        try {
            for (PlannedRoute route : routes) {
                if (r.inPlace().stream().noneMatch(a -> a.isRoute(route))) {
                    applied.add(applyRoute(r, access, route));
                }
            }
            for (PlannedRule rule : rules) {
                if (r.inPlace().stream().noneMatch(a -> a.isRule(rule))) {
                    applyRule(r, access, rule).ifPresent(applied::add);
                }
            }
        } catch (RuntimeException failure) {
            try {
                record(r, applied);
            } catch (RuntimeException recording) {
                failure.addSuppressed(recording);
            }
            throw failure;
        }
        record(r, applied);
        return applied;
    }

    private void activate(StoredRequest r, SideAccess.Sides access) {
        PeeringEnd accepter = r.accepter().end();
        CloudCredentials requesterCredentials = access.credentials(PeeringSide.REQUESTER);
        PeeringConnection connection = describe(r, requesterCredentials);
        if (connection.pending()) {
            CloudCredentials accepterCredentials = access.credentials(PeeringSide.ACCEPTER);
            connection = CloudStep.call("accepting " + r.pcxId() + " with " + accepter.tenantName() + "'s account "
                    + accepter.accountNumber() + " in " + accepter.region(),
                    () -> cloud.acceptPeeringConnection(accepterCredentials, accepter.region(), r.pcxId()));
        } else if (!connection.accepted()) {
            throw new PeeringStepFailed(connection.status(), "The connection " + r.pcxId() + " is " + connection.status()
                    + " in the cloud and can no longer be accepted.");
        }
        for (int look = 1; !connection.active(); look++) {
            if (look > properties.activationPolls()) {
                throw new CloudFailure("Provisioning", "The connection " + r.pcxId() + " is still " + connection.status()
                        + " after being accepted; provisioning is tried again.", true);
            }
            pause();
            connection = describe(r, requesterCredentials);
        }
    }

    private PeeringConnection describe(StoredRequest r, CloudCredentials requester) {
        PeeringEnd end = r.requester().end();
        return CloudStep.call("reading the connection " + r.pcxId(),
                        () -> cloud.describePeeringConnection(requester, end.region(), r.pcxId()))
                .orElseThrow(() -> new PeeringStepFailed("InvalidVpcPeeringConnectionID.NotFound",
                        "The connection " + r.pcxId() + " no longer exists in the cloud."));
    }

    private AppliedEntry applyRoute(StoredRequest r, SideAccess.Sides access, PlannedRoute route) {
        PeeringEnd end = r.party(route.side()).end();
        CloudCredentials credentials = access.credentials(route.side());
        CloudStep.run("creating the route " + route.label(),
                () -> cloud.createRoute(credentials, end.region(), route.routeTableId(), route.destinationCidr(), r.pcxId()));
        return new AppliedEntry(UUID.randomUUID(), Kind.ROUTE, route.side(), route.routeTableId(),
                route.destinationCidr(), r.pcxId(), null, null, null, null, clock.instant(), null);
    }

    /**
     * Authorizes a rule and records it when this request made it: created now, or found carrying
     * this request's mark (an earlier attempt made it). A rule the group already had before is left
     * out of the record, so teardown never removes what the portal did not add.
     */
    private Optional<AppliedEntry> applyRule(StoredRequest r, SideAccess.Sides access, PlannedRule rule) {
        PeeringEnd end = r.party(rule.side()).end();
        CloudCredentials credentials = access.credentials(rule.side());
        AuthorizedRule result = CloudStep.call("authorizing " + rule.label(),
                () -> cloud.authorizeSecurityGroupIngress(credentials, end.region(), rule.securityGroupId(),
                        Rules.ingress(rule, mark(r))));
        if (!result.created() && !mark(r).equals(result.description())) {
            return Optional.empty();
        }
        return Optional.of(new AppliedEntry(UUID.randomUUID(), Kind.RULE, rule.side(), rule.securityGroupId(),
                rule.sourceCidr(), null, rule.protocol(), rule.fromPort(), rule.toPort(), result.ruleId(), clock.instant(), null));
    }

    private void record(StoredRequest r, List<AppliedEntry> entries) {
        if (!entries.isEmpty()) {
            transactions.run(() -> entries.forEach(entry -> requests.insertApplied(r.id(), entry)));
        }
    }

    /** The description the portal's rules carry: which request made them. */
    static String mark(StoredRequest r) {
        return "PeerDesk peering " + r.id();
    }

    private void pause() {
        try {
            Thread.sleep(properties.activationPollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudFailure(CloudFailure.TIMEOUT, "Interrupted while waiting for the connection to become active.", true);
        }
    }
}
