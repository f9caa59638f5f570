//! The time-driven writes of `access_requests`, set-based (no row loops): expiry, end of
//! mandates, archival and the purge of personal data. The jobs of
//! [`crate::jobs::lifecycle`] call them in one transaction each.
//!
//! Times: a transition made by a job is dated when it really happened (the link's end for
//! an expiry, the mandate's end for an ended mandate), not when the job caught up with it,
//! so that a late run changes no deadline that depends on it (archival two weeks after
//! expiry is exact to the second).

use chrono::{DateTime, Duration, Utc};
use diesel::{
    prelude::*,
    sql_query,
    sql_types::{BigInt, Nullable, Text, Timestamptz},
};
use uuid::Uuid;

use super::{status_is, write::announce};
use crate::{
    db::{
        consultations, flexi_positives,
        request_events::ARCHIVED,
        retention::{BATCH, batched},
        schema::access_requests,
    },
    domain::{Actor, RequestStatus, status::REQUESTED_LIST_DAYS},
    settings::Retention,
};

/// Pending requests whose link is over at `now` become `expired`, dated at the link's end,
/// recorded as made by `actor` (a job). Returns how many.
pub fn expire_due(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    actor: &Actor,
) -> QueryResult<usize> {
    use access_requests::dsl as r;
    let (from, to) = (RequestStatus::Pending, RequestStatus::Expired);
    let changed: Vec<(Uuid, DateTime<Utc>)> = diesel::update(access_requests::table)
        .filter(r::status.eq(from))
        .filter(status_is(to, now))
        .set((r::status.eq(to), r::status_changed_at.eq(r::expires_at)))
        .returning((r::id, r::expires_at))
        .get_results(conn)?;
    announce(conn, &changed, from, to, actor, None, now)?;
    Ok(changed.len())
}

/// Accepted requests whose mandate is over at `now` become `ended`, dated at the mandate's
/// end, recorded as made by `actor` (a job). Returns how many.
pub fn end_due(conn: &mut PgConnection, now: DateTime<Utc>, actor: &Actor) -> QueryResult<usize> {
    use access_requests::dsl as r;
    let (from, to) = (RequestStatus::Accepted, RequestStatus::Ended);
    let changed: Vec<(Uuid, Option<DateTime<Utc>>)> = diesel::update(access_requests::table)
        .filter(r::status.eq(from))
        .filter(status_is(to, now))
        .set((
            r::status.eq(to),
            r::status_changed_at.eq(r::valid_until.assume_not_null()),
        ))
        .returning((r::id, r::valid_until))
        .get_results(conn)?;
    let changed: Vec<(Uuid, DateTime<Utc>)> = changed
        .into_iter()
        .map(|(id, until)| (id, until.unwrap_or(now)))
        .collect();
    announce(conn, &changed, from, to, actor, None, now)?;
    Ok(changed.len())
}

