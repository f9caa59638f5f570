//! The application state: validated settings, the tenants (each a database and a clock),
//! the authentic sources, the OpenID Connect relying party and the shared rate limits.
//!
//! Not a web thing: the web pages, the API, the background jobs and the command line all
//! start from it.
//!
//! Tenants: the main one is the real service (its database and the injected clock); each
//! demo tenant of the trainers is a database of its own, reached at
//! `{name}.{demo_base_host}`, whose clock is the instant stored in the main database's
//! `demo_tenants` row. A request to a tenant's host reads that row (one indexed read on
//! the main database, each request: every server sees a move of the clock, a reset or a
//! deletion at once, and nothing is cached that another server could change); the
//! tenant's pool is made on the first request and kept while the row names the same
//! database.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use chrono::{DateTime, Utc};
use secrecy::ExposeSecret;

use crate::{
    auth::{DemoIdentityProvider, oidc::OidcProvider},
    clock::{FixedClock, SharedClock},
    db::{
        DbError, DbPool, PoolOptions, databases,
        demo_tenants::{self, DemoTenant},
        migrations,
    },
    domain::tenant::TenantName,
    i18n::Lang,
    limits::RateLimit,
    services::backoffice::audit::PersonKey,
    settings::Settings,
    sources::{AuthenticSources, PgSources},
};

/// What every handler, API call and job may reach.
#[derive(Clone)]
pub struct AppState {
    /// Validated settings.
    pub settings: Arc<Settings>,
    /// The tenants: the main database and the trainers' demo tenants.
    pub tenants: Tenants,
    /// The authentic sources the answers are drawn from.
    pub sources: Arc<dyn AuthenticSources>,
    /// The OpenID Connect relying party, when a provider is configured (the main tenant
    /// only: its redirect URI is the main site's).
    pub oidc: Option<Arc<OidcProvider>>,
    /// Openings of secret links per client IP (`/r/{token}`), counted in the database.
    pub link_limiter: RateLimit,
    /// API calls per client, counted in the database.
    pub api_limiter: RateLimit,
    /// The key of the staff audit's fingerprints of a person.
    pub person_key: PersonKey,
    /// The key of the rate limits' fingerprints of an internet address
    /// ([`crate::limits::address_bucket`]).
    pub address_key: Arc<[u8]>,
}

impl AppState {
    /// The state of an application with these settings and this clock (the main tenant's,
    /// and the server's: sessions of every tenant live by it).
    pub fn new(settings: Settings, clock: SharedClock) -> AppState {
        let pool = DbPool::new(
            settings.database_url.expose_secret(),
            &pool_options(&settings),
        );
        let oidc = settings.oidc.as_ref().and_then(|oidc| {
            match OidcProvider::new(oidc.clone(), &settings.public_url) {
                Ok(provider) => Some(Arc::new(provider)),
                Err(e) => {
                    // The settings were validated: only the HTTP client can fail here.
                    tracing::error!(error = %e, "OpenID Connect sign-in disabled");
                    None
                }
            }
        });
        let person_key = PersonKey::new(settings.audit_key_bytes());
        let address_key = settings.address_key_bytes().into();
        let settings = Arc::new(settings);
        let site = Site::main(&settings, oidc.is_some());
        let main = Tenant {
            pool,
            clock: clock.clone(),
            server_clock: clock,
            site: Arc::new(site),
        };
        AppState {
            oidc,
            tenants: Tenants::new(main, settings.clone()),
            settings,
            sources: Arc::new(PgSources),
            link_limiter: RateLimit::LINK,
            api_limiter: RateLimit::API,
            person_key,
            address_key,
        }
    }

    /// The main tenant's clock.
    pub fn clock(&self) -> &SharedClock {
        self.tenants.main().clock()
    }
}

/// The pool options the settings give.
pub fn pool_options(settings: &Settings) -> PoolOptions {
    PoolOptions {
        size: settings.database_pool_size,
        wait: settings.database_pool_wait,
        statement_timeout: settings.database_statement_timeout,
        lock_timeout: settings.database_lock_timeout,
    }
}

