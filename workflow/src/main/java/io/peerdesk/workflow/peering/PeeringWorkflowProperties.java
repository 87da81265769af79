package io.peerdesk.workflow.peering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code portal.peering.*} settings of the peering processes.
 *
 * @param reminderBefore       how long before a pending request's deadline its approvers are reminded
 * @param changeDecisionWithin how long the other side has to decide on a proposed change
 */
@ConfigurationProperties("portal.peering")
record PeeringWorkflowProperties(@DefaultValue("P2D") Duration reminderBefore,
                                 @DefaultValue("P7D") Duration changeDecisionWithin) {
}
