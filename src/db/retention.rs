//! Retention statements of the tables whose rows simply expire: the staff audit and the
//! expired API tokens (their writes are the back office's and the token endpoint's). Every
//! purge statement here and in the tables' own modules is set-based and batched: at most
//! [`BATCH`] rows a statement, each batch committed on its own, so that a purge after a
//! long pause never holds locks or a transaction for long.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_query,
    sql_types::{BigInt, Timestamptz},
};

/// Rows changed by one statement of a batched purge.
pub const BATCH: i64 = 5000;

/// Runs `statement` (changing at most `$2` rows chosen by the cutoff `$1`) again and again
/// until a run changes fewer than [`BATCH`] rows; returns how many were changed in all. Call
/// it outside a transaction: each run is committed on its own.
pub fn batched(
    conn: &mut PgConnection,
    statement: &str,
    cutoff: DateTime<Utc>,
) -> QueryResult<usize> {
    let mut total = 0;
    loop {
        let n = sql_query(statement)
            .bind::<Timestamptz, _>(cutoff)
            .bind::<BigInt, _>(BATCH)
            .execute(conn)?;
        total += n;
        if i64::try_from(n).unwrap_or(i64::MAX) < BATCH {
            return Ok(total);
        }
    }
}

/// Deletes the staff audit entries made at or before `cutoff`, batched.
pub fn purge_staff_audit(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<usize> {
    batched(
        conn,
        "DELETE FROM staff_audit WHERE id IN
             (SELECT id FROM staff_audit WHERE at <= $1 LIMIT $2)",
        cutoff,
    )
}

/// Deletes the API tokens that expired at or before `cutoff`, batched.
pub fn purge_api_tokens(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<usize> {
    batched(
        conn,
        "DELETE FROM api_tokens WHERE token_hash IN
             (SELECT token_hash FROM api_tokens WHERE expires_at <= $1 LIMIT $2)",
        cutoff,
    )
}
