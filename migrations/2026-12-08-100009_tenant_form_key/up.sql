-- The display of the trainer's "Create tenant" form that made the tenant: the same form
-- sent again (a second press, a reload of the answer) finds the tenant it made instead of
-- being refused as a name taken. A random key, no personal data; it goes with the row.
ALTER TABLE demo_tenants ADD COLUMN form_key text;
