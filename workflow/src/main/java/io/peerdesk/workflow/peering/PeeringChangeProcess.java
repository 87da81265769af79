package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.ChangeId;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The {@code peering-change} process (bpmn/peering-change.bpmn): a change of routes or ports on an
 * active peering, approved by the other side (and reviewed by its security reviewers when needed),
 * applied and verified, or reverted.
 */
final class PeeringChangeProcess {

    static final String KEY = "peering-change";

    static final String TASK_APPROVE_CHANGE = "Task_ApproveChange";
    static final String TIMER_CHANGE_EXPIRED = "Timer_ChangeExpired";
    static final String TASK_REVIEW_CHANGE = "Task_ReviewChange";
    static final String TIMER_CHANGE_REVIEW_EXPIRED = "Timer_ChangeReviewExpired";
    static final String TASK_APPLY_CHANGE = "Task_ApplyChange";
    static final String TASK_VERIFY_CHANGE = "Task_VerifyChange";
    static final String TASK_REJECT_CHANGE = "Task_RejectChange";
    static final String TASK_EXPIRE_CHANGE = "Task_ExpireChange";
    static final String TASK_REVERT_CHANGE = "Task_RevertChange";
    static final String END_CHANGE_APPLIED = "EndEvent_ChangeApplied";
    static final String END_CHANGE_REJECTED = "EndEvent_ChangeRejected";
    static final String END_CHANGE_EXPIRED = "EndEvent_ChangeExpired";
    static final String END_CHANGE_FAILED = "EndEvent_ChangeFailed";

    static final String CHANGE_ID = "changeId";
    static final String PROPOSER_TENANT = "proposerTenant";
    /** The other side of the peering, whose approvers decide. */
    static final String APPROVER_TENANT = "approverTenant";
    /** The decision's deadline (ISO-8601). */
    static final String CHANGE_DUE_AT = "changeDueAt";
    static final String APPROVED = PeeringRequestProcess.APPROVED;
    /** Whether the approving side's security review follows its approval. */
    static final String CHANGE_REVIEW_NEEDED = "changeReviewNeeded";
    /** The reason the revert task records, an input parameter of each revert task. */
    static final String REASON = "reason";

    static final String CHANGE_FAILED = "CHANGE_FAILED";
    static final String VERIFICATION_FAILED = PeeringRequestProcess.VERIFICATION_FAILED;

    private PeeringChangeProcess() {
    }

    static ChangeId changeId(VariableScope scope) {
        return ChangeId.parse((String) scope.getVariable(CHANGE_ID));
    }
}
