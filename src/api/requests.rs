//! Mandate requests (`/api/v1/mandate-requests`: create, list as JSON or CSV, get,
//! withdraw) and the active mandates list (`/api/v1/mandates`).

use actix_web::{HttpRequest, HttpResponse, http::header, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    Page,
    body::Body,
    caller::Caller,
    paging,
    problem::{Code, Problem},
};
use crate::{
    db::access_requests::AccessRequest,
    domain::{Context, Niss, RequestStatus},
    services::{
        ServiceError,
        api_clients::ApiScope,
        export::CsvTable,
        requests::{self as service, RequestInput, ValidRequest},
    },
    web::routes,
};

/// The citizen and the term of an accepted request.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MandateTerms {
    niss: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    valid_from: Option<DateTime<Utc>>,
    valid_until: Option<DateTime<Utc>>,
}

impl MandateTerms {
    fn of(r: &AccessRequest) -> MandateTerms {
        MandateTerms {
            niss: r.citizen_niss.as_ref().map(|n| n.as_str().to_string()),
            first_name: r.citizen_first_name.clone(),
            last_name: r.citizen_last_name.clone(),
            valid_from: r.accepted_at,
            valid_until: r.valid_until,
        }
    }
}

/// The mandate part of a request, once accepted.
#[derive(Serialize)]
struct MandateJson {
    id: Uuid,
    #[serde(flatten)]
    terms: MandateTerms,
}

/// A request as the API shows it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RequestJson {
    id: Uuid,
    status: &'static str,
    context: &'static str,
    label: Option<String>,
    email: Option<String>,
    language: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<String>,
    expires_at: DateTime<Utc>,
    created_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mandate: Option<MandateJson>,
}

impl RequestJson {
    /// `r` as of `now`; `link` only at creation.
    fn of(r: &AccessRequest, now: DateTime<Utc>, link: Option<String>) -> RequestJson {
        RequestJson {
            id: r.id,
            status: r.status_at(now).as_str(),
            context: r.context.code(),
            label: r.label.clone(),
            email: r.email.clone(),
            language: r.language.code(),
            link,
            expires_at: r.expires_at,
            created_at: r.created_at,
            mandate: r.mandate_id.map(|id| MandateJson {
                id,
                terms: MandateTerms::of(r),
            }),
        }
    }
}

/// An active mandate as the API lists it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MandateItem {
    id: Uuid,
    request_id: Uuid,
    context: &'static str,
    #[serde(flatten)]
    terms: MandateTerms,
}

/// The body of `POST /api/v1/mandate-requests`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct CreateBody {
    context: String,
    email: String,
    label: String,
    language: String,
    niss: Option<String>,
    on_behalf_of: Option<String>,
}

/// The query of both lists.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct ListQuery {
    status: Option<String>,
    page: Option<i64>,
    page_size: Option<i64>,
    on_behalf_of: Option<String>,
}

/// The query of a single request.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct OnBehalf {
    on_behalf_of: Option<String>,
}

/// `POST /api/v1/mandate-requests`: a new request, its link shown this once.
pub(super) async fn create(
    caller: Caller,
    body: Body<CreateBody>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let body = body.into_inner();
    if Context::parse(&body.context).is_none() {
        return Err(Problem::new(Code::UnknownContext));
    }
    if let Some(n) = &body.niss
        && (n.len() != 11 || Niss::parse(n).is_err())
    {
        return Err(Problem::new(Code::InvalidNiss));
    }
    let input = RequestInput {
        label: body.label,
        email: body.email,
        context: body.context,
        language: body.language,
        niss: body.niss.unwrap_or_default(),
    };
    let valid = ValidRequest::try_from(&input).map_err(ServiceError::Invalid)?;
    let (actor, now) = (caller.actor(), caller.now());
    let link_base = routes::citizen_link_base(&caller.state.settings.public_url);
    let created = caller
        .in_scope(body.on_behalf_of.as_deref(), move |conn, scope| {
            service::create(conn, scope, &actor, &valid, &link_base, now)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("{}/{}", routes::API_MANDATE_REQUESTS, created.id),
        ))
        .json(RequestJson::of(&created.request, now, Some(created.link))))
}

