//! What staff do to requests and companies: block and unblock a request or mandate,
//! suspend and reinstate a company (supervisors), and the company view these start from.
//! Every action is audited in its own transaction.

use chrono::{DateTime, Utc};
use diesel::{dsl::count_star, prelude::*};
use uuid::Uuid;

use super::{
    REASON_MAX,
    audit::{AuditAction, audit},
};
use crate::{
    db::{
        access_requests::{
            self as requests_db, AccessRequest, Guard, SetOnTransition, find_for_update,
        },
        schema::access_requests,
    },
    domain::{Actor, FreeText, RequestStatus, status::Transition},
    services::{
        Refusal, ServiceError,
        companies::{self, Company},
    },
};

/// A reason: one line of visible text, required and bounded.
fn reason(input: &str) -> Result<String, ServiceError> {
    FreeText::parse(input, REASON_MAX)
        .map(FreeText::into_string)
        .map_err(|e| {
            ServiceError::field(
                "reason",
                e.message_key("admin-error-reason-required", "admin-error-reason-long"),
            )
        })
}

/// Blocks a pending request or an active mandate, with a reason the company and the
/// citizen will see. Refused (conflict) in any other state.
pub fn block(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    reason_input: &str,
    now: DateTime<Utc>,
) -> Result<AccessRequest, ServiceError> {
    let reason = reason(reason_input)?;
    conn.transaction(|conn| {
        let request = find_for_update(conn, id)?.ok_or(ServiceError::NotFound)?;
        let current = request.status_at(now);
        let updated = requests_db::transition(
            conn,
            id,
            current,
            Transition::Block,
            Guard::Any,
            SetOnTransition::Reason(Some(&reason)),
            &Actor::Staff { id: staff_id },
            Some(&reason),
            now,
        )?
        .ok_or(Refusal::NotBlockable)?;
        audit(
            conn,
            staff_id,
            AuditAction::Block,
            Some(&id.to_string()),
            Some(&reason),
            now,
        )?;
        Ok(updated)
    })
}

/// Unblocks a blocked mandate: only one that had been accepted and whose validity is not
/// over goes back to `accepted`. A blocked pending request stays blocked (nobody accepted
/// it): conflict `admin-error-unblock-never-accepted`; a mandate past its end:
/// `admin-error-unblock-ended`.
pub fn unblock(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    reason_input: &str,
    now: DateTime<Utc>,
) -> Result<AccessRequest, ServiceError> {
    let reason = reason(reason_input)?;
    conn.transaction(|conn| {
        let request = find_for_update(conn, id)?.ok_or(ServiceError::NotFound)?;
        if request.status != RequestStatus::Blocked {
            return Err(Refusal::NotBlocked.into());
        }
        if request.accepted_at.is_none() || request.mandate_id.is_none() {
            return Err(Refusal::UnblockNeverAccepted.into());
        }
        if request.archived_at.is_some() || request.valid_until.is_none_or(|u| u <= now) {
            return Err(Refusal::UnblockEnded.into());
        }
        let updated = requests_db::transition(
            conn,
            id,
            RequestStatus::Blocked,
            Transition::Unblock,
            Guard::Any,
            SetOnTransition::Reason(None),
            &Actor::Staff { id: staff_id },
            Some(&reason),
            now,
        )?
        .ok_or(Refusal::NotBlocked)?;
        audit(
            conn,
            staff_id,
            AuditAction::Unblock,
            Some(&id.to_string()),
            Some(&reason),
            now,
        )?;
        Ok(updated)
    })
}

/// A company as the back office sees it.
#[derive(Clone, Debug)]
pub struct CompanyView {
    /// The company.
    pub company: Company,
    /// Its requests by status as the clock says (archived ones included).
    pub requests: i64,
}

/// A company by id, with the number of its requests.
pub fn company(conn: &mut PgConnection, id: Uuid) -> Result<CompanyView, ServiceError> {
    let company = companies::find(conn, id)?.ok_or(ServiceError::NotFound)?;
    let requests = access_requests::table
        .filter(access_requests::company_id.eq(id))
        .select(count_star())
        .first(conn)?;
    Ok(CompanyView { company, requests })
}

/// Suspends a company (supervisors): its users can neither create nor consult, its API
/// clients are refused, and they are told `reason`.
pub fn suspend(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    reason_input: &str,
    now: DateTime<Utc>,
) -> Result<Company, ServiceError> {
    let reason = reason(reason_input)?;
    conn.transaction(|conn| {
        let updated = crate::db::companies::suspend(conn, id, &reason, now)?;
        let Some(company) = updated else {
            return match companies::find(conn, id)? {
                Some(_) => Err(Refusal::AlreadySuspended.into()),
                None => Err(ServiceError::NotFound),
            };
        };
        audit(
            conn,
            staff_id,
            AuditAction::Suspend,
            Some(&id.to_string()),
            Some(&reason),
            now,
        )?;
        Ok(company)
    })
}

/// Lifts a company's suspension (supervisors).
pub fn reinstate(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Company, ServiceError> {
    conn.transaction(|conn| {
        let updated = crate::db::companies::reinstate(conn, id)?;
        let Some(company) = updated else {
            return match companies::find(conn, id)? {
                Some(_) => Err(Refusal::NotSuspended.into()),
                None => Err(ServiceError::NotFound),
            };
        };
        audit(
            conn,
            staff_id,
            AuditAction::Reinstate,
            Some(&id.to_string()),
            None,
            now,
        )?;
        Ok(company)
    })
}
