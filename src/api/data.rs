//! Pre-contractual data (`/api/v1/precontractual-data/{slug}`, one per context of the
//! registry): a recorded consultation of a citizen's data under an active mandate for that
//! context. The answer's fields are the context's answer as the company sees it
//! ([`crate::domain::Answer::to_json`]): nothing here is specific to a context.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use super::{
    body::Body,
    caller::Caller,
    problem::{Code, Problem},
};
use crate::{
    domain::{Context, Niss},
    services::{
        api_clients::ApiScope,
        consult::{self, Consultation},
        requests,
    },
};

/// The body of a consultation: the citizen, and the client company acted for.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct DataBody {
    niss: String,
    on_behalf_of: Option<String>,
}

/// Consults the data of `context` for the citizen of `body`, under their active mandate.
async fn consult_by_niss(
    caller: &Caller,
    body: &DataBody,
    context: Context,
) -> Result<Consultation, Problem> {
    caller.require(ApiScope::PrecontractualData)?;
    let refused = || Problem::field(Code::InvalidNiss, "niss", "api-error-invalid-niss");
    if body.niss.len() != 11 {
        return Err(refused());
    }
    let niss = Niss::parse(&body.niss).map_err(|_| refused())?;
    let (actor, now) = (caller.actor(), caller.now());
    let sources = caller.state.sources.clone();
    caller
        .in_scope(body.on_behalf_of.as_deref(), move |conn, scope| {
            match requests::active_mandate_for(conn, scope, &niss, context, now)? {
                None => Ok(None),
                Some(mandate) => {
                    consult::consult(conn, sources.as_ref(), scope, &actor, mandate.id, None, now)
                        .map(Some)
                }
            }
        })
        .await?
        .ok_or_else(|| Problem::new(Code::NoActiveMandate))
}

/// `POST /api/v1/precontractual-data/{slug}`: the reference of the consultation, when it
/// was made, about whom, and the answer's fields.
pub(super) async fn consult(
    caller: Caller,
    slug: web::Path<String>,
    body: Body<DataBody>,
) -> Result<HttpResponse, Problem> {
    let context = Context::from_slug(&slug).ok_or_else(|| Problem::new(Code::NotFound))?;
    let c = consult_by_niss(&caller, &body, context).await?;
    let mut out = json!({
        "consultationId": c.id,
        "consultedAt": c.consulted_at,
        "niss": body.niss,
    });
    if let (Some(out), serde_json::Value::Object(answer)) =
        (out.as_object_mut(), c.answer.to_json())
    {
        out.extend(answer);
    }
    Ok(HttpResponse::Ok().json(out))
}
