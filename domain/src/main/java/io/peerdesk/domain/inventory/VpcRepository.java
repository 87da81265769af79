package io.peerdesk.domain.inventory;

import io.peerdesk.domain.cloud.CidrBlock;
import io.peerdesk.domain.cloud.NetworkAcl;
import io.peerdesk.domain.cloud.NetworkAclEntry;
import io.peerdesk.domain.cloud.Route;
import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.RuleDirection;
import io.peerdesk.domain.cloud.SecurityGroup;
import io.peerdesk.domain.cloud.SecurityGroupRule;
import io.peerdesk.domain.cloud.Subnet;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.support.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static io.peerdesk.db.Tables.CLOUD_ACCOUNT;
import static io.peerdesk.db.Tables.VPC;
import static io.peerdesk.db.Tables.VPC_CIDR_BLOCK;
import static io.peerdesk.db.Tables.VPC_NETWORK_ACL;
import static io.peerdesk.db.Tables.VPC_NETWORK_ACL_ASSOCIATION;
import static io.peerdesk.db.Tables.VPC_NETWORK_ACL_ENTRY;
import static io.peerdesk.db.Tables.VPC_ROUTE;
import static io.peerdesk.db.Tables.VPC_ROUTE_TABLE;
import static io.peerdesk.db.Tables.VPC_ROUTE_TABLE_ASSOCIATION;
import static io.peerdesk.db.Tables.VPC_SECURITY_GROUP;
import static io.peerdesk.db.Tables.VPC_SECURITY_GROUP_RULE;
import static io.peerdesk.db.Tables.VPC_SUBNET;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

/** Reads the inventory: the VPC list (search, filters, paging) and one VPC with everything inside it. */
@Repository
class VpcRepository {

    private static final Field<Integer> SUBNET_COUNT = field(selectCount().from(VPC_SUBNET)
            .where(VPC_SUBNET.VPC_ID.eq(VPC.ID))).as("subnet_count");

    private final DSLContext db;

    VpcRepository(DSLContext db) {
        this.db = db;
    }

