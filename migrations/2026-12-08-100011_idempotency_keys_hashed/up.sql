-- An idempotency key is stored as its SHA-256 (hex), as the application now looks it up;
-- the links made under the keys of the last 24 hours stay readable until they expire,
-- those made from now on are sealed under a key derived from the client's key.
UPDATE idempotency_keys SET key = encode(sha256(convert_to(key, 'UTF8')), 'hex');
