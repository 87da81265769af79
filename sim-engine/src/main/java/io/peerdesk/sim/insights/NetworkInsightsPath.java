package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.Resource;
import io.peerdesk.sim.net.IpAddress;
import io.peerdesk.sim.net.PortRange;

import java.time.Instant;
import java.util.List;

/**
 * A stored path to analyse ({@code nip-…}), owned by one account in one Region. It keeps the ids as
 * given, so an analysis run later sees the cloud as it is then.
 */
public final class NetworkInsightsPath extends Resource {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = -9064110659704096188L;

    private final Instant createdDate;
    private final String source;
    private final String sourceArn;
    private final String destination;
    private final String destinationArn;
    private final IpAddress sourceIp;
    private final IpAddress destinationIp;
    private final String protocol;
    private final int destinationPort;
    private final List<String> sourceSecurityGroupIds;
    private final List<String> destinationSecurityGroupIds;
    private final PortRange sourcePortRange;
    private final String clientToken;

    NetworkInsightsPath(String id, String ownerId, String region, long sequence, Instant createdDate, String source,
                        String sourceArn, String destination, String destinationArn, IpAddress sourceIp,
                        IpAddress destinationIp, String protocol, int destinationPort,
                        List<String> sourceSecurityGroupIds, List<String> destinationSecurityGroupIds,
                        PortRange sourcePortRange, String clientToken) {
        super(id, ownerId, region, sequence);
        this.createdDate = createdDate;
        this.source = source;
        this.sourceArn = sourceArn;
        this.destination = destination;
        this.destinationArn = destinationArn;
        this.sourceIp = sourceIp;
        this.destinationIp = destinationIp;
        this.protocol = protocol;
        this.destinationPort = destinationPort;
        this.sourceSecurityGroupIds = List.copyOf(sourceSecurityGroupIds);
        this.destinationSecurityGroupIds = List.copyOf(destinationSecurityGroupIds);
        this.sourcePortRange = sourcePortRange;
        this.clientToken = clientToken;
    }

    public String arn() {
        return "arn:aws:ec2:" + region() + ":" + ownerId() + ":network-insights-path/" + id();
    }

    /** What the analyzer is asked each time this path is analysed. */
    public Query query() {
        return new Query(source, sourceIp, destination, destinationIp, protocol, destinationPort,
                sourceSecurityGroupIds, destinationSecurityGroupIds, sourcePortRange);
    }

    public Instant createdDate() {
        return createdDate;
    }

    public String source() {
        return source;
    }

    public String sourceArn() {
        return sourceArn;
    }

    public String destination() {
        return destination;
    }

    public String destinationArn() {
        return destinationArn;
    }

    public IpAddress sourceIp() {
        return sourceIp;
    }

    public IpAddress destinationIp() {
        return destinationIp;
    }

    public String protocol() {
        return protocol;
    }

    public int destinationPort() {
        return destinationPort;
    }

    public List<String> sourceSecurityGroupIds() {
        return sourceSecurityGroupIds;
    }

    public List<String> destinationSecurityGroupIds() {
        return destinationSecurityGroupIds;
    }

    /** The reply ports given with the path, or null when the default ephemeral range applies. */
    public PortRange sourcePortRange() {
        return sourcePortRange;
    }

    String clientToken() {
        return clientToken;
    }
}
