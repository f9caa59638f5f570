//! The `request_events` table: every change of a request's status, with its time and
//! actor (the audit of the lifecycle). Written only by the transitions of
//! [`super::access_requests`], in their transaction.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::schema::request_events;
use crate::domain::{Actor, RequestStatus};

/// Rows inserted per statement (7 parameters a row, PostgreSQL takes 65 535).
const CHUNK: usize = 5_000;

/// One transition to record.
#[derive(Clone, Debug, Insertable)]
#[diesel(table_name = request_events)]
pub struct NewEvent<'a> {
    /// The request.
    pub request_id: Uuid,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// From which status (none at creation).
    pub from_status: Option<RequestStatus>,
    /// To which status.
    pub to_status: RequestStatus,
    /// Who: `company_user`, `api_client`, `citizen`, `staff`, `job`.
    pub actor_kind: &'static str,
    /// Which one exactly.
    pub actor_ref: Option<String>,
    /// A reason, if any.
    pub note: Option<&'a str>,
}

impl<'a> NewEvent<'a> {
    /// The event of `actor` moving `request_id` from `from` to `to` at `at`.
    pub fn new(
        request_id: Uuid,
        from: Option<RequestStatus>,
        to: RequestStatus,
        actor: &Actor,
        note: Option<&'a str>,
        at: DateTime<Utc>,
    ) -> Self {
        NewEvent {
            request_id,
            at,
            from_status: from,
            to_status: to,
            actor_kind: actor.kind(),
            actor_ref: Some(actor.reference()),
            note,
        }
    }
}

/// Records transitions, set-based.
pub fn record(conn: &mut PgConnection, events: &[NewEvent<'_>]) -> QueryResult<usize> {
    let mut n = 0;
    for chunk in events.chunks(CHUNK) {
        n += diesel::insert_into(request_events::table)
            .values(chunk)
            .execute(conn)?;
    }
    Ok(n)
}

/// Where a logged transition led: a status, or out of the company's lists (archival,
/// logged by the `archive` job).
#[derive(Copy, Clone, Debug, PartialEq, Eq, diesel::deserialize::FromSqlRow)]
pub enum Milestone {
    /// A status.
    Status(RequestStatus),
    /// Archived.
    Archived,
}

impl Milestone {
    /// The stored name (`archived` for an archival).
    pub fn as_str(self) -> &'static str {
        match self {
            Milestone::Status(s) => s.as_str(),
            Milestone::Archived => ARCHIVED,
        }
    }
}

/// The `to_status` of an archival.
pub const ARCHIVED: &str = "archived";

impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for Milestone {
    fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
        let s = std::str::from_utf8(bytes.as_bytes())?;
        if s == ARCHIVED {
            return Ok(Milestone::Archived);
        }
        RequestStatus::parse(s)
            .map(Milestone::Status)
            .ok_or_else(|| format!("unknown transition target {s:?} in the database").into())
    }
}

/// One recorded transition.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = request_events, check_for_backend(diesel::pg::Pg))]
pub struct Event {
    /// When.
    pub at: DateTime<Utc>,
    /// From which status (none at creation).
    pub from_status: Option<RequestStatus>,
    /// To which status (or archival).
    pub to_status: Milestone,
    /// Who: company_user, api_client, citizen, staff, job.
    pub actor_kind: String,
    /// Which one exactly.
    pub actor_ref: Option<String>,
    /// A reason, if any.
    pub note: Option<String>,
}

/// The timeline of a request, oldest first.
pub fn timeline(conn: &mut PgConnection, request_id: Uuid) -> QueryResult<Vec<Event>> {
    request_events::table
        .filter(request_events::request_id.eq(request_id))
        .order((request_events::at, request_events::id))
        .select(Event::as_select())
        .load(conn)
}
