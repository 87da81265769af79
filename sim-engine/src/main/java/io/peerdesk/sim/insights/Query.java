package io.peerdesk.sim.insights;

import io.peerdesk.sim.net.IpAddress;
import io.peerdesk.sim.net.PortRange;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to analyse: traffic of {@code protocol} from a source to {@code destinationIp:destinationPort},
 * and its reply back to the source's {@code sourcePortRange}.
 *
 * @param sourceId                    a {@code subnet-…}, or a {@code vpc-…} together with {@code sourceIp}
 * @param sourceIp                    inside the source; null means the subnet's first usable address
 *                                    (required with a VPC source: it picks the subnet)
 * @param destinationId               optional {@code subnet-…} or {@code vpc-…} that must hold {@code destinationIp}
 * @param protocol                    {@code tcp} or {@code udp}, the only two AWS's analyzer supports
 * @param sourceSecurityGroupIds      the source endpoint's groups; empty means its VPC's default group
 * @param destinationSecurityGroupIds the destination endpoint's groups; empty means its VPC's default group
 * @param sourcePortRange             the ports the reply returns to; null means {@link PortRange#EPHEMERAL}
 */
public record Query(String sourceId, IpAddress sourceIp, String destinationId, IpAddress destinationIp,
                    String protocol, int destinationPort, List<String> sourceSecurityGroupIds,
                    List<String> destinationSecurityGroupIds, PortRange sourcePortRange) implements Serializable {

    public Query {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(destinationIp, "destinationIp");
        Objects.requireNonNull(protocol, "protocol");
        protocol = protocol.toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalArgumentException("protocol must be tcp or udp, not " + protocol);
        }
        if (destinationPort < 0 || destinationPort > 65535) {
            throw new IllegalArgumentException("destination port must be 0-65535, not " + destinationPort);
        }
        sourceSecurityGroupIds = sourceSecurityGroupIds == null ? List.of() : List.copyOf(sourceSecurityGroupIds);
        destinationSecurityGroupIds = destinationSecurityGroupIds == null ? List.of()
                : List.copyOf(destinationSecurityGroupIds);
        sourcePortRange = sourcePortRange == null ? PortRange.EPHEMERAL : sourcePortRange;
    }

    /** From a subnet or VPC to an address, with every default. */
    public static Query of(String sourceId, String destinationIp, String protocol, int destinationPort) {
        return new Query(sourceId, null, null, IpAddress.parse(destinationIp), protocol, destinationPort, null, null,
                null);
    }

    public Query withSourceIp(String ip) {
        return new Query(sourceId, IpAddress.parse(ip), destinationId, destinationIp, protocol, destinationPort,
                sourceSecurityGroupIds, destinationSecurityGroupIds, sourcePortRange);
    }

    public Query withDestination(String resourceId) {
        return new Query(sourceId, sourceIp, resourceId, destinationIp, protocol, destinationPort,
                sourceSecurityGroupIds, destinationSecurityGroupIds, sourcePortRange);
    }

    public Query withSourceGroups(String... groupIds) {
        return new Query(sourceId, sourceIp, destinationId, destinationIp, protocol, destinationPort,
                List.of(groupIds), destinationSecurityGroupIds, sourcePortRange);
    }

    public Query withDestinationGroups(String... groupIds) {
        return new Query(sourceId, sourceIp, destinationId, destinationIp, protocol, destinationPort,
                sourceSecurityGroupIds, List.of(groupIds), sourcePortRange);
    }

    public Query withSourcePorts(PortRange ports) {
        return new Query(sourceId, sourceIp, destinationId, destinationIp, protocol, destinationPort,
                sourceSecurityGroupIds, destinationSecurityGroupIds, ports);
    }
}
