//! The trainers' demo tenants: make one, reset it, delete it, move its clock, list them.
//! The back office's trainer pages and `mandat tenant ...` call these; each is blocking
//! (call it off the async executor) and works through a connection of its own to the main
//! database, under the tenants' advisory lock (one operation at a time for the whole
//! service: two servers never make the same name twice or drop a database being reset).
//!
//! A tenant is a database cloned from the template of this binary's migrations
//! ([`databases::ensure_template`]), then seeded at its start instant: the demo world of
//! `seed-demo` relative to that instant (its people's occupations for the quarters around
//! it, its requests made hours and days before it, its links on the tenant's host), or the
//! trainer's own source files. Seeding after the clone rather than cloning a seeded
//! template is what makes the world relative to any start instant; it costs a few hundred
//! milliseconds (measured in the tests). A reset makes a new database the same way (with
//! the same start instant and files) and swaps it in; the old one is dropped.
//!
//! Moving the clock runs, in the tenant's database and at the new instant, every job the
//! elapsed time would have run ([`jobs::Job::CATCH_UP`]), before the new instant is stored.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use diesel::{Connection, PgConnection};
use secrecy::ExposeSecret;
use uuid::Uuid;

use crate::{
    clock::{FixedClock, SharedClock},
    db::{
        DbPool, databases,
        demo_tenants::{self, DemoTenant, NewDemoTenant},
        sessions::{self, Lifetimes},
    },
    domain::{
        calendar::{belgian_date, from_belgian},
        tenant::{
            ClockMove, MoveRefused, TenantInputError, TenantName, earliest_instant, latest_instant,
        },
    },
    i18n::Lang,
    jobs::{self, JobContext},
    services::backoffice::audit::{AuditAction, audit},
    settings::Settings,
    sources::{
        AuthenticSources,
        import::{Batch, ImportError, RowError, SourceTexts, check_texts},
    },
    state::{Tenants, pool_options},
};

/// How long an operation waits for another one (on any server) to end.
const LOCK_PATIENCE: Duration = Duration::from_secs(30);

/// Why an operation on a tenant did not happen.
#[derive(Debug, thiserror::Error)]
pub enum TenantError {
    /// A bad name, move, instant or day.
    #[error(transparent)]
    Input(#[from] TenantInputError),
    /// The name is taken.
    #[error("a demo tenant named {0} exists already")]
    Exists(String),
    /// No tenant has this name.
    #[error("no demo tenant is named {0}")]
    Unknown(String),
    /// No tenant may be made here (`demo_tenants_max` is 0).
    #[error("demo tenants are off here (demo_tenants_max is 0)")]
    Disabled,
    /// As many tenants as `demo_tenants_max` allows exist.
    #[error("the limit of {0} demo tenant(s) is reached (demo_tenants_max): delete one first")]
    LimitReached(u32),
    /// The expiry is not after today.
    #[error("the expiry must be a day after today")]
    ExpiryPast,
    /// The expiry is beyond the longest life.
    #[error("the expiry may be {0} at the latest (demo_tenant_days)")]
    ExpiryTooLate(NaiveDate),
    /// A clock moved backwards (or too far).
    #[error(transparent)]
    Move(#[from] MoveRefused),
    /// The trainer's files hold bad values (nothing was made).
    #[error("{}", ImportError::Invalid(.0.clone()))]
    Sources(Vec<RowError>),
    /// The trainer's files could not be read.
    #[error("{0}")]
    SourcesUnreadable(String),
    /// Another operation on tenants did not end in time.
    #[error("another operation on demo tenants is under way: try again in a moment")]
    Busy,
    /// The database refused, or is unreachable.
    #[error("{0:#}")]
    Failed(anyhow::Error),
}

impl TenantError {
    /// The message key of this error on the trainer's page.
    pub fn message_key(&self) -> &'static str {
        match self {
            TenantError::Input(e) => e.message_key(),
            TenantError::Exists(_) => "tenant-error-exists",
            TenantError::Unknown(_) => "tenant-error-unknown",
            TenantError::Disabled => "tenant-error-disabled",
            TenantError::LimitReached(_) => "tenant-error-limit",
            TenantError::ExpiryPast => "tenant-error-expiry-past",
            TenantError::ExpiryTooLate(_) => "tenant-error-expiry-late",
            TenantError::Move(MoveRefused::Backwards { .. }) => "tenant-error-backwards",
            TenantError::Move(MoveRefused::MovedMeanwhile { .. }) => "tenant-error-moved-meanwhile",
            TenantError::Move(MoveRefused::Input(e)) => e.message_key(),
            TenantError::Sources(_) | TenantError::SourcesUnreadable(_) => "tenant-error-sources",
            TenantError::Busy => "tenant-error-busy",
            TenantError::Failed(_) => "tenant-error-failed",
        }
    }
}

impl From<diesel::result::Error> for TenantError {
    fn from(e: diesel::result::Error) -> Self {
        TenantError::Failed(e.into())
    }
}

impl From<anyhow::Error> for TenantError {
    fn from(e: anyhow::Error) -> Self {
        TenantError::Failed(e)
    }
}

impl From<ImportError> for TenantError {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::Invalid(rows) => TenantError::Sources(rows),
            ImportError::Database(e) => TenantError::Failed(e.into()),
            e => TenantError::SourcesUnreadable(e.to_string()),
        }
    }
}

