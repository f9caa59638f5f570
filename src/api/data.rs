//! Pre-contractual data (`/api/v1/precontractual-data/...`): a recorded consultation of
//! a citizen's data under an active mandate for that context.

use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::json;

use super::{
    body::Body,
    caller::Caller,
    problem::{Code, Problem},
};
use crate::{
    domain::{Context, Niss, flexi::Eligibility},
    services::{
        api_clients::ApiScope,
        consult::{self, ConsultResult, Consultation},
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
    if body.niss.len() != 11 {
        return Err(Problem::new(Code::InvalidNiss));
    }
    let niss = Niss::parse(&body.niss).map_err(|_| Problem::new(Code::InvalidNiss))?;
    let (actor, now) = (caller.actor(), caller.now());
    let sources = caller.state.sources.clone();
    caller
        .in_scope(body.on_behalf_of.as_deref(), move |conn, scope| {
            match requests::active_mandate_for(conn, scope, &niss, context, now)? {
                None => Ok(None),
                Some(mandate) => {
                    consult::consult(conn, sources.as_ref(), scope, &actor, mandate.id, now)
                        .map(Some)
                }
            }
        })
        .await?
        .ok_or_else(|| Problem::new(Code::NoActiveMandate))
}

/// `POST /api/v1/precontractual-data/flexi-job`: eligibility per quarter and per month.
pub(super) async fn flexi_job(
    caller: Caller,
    body: Body<DataBody>,
) -> Result<HttpResponse, Problem> {
    let c = consult_by_niss(&caller, &body, Context::FlexiJob).await?;
    let ConsultResult::Flexi(result) = &c.result else {
        return Err(Problem::new(Code::Internal));
    };
    let code = |e: Eligibility| e.code().to_ascii_uppercase();
    Ok(HttpResponse::Ok().json(json!({
        "consultationId": c.id,
        "consultedAt": c.consulted_at,
        "niss": body.niss,
        "quarters": result.quarters.iter().map(|q| json!({
            "year": q.quarter.year, "quarter": q.quarter.quarter, "status": code(q.eligibility),
        })).collect::<Vec<_>>(),
        "months": result.months.iter().map(|m| json!({
            "month": format!("{:04}-{:02}", m.year, m.month), "status": code(m.eligibility),
        })).collect::<Vec<_>>(),
    })))
}

/// `POST /api/v1/precontractual-data/student-hours`: the hours left this year.
pub(super) async fn student_hours(
    caller: Caller,
    body: Body<DataBody>,
) -> Result<HttpResponse, Problem> {
    let c = consult_by_niss(&caller, &body, Context::StudentHours).await?;
    let ConsultResult::Student(b) = &c.result else {
        return Err(Problem::new(Code::Internal));
    };
    Ok(HttpResponse::Ok().json(json!({
        "consultationId": c.id,
        "consultedAt": c.consulted_at,
        "niss": body.niss,
        "year": b.year,
        "remainingHours": b.remaining,
        "quotaExceeded": b.exceeded,
    })))
}
