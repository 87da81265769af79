package io.peerdesk.workflow.peering;

import java.time.Instant;
import java.util.List;

/** What happened to a request and its peering, oldest first: the request, then its changes and its teardown. */
public record Timeline(List<Step> steps) {

    public Timeline {
        steps = List.copyOf(steps);
    }

    /** The steps in progress: a task waiting for a person, or a step queued or retrying. */
    public List<Step> current() {
        return steps.stream().filter(Step::current).toList();
    }

    /** Which process of the peering's life a step belongs to. */
    public enum Stage { REQUEST, CHANGE, TEARDOWN }

    public enum Kind { START, DECISION, STEP, EVENT, END }

    /**
     * One step.
     *
     * @param name      the step's name in the model, e.g. "Approve the request"
     * @param startedAt null while a step waits for its turn (queued, or retrying after a failure)
     * @param endedAt   null while in progress
     * @param by        who decided, for a decision
     * @param cancelled ended without completing: interrupted by a deadline, a cancellation or an error
     * @param note      for a queued, retrying or waiting step: what went wrong last, and what happens next
     */
    public record Step(Stage stage, String activityId, String name, Kind kind, Instant startedAt,
                       Instant endedAt, String by, boolean cancelled, String note) {

        public boolean current() {
            return endedAt == null;
        }

        /** A step that could not reach the cloud and tries again later; its note says since when and why. */
        public boolean waitingForCloud() {
            return current() && note != null && note.startsWith(WaitingForCloud.PREFIX);
        }
    }
}
