package io.peerdesk.domain.cloud;

/**
 * The outcome of authorizing an inbound rule: the cloud's rule id, whether this call created it
 * ({@code false}: the group already had exactly this rule) and the description the rule carries,
 * which tells who made an existing rule.
 */
public record AuthorizedRule(String ruleId, boolean created, String description) {
}
