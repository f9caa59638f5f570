-- A digest cannot be turned back into its key, nor a sealed link opened without it: the
-- keys (24 hours of retries) are forgotten.
DELETE FROM idempotency_keys;