/// Takes finished requests out of the company's lists (sets `archived_at`, dated when each
/// became due; the back office still sees them), recorded as transitions to `archived` by
/// `job` at that instant:
/// - expired, refused and withdrawn requests [`REQUESTED_LIST_DAYS`] (14) days after their
///   last change (for an expired one: the link's end, even if the expiry was recorded late);
/// - stopped (`revoked`), blocked and ended accesses `blocked_tab_days` after their last
///   change (for an ended one: the mandate's end).
///
/// Call it after [`expire_due`] and [`end_due`] in the same transaction. The link of an
/// archived request is spent for good: its row in `request_links` is deleted, so an old
/// link no longer finds it.
pub fn archive_due(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    blocked_tab_days: i64,
    job: &str,
) -> QueryResult<usize> {
    // Each request is archived as of the instant it became due (its last change plus 14
    // days, or plus `blocked_tab_days`), not the instant of the run: a late run (a demo
    // tenant's clock moved by months at once) dates it as a timely one would have, and
    // the purge's "archived 90 days ago" counts from there.
    sql_query(format!(
        "WITH due AS (
             UPDATE access_requests
                SET archived_at = LEAST($1, CASE
                        WHEN status IN ('refused', 'withdrawn') THEN status_changed_at + ($1 - $2)
                        WHEN status = 'expired' THEN LEAST(status_changed_at, expires_at) + ($1 - $2)
                        WHEN status IN ('revoked', 'blocked') THEN status_changed_at + ($1 - $3)
                        ELSE LEAST(status_changed_at, valid_until) + ($1 - $3)
                    END)
              WHERE archived_at IS NULL
                AND ((status IN ('refused', 'withdrawn') AND status_changed_at <= $2)
                  OR (status = 'expired' AND LEAST(status_changed_at, expires_at) <= $2)
                  OR (status IN ('revoked', 'blocked') AND status_changed_at <= $3)
                  OR (status = 'ended' AND LEAST(status_changed_at, valid_until) <= $3))
          RETURNING id, status, archived_at
         ),
         spent AS (DELETE FROM request_links WHERE request_id IN (SELECT id FROM due)),
         -- A late run may date an archival behind where the purge's walks have reached:
         -- they go back to just before it (see `purge_marks`).
         rewound AS (
             UPDATE purge_marks m
                SET archived_at = d.at - interval '1 microsecond',
                    id = '00000000-0000-0000-0000-000000000000'
               FROM (SELECT min(archived_at) AS at FROM due) d
              WHERE m.archived_at >= d.at
         )
         INSERT INTO request_events (request_id, at, from_status, to_status, actor_kind, actor_ref)
         SELECT id, archived_at, status, '{ARCHIVED}', 'job', $4 FROM due"
    ))
    .bind::<Timestamptz, _>(now)
    .bind::<Timestamptz, _>(now - Duration::days(REQUESTED_LIST_DAYS))
    .bind::<Timestamptz, _>(now - Duration::days(blocked_tab_days))
    .bind::<Text, _>(job)
    .execute(conn)
}

/// What one purge run erased or deleted (counts only: never log the data).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct PurgeCounts {
    /// Archived requests whose label, e-mail, named NISS and citizen names were erased.
    pub requests_erased: usize,
    /// Archived requests the purge's two walks read (not a change: each walk starts where
    /// the last run left it, so a daily run reads the day's newly due requests only).
    pub requests_walked: usize,
    /// Mails deleted: those of erased requests, and sent or given-up ones past retention.
    pub mails_deleted: usize,
    /// Archived requests past the audit retention whose citizen NISS and creator were
    /// removed (with the NISS of people in their transition log).
    pub requests_unlinked: usize,
    /// Consultation audit entries deleted (with the answers given).
    pub audit_deleted: usize,
    /// Quarters answered eligible deleted (with the consultation audit).
    pub positives_deleted: usize,
    /// Spent links whose hash was erased.
    pub links_erased: usize,
    /// Staff audit entries deleted.
    pub staff_audit_deleted: usize,
    /// Expired API tokens deleted.
    pub api_tokens_deleted: usize,
    /// Recorded job runs deleted.
    pub job_runs_deleted: usize,
    /// Webhook deliveries deleted (delivered or given up past retention).
    pub webhooks_deleted: usize,
    /// Removed staff members whose NISS was erased.
    pub staff_forgotten: usize,
}

impl PurgeCounts {
    /// Every row changed.
    pub fn total(&self) -> usize {
        self.requests_erased
            + self.mails_deleted
            + self.requests_unlinked
            + self.audit_deleted
            + self.positives_deleted
            + self.links_erased
            + self.staff_audit_deleted
            + self.api_tokens_deleted
            + self.job_runs_deleted
            + self.webhooks_deleted
            + self.staff_forgotten
    }
}

