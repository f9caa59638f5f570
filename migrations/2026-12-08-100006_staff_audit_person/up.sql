-- Who in the back office looked up a person, or acted on something about them: an entry
-- about a person (a search by their national number, their appointment as a company's main
-- access manager, a supervisor's look-up of these entries) keeps a keyed fingerprint of the
-- number (HMAC-SHA-256 under the deployment's audit key), never the number itself. Without
-- the key it names nobody; with it, a supervisor finds the entries about one person.
ALTER TABLE staff_audit ADD COLUMN person bytea;
CREATE INDEX staff_audit_person ON staff_audit (person, at DESC) WHERE person IS NOT NULL;
-- ...and that look-up is itself an entry about the person.
ALTER TABLE staff_audit DROP CONSTRAINT staff_audit_action_check;
ALTER TABLE staff_audit ADD CONSTRAINT staff_audit_action_check
    CHECK (action IN ('search_niss', 'reveal_niss', 'view_request', 'block', 'unblock',
                      'suspend', 'reinstate', 'run_job', 'staff_add', 'staff_role',
                      'staff_remove', 'staff_end_sessions', 'resend_mail',
                      'tenant_create', 'tenant_reset', 'tenant_delete', 'tenant_clock',
                      'appoint_main', 'audit_person'));
