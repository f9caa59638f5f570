//! Server-side sessions: actix-session's [`SessionStore`] over PostgreSQL (`db::sessions`).
//!
//! Each tenant keeps its sessions in its own database: the store reads and writes those of
//! the request's tenant, which the tenancy middleware (`startup/tenancy.rs`) sets for the
//! request ([`with_tenant`]).
//! A session made in one tenant is unknown to every other one (and the cookie, host-only,
//! is not even sent to another tenant's host), so its CSRF token is worthless there too.
//!
//! The cookie carries a random 256-bit id (inside actix-session's encrypted cookie); the
//! table keeps its SHA-256 hash. Lifetimes are the server's, by the server's clock: idle and
//! absolute, checked on every read, so a replayed cookie of a session ended by sign-out,
//! by "sign out everywhere" or by time opens nothing. A page costs one indexed read; the
//! row is written only when the session's values change, or once a minute to keep
//! `last_seen_at`.

use std::collections::HashMap;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration;
use sha2::{Digest, Sha256};

use super::context::{SESSION_COMPANY_KEYS, SESSION_PRINCIPAL};
use crate::{
    auth::Principal,
    db::{
        DbError, run_blocking_sessions,
        sessions::{self, Lifetimes},
    },
    state::Tenant,
};

tokio::task_local! {
    /// The tenant of the request being served.
    static TENANT: Tenant;
    /// Whether the request being served is one a page made by itself (a tab's polling).
    static AUTOMATIC: bool;
}

/// The header of a request a page makes by itself, with no person behind it (a tab's
/// polling, `assets/app.js`): it reads the session without counting as a use of it, so
/// that a dashboard left open alone still ends its session after the idle lifetime.
pub const AUTOMATIC_HEADER: &str = "x-automatic-refresh";

/// Runs `future` (the rest of a request) with `tenant` as the tenant whose database keeps
/// its session; `automatic` when the request is one a page made by itself
/// ([`AUTOMATIC_HEADER`]).
pub async fn with_tenant<F: std::future::Future>(
    tenant: Tenant,
    automatic: bool,
    future: F,
) -> F::Output {
    TENANT
        .scope(tenant, AUTOMATIC.scope(automatic, future))
        .await
}

/// The tenant of the request; none outside [`with_tenant`] (then no session is read or
/// written anywhere: never the main tenant's by default).
fn current_tenant() -> anyhow::Result<Tenant> {
    TENANT
        .try_with(Tenant::clone)
        .map_err(|_| anyhow::anyhow!("no tenant for this session"))
}

/// The session store: the sessions of each tenant in its own database.
#[derive(Clone)]
pub struct PgSessionStore {
    lifetimes: Lifetimes,
}

impl PgSessionStore {
    /// A store with these lifetimes (by the server's clock).
    pub fn new(lifetimes: Lifetimes) -> PgSessionStore {
        PgSessionStore { lifetimes }
    }
}

/// The hash under which a session id is stored.
pub fn id_hash(id: &str) -> Vec<u8> {
    Sha256::digest(id.as_bytes()).to_vec()
}

fn new_id() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The signed-in person's NISS of a session's values (the `sessions.niss` column).
fn niss_of(state: &HashMap<String, String>) -> Option<String> {
    let principal: Principal = serde_json::from_str(state.get(SESSION_PRINCIPAL)?).ok()?;
    Some(principal.niss.as_str().to_string())
}

/// `result`, or `fallback` while the database cannot be reached (the page itself answers
/// 503 meanwhile), with a warning that the session was not `done` ("read", "stored"...).
fn unless_unavailable<T>(
    result: Result<T, DbError>,
    fallback: T,
    done: &str,
) -> Result<T, DbError> {
    match result {
        Err(DbError::Unavailable(reason)) => {
            tracing::warn!(%reason, "session not {done}: the database is unavailable");
            Ok(fallback)
        }
        other => other,
    }
}

