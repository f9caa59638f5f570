DROP INDEX idempotency_keys_api_client;
ALTER TABLE idempotency_keys DROP COLUMN api_client_id;
