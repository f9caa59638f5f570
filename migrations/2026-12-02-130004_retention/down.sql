DROP INDEX job_runs_started;
DROP INDEX access_requests_live_links;
