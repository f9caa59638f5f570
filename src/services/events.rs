//! The transition log: every change of a request's status, with time and actor.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::Actor;
use crate::{db::schema::request_events, domain::RequestStatus};

/// The webhook event announcing a transition to `to`, if integrators are told of it.
pub fn webhook_event(to: RequestStatus) -> Option<crate::webhooks::Event> {
    use crate::webhooks::Event;
    match to {
        RequestStatus::Accepted => Some(Event::RequestAccepted),
        RequestStatus::Refused => Some(Event::RequestRefused),
        RequestStatus::Expired => Some(Event::RequestExpired),
        RequestStatus::Revoked => Some(Event::MandateRevoked),
        RequestStatus::Blocked => Some(Event::MandateBlocked),
        RequestStatus::Ended => Some(Event::MandateEnded),
        RequestStatus::Pending | RequestStatus::Withdrawn => None,
    }
}

/// Records one transition (call it in the transaction that makes it), and writes the
/// webhook event that announces it to the company's integrators, in the same transaction.
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
        .execute(conn)?;
    if let Some(event) = webhook_event(to) {
        crate::webhooks::emit(conn, &[request_id], event, at)?;
    }
    Ok(())
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
