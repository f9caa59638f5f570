-- Back office: the audit of staff look-ups, and the indexes of the back-office search.

-- Every staff look-up of a person's data and every staff action. `target` is a request or
-- company id, or a masked NISS (never a raw one); `detail` a reason, a job name, filters.
CREATE TABLE staff_audit (
    id BIGSERIAL PRIMARY KEY,
    staff_id UUID NOT NULL REFERENCES staff (id),
    at TIMESTAMPTZ NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('search_niss', 'reveal_niss', 'view_request', 'block',
                                           'unblock', 'suspend', 'reinstate', 'run_job')),
    target TEXT NULL,
    detail TEXT NULL
);
CREATE INDEX staff_audit_at ON staff_audit (at DESC);
CREATE INDEX staff_audit_staff ON staff_audit (staff_id, at DESC);

-- The back-office search sees archived rows too (the company-list indexes are partial on
-- archived_at IS NULL), newest first, 50 a page.
CREATE INDEX access_requests_created ON access_requests (created_at DESC);
CREATE INDEX access_requests_status_created ON access_requests (status, created_at DESC);
CREATE INDEX access_requests_company_created ON access_requests (company_id, created_at DESC);
CREATE INDEX access_requests_company_status_created ON access_requests (company_id, status, created_at DESC);
CREATE INDEX access_requests_provider_created ON access_requests (provider_id, created_at DESC) WHERE provider_id IS NOT NULL;
-- Prefix search (LIKE 'abc%') and equality on the lower-cased label and e-mail.
CREATE INDEX access_requests_label_lower ON access_requests (lower(label) text_pattern_ops) WHERE label IS NOT NULL;
CREATE INDEX access_requests_email_lower ON access_requests (lower(email) text_pattern_ops) WHERE email IS NOT NULL;
-- Search by NISS: the person who answered (access_requests_citizen) or the one named.
CREATE INDEX access_requests_target_niss ON access_requests (target_niss) WHERE target_niss IS NOT NULL;
-- Company by name prefix (no extension needed).
CREATE INDEX companies_name_lower ON companies (lower(name) text_pattern_ops);
