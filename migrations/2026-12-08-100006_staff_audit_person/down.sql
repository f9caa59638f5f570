DELETE FROM staff_audit WHERE action = 'audit_person';
ALTER TABLE staff_audit DROP CONSTRAINT staff_audit_action_check;
ALTER TABLE staff_audit ADD CONSTRAINT staff_audit_action_check
    CHECK (action IN ('search_niss', 'reveal_niss', 'view_request', 'block', 'unblock',
                      'suspend', 'reinstate', 'run_job', 'staff_add', 'staff_role',
                      'staff_remove', 'staff_end_sessions', 'resend_mail',
                      'tenant_create', 'tenant_reset', 'tenant_delete', 'tenant_clock',
                      'appoint_main'));
DROP INDEX staff_audit_person;
ALTER TABLE staff_audit DROP COLUMN person;
