package io.peerdesk.web.peering;

import io.peerdesk.domain.peering.PeeringChange;
import io.peerdesk.domain.peering.PeeringRequest;
import io.peerdesk.domain.peering.PeeringTargets;
import io.peerdesk.domain.peering.PlannedRoute;
import io.peerdesk.domain.peering.PlannedRule;

import java.util.ArrayList;
import java.util.List;

/**
 * A proposed change of an active peering: current routes and rules to remove (by their position in
 * the plan), at most one route and one rule to add, and the reason the other side reads. A route or
 * rule goes to the side whose VPC has the chosen route table or security group.
 */
public class ChangeForm {

    private List<Integer> removeRoutes = new ArrayList<>();
    private List<Integer> removeRules = new ArrayList<>();
    private String routeTableId;
    private String destinationCidr;
    private String securityGroupId;
    private String protocol;
    private Integer fromPort;
    private Integer toPort;
    private String sourceCidr;
    private String reason;

    /**
     * The change, with each addition on the side of its route table or security group among
     * {@code targets}; one neither VPC has is the viewer's, for the checks to refuse with the reason.
     */
    PeeringChange toChange(PeeringRequest current, PeeringTargets targets) {
        List<PlannedRoute> addRoutes = present(routeTableId) || present(destinationCidr)
                ? List.of(new PlannedRoute(targets.sideOfRouteTable(strip(routeTableId)).orElse(current.yourSide()),
                strip(routeTableId), strip(destinationCidr))) : List.of();
        List<PlannedRule> addRules = present(securityGroupId)
                ? List.of(new PlannedRule(targets.sideOfSecurityGroup(strip(securityGroupId)).orElse(current.yourSide()),
                strip(securityGroupId), strip(protocol), fromPort,
                toPort == null ? fromPort : toPort, present(sourceCidr) ? strip(sourceCidr) : null)) : List.of();
        List<PlannedRoute> drop = removeRoutes.stream().filter(i -> i >= 0 && i < current.routes().size())
                .map(current.routes()::get).toList();
        List<PlannedRule> dropRules = removeRules.stream().filter(i -> i >= 0 && i < current.rules().size())
                .map(current.rules()::get).toList();
        return new PeeringChange(addRoutes, drop, addRules, dropRules, reason);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public List<Integer> getRemoveRoutes() { return removeRoutes; }
    public void setRemoveRoutes(List<Integer> removeRoutes) { this.removeRoutes = removeRoutes; }
    public List<Integer> getRemoveRules() { return removeRules; }
    public void setRemoveRules(List<Integer> removeRules) { this.removeRules = removeRules; }
    public String getRouteTableId() { return routeTableId; }
    public void setRouteTableId(String routeTableId) { this.routeTableId = routeTableId; }
    public String getDestinationCidr() { return destinationCidr; }
    public void setDestinationCidr(String destinationCidr) { this.destinationCidr = destinationCidr; }
    public String getSecurityGroupId() { return securityGroupId; }
    public void setSecurityGroupId(String securityGroupId) { this.securityGroupId = securityGroupId; }
    public String getProtocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    public Integer getFromPort() { return fromPort; }
    public void setFromPort(Integer fromPort) { this.fromPort = fromPort; }
    public Integer getToPort() { return toPort; }
    public void setToPort(Integer toPort) { this.toPort = toPort; }
    public String getSourceCidr() { return sourceCidr; }
    public void setSourceCidr(String sourceCidr) { this.sourceCidr = sourceCidr; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
