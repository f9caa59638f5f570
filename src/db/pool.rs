//! The pool of PostgreSQL connections, and what it does when the database goes away.
//!
//! - A short wait for a free connection (`database_pool_wait_ms`, 1 s by default): when the
//!   database is down or every connection is busy, the request is answered 503 in about a
//!   second instead of hanging.
//! - Every connection runs with a `statement_timeout` and a `lock_timeout`, so that one
//!   long lock cannot hold every connection of the pool, and without JIT compilation:
//!   PostgreSQL compiles a statement whose *estimated* cost is high, and a page's
//!   statement can be estimated so at ten million rows while it reads a few (the tab
//!   badges' statement: 0.5 ms of work, 47 ms of compiling, at every page).
//! - A dead connection is never handed out twice. Every query error of a connection is
//!   noticed (diesel instrumentation); after one, the connection is probed at once, which
//!   marks a dead one broken (r2d2 then drops it). Once a dead one is seen, every
//!   connection made before it is probed at its next check-out (an epoch per connection),
//!   so that the others die in the pool, not in a request. Outside such an outage nothing
//!   is probed: no extra round trip per request.
//! - The log says once that the database is gone and once that it is back.
//! - A second, tiny pool serves the readiness probe (`/readyz`), so that a busy main pool
//!   does not take the server out of a load balancer.

use std::{
    cell::Cell,
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use diesel::{
    PgConnection,
    connection::{Instrumentation, InstrumentationEvent, SimpleConnection},
    r2d2::{self, ConnectionManager, CustomizeConnection, HandleError, R2D2Connection},
    result::{DatabaseErrorKind, Error as QueryError},
};

use super::DbError;

/// One pooled connection.
pub type DbConn = r2d2::PooledConnection<ConnectionManager<PgConnection>>;

type Inner = r2d2::Pool<ConnectionManager<PgConnection>>;

/// How the pool behaves.
#[derive(Clone, Debug)]
pub struct PoolOptions {
    /// Largest number of connections.
    pub size: u32,
    /// Longest wait for a free connection before answering "unavailable".
    pub wait: Duration,
    /// `statement_timeout` of every connection (zero: none).
    pub statement_timeout: Duration,
    /// `lock_timeout` of every connection (zero: none).
    pub lock_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions {
            size: 10,
            wait: Duration::from_secs(1),
            statement_timeout: Duration::from_secs(5),
            lock_timeout: Duration::from_secs(1),
        }
    }
}

/// Whether the database answers, shared by the main and the readiness pools; logs each
/// change once.
#[derive(Debug, Default)]
pub struct Health {
    /// Set while the database is believed gone.
    down: AtomicBool,
    /// Bumped each time a connection is found dead: connections older than this are
    /// pinged before they are handed out.
    epoch: AtomicU64,
    /// When the database was found gone (ms since `started`), for the "back" message.
    down_since_ms: AtomicU64,
    /// Last "pool exhausted" warning (ms since `started`, 0: never).
    exhausted_warned_ms: AtomicU64,
    /// Reference instant of the millisecond counters.
    started: std::sync::OnceLock<Instant>,
    /// SQL statements run on the connections of this database (all its pools), the
    /// connections' own setup excepted: the query budget of a page is read from it.
    statements: AtomicU64,
}

