//! Background jobs: each a plain function over a connection and an instant, tested with a
//! fixed clock; a small scheduler that only times them and logs failures.
//!
//! Several servers share one database: each job has a row in `job_schedule` with its next
//! due time, and a server runs a job only while holding the job's advisory lock (never two
//! runs at once; PostgreSQL releases it if the server dies) and after claiming the due row
//! (once per interval, whatever the number of servers). A run interrupted by a crash leaves
//! its row marked running with no lock held: the next server claims it at once. Every run
//! is counted on the row; one that changed something or failed is also recorded in
//! `job_runs` (when, how long, rows, error) for the back office.
//!
//! A job runs in a [`JobContext`]: a tenant's database and clock, and the settings. It
//! knows nothing of the web side: the scheduler of `mandat serve`, the command line and
//! the back office's "run now" all make a context and call [`run_once`].

pub mod lifecycle;
pub mod reseal;
mod scheduler;
pub mod tenants;

use std::{sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use diesel::{
    PgConnection, QueryableByName, RunQueryDsl, sql_query,
    sql_types::{BigInt, Text},
};

use crate::{
    clock::SharedClock,
    db::{
        DbPool, idempotency_keys, job_runs,
        job_schedule::{self, RunOutcome},
        rate_limits,
    },
    settings::Settings,
    state::Tenant,
};

/// What a job needs: one tenant's database and clock, and the settings.
#[derive(Clone)]
pub struct JobContext {
    /// The tenant's database.
    pub pool: DbPool,
    /// The tenant's clock: every job runs at its instant.
    pub clock: SharedClock,
    /// The server's clock, by which sessions live (`purge-sessions` reads it): the main
    /// tenant's clock, also for a demo tenant, whose moves of the clock sign nobody out.
    pub session_clock: SharedClock,
    /// The settings (intervals, retention, SMTP).
    pub settings: Arc<Settings>,
    /// A demo tenant's: its mail goes to its mailbox, never to an SMTP server, and the
    /// jobs of the main tenant only ([`Job::main_only`]) do nothing.
    pub demo: bool,
}

impl JobContext {
    /// The context of a job run for `tenant`.
    pub fn for_tenant(tenant: &Tenant, settings: Arc<Settings>) -> JobContext {
        JobContext {
            pool: tenant.pool().clone(),
            clock: tenant.clock().clone(),
            session_clock: tenant.server_clock().clone(),
            settings,
            demo: !tenant.is_main(),
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
    /// Idempotency keys past their 24 hours and full rate-limit buckets are deleted.
    ExpireKeys,
    /// Demo tenants past their expiry are deleted (the main tenant only).
    ExpireTenants,
    /// What a retired data key sealed is sealed again under the current one.
    Reseal,
}

impl Job {
    /// Every job.
    pub const ALL: [Job; 10] = [
        Job::DeliverMail,
        Job::DeliverWebhooks,
        Job::ExpireRequests,
        Job::EndMandates,
        Job::Archive,
        Job::Purge,
        Job::PurgeSessions,
        Job::ExpireKeys,
        Job::ExpireTenants,
        Job::Reseal,
    ];

    /// The jobs a move of a demo tenant's clock runs, in this order, at the new instant:
    /// the mails written before the move reach the mailbox (dated when they were due);
    /// requests expire and accesses end (dated at their real instants); what is finished
    /// is archived (dated when it became due), then what is past its retention is purged
    /// (so that a move of a year archives and purges what time would have); the webhook
    /// events of all that are sent; dead sessions and keys go. One run of each at the new
    /// instant does what every run over the elapsed time would have done, because each
    /// dates its changes at the instant they were due, not at the run.
    pub const CATCH_UP: [Job; 8] = [
        Job::DeliverMail,
        Job::ExpireRequests,
        Job::EndMandates,
        Job::Archive,
        Job::Purge,
        Job::DeliverWebhooks,
        Job::PurgeSessions,
        Job::ExpireKeys,
    ];

    /// Whether the job concerns the main tenant only (the registry of the demo tenants).
    pub fn main_only(self) -> bool {
        matches!(self, Job::ExpireTenants)
    }

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
            Job::ExpireKeys => "expire-keys",
            Job::ExpireTenants => tenants::EXPIRE_TENANTS,
            Job::Reseal => reseal::RESEAL,
        }
    }

    /// The fluent key of what the job does, as the back office names it.
    pub fn label_key(self) -> String {
        format!("admin-job-name-{}", self.name())
    }

    /// Parses a job name.
    pub fn parse(name: &str) -> Option<Job> {
        Job::ALL.into_iter().find(|j| j.name() == name)
    }

    /// The advisory lock key of this job (one per job, shared by every instance).
    pub fn lock_key(self) -> i64 {
        0x6d61_6e64_0000 + self as i64
    }

    /// Its interval (the server's wall clock), `None` when disabled.
    pub fn interval(self, settings: &Settings) -> Option<Duration> {
        let jobs = &settings.jobs;
        match self {
            Job::DeliverMail => jobs.deliver_mail,
            Job::DeliverWebhooks => jobs.deliver_webhooks,
            Job::ExpireRequests => jobs.expire_requests,
            Job::EndMandates => jobs.end_mandates,
            Job::Archive => jobs.archive,
            Job::Purge => jobs.purge,
            Job::PurgeSessions => jobs.purge_sessions,
            Job::ExpireKeys => jobs.expire_keys,
            Job::ExpireTenants => jobs.expire_tenants,
            Job::Reseal => jobs.reseal,
        }
    }
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    locked: bool,
}

/// How a run is started.
#[derive(Copy, Clone, Debug)]
enum Start<'a> {
    /// By hand (command line, back office, tests): now, unless it is running elsewhere.
    Now,
    /// By the scheduler: only if due, then due again `every` later.
    IfDue { every: Duration, instance: &'a str },
}

/// What one attempt did.
#[derive(Debug)]
pub enum Attempt {
    /// Not due yet: due in this long.
    NotDue(Duration),
    /// Another server is running it.
    Busy,
    /// It ran: what it changed (or why it failed), and the time left before it is due.
    Ran {
        /// Rows changed, or the run's error.
        result: anyhow::Result<usize>,
        /// Time left before it is due again.
        wait: Duration,
    },
}

/// Runs `job` once now unless another server is running it (`Ok(None)` then); returns the
/// number of rows it changed. The run is counted on the job's schedule row; one that
/// changed something or failed is also recorded in `job_runs`.
pub fn run_once_blocking(ctx: &JobContext, job: Job) -> anyhow::Result<Option<usize>> {
    match attempt(ctx, job, Start::Now)? {
        Attempt::Ran { result, .. } => result.map(Some),
        Attempt::NotDue(_) | Attempt::Busy => Ok(None),
    }
}

/// Runs `job` if it is due by its schedule row and no other server runs it: what the
/// scheduler of every server does at each tick.
pub fn run_if_due_blocking(
    ctx: &JobContext,
    job: Job,
    every: Duration,
    instance: &str,
) -> anyhow::Result<Attempt> {
    attempt(ctx, job, Start::IfDue { every, instance })
}

fn attempt(ctx: &JobContext, job: Job, start: Start<'_>) -> anyhow::Result<Attempt> {
    // On a connection watched like a request's: one that dies under the job is dropped.
    ctx.pool.run(|conn| attempt_on(conn, ctx, job, start))
}

fn attempt_on(
    conn: &mut PgConnection,
    ctx: &JobContext,
    job: Job,
    start: Start<'_>,
) -> anyhow::Result<Attempt> {
    if let Start::IfDue { .. } = start
        && let Some(due) = job_schedule::due(conn, job.name())?
        && !due.running
        && !due.wait.is_zero()
    {
        return Ok(Attempt::NotDue(due.wait));
    }
    let key = job.lock_key();
    let locked = sql_query("SELECT pg_try_advisory_lock($1) AS locked")
        .bind::<BigInt, _>(key)
        .get_result::<Locked>(conn)?
        .locked;
    if !locked {
        return Ok(Attempt::Busy);
    }
    let outcome = run_locked(conn, ctx, job, start);
    // Back to the pool as it came: unlocked, with the requests' statement timeout.
    let restored =
        sql_query("SELECT pg_advisory_unlock($1), set_config('statement_timeout', $2, false)")
            .bind::<BigInt, _>(key)
            .bind::<Text, _>(ctx.pool.options().statement_timeout.as_millis().to_string())
            .execute(conn);
    let outcome = outcome?;
    restored?;
    Ok(outcome)
}

/// The part of [`attempt`] under the job's lock.
fn run_locked(
    conn: &mut PgConnection,
    ctx: &JobContext,
    job: Job,
    start: Start<'_>,
) -> anyhow::Result<Attempt> {
    let instance = match start {
        Start::Now => instance_name(),
        Start::IfDue { every, instance } => {
            if !job_schedule::claim(conn, job.name(), every, instance)? {
                let wait = job_schedule::due(conn, job.name())?.map_or(every, |d| d.wait);
                return Ok(Attempt::NotDue(wait));
            }
            instance.to_string()
        }
    };
    if let Start::Now = start {
        job_schedule::mark_running(conn, job.name(), &instance)?;
    }
    // Jobs work on many rows at once: no statement timeout (the lock timeout stays).
    sql_query("SET statement_timeout = 0").execute(conn)?;
    let now = ctx.clock.now();
    let started = std::time::Instant::now();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run_job(conn, ctx, job, now)
    }))
    .unwrap_or_else(|_| Err(anyhow::anyhow!("the job panicked")));
    let duration = started.elapsed();
    let error = result.as_ref().err().map(|e| format!("{e:#}"));
    let rows = *result.as_ref().unwrap_or(&0);
    let wait = job_schedule::finish(
        conn,
        job.name(),
        &RunOutcome {
            started_at: now,
            duration,
            rows,
            error: error.as_deref(),
        },
    )?;
    if rows > 0 || error.is_some() {
        let finished = now + chrono::Duration::from_std(duration).unwrap_or_default();
        if let Err(e) = job_runs::record(conn, job.name(), now, finished, rows, error.as_deref()) {
            tracing::warn!(job = job.name(), error = %e, "job run not recorded");
        }
    }
    Ok(Attempt::Ran { result, wait })
}