/// A tenant to make.
#[derive(Clone, Debug)]
pub struct NewTenant {
    /// Its name.
    pub name: TenantName,
    /// Its language.
    pub language: Lang,
    /// The instant its world starts at (default: now).
    pub clock: Option<DateTime<Utc>>,
    /// The last day it lives (Brussels; default and latest: `demo_tenant_days` from today).
    pub expires: Option<NaiveDate>,
    /// The trainer's own source files (default: the demo world).
    pub sources: Option<SourceTexts>,
    /// The staff member who makes it (`None`: the command line).
    pub by: Option<Uuid>,
    /// The display of the form that asks for it (`None`: the command line): the same form
    /// sent again finds the tenant it made.
    pub form_key: Option<String>,
}

/// A tenant's start, expiry and files, checked.
struct Checked {
    start: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    batch: Option<Batch>,
}

/// A tenant made or reset.
#[derive(Clone, Debug)]
pub struct Made {
    /// Its name.
    pub name: String,
    /// Its address.
    pub url: String,
    /// Its language.
    pub language: Lang,
    /// The instant its clock shows (its start).
    pub clock: DateTime<Utc>,
    /// When it will be deleted.
    pub expires_at: DateTime<Utc>,
    /// How long it took.
    pub took: Duration,
}

/// A move of a tenant's clock, done.
#[derive(Clone, Debug)]
pub struct Moved {
    /// The tenant.
    pub name: String,
    /// What the clock showed.
    pub from: DateTime<Utc>,
    /// What it shows now.
    pub to: DateTime<Utc>,
    /// The jobs run, and the rows they changed.
    pub catch_up: jobs::CatchUp,
    /// How long it took.
    pub took: Duration,
}

/// A tenant as the trainer's list shows it.
#[derive(Clone, Debug)]
pub struct TenantSummary {
    /// The registry's row.
    pub tenant: DemoTenant,
    /// Its address.
    pub url: String,
    /// Who made it (`None`: the command line, or a staff member since removed).
    pub created_by: Option<String>,
    /// Whether its world is the trainer's own files.
    pub own_sources: bool,
    /// People signed in now (`None`: its database did not answer).
    pub signed_in: Option<i64>,
}

/// The operations on tenants, with what they need: the settings (the main database, the
/// limits, the hosts), the authentic sources (the demo world's seed reads them), the
/// server's clock (expiries, creation times), and on a server its tenants (whose pools it
/// reuses and forgets).
#[derive(Clone)]
pub struct TenantOps {
    settings: Arc<Settings>,
    sources: Arc<dyn AuthenticSources>,
    clock: SharedClock,
    tenants: Option<Tenants>,
}

