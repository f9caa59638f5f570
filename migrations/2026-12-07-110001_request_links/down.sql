ALTER TABLE access_requests ADD COLUMN token_hash BYTEA;
UPDATE access_requests r SET token_hash = COALESCE(
    (SELECT l.token_hash FROM request_links l WHERE l.request_id = r.id),
    decode(md5(r.id::text) || md5(r.id::text), 'hex'));
ALTER TABLE access_requests ALTER COLUMN token_hash SET NOT NULL;
ALTER TABLE access_requests ADD CONSTRAINT access_requests_token_hash_key UNIQUE (token_hash);
CREATE INDEX access_requests_live_links ON access_requests (expires_at)
    WHERE token_hash <> decode(md5(id::text) || md5(id::text), 'hex');
DROP TABLE request_links;
