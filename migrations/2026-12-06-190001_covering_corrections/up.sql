-- The badges' corrections (`db::request_counts`) read the few rows the clock moved out of
-- a tab before a job did, by their instant. Once autovacuum has set the table's visibility
-- map, an index-only scan of the company list's index (every pending request of every
-- company) became cheaper to the planner than these indexes with their heap reads: 24 ms a
-- page at 1 000 000 requests instead of 0.5. Carrying what the corrections read (the
-- company, the provider, and the instant's column itself, without which an index on an
-- expression serves no index-only scan) makes them index-only too. No HOT update is lost:
-- the instants were indexed already, the company and the provider never change.
DROP INDEX access_requests_lapsed_mandates;
CREATE INDEX access_requests_lapsed_mandates ON access_requests ((COALESCE(valid_until, 'infinity'::timestamptz)))
    INCLUDE (company_id, provider_id, valid_until) WHERE status = 'accepted' AND archived_at IS NULL;
DROP INDEX access_requests_stale_links;
CREATE INDEX access_requests_stale_links ON access_requests ((COALESCE(expires_at, 'infinity'::timestamptz)))
    INCLUDE (company_id, provider_id, expires_at) WHERE status IN ('pending', 'expired') AND archived_at IS NULL;
DROP INDEX access_requests_stale_answers;
CREATE INDEX access_requests_stale_answers ON access_requests ((COALESCE(status_changed_at, 'infinity'::timestamptz)))
    INCLUDE (company_id, provider_id, status_changed_at) WHERE status IN ('refused', 'withdrawn') AND archived_at IS NULL;
