-- The inbox: one row per open decision task of the workflow engine, written by the tasks' listeners
-- in the engine's transaction (created with the task, removed when it is completed or deleted), so
-- that a member's open tasks are one indexed range of the tenant's rows, nearest deadline first.
-- No foreign keys: the rows follow the engine's tasks, whose ids and variables they copy.

create table peering_task (
    task_id     varchar(64)              not null primary key,
    request_id  uuid                     not null,
    tenant_id   uuid                     not null,
    kind        varchar(16)              not null,
    due_at      timestamp with time zone not null,
    created_at  timestamp with time zone not null,
    constraint peering_task_kind_known check (kind in ('APPROVAL', 'SECURITY_REVIEW', 'CHANGE_APPROVAL'))
);
create index peering_task_inbox_ix on peering_task (tenant_id, due_at, created_at, task_id);
create index peering_task_request_ix on peering_task (request_id);
