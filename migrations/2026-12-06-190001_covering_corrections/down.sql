DROP INDEX access_requests_lapsed_mandates;
CREATE INDEX access_requests_lapsed_mandates ON access_requests ((COALESCE(valid_until, 'infinity')))
    WHERE status = 'accepted' AND archived_at IS NULL;
DROP INDEX access_requests_stale_links;
CREATE INDEX access_requests_stale_links ON access_requests ((COALESCE(expires_at, 'infinity')))
    WHERE status IN ('pending', 'expired') AND archived_at IS NULL;
DROP INDEX access_requests_stale_answers;
CREATE INDEX access_requests_stale_answers ON access_requests ((COALESCE(status_changed_at, 'infinity')))
    WHERE status IN ('refused', 'withdrawn') AND archived_at IS NULL;
