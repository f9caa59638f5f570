//! `persons.csv`: the national register.

use std::io::Read;

use indicatif::ProgressBar;

use super::{
    ImportError, RowError,
    fields::{date, language, niss, non_empty, optional_date},
    reader::{last_wins, read_rows},
};
use crate::sources::PersonRecord;

/// The columns of `persons.csv`.
pub const PERSON_COLUMNS: &[&str] = &[
    "niss",
    "last_name",
    "first_name",
    "birth_date",
    "language",
    "pension_start_date",
];

/// Parses `persons.csv` (see [`PERSON_COLUMNS`]); bad values go to `errors`.
pub fn parse_persons(
    file: &str,
    input: impl Read,
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
) -> Result<Vec<PersonRecord>, ImportError> {
    let rows = read_rows(file, input, PERSON_COLUMNS, errors, bar, |row| {
        let niss = row.get("niss", niss);
        let last_name = row.get("last_name", non_empty);
        let first_name = row.get("first_name", non_empty);
        let birth_date = row.get("birth_date", date);
        let language = row.get("language", language);
        let pension_start_date = row.get("pension_start_date", optional_date);
        if let (Some(Some(pension)), Some(birth)) = (pension_start_date, birth_date)
            && pension < birth
        {
            row.fail("pension_start_date", "before the birth date");
        }
        Some(PersonRecord {
            niss: niss?,
            last_name: last_name?,
            first_name: first_name?,
            birth_date: birth_date?,
            language: language?,
            pension_start_date: pension_start_date?,
        })
    })?;
    Ok(last_wins(rows, |p| p.niss.clone()))
}

#[cfg(test)]
mod tests {
    use crate::sources::import::testing::{assert_errors, date, persons};

    #[test]
    fn good_persons_are_normalised() {
        let (rows, errors) = persons(
            "85.07.30-033.28, Peeters ,Jan,1985-07-30,nl,\n\
             55032111741,Dubois,Marc,1955-03-21,fr,2020-04-01\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].niss.as_str(), "85073003328");
        assert_eq!(rows[0].last_name, "Peeters");
        assert_eq!(rows[0].pension_start_date, None);
        assert_eq!(rows[1].pension_start_date, Some(date(2020, 4, 1)));
        assert_eq!(rows[1].language, "fr");
    }

    #[test]
    fn every_person_error_is_reported_with_its_line() {
        let (rows, errors) = persons(
            "85073003329,Peeters,Jan,1985-07-30,nl,\n\
             ,Peeters,Jan,1985-07-30,nl,\n\
             8507300332,Peeters,Jan,1985-07-30,nl,\n\
             85073003328,,Jan,1985-07-30,nl,\n\
             85073003328,Peeters,,1985/07/30,nl,\n\
             85073003328,Peeters,Jan,1985-7-30,nl,\n\
             85073003328,Peeters,Jan,1985-02-30,NL,\n\
             85073003328,Peeters,Jan,1985-07-30,es,2050-13-01\n\
             85073003328,Peeters,Jan,1985-07-30,nl,1980-01-01\n",
        );
        assert!(rows.is_empty());
        assert_errors(
            &errors,
            &[
                (2, "niss", "check digits"),
                (3, "niss", "empty"),
                (4, "niss", "11 digits"),
                (5, "last_name", "empty"),
                (6, "first_name", "empty"),
                (6, "birth_date", "not a date YYYY-MM-DD"),
                (7, "birth_date", "not a date YYYY-MM-DD"),
                (8, "birth_date", "not a day that exists"),
                (8, "language", "not a language"),
                (9, "language", "not a language"),
                (9, "pension_start_date", "not a day that exists"),
                (10, "pension_start_date", "before the birth date"),
            ],
        );
        assert_eq!(
            errors[0].to_string(),
            "persons.csv:2: niss: the NISS check digits do not match"
        );
    }
}
