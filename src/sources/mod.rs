//! The authentic sources: the official databases the answers are drawn from.
//!
//! - the **national register** (identity, pension start): table `persons`;
//! - **DmfA** occupation lines, one per occupation and quarter: table `occupations`;
//! - **Dimona STU** student hours, per employer and quarter: table `student_hours`;
//! - the yearly **Student@Work quota**: table `student_quotas` (the legal
//!   [`default_quota`] applies to a year absent from it).
//!
//! The application reads them only through the [`AuthenticSources`] trait, so a
//! client of the real web services can replace the PostgreSQL-backed
//! [`PgSources`]. The tables are loaded from CSV files by `mandat import`
//! ([`import`]) and seeded with a fictional world for demos and tests
//! ([`crate::demo`]).
//!
//! [`flexi_result`] and [`student_balance`] compute an answer at the moment it
//! is asked, from the sources as they are then: nothing is cached.

pub mod import;

use chrono::{Datelike, NaiveDate};
use diesel::{PgConnection, prelude::*, result::Error as DieselError};

use crate::db::schema::{occupations, persons, student_hours, student_quotas};
use crate::domain::{
    Bce, Niss, Quarter,
    flexi::{self, Occupation, OccupationKind},
    student::{self, default_quota},
};

/// A person as the national register knows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRecord {
    /// The NISS.
    pub niss: Niss,
    /// Last name.
    pub last_name: String,
    /// First name.
    pub first_name: String,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// Language: `fr`, `nl`, `de` or `en`.
    pub language: String,
    /// The day the pension started, if the person is retired.
    pub pension_start_date: Option<NaiveDate>,
}

/// The official databases, as the application reads them.
///
/// Methods take the connection to use, like the rest of the database layer, so
/// that they run on a pooled connection or inside a transaction alike. An
/// implementation that calls remote web services may ignore it.
pub trait AuthenticSources: Send + Sync {
    /// The person with this NISS in the national register, if any.
    fn person(&self, conn: &mut PgConnection, niss: &Niss) -> QueryResult<Option<PersonRecord>>;

    /// The people of `niss` the national register knows (in no particular order; the
    /// unknown ones are left out).
    fn people(&self, conn: &mut PgConnection, niss: &[Niss]) -> QueryResult<Vec<PersonRecord>>;

    /// Up to `limit` people of the register, by name: the personas of the demo sign-in (a
    /// demo register only; the real one answers nothing).
    fn sample(&self, conn: &mut PgConnection, limit: i64) -> QueryResult<Vec<PersonRecord>>;

    /// The DmfA occupation lines of `niss` declared for any of `quarters`.
    fn occupations(
        &self,
        conn: &mut PgConnection,
        niss: &Niss,
        quarters: &[Quarter],
    ) -> QueryResult<Vec<Occupation>>;

    /// The hours declared in Dimona STU for `niss` in the calendar year
    /// `year`: one item per declaration (employer and quarter), corrections
    /// already applied.
    fn student_hours(
        &self,
        conn: &mut PgConnection,
        niss: &Niss,
        year: i32,
    ) -> QueryResult<Vec<u32>>;

    /// The Student@Work quota of `year`, in hours; the legal
    /// [`default_quota`] when the source has none for that year.
    fn student_quota(&self, conn: &mut PgConnection, year: i32) -> QueryResult<u32>;
}

/// The sources kept in this application's PostgreSQL database (loaded by
/// `mandat import` or the demo seed).
#[derive(Copy, Clone, Debug, Default)]
pub struct PgSources;

/// A stored value that the import would have refused: the data is corrupt.
fn corrupt(what: String) -> DieselError {
    DieselError::DeserializationError(what.into())
}

/// The row of `occupations` as stored.
type OccupationRow = (
    String,
    i32,
    i16,
    NaiveDate,
    Option<NaiveDate>,
    f64,
    f64,
    String,
);

/// A row of `persons`.
#[derive(Queryable, Selectable)]
#[diesel(table_name = persons, check_for_backend(diesel::pg::Pg))]
struct PersonRow {
    niss: Niss,
    last_name: String,
    first_name: String,
    birth_date: NaiveDate,
    language: String,
    pension_start_date: Option<NaiveDate>,
}

impl From<PersonRow> for PersonRecord {
    fn from(r: PersonRow) -> Self {
        PersonRecord {
            niss: r.niss,
            last_name: r.last_name,
            first_name: r.first_name,
            birth_date: r.birth_date,
            language: r.language,
            pension_start_date: r.pension_start_date,
        }
    }
}

impl AuthenticSources for PgSources {
    fn person(&self, conn: &mut PgConnection, niss: &Niss) -> QueryResult<Option<PersonRecord>> {
        Ok(persons::table
            .find(niss)
            .select(PersonRow::as_select())
            .first(conn)
            .optional()?
            .map(PersonRecord::from))
    }

    fn people(&self, conn: &mut PgConnection, niss: &[Niss]) -> QueryResult<Vec<PersonRecord>> {
        if niss.is_empty() {
            return Ok(Vec::new());
        }
        Ok(persons::table
            .filter(persons::niss.eq_any(niss))
            .select(PersonRow::as_select())
            .load(conn)?
            .into_iter()
            .map(PersonRecord::from)
            .collect())
    }

