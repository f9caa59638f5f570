//! The HTML side: one module per area, each exposing `configure`; extractors; views.

pub mod admin;
pub mod assets;
pub mod auth;
pub mod citizen;
pub mod company;
pub mod company_api;
pub mod consult;
pub mod context;
pub mod errors;
pub mod extract;
pub mod health;
pub mod home;
pub mod mailbox;
pub mod routes;
pub mod security;
pub mod views;

use actix_web::web;

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