/// This server, as the schedule names it: `host:pid`.
pub fn instance_name() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".to_string());
    format!("{host}:{}", std::process::id())
}

/// Whether the main site's mail goes to the demo mailbox only: development and demo modes
/// without an SMTP server.
fn mailbox_only(mode: crate::settings::Mode, smtp_host: Option<&str>) -> bool {
    mode.is_demo() && smtp_host.is_none()
}

fn run_job(
    conn: &mut PgConnection,
    ctx: &JobContext,
    job: Job,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let settings = &*ctx.settings;
    Ok(match job {
        // A demo tenant's mail goes to its mailbox only: its people are fictional, and a
        // trainee's real address typed in a training world must not receive anything. So
        // does the main site's in development and demo modes without an SMTP server: its
        // mailbox is where that mail is read (in production it stays in the outbox).
        Job::DeliverMail
            if ctx.demo || mailbox_only(settings.mode, settings.smtp.host.as_deref()) =>
        {
            crate::mail::deliver_to_mailbox(conn, now)?
        }
        Job::DeliverMail => crate::mail::deliver_due(conn, settings, now)?,
        Job::ExpireTenants if ctx.demo => 0,
        Job::ExpireTenants => tenants::expire_tenants(conn, now)?,
        Job::DeliverWebhooks => {
            let destinations = crate::webhooks::Destinations {
                allow_loopback: settings.webhook_loopback,
            };
            crate::webhooks::deliver_due(conn, &settings.keyring, destinations, now)?
        }
        Job::ExpireRequests => lifecycle::expire_requests(conn, now)?,
        Job::EndMandates => lifecycle::end_mandates(conn, now)?,
        Job::Reseal => reseal::reseal(conn, &settings.keyring)?,
        Job::ExpireKeys => {
            idempotency_keys::forget_expired(conn, now)? + rate_limits::forget_full(conn)?
        }
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
                requests_walked = c.requests_walked,
                mails_deleted = c.mails_deleted,
                requests_unlinked = c.requests_unlinked,
                audit_deleted = c.audit_deleted,
                positives_deleted = c.positives_deleted,
                links_erased = c.links_erased,
                staff_audit_deleted = c.staff_audit_deleted,
                staff_forgotten = c.staff_forgotten,
                api_tokens_deleted = c.api_tokens_deleted,
                job_runs_deleted = c.job_runs_deleted,
                webhooks_deleted = c.webhooks_deleted,
                "purge"
            );
            c.total()
        }
        Job::PurgeSessions => crate::db::sessions::purge_dead(
            conn,
            ctx.session_clock.now(),
            crate::db::sessions::Lifetimes {
                idle: settings.sessions.idle,
                absolute: settings.sessions.absolute,
            },
        )?,
    })
}