/// Connections of a demo tenant's pool for pages, per server (its sessions and readiness
/// probe have their own few, see [`DbPool`]): a room of twenty people clicking holds a
/// connection for a few milliseconds per page.
pub const DEMO_POOL_SIZE: u32 = 3;

/// How a tenant presents itself: its base URLs, its sign-in, its mailbox and banner.
#[derive(Clone, Debug)]
pub struct Site {
    /// Base URL of the company app, the back office and the API (no trailing slash).
    pub public_url: String,
    /// Base URL of the citizen's side: links, QR codes and e-mails to citizens.
    pub public_url_citizen: String,
    /// The demo identity provider is offered.
    pub demo_sign_in: bool,
    /// The OpenID Connect provider is offered.
    pub oidc: bool,
    /// The demo mailbox is open.
    pub mailbox: bool,
    /// The "demonstration environment" banner shows (demo and development modes).
    pub demo_banner: bool,
    /// The demo tenant this is, `None` for the main site.
    pub demo: Option<DemoSite>,
}

/// What a demo tenant's pages say about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoSite {
    /// Its name.
    pub name: String,
    /// Its language: the default of its pages.
    pub language: Lang,
    /// The instant its world was seeded at.
    pub start_at: DateTime<Utc>,
    /// When it is deleted (real time).
    pub expires_at: DateTime<Utc>,
}

impl Site {
    /// The main site, as the settings make it.
    fn main(settings: &Settings, oidc: bool) -> Site {
        Site {
            public_url: settings.public_url.clone(),
            public_url_citizen: settings.public_url_citizen.clone(),
            demo_sign_in: settings.demo_sign_in,
            oidc,
            mailbox: settings.mode.is_demo(),
            demo_banner: settings.mode.is_demo(),
            demo: None,
        }
    }

    /// A demo tenant's site: its own host for every link, the demo sign-in (in production
    /// mode too: its people are fictional), its mailbox, never OpenID Connect.
    pub fn demo(settings: &Settings, tenant: &DemoTenant) -> Site {
        let url = settings.demo_tenant_url(&tenant.name);
        Site {
            public_url: url.clone(),
            public_url_citizen: url,
            demo_sign_in: true,
            oidc: false,
            mailbox: true,
            demo_banner: false,
            demo: Some(DemoSite {
                name: tenant.name.clone(),
                language: tenant.language,
                start_at: tenant.start_at,
                expires_at: tenant.expires_at,
            }),
        }
    }
}

/// One world: a database, the clock it lives by, and how it presents itself. The main
/// tenant is the real service; a demo tenant is a database of its own with a clock a
/// trainer moves.
#[derive(Clone)]
pub struct Tenant {
    pool: DbPool,
    clock: SharedClock,
    server_clock: SharedClock,
    site: Arc<Site>,
}

impl Tenant {
    /// Its database.
    pub fn pool(&self) -> &DbPool {
        &self.pool
    }
    /// Its clock: the story's time (a demo tenant's stands still until a trainer moves it).
    pub fn clock(&self) -> &SharedClock {
        &self.clock
    }
    /// Now, by its clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
    /// The server's clock, by which the sessions of the people at the keyboard live (and
    /// their authentication ages): moving a demo tenant's clock by three days does not sign
    /// the room out. The main tenant's clock for the main tenant.
    pub fn server_clock(&self) -> &SharedClock {
        &self.server_clock
    }
    /// Now, by the server's clock (sessions, authentication times).
    pub fn session_now(&self) -> DateTime<Utc> {
        self.server_clock.now()
    }
    /// How it presents itself.
    pub fn site(&self) -> &Site {
        &self.site
    }
    /// The demo tenant this is, `None` for the main one.
    pub fn demo(&self) -> Option<&DemoSite> {
        self.site.demo.as_ref()
    }
    /// Whether this is the main tenant (the real service).
    pub fn is_main(&self) -> bool {
        self.site.demo.is_none()
    }
    /// The demo identity provider, when this tenant offers it.
    pub fn demo_idp(&self) -> Option<DemoIdentityProvider> {
        self.site.demo_sign_in.then_some(DemoIdentityProvider)
    }
}