    fn sample(&self, conn: &mut PgConnection, limit: i64) -> QueryResult<Vec<PersonRecord>> {
        Ok(persons::table
            .order((persons::last_name, persons::first_name))
            .select(PersonRow::as_select())
            .limit(limit)
            .load(conn)?
            .into_iter()
            .map(PersonRecord::from)
            .collect())
    }

    fn occupations(
        &self,
        conn: &mut PgConnection,
        niss: &Niss,
        quarters: &[Quarter],
    ) -> QueryResult<Vec<Occupation>> {
        if quarters.is_empty() {
            return Ok(Vec::new());
        }
        let mut years: Vec<i32> = quarters.iter().map(|q| q.year).collect();
        years.sort_unstable();
        years.dedup();
        let rows: Vec<OccupationRow> = occupations::table
            .filter(occupations::niss.eq(niss))
            .filter(occupations::year.eq_any(years))
            .order((
                occupations::year,
                occupations::quarter,
                occupations::employer_bce,
                occupations::start_date,
            ))
            .select((
                occupations::employer_bce,
                occupations::year,
                occupations::quarter,
                occupations::start_date,
                occupations::end_date,
                occupations::worker_hours,
                occupations::reference_hours,
                occupations::kind,
            ))
            .load(conn)?;
        let mut out = Vec::with_capacity(rows.len());
        for (employer, year, quarter, start_date, end_date, worker_hours, reference_hours, kind) in
            rows
        {
            let quarter = u8::try_from(quarter)
                .ok()
                .and_then(|n| Quarter::new(year, n))
                .ok_or_else(|| corrupt(format!("occupation quarter {year}-{quarter}")))?;
            if !quarters.contains(&quarter) {
                continue;
            }
            let employer =
                Bce::parse(&employer).map_err(|e| corrupt(format!("occupation employer: {e}")))?;
            let kind = OccupationKind::parse(&kind)
                .ok_or_else(|| corrupt(format!("occupation kind {kind:?}")))?;
            out.push(Occupation {
                employer,
                quarter,
                start_date,
                end_date,
                worker_hours,
                reference_hours,
                kind,
            });
        }
        Ok(out)
    }

    fn student_hours(
        &self,
        conn: &mut PgConnection,
        niss: &Niss,
        year: i32,
    ) -> QueryResult<Vec<u32>> {
        let hours: Vec<i32> = student_hours::table
            .filter(student_hours::niss.eq(niss.as_str()))
            .filter(student_hours::year.eq(year))
            .order((student_hours::quarter, student_hours::employer_bce))
            .select(student_hours::hours)
            .load(conn)?;
        hours
            .into_iter()
            .map(|h| u32::try_from(h).map_err(|_| corrupt(format!("student hours {h}"))))
            .collect()
    }

    fn student_quota(&self, conn: &mut PgConnection, year: i32) -> QueryResult<u32> {
        let hours: Option<i32> = student_quotas::table
            .find(year)
            .select(student_quotas::hours)
            .first(conn)
            .optional()?;
        match hours {
            None => Ok(default_quota(year)),
            Some(h) => u32::try_from(h).map_err(|_| corrupt(format!("student quota {h}"))),
        }
    }
}

/// The reference quarters (T-3) of the consultation window of `on`.
fn reference_quarters(on: NaiveDate) -> Vec<Quarter> {
    let mut quarters: Vec<Quarter> = flexi::window(on)
        .into_iter()
        .map(|q| q.offset(-3))
        .collect();
    quarters.dedup();
    quarters
}

/// The flexi-job possibility of `niss` on `on`, for the company `asking`
/// (the company the request is for, not its provider), computed now from the
/// sources: the pension start from the register and the occupation lines of
/// the reference quarter (T-3) of each quarter of the consultation window.
///
/// `None` when the person is unknown to the national register.
pub fn flexi_result(
    sources: &dyn AuthenticSources,
    conn: &mut PgConnection,
    niss: &Niss,
    asking: &Bce,
    on: NaiveDate,
) -> QueryResult<Option<flexi::FlexiResult>> {
    let Some(person) = sources.person(conn, niss)? else {
        return Ok(None);
    };
    let occupations = sources.occupations(conn, niss, &reference_quarters(on))?;
    Ok(Some(flexi::evaluate(
        on,
        person.pension_start_date,
        &occupations,
        asking,
    )))
}

/// The Student@Work hours balance of `niss` for the calendar year of `on`,
/// computed now from the sources: the year's quota minus the hours declared in
/// Dimona STU for that year.
///
/// `None` when the person is unknown to the national register.
pub fn student_balance(
    sources: &dyn AuthenticSources,
    conn: &mut PgConnection,
    niss: &Niss,
    on: NaiveDate,
) -> QueryResult<Option<student::StudentBalance>> {
    if sources.person(conn, niss)?.is_none() {
        return Ok(None);
    }
    let year = on.year();
    let quota = sources.student_quota(conn, year)?;
    let hours = sources.student_hours(conn, niss, year)?;
    Ok(Some(student::balance(year, quota, hours)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{date, q};

    #[test]
    fn reference_quarters_follow_the_window() {
        let cases = [
            (date(2025, 2, 10), vec![q(2024, 2)]),
            (date(2025, 3, 5), vec![q(2024, 2), q(2024, 3)]),
            (date(2025, 4, 1), vec![q(2024, 3)]),
            (date(2026, 12, 31), vec![q(2026, 1), q(2026, 2)]),
        ];
        for (on, expected) in cases {
            assert_eq!(reference_quarters(on), expected, "{on}");
        }
    }
}
