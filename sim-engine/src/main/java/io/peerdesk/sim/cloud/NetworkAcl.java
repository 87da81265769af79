package io.peerdesk.sim.cloud;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A network ACL: stateless, numbered allow and deny rules per direction, ending in the fixed
 * {@code *} deny (32767 for IPv4, 32768 for IPv6) that cannot be changed.
 */
public final class NetworkAcl extends Resource {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = -385612306679827199L;

    /** An association of this ACL with a subnet ({@code aclassoc-…}). */
    public record Association(String associationId, String subnetId) implements Serializable {
    }

    /** Rules per direction and family, including the default deny (AWS default quota). */
    static final int DEFAULT_RULE_QUOTA = 20;

    private final String vpcId;
    private final boolean isDefault;
    private final List<NetworkAclEntry> entries = new ArrayList<>();
    private final List<Association> associations = new ArrayList<>();

    NetworkAcl(String id, String ownerId, String region, long sequence, String vpcId, boolean isDefault) {
        super(id, ownerId, region, sequence);
        this.vpcId = vpcId;
        this.isDefault = isDefault;
    }

    public String vpcId() {
        return vpcId;
    }

    public boolean isDefault() {
        return isDefault;
    }

    /** All entries, ordered by direction (ingress first) and rule number. */
    public List<NetworkAclEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** One direction's rules in evaluation order. */
    public List<NetworkAclEntry> entries(boolean egress) {
        List<NetworkAclEntry> out = new ArrayList<>();
        for (NetworkAclEntry e : entries) {
            if (e.egress() == egress) {
                out.add(e);
            }
        }
        return out;
    }

    public List<Association> associations() {
        return Collections.unmodifiableList(associations);
    }

    NetworkAclEntry entry(int ruleNumber, boolean egress) {
        for (NetworkAclEntry e : entries) {
            if (e.ruleNumber() == ruleNumber && e.egress() == egress) {
                return e;
            }
        }
        return null;
    }

    int count(boolean egress, boolean ipv6) {
        int n = 0;
        for (NetworkAclEntry e : entries) {
            if (e.egress() == egress && e.cidr().v6() == ipv6) {
                n++;
            }
        }
        return n;
    }

    void put(NetworkAclEntry entry) {
        NetworkAclEntry existing = entry(entry.ruleNumber(), entry.egress());
        if (existing != null) {
            entries.remove(existing);
        }
        entries.add(entry);
        entries.sort(Comparator.comparing(NetworkAclEntry::egress).thenComparingInt(NetworkAclEntry::ruleNumber));
    }

    void remove(NetworkAclEntry entry) {
        entries.remove(entry);
    }

    void addAssociation(Association association) {
        associations.add(association);
    }

    Association association(String subnetId) {
        for (Association a : associations) {
            if (a.subnetId().equals(subnetId)) {
                return a;
            }
        }
        return null;
    }

    void removeAssociation(Association association) {
        associations.remove(association);
    }
}
