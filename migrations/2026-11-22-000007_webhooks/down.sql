DROP TABLE webhook_deliveries;
ALTER TABLE api_clients DROP COLUMN webhook_url, DROP COLUMN webhook_secret;
