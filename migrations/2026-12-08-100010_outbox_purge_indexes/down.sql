DROP INDEX outbox_emails_done;
DROP INDEX webhook_deliveries_done;
