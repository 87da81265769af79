package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.Resource;

import java.time.Instant;

/** A stored analysis of a path ({@code nia-…}): run once, when started, and kept with its result. */
public final class NetworkInsightsAnalysis extends Resource {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = 772854299915728392L;

    private final String networkInsightsPathId;
    private final Instant startDate;
    private final Analysis result;
    private final String clientToken;

    NetworkInsightsAnalysis(String id, String ownerId, String region, long sequence, String networkInsightsPathId,
                            Instant startDate, Analysis result, String clientToken) {
        super(id, ownerId, region, sequence);
        this.networkInsightsPathId = networkInsightsPathId;
        this.startDate = startDate;
        this.result = result;
        this.clientToken = clientToken;
    }

    public String arn() {
        return "arn:aws:ec2:" + region() + ":" + ownerId() + ":network-insights-analysis/" + id();
    }

    public String networkInsightsPathId() {
        return networkInsightsPathId;
    }

    public Instant startDate() {
        return startDate;
    }

    public Analysis result() {
        return result;
    }

    String clientToken() {
        return clientToken;
    }
}
