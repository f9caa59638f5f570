-- Back to one table (the act's uniqueness an index again).
ALTER TABLE consultations RENAME TO consultations_partitioned;
ALTER TABLE consultations_partitioned RENAME CONSTRAINT consultations_pkey TO consultations_partitioned_pkey;
DROP INDEX consultations_citizen, consultations_request, consultations_company,
    consultations_consulted_at;
ALTER TABLE consultations_partitioned
    DROP CONSTRAINT consultations_request_id_fkey,
    DROP CONSTRAINT consultations_company_id_fkey,
    DROP CONSTRAINT consultations_provider_id_fkey,
    DROP CONSTRAINT consultations_citizen_niss_check,
    DROP CONSTRAINT consultations_actor_kind_check;
CREATE TABLE consultations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id UUID NOT NULL REFERENCES access_requests (id),
    mandate_id UUID,
    company_id UUID NOT NULL REFERENCES companies (id),
    provider_id UUID REFERENCES companies (id),
    citizen_niss TEXT NOT NULL CHECK (citizen_niss ~ '^[0-9]{11}$'),
    context TEXT NOT NULL,
    consulted_at TIMESTAMPTZ NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('company_user', 'api_client')),
    actor_ref TEXT NOT NULL,
    answer JSONB,
    act UUID
);
INSERT INTO consultations SELECT id, request_id, mandate_id, company_id, provider_id,
       citizen_niss, context, consulted_at, actor_kind, actor_ref, answer, act
  FROM consultations_partitioned;
DROP TABLE consultations_partitioned;
DROP FUNCTION consultations_months(TIMESTAMPTZ, TIMESTAMPTZ);
DROP FUNCTION consultations_month(TIMESTAMPTZ);
CREATE INDEX consultations_citizen ON consultations (citizen_niss, consulted_at DESC);
CREATE INDEX consultations_request ON consultations (request_id);
CREATE INDEX consultations_company ON consultations (company_id, consulted_at DESC);
CREATE UNIQUE INDEX consultations_act ON consultations (request_id, act) WHERE act IS NOT NULL;
CREATE INDEX consultations_consulted_at ON consultations (consulted_at);
