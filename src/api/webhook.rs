//! The client's webhook (`/api/v1/webhook`): one HTTPS endpoint per client, told of
//! acceptances and stopped accesses, each delivery signed with the client's secret.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use super::{
    caller::Caller,
    problem::{Code, Problem},
};
use crate::{services::api_clients::ApiScope, settings::Mode, webhooks};

/// The body of `PUT /api/v1/webhook`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct WebhookBody {
    url: String,
    secret: String,
}

/// `PUT /api/v1/webhook`: the client's one endpoint (HTTPS) and the secret that signs
/// the deliveries (at least 16 characters).
pub(super) async fn put(
    caller: Caller,
    body: web::Json<WebhookBody>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let body = body.into_inner();
    let local = !matches!(caller.state.settings.mode, Mode::Production);
    if !webhooks::valid_url(&body.url, local) {
        return Err(Problem::new(Code::InvalidRequest).with_detail_arg("reason", "url"));
    }
    if !(16..=200).contains(&body.secret.chars().count())
        || body.secret.chars().any(char::is_control)
    {
        return Err(Problem::new(Code::InvalidRequest).with_detail_arg("reason", "secret"));
    }
    let id = caller.caller.client_id;
    caller
        .run(move |conn| {
            Ok(webhooks::set_endpoint(
                conn,
                id,
                Some((&body.url, &body.secret)),
            )?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `GET /api/v1/webhook`: the endpoint's URL (never the secret).
pub(super) async fn get(caller: Caller) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = caller.caller.client_id;
    let url = caller
        .run(move |conn| Ok(webhooks::endpoint(conn, id)?))
        .await?
        .ok_or_else(|| Problem::new(Code::NotFound))?;
    Ok(HttpResponse::Ok().json(json!({ "url": url })))
}

/// `DELETE /api/v1/webhook`: no more deliveries.
pub(super) async fn delete(caller: Caller) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = caller.caller.client_id;
    caller
        .run(move |conn| Ok(webhooks::set_endpoint(conn, id, None)?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
