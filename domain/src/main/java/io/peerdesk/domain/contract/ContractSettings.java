package io.peerdesk.domain.contract;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code portal.contracts.*}.
 *
 * @param expiryWarning how long before its last valid day an agreed contract shows "expiring soon"
 * @param expiryCheck   how often the portal marks contracts past their last valid day as expired
 *                      (an ISO-8601 duration such as {@code PT1H}); reads compute expiry anyway
 */
@ConfigurationProperties("portal.contracts")
public record ContractSettings(@DefaultValue("30d") Duration expiryWarning,
                               @DefaultValue("PT1H") Duration expiryCheck) {
}
