//! The audit of staff look-ups and actions (`staff_audit`): what is written, by the
//! transaction of the look-up or action itself, and the supervisors' page reading it.
//! A NISS is never stored there in full (only masked).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::{MAX_PAGE, PAGE_SIZE, Page, offset};
use crate::db::schema::{staff, staff_audit};

crate::domain::named_enum! {
    /// What a staff member did, as `staff_audit.action` stores it.
    #[derive(Copy, Clone, Debug, PartialEq, Eq)]
    pub enum AuditAction {
        /// Searched requests by a citizen's NISS.
        SearchNiss = "search_niss",
        /// Revealed the full NISS on a timeline.
        RevealNiss = "reveal_niss",
        /// Opened a request's timeline.
        ViewRequest = "view_request",
        /// Blocked a request or mandate.
        Block = "block",
        /// Unblocked a mandate.
        Unblock = "unblock",
        /// Suspended a company.
        Suspend = "suspend",
        /// Reinstated a company.
        Reinstate = "reinstate",
        /// Ran a background job by hand.
        RunJob = "run_job",
        /// Added a staff member.
        StaffAdd = "staff_add",
        /// Changed a staff member's role.
        StaffRole = "staff_role",
        /// Removed a staff member.
        StaffRemove = "staff_remove",
        /// Ended a staff member's sessions.
        StaffEndSessions = "staff_end_sessions",
        /// Sent again an e-mail that was given up.
        ResendMail = "resend_mail",
        /// Made a demo tenant.
        TenantCreate = "tenant_create",
        /// Reset a demo tenant.
        TenantReset = "tenant_reset",
        /// Deleted a demo tenant.
        TenantDelete = "tenant_delete",
        /// Moved a demo tenant's clock.
        TenantClock = "tenant_clock",
        /// Appointed a company's main access manager.
        AppointMain = "appoint_main",
    }
}

/// Writes one audit row. `target` is a request or company id, or a masked NISS: never a
/// full NISS.
pub fn audit(
    conn: &mut PgConnection,
    staff_id: Uuid,
    action: AuditAction,
    target: Option<&str>,
    detail: Option<&str>,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(staff_audit::table)
        .values((
            staff_audit::staff_id.eq(staff_id),
            staff_audit::at.eq(at),
            staff_audit::action.eq(action.as_str()),
            staff_audit::target.eq(target),
            staff_audit::detail.eq(detail),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Writes one audit row about the request or company `id`.
pub fn audit_on(
    conn: &mut PgConnection,
    staff_id: Uuid,
    action: AuditAction,
    id: Uuid,
    detail: Option<&str>,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    audit(conn, staff_id, action, Some(&id.to_string()), detail, at)
}

/// One entry of the staff audit.
#[derive(Clone, Debug, Queryable)]
pub struct AuditEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (display name).
    pub staff: String,
    /// What.
    pub action: String,
    /// On what (request or company id, or a masked NISS).
    pub target: Option<String>,
    /// Reason, job name...
    pub detail: Option<String>,
}

impl AuditAction {
    /// What its `target` names: a request, a company, or something else (a masked NISS, a
    /// staff member, a tenant).
    pub fn target_kind(self) -> AuditTarget {
        use AuditAction as A;
        match self {
            A::ViewRequest | A::RevealNiss | A::Block | A::Unblock | A::ResendMail => {
                AuditTarget::Request
            }
            A::Suspend | A::Reinstate | A::AppointMain => AuditTarget::Company,
            _ => AuditTarget::Other,
        }
    }
}

/// What an audit entry's `target` names.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AuditTarget {
    /// A request's id: its timeline.
    Request,
    /// A company's id: its page.
    Company,
    /// Shown as written.
    Other,
}

/// Which entries the audit shows: one staff member's, one action's, those on one request
/// or company, any of them together, or all.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only this staff member's.
    pub staff: Option<Uuid>,
    /// Only this action.
    pub action: Option<AuditAction>,
    /// Only those on this request or company.
    pub on: Option<Uuid>,
}

/// A staff member as the audit's filter names them (removed ones too: their entries stay).
#[derive(Clone, Debug, Queryable)]
pub struct StaffName {
    /// Id.
    pub id: Uuid,
    /// Display name.
    pub name: String,
    /// Whether they were removed from the staff.
    pub removed: bool,
}

/// One page of the audit, newest first, with the staff its filter offers.
#[derive(Clone, Debug)]
pub struct AuditPage {
    /// The entries.
    pub entries: Page<AuditEntry>,
    /// What it shows.
    pub filter: AuditFilter,
    /// Every staff member, by name.
    pub staff: Vec<StaffName>,
}

/// A page of the staff audit, newest first: the entries `filter` keeps.
pub fn audit_page(
    conn: &mut PgConnection,
    filter: AuditFilter,
    page: i64,
) -> QueryResult<AuditPage> {
    let page = page.clamp(1, MAX_PAGE);
    let mut query = staff_audit::table.inner_join(staff::table).into_boxed();
    if let Some(id) = filter.staff {
        query = query.filter(staff_audit::staff_id.eq(id));
    }
    if let Some(action) = filter.action {
        query = query.filter(staff_audit::action.eq(action.as_str()));
    }
    if let Some(on) = filter.on {
        query = query.filter(staff_audit::target.eq(on.to_string()));
    }
    let rows = query
        .order((staff_audit::at.desc(), staff_audit::id.desc()))
        .limit(PAGE_SIZE + 1)
        .offset(offset(page))
        .select((
            staff_audit::at,
            staff::display_name,
            staff_audit::action,
            staff_audit::target,
            staff_audit::detail,
        ))
        .load(conn)?;
    let staff = staff::table
        .order((staff::display_name, staff::id))
        .select((
            staff::id,
            staff::display_name,
            staff::removed_at.is_not_null(),
        ))
        .load(conn)?;
    Ok(AuditPage {
        entries: Page::from_rows(rows, page),
        filter,
        staff,
    })
}
