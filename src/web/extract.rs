//! Extractors that can refuse a request: CSRF-checked forms and the signed-in parties; the
//! tenant's database off the async executor; the session's beginning and end. (The ones
//! that never refuse, the page context, the tenant and htmx detection, are in
//! [`super::context`].)

use std::future::{Ready, ready};

use actix_session::SessionExt;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use diesel::PgConnection;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use super::{
    context::{SESSION_CSRF, SESSION_PRINCIPAL, new_csrf_token},
    errors::AppError,
};
use crate::{
    auth::{Principal, StaffRole},
    db::run_blocking,
    state::Tenant,
};

/// Header carrying the CSRF token (htmx sends it through `hx-headers`).
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Session key of the request ids whose secret links were opened in this session (kept
/// across sign-in: the link is usually opened before signing in).
pub const SESSION_OPENED_LINKS: &str = "opened_links";

/// Runs `f` with a connection of `tenant`'s database off the async executor; a database
/// that cannot be reached, or the error of `f`, becomes the page's [`AppError`].
pub async fn on_db<T, E, F>(tenant: &Tenant, f: F) -> Result<T, AppError>
where
    F: FnOnce(&mut PgConnection) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
    AppError: From<E>,
{
    // The error goes through the pool's watch: one on a connection found dead becomes
    // "unavailable" (503).
    run_blocking(tenant.pool(), move |conn| f(conn).map_err(AppError::from)).await
}

/// Whether the token given with a request matches the session's.
pub fn csrf_matches(req: &HttpRequest, given: Option<&str>) -> bool {
    use subtle::ConstantTimeEq;
    let expected = req.get_session().get::<String>(SESSION_CSRF).ok().flatten();
    let header = req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok());
    match (expected, given.or(header)) {
        (Some(expected), Some(given)) if !expected.is_empty() => {
            bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
        }
        _ => false,
    }
}

/// A URL-encoded form whose CSRF token (field `csrf` or header `X-CSRF-Token`) matched
/// the session's. Anything else is refused with 403 before the handler runs.
pub struct CsrfForm<T>(pub T);

#[derive(serde::Deserialize)]
struct CsrfOnly {
    csrf: Option<String>,
}

/// Largest form body accepted.
const FORM_LIMIT: usize = 64 * 1024;

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let bytes = body.await.map_err(|_| AppError::BadRequest)?;
            if bytes.len() > FORM_LIMIT {
                return Err(AppError::PayloadTooLarge.into());
            }
            let token: CsrfOnly =
                serde_urlencoded::from_bytes(&bytes).unwrap_or(CsrfOnly { csrf: None });
            if !csrf_matches(&req, token.csrf.as_deref()) {
                tracing::warn!("refused a form with a missing or wrong CSRF token");
                return Err(AppError::Forbidden.into());
            }
            let value = serde_urlencoded::from_bytes::<T>(&bytes).map_err(|e| {
                tracing::info!(error = %e, "malformed form");
                AppError::BadRequest
            })?;
            Ok(CsrfForm(value))
        })
    }
}

/// A CSRF check for state-changing requests without a body of interest (htmx buttons).
pub struct CsrfChecked;

impl FromRequest for CsrfChecked {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = CsrfForm::<serde::de::IgnoredAny>::from_request(req, payload);
        Box::pin(async move { form.await.map(|_| CsrfChecked) })
    }
}

/// A signed-in person (citizen or company user).
pub struct Person {
    /// The principal (always `Principal::Person`).
    pub principal: Principal,
    /// Their NISS.
    pub niss: crate::domain::Niss,
}

impl FromRequest for Person {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let principal = req
            .get_session()
            .get::<Principal>(SESSION_PRINCIPAL)
            .ok()
            .flatten();
        ready(match principal {
            Some(p) => match p.niss().cloned() {
                Some(niss) => Ok(Person { principal: p, niss }),
                None => Err(AppError::Forbidden.into()),
            },
            None => Err(AppError::SignInRequired.into()),
        })
    }
}

/// A signed-in staff member. Anyone else gets 404: the back office is invisible.
pub struct Staff {
    /// The principal (always `Principal::Staff`).
    pub principal: Principal,
    /// Their role.
    pub role: StaffRole,
}

impl FromRequest for Staff {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let principal = req
            .get_session()
            .get::<Principal>(SESSION_PRINCIPAL)
            .ok()
            .flatten();
        ready(match principal {
            Some(p @ Principal::Staff { role, .. }) => Ok(Staff { principal: p, role }),
            _ => Err(AppError::NotFound.into()),
        })
    }
}

/// Puts `principal` in a renewed session (new cookie, new CSRF token): sign-in.
pub fn establish_session(req: &HttpRequest, principal: &Principal) -> Result<(), AppError> {
    let session = req.get_session();
    let opened_links = session
        .get::<serde_json::Value>(SESSION_OPENED_LINKS)
        .ok()
        .flatten();
    session.renew();
    session.clear();
    if let Some(opened_links) = opened_links {
        session
            .insert(SESSION_OPENED_LINKS, opened_links)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))?;
    }
    session
        .insert(SESSION_PRINCIPAL, principal)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))?;
    session
        .insert(SESSION_CSRF, new_csrf_token())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))?;
    Ok(())
}

/// Ends the session.
pub fn end_session(req: &HttpRequest) {
    req.get_session().purge();
}
