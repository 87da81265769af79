-- What the portal checked on a peering and what came out, for both parties to see on its page:
-- validation when the request was filed and again at approval, and the reachability analysis of
-- every requested flow before activation and after a change. A check run replaces the earlier
-- run of the same kind and stage (a retried step does not list its flows twice); the audit trail
-- keeps every run's summary.
create table peering_check (
    request_id uuid not null references peering_request (id) on delete cascade,
    seq integer not null,
    kind varchar(16) not null,
    stage varchar(16) not null,
    outcome varchar(16) not null,
    subject varchar(1000) not null,
    detail varchar(2000),
    checked_at timestamp with time zone not null,
    primary key (request_id, seq),
    constraint peering_check_kind check (kind in ('VALIDATION', 'REACHABILITY')),
    constraint peering_check_stage check (stage in ('FILING', 'APPROVAL', 'ACTIVATION', 'CHANGE')),
    constraint peering_check_outcome check (outcome in ('PASSED', 'FAILED', 'NOT_ANALYSED'))
);
