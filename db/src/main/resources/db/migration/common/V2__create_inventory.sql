-- Cloud accounts of a tenant and the VPC inventory the portal discovers in them (never typed in).
-- A sync replaces an account's inventory in one transaction: VPC rows keep their ids (the same
-- VPC keeps its portal URL), everything below a VPC is deleted and inserted again.

create table cloud_account (
    id               uuid                     not null primary key,
    tenant_id        uuid                     not null references tenant (id),
    account_id       varchar(12)              not null,
    name             varchar(100)             not null,
    regions          varchar(1000)            not null,                 -- comma-separated region names
    access_key_id    varchar(128)             not null,
    secret_cipher    varchar(1000)            not null,                 -- SecretCipher, never shown again
    created_by       varchar(120)             not null,
    created_at       timestamp with time zone not null,
    sync_status      varchar(16)              not null,
    sync_attempt_at  timestamp with time zone,
    sync_error_code  varchar(100),
    sync_error       varchar(1000),
    synced_at        timestamp with time zone,                          -- the last successful sync
    constraint cloud_account_number_unique unique (account_id),
    constraint cloud_account_number_length check (char_length(account_id) = 12),
    constraint cloud_account_sync_status check (sync_status in ('NEVER', 'SUCCEEDED', 'FAILED'))
);
create index cloud_account_tenant_ix on cloud_account (tenant_id);

create table vpc (
    id             uuid                     not null primary key,
    tenant_id      uuid                     not null references tenant (id),
    account_id     uuid                     not null references cloud_account (id) on delete cascade,
    region         varchar(32)              not null,
    cloud_id       varchar(64)              not null,                  -- vpc-…
    name           varchar(256),
    sort_name      varchar(256)             not null,                  -- lower(coalesce(name, cloud_id)): list order
    state          varchar(32)              not null,
    owner_id       varchar(12)              not null,
    is_default     boolean                  not null,
    cidr_blocks    varchar(2000)            not null,                  -- space-separated, for the list and text search
    discovered_at  timestamp with time zone not null,
    constraint vpc_cloud_id_unique unique (account_id, region, cloud_id)
);
create index vpc_tenant_ix on vpc (tenant_id, sort_name);

-- IPv4 and IPv6 blocks; the numeric range makes "which VPC holds 10.10.1.5" one comparison
create table vpc_cidr_block (
    vpc_id        uuid          not null references vpc (id) on delete cascade,
    seq           integer       not null,
    cidr          varchar(64)   not null,
    ip_version    integer       not null,
    state         varchar(32)   not null,
    range_start   numeric(39)   not null,
    range_end     numeric(39)   not null,
    primary key (vpc_id, seq),
    constraint vpc_cidr_block_version check (ip_version in (4, 6))
);
create index vpc_cidr_block_range_ix on vpc_cidr_block (range_start, range_end);

create table vpc_subnet (
    vpc_id             uuid          not null references vpc (id) on delete cascade,
    cloud_id           varchar(64)   not null,
    name               varchar(256),
    cidr_block         varchar(64),
    ipv6_cidr_block    varchar(64),
    availability_zone  varchar(64),
    available_ips      integer       not null,
    state              varchar(32)   not null,
    primary key (vpc_id, cloud_id)
);

create table vpc_route_table (
    id         uuid          not null primary key,
    vpc_id     uuid          not null references vpc (id) on delete cascade,
    cloud_id   varchar(64)   not null,
    name       varchar(256),
    is_main    boolean       not null
);
create index vpc_route_table_vpc_ix on vpc_route_table (vpc_id);

create table vpc_route_table_association (
    route_table_id  uuid          not null references vpc_route_table (id) on delete cascade,
    cloud_id        varchar(64)   not null,
    subnet_id       varchar(64),                                         -- null: the main association
    is_main         boolean       not null,
    primary key (route_table_id, cloud_id)
);

create table vpc_route (
    route_table_id  uuid          not null references vpc_route_table (id) on delete cascade,
    seq             integer       not null,
    destination     varchar(64)   not null,
    target          varchar(128)  not null,
    state           varchar(16)   not null,
    origin          varchar(32),
    primary key (route_table_id, seq),
    constraint vpc_route_state check (state in ('active', 'blackhole', 'filtered'))
);

create table vpc_security_group (
    id           uuid          not null primary key,
    vpc_id       uuid          not null references vpc (id) on delete cascade,
    cloud_id     varchar(64)   not null,
    name         varchar(256)  not null,
    description  varchar(256),
    owner_id     varchar(12)   not null
);
create index vpc_security_group_vpc_ix on vpc_security_group (vpc_id);

create table vpc_security_group_rule (
    security_group_id      uuid          not null references vpc_security_group (id) on delete cascade,
    seq                    integer       not null,
    cloud_id               varchar(64),
    direction              varchar(8)    not null,
    protocol               varchar(16)   not null,
    from_port              integer,
    to_port                integer,
    cidr                   varchar(64),
    prefix_list_id         varchar(64),
    referenced_group_id    varchar(64),
    referenced_account_id  varchar(12),                                  -- another account's group, e.g. a peer's
    description            varchar(256),
    primary key (security_group_id, seq),
    constraint vpc_security_group_rule_direction check (direction in ('INGRESS', 'EGRESS'))
);

create table vpc_network_acl (
    id          uuid          not null primary key,
    vpc_id      uuid          not null references vpc (id) on delete cascade,
    cloud_id    varchar(64)   not null,
    name        varchar(256),
    is_default  boolean       not null
);
create index vpc_network_acl_vpc_ix on vpc_network_acl (vpc_id);

create table vpc_network_acl_entry (
    network_acl_id  uuid          not null references vpc_network_acl (id) on delete cascade,
    direction       varchar(8)    not null,
    rule_number     integer       not null,
    protocol        varchar(16)   not null,
    rule_action     varchar(8)    not null,
    cidr            varchar(64)   not null,
    from_port       integer,
    to_port         integer,
    icmp_type       integer,
    icmp_code       integer,
    primary key (network_acl_id, direction, rule_number),
    constraint vpc_network_acl_entry_direction check (direction in ('INGRESS', 'EGRESS')),
    constraint vpc_network_acl_entry_action check (rule_action in ('allow', 'deny'))
);

create table vpc_network_acl_association (
    network_acl_id  uuid          not null references vpc_network_acl (id) on delete cascade,
    cloud_id        varchar(64)   not null,
    subnet_id       varchar(64)   not null,
    primary key (network_acl_id, cloud_id)
);
