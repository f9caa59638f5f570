-- Rate limits shared by every server: one token bucket per key ("link:<ip>",
-- "api:<client id>"), refilled continuously, counted with one upsert. UNLOGGED: counters
-- need no crash safety (after a crash PostgreSQL empties the table: every bucket is full).
CREATE UNLOGGED TABLE rate_limits (
    key TEXT PRIMARY KEY,
    -- Tokens left at updated_at (below 1: the last hit was refused).
    tokens DOUBLE PRECISION NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- When the bucket is full again: a row past it says nothing and may be deleted.
    full_at TIMESTAMPTZ NOT NULL,
    allowed BOOLEAN NOT NULL
);
CREATE INDEX rate_limits_full_at ON rate_limits (full_at);
