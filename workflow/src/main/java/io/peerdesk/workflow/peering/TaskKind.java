package io.peerdesk.workflow.peering;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an open task asks, and who may do it: members with the task's role in the tenant named by
 * the process variable {@code tenantVariable}. The engine knows them as the candidate group
 * {@code tenant:<tenant id>:<role>}.
 */
public enum TaskKind {
    /** The accepter's approvers approve or reject a request. */
    APPROVAL("Approval", PeeringRequestProcess.TASK_APPROVE_REQUEST, Role.APPROVER, PeeringRequestProcess.ACCEPTER_TENANT),
    /** The accepter's security reviewers approve or reject an approved request. */
    SECURITY_REVIEW("Security review", PeeringRequestProcess.TASK_SECURITY_REVIEW, Role.SECURITY_REVIEWER, PeeringRequestProcess.ACCEPTER_TENANT),
    /** The other side's approvers approve or reject a change of an active peering. */
    CHANGE_APPROVAL("Change approval", PeeringChangeProcess.TASK_APPROVE_CHANGE, Role.APPROVER, PeeringChangeProcess.APPROVER_TENANT),
    /** The other side's security reviewers approve or reject an approved change that needs their review. */
    CHANGE_REVIEW("Change security review", PeeringChangeProcess.TASK_REVIEW_CHANGE, Role.SECURITY_REVIEWER, PeeringChangeProcess.APPROVER_TENANT);

    private final String label;
    final String taskDefinitionKey;
    final Role role;
    final String tenantVariable;

    TaskKind(String label, String taskDefinitionKey, Role role, String tenantVariable) {
        this.label = label;
        this.taskDefinitionKey = taskDefinitionKey;
        this.role = role;
        this.tenantVariable = tenantVariable;
    }

    /** E.g. "Security review". */
    public String label() {
        return label;
    }

    static Optional<TaskKind> of(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(kind -> kind.taskDefinitionKey.equals(taskDefinitionKey)).findFirst();
    }

    /** Whether the actor may do a task of this kind for the given tenant. */
    boolean allows(Actor actor, String tenant) {
        return actor.has(role) && actor.tenant().toString().equals(tenant);
    }

    /** The candidate group the models assign, e.g. {@code tenant:<id>:APPROVER}. */
    static String candidateGroup(TenantId tenant, Role role) {
        return "tenant:" + tenant + ":" + role.name();
    }

    /** The kinds of task the actor's roles allow. */
    static Set<TaskKind> doneBy(Actor actor) {
        return Arrays.stream(values()).filter(kind -> actor.has(kind.role))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaskKind.class)));
    }

    /** Every candidate group the actor belongs to: one per role in the actor's tenant. */
    static List<String> candidateGroups(Actor actor) {
        return actor.roles().stream().map(role -> candidateGroup(actor.tenant(), role)).sorted().toList();
    }
}
