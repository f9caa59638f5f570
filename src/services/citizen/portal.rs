//! The citizen's portal: what waits for an answer, what is granted and until when, who is
//! blocked, the history of requests and of consultations; stopping an access and
//! unblocking a company.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::{HISTORY_LIMIT, RequestDetails, details, load_companies, with_companies};
use crate::{
    db::{
        access_requests::{
            self as requests_db, AccessRequest, Guard, SetOnTransition, find, status_in,
            with_personal,
        },
        schema::{access_requests, citizen_blocks, companies, request_parties},
    },
    domain::{Actor, Context, Niss, RequestStatus, status::Transition},
    services::{Refusal, ServiceError, companies::Company},
};
/// A company the citizen blocks.
#[derive(Clone, Debug)]
pub struct BlockedCompany {
    /// The company.
    pub company: Company,
    /// Since when.
    pub since: DateTime<Utc>,
}

/// The portal's home: what waits for an answer, what is granted, who is blocked.
#[derive(Clone, Debug, Default)]
pub struct Portal {
    /// Pending requests bound to the citizen, newest first.
    pub pending: Vec<RequestDetails>,
    /// Active accesses, ending soonest first.
    pub granted: Vec<RequestDetails>,
    /// Blocked companies, by name.
    pub blocked: Vec<BlockedCompany>,
}

/// The requests bound to `me` whose status reads as one of `statuses` at `now`, newest
/// change first (at most [`HISTORY_LIMIT`]; chosen in SQL, so that a long history never
/// hides a mandate still running).
fn bound_to(
    conn: &mut PgConnection,
    me: &Niss,
    statuses: &[RequestStatus],
    now: DateTime<Utc>,
) -> QueryResult<Vec<RequestDetails>> {
    let rows: Vec<AccessRequest> = with_personal()
        .filter(request_parties::citizen_niss.eq(me))
        .filter(status_in(statuses, now))
        .order((
            access_requests::status_changed_at.desc(),
            access_requests::id.desc(),
        ))
        .limit(HISTORY_LIMIT)
        .select(AccessRequest::as_select())
        .load(conn)?;
    let mut ids: Vec<Uuid> = rows.iter().map(|r| r.company_id).collect();
    ids.extend(rows.iter().filter_map(|r| r.provider_id));
    ids.sort();
    ids.dedup();
    let found = load_companies(conn, &ids)?;
    Ok(rows
        .into_iter()
        .filter_map(|r| with_companies(r, &found, now))
        .collect())
}

/// The portal's home lists.
pub fn portal(
    conn: &mut PgConnection,
    me: &Niss,
    now: DateTime<Utc>,
) -> Result<Portal, ServiceError> {
    let mut portal = Portal::default();
    let current = [RequestStatus::Pending, RequestStatus::Accepted];
    for item in bound_to(conn, me, &current, now)? {
        match item.status {
            RequestStatus::Pending => portal.pending.push(item),
            RequestStatus::Accepted => portal.granted.push(item),
            _ => {}
        }
    }
    portal
        .granted
        .sort_by_key(|d| (d.request.valid_until, d.request.id));
    portal.blocked = blocked_companies(conn, me)?;
    Ok(portal)
}

/// The companies `me` blocks, by name.
pub fn blocked_companies(conn: &mut PgConnection, me: &Niss) -> QueryResult<Vec<BlockedCompany>> {
    let rows: Vec<(Company, DateTime<Utc>)> = citizen_blocks::table
        .inner_join(companies::table)
        .filter(citizen_blocks::citizen_niss.eq(me))
        .order((companies::name, companies::id))
        .select((Company::as_select(), citizen_blocks::created_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(company, since)| BlockedCompany { company, since })
        .collect())
}

