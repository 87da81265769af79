package io.peerdesk.domain.inventory;

import io.peerdesk.db.tables.records.VpcCidrBlockRecord;
import io.peerdesk.db.tables.records.VpcNetworkAclAssociationRecord;
import io.peerdesk.db.tables.records.VpcNetworkAclEntryRecord;
import io.peerdesk.db.tables.records.VpcNetworkAclRecord;
import io.peerdesk.db.tables.records.VpcRecord;
import io.peerdesk.db.tables.records.VpcRouteRecord;
import io.peerdesk.db.tables.records.VpcRouteTableAssociationRecord;
import io.peerdesk.db.tables.records.VpcRouteTableRecord;
import io.peerdesk.db.tables.records.VpcSecurityGroupRecord;
import io.peerdesk.db.tables.records.VpcSecurityGroupRuleRecord;
import io.peerdesk.db.tables.records.VpcSubnetRecord;
import io.peerdesk.domain.cloud.CidrBlock;
import io.peerdesk.domain.cloud.NetworkAcl;
import io.peerdesk.domain.cloud.NetworkAclEntry;
import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.SecurityGroup;
import io.peerdesk.domain.cloud.SecurityGroupRule;
import io.peerdesk.domain.cloud.Subnet;
import io.peerdesk.domain.cloud.Vpc;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.springframework.stereotype.Repository;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.peerdesk.db.Tables.VPC;
import static io.peerdesk.db.Tables.VPC_CIDR_BLOCK;
import static io.peerdesk.db.Tables.VPC_NETWORK_ACL;
import static io.peerdesk.db.Tables.VPC_ROUTE_TABLE;
import static io.peerdesk.db.Tables.VPC_SECURITY_GROUP;
import static io.peerdesk.db.Tables.VPC_SUBNET;
import static org.jooq.impl.DSL.select;

/**
 * Writes an account's inventory. Called inside the sync's one transaction: VPC rows are updated in
 * place (their ids are derived from the cloud's, so links to a VPC survive a sync), VPCs the cloud
 * no longer reports are deleted, and everything inside the VPCs is deleted and inserted afresh.
 */
@Repository
class InventoryRepository {

    private final DSLContext db;

    InventoryRepository(DSLContext db) {
        this.db = db;
    }

    void replace(SyncTarget account, List<Vpc> vpcs, Instant at) {
        UUID accountId = account.id().value();
        var accountVpcs = select(VPC.ID).from(VPC).where(VPC.ACCOUNT_ID.eq(accountId));
        db.deleteFrom(VPC_CIDR_BLOCK).where(VPC_CIDR_BLOCK.VPC_ID.in(accountVpcs)).execute();
        db.deleteFrom(VPC_SUBNET).where(VPC_SUBNET.VPC_ID.in(accountVpcs)).execute();
        db.deleteFrom(VPC_ROUTE_TABLE).where(VPC_ROUTE_TABLE.VPC_ID.in(accountVpcs)).execute();
        db.deleteFrom(VPC_SECURITY_GROUP).where(VPC_SECURITY_GROUP.VPC_ID.in(accountVpcs)).execute();
        db.deleteFrom(VPC_NETWORK_ACL).where(VPC_NETWORK_ACL.VPC_ID.in(accountVpcs)).execute();

        Rows rows = new Rows();
        vpcs.forEach(vpc -> rows.add(account, vpc, at));
        Set<UUID> current = rows.vpcs.stream().map(VpcRecord::getId).collect(Collectors.toSet());
        db.deleteFrom(VPC).where(VPC.ACCOUNT_ID.eq(accountId)).and(VPC.ID.notIn(current)).execute();
        Set<UUID> existing = db.select(VPC.ID).from(VPC).where(VPC.ACCOUNT_ID.eq(accountId)).fetchSet(VPC.ID);

        batchUpdate(rows.vpcs.stream().filter(r -> existing.contains(r.getId())).toList());
        batchInsert(rows.vpcs.stream().filter(r -> !existing.contains(r.getId())).toList());
        batchInsert(rows.cidrBlocks);
        batchInsert(rows.subnets);
        batchInsert(rows.routeTables);
        batchInsert(rows.associations);
        batchInsert(rows.routes);
        batchInsert(rows.groups);
        batchInsert(rows.rules);
        batchInsert(rows.acls);
        batchInsert(rows.aclEntries);
        batchInsert(rows.aclAssociations);
    }

    private void batchInsert(List<? extends TableRecord<?>> records) {
        if (!records.isEmpty()) {
            db.batchInsert(records).execute();
        }
    }

    private void batchUpdate(List<VpcRecord> records) {
        if (!records.isEmpty()) {
            db.batchUpdate(records).execute();
        }
    }

    /** The rows of one sync, table by table (detached records; the batch attaches them). */
    private static final class Rows {
        final List<VpcRecord> vpcs = new ArrayList<>();
        final List<VpcCidrBlockRecord> cidrBlocks = new ArrayList<>();
        final List<VpcSubnetRecord> subnets = new ArrayList<>();
        final List<VpcRouteTableRecord> routeTables = new ArrayList<>();
        final List<VpcRouteTableAssociationRecord> associations = new ArrayList<>();
        final List<VpcRouteRecord> routes = new ArrayList<>();
        final List<VpcSecurityGroupRecord> groups = new ArrayList<>();
        final List<VpcSecurityGroupRuleRecord> rules = new ArrayList<>();
        final List<VpcNetworkAclRecord> acls = new ArrayList<>();
        final List<VpcNetworkAclEntryRecord> aclEntries = new ArrayList<>();
        final List<VpcNetworkAclAssociationRecord> aclAssociations = new ArrayList<>();

