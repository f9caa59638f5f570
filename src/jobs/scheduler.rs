//! The scheduler of `mandat serve`: one task per enabled job, which wakes when the job is
//! next due for some tenant (as its schedule row says, on the database's clock), tries to
//! claim and run it, and sleeps again. Every server runs the same scheduler; the schedule
//! rows (one per job in each tenant's database) make each job run once per interval for
//! all of them. A demo tenant's runs are at its own clock's instant, as stored when the
//! tenants were listed.

use std::{
    collections::HashMap,
    time::{Duration, Instant},
};

use tokio::task::{JoinHandle, JoinSet};

use super::{Attempt, Job, JobContext, run_if_due_blocking};
use crate::{db::DbError, state::AppState};

/// When another server holds a job, look again after at most this long (it may have died
/// mid-run: its row then shows it, and this server takes the job over).
const BUSY_RETRY: Duration = Duration::from_secs(5);
/// After a failed attempt (database unreachable...), try again after at most this long.
const ERROR_RETRY: Duration = Duration::from_secs(5);
/// Shortest sleep (the database's clock and ours differ by a little).
const MIN_SLEEP: Duration = Duration::from_millis(20);

/// Starts every scheduled job, for every tenant; aborting the handle stops them all.
pub fn spawn_scheduler(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let instance = super::instance_name();
        let mut set = JoinSet::new();
        for job in Job::ALL {
            let Some(every) = job.interval(&state.settings) else {
                tracing::info!(job = job.name(), "job disabled");
                continue;
            };
            set.spawn(schedule(state.clone(), job, every, instance.clone()));
        }
        while set.join_next().await.is_some() {}
    })
}

/// Whether an error only says that the database is away (the pool logs that, once).
fn is_outage(e: &anyhow::Error) -> bool {
    e.downcast_ref::<DbError>()
        .is_some_and(DbError::is_transient)
        || e.downcast_ref::<diesel::result::Error>()
            .is_some_and(crate::db::is_transient)
}

/// Runs `job` for every tenant whenever it is due, forever.
async fn schedule(state: AppState, job: Job, every: Duration, instance: String) {
    // When the job is next due per tenant (by pool), as last read: no query before then.
    let mut next: HashMap<usize, Instant> = HashMap::new();
    loop {
        let tenants = if job.main_only() {
            vec![state.tenants.main().clone()]
        } else {
            state.tenants.all().await
        };
        let mut sleep = every;
        for tenant in &tenants {
            let id = tenant.pool().id();
            let now = Instant::now();
            if let Some(at) = next.get(&id)
                && *at > now
            {
                sleep = sleep.min(*at - now);
                continue;
            }
            let ctx = JobContext::for_tenant(tenant, state.settings.clone());
            let started = Instant::now();
            let instance = instance.clone();
            let attempt = tokio::task::spawn_blocking(move || {
                run_if_due_blocking(&ctx, job, every, &instance)
            })
            .await
            .map_err(anyhow::Error::from)
            .and_then(|r| r);
            let wait = match attempt {
                Ok(Attempt::NotDue(wait)) => wait,
                Ok(Attempt::Busy) => every.min(BUSY_RETRY),
                Ok(Attempt::Ran { result, wait }) => {
                    match result {
                        Ok(0) => {}
                        Ok(rows) => tracing::info!(
                            job = job.name(),
                            rows,
                            ms = started.elapsed().as_millis() as u64,
                            "job ran"
                        ),
                        Err(e) if is_outage(&e) => {
                            tracing::debug!(job = job.name(), error = %e, "job stopped: database away");
                        }
                        Err(e) => tracing::error!(job = job.name(), error = ?e, "job failed"),
                    }
                    wait
                }
                Err(e) => {
                    if is_outage(&e) {
                        tracing::debug!(job = job.name(), error = %e, "job not run: database away");
                    } else {
                        tracing::error!(job = job.name(), error = ?e, "job could not be scheduled");
                    }
                    every.min(ERROR_RETRY)
                }
            };
            next.insert(id, Instant::now() + wait);
            sleep = sleep.min(wait);
        }
        next.retain(|id, _| tenants.iter().any(|t| t.pool().id() == *id));
        // A little jitter, so that servers started together do not knock at once.
        let jitter = Duration::from_millis(rand::random_range(0..25));
        tokio::time::sleep(sleep.max(MIN_SLEEP) + jitter).await;
    }
}
