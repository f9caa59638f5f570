//! Background jobs: each a plain function over a connection and an instant, tested with a
//! fixed clock; a small scheduler that only times them, logs failures, and never runs the
//! same job twice at once across instances (a PostgreSQL advisory lock per job).
//! Every run is recorded in `job_runs` (when, how long, rows, error) for the back office.
//!
//! A job runs in a [`JobContext`]: a tenant's database and clock, and the settings. It
//! knows nothing of the web side: the scheduler of `mandat serve`, the command line and
//! the back office's "run now" all make a context and call [`run_once`].

pub mod lifecycle;

use std::{sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use diesel::{
    PgConnection, QueryResult, QueryableByName, RunQueryDsl, sql_query, sql_types::BigInt,
};
use tokio::task::{JoinHandle, JoinSet};

use crate::{
    clock::SharedClock,
    db::{DbPool, job_runs},
    settings::Settings,
    state::{AppState, Tenant},
};

/// What a job needs: one tenant's database and clock, and the settings.
#[derive(Clone)]
pub struct JobContext {
    /// The tenant's database.
    pub pool: DbPool,
    /// The tenant's clock.
    pub clock: SharedClock,
    /// The settings (intervals, retention, SMTP).
    pub settings: Arc<Settings>,
}

impl JobContext {
    /// The context of a job run for `tenant`.
    pub fn for_tenant(tenant: &Tenant, settings: Arc<Settings>) -> JobContext {
        JobContext {
            pool: tenant.pool().clone(),
            clock: tenant.clock().clone(),
            settings,
        }
    }
}

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
    /// Remove dead sessions (idle or past their absolute lifetime).
    PurgeSessions,
}

impl Job {
    /// Every job.
    pub const ALL: [Job; 7] = [
        Job::DeliverMail,
        Job::DeliverWebhooks,
        Job::ExpireRequests,
        Job::EndMandates,
        Job::Archive,
        Job::Purge,
        Job::PurgeSessions,
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
            Job::PurgeSessions => "purge-sessions",
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

    fn interval(self, settings: &Settings) -> Option<Duration> {
        let jobs = &settings.jobs;
        match self {
            Job::DeliverMail => jobs.deliver_mail,
            Job::DeliverWebhooks => jobs.deliver_webhooks,
            Job::ExpireRequests => jobs.expire_requests,
            Job::EndMandates => jobs.end_mandates,
            Job::Archive => jobs.archive,
            Job::Purge => jobs.purge,
            Job::PurgeSessions => jobs.purge_sessions,
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
pub fn run_once_blocking(ctx: &JobContext, job: Job) -> anyhow::Result<Option<usize>> {
    let mut conn = ctx.pool.get()?;
    let key = job.lock_key();
    let locked = sql_query("SELECT pg_try_advisory_lock($1) AS locked")
        .bind::<BigInt, _>(key)
        .get_result::<Locked>(&mut conn)?
        .locked;
    if !locked {
        return Ok(None);
    }
    let now = ctx.clock.now();
    let started = std::time::Instant::now();
    let result = run_job(&mut conn, &ctx.settings, job, now);
    let elapsed = chrono::Duration::from_std(started.elapsed()).unwrap_or_default();
    let error = result.as_ref().err().map(|e| format!("{e:#}"));
    let rows = *result.as_ref().unwrap_or(&0);
    if let Err(e) = job_runs::record(
        &mut conn,
        job.name(),
        now,
        now + elapsed,
        rows,
        error.as_deref(),
    ) {
        tracing::warn!(job = job.name(), error = %e, "job run not recorded");
    }
    unlock(&mut conn, key)?;
    result.map(Some)
}

fn run_job(
    conn: &mut PgConnection,
    settings: &Settings,
    job: Job,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    Ok(match job {
        Job::DeliverMail => crate::mail::deliver_due(conn, settings, now)?,
        Job::DeliverWebhooks => {
            let destinations = crate::webhooks::Destinations {
                allow_loopback: settings.webhook_loopback,
            };
            crate::webhooks::deliver_due(conn, destinations, now)?
        }
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
        Job::PurgeSessions => crate::db::sessions::purge_dead(
            conn,
            now,
            crate::db::sessions::Lifetimes {
                idle: settings.sessions.idle,
                absolute: settings.sessions.absolute,
            },
        )?,
    })
}

/// [`run_once_blocking`] off the async executor.
pub async fn run_once(ctx: &JobContext, job: Job) -> anyhow::Result<Option<usize>> {
    let ctx = ctx.clone();
    tokio::task::spawn_blocking(move || run_once_blocking(&ctx, job)).await?
}

fn unlock(conn: &mut PgConnection, key: i64) -> QueryResult<()> {
    sql_query("SELECT pg_advisory_unlock($1)")
        .bind::<BigInt, _>(key)
        .execute(conn)
        .map(|_| ())
}

/// Starts every scheduled job, for every tenant; aborting the handle stops them all.
pub fn spawn_scheduler(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut set = JoinSet::new();
        for job in Job::ALL {
            let Some(every) = job.interval(&state.settings) else {
                tracing::info!(job = job.name(), "job disabled");
                continue;
            };
            let state = state.clone();
            set.spawn(async move {
                let mut ticker = tokio::time::interval(every);
                ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                loop {
                    ticker.tick().await;
                    for tenant in state.tenants.all() {
                        let ctx = JobContext::for_tenant(&tenant, state.settings.clone());
                        let started = std::time::Instant::now();
                        match run_once(&ctx, job).await {
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
                }
            });
        }
        while set.join_next().await.is_some() {}
    })
}
