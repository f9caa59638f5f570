//! The fictional demo world: people of the national register, back-office staff, and (as
//! the features arrive) companies, requests and source data showing every case.
//! Idempotent: seeding twice gives the same world.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{prelude::*, upsert::excluded};

use crate::db::schema::{persons, staff};

/// A person of the demo national register.
pub struct DemoPerson {
    /// NISS (11 digits).
    pub niss: &'static str,
    /// Last name.
    pub last_name: &'static str,
    /// First name.
    pub first_name: &'static str,
    /// Birth date (YYYY-MM-DD).
    pub birth_date: &'static str,
    /// Language.
    pub language: &'static str,
    /// Pension start (YYYY-MM-DD), if retired.
    pub pension_start: Option<&'static str>,
    /// What this persona shows.
    pub role: &'static str,
}

/// The demo register. Every NISS is valid and fictional.
pub const PEOPLE: &[DemoPerson] = &[
    DemoPerson {
        niss: "90051402426",
        last_name: "Abara",
        first_name: "Maria",
        birth_date: "1990-05-14",
        language: "fr",
        pension_start: None,
        role: "candidate: flexi-job eligible through 4/5 at another employer",
    },
    DemoPerson {
        niss: "04021208669",
        last_name: "Dumont",
        first_name: "Sarah",
        birth_date: "2004-02-12",
        language: "fr",
        pension_start: None,
        role: "student with 154 hours left",
    },
    DemoPerson {
        niss: "85073003328",
        last_name: "Peeters",
        first_name: "Jan",
        birth_date: "1985-07-30",
        language: "nl",
        pension_start: None,
        role: "main access manager of Resto Pokébowl",
    },
    DemoPerson {
        niss: "78110314228",
        last_name: "Schmidt",
        first_name: "Lena",
        birth_date: "1978-11-03",
        language: "de",
        pension_start: None,
        role: "user of the provider Socialia",
    },
    DemoPerson {
        niss: "55032111741",
        last_name: "Dubois",
        first_name: "Marc",
        birth_date: "1955-03-21",
        language: "fr",
        pension_start: Some("2020-04-01"),
        role: "pensioner: flexi-job eligible",
    },
    DemoPerson {
        niss: "92481005174",
        last_name: "Kowalski",
        first_name: "Tomasz",
        birth_date: "1992-08-10",
        language: "en",
        pension_start: None,
        role: "foreigner with a BIS number",
    },
    DemoPerson {
        niss: "88012521319",
        last_name: "Janssens",
        first_name: "Lucas",
        birth_date: "1988-01-25",
        language: "nl",
        pension_start: None,
        role: "eligible through several part-time employers",
    },
    DemoPerson {
        niss: "95090916472",
        last_name: "Martin",
        first_name: "Emma",
        birth_date: "1995-09-09",
        language: "fr",
        pension_start: None,
        role: "not eligible: 0.79",
    },
    DemoPerson {
        niss: "93123107562",
        last_name: "Lambert",
        first_name: "Noah",
        birth_date: "1993-12-31",
        language: "fr",
        pension_start: None,
        role: "not eligible: 4/5 only with the asking company",
    },
    DemoPerson {
        niss: "00022909845",
        last_name: "Wouters",
        first_name: "Julie",
        birth_date: "2000-02-29",
        language: "nl",
        pension_start: None,
        role: "not eligible: 4/5 includes flexi and student lines",
    },
    DemoPerson {
        niss: "03061712977",
        last_name: "Claes",
        first_name: "Kevin",
        birth_date: "2003-06-17",
        language: "nl",
        pension_start: None,
        role: "student over quota",
    },
    DemoPerson {
        niss: "82040218847",
        last_name: "Mertens",
        first_name: "Sofie",
        birth_date: "1982-04-02",
        language: "nl",
        pension_start: None,
        role: "user of Resto Pokébowl",
    },
];

/// Demo staff: (username, name, role).
pub const STAFF: &[(&str, &str, &str)] = &[
    ("claire", "Claire Lemaire", "agent"),
    ("pieter", "Pieter Vos", "supervisor"),
    ("nadia", "Nadia Haddad", "trainer"),
];

/// What was loaded.
#[derive(Debug, Default)]
pub struct SeedReport {
    /// People in the register.
    pub people: usize,
    /// Staff members.
    pub staff: usize,
    /// Rows of the other authentic sources (occupations, student hours, quotas).
    pub sources: usize,
    /// Access requests made for the demo companies (0 when they already existed).
    pub requests: usize,
}

impl fmt::Display for SeedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} people, {} staff", self.people, self.staff)?;
        write!(f, ", {} source rows", self.sources)?;
        write!(f, ", {} requests", self.requests)
    }
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("demo dates are valid")
}

/// The public URL the demo's links use unless told otherwise.
pub const DEFAULT_PUBLIC_URL: &str = "http://localhost:8080";

/// Loads (or refreshes) the demo world, in one transaction, with links on the default host.
pub fn seed_demo(conn: &mut PgConnection, now: DateTime<Utc>) -> anyhow::Result<SeedReport> {
    seed_demo_with(conn, now, DEFAULT_PUBLIC_URL)
}

/// Loads (or refreshes) the demo world, in one transaction; request links use `public_url`.
pub fn seed_demo_with(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    public_url: &str,
) -> anyhow::Result<SeedReport> {
    conn.transaction(|conn| {
        let mut report = SeedReport::default();
        for p in PEOPLE {
            report.people += diesel::insert_into(persons::table)
                .values((
                    persons::niss.eq(p.niss),
                    persons::last_name.eq(p.last_name),
                    persons::first_name.eq(p.first_name),
                    persons::birth_date.eq(date(p.birth_date)),
                    persons::language.eq(p.language),
                    persons::pension_start_date.eq(p.pension_start.map(date)),
                ))
                .on_conflict(persons::niss)
                .do_update()
                .set((
                    persons::last_name.eq(excluded(persons::last_name)),
                    persons::first_name.eq(excluded(persons::first_name)),
                    persons::birth_date.eq(excluded(persons::birth_date)),
                    persons::language.eq(excluded(persons::language)),
                    persons::pension_start_date.eq(excluded(persons::pension_start_date)),
                ))
                .execute(conn)?;
        }
        for (username, name, role) in STAFF {
            report.staff += diesel::insert_into(staff::table)
                .values((
                    staff::username.eq(username),
                    staff::display_name.eq(name),
                    staff::role.eq(role),
                    staff::created_at.eq(now),
                ))
                .on_conflict(staff::username)
                .do_update()
                .set((
                    staff::display_name.eq(excluded(staff::display_name)),
                    staff::role.eq(excluded(staff::role)),
                ))
                .execute(conn)?;
        }
        report.sources = crate::sources::demo::seed_sources(conn, now.date_naive())?;
        report.requests =
            crate::seed_companies::seed(conn, &crate::sources::PgSources, now, public_url)?;
        Ok(report)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Niss;

    #[test]
    fn every_demo_niss_is_valid_and_matches_the_birth_date() {
        for p in PEOPLE {
            let niss = Niss::parse(p.niss).unwrap_or_else(|e| panic!("{}: {e:?}", p.first_name));
            if !niss.is_bis() {
                assert_eq!(
                    niss.birth_date(),
                    Some(date(p.birth_date)),
                    "{}",
                    p.first_name
                );
            }
        }
        assert!(PEOPLE.iter().any(|p| Niss::parse(p.niss).unwrap().is_bis()));
    }
}
