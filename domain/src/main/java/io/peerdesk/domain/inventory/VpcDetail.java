package io.peerdesk.domain.inventory;

import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.SecurityGroup;
import io.peerdesk.domain.cloud.Subnet;
import io.peerdesk.domain.cloud.Vpc;

import java.time.Instant;
import java.util.Optional;

/**
 * A VPC as the last successful sync found it, with everything inside it, and the state of its
 * account's sync (so a page can say the inventory is from before a failed attempt).
 */
public record VpcDetail(VpcId id, CloudAccountId accountId, String accountNumber, String accountName,
                        Instant discoveredAt, SyncState accountSync, Vpc vpc) {

    /** A subnet's Name tag (or its id) for a subnet id this VPC reports. */
    public String subnetLabel(String subnetId) {
        return vpc.subnets().stream().filter(s -> s.subnetId().equals(subnetId)).findFirst()
                .map(Subnet::label).orElse(subnetId);
    }

    /** A referenced group's name when it is a group of this VPC; empty for another VPC's or account's group. */
    public Optional<String> groupName(String groupId) {
        return vpc.securityGroups().stream().filter(g -> g.groupId().equals(groupId)).findFirst().map(SecurityGroup::name);
    }

    /** The name (or id) of the route table a subnet uses, or "-" when the VPC has none. */
    public String routeTableLabel(String subnetId) {
        return routeTableOf(subnetId).map(RouteTable::label).orElse("-");
    }

    /** The route table a subnet uses: its own association, else the VPC's main table. */
    public Optional<RouteTable> routeTableOf(String subnetId) {
        return vpc.routeTables().stream().filter(t -> t.subnetIds().contains(subnetId)).findFirst()
                .or(() -> vpc.routeTables().stream().filter(RouteTable::main).findFirst());
    }
}
