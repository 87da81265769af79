package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.NetworkAclEntry;
import io.peerdesk.sim.cloud.Protocol;
import io.peerdesk.sim.cloud.SecurityGroupRule;
import io.peerdesk.sim.insights.Analysis;
import io.peerdesk.sim.insights.AnalysisComponent;
import io.peerdesk.sim.insights.AnalysisRoute;
import io.peerdesk.sim.insights.Explanation;
import io.peerdesk.sim.insights.NetworkInsightsAnalysis;
import io.peerdesk.sim.insights.NetworkInsightsPath;
import io.peerdesk.sim.insights.PathComponent;
import io.peerdesk.sim.net.PortRange;

import java.util.List;

/** The XML of {@code NetworkInsightsPath} and {@code NetworkInsightsAnalysis} and their parts. */
final class AnalysisXml {

    private AnalysisXml() {
    }

    static void path(XmlWriter out, NetworkInsightsPath p) {
        out.element("networkInsightsPathId", p.id())
                .element("networkInsightsPathArn", p.arn())
                .element("createdDate", Render.timestamp(p.createdDate()))
                .element("source", p.source())
                .element("destination", p.destination())
                .element("sourceArn", p.sourceArn())
                .element("destinationArn", p.destinationArn())
                .element("sourceIp", p.sourceIp())
                .element("destinationIp", p.destinationIp())
                .element("protocol", p.protocol())
                .element("destinationPort", p.destinationPort());
        if (p.sourcePortRange() != null) {
            out.open("filterAtSource").open("sourcePortRange")
                    .element("fromPort", p.sourcePortRange().from()).element("toPort", p.sourcePortRange().to())
                    .close("sourcePortRange").close("filterAtSource");
        }
        Render.tags(out, p.tags().asMap());
    }

    static void analysis(XmlWriter out, NetworkInsightsAnalysis a) {
        Analysis result = a.result();
        out.element("networkInsightsAnalysisId", a.id())
                .element("networkInsightsAnalysisArn", a.arn())
                .element("networkInsightsPathId", a.networkInsightsPathId())
                .element("startDate", Render.timestamp(a.startDate()))
                .element("status", result.status())
                .element("statusMessage", result.statusMessage())
                .element("networkPathFound", result.networkPathFound());
        Render.items(out, "forwardPathComponentSet", result.forwardPathComponents(), AnalysisXml::pathComponent);
        Render.items(out, "returnPathComponentSet", result.returnPathComponents(), AnalysisXml::pathComponent);
        Render.items(out, "explanationSet", result.explanations(), AnalysisXml::explanation);
        Render.tags(out, a.tags().asMap());
    }

    static void pathComponent(XmlWriter out, PathComponent c) {
        out.element("sequenceNumber", c.sequenceNumber());
        component(out, "component", c.component());
        component(out, "vpc", c.vpc());
        component(out, "subnet", c.subnet());
        component(out, "sourceVpc", c.sourceVpc());
        component(out, "destinationVpc", c.destinationVpc());
        route(out, c.routeTableRoute());
        securityGroupRule(out, c.securityGroupRule());
        aclRule(out, c.aclRule());
    }

    static void explanation(XmlWriter out, Explanation e) {
        out.element("explanationCode", e.code().name()).element("direction", e.direction());
        component(out, "component", e.component());
        component(out, "vpc", e.vpc());
        component(out, "subnet", e.subnet());
        component(out, "routeTable", e.routeTable());
        route(out, e.routeTableRoute());
        component(out, "acl", e.acl());
        aclRule(out, e.aclRule());
        component(out, "securityGroup", e.securityGroup());
        if (!e.securityGroups().isEmpty()) {
            Render.items(out, "securityGroupSet", e.securityGroups(), AnalysisXml::componentFields);
        }
        component(out, "vpcPeeringConnection", e.vpcPeeringConnection());
        component(out, "sourceVpc", e.sourceVpc());
        component(out, "destinationVpc", e.destinationVpc());
        component(out, "internetGateway", e.internetGateway());
        out.element("address", e.address());
        strings(out, "cidrSet", e.cidrs());
        out.element("port", e.port());
        if (!e.portRanges().isEmpty()) {
            Render.items(out, "portRangeSet", e.portRanges(), AnalysisXml::portRangeFields);
        }
        strings(out, "protocolSet", e.protocols());
        out.element("state", e.state())
                .element("componentAccount", e.componentAccount())
                .element("componentRegion", e.componentRegion());
    }

    private static void component(XmlWriter out, String name, AnalysisComponent c) {
        if (c == null) {
            return;
        }
        out.open(name);
        componentFields(out, c);
        out.close(name);
    }

    private static void componentFields(XmlWriter out, AnalysisComponent c) {
        out.element("id", c.id()).element("arn", c.arn());
    }

    private static void route(XmlWriter out, AnalysisRoute r) {
        if (r == null) {
            return;
        }
        out.open("routeTableRoute")
                .element("destinationCidr", r.destinationCidr())
                .element("gatewayId", r.gatewayId())
                .element("vpcPeeringConnectionId", r.vpcPeeringConnectionId())
                .element("origin", r.origin())
                .element("state", r.state())
                .close("routeTableRoute");
    }

    private static void securityGroupRule(XmlWriter out, SecurityGroupRule r) {
        if (r == null) {
            return;
        }
        out.open("securityGroupRule")
                .element("cidr", r.cidr())
                .element("direction", r.egress() ? "egress" : "ingress")
                .element("securityGroupId", r.groupId());
        if (r.fromPort() != null && Protocol.hasPorts(r.protocol())) {
            portRange(out, new PortRange(r.fromPort(), r.toPort()));
        }
        out.element("prefixListId", r.prefixListId())
                .element("protocol", r.protocol())
                .close("securityGroupRule");
    }

    private static void aclRule(XmlWriter out, NetworkAclEntry rule) {
        if (rule == null) {
            return;
        }
        out.open("aclRule")
                .element("cidr", rule.cidr())
                .element("egress", rule.egress());
        if (rule.portRange() != null) {
            portRange(out, rule.portRange());
        }
        out.element("protocol", rule.protocol())
                .element("ruleAction", rule.ruleAction())
                .element("ruleNumber", rule.ruleNumber())
                .close("aclRule");
    }

    private static void portRange(XmlWriter out, PortRange range) {
        out.open("portRange");
        portRangeFields(out, range);
        out.close("portRange");
    }

    private static void portRangeFields(XmlWriter out, PortRange range) {
        out.element("from", range.from()).element("to", range.to());
    }

    private static void strings(XmlWriter out, String element, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.open(element);
        values.forEach(v -> out.element("item", v));
        out.close(element);
    }
}
