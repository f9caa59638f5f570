-- One consultation per deliberate act: the answer the company saw is kept with the audit
-- row, so that the page's PDF export re-renders that consultation (no new row, the same
-- answer). Only the answer the company saw: verdicts per quarter and month, or the hours
-- left; never a fraction or a reason. Erased with the row (retention_audit_days).
ALTER TABLE consultations ADD COLUMN answer JSONB;
-- The act a consultation answered (a form's one-time id): the same act posted again (a
-- reload of the result page) is the same consultation.
ALTER TABLE consultations ADD COLUMN act UUID;
CREATE UNIQUE INDEX consultations_act ON consultations (request_id, act) WHERE act IS NOT NULL;
-- purge: consultations by age.
CREATE INDEX consultations_consulted_at ON consultations (consulted_at);

-- A positive flexi-job answer is final for its quarter: the quarters already answered
-- eligible to a company for a person, and when (nothing else: no fraction, no reason).
-- Erased with the consultation audit (retention_audit_days).
CREATE TABLE flexi_positive_answers (
    citizen_niss TEXT NOT NULL CHECK (citizen_niss ~ '^[0-9]{11}$'),
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    quarter SMALLINT NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    answered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (citizen_niss, company_id, year, quarter)
);
CREATE INDEX flexi_positive_answers_answered ON flexi_positive_answers (answered_at);
