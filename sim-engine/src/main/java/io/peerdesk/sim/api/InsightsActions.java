package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.CloudException;
import io.peerdesk.sim.insights.NetworkInsights;
import io.peerdesk.sim.insights.NetworkInsightsAnalysis;
import io.peerdesk.sim.insights.NetworkInsightsPath;
import io.peerdesk.sim.net.PortRange;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reachability Analyzer: CreateNetworkInsightsPath, StartNetworkInsightsAnalysis,
 * DescribeNetworkInsightsPaths, DescribeNetworkInsightsAnalyses, DeleteNetworkInsightsPath and
 * DeleteNetworkInsightsAnalysis, with AWS's element names (checked against the AWS SDK for Java v2
 * model: {@code forwardPathComponentSet}, {@code explanationSet}, {@code securityGroupSet}, …).
 *
 * <p>Differences from AWS, because the simulator has subnets and VPCs but no instances or ENIs:
 * <ul>
 *   <li>{@code Source} is a {@code subnet-…} or a {@code vpc-…} (id or ARN); with a VPC,
 *       {@code SourceIp} is required and picks the subnet. Without {@code SourceIp} a subnet source
 *       uses its first usable address. {@code Destination} (optional) is a subnet or VPC that must
 *       hold {@code DestinationIp}, which is required, as is {@code DestinationPort} (or a single-port
 *       {@code FilterAtSource.DestinationPortRange}).</li>
 *   <li>Extension: the endpoints' security groups are given with {@code SourceSecurityGroupId.N} and
 *       {@code DestinationSecurityGroupId.N}; without them each end has its VPC's default group, as
 *       an ENI launched without groups would.</li>
 *   <li>{@code FilterAtSource.SourcePortRange.FromPort/ToPort} sets the ports the reply must reach
 *       (default 1024-65535) for the network ACL check of the return path.
 *       {@code FilterAtSource.SourceAddress}, the other filter fields, {@code FilterAtDestination},
 *       {@code AdditionalAccount.N} and {@code FilterInArn.N}/{@code FilterOutArn.N} are ignored.</li>
 *   <li>StartNetworkInsightsAnalysis runs the analysis synchronously: the reply already carries the
 *       result with status {@code succeeded} (or {@code failed} with a {@code statusMessage} when
 *       source and destination are in different Regions).</li>
 *   <li>The source must belong to the caller; the destination may be in another account of the
 *       same Region (the peer side of a peering).</li>
 * </ul>
 */
final class InsightsActions {

    private static final ResourceQuery<NetworkInsightsPath> PATHS = new ResourceQuery<NetworkInsightsPath>(
            NetworkInsightsPath::id, NetworkInsightsPath::sequence, p -> p.tags().asMap())
            .filter("source", NetworkInsightsPath::source)
            .filter("destination", NetworkInsightsPath::destination)
            .filter("protocol", NetworkInsightsPath::protocol);

    private static final ResourceQuery<NetworkInsightsAnalysis> ANALYSES = new ResourceQuery<NetworkInsightsAnalysis>(
            NetworkInsightsAnalysis::id, NetworkInsightsAnalysis::sequence, a -> a.tags().asMap())
            .filter("path-found", a -> a.result().networkPathFound())
            .filter("status", a -> a.result().status());

    private InsightsActions() {
    }

    static List<Action> all() {
        return List.of(
                new Action("CreateNetworkInsightsPath", true, InsightsActions::createPath),
                new Action("StartNetworkInsightsAnalysis", true, InsightsActions::startAnalysis),
                new Action("DescribeNetworkInsightsPaths", false, InsightsActions::describePaths),
                new Action("DescribeNetworkInsightsAnalyses", false, InsightsActions::describeAnalyses),
                new Action("DeleteNetworkInsightsPath", true, (r, out) -> {
                    String id = r.params().required("NetworkInsightsPathId");
                    insights(r).deletePath(r.caller(), id);
                    out.element("networkInsightsPathId", id);
                }),
                new Action("DeleteNetworkInsightsAnalysis", true, (r, out) -> {
                    String id = r.params().required("NetworkInsightsAnalysisId");
                    insights(r).deleteAnalysis(r.caller(), id);
                    out.element("networkInsightsAnalysisId", id);
                }));
    }

