//! Extractors that can refuse a request: CSRF-checked forms and the signed-in parties; the
//! tenant's database off the async executor; the session's beginning and end. (The ones
//! that never refuse, the page context, the tenant and htmx detection, are in
//! [`super::context`].)

use std::future::{Ready, ready};

use actix_session::SessionExt;
use actix_web::{FromRequest, HttpRequest, dev::Payload};
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::{
    context::{
        Ctx, SESSION_CSRF, SESSION_ID_TOKEN, SESSION_PRINCIPAL, SESSION_STARTED, new_csrf_token,
    },
    errors::AppError,
    input::{FORM_LIMIT, check_urlencoded, read_body, reading_body},
};
use crate::{
    auth::{Principal, StaffRole},
    db::run_blocking,
    services::{ServiceError, citizen::LinkOpening},
    state::Tenant,
};

/// Header carrying the CSRF token (htmx sends it through `hx-headers`).
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Session key of the request ids whose secret links were opened in this session (kept
/// across sign-in: the link is usually opened before signing in).
pub const SESSION_OPENED_LINKS: &str = "opened_links";

/// Most links remembered in one session.
const OPENED_LINKS_MAX: usize = 5;

/// The links opened in this session (the last of each request).
fn opened_links(req: &HttpRequest) -> Vec<LinkOpening> {
    req.get_session()
        .get::<Vec<LinkOpening>>(SESSION_OPENED_LINKS)
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// The link of request `id` opened in this session, if any.
pub fn opened_link(req: &HttpRequest, id: Uuid) -> Option<LinkOpening> {
    opened_links(req).into_iter().find(|o| o.request == id)
}

/// Remembers that this session opened `opening` (the last link of each request, and the
/// last few requests).
pub fn remember_opened(req: &HttpRequest, opening: LinkOpening) -> Result<(), AppError> {
    let mut openings = opened_links(req);
    openings.retain(|o| o.request != opening.request);
    openings.push(opening);
    if openings.len() > OPENED_LINKS_MAX {
        openings.remove(0);
    }
    req.get_session()
        .insert(SESSION_OPENED_LINKS, openings)
        .map_err(session_failed)
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
/// the session's, read through the input layer ([`super::input`]): a body over
/// [`FORM_LIMIT`] is a 413, a wrong token a 403, a value that is not text or holds a NUL
/// character a 400 naming the field, all before the handler runs.
pub struct CsrfForm<T>(pub T);

#[derive(serde::Deserialize)]
struct CsrfOnly {
    csrf: Option<String>,
}

/// Reads a URL-encoded form through the input layer; `strict`: a wrong CSRF token is a 403
/// before the form is parsed, else the form comes with whether its token held.
fn read_form<T: DeserializeOwned + 'static>(
    req: &HttpRequest,
    payload: &mut Payload,
    strict: bool,
) -> LocalBoxFuture<'static, Result<(T, bool), actix_web::Error>> {
    reading_body(req, payload, move |req, mut payload| async move {
        let bytes = read_body(&req, &mut payload, FORM_LIMIT).await?;
        let token: CsrfOnly =
            serde_urlencoded::from_bytes(&bytes).unwrap_or(CsrfOnly { csrf: None });
        let holds = csrf_matches(&req, token.csrf.as_deref());
        if !holds && strict {
            tracing::warn!("refused a form with a missing or wrong CSRF token");
            return Err(AppError::Forbidden.into());
        }
        check_urlencoded(&bytes).map_err(AppError::Unreadable)?;
        // The parser's message may quote the value: it is not logged.
        let value = serde_urlencoded::from_bytes::<T>(&bytes).map_err(|_| {
            tracing::info!("malformed form");
            AppError::BadRequest
        })?;
        Ok((value, holds))
    })
}

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = read_form::<T>(req, payload, true);
        Box::pin(async move { form.await.map(|(value, _)| CsrfForm(value)) })
    }
}

/// A form that its handler answers also when its CSRF token does not hold (then doing
/// nothing the token would allow): the sign-in form, whose session may be gone when it is
/// sent (pressed twice: the first press renewed the session; or left open too long).
pub struct FormWithToken<T> {
    /// The form.
    pub form: T,
    /// Whether its CSRF token matched the session's.
    pub token_holds: bool,
}

