DROP INDEX staff_audit_action;
DROP INDEX staff_audit_target;
