//! The `flexi_positive_answers` table: a positive flexi-job answer is final for its
//! quarter. For a person and the company that asked, the quarters already answered
//! eligible and when; nothing else (no fraction, no reason). The consultation reads and
//! writes it in its own transaction; the purge erases it with the consultation audit.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::schema::flexi_positive_answers as t;
use crate::domain::{Niss, Quarter};

/// The quarters of `among` already answered eligible about `niss` to `company_id`.
pub fn fixed(
    conn: &mut PgConnection,
    niss: &Niss,
    company_id: Uuid,
    among: &[Quarter],
) -> QueryResult<Vec<Quarter>> {
    if among.is_empty() {
        return Ok(Vec::new());
    }
    let years: Vec<i32> = among.iter().map(|q| q.year).collect();
    let rows: Vec<(i32, i16)> = t::table
        .filter(t::citizen_niss.eq(niss))
        .filter(t::company_id.eq(company_id))
        .filter(t::year.eq_any(years))
        .select((t::year, t::quarter))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(year, quarter)| Quarter::new(year, u8::try_from(quarter).ok()?))
        .filter(|q| among.contains(q))
        .collect())
}

/// Records that `quarters` were answered eligible about `niss` to `company_id` at `at`
/// (a quarter recorded already keeps its first date).
pub fn record(
    conn: &mut PgConnection,
    niss: &Niss,
    company_id: Uuid,
    quarters: &[Quarter],
    at: DateTime<Utc>,
) -> QueryResult<usize> {
    if quarters.is_empty() {
        return Ok(0);
    }
    let rows: Vec<_> = quarters
        .iter()
        .map(|q| {
            (
                t::citizen_niss.eq(niss),
                t::company_id.eq(company_id),
                t::year.eq(q.year),
                t::quarter.eq(i16::from(q.quarter)),
                t::answered_at.eq(at),
            )
        })
        .collect();
    diesel::insert_into(t::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(conn)
}

/// Deletes the answers recorded at or before `cutoff` (with the consultation audit).
pub fn purge(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<usize> {
    super::retention::batched(
        conn,
        "DELETE FROM flexi_positive_answers
          WHERE (citizen_niss, company_id, year, quarter) IN
                (SELECT citizen_niss, company_id, year, quarter FROM flexi_positive_answers
                  WHERE answered_at <= $1 LIMIT $2)",
        cutoff,
    )
}
