//! Writing a checked batch: every table in one transaction, by chunks.

use diesel::{PgConnection, prelude::*};
use indicatif::ProgressBar;

use super::{Batch, ImportReport, SourceFile, upsert};

/// Rows per INSERT statement (PostgreSQL allows 65 535 parameters).
const CHUNK: usize = 1000;

/// Writes `batch` in one transaction (all or nothing), replacing stored rows
/// with the same keys.
pub fn write(
    conn: &mut PgConnection,
    batch: &Batch,
    bar: &ProgressBar,
) -> QueryResult<ImportReport> {
    conn.transaction(|conn| {
        Ok(ImportReport {
            persons: write_rows(conn, &batch.persons, bar)?,
            occupations: write_rows(conn, &batch.occupations, bar)?,
            student_hours: write_rows(conn, &batch.student_hours, bar)?,
            student_quotas: write_rows(conn, &batch.student_quotas, bar)?,
        })
    })
}

/// Upserts `rows` by chunks, advancing `bar`; the rows written.
pub(super) fn write_rows<T: SourceFile>(
    conn: &mut PgConnection,
    rows: &[T],
    bar: &ProgressBar,
) -> QueryResult<usize> {
    bar.set_message(T::ROWS);
    let mut written = 0;
    for chunk in rows.chunks(CHUNK) {
        written += upsert(conn, chunk)?;
        bar.inc(chunk.len() as u64);
    }
    Ok(written)
}
