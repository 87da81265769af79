package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.PortRange;

import java.util.Map;

/** Network ACLs: numbered, stateless, first match wins, ending in the fixed deny. */
public final class NetworkAcls {

    /** The fields of a CreateNetworkAclEntry or ReplaceNetworkAclEntry request. */
    public record EntrySpec(Integer ruleNumber, String protocol, String ruleAction, Boolean egress,
                            String cidrBlock, String ipv6CidrBlock, Integer portFrom, Integer portTo,
                            Integer icmpType, Integer icmpCode) {
    }

    private final Cloud cloud;

    NetworkAcls(Cloud cloud) {
        this.cloud = cloud;
    }

    /** The default ACL allows everything (rule 100); a custom one denies everything until told otherwise. */
    NetworkAcl newNetworkAcl(Vpc vpc, boolean isDefault) {
        NetworkAcl acl = new NetworkAcl(cloud.nextId("acl"), vpc.ownerId(), vpc.region(), cloud.nextSequence(),
                vpc.id(), isDefault);
        for (boolean egress : new boolean[] {false, true}) {
            if (isDefault) {
                acl.put(new NetworkAclEntry(100, egress, Protocol.ALL, true, Cidr.ALL_V4, null, null, null));
            }
            acl.put(new NetworkAclEntry(NetworkAclEntry.DEFAULT_DENY_V4, egress, Protocol.ALL, false, Cidr.ALL_V4,
                    null, null, null));
        }
        cloud.networkAcls.put(acl.id(), acl);
        vpc.networkAclIds.add(acl.id());
        if (!vpc.ipv6Blocks().isEmpty()) {
            addIpv6Defaults(acl);
        }
        return acl;
    }

    void addIpv6Defaults(Vpc vpc) {
        for (String id : vpc.networkAclIds) {
            addIpv6Defaults(cloud.networkAcls.get(id));
        }
    }

    private void addIpv6Defaults(NetworkAcl acl) {
        for (boolean egress : new boolean[] {false, true}) {
            if (acl.entry(NetworkAclEntry.DEFAULT_DENY_V6, egress) != null) {
                continue;
            }
            if (acl.isDefault() && acl.entry(101, egress) == null) {
                acl.put(new NetworkAclEntry(101, egress, Protocol.ALL, true, Cidr.ALL_V6, null, null, null));
            }
            acl.put(new NetworkAclEntry(NetworkAclEntry.DEFAULT_DENY_V6, egress, Protocol.ALL, false, Cidr.ALL_V6,
                    null, null, null));
        }
    }

    void associateDefault(Vpc vpc, Subnet subnet) {
        NetworkAcl acl = cloud.networkAcls.get(vpc.defaultNetworkAclId);
        acl.addAssociation(new NetworkAcl.Association(cloud.nextId("aclassoc"), subnet.id()));
        subnet.networkAclId = acl.id();
    }

    public NetworkAcl create(Caller caller, String vpcId, Map<String, String> tags) {
        Vpc vpc = cloud.requireVpc(caller, vpcId);
        Tags.validate(tags);
        if (vpc.networkAclIds.size() >= 200) {
            throw new CloudException("NetworkAclLimitExceeded",
                    "The maximum number of network ACLs has been reached for " + vpcId + ".");
        }
        NetworkAcl acl = newNetworkAcl(vpc, false);
        acl.tags().putAll(tags);
        return acl;
    }

    public void delete(Caller caller, String aclId) {
        NetworkAcl acl = cloud.requireNetworkAcl(caller, aclId);
        if (acl.isDefault()) {
            throw CloudException.invalidParameterValue("cannot delete default network ACL " + aclId);
        }
        if (!acl.associations().isEmpty()) {
            throw new CloudException("DependencyViolation",
                    "The networkAcl '" + aclId + "' has dependencies and cannot be deleted.");
        }
        cloud.vpcs.get(acl.vpcId()).networkAclIds.remove(aclId);
        cloud.networkAcls.remove(aclId);
    }

    public NetworkAclEntry createEntry(Caller caller, String aclId, EntrySpec spec) {
        NetworkAcl acl = cloud.requireNetworkAcl(caller, aclId);
        NetworkAclEntry entry = entry(spec);
        if (acl.entry(entry.ruleNumber(), entry.egress()) != null) {
            throw new CloudException("NetworkAclEntryAlreadyExists", "The network acl entry identified by "
                    + entry.ruleNumber() + " already exists.");
        }
        if (acl.count(entry.egress(), entry.cidr().v6()) + 1 > cloud.config().networkAclRuleQuota()) {
            throw new CloudException("NetworkAclEntryLimitExceeded", "The maximum number of network ACL entries ("
                    + cloud.config().networkAclRuleQuota() + ") has been reached.");
        }
        acl.put(entry);
        return entry;
    }

