//! The API's side of the one input layer: [`Body`] reads every JSON body, and
//! [`refuse_unreadable_queries`] every query string. A body over the limit is a 413
//! `PAYLOAD_TOO_LARGE`; a body that is not JSON text (invalid UTF-8 included), or any string
//! in it holding a NUL character (which PostgreSQL refuses), is a 400 `INVALID_REQUEST`
//! naming the field, before any handler sees it.

use actix_web::{
    FromRequest, HttpRequest, ResponseError,
    body::{EitherBody, MessageBody},
    dev::{Payload, ServiceRequest, ServiceResponse},
    http::header,
    middleware::Next,
};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{
    JSON_LIMIT,
    problem::{Code, Problem},
};
use crate::web::{
    errors::AppError,
    input::{read_body, reading_body, refusing_unreadable_queries},
};

/// A JSON body of type `T`, read through the input layer.
pub struct Body<T>(pub T);

impl<T> Body<T> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Body<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The path (`label`, `items/2/name`) of the first string of `value`, key or value, that
/// holds a NUL character.
fn nul_path(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => s.contains('\0').then(String::new),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| nul_path(v).map(|p| join(&i.to_string(), &p))),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            if k.contains('\0') {
                Some(String::new())
            } else {
                nul_path(v).map(|p| join(k, &p))
            }
        }),
        _ => None,
    }
}

fn join(head: &str, rest: &str) -> String {
    if rest.is_empty() {
        head.to_string()
    } else {
        format!("{head}/{rest}")
    }
}

/// Why a body's JSON does not make the expected value, with where: `email: invalid type:
/// integer `5`, expected a string`. At the top (a missing or unknown field), serde's message
/// names the field itself.
fn reason_at(e: &serde_path_to_error::Error<serde_json::Error>) -> String {
    match e.path().to_string().as_str() {
        "." => e.inner().to_string(),
        path => format!("{path}: {}", e.inner()),
    }
}

/// The invalid-request problem of a body, with its reason.
fn invalid(reason: impl Into<String>) -> actix_web::Error {
    Problem::new(Code::InvalidRequest)
        .with_detail_arg("reason", reason)
        .into()
}

/// Whether the request says its body is JSON (`application/json`, or `...+json`).
fn is_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .is_some_and(|m| m == "application/json" || m.ends_with("+json"))
}

impl<T: DeserializeOwned + 'static> FromRequest for Body<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        reading_body(req, payload, |req, mut payload| async move {
            if !is_json(&req) {
                return Err(invalid("Content-Type must be application/json"));
            }
            let bytes = match read_body(&req, &mut payload, JSON_LIMIT).await {
                Ok(bytes) => bytes,
                Err(AppError::PayloadTooLarge) => {
                    return Err(Problem::new(Code::PayloadTooLarge).into());
                }
                Err(_) => return Err(invalid("body")),
            };
            // Syntax errors say where, never what: the message may go back to the caller.
            let value: Value = serde_json::from_slice(&bytes)
                .map_err(|e| invalid(format!("not JSON text: {e}")))?;
            if let Some(path) = nul_path(&value) {
                return Err(invalid(format!("{path}: a null character")));
            }
            if !value.is_object() {
                return Err(invalid("the body must be a JSON object"));
            }
            let value = serde_path_to_error::deserialize::<_, T>(value)
                .map_err(|e| invalid(reason_at(&e)))?;
            Ok(Body(value))
        })
    }
}

/// Middleware of `/api`: a query string that is not text, or holds a NUL character, is a
/// 400 `INVALID_REQUEST` naming the parameter.
pub async fn refuse_unreadable_queries(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    refusing_unreadable_queries(req, next, |unreadable| {
        let reason = match unreadable.field {
            Some(field) => format!("{field}: not text, or a null character"),
            None => "query: not text, or a null character".to_string(),
        };
        Problem::new(Code::InvalidRequest)
            .with_detail_arg("reason", reason)
            .error_response()
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_path_of_a_null_character() {
        let cases = [
            (json!({"label": "ok", "email": "a@b.be"}), None),
            (json!({"label": "a\u{0}b"}), Some("label")),
            (
                json!({"items": [{"x": "1"}, {"name": "\u{0}"}]}),
                Some("items/1/name"),
            ),
            (json!({"a\u{0}": 1}), Some("")),
            (json!("\u{0}"), Some("")),
            (json!(12), None),
        ];
        for (value, want) in cases {
            assert_eq!(nul_path(&value).as_deref(), want, "{value}");
        }
    }
}
