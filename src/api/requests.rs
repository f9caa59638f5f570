//! Mandate requests (`/api/v1/mandate-requests`: create, list as JSON or CSV, get,
//! withdraw) and the active mandates list (`/api/v1/mandates`).

use actix_web::{HttpRequest, HttpResponse, http::header, web};
use chrono::{DateTime, Utc};
use diesel::PgConnection;
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
    domain::{Niss, RequestStatus},
    i18n::Lang,
    services::{
        FieldErrors, ServiceError,
        api_clients::ApiScope,
        export::CsvTable,
        idempotency::{self, Idempotency},
        requests::{
            self as service, Created, ListPage, NewLinkFor, RequestInput, Scope, ValidRequest,
        },
    },
    web::routes,
};

/// The header of an idempotent creation.
const IDEMPOTENCY_KEY: &str = "Idempotency-Key";
/// The header marking a creation's answer given again.
const IDEMPOTENT_REPLAYED: &str = "Idempotent-Replayed";

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
    #[serde(skip_serializing_if = "Option::is_none")]
    qr_svg: Option<String>,
    expires_at: DateTime<Utc>,
    created_at: DateTime<Utc>,
    /// When the candidate opened the link and said the request is for them: no new link
    /// from then on.
    link_opened_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mandate: Option<MandateJson>,
}

impl RequestJson {
    /// `r` as of `now`; `link` (and its QR code) only at creation.
    fn of(r: &AccessRequest, now: DateTime<Utc>, link: Option<String>) -> RequestJson {
        RequestJson {
            qr_svg: link.as_deref().map(crate::qr::svg),
            id: r.id,
            status: r.status_at(now).as_str(),
            context: r.context.code(),
            label: r.label.clone(),
            email: r.email.clone(),
            language: r.language.code(),
            link,
            expires_at: r.expires_at,
            created_at: r.created_at,
            link_opened_at: r.bound_at,
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
    email: Option<String>,
    label: Option<String>,
    language: Option<String>,
    niss: Option<String>,
    on_behalf_of: Option<String>,
}

/// The query of both lists.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct ListQuery {
    status: Option<String>,
    /// As typed: [`super::paging`] reads it, so that a page that is no number is named.
    page: Option<String>,
    page_size: Option<String>,
    on_behalf_of: Option<String>,
}

/// The query of a single request.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct OnBehalf {
    on_behalf_of: Option<String>,
}

/// `POST /api/v1/mandate-requests`: a new request, its link (and the link's QR code)
/// shown this once. Label, e-mail and language are optional: without an e-mail address
/// nothing is sent (the integrator delivers the link); without a language, the caller's
/// `Accept-Language` (else French) is the e-mail's.
///
/// With an `Idempotency-Key` header, a creation retried with the same key and the same
/// body gets the first answer (header `Idempotent-Replayed: true`): no second request, no
/// second mail, for 24 hours; the same key with another body is refused (422).
pub(super) async fn create(
    req: HttpRequest,
    caller: Caller,
    body: Body<CreateBody>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let key = idempotency_key(&req)?;
    let body = body.into_inner();
    // The API takes the NISS as its 11 digits only (the pages also take it formatted).
    let niss_refused = body
        .niss
        .as_ref()
        .is_some_and(|n| n.len() != 11 || Niss::parse(n).is_err());
    let input = RequestInput {
        label: body.label.unwrap_or_default(),
        email: body.email.unwrap_or_default(),
        context: body.context,
        language: body.language.unwrap_or_default(),
        niss: body.niss.unwrap_or_default(),
        form_key: String::new(),
    };
    let default_language = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(crate::i18n::from_accept_language)
        .unwrap_or(Lang::Fr);
    // Every refused field at once (the problem's `errors`), its code the first field's.
    let valid = match (
        ValidRequest::from_api(&input, default_language),
        niss_refused,
    ) {
        (Ok(valid), false) => valid,
        (result, _) => {
            let mut errors = result.err().unwrap_or_default();
            if niss_refused {
                errors.insert("niss", "api-error-invalid-niss");
            }
            return Err(ServiceError::Invalid(errors).into());
        }
    };
    let (actor, now) = (caller.actor(), caller.now());
    let client_id = caller.caller.client_id;
    let urls = routes::citizen_urls(&caller.state.settings, caller.tenant.site());
    let created = caller
        .in_scope(body.on_behalf_of.as_deref(), move |conn, scope| {
            let key = key.map(|k| Idempotency::api(client_id, k, scope, &valid));
            service::create(conn, scope, &actor, &valid, &urls, key.as_ref(), now)
        })
        .await?;
    let mut res = HttpResponse::Created();
    res.insert_header((
        header::LOCATION,
        format!("{}/{}", routes::API_MANDATE_REQUESTS, created.id),
    ));
    Ok(replayed(res, &created).json(RequestJson::of(&created.request, now, Some(created.link))))
}

