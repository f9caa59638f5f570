//! `student_quota.csv`: the yearly Student@Work quota.

use diesel::{PgConnection, prelude::*, upsert::excluded};

use super::{
    SourceFile,
    fields::{stored_hours, whole_hours, year},
    reader::Row,
};
use crate::db::schema::student_quotas;

/// The Student@Work quota of a year.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct StudentQuotaLine {
    /// The calendar year.
    pub year: i32,
    /// The quota in hours.
    pub hours: u32,
}

impl SourceFile for StudentQuotaLine {
    const ROWS: &'static str = "student quotas";
    const COLUMNS: &'static [&'static str] = &["year", "hours"];
    type Key = i32;

    fn from_row(row: &mut Row<'_>) -> Option<Self> {
        let year = row.get("year", year);
        let hours = row.get("hours", whole_hours);
        Some(StudentQuotaLine {
            year: year?,
            hours: hours?,
        })
    }

    fn key(&self) -> i32 {
        self.year
    }

    /// Inserts or replaces yearly student quotas (by year).
    fn upsert_rows(conn: &mut PgConnection, rows: &[Self]) -> QueryResult<usize> {
        let values: Vec<_> = rows
            .iter()
            .map(|line| {
                (
                    student_quotas::year.eq(line.year),
                    student_quotas::hours.eq(stored_hours(line.hours)),
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::import::testing::{assert_errors, quotas};

    #[test]
    fn quota_errors() {
        let (rows, errors) = quotas("2025,650\n2026,-1\n20x6,650\n2027,\n");
        assert_eq!(
            rows,
            vec![StudentQuotaLine {
                year: 2025,
                hours: 650
            }]
        );
        assert_errors(
            &errors,
            &[
                (3, "hours", "negative"),
                (4, "year", "not a year"),
                (5, "hours", "empty"),
            ],
        );
    }
}
