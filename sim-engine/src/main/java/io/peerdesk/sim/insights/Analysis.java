package io.peerdesk.sim.insights;

import java.io.Serializable;
import java.util.List;

/**
 * The result of one reachability analysis, shaped like AWS's {@code NetworkInsightsAnalysis}:
 * whether traffic flows to the destination <em>and back</em>, the components it crossed each way,
 * and, when it does not, the explanations of what stopped it.
 *
 * @param status        {@code succeeded}, or {@code failed} when the path cannot be analysed at all
 *                      (source and destination in different Regions); {@code statusMessage} says why
 * @param forwardPathComponents the hops from source to destination, as far as the traffic got
 * @param returnPathComponents  the hops of the reply, as far as it got (empty if the forward path failed)
 */
public record Analysis(String status, String statusMessage, boolean networkPathFound,
                       List<PathComponent> forwardPathComponents, List<PathComponent> returnPathComponents,
                       List<Explanation> explanations) implements Serializable {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    /** The first explanation with this code, or null. */
    public Explanation explanation(ExplanationCode code) {
        for (Explanation e : explanations) {
            if (e.code() == code) {
                return e;
            }
        }
        return null;
    }

    public List<ExplanationCode> codes() {
        return explanations.stream().map(Explanation::code).toList();
    }
}
