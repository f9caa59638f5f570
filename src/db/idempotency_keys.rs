//! The `idempotency_keys` table: the first answer to a creation made with a key (a request,
//! a request's new link, an API client), kept 24 hours, so that a retried creation gets
//! that answer instead of making a second one.
//!
//! The key is claimed inside the creation's transaction: a concurrent creation with the
//! same key waits on the primary key until the first commits (then replays its answer) or
//! rolls back (then creates).

use chrono::{DateTime, Duration, Utc};
use diesel::{
    prelude::*,
    sql_query,
    sql_types::{Bytea, Text, Timestamptz},
};
use uuid::Uuid;

use super::schema::idempotency_keys;

/// How long a key is kept.
pub const KEEP: Duration = Duration::hours(24);

/// What claiming a key found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claimed {
    /// The key is new (or its 24 hours are over): create, then [`complete`].
    New,
    /// The key was used with the same fingerprint: answer as then.
    Replay(Made),
    /// The key was used for something else.
    Mismatch,
}

/// What a key's first creation made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Made {
    /// A request (or a request's new link), with the link shown then.
    Link {
        /// The request.
        request_id: Uuid,
        /// The link shown then.
        link: String,
    },
    /// An API client (its secret was shown once, then, and is not kept).
    ApiClient(Uuid),
}

#[derive(Queryable)]
struct Existing {
    fingerprint: Vec<u8>,
    request_id: Option<Uuid>,
    link: Option<String>,
    api_client_id: Option<Uuid>,
}

/// Claims `key` of `owner` for a creation whose content hashes to `fingerprint`.
pub fn claim(
    conn: &mut PgConnection,
    owner: &str,
    key: &str,
    fingerprint: &[u8],
    now: DateTime<Utc>,
) -> QueryResult<Claimed> {
    let inserted = sql_query(
        "INSERT INTO idempotency_keys AS k (owner, key, fingerprint, created_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (owner, key) DO UPDATE SET
             fingerprint = EXCLUDED.fingerprint, created_at = EXCLUDED.created_at,
             request_id = NULL, link = NULL, api_client_id = NULL
         WHERE k.created_at <= $5",
    )
    .bind::<Text, _>(owner)
    .bind::<Text, _>(key)
    .bind::<Bytea, _>(fingerprint)
    .bind::<Timestamptz, _>(now)
    .bind::<Timestamptz, _>(now - KEEP)
    .execute(conn)?;
    if inserted == 1 {
        return Ok(Claimed::New);
    }
    let existing: Existing = idempotency_keys::table
        .find((owner, key))
        .select((
            idempotency_keys::fingerprint,
            idempotency_keys::request_id,
            idempotency_keys::link,
            idempotency_keys::api_client_id,
        ))
        .first(conn)?;
    if existing.fingerprint != fingerprint {
        return Ok(Claimed::Mismatch);
    }
    Ok(match existing {
        Existing {
            request_id: Some(request_id),
            link: Some(link),
            ..
        } => Claimed::Replay(Made::Link { request_id, link }),
        Existing {
            api_client_id: Some(id),
            ..
        } => Claimed::Replay(Made::ApiClient(id)),
        _ => Claimed::Mismatch,
    })
}

/// Records what the creation of a claimed key made.
pub fn complete(conn: &mut PgConnection, owner: &str, key: &str, made: &Made) -> QueryResult<()> {
    let target = idempotency_keys::table.find((owner, key));
    match made {
        Made::Link { request_id, link } => diesel::update(target)
            .set((
                idempotency_keys::request_id.eq(request_id),
                idempotency_keys::link.eq(link),
            ))
            .execute(conn),
        Made::ApiClient(id) => diesel::update(target)
            .set(idempotency_keys::api_client_id.eq(id))
            .execute(conn),
    }
    .map(|_| ())
}

/// Deletes the keys whose 24 hours are over at `now`; returns how many.
pub fn forget_expired(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.le(now - KEEP)))
        .execute(conn)
}