/// Deletes every link spent at or before `cutoff`: past its 72 hours, or answered or
/// withdrawn (an old link then finds nothing). Set-based and batched (see
/// [`crate::db::retention::batched`]); the links left are few (those of the last days'
/// requests), read by their end's index.
pub fn erase_spent_links(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<usize> {
    // Past their validity; then answered (or withdrawn) before it.
    let expired = batched(
        conn,
        "DELETE FROM request_links WHERE token_hash IN
             (SELECT token_hash FROM request_links WHERE expires_at <= $1 LIMIT $2)",
        cutoff,
    )?;
    let answered = batched(
        conn,
        "DELETE FROM request_links WHERE token_hash IN
             (SELECT l.token_hash FROM request_links l JOIN access_requests r ON r.id = l.request_id
               WHERE l.expires_at > $1 AND r.status <> 'pending' AND r.status_changed_at <= $1
               LIMIT $2)",
        cutoff,
    )?;
    Ok(expired + answered)
}

/// Erases personal data past its retention ([`Retention`]), in batches of at most
/// [`BATCH`] requests, each its own statement (its own transaction when the caller holds
/// none: call it outside one, so that no lock is held for longer than a batch):
/// - archived `request_personal_data` ago (default 90 days): a request's label, e-mail,
///   named NISS and the citizen's names (its row of `request_personal`, with the search
///   keys its indexes hold) and its mails (with their delivery attempts) are deleted; its
///   status, dates and transition log stay (its link was already deleted by
///   [`archive_due`]);
/// - archived `audit` ago (default 365 days): the citizen's NISS and the creator's (the
///   request's row of `request_parties`) are deleted, and the NISS of the people in its
///   transition log removed;
/// - consultation audit entries older than `audit` are deleted (with the answers given),
///   and so are the quarters answered eligible (`flexi_positive_answers`);
/// - outbox mails sent or given up more than `mail` ago (default 30 days) are deleted.
///
/// The archived requests are walked in the order of their archival (the index on
/// `archived_at, id`), a batch after the other; a batch changes only the rows that still
/// hold what it erases. Both delete narrow rows: no new version of the request's row, no
/// index entry (a new version of a row costs an entry in each of the table's indexes
/// whose predicate it meets).
pub fn purge(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    retention: &Retention,
) -> QueryResult<PurgeCounts> {
    let request_cutoff = now - retention.request_personal_data;
    let audit_cutoff = now - retention.audit;
    let mail_cutoff = now - retention.mail;
    // The personal data's row, deleted whole (a request without any still has one: it is
    // deleted, not counted).
    let erasure = walk_archived(
        conn,
        "erasure",
        request_cutoff,
        "removed AS (
             DELETE FROM request_personal p WHERE p.request_id = ANY(ARRAY(SELECT id FROM batch))
             RETURNING p.request_id AS id,
                       (p.label IS NOT NULL OR p.email IS NOT NULL OR p.target_niss IS NOT NULL
                        OR p.citizen_first_name IS NOT NULL OR p.citizen_last_name IS NOT NULL)
                           AS held),
         erased AS (SELECT id FROM removed WHERE held),
         mails AS (DELETE FROM outbox_emails WHERE request_id = ANY(ARRAY(SELECT id FROM batch))
                   RETURNING id),
         unlinked AS (SELECT id FROM batch WHERE false)",
    )?;
    let unlinking = walk_archived(
        conn,
        "unlinking",
        audit_cutoff,
        "removed AS (
             DELETE FROM request_parties p WHERE p.request_id = ANY(ARRAY(SELECT id FROM batch))
             RETURNING p.request_id AS id,
                       (p.citizen_niss IS NOT NULL OR p.created_by IS NOT NULL) AS held),
         unlinked AS (SELECT id FROM removed WHERE held),
         events AS (
             UPDATE request_events e SET actor_ref = NULL
              WHERE e.request_id = ANY(ARRAY(SELECT id FROM batch))
                AND e.actor_kind IN ('citizen', 'company_user') AND e.actor_ref IS NOT NULL
             RETURNING e.id),
         erased AS (SELECT id FROM batch WHERE false),
         mails AS (SELECT id FROM batch WHERE false)",
    )?;
    let mails_deleted = erasure.mails
        + batched(
            conn,
            "DELETE FROM outbox_emails WHERE id IN
                 (SELECT id FROM outbox_emails WHERE COALESCE(sent_at, failed_at) <= $1 LIMIT $2)",
            mail_cutoff,
        )?;
    let audit_deleted = consultations::purge(conn, audit_cutoff)?;
    let positives_deleted = flexi_positives::purge(conn, audit_cutoff)?;
    Ok(PurgeCounts {
        requests_erased: erasure.erased,
        requests_walked: erasure.walked + unlinking.walked,
        mails_deleted,
        requests_unlinked: unlinking.unlinked,
        audit_deleted,
        positives_deleted,
        ..PurgeCounts::default()
    })
}

