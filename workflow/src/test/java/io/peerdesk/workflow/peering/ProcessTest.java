package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringLifecycle.ValidationResult;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.domain.support.TestClock;
import io.peerdesk.workflowtest.WorkflowTestApplication;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.when;

/**
 * The processes on an in-memory engine with the domain mocked. The job executor is off: a test runs
 * each job itself, as the executor would, and moves the engine's clock for timers. Every test files
 * its own requests between tenants of its own, so tests share the engine without seeing each other.
 */
@SpringBootTest(classes = WorkflowTestApplication.class)
abstract class ProcessTest {

    /** The cloud's 7-day expiry of a pending connection, from the engine's "now". */
    static final long EXPIRY_DAYS = 7;

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    PeeringLifecycle lifecycle;
    @Autowired
    PeeringWorkflow workflow;
    @Autowired
    TestClock clock;

    final TenantId requester = new TenantId(UUID.randomUUID());
    final TenantId accepter = new TenantId(UUID.randomUUID());
    final Actor alice = actor(requester, "alice", Role.REQUESTER);
    final Actor arthur = actor(accepter, "arthur", Role.APPROVER);
    final Actor asha = actor(accepter, "asha", Role.SECURITY_REVIEWER);
    Instant expiresAt;

    @BeforeEach
    void engineAndDomainDefaults() {
        init(engine);
        reset(lifecycle);
        expiresAt = Instant.now().plus(EXPIRY_DAYS, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        when(lifecycle.requestConnection(any())).thenReturn(expiresAt);
        when(lifecycle.validate(any())).thenReturn(new ValidationResult(List.of()));
        when(lifecycle.verify(any())).thenReturn(List.of());
    }

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    static Actor actor(TenantId tenant, String name, Role... roles) {
        return new Actor(tenant, name, Set.of(roles), "127.0.0.1");
    }

    /** Files a request and runs its first step: it then waits for the accepter's approval. */
    ProcessInstance fileRequest(PeeringRequestId id) {
        workflow.start(id, requester, accepter);
        ProcessInstance process = process(PeeringRequestProcess.KEY, id);
        runJob(process, PeeringRequestProcess.TASK_REQUEST_CONNECTION);
        return process;
    }

    /** Filed, approved and revalidated: waiting in front of Task_Provision. */
    ProcessInstance approved(PeeringRequestId id) {
        ProcessInstance process = fileRequest(id);
        decide(arthur, process, PeeringRequestProcess.TASK_APPROVE_REQUEST, true);
        runJob(process, PeeringRequestProcess.TASK_REVALIDATE);
        BpmnAwareTests.assertThat(process).isWaitingAt(PeeringRequestProcess.TASK_PROVISION);
        return process;
    }

    /** Filed, approved, provisioned and verified: the request's process has ended with the peering active. */
    ProcessInstance active(PeeringRequestId id) {
        ProcessInstance process = approved(id);
        runJob(process, PeeringRequestProcess.TASK_PROVISION);
        return process;
    }

    static PeeringRequestId newId() {
        return new PeeringRequestId(UUID.randomUUID());
    }

    ProcessInstance process(String key, PeeringRequestId id) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(id.toString()).singleResult();
    }

    /** Runs the job waiting in front of (or, for a timer, at) the activity, as the job executor would. */
    void runJob(ProcessInstance process, String activityId) {
        management.executeJob(job(process, activityId).getId());
    }

    /** Runs the job and returns what it failed with; the engine has counted the failure against its retries. */
    Throwable failJob(ProcessInstance process, String activityId) {
        Throwable failure = catchThrowable(() -> runJob(process, activityId));
        assertThat(failure).as("job at " + activityId + " failed").isNotNull();
        return failure;
    }

    Job job(ProcessInstance process, String activityId) {
        Job job = management.createJobQuery().processInstanceId(process.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        return job;
    }

    Task task(ProcessInstance process, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        return task;
    }

    void decide(Actor actor, ProcessInstance process, String taskKey, boolean approved) {
        workflow.decide(actor, task(process, taskKey).getId(), new Decision(approved, approved ? "fine" : "no"));
    }

    /** Moves the engine's clock (timers' due dates are compared with it). */
    static void engineTime(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
