-- A workflow step of a peering request that could not reach the cloud (no connection, no answer in
-- time, throttled, a server error) waits and tries again, for as long as that lasts. One row per
-- request while it waits: which step, since when, how many attempts, the cloud's last error, and
-- when it tries next. The row goes when the step gets through.

create table peering_cloud_wait (
    request_id       uuid                     not null primary key references peering_request (id),
    step             varchar(200)             not null,
    since            timestamp with time zone not null,
    attempts         integer                  not null check (attempts > 0),
    last_error       varchar(2000)            not null,
    next_attempt_at  timestamp with time zone not null
);
