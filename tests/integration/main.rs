//! The one integration-test binary: every test starts the real server on port 0 against
//! its own database, cloned from a migrated and seeded template.

mod admin;
mod api;
mod browser;
mod citizen;
mod company;
mod consult;
mod foundation;
mod helpers;
mod jobs;
mod sources;
