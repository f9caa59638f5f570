//! One error type at the web boundary, and the middleware that turns error statuses into
//! localized pages (or fragments for htmx). Users never see internal text: a 500 shows an
//! incident id, and the full cause chain goes to the log with that id.

use actix_web::{
    HttpResponse, ResponseError,
    body::{BoxBody, EitherBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::{StatusCode, header},
    middleware::Next,
};
use uuid::Uuid;

use super::{
    context::{Ctx, HxRequest},
    routes,
    views::{self, Rendered, errors::ErrorDetail, models::Unreadable},
};
use crate::{
    db::DbError,
    services::{ErrorCode, Refusal},
};

/// What a handler returns: a response, or an error the middleware renders as a page.
pub type Page = Result<HttpResponse, AppError>;

/// Errors of the web side.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such page, or no such object for the signed-in party (never says which).
    #[error("not found")]
    NotFound,
    /// Not allowed (also: CSRF token missing or wrong).
    #[error("forbidden")]
    Forbidden,
    /// A page that needs someone signed in.
    #[error("sign-in required")]
    SignInRequired,
    /// Something must be done first, elsewhere (register, choose a company...).
    #[error("redirect to {0}")]
    Redirect(&'static str),
    /// Malformed request.
    #[error("bad request")]
    BadRequest,
    /// Body too large.
    #[error("payload too large")]
    PayloadTooLarge,
    /// A form or a query holding something that is not text, or a NUL character.
    #[error("unreadable input")]
    Unreadable(Unreadable),
    /// Too many attempts: seconds to wait.
    #[error("too many requests")]
    TooManyRequests(u64),
    /// The rules say no now (shown with its explanation).
    #[error("refused: {0}")]
    Refused(Refusal),
    /// The database cannot be reached, or a statement or lock timeout fired: try again.
    #[error("database unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// Anything else: a bug or an outage; details go to the log only.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Unavailable(msg) => AppError::Unavailable(anyhow::anyhow!(msg)),
            DbError::Query(diesel::result::Error::NotFound) => AppError::NotFound,
            DbError::Query(e) if crate::db::is_transient(&e) => AppError::Unavailable(e.into()),
            DbError::Query(e) => AppError::Internal(e.into()),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        AppError::from(DbError::Query(e))
    }
}

impl From<crate::services::ServiceError> for AppError {
    fn from(e: crate::services::ServiceError) -> Self {
        use crate::services::ServiceError as S;
        match e {
            S::NotFound => AppError::NotFound,
            S::Forbidden => AppError::Forbidden,
            S::Refused(r) => AppError::Refused(r),
            S::Invalid(_) => AppError::BadRequest,
            S::Unavailable(m) => AppError::Unavailable(anyhow::anyhow!(m)),
            S::Db(e) => AppError::from(e),
            S::Other(e) => AppError::Internal(e),
        }
    }
}

impl From<crate::auth::SignInError> for AppError {
    fn from(e: crate::auth::SignInError) -> Self {
        use crate::auth::SignInError as S;
        match e {
            S::UnknownPerson => AppError::BadRequest,
            S::Unavailable(m) => AppError::Unavailable(anyhow::anyhow!(m)),
            S::Db(e) => AppError::from(e),
        }
    }
}

/// The status a refusal is answered with: 403 for a suspended company, else 409.
pub fn refusal_status(refusal: Refusal) -> StatusCode {
    match refusal.code() {
        ErrorCode::CompanySuspended => StatusCode::FORBIDDEN,
        _ => StatusCode::CONFLICT,
    }
}

/// `Retry-After` of a 503 (seconds).
pub const UNAVAILABLE_RETRY_AFTER: &str = "2";

/// The incident id of a 500, kept in the response for the error page.
#[derive(Copy, Clone, Debug)]
pub struct Incident(pub Uuid);

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::Redirect(_) => StatusCode::SEE_OTHER,
            AppError::BadRequest | AppError::Unreadable(_) => StatusCode::BAD_REQUEST,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Refused(r) => refusal_status(*r),
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::Redirect(location) = self {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, *location))
                .finish();
        }
        let mut res = HttpResponse::new(self.status_code());
        match self {
            AppError::Internal(cause) => {
                let incident = Uuid::new_v4();
                tracing::error!(%incident, error = ?cause, "request failed");
                res.extensions_mut().insert(Incident(incident));
            }
            AppError::Unavailable(cause) => {
                // The pool logs once that the database is gone and once that it is back:
                // each request answered 503 meanwhile is not an incident of its own.
                tracing::debug!(error = %cause, "answered 503");
                res.headers_mut().insert(
                    header::RETRY_AFTER,
                    header::HeaderValue::from_static(UNAVAILABLE_RETRY_AFTER),
                );
            }
            AppError::Refused(r) => {
                res.extensions_mut().insert(*r);
            }
            AppError::Unreadable(u) => {
                res.extensions_mut().insert(u.clone());
            }
            AppError::TooManyRequests(wait) => {
                res.headers_mut()
                    .insert(header::RETRY_AFTER, header::HeaderValue::from(*wait));
            }
            _ => {}
        }
        res
    }
}

