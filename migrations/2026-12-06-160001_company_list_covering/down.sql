DROP INDEX access_requests_company_list;
CREATE INDEX access_requests_company_list ON access_requests (company_id, status, created_at DESC) WHERE archived_at IS NULL;
