-- Back to one table (the act's uniqueness an index again), shaped as the partitioned one.
ALTER TABLE consultations RENAME TO consultations_partitioned;
CREATE TABLE consultations
    (LIKE consultations_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
INSERT INTO consultations SELECT * FROM consultations_partitioned;
DROP TABLE consultations_partitioned;
DROP FUNCTION consultations_months(TIMESTAMPTZ, TIMESTAMPTZ);
DROP FUNCTION consultations_month(TIMESTAMPTZ);
ALTER TABLE consultations ADD PRIMARY KEY (id),
    ADD FOREIGN KEY (request_id) REFERENCES access_requests (id),
    ADD FOREIGN KEY (company_id) REFERENCES companies (id),
    ADD FOREIGN KEY (provider_id) REFERENCES companies (id);
CREATE INDEX consultations_citizen ON consultations (citizen_niss, consulted_at DESC);
CREATE INDEX consultations_request ON consultations (request_id);
CREATE INDEX consultations_company ON consultations (company_id, consulted_at DESC);
CREATE UNIQUE INDEX consultations_act ON consultations (request_id, act) WHERE act IS NOT NULL;
CREATE INDEX consultations_consulted_at ON consultations (consulted_at);
