//! The `idempotency_keys` table: the first answer to a creation made with a key (a request,
//! a request's new link, an API client), kept 24 hours, so that a retried creation gets
//! that answer instead of making a second one.
//!
//! The key is claimed inside the creation's transaction: a concurrent creation with the
//! same key waits on the primary key until the first commits (then replays its answer) or
//! rolls back (then creates).
//!
//! Neither the key nor the link is stored as such: the table holds the SHA-256 of the key
//! (which only its sender knows), and the link sealed (AES-256-GCM) under a key derived
//! from it. Whoever reads the table finds no live link; the sender of the same key opens
//! it again.

use aes_gcm::{Aes256Gcm, KeyInit};
use chrono::{DateTime, Duration, Utc};
use diesel::{
    prelude::*,
    sql_query,
    sql_types::{Bytea, Text, Timestamptz},
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::schema::idempotency_keys;
use crate::seal;

/// How a key is stored: its SHA-256, in hex.
fn stored_key(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// The cipher of the link made under `key`: AES-256-GCM under HMAC-SHA-256(`key`, label).
fn cipher(key: &str) -> Aes256Gcm {
    Aes256Gcm::new(
        &seal::derive(
            key.as_bytes(),
            b"mandat: idempotency keys, the link made under this key",
        )
        .into(),
    )
}

/// The prefix of a sealed link.
const SEALED: &str = "v1:";

/// `link` sealed under `key`: the prefix, then base64 of a random nonce and the ciphertext.
fn seal(key: &str, link: &str) -> String {
    format!("{SEALED}{}", seal::seal_with(&cipher(key), b"", link))
}

/// The link `stored` under `key`, if `key` opens it. A link stored before links were
/// sealed (a key of the last 24 hours before this release) reads as it is.
fn open(key: &str, stored: &str) -> Option<String> {
    match stored.strip_prefix(SEALED) {
        Some(sealed) => seal::open_with(&cipher(key), b"", sealed),
        None => Some(stored.to_string()),
    }
}

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
    .bind::<Text, _>(stored_key(key))
    .bind::<Bytea, _>(fingerprint)
    .bind::<Timestamptz, _>(now)
    .bind::<Timestamptz, _>(now - KEEP)
    .execute(conn)?;
    if inserted == 1 {
        return Ok(Claimed::New);
    }
    let existing: Existing = idempotency_keys::table
        .find((owner, stored_key(key)))
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
            link: Some(stored),
            ..
        } => match open(key, &stored) {
            Some(link) => Claimed::Replay(Made::Link { request_id, link }),
            None => Claimed::Mismatch,
        },
        Existing {
            api_client_id: Some(id),
            ..
        } => Claimed::Replay(Made::ApiClient(id)),
        _ => Claimed::Mismatch,
    })
}

/// Records what the creation of a claimed key made.
pub fn complete(conn: &mut PgConnection, owner: &str, key: &str, made: &Made) -> QueryResult<()> {
    let target = idempotency_keys::table.find((owner, stored_key(key)));
    match made {
        Made::Link { request_id, link } => diesel::update(target)
            .set((
                idempotency_keys::request_id.eq(request_id),
                idempotency_keys::link.eq(seal(key, link)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_sealed_under_its_key_and_opened_by_it_only() {
        let link = "https://mandat.example/r/0XYEVUsC6jCrLCYVq_NpsQt1qeMpDeDYh4azldroicU";
        let sealed = seal("key-1", link);
        assert!(sealed.starts_with(SEALED));
        assert!(!sealed.contains("0XYEVUsC6j") && !sealed.contains("/r/"));
        assert_ne!(seal("key-1", link), sealed, "a fresh nonce each time");
        assert_eq!(open("key-1", &sealed).as_deref(), Some(link));
        assert_eq!(open("key-2", &sealed), None);
        assert_eq!(open("key-1", "v1:AAAA"), None);
        assert_eq!(open("key-1", "v1:not base64!"), None);
        // Written before links were sealed: read as it is.
        assert_eq!(open("key-1", link).as_deref(), Some(link));
        // The key is stored as its digest.
        assert_eq!(stored_key("key-1").len(), 64);
        assert!(!stored_key("key-1").contains("key-1"));
    }
}
