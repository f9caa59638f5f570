//! The client's webhook (`/api/v1/webhook`): one HTTPS endpoint per client, told of
//! acceptances and stopped accesses, each delivery signed with the client's secret.

use std::time::Duration;

use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::json;

use super::{
    body::Body,
    caller::Caller,
    problem::{Code, Problem},
};
use crate::{
    domain::text,
    services::{FieldErrors, ServiceError, api_clients::ApiScope},
    webhooks::{self, Destinations, UrlError},
};

/// The body of `PUT /api/v1/webhook`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct WebhookBody {
    url: String,
    secret: String,
}

/// How long the host name of a webhook may take to resolve at registration.
const RESOLVE_TIMEOUT: Duration = Duration::from_secs(5);

/// `PUT /api/v1/webhook`: the client's one endpoint (HTTPS, to a public address of the
/// internet: its host name is resolved now and every address judged, see
/// [`webhooks::destinations`]) and the secret that signs the deliveries (16 to 200
/// visible characters).
pub(super) async fn put(caller: Caller, body: Body<WebhookBody>) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let body = body.into_inner();
    // Both fields are judged, and every refusal said at once (the problem's `errors`).
    let mut errors = FieldErrors::new();
    if !(16..=200).contains(&body.secret.chars().count()) || text::has_forbidden(&body.secret) {
        errors.insert("secret", "api-webhook-error-secret");
    }
    let destinations = Destinations {
        allow_loopback: caller.state.settings.webhook_loopback,
    };
    let url = body.url.clone();
    let checked = tokio::time::timeout(
        RESOLVE_TIMEOUT,
        tokio::task::spawn_blocking(move || destinations.check(&url)),
    )
    .await;
    let refused = match checked {
        Ok(Ok(Ok(()))) => None,
        Ok(Ok(Err(e))) => Some(e),
        Ok(Err(_)) | Err(_) => Some(UrlError::Unresolved),
    };
    if let Some(e) = refused {
        errors.insert("url", e.message_key());
    }
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors).into());
    }
    let id = caller.caller.client_id;
    let keys = caller.state.settings.keyring.clone();
    caller
        .run(move |conn| {
            Ok(webhooks::set_endpoint(
                conn,
                &keys,
                id,
                Some((&body.url, &body.secret)),
            )?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `GET /api/v1/webhook`: the endpoint's URL (never the secret), and how its deliveries
/// fare: what waits, what is retried and why, the last delivery, what was given up.
pub(super) async fn get(caller: Caller) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = caller.caller.client_id;
    let (url, h) = caller
        .run(move |conn| Ok(webhooks::status(conn, id)?))
        .await?
        .ok_or_else(|| Problem::new(Code::NotFound))?;
    let instant = |at: chrono::DateTime<chrono::Utc>| at.to_rfc3339();
    let last_given_up = match (
        h.last_given_up_at,
        h.last_given_up_event,
        h.last_given_up_error,
    ) {
        (Some(at), Some(event), error) => json!({
            "at": instant(at),
            "event": event,
            "error": error.unwrap_or_default(),
        }),
        _ => serde_json::Value::Null,
    };
    Ok(HttpResponse::Ok().json(json!({
        "url": url,
        "deliveries": {
            "waiting": h.waiting,
            "retrying": h.retrying,
            "retryError": h.retry_error,
            "lastDeliveredAt": h.last_delivered_at.map(instant),
            "givenUp": h.given_up,
            "lastGivenUp": last_given_up,
        },
    })))
}

/// `POST /api/v1/webhook/redeliver`: the deliveries given up are sent again (the endpoint
/// is back); how many were queued.
pub(super) async fn redeliver(caller: Caller) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = caller.caller.client_id;
    let now = caller.now();
    let queued = caller
        .run(move |conn| Ok(webhooks::redeliver_given_up(conn, id, now)?))
        .await?
        .ok_or_else(|| Problem::new(Code::NotFound))?;
    Ok(HttpResponse::Accepted().json(json!({ "queued": queued })))
}

/// `DELETE /api/v1/webhook`: no more deliveries.
pub(super) async fn delete(caller: Caller) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = caller.caller.client_id;
    let keys = caller.state.settings.keyring.clone();
    caller
        .run(move |conn| Ok(webhooks::set_endpoint(conn, &keys, id, None)?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
