package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;

import java.time.Instant;

/**
 * Decides, from configuration alone, whether traffic flows from a source to a destination
 * <em>and its reply flows back</em>, and says why not in AWS Reachability Analyzer's vocabulary
 * ({@link ExplanationCode}). It models subnets, route tables (longest prefix match, blackhole
 * routes, local routes), VPC peering (active only, never transitive, never edge-to-edge), security
 * groups (stateful, unioned, group references across active same-Region peerings) and network ACLs
 * (stateless, numbered, first match wins, the reply checked over the whole source port range).
 *
 * <p>A query reads only what lies on its path, through the cloud's per-VPC indexes: its cost does
 * not grow with the number of VPCs, routes or rules elsewhere. It changes nothing and is safe to run
 * concurrently with other readers.
 *
 * <p>Choices where AWS's analyzer needs resources the simulator lacks: the source is a subnet (or a
 * VPC and an address in it) rather than an ENI; endpoints without explicit groups get their VPC's
 * default security group, as an ENI does; a route to an internet gateway leads to the internet,
 * which is not a destination here ({@link ExplanationCode#NO_PATH}); an address in a VPC but in no
 * subnet has no endpoint ({@link ExplanationCode#NO_SOURCE_OR_DESTINATION}); a path that leaves the
 * Region is not analysed (status {@code failed}, as AWS requires source and destination in one Region).
 */
public final class ReachabilityAnalyzer {

    /** Analyses the query against the whole cloud, as an administrator would see it. */
    public Analysis analyze(Cloud cloud, Query query, Instant now) {
        return analyze(cloud, query, now, null);
    }

    /**
     * Analyses the query on behalf of {@code caller}: the source must be the caller's own (account
     * and Region), otherwise it is reported as {@code NO_SOURCE_OR_DESTINATION}. The destination may
     * belong to another account (a peer), as long as it is in the same Region.
     */
    public Analysis analyze(Cloud cloud, Query query, Instant now, Caller caller) {
        return new Trace(cloud, query, now, caller).run();
    }
}
