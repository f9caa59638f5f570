DROP INDEX staff_audit_action;
