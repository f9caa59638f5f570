-- One webhook endpoint per API client, with the secret the integrator chose to check the
-- signatures (an HMAC key: it has to be kept as such to sign).
ALTER TABLE api_clients ADD COLUMN webhook_url TEXT, ADD COLUMN webhook_secret TEXT;

-- Outbox of webhook events: written in the transaction of the transition they announce,
-- delivered at least once by the deliver-webhooks job, retried with back-off.
CREATE TABLE webhook_deliveries (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id UUID NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    delivered_at TIMESTAMPTZ,
    failed_at TIMESTAMPTZ,
    last_error TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_deliveries_client ON webhook_deliveries (client_id, created_at DESC);
