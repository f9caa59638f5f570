//! The `job_schedule` table: one row per background job, shared by every server on the
//! database. The row says when the job is next due (the database's clock), whether a run
//! is in progress, and what the last run did; a run that changed nothing is only counted
//! here (`idle_runs`), never written to `job_runs`.
//!
//! A server claims a due job with one conditional upsert while it holds the job's
//! advisory lock (see `jobs`): the lock says who runs it now (PostgreSQL releases it when
//! its server dies), the row says whether it is due.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_query,
    sql_types::{BigInt, Bool, Double, Nullable, Text, Timestamptz},
};

use super::schema::job_schedule;

/// A job's row, as the back-office dashboard shows it.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = job_schedule, check_for_backend(diesel::pg::Pg))]
pub struct ScheduledJob {
    /// The job's name.
    pub job: String,
    /// When it is next due (the database's clock).
    pub next_run_at: DateTime<Utc>,
    /// Since when a run is in progress.
    pub running_since: Option<DateTime<Utc>>,
    /// Which server runs it (`host:pid`).
    pub running_on: Option<String>,
    /// When the last run started (the job's clock).
    pub last_run_at: Option<DateTime<Utc>>,
    /// How long it took.
    pub last_duration_ms: Option<i64>,
    /// Rows it changed.
    pub last_rows: Option<i64>,
    /// Why it failed, if it did.
    pub last_error: Option<String>,
    /// Runs so far.
    pub runs: i64,
    /// Runs that changed nothing.
    pub idle_runs: i64,
}

/// When a job is next due, as seen from one server.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Due {
    /// Time left before it is due (zero: due now).
    pub wait: Duration,
    /// A run is recorded as in progress (elsewhere, or dead with its server).
    pub running: bool,
}

#[derive(QueryableByName)]
struct DueRow {
    #[diesel(sql_type = Double)]
    wait_ms: f64,
    #[diesel(sql_type = Bool)]
    running: bool,
}

#[derive(QueryableByName)]
struct WaitRow {
    #[diesel(sql_type = Double)]
    wait_ms: f64,
}

fn millis(wait_ms: f64) -> Duration {
    if wait_ms.is_finite() && wait_ms > 0.0 {
        Duration::from_millis(wait_ms as u64)
    } else {
        Duration::ZERO
    }
}

fn interval_ms(every: Duration) -> i64 {
    i64::try_from(every.as_millis()).unwrap_or(i64::MAX)
}

/// When `job` is next due (`None`: it never ran, so it is due). One short read.
pub fn due(conn: &mut PgConnection, job: &str) -> QueryResult<Option<Due>> {
    sql_query(
        "SELECT (EXTRACT(EPOCH FROM next_run_at - clock_timestamp()) * 1000)::float8 AS wait_ms,
                running_since IS NOT NULL AS running
           FROM job_schedule WHERE job = $1",
    )
    .bind::<Text, _>(job)
    .get_result::<DueRow>(conn)
    .optional()
    .map(|row| {
        row.map(|r| Due {
            wait: millis(r.wait_ms),
            running: r.running,
        })
    })
}

/// Claims `job` if it is due, or if a run is recorded as in progress although the caller
/// holds the job's lock (that run died with its server): marks it running on `instance`
/// and moves its next due time one interval on (fixed rate, no catching up). Call it only
/// while holding the job's advisory lock. `true` when claimed.
pub fn claim(
    conn: &mut PgConnection,
    job: &str,
    every: Duration,
    instance: &str,
) -> QueryResult<bool> {
    let claimed = sql_query(
        "INSERT INTO job_schedule AS s (job, next_run_at, running_since, running_on)
         VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond', clock_timestamp(), $3)
         ON CONFLICT (job) DO UPDATE SET
             next_run_at = CASE
                 WHEN s.next_run_at + $2 * interval '1 millisecond' > clock_timestamp()
                 THEN s.next_run_at + $2 * interval '1 millisecond'
                 ELSE clock_timestamp() + $2 * interval '1 millisecond' END,
             running_since = clock_timestamp(),
             running_on = $3
         WHERE s.next_run_at <= clock_timestamp() OR s.running_since IS NOT NULL",
    )
    .bind::<Text, _>(job)
    .bind::<BigInt, _>(interval_ms(every))
    .bind::<Text, _>(instance)
    .execute(conn)?;
    Ok(claimed == 1)
}

/// Marks `job` running on `instance` without touching when it is due (a run asked for by
/// hand). Call it only while holding the job's advisory lock.
pub fn mark_running(conn: &mut PgConnection, job: &str, instance: &str) -> QueryResult<()> {
    sql_query(
        "INSERT INTO job_schedule AS s (job, next_run_at, running_since, running_on)
         VALUES ($1, clock_timestamp(), clock_timestamp(), $2)
         ON CONFLICT (job) DO UPDATE SET running_since = clock_timestamp(), running_on = $2",
    )
    .bind::<Text, _>(job)
    .bind::<Text, _>(instance)
    .execute(conn)
    .map(|_| ())
}

/// What one run did.
#[derive(Clone, Debug)]
pub struct RunOutcome<'a> {
    /// When it started (the job's clock).
    pub started_at: DateTime<Utc>,
    /// How long it took.
    pub duration: Duration,
    /// Rows it changed.
    pub rows: usize,
    /// Why it failed, if it did.
    pub error: Option<&'a str>,
}

/// Records the end of a run of `job` (counted, idle or not) and returns the time left
/// before it is due again.
pub fn finish(conn: &mut PgConnection, job: &str, run: &RunOutcome<'_>) -> QueryResult<Duration> {
    let rows = i64::try_from(run.rows).unwrap_or(i64::MAX);
    let idle = run.rows == 0 && run.error.is_none();
    sql_query(
        "UPDATE job_schedule SET
             running_since = NULL, running_on = NULL,
             last_run_at = $2, last_duration_ms = $3, last_rows = $4, last_error = $5,
             runs = runs + 1, idle_runs = idle_runs + CASE WHEN $6 THEN 1 ELSE 0 END
         WHERE job = $1
         RETURNING (EXTRACT(EPOCH FROM next_run_at - clock_timestamp()) * 1000)::float8 AS wait_ms",
    )
    .bind::<Text, _>(job)
    .bind::<Timestamptz, _>(run.started_at)
    .bind::<BigInt, _>(interval_ms(run.duration))
    .bind::<BigInt, _>(rows)
    .bind::<Nullable<Text>, _>(run.error)
    .bind::<Bool, _>(idle)
    .get_result::<WaitRow>(conn)
    .optional()
    .map(|row| row.map_or(Duration::ZERO, |r| millis(r.wait_ms)))
}

/// Every job's row, by name.
pub fn all(conn: &mut PgConnection) -> QueryResult<Vec<ScheduledJob>> {
    job_schedule::table
        .order(job_schedule::job)
        .select(ScheduledJob::as_select())
        .load(conn)
}
