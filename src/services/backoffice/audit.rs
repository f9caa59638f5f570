//! The audit of staff look-ups and actions (`staff_audit`): what is written, by the
//! transaction of the look-up or action itself, and the supervisors' page reading it.
//! A NISS is never stored there in full: masked in what the page shows, and as a keyed
//! fingerprint ([`PersonKey`]) on the entries about a person, so that a supervisor can
//! answer "who in the back office looked me up?" ([`audit_about`]).

use std::fmt;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use uuid::Uuid;

use super::{MAX_PAGE, PAGE_SIZE, Page, offset};
use crate::{
    db::schema::{request_parties, request_personal, staff, staff_audit},
    domain::niss::Niss,
    services::ServiceError,
};

/// The deployment's key of the fingerprints of a person in the staff audit
/// (`Settings::audit_key_bytes`). The fingerprint of a national number is its HMAC-SHA-256
/// under this key: the same number gives the same fingerprint, which names nobody to
/// whoever lacks the key.
#[derive(Clone)]
pub struct PersonKey(Vec<u8>);

impl PersonKey {
    /// The key of these bytes.
    pub fn new(bytes: Vec<u8>) -> PersonKey {
        PersonKey(bytes)
    }

    /// The fingerprint of `niss`.
    #[allow(clippy::expect_used)] // HMAC-SHA256 accepts a key of any length
    pub fn fingerprint(&self, niss: &Niss) -> Vec<u8> {
        let mut mac =
            Hmac::<sha2::Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(niss.as_str().as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

impl fmt::Debug for PersonKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PersonKey([secret])")
    }
}

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
        /// Looked for the entries about a person (this audit, by their NISS).
        AuditPerson = "audit_person",
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
    insert(conn, staff_id, action, target, detail, None, at)
}

/// Writes one audit row about the person `niss`, its fingerprint under `key` to find it
/// again: on the request or company `on`, or else on their NISS, masked.
pub fn audit_person(
    conn: &mut PgConnection,
    staff_id: Uuid,
    action: AuditAction,
    on: Option<Uuid>,
    detail: Option<&str>,
    (key, niss): (&PersonKey, &Niss),
    at: DateTime<Utc>,
) -> QueryResult<()> {
    let fingerprint = key.fingerprint(niss);
    let target = on.map_or_else(|| niss.masked(), |id| id.to_string());
    let person = Some(fingerprint.as_slice());
    insert(conn, staff_id, action, Some(&target), detail, person, at)
}

fn insert(
    conn: &mut PgConnection,
    staff_id: Uuid,
    action: AuditAction,
    target: Option<&str>,
    detail: Option<&str>,
    person: Option<&[u8]>,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(staff_audit::table)
        .values((
            staff_audit::staff_id.eq(staff_id),
            staff_audit::at.eq(at),
            staff_audit::action.eq(action.as_str()),
            staff_audit::target.eq(target),
            staff_audit::detail.eq(detail),
            staff_audit::person.eq(person),
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
    /// The person whose entries it shows, if any: their NISS as typed (kept only in the
    /// page's forms) and masked (shown).
    pub person: Option<(Niss, String)>,
}

/// The entries about one person: those with their fingerprint, and those on their requests
/// (as the citizen who took them, or the one they were meant for).
struct About {
    fingerprint: Vec<u8>,
    requests: Vec<String>,
}

/// A page of the staff audit, newest first: the entries `filter` keeps.
pub fn audit_page(
    conn: &mut PgConnection,
    filter: AuditFilter,
    page: i64,
) -> QueryResult<AuditPage> {
    let entries = entries(conn, filter, None, page)?;
    Ok(AuditPage {
        entries,
        filter,
        staff: staff_names(conn)?,
        person: None,
    })
}

/// A page of the entries about the person `niss`, newest first: every search by their
/// NISS, their appointments, and every look-up and action on their requests. Answers "who
/// in the back office looked me up?"; the look-up is itself audited (`audit_person`), in
/// the same transaction.
pub fn audit_about(
    conn: &mut PgConnection,
    staff_id: Uuid,
    key: &PersonKey,
    niss: &Niss,
    page: i64,
    now: DateTime<Utc>,
) -> Result<AuditPage, ServiceError> {
    conn.transaction(|conn| {
        let about = (key, niss);
        audit_person(
            conn,
            staff_id,
            AuditAction::AuditPerson,
            None,
            None,
            about,
            now,
        )?;
        let requests: Vec<Uuid> = request_parties::table
            .filter(request_parties::citizen_niss.eq(niss))
            .select(request_parties::request_id)
            .union(
                request_personal::table
                    .filter(request_personal::target_niss.eq(niss))
                    .select(request_personal::request_id),
            )
            .load(conn)?;
        let about = About {
            fingerprint: key.fingerprint(niss),
            requests: requests.iter().map(Uuid::to_string).collect(),
        };
        let filter = AuditFilter::default();
        Ok(AuditPage {
            entries: entries(conn, filter, Some(&about), page)?,
            filter,
            staff: staff_names(conn)?,
            person: Some((niss.clone(), niss.masked())),
        })
    })
}

fn entries(
    conn: &mut PgConnection,
    filter: AuditFilter,
    about: Option<&About>,
    page: i64,
) -> QueryResult<Page<AuditEntry>> {
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
    if let Some(about) = about {
        query = query.filter(
            staff_audit::person
                .eq(&about.fingerprint)
                .or(staff_audit::target.eq_any(&about.requests)),
        );
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
    Ok(Page::from_rows(rows, page))
}

/// Every staff member, by name, for the filter.
fn staff_names(conn: &mut PgConnection) -> QueryResult<Vec<StaffName>> {
    staff::table
        .order((staff::display_name, staff::id))
        .select((
            staff::id,
            staff::display_name,
            staff::removed_at.is_not_null(),
        ))
        .load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One number, one fingerprint under one key; another number or another key, another;
    /// the key is never printed.
    #[test]
    fn a_fingerprint_names_a_number_under_its_key_only() {
        let maria = Niss::parse("90051402426").unwrap();
        let emma = Niss::parse("95090916472").unwrap();
        let key = PersonKey::new(b"one key of thirty-two bytes, ok!".to_vec());
        let other = PersonKey::new(b"another key of thirty-two bytes!".to_vec());
        assert_eq!(key.fingerprint(&maria), key.fingerprint(&maria));
        assert_eq!(key.fingerprint(&maria).len(), 32);
        assert_ne!(key.fingerprint(&maria), key.fingerprint(&emma));
        assert_ne!(key.fingerprint(&maria), other.fingerprint(&maria));
        assert_eq!(format!("{key:?}"), "PersonKey([secret])");
    }
}
