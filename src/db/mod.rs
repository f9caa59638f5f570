//! Database access: the r2d2 pool, embedded migrations, and a helper to run diesel's
//! synchronous queries off the async executor. Model functions take `&mut PgConnection`
//! so they run on a pooled connection or inside a transaction alike.

pub mod access_requests;
pub mod companies;
pub mod consultations;
pub mod databases;
pub mod demo_tenants;
pub mod flexi_positives;
pub mod idempotency_keys;
pub mod job_runs;
pub mod job_schedule;
pub mod merged;
pub mod migrations;
pub mod pool;
pub mod rate_limits;
pub mod request_counts;
pub mod request_events;
pub mod retention;
#[allow(missing_docs)]
pub mod schema;
pub mod sessions;
pub mod staff;
pub mod text;
pub mod types;
pub mod webhook_deliveries;

use diesel::PgConnection;

pub use migrations::{MIGRATIONS, run_migrations};
pub use pool::{DbConn, DbPool, PoolOptions, is_transient};

/// Errors of the database layer as the rest of the application sees them.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// No connection could be had (database down, pool exhausted).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A query failed.
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

impl DbError {
    /// Whether trying again later may work: no connection, a lost one, or a statement or
    /// lock timeout (answered 503, not 500).
    pub fn is_transient(&self) -> bool {
        match self {
            DbError::Unavailable(_) => true,
            DbError::Query(e) => is_transient(e),
        }
    }
}

/// Runs `f` on the blocking thread pool with `pool`; a task that fails to finish is
/// `Unavailable`.
async fn on_blocking_thread<T, E>(
    pool: &DbPool,
    f: impl FnOnce(&DbPool) -> Result<T, E> + Send + 'static,
) -> Result<T, E>
where
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    let pool = pool.clone();
    match actix_web::rt::task::spawn_blocking(move || f(&pool)).await {
        Ok(result) => result,
        Err(join) => Err(E::from(DbError::Unavailable(format!(
            "blocking task failed: {join}"
        )))),
    }
}

/// Runs `f` with a connection of the sessions' own pool on the blocking thread pool.
pub async fn run_blocking_sessions<T: Send + 'static, E: From<DbError> + Send + 'static>(
    pool: &DbPool,
    f: impl FnOnce(&mut PgConnection) -> Result<T, E> + Send + 'static,
) -> Result<T, E> {
    on_blocking_thread(pool, move |pool| pool.run_sessions(f)).await
}

/// Runs `f` with a pooled connection on the blocking thread pool.
pub async fn run_blocking<T: Send + 'static, E: From<DbError> + Send + 'static>(
    pool: &DbPool,
    f: impl FnOnce(&mut PgConnection) -> Result<T, E> + Send + 'static,
) -> Result<T, E> {
    on_blocking_thread(pool, move |pool| pool.run(f)).await
}
