//! What staff do to requests and companies: block and unblock a request or mandate,
//! suspend and reinstate a company and appoint its main access manager (supervisors), and
//! the company view these start from.
//! Every action is audited in its own transaction.

use chrono::{DateTime, Utc};
use diesel::{dsl::count_star, prelude::*};
use uuid::Uuid;

use super::{
    REASON_MAX,
    audit::{AuditAction, PersonKey, audit_on, audit_person},
};
use crate::{
    db::{
        access_requests::{
            self as requests_db, AccessRequest, Guard, SetOnTransition, find, find_for_update,
        },
        schema::{access_requests, outbox_emails},
    },
    domain::{Actor, FreeText, Niss, RequestStatus, status::Transition},
    services::{
        FieldErrors, Refusal, ServiceError,
        companies::{self, Company, Member},
    },
    sources::AuthenticSources,
};

/// Sends again a mail of request `request_id` that was given up (the candidate's server
/// refused it, or SMTP was down until the retries ran out): due at once, tried until the
/// request's link ends. Only while the request is pending; audited.
pub fn resend_mail(
    conn: &mut PgConnection,
    staff_id: Uuid,
    request_id: Uuid,
    mail_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    conn.transaction(|conn| {
        let request = find(conn, request_id)?.ok_or(ServiceError::NotFound)?;
        if request.status_at(now) != RequestStatus::Pending {
            return Err(Refusal::RequestNotPending.into());
        }
        let belongs: bool = diesel::select(diesel::dsl::exists(
            outbox_emails::table
                .find(mail_id)
                .filter(outbox_emails::request_id.eq(request_id)),
        ))
        .get_result(conn)?;
        if !belongs {
            return Err(ServiceError::NotFound);
        }
        if !crate::mail::retry(conn, mail_id, now, request.expires_at)? {
            return Err(Refusal::MailNotGivenUp.into());
        }
        audit_on(
            conn,
            staff_id,
            AuditAction::ResendMail,
            request_id,
            Some(&mail_id.to_string()),
            now,
        )?;
        Ok(())
    })
}

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

/// What staff do to a request or mandate.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum StaffMove {
    /// Block a pending request or an active mandate, with a reason the company and the
    /// citizen will see. Refused (conflict) in any other state.
    Block,
    /// Unblock a blocked mandate: only one that had been accepted and whose validity is not
    /// over goes back to `accepted`. A blocked pending request stays blocked (nobody
    /// accepted it): refused `UnblockNeverAccepted`; a mandate past its end: `UnblockEnded`.
    Unblock,
}

/// Blocks or unblocks request `id` as staff member `staff_id` says (see [`StaffMove`]),
/// with `reason_input` on the event and in the audit.
pub fn block_or_unblock(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    action: StaffMove,
    reason_input: &str,
    now: DateTime<Utc>,
) -> Result<AccessRequest, ServiceError> {
    let reason = reason(reason_input)?;
    let (transition, shown, audited, refusal) = match action {
        StaffMove::Block => (
            Transition::Block,
            Some(reason.as_str()),
            AuditAction::Block,
            Refusal::NotBlockable,
        ),
        StaffMove::Unblock => (
            Transition::Unblock,
            None,
            AuditAction::Unblock,
            Refusal::NotBlocked,
        ),
    };
    conn.transaction(|conn| {
        let request = find_for_update(conn, id)?.ok_or(ServiceError::NotFound)?;
        let from = match action {
            StaffMove::Block => request.status_at(now),
            StaffMove::Unblock => {
                may_unblock(&request, now)?;
                RequestStatus::Blocked
            }
        };
        let updated = requests_db::transition(
            conn,
            id,
            from,
            transition,
            Guard::Any,
            SetOnTransition::Reason(shown),
            &Actor::Staff { id: staff_id },
            Some(&reason),
            now,
        )?
        .ok_or(refusal)?;
        audit_on(conn, staff_id, audited, id, Some(&reason), now)?;
        Ok(updated)
    })
}

