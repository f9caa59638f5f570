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
    problem::{Code, Problem, Reason},
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

/// The problem of a body or a query whose value serde refused (`path`: where, as
/// `serde_path_to_error` says it, `.` at the top): the field named in `errors`, with why in
/// the caller's language (an unknown, missing or repeated field, a value of the wrong
/// type), and named in the detail too (an unknown one with the known ones). Another error
/// keeps serde's words, with where.
pub(super) fn refused_value(path: &str, message: &str) -> Problem {
    let top = path == "." || path.is_empty();
    let refused = |field: String, key: &'static str| {
        Problem::field(Code::InvalidRequest, field.clone(), key).with_detail_arg("reason", field)
    };
    let named = |prefix: &str| -> Option<String> {
        let name = message.strip_prefix(prefix)?.split('`').next()?;
        Some(if top || path == name {
            name.to_string()
        } else {
            format!("{path}.{name}")
        })
    };
    if let Some(field) = named("unknown field `") {
        // "unknown field `x`, expected one of `a`, `b`" (or "expected `a`", or "there are
        // no fields").
        let known: Vec<&str> = message
            .split_once(", expected")
            .map(|(_, rest)| rest.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let mut problem = refused(field.clone(), "api-field-unknown");
        if !known.is_empty() {
            problem.reason = Some(Reason::Said(
                "api-reason-known-fields",
                vec![("field", field.into()), ("known", known.join(", ").into())],
            ));
        }
        return problem;
    }
    for (prefix, key) in [
        ("missing field `", "api-field-missing"),
        ("duplicate field `", "api-field-repeated"),
    ] {
        if let Some(field) = named(prefix) {
            return refused(field, key);
        }
    }
    let wrong = message.starts_with("invalid type: ") || message.starts_with("invalid value: ");
    if let (false, true, Some((_, expected))) = (top, wrong, message.rsplit_once(", expected ")) {
        return if expected == "a string" {
            refused(path.to_string(), "api-field-not-text")
        } else {
            refused(path.to_string(), "api-field-type")
                .with_detail_arg("reason", format!("{path}: expected {expected}"))
        };
    }
    let reason = if top {
        message.to_string()
    } else {
        format!("{path}: {message}")
    };
    Problem::new(Code::InvalidRequest).with_detail_arg("reason", reason)
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
                return Err(Problem::unreadable("api-reason-content-type", vec![]).into());
            }
            let bytes = match read_body(&req, &mut payload, JSON_LIMIT).await {
                Ok(bytes) => bytes,
                Err(AppError::PayloadTooLarge) => {
                    return Err(Problem::new(Code::PayloadTooLarge).into());
                }
                Err(_) => return Err(Problem::unreadable("api-reason-unreadable", vec![]).into()),
            };
            // Syntax errors say where, never what: the message may go back to the caller.
            let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
                let at = |n: usize| i64::try_from(n).unwrap_or(i64::MAX).into();
                Problem::unreadable(
                    "api-reason-not-json",
                    vec![("line", at(e.line())), ("column", at(e.column()))],
                )
            })?;
            if let Some(path) = nul_path(&value) {
                return Err(if path.is_empty() {
                    Problem::unreadable("api-reason-nul", vec![])
                } else {
                    Problem::field(Code::InvalidRequest, path.clone(), "api-field-nul")
                        .with_detail_arg("reason", path)
                }
                .into());
            }
            if !value.is_object() {
                return Err(Problem::unreadable("api-reason-not-object", vec![]).into());
            }
            let value = serde_path_to_error::deserialize::<_, T>(value)
                .map_err(|e| refused_value(&e.path().to_string(), &e.inner().to_string()))?;
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
        match unreadable.field {
            Some(field) => Problem::field(
                Code::InvalidRequest,
                field.clone(),
                "api-field-not-readable",
            )
            .with_detail_arg("reason", field),
            None => Problem::unreadable("api-reason-query-not-readable", vec![]),
        }
        .error_response()
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)] // read by serde only
    struct Sample {
        context: String,
        on_behalf_of: Option<String>,
    }

    /// The refused field of a problem, why, and the detail's reason in English.
    fn said(p: &Problem) -> (Option<String>, Option<&'static str>, String) {
        let body = p.body(crate::i18n::Lang::En, "https://mandat.example");
        (
            p.fields.first().map(|(f, _)| f.to_string()),
            p.fields.first().map(|(_, k)| *k),
            body["detail"].as_str().unwrap_or_default().to_string(),
        )
    }

    #[test]
    fn a_refused_value_names_its_field_and_says_why_in_the_callers_words() {
        let body = |v: Value| {
            let e = serde_path_to_error::deserialize::<_, Sample>(v).unwrap_err();
            said(&refused_value(
                &e.path().to_string(),
                &e.inner().to_string(),
            ))
        };
        let query = |q: &str| match actix_web::web::Query::<Sample>::from_query(q) {
            Err(actix_web::error::QueryPayloadError::Deserialize(e)) => {
                said(&refused_value(".", &e.to_string()))
            }
            other => panic!("{q}: {other:?}"),
        };
        let cases = [
            (
                body(json!({"context": "x", "extra": 1})),
                "extra",
                "api-field-unknown",
                "(extra: the known fields are context, onBehalfOf)",
            ),
            (
                body(json!({"onBehalfOf": "x"})),
                "context",
                "api-field-missing",
                "(context)",
            ),
            (
                body(json!({"context": 3})),
                "context",
                "api-field-not-text",
                "(context)",
            ),
            (
                body(json!({"context": "x", "onBehalfOf": ["a"]})),
                "onBehalfOf",
                "api-field-not-text",
                "(onBehalfOf)",
            ),
            (
                query("context=a&pageSize=2"),
                "pageSize",
                "api-field-unknown",
                "(pageSize: the known fields are context, onBehalfOf)",
            ),
            (
                query("onBehalfOf=a"),
                "context",
                "api-field-missing",
                "(context)",
            ),
            (
                query("context=a&context=b"),
                "context",
                "api-field-repeated",
                "(context)",
            ),
        ];
        for ((field, key, detail), want_field, want_key, want_reason) in cases {
            assert_eq!(field.as_deref(), Some(want_field), "{detail}");
            assert_eq!(key, Some(want_key), "{detail}");
            assert_eq!(detail, format!("The request is not valid. {want_reason}"));
        }
        // Anything else keeps serde's words, with where.
        let (field, _, detail) = said(&refused_value("label", "something else"));
        assert_eq!(field, None);
        assert!(detail.ends_with("(label: something else)"), "{detail}");
    }

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