/// Middleware: replaces any error status of the HTML side (not `/api`, not assets) that the
/// handler did not render itself with the localized error page, or a fragment for htmx.
/// A 401 becomes a redirect to the sign-in page that comes back here afterwards.
pub async fn render_error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, BoxBody>>, actix_web::Error> {
    let path = req.path().to_string();
    let skip = routes::is_api(&path)
        || path.starts_with(routes::ASSETS)
        || path == routes::HEALTHZ
        || path == routes::READYZ;
    let mut res = next.call(req).await?;
    let status = res.status();
    if skip || status.as_u16() < 400 || res.response().extensions().get::<Rendered>().is_some() {
        // A form turned away by an extractor (a redirection to the page that fills a gap:
        // registration, the choice of company) left its body unread too.
        let form = !matches!(
            *res.request().method(),
            actix_web::http::Method::GET | actix_web::http::Method::HEAD
        );
        if form && !skip && res.response().error().is_some() {
            close_after(res.response_mut());
        }
        return Ok(res.map_into_left_body());
    }
    let incident = res
        .response()
        .extensions()
        .get::<Incident>()
        .map(|i| i.0)
        .or_else(|| {
            // A 503 is no incident: the pool logs the outage once.
            (status.is_server_error() && status != StatusCode::SERVICE_UNAVAILABLE).then(|| {
                let incident = Uuid::new_v4();
                if let Some(e) = res.response().error() {
                    tracing::error!(%incident, error = ?e, "request failed");
                }
                incident
            })
        });
    let refusal = res.response().extensions().get::<Refusal>().copied();
    let unreadable = res.response().extensions().get::<Unreadable>().cloned();
    let detail = match (refusal, unreadable) {
        (Some(r), _) => Some(ErrorDetail::Refusal(r)),
        (None, Some(u)) => Some(ErrorDetail::Unreadable(u)),
        (None, None) => None,
    };
    let (req, old) = res.into_parts();
    let after_form = !matches!(
        *req.method(),
        actix_web::http::Method::GET | actix_web::http::Method::HEAD
    );
    let ctx = Ctx::of(&req);
    let HxRequest(hx) = HxRequest::of(&req);
    let mut new = if status == StatusCode::UNAUTHORIZED {
        let current = req
            .headers()
            .get("HX-Current-URL")
            .and_then(|v| v.to_str().ok());
        let back = routes::back_after_sign_in(&ctx.path, after_form, current);
        let target = if after_form {
            routes::sign_in_after_form(back)
        } else {
            routes::with_next(routes::SIGN_IN, back)
        };
        if hx {
            HttpResponse::Ok()
                .insert_header(("HX-Redirect", target))
                .finish()
        } else {
            HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target))
                .finish()
        }
    } else {
        let shown = views::errors::ErrorShown {
            status,
            incident,
            detail: detail.as_ref(),
            after_form,
        };
        let markup = if hx {
            views::errors::error_partial(&ctx, &shown)
        } else {
            views::errors::error_page(&ctx, &shown)
        };
        let mut r = HttpResponse::build(status);
        r.content_type("text/html; charset=utf-8");
        if hx {
            // htmx does not swap error responses by default: ask it to show this fragment
            // in the page's error area.
            r.insert_header(("HX-Retarget", "#flash"));
            r.insert_header(("HX-Reswap", "innerHTML"));
        }
        for name in [header::RETRY_AFTER] {
            if let Some(v) = old.headers().get(&name) {
                r.insert_header((name.clone(), v.clone()));
            }
        }
        r.body(markup.into_string())
    };
    new.extensions_mut().insert(Rendered);
    if after_form {
        close_after(&mut new);
    }
    Ok(ServiceResponse::new(req, new).map_into_right_body())
}

/// Says `Connection: close` on the answer to a request whose body may not have been read
/// (a form refused before its handler ran: a session that ended, a missing right). The
/// server then closes the connection, as it must with a body left unread; said so, the
/// client does not send its next request on that connection while it closes (a browser
/// would silently retry; an HTTP library may fail with the request half sent).
pub fn close_after<B>(res: &mut HttpResponse<B>) {
    res.head_mut()
        .set_connection_type(actix_web::http::ConnectionType::Close);
}
