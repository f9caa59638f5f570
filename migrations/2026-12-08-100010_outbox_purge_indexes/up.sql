-- The purge deletes delivered (or given-up) mails and webhook deliveries past their
-- retention, a batch at a time: each batch finds its rows through these indexes instead of
-- reading the whole table again.
CREATE INDEX webhook_deliveries_done ON webhook_deliveries ((COALESCE(delivered_at, failed_at)));
CREATE INDEX outbox_emails_done ON outbox_emails ((COALESCE(sent_at, failed_at)));
