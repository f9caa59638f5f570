//! The demo identity provider (demo and development modes only): trusts the person chosen
//! on the sign-in page, provided the national register knows them. Staff are persons too:
//! the demo staff are in the register, and the back office reads their role from `staff`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::{Principal, SignInError, SignInMethod};
use crate::{
    db::staff::{self, StaffMember},
    domain::Niss,
    sources::{AuthenticSources, PersonRecord},
};

/// The demo identity provider.
#[derive(Debug, Default, Clone, Copy)]
pub struct DemoIdentityProvider;

impl DemoIdentityProvider {
    /// Signs a person in by NISS at `now`, provided the national register knows them.
    pub fn person(
        &self,
        conn: &mut PgConnection,
        sources: &dyn AuthenticSources,
        niss: &Niss,
        now: DateTime<Utc>,
    ) -> Result<Principal, SignInError> {
        let person = sources
            .person(conn, niss)?
            .ok_or(SignInError::UnknownPerson)?;
        let staff = staff::active_by_niss(conn, &person.niss)?.is_some();
        Ok(Principal {
            niss: person.niss,
            first_name: person.first_name,
            last_name: person.last_name,
            method: SignInMethod::Demo,
            authenticated_at: now,
            staff,
        })
    }

    /// The personas offered on the demo sign-in page: people of the demo register (staff
    /// apart) and the staff.
    pub fn personas(
        &self,
        conn: &mut PgConnection,
        sources: &dyn AuthenticSources,
    ) -> QueryResult<Personas> {
        let staff = staff::active(conn)?;
        let people = sources
            .sample(conn, 50)?
            .into_iter()
            .filter(|p| staff.iter().all(|s| s.niss != p.niss))
            .collect();
        Ok(Personas { people, staff })
    }
}

/// Demo personas.
#[derive(Clone, Debug)]
pub struct Personas {
    /// People of the demo national register.
    pub people: Vec<PersonRecord>,
    /// The staff.
    pub staff: Vec<StaffMember>,
}
