-- A proposed change of an active peering gets an id (the change process carries it), the other
-- side's decision on it (taken once), and how it ended: applied, or reverted with the reason.
-- The change_* columns keep the last change after it ended; the plan's markers are cleared then.
alter table peering_request add column change_id uuid;
alter table peering_request add column change_decision varchar(8);
alter table peering_request add column change_decided_by varchar(120);
alter table peering_request add column change_decided_at timestamp with time zone;
alter table peering_request add column change_decision_reason varchar(500);
alter table peering_request add column change_outcome varchar(8);
alter table peering_request add column change_outcome_reason varchar(2000);
alter table peering_request add constraint peering_request_change_decision
    check (change_decision is null or change_decision in ('APPROVED', 'REJECTED'));
alter table peering_request add constraint peering_request_change_outcome
    check (change_outcome is null or change_outcome in ('APPLIED', 'REVERTED'));
