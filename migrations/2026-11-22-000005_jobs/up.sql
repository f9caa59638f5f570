-- One row per run of a background job (by the scheduler or `mandat jobs run-once`), for
-- the back-office dashboard: when, how long, how many rows, and the error if it failed.
CREATE TABLE job_runs (
    id BIGSERIAL PRIMARY KEY,
    job TEXT NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL,
    rows_affected BIGINT NOT NULL DEFAULT 0,
    error TEXT
);
CREATE INDEX job_runs_job_started ON job_runs (job, started_at DESC);

-- archive: the few rows not yet archived, by status and last change.
CREATE INDEX access_requests_to_archive ON access_requests (status, status_changed_at) WHERE archived_at IS NULL;
-- purge: archived rows by archival time.
CREATE INDEX access_requests_archived ON access_requests (archived_at) WHERE archived_at IS NOT NULL;
-- Room on every page, so that the purge's erasure (columns no index covers) is a HOT
-- update that writes no index entry: a million archived requests purged in seconds.
ALTER TABLE access_requests SET (fillfactor = 70);
