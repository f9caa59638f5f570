-- Where each walk of the purge over the archived requests has reached (in the order of
-- their archival: archived_at, then id), so that a daily run starts from there and reads
-- the day's few newly due requests, not every request archived since the beginning.
-- Holds no personal data: an instant and a request id per walk.
CREATE TABLE purge_marks (
    walk text PRIMARY KEY,
    archived_at timestamptz NOT NULL,
    id uuid NOT NULL
);

-- A request archived behind a walk's mark (rows inserted already archived: the demo world,
-- the generator, a restore) moves that mark back to just before it, so that the next run
-- reaches it. The archive job, the one UPDATE that sets `archived_at`, does the same in
-- its own statement (`db::access_requests::lifecycle::archive_due`).
CREATE FUNCTION purge_marks_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE purge_marks m
       SET archived_at = i.at - interval '1 microsecond',
           id = '00000000-0000-0000-0000-000000000000'
      FROM (SELECT min(archived_at) AS at FROM inserted) i
     WHERE m.archived_at >= i.at;
    RETURN NULL;
END $$;
CREATE TRIGGER access_requests_purge_marks AFTER INSERT ON access_requests
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION purge_marks_on_insert();
