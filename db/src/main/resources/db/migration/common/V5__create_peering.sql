-- Peering requests: one tenant's VPC to a partner's VPC under an active contract, with the routes
-- and security-group rules each side wants, moved through its states by the peering workflow.
-- Both tenants read the same rows. A request keeps what it was filed for (cloud ids, region, CIDR
-- blocks of both VPCs) as text, so it stays readable after an account or VPC leaves the inventory;
-- that is also why the portal ids of accounts and VPCs carry no foreign key.

create table peering_request (
    id                        uuid                     not null primary key,
    contract_id               uuid                     not null references contract (id),
    requester_tenant_id       uuid                     not null references tenant (id),
    requester_account_id      uuid                     not null,    -- the portal's cloud account id
    requester_account_number  varchar(12)              not null,
    requester_vpc_id          uuid                     not null,    -- the portal's VPC id
    requester_cloud_vpc_id    varchar(64)              not null,    -- vpc-…
    requester_vpc_name        varchar(256),
    requester_region          varchar(32)              not null,
    requester_cidrs           varchar(2000)            not null,    -- space-separated, as filed
    accepter_tenant_id        uuid                     not null references tenant (id),
    accepter_account_id       uuid                     not null,
    accepter_account_number   varchar(12)              not null,
    accepter_vpc_id           uuid                     not null,
    accepter_cloud_vpc_id     varchar(64)              not null,
    accepter_vpc_name         varchar(256),
    accepter_region           varchar(32)              not null,
    accepter_cidrs            varchar(2000)            not null,
    state                     varchar(16)              not null,
    pcx_id                    varchar(64),                          -- the cloud's connection, once requested
    connection_expires_at     timestamp with time zone,
    idempotency_key           varchar(100),
    created_by                varchar(120)             not null,
    created_at                timestamp with time zone not null,
    updated_at                timestamp with time zone not null,
    -- the accepter's approval, then (when needed) its security review
    decision                  varchar(8),
    decided_by                varchar(120),
    decided_at                timestamp with time zone,
    decision_reason           varchar(500),
    review_decision           varchar(8),
    review_decided_by         varchar(120),
    review_decided_at         timestamp with time zone,
    review_reason             varchar(500),
    -- a requested cancellation or teardown: who asked, when, why
    closing_requested_by      varchar(120),
    closing_requested_at      timestamp with time zone,
    closing_reason            varchar(500),
    -- a change of routes or rules on an active peering: which side asked for it, who, when, why
    change_side               varchar(9),
    change_requested_by       varchar(120),
    change_requested_at       timestamp with time zone,
    change_reason             varchar(500),
    failure_reason            varchar(2000),
    -- optimistic lock: every change increments it, a conditional update on it lets one writer win
    version                   integer                  not null,
    constraint peering_request_idempotency unique (requester_tenant_id, idempotency_key),
    constraint peering_request_two_parties check (requester_tenant_id <> accepter_tenant_id),
    constraint peering_request_state check (state in ('SUBMITTED', 'PENDING_APPROVAL', 'SECURITY_REVIEW',
        'PROVISIONING', 'VERIFYING', 'ACTIVE', 'CHANGING', 'TEARING_DOWN', 'REJECTED', 'CANCELLED', 'EXPIRED',
        'FAILED', 'DELETED')),
    constraint peering_request_decision check (decision is null or decision in ('APPROVED', 'REJECTED')),
    constraint peering_request_review check (review_decision is null or review_decision in ('APPROVED', 'REJECTED')),
    constraint peering_request_change_side check (change_side is null or change_side in ('REQUESTER', 'ACCEPTER'))
);
create index peering_request_requester_ix on peering_request (requester_tenant_id, state);
create index peering_request_accepter_ix on peering_request (accepter_tenant_id, state);
create index peering_request_requester_vpc_ix on peering_request (requester_vpc_id, state);
create index peering_request_accepter_vpc_ix on peering_request (accepter_vpc_id, state);
create index peering_request_contract_ix on peering_request (contract_id, state);

-- the routes a side wants: in its own route table, to a destination inside the other VPC.
-- change is null for the approved plan, ADD or REMOVE while a change to it awaits approval.
create table peering_route (
    request_id        uuid        not null references peering_request (id) on delete cascade,
    seq               integer     not null,
    side              varchar(9)  not null,
    route_table_id    varchar(64) not null,
    destination_cidr  varchar(43) not null,
    change            varchar(6),
    primary key (request_id, seq),
    constraint peering_route_unique unique (request_id, side, route_table_id, destination_cidr),
    constraint peering_route_side check (side in ('REQUESTER', 'ACCEPTER')),
    constraint peering_route_change check (change is null or change in ('ADD', 'REMOVE'))
);

-- the inbound security-group rules a side wants, for traffic from the other VPC
create table peering_rule (
    request_id         uuid        not null references peering_request (id) on delete cascade,
    seq                integer     not null,
    side               varchar(9)  not null,
    security_group_id  varchar(64) not null,
    protocol           varchar(4)  not null,
    from_port          integer,
    to_port            integer,
    source_cidr        varchar(43) not null,
    change             varchar(6),
    primary key (request_id, seq),
    constraint peering_rule_side check (side in ('REQUESTER', 'ACCEPTER')),
    constraint peering_rule_change check (change is null or change in ('ADD', 'REMOVE')),
    constraint peering_rule_ports check (
        (protocol in ('icmp', 'all') and from_port is null and to_port is null)
        or (protocol in ('tcp', 'udp') and from_port between 0 and 65535 and to_port between from_port and 65535))
);

-- what provisioning actually created in the cloud, so compensation and teardown remove exactly
-- that and nothing else; removed_at is set once it is gone again
create table peering_applied (
    id                 uuid                     not null primary key,
    request_id         uuid                     not null references peering_request (id) on delete cascade,
    kind               varchar(5)               not null,
    side               varchar(9)               not null,
    resource_id        varchar(64)              not null,   -- rtb-… or sg-…
    cidr               varchar(43)              not null,   -- route destination or rule source
    target             varchar(64),                         -- a route's pcx-…
    protocol           varchar(4),
    from_port          integer,
    to_port            integer,
    cloud_rule_id      varchar(64),                         -- a rule's sgr-…
    applied_at         timestamp with time zone not null,
    removed_at         timestamp with time zone,
    constraint peering_applied_kind check (kind in ('ROUTE', 'RULE')),
    constraint peering_applied_side check (side in ('REQUESTER', 'ACCEPTER'))
);
create index peering_applied_request_ix on peering_applied (request_id);

-- in-portal notifications: to a tenant's members holding a role, or to one member; each member
-- marks what it has read
create table notification (
    id           uuid                     not null primary key,
    tenant_id    uuid                     not null references tenant (id),
    role         varchar(24),
    member_name  varchar(120),
    message      varchar(1000)            not null,
    link         varchar(500),
    created_at   timestamp with time zone not null
);
create index notification_tenant_ix on notification (tenant_id, created_at);

create table notification_read (
    notification_id  uuid                     not null references notification (id) on delete cascade,
    member_name      varchar(120)             not null,
    read_at          timestamp with time zone not null,
    primary key (notification_id, member_name)
);
