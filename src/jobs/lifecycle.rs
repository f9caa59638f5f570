//! The time-driven lifecycle of access requests: expiry, end of mandates, archival and the
//! purge of personal data.
//!
//! Each job is a plain function of a connection and an instant, one transaction of a few
//! set-based statements (owned by [`crate::db::access_requests::lifecycle`]), and
//! idempotent: a second run at the same instant changes nothing. Transitions are recorded
//! in `request_events` with actor kind `job` and the job's name, and announced to the
//! integrators by webhook in the same transaction.

use chrono::{DateTime, Months, Utc};
use diesel::{Connection, PgConnection, QueryResult};

pub use crate::db::access_requests::lifecycle::PurgeCounts;
use crate::{
    db::{self, access_requests::lifecycle as requests},
    domain::Actor,
    settings::Retention,
};

/// Job name of [`expire_requests`].
pub const EXPIRE_REQUESTS: &str = "expire-requests";
/// Job name of [`end_mandates`].
pub const END_MANDATES: &str = "end-mandates";
/// Job name of [`archive`].
pub const ARCHIVE: &str = "archive";
/// Job name of [`purge`].
pub const PURGE: &str = "purge";

/// `pending` requests whose link is over become `expired`, dated at the link's end.
/// Returns how many.
pub fn expire_requests(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    let actor = Actor::Job {
        name: EXPIRE_REQUESTS,
    };
    conn.transaction(|conn| {
        let expired = requests::expire_due(conn, now, &actor)?;
        // The tab badges' kept counts: the changes of the last minute summed (they read
        // a few rows, not a company's every change since the last archival).
        db::request_counts::fold(conn)?;
        Ok(expired)
    })
}

/// `accepted` requests whose mandate is over become `ended`, dated at the mandate's end.
/// Returns how many.
pub fn end_mandates(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    let actor = Actor::Job { name: END_MANDATES };
    conn.transaction(|conn| requests::end_due(conn, now, &actor))
}

/// What one [`archive`] run changed.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct ArchiveCounts {
    /// Pending requests expired on the way (`expire-requests` had not run yet).
    pub expired: usize,
    /// Mandates ended on the way (`end-mandates` had not run yet).
    pub ended: usize,
    /// Requests archived (gone from the company's lists).
    pub archived: usize,
}

impl ArchiveCounts {
    /// Every row changed.
    pub fn total(&self) -> usize {
        self.expired + self.ended + self.archived
    }
}

/// Takes finished requests out of the company's lists (see
/// [`crate::db::access_requests::lifecycle::archive_due`]). Overdue expiries and mandate
/// ends are applied first (recorded with this job's name), so that nothing depends on the
/// order the jobs run in.
pub fn archive(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    blocked_tab_days: i64,
) -> QueryResult<ArchiveCounts> {
    let actor = Actor::Job { name: ARCHIVE };
    conn.transaction(|conn| {
        Ok(ArchiveCounts {
            expired: requests::expire_due(conn, now, &actor)?,
            ended: requests::end_due(conn, now, &actor)?,
            archived: requests::archive_due(conn, now, blocked_tab_days, ARCHIVE)?,
        })
    })
}

/// Erases data past its retention, in batches each committed on its own (never a long
/// lock): the personal data of requests, the mails and the consultation audit (see
/// [`crate::db::access_requests::lifecycle::purge`]); then, batched, the hashes of spent
/// links, the staff audit (and the NISS of the staff removed as long ago), expired API
/// tokens, recorded job runs and webhook deliveries delivered or given up, each by its own
/// setting. A citizen's block is never purged: it lasts until the citizen lifts it.
pub fn purge(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    retention: &Retention,
) -> QueryResult<PurgeCounts> {
    // The consultation audit's months ahead of its clock, before any consultation needs
    // them (one run a day makes next month's weeks ahead of it).
    let next_month = now.checked_add_months(Months::new(1)).unwrap_or(now);
    db::consultations::make_months(conn, now, next_month)?;
    let mut counts = requests::purge(conn, now, retention)?;
    counts.links_erased = requests::erase_spent_links(conn, now - retention.link)?;
    counts.staff_audit_deleted =
        db::retention::purge_staff_audit(conn, now - retention.staff_audit)?;
    counts.staff_forgotten = db::staff::forget_removed(conn, now - retention.staff_audit)?;
    counts.api_tokens_deleted = db::retention::purge_api_tokens(conn, now - retention.api_token)?;
    counts.job_runs_deleted = db::job_runs::purge(conn, now - retention.job_runs)?;
    counts.webhooks_deleted = db::webhook_deliveries::purge(conn, now - retention.webhook)?;
    Ok(counts)
}
