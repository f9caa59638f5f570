-- The supervisors' audit page filters by action (newest first, 50 a page), as it already
-- does by staff member (`staff_audit_staff`): each filter reads its own index, in order.
CREATE INDEX staff_audit_action ON staff_audit (action, at DESC);
-- ...and the entries on one request or company (its page links to them).
CREATE INDEX staff_audit_target ON staff_audit (target, at DESC);
