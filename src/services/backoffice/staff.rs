//! The staff, managed by supervisors: add a person by NISS with a role, change the role,
//! remove them, end their sessions. Every change is written to `staff_audit` in its own
//! transaction. The last supervisor cannot be removed or demoted (nobody could manage the
//! staff any more).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::audit::{AuditAction, audit};
use crate::{
    db::{
        sessions,
        staff::{self, StaffMember},
    },
    domain::{Niss, StaffRole},
    sources::AuthenticSources,
};

/// Why a change of the staff was refused.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    /// The national register does not know this NISS.
    #[error("unknown person")]
    UnknownPerson,
    /// This person is staff already.
    #[error("already staff")]
    AlreadyStaff,
    /// The last supervisor would be removed or demoted.
    #[error("last supervisor")]
    LastSupervisor,
    /// No such active staff member.
    #[error("not found")]
    NotFound,
    /// Database trouble.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

impl StaffError {
    /// The message key shown on the staff page (`None`: not the user's doing).
    pub fn message_key(&self) -> Option<&'static str> {
        match self {
            StaffError::UnknownPerson => Some("admin-staff-error-unknown-person"),
            StaffError::AlreadyStaff => Some("admin-staff-error-already"),
            StaffError::LastSupervisor => Some("admin-staff-error-last-supervisor"),
            StaffError::NotFound | StaffError::Db(_) => None,
        }
    }
}

/// The active staff, by name.
pub fn list(conn: &mut PgConnection) -> QueryResult<Vec<StaffMember>> {
    staff::active(conn)
}

/// Adds the person with `niss` (known to the national register, whose name is shown) with
/// `role`, by supervisor `by`.
pub fn add(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    by: Uuid,
    niss: &Niss,
    role: StaffRole,
    now: DateTime<Utc>,
) -> Result<Uuid, StaffError> {
    conn.transaction(|conn| {
        let person = sources
            .person(conn, niss)?
            .ok_or(StaffError::UnknownPerson)?;
        let name = format!("{} {}", person.first_name, person.last_name);
        let id = staff::add(conn, niss, &name, role, now)?.ok_or(StaffError::AlreadyStaff)?;
        audit(
            conn,
            by,
            AuditAction::StaffAdd,
            Some(&id.to_string()),
            Some(&format!("{} {}", niss.masked(), role.as_str())),
            now,
        )?;
        tracing::info!(staff = %id, role = role.as_str(), "staff member added");
        Ok(id)
    })
}

/// Whether changing `member` away from supervisor leaves none.
fn would_leave_no_supervisor(conn: &mut PgConnection, member: &StaffMember) -> QueryResult<bool> {
    Ok(member.role == StaffRole::Supervisor && staff::count_supervisors(conn)? <= 1)
}

/// Runs `change` on the active member `id` in one transaction (none: `NotFound`).
fn on_member<T>(
    conn: &mut PgConnection,
    id: Uuid,
    change: impl FnOnce(&mut PgConnection, StaffMember) -> Result<T, StaffError>,
) -> Result<T, StaffError> {
    conn.transaction(|conn| {
        let member = staff::active_by_id(conn, id)?.ok_or(StaffError::NotFound)?;
        change(conn, member)
    })
}

/// Records in the audit that `by` did `action` to member `id`, with `detail`.
fn audit_member(
    conn: &mut PgConnection,
    by: Uuid,
    action: AuditAction,
    id: Uuid,
    detail: &str,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    audit(conn, by, action, Some(&id.to_string()), Some(detail), now)
}

/// Changes the role of member `id` (counts from their next request).
pub fn change_role(
    conn: &mut PgConnection,
    by: Uuid,
    id: Uuid,
    role: StaffRole,
    now: DateTime<Utc>,
) -> Result<(), StaffError> {
    on_member(conn, id, |conn, member| {
        if member.role == role {
            return Ok(());
        }
        if would_leave_no_supervisor(conn, &member)? {
            return Err(StaffError::LastSupervisor);
        }
        staff::set_role(conn, id, role)?;
        let change = format!("{} -> {}", member.role.as_str(), role.as_str());
        audit_member(conn, by, AuditAction::StaffRole, id, &change, now)?;
        tracing::info!(staff = %id, role = role.as_str(), "staff role changed");
        Ok(())
    })
}

/// Removes member `id` and ends their sessions.
pub fn remove(
    conn: &mut PgConnection,
    by: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StaffError> {
    on_member(conn, id, |conn, member| {
        if would_leave_no_supervisor(conn, &member)? {
            return Err(StaffError::LastSupervisor);
        }
        staff::remove(conn, id, now)?;
        let ended = sessions::delete_for_niss(conn, member.niss.as_str())?;
        let detail = format!("{ended} sessions ended");
        audit_member(conn, by, AuditAction::StaffRemove, id, &detail, now)?;
        tracing::info!(staff = %id, sessions = ended, "staff member removed");
        Ok(())
    })
}

/// Ends every session of member `id` (they sign in again). Returns how many.
pub fn end_sessions(
    conn: &mut PgConnection,
    by: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<usize, StaffError> {
    on_member(conn, id, |conn, member| {
        let ended = sessions::delete_for_niss(conn, member.niss.as_str())?;
        let detail = format!("{ended} sessions ended");
        audit_member(conn, by, AuditAction::StaffEndSessions, id, &detail, now)?;
        tracing::info!(staff = %id, sessions = ended, "staff sessions ended");
        Ok(ended)
    })
}