impl Health {
    fn ms(&self) -> u64 {
        let started = self.started.get_or_init(Instant::now);
        u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// How many SQL statements the connections of this database have run (`BEGIN` and
    /// `COMMIT` included; not the setup of a new connection). One relaxed atomic add per
    /// statement: always on, so that a test can hold a page to its query budget.
    pub fn statements(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// Whether the database is believed gone.
    pub fn is_down(&self) -> bool {
        self.down.load(Ordering::Relaxed)
    }

    /// A connection could not be made.
    fn unreachable(&self, error: &str) {
        if !self.down.swap(true, Ordering::AcqRel) {
            self.down_since_ms.store(self.ms(), Ordering::Relaxed);
            tracing::error!(
                error,
                "database unreachable: answering 503 until it is back"
            );
        }
    }

    /// A connection was found dead (the server went away, or killed it).
    fn lost(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
        if !self.down.swap(true, Ordering::AcqRel) {
            self.down_since_ms.store(self.ms(), Ordering::Relaxed);
            tracing::error!("database connection lost: answering 503 until it is back");
        }
    }

    /// A connection worked.
    fn answered(&self) {
        if self.down.load(Ordering::Relaxed) && self.down.swap(false, Ordering::AcqRel) {
            let gone_ms = self
                .ms()
                .saturating_sub(self.down_since_ms.load(Ordering::Relaxed));
            tracing::info!(gone_ms, "database reachable again");
        }
    }

    /// No connection was free in time although the database answers: at most one warning
    /// every 10 seconds.
    fn exhausted(&self, size: u32) {
        let now = self.ms().max(1);
        let last = self.exhausted_warned_ms.load(Ordering::Relaxed);
        if (last == 0 || now.saturating_sub(last) >= 10_000)
            && self
                .exhausted_warned_ms
                .compare_exchange(last, now, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
        {
            tracing::warn!(
                pool_size = size,
                "no database connection free in time: answering 503"
            );
        }
    }
}

/// The epoch a connection was last known good in (r2d2 extension of the connection).
struct Epoch(u64);

/// Reports r2d2's connection errors to [`Health`] instead of logging each one.
#[derive(Debug)]
struct ReportErrors(Arc<Health>);

impl HandleError<r2d2::Error> for ReportErrors {
    fn handle_error(&self, error: r2d2::Error) {
        self.0.unreachable(&error.to_string());
    }
}

thread_local! {
    /// Set when a query of this thread failed in a way that may mean a lost connection.
    /// A pooled connection is used by one thread at a time, and diesel reports each query
    /// to its instrumentation on the thread that runs it.
    static QUERY_FAILED: Cell<bool> = const { Cell::new(false) };
}

/// Notices the query errors of a connection that may mean it is gone (not constraint
/// violations and the like, which say nothing of the connection), and counts its
/// statements ([`Health::statements`]).
struct NoticeFailures(Arc<Health>);

impl Instrumentation for NoticeFailures {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            self.0.statements.fetch_add(1, Ordering::Relaxed);
            // `RUST_LOG=mandat::sql=trace` lists them (with their bind parameters: never
            // in production).
            tracing::trace!(target: "mandat::sql", query = %query, "statement");
        } else if let InstrumentationEvent::FinishQuery {
            error:
                Some(QueryError::DatabaseError(
                    DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::Unknown,
                    _,
                )),
            ..
        } = event
        {
            QUERY_FAILED.with(|f| f.set(true));
        }
    }
}

/// Sets up every new connection: its timeouts (one round trip, at connection time) and
/// the instrumentation noticing failures and counting statements.
#[derive(Debug)]
struct Setup {
    sql: String,
    health: Arc<Health>,
}

impl CustomizeConnection<PgConnection, r2d2::Error> for Setup {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), r2d2::Error> {
        // The setup first: it is the connection's, not a page's statement (a failure here
        // fails the connection itself).
        conn.batch_execute(&self.sql)
            .map_err(r2d2::Error::QueryError)?;
        diesel::Connection::set_instrumentation(conn, NoticeFailures(self.health.clone()));
        Ok(())
    }
}

/// Whether `conn` answers: a simple query, which marks a dead connection broken (diesel's
/// prepared-statement path does not always do so).
fn probe(conn: &mut PgConnection) -> bool {
    conn.batch_execute("SELECT 1").is_ok()
}

fn timeouts_sql(statement: Duration, lock: Duration) -> String {
    format!(
        "SET statement_timeout = {}; SET lock_timeout = {}; SET jit = off",
        statement.as_millis(),
        lock.as_millis()
    )
}

/// The pools of one database: the main one, the readiness probe's and the sessions', with
/// their health. Sessions have connections of their own: a page's session is read even
/// while long statements or a lock hold every connection of the main pool.
#[derive(Clone)]
pub struct DbPool {
    main: Inner,
    probe: Inner,
    sessions: Inner,
    health: Arc<Health>,
    options: Arc<PoolOptions>,
}

impl std::fmt::Debug for DbPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DbPool")
            .field("options", &self.options)
            .field("down", &self.health.is_down())
            .finish()
    }
}

/// Connections of the sessions' pool (one indexed read or write per page).
const SESSION_CONNECTIONS: u32 = 4;
/// How long a page waits for its session while the database is known to be down.
const SESSION_WAIT_WHILE_DOWN: Duration = Duration::from_millis(100);

fn build(url: &str, size: u32, wait: Duration, sql: String, health: &Arc<Health>) -> Inner {
    r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(0))
        .connection_timeout(wait)
        .test_on_check_out(false)
        .error_handler(Box::new(ReportErrors(health.clone())))
        .connection_customizer(Box::new(Setup {
            sql,
            health: health.clone(),
        }))
        .build_unchecked(ConnectionManager::<PgConnection>::new(url))
}

impl DbPool {
    /// The pools of the database at `url`. Connections are opened lazily, so a database
    /// that is down at start does not stop the server from serving its health and error
    /// pages.
    pub fn new(url: &str, options: &PoolOptions) -> DbPool {
        let health = Arc::new(Health::default());
        let sql = timeouts_sql(options.statement_timeout, options.lock_timeout);
        let main = build(url, options.size, options.wait, sql, &health);
        // The probe: two connections, short statements, the same wait.
        let probe_timeout = Duration::from_secs(1);
        let probe = build(
            url,
            2,
            options.wait,
            timeouts_sql(probe_timeout, probe_timeout),
            &health,
        );
        // The sessions: a few connections, one-row statements.
        let sessions = build(
            url,
            SESSION_CONNECTIONS,
            options.wait,
            timeouts_sql(probe_timeout, probe_timeout),
            &health,
        );
        DbPool {
            main,
            probe,
            sessions,
            health,
            options: Arc::new(options.clone()),
        }
    }

