//! RFC 9457 problem details with a stable `code`, the `detail` in the caller's language.

use actix_web::{
    HttpResponse, ResponseError,
    body::{BoxBody, EitherBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::{Method, StatusCode, header},
    middleware::Next,
};
use std::borrow::Cow;

use serde_json::json;

pub use crate::services::ErrorCode as Code;
use crate::{
    db::DbError,
    i18n,
    i18n::{Arg, Lang},
    services::{Refusal, ServiceError},
    web::routes,
};

/// `Retry-After` of a 503 (seconds).
pub const UNAVAILABLE_RETRY_AFTER: u64 = 2;

/// The HTTP status of a code.
pub fn status_of(code: Code) -> StatusCode {
    StatusCode::from_u16(code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The message key of a code's generic detail.
fn key_of(code: Code) -> String {
    code.message_key()
}

/// A problem to answer with.
#[derive(Clone, Debug)]
pub struct Problem {
    /// Its code.
    pub code: Code,
    /// What the detail adds, in brackets: why the body or the query could not be read.
    pub reason: Option<Reason>,
    /// Seconds to wait (429, 503).
    pub retry_after: Option<u64>,
    /// The refusal explained, when the rules said no.
    pub refusal: Option<Refusal>,
    /// Every field of the body refused, with the message key of why (the `errors` member).
    pub fields: Vec<(Cow<'static, str>, &'static str)>,
}

/// What a problem's detail adds in brackets.
#[derive(Clone, Debug)]
pub enum Reason {
    /// Words that are no sentence to translate (the known contexts' codes, the fields).
    Text(String),
    /// A message in the caller's language, with its arguments.
    Said(&'static str, Vec<(&'static str, Arg)>),
}

impl Problem {
    /// A problem of this code.
    pub fn new(code: Code) -> Problem {
        Problem {
            code,
            reason: None,
            retry_after: None,
            refusal: None,
            fields: Vec::new(),
        }
    }
    /// The problem of a refusal: its code, and its explanation as the detail.
    pub fn refused(refusal: Refusal) -> Problem {
        Problem {
            refusal: Some(refusal),
            ..Problem::new(refusal.code())
        }
    }
    /// The problem of one refused field of the request, its code's message also the field's
    /// (in the `errors` member, as every refused field is).
    pub fn field(code: Code, field: impl Into<Cow<'static, str>>, key: &'static str) -> Problem {
        Problem {
            fields: vec![(field.into(), key)],
            ..Problem::new(code)
        }
    }
    /// An unknown context: the detail lists the known ones (from the registry).
    pub fn unknown_context() -> Problem {
        let known: Vec<&str> = crate::domain::Context::all()
            .map(crate::domain::Context::code)
            .collect();
        Problem::new(Code::UnknownContext).with_detail_arg("reason", known.join(", "))
    }
    /// Adds the `reason` argument of the detail.
    pub fn with_detail_arg(mut self, _name: &'static str, value: impl Into<String>) -> Problem {
        self.reason = Some(Reason::Text(value.into()));
        self
    }
    /// The invalid-request problem of a body or a query that cannot be read, why in the
    /// caller's language (the message `key`, with `args`).
    pub fn unreadable(key: &'static str, args: Vec<(&'static str, Arg)>) -> Problem {
        Problem {
            reason: Some(Reason::Said(key, args)),
            ..Problem::new(Code::InvalidRequest)
        }
    }
    /// Adds `Retry-After`.
    pub fn retry_after(mut self, seconds: u64) -> Problem {
        self.retry_after = Some(seconds);
        self
    }

    /// The JSON body in `lang`, its `type` the section of its code on the problem types'
    /// page of the service at `base` (its public URL).
    pub fn body(&self, lang: Lang, base: &str) -> serde_json::Value {
        let status = status_of(self.code);
        let mut detail = match self.refusal {
            Some(r) => lang.t(r.message_key()),
            None => lang.t(&key_of(self.code)),
        };
        match &self.reason {
            Some(Reason::Text(words)) => detail = format!("{detail} ({words})"),
            Some(Reason::Said(key, args)) => {
                detail = format!("{detail} ({})", lang.t_args(key, args));
            }
            None => {}
        }
        let mut body = json!({
            "type": routes::problem_type(base, &self.code.slug()),
            "title": status.canonical_reason().unwrap_or("Error"),
            "status": status.as_u16(),
            "code": self.code.as_str(),
            "detail": detail,
        });
        // Every refused field at once, each with why in the caller's language, so that an
        // integrator corrects them all in one go (an extension member, RFC 9457 3.2).
        if !self.fields.is_empty() {
            body["errors"] = self
                .fields
                .iter()
                .map(|(field, key)| json!({ "field": field, "detail": lang.t(key) }))
                .collect();
        }
        body
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code.as_str())
    }
}

impl ResponseError for Problem {
    fn status_code(&self) -> StatusCode {
        status_of(self.code)
    }
    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::new(self.status_code());
        res.extensions_mut().insert(self.clone());
        res
    }
}

