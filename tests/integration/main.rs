//! The one integration-test binary: every test starts the real server on port 0 against
//! its own database, cloned from a migrated and seeded template.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step fails the test
#![allow(missing_docs)]

mod a11y;
mod a11y_axe;
mod a11y_layout;
mod admin;
mod api;
mod architecture;
mod browser;
mod budget;
mod citizen;
mod company;
mod confirmations;
mod consult;
mod focus;
mod foundation;
mod hardening;
mod helpers;
mod hostile;
mod jobs;
mod logs;
mod rules;
mod scale;
mod servers;
mod signin;
mod sources;
mod tenants;
mod words;
