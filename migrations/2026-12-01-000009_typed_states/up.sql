-- An accepted request always carries its mandate's end: the status-at-an-instant rule
-- (db::access_requests::status_is) compares it with now.
ALTER TABLE access_requests
    ADD CONSTRAINT access_requests_accepted_has_end
    CHECK (status <> 'accepted' OR valid_until IS NOT NULL);
