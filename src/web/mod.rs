//! The HTML side: one module per area, each exposing `configure`; extractors; views.

pub mod admin;
pub mod admin_staff;
pub mod admin_tenants;
pub mod assets;
pub mod auth;
pub mod citizen;
pub mod company;
pub mod company_api;
pub mod company_people;
pub mod company_user;
pub mod confirm;
pub mod consult;
pub mod context;
pub mod errors;
pub mod extract;
pub mod health;
pub mod home;
pub mod input;
pub mod mailbox;
pub mod routes;
pub mod security;
pub mod sessions;
pub mod views;

use actix_web::web;

/// Registers the routes that need no session: assets and health checks.
pub fn configure_sessionless(cfg: &mut web::ServiceConfig) {
    assets::configure(cfg);
    health::configure(cfg);
}

/// Registers every page of the web side (they run inside the session middleware).
pub fn configure(cfg: &mut web::ServiceConfig) {
    home::configure(cfg);
    auth::configure(cfg);
    citizen::configure(cfg);
    company::configure(cfg);
    company_people::configure(cfg);
    company_api::configure(cfg);
    consult::configure(cfg);
    mailbox::configure(cfg);
    admin::configure(cfg);
    admin_staff::configure(cfg);
    admin_tenants::configure(cfg);
}
