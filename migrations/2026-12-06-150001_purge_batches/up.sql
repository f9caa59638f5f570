-- The purge walks the archived requests in batches, in the order of their archival
-- (keyset: archived_at, then id), each batch its own transaction.
DROP INDEX access_requests_archived;
CREATE INDEX access_requests_archived ON access_requests (archived_at, id) WHERE archived_at IS NOT NULL;

-- The search keys follow the rows an UPDATE changed, read from its transition table (the
-- planner knows its size: a few rows are looked up by the keys' primary key), not from a
-- join of the whole table with the keys, which took seconds a statement at millions of
-- rows, and would take them at each batch of the purge. A trigger with a transition table
-- cannot name columns: it runs after every UPDATE of the table, on the rows it changed.
DROP TRIGGER access_request_keys_update ON access_requests;
CREATE OR REPLACE FUNCTION access_request_keys_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM access_request_keys k
     USING new_rows r
     WHERE r.id = k.request_id
       AND (k.label_lower IS DISTINCT FROM lower(r.label)
            OR k.email_lower IS DISTINCT FROM lower(r.email)
            OR k.target_niss IS DISTINCT FROM r.target_niss);
    INSERT INTO access_request_keys (request_id, label_lower, email_lower, target_niss)
    SELECT r.id, lower(r.label), lower(r.email), r.target_niss
      FROM new_rows r
     WHERE (r.label IS NOT NULL OR r.email IS NOT NULL OR r.target_niss IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM access_request_keys k WHERE k.request_id = r.id);
    RETURN NULL;
END $$;
CREATE TRIGGER access_request_keys_update AFTER UPDATE ON access_requests
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION access_request_keys_on_update();