impl TenantOps {
    /// The operations for these settings, sources and server clock.
    pub fn new(
        settings: Arc<Settings>,
        sources: Arc<dyn AuthenticSources>,
        clock: SharedClock,
    ) -> TenantOps {
        TenantOps {
            settings,
            sources,
            clock,
            tenants: None,
        }
    }

    /// The same, on a server: the pools of its tenants are reused, and forgotten when a
    /// tenant is reset or deleted.
    pub fn on_server(mut self, tenants: Tenants) -> TenantOps {
        self.tenants = Some(tenants);
        self
    }

    fn main_url(&self) -> &str {
        self.settings.database_url.expose_secret()
    }

    fn tenant_url(&self, database: &str) -> String {
        databases::url_with_database(self.main_url(), database)
    }

    /// A connection of its own to the main database, the tenants' lock taken.
    fn locked(&self) -> Result<Locked, TenantError> {
        let mut conn = PgConnection::establish(self.main_url())
            .map_err(|e| TenantError::Failed(anyhow::anyhow!("main database: {e}")))?;
        if !demo_tenants::lock(&mut conn, LOCK_PATIENCE)? {
            return Err(TenantError::Busy);
        }
        Ok(Locked(conn))
    }

    /// The lock, and the row of tenant `name` (an unknown one is refused).
    fn locked_with(&self, name: &str) -> Result<(Locked, DemoTenant), TenantError> {
        let mut locked = self.locked()?;
        let row = demo_tenants::find(&mut locked.0, name)?
            .ok_or_else(|| TenantError::Unknown(name.to_string()))?;
        Ok((locked, row))
    }

    fn forget(&self, name: &str) {
        if let Some(tenants) = &self.tenants {
            tenants.evict(name);
        }
    }

    /// The instant a tenant made now expires at: the end (in Brussels) of `expires`, by
    /// default and at the latest `demo_tenant_days` after today.
    fn expiry(&self, expires: Option<NaiveDate>) -> Result<DateTime<Utc>, TenantError> {
        let now = self.clock.now();
        let today = belgian_date(now);
        let latest = today
            .checked_add_days(Days::new(
                self.settings.demo_tenants.lifetime_days.unsigned_abs(),
            ))
            .unwrap_or(today);
        let day = expires.unwrap_or(latest);
        if day <= today {
            return Err(TenantError::ExpiryPast);
        }
        if day > latest {
            return Err(TenantError::ExpiryTooLate(latest));
        }
        day.checked_add_days(Days::new(1))
            .and_then(|next| from_belgian(next.and_time(NaiveTime::MIN)))
            .ok_or(TenantError::ExpiryPast)
    }

    /// Every refusal of a tenant's start instant, last day and files, at once and before any
    /// work (a form names all that is wrong, not one thing a time): what [`Self::create`]
    /// refuses first of them.
    pub fn check(
        &self,
        clock: Option<DateTime<Utc>>,
        expires: Option<NaiveDate>,
        sources: Option<&SourceTexts>,
    ) -> Vec<TenantError> {
        self.checked(clock, expires, sources)
            .err()
            .unwrap_or_default()
    }

    /// What [`Self::check`] checks, and what it gives: the start instant, the expiry, the
    /// trainer's files read.
    fn checked(
        &self,
        clock: Option<DateTime<Utc>>,
        expires: Option<NaiveDate>,
        sources: Option<&SourceTexts>,
    ) -> Result<Checked, Vec<TenantError>> {
        let mut errors = Vec::new();
        let start = clock.unwrap_or_else(|| self.clock.now());
        if !(earliest_instant()..latest_instant()).contains(&start) {
            errors.push(TenantInputError::InstantOutOfRange.into());
        }
        let expires_at = self.expiry(expires).map_err(|e| errors.push(e)).ok();
        let files = sources.filter(|texts| !texts.is_empty());
        let batch = match files.map(check_texts).transpose() {
            Ok(batch) => batch,
            Err(e) => {
                errors.push(e.into());
                None
            }
        };
        match expires_at {
            Some(expires_at) if errors.is_empty() => Ok(Checked {
                start,
                expires_at,
                batch,
            }),
            _ => Err(errors),
        }
    }