/// Past requests and accesses of `me` (refused, stopped, ended, blocked, expired,
/// withdrawn), newest change first. Statuses are read at `now`: a mandate past its end
/// shows ended even before the job ran.
pub fn history(
    conn: &mut PgConnection,
    me: &Niss,
    now: DateTime<Utc>,
) -> Result<Vec<RequestDetails>, ServiceError> {
    let past: Vec<RequestStatus> = RequestStatus::ALL
        .into_iter()
        .filter(|s| !matches!(s, RequestStatus::Pending | RequestStatus::Accepted))
        .collect();
    Ok(bound_to(conn, me, &past, now)?)
}

/// One consultation of the citizen's data, as the audit trail records it.
#[derive(Clone, Debug)]
pub struct Consultation {
    /// When.
    pub at: DateTime<Utc>,
    /// Who consulted (the company, or the provider acting for it).
    pub by: String,
    /// On whose behalf, when a provider consulted.
    pub on_behalf_of: Option<String>,
    /// Which data.
    pub context: Context,
}

/// How far back the history of consultations goes.
pub const HISTORY_MONTHS: u32 = 12;

/// Every consultation of `me`'s data over the last 12 months, newest first (from the
/// audit trail, one query).
pub fn consultations(
    conn: &mut PgConnection,
    me: &Niss,
    now: DateTime<Utc>,
) -> Result<Vec<Consultation>, ServiceError> {
    let since = crate::domain::calendar::sub_months(now, HISTORY_MONTHS);
    let rows = crate::services::consult::consultations_of_citizen(conn, me, since)?;
    Ok(rows
        .into_iter()
        .map(|c| match c.provider_name {
            Some(provider) => Consultation {
                at: c.consulted_at,
                by: provider,
                on_behalf_of: Some(c.company_name),
                context: c.context,
            },
            None => Consultation {
                at: c.consulted_at,
                by: c.company_name,
                on_behalf_of: None,
                context: c.context,
            },
        })
        .collect())
}

/// An active access of `me` (for the confirmation page of "stop access now").
pub fn access_of(
    conn: &mut PgConnection,
    me: &Niss,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<RequestDetails, ServiceError> {
    let request = find(conn, id)?
        .filter(|r| r.is_bound_to(me))
        .ok_or(ServiceError::NotFound)?;
    Ok(details(conn, request, now)?)
}

/// Stops an active access of `me` at once (status revoked, event recorded). Stopping an
/// access already stopped is a no-op; anything else that is not active is a conflict.
pub fn stop_access(
    conn: &mut PgConnection,
    me: &Niss,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    conn.transaction(|conn| {
        let request = find(conn, id)?
            .filter(|r| r.is_bound_to(me))
            .ok_or(ServiceError::NotFound)?;
        if request.status == RequestStatus::Revoked {
            return Ok(());
        }
        let current = request.status_at(now);
        if current.apply(Transition::Revoke).is_err() {
            return Err(Refusal::AccessNotActive.into());
        }
        let updated = requests_db::transition(
            conn,
            id,
            current,
            Transition::Revoke,
            Guard::Citizen(me),
            SetOnTransition::Nothing,
            &Actor::Citizen { niss: me.clone() },
            None,
            now,
        )?;
        if updated.is_none() {
            let again = find(conn, id)?.ok_or(ServiceError::NotFound)?;
            return if again.status == RequestStatus::Revoked {
                Ok(())
            } else {
                Err(Refusal::AccessNotActive.into())
            };
        }
        tracing::info!(request = %id, "citizen stopped an access");
        Ok(())
    })
}

/// Lifts `me`'s block of a company. Returns whether there was one.
pub fn unblock(conn: &mut PgConnection, me: &Niss, company_id: Uuid) -> Result<bool, ServiceError> {
    let deleted = diesel::delete(
        citizen_blocks::table
            .filter(citizen_blocks::citizen_niss.eq(me))
            .filter(citizen_blocks::company_id.eq(company_id)),
    )
    .execute(conn)?;
    Ok(deleted > 0)
}
