ALTER TABLE access_requests RESET (fillfactor);
DROP INDEX access_requests_archived;
DROP INDEX access_requests_to_archive;
DROP TABLE job_runs;
