//! Database access: the r2d2 pool, embedded migrations, and a helper to run diesel's
//! synchronous queries off the async executor. Model functions take `&mut PgConnection`
//! so they run on a pooled connection or inside a transaction alike.

pub mod access_requests;
pub mod companies;
pub mod consultations;
pub mod flexi_positives;
pub mod job_runs;
pub mod request_events;
pub mod retention;
#[allow(missing_docs)]
pub mod schema;
pub mod sessions;
pub mod staff;
pub mod text;
pub mod types;
pub mod webhook_deliveries;

use diesel::{
    PgConnection,
    r2d2::{ConnectionManager, Pool, PooledConnection},
};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

/// The embedded migrations (the `migrations/` folder, compiled in).
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// A pool of PostgreSQL connections.
pub type DbPool = Pool<ConnectionManager<PgConnection>>;
/// One pooled connection.
pub type DbConn = PooledConnection<ConnectionManager<PgConnection>>;

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

/// Builds a pool. Connections are opened lazily, so a database that is down at start does
/// not stop the server from serving its health and error pages.
pub fn build_pool(url: &str, size: u32) -> DbPool {
    let manager = ConnectionManager::<PgConnection>::new(url);
    Pool::builder()
        .max_size(size)
        .min_idle(Some(0))
        .connection_timeout(std::time::Duration::from_secs(5))
        .test_on_check_out(false)
        .build_unchecked(manager)
}

/// Applies every pending migration; returns how many ran.
pub fn run_migrations(conn: &mut PgConnection) -> anyhow::Result<usize> {
    let applied = conn
        .run_pending_migrations(MIGRATIONS)
        .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
    Ok(applied.len())
}

/// Runs `f` with a pooled connection on the blocking thread pool.
pub async fn run_blocking<T, E, F>(pool: &DbPool, f: F) -> Result<T, E>
where
    F: FnOnce(&mut PgConnection) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    let pool = pool.clone();
    match actix_web::rt::task::spawn_blocking(move || {
        let mut conn = pool
            .get()
            .map_err(|e| E::from(DbError::Unavailable(e.to_string())))?;
        f(&mut conn)
    })
    .await
    {
        Ok(result) => result,
        Err(join) => Err(E::from(DbError::Unavailable(format!(
            "blocking task failed: {join}"
        )))),
    }
}
