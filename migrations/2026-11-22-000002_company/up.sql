-- Companies: employers and social service providers.
CREATE TABLE companies (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    bce TEXT NOT NULL UNIQUE CHECK (bce ~ '^[01][0-9]{9}$'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK (kind IN ('employer', 'provider')),
    contact_email TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    suspended_at TIMESTAMPTZ,
    suspension_reason TEXT
);

-- Who works for which company, with which role. A person may belong to several companies.
CREATE TABLE company_members (
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    niss TEXT NOT NULL CHECK (niss ~ '^[0-9]{11}$'),
    role TEXT NOT NULL CHECK (role IN ('main_manager', 'manager', 'user')),
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (company_id, niss)
);
CREATE INDEX company_members_niss ON company_members (niss);

-- Who accepted which version of the terms of use, when.
CREATE TABLE terms_acceptances (
    id BIGSERIAL PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    terms_version TEXT NOT NULL,
    accepted_by TEXT NOT NULL,
    accepted_at TIMESTAMPTZ NOT NULL,
    UNIQUE (company_id, terms_version)
);

-- A social service provider designated by a client company to act on its behalf.
CREATE TABLE provider_links (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    provider_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    ended_at TIMESTAMPTZ,
    CHECK (client_id <> provider_id)
);
CREATE UNIQUE INDEX provider_links_active ON provider_links (client_id, provider_id) WHERE ended_at IS NULL;
CREATE INDEX provider_links_provider ON provider_links (provider_id) WHERE ended_at IS NULL;

-- An access request and, once accepted, the mandate it became (one row, one status).
CREATE TABLE access_requests (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    -- the company the access is for (never the provider)
    company_id UUID NOT NULL REFERENCES companies (id),
    -- the provider acting on the company's behalf, if any
    provider_id UUID REFERENCES companies (id),
    -- who created it: a company user (NISS) or, later, an API client
    created_by TEXT,
    -- personal data erased by the purge after archival: label and e-mail become NULL
    label TEXT,
    email TEXT,
    context TEXT NOT NULL CHECK (context IN ('FLEXI_JOB', 'STUDENT_HOURS')),
    language TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'de', 'en')),
    target_niss TEXT CHECK (target_niss ~ '^[0-9]{11}$'),
    -- SHA-256 of the single-use link secret; the secret itself is never stored
    token_hash BYTEA NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'refused', 'expired', 'withdrawn', 'revoked', 'blocked', 'ended')),
    status_reason TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    status_changed_at TIMESTAMPTZ NOT NULL,
    -- the first citizen who signed in through the link is bound to it
    citizen_niss TEXT CHECK (citizen_niss ~ '^[0-9]{11}$'),
    bound_at TIMESTAMPTZ,
    -- the mandate, once accepted
    mandate_id UUID UNIQUE,
    accepted_at TIMESTAMPTZ,
    valid_until TIMESTAMPTZ,
    citizen_first_name TEXT,
    citizen_last_name TEXT,
    archived_at TIMESTAMPTZ
);
-- company tabs: newest first, per company, not archived
CREATE INDEX access_requests_company_list ON access_requests (company_id, status, created_at DESC) WHERE archived_at IS NULL;
-- citizen portal
CREATE INDEX access_requests_citizen ON access_requests (citizen_niss, status_changed_at DESC) WHERE citizen_niss IS NOT NULL;
-- jobs
CREATE INDEX access_requests_pending_expiry ON access_requests (expires_at) WHERE status = 'pending';
CREATE INDEX access_requests_active_end ON access_requests (valid_until) WHERE status = 'accepted';

-- Every transition, with its time and actor.
CREATE TABLE request_events (
    id BIGSERIAL PRIMARY KEY,
    request_id UUID NOT NULL REFERENCES access_requests (id) ON DELETE CASCADE,
    at TIMESTAMPTZ NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('company_user', 'api_client', 'citizen', 'staff', 'job')),
    actor_ref TEXT,
    note TEXT
);
CREATE INDEX request_events_request ON request_events (request_id, at);

-- Citizens who refused and blocked a company from asking again.
CREATE TABLE citizen_blocks (
    citizen_niss TEXT NOT NULL CHECK (citizen_niss ~ '^[0-9]{11}$'),
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (citizen_niss, company_id)
);

-- Transactional outbox: a mail is written in the same transaction as what it announces.
CREATE TABLE outbox_emails (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id UUID REFERENCES access_requests (id) ON DELETE SET NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_at TIMESTAMPTZ,
    failed_at TIMESTAMPTZ,
    last_error TEXT
);
CREATE INDEX outbox_emails_due ON outbox_emails (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_emails_request ON outbox_emails (request_id);
CREATE INDEX outbox_emails_created ON outbox_emails (created_at DESC);

-- Each delivery attempt.
CREATE TABLE email_attempts (
    id BIGSERIAL PRIMARY KEY,
    email_id UUID NOT NULL REFERENCES outbox_emails (id) ON DELETE CASCADE,
    at TIMESTAMPTZ NOT NULL,
    ok BOOLEAN NOT NULL,
    error TEXT
);
CREATE INDEX email_attempts_email ON email_attempts (email_id, at);