    VpcPage findPage(TenantId tenant, VpcQuery query, Optional<IpRange> address) {
        Condition where = VPC.TENANT_ID.eq(tenant.value()).and(matching(query, address));
        List<VpcSummary> items = db.select(VPC.ID, VPC.ACCOUNT_ID, CLOUD_ACCOUNT.ACCOUNT_ID, CLOUD_ACCOUNT.NAME,
                        VPC.REGION, VPC.CLOUD_ID, VPC.NAME, VPC.STATE, VPC.CIDR_BLOCKS, SUBNET_COUNT, VPC.DISCOVERED_AT)
                .from(VPC).join(CLOUD_ACCOUNT).on(CLOUD_ACCOUNT.ID.eq(VPC.ACCOUNT_ID))
                .where(where)
                .orderBy(VPC.SORT_NAME, VPC.CLOUD_ID, VPC.ID)
                .limit(query.size()).offset(query.offset())
                .fetch(r -> new VpcSummary(new VpcId(r.value1()), new CloudAccountId(r.value2()), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), split(r.value9()), r.value10(),
                        r.value11().toInstant()));
        long total = items.size() < query.size() && query.page() == 1 ? items.size() : db.fetchCount(VPC, where);
        return new VpcPage(items, query.page(), query.size(), total);
    }

    /** The regions the tenant's VPCs are in, for the list's filter. */
    List<String> findRegions(TenantId tenant) {
        return db.selectDistinct(VPC.REGION).from(VPC).where(VPC.TENANT_ID.eq(tenant.value()))
                .orderBy(VPC.REGION).fetch(VPC.REGION);
    }

    Optional<VpcDetail> find(TenantId tenant, VpcId id) {
        return detail().where(VPC.TENANT_ID.eq(tenant.value())).and(VPC.ID.eq(id.value()))
                .fetchOptional(VpcRepository::toDetail);
    }

    /** A VPC whichever tenant owns it, with the owner: for checks across a partnership. */
    Optional<TenantVpc> findOfAnyTenant(VpcId id) {
        return detail().where(VPC.ID.eq(id.value()))
                .fetchOptional(r -> new TenantVpc(new TenantId(r.get(VPC.TENANT_ID)), toDetail(r)));
    }

    /** The tenant's VPCs in the regions, in list order. */
    List<VpcSummary> findInRegions(TenantId tenant, Collection<String> regions) {
        return db.select(VPC.ID, VPC.ACCOUNT_ID, CLOUD_ACCOUNT.ACCOUNT_ID, CLOUD_ACCOUNT.NAME,
                        VPC.REGION, VPC.CLOUD_ID, VPC.NAME, VPC.STATE, VPC.CIDR_BLOCKS, SUBNET_COUNT, VPC.DISCOVERED_AT)
                .from(VPC).join(CLOUD_ACCOUNT).on(CLOUD_ACCOUNT.ID.eq(VPC.ACCOUNT_ID))
                .where(VPC.TENANT_ID.eq(tenant.value())).and(VPC.REGION.in(regions))
                .orderBy(VPC.SORT_NAME, VPC.CLOUD_ID, VPC.ID)
                .fetch(r -> new VpcSummary(new VpcId(r.value1()), new CloudAccountId(r.value2()), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), split(r.value9()), r.value10(),
                        r.value11().toInstant()));
    }

    private SelectOnConditionStep<Record> detail() {
        return db.select(VPC.TENANT_ID, VPC.ID, VPC.ACCOUNT_ID, CLOUD_ACCOUNT.ACCOUNT_ID, CLOUD_ACCOUNT.NAME, VPC.DISCOVERED_AT,
                        VPC.CLOUD_ID, VPC.OWNER_ID, VPC.REGION, VPC.NAME, VPC.STATE, VPC.IS_DEFAULT)
                .select(CLOUD_ACCOUNT.SYNC_STATUS, CLOUD_ACCOUNT.SYNC_ATTEMPT_AT, CLOUD_ACCOUNT.SYNCED_AT,
                        CLOUD_ACCOUNT.SYNC_ERROR_CODE, CLOUD_ACCOUNT.SYNC_ERROR)
                .select(CIDR_BLOCKS, SUBNETS, ROUTE_TABLES, SECURITY_GROUPS, NETWORK_ACLS)
                .from(VPC).join(CLOUD_ACCOUNT).on(CLOUD_ACCOUNT.ID.eq(VPC.ACCOUNT_ID));
    }

    private static Condition matching(VpcQuery query, Optional<IpRange> address) {
        Condition where = noCondition();
        if (query.account() != null) {
            where = where.and(VPC.ACCOUNT_ID.eq(query.account().value()));
        }
        if (query.region() != null) {
            where = where.and(VPC.REGION.eq(query.region()));
        }
        if (query.state() != null) {
            where = where.and(VPC.STATE.eq(query.state()));
        }
        if (query.search() != null) {
            Condition text = VPC.NAME.containsIgnoreCase(query.search())
                    .or(VPC.CLOUD_ID.containsIgnoreCase(query.search()))
                    .or(VPC.CIDR_BLOCKS.containsIgnoreCase(query.search()));
            where = where.and(address.map(range -> text.or(overlapping(range))).orElse(text));
        }
        return where;
    }

    /** A CIDR block of the VPC overlaps the address or block searched for. */
    private static Condition overlapping(IpRange range) {
        return exists(selectOne().from(VPC_CIDR_BLOCK)
                .where(VPC_CIDR_BLOCK.VPC_ID.eq(VPC.ID))
                .and(VPC_CIDR_BLOCK.IP_VERSION.eq(range.version()))
                .and(VPC_CIDR_BLOCK.RANGE_START.le(range.end()))
                .and(VPC_CIDR_BLOCK.RANGE_END.ge(range.start())));
    }

    // ---- the detail: one query, nested MULTISETs ----

    private static final Field<List<CidrBlock>> CIDR_BLOCKS = multiset(
            select(VPC_CIDR_BLOCK.CIDR, VPC_CIDR_BLOCK.IP_VERSION, VPC_CIDR_BLOCK.STATE)
                    .from(VPC_CIDR_BLOCK).where(VPC_CIDR_BLOCK.VPC_ID.eq(VPC.ID)).orderBy(VPC_CIDR_BLOCK.SEQ))
            .as("cidr_blocks")
            .convertFrom(rows -> rows.map(r -> new CidrBlock(r.value1(), r.value2() == 6, r.value3())));

    private static final Field<List<Subnet>> SUBNETS = multiset(
            select(VPC_SUBNET.CLOUD_ID, VPC_SUBNET.NAME, VPC_SUBNET.CIDR_BLOCK, VPC_SUBNET.IPV6_CIDR_BLOCK,
                    VPC_SUBNET.AVAILABILITY_ZONE, VPC_SUBNET.AVAILABLE_IPS, VPC_SUBNET.STATE)
                    .from(VPC_SUBNET).where(VPC_SUBNET.VPC_ID.eq(VPC.ID))
                    .orderBy(coalesce(VPC_SUBNET.NAME, VPC_SUBNET.CLOUD_ID), VPC_SUBNET.CLOUD_ID))
            .as("subnets")
            .convertFrom(rows -> rows.map(mapping(Subnet::new)));

    private static final Field<List<RouteTable>> ROUTE_TABLES = multiset(
            select(VPC_ROUTE_TABLE.CLOUD_ID, VPC_ROUTE_TABLE.NAME, VPC_ROUTE_TABLE.IS_MAIN,
                    multiset(select(VPC_ROUTE_TABLE_ASSOCIATION.CLOUD_ID, VPC_ROUTE_TABLE_ASSOCIATION.SUBNET_ID,
                            VPC_ROUTE_TABLE_ASSOCIATION.IS_MAIN)
                            .from(VPC_ROUTE_TABLE_ASSOCIATION)
                            .where(VPC_ROUTE_TABLE_ASSOCIATION.ROUTE_TABLE_ID.eq(VPC_ROUTE_TABLE.ID))
                            .orderBy(VPC_ROUTE_TABLE_ASSOCIATION.CLOUD_ID))
                            .convertFrom(rows -> rows.map(mapping(RouteTable.Association::new))),
                    multiset(select(VPC_ROUTE.DESTINATION, VPC_ROUTE.TARGET, VPC_ROUTE.STATE, VPC_ROUTE.ORIGIN)
                            .from(VPC_ROUTE).where(VPC_ROUTE.ROUTE_TABLE_ID.eq(VPC_ROUTE_TABLE.ID))
                            .orderBy(VPC_ROUTE.SEQ))
                            .convertFrom(rows -> rows.map(mapping(Route::new))))
                    .from(VPC_ROUTE_TABLE).where(VPC_ROUTE_TABLE.VPC_ID.eq(VPC.ID))
                    .orderBy(VPC_ROUTE_TABLE.IS_MAIN.desc(), coalesce(VPC_ROUTE_TABLE.NAME, VPC_ROUTE_TABLE.CLOUD_ID)))
            .as("route_tables")
            .convertFrom(rows -> rows.map(mapping(RouteTable::new)));

    private static final Field<List<SecurityGroup>> SECURITY_GROUPS = multiset(
            select(VPC_SECURITY_GROUP.CLOUD_ID, VPC_SECURITY_GROUP.NAME, VPC_SECURITY_GROUP.DESCRIPTION,
                    VPC_SECURITY_GROUP.OWNER_ID,
                    multiset(select(VPC_SECURITY_GROUP_RULE.CLOUD_ID,
                            VPC_SECURITY_GROUP_RULE.DIRECTION.convertFrom(RuleDirection::valueOf),
                            VPC_SECURITY_GROUP_RULE.PROTOCOL, VPC_SECURITY_GROUP_RULE.FROM_PORT,
                            VPC_SECURITY_GROUP_RULE.TO_PORT, VPC_SECURITY_GROUP_RULE.CIDR,
                            VPC_SECURITY_GROUP_RULE.PREFIX_LIST_ID, VPC_SECURITY_GROUP_RULE.REFERENCED_GROUP_ID,
                            VPC_SECURITY_GROUP_RULE.REFERENCED_ACCOUNT_ID, VPC_SECURITY_GROUP_RULE.DESCRIPTION)
                            .from(VPC_SECURITY_GROUP_RULE)
                            .where(VPC_SECURITY_GROUP_RULE.SECURITY_GROUP_ID.eq(VPC_SECURITY_GROUP.ID))
                            .orderBy(VPC_SECURITY_GROUP_RULE.SEQ))
                            .convertFrom(rows -> rows.map(mapping(SecurityGroupRule::new))))
                    .from(VPC_SECURITY_GROUP).where(VPC_SECURITY_GROUP.VPC_ID.eq(VPC.ID))
                    .orderBy(VPC_SECURITY_GROUP.NAME, VPC_SECURITY_GROUP.CLOUD_ID))
            .as("security_groups")
            .convertFrom(rows -> rows.map(mapping(SecurityGroup::new)));

    private static final Field<List<NetworkAcl>> NETWORK_ACLS = multiset(
            select(VPC_NETWORK_ACL.CLOUD_ID, VPC_NETWORK_ACL.NAME, VPC_NETWORK_ACL.IS_DEFAULT,
                    multiset(select(VPC_NETWORK_ACL_ENTRY.RULE_NUMBER,
                            VPC_NETWORK_ACL_ENTRY.DIRECTION.convertFrom(RuleDirection::valueOf),
                            VPC_NETWORK_ACL_ENTRY.PROTOCOL, VPC_NETWORK_ACL_ENTRY.RULE_ACTION, VPC_NETWORK_ACL_ENTRY.CIDR,
                            VPC_NETWORK_ACL_ENTRY.FROM_PORT, VPC_NETWORK_ACL_ENTRY.TO_PORT,
                            VPC_NETWORK_ACL_ENTRY.ICMP_TYPE, VPC_NETWORK_ACL_ENTRY.ICMP_CODE)
                            .from(VPC_NETWORK_ACL_ENTRY)
                            .where(VPC_NETWORK_ACL_ENTRY.NETWORK_ACL_ID.eq(VPC_NETWORK_ACL.ID)))
                            .convertFrom(rows -> rows.map(mapping(NetworkAclEntry::new))),
                    multiset(select(VPC_NETWORK_ACL_ASSOCIATION.CLOUD_ID, VPC_NETWORK_ACL_ASSOCIATION.SUBNET_ID)
                            .from(VPC_NETWORK_ACL_ASSOCIATION)
                            .where(VPC_NETWORK_ACL_ASSOCIATION.NETWORK_ACL_ID.eq(VPC_NETWORK_ACL.ID))
                            .orderBy(VPC_NETWORK_ACL_ASSOCIATION.SUBNET_ID))
                            .convertFrom(rows -> rows.map(mapping(NetworkAcl.Association::new))))
                    .from(VPC_NETWORK_ACL).where(VPC_NETWORK_ACL.VPC_ID.eq(VPC.ID))
                    .orderBy(VPC_NETWORK_ACL.IS_DEFAULT.desc(), coalesce(VPC_NETWORK_ACL.NAME, VPC_NETWORK_ACL.CLOUD_ID)))
            .as("network_acls")
            .convertFrom(rows -> rows.map(mapping(NetworkAcl::new)));

    private static VpcDetail toDetail(Record r) {
        Vpc vpc = new Vpc(r.get(VPC.CLOUD_ID), r.get(VPC.OWNER_ID), r.get(VPC.REGION), r.get(VPC.NAME), r.get(VPC.STATE),
                r.get(VPC.IS_DEFAULT), r.get(CIDR_BLOCKS), r.get(SUBNETS), r.get(ROUTE_TABLES), r.get(SECURITY_GROUPS),
                r.get(NETWORK_ACLS));
        return new VpcDetail(new VpcId(r.get(VPC.ID)), new CloudAccountId(r.get(VPC.ACCOUNT_ID)),
                r.get(CLOUD_ACCOUNT.ACCOUNT_ID), r.get(CLOUD_ACCOUNT.NAME), r.get(VPC.DISCOVERED_AT).toInstant(),
                CloudAccountRepository.toSyncState(r), vpc);
    }

    private static List<String> split(String cidrBlocks) {
        return cidrBlocks.isBlank() ? List.of() : Arrays.asList(cidrBlocks.split(" "));
    }
}
