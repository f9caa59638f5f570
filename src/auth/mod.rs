//! Who is signed in: one abstraction for every party.
//!
//! A [`Principal`] is a person identified by NISS, with their names and how and when they
//! authenticated: whoever signs in, through whichever identity provider. What they may do
//! comes from our tables, read again on every request: a citizen acts for themselves, a
//! company user for the companies whose member they are (`company_members`), a staff member
//! in the back office with the role the `staff` table gives them now.
//!
//! Identity providers: [`demo::DemoIdentityProvider`] (demo and development modes only:
//! pick a person) and [`oidc::OidcProvider`] (OpenID Connect: the federal authentication
//! service in production).

pub mod demo;
pub mod oidc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::Niss;
pub use crate::domain::StaffRole;
pub use demo::{DemoIdentityProvider, Personas};

/// How the person proved who they are.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInMethod {
    /// The demo identity provider (never in production).
    Demo,
    /// The OpenID Connect provider (eID, itsme, eIDAS, digital key: the provider's choice).
    Oidc,
}

/// The signed-in person, kept in the server-side session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principal {
    /// Their national (or BIS) number.
    pub niss: Niss,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// How they signed in.
    pub method: SignInMethod,
    /// When they authenticated, by the tenant's clock.
    pub authenticated_at: DateTime<Utc>,
    /// A member of the back office's staff when they signed in: the home page shows them
    /// the back office's door. Never a right: the back office reads `staff` at each request
    /// (and removing a member ends their sessions).
    #[serde(default)]
    pub staff: bool,
}

impl Principal {
    /// The name shown in the header (the masked NISS when no name is known).
    pub fn display_name(&self) -> String {
        let name = format!("{} {}", self.first_name, self.last_name);
        match name.trim() {
            "" => self.niss.masked(),
            name => name.to_string(),
        }
    }

    /// The person's NISS.
    pub fn niss(&self) -> &Niss {
        &self.niss
    }

    /// Whether they authenticated within `window` before `now`.
    pub fn authenticated_recently(&self, now: DateTime<Utc>, window: chrono::Duration) -> bool {
        now - self.authenticated_at <= window
    }
}

/// Why a sign-in failed.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// The NISS is not in the national register.
    #[error("unknown person")]
    UnknownPerson,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_authentication_to_the_second() {
        let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2025, 3, 5, 9, 0, 0).unwrap();
        let p = Principal {
            niss: Niss::parse("85073003328").unwrap(),
            first_name: String::new(),
            last_name: String::new(),
            method: SignInMethod::Demo,
            authenticated_at: at,
            staff: false,
        };
        let window = chrono::Duration::minutes(15);
        assert!(p.authenticated_recently(at + window, window));
        assert!(!p.authenticated_recently(at + window + chrono::Duration::seconds(1), window));
        assert_eq!(
            p.display_name(),
            Niss::parse("85073003328").unwrap().masked()
        );
    }
}
