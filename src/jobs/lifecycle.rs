//! The time-driven lifecycle of access requests: expiry, end of mandates, archival and the
//! purge of personal data.
//!
//! Each job is a plain function of a connection and an instant, made of a few set-based
//! statements in one transaction (no row loops), and idempotent: a second run at the same
//! instant changes nothing. Status transitions are recorded in `request_events` by the
//! same statement that makes them (`WITH due AS (UPDATE ... RETURNING ...) INSERT INTO
//! request_events ... SELECT ... FROM due`), with actor kind `job` and the job's name.
//!
//! Times: a transition made by a job is dated when it really happened (the link's end for
//! an expiry, the mandate's end for an ended mandate), not when the job caught up with it,
//! so that a late run changes no deadline that depends on it (archival two weeks after
//! expiry is exact to the second). Expiries and mandate ends also write their webhook
//! events (`request.expired`, `mandate.ended`) in the same transaction.

use chrono::{DateTime, Duration, Utc};
use diesel::{
    Connection, PgConnection, QueryResult, QueryableByName, RunQueryDsl, sql_query,
    sql_types::{Bool, Text, Timestamptz, Uuid as SqlUuid},
};
use uuid::Uuid;

use crate::{services::requests::REQUESTED_LIST_DAYS, settings::Retention, webhooks};

/// Job name of [`expire_requests`].
pub const EXPIRE_REQUESTS: &str = "expire-requests";
/// Job name of [`end_mandates`].
pub const END_MANDATES: &str = "end-mandates";
/// Job name of [`archive`].
pub const ARCHIVE: &str = "archive";
/// Job name of [`purge`].
pub const PURGE: &str = "purge";

/// `pending` requests whose link is over (`expires_at <= now`) become `expired`, dated
/// `expires_at`. Returns how many.
pub fn expire_requests(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    conn.transaction(|conn| expire_as(conn, now, EXPIRE_REQUESTS))
}

/// `accepted` requests whose mandate is over (`valid_until <= now`) become `ended`, dated
/// `valid_until`. Returns how many.
pub fn end_mandates(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    conn.transaction(|conn| end_as(conn, now, END_MANDATES))
}

#[derive(QueryableByName)]
struct Changed {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// Applies one time-driven transition (a CTE: update, log, return the ids) and writes the
/// webhook event announcing it, set-based, in the caller's transaction.
fn transition(
    conn: &mut PgConnection,
    sql: &str,
    now: DateTime<Utc>,
    job: &str,
    event: webhooks::Event,
) -> QueryResult<usize> {
    let ids: Vec<Uuid> = sql_query(sql)
        .bind::<Timestamptz, _>(now)
        .bind::<Text, _>(job)
        .load::<Changed>(conn)?
        .into_iter()
        .map(|c| c.id)
        .collect();
    webhooks::emit(conn, &ids, event, now)?;
    Ok(ids.len())
}

fn expire_as(conn: &mut PgConnection, now: DateTime<Utc>, job: &str) -> QueryResult<usize> {
    transition(
        conn,
        "WITH due AS (
             UPDATE access_requests
                SET status = 'expired', status_changed_at = expires_at
              WHERE status = 'pending' AND expires_at <= $1
          RETURNING id, expires_at
         ), logged AS (
             INSERT INTO request_events (request_id, at, from_status, to_status, actor_kind, actor_ref)
             SELECT id, expires_at, 'pending', 'expired', 'job', $2 FROM due
         )
         SELECT id FROM due",
        now,
        job,
        webhooks::Event::RequestExpired,
    )
}

fn end_as(conn: &mut PgConnection, now: DateTime<Utc>, job: &str) -> QueryResult<usize> {
    transition(
        conn,
        "WITH due AS (
             UPDATE access_requests
                SET status = 'ended', status_changed_at = valid_until
              WHERE status = 'accepted' AND valid_until <= $1
          RETURNING id, valid_until
         ), logged AS (
             INSERT INTO request_events (request_id, at, from_status, to_status, actor_kind, actor_ref)
             SELECT id, valid_until, 'accepted', 'ended', 'job', $2 FROM due
         )
         SELECT id FROM due",
        now,
        job,
        webhooks::Event::MandateEnded,
    )
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

/// Takes finished requests out of the company's lists (sets `archived_at`; the back office
/// still sees them):
/// - expired, refused and withdrawn requests [`REQUESTED_LIST_DAYS`] (14) days after their
///   last change (for an expired one: the link's end, even if the expiry was recorded late);
/// - stopped (`revoked`), blocked and ended accesses `blocked_tab_days` after their last
///   change (for an ended one: the mandate's end).
///
/// Overdue expiries and mandate ends are applied first (recorded with this job's name), so
/// that nothing depends on the order the jobs run in. Each archival is recorded as a
/// transition to `archived`.
///
/// The link secret of an archived request is spent: its hash is replaced here by an
/// unusable value derived from the row id (`md5(id) || md5(id)`, 32 bytes, unique per row
/// as the column requires), so an old link no longer finds it. Doing it here rather than in
/// [`purge`] keeps the purge an update of columns no index covers (a cheap HOT update).
pub fn archive(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    blocked_tab_days: i64,
) -> QueryResult<ArchiveCounts> {
    conn.transaction(|conn| {
        let expired = expire_as(conn, now, ARCHIVE)?;
        let ended = end_as(conn, now, ARCHIVE)?;
        let archived = sql_query(format!(
            "WITH due AS (
                 UPDATE access_requests
                    SET archived_at = $1, token_hash = {ERASED_TOKEN_HASH}
                  WHERE archived_at IS NULL
                    AND ((status IN ('refused', 'withdrawn') AND status_changed_at <= $2)
                      OR (status = 'expired' AND LEAST(status_changed_at, expires_at) <= $2)
                      OR (status IN ('revoked', 'blocked') AND status_changed_at <= $3)
                      OR (status = 'ended' AND LEAST(status_changed_at, valid_until) <= $3))
              RETURNING id, status
             )
             INSERT INTO request_events (request_id, at, from_status, to_status, actor_kind, actor_ref)
             SELECT id, $1, status, 'archived', 'job', $4 FROM due"
        ))
        .bind::<Timestamptz, _>(now)
        .bind::<Timestamptz, _>(now - Duration::days(REQUESTED_LIST_DAYS))
        .bind::<Timestamptz, _>(now - Duration::days(blocked_tab_days))
        .bind::<Text, _>(ARCHIVE)
        .execute(conn)?;
        Ok(ArchiveCounts {
            expired,
            ended,
            archived,
        })
    })
}

