-- Partner contracts: a bilateral agreement one tenant proposes to another and the other accepts.
-- The terms (regions, each side's prefixes, ports, SLO, limits, maintenance, shared contact roles)
-- are fixed once proposed; only the state moves. Both tenants read the same rows.

create table contract (
    id                        uuid                     not null primary key,
    proposer_id               uuid                     not null references tenant (id),
    partner_id                uuid                     not null references tenant (id),
    title                     varchar(200)             not null,
    state                     varchar(16)              not null,
    valid_from                date                     not null,
    valid_until               date                     not null,
    security_review_required  boolean                  not null,
    -- up to 100.000: numeric(6, 3), as numeric(5, 3) stops at 99.999
    slo_availability          numeric(6, 3)            not null,
    slo_latency_ms            integer                  not null,
    max_peerings              integer                  not null,
    maintenance_notice_days   integer                  not null,
    maintenance_window        varchar(500)             not null,
    proposed_by               varchar(120)             not null,
    proposed_at               timestamp with time zone not null,
    -- accepted or declined by the partner, or withdrawn by the proposer
    decided_by                varchar(120),
    decided_at                timestamp with time zone,
    decision_reason           varchar(500),
    -- set while suspended (kept when a suspended contract expires), cleared on resume
    suspended_by_tenant_id    uuid                     references tenant (id),
    suspended_by              varchar(120),
    suspended_at              timestamp with time zone,
    suspension_reason         varchar(500),
    expired_at                timestamp with time zone,
    constraint contract_two_parties check (proposer_id <> partner_id),
    constraint contract_state_known check (state in ('PROPOSED', 'ACTIVE', 'DECLINED', 'SUSPENDED', 'EXPIRED', 'WITHDRAWN')),
    constraint contract_dates_in_order check (valid_from <= valid_until),
    constraint contract_slo_availability check (slo_availability >= 0 and slo_availability <= 100),
    constraint contract_slo_latency check (slo_latency_ms > 0),
    constraint contract_max_peerings check (max_peerings between 1 and 50),
    constraint contract_notice_days check (maintenance_notice_days between 0 and 365),
    constraint contract_suspension check (state <> 'SUSPENDED'
        or (suspended_by_tenant_id is not null and suspended_by is not null and suspension_reason is not null))
);
create index contract_proposer_ix on contract (proposer_id, state);
create index contract_partner_ix on contract (partner_id, state);

create table contract_region (
    contract_id  uuid        not null references contract (id) on delete cascade,
    region       varchar(32) not null,
    primary key (contract_id, region)
);

-- the prefixes each side may expose to the other: canonical CIDR text, in the proposer's order
create table contract_prefix (
    contract_id  uuid        not null references contract (id) on delete cascade,
    side         varchar(8)  not null,
    seq          integer     not null,
    cidr         varchar(43) not null,
    primary key (contract_id, side, cidr),
    constraint contract_prefix_side check (side in ('PROPOSER', 'PARTNER'))
);

-- allowed traffic: tcp/udp with a port range, icmp or all without ports
create table contract_port (
    contract_id  uuid       not null references contract (id) on delete cascade,
    seq          integer    not null,
    protocol     varchar(4) not null,
    from_port    integer,
    to_port      integer,
    primary key (contract_id, seq),
    constraint contract_port_range check (
        (protocol in ('icmp', 'all') and from_port is null and to_port is null)
        or (protocol in ('tcp', 'udp') and from_port between 0 and 65535 and to_port between from_port and 65535))
);

-- the contact roles both sides share with each other while the contract is active
create table contract_contact_role (
    contract_id  uuid        not null references contract (id) on delete cascade,
    role         varchar(16) not null,
    primary key (contract_id, role),
    constraint contract_contact_role_known check (role in ('NOC', 'TECHNICAL', 'SECURITY', 'POLICY', 'MAINTENANCE',
                                                           'ABUSE', 'MANAGEMENT'))
);
