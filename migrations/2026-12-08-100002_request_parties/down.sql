ALTER TABLE access_requests
    ADD COLUMN created_by TEXT,
    ADD COLUMN citizen_niss TEXT CHECK (citizen_niss ~ '^[0-9]{11}$');
UPDATE access_requests r SET citizen_niss = p.citizen_niss, created_by = p.created_by
  FROM request_parties p WHERE p.request_id = r.id;
CREATE INDEX access_requests_citizen ON access_requests (citizen_niss, status_changed_at DESC) WHERE citizen_niss IS NOT NULL;
CREATE INDEX access_requests_citizen_company ON access_requests (company_id, citizen_niss, context) WHERE status = 'accepted';
DROP TABLE request_parties;