impl PgSessionStore {
    /// Stores a new session. While the database cannot be reached, the id is given without
    /// a row: the next request finds no session (the page itself answers 503 meanwhile),
    /// rather than every page failing on its session.
    async fn insert(&self, state: &HashMap<String, String>) -> anyhow::Result<SessionKey> {
        let tenant = current_tenant()?;
        let id = new_id();
        let hash = id_hash(&id);
        let niss = niss_of(state);
        let json = serde_json::to_string(state)?;
        let now = tenant.session_now();
        let stored = run_blocking_sessions(tenant.pool(), move |conn| {
            sessions::insert(conn, &hash, niss.as_deref(), &json, now).map_err(DbError::from)
        })
        .await;
        unless_unavailable(stored, (), "stored")?;
        Ok(SessionKey::try_from(id)?)
    }
}

impl SessionStore for PgSessionStore {
    async fn load(
        &self,
        session_key: &SessionKey,
    ) -> Result<Option<HashMap<String, String>>, LoadError> {
        let tenant = current_tenant().map_err(LoadError::Other)?;
        let hash = id_hash(session_key.as_ref());
        let (now, lifetimes) = (tenant.session_now(), self.lifetimes);
        let used = !AUTOMATIC.try_with(|a| *a).unwrap_or(false);
        let found = run_blocking_sessions(tenant.pool(), move |conn| {
            sessions::load_live(conn, &hash, now, lifetimes, used).map_err(DbError::from)
        })
        .await;
        // No session while the database is away.
        let found =
            unless_unavailable(found, None, "read").map_err(|e| LoadError::Other(e.into()))?;
        match found {
            None => Ok(None),
            Some(live) => serde_json::from_str(&live.state)
                .map(Some)
                .map_err(|e| LoadError::Deserialization(e.into())),
        }
    }

    async fn save(
        &self,
        session_state: HashMap<String, String>,
        _ttl: &Duration,
    ) -> Result<SessionKey, SaveError> {
        self.insert(&session_state).await.map_err(SaveError::Other)
    }

    async fn update(
        &self,
        session_key: SessionKey,
        mut session_state: HashMap<String, String>,
        _ttl: &Duration,
    ) -> Result<SessionKey, UpdateError> {
        let tenant = current_tenant().map_err(UpdateError::Other)?;
        let hash = id_hash(session_key.as_ref());
        let niss = niss_of(&session_state);
        let json = serde_json::to_string(&session_state)
            .map_err(|e| UpdateError::Serialization(e.into()))?;
        let (now, lifetimes) = (tenant.session_now(), self.lifetimes);
        let replaced = run_blocking_sessions(tenant.pool(), move |conn| {
            sessions::replace_state(conn, &hash, niss.as_deref(), &json, now, lifetimes)
                .map_err(DbError::from)
        })
        .await;
        let replaced = unless_unavailable(replaced, false, "updated")
            .map_err(|e| UpdateError::Other(e.into()))?;
        if replaced {
            return Ok(session_key);
        }
        // Ended meanwhile (signed out elsewhere) or expired: a new session, never signed in.
        session_state.remove(SESSION_PRINCIPAL);
        for key in SESSION_COMPANY_KEYS {
            session_state.remove(*key);
        }
        self.insert(&session_state)
            .await
            .map_err(UpdateError::Other)
    }

    async fn update_ttl(&self, _session_key: &SessionKey, _ttl: &Duration) -> anyhow::Result<()> {
        // The lifetimes are the server's (idle, absolute), kept by `load`: nothing to extend.
        Ok(())
    }

    async fn delete(&self, session_key: &SessionKey) -> anyhow::Result<()> {
        let tenant = current_tenant()?;
        let hash = id_hash(session_key.as_ref());
        run_blocking_sessions(tenant.pool(), move |conn| {
            sessions::delete(conn, &hash).map_err(DbError::from)
        })
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_and_only_their_hash_is_kept() {
        let (a, b) = (new_id(), new_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(id_hash(&a).len(), 32);
        assert_ne!(id_hash(&a), a.as_bytes());
    }
}
