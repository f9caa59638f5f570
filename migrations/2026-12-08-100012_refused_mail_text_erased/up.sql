-- The mails given up whose text is still kept (staff may send them again while their link
-- lives): the sender erases that text once the link has ended, every few seconds, finding
-- the rows through this index instead of reading every given-up mail.
CREATE INDEX outbox_emails_text_to_erase ON outbox_emails (give_up_at)
    WHERE sent_at IS NULL AND failed_at IS NOT NULL AND body_text <> '(erased after delivery)';
