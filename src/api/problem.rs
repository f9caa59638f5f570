//! RFC 9457 problem details with a stable `code`, the `detail` in the caller's language.

use actix_web::{
    HttpResponse, ResponseError,
    body::{BoxBody, EitherBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::{StatusCode, header},
    middleware::Next,
};
use serde_json::json;

use crate::{i18n, i18n::Lang};

/// The stable error codes of the API.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Code {
    /// A NISS that is not one.
    InvalidNiss,
    /// An enterprise number that is not one.
    InvalidBce,
    /// An e-mail address that is not one.
    InvalidEmail,
    /// Anything else malformed.
    InvalidRequest,
    /// A context that does not exist.
    UnknownContext,
    /// No such object for this client.
    NotFound,
    /// Not in a state allowing this.
    InvalidState,
    /// No active citizen mandate for this person and context.
    NoActiveMandate,
    /// No valid bearer token.
    Unauthorized,
    /// The token lacks the scope.
    InsufficientScope,
    /// The company did not activate this API.
    ApiNotActivated,
    /// The company is suspended.
    CompanySuspended,
    /// Too many calls.
    RateLimited,
    /// Our fault.
    Internal,
}

impl Code {
    /// The code as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::InvalidNiss => "INVALID_NISS",
            Code::InvalidBce => "INVALID_BCE",
            Code::InvalidEmail => "INVALID_EMAIL",
            Code::InvalidRequest => "INVALID_REQUEST",
            Code::UnknownContext => "UNKNOWN_CONTEXT",
            Code::NotFound => "NOT_FOUND",
            Code::InvalidState => "INVALID_STATE",
            Code::NoActiveMandate => "NO_ACTIVE_MANDATE",
            Code::Unauthorized => "UNAUTHORIZED",
            Code::InsufficientScope => "INSUFFICIENT_SCOPE",
            Code::ApiNotActivated => "API_NOT_ACTIVATED",
            Code::CompanySuspended => "COMPANY_SUSPENDED",
            Code::RateLimited => "RATE_LIMITED",
            Code::Internal => "INTERNAL_ERROR",
        }
    }

    /// The HTTP status.
    pub fn status(self) -> StatusCode {
        match self {
            Code::InvalidNiss
            | Code::InvalidBce
            | Code::InvalidEmail
            | Code::InvalidRequest
            | Code::UnknownContext => StatusCode::BAD_REQUEST,
            Code::NotFound => StatusCode::NOT_FOUND,
            Code::InvalidState => StatusCode::CONFLICT,
            Code::NoActiveMandate
            | Code::InsufficientScope
            | Code::ApiNotActivated
            | Code::CompanySuspended => StatusCode::FORBIDDEN,
            Code::Unauthorized => StatusCode::UNAUTHORIZED,
            Code::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Code::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn key(self) -> String {
        format!(
            "api-error-{}",
            self.as_str().to_ascii_lowercase().replace('_', "-")
        )
    }
}

/// A problem to answer with.
#[derive(Clone, Debug)]
pub struct Problem {
    /// Its code.
    pub code: Code,
    /// A value for the detail message (`reason`).
    pub reason: Option<String>,
    /// Seconds to wait (429).
    pub retry_after: Option<u64>,
}

impl Problem {
    /// A problem of this code.
    pub fn new(code: Code) -> Problem {
        Problem {
            code,
            reason: None,
            retry_after: None,
        }
    }
    /// Adds the `reason` argument of the detail.
    pub fn with_detail_arg(mut self, _name: &'static str, value: impl Into<String>) -> Problem {
        self.reason = Some(value.into());
        self
    }
    /// Adds `Retry-After`.
    pub fn retry_after(mut self, seconds: u64) -> Problem {
        self.retry_after = Some(seconds);
        self
    }

    /// The JSON body in `lang`.
    pub fn body(&self, lang: Lang) -> serde_json::Value {
        let status = self.code.status();
        let mut detail = lang.t(&self.code.key());
        if let Some(reason) = &self.reason {
            detail = format!("{detail} ({reason})");
        }
        json!({
            "type": format!("https://mandat.example/problems/{}", self.code.as_str().to_ascii_lowercase().replace('_', "-")),
            "title": status.canonical_reason().unwrap_or("Error"),
            "status": status.as_u16(),
            "code": self.code.as_str(),
            "detail": detail,
        })
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code.as_str())
    }
}

impl ResponseError for Problem {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }
    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::new(self.status_code());
        res.extensions_mut().insert(self.clone());
        res
    }
}

/// Middleware of `/api`: every error answer becomes a problem document in the language of
/// `Accept-Language` (English when none of ours is asked for).
pub async fn render_problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, BoxBody>>, actix_web::Error> {
    let lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(i18n::from_accept_language)
        .unwrap_or(Lang::En);
    let is_token = req.path() == "/api/oauth/token";
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
                404 | 405 => Code::NotFound,
                429 => Code::RateLimited,
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
    let (req, _) = res.into_parts();
    let mut out = HttpResponse::build(problem.code.status());
    out.content_type("application/problem+json");
    if problem.code == Code::Unauthorized {
        out.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"mandat\""));
    }
    if let Some(s) = problem.retry_after {
        out.insert_header((header::RETRY_AFTER, s.to_string()));
    }
    let out = out.body(problem.body(lang).to_string());
    Ok(ServiceResponse::new(req, out).map_into_right_body())
}
