-- The company's tab badges without counting its rows: how many unarchived requests each
-- company has, per provider and stored status, kept as the rows change.
--
-- Insert-only: each statement that inserts, updates or deletes requests adds one row per
-- (company, provider, status) it changed, +n or -n (its statement trigger, from its
-- transition tables); no counter row is ever updated by two transactions, so writers
-- never wait for each other on it. The jobs fold a group's rows into one
-- (`request_counts::fold`). A badge is the sum of its statuses' rows, corrected by the
-- few rows whose tab the clock changed before the jobs did (`request_counts::tab_counts`).
CREATE TABLE request_count_changes (
    id bigserial PRIMARY KEY,
    company_id uuid NOT NULL,
    provider_id uuid,
    status text NOT NULL,
    n integer NOT NULL,
    -- Written by a fold (the sum of its group's rows), not by a statement on the requests.
    folded boolean NOT NULL DEFAULT false
);
CREATE INDEX request_count_changes_company ON request_count_changes (company_id, status)
    INCLUDE (provider_id, n);
-- The fold's work: the groups changed since the last one.
CREATE INDEX request_count_changes_unfolded ON request_count_changes (id) WHERE NOT folded;

INSERT INTO request_count_changes (company_id, provider_id, status, n, folded)
SELECT company_id, provider_id, status, count(*), true
  FROM access_requests WHERE archived_at IS NULL
 GROUP BY company_id, provider_id, status;

CREATE FUNCTION request_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO request_count_changes (company_id, provider_id, status, n)
    SELECT company_id, provider_id, status, count(*)
      FROM new_rows WHERE archived_at IS NULL
     GROUP BY company_id, provider_id, status;
    RETURN NULL;
END $$;
CREATE TRIGGER request_counts_insert AFTER INSERT ON access_requests
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION request_counts_on_insert();

CREATE FUNCTION request_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO request_count_changes (company_id, provider_id, status, n)
    SELECT company_id, provider_id, status, sum(n)
      FROM (SELECT company_id, provider_id, status, -1 AS n FROM old_rows WHERE archived_at IS NULL
            UNION ALL
            SELECT company_id, provider_id, status, 1 FROM new_rows WHERE archived_at IS NULL) c
     GROUP BY company_id, provider_id, status
    HAVING sum(n) <> 0;
    RETURN NULL;
END $$;
CREATE TRIGGER request_counts_update AFTER UPDATE ON access_requests
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION request_counts_on_update();

CREATE FUNCTION request_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO request_count_changes (company_id, provider_id, status, n)
    SELECT company_id, provider_id, status, -count(*)
      FROM old_rows WHERE archived_at IS NULL
     GROUP BY company_id, provider_id, status;
    RETURN NULL;
END $$;
CREATE TRIGGER request_counts_delete AFTER DELETE ON access_requests
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION request_counts_on_delete();

-- The rows whose tab the clock changed before a job did (the badges subtract or move
-- them): mandates past their end, links and answers past the Requested tab's days. The
-- jobs keep these few in the whole table (minutes' worth), so each kind is read by its
-- instant through a small partial index, whatever the company's size. Each is keyed on an
-- expression (the instant, never null in these rows, COALESCEd) rather than on the bare
-- column, so that ANALYZE keeps statistics of these rows' own instants: the column's, over
-- the whole table, say that most instants are past (ended mandates, old links), and the
-- planner would read the company's rows instead. Lists never use these expressions.
CREATE INDEX access_requests_lapsed_mandates ON access_requests ((COALESCE(valid_until, 'infinity')))
    WHERE status = 'accepted' AND archived_at IS NULL;
CREATE INDEX access_requests_stale_links ON access_requests ((COALESCE(expires_at, 'infinity')))
    WHERE status IN ('pending', 'expired') AND archived_at IS NULL;
CREATE INDEX access_requests_stale_answers ON access_requests ((COALESCE(status_changed_at, 'infinity')))
    WHERE status IN ('refused', 'withdrawn') AND archived_at IS NULL;
