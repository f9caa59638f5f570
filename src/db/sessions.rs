//! The `sessions` table: server-side sessions. The browser's cookie carries a random id;
//! this table is keyed by its SHA-256 hash (a stolen copy of the table opens no session).
//!
//! A session is alive while it was seen less than the idle lifetime ago and was created
//! less than the absolute lifetime ago (a sign-in creates a new session); both are
//! checked in the read itself, so a dead session is never used, even before the
//! `purge-sessions` job removes its row. `last_seen_at` is written at most once a minute
//! ([`TOUCH_AFTER`]), not on every page.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::schema::sessions;

/// How stale `last_seen_at` may be before a read writes it again: the idle lifetime is
/// enforced to within this much.
pub const TOUCH_AFTER: Duration = Duration::seconds(60);

/// The lifetimes of every session.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Lifetimes {
    /// Ends a session not seen for this long.
    pub idle: Duration,
    /// Ends a session this long after it began (at sign-in), whatever its activity.
    pub absolute: Duration,
}

/// A live session as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveSession {
    /// The values (a JSON object, as the session middleware keeps them).
    pub state: String,
    /// Whether the read also moved `last_seen_at` forward.
    pub touched: bool,
}

/// The live session with this id hash, if any; moves `last_seen_at` to `now` when it is
/// more than [`TOUCH_AFTER`] old (one indexed read; a write at most once a minute), unless
/// `used` is false (a request the page made by itself: it is no use of the session).
pub fn load_live(
    conn: &mut PgConnection,
    id_hash: &[u8],
    now: DateTime<Utc>,
    lifetimes: Lifetimes,
    used: bool,
) -> QueryResult<Option<LiveSession>> {
    let found: Option<(String, DateTime<Utc>)> = sessions::table
        .find(id_hash)
        .filter(sessions::last_seen_at.gt(now - lifetimes.idle))
        .filter(sessions::created_at.gt(now - lifetimes.absolute))
        .select((sessions::state, sessions::last_seen_at))
        .first(conn)
        .optional()?;
    let Some((state, last_seen)) = found else {
        return Ok(None);
    };
    let touched = used && now - last_seen >= TOUCH_AFTER;
    if touched {
        diesel::update(sessions::table.find(id_hash))
            .set(sessions::last_seen_at.eq(now))
            .execute(conn)?;
    }
    Ok(Some(LiveSession { state, touched }))
}

/// Stores a new session begun at `now`.
pub fn insert(
    conn: &mut PgConnection,
    id_hash: &[u8],
    niss: Option<&str>,
    state: &str,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id_hash.eq(id_hash),
            sessions::niss.eq(niss),
            sessions::state.eq(state),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Replaces the values of a live session (seen now). `false` when it is gone or dead:
/// ended elsewhere meanwhile (sign-out everywhere), or expired.
pub fn replace_state(
    conn: &mut PgConnection,
    id_hash: &[u8],
    niss: Option<&str>,
    state: &str,
    now: DateTime<Utc>,
    lifetimes: Lifetimes,
) -> QueryResult<bool> {
    let updated = diesel::update(
        sessions::table
            .find(id_hash)
            .filter(sessions::last_seen_at.gt(now - lifetimes.idle))
            .filter(sessions::created_at.gt(now - lifetimes.absolute)),
    )
    .set((
        sessions::niss.eq(niss),
        sessions::state.eq(state),
        sessions::last_seen_at.eq(now),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Ends one session.
pub fn delete(conn: &mut PgConnection, id_hash: &[u8]) -> QueryResult<usize> {
    diesel::delete(sessions::table.find(id_hash)).execute(conn)
}

/// Ends every session of a person ("sign out everywhere"; a staff member's sessions ended
/// by a supervisor). Returns how many there were.
pub fn delete_for_niss(conn: &mut PgConnection, niss: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::niss.eq(niss))).execute(conn)
}

/// The live sessions of a person at `now`.
pub fn count_live_for_niss(
    conn: &mut PgConnection,
    niss: &str,
    now: DateTime<Utc>,
    lifetimes: Lifetimes,
) -> QueryResult<i64> {
    sessions::table
        .filter(sessions::niss.eq(niss))
        .filter(sessions::last_seen_at.gt(now - lifetimes.idle))
        .filter(sessions::created_at.gt(now - lifetimes.absolute))
        .count()
        .get_result(conn)
}

/// How many different people have a live session at `now` (a demo tenant's list shows
/// it to the trainer).
pub fn count_live_people(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    lifetimes: Lifetimes,
) -> QueryResult<i64> {
    sessions::table
        .filter(sessions::niss.is_not_null())
        .filter(sessions::last_seen_at.gt(now - lifetimes.idle))
        .filter(sessions::created_at.gt(now - lifetimes.absolute))
        .select(diesel::dsl::count_distinct(sessions::niss))
        .get_result(conn)
}

/// Removes the sessions dead at `now` (idle or past their absolute lifetime): the
/// `purge-sessions` job. Returns how many.
pub fn purge_dead(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    lifetimes: Lifetimes,
) -> QueryResult<usize> {
    diesel::delete(
        sessions::table.filter(
            sessions::last_seen_at
                .le(now - lifetimes.idle)
                .or(sessions::created_at.le(now - lifetimes.absolute)),
        ),
    )
    .execute(conn)
}
