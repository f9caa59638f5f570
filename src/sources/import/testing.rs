//! Helpers of the import's unit tests.

use std::path::PathBuf;

use chrono::NaiveDate;
use indicatif::ProgressBar;

use super::{
    ImportError, OccupationLine, RowError, StudentHoursLine, StudentQuotaLine, parse_occupations,
    parse_persons, parse_student_hours, parse_student_quotas,
};
use crate::sources::PersonRecord;

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) type Parser<T> = fn(
    &str,
    std::io::Cursor<Vec<u8>>,
    &mut Vec<RowError>,
    &ProgressBar,
) -> Result<Vec<T>, ImportError>;

/// Parses `text` as the file `name` with `parser`: the rows and the errors.
pub(super) fn parse<T>(parser: Parser<T>, name: &str, text: &str) -> (Vec<T>, Vec<RowError>) {
    let mut errors = Vec::new();
    let input = std::io::Cursor::new(text.as_bytes().to_vec());
    let rows = parser(name, input, &mut errors, &ProgressBar::hidden()).expect("no I/O error");
    (rows, errors)
}

/// The errors as `line: column` pairs, and each reason containing `reason`.
pub(super) fn assert_errors(errors: &[RowError], expected: &[(u64, &str, &str)]) {
    let got: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
    let want: Vec<(u64, &str)> = expected.iter().map(|&(l, c, _)| (l, c)).collect();
    assert_eq!(got, want, "{errors:#?}");
    for (error, (_, _, reason)) in errors.iter().zip(expected) {
        assert!(
            error.reason.contains(reason),
            "{error}: expected a reason containing {reason:?}"
        );
    }
}

pub(super) const PERSONS_HEADER: &str =
    "niss,last_name,first_name,birth_date,language,pension_start_date\n";
pub(super) const OCCUPATIONS_HEADER: &str =
    "niss,employer_bce,year,quarter,start_date,end_date,worker_hours,reference_hours,kind\n";
pub(super) const STUDENT_HOURS_HEADER: &str = "niss,employer_bce,year,quarter,hours\n";

pub(super) fn persons(body: &str) -> (Vec<PersonRecord>, Vec<RowError>) {
    parse(
        parse_persons,
        "persons.csv",
        &format!("{PERSONS_HEADER}{body}"),
    )
}

pub(super) fn occupations(body: &str) -> (Vec<OccupationLine>, Vec<RowError>) {
    parse(
        parse_occupations,
        "occupations.csv",
        &format!("{OCCUPATIONS_HEADER}{body}"),
    )
}

pub(super) fn student_hours(body: &str) -> (Vec<StudentHoursLine>, Vec<RowError>) {
    parse(
        parse_student_hours,
        "student_hours.csv",
        &format!("{STUDENT_HOURS_HEADER}{body}"),
    )
}

pub(super) fn quotas(body: &str) -> (Vec<StudentQuotaLine>, Vec<RowError>) {
    parse(
        parse_student_quotas,
        "student_quota.csv",
        &format!("year,hours\n{body}"),
    )
}

pub(super) fn fixture(name: &str) -> Option<PathBuf> {
    Some(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
}
