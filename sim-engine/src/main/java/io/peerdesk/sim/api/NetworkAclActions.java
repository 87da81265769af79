package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.NetworkAcl;
import io.peerdesk.sim.cloud.NetworkAclEntry;
import io.peerdesk.sim.cloud.NetworkAcls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Network ACLs, their numbered entries and their subnet associations. */
final class NetworkAclActions {

    private static final ResourceQuery<NetworkAcl> ACLS = new ResourceQuery<NetworkAcl>(NetworkAcl::id,
            NetworkAcl::sequence, a -> a.tags().asMap())
            .filter("network-acl-id", NetworkAcl::id)
            .filter("vpc-id", NetworkAcl::vpcId)
            .filter("default", NetworkAcl::isDefault)
            .filter("owner-id", NetworkAcl::ownerId)
            .filterMany("association.association-id", a -> associations(a, NetworkAcl.Association::associationId))
            .filterMany("association.network-acl-id", a -> associations(a, x -> a.id()))
            .filterMany("association.subnet-id", a -> associations(a, NetworkAcl.Association::subnetId))
            .filterMany("entry.cidr", a -> entries(a, e -> e.cidr().v6() ? null : e.cidr().toString()))
            .filterMany("entry.ipv6-cidr", a -> entries(a, e -> e.cidr().v6() ? e.cidr().toString() : null))
            .filterMany("entry.ipv6-cidr-block", a -> entries(a, e -> e.cidr().v6() ? e.cidr().toString() : null))
            .filterMany("entry.egress", a -> entries(a, e -> Boolean.toString(e.egress())))
            .filterMany("entry.protocol", a -> protocols(a))
            .filterMany("entry.rule-action", a -> entries(a, NetworkAclEntry::ruleAction))
            .filterMany("entry.rule-number", a -> entries(a, e -> Integer.toString(e.ruleNumber())))
            .filterMany("entry.port-range.from", a -> entries(a, e -> e.portRange() == null ? null
                    : Integer.toString(e.portRange().from())))
            .filterMany("entry.port-range.to", a -> entries(a, e -> e.portRange() == null ? null
                    : Integer.toString(e.portRange().to())))
            .filterMany("entry.icmp.type", a -> entries(a, e -> e.icmpType() == null ? null
                    : e.icmpType().toString()))
            .filterMany("entry.icmp.code", a -> entries(a, e -> e.icmpCode() == null ? null
                    : e.icmpCode().toString()));

    private NetworkAclActions() {
    }

    static List<Action> all() {
        return List.of(
                new Action("CreateNetworkAcl", true, (r, out) -> {
                    NetworkAcl acl = r.cloud().networkAcls().create(r.caller(), r.params().required("VpcId"),
                            r.params().tagSpecifications("network-acl"));
                    out.open("networkAcl");
                    networkAcl(out, acl);
                    out.close("networkAcl");
                    out.element("clientToken", r.params().string("ClientToken"));
                }),
                new Action("DeleteNetworkAcl", true, (r, out) -> {
                    r.cloud().networkAcls().delete(r.caller(), r.params().required("NetworkAclId"));
                    Render.returnTrue(out);
                }),
                new Action("DescribeNetworkAcls", false, (r, out) -> {
                    var page = ACLS.run(r.cloud().visible(r.cloud().allNetworkAcls(), r.caller()),
                            r.params().list("NetworkAclId"), r.params(),
                            Render.notFound("InvalidNetworkAclID.NotFound", "The networkAcl ID '%s' does not exist"));
                    Render.items(out, "networkAclSet", page.items(), NetworkAclActions::networkAcl);
                    Render.nextToken(out, page.nextToken());
                }),
                new Action("CreateNetworkAclEntry", true, (r, out) -> {
                    r.cloud().networkAcls().createEntry(r.caller(), r.params().required("NetworkAclId"),
                            entrySpec(r.params()));
                    Render.returnTrue(out);
                }),
                new Action("ReplaceNetworkAclEntry", true, (r, out) -> {
                    r.cloud().networkAcls().replaceEntry(r.caller(), r.params().required("NetworkAclId"),
                            entrySpec(r.params()));
                    Render.returnTrue(out);
                }),
                new Action("DeleteNetworkAclEntry", true, (r, out) -> {
                    r.cloud().networkAcls().deleteEntry(r.caller(), r.params().required("NetworkAclId"),
                            r.params().integer("RuleNumber"), r.params().bool("Egress"));
                    Render.returnTrue(out);
                }),
                new Action("ReplaceNetworkAclAssociation", true, (r, out) -> {
                    NetworkAcl.Association a = r.cloud().networkAcls().replaceAssociation(r.caller(),
                            r.params().required("AssociationId"), r.params().required("NetworkAclId"));
                    out.element("newAssociationId", a.associationId());
                }));
    }

