-- Back office: a company's name is found by any part of it, whatever the accents and the
-- case ("pokebowl" and "Pokébowl" find "Resto Pokébowl"), fast on millions of rows: a
-- trigram index on the name folded by an immutable function.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- lower(unaccent(text)) with the dictionary named, so that it can be IMMUTABLE (as an
-- index expression must be; unaccent() alone is only STABLE: it reads its dictionary
-- through the search path).
CREATE FUNCTION mandat_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE INDEX companies_name_trgm ON companies USING gin (mandat_fold(name) public.gin_trgm_ops);
DROP INDEX companies_name_lower;
