package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.cloud.VpcPart;
import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.ContractTerms;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.peering.PeeringCheck.Counts;
import io.peerdesk.domain.peering.PeeringCheck.Side;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Gathers what {@link PeeringCheck} judges: the portal's counts, the contract in force, and (for a re-check) the cloud now. */
@Component
class PeeringFacts {

    /** What {@link PeeringCheck} looks at besides the VPCs' blocks: the route tables and the security groups. */
    private static final Set<VpcPart> CHECKED = EnumSet.of(VpcPart.ROUTE_TABLES, VpcPart.SECURITY_GROUPS);

    private final PeeringRepository requests;
    private final Contracts contracts;
    private final SideAccess sides;
    private final PeeringCheck check;

    PeeringFacts(PeeringRepository requests, Contracts contracts, SideAccess sides, PeeringProperties properties) {
        this.requests = requests;
        this.contracts = contracts;
        this.sides = sides;
        this.check = new PeeringCheck(properties);
    }

    PeeringCheck check() {
        return check;
    }

    /** What the portal holds besides the request {@code except} (null for a new one). */
    Counts counts(VpcId requesterVpc, VpcId accepterVpc, ContractId contract, PeeringRequestId except) {
        return counts(requesterVpc, accepterVpc, contract, except, true);
    }

    /**
     * {@code outstanding}: whether the account's requests awaiting acceptance count. They do not for a
     * request whose connection already awaits acceptance in the cloud: it holds its place in the cloud's
     * quota already, and accepting it frees that place.
     */
    private Counts counts(VpcId requesterVpc, VpcId accepterVpc, ContractId contract, PeeringRequestId except,
                          boolean outstanding) {
        return new Counts(requests.findOpenBetween(requesterVpc, accepterVpc, except),
                outstanding ? requests.countOutstandingFromAccountOf(requesterVpc, except) : 0,
                requests.countEstablished(requesterVpc, except),
                requests.countEstablished(accepterVpc, except),
                contract == null ? 0 : requests.countOpenUnder(contract, except));
    }

    /**
     * Checks a stored request again against the contract in force and both VPCs as the cloud reports
     * them now (each read with its own side's account).
     */
    List<PeeringProblem> recheck(StoredRequest r) {
        Optional<ContractTerms> terms = contracts.inForceBetween(r.requester().tenant(), r.accepter().tenant(), r.contract());
        if (terms.isEmpty()) {
            return List.of(new PeeringProblem("contract", "The contract " + r.contract() + " between "
                    + r.requester().end().tenantName() + " and " + r.accepter().end().tenantName()
                    + " is no longer in force (expired, suspended or ended): a peering needs an active contract."));
        }
        Vpc requesterVpc;
        Vpc accepterVpc;
        try {
            SideAccess.Sides access = sides.of(r);
            requesterVpc = access.vpc(PeeringSide.REQUESTER, CHECKED);
            accepterVpc = access.vpc(PeeringSide.ACCEPTER, CHECKED);
        } catch (PeeringStepFailed e) {
            return List.of(new PeeringProblem("vpc", e.getMessage()));
        }
        PeeringCheck.Case c = new PeeringCheck.Case(
                new Side(r.requester().tenant(), r.requester().end().tenantName(), requesterVpc),
                new Side(r.accepter().tenant(), r.accepter().end().tenantName(), accepterVpc),
                terms.get(), r.routes(), r.rules(),
                counts(r.requester().end().vpc(), r.accepter().end().vpc(), r.contract(), r.id(), r.pcxId() == null), true);
        return check.check(c);
    }
}