    /** The wire names of the SDKs: {@code IcmpTypeCode} travels as {@code Icmp.Type}/{@code Icmp.Code}. */
    private static NetworkAcls.EntrySpec entrySpec(Params p) {
        return new NetworkAcls.EntrySpec(p.integer("RuleNumber"), p.required("Protocol"), p.string("RuleAction"),
                p.bool("Egress"), p.string("CidrBlock"), p.string("Ipv6CidrBlock"),
                p.integer("PortRange.From"), p.integer("PortRange.To"),
                p.integer("Icmp.Type"), p.integer("Icmp.Code"));
    }

    private static List<String> associations(NetworkAcl acl, Function<NetworkAcl.Association, String> value) {
        List<String> out = new ArrayList<>();
        for (NetworkAcl.Association a : acl.associations()) {
            out.add(value.apply(a));
        }
        return out;
    }

    private static List<String> entries(NetworkAcl acl, Function<NetworkAclEntry, String> value) {
        List<String> out = new ArrayList<>();
        for (NetworkAclEntry e : acl.entries()) {
            String v = value.apply(e);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** An entry's protocol matches its number and its name ({@code tcp}, {@code udp}, {@code icmp}, {@code all}). */
    private static List<String> protocols(NetworkAcl acl) {
        List<String> out = new ArrayList<>();
        for (NetworkAclEntry e : acl.entries()) {
            out.add(e.protocol());
            switch (e.protocol()) {
                case "6" -> out.add("tcp");
                case "17" -> out.add("udp");
                case "1" -> out.add("icmp");
                case "58" -> out.add("icmpv6");
                case "-1" -> out.add("all");
                default -> {
                }
            }
        }
        return out;
    }

    /** AWS names the flag {@code default} on the wire (the model's locationName of IsDefault). */
    static void networkAcl(XmlWriter out, NetworkAcl acl) {
        out.element("networkAclId", acl.id())
                .element("vpcId", acl.vpcId())
                .element("default", acl.isDefault())
                .element("ownerId", acl.ownerId());
        Render.items(out, "entrySet", acl.entries(), NetworkAclActions::entry);
        Render.items(out, "associationSet", acl.associations(), (o, a) -> o
                .element("networkAclAssociationId", a.associationId())
                .element("networkAclId", acl.id())
                .element("subnetId", a.subnetId()));
        Render.tags(out, acl.tags().asMap());
    }

    static void entry(XmlWriter out, NetworkAclEntry e) {
        out.element("ruleNumber", e.ruleNumber())
                .element("protocol", e.protocol())
                .element("ruleAction", e.ruleAction())
                .element("egress", e.egress())
                .element(e.cidr().v6() ? "ipv6CidrBlock" : "cidrBlock", e.cidr());
        if (e.icmpType() != null || e.icmpCode() != null) {
            out.open("icmpTypeCode").element("code", e.icmpCode()).element("type", e.icmpType()).close("icmpTypeCode");
        }
        if (e.portRange() != null) {
            out.open("portRange").element("from", e.portRange().from()).element("to", e.portRange().to())
                    .close("portRange");
        }
    }
}
