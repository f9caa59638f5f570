//! `student_quota.csv`: the yearly Student@Work quota.

use std::io::Read;

use indicatif::ProgressBar;

use super::{
    ImportError, RowError,
    fields::{whole_hours, year},
    reader::{last_wins, read_rows},
};

/// The columns of `student_quota.csv`.
pub const STUDENT_QUOTA_COLUMNS: &[&str] = &["year", "hours"];

/// The Student@Work quota of a year.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct StudentQuotaLine {
    /// The calendar year.
    pub year: i32,
    /// The quota in hours.
    pub hours: u32,
}

/// Parses `student_quota.csv` (see [`STUDENT_QUOTA_COLUMNS`]); bad values go to `errors`.
pub fn parse_student_quotas(
    file: &str,
    input: impl Read,
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
) -> Result<Vec<StudentQuotaLine>, ImportError> {
    let rows = read_rows(file, input, STUDENT_QUOTA_COLUMNS, errors, bar, |row| {
        let year = row.get("year", year);
        let hours = row.get("hours", whole_hours);
        Some(StudentQuotaLine {
            year: year?,
            hours: hours?,
        })
    })?;
    Ok(last_wins(rows, |l| l.year))
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
