//! The `access_requests` table: an access request and, once accepted, its mandate.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::schema::access_requests;
use crate::domain::{Context, RequestStatus, status::effective};

/// One row of `access_requests`.
#[derive(Clone, Debug, Queryable, Selectable, Identifiable)]
#[diesel(table_name = access_requests, check_for_backend(diesel::pg::Pg))]
pub struct AccessRequest {
    /// Id.
    pub id: Uuid,
    /// The company the access is for.
    pub company_id: Uuid,
    /// The provider acting on its behalf, if any.
    pub provider_id: Option<Uuid>,
    /// Who created it (company user NISS, or `api:<client id>`).
    pub created_by: Option<String>,
    /// The company's own name for it (erased by the purge).
    pub label: Option<String>,
    /// The candidate's e-mail (erased by the purge).
    pub email: Option<String>,
    /// Context code.
    pub context: String,
    /// Language of the e-mail.
    pub language: String,
    /// The only person allowed to answer, if named.
    pub target_niss: Option<String>,
    /// SHA-256 of the link secret.
    pub token_hash: Vec<u8>,
    /// Stored status.
    pub status: String,
    /// Reason of a back-office block.
    pub status_reason: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// The link's end (created + 72 h).
    pub expires_at: DateTime<Utc>,
    /// Last status change.
    pub status_changed_at: DateTime<Utc>,
    /// The citizen bound to the link (first to sign in through it).
    pub citizen_niss: Option<String>,
    /// When they were bound.
    pub bound_at: Option<DateTime<Utc>>,
    /// The mandate's id, once accepted.
    pub mandate_id: Option<Uuid>,
    /// Accepted at (mandate start).
    pub accepted_at: Option<DateTime<Utc>>,
    /// Mandate end.
    pub valid_until: Option<DateTime<Utc>>,
    /// First name of the citizen who accepted.
    pub citizen_first_name: Option<String>,
    /// Last name of the citizen who accepted.
    pub citizen_last_name: Option<String>,
    /// Archived (gone from the company's lists).
    pub archived_at: Option<DateTime<Utc>>,
}

impl AccessRequest {
    /// The stored status, parsed.
    pub fn stored_status(&self) -> RequestStatus {
        RequestStatus::parse(&self.status).unwrap_or(RequestStatus::Pending)
    }

    /// The status the clock says, even between two job runs (a pending request past its
    /// 72 hours is expired; an accepted one past its end is ended).
    pub fn status_at(&self, now: DateTime<Utc>) -> RequestStatus {
        effective(self.stored_status(), self.expires_at, self.valid_until, now)
    }

    /// The context, parsed.
    pub fn context(&self) -> Context {
        Context::parse(&self.context).unwrap_or(Context::FlexiJob)
    }
}

/// A request by id.
pub fn find(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<AccessRequest>> {
    access_requests::table
        .find(id)
        .select(AccessRequest::as_select())
        .first(conn)
        .optional()
}

/// A request by the hash of its link secret.
pub fn find_by_token_hash(
    conn: &mut PgConnection,
    hash: &[u8],
) -> QueryResult<Option<AccessRequest>> {
    access_requests::table
        .filter(access_requests::token_hash.eq(hash))
        .select(AccessRequest::as_select())
        .first(conn)
        .optional()
}
