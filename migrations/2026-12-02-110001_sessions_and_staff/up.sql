-- Server-side sessions (issue 11): the cookie carries only a random id; its SHA-256 hash is
-- the key here, never the id itself. Idle and absolute lifetimes are enforced on every read
-- (db::sessions) and dead rows are removed by the `purge-sessions` job.
CREATE TABLE sessions (
    id_hash BYTEA PRIMARY KEY CHECK (octet_length(id_hash) = 32),
    -- The signed-in person, if any: "sign out everywhere", ending a staff member's sessions.
    niss TEXT NULL CHECK (niss ~ '^[0-9]{11}$'),
    -- The session's values (JSON object of JSON-encoded strings, as actix-session keeps them).
    state TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_niss ON sessions (niss) WHERE niss IS NOT NULL;
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);
CREATE INDEX sessions_created ON sessions (created_at);

-- Staff are persons: identified by NISS (signed in like everyone else), their role read from
-- this table on every request. A removed member keeps their row (the audit refers to it).
ALTER TABLE staff ADD COLUMN niss TEXT NULL CHECK (niss ~ '^[0-9]{11}$');
ALTER TABLE staff ADD COLUMN removed_at TIMESTAMPTZ NULL;
ALTER TABLE staff ALTER COLUMN username DROP NOT NULL;
CREATE UNIQUE INDEX staff_active_niss ON staff (niss) WHERE removed_at IS NULL;

ALTER TABLE staff_audit DROP CONSTRAINT staff_audit_action_check;
ALTER TABLE staff_audit ADD CONSTRAINT staff_audit_action_check
    CHECK (action IN ('search_niss', 'reveal_niss', 'view_request', 'block', 'unblock', 'suspend',
                      'reinstate', 'run_job', 'staff_add', 'staff_role', 'staff_remove',
                      'staff_end_sessions'));
