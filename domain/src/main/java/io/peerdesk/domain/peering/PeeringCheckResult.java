package io.peerdesk.domain.peering;

import java.time.Instant;

/**
 * One line of what the portal checked on a peering: a validation (when filed, again at approval)
 * or the reachability analysis of one requested flow (before activation, after a change). Both
 * parties see the same lines. {@code detail}: a failed validation's message, the analysis'
 * explanation codes, or why a flow could not be analysed; null when there is nothing to add.
 */
public record PeeringCheckResult(Kind kind, Stage stage, Outcome outcome, String subject, String detail,
                                 Instant checkedAt) {

    public enum Kind {
        VALIDATION("Validation"), REACHABILITY("Reachability");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** When in the peering's life the check ran. */
    public enum Stage {
        FILING("when filed"), APPROVAL("at approval"), ACTIVATION("before activation"), CHANGE("after the last change");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Outcome {
        PASSED, FAILED, NOT_ANALYSED;

        public String label() {
            return this == NOT_ANALYSED ? "not analysed" : name().toLowerCase();
        }
    }
}
