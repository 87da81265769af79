package io.peerdesk.domain.cloud.ec2;

import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.PeeringConnection;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionVpcInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Peering connections over EC2: create (found again by its request tag), describe, accept, reject, delete. */
final class Ec2Peerings {

    private static final String NOT_FOUND = "InvalidVpcPeeringConnectionID.NotFound";
    private static final Set<String> GONE = Set.of(NOT_FOUND, "InvalidVpcPeeringConnectionId.NotFound");

    private final Ec2Client ec2;
    private final Ec2Calls calls;

    Ec2Peerings(Ec2Client ec2, Ec2Calls calls) {
        this.ec2 = ec2;
        this.calls = calls;
    }

    PeeringConnection create(String vpcId, String peerVpcId, String peerOwnerId, String peerRegion, String requestTag) {
        Optional<PeeringConnection> earlier = findLive(requestTag);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Tag tag = Tag.builder().key(CloudNetwork.REQUEST_TAG).value(requestTag).build();
        VpcPeeringConnection created = calls.call("CreateVpcPeeringConnection", () -> ec2.createVpcPeeringConnection(r -> r
                .vpcId(vpcId).peerVpcId(peerVpcId).peerOwnerId(peerOwnerId).peerRegion(peerRegion)
                .tagSpecifications(t -> t.resourceType(ResourceType.VPC_PEERING_CONNECTION).tags(tag)))
                .vpcPeeringConnection());
        return connection(created);
    }

    Optional<PeeringConnection> describe(String pcxId) {
        try {
            return calls.call("DescribeVpcPeeringConnections", () -> ec2.describeVpcPeeringConnections(
                            r -> r.vpcPeeringConnectionIds(pcxId)).vpcPeeringConnections())
                    .stream().findFirst().map(Ec2Peerings::connection);
        } catch (CloudFailure e) {
            if (GONE.contains(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    PeeringConnection accept(String pcxId) {
        return connection(calls.call("AcceptVpcPeeringConnection",
                () -> ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcxId)).vpcPeeringConnection()));
    }

    void reject(String pcxId) {
        calls.call("RejectVpcPeeringConnection", () -> ec2.rejectVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcxId)));
    }

    /** Deletes the connection; one already gone, or ended where it can no longer be deleted (rejected, failed, expired), is success. */
    void delete(String pcxId) {
        try {
            calls.callUnlessGone("DeleteVpcPeeringConnection", GONE,
                    () -> ec2.deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcxId)));
        } catch (CloudFailure e) {
            if (!"InvalidStateTransition".equals(e.code()) || describe(pcxId).map(PeeringConnection::live).orElse(false)) {
                throw e;
            }
        }
    }

    /** A pending or active connection carrying the request's tag (a retried create finds its first attempt). */
    private Optional<PeeringConnection> findLive(String requestTag) {
        Filter byTag = Filter.builder().name("tag:" + CloudNetwork.REQUEST_TAG).values(requestTag).build();
        List<VpcPeeringConnection> tagged = calls.call("DescribeVpcPeeringConnections",
                () -> ec2.describeVpcPeeringConnections(r -> r.filters(byTag)).vpcPeeringConnections());
        return tagged.stream().map(Ec2Peerings::connection).filter(PeeringConnection::live).findFirst();
    }

    private static PeeringConnection connection(VpcPeeringConnection c) {
        String status = c.status() == null ? null : c.status().codeAsString();
        String message = c.status() == null ? null : c.status().message();
        Map<String, String> tags = c.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
        return new PeeringConnection(c.vpcPeeringConnectionId(), end(c.requesterVpcInfo()), end(c.accepterVpcInfo()),
                status, message, c.expirationTime(), tags);
    }

    private static PeeringConnection.End end(VpcPeeringConnectionVpcInfo info) {
        return info == null ? new PeeringConnection.End(null, null, null)
                : new PeeringConnection.End(info.vpcId(), info.ownerId(), info.region());
    }
}
