//! Who is signed in: one abstraction for the three kinds of party.
//!
//! A [`Principal`] is what every identity provider yields: a person identified by NISS
//! (who acts as a citizen in the portal, or as a company user in the company app), or a
//! back-office staff member. The demo identity provider (demo and development modes only)
//! picks a person of the demo world's national register or a demo staff member; the
//! production provider (OpenID Connect with the federal authentication service) will
//! yield the same `Principal` through [`IdentityProvider`].

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    db::schema::staff,
    domain::Niss,
    sources::{AuthenticSources, PersonRecord},
};

/// How the person proved who they are.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInMethod {
    /// The demo identity provider (never in production).
    Demo,
    /// Belgian eID card reader.
    Eid,
    /// itsme.
    Itsme,
    /// A European eID (eIDAS) or a digital key (foreigners).
    Eidas,
}

/// A back-office role.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Searches, views, blocks and unblocks.
    Agent,
    /// Also suspends companies, reads the staff audit, runs jobs.
    Supervisor,
    /// Runs demo tenants for training.
    Trainer,
}

impl StaffRole {
    /// Parses the stored role.
    pub fn parse(s: &str) -> Option<StaffRole> {
        match s {
            "agent" => Some(StaffRole::Agent),
            "supervisor" => Some(StaffRole::Supervisor),
            "trainer" => Some(StaffRole::Trainer),
            _ => None,
        }
    }

    /// The role as the `staff` table stores it (read back by [`StaffRole::parse`]).
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Agent => "agent",
            StaffRole::Supervisor => "supervisor",
            StaffRole::Trainer => "trainer",
        }
    }
}

/// The signed-in party, kept in the (encrypted) session cookie.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Principal {
    /// A person known to the national register.
    Person {
        /// Their national number.
        niss: Niss,
        /// First name, from the register.
        first_name: String,
        /// Last name, from the register.
        last_name: String,
        /// How they signed in.
        method: SignInMethod,
    },
    /// Back-office staff.
    Staff {
        /// Staff id.
        id: Uuid,
        /// Login name.
        username: String,
        /// Name shown.
        display_name: String,
        /// Role.
        role: StaffRole,
    },
}

impl Principal {
    /// The name shown in the header.
    pub fn display_name(&self) -> String {
        match self {
            Principal::Person {
                first_name,
                last_name,
                ..
            } => format!("{first_name} {last_name}"),
            Principal::Staff { display_name, .. } => display_name.clone(),
        }
    }

    /// The person's NISS, if this is a person.
    pub fn niss(&self) -> Option<&Niss> {
        match self {
            Principal::Person { niss, .. } => Some(niss),
            Principal::Staff { .. } => None,
        }
    }
}

/// An identity provider: something that, after its own ceremony, tells who signed in.
pub trait IdentityProvider: Send + Sync {
    /// Stable identifier (`demo`, `oidc`).
    fn id(&self) -> &'static str;
}

/// The demo identity provider: trusts the chosen persona. Enabled only in demo and
/// development modes.
#[derive(Debug, Default, Clone, Copy)]
pub struct DemoIdentityProvider;

impl IdentityProvider for DemoIdentityProvider {
    fn id(&self) -> &'static str {
        "demo"
    }
}

/// Why a sign-in failed.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// The NISS is not in the national register.
    #[error("unknown person")]
    UnknownPerson,
    /// No such staff member.
    #[error("unknown staff member")]
    UnknownStaff,
    /// The database cannot be reached.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Database trouble.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl From<crate::db::DbError> for SignInError {
    fn from(e: crate::db::DbError) -> Self {
        match e {
            crate::db::DbError::Unavailable(m) => SignInError::Unavailable(m),
            crate::db::DbError::Query(e) => SignInError::Db(e),
        }
    }
}

impl DemoIdentityProvider {
    /// Signs a person in by NISS, provided the national register knows them.
    pub fn person(
        &self,
        conn: &mut PgConnection,
        sources: &dyn AuthenticSources,
        niss: &Niss,
        method: SignInMethod,
    ) -> Result<Principal, SignInError> {
        let person = sources
            .person(conn, niss)?
            .ok_or(SignInError::UnknownPerson)?;
        Ok(Principal::Person {
            niss: person.niss,
            first_name: person.first_name,
            last_name: person.last_name,
            method,
        })
    }

    /// Signs a staff member in by user name.
    pub fn staff(&self, conn: &mut PgConnection, username: &str) -> Result<Principal, SignInError> {
        let (id, username, display_name, role): (Uuid, String, String, String) = staff::table
            .filter(staff::username.eq(username))
            .select((staff::id, staff::username, staff::display_name, staff::role))
            .first(conn)
            .optional()?
            .ok_or(SignInError::UnknownStaff)?;
        Ok(Principal::Staff {
            id,
            username,
            display_name,
            role: StaffRole::parse(&role).ok_or_else(|| {
                diesel::result::Error::DeserializationError(
                    format!("unknown staff role {role:?} in the database").into(),
                )
            })?,
        })
    }

    /// The personas offered on the demo sign-in page: people of the demo register and
    /// the demo staff.
    pub fn personas(
        &self,
        conn: &mut PgConnection,
        sources: &dyn AuthenticSources,
    ) -> QueryResult<Personas> {
        let people = sources.sample(conn, 50)?;
        let staff = staff::table
            .order(staff::username)
            .select((staff::username, staff::display_name, staff::role))
            .load(conn)?;
        Ok(Personas { people, staff })
    }
}

/// Demo personas.
#[derive(Clone, Debug)]
pub struct Personas {
    /// People of the demo national register.
    pub people: Vec<PersonRecord>,
    /// Staff: (username, display name, role).
    pub staff: Vec<(String, String, String)>,
}
