package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.NetworkAclEntry;
import io.peerdesk.sim.net.PortRange;

import java.io.Serializable;
import java.util.List;

/**
 * Why a path was not found ({@code Explanation}): AWS's code, the component that decided, and
 * whatever decided it — the route, the ACL rule, the security groups — with the VPC and subnet it
 * happened in. Fields that do not apply are null (lists are empty).
 *
 * @param leg       whether the forward traffic or the reply was refused (not on the wire: AWS's
 *                  explanation has no such field; the component tells it)
 * @param direction {@code egress} or {@code ingress} for ACLs and security groups, else null
 * @param state     the state of the component that is not functional, e.g. the peering
 *                  connection's {@code pending-acceptance}
 */
public record Explanation(ExplanationCode code, Leg leg, String direction, AnalysisComponent component,
                          AnalysisComponent vpc, AnalysisComponent subnet, AnalysisComponent routeTable,
                          AnalysisRoute routeTableRoute, AnalysisComponent acl, NetworkAclEntry aclRule,
                          AnalysisComponent securityGroup, List<AnalysisComponent> securityGroups,
                          AnalysisComponent vpcPeeringConnection, AnalysisComponent sourceVpc,
                          AnalysisComponent destinationVpc, AnalysisComponent internetGateway, String address,
                          List<String> cidrs, Integer port, List<PortRange> portRanges, List<String> protocols,
                          String state, String componentAccount, String componentRegion) implements Serializable {

    static Builder of(ExplanationCode code, Leg leg) {
        return new Builder(code, leg);
    }

    /** Collects the optional fields; only built when a path fails, so it need not be frugal. */
    static final class Builder {
        private final ExplanationCode code;
        private final Leg leg;
        private String direction;
        private AnalysisComponent component;
        private AnalysisComponent vpc;
        private AnalysisComponent subnet;
        private AnalysisComponent routeTable;
        private AnalysisRoute routeTableRoute;
        private AnalysisComponent acl;
        private NetworkAclEntry aclRule;
        private AnalysisComponent securityGroup;
        private List<AnalysisComponent> securityGroups = List.of();
        private AnalysisComponent vpcPeeringConnection;
        private AnalysisComponent sourceVpc;
        private AnalysisComponent destinationVpc;
        private AnalysisComponent internetGateway;
        private String address;
        private List<String> cidrs = List.of();
        private Integer port;
        private List<PortRange> portRanges = List.of();
        private List<String> protocols = List.of();
        private String state;

        private Builder(ExplanationCode code, Leg leg) {
            this.code = code;
            this.leg = leg;
        }

        Builder direction(boolean egress) {
            this.direction = egress ? "egress" : "ingress";
            return this;
        }

        Builder component(AnalysisComponent value) {
            this.component = value;
            return this;
        }

        Builder vpc(AnalysisComponent value) {
            this.vpc = value;
            return this;
        }

        Builder subnet(AnalysisComponent value) {
            this.subnet = value;
            return this;
        }

        Builder routeTable(AnalysisComponent value) {
            this.routeTable = value;
            return this;
        }

        Builder route(AnalysisRoute value) {
            this.routeTableRoute = value;
            return this;
        }

        Builder acl(AnalysisComponent value, NetworkAclEntry rule) {
            this.acl = value;
            this.aclRule = rule;
            return this;
        }

        Builder securityGroups(List<AnalysisComponent> groups) {
            this.securityGroups = List.copyOf(groups);
            this.securityGroup = groups.size() == 1 ? groups.get(0) : null;
            return this;
        }

        Builder peering(AnalysisComponent value) {
            this.vpcPeeringConnection = value;
            return this;
        }

        Builder vpcs(AnalysisComponent source, AnalysisComponent destination) {
            this.sourceVpc = source;
            this.destinationVpc = destination;
            return this;
        }

        Builder internetGateway(AnalysisComponent value) {
            this.internetGateway = value;
            return this;
        }

        Builder address(Object value) {
            this.address = value == null ? null : value.toString();
            return this;
        }

        Builder cidrs(List<String> values) {
            this.cidrs = List.copyOf(values);
            return this;
        }

        Builder port(int value) {
            this.port = value;
            return this;
        }

        Builder portRanges(List<PortRange> values) {
            this.portRanges = List.copyOf(values);
            return this;
        }

        Builder protocol(String value) {
            this.protocols = List.of(value);
            return this;
        }

        Builder state(String value) {
            this.state = value;
            return this;
        }

        Explanation build() {
            AnalysisComponent owner = component;
            return new Explanation(code, leg, direction, component, vpc, subnet, routeTable, routeTableRoute, acl,
                    aclRule, securityGroup, securityGroups, vpcPeeringConnection, sourceVpc, destinationVpc,
                    internetGateway, address, cidrs, port, portRanges, protocols, state,
                    owner == null ? null : owner.ownerId(), owner == null ? null : owner.region());
        }
    }
}
