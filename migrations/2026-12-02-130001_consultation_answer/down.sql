DROP TABLE flexi_positive_answers;
DROP INDEX consultations_consulted_at;
DROP INDEX consultations_act;
ALTER TABLE consultations DROP COLUMN act;
ALTER TABLE consultations DROP COLUMN answer;