/// What one [`purge`] run erased or deleted (counts only: never log the data).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct PurgeCounts {
    /// Archived requests whose label, e-mail, named NISS and citizen names were erased.
    pub requests_erased: usize,
    /// Mails deleted: those of erased requests, and sent or given-up ones past retention.
    pub mails_deleted: usize,
    /// Archived requests past the audit retention whose citizen NISS and creator were
    /// removed (with the NISS of people in their transition log).
    pub requests_unlinked: usize,
    /// Consultation audit entries deleted.
    pub audit_deleted: usize,
}

impl PurgeCounts {
    /// Every row changed.
    pub fn total(&self) -> usize {
        self.requests_erased + self.mails_deleted + self.requests_unlinked + self.audit_deleted
    }
}

/// The unusable stand-in of a spent link's hash: 32 bytes derived from the row id
/// (`md5(id) || md5(id)`), unique per row as the column requires, and matching no secret
/// (a secret's hash is a SHA-256 of 32 random bytes).
const ERASED_TOKEN_HASH: &str = "decode(md5(id::text) || md5(id::text), 'hex')";

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = Bool)]
    exists: bool,
}

/// Erases personal data past its retention ([`Retention`]):
/// - archived `request_personal_data` ago (default 90 days): a request's label, e-mail,
///   named NISS and the citizen's names become NULL and its mails (with their delivery
///   attempts) are deleted; its status, dates and transition log stay (its link's hash
///   was already dropped by [`archive`]);
/// - archived `audit` ago (default 365 days): the citizen's NISS and the creator's on the
///   request, and the NISS of the people in its transition log, are removed;
/// - consultation audit entries (table `consultations`, when present) older than `audit`
///   are deleted;
/// - outbox mails sent or given up more than `mail` ago (default 30 days) are deleted.
///
/// Sessions need nothing: they are encrypted cookies with a lifetime, nothing is stored.
pub fn purge(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    retention: &Retention,
) -> QueryResult<PurgeCounts> {
    let request_cutoff = now - retention.request_personal_data;
    let audit_cutoff = now - retention.audit;
    let mail_cutoff = now - retention.mail;
    conn.transaction(|conn| {
        let requests_erased = sql_query(
            "UPDATE access_requests
                SET label = NULL, email = NULL, target_niss = NULL,
                    citizen_first_name = NULL, citizen_last_name = NULL
              WHERE archived_at <= $1
                AND (label IS NOT NULL OR email IS NOT NULL OR target_niss IS NOT NULL
                     OR citizen_first_name IS NOT NULL OR citizen_last_name IS NOT NULL)",
        )
        .bind::<Timestamptz, _>(request_cutoff)
        .execute(conn)?;
        let mut mails_deleted = sql_query(
            "DELETE FROM outbox_emails o
              USING access_requests r
              WHERE o.request_id = r.id AND r.archived_at <= $1",
        )
        .bind::<Timestamptz, _>(request_cutoff)
        .execute(conn)?;
        mails_deleted +=
            sql_query("DELETE FROM outbox_emails WHERE COALESCE(sent_at, failed_at) <= $1")
                .bind::<Timestamptz, _>(mail_cutoff)
                .execute(conn)?;
        let requests_unlinked = sql_query(
            "UPDATE access_requests SET citizen_niss = NULL, created_by = NULL
              WHERE archived_at <= $1 AND (citizen_niss IS NOT NULL OR created_by IS NOT NULL)",
        )
        .bind::<Timestamptz, _>(audit_cutoff)
        .execute(conn)?;
        sql_query(
            "UPDATE request_events SET actor_ref = NULL
              WHERE actor_kind IN ('citizen', 'company_user') AND actor_ref IS NOT NULL
                AND request_id IN (SELECT id FROM access_requests WHERE archived_at <= $1)",
        )
        .bind::<Timestamptz, _>(audit_cutoff)
        .execute(conn)?;
        let has_audit = sql_query(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns
                             WHERE table_schema = current_schema()
                               AND table_name = 'consultations'
                               AND column_name = 'consulted_at') AS exists",
        )
        .get_result::<Exists>(conn)?
        .exists;
        let audit_deleted = if has_audit {
            sql_query("DELETE FROM consultations WHERE consulted_at <= $1")
                .bind::<Timestamptz, _>(audit_cutoff)
                .execute(conn)?
        } else {
            0
        };
        Ok(PurgeCounts {
            requests_erased,
            mails_deleted,
            requests_unlinked,
            audit_deleted,
        })
    })
}
