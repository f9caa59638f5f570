//! Extractors: the page context (language, who is signed in, CSRF token), the tenant's
//! database, htmx detection, CSRF-checked forms, and the signed-in parties.

use std::future::{Ready, ready};

use actix_session::SessionExt;
use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use chrono::{DateTime, Utc};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use super::errors::AppError;
use diesel::PgConnection;

use crate::{
    auth::{Principal, StaffRole},
    db::{DbError, run_blocking},
    i18n::{self, Lang},
    state::{AppState, Tenant},
};

/// Session key of the signed-in principal.
pub const SESSION_PRINCIPAL: &str = "principal";
/// Session key of the CSRF token.
pub const SESSION_CSRF: &str = "csrf";
/// Form field carrying the CSRF token.
pub const CSRF_FIELD: &str = "csrf";
/// Header carrying the CSRF token (htmx sends it through `hx-headers`).
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Session key of the request ids whose secret links were opened in this session (kept
/// across sign-in: the link is usually opened before signing in).
pub const SESSION_OPENED_LINKS: &str = "opened_links";

/// The application state of a request.
pub fn state(req: &HttpRequest) -> &AppState {
    req.app_data::<web::Data<AppState>>()
        .expect("AppState is registered at startup")
        .get_ref()
}

/// Everything a page needs to render its frame.
#[derive(Clone, Debug)]
pub struct Ctx {
    /// The negotiated language.
    pub lang: Lang,
    /// Who is signed in.
    pub principal: Option<Principal>,
    /// This session's CSRF token.
    pub csrf: String,
    /// Path and query of the request (language links, sign-in return).
    pub path: String,
    /// An htmx request (wants a fragment).
    pub hx: bool,
    /// Demo or development mode: the demo banner shows.
    pub demo: bool,
    /// Now, from the injected clock.
    pub now: DateTime<Utc>,
}

impl Ctx {
    /// Builds the context of a request (creating the CSRF token when the session has none).
    pub fn of(req: &HttpRequest) -> Ctx {
        let state = state(req);
        let session = req.get_session();
        let principal = session.get::<Principal>(SESSION_PRINCIPAL).ok().flatten();
        let csrf = match session.get::<String>(SESSION_CSRF).ok().flatten() {
            Some(token) => token,
            None => {
                let token = new_csrf_token();
                let _ = session.insert(SESSION_CSRF, &token);
                token
            }
        };
        Ctx {
            lang: request_lang(req),
            principal,
            csrf,
            path: req
                .uri()
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_else(|| "/".to_string()),
            hx: is_htmx(req),
            demo: state.settings.mode.is_demo(),
            now: tenant_of(req).now(),
        }
    }

    /// Shorthand for a message in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }
}

impl FromRequest for Ctx {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Ctx::of(req)))
    }
}

/// The request's language: the cookie set by the switcher, else `Accept-Language`, else French.
pub fn request_lang(req: &HttpRequest) -> Lang {
    let cookie = req.cookie(i18n::LANG_COOKIE);
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    i18n::negotiate(None, cookie.as_ref().map(|c| c.value()), accept)
}

/// Whether htmx made the request.
pub fn is_htmx(req: &HttpRequest) -> bool {
    req.headers().get("hx-request").is_some_and(|v| v == "true")
}

/// `true` when htmx made the request (it then wants a fragment, not a whole page).
#[derive(Copy, Clone, Debug)]
pub struct HxRequest(pub bool);

impl FromRequest for HxRequest {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(HxRequest(is_htmx(req))))
    }
}

/// Runs `f` with a connection of `tenant`'s database off the async executor; a database
/// that cannot be reached, or the error of `f`, becomes the page's [`AppError`].
pub async fn on_db<T, E, F>(tenant: &Tenant, f: F) -> Result<T, AppError>
where
    F: FnOnce(&mut PgConnection) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
    AppError: From<E>,
{
    match run_blocking(tenant.pool(), move |conn| Ok::<_, DbError>(f(conn))).await {
        Ok(result) => result.map_err(AppError::from),
        Err(e) => Err(<AppError as From<DbError>>::from(e)),
    }
}

/// The tenant a request is for (its database and clock): the main one for now.
pub fn tenant_of(req: &HttpRequest) -> &Tenant {
    state(req).tenants.main()
}

impl FromRequest for Tenant {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(tenant_of(req).clone()))
    }
}

/// A fresh CSRF token: 256 random bits, URL-safe base64.
pub fn new_csrf_token() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
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

/// Any signed-in party; otherwise the browser is sent to sign in.
pub struct SignedIn(pub Principal);

impl FromRequest for SignedIn {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.get_session()
                .get::<Principal>(SESSION_PRINCIPAL)
                .ok()
                .flatten()
                .map(SignedIn)
                .ok_or_else(|| AppError::SignInRequired.into()),
        )
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

/// Extensions flag: set on responses whose error status was rendered by the handler itself
/// (a form shown again with its messages), so the error-page renderer leaves them alone.
#[derive(Copy, Clone, Debug)]
pub struct Rendered;

/// Marks a response as already rendered.
pub fn mark_rendered(res: &mut actix_web::HttpResponse) {
    res.extensions_mut().insert(Rendered);
}
