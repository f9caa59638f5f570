//! The HTML side: one module per area, each exposing `configure`; extractors; views.

pub mod admin;
pub mod assets;
pub mod auth;
pub mod citizen;
pub mod company;
pub mod company_api;
pub mod consult;
pub mod errors;
pub mod extract;
pub mod health;
pub mod home;
pub mod mailbox;
pub mod routes;
pub mod security;
pub mod views;

use std::sync::Arc;

use actix_web::web;

use crate::{auth::DemoIdentityProvider, clock::SharedClock, db::DbPool, settings::Settings};

/// What every handler may reach: settings, the clock, the tenants.
#[derive(Clone)]
pub struct AppState {
    /// Validated settings.
    pub settings: Arc<Settings>,
    /// The clock.
    pub clock: SharedClock,
    /// The tenants (one for now: the main database).
    pub tenants: Tenants,
    /// The demo identity provider, present only in demo and development modes.
    pub demo_idp: Option<DemoIdentityProvider>,
    /// Openings of secret links per client IP (`/r/{token}`).
    pub link_limiter: Arc<citizen::LinkLimiter>,
}

impl AppState {
    /// The state of an application with these settings and this clock.
    pub fn new(settings: Settings, clock: SharedClock) -> AppState {
        let pool = crate::db::build_pool(
            secrecy::ExposeSecret::expose_secret(&settings.database_url),
            settings.database_pool_size,
        );
        AppState {
            demo_idp: settings.mode.is_demo().then_some(DemoIdentityProvider),
            settings: Arc::new(settings),
            clock,
            tenants: Tenants::single(pool),
            link_limiter: Arc::default(),
        }
    }
}

/// The tenants a request can be routed to. One now; demo tenants (a database each) later.
#[derive(Clone)]
pub struct Tenants {
    main: DbPool,
}

impl Tenants {
    /// A registry with the main tenant only.
    pub fn single(pool: DbPool) -> Self {
        Tenants { main: pool }
    }
    /// The main tenant's pool.
    pub fn main(&self) -> &DbPool {
        &self.main
    }
}

/// Registers every route of the web side.
pub fn configure(cfg: &mut web::ServiceConfig) {
    assets::configure(cfg);
    health::configure(cfg);
    home::configure(cfg);
    auth::configure(cfg);
    citizen::configure(cfg);
    company::configure(cfg);
    company_api::configure(cfg);
    consult::configure(cfg);
    mailbox::configure(cfg);
    admin::configure(cfg);
}
