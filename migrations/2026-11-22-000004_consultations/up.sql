-- The audit trail of consultations: one row per answer given to a company (page, PDF
-- export or API call), written in the transaction that computes the answer. The citizen
-- reads it in the portal (who, on behalf of whom, what, when); the back office searches it.
-- It records who asked and about whom, never the answer itself.
CREATE TABLE consultations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id UUID NOT NULL REFERENCES access_requests (id),
    -- The mandate consulted under (access_requests.mandate_id at the time).
    mandate_id UUID,
    -- The company the answer is for, and the provider that asked on its behalf, if any.
    company_id UUID NOT NULL REFERENCES companies (id),
    provider_id UUID REFERENCES companies (id),
    citizen_niss TEXT NOT NULL CHECK (citizen_niss ~ '^[0-9]{11}$'),
    -- Context code (FLEXI_JOB, STUDENT_HOURS, ...).
    context TEXT NOT NULL,
    consulted_at TIMESTAMPTZ NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('company_user', 'api_client')),
    -- The company user's NISS, or the API client's id.
    actor_ref TEXT NOT NULL
);
CREATE INDEX consultations_citizen ON consultations (citizen_niss, consulted_at DESC);
CREATE INDEX consultations_request ON consultations (request_id);
CREATE INDEX consultations_company ON consultations (company_id, consulted_at DESC);
