-- A client's webhook health (the company's API page, GET /api/v1/webhook): its deliveries
-- waiting and those given up, each counted through an index of its own few rows, never
-- through the client's whole delivery log.
CREATE INDEX webhook_deliveries_client_waiting ON webhook_deliveries (client_id)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_deliveries_client_given_up ON webhook_deliveries (client_id, failed_at DESC)
    WHERE failed_at IS NOT NULL;
