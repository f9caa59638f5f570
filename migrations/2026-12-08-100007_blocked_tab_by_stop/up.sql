-- The Blocked tab lists its rows by when each access stopped, newest first: a stop or a
-- block by its `status_changed_at`, an end by the mandate's end (`valid_until`; an accepted
-- mandate past its end before the job saw it, too). Each of the tab's branches is read in
-- that order from one of these indexes and stops after its page, as the other tabs' are
-- from `access_requests_company_list`.
CREATE INDEX access_requests_company_stopped
    ON access_requests (company_id, status, status_changed_at DESC, id DESC)
    INCLUDE (provider_id)
    WHERE archived_at IS NULL AND status IN ('revoked', 'blocked');
CREATE INDEX access_requests_company_mandate_end
    ON access_requests (company_id, status, valid_until DESC, id DESC)
    INCLUDE (provider_id)
    WHERE archived_at IS NULL AND status IN ('ended', 'accepted');
