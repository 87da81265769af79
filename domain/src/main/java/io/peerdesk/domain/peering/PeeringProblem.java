package io.peerdesk.domain.peering;

/**
 * Why a peering request cannot be filed as it is, and what to change. {@code field} names the
 * part of the request: {@code contract}, {@code requesterVpc}, {@code accepterVpc}, {@code routes},
 * {@code routes[2]}, {@code rules}, {@code rules[0]}.
 */
public record PeeringProblem(String field, String message) {
}
