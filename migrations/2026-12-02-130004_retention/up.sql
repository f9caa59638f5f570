-- purge: the links whose hash is still usable (a spent link's hash is replaced by an
-- unusable value derived from the row id, see db::access_requests::lifecycle), by the end
-- of their validity; the rows leave this index once their hash is erased.
CREATE INDEX access_requests_live_links ON access_requests (expires_at)
    WHERE token_hash <> decode(md5(id::text) || md5(id::text), 'hex');
-- purge: job runs by age.
CREATE INDEX job_runs_started ON job_runs (started_at);