    /// Makes a tenant: checks the name, the limits and the trainer's files, clones the
    /// template, seeds the world at its start instant, registers it.
    pub fn create(&self, new: &NewTenant) -> Result<Made, TenantError> {
        let started = Instant::now();
        let now = self.clock.now();
        let Checked {
            start,
            expires_at,
            batch,
        } = self
            .checked(new.clock, new.expires, new.sources.as_ref())
            .map_err(|mut refused| refused.swap_remove(0))?;
        let name = new.name.as_str();
        let mut locked = self.locked()?;
        let conn = &mut locked.0;
        if let (Some(by), Some(key)) = (new.by, &new.form_key)
            && let Some(row) = demo_tenants::made_by_form(conn, name, by, key)?
        {
            return Ok(self.made(
                name,
                "made already",
                row.language,
                row.clock_at,
                row.expires_at,
                started,
            ));
        }
        if demo_tenants::find(conn, name)?.is_some() {
            return Err(TenantError::Exists(name.to_string()));
        }
        let max = self.settings.demo_tenants.max;
        if max == 0 {
            return Err(TenantError::Disabled);
        }
        if demo_tenants::count(conn)? >= i64::from(max) {
            return Err(TenantError::LimitReached(max));
        }
        let database = self.build(conn, name, start, batch.as_ref())?;
        let sources = match (&new.sources, &batch) {
            (Some(texts), Some(_)) => {
                Some(serde_json::to_value(texts).map_err(|e| TenantError::Failed(e.into()))?)
            }
            _ => None,
        };
        let row = NewDemoTenant {
            name,
            language: new.language,
            database_name: &database,
            start_at: start,
            clock_at: start,
            expires_at,
            sources,
            created_by: new.by,
            created_at: now,
            form_key: new.form_key.as_deref(),
        };
        let registered = conn.transaction(|conn| {
            demo_tenants::insert(conn, &row)?;
            if let Some(by) = new.by {
                let detail = format!("{} {}", new.language.code(), start.to_rfc3339());
                audit(
                    conn,
                    by,
                    AuditAction::TenantCreate,
                    Some(name),
                    Some(&detail),
                    now,
                )?;
            }
            Ok::<_, diesel::result::Error>(())
        });
        if let Err(e) = registered {
            drop_quietly(conn, &database);
            return Err(e.into());
        }
        Ok(self.made(name, "made", new.language, start, expires_at, started))
    }

    /// The tenant `name` made or reset (`done`) since `started`, logged.
    fn made(
        &self,
        name: &str,
        done: &str,
        language: Lang,
        clock: DateTime<Utc>,
        expires_at: DateTime<Utc>,
        started: Instant,
    ) -> Made {
        tracing::info!(
            tenant = name,
            ms = started.elapsed().as_millis() as u64,
            "demo tenant {done}"
        );
        Made {
            name: name.to_string(),
            url: self.settings.demo_tenant_url(name),
            language,
            clock,
            expires_at,
            took: started.elapsed(),
        }
    }

