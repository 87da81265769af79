package io.peerdesk.domain.cloud;

import java.util.List;

/**
 * What reachability analysis found for one flow: whether a path exists, the analysis status
 * ({@code succeeded}, or {@code failed} with a message when the flow cannot be analysed, e.g.
 * across Regions) and the explanation codes of whatever stops the traffic
 * ({@code NO_ROUTE_TO_DESTINATION}, {@code ENI_SG_RULES_MISMATCH}, …).
 */
public record Reachability(boolean reachable, String status, String statusMessage, List<String> explanationCodes) {

    public Reachability {
        explanationCodes = List.copyOf(explanationCodes);
    }
}
