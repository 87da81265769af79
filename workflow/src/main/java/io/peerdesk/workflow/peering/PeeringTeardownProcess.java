package io.peerdesk.workflow.peering;

/** The {@code peering-teardown} process (bpmn/peering-teardown.bpmn): removes an active peering on both sides. */
final class PeeringTeardownProcess {

    static final String KEY = "peering-teardown";

    static final String TASK_TEAR_DOWN = "Task_TearDown";
    static final String END_DELETED = "EndEvent_Deleted";

    /** The peering's two tenants, who see the teardown on the request's timeline. */
    static final String REQUESTER_TENANT = PeeringRequestProcess.REQUESTER_TENANT;
    static final String ACCEPTER_TENANT = PeeringRequestProcess.ACCEPTER_TENANT;

    private PeeringTeardownProcess() {
    }
}
