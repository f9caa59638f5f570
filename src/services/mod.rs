//! Use cases, written once and called by both the web pages and the JSON API:
//! authorisation against the acting party, transactions, audit, outbox.

pub mod api_clients;
pub mod backoffice;
pub mod citizen;
pub mod companies;
pub mod consult;
pub mod events;
pub mod requests;
pub mod tokens;

use std::collections::BTreeMap;

use uuid::Uuid;

use crate::domain::Niss;

/// Who acts. Recorded with every transition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    /// A company user (by NISS), working for `company_id`, possibly as the provider
    /// `provider_id` acting on the company's behalf.
    CompanyUser {
        /// The user.
        niss: Niss,
    },
    /// An API client.
    ApiClient {
        /// The client's id.
        client_id: Uuid,
    },
    /// The citizen concerned.
    Citizen {
        /// The citizen.
        niss: Niss,
    },
    /// Back-office staff.
    Staff {
        /// Staff id.
        id: Uuid,
    },
    /// A background job.
    Job {
        /// The job's name.
        name: &'static str,
    },
}

impl Actor {
    /// `actor_kind` column value.
    pub fn kind(&self) -> &'static str {
        match self {
            Actor::CompanyUser { .. } => "company_user",
            Actor::ApiClient { .. } => "api_client",
            Actor::Citizen { .. } => "citizen",
            Actor::Staff { .. } => "staff",
            Actor::Job { .. } => "job",
        }
    }

    /// `actor_ref` column value: who exactly (a NISS, an id, a job name).
    pub fn reference(&self) -> String {
        match self {
            Actor::CompanyUser { niss } | Actor::Citizen { niss } => niss.as_str().to_string(),
            Actor::ApiClient { client_id } => client_id.to_string(),
            Actor::Staff { id } => id.to_string(),
            Actor::Job { name } => (*name).to_string(),
        }
    }
}

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
    /// The object is not in a state allowing this (fluent key of the explanation).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// The company is suspended by the back office.
    #[error("company suspended")]
    Suspended,
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

impl From<crate::db::DbError> for ServiceError {
    fn from(e: crate::db::DbError) -> Self {
        match e {
            crate::db::DbError::Query(q) => ServiceError::Db(q),
            crate::db::DbError::Unavailable(m) => ServiceError::Other(anyhow::anyhow!(m)),
        }
    }
}
