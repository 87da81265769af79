package io.peerdesk.domain.cloud.ec2;

import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.cloud.Reachability;
import io.peerdesk.domain.cloud.ReachabilityQuery;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AnalysisStatus;
import software.amazon.awssdk.services.ec2.model.Explanation;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reachability Analyzer over EC2: CreateNetworkInsightsPath, StartNetworkInsightsAnalysis, then
 * DescribeNetworkInsightsAnalyses until it has finished; the path and analysis are deleted after.
 * The destination's security groups travel as {@code DestinationSecurityGroupId.N}, the simulated
 * cloud's extension for path ends that are subnets rather than network interfaces.
 */
final class Ec2Reachability {

    private static final int POLLS = 30;
    private static final long POLL_MILLIS = 200;
    private static final Set<String> GONE = Set.of("InvalidNetworkInsightsPathId.NotFound",
            "InvalidNetworkInsightsAnalysisId.NotFound");

    private final Ec2Client ec2;
    private final Ec2Calls calls;

    Ec2Reachability(Ec2Client ec2, Ec2Calls calls) {
        this.ec2 = ec2;
        this.calls = calls;
    }

    Reachability analyze(ReachabilityQuery q) {
        String pathId = calls.call("CreateNetworkInsightsPath", () -> ec2.createNetworkInsightsPath(r -> r
                .source(q.source()).sourceIp(q.sourceIp()).destination(q.destination()).destinationIp(q.destinationIp())
                .protocol(q.protocol()).destinationPort(q.port())
                .overrideConfiguration(o -> {
                    for (int i = 0; i < q.destinationGroupIds().size(); i++) {
                        o.putRawQueryParameter("DestinationSecurityGroupId." + (i + 1), q.destinationGroupIds().get(i));
                    }
                })).networkInsightsPath().networkInsightsPathId());
        String analysisId = null;
        try {
            NetworkInsightsAnalysis analysis = calls.call("StartNetworkInsightsAnalysis", () -> ec2
                    .startNetworkInsightsAnalysis(r -> r.networkInsightsPathId(pathId)).networkInsightsAnalysis());
            analysisId = analysis.networkInsightsAnalysisId();
            return result(finished(analysis));
        } finally {
            cleanUp(pathId, analysisId);
        }
    }

    private NetworkInsightsAnalysis finished(NetworkInsightsAnalysis started) {
        NetworkInsightsAnalysis analysis = started;
        for (int poll = 0; analysis.status() == AnalysisStatus.RUNNING; poll++) {
            if (poll == POLLS) {
                throw new CloudFailure(CloudFailure.TIMEOUT, "The reachability analysis " + started.networkInsightsAnalysisId()
                        + " did not finish in time.", true);
            }
            pause();
            String id = started.networkInsightsAnalysisId();
            analysis = calls.call("DescribeNetworkInsightsAnalyses", () -> ec2.describeNetworkInsightsAnalyses(
                    r -> r.networkInsightsAnalysisIds(id)).networkInsightsAnalyses()).stream().findFirst().orElse(analysis);
        }
        return analysis;
    }

    private static Reachability result(NetworkInsightsAnalysis a) {
        List<String> codes = a.explanations().stream().map(Explanation::explanationCode).filter(Objects::nonNull)
                .distinct().toList();
        return new Reachability(Boolean.TRUE.equals(a.networkPathFound()), a.statusAsString(), a.statusMessage(), codes);
    }

    /** Best effort: an analysis left behind costs nothing and says nothing wrong. */
    private void cleanUp(String pathId, String analysisId) {
        try {
            if (analysisId != null) {
                calls.callUnlessGone("DeleteNetworkInsightsAnalysis", GONE,
                        () -> ec2.deleteNetworkInsightsAnalysis(r -> r.networkInsightsAnalysisId(analysisId)));
            }
            calls.callUnlessGone("DeleteNetworkInsightsPath", GONE,
                    () -> ec2.deleteNetworkInsightsPath(r -> r.networkInsightsPathId(pathId)));
        } catch (CloudFailure e) {
            // the verdict stands; the leftovers are harmless
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudFailure(CloudFailure.TIMEOUT, "Interrupted while waiting for a reachability analysis.", true);
        }
    }
}