    public NetworkAclEntry replaceEntry(Caller caller, String aclId, EntrySpec spec) {
        NetworkAcl acl = cloud.requireNetworkAcl(caller, aclId);
        NetworkAclEntry entry = entry(spec);
        if (acl.entry(entry.ruleNumber(), entry.egress()) == null) {
            throw new CloudException("InvalidNetworkAclEntry.NotFound", "The network acl entry identified by "
                    + entry.ruleNumber() + " does not exist.");
        }
        acl.put(entry);
        return entry;
    }

    public void deleteEntry(Caller caller, String aclId, Integer ruleNumber, Boolean egress) {
        NetworkAcl acl = cloud.requireNetworkAcl(caller, aclId);
        int number = ruleNumber(ruleNumber);
        if (egress == null) {
            throw CloudException.missingParameter("egress");
        }
        NetworkAclEntry existing = acl.entry(number, egress);
        if (existing == null) {
            throw new CloudException("InvalidNetworkAclEntry.NotFound", "The network acl entry identified by "
                    + number + " does not exist.");
        }
        acl.remove(existing);
    }

    /** ReplaceNetworkAclAssociation: moves one subnet to another ACL of the same VPC; a new association id. */
    public NetworkAcl.Association replaceAssociation(Caller caller, String associationId, String aclId) {
        NetworkAcl target = cloud.requireNetworkAcl(caller, aclId);
        if (associationId == null || associationId.isEmpty()) {
            throw CloudException.missingParameter("associationId");
        }
        for (NetworkAcl acl : cloud.visible(cloud.networkAcls.values(), caller)) {
            for (NetworkAcl.Association a : acl.associations()) {
                if (!a.associationId().equals(associationId)) {
                    continue;
                }
                if (!acl.vpcId().equals(target.vpcId())) {
                    throw CloudException.invalidParameterValue("Network ACL " + aclId + " and association "
                            + associationId + " belong to different networks.");
                }
                acl.removeAssociation(a);
                NetworkAcl.Association replacement = new NetworkAcl.Association(cloud.nextId("aclassoc"),
                        a.subnetId());
                target.addAssociation(replacement);
                cloud.subnets.get(a.subnetId()).networkAclId = target.id();
                return replacement;
            }
        }
        throw new CloudException("InvalidAssociationID.NotFound",
                "The association ID '" + associationId + "' does not exist");
    }

    private static NetworkAclEntry entry(EntrySpec spec) {
        int number = ruleNumber(spec.ruleNumber());
        if (spec.egress() == null) {
            throw CloudException.missingParameter("egress");
        }
        if (spec.ruleAction() == null) {
            throw CloudException.missingParameter("ruleAction");
        }
        String action = spec.ruleAction().toLowerCase();
        if (!action.equals("allow") && !action.equals("deny")) {
            throw CloudException.invalidParameterValue("Value (" + spec.ruleAction()
                    + ") for parameter ruleAction is invalid. Expected 'allow' or 'deny'.");
        }
        if ((spec.cidrBlock() == null) == (spec.ipv6CidrBlock() == null)) {
            throw spec.cidrBlock() == null ? CloudException.missingParameter("cidrBlock")
                    : new CloudException("InvalidParameterCombination",
                            "Only one of cidrBlock and ipv6CidrBlock may be given.");
        }
        Cidr cidr = spec.cidrBlock() != null ? Cidrs.parseV4(spec.cidrBlock(), "cidrBlock")
                : Cidrs.parseV6(spec.ipv6CidrBlock(), "ipv6CidrBlock");
        String protocol = Protocol.canonicalNumber(spec.protocol());
        PortRange ports = null;
        Integer type = null;
        Integer code = null;
        if (Protocol.hasPorts(protocol)) {
            if (spec.portFrom() == null || spec.portTo() == null) {
                throw CloudException.missingParameter("portRange (From and To are required for TCP and UDP)");
            }
            if (spec.portFrom() < 0 || spec.portTo() > 65535 || spec.portFrom() > spec.portTo()) {
                throw CloudException.invalidParameterValue("Invalid port range " + spec.portFrom() + "-"
                        + spec.portTo() + ": ports must be 0 to 65535, From not greater than To.");
            }
            ports = new PortRange(spec.portFrom(), spec.portTo());
        } else if (Protocol.isIcmp(protocol)) {
            if (spec.icmpType() == null || spec.icmpCode() == null) {
                throw CloudException.missingParameter("icmpTypeCode (Type and Code are required for ICMP)");
            }
            type = spec.icmpType();
            code = spec.icmpCode();
        }
        return new NetworkAclEntry(number, spec.egress(), protocol, action.equals("allow"), cidr, ports, type, code);
    }

    private static int ruleNumber(Integer n) {
        if (n == null) {
            throw CloudException.missingParameter("ruleNumber");
        }
        if (n < 1 || n > NetworkAclEntry.MAX_RULE_NUMBER) {
            throw CloudException.invalidParameterValue("Value (" + n
                    + ") for parameter ruleNumber is invalid. Rule numbers must be 1 to 32766.");
        }
        return n;
    }
}
