package io.peerdesk.domain.cloud;

import java.util.List;

/**
 * The portal's one way to the cloud. The domain asks for what it needs in its own terms; the
 * adapter ({@code io.peerdesk.domain.cloud.ec2}) speaks EC2 to whichever endpoint is configured:
 * the simulated cloud, LocalStack or AWS. Every method acts with the credentials it is given, in the
 * region it is given, and fails with a {@link CloudFailure} whose message a person can act on.
 */
public interface CloudNetwork {

    /**
     * The VPCs the credentials see in one region, each with its CIDR blocks, subnets, route tables
     * (routes and their states), security groups (rules) and network ACLs (entries).
     *
     * @throws CloudFailure when the endpoint cannot be reached or refuses the credentials or a call
     */
    List<Vpc> describeVpcs(CloudCredentials credentials, String region);
}
