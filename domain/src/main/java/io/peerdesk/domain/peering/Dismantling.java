package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.PeeringConnection;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Takes a peering out of the cloud: exactly the routes and rules the portal recorded as applied
 * (newest first, each marked removed as soon as it is gone, so a retry continues), then the
 * connection. What is already gone counts as removed. An entry that cannot be removed does not
 * stop the others; the step then fails naming what remains.
 */
@Component
class Dismantling {

    private final CloudNetwork cloud;
    private final SideAccess sides;
    private final PeeringRepository requests;
    private final OwnTransactions transactions;
    private final Clock clock;

    Dismantling(CloudNetwork cloud, SideAccess sides, PeeringRepository requests, OwnTransactions transactions,
                Clock clock) {
        this.cloud = cloud;
        this.sides = sides;
        this.requests = requests;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Returns how many routes and rules were removed. */
    int removeAll(StoredRequest r) {
        SideAccess.Sides access = sides.of(r);
        List<String> remaining = new ArrayList<>();
        List<AppliedEntry> entries = new ArrayList<>(r.inPlace());
        Collections.reverse(entries);
        int removed = removeEach(r, access, entries, remaining);
        try {
            deleteConnection(r, access);
        } catch (PeeringStepFailed e) {
            remaining.add("the connection " + r.pcxId() + " (" + e.getMessage() + ")");
        }
        failIfRemaining(remaining);
        return removed;
    }

    /**
     * Removes these applied entries, in the order given, each marked removed as soon as it is gone;
     * an entry that cannot be removed does not stop the others, and the step then fails naming what
     * remains. Returns how many were removed.
     */
    int remove(StoredRequest r, SideAccess.Sides access, List<AppliedEntry> entries) {
        List<String> remaining = new ArrayList<>();
        int removed = removeEach(r, access, entries, remaining);
        failIfRemaining(remaining);
        return removed;
    }

    private int removeEach(StoredRequest r, SideAccess.Sides access, List<AppliedEntry> entries, List<String> remaining) {
        int removed = 0;
        for (AppliedEntry entry : entries) {
            try {
                remove(r, access, entry);
                transactions.run(() -> requests.markRemoved(entry.id(), clock.instant()));
                removed++;
            } catch (PeeringStepFailed e) {
                remaining.add(entry.label() + " (" + e.getMessage() + ")");
            }
        }
        return removed;
    }

    private static void failIfRemaining(List<String> remaining) {
        if (!remaining.isEmpty()) {
            throw new PeeringStepFailed("CleanupIncomplete", "Some of the peering could not be removed from the cloud: "
                    + String.join("; ", remaining) + ".");
        }
    }

    /**
     * Rejects a pending connection with the accepter's account; should the accepter's account not
     * be usable, the requester deletes it instead, so no request stays pending for a week.
     */
    void rejectConnection(StoredRequest r) {
        SideAccess.Sides access = sides.of(r);
        if (connection(r, access).filter(PeeringConnection::pending).isEmpty()) {
            return;
        }
        PeeringEnd accepter = r.accepter().end();
        try {
            CloudCredentials credentials = access.credentials(PeeringSide.ACCEPTER);
            CloudStep.run("rejecting " + r.pcxId() + " with " + accepter.tenantName() + "'s account",
                    () -> cloud.rejectPeeringConnection(credentials, accepter.region(), r.pcxId()));
        } catch (PeeringStepFailed e) {
            deleteConnection(r, access);
        }
    }

    /** Deletes the connection while it is pending or active; gone, rejected, expired or failed ones are left as they are. */
    void deleteConnection(StoredRequest r) {
        deleteConnection(r, sides.of(r));
    }

    private void deleteConnection(StoredRequest r, SideAccess.Sides access) {
        Optional<PeeringConnection> connection = connection(r, access);
        if (connection.isEmpty() || !connection.get().live()) {
            return;
        }
        PeeringEnd requester = r.requester().end();
        try {
            CloudCredentials credentials = access.credentials(PeeringSide.REQUESTER);
            CloudStep.run("deleting " + r.pcxId() + " with " + requester.tenantName() + "'s account",
                    () -> cloud.deletePeeringConnection(credentials, requester.region(), r.pcxId()));
        } catch (PeeringStepFailed e) {
            if (!connection.get().accepted()) {
                throw e;
            }
            PeeringEnd accepter = r.accepter().end();
            CloudCredentials credentials = access.credentials(PeeringSide.ACCEPTER);
            CloudStep.run("deleting " + r.pcxId() + " with " + accepter.tenantName() + "'s account",
                    () -> cloud.deletePeeringConnection(credentials, accepter.region(), r.pcxId()));
        }
    }

    private Optional<PeeringConnection> connection(StoredRequest r, SideAccess.Sides access) {
        if (r.pcxId() == null) {
            return Optional.empty();
        }
        CloudCredentials credentials = access.credentials(PeeringSide.REQUESTER);
        return CloudStep.call("reading the connection " + r.pcxId(),
                () -> cloud.describePeeringConnection(credentials, r.requester().end().region(), r.pcxId()));
    }

    private void remove(StoredRequest r, SideAccess.Sides access, AppliedEntry entry) {
        PeeringEnd end = r.party(entry.side()).end();
        CloudCredentials credentials = access.credentials(entry.side());
        if (entry.kind() == AppliedEntry.Kind.ROUTE) {
            CloudStep.run("removing the " + entry.label(),
                    () -> cloud.deleteRoute(credentials, end.region(), entry.resourceId(), entry.cidr()));
        } else {
            CloudStep.run("revoking the " + entry.label(),
                    () -> cloud.revokeSecurityGroupIngress(credentials, end.region(), entry.resourceId(), Rules.ingress(entry)));
        }
    }
}
