//! The `rate_limits` table (UNLOGGED): one token bucket per key, shared by every server on
//! the database, counted with one upsert (one round trip) on the database's clock.

use diesel::{
    prelude::*,
    sql_query,
    sql_types::{Bool, Double, Text},
};

/// The answer to one hit.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Hit {
    /// Allowed.
    Allowed,
    /// Refused: seconds before one more hit is allowed (at least 1).
    Refused(u64),
}

#[derive(QueryableByName)]
struct HitRow {
    #[diesel(sql_type = Bool)]
    allowed: bool,
    #[diesel(sql_type = Double)]
    tokens: f64,
}

/// Counts one hit of `key` in a bucket of `capacity` tokens refilled at `per_second`:
/// allowed while a whole token is left.
pub fn hit(conn: &mut PgConnection, key: &str, capacity: f64, per_second: f64) -> QueryResult<Hit> {
    // The tokens at this instant: what was left plus the refill since, at most full.
    let refill = "LEAST($2, r.tokens + EXTRACT(EPOCH FROM now() - r.updated_at)::float8 * $3)";
    let query = format!(
        "INSERT INTO rate_limits AS r (key, tokens, updated_at, full_at, allowed)
         VALUES ($1, $2 - 1, now(), now() + (1 / $3) * interval '1 second', true)
         ON CONFLICT (key) DO UPDATE SET
             allowed = {refill} >= 1,
             tokens = CASE WHEN {refill} >= 1 THEN {refill} - 1 ELSE {refill} END,
             full_at = now() + (($2 - CASE WHEN {refill} >= 1 THEN {refill} - 1 ELSE {refill} END) / $3)
                               * interval '1 second',
             updated_at = now()
         RETURNING allowed, tokens"
    );
    let row = sql_query(query)
        .bind::<Text, _>(key)
        .bind::<Double, _>(capacity)
        .bind::<Double, _>(per_second)
        .get_result::<HitRow>(conn)?;
    Ok(if row.allowed {
        Hit::Allowed
    } else {
        let wait = ((1.0 - row.tokens) / per_second).ceil();
        Hit::Refused(if wait.is_finite() && wait >= 1.0 {
            wait as u64
        } else {
            1
        })
    })
}

/// Deletes the buckets that are full again (they say nothing); returns how many.
pub fn forget_full(conn: &mut PgConnection) -> QueryResult<usize> {
    sql_query("DELETE FROM rate_limits WHERE full_at <= now()").execute(conn)
}