/// `GET /api/v1/mandate-requests`: a page of requests, as CSV when `Accept` asks for it.
pub(super) async fn list(
    req: HttpRequest,
    caller: Caller,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let query = query.into_inner();
    let status = match query.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(RequestStatus::parse(s).ok_or_else(|| {
            Problem::new(Code::InvalidRequest).with_detail_arg("reason", "status")
        })?),
    };
    let (page, size) = paging(query.page, query.page_size)?;
    let now = caller.now();
    let list = caller
        .in_scope(query.on_behalf_of.as_deref(), move |conn, scope| {
            Ok(service::list_for_api(conn, scope, status, page, size, now)?)
        })
        .await?;
    let wants_csv = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/csv"));
    let items: Vec<RequestJson> = list
        .items
        .iter()
        .map(|l| RequestJson::of(&l.request, now, None))
        .collect();
    if wants_csv {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(to_csv(&items)?));
    }
    Ok(HttpResponse::Ok().json(Page::of(&list, items)))
}

/// The requests as CSV, one row each, the mandate's columns empty when there is none
/// (every cell made safe for spreadsheets by [`CsvTable`]).
fn to_csv(items: &[RequestJson]) -> Result<String, Problem> {
    let failed = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "CSV export failed");
        Problem::new(Code::Internal)
    };
    let mut w = CsvTable::new([
        "id",
        "status",
        "context",
        "label",
        "email",
        "language",
        "createdAt",
        "expiresAt",
        "niss",
        "firstName",
        "lastName",
        "validFrom",
        "validUntil",
    ])
    .map_err(|e| failed(&e))?;
    for r in items {
        let m = r.mandate.as_ref().map(|m| &m.terms);
        w.row([
            r.id.to_string(),
            r.status.to_string(),
            r.context.to_string(),
            r.label.clone().unwrap_or_default(),
            r.email.clone().unwrap_or_default(),
            r.language.to_string(),
            r.created_at.to_rfc3339(),
            r.expires_at.to_rfc3339(),
            m.and_then(|m| m.niss.clone()).unwrap_or_default(),
            m.and_then(|m| m.first_name.clone()).unwrap_or_default(),
            m.and_then(|m| m.last_name.clone()).unwrap_or_default(),
            m.and_then(|m| m.valid_from)
                .map(|d| d.to_rfc3339())
                .unwrap_or_default(),
            m.and_then(|m| m.valid_until)
                .map(|d| d.to_rfc3339())
                .unwrap_or_default(),
        ])
        .map_err(|e| failed(&e))?;
    }
    w.finish().map_err(|e| failed(&e))
}

/// A request id of the path; one that is not a UUID names nothing.
fn parse_id(id: &str) -> Result<Uuid, Problem> {
    Uuid::parse_str(id).map_err(|_| Problem::new(Code::NotFound))
}

/// `GET /api/v1/mandate-requests/{id}`.
pub(super) async fn get(
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<OnBehalf>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = parse_id(&id)?;
    let now = caller.now();
    let r = caller
        .in_scope(query.on_behalf_of.as_deref(), move |conn, scope| {
            service::find_in_scope(conn, scope, id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(RequestJson::of(&r, now, None)))
}

/// `DELETE /api/v1/mandate-requests/{id}`: withdraws a pending request.
pub(super) async fn withdraw(
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<OnBehalf>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = parse_id(&id)?;
    let (actor, now) = (caller.actor(), caller.now());
    caller
        .in_scope(query.on_behalf_of.as_deref(), move |conn, scope| {
            service::withdraw(conn, scope, &actor, id, now)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `GET /api/v1/mandates`: a page of the active mandates.
pub(super) async fn list_mandates(
    caller: Caller,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let query = query.into_inner();
    if !matches!(query.status.as_deref(), None | Some("active")) {
        return Err(Problem::new(Code::InvalidRequest).with_detail_arg("reason", "status"));
    }
    let (page, size) = paging(query.page, query.page_size)?;
    let now = caller.now();
    let accepted = Some(RequestStatus::Accepted);
    let list = caller
        .in_scope(query.on_behalf_of.as_deref(), move |conn, scope| {
            Ok(service::list_for_api(
                conn, scope, accepted, page, size, now,
            )?)
        })
        .await?;
    let items = list
        .items
        .iter()
        .filter_map(|l| {
            let r = &l.request;
            Some(MandateItem {
                id: r.mandate_id?,
                request_id: r.id,
                context: r.context.code(),
                terms: MandateTerms::of(r),
            })
        })
        .collect();
    Ok(HttpResponse::Ok().json(Page::of(&list, items)))
}
