-- A change of an active peering gets the approving side's security review when the contract demands
-- one or the change opens wide port ranges, as a new request does. Whether a review follows is
-- recorded with the approval; the review's decision is taken once, like the approval's.
alter table peering_request add column change_review_needed boolean default false not null;
alter table peering_request add column change_review_decision varchar(8);
alter table peering_request add column change_review_decided_by varchar(120);
alter table peering_request add column change_review_decided_at timestamp with time zone;
alter table peering_request add column change_review_reason varchar(500);
alter table peering_request add constraint peering_request_change_review_decision
    check (change_review_decision is null or change_review_decision in ('APPROVED', 'REJECTED'));

-- The inbox gains the change's security review.
alter table peering_task drop constraint peering_task_kind_known;
alter table peering_task add constraint peering_task_kind_known
    check (kind in ('APPROVAL', 'SECURITY_REVIEW', 'CHANGE_APPROVAL', 'CHANGE_REVIEW'));
