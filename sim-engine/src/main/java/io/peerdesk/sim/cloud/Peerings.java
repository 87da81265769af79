package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** VPC peering connections: AWS's life cycle, who may do what in which state, and the quotas. */
public final class Peerings {

    private final Cloud cloud;

    Peerings(Cloud cloud) {
        this.cloud = cloud;
    }

    /**
     * CreateVpcPeeringConnection. For a pair that already has a pending or active connection AWS
     * answers with that connection, not an error. Overlapping blocks (any IPv4 or IPv6 block of
     * either VPC) give a connection in state {@code failed}.
     */
    public PeeringConnection create(Caller caller, String vpcId, String peerVpcId, String peerOwnerId,
                                    String peerRegion, Map<String, String> tags, Instant now) {
        Vpc vpc = cloud.requireVpc(caller, vpcId);
        if (peerVpcId == null || peerVpcId.isEmpty()) {
            throw CloudException.missingParameter("peerVpcId");
        }
        String owner = peerOwnerId == null ? caller.accountId() : peerOwnerId;
        String region = peerRegion == null ? caller.region() : peerRegion;
        if (!Caller.isAccountId(owner)) {
            throw CloudException.invalidParameterValue("Value (" + owner + ") for parameter peerOwnerId is invalid.");
        }
        if (!Regions.exists(region)) {
            throw CloudException.invalidParameterValue("Value (" + region + ") for parameter peerRegion is invalid.");
        }
        Vpc peer = cloud.vpcs.get(peerVpcId);
        if (peer == null || !peer.ownerId().equals(owner) || !peer.region().equals(region)) {
            throw new CloudException("InvalidVpcID.NotFound", "The vpc ID '" + peerVpcId + "' does not exist");
        }
        if (peer.id().equals(vpc.id())) {
            throw CloudException.invalidParameterValue("A VPC cannot be peered with itself (" + vpcId + ").");
        }
        Tags.validate(tags);
        if (tags.size() > Tags.MAX_TAGS) {
            throw new CloudException("TagLimitExceeded",
                    "The maximum number of tags (" + Tags.MAX_TAGS + ") for a resource has been exceeded.");
        }
        PeeringConnection existing = live(vpcId, peerVpcId, now);
        if (existing != null) {
            return existing;
        }
        if (outstanding(caller, now) >= cloud.config().outstandingPeeringQuota()) {
            throw new CloudException("OutstandingVpcPeeringConnectionLimitExceeded",
                    "You have reached the limit on the number of outstanding VPC peering connection requests ("
                            + cloud.config().outstandingPeeringQuota() + ") that you can create.");
        }
        PeeringConnection p = new PeeringConnection(cloud.nextId("pcx"), cloud.nextSequence(),
                new PeeringConnection.Side(vpc.id(), vpc.ownerId(), vpc.region()),
                new PeeringConnection.Side(peer.id(), peer.ownerId(), peer.region()), now);
        List<Cidr[]> overlaps = vpc.overlapsWith(peer);
        if (!overlaps.isEmpty()) {
            p.decided = PeeringState.FAILED;
            p.failureMessage = "Overlapping CIDR range: " + overlaps.get(0)[0] + " of " + vpc.id() + " overlaps "
                    + overlaps.get(0)[1] + " of " + peer.id();
        }
        p.tagsOf(caller).putAll(tags);
        cloud.peerings.put(p.id(), p);
        vpc.peeringIds.add(p.id());
        peer.peeringIds.add(p.id());
        return p;
    }

    /** AcceptVpcPeeringConnection: only the accepter's owner, in the accepter's region, while pending. */
    public PeeringConnection accept(Caller caller, String pcxId, Instant now) {
        PeeringConnection p = cloud.requirePeering(caller, pcxId, now);
        requireAccepter(caller, p, "accept", "must be accepted in region ");
        requireState(p, now, PeeringState.PENDING_ACCEPTANCE);
        if (live(p.requester().vpcId(), p.accepter().vpcId(), now) != p) {
            throw new CloudException("VpcPeeringConnectionAlreadyExists",
                    "A VPC peering connection between the VPCs already exists.");
        }
        for (PeeringConnection.Side side : List.of(p.requester(), p.accepter())) {
            if (active(side.vpcId(), now) >= cloud.config().activePeeringQuota()) {
                throw new CloudException("ActiveVpcPeeringConnectionPerVpcLimitExceeded",
                        "The maximum number of active VPC peering connections (" + cloud.config().activePeeringQuota()
                                + ") has been reached for " + side.vpcId() + ".");
            }
        }
        p.decided = PeeringState.PROVISIONING;
        p.decidedAt = now;
        p.transitionEndsAt = now.plus(cloud.config().provisioningDelay());
        p.actorAccountId = caller.accountId();
        return p;
    }

    /** RejectVpcPeeringConnection: only the accepter's owner, while pending. */
    public void reject(Caller caller, String pcxId, Instant now) {
        PeeringConnection p = cloud.requirePeering(caller, pcxId, now);
        requireAccepter(caller, p, "reject", "must be accepted or rejected in region ");
        requireState(p, now, PeeringState.PENDING_ACCEPTANCE);
        p.decided = PeeringState.REJECTED;
        p.decidedAt = now;
        p.actorAccountId = caller.accountId();
    }

