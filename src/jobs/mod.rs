//! Background jobs: each a plain function over a connection and an instant, tested with a
//! fixed clock; a small scheduler that only times them, logs failures, and never runs the
//! same job twice at once across instances (a PostgreSQL advisory lock per job).
//! Every run is recorded in `job_runs` (when, how long, rows, error) for the back office.

pub mod lifecycle;

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::{
    ExpressionMethods, PgConnection, QueryDsl, QueryResult, QueryableByName, RunQueryDsl,
    Selectable, SelectableHelper, sql_query, sql_types::BigInt,
};
use tokio::task::{JoinHandle, JoinSet};

use crate::{db::schema::job_runs, web::AppState};

/// A job the scheduler knows.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Job {
    /// Deliver the outbox's e-mails.
    DeliverMail,
    /// Pending requests past their 72 hours become expired.
    ExpireRequests,
    /// Mandates past their end become ended.
    EndMandates,
    /// Finished requests and accesses leave the company's lists.
    Archive,
    /// Personal data is erased after the retention periods.
    Purge,
    /// Deliver the webhook events.
    DeliverWebhooks,
}

impl Job {
    /// Every job.
    pub const ALL: [Job; 6] = [
        Job::DeliverMail,
        Job::DeliverWebhooks,
        Job::ExpireRequests,
        Job::EndMandates,
        Job::Archive,
        Job::Purge,
    ];

    /// The name used on the command line and in the logs.
    pub fn name(self) -> &'static str {
        match self {
            Job::DeliverMail => "deliver-mail",
            Job::DeliverWebhooks => "deliver-webhooks",
            Job::ExpireRequests => lifecycle::EXPIRE_REQUESTS,
            Job::EndMandates => lifecycle::END_MANDATES,
            Job::Archive => lifecycle::ARCHIVE,
            Job::Purge => lifecycle::PURGE,
        }
    }

    /// Parses a job name.
    pub fn parse(name: &str) -> Option<Job> {
        Job::ALL.into_iter().find(|j| j.name() == name)
    }

    /// The advisory lock key of this job (one per job, shared by every instance).
    pub fn lock_key(self) -> i64 {
        0x6d61_6e64_0000 + self as i64
    }

    fn interval(self, state: &AppState) -> Option<Duration> {
        match self {
            Job::DeliverMail => state.settings.jobs.deliver_mail,
            Job::DeliverWebhooks => state.settings.jobs.deliver_webhooks,
            Job::ExpireRequests => state.settings.jobs.expire_requests,
            Job::EndMandates => state.settings.jobs.end_mandates,
            Job::Archive => state.settings.jobs.archive,
            Job::Purge => state.settings.jobs.purge,
        }
    }
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    locked: bool,
}

/// Runs `job` once unless another instance is running it (`Ok(None)` then); returns the
/// number of rows it changed. The run, failed or not, is recorded in `job_runs`.
pub fn run_once_blocking(state: &AppState, job: Job) -> anyhow::Result<Option<usize>> {
    let mut conn = state.tenants.main().get()?;
    let key = job.lock_key();
    let locked = sql_query("SELECT pg_try_advisory_lock($1) AS locked")
        .bind::<BigInt, _>(key)
        .get_result::<Locked>(&mut conn)?
        .locked;
    if !locked {
        return Ok(None);
    }
    let now = state.clock.now();
    let started = std::time::Instant::now();
    let result = run_job(&mut conn, state, job, now);
    let elapsed = chrono::Duration::from_std(started.elapsed()).unwrap_or_default();
    let error = result.as_ref().err().map(|e| format!("{e:#}"));
    let rows = *result.as_ref().unwrap_or(&0);
    if let Err(e) = record_run(&mut conn, job, now, now + elapsed, rows, error.as_deref()) {
        tracing::warn!(job = job.name(), error = %e, "job run not recorded");
    }
    unlock(&mut conn, key)?;
    result.map(Some)
}

