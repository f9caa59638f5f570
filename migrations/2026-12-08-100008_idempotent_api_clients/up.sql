-- The API page's "Create client" form carries the key of its display, as the request form
-- does: the same form sent again (a reload of the answer that shows the secret, a double
-- click without JavaScript) finds the client made the first time instead of making another
-- one whose secret nobody sees.
ALTER TABLE idempotency_keys
    ADD COLUMN api_client_id UUID NULL REFERENCES api_clients (id) ON DELETE CASCADE;
CREATE INDEX idempotency_keys_api_client ON idempotency_keys (api_client_id)
    WHERE api_client_id IS NOT NULL;
