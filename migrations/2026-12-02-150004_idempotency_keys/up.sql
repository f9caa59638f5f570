-- Idempotent creation: a retried request creation (API `Idempotency-Key`, or the key of one
-- display of the web form) gets the first answer instead of making a second request and a
-- second mail. `owner` is who may replay ("api:<client id>", "web:<company id>");
-- `fingerprint` the SHA-256 of what was asked (same key, other body: refused). The answer
-- (the request and its link) is kept 24 hours, then purged by the expire-keys job.
CREATE TABLE idempotency_keys (
    owner TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    request_id UUID NULL REFERENCES access_requests (id) ON DELETE CASCADE,
    link TEXT NULL,
    PRIMARY KEY (owner, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
CREATE INDEX idempotency_keys_request ON idempotency_keys (request_id) WHERE request_id IS NOT NULL;