/// The `Idempotency-Key` header's key, if sent; a problem when it is not a valid key.
fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, Problem> {
    let Some(v) = req.headers().get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    v.to_str()
        .ok()
        .and_then(idempotency::parse_header)
        .map(Some)
        .ok_or_else(|| {
            Problem::new(Code::InvalidRequest).with_detail_arg("reason", IDEMPOTENCY_KEY)
        })
}

/// A creation's answer: `Idempotent-Replayed: true` when it is the first answer again.
fn replayed(
    mut res: actix_web::HttpResponseBuilder,
    created: &Created,
) -> actix_web::HttpResponseBuilder {
    if created.replayed {
        res.insert_header((IDEMPOTENT_REPLAYED, "true"));
    }
    res
}

/// `GET /api/v1/mandate-requests`: a page of requests, as CSV when `Accept` asks for it.
pub(super) async fn list(
    req: HttpRequest,
    caller: Caller,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, Problem> {
    let (list, now) = list_page(&caller, &query, |status| {
        match status.filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => RequestStatus::parse(s)
                .map(Some)
                .ok_or("api-query-error-status"),
        }
    })
    .await?;
    let items: Vec<RequestJson> = list
        .items
        .iter()
        .map(|l| RequestJson::of(&l.request, now, None))
        .collect();
    page_answer(&req, &list, items, to_csv)
}

/// The page of the caller's requests that `query` asks for, in the status `status` reads
/// from it (any when `None`; else the message key of why it is refused), and the time it
/// was read at. Every parameter refused is named at once.
async fn list_page(
    caller: &Caller,
    query: &ListQuery,
    status: impl FnOnce(Option<&str>) -> Result<Option<RequestStatus>, &'static str>,
) -> Result<(ListPage, DateTime<Utc>), Problem> {
    caller.require(ApiScope::Mandates)?;
    let mut errors = FieldErrors::new();
    let status = status(query.status.as_deref())
        .map_err(|key| errors.insert("status", key))
        .ok();
    let paged = paging(
        query.page.as_deref(),
        query.page_size.as_deref(),
        &mut errors,
    );
    let (Some(status), Some((page, size))) = (status, paged) else {
        return Err(ServiceError::Invalid(errors).into());
    };
    let now = caller.now();
    let list = caller
        .in_scope(query.on_behalf_of.as_deref(), move |conn, scope| {
            Ok(service::list_for_api(conn, scope, status, page, size, now)?)
        })
        .await?;
    Ok((list, now))
}

/// A page of `items` as JSON, or as CSV (written by `csv`) when `Accept` asks for it.
fn page_answer<T: Serialize>(
    req: &HttpRequest,
    list: &ListPage,
    items: Vec<T>,
    csv: impl FnOnce(&[T]) -> Result<String, Problem>,
) -> Result<HttpResponse, Problem> {
    if wants_csv(req) {
        return Ok(csv_response(csv(&items)?));
    }
    Ok(HttpResponse::Ok().json(Page::of(list, items)))
}

/// The requests as CSV, one row each, the mandate's columns empty when there is none
/// (every cell made safe for spreadsheets by [`CsvTable`]).
fn to_csv(items: &[RequestJson]) -> Result<String, Problem> {
    let columns = [
        "id",
        "status",
        "context",
        "label",
        "email",
        "language",
        "createdAt",
        "expiresAt",
    ];
    csv_with_terms(columns, items, |r| {
        let cells = [
            r.id.to_string(),
            r.status.to_string(),
            r.context.to_string(),
            r.label.clone().unwrap_or_default(),
            r.email.clone().unwrap_or_default(),
            r.language.to_string(),
            r.created_at.to_rfc3339(),
            r.expires_at.to_rfc3339(),
        ];
        (cells, r.mandate.as_ref().map(|m| &m.terms))
    })
}

/// A CSV export: `columns` then [`TERMS_COLUMNS`], one row of `row` each item.
fn csv_with_terms<'a, T, const N: usize>(
    columns: [&str; N],
    items: &'a [T],
    row: impl Fn(&'a T) -> ([String; N], Option<&'a MandateTerms>),
) -> Result<String, Problem> {
    let mut w =
        CsvTable::new(columns.into_iter().chain(TERMS_COLUMNS)).map_err(|e| csv_failed(&e))?;
    for item in items {
        let (cells, terms) = row(item);
        w.row(cells.into_iter().chain(terms_cells(terms)))
            .map_err(|e| csv_failed(&e))?;
    }
    w.finish().map_err(|e| csv_failed(&e))
}

