//! `student_hours.csv`: Dimona STU hours.

use std::io::Read;

use indicatif::ProgressBar;

use super::{
    ImportError, RowError,
    fields::{bce, niss, quarter_of, whole_hours},
    reader::{last_wins, read_rows},
};
use crate::domain::{Bce, Niss, Quarter};

/// The columns of `student_hours.csv`.
pub const STUDENT_HOURS_COLUMNS: &[&str] = &["niss", "employer_bce", "year", "quarter", "hours"];

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

/// Parses `student_hours.csv` (see [`STUDENT_HOURS_COLUMNS`]); bad values go to `errors`.
pub fn parse_student_hours(
    file: &str,
    input: impl Read,
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
) -> Result<Vec<StudentHoursLine>, ImportError> {
    let rows = read_rows(file, input, STUDENT_HOURS_COLUMNS, errors, bar, |row| {
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
    })?;
    Ok(last_wins(rows, |l| {
        (l.niss.clone(), l.employer.clone(), l.quarter)
    }))
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
