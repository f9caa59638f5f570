//! The `webhook_deliveries` table, the webhook outbox: an event is written in the
//! transaction of the transition it announces; the `deliver-webhooks` job sends it
//! ([`crate::webhooks`]).

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid},
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

/// How a client's webhook fares, from its delivery log (kept `retention_webhook_days`).
#[derive(Clone, Debug, PartialEq, Eq, QueryableByName)]
pub struct Health {
    /// The client.
    #[diesel(sql_type = SqlUuid)]
    pub client_id: Uuid,
    /// Deliveries waiting for an attempt (a first one, or a retry).
    #[diesel(sql_type = BigInt)]
    pub waiting: i64,
    /// Of those, the ones that failed at least once and are being retried.
    #[diesel(sql_type = BigInt)]
    pub retrying: i64,
    /// The error of the retried delivery due last.
    #[diesel(sql_type = Nullable<Text>)]
    pub retry_error: Option<String>,
    /// When the newest delivered event was delivered.
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub last_delivered_at: Option<DateTime<Utc>>,
    /// Deliveries given up (still in the log).
    #[diesel(sql_type = BigInt)]
    pub given_up: i64,
    /// When the last one was given up.
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub last_given_up_at: Option<DateTime<Utc>>,
    /// Its event.
    #[diesel(sql_type = Nullable<Text>)]
    pub last_given_up_event: Option<String>,
    /// Its error.
    #[diesel(sql_type = Nullable<Text>)]
    pub last_given_up_error: Option<String>,
}

/// The health of the webhooks of `clients`, in one statement: each figure is read through
/// an index of the client's waiting or given-up deliveries, or (the last delivery) from
/// the newest end of its log.
pub fn health(conn: &mut PgConnection, clients: &[Uuid]) -> QueryResult<Vec<Health>> {
    diesel::sql_query(
        "SELECT c.id AS client_id,
                (SELECT count(*) FROM webhook_deliveries d
                  WHERE d.client_id = c.id AND d.delivered_at IS NULL AND d.failed_at IS NULL)
                    AS waiting,
                (SELECT count(*) FROM webhook_deliveries d
                  WHERE d.client_id = c.id AND d.delivered_at IS NULL AND d.failed_at IS NULL
                    AND d.attempts > 0) AS retrying,
                (SELECT d.last_error FROM webhook_deliveries d
                  WHERE d.client_id = c.id AND d.delivered_at IS NULL AND d.failed_at IS NULL
                    AND d.attempts > 0
                  ORDER BY d.next_attempt_at DESC LIMIT 1) AS retry_error,
                (SELECT d.delivered_at FROM webhook_deliveries d
                  WHERE d.client_id = c.id AND d.delivered_at IS NOT NULL
                  ORDER BY d.created_at DESC LIMIT 1) AS last_delivered_at,
                (SELECT count(*) FROM webhook_deliveries d
                  WHERE d.client_id = c.id AND d.failed_at IS NOT NULL) AS given_up,
                g.failed_at AS last_given_up_at, g.event AS last_given_up_event,
                g.last_error AS last_given_up_error
           FROM unnest($1::uuid[]) AS c(id)
           LEFT JOIN LATERAL (
                SELECT d.failed_at, d.event, d.last_error FROM webhook_deliveries d
                 WHERE d.client_id = c.id AND d.failed_at IS NOT NULL
                 ORDER BY d.failed_at DESC LIMIT 1) g ON true",
    )
    .bind::<Array<SqlUuid>, _>(clients)
    .load(conn)
}
