-- The consultation audit in monthly partitions (UTC months of `consulted_at`), so that the
-- purge drops a month past the audit retention at once instead of deleting its rows one by
-- one (2.5 million rows: 50 s of row work; a dropped month: milliseconds).
--
-- `consultations_YYYY_MM` holds a month; `consultations_default` holds what falls in no
-- month made yet (a demo tenant's clock moved ahead, a test's clock in the past), so that
-- no consultation is ever refused for want of a partition. `consultations_months(from, to)`
-- makes the months of a range (moving their rows out of the default partition): the
-- migration makes those of the rows already recorded and the next one, the purge job the
-- current and next months of its clock, the generator those of its range.
--
-- A primary key of a partitioned table holds its partition key: `(id, consulted_at)` (ids
-- are random: `id` alone stays unique). So does a unique index, and the former
-- `(request_id, act)` cannot be one: two posts of one act are one consultation by the
-- act's transaction lock instead (`db::consultations::claim_act`).

ALTER TABLE consultations RENAME TO consultations_unpartitioned;
ALTER TABLE consultations_unpartitioned RENAME CONSTRAINT consultations_pkey TO consultations_unpartitioned_pkey;
DROP INDEX consultations_citizen, consultations_request, consultations_company,
    consultations_act, consultations_consulted_at;
-- Their names go to the new table's.
ALTER TABLE consultations_unpartitioned
    DROP CONSTRAINT consultations_request_id_fkey,
    DROP CONSTRAINT consultations_company_id_fkey,
    DROP CONSTRAINT consultations_provider_id_fkey,
    DROP CONSTRAINT consultations_citizen_niss_check,
    DROP CONSTRAINT consultations_actor_kind_check;

CREATE TABLE consultations (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
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
    actor_ref TEXT NOT NULL,
    -- The answer the company saw (never a fraction or a reason).
    answer JSONB,
    -- The act (a form's one-time id) it answered, from the company app.
    act UUID
) PARTITION BY RANGE (consulted_at);

CREATE TABLE consultations_default PARTITION OF consultations DEFAULT;

-- The partition of the UTC month of `at`, made when missing (its rows first moved out of
-- the default partition, then attached: attaching takes no lock that stops reads or
-- writes of the other months). Returns whether it was made.
CREATE FUNCTION consultations_month(at TIMESTAMPTZ) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
DECLARE
    first_day TIMESTAMP := date_trunc('month', at AT TIME ZONE 'UTC');
    from_at TIMESTAMPTZ := first_day AT TIME ZONE 'UTC';
    to_at TIMESTAMPTZ := (first_day + INTERVAL '1 month') AT TIME ZONE 'UTC';
    name TEXT := 'consultations_' || to_char(first_day, 'YYYY_MM');
BEGIN
    IF to_regclass(name) IS NOT NULL THEN
        RETURN FALSE;
    END IF;
    -- Two servers making the same month: one after the other.
    PERFORM pg_advisory_xact_lock(hashtextextended('consultations_month', 0));
    IF to_regclass(name) IS NOT NULL THEN
        RETURN FALSE;
    END IF;
    EXECUTE format(
        'CREATE TABLE %I (LIKE consultations INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
                          CHECK (consulted_at >= %L AND consulted_at < %L))',
        name, from_at, to_at);
    EXECUTE format(
        'WITH moved AS (DELETE FROM consultations_default
                         WHERE consulted_at >= %L AND consulted_at < %L RETURNING *)
         INSERT INTO %I SELECT * FROM moved',
        from_at, to_at, name);
    EXECUTE format('ALTER TABLE consultations ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
        name, from_at, to_at);
    RETURN TRUE;
END $$;

-- The partitions of the UTC months from that of `from_at` to that of `to_at`, made when
-- missing. Returns how many were made.
CREATE FUNCTION consultations_months(from_at TIMESTAMPTZ, to_at TIMESTAMPTZ) RETURNS INTEGER
LANGUAGE sql AS $$
    SELECT count(*) FILTER (WHERE consultations_month(m AT TIME ZONE 'UTC'))::INTEGER
      FROM generate_series(date_trunc('month', from_at AT TIME ZONE 'UTC'),
                           date_trunc('month', to_at AT TIME ZONE 'UTC'),
                           INTERVAL '1 month') AS m
$$;

SELECT consultations_months(
    COALESCE((SELECT min(consulted_at) FROM consultations_unpartitioned), now()),
    GREATEST(COALESCE((SELECT max(consulted_at) FROM consultations_unpartitioned), now()), now())
        + INTERVAL '1 month');

INSERT INTO consultations (id, request_id, mandate_id, company_id, provider_id, citizen_niss,
                           context, consulted_at, actor_kind, actor_ref, answer, act)
SELECT id, request_id, mandate_id, company_id, provider_id, citizen_niss,
       context, consulted_at, actor_kind, actor_ref, answer, act
  FROM consultations_unpartitioned;
DROP TABLE consultations_unpartitioned;

-- Built after the copy (each month's own indexes are made with it; a month attached later
-- gets them when attached).
ALTER TABLE consultations ADD PRIMARY KEY (id, consulted_at);
-- The citizen's history (their consultations of the last year, newest first).
CREATE INDEX consultations_citizen ON consultations (citizen_niss, consulted_at DESC);
-- A mandate's consultations (the back office's count), and an act's consultation.
CREATE INDEX consultations_request ON consultations (request_id, act);
CREATE INDEX consultations_company ON consultations (company_id, consulted_at DESC);
-- The purge of the month the audit retention ends in (and of the default partition).
CREATE INDEX consultations_consulted_at ON consultations (consulted_at);
