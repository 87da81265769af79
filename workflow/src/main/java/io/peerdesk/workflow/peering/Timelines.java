package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.workflow.peering.Timeline.Kind;
import io.peerdesk.workflow.peering.Timeline.Stage;
import io.peerdesk.workflow.peering.Timeline.Step;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A request's history from the engine: every task and event of its processes, without gateways,
 * the decision sub-process's frame, inner start and end, and the end of the reminder's side path;
 * plus the steps queued behind an asynchronous continuation, with their last failure or, for a step
 * that waits for the cloud, since when and why.
 */
@Component
class Timelines {

    private static final Map<String, Stage> STAGES = Map.of(
            PeeringRequestProcess.KEY, Stage.REQUEST,
            PeeringChangeProcess.KEY, Stage.CHANGE,
            PeeringTeardownProcess.KEY, Stage.TEARDOWN);

    private final RequestParties parties;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final ManagementService management;

    Timelines(RequestParties parties, HistoryService history, RuntimeService runtime, ManagementService management) {
        this.parties = parties;
        this.history = history;
        this.runtime = runtime;
        this.management = management;
    }

    Timeline of(Actor actor, PeeringRequestId id) {
        List<Step> steps = new ArrayList<>();
        for (HistoricProcessInstance process : parties.processesSeenBy(actor, id)) {
            Stage stage = STAGES.get(process.getProcessDefinitionKey());
            if (stage == null) {
                continue;
            }
            history.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                    .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
                    .list().stream()
                    .filter(activity -> shown(activity, process))
                    .map(activity -> step(stage, activity))
                    .forEach(steps::add);
            if (process.getEndTime() == null) {
                queued(stage, runtime.getActivityInstance(process.getId()), steps);
            }
        }
        return new Timeline(steps);
    }

    private static boolean shown(HistoricActivityInstance activity, HistoricProcessInstance process) {
        String type = activity.getActivityType();
        if (type.endsWith("Gateway") || type.equals("subProcess")) {
            return false;
        }
        boolean topLevel = process.getId().equals(activity.getParentActivityInstanceId());
        if (type.endsWith("EndEvent")) {
            return topLevel && !activity.getActivityId().equals(PeeringRequestProcess.END_REMINDED);
        }
        return topLevel || !type.equals("startEvent");
    }

    private static Step step(Stage stage, HistoricActivityInstance activity) {
        return new Step(stage, activity.getActivityId(), activity.getActivityName(), kind(activity.getActivityType()),
                instant(activity.getStartTime()), instant(activity.getEndTime()), activity.getAssignee(),
                activity.isCanceled(), null);
    }

    private static Kind kind(String type) {
        if (type.equals("startEvent")) {
            return Kind.START;
        }
        if (type.endsWith("EndEvent")) {
            return Kind.END;
        }
        if (type.equals("userTask")) {
            return Kind.DECISION;
        }
        return type.endsWith("Task") ? Kind.STEP : Kind.EVENT;
    }

    private void queued(Stage stage, ActivityInstance instance, List<Step> steps) {
        if (instance == null) {
            return;
        }
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            Job job = management.createJobQuery().messages().executionId(transition.getExecutionId()).singleResult();
            steps.add(new Step(stage, transition.getActivityId(), transition.getActivityName(), Kind.STEP,
                    null, null, null, false, note(job)));
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            queued(stage, child, steps);
        }
    }

    private static String note(Job job) {
        if (job == null || job.getExceptionMessage() == null) {
            return "Queued";
        }
        if (job.getExceptionMessage().startsWith(WaitingForCloud.PREFIX)) {
            return job.getExceptionMessage();
        }
        if (job.getRetries() > 0) {
            return "Failed, retrying (" + job.getRetries() + " attempts left): " + job.getExceptionMessage();
        }
        return "Stopped after repeated failures, waiting for an operator: " + job.getExceptionMessage();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
