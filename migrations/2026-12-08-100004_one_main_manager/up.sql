-- A company has one main access manager: the database holds it, so that two hand-overs
-- at once cannot leave two (or a registration race, none).
CREATE UNIQUE INDEX company_members_one_main_manager
    ON company_members (company_id) WHERE role = 'main_manager';

-- A supervisor appoints a main access manager when the company's left without handing
-- the role over: audited.
ALTER TABLE staff_audit DROP CONSTRAINT staff_audit_action_check;
ALTER TABLE staff_audit ADD CONSTRAINT staff_audit_action_check
    CHECK (action IN ('search_niss', 'reveal_niss', 'view_request', 'block', 'unblock',
                      'suspend', 'reinstate', 'run_job', 'staff_add', 'staff_role',
                      'staff_remove', 'staff_end_sessions', 'resend_mail',
                      'tenant_create', 'tenant_reset', 'tenant_delete', 'tenant_clock',
                      'appoint_main'));
