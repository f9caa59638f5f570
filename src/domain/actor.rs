//! Who acts: recorded with every transition and every consultation.

use uuid::Uuid;

use super::Niss;

/// Who acts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    /// A company user (by NISS), for the company of the request (or as its provider).
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
    /// The kind of actor, as stored (`actor_kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            Actor::CompanyUser { .. } => "company_user",
            Actor::ApiClient { .. } => "api_client",
            Actor::Citizen { .. } => "citizen",
            Actor::Staff { .. } => "staff",
            Actor::Job { .. } => "job",
        }
    }

    /// Who exactly, as stored (`actor_ref`): a NISS, an id, a job name.
    pub fn reference(&self) -> String {
        match self {
            Actor::CompanyUser { niss } | Actor::Citizen { niss } => niss.as_str().to_string(),
            Actor::ApiClient { client_id } => client_id.to_string(),
            Actor::Staff { id } => id.to_string(),
            Actor::Job { name } => (*name).to_string(),
        }
    }
}
