package io.peerdesk.workflow.peering;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The engine's history as the portal reads it: {@code audit}, without what nobody reads. The
 * timeline ({@link Timelines}) shows a process's tasks and events but not its gateways, the frame of
 * a sub-process or a sub-process's own start and end; the only variables read from history are the
 * parties' tenants ({@link RequestParties}, {@link Decisions}). Each step the engine records is a
 * row written when it starts and again when it ends, in a table with many indexes: leaving out the
 * steps and variables nobody reads saves about a third of the history the lifecycle writes.
 *
 * <p>Registered as the history level {@value #NAME} (a process engine plugin). It has the id of
 * {@code audit}: a database the engine set up with {@code audit} starts with it, and the rows it
 * writes are {@code audit}'s.
 */
final class PeeringHistoryLevel extends AbstractHistoryLevel {

    static final String NAME = "peering";

    /** The variables read from history: whose approvers, reviewers and parties a process has. */
    static final Set<String> HISTORIC_VARIABLES = Set.of(PeeringRequestProcess.REQUESTER_TENANT,
            PeeringRequestProcess.ACCEPTER_TENANT, PeeringChangeProcess.PROPOSER_TENANT, PeeringChangeProcess.APPROVER_TENANT);

    private static final Set<HistoryEventType> ACTIVITY_EVENTS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_END,
            HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE);

    @Override
    public int getId() {
        return HistoryLevel.HISTORY_LEVEL_AUDIT.getId();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType type, Object entity) {
        if (!HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(type, entity)) {
            return false;
        }
        if (entity instanceof VariableInstanceEntity variable) {
            return HISTORIC_VARIABLES.contains(variable.getName());
        }
        if (entity instanceof ExecutionEntity execution && ACTIVITY_EVENTS.contains(type)) {
            return execution.getActivity() == null || recorded(execution.getActivity());
        }
        return true;
    }

    /** Whether a step of a process is recorded: not a gateway, a sub-process's frame, or its inner start or end. */
    static boolean recorded(ActivityImpl activity) {
        String type = String.valueOf(activity.getProperty("type"));
        if (type.endsWith("Gateway") || type.equals("subProcess")) {
            return false;
        }
        ScopeImpl scope = activity.getFlowScope();
        boolean inner = scope instanceof ActivityImpl;
        return !(inner && (type.equals("startEvent") || type.endsWith("EndEvent")));
    }

    /** Makes the level known to the engine before it reads {@code camunda.bpm.history-level}. */
    static final class Plugin extends AbstractProcessEnginePlugin {

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            List<HistoryLevel> levels = new ArrayList<>();
            if (configuration.getCustomHistoryLevels() != null) {
                levels.addAll(configuration.getCustomHistoryLevels());
            }
            levels.add(new PeeringHistoryLevel());
            configuration.setCustomHistoryLevels(levels);
        }
    }
}
