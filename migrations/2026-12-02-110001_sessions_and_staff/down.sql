ALTER TABLE staff_audit DROP CONSTRAINT staff_audit_action_check;
DELETE FROM staff_audit WHERE action IN ('staff_add', 'staff_role', 'staff_remove', 'staff_end_sessions');
ALTER TABLE staff_audit ADD CONSTRAINT staff_audit_action_check
    CHECK (action IN ('search_niss', 'reveal_niss', 'view_request', 'block', 'unblock', 'suspend',
                      'reinstate', 'run_job'));
DROP INDEX staff_active_niss;
UPDATE staff SET username = 'staff-' || id::text WHERE username IS NULL;
ALTER TABLE staff ALTER COLUMN username SET NOT NULL;
ALTER TABLE staff DROP COLUMN removed_at;
ALTER TABLE staff DROP COLUMN niss;
DROP TABLE sessions;
