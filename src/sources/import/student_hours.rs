//! `student_hours.csv`: Dimona STU hours.

use diesel::{PgConnection, prelude::*, upsert::excluded};

use super::{
    SourceFile,
    fields::{bce, niss, quarter_of, stored_hours, whole_hours},
    reader::Row,
};
use crate::{
    db::schema::student_hours,
    domain::{Bce, Niss, Quarter},
};

/// The hours a student worked for one employer in one quarter (Dimona STU).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentHoursLine {
    /// The student.
    pub niss: Niss,
    /// The employer.
    pub employer: Bce,
    /// The quarter.
    pub quarter: Quarter,
    /// Whole hours.
    pub hours: u32,
}

impl SourceFile for StudentHoursLine {
    const ROWS: &'static str = "student hours";
    const COLUMNS: &'static [&'static str] = &["niss", "employer_bce", "year", "quarter", "hours"];
    type Key = (Niss, Bce, Quarter);

    fn from_row(row: &mut Row<'_>) -> Option<Self> {
        let niss = row.get("niss", niss);
        let employer = row.get("employer_bce", bce);
        let quarter = quarter_of(row);
        let hours = row.get("hours", whole_hours);
        Some(StudentHoursLine {
            niss: niss?,
            employer: employer?,
            quarter: quarter?,
            hours: hours?,
        })
    }

    fn key(&self) -> Self::Key {
        (self.niss.clone(), self.employer.clone(), self.quarter)
    }

    /// Inserts or replaces student hours (by NISS, employer and quarter).
    fn upsert_rows(conn: &mut PgConnection, rows: &[Self]) -> QueryResult<usize> {
        let values: Vec<_> = rows
            .iter()
            .map(|line| {
                (
                    student_hours::niss.eq(line.niss.as_str()),
                    student_hours::employer_bce.eq(line.employer.as_str()),
                    student_hours::year.eq(line.quarter.year),
                    student_hours::quarter.eq(i16::from(line.quarter.quarter)),
                    student_hours::hours.eq(stored_hours(line.hours)),
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::import::testing::{assert_errors, student_hours};

    #[test]
    fn student_hours_errors() {
        let (rows, errors) = student_hours(
            "04021208669,0555.123.476,2025,1,120\n\
             04021208669,0555.123.476,2025,2,12.5\n\
             04021208669,0555.123.476,2025,3,-3\n\
             04021208669,0555.123.476,2025,4,99999999999\n\
             04021208669,0555.123.476,2025,1,3000000000\n\
             04021208669,0555.123.476,2025,1,\n\
             04021208668,0555.123.476,,1,8\n",
        );
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].hours, 120);
        assert_eq!(rows[0].quarter, Quarter::new(2025, 1).unwrap());
        assert_errors(
            &errors,
            &[
                (3, "hours", "not a whole number"),
                (4, "hours", "negative"),
                (5, "hours", "not a whole number"),
                (6, "hours", "too large"),
                (7, "hours", "empty"),
                (8, "niss", "check digits"),
                (8, "year", "not a year"),
            ],
        );
    }
}
