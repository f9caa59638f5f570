-- The demo tenants of the trainers: each a database of its own, cloned from a migrated
-- template, reached at {name}.{demo_base_host}, with a clock stored here so that every
-- server reads the same one. Only the main database's rows mean anything (a tenant's
-- own copy of this table stays empty).
CREATE TABLE demo_tenants (
    name TEXT PRIMARY KEY
        CHECK (name ~ '^[a-z][a-z0-9-]{0,29}$' AND name !~ '-$' AND name !~ '--'),
    language TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'de', 'en')),
    -- The tenant's database (a new one at each reset).
    database_name TEXT NOT NULL UNIQUE,
    -- The instant its world was seeded at, and the instant its clock shows now.
    start_at TIMESTAMPTZ NOT NULL,
    clock_at TIMESTAMPTZ NOT NULL,
    -- Real time: the tenant is deleted by the `expire-tenants` job after this.
    expires_at TIMESTAMPTZ NOT NULL,
    -- The trainer's own authentic-source files (CSV texts by file), NULL: the demo world.
    sources JSONB NULL,
    created_by UUID NULL REFERENCES staff (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    reset_at TIMESTAMPTZ NULL,
    CHECK (clock_at >= start_at)
);
CREATE INDEX demo_tenants_expires ON demo_tenants (expires_at);

-- Trainers' actions on tenants are audited.
ALTER TABLE staff_audit DROP CONSTRAINT staff_audit_action_check;
ALTER TABLE staff_audit ADD CONSTRAINT staff_audit_action_check
    CHECK (action IN ('search_niss', 'reveal_niss', 'view_request', 'block', 'unblock',
                      'suspend', 'reinstate', 'run_job', 'staff_add', 'staff_role',
                      'staff_remove', 'staff_end_sessions', 'resend_mail',
                      'tenant_create', 'tenant_reset', 'tenant_delete', 'tenant_clock'));