fn run_job(
    conn: &mut PgConnection,
    state: &AppState,
    job: Job,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let settings = &state.settings;
    Ok(match job {
        Job::DeliverMail => crate::mail::deliver_due(conn, settings, now)?,
        Job::DeliverWebhooks => crate::webhooks::deliver_due(conn, now)?,
        Job::ExpireRequests => lifecycle::expire_requests(conn, now)?,
        Job::EndMandates => lifecycle::end_mandates(conn, now)?,
        Job::Archive => {
            let c = lifecycle::archive(conn, now, settings.blocked_tab_days)?;
            if c.total() > 0 {
                tracing::info!(
                    job = job.name(),
                    expired = c.expired,
                    ended = c.ended,
                    archived = c.archived,
                    "archive"
                );
            }
            c.total()
        }
        Job::Purge => {
            let c = lifecycle::purge(conn, now, &settings.retention)?;
            // Counts only: never the data.
            tracing::info!(
                job = job.name(),
                requests_erased = c.requests_erased,
                mails_deleted = c.mails_deleted,
                requests_unlinked = c.requests_unlinked,
                audit_deleted = c.audit_deleted,
                "purge"
            );
            c.total()
        }
    })
}

fn record_run(
    conn: &mut PgConnection,
    job: Job,
    started_at: DateTime<Utc>,
    finished_at: DateTime<Utc>,
    rows: usize,
    error: Option<&str>,
) -> QueryResult<()> {
    diesel::insert_into(job_runs::table)
        .values((
            job_runs::job.eq(job.name()),
            job_runs::started_at.eq(started_at),
            job_runs::finished_at.eq(finished_at),
            job_runs::rows_affected.eq(i64::try_from(rows).unwrap_or(i64::MAX)),
            job_runs::error.eq(error),
        ))
        .execute(conn)
        .map(|_| ())
}

/// One recorded run of a job.
#[derive(Clone, Debug, diesel::Queryable, Selectable)]
#[diesel(table_name = job_runs, check_for_backend(diesel::pg::Pg))]
pub struct JobRun {
    /// Id.
    pub id: i64,
    /// The job's name.
    pub job: String,
    /// When it started (the application's clock).
    pub started_at: DateTime<Utc>,
    /// When it finished (start + the time it took).
    pub finished_at: DateTime<Utc>,
    /// Rows it changed.
    pub rows_affected: i64,
    /// Why it failed, if it did.
    pub error: Option<String>,
}

impl JobRun {
    /// How long it took.
    pub fn duration(&self) -> chrono::Duration {
        self.finished_at - self.started_at
    }
}

/// The last run of every job that ever ran, by job name, for the back-office dashboard.
pub fn last_runs(conn: &mut PgConnection) -> QueryResult<Vec<JobRun>> {
    job_runs::table
        .distinct_on(job_runs::job)
        .order((
            job_runs::job,
            job_runs::started_at.desc(),
            job_runs::id.desc(),
        ))
        .select(JobRun::as_select())
        .load(conn)
}

/// [`run_once_blocking`] off the async executor.
pub async fn run_once(state: &AppState, job: Job) -> anyhow::Result<Option<usize>> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || run_once_blocking(&state, job)).await?
}

fn unlock(conn: &mut PgConnection, key: i64) -> QueryResult<()> {
    sql_query("SELECT pg_advisory_unlock($1)")
        .bind::<BigInt, _>(key)
        .execute(conn)
        .map(|_| ())
}

/// Starts every scheduled job; aborting the handle stops them all.
pub fn spawn_scheduler(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut set = JoinSet::new();
        for job in Job::ALL {
            let Some(every) = job.interval(&state) else {
                tracing::info!(job = job.name(), "job disabled");
                continue;
            };
            let state = state.clone();
            set.spawn(async move {
                let mut ticker = tokio::time::interval(every);
                ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                loop {
                    ticker.tick().await;
                    let started = std::time::Instant::now();
                    match run_once(&state, job).await {
                        Ok(Some(n)) if n > 0 => tracing::info!(
                            job = job.name(),
                            rows = n,
                            ms = started.elapsed().as_millis() as u64,
                            "job ran"
                        ),
                        Ok(_) => {}
                        Err(e) => tracing::error!(job = job.name(), error = ?e, "job failed"),
                    }
                }
            });
        }
        while set.join_next().await.is_some() {}
    })
}