impl From<DbError> for Problem {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Unavailable(m) => {
                // The pool logs the outage once; not each call answered 503.
                tracing::debug!(error = %m, "api: database unavailable");
                Problem::new(Code::Unavailable).retry_after(UNAVAILABLE_RETRY_AFTER)
            }
            DbError::Query(e) if crate::db::is_transient(&e) => {
                tracing::debug!(error = %e, "api: database busy or gone");
                Problem::new(Code::Unavailable).retry_after(UNAVAILABLE_RETRY_AFTER)
            }
            DbError::Query(e) => {
                tracing::error!(error = %e, "api database error");
                Problem::new(Code::Internal)
            }
        }
    }
}

impl From<ServiceError> for Problem {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::NotFound => Problem::new(Code::NotFound),
            ServiceError::Forbidden => Problem::new(Code::InsufficientScope),
            // The pages' explanation of a suspension is followed by its reason; the API
            // says it in its own words, as when the caller's own company is suspended.
            ServiceError::Refused(Refusal::CompanySuspended) => {
                Problem::new(Code::CompanySuspended)
            }
            ServiceError::Refused(r) => Problem::refused(r),
            ServiceError::Unavailable(m) => Problem::from(DbError::Unavailable(m)),
            ServiceError::Invalid(errors) => {
                let code = match errors.keys().next().copied() {
                    Some("email") => Code::InvalidEmail,
                    Some("niss") => Code::InvalidNiss,
                    Some("context") => Code::UnknownContext,
                    _ => Code::InvalidRequest,
                };
                if code == Code::UnknownContext {
                    return Problem {
                        fields: owned(errors),
                        ..Problem::unknown_context()
                    };
                }
                let names: Vec<&str> = errors.keys().copied().collect();
                Problem {
                    fields: owned(errors),
                    ..Problem::new(code).with_detail_arg("reason", names.join(", "))
                }
            }
            ServiceError::Db(e) => Problem::from(DbError::Query(e)),
            ServiceError::Other(e) => {
                tracing::error!(error = ?e, "api error");
                Problem::new(Code::Internal)
            }
        }
    }
}

/// The refused fields of a service, as a problem's.
fn owned(errors: crate::services::FieldErrors) -> Vec<(Cow<'static, str>, &'static str)> {
    errors
        .into_iter()
        .map(|(field, key)| (Cow::Borrowed(field), key))
        .collect()
}

/// Middleware of `/api`: every error answer becomes a problem document in the language of
/// `Accept-Language` (English when none of ours is asked for).
pub async fn render_problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, BoxBody>>, actix_web::Error> {
    let lang = lang_of(req.headers());
    let is_token = req.path() == routes::API_TOKEN;
    let res = next.call(req).await?;
    let status = res.status();
    if status.as_u16() < 400 || is_token {
        return Ok(res.map_into_left_body());
    }
    let problem = res
        .response()
        .extensions()
        .get::<Problem>()
        .cloned()
        .unwrap_or_else(|| {
            let code = match status.as_u16() {
                401 => Code::Unauthorized,
                404 => Code::NotFound,
                405 => Code::MethodNotAllowed,
                413 => Code::PayloadTooLarge,
                429 => Code::RateLimited,
                503 => Code::Unavailable,
                400..=499 => Code::InvalidRequest,
                _ => Code::Internal,
            };
            if status.is_server_error()
                && let Some(e) = res.response().error()
            {
                tracing::error!(error = ?e, "api request failed");
            }
            Problem::new(code)
        });
    // A 405 says which methods the resource takes (RFC 9110: it must).
    let allow = res.headers().get(header::ALLOW).cloned();
    let (req, _) = res.into_parts();
    let base = &crate::web::context::state(&req).settings.public_url;
    let mut answer = problem.response(lang, base);
    if let Some(allow) = allow {
        answer.headers_mut().insert(header::ALLOW, allow);
    }
    // A call refused before its body was read (no token, a wrong method, a limit).
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        crate::web::errors::close_after(&mut answer);
    }
    Ok(ServiceResponse::new(req, answer).map_into_right_body())
}

/// The language of a caller's problems: `Accept-Language`, English when none of ours is
/// asked for.
pub fn lang_of(headers: &header::HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(i18n::from_accept_language)
        .unwrap_or(Lang::En)
}

impl Problem {
    /// The problem document as a whole response, in `lang`, of the service at `base`.
    pub fn response(&self, lang: Lang, base: &str) -> HttpResponse {
        let mut out = HttpResponse::build(status_of(self.code));
        out.content_type("application/problem+json");
        if self.code == Code::Unauthorized {
            out.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"mandat\""));
        }
        if let Some(s) = self.retry_after {
            out.insert_header((header::RETRY_AFTER, s.to_string()));
        }
        out.body(self.body(lang, base).to_string())
    }
}
