//! The table writes of an import: one upsert per table, all in one transaction.

use diesel::{PgConnection, prelude::*, upsert::excluded};
use indicatif::ProgressBar;

use super::{Batch, ImportReport, OccupationLine, StudentHoursLine, StudentQuotaLine};
use crate::db::schema::{occupations, persons, student_hours, student_quotas};
use crate::sources::PersonRecord;

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
        let mut report = ImportReport::default();
        bar.set_message("persons");
        for chunk in batch.persons.chunks(CHUNK) {
            report.persons += upsert_persons(conn, chunk)?;
            bar.inc(chunk.len() as u64);
        }
        bar.set_message("occupations");
        for chunk in batch.occupations.chunks(CHUNK) {
            report.occupations += upsert_occupations(conn, chunk)?;
            bar.inc(chunk.len() as u64);
        }
        bar.set_message("student hours");
        for chunk in batch.student_hours.chunks(CHUNK) {
            report.student_hours += upsert_student_hours(conn, chunk)?;
            bar.inc(chunk.len() as u64);
        }
        bar.set_message("student quotas");
        for chunk in batch.student_quotas.chunks(CHUNK) {
            report.student_quotas += upsert_student_quotas(conn, chunk)?;
            bar.inc(chunk.len() as u64);
        }
        Ok(report)
    })
}

/// Inserts or replaces persons (by NISS).
pub fn upsert_persons(conn: &mut PgConnection, rows: &[PersonRecord]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let values: Vec<_> = rows
        .iter()
        .map(|p| {
            (
                persons::niss.eq(p.niss.as_str()),
                persons::last_name.eq(&p.last_name),
                persons::first_name.eq(&p.first_name),
                persons::birth_date.eq(p.birth_date),
                persons::language.eq(&p.language),
                persons::pension_start_date.eq(p.pension_start_date),
            )
        })
        .collect();
    diesel::insert_into(persons::table)
        .values(&values)
        .on_conflict(persons::niss)
        .do_update()
        .set((
            persons::last_name.eq(excluded(persons::last_name)),
            persons::first_name.eq(excluded(persons::first_name)),
            persons::birth_date.eq(excluded(persons::birth_date)),
            persons::language.eq(excluded(persons::language)),
            persons::pension_start_date.eq(excluded(persons::pension_start_date)),
        ))
        .execute(conn)
}

/// Inserts or replaces occupation lines (by NISS, employer, quarter and start date).
pub fn upsert_occupations(conn: &mut PgConnection, rows: &[OccupationLine]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let values: Vec<_> = rows
        .iter()
        .map(|line| {
            let o = &line.occupation;
            (
                occupations::niss.eq(line.niss.as_str()),
                occupations::employer_bce.eq(o.employer.as_str()),
                occupations::year.eq(o.quarter.year),
                occupations::quarter.eq(i16::from(o.quarter.quarter)),
                occupations::start_date.eq(o.start_date),
                occupations::end_date.eq(o.end_date),
                occupations::worker_hours.eq(o.worker_hours),
                occupations::reference_hours.eq(o.reference_hours),
                occupations::kind.eq(o.kind.as_str()),
            )
        })
        .collect();
    diesel::insert_into(occupations::table)
        .values(&values)
        .on_conflict((
            occupations::niss,
            occupations::employer_bce,
            occupations::year,
            occupations::quarter,
            occupations::start_date,
        ))
        .do_update()
        .set((
            occupations::end_date.eq(excluded(occupations::end_date)),
            occupations::worker_hours.eq(excluded(occupations::worker_hours)),
            occupations::reference_hours.eq(excluded(occupations::reference_hours)),
            occupations::kind.eq(excluded(occupations::kind)),
        ))
        .execute(conn)
}

/// Inserts or replaces student hours (by NISS, employer and quarter).
pub fn upsert_student_hours(
    conn: &mut PgConnection,
    rows: &[StudentHoursLine],
) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let values: Vec<_> = rows
        .iter()
        .map(|line| {
            (
                student_hours::niss.eq(line.niss.as_str()),
                student_hours::employer_bce.eq(line.employer.as_str()),
                student_hours::year.eq(line.quarter.year),
                student_hours::quarter.eq(i16::from(line.quarter.quarter)),
                // Checked to fit when parsed.
                student_hours::hours.eq(i32::try_from(line.hours).unwrap_or(i32::MAX)),
            )
        })
        .collect();
    diesel::insert_into(student_hours::table)
        .values(&values)
        .on_conflict((
            student_hours::niss,
            student_hours::employer_bce,
            student_hours::year,
            student_hours::quarter,
        ))
        .do_update()
        .set(student_hours::hours.eq(excluded(student_hours::hours)))
        .execute(conn)
}

/// Inserts or replaces yearly student quotas (by year).
pub fn upsert_student_quotas(
    conn: &mut PgConnection,
    rows: &[StudentQuotaLine],
) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let values: Vec<_> = rows
        .iter()
        .map(|line| {
            (
                student_quotas::year.eq(line.year),
                // Checked to fit when parsed.
                student_quotas::hours.eq(i32::try_from(line.hours).unwrap_or(i32::MAX)),
            )
        })
        .collect();
    diesel::insert_into(student_quotas::table)
        .values(&values)
        .on_conflict(student_quotas::year)
        .do_update()
        .set(student_quotas::hours.eq(excluded(student_quotas::hours)))
        .execute(conn)
}
