//! The `webhook_deliveries` table, the webhook outbox: an event is written in the
//! transaction of the transition it announces; the `deliver-webhooks` job sends it
//! ([`crate::webhooks`]).

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, Text, Timestamptz, Uuid as SqlUuid},
};
use uuid::Uuid;

use crate::domain::events::Event;

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