    /// Its options.
    pub fn options(&self) -> &PoolOptions {
        &self.options
    }

    /// Whether the database answers, as last seen.
    pub fn health(&self) -> &Health {
        &self.health
    }

    /// An identity of this pool (the same for its clones), e.g. to key a cache per tenant.
    pub fn id(&self) -> usize {
        Arc::as_ptr(&self.health) as usize
    }

    /// A connection of the main pool, within the pool's wait.
    pub fn get(&self) -> Result<DbConn, DbError> {
        self.checkout(&self.main, self.options.size, self.options.wait)
    }

    fn checkout(&self, pool: &Inner, size: u32, wait: Duration) -> Result<DbConn, DbError> {
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let mut conn = match pool.get_timeout(left) {
                Ok(conn) => conn,
                Err(e) => {
                    let message = e.to_string();
                    if !self.health.is_down() {
                        self.health.exhausted(size);
                    }
                    return Err(DbError::Unavailable(message));
                }
            };
            let epoch = self.health.epoch.load(Ordering::Acquire);
            let seen = r2d2::PooledConnection::extensions(&conn)
                .get::<Epoch>()
                .map_or(0, |e| e.0);
            if seen >= epoch {
                return Ok(conn);
            }
            // Made before a connection was found dead: probe it once.
            if probe(&mut conn) {
                r2d2::PooledConnection::extensions_mut(&mut conn).insert(Epoch(epoch));
                self.health.answered();
                return Ok(conn);
            }
            // The failed probe marked it broken: r2d2 drops it when it comes back.
            drop(conn);
            if Instant::now() >= deadline {
                return Err(DbError::Unavailable("connection lost".into()));
            }
        }
    }

    /// Runs `f` on a connection of the main pool (blocking), then looks at the
    /// connection: one that broke under `f` is counted as lost, and `f`'s error becomes
    /// [`DbError::Unavailable`].
    pub fn run<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, E>,
        E: From<DbError>,
    {
        let mut conn = self.get()?;
        self.watch(&mut conn, f)
    }

    /// [`DbPool::run`] on the sessions' own pool.
    pub fn run_sessions<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, E>,
        E: From<DbError>,
    {
        // While the database is known to be down, a page does not wait for its session: it
        // is served as to somebody not signed in (or answers 503 if it needs the database).
        let wait = if self.health.is_down() {
            SESSION_WAIT_WHILE_DOWN
        } else {
            self.options.wait
        };
        let mut conn = self.checkout(&self.sessions, SESSION_CONNECTIONS, wait)?;
        self.watch(&mut conn, f)
    }

    /// [`DbPool::run`] on the readiness probe's own pool.
    pub fn run_probe<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, E>,
        E: From<DbError>,
    {
        let mut conn = self.checkout(&self.probe, 2, self.options.wait)?;
        self.watch(&mut conn, f)
    }

    fn watch<T, E, F>(&self, conn: &mut DbConn, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, E>,
        E: From<DbError>,
    {
        QUERY_FAILED.with(|f| f.set(false));
        let result = f(conn);
        let failed = QUERY_FAILED.with(|f| f.replace(false));
        // After a failure, a probe tells a dead connection (and marks it broken) from a
        // live one that refused one statement.
        if (failed || R2D2Connection::is_broken(&mut **conn))
            && !probe(conn)
            && R2D2Connection::is_broken(&mut **conn)
        {
            self.health.lost();
            if result.is_err() {
                return Err(E::from(DbError::Unavailable("connection lost".into())));
            }
        } else {
            self.health.answered();
        }
        result
    }
}

/// Whether a query failed for a reason that passes: the connection was lost, or a
/// statement or lock timeout fired. Such failures are answered 503 ("try again"), not 500.
///
/// PostgreSQL's timeouts have no error kind of their own in diesel: they are recognised
/// by their message, which PostgreSQL writes in English unless `lc_messages` says
/// otherwise (the default, and what the README asks for).
pub fn is_transient(error: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match error {
        Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => true,
        Error::DatabaseError(DatabaseErrorKind::Unknown, info) => {
            let m = info.message();
            [
                "canceling statement due to statement timeout",
                "canceling statement due to lock timeout",
                "terminating connection",
                "no connection to the server",
                "server closed the connection unexpectedly",
                "could not send data to server",
                "could not receive data from server",
                "connection to server",
                "SSL connection has been closed unexpectedly",
            ]
            .iter()
            .any(|p| m.starts_with(p))
                || m.contains("the database system is")
        }
        _ => false,
    }
}