    /// Clones the template into a new database for the tenant `name` and seeds it at
    /// `start` (the demo world, or `batch`); the new database's name. Dropped again on
    /// failure.
    fn build(
        &self,
        conn: &mut PgConnection,
        name: &str,
        start: DateTime<Utc>,
        batch: Option<&Batch>,
    ) -> Result<String, TenantError> {
        let started = Instant::now();
        let main = databases::current_database(conn)?;
        let database = databases::new_tenant_database_name(&main, name);
        let comment = databases::tenant_comment(&main);
        let template = databases::ensure_template(conn, self.main_url())?;
        if let Err(e) = databases::create_from_template(conn, &database, &template, &comment) {
            // A server of other migrations (a deployment under way) built its own template
            // and dropped ours meanwhile: build ours again, once.
            if databases::exists(conn, &template)? {
                return Err(e.into());
            }
            let template = databases::ensure_template(conn, self.main_url())?;
            databases::create_from_template(conn, &database, &template, &comment)?;
        }
        let cloned = started.elapsed();
        let url = self.settings.demo_tenant_url(name);
        let (sources, keys) = (self.sources.as_ref(), &self.settings.keyring);
        let seeded = PgConnection::establish(&self.tenant_url(&database))
            .map_err(anyhow::Error::from)
            .and_then(|mut tenant| match batch {
                None => super::seed_demo_with(&mut tenant, sources, start, &url, keys).map(drop),
                Some(batch) => super::seed_own_sources(&mut tenant, batch, start).map(|_| ()),
            });
        if let Err(e) = seeded {
            drop_quietly(conn, &database);
            return Err(TenantError::Failed(e.context("seeding the demo tenant")));
        }
        tracing::info!(
            tenant = name,
            clone_ms = cloned.as_millis() as u64,
            seed_ms = (started.elapsed() - cloned).as_millis() as u64,
            "demo tenant's database made"
        );
        Ok(database)
    }

    /// Gives back the tenant's seeded world and its start instant (a new database, seeded
    /// as at its creation, swapped in; the old one dropped: everybody in it is signed out).
    pub fn reset(&self, name: &TenantName, by: Option<Uuid>) -> Result<Made, TenantError> {
        let started = Instant::now();
        let name = name.as_str();
        let (mut locked, row) = self.locked_with(name)?;
        let conn = &mut locked.0;
        let batch = match demo_tenants::sources_of(conn, name)? {
            Some(value) => {
                let texts: SourceTexts =
                    serde_json::from_value(value).map_err(|e| TenantError::Failed(e.into()))?;
                Some(check_texts(&texts)?)
            }
            None => None,
        };
        let database = self.build(conn, name, row.start_at, batch.as_ref())?;
        let now = self.clock.now();
        let replaced = conn.transaction(|conn| {
            let old = demo_tenants::replace_database(conn, name, &database, now)?;
            if let (Some(by), Some(_)) = (by, &old) {
                audit(conn, by, AuditAction::TenantReset, Some(name), None, now)?;
            }
            Ok::<_, diesel::result::Error>(old)
        });
        let old = match replaced {
            Ok(Some(old)) => old,
            Ok(None) => {
                drop_quietly(conn, &database);
                return Err(TenantError::Unknown(name.to_string()));
            }
            Err(e) => {
                drop_quietly(conn, &database);
                return Err(e.into());
            }
        };
        self.forget(name);
        // Should the drop fail, the old database is an orphan `expire-tenants` drops.
        drop_quietly(conn, &old);
        Ok(self.made(
            name,
            "reset",
            row.language,
            row.start_at,
            row.expires_at,
            started,
        ))
    }

    /// Deletes the tenant and its database.
    pub fn delete(&self, name: &TenantName, by: Option<Uuid>) -> Result<(), TenantError> {
        let name = name.as_str();
        let mut locked = self.locked()?;
        let conn = &mut locked.0;
        let now = self.clock.now();
        let database = conn.transaction(|conn| {
            let database = demo_tenants::delete(conn, name)?;
            if let (Some(by), Some(_)) = (by, &database) {
                audit(conn, by, AuditAction::TenantDelete, Some(name), None, now)?;
            }
            Ok::<_, diesel::result::Error>(database)
        })?;
        let database = database.ok_or_else(|| TenantError::Unknown(name.to_string()))?;
        self.forget(name);
        databases::drop_database(conn, &database)?;
        tracing::info!(tenant = name, "demo tenant deleted");
        Ok(())
    }

