//! mandat: a citizen gives a company time-limited, revocable access to one precise answer
//! drawn from official social-security data, and nothing more.
//!
//! The binary (`src/main.rs`) is a thin CLI over this library.

pub mod api;
pub mod auth;
pub mod clock;
pub mod db;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod jobs;
pub mod limits;
pub mod mail;
pub mod pdf;
pub mod privacy;
pub mod qr;
pub mod seal;
pub mod services;
pub mod settings;
pub mod sources;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod web;
pub mod webhooks;
