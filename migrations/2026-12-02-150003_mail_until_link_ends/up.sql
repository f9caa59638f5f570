-- A mail is retried until the link it carries ends (72 hours), not for 10 attempts.
ALTER TABLE outbox_emails ADD COLUMN give_up_at TIMESTAMPTZ NULL;
UPDATE outbox_emails m SET give_up_at = r.expires_at
  FROM access_requests r WHERE r.id = m.request_id;
UPDATE outbox_emails SET give_up_at = created_at + interval '72 hours' WHERE give_up_at IS NULL;
ALTER TABLE outbox_emails ALTER COLUMN give_up_at SET NOT NULL;
-- The mails given up, per request (the company's tab shows them; staff re-send them).
CREATE INDEX outbox_emails_given_up ON outbox_emails (request_id) WHERE failed_at IS NOT NULL AND sent_at IS NULL;

-- Staff re-send a mail given up (audited).
ALTER TABLE staff_audit DROP CONSTRAINT staff_audit_action_check;
ALTER TABLE staff_audit ADD CONSTRAINT staff_audit_action_check
    CHECK (action IN ('search_niss', 'reveal_niss', 'view_request', 'block', 'unblock',
                      'suspend', 'reinstate', 'run_job', 'staff_add', 'staff_role',
                      'staff_remove', 'staff_end_sessions', 'resend_mail'));
