-- Contacts: the people and teams of a tenant, by role and escalation tier, with their channels.
-- PARTNERS visibility lets partners under an active contract see them (for the roles it shares).

create table contact (
    id          uuid                     not null primary key,
    tenant_id   uuid                     not null references tenant (id),
    name        varchar(200)             not null,
    kind        varchar(8)               not null,
    role        varchar(16)              not null,
    tier        integer                  not null,
    email       varchar(254),
    phone       varchar(16),
    chat_url    varchar(500),
    time_zone   varchar(64)              not null,
    visibility  varchar(8)               not null,
    notes       varchar(500),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint contact_kind_known check (kind in ('PERSON', 'TEAM')),
    constraint contact_role_known check (role in ('NOC', 'TECHNICAL', 'SECURITY', 'POLICY', 'MAINTENANCE', 'ABUSE',
                                                  'MANAGEMENT')),
    constraint contact_tier check (tier between 1 and 3),
    constraint contact_visibility_known check (visibility in ('INTERNAL', 'PARTNERS')),
    constraint contact_reachable check (email is not null or phone is not null or chat_url is not null)
);
create index contact_tenant_ix on contact (tenant_id, role);