/// What a catch-up ([`catch_up_blocking`]) did.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct CatchUp {
    /// Jobs run.
    pub runs: usize,
    /// Rows they changed.
    pub rows: usize,
}

/// Runs every job of [`Job::CATCH_UP`], in order, at the instant of `ctx`'s clock: what a
/// move of a demo tenant's clock does before it returns. A job that another server is
/// running at that moment is waited for (up to `patience`), then run: none is skipped.
/// Stops at the first job that fails.
pub fn catch_up_blocking(ctx: &JobContext, patience: Duration) -> anyhow::Result<CatchUp> {
    let mut done = CatchUp::default();
    for job in Job::CATCH_UP {
        let deadline = std::time::Instant::now() + patience;
        loop {
            match run_once_blocking(ctx, job)? {
                Some(rows) => {
                    done.runs += 1;
                    done.rows += rows;
                    break;
                }
                None if std::time::Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                None => anyhow::bail!("{} kept running elsewhere", job.name()),
            }
        }
    }
    Ok(done)
}

/// [`run_once_blocking`] off the async executor.
pub async fn run_once(ctx: &JobContext, job: Job) -> anyhow::Result<Option<usize>> {
    let ctx = ctx.clone();
    tokio::task::spawn_blocking(move || run_once_blocking(&ctx, job)).await?
}

pub use scheduler::spawn_scheduler;

#[cfg(test)]
mod tests {
    use super::mailbox_only;
    use crate::settings::Mode;

    #[test]
    fn the_main_sites_mail_goes_to_the_mailbox_only_in_a_demo_without_smtp() {
        let cases = [
            (Mode::Development, None, true),
            (Mode::Demo, None, true),
            (Mode::Production, None, false),
            (Mode::Development, Some("127.0.0.1"), false),
            (Mode::Demo, Some("smtp.example.be"), false),
            (Mode::Production, Some("smtp.example.be"), false),
        ];
        for (mode, host, mailbox) in cases {
            assert_eq!(mailbox_only(mode, host), mailbox, "{mode:?} {host:?}");
        }
    }
}
