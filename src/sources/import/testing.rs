//! Helpers of the import's unit tests.

use std::path::PathBuf;

use indicatif::ProgressBar;

use super::{OccupationLine, RowError, SourceFile, StudentHoursLine, StudentQuotaLine, parse_file};
use crate::sources::PersonRecord;

pub(super) use crate::domain::testing::date;

/// Parses `text` as the file `name` of rows `T`: the rows and the errors.
pub(super) fn parse<T: SourceFile>(name: &str, text: &[u8]) -> (Vec<T>, Vec<RowError>) {
    let mut errors = Vec::new();
    let rows = parse_file(name, text, &mut errors, &ProgressBar::hidden()).expect("no I/O error");
    (rows, errors)
}

/// The header row of a file of rows `T`, with its line end.
pub(super) fn header<T: SourceFile>() -> String {
    format!("{}\n", T::COLUMNS.join(","))
}

/// Parses `body` under the header row of `T` as the file `name`.
fn under_header<T: SourceFile>(name: &str, body: &str) -> (Vec<T>, Vec<RowError>) {
    parse(name, format!("{}{body}", header::<T>()).as_bytes())
}

/// The rows of a file without a bad value (the test fails on any, listing them).
pub(super) fn good<T>((rows, errors): (Vec<T>, Vec<RowError>)) -> Vec<T> {
    assert!(errors.is_empty(), "{errors:?}");
    rows
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

pub(super) fn persons(body: &str) -> (Vec<PersonRecord>, Vec<RowError>) {
    under_header("persons.csv", body)
}

pub(super) fn occupations(body: &str) -> (Vec<OccupationLine>, Vec<RowError>) {
    under_header("occupations.csv", body)
}

pub(super) fn student_hours(body: &str) -> (Vec<StudentHoursLine>, Vec<RowError>) {
    under_header("student_hours.csv", body)
}

pub(super) fn quotas(body: &str) -> (Vec<StudentQuotaLine>, Vec<RowError>) {
    under_header("student_quota.csv", body)
}

pub(super) fn fixture(name: &str) -> Option<PathBuf> {
    Some(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
}