    private static NetworkInsights insights(Request r) {
        return new NetworkInsights(r.cloud());
    }

    private static void createPath(Request r, XmlWriter out) {
        Params p = r.params();
        Integer port = p.integer("DestinationPort");
        if (port == null) {
            PortRange filter = portRange(p, "FilterAtSource.DestinationPortRange");
            port = filter != null && filter.from() == filter.to() ? filter.from() : null;
        }
        var spec = new NetworkInsights.PathSpec(p.string("Source"), p.string("Destination"), p.string("SourceIp"),
                p.string("DestinationIp"), p.string("Protocol"), port, p.list("SourceSecurityGroupId"),
                p.list("DestinationSecurityGroupId"), portRange(p, "FilterAtSource.SourcePortRange"),
                p.string("ClientToken"));
        NetworkInsightsPath path = insights(r).createPath(r.caller(), spec,
                p.tagSpecifications("network-insights-path"), r.now());
        out.open("networkInsightsPath");
        AnalysisXml.path(out, path);
        out.close("networkInsightsPath");
    }

    private static void startAnalysis(Request r, XmlWriter out) {
        NetworkInsightsAnalysis analysis = insights(r).startAnalysis(r.caller(),
                r.params().required("NetworkInsightsPathId"), r.params().tagSpecifications("network-insights-analysis"),
                r.params().string("ClientToken"), r.now());
        out.open("networkInsightsAnalysis");
        AnalysisXml.analysis(out, analysis);
        out.close("networkInsightsAnalysis");
    }

    private static void describePaths(Request r, XmlWriter out) {
        var page = PATHS.run(insights(r).paths(r.caller()), r.params().list("NetworkInsightsPathId"), r.params(),
                NetworkInsights::pathNotFound);
        Render.items(out, "networkInsightsPathSet", page.items(), AnalysisXml::path);
        Render.nextToken(out, page.nextToken());
    }

    private static void describeAnalyses(Request r, XmlWriter out) {
        Params p = r.params();
        String pathId = p.string("NetworkInsightsPathId");
        Instant from = timestamp(p, "AnalysisStartTime");
        Instant to = timestamp(p, "AnalysisEndTime");
        List<NetworkInsightsAnalysis> candidates = new ArrayList<>();
        for (NetworkInsightsAnalysis a : insights(r).analyses(r.caller())) {
            if ((pathId == null || pathId.equals(a.networkInsightsPathId()))
                    && (from == null || !a.startDate().isBefore(from))
                    && (to == null || !a.startDate().isAfter(to))) {
                candidates.add(a);
            }
        }
        var page = ANALYSES.run(candidates, p.list("NetworkInsightsAnalysisId"), p,
                NetworkInsights::analysisNotFound);
        Render.items(out, "networkInsightsAnalysisSet", page.items(), AnalysisXml::analysis);
        Render.nextToken(out, page.nextToken());
    }

    /** {@code Name.FromPort}/{@code Name.ToPort}, or null when neither is given. */
    private static PortRange portRange(Params p, String name) {
        Integer from = p.integer(name + ".FromPort");
        Integer to = p.integer(name + ".ToPort");
        if (from == null && to == null) {
            return null;
        }
        int f = from == null ? to : from;
        int t = to == null ? from : to;
        if (f < 0 || t > 65535 || f > t) {
            throw CloudException.invalidParameterValue("Invalid port range " + f + "-" + t + " for " + name
                    + ": ports must be 0 to 65535, FromPort not greater than ToPort.");
        }
        return new PortRange(f, t);
    }

    private static Instant timestamp(Params p, String name) {
        String value = p.string(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw CloudException.invalidParameterValue("Value (" + value + ") for parameter " + name
                    + " is invalid. Expected an ISO 8601 timestamp.");
        }
    }
}
