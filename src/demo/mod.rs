//! The fictional demo world: the people of the national register and the back-office staff
//! ([`people`]), the companies with requests in every state ([`companies`]), and the
//! authentic-source data that gives each person their case on any day ([`sources`]).
//!
//! [`seed_demo_with`] loads it into one database at a given instant, with request links on a
//! given host: `mandat seed-demo`, the test template and the trainers' demo tenants
//! ([`tenants`]) use it, each tenant at its own start instant and on its own host. Nothing in
//! here reads the system clock. Idempotent: seeding twice at the same instant gives the same
//! world.

pub mod companies;
pub mod generate;
pub mod people;
pub mod sources;
pub mod tenants;

use std::fmt;

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::sources::{
    AuthenticSources, PgSources,
    import::{Batch, ImportReport, upsert, write},
};

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

/// The public URL the demo's links use unless told otherwise.
pub const DEFAULT_PUBLIC_URL: &str = "http://localhost:8080";

/// Loads (or refreshes) the demo world at `now`, in one transaction, reading the register
/// through [`PgSources`], with links on the default host and mails sealed under the
/// development key.
pub fn seed_demo(conn: &mut PgConnection, now: DateTime<Utc>) -> anyhow::Result<SeedReport> {
    seed_demo_with(
        conn,
        &PgSources,
        now,
        DEFAULT_PUBLIC_URL,
        &crate::seal::Keyring::development(),
    )
}

/// Loads (or refreshes) the demo world at `now`, in one transaction: the register, the
/// staff, the source data for consultations on the day of `now`, and (once) the companies
/// and their requests, whose acceptances read the register through `sources` and whose
/// links use `public_url`, whose mails are sealed under `keys`.
pub fn seed_demo_with(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    now: DateTime<Utc>,
    public_url: &str,
    keys: &crate::seal::Keyring,
) -> anyhow::Result<SeedReport> {
    conn.transaction(|conn| {
        let people = people::seed_people(conn)?;
        let staff = people::seed_staff(conn, now)?;
        let source_rows = self::sources::seed_sources(conn, now.date_naive())?;
        let requests = companies::seed(conn, sources, now, public_url, keys)?;
        Ok(SeedReport {
            people,
            staff,
            sources: source_rows,
            requests,
        })
    })
}

/// Loads a trainer's own world at `now`, in one transaction: the demo staff (persons of the
/// register with their roles, so that the back office can be shown), the yearly quotas of
/// the demo world, then the trainer's checked files (which win over both). No company, no
/// request: the trainees make them.
pub fn seed_own_sources(
    conn: &mut PgConnection,
    batch: &Batch,
    now: DateTime<Utc>,
) -> anyhow::Result<ImportReport> {
    conn.transaction(|conn| {
        let staff: Vec<_> = people::STAFF.iter().map(|m| m.person.record()).collect();
        upsert(conn, &staff)?;
        people::seed_staff(conn, now)?;
        upsert(conn, &self::sources::demo_student_quotas())?;
        Ok(write(conn, batch, &indicatif::ProgressBar::hidden())?)
    })
}