    /**
     * DeleteVpcPeeringConnection: the requester while pending; either owner while active. Not in
     * the failed, rejected, expired or deleted states. Inter-Region connections pass through
     * {@code deleting}.
     */
    public void delete(Caller caller, String pcxId, Instant now) {
        PeeringConnection p = cloud.requirePeering(caller, pcxId, now);
        PeeringState state = p.stateAt(now);
        if (state == PeeringState.PENDING_ACCEPTANCE) {
            if (!isRequester(caller, p)) {
                throw new CloudException("OperationNotPermitted", "User " + caller.accountId()
                        + " cannot delete peering " + p.id() + " while it is pending-acceptance; "
                        + "the accepter can reject it.");
            }
        } else if (state != PeeringState.ACTIVE && state != PeeringState.PROVISIONING) {
            throw invalidState(p, state);
        }
        markDeleted(p, caller.accountId(), now);
    }

    void markDeleted(PeeringConnection p, String actor, Instant now) {
        p.decidedAt = now;
        p.actorAccountId = actor;
        if (p.isInterRegion() && !cloud.config().interRegionDeleteDelay().isZero()) {
            p.decided = PeeringState.DELETING;
            p.transitionEndsAt = now.plus(cloud.config().interRegionDeleteDelay());
        } else {
            p.decided = PeeringState.DELETED;
        }
    }

    /**
     * ModifyVpcPeeringConnectionOptions: only while active, each owner its own side, in its own
     * region. DNS resolution needs DNS support and hostnames on both VPCs.
     */
    public void modifyOptions(Caller caller, String pcxId, PeeringOptions requesterOptions,
                              PeeringOptions accepterOptions, Instant now) {
        PeeringConnection p = cloud.requirePeering(caller, pcxId, now);
        if (requesterOptions == null && accepterOptions == null) {
            throw CloudException.missingParameter("requesterPeeringConnectionOptions or accepterPeeringConnectionOptions");
        }
        requireState(p, now, PeeringState.ACTIVE);
        if (requesterOptions != null && !isRequester(caller, p)) {
            throw new CloudException("OperationNotPermitted", "User " + caller.accountId()
                    + " cannot modify the requester options of peering " + p.id());
        }
        if (accepterOptions != null && !isAccepter(caller, p)) {
            throw new CloudException("OperationNotPermitted", "User " + caller.accountId()
                    + " cannot modify the accepter options of peering " + p.id());
        }
        boolean dns = requesterOptions != null && requesterOptions.allowDnsResolutionFromRemoteVpc()
                || accepterOptions != null && accepterOptions.allowDnsResolutionFromRemoteVpc();
        if (dns) {
            for (String vpcId : List.of(p.requester().vpcId(), p.accepter().vpcId())) {
                Vpc vpc = cloud.vpcs.get(vpcId);
                if (vpc == null || !vpc.enableDnsHostnames() || !vpc.enableDnsSupport()) {
                    throw new CloudException("InvalidVpcPeeringConnectionState.DnsHostnamesDisabled",
                            "DNS hostnames and DNS resolution must be enabled on " + vpcId
                                    + " to allow DNS resolution from the remote VPC.");
                }
            }
        }
        if (requesterOptions != null) {
            p.requesterOptions = requesterOptions;
        }
        if (accepterOptions != null) {
            p.accepterOptions = accepterOptions;
        }
    }

    private void requireAccepter(Caller caller, PeeringConnection p, String verb, String regionMessage) {
        if (!p.accepter().ownerId().equals(caller.accountId())) {
            throw new CloudException("OperationNotPermitted",
                    "User (" + caller.accountId() + ") cannot " + verb + " peering " + p.id());
        }
        if (!p.accepter().region().equals(caller.region())) {
            throw new CloudException("OperationNotPermitted", "Incorrect region (" + caller.region()
                    + ") specified for this request. VPC peering connection " + p.id() + " " + regionMessage
                    + p.accepter().region());
        }
    }

    private static void requireState(PeeringConnection p, Instant now, PeeringState wanted) {
        PeeringState state = p.stateAt(now);
        if (state != wanted) {
            throw invalidState(p, state);
        }
    }

    private static CloudException invalidState(PeeringConnection p, PeeringState state) {
        return new CloudException("InvalidStateTransition", "VpcPeeringConnectionID " + p.id()
                + " is not in the correct state for the request (it is " + state.code() + ").");
    }

    private static boolean isRequester(Caller caller, PeeringConnection p) {
        return p.requester().ownerId().equals(caller.accountId()) && p.requester().region().equals(caller.region());
    }

    private static boolean isAccepter(Caller caller, PeeringConnection p) {
        return p.accepter().ownerId().equals(caller.accountId()) && p.accepter().region().equals(caller.region());
    }

    private PeeringConnection live(String vpcA, String vpcB, Instant now) {
        Vpc a = cloud.vpcs.get(vpcA);
        for (String id : a.peeringIds) {
            PeeringConnection p = cloud.peerings.get(id);
            if (p.joins(vpcA, vpcB) && p.stateAt(now).isLive()) {
                return p;
            }
        }
        return null;
    }

    private long outstanding(Caller caller, Instant now) {
        return cloud.peerings.values().stream()
                .filter(p -> p.requester().ownerId().equals(caller.accountId())
                        && p.requester().region().equals(caller.region())
                        && p.stateAt(now) == PeeringState.PENDING_ACCEPTANCE)
                .count();
    }

    private long active(String vpcId, Instant now) {
        Vpc vpc = cloud.vpcs.get(vpcId);
        if (vpc == null) {
            return 0;
        }
        return vpc.peeringIds.stream().map(cloud.peerings::get)
                .filter(p -> p.stateAt(now) == PeeringState.ACTIVE || p.stateAt(now) == PeeringState.PROVISIONING)
                .count();
    }
}
