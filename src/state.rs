//! The application state: validated settings, the tenants (each a database and a clock),
//! the authentic sources, the demo identity provider and the shared rate limits.
//!
//! Not a web thing: the web pages, the API, the background jobs and the command line all
//! start from it.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::{
    auth::{DemoIdentityProvider, oidc::OidcProvider},
    clock::SharedClock,
    db::{DbPool, PoolOptions},
    limits::RateLimit,
    settings::Settings,
    sources::{AuthenticSources, PgSources},
};

/// What every handler, API call and job may reach.
#[derive(Clone)]
pub struct AppState {
    /// Validated settings.
    pub settings: Arc<Settings>,
    /// The tenants (one for now: the main database).
    pub tenants: Tenants,
    /// The authentic sources the answers are drawn from.
    pub sources: Arc<dyn AuthenticSources>,
    /// The demo identity provider, present only when `demo_sign_in` is on (never in
    /// production).
    pub demo_idp: Option<DemoIdentityProvider>,
    /// The OpenID Connect relying party, when a provider is configured.
    pub oidc: Option<Arc<OidcProvider>>,
    /// Openings of secret links per client IP (`/r/{token}`), counted in the database.
    pub link_limiter: RateLimit,
    /// API calls per client, counted in the database.
    pub api_limiter: RateLimit,
}

impl AppState {
    /// The state of an application with these settings and this clock (the main tenant's).
    pub fn new(settings: Settings, clock: SharedClock) -> AppState {
        let pool = DbPool::new(
            secrecy::ExposeSecret::expose_secret(&settings.database_url),
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
        AppState {
            demo_idp: settings.demo_sign_in.then_some(DemoIdentityProvider),
            oidc,
            settings: Arc::new(settings),
            tenants: Tenants::single(Tenant::new(pool, clock)),
            sources: Arc::new(PgSources),
            link_limiter: RateLimit::LINK,
            api_limiter: RateLimit::API,
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

/// One world: a database and the clock it lives by. The main tenant is the real service;
/// a demo tenant (later) is a database of its own with a clock a trainer moves.
#[derive(Clone)]
pub struct Tenant {
    pool: DbPool,
    clock: SharedClock,
}

impl Tenant {
    /// A tenant over this pool, living by this clock.
    pub fn new(pool: DbPool, clock: SharedClock) -> Tenant {
        Tenant { pool, clock }
    }
    /// Its database.
    pub fn pool(&self) -> &DbPool {
        &self.pool
    }
    /// Its clock.
    pub fn clock(&self) -> &SharedClock {
        &self.clock
    }
    /// Now, by its clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

/// The tenants a request or a job can be routed to.
#[derive(Clone)]
pub struct Tenants {
    main: Tenant,
}

impl Tenants {
    /// A registry with the main tenant only.
    pub fn single(main: Tenant) -> Self {
        Tenants { main }
    }
    /// The main tenant.
    pub fn main(&self) -> &Tenant {
        &self.main
    }
    /// Every tenant (the jobs run for each).
    pub fn all(&self) -> Vec<Tenant> {
        vec![self.main.clone()]
    }
}
