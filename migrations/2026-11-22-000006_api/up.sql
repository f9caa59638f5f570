-- API access of a company: the circle of trust (accepted once by the main access manager)
-- and the activation of each of the two APIs.
CREATE TABLE api_access (
    company_id UUID PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    circle_of_trust_version TEXT,
    circle_accepted_by TEXT,
    circle_accepted_at TIMESTAMPTZ,
    mandates_api BOOLEAN NOT NULL DEFAULT false,
    precontractual_api BOOLEAN NOT NULL DEFAULT false
);

-- Machine clients (OAuth 2.0 client credentials). The secret is stored only as a hash.
CREATE TABLE api_clients (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    secret_hash BYTEA NOT NULL,
    scopes TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX api_clients_company ON api_clients (company_id);

-- Access tokens issued to clients, stored only as hashes.
CREATE TABLE api_tokens (
    token_hash BYTEA PRIMARY KEY,
    client_id UUID NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    scopes TEXT NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_tokens_expiry ON api_tokens (expires_at);
-- API listing of requests by creation date, and lookup of a citizen's mandate by NISS.
CREATE INDEX access_requests_citizen_company ON access_requests (company_id, citizen_niss, context) WHERE status = 'accepted';
