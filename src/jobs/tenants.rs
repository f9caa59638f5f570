//! The `expire-tenants` job of the main tenant: the demo tenants past their expiry are
//! deleted (their registry row, then their database), and tenant databases left behind by
//! a crash (commented as this main database's, named by no row) are dropped.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::PgConnection;

use crate::db::{databases, demo_tenants};

/// Job name of [`expire_tenants`].
pub const EXPIRE_TENANTS: &str = "expire-tenants";

/// Deletes the demo tenants expired at `now` and the orphaned tenant databases; returns
/// how many databases were dropped. Does nothing while a trainer's operation holds the
/// tenants' lock (the next run does it).
pub fn expire_tenants(conn: &mut PgConnection, now: DateTime<Utc>) -> anyhow::Result<usize> {
    if !demo_tenants::lock(conn, Duration::ZERO)? {
        return Ok(0);
    }
    let result = expire_locked(conn, now);
    let unlocked = demo_tenants::unlock(conn);
    let dropped = result?;
    unlocked?;
    Ok(dropped)
}

fn expire_locked(conn: &mut PgConnection, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let mut dropped = 0;
    for name in demo_tenants::expired(conn, now)? {
        if let Some(database) = demo_tenants::delete(conn, &name)? {
            // Should the drop fail, the database is an orphan the next run drops.
            databases::drop_database(conn, &database)?;
            tracing::info!(tenant = %name, "expired demo tenant deleted");
            dropped += 1;
        }
    }
    let main = databases::current_database(conn)?;
    let known = demo_tenants::databases(conn)?;
    for orphan in databases::orphans(conn, &databases::tenant_comment(&main), &known)? {
        databases::drop_database(conn, &orphan)?;
        tracing::info!(database = %orphan, "orphaned demo tenant database dropped");
        dropped += 1;
    }
    Ok(dropped)
}