        void add(SyncTarget account, Vpc vpc, Instant at) {
            UUID id = VpcId.of(account.id(), vpc.region(), vpc.vpcId()).value();
            VpcRecord row = new VpcRecord();
            row.setId(id);
            row.setTenantId(account.tenant().value());
            row.setAccountId(account.id().value());
            row.setRegion(vpc.region());
            row.setCloudId(vpc.vpcId());
            row.setName(cut(vpc.name(), 256));
            row.setSortName(cut(vpc.label().toLowerCase(), 256));
            row.setState(vpc.state() == null ? "available" : vpc.state());
            row.setOwnerId(vpc.ownerId() == null ? account.accountId() : vpc.ownerId());
            row.setIsDefault(vpc.isDefault());
            row.setCidrBlocks(cut(vpc.cidrBlocks().stream().map(CidrBlock::cidr).collect(Collectors.joining(" ")), 2000));
            row.setDiscoveredAt(utc(at));
            vpcs.add(row);
            int seq = 0;
            for (CidrBlock block : vpc.cidrBlocks()) {
                cidrBlocks.add(cidrBlock(id, seq++, block));
            }
            vpc.subnets().forEach(s -> subnets.add(subnet(id, s)));
            vpc.routeTables().forEach(t -> addRouteTable(id, t));
            vpc.securityGroups().forEach(g -> addGroup(id, g, row.getOwnerId()));
            vpc.networkAcls().forEach(a -> addAcl(id, a));
        }

        private VpcCidrBlockRecord cidrBlock(UUID vpc, int seq, CidrBlock block) {
            VpcCidrBlockRecord row = new VpcCidrBlockRecord();
            row.setVpcId(vpc);
            row.setSeq(seq);
            row.setCidr(block.cidr());
            row.setIpVersion(block.ipv6() ? 6 : 4);
            row.setState(block.state() == null ? "associated" : block.state());
            // an unreadable block gets an empty range (start > end): it is listed but matches no address search
            IpRange range = IpRange.of(block.cidr()).orElse(null);
            row.setRangeStart(range == null ? BigInteger.ONE : range.start());
            row.setRangeEnd(range == null ? BigInteger.ZERO : range.end());
            return row;
        }

        private VpcSubnetRecord subnet(UUID vpc, Subnet s) {
            VpcSubnetRecord row = new VpcSubnetRecord();
            row.setVpcId(vpc);
            row.setCloudId(s.subnetId());
            row.setName(cut(s.name(), 256));
            row.setCidrBlock(s.cidrBlock());
            row.setIpv6CidrBlock(s.ipv6CidrBlock());
            row.setAvailabilityZone(s.availabilityZone());
            row.setAvailableIps(s.availableIpAddresses());
            row.setState(s.state() == null ? "available" : s.state());
            return row;
        }

        private void addRouteTable(UUID vpc, RouteTable t) {
            UUID id = UUID.randomUUID();
            VpcRouteTableRecord row = new VpcRouteTableRecord();
            row.setId(id);
            row.setVpcId(vpc);
            row.setCloudId(t.routeTableId());
            row.setName(cut(t.name(), 256));
            row.setIsMain(t.main());
            routeTables.add(row);
            for (RouteTable.Association a : t.associations()) {
                VpcRouteTableAssociationRecord assoc = new VpcRouteTableAssociationRecord(id, a.associationId(),
                        a.subnetId(), a.main());
                associations.add(assoc);
            }
            int seq = 0;
            for (var route : t.routes()) {
                routes.add(new VpcRouteRecord(id, seq++, route.destination(), cut(route.target(), 128), route.state(),
                        cut(route.origin(), 32)));
            }
        }

        private void addGroup(UUID vpc, SecurityGroup g, String vpcOwner) {
            UUID id = UUID.randomUUID();
            groups.add(new VpcSecurityGroupRecord(id, vpc, g.groupId(), cut(g.name(), 256), cut(g.description(), 256),
                    g.ownerId() == null ? vpcOwner : g.ownerId()));
            int seq = 0;
            for (SecurityGroupRule r : g.rules()) {
                rules.add(new VpcSecurityGroupRuleRecord(id, seq++, r.ruleId(), r.direction().name(), r.protocol(),
                        r.fromPort(), r.toPort(), r.cidr(), r.prefixListId(), r.referencedGroupId(),
                        r.referencedAccountId(), cut(r.description(), 256)));
            }
        }

        private void addAcl(UUID vpc, NetworkAcl a) {
            UUID id = UUID.randomUUID();
            acls.add(new VpcNetworkAclRecord(id, vpc, a.networkAclId(), cut(a.name(), 256), a.isDefault()));
            for (NetworkAclEntry e : a.entries()) {
                aclEntries.add(new VpcNetworkAclEntryRecord(id, e.direction().name(), e.ruleNumber(), e.protocol(),
                        e.action(), e.cidr(), e.fromPort(), e.toPort(), e.icmpType(), e.icmpCode()));
            }
            for (NetworkAcl.Association x : a.associations()) {
                aclAssociations.add(new VpcNetworkAclAssociationRecord(id, x.associationId(), x.subnetId()));
            }
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
