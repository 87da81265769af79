package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The {@code peering-request} process (bpmn/peering-request.bpmn): from a filed request to an active
 * peering, or to one of the ends REJECTED, CANCELLED, EXPIRED, FAILED. Its key, the element ids code
 * refers to, its variables, message and error codes.
 */
final class PeeringRequestProcess {

    static final String KEY = "peering-request";

    static final String TASK_REQUEST_CONNECTION = "Task_RequestConnection";
    static final String SUBPROCESS_AWAIT_DECISION = "SubProcess_AwaitDecision";
    static final String TASK_APPROVE_REQUEST = "Task_ApproveRequest";
    static final String TASK_REVALIDATE = "Task_Revalidate";
    static final String TASK_SECURITY_REVIEW = "Task_SecurityReview";
    static final String TIMER_REMINDER = "Timer_Reminder";
    static final String TIMER_REQUEST_EXPIRED = "Timer_RequestExpired";
    static final String TASK_SEND_REMINDER = "Task_SendReminder";
    static final String END_REMINDED = "EndEvent_Reminded";
    static final String TASK_EXPIRE = "Task_Expire";
    static final String TASK_CANCEL = "Task_Cancel";
    static final String TASK_REJECT = "Task_Reject";
    static final String TASK_PROVISION = "Task_Provision";
    static final String TASK_VERIFY = "Task_Verify";
    static final String TASK_COMPENSATE = "Task_Compensate";
    static final String TASK_ACTIVATE = "Task_Activate";
    static final String END_ACTIVE = "EndEvent_Active";
    static final String END_REJECTED = "EndEvent_Rejected";
    static final String END_CANCELLED = "EndEvent_Cancelled";
    static final String END_EXPIRED = "EndEvent_Expired";
    static final String END_FAILED = "EndEvent_Failed";

    static final String REQUESTER_TENANT = "requesterTenant";
    /** Whose approvers and security reviewers decide: the candidate groups are built from it. */
    static final String ACCEPTER_TENANT = "accepterTenant";
    /** When the pending connection expires in the cloud (ISO-8601): the deadline of both decisions. */
    static final String CONNECTION_EXPIRES_AT = "connectionExpiresAt";
    /** When the approvers are reminded (ISO-8601): the expiry minus {@code portal.peering.reminder-before}. */
    static final String REMINDER_AT = "reminderAt";
    /** The latest decision: the approver's, then the security reviewer's. */
    static final String APPROVED = "approved";
    static final String SECURITY_REVIEW_NEEDED = "securityReviewNeeded";
    /** Why the request failed: the message of the error that led to the compensation. */
    static final String FAILURE_REASON = "failureReason";

    /** Correlated by the requester's cancellation while the request awaits a decision. */
    static final String MESSAGE_CANCEL_REQUEST = "CancelRequest";

    static final String REQUEST_FAILED = "REQUEST_FAILED";
    static final String NO_LONGER_VALID = "NO_LONGER_VALID";
    static final String PROVISIONING_FAILED = "PROVISIONING_FAILED";
    static final String VERIFICATION_FAILED = "VERIFICATION_FAILED";

    private PeeringRequestProcess() {
    }

    /**
     * The request a process of any of the three keys is about: its business key. (Processes started by
     * earlier builds also hold it in a variable {@code requestId}, which nothing reads any more.)
     */
    static PeeringRequestId requestId(DelegateExecution execution) {
        return PeeringRequestId.parse(execution.getProcessBusinessKey());
    }
}
