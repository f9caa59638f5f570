CREATE INDEX companies_name_lower ON companies (lower(name) text_pattern_ops);
DROP INDEX companies_name_trgm;
DROP FUNCTION mandat_fold(text);
DROP EXTENSION IF EXISTS unaccent;
DROP EXTENSION IF EXISTS pg_trgm;
