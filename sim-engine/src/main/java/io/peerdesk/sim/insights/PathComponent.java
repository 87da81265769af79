package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.NetworkAclEntry;
import io.peerdesk.sim.cloud.SecurityGroupRule;

import java.io.Serializable;

/**
 * One hop of a forward or return path ({@code PathComponent}): the component and, depending on
 * its kind, the route that carried the traffic, the security-group rule or the network ACL rule
 * that admitted it, or the two VPCs a peering connection joined. Absent parts are null.
 *
 * @param sequenceNumber    1-based position in the path
 * @param securityGroupRule the rule that admitted the traffic ({@code egress()} tells the direction)
 * @param aclRule           the first ACL rule that allowed the traffic's port(s)
 */
public record PathComponent(int sequenceNumber, AnalysisComponent component, AnalysisComponent vpc,
                            AnalysisComponent subnet, AnalysisComponent sourceVpc, AnalysisComponent destinationVpc,
                            AnalysisRoute routeTableRoute, SecurityGroupRule securityGroupRule,
                            NetworkAclEntry aclRule) implements Serializable {
}
