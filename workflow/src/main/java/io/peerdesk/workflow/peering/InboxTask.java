package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;

import java.time.Instant;

/**
 * An open task in a member's inbox.
 *
 * @param taskId    what {@link PeeringWorkflow#decide} takes
 * @param requestId the request (or, for a change, the peering) the task is about
 * @param dueAt     the deadline: after it the request expires (or the change is dropped)
 */
public record InboxTask(String taskId, PeeringRequestId requestId, TaskKind kind, Instant dueAt, Instant createdAt) {
}