/// Which tenant a host name is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostTenant {
    /// The main site (any host outside the demo base host).
    Main,
    /// A demo tenant's host: `{name}.{demo_base_host}`.
    Demo(TenantName),
    /// Under the demo base host, but no tenant name could be read: no tenant there.
    Unknown,
}

/// The pool of a demo tenant's database, as made on this server.
struct CachedPool {
    database: String,
    pool: DbPool,
}

/// The tenants a request or a job can be routed to.
#[derive(Clone)]
pub struct Tenants {
    main: Tenant,
    settings: Arc<Settings>,
    pools: Arc<Mutex<HashMap<String, CachedPool>>>,
}

impl Tenants {
    fn new(main: Tenant, settings: Arc<Settings>) -> Tenants {
        Tenants {
            main,
            settings,
            pools: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// The main tenant.
    pub fn main(&self) -> &Tenant {
        &self.main
    }

    /// Which tenant `host` (a `Host` header: `alpha.demo.localhost:8080`) is for.
    pub fn for_host(&self, host: &str) -> HostTenant {
        let host = host.trim().trim_end_matches('.');
        // An IPv6 literal is no tenant's.
        if host.starts_with('[') {
            return HostTenant::Main;
        }
        let host = match host.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
            _ => host,
        };
        let host = host.to_ascii_lowercase();
        let base = &self.settings.demo_tenants.base_host;
        if host == *base {
            return HostTenant::Unknown;
        }
        match host
            .strip_suffix(base.as_str())
            .and_then(|rest| rest.strip_suffix('.'))
        {
            None => HostTenant::Main,
            Some(label) => TenantName::parse(label).map_or(HostTenant::Unknown, HostTenant::Demo),
        }
    }

    /// The demo tenant `name` as it is now (its row read from the main database), `None`
    /// when there is none, or it expired. Blocking: call it off the async executor.
    pub fn demo_blocking(&self, name: &TenantName) -> Result<Option<Tenant>, DbError> {
        let name = name.as_str().to_string();
        let row = self
            .main
            .pool()
            .run(|conn| demo_tenants::find(conn, &name).map_err(DbError::from))?;
        match row {
            Some(row) if row.expires_at > self.main.session_now() => {
                let pool = self.pool_of(&row)?;
                Ok(Some(self.demo_tenant(&row, pool)))
            }
            // Gone (deleted, maybe through another server) or expired: its pool goes too.
            _ => {
                self.evict(&name);
                Ok(None)
            }
        }
    }

    /// [`Tenants::demo_blocking`] off the async executor.
    pub async fn demo(&self, name: &TenantName) -> Result<Option<Tenant>, DbError> {
        let (tenants, name) = (self.clone(), name.clone());
        match tokio::task::spawn_blocking(move || tenants.demo_blocking(&name)).await {
            Ok(result) => result,
            Err(join) => Err(DbError::Unavailable(format!(
                "blocking task failed: {join}"
            ))),
        }
    }

    /// The tenant of a registry row, with this pool.
    fn demo_tenant(&self, row: &DemoTenant, pool: DbPool) -> Tenant {
        Tenant {
            pool,
            clock: Arc::new(FixedClock(row.clock_at)),
            server_clock: self.main.server_clock.clone(),
            site: Arc::new(Site::demo(&self.settings, row)),
        }
    }

    /// The pool of the tenant's database, made on first use (its migrations brought up to
    /// this binary's then: a tenant made by an older binary keeps working).
    pub fn pool_of(&self, row: &DemoTenant) -> Result<DbPool, DbError> {
        if let Some(cached) = self.cached(&row.name, &row.database_name) {
            return Ok(cached);
        }
        let url = databases::url_with_database(
            self.settings.database_url.expose_secret(),
            &row.database_name,
        );
        let mut options = pool_options(&self.settings);
        options.size = options.size.min(DEMO_POOL_SIZE);
        let pool = DbPool::new(&url, &options);
        pool.run(|conn| {
            let state = migrations::schema_state(conn)
                .map_err(|e| DbError::Unavailable(format!("{e:#}")))?;
            if !state.is_servable() {
                migrations::run_migrations(conn)
                    .map_err(|e| DbError::Unavailable(format!("{e:#}")))?;
            }
            Ok::<_, DbError>(())
        })?;
        let mut pools = self.pools.lock().unwrap_or_else(|e| e.into_inner());
        let entry = pools.entry(row.name.clone()).or_insert_with(|| CachedPool {
            database: row.database_name.clone(),
            pool: pool.clone(),
        });
        if entry.database != row.database_name {
            // Reset meanwhile: the new database's pool replaces the old one's.
            *entry = CachedPool {
                database: row.database_name.clone(),
                pool: pool.clone(),
            };
        }
        Ok(entry.pool.clone())
    }

    fn cached(&self, name: &str, database: &str) -> Option<DbPool> {
        let pools = self.pools.lock().unwrap_or_else(|e| e.into_inner());
        pools
            .get(name)
            .filter(|c| c.database == database)
            .map(|c| c.pool.clone())
    }

    /// Forgets the pool of the tenant `name` on this server (its database was reset or
    /// dropped): its idle connections close.
    pub fn evict(&self, name: &str) {
        self.pools
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(name);
    }

    /// Every tenant, each with its clock as stored now (the jobs run for each): the main
    /// one first, then the demo tenants. A registry that cannot be read gives the main
    /// tenant alone. Pools of tenants gone from the registry are forgotten.
    pub async fn all(&self) -> Vec<Tenant> {
        let tenants = self.clone();
        let demo = tokio::task::spawn_blocking(move || tenants.demo_all_blocking()).await;
        let mut all = vec![self.main.clone()];
        match demo {
            Ok(Ok(demo)) => all.extend(demo),
            Ok(Err(e)) => tracing::debug!(error = %e, "demo tenants not read"),
            Err(e) => tracing::debug!(error = %e, "demo tenants not read"),
        }
        all
    }

    fn demo_all_blocking(&self) -> Result<Vec<Tenant>, DbError> {
        let rows = self.main.pool().run(|conn| {
            demo_tenants::list(conn)
                .map(|rows| rows.into_iter().map(|l| l.tenant).collect::<Vec<_>>())
                .map_err(DbError::from)
        })?;
        self.pools
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|name, _| rows.iter().any(|r| r.name == *name));
        let mut tenants = Vec::with_capacity(rows.len());
        for row in rows {
            match self.pool_of(&row) {
                Ok(pool) => tenants.push(self.demo_tenant(&row, pool)),
                Err(e) => {
                    tracing::warn!(tenant = %row.name, error = %e, "demo tenant unreachable")
                }
            }
        }
        Ok(tenants)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenants(base: &str) -> Tenants {
        let settings = Settings::from_pairs(&[("demo_base_host", base)]).unwrap();
        let state = AppState::new(settings, Arc::new(crate::clock::SystemClock));
        state.tenants
    }

    #[test]
    fn hosts_name_their_tenant() {
        let t = tenants("demo.localhost");
        let demo = |n: &str| HostTenant::Demo(TenantName::parse(n).unwrap());
        let cases = [
            ("localhost:8080", HostTenant::Main),
            ("127.0.0.1:8080", HostTenant::Main),
            ("mandat.example.be", HostTenant::Main),
            ("[::1]:8080", HostTenant::Main),
            ("alpha.demo.localhost:8080", demo("alpha")),
            ("ALPHA.Demo.Localhost", demo("alpha")),
            ("team-3.demo.localhost.", demo("team-3")),
            ("demo.localhost:8080", HostTenant::Unknown),
            ("a.b.demo.localhost", HostTenant::Unknown),
            ("-x.demo.localhost", HostTenant::Unknown),
            ("xdemo.localhost", HostTenant::Main),
        ];
        for (host, expected) in cases {
            assert_eq!(t.for_host(host), expected, "{host}");
        }
    }
}
