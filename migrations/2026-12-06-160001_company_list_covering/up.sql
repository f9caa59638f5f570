-- The company's tabs at scale: the badges' counts read the index alone (an index-only scan
-- of the company's unarchived rows: the columns every tab's condition reads are in it), and
-- a tab of one stored status (Active accesses) is read in its order, newest first, the id
-- breaking ties as the lists' order does, stopping after its page.
DROP INDEX access_requests_company_list;
CREATE INDEX access_requests_company_list ON access_requests (company_id, status, created_at DESC, id DESC)
    INCLUDE (expires_at, valid_until, status_changed_at, provider_id)
    WHERE archived_at IS NULL;
