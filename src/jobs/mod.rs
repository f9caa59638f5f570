//! Background jobs: each a plain function over a connection and an instant, tested with a
//! fixed clock; a small scheduler that only times them, logs failures, and never runs the
//! same job twice at once across instances (a PostgreSQL advisory lock per job).

use std::time::Duration;

use diesel::{
    PgConnection, QueryResult, QueryableByName, RunQueryDsl, sql_query, sql_types::BigInt,
};
use tokio::task::{JoinHandle, JoinSet};

use crate::web::AppState;

/// A job the scheduler knows.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Job {
    /// Deliver the outbox's e-mails.
    DeliverMail,
}

impl Job {
    /// Every job.
    pub const ALL: [Job; 1] = [Job::DeliverMail];

    /// The name used on the command line and in the logs.
    pub fn name(self) -> &'static str {
        match self {
            Job::DeliverMail => "deliver-mail",
        }
    }

    /// Parses a job name.
    pub fn parse(name: &str) -> Option<Job> {
        Job::ALL.into_iter().find(|j| j.name() == name)
    }

    /// The advisory lock key of this job (one per job, shared by every instance).
    fn lock_key(self) -> i64 {
        0x6d61_6e64_0000 + self as i64
    }

    fn interval(self, state: &AppState) -> Option<Duration> {
        match self {
            Job::DeliverMail => state.settings.jobs.deliver_mail,
        }
    }
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    locked: bool,
}

/// Runs `job` once unless another instance is running it (`Ok(None)` then); returns the
/// number of rows it changed.
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
    let result = match job {
        Job::DeliverMail => crate::mail::deliver_due(&mut conn, &state.settings, now),
    };
    unlock(&mut conn, key)?;
    result.map(Some)
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
