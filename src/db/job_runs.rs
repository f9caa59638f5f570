//! The `job_runs` table: one row per run of a background job, for the back-office
//! dashboard (when, how long, how many rows, the error if it failed).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::job_runs;

/// One recorded run of a job.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = job_runs, check_for_backend(diesel::pg::Pg))]
pub struct JobRun {
    /// Id.
    pub id: i64,
    /// The job's name.
    pub job: String,
    /// When it started (the tenant's clock).
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

/// Records one run.
pub fn record(
    conn: &mut PgConnection,
    job: &str,
    started_at: DateTime<Utc>,
    finished_at: DateTime<Utc>,
    rows: usize,
    error: Option<&str>,
) -> QueryResult<()> {
    diesel::insert_into(job_runs::table)
        .values((
            job_runs::job.eq(job),
            job_runs::started_at.eq(started_at),
            job_runs::finished_at.eq(finished_at),
            job_runs::rows_affected.eq(i64::try_from(rows).unwrap_or(i64::MAX)),
            job_runs::error.eq(error),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The last run of every job that ever ran, by job name.
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

/// Deletes the runs started at or before `cutoff`, batched (see
/// [`super::retention::batched`]).
pub fn purge(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<usize> {
    super::retention::batched(
        conn,
        "DELETE FROM job_runs WHERE id IN
             (SELECT id FROM job_runs WHERE started_at <= $1 LIMIT $2)",
        cutoff,
    )
}
