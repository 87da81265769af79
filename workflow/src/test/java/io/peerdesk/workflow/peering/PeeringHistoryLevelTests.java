package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The history level {@code peering}: the steps the timeline shows and the parties' tenants, nothing else. */
class PeeringHistoryLevelTests extends ProcessTest {

    @Test
    void engineRunsWithThePeeringLevelUnderAuditsId() {
        HistoryLevel level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();

        assertThat(level.getName()).isEqualTo(PeeringHistoryLevel.NAME);
        assertThat(level.getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_AUDIT.getId());
        assertThat(management.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_AUDIT.getId());
    }

    @Test
    void activeRequestKeepsItsStepsAndPartiesButNoGatewaysFramesOrWorkingVariables() {
        PeeringRequestId id = newId();
        ProcessInstance process = active(id);

        List<HistoricActivityInstance> steps = steps(process);
        assertThat(steps).extracting(HistoricActivityInstance::getActivityId).containsExactly("StartEvent_Submitted",
                TASK_REQUEST_CONNECTION, TASK_APPROVE_REQUEST, TASK_REVALIDATE, "Task_CheckSecurityReview",
                TASK_PROVISION, TASK_VERIFY, TASK_ACTIVATE, END_ACTIVE);
        assertThat(steps).allSatisfy(step -> assertThat(step.getEndTime()).as(step.getActivityId() + " ended").isNotNull());
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).list())
                .extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
                .containsExactlyInAnyOrder(tuple(REQUESTER_TENANT, requester.toString()),
                        tuple(ACCEPTER_TENANT, accepter.toString()));
        assertThat(workflow.timeline(alice, id).steps()).extracting(Timeline.Step::activityId)
                .containsExactlyElementsOf(steps.stream().map(HistoricActivityInstance::getActivityId).toList());
    }

    @Test
    void decisionCutShortByTheDeadlineEndsEveryRecordedStep() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);
        engineTime(expiresAt.plus(Duration.ofSeconds(1)));
        runJob(process, TIMER_REQUEST_EXPIRED);
        runJob(process, TASK_EXPIRE);

        List<HistoricActivityInstance> steps = steps(process);
        assertThat(steps).extracting(HistoricActivityInstance::getActivityId).containsExactly("StartEvent_Submitted",
                TASK_REQUEST_CONNECTION, TASK_APPROVE_REQUEST, TIMER_REQUEST_EXPIRED, TASK_EXPIRE, END_EXPIRED);
        assertThat(steps).allSatisfy(step -> assertThat(step.getEndTime()).as(step.getActivityId() + " ended").isNotNull());
        assertThat(steps).filteredOn(step -> step.getActivityId().equals(TASK_APPROVE_REQUEST))
                .singleElement().extracting(HistoricActivityInstance::isCanceled).isEqualTo(true);
    }

    private List<HistoricActivityInstance> steps(ProcessInstance process) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    }
}
