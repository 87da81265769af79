package io.peerdesk.domain.cloud;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's one way to the cloud. The domain asks for what it needs in its own terms; the
 * adapter ({@code io.peerdesk.domain.cloud.ec2}) speaks EC2 to whichever endpoint is configured:
 * the simulated cloud, LocalStack or AWS. Every method acts with the credentials it is given, in the
 * region it is given, and fails with a {@link CloudFailure} whose message a person can act on.
 */
public interface CloudNetwork {

    /** The tag key a peering connection carries with the portal's request id. */
    String REQUEST_TAG = "peerdesk-request-id";

    /**
     * The VPCs the credentials see in one region, each with its CIDR blocks, subnets, route tables
     * (routes and their states), security groups (rules) and network ACLs (entries).
     *
     * @throws CloudFailure when the endpoint cannot be reached or refuses the credentials or a call
     */
    List<Vpc> describeVpcs(CloudCredentials credentials, String region);

    /** One VPC with everything inside it, as {@link #describeVpcs} reports it; empty when the credentials do not see it. */
    default Optional<Vpc> describeVpc(CloudCredentials credentials, String region, String vpcId) {
        return describeVpc(credentials, region, vpcId, VpcPart.all());
    }

    /**
     * One VPC with only the {@code parts} a caller needs: the lists of the other parts are empty, which
     * saves a call to the cloud for each part left out.
     */
    Optional<Vpc> describeVpc(CloudCredentials credentials, String region, String vpcId, Set<VpcPart> parts);

    // ---- peering connections ----

    /**
     * Requests a peering connection from {@code vpcId} (the caller's, in {@code region}) to
     * {@code peerVpcId} of account {@code peerOwnerId} in {@code peerRegion}, tagged with
     * {@code requestTag} ({@value #REQUEST_TAG}). Idempotent: a live connection already carrying the
     * tag is returned instead of a new one. As in AWS, a live connection between the two VPCs made
     * by anyone else is returned too; its tags tell the caller it is not its own.
     */
    PeeringConnection createPeeringConnection(CloudCredentials requester, String region, String vpcId,
                                              String peerVpcId, String peerOwnerId, String peerRegion, String requestTag);

    /** The connection as the caller sees it; empty when it does not exist (any more) for the caller. */
    Optional<PeeringConnection> describePeeringConnection(CloudCredentials credentials, String region, String pcxId);

    /** Accepts a pending connection as the owner of the accepter VPC, in the accepter's region. */
    PeeringConnection acceptPeeringConnection(CloudCredentials accepter, String accepterRegion, String pcxId);

    /** Rejects a pending connection as the owner of the accepter VPC, in the accepter's region. */
    void rejectPeeringConnection(CloudCredentials accepter, String accepterRegion, String pcxId);

    /** Deletes a connection (the requester while pending, either owner while active); one already gone is success. */
    void deletePeeringConnection(CloudCredentials credentials, String region, String pcxId);

    // ---- routes and security-group rules ----

    /**
     * Routes {@code destinationCidr} to the peering connection. Idempotent: an identical route is
     * success; a route for the destination to anything else fails with {@code RouteAlreadyExists}
     * naming that target.
     */
    void createRoute(CloudCredentials credentials, String region, String routeTableId, String destinationCidr,
                     String pcxId);

    /** Removes the route for {@code destinationCidr}; a route (or table) already gone is success. */
    void deleteRoute(CloudCredentials credentials, String region, String routeTableId, String destinationCidr);

    /** Adds an inbound rule; a rule that already allows exactly this traffic is success and is returned as it is. */
    AuthorizedRule authorizeSecurityGroupIngress(CloudCredentials credentials, String region, String groupId,
                                                 IngressRule rule);

    /** Removes an inbound rule; a rule (or group) already gone is success. */
    void revokeSecurityGroupIngress(CloudCredentials credentials, String region, String groupId, IngressRule rule);

    // ---- reachability ----

    /**
     * Analyses whether one flow gets through (routes, peering, network ACLs, security groups, and
     * back). Acts in the source's account and region; the analysis leaves nothing behind.
     */
    Reachability analyzeReachability(CloudCredentials credentials, String region, ReachabilityQuery query);
}
