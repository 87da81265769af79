package io.peerdesk.sim.cloud;

import java.io.Serializable;
import java.time.Duration;

/**
 * Quotas and timings of the simulated cloud. The defaults are AWS's defaults.
 *
 * @param outstandingPeeringQuota pending requests an account may have open in a region (AWS: 25)
 * @param activePeeringQuota      active peering connections per VPC (AWS: 50, adjustable to 125)
 * @param routeQuota              non-propagated routes per route table and family (AWS: 50)
 * @param securityGroupRuleQuota  inbound or outbound rules per group and family (AWS: 60)
 * @param networkAclRuleQuota     rules per ACL, direction and family, default deny included (AWS: 20)
 * @param provisioningDelay       how long an accepted connection stays {@code provisioning}
 * @param interRegionDeleteDelay  how long a deleted inter-Region connection stays {@code deleting}
 */
public record CloudConfig(int outstandingPeeringQuota, int activePeeringQuota, int routeQuota,
                          int securityGroupRuleQuota, int networkAclRuleQuota,
                          Duration provisioningDelay, Duration interRegionDeleteDelay) implements Serializable {

    public static final CloudConfig AWS_DEFAULTS = new CloudConfig(25, 50, 50,
            SecurityGroup.DEFAULT_RULE_QUOTA, NetworkAcl.DEFAULT_RULE_QUOTA, Duration.ZERO, Duration.ZERO);

    public CloudConfig {
        if (activePeeringQuota < 1 || activePeeringQuota > 125) {
            throw new IllegalArgumentException("active peering quota must be 1..125, AWS's adjustable range");
        }
        if (outstandingPeeringQuota < 1 || routeQuota < 1 || routeQuota > 1000
                || securityGroupRuleQuota < 1 || networkAclRuleQuota < 2 || networkAclRuleQuota > 40) {
            throw new IllegalArgumentException("quota out of AWS's range");
        }
    }

    public CloudConfig withActivePeeringQuota(int quota) {
        return new CloudConfig(outstandingPeeringQuota, quota, routeQuota, securityGroupRuleQuota,
                networkAclRuleQuota, provisioningDelay, interRegionDeleteDelay);
    }

    public CloudConfig withOutstandingPeeringQuota(int quota) {
        return new CloudConfig(quota, activePeeringQuota, routeQuota, securityGroupRuleQuota,
                networkAclRuleQuota, provisioningDelay, interRegionDeleteDelay);
    }

    public CloudConfig withDelays(Duration provisioning, Duration interRegionDelete) {
        return new CloudConfig(outstandingPeeringQuota, activePeeringQuota, routeQuota, securityGroupRuleQuota,
                networkAclRuleQuota, provisioning, interRegionDelete);
    }
}