/// What a walk over the archived requests did.
#[derive(Default)]
struct Walked {
    /// Archived requests read.
    walked: usize,
    /// Requests whose personal data it erased.
    erased: usize,
    /// Requests it unlinked from the citizen and the creator.
    unlinked: usize,
    /// Mails it deleted.
    mails: usize,
}

/// Runs `ctes` (which define `erased`, `unlinked` and `mails`, each returning the rows it
/// erased, unlinked or deleted, from `batch`: the next [`BATCH`] requests archived at or
/// before `cutoff`, in the order of their archival) batch after
/// batch, until the archived requests are all walked. (PostgreSQL runs a data-modifying
/// CTE to completion whether the statement reads it or not.)
/// The walk starts where the last run of the same `walk` stopped (its row in
/// `purge_marks`, moved with each batch, in the batch's statement), so that a daily run
/// reads the day's few newly due requests, not the whole archive: the requests behind the
/// mark hold nothing left to erase at that walk's cutoff (a request archived behind it
/// later moves the mark back: the table's insert trigger, [`archive_due`]). Returns what
/// the walk read and changed.
fn walk_archived(
    conn: &mut PgConnection,
    walk: &str,
    cutoff: DateTime<Utc>,
    ctes: &str,
) -> QueryResult<Walked> {
    #[derive(QueryableByName)]
    struct Batch {
        #[diesel(sql_type = Nullable<Timestamptz>)]
        last_at: Option<DateTime<Utc>>,
        #[diesel(sql_type = Nullable<diesel::sql_types::Uuid>)]
        last_id: Option<Uuid>,
        #[diesel(sql_type = BigInt)]
        walked: i64,
        #[diesel(sql_type = BigInt)]
        erased: i64,
        #[diesel(sql_type = BigInt)]
        unlinked: i64,
        #[diesel(sql_type = BigInt)]
        mails: i64,
    }
    #[derive(QueryableByName)]
    struct Mark {
        #[diesel(sql_type = Timestamptz)]
        archived_at: DateTime<Utc>,
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        id: Uuid,
    }
    let statement = format!(
        "WITH batch AS (
             SELECT id, archived_at FROM access_requests
              WHERE archived_at IS NOT NULL AND archived_at <= $1
                AND (archived_at, id) > ($2, $3)
              ORDER BY archived_at, id
              LIMIT $4),
         {ctes},
         last AS (SELECT archived_at, id FROM batch ORDER BY archived_at DESC, id DESC LIMIT 1),
         mark AS (
             INSERT INTO purge_marks (walk, archived_at, id)
             SELECT $5, archived_at, id FROM last
             ON CONFLICT (walk) DO UPDATE SET archived_at = excluded.archived_at, id = excluded.id
             RETURNING walk)
         SELECT (SELECT archived_at FROM last) AS last_at, (SELECT id FROM last) AS last_id,
                (SELECT count(*) FROM batch) AS walked,
                (SELECT count(*) FROM erased) AS erased, (SELECT count(*) FROM unlinked) AS unlinked,
                (SELECT count(*) FROM mails) AS mails"
    );
    let mark: Option<Mark> = sql_query("SELECT archived_at, id FROM purge_marks WHERE walk = $1")
        .bind::<Text, _>(walk)
        .get_result(conn)
        .optional()?;
    // None yet: from before any archival, 1 January 1900.
    let (mut after_at, mut after_id) = mark.map_or_else(
        || {
            (
                DateTime::from_timestamp(-2_208_988_800, 0).unwrap_or_default(),
                Uuid::nil(),
            )
        },
        |m| (m.archived_at, m.id),
    );
    let mut done = Walked::default();
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    loop {
        let batch: Batch = sql_query(&statement)
            .bind::<Timestamptz, _>(cutoff)
            .bind::<Timestamptz, _>(after_at)
            .bind::<diesel::sql_types::Uuid, _>(after_id)
            .bind::<BigInt, _>(BATCH)
            .bind::<Text, _>(walk)
            .get_result(conn)?;
        done.walked += count(batch.walked);
        done.erased += count(batch.erased);
        done.unlinked += count(batch.unlinked);
        done.mails += count(batch.mails);
        match (batch.last_at, batch.last_id) {
            (Some(at), Some(id)) => (after_at, after_id) = (at, id),
            _ => return Ok(done),
        }
    }
}
