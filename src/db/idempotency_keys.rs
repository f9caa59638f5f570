//! The `idempotency_keys` table: the first answer to a request creation made with a key,
//! kept 24 hours, so that a retried creation gets that answer instead of a second request.
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
    Replay {
        /// The request created then.
        request_id: Uuid,
        /// The link shown then.
        link: String,
    },
    /// The key was used for something else.
    Mismatch,
}

#[derive(Queryable)]
struct Existing {
    fingerprint: Vec<u8>,
    request_id: Option<Uuid>,
    link: Option<String>,
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
             request_id = NULL, link = NULL
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
        ))
        .first(conn)?;
    Ok(match existing {
        Existing {
            fingerprint: f,
            request_id: Some(request_id),
            link: Some(link),
        } if f == fingerprint => Claimed::Replay { request_id, link },
        _ => Claimed::Mismatch,
    })
}

/// Records the answer of a claimed key.
pub fn complete(
    conn: &mut PgConnection,
    owner: &str,
    key: &str,
    request_id: Uuid,
    link: &str,
) -> QueryResult<()> {
    diesel::update(idempotency_keys::table.find((owner, key)))
        .set((
            idempotency_keys::request_id.eq(request_id),
            idempotency_keys::link.eq(link),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Deletes the keys whose 24 hours are over at `now`; returns how many.
pub fn forget_expired(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.le(now - KEEP)))
        .execute(conn)
}