/// The columns of a mandate's terms, last in both CSV exports.
const TERMS_COLUMNS: [&str; 5] = ["niss", "firstName", "lastName", "validFrom", "validUntil"];

/// The cells of [`TERMS_COLUMNS`]: empty ones without terms.
fn terms_cells(terms: Option<&MandateTerms>) -> [String; 5] {
    let instant = |d: Option<DateTime<Utc>>| d.map(|d| d.to_rfc3339()).unwrap_or_default();
    [
        terms.and_then(|t| t.niss.clone()).unwrap_or_default(),
        terms.and_then(|t| t.first_name.clone()).unwrap_or_default(),
        terms.and_then(|t| t.last_name.clone()).unwrap_or_default(),
        instant(terms.and_then(|t| t.valid_from)),
        instant(terms.and_then(|t| t.valid_until)),
    ]
}

/// A request id of the path; one that is not a UUID names nothing.
fn parse_id(id: &str) -> Result<Uuid, Problem> {
    Uuid::parse_str(id).map_err(|_| Problem::new(Code::NotFound))
}

/// Runs `f` on the request `id` of the path, in the caller's scope (for the mandates).
async fn on_request<T: Send + 'static>(
    caller: &Caller,
    id: &str,
    query: &OnBehalf,
    f: impl FnOnce(&mut PgConnection, &Scope, Uuid) -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = parse_id(id)?;
    caller
        .in_scope(query.on_behalf_of.as_deref(), move |conn, scope| {
            f(conn, scope, id)
        })
        .await
}

/// `GET /api/v1/mandate-requests/{id}`.
pub(super) async fn get(
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<OnBehalf>,
) -> Result<HttpResponse, Problem> {
    let now = caller.now();
    let r = on_request(&caller, &id, &query, service::find_in_scope).await?;
    Ok(HttpResponse::Ok().json(RequestJson::of(&r, now, None)))
}

/// `DELETE /api/v1/mandate-requests/{id}`: withdraws a pending request.
pub(super) async fn withdraw(
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<OnBehalf>,
) -> Result<HttpResponse, Problem> {
    let (actor, now) = (caller.actor(), caller.now());
    on_request(&caller, &id, &query, move |conn, scope, id| {
        service::withdraw(conn, scope, &actor, id, now)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `POST /api/v1/mandate-requests/{id}/link`: a new link for a pending request that nobody
/// opened yet (the previous one stops working; the e-mail, if any, goes again); the
/// request with its new `link`, shown this once.
///
/// With an `Idempotency-Key` header, as a creation: a retry with the same key gets the
/// same link (`Idempotent-Replayed: true`), nothing replaced or sent again, for 24 hours.
pub(super) async fn new_link(
    req: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<OnBehalf>,
) -> Result<HttpResponse, Problem> {
    let key = idempotency_key(&req)?;
    let (actor, now) = (caller.actor(), caller.now());
    let client_id = caller.caller.client_id;
    let urls = routes::citizen_urls(&caller.state.settings, caller.tenant.site());
    let created = on_request(&caller, &id, &query, move |conn, scope, id| {
        let key = key.map(|k| Idempotency::api(client_id, k, scope, &NewLinkFor(id)));
        service::new_link(conn, scope, &actor, id, &urls, key.as_ref(), now)
    })
    .await?;
    Ok(replayed(HttpResponse::Ok(), &created).json(RequestJson::of(
        &created.request,
        now,
        Some(created.link),
    )))
}

/// Whether the caller asks for CSV (`Accept: text/csv`).
fn wants_csv(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/csv"))
}

/// A CSV answer.
fn csv_response(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .body(body)
}

/// The error of a CSV export that failed (never expected: the writer writes to memory).
fn csv_failed(e: &dyn std::fmt::Display) -> Problem {
    tracing::error!(error = %e, "CSV export failed");
    Problem::new(Code::Internal)
}

/// The active mandates as CSV, one row each.
fn mandates_csv(items: &[MandateItem]) -> Result<String, Problem> {
    csv_with_terms(["id", "requestId", "context"], items, |m| {
        let cells = [
            m.id.to_string(),
            m.request_id.to_string(),
            m.context.to_string(),
        ];
        (cells, Some(&m.terms))
    })
}

/// `GET /api/v1/mandates`: a page of the active mandates, as CSV when `Accept` asks for
/// it.
pub(super) async fn list_mandates(
    req: HttpRequest,
    caller: Caller,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, Problem> {
    let (list, _) = list_page(&caller, &query, |status| match status {
        None | Some("active") => Ok(Some(RequestStatus::Accepted)),
        Some(_) => Err("api-query-error-mandate-status"),
    })
    .await?;
    let items: Vec<MandateItem> = list
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
    page_answer(&req, &list, items, mandates_csv)
}
