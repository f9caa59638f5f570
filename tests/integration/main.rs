//! The one integration-test binary: every test starts the real server on port 0 against
//! its own database, cloned from a migrated and seeded template.

mod browser;
mod company;
mod citizen;
mod foundation;
mod helpers;
mod sources;