/// Whether a request may be unblocked at `now`: blocked, once accepted, and its mandate
/// not over.
fn may_unblock(request: &AccessRequest, now: DateTime<Utc>) -> Result<(), Refusal> {
    if request.status != RequestStatus::Blocked {
        return Err(Refusal::NotBlocked);
    }
    if request.accepted_at.is_none() || request.mandate_id.is_none() {
        return Err(Refusal::UnblockNeverAccepted);
    }
    if request.archived_at.is_some() || request.valid_until.is_none_or(|u| u <= now) {
        return Err(Refusal::UnblockEnded);
    }
    Ok(())
}

/// A company as the back office sees it.
#[derive(Clone, Debug)]
pub struct CompanyView {
    /// The company.
    pub company: Company,
    /// Its requests by status as the clock says (archived ones included).
    pub requests: i64,
    /// Its users, with their roles.
    pub members: Vec<Member>,
}

/// A company by id, with the number of its requests and its users.
pub fn company(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    id: Uuid,
) -> Result<CompanyView, ServiceError> {
    let company = companies::find(conn, id)?.ok_or(ServiceError::NotFound)?;
    let requests = access_requests::table
        .filter(access_requests::company_id.eq(id))
        .select(count_star())
        .first(conn)?;
    let members = companies::company_members(conn, sources, id)?;
    Ok(CompanyView {
        company,
        requests,
        members,
    })
}

/// Makes the person `niss_input` the main access manager of company `id` (supervisors):
/// when its main access manager left without handing the role over, at the company's
/// written request (`reason_input`, e.g. the ticket). The former one stays an access
/// manager; a person not yet a member becomes one. Audited with the masked NISS and the
/// reason, as an entry about that person (`key`).
#[allow(clippy::too_many_arguments)]
pub fn appoint_main_manager(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    staff_id: Uuid,
    key: &PersonKey,
    id: Uuid,
    niss_input: &str,
    reason_input: &str,
    now: DateTime<Utc>,
) -> Result<Company, ServiceError> {
    let mut errors = FieldErrors::new();
    let niss = Niss::parse(niss_input)
        .map_err(|e| errors.insert("niss", e.message_key()))
        .ok();
    let reason = match reason(reason_input) {
        Ok(reason) => Some(reason),
        Err(ServiceError::Invalid(found)) => {
            errors.extend(found);
            None
        }
        Err(e) => return Err(e),
    };
    let (Some(niss), Some(reason)) = (niss, reason) else {
        return Err(ServiceError::Invalid(errors));
    };
    conn.transaction(|conn| {
        let company = companies::find(conn, id)?.ok_or(ServiceError::NotFound)?;
        if sources.person(conn, &niss)?.is_none() {
            return Err(ServiceError::field(
                "niss",
                "admin-staff-error-unknown-person",
            ));
        }
        if !companies::appoint_main(conn, id, &niss, now)? {
            return Err(ServiceError::field("niss", "admin-main-error-already"));
        }
        let detail = format!("{}: {reason}", niss.masked());
        let (action, about) = (AuditAction::AppointMain, (key, &niss));
        audit_person(conn, staff_id, action, Some(id), Some(&detail), about, now)?;
        Ok(company)
    })
}

/// The company `updated` by a change of its suspension, or why there is none: it exists
/// but was not in the state the change starts from (`refusal`), or it does not exist.
fn changed(
    conn: &mut PgConnection,
    id: Uuid,
    updated: Option<Company>,
    refusal: Refusal,
) -> Result<Company, ServiceError> {
    if let Some(company) = updated {
        return Ok(company);
    }
    match companies::find(conn, id)? {
        Some(_) => Err(refusal.into()),
        None => Err(ServiceError::NotFound),
    }
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
        let company = changed(conn, id, updated, Refusal::AlreadySuspended)?;
        audit_on(conn, staff_id, AuditAction::Suspend, id, Some(&reason), now)?;
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
        let company = changed(conn, id, updated, Refusal::NotSuspended)?;
        audit_on(conn, staff_id, AuditAction::Reinstate, id, None, now)?;
        Ok(company)
    })
}
