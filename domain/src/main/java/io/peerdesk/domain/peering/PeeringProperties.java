package io.peerdesk.domain.peering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code portal.peering.*}: the cloud's quotas the portal checks before it asks the cloud (AWS's
 * defaults; raise them when the accounts have raised quotas), and how long provisioning waits for
 * an accepted connection to become active before the step is retried.
 *
 * @param outstandingPerAccount  requests an account may have awaiting acceptance in a region (AWS: 25; the
 *                               portal counts those it filed from the account's VPCs)
 * @param activePerVpc           active peerings per VPC (AWS: 50, adjustable to 125)
 * @param routesPerTable         routes per route table and address family (AWS: 50)
 * @param rulesPerGroup          inbound rules per security group and address family (AWS: 60)
 * @param activationPolls        how often provisioning looks whether an accepted connection is active
 * @param activationPollInterval the pause between two looks
 */
@ConfigurationProperties("portal.peering")
public record PeeringProperties(@DefaultValue("25") int outstandingPerAccount, @DefaultValue("50") int activePerVpc,
                                @DefaultValue("50") int routesPerTable, @DefaultValue("60") int rulesPerGroup,
                                @DefaultValue("10") int activationPolls,
                                @DefaultValue("500ms") Duration activationPollInterval) {
}
