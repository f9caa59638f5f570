//! The `webhook_deliveries` table, the webhook outbox: an event is written in the
//! transaction of the transition it announces; the `deliver-webhooks` job sends it
//! ([`crate::webhooks`]).

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, Text, Timestamptz, Uuid as SqlUuid},
};
use uuid::Uuid;

use crate::{db::schema::webhook_deliveries, domain::events::Event};

/// Writes `event` for the requests `ids`, one delivery per API client of the request's
/// company or provider that has a webhook: one set-based statement, to call inside the
/// transaction of the transition. The payload names the request, never the person.
pub fn emit(
    conn: &mut PgConnection,
    ids: &[Uuid],
    event: Event,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    if ids.is_empty() {
        return Ok(0);
    }
    diesel::sql_query(
        "INSERT INTO webhook_deliveries (client_id, event, payload, created_at, next_attempt_at)
         SELECT c.id, $2,
                json_build_object(
                    'id', gen_random_uuid(),
                    'event', $2,
                    'occurredAt', to_char($3 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
                    'data', json_build_object(
                        'requestId', r.id,
                        'mandateId', r.mandate_id,
                        'context', r.context,
                        'status', r.status))::text,
                $3, $3
           FROM access_requests r
           JOIN api_clients c ON (c.company_id = r.company_id OR c.company_id = r.provider_id)
          WHERE r.id = ANY($1)
            AND c.webhook_url IS NOT NULL
            AND c.revoked_at IS NULL",
    )
    .bind::<Array<SqlUuid>, _>(ids)
    .bind::<Text, _>(event.as_str())
    .bind::<Timestamptz, _>(now)
    .execute(conn)
}

/// Deletes the deliveries of client `client_id` that wait for a (next) attempt: its webhook
/// was removed, or the client revoked, so no attempt will ever be made. Delivered and
/// given-up ones stay, as the delivery log, until [`purge`]. Returns how many.
pub fn forget_pending(conn: &mut PgConnection, client_id: Uuid) -> QueryResult<usize> {
    diesel::delete(
        webhook_deliveries::table
            .filter(webhook_deliveries::client_id.eq(client_id))
            .filter(webhook_deliveries::delivered_at.is_null())
            .filter(webhook_deliveries::failed_at.is_null()),
    )
    .execute(conn)
}

/// Deletes the deliveries delivered or given up at or before `cutoff`, batched (see
/// [`super::retention::batched`]; the index on `COALESCE(delivered_at, failed_at)` finds
/// each batch). Waiting ones are never deleted here.
pub fn purge(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<usize> {
    super::retention::batched(
        conn,
        "DELETE FROM webhook_deliveries WHERE id IN
             (SELECT id FROM webhook_deliveries
               WHERE COALESCE(delivered_at, failed_at) <= $1 LIMIT $2)",
        cutoff,
    )
}
