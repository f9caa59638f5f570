ALTER TABLE demo_tenants DROP COLUMN form_key;
