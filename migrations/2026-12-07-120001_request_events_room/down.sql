ALTER TABLE request_events RESET (fillfactor);
