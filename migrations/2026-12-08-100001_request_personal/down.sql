ALTER TABLE access_requests
    ADD COLUMN label TEXT,
    ADD COLUMN email TEXT,
    ADD COLUMN target_niss TEXT CHECK (target_niss ~ '^[0-9]{11}$'),
    ADD COLUMN citizen_first_name TEXT,
    ADD COLUMN citizen_last_name TEXT;
UPDATE access_requests r
   SET label = p.label, email = p.email, target_niss = p.target_niss,
       citizen_first_name = p.citizen_first_name, citizen_last_name = p.citizen_last_name
  FROM request_personal p WHERE p.request_id = r.id;

CREATE TABLE access_request_keys (
    request_id UUID PRIMARY KEY REFERENCES access_requests (id) ON DELETE CASCADE,
    label_lower TEXT NULL,
    email_lower TEXT NULL,
    target_niss TEXT NULL
);
CREATE INDEX access_request_keys_label ON access_request_keys (label_lower text_pattern_ops) WHERE label_lower IS NOT NULL;
CREATE INDEX access_request_keys_email ON access_request_keys (email_lower text_pattern_ops) WHERE email_lower IS NOT NULL;
CREATE INDEX access_request_keys_target ON access_request_keys (target_niss) WHERE target_niss IS NOT NULL;
CREATE FUNCTION access_request_keys_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO access_request_keys (request_id, label_lower, email_lower, target_niss)
    SELECT id, lower(label), lower(email), target_niss FROM new_rows
     WHERE label IS NOT NULL OR email IS NOT NULL OR target_niss IS NOT NULL;
    RETURN NULL;
END $$;
CREATE FUNCTION access_request_keys_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER access_request_keys_insert AFTER INSERT ON access_requests
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION access_request_keys_on_insert();
CREATE TRIGGER access_request_keys_update AFTER UPDATE ON access_requests
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION access_request_keys_on_update();
INSERT INTO access_request_keys (request_id, label_lower, email_lower, target_niss)
SELECT id, lower(label), lower(email), target_niss FROM access_requests
 WHERE label IS NOT NULL OR email IS NOT NULL OR target_niss IS NOT NULL;

DROP TABLE request_personal;
