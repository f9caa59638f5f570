//! The transition log: every change of a request's status, with time and actor.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::Actor;
use crate::{db::schema::request_events, domain::RequestStatus};

/// Records one transition (call it in the transaction that makes it).
pub fn record(
    conn: &mut PgConnection,
    request_id: Uuid,
    from: Option<RequestStatus>,
    to: RequestStatus,
    actor: &Actor,
    note: Option<&str>,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(request_events::table)
        .values((
            request_events::request_id.eq(request_id),
            request_events::at.eq(at),
            request_events::from_status.eq(from.map(|s| s.as_str())),
            request_events::to_status.eq(to.as_str()),
            request_events::actor_kind.eq(actor.kind()),
            request_events::actor_ref.eq(Some(actor.reference())),
            request_events::note.eq(note),
        ))
        .execute(conn)
        .map(|_| ())
}

/// One recorded transition.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = request_events, check_for_backend(diesel::pg::Pg))]
pub struct Event {
    /// When.
    pub at: DateTime<Utc>,
    /// From which status (none at creation).
    pub from_status: Option<String>,
    /// To which status.
    pub to_status: String,
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
