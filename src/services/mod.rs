//! Use cases, written once and called by both the web pages and the JSON API:
//! authorisation against the acting party, transactions, audit, outbox.
//!
//! A use case takes input already validated at the edge (`TryFrom` of the raw form or
//! body, see [`FieldErrors`]) and answers with its result or a [`ServiceError`]: a typed
//! [`Refusal`] when the rules say no, never a message string.

pub mod api_clients;
pub mod backoffice;
pub mod citizen;
pub mod companies;
pub mod consult;
pub mod export;
pub mod idempotency;
pub mod lists;
pub mod refusal;
pub mod requests;
pub mod tokens;

use std::collections::BTreeMap;

pub use refusal::{ErrorCode, Refusal};

/// Validation messages per field: field name -> fluent message key.
pub type FieldErrors = BTreeMap<&'static str, &'static str>;

/// Why a use case refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Bad input: messages per field (fluent keys).
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// No such object for this party (never tells whether it exists for someone else).
    #[error("not found")]
    NotFound,
    /// The party may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The rules say no, now: the state of the object or of the company does not allow it.
    #[error("refused: {0}")]
    Refused(#[from] Refusal),
    /// The database cannot be reached (down, or no connection free in time).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Database trouble.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    /// Anything else.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl ServiceError {
    /// One field's error.
    pub fn field(field: &'static str, key: &'static str) -> ServiceError {
        let mut errors = FieldErrors::new();
        errors.insert(field, key);
        ServiceError::Invalid(errors)
    }
}

impl From<FieldErrors> for ServiceError {
    fn from(errors: FieldErrors) -> Self {
        ServiceError::Invalid(errors)
    }
}

impl From<crate::db::DbError> for ServiceError {
    fn from(e: crate::db::DbError) -> Self {
        match e {
            crate::db::DbError::Query(q) => ServiceError::Db(q),
            crate::db::DbError::Unavailable(m) => ServiceError::Unavailable(m),
        }
    }
}
