//! `persons.csv`: the national register.

use diesel::{PgConnection, prelude::*, upsert::excluded};

use super::{
    SourceFile,
    fields::{date, language, niss, non_empty, optional_date},
    reader::Row,
};
use crate::{db::schema::persons, domain::Niss, sources::PersonRecord};

impl SourceFile for PersonRecord {
    const ROWS: &'static str = "persons";
    const COLUMNS: &'static [&'static str] = &[
        "niss",
        "last_name",
        "first_name",
        "birth_date",
        "language",
        "pension_start_date",
    ];
    type Key = Niss;

    fn from_row(row: &mut Row<'_>) -> Option<Self> {
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
    }

    fn key(&self) -> Niss {
        self.niss.clone()
    }

    /// Inserts or replaces persons (by NISS).
    fn upsert_rows(conn: &mut PgConnection, rows: &[Self]) -> QueryResult<usize> {
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
}

#[cfg(test)]
mod tests {
    use crate::sources::import::testing::{assert_errors, date, good, persons};

    #[test]
    fn good_persons_are_normalised() {
        let rows = good(persons(
            "85.07.30-033.28, Peeters ,Jan,1985-07-30,nl,\n\
             55032111741,Dubois,Marc,1955-03-21,fr,2020-04-01\n",
        ));
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