    /// Moves the tenant's clock forward: runs, in its database and at the new instant,
    /// every job the elapsed time would have run ([`jobs::Job::CATCH_UP`], in order), then
    /// stores the new instant. Refused backwards; a move to the instant it shows changes
    /// nothing.
    pub fn move_clock(
        &self,
        name: &TenantName,
        to: ClockMove,
        by: Option<Uuid>,
    ) -> Result<Moved, TenantError> {
        let started = Instant::now();
        let name = name.as_str();
        let (mut locked, row) = self.locked_with(name)?;
        let conn = &mut locked.0;
        let from = row.clock_at;
        let Some(target) = to.check(from)? else {
            return Ok(Moved {
                name: name.to_string(),
                from,
                to: from,
                catch_up: jobs::CatchUp::default(),
                took: started.elapsed(),
            });
        };
        let pool = self.pool_of(&row);
        let ctx = JobContext {
            pool,
            clock: Arc::new(FixedClock(target)),
            session_clock: self.clock.clone(),
            settings: self.settings.clone(),
            demo: true,
        };
        let catch_up = jobs::catch_up_blocking(&ctx, LOCK_PATIENCE)?;
        let now = self.clock.now();
        conn.transaction(|conn| {
            if !demo_tenants::set_clock(conn, name, from, target)? {
                return Err(diesel::result::Error::RollbackTransaction);
            }
            if let Some(by) = by {
                let detail = format!("{} -> {}", from.to_rfc3339(), target.to_rfc3339());
                audit(
                    conn,
                    by,
                    AuditAction::TenantClock,
                    Some(name),
                    Some(&detail),
                    now,
                )?;
            }
            Ok(())
        })
        .map_err(|e| match e {
            diesel::result::Error::RollbackTransaction => TenantError::Unknown(name.to_string()),
            e => e.into(),
        })?;
        tracing::info!(
            tenant = name,
            runs = catch_up.runs,
            rows = catch_up.rows,
            ms = started.elapsed().as_millis() as u64,
            "demo tenant's clock moved"
        );
        Ok(Moved {
            name: name.to_string(),
            from,
            to: target,
            catch_up,
            took: started.elapsed(),
        })
    }

    /// The pool of a tenant's database: the server's own when there is one, else a small
    /// one for this operation.
    fn pool_of(&self, row: &DemoTenant) -> DbPool {
        if let Some(pool) = self.tenants.as_ref().and_then(|t| t.pool_of(row).ok()) {
            return pool;
        }
        let mut options = pool_options(&self.settings);
        options.size = 2;
        DbPool::new(&self.tenant_url(&row.database_name), &options)
    }

    /// Every tenant, by name, with the people signed in in each.
    pub fn list(&self) -> Result<Vec<TenantSummary>, TenantError> {
        let mut conn = PgConnection::establish(self.main_url())
            .map_err(|e| TenantError::Failed(anyhow::anyhow!("main database: {e}")))?;
        let rows = demo_tenants::list(&mut conn)?;
        drop(conn);
        let lifetimes = Lifetimes {
            idle: self.settings.sessions.idle,
            absolute: self.settings.sessions.absolute,
        };
        let now = self.clock.now();
        Ok(rows
            .into_iter()
            .map(|listed| {
                let pool = self.pool_of(&listed.tenant);
                let signed_in = pool
                    .run(|conn| {
                        sessions::count_live_people(conn, now, lifetimes)
                            .map_err(crate::db::DbError::from)
                    })
                    .ok();
                TenantSummary {
                    url: self.settings.demo_tenant_url(&listed.tenant.name),
                    own_sources: listed.own_sources,
                    tenant: listed.tenant,
                    created_by: listed.created_by,
                    signed_in,
                }
            })
            .collect())
    }
}

/// A connection to the main database holding the tenants' lock (released when dropped:
/// explicitly, or by the connection's end).
struct Locked(PgConnection);

impl Drop for Locked {
    fn drop(&mut self) {
        if let Err(e) = demo_tenants::unlock(&mut self.0) {
            tracing::warn!(error = %e, "tenants' lock not released (it goes with the connection)");
        }
    }
}

/// Drops a database made by a failed operation; a failure is logged (`expire-tenants`
/// drops it later as an orphan).
fn drop_quietly(conn: &mut PgConnection, database: &str) {
    if let Err(e) = databases::drop_database(conn, database) {
        tracing::warn!(database, error = %e, "database not dropped: left to expire-tenants");
    }
}
