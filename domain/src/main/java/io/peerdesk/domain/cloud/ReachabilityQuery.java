package io.peerdesk.domain.cloud;

import java.util.List;
import java.util.Objects;

/**
 * One flow to analyse: from {@code source} (a {@code subnet-…}, or a {@code vpc-…} with a
 * {@code sourceIp}) to {@code destinationIp}, optionally inside {@code destination} (a subnet or
 * VPC, possibly in a peered account), over {@code tcp} or {@code udp} to {@code port}.
 * {@code destinationGroupIds} are the security groups the destination is taken to have; empty
 * means the destination VPC's default group.
 */
public record ReachabilityQuery(String source, String sourceIp, String destination, String destinationIp,
                                String protocol, int port, List<String> destinationGroupIds) {

    public ReachabilityQuery {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destinationIp, "destinationIp");
        Objects.requireNonNull(protocol, "protocol");
        destinationGroupIds = List.copyOf(destinationGroupIds);
    }
}
