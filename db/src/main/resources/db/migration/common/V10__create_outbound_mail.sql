-- The outbox of e-mail to people outside the portal (a tenant's contacts): written in the
-- transaction of the change it reports, delivered later by the portal's mail sender.
-- PENDING waits for its next attempt; SENDING is claimed by one portal node (at most one sends it);
-- SENT is done; FAILED gave up (attempts used up, or the outcome of a send is unknown).
-- dedupe_key makes writing the same message again (a retried step) a no-op.
create table outbound_mail (
    id               uuid                     not null primary key,
    tenant_id        uuid                     not null references tenant (id),
    dedupe_key       varchar(200)             not null,
    recipient_name   varchar(200)             not null,
    recipient_email  varchar(254)             not null,
    subject          varchar(300)             not null,
    body             varchar(8000)            not null,
    link             varchar(500),
    state            varchar(8)               not null,
    attempts         integer                  not null,
    next_attempt_at  timestamp with time zone not null,
    claimed_at       timestamp with time zone,
    sent_at          timestamp with time zone,
    last_error       varchar(1000),
    created_at       timestamp with time zone not null,
    constraint outbound_mail_state_known check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    constraint outbound_mail_dedupe unique (dedupe_key)
);
create index outbound_mail_due_ix on outbound_mail (state, next_attempt_at);
create index outbound_mail_tenant_ix on outbound_mail (tenant_id, created_at);
