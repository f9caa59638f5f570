//! The `request_events` table: every change of a request's status, with its time and
//! actor (the audit of the lifecycle), and the two milestones that change no status (its
//! archival, a new link). Written only by [`super::access_requests`], in the transaction
//! of the change.
//!
//! A citizen's action is always the bound citizen's, and a company user's creation the
//! creator's: their NISS is stored once, in the request's `request_parties`, not in each
//! event (`actor_ref` is then empty and [`timeline`] reads it there). When the purge
//! deletes the parties a year after archival, those events lose their person with it, and
//! only the few events that name someone else (a withdrawal by another member) are
//! updated.

use chrono::{DateTime, Utc};
use diesel::{deserialize::FromSqlRow, expression::AsExpression, prelude::*};
use uuid::Uuid;

use super::schema::{request_events, request_parties};
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
    /// To which status (or milestone).
    pub to_status: Milestone,
    /// Who: `company_user`, `api_client`, `citizen`, `staff`, `job`.
    pub actor_kind: &'static str,
    /// Which one exactly, unless it is the request's citizen or its creator (see the
    /// module's documentation).
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
            to_status: Milestone::Status(to),
            actor_kind: actor.kind(),
            actor_ref: match actor {
                // The bound citizen, the creator: in the request's parties.
                Actor::Citizen { .. } => None,
                Actor::CompanyUser { .. } if from.is_none() => None,
                _ => Some(actor.reference()),
            },
            note,
        }
    }
}

impl NewEvent<'static> {
    /// `actor` gave the pending request `request_id` a new link at `at` (the previous one
    /// stopped working).
    pub fn new_link(request_id: Uuid, actor: &Actor, at: DateTime<Utc>) -> Self {
        NewEvent {
            to_status: Milestone::NewLink,
            ..NewEvent::new(
                request_id,
                Some(RequestStatus::Pending),
                RequestStatus::Pending,
                actor,
                None,
                at,
            )
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

/// Where a logged event led: a status, out of the company's lists (archival, logged by
/// the `archive` job), or to a new link (the status stays pending).
#[derive(Copy, Clone, Debug, PartialEq, Eq, FromSqlRow, AsExpression)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Milestone {
    /// A status.
    Status(RequestStatus),
    /// Archived.
    Archived,
    /// A new link replaced the previous one (which stopped working).
    NewLink,
}

impl Milestone {
    /// The stored name (`archived` for an archival, `new_link` for a new link).
    pub fn as_str(self) -> &'static str {
        match self {
            Milestone::Status(s) => s.as_str(),
            Milestone::Archived => ARCHIVED,
            Milestone::NewLink => NEW_LINK,
        }
    }
}

/// The `to_status` of an archival.
pub const ARCHIVED: &str = "archived";
/// The `to_status` of a new link.
pub const NEW_LINK: &str = "new_link";

impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for Milestone {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
    ) -> diesel::serialize::Result {
        <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(
            self.as_str(),
            out,
        )
    }
}

impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for Milestone {
    fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
        let s = std::str::from_utf8(bytes.as_bytes())?;
        match s {
            ARCHIVED => return Ok(Milestone::Archived),
            NEW_LINK => return Ok(Milestone::NewLink),
            _ => {}
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
    /// Which one exactly (for the request's citizen and creator, read from its parties by
    /// [`timeline`]; none once the purge removed them).
    pub actor_ref: Option<String>,
    /// A reason, if any.
    pub note: Option<String>,
}

/// The timeline of a request, oldest first, each event with its actor (the citizen and
/// the creator from the request's parties, while it has them).
pub fn timeline(conn: &mut PgConnection, request_id: Uuid) -> QueryResult<Vec<Event>> {
    let (citizen, creator): (Option<String>, Option<String>) = request_parties::table
        .find(request_id)
        .select((request_parties::citizen_niss, request_parties::created_by))
        .first(conn)
        .optional()?
        .unwrap_or_default();
    let events: Vec<Event> = request_events::table
        .filter(request_events::request_id.eq(request_id))
        .order((request_events::at, request_events::id))
        .select(Event::as_select())
        .load(conn)?;
    Ok(events
        .into_iter()
        .map(|mut event| {
            if event.actor_ref.is_none() {
                event.actor_ref = match event.actor_kind.as_str() {
                    "citizen" => citizen.clone(),
                    "company_user" => creator.clone(),
                    _ => None,
                };
            }
            event
        })
        .collect())
}

/// The events of the requests `ids`, each with its request, by request then oldest first
/// (one query; the actors as recorded, without the parties' numbers).
pub fn of_requests(conn: &mut PgConnection, ids: &[Uuid]) -> QueryResult<Vec<(Uuid, Event)>> {
    request_events::table
        .filter(request_events::request_id.eq_any(ids))
        .order((
            request_events::request_id,
            request_events::at,
            request_events::id,
        ))
        .select((request_events::request_id, Event::as_select()))
        .load(conn)
}
