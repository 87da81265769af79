package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.CloudException;
import io.peerdesk.sim.cloud.Resource;
import io.peerdesk.sim.cloud.Tags;
import io.peerdesk.sim.net.IpAddress;
import io.peerdesk.sim.net.PortRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Network insights paths and analyses, kept durably in {@link Cloud#extensions()} under their ids
 * and visible only to the owning account in its Region. Like the cloud's own operations, each one
 * checks everything before it changes anything, and takes its ids from the cloud's seeded
 * generator, so a replayed journal rebuilds the same objects.
 */
public final class NetworkInsights {

    /**
     * The fields of a CreateNetworkInsightsPath request.
     *
     * @param source          {@code subnet-…} or {@code vpc-…}, or its ARN
     * @param destination     optional {@code subnet-…} or {@code vpc-…}, or its ARN
     * @param sourcePortRange the reply's ports; null for the default ephemeral range
     */
    public record PathSpec(String source, String destination, String sourceIp, String destinationIp, String protocol,
                           Integer destinationPort, List<String> sourceSecurityGroupIds,
                           List<String> destinationSecurityGroupIds, PortRange sourcePortRange, String clientToken) {
    }


    private final Cloud cloud;
    private final ReachabilityAnalyzer analyzer = new ReachabilityAnalyzer();

    public NetworkInsights(Cloud cloud) {
        this.cloud = cloud;
    }

    public NetworkInsightsPath createPath(Caller caller, PathSpec spec, Map<String, String> tags, Instant now) {
        String source = resourceId(spec.source(), "Source", true);
        String destination = resourceId(spec.destination(), "Destination", false);
        String protocol = protocol(spec.protocol());
        IpAddress sourceIp = address(spec.sourceIp(), "SourceIp");
        IpAddress destinationIp = address(spec.destinationIp(), "DestinationIp");
        if (destinationIp == null) {
            throw CloudException.missingParameter("DestinationIp");
        }
        if (sourceIp == null && source.startsWith("vpc-")) {
            throw CloudException.missingParameter("SourceIp");
        }
        if (spec.destinationPort() == null) {
            throw CloudException.missingParameter("DestinationPort");
        }
        if (spec.destinationPort() < 0 || spec.destinationPort() > 65535) {
            throw CloudException.invalidParameterValue("Value (" + spec.destinationPort()
                    + ") for parameter DestinationPort is invalid. Ports must be between 0 and 65535.");
        }
        List<String> sourceGroups = groupIds(spec.sourceSecurityGroupIds());
        List<String> destinationGroups = groupIds(spec.destinationSecurityGroupIds());
        Tags.validate(tags);
        NetworkInsightsPath existing = byToken(paths(caller), spec.clientToken());
        if (existing != null) {
            return existing;
        }
        String id = cloud.newId("nip");
        NetworkInsightsPath path = new NetworkInsightsPath(id, caller.accountId(), caller.region(), cloud.newSequence(),
                now, source, arn(caller, spec.source(), source), destination,
                arn(caller, spec.destination(), destination), sourceIp,
                destinationIp, protocol, spec.destinationPort(), sourceGroups, destinationGroups,
                spec.sourcePortRange(), spec.clientToken());
        store(caller, path, tags, now);
        return path;
    }

    /** Runs the analysis now, synchronously, and keeps its result: the analysis is {@code succeeded} at once. */
    public NetworkInsightsAnalysis startAnalysis(Caller caller, String pathId, Map<String, String> tags,
                                                 String clientToken, Instant now) {
        NetworkInsightsPath path = requirePath(caller, pathId);
        Tags.validate(tags);
        NetworkInsightsAnalysis existing = byToken(analyses(caller), clientToken);
        if (existing != null) {
            return existing;
        }
        Analysis result = analyzer.analyze(cloud, path.query(), now, caller);
        String id = cloud.newId("nia");
        NetworkInsightsAnalysis analysis = new NetworkInsightsAnalysis(id, caller.accountId(), caller.region(),
                cloud.newSequence(), path.id(), now, result, clientToken);
        store(caller, analysis, tags, now);
        return analysis;
    }

    public List<NetworkInsightsPath> paths(Caller caller) {
        return visible(NetworkInsightsPath.class, caller);
    }

    public List<NetworkInsightsAnalysis> analyses(Caller caller) {
        return visible(NetworkInsightsAnalysis.class, caller);
    }

    public NetworkInsightsPath requirePath(Caller caller, String id) {
        if (id == null || id.isEmpty()) {
            throw CloudException.missingParameter("NetworkInsightsPathId");
        }
        if (cloud.extensions().get(id) instanceof NetworkInsightsPath p && p.visibleTo(caller)) {
            return p;
        }
        throw pathNotFound(id);
    }

    public NetworkInsightsAnalysis requireAnalysis(Caller caller, String id) {
        if (id == null || id.isEmpty()) {
            throw CloudException.missingParameter("NetworkInsightsAnalysisId");
        }
        if (cloud.extensions().get(id) instanceof NetworkInsightsAnalysis a && a.visibleTo(caller)) {
            return a;
        }
        throw analysisNotFound(id);
    }

    /** AWS refuses to delete a path while analyses of it remain. */
    public void deletePath(Caller caller, String id) {
        NetworkInsightsPath path = requirePath(caller, id);
        List<String> dependents = new ArrayList<>();
        for (NetworkInsightsAnalysis a : analyses(caller)) {
            if (a.networkInsightsPathId().equals(path.id())) {
                dependents.add(a.id());
            }
        }
        if (!dependents.isEmpty()) {
            throw new CloudException("AnalysisExistsForNetworkInsightsPath", "At least one analysis "
                    + dependents + " exists for path " + path.id()
                    + ". Delete all the analyses before deleting this network path.");
        }
        cloud.extensions().remove(path.id());
    }

    public void deleteAnalysis(Caller caller, String id) {
        cloud.extensions().remove(requireAnalysis(caller, id).id());
    }

    public static CloudException pathNotFound(String id) {
        return new CloudException("InvalidNetworkInsightsPathId.NotFound",
                "The networkInsightsPath ID '" + id + "' does not exist");
    }

    public static CloudException analysisNotFound(String id) {
        return new CloudException("InvalidNetworkInsightsAnalysisId.NotFound",
                "The networkInsightsAnalysis ID '" + id + "' does not exist");
    }

    // ---- helpers ----

    private void store(Caller caller, Resource resource, Map<String, String> tags, Instant now) {
        cloud.extensions().put(resource.id(), resource);
        if (!tags.isEmpty()) {
            cloud.tagging().create(caller, List.of(resource.id()), tags, now);
        }
    }

    private <T extends Resource> List<T> visible(Class<T> type, Caller caller) {
        List<T> out = new ArrayList<>();
        for (Object o : cloud.extensions().values()) {
            if (type.isInstance(o) && type.cast(o).visibleTo(caller)) {
                out.add(type.cast(o));
            }
        }
        return out;
    }

    private static <T extends Resource> T byToken(List<T> candidates, String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        for (T t : candidates) {
            String theirs = t instanceof NetworkInsightsPath p ? p.clientToken()
                    : ((NetworkInsightsAnalysis) t).clientToken();
            if (token.equals(theirs)) {
                return t;
            }
        }
        return null;
    }

    /** An id, or the id at the end of an ARN; only subnets and VPCs can be ends of a path here. */
    private static String resourceId(String value, String parameter, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw CloudException.missingParameter(parameter);
            }
            return null;
        }
        String id = value.startsWith("arn:") ? value.substring(value.lastIndexOf('/') + 1) : value;
        if (!id.startsWith("subnet-") && !id.startsWith("vpc-")) {
            throw CloudException.invalidParameterValue("Value (" + value + ") for parameter " + parameter
                    + " is invalid. The simulator models subnets and VPCs as path ends (no instances or ENIs): "
                    + "use a subnet-… or vpc-… id or ARN.");
        }
        return id;
    }

    /** The ARN of a path end: built for the caller's own resources, else the ARN as given (or none). */
    private String arn(Caller caller, String given, String id) {
        if (id == null) {
            return null;
        }
        Resource r = id.startsWith("subnet-") ? cloud.subnet(id) : cloud.vpc(id);
        if (r != null && r.visibleTo(caller)) {
            return "arn:aws:ec2:" + r.region() + ":" + r.ownerId() + ":" + (id.startsWith("subnet-") ? "subnet/" : "vpc/")
                    + id;
        }
        return given.startsWith("arn:") ? given : null;
    }

    private static String protocol(String value) {
        if (value == null || value.isEmpty()) {
            throw CloudException.missingParameter("Protocol");
        }
        String p = value.toLowerCase(Locale.ROOT);
        if (!p.equals("tcp") && !p.equals("udp")) {
            throw CloudException.invalidParameterValue("Value (" + value
                    + ") for parameter Protocol is invalid. Valid values: tcp, udp.");
        }
        return p;
    }

    private static IpAddress address(String value, String parameter) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            IpAddress ip = IpAddress.parse(value.trim());
            if (!ip.v6()) {
                return ip;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw CloudException.invalidParameterValue("Value (" + value + ") for parameter " + parameter
                + " is invalid. Expected an IPv4 address.");
    }

    private static List<String> groupIds(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        for (String id : ids) {
            if (id == null || !id.startsWith("sg-")) {
                throw new CloudException("InvalidGroupId.Malformed", "Invalid id: \"" + id + "\" (expecting \"sg-...\")");
            }
        }
        return ids;
    }

}
