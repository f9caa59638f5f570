-- When each background job is next due, shared by every server on the database. A server
-- runs a job only while holding the job's advisory lock (released by PostgreSQL if the
-- server dies) and after claiming its row with a conditional update: each job runs once per
-- interval, whatever the number of servers. Times of the schedule are the database's clock;
-- last_run_at is the job's own "now" (the tenant's clock).
CREATE TABLE job_schedule (
    job TEXT PRIMARY KEY,
    next_run_at TIMESTAMPTZ NOT NULL,
    -- Set while a run is in progress; still set once the lock is free means the run died
    -- with its server: the next server claims the job at once.
    running_since TIMESTAMPTZ NULL,
    running_on TEXT NULL,
    -- The last run, whatever it did (a run that changed nothing is counted here only;
    -- job_runs keeps the runs that changed something or failed).
    last_run_at TIMESTAMPTZ NULL,
    last_duration_ms BIGINT NULL,
    last_rows BIGINT NULL,
    last_error TEXT NULL,
    runs BIGINT NOT NULL DEFAULT 0,
    idle_runs BIGINT NOT NULL DEFAULT 0
);