impl<T: DeserializeOwned + 'static> FromRequest for FormWithToken<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = read_form::<T>(req, payload, false);
        Box::pin(async move {
            form.await
                .map(|(form, token_holds)| FormWithToken { form, token_holds })
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

/// The signed-in person of a request's session, if any.
pub fn principal_of(req: &HttpRequest) -> Option<Principal> {
    req.get_session()
        .get::<Principal>(SESSION_PRINCIPAL)
        .ok()
        .flatten()
}

/// A signed-in person (citizen, company user, staff member: the person is the same).
pub struct Person {
    /// The principal.
    pub principal: Principal,
    /// Their NISS.
    pub niss: crate::domain::Niss,
}

impl FromRequest for Person {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(match principal_of(req) {
            Some(p) => Ok(Person {
                niss: p.niss.clone(),
                principal: p,
            }),
            None => Err(AppError::SignInRequired.into()),
        })
    }
}

/// A signed-in staff member: a person the `staff` table lists now, with the role it gives
/// them now (read on every request: a change of role or a removal counts at once). Nobody
/// signed in who asks for a back-office page is sent to sign in (and comes back to the
/// page: staff keep their deep links); anybody else gets 404: the back office is invisible.
pub struct Staff {
    /// The person.
    pub principal: Principal,
    /// Their row in `staff`.
    pub id: uuid::Uuid,
    /// Their role, now.
    pub role: StaffRole,
}

impl FromRequest for Staff {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let principal = principal_of(req);
        let tenant = super::context::tenant_of(req).clone();
        let is_get = req.method() == actix_web::http::Method::GET;
        Box::pin(async move {
            let Some(principal) = principal else {
                return Err(if is_get {
                    AppError::SignInRequired
                } else {
                    AppError::NotFound
                }
                .into());
            };
            let niss = principal.niss.clone();
            let member = on_db(&tenant, move |conn| {
                crate::db::staff::active_by_niss(conn, &niss)
            })
            .await?;
            match member {
                Some(m) => Ok(Staff {
                    principal,
                    id: m.id,
                    role: m.role,
                }),
                None => Err(AppError::NotFound.into()),
            }
        })
    }
}

/// Declares a struct that a handler takes as one argument for several: its fields are
/// extracted in their order, as that many arguments of the handler would be.
macro_rules! bundled_extractor {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$fmeta:meta])* $fvis:vis $field:ident: $ty:ty, )+
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $( $(#[$fmeta])* $fvis $field: $ty, )+
        }

        impl actix_web::FromRequest for $name {
            type Error = actix_web::Error;
            type Future =
                futures_util::future::LocalBoxFuture<'static, Result<Self, Self::Error>>;
            fn from_request(
                req: &actix_web::HttpRequest,
                payload: &mut actix_web::dev::Payload,
            ) -> Self::Future {
                $crate::web::extract::bundle(req, payload, |($($field,)+)| $name { $($field),+ })
            }
        }
    };
}
pub(crate) use bundled_extractor;

bundled_extractor! {
    /// A back-office request's parts: the page context, the staff member who makes it and
    /// the tenant.
    pub struct BackOffice {
        /// The page context.
        pub ctx: Ctx,
        /// The staff member.
        pub staff: Staff,
        /// The tenant.
        pub tenant: Tenant,
    }
}

impl BackOffice {
    /// Runs `f` on the database's threads with the staff member's id and the time.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut PgConnection, uuid::Uuid, DateTime<Utc>) -> Result<T, ServiceError>
        + Send
        + 'static,
    ) -> Result<T, ServiceError> {
        let (id, now) = (self.staff.id, self.ctx.now);
        run_blocking(self.tenant.pool(), move |conn| f(conn, id, now)).await
    }
}

/// Extracts the parts `T` (a tuple, in its order, as the handler's arguments would be)
/// and makes one argument of them: the extraction of the extractors that bundle others.
pub fn bundle<T, B>(
    req: &HttpRequest,
    payload: &mut Payload,
    make: impl FnOnce(T) -> B + 'static,
) -> LocalBoxFuture<'static, Result<B, actix_web::Error>>
where
    T: FromRequest + 'static,
    T::Error: Into<actix_web::Error>,
{
    let parts = T::from_request(req, payload);
    Box::pin(async move { parts.await.map(make).map_err(Into::into) })
}

fn session_failed(e: actix_session::SessionInsertError) -> AppError {
    AppError::Internal(anyhow::anyhow!("session: {e}"))
}

/// The session renewed (new id) and emptied but for the links opened in it.
fn renewed_session(req: &HttpRequest) -> Result<actix_session::Session, AppError> {
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
            .map_err(session_failed)?;
    }
    Ok(session)
}

/// Puts `principal` in a renewed session (new id, new CSRF token): sign-in. The links
/// opened before signing in stay; anything of another person does not.
pub fn establish_session(
    req: &HttpRequest,
    principal: &Principal,
    id_token: Option<&str>,
) -> Result<(), AppError> {
    let session = renewed_session(req)?;
    session
        .insert(SESSION_PRINCIPAL, principal)
        .map_err(session_failed)?;
    session
        .insert(SESSION_CSRF, new_csrf_token())
        .map_err(session_failed)?;
    session
        .insert(
            SESSION_STARTED,
            super::context::tenant_of(req).session_now(),
        )
        .map_err(session_failed)?;
    if let Some(id_token) = id_token {
        session
            .insert(SESSION_ID_TOKEN, id_token)
            .map_err(session_failed)?;
    }
    Ok(())
}

/// Ends the session (its row is deleted at once).
pub fn end_session(req: &HttpRequest) {
    req.get_session().purge();
}

/// Signs out but keeps a new, anonymous session with the links opened in this one and
/// `values` (the page to come back to): "sign in as someone else".
pub fn restart_session(req: &HttpRequest, values: &[(&str, &str)]) -> Result<(), AppError> {
    let session = renewed_session(req)?;
    session
        .insert(SESSION_CSRF, new_csrf_token())
        .map_err(session_failed)?;
    for (key, value) in values {
        session.insert(*key, *value).map_err(session_failed)?;
    }
    Ok(())
}
