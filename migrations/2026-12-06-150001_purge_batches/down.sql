DROP TRIGGER access_request_keys_update ON access_requests;
CREATE OR REPLACE FUNCTION access_request_keys_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM access_request_keys k
     USING access_requests r
     WHERE r.id = k.request_id
       AND (k.label_lower IS DISTINCT FROM lower(r.label)
            OR k.email_lower IS DISTINCT FROM lower(r.email)
            OR k.target_niss IS DISTINCT FROM r.target_niss);
    INSERT INTO access_request_keys (request_id, label_lower, email_lower, target_niss)
    SELECT r.id, lower(r.label), lower(r.email), r.target_niss
      FROM access_requests r
     WHERE (r.label IS NOT NULL OR r.email IS NOT NULL OR r.target_niss IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM access_request_keys k WHERE k.request_id = r.id);
    RETURN NULL;
END $$;
CREATE TRIGGER access_request_keys_update AFTER UPDATE OF label, email, target_niss ON access_requests
    FOR EACH STATEMENT EXECUTE FUNCTION access_request_keys_on_update();
DROP INDEX access_requests_archived;
CREATE INDEX access_requests_archived ON access_requests (archived_at) WHERE archived_at IS NOT NULL;
