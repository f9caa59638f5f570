//! `POST /api/oauth/token`: the OAuth 2.0 client-credentials grant (RFC 6749 4.4), the
//! client authenticated by HTTP Basic or by `client_id` and `client_secret` in the form
//! (RFC 6749 2.3.1: both are common in integrators' libraries), one of them, not both. Its
//! errors are OAuth's (`{"error": ...}`), not problem documents.

use actix_web::{
    FromRequest, HttpRequest, HttpResponse,
    dev::Payload,
    http::{StatusCode, header},
    web,
};
use actix_web_httpauth::extractors::basic::BasicAuth;
use serde::Deserialize;
use serde_json::json;

use crate::{
    db::run_blocking,
    services::{
        ServiceError,
        api_clients::{self, TokenError},
    },
    web::{
        errors::AppError,
        input::{check_urlencoded, read_body},
    },
};

/// The form of the grant.
#[derive(Deserialize)]
struct TokenForm {
    grant_type: Option<String>,
    scope: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

/// What a token request without usable credentials is told.
const CREDENTIALS_NEEDED: &str = "client authentication is needed: HTTP Basic with client_id \
     and client_secret, or client_id and client_secret in the form";

/// An OAuth error answer (RFC 6749 5.2); a 401 asks for Basic authentication.
fn oauth_error(status: StatusCode, error: &str) -> HttpResponse {
    oauth_error_described(status, error, None)
}

/// An OAuth error answer with its `error_description`.
fn oauth_error_described(
    status: StatusCode,
    error: &str,
    description: Option<&str>,
) -> HttpResponse {
    let mut res = HttpResponse::build(status);
    if status == StatusCode::UNAUTHORIZED {
        res.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"mandat\""));
    }
    let body = match description {
        Some(d) => json!({ "error": error, "error_description": d }),
        None => json!({ "error": error }),
    };
    res.insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body)
}

/// Largest token request body: a grant type and a few scopes.
const TOKEN_FORM_LIMIT: usize = 16 * 1024;

/// Issues a bearer token for the requested scopes (all the client's when none is asked).
pub(super) async fn token(req: HttpRequest, payload: web::Payload) -> HttpResponse {
    let mut payload = payload.into_inner();
    let basic = BasicAuth::from_request(&req, &mut Payload::None).await;
    // Through the input layer: a body over the limit is read to its end (up to a bound)
    // before the 413, so that a client still sending reads the answer, not a reset.
    let body = read_body(&req, &mut payload, TOKEN_FORM_LIMIT).await;
    let form = match body {
        Ok(bytes) => match check_urlencoded(&bytes)
            .ok()
            .and_then(|()| serde_urlencoded::from_bytes::<TokenForm>(&bytes).ok())
        {
            Some(form) => form,
            None => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request"),
        },
        Err(AppError::PayloadTooLarge) => {
            return oauth_error(StatusCode::PAYLOAD_TOO_LARGE, "invalid_request");
        }
        Err(_) => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request"),
    };
    let in_form = form.client_id.is_some() || form.client_secret.is_some();
    let (client_id, secret) = match (basic, in_form) {
        (Ok(_), true) => {
            return oauth_error_described(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                Some("one client authentication method at a time: HTTP Basic or the form"),
            );
        }
        (Ok(basic), false) => (
            basic.user_id().to_string(),
            basic.password().map(|p| p.to_string()).unwrap_or_default(),
        ),
        (Err(_), true) => (
            form.client_id.unwrap_or_default(),
            form.client_secret.unwrap_or_default(),
        ),
        (Err(_), false) => {
            return oauth_error_described(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                Some(CREDENTIALS_NEEDED),
            );
        }
    };
    if form.grant_type.as_deref() != Some("client_credentials") {
        return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type");
    }
    let scope = form.scope;
    let tenant = crate::web::context::tenant_of(&req);
    let now = tenant.now();
    let result = run_blocking(tenant.pool(), move |conn| {
        api_clients::issue_token(conn, &client_id, &secret, scope.as_deref(), now)
    })
    .await;
    match result {
        Ok(Ok(t)) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(json!({
                "access_token": t.access_token,
                "token_type": "Bearer",
                "expires_in": t.expires_in,
                "scope": t.scope,
            })),
        Ok(Err(TokenError::InvalidClient)) => {
            oauth_error(StatusCode::UNAUTHORIZED, "invalid_client")
        }
        Ok(Err(TokenError::InvalidScope)) => oauth_error(StatusCode::BAD_REQUEST, "invalid_scope"),
        Ok(Err(TokenError::Suspended)) => oauth_error_described(
            StatusCode::BAD_REQUEST,
            "unauthorized_client",
            Some("the company is suspended"),
        ),
        Err(ServiceError::Unavailable(_)) => {
            oauth_error(StatusCode::SERVICE_UNAVAILABLE, "temporarily_unavailable")
        }
        Err(e) => {
            tracing::error!(error = %e, "token endpoint failed");
            oauth_error(StatusCode::INTERNAL_SERVER_ERROR, "server_error")
        }
    }
}
