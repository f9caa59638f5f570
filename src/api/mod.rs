//! The JSON side: OAuth 2.0 client credentials, the citizen mandates API and the
//! pre-contractual data API, calling the same services as the web pages. Errors are RFC 9457
//! `application/problem+json` with a stable `code` and a `detail` in the language of
//! `Accept-Language`.

pub mod problem;

use std::{future::Future, pin::Pin, time::Instant};

use actix_web::{FromRequest, HttpRequest, HttpResponse, dev::Payload, http::header, web};
use actix_web_httpauth::extractors::{basic::BasicAuth, bearer::BearerAuth};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use self::problem::{Code, Problem};
use crate::{
    db::{DbError, access_requests::AccessRequest, run_blocking},
    domain::{Actor, Bce, Context, Niss, RequestStatus},
    services::{
        ServiceError,
        api_clients::{self, ApiCaller, ApiScope, BearerError, TokenError},
        consult::{self, ConsultResult},
        requests::{self, RequestInput, Scope, ValidRequest},
    },
    state::AppState,
    web::{extract::state, routes},
};
/// Largest JSON body.
const JSON_LIMIT: usize = 16 * 1024;

/// The OpenAPI contract (kept in step with the routes by a test).
pub const OPENAPI: &str = include_str!("openapi.json");

/// Registers the API routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api")
            .app_data(
                web::JsonConfig::default()
                    .limit(JSON_LIMIT)
                    .error_handler(|err, _req| {
                        Problem::new(Code::InvalidRequest)
                            .with_detail_arg("reason", err.to_string())
                            .into()
                    }),
            )
            .app_data(web::QueryConfig::default().error_handler(|err, _req| {
                Problem::new(Code::InvalidRequest)
                    .with_detail_arg("reason", err.to_string())
                    .into()
            }))
            .app_data(
                web::FormConfig::default()
                    .limit(JSON_LIMIT)
                    .error_handler(|err, _req| {
                        Problem::new(Code::InvalidRequest)
                            .with_detail_arg("reason", err.to_string())
                            .into()
                    }),
            )
            .app_data(
                web::PathConfig::default()
                    .error_handler(|_err, _req| Problem::new(Code::NotFound).into()),
            )
            .wrap(actix_web::middleware::from_fn(problem::render_problems))
            .route("/oauth/token", web::post().to(token))
            .route("/v1/openapi.json", web::get().to(openapi))
            .route("/v1/mandate-requests", web::post().to(create_request))
            .route("/v1/mandate-requests", web::get().to(list_requests))
            .route("/v1/mandate-requests/{id}", web::get().to(get_request))
            .route(
                "/v1/mandate-requests/{id}",
                web::delete().to(withdraw_request),
            )
            .route("/v1/mandates", web::get().to(list_mandates))
            .route("/v1/webhook", web::put().to(put_webhook))
            .route("/v1/webhook", web::get().to(get_webhook))
            .route("/v1/webhook", web::delete().to(delete_webhook))
            .route(
                "/v1/precontractual-data/flexi-job",
                web::post().to(flexi_job),
            )
            .route(
                "/v1/precontractual-data/student-hours",
                web::post().to(student_hours),
            )
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(Problem::new(Code::NotFound))
            })),
    );
}

async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(OPENAPI)
}

#[derive(Deserialize)]
struct TokenForm {
    grant_type: Option<String>,
    scope: Option<String>,
}

/// `POST /api/oauth/token`: client credentials (RFC 6749 4.4), client authentication by
/// HTTP Basic.
async fn token(req: HttpRequest, payload: web::Payload) -> HttpResponse {
    let mut payload = payload.into_inner();
    let basic = BasicAuth::from_request(&req, &mut Payload::None).await;
    let form = web::Form::<TokenForm>::from_request(&req, &mut payload).await;
    let oauth_error = |status: u16, error: &str| {
        let status = actix_web::http::StatusCode::from_u16(status)
            .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR);
        let mut res = HttpResponse::build(status);
        if status == actix_web::http::StatusCode::UNAUTHORIZED {
            res.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"mandat\""));
        }
        res.insert_header((header::CACHE_CONTROL, "no-store"))
            .json(json!({ "error": error }))
    };
    let Ok(basic) = basic else {
        return oauth_error(401, "invalid_client");
    };
    let Ok(form) = form else {
        return oauth_error(400, "invalid_request");
    };
    if form.grant_type.as_deref() != Some("client_credentials") {
        return oauth_error(400, "unsupported_grant_type");
    }
    let client_id = basic.user_id().to_string();
    let secret = basic.password().map(|p| p.to_string()).unwrap_or_default();
    let scope = form.scope.clone();
    let tenant = state(&req).tenants.main().clone();
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
        Ok(Err(TokenError::InvalidClient)) => oauth_error(401, "invalid_client"),
        Ok(Err(TokenError::InvalidScope)) => oauth_error(400, "invalid_scope"),
        Err(ServiceError::Unavailable(_)) => oauth_error(503, "temporarily_unavailable"),
        Err(e) => {
            tracing::error!(error = %e, "token endpoint failed");
            oauth_error(500, "server_error")
        }
    }
}

/// Errors of the API handlers.
pub type ApiError = Problem;

impl From<DbError> for Problem {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Unavailable(m) => {
                tracing::warn!(error = %m, "api: database unavailable");
                Problem::new(Code::Unavailable).retry_after(5)
            }
            DbError::Query(e) => {
                tracing::error!(error = %e, "api database error");
                Problem::new(Code::Internal)
            }
        }
    }
}

impl From<diesel::result::Error> for Problem {
    fn from(e: diesel::result::Error) -> Self {
        Problem::from(DbError::Query(e))
    }
}

impl From<ServiceError> for Problem {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::NotFound => Problem::new(Code::NotFound),
            ServiceError::Forbidden => Problem::new(Code::InsufficientScope),
            ServiceError::Refused(r) => Problem::refused(r),
            ServiceError::Unavailable(m) => Problem::from(DbError::Unavailable(m)),
            ServiceError::Invalid(errors) => {
                let code = match errors.keys().next().copied() {
                    Some("email") => Code::InvalidEmail,
                    Some("niss") => Code::InvalidNiss,
                    Some("context") => Code::UnknownContext,
                    _ => Code::InvalidRequest,
                };
                let fields: Vec<&str> = errors.keys().copied().collect();
                Problem::new(code).with_detail_arg("reason", fields.join(", "))
            }
            ServiceError::Db(e) => {
                tracing::error!(error = %e, "api database error");
                Problem::new(Code::Internal)
            }
            ServiceError::Other(e) => {
                tracing::error!(error = ?e, "api error");
                Problem::new(Code::Internal)
            }
        }
    }
}

/// An authenticated client (bearer token), rate-limited.
pub struct Caller {
    /// Who.
    pub caller: ApiCaller,
    /// The application state.
    pub state: AppState,
}

impl FromRequest for Caller {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let bearer = BearerAuth::from_request(req, &mut Payload::None).into_inner();
        let st = state(req).clone();
        Box::pin(async move {
            let token = bearer
                .map_err(|_| Problem::new(Code::Unauthorized))?
                .token()
                .to_string();
            let now = st.clock().now();
            let result = run_blocking(st.tenants.main().pool(), move |conn| {
                api_clients::authenticate(conn, &token, now).map_err(ApiError::from)
            })
            .await?;
            let caller = match result {
                Ok(c) => c,
                Err(BearerError::Unauthorized) => {
                    return Err(Problem::new(Code::Unauthorized).into());
                }
                Err(BearerError::Suspended) => {
                    return Err(Problem::new(Code::CompanySuspended).into());
                }
            };
            if let Err(wait) = st.api_limiter.hit(caller.client_id, Instant::now()) {
                return Err(Problem::new(Code::RateLimited).retry_after(wait).into());
            }
            Ok(Caller { caller, state: st })
        })
    }
}

impl Caller {
    fn require(&self, scope: ApiScope) -> Result<(), Problem> {
        if !self.caller.scopes.contains(&scope) {
            return Err(Problem::new(Code::InsufficientScope));
        }
        if !self.caller.access.allows(scope) {
            return Err(Problem::new(Code::ApiNotActivated));
        }
        Ok(())
    }

    fn actor(&self) -> Actor {
        Actor::ApiClient {
            client_id: self.caller.client_id,
        }
    }

    fn now(&self) -> DateTime<Utc> {
        self.state.clock().now()
    }

    fn pool(&self) -> &crate::db::DbPool {
        self.state.tenants.main().pool()
    }

    /// The scope: the client's company, or the client company it acts for.
    async fn scope(&self, on_behalf_of: Option<&str>) -> Result<Scope, Problem> {
        let company = &self.caller.company;
        match on_behalf_of.map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(Scope {
                company_id: company.id,
                provider_id: None,
            }),
            Some(bce) => {
                let bce = Bce::parse(bce).map_err(|_| Problem::new(Code::InvalidBce))?;
                let provider_id = company.id;
                let client = run_blocking(self.pool(), move |conn| {
                    api_clients::client_of_provider(conn, provider_id, &bce).map_err(ApiError::from)
                })
                .await?
                .ok_or_else(|| {
                    Problem::new(Code::InvalidRequest).with_detail_arg("reason", "onBehalfOf")
                })?;
                if client.suspended_at.is_some() {
                    return Err(Problem::new(Code::CompanySuspended));
                }
                Ok(Scope {
                    company_id: client.id,
                    provider_id: Some(provider_id),
                })
            }
        }
    }
}

/// The mandate part of a request, once accepted.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MandateJson {
    id: Uuid,
    niss: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    valid_from: Option<DateTime<Utc>>,
    valid_until: Option<DateTime<Utc>>,
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

fn request_json(r: &AccessRequest, now: DateTime<Utc>, link: Option<String>) -> RequestJson {
    let status = r.status_at(now);
    RequestJson {
        id: r.id,
        status: status.as_str(),
        context: r.context.code(),
        label: r.label.clone(),
        email: r.email.clone(),
        language: r.language.code(),
        link,
        expires_at: r.expires_at,
        created_at: r.created_at,
        mandate: r.mandate_id.map(|id| MandateJson {
            id,
            niss: r.citizen_niss.as_ref().map(|n| n.as_str().to_string()),
            first_name: r.citizen_first_name.clone(),
            last_name: r.citizen_last_name.clone(),
            valid_from: r.accepted_at,
            valid_until: r.valid_until,
        }),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CreateBody {
    context: String,
    email: String,
    label: String,
    language: String,
    niss: Option<String>,
    on_behalf_of: Option<String>,
}

async fn create_request(
    caller: Caller,
    body: web::Json<CreateBody>,
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
    let scope = caller.scope(body.on_behalf_of.as_deref()).await?;
    let (actor, now) = (caller.actor(), caller.now());
    let link_base = routes::citizen_link_base(&caller.state.settings.public_url);
    let created = run_blocking(caller.pool(), move |conn| {
        requests::create(conn, &scope, &actor, &valid, &link_base, now)
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/mandate-requests/{}", created.id),
        ))
        .json(request_json(&created.request, now, Some(created.link))))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ListQuery {
    status: Option<String>,
    page: Option<i64>,
    page_size: Option<i64>,
    on_behalf_of: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<T> {
    items: Vec<T>,
    page: i64,
    page_size: i64,
    total: i64,
}

fn paging(page: Option<i64>, size: Option<i64>) -> Result<(i64, i64), Problem> {
    let page = page.unwrap_or(1);
    let size = size.unwrap_or(50);
    if !(1..=requests::MAX_PAGE).contains(&page) || !(1..=200).contains(&size) {
        return Err(Problem::new(Code::InvalidRequest).with_detail_arg("reason", "page, pageSize"));
    }
    Ok((page, size))
}

async fn list_requests(
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
    let scope = caller.scope(query.on_behalf_of.as_deref()).await?;
    let now = caller.now();
    let list = run_blocking(caller.pool(), move |conn| {
        requests::list_for_api(conn, &scope, status, page, size, now).map_err(ApiError::from)
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
        .map(|l| request_json(&l.request, now, None))
        .collect();
    if wants_csv {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(to_csv(&items)?));
    }
    Ok(HttpResponse::Ok().json(Page {
        items,
        page: list.page,
        page_size: list.page_size,
        total: list.total,
    }))
}

fn to_csv(items: &[RequestJson]) -> Result<String, Problem> {
    let failed = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "CSV export failed");
        Problem::new(Code::Internal)
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
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
        let m = r.mandate.as_ref();
        w.write_record([
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
    let bytes = w.into_inner().map_err(|e| failed(&e))?;
    String::from_utf8(bytes).map_err(|e| failed(&e))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct OnBehalf {
    on_behalf_of: Option<String>,
}

fn parse_id(id: &str) -> Result<Uuid, Problem> {
    Uuid::parse_str(id).map_err(|_| Problem::new(Code::NotFound))
}

async fn get_request(
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<OnBehalf>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = parse_id(&id)?;
    let scope = caller.scope(query.on_behalf_of.as_deref()).await?;
    let now = caller.now();
    let r = run_blocking(caller.pool(), move |conn| {
        requests::find_in_scope(conn, &scope, id).map_err(ApiError::from)
    })
    .await?;
    Ok(HttpResponse::Ok().json(request_json(&r, now, None)))
}

async fn withdraw_request(
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<OnBehalf>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = parse_id(&id)?;
    let scope = caller.scope(query.on_behalf_of.as_deref()).await?;
    let (actor, now) = (caller.actor(), caller.now());
    run_blocking(caller.pool(), move |conn| {
        requests::withdraw(conn, &scope, &actor, id, now).map_err(ApiError::from)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MandatesQuery {
    status: Option<String>,
    page: Option<i64>,
    page_size: Option<i64>,
    on_behalf_of: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MandateItem {
    id: Uuid,
    request_id: Uuid,
    context: &'static str,
    niss: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    valid_from: Option<DateTime<Utc>>,
    valid_until: Option<DateTime<Utc>>,
}

async fn list_mandates(
    caller: Caller,
    query: web::Query<MandatesQuery>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let query = query.into_inner();
    if !matches!(query.status.as_deref(), None | Some("active")) {
        return Err(Problem::new(Code::InvalidRequest).with_detail_arg("reason", "status"));
    }
    let (page, size) = paging(query.page, query.page_size)?;
    let scope = caller.scope(query.on_behalf_of.as_deref()).await?;
    let now = caller.now();
    let list = run_blocking(caller.pool(), move |conn| {
        requests::list_for_api(conn, &scope, Some(RequestStatus::Accepted), page, size, now)
            .map_err(ApiError::from)
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
                niss: r.citizen_niss.as_ref().map(|n| n.as_str().to_string()),
                first_name: r.citizen_first_name.clone(),
                last_name: r.citizen_last_name.clone(),
                valid_from: r.accepted_at,
                valid_until: r.valid_until,
            })
        })
        .collect();
    Ok(HttpResponse::Ok().json(Page {
        items,
        page: list.page,
        page_size: list.page_size,
        total: list.total,
    }))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DataBody {
    niss: String,
    on_behalf_of: Option<String>,
}

async fn consult_by_niss(
    caller: &Caller,
    body: DataBody,
    context: Context,
) -> Result<consult::Consultation, Problem> {
    caller.require(ApiScope::PrecontractualData)?;
    if body.niss.len() != 11 {
        return Err(Problem::new(Code::InvalidNiss));
    }
    let niss = Niss::parse(&body.niss).map_err(|_| Problem::new(Code::InvalidNiss))?;
    let scope = caller.scope(body.on_behalf_of.as_deref()).await?;
    let (actor, now) = (caller.actor(), caller.now());
    let sources = caller.state.sources.clone();
    run_blocking(caller.pool(), move |conn| {
        let mandate = requests::active_mandate_for(conn, &scope, &niss, context, now)?
            .ok_or_else(|| Problem::new(Code::NoActiveMandate))?;
        consult::consult(conn, sources.as_ref(), &scope, &actor, mandate.id, now)
            .map_err(ApiError::from)
    })
    .await
}

async fn flexi_job(caller: Caller, body: web::Json<DataBody>) -> Result<HttpResponse, Problem> {
    let niss = body.niss.clone();
    let c = consult_by_niss(&caller, body.into_inner(), Context::FlexiJob).await?;
    let ConsultResult::Flexi(result) = &c.result else {
        return Err(Problem::new(Code::Internal));
    };
    let code = |e: crate::domain::flexi::Eligibility| e.code().to_ascii_uppercase();
    Ok(HttpResponse::Ok().json(json!({
        "consultationId": c.id,
        "consultedAt": c.consulted_at,
        "niss": niss,
        "quarters": result.quarters.iter().map(|q| json!({
            "year": q.quarter.year, "quarter": q.quarter.quarter, "status": code(q.eligibility),
        })).collect::<Vec<_>>(),
        "months": result.months.iter().map(|m| json!({
            "month": format!("{:04}-{:02}", m.year, m.month), "status": code(m.eligibility),
        })).collect::<Vec<_>>(),
    })))
}

async fn student_hours(caller: Caller, body: web::Json<DataBody>) -> Result<HttpResponse, Problem> {
    let niss = body.niss.clone();
    let c = consult_by_niss(&caller, body.into_inner(), Context::StudentHours).await?;
    let ConsultResult::Student(b) = &c.result else {
        return Err(Problem::new(Code::Internal));
    };
    Ok(HttpResponse::Ok().json(json!({
        "consultationId": c.id,
        "consultedAt": c.consulted_at,
        "niss": niss,
        "year": b.year,
        "remainingHours": b.remaining,
        "quotaExceeded": b.exceeded,
    })))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct WebhookBody {
    url: String,
    secret: String,
}

/// `PUT /api/v1/webhook`: the client's one endpoint (HTTPS) and the secret that signs
/// the deliveries (at least 16 characters).
async fn put_webhook(
    caller: Caller,
    body: web::Json<WebhookBody>,
) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let body = body.into_inner();
    let local = !matches!(
        caller.state.settings.mode,
        crate::settings::Mode::Production
    );
    if !crate::webhooks::valid_url(&body.url, local) {
        return Err(Problem::new(Code::InvalidRequest).with_detail_arg("reason", "url"));
    }
    if !(16..=200).contains(&body.secret.chars().count()) {
        return Err(Problem::new(Code::InvalidRequest).with_detail_arg("reason", "secret"));
    }
    let id = caller.caller.client_id;
    run_blocking(caller.pool(), move |conn| {
        crate::webhooks::set_endpoint(conn, id, Some((&body.url, &body.secret)))
            .map_err(ApiError::from)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn get_webhook(caller: Caller) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = caller.caller.client_id;
    let url = run_blocking(caller.pool(), move |conn| {
        crate::webhooks::endpoint(conn, id).map_err(ApiError::from)
    })
    .await?
    .ok_or_else(|| Problem::new(Code::NotFound))?;
    Ok(HttpResponse::Ok().json(json!({ "url": url })))
}

async fn delete_webhook(caller: Caller) -> Result<HttpResponse, Problem> {
    caller.require(ApiScope::Mandates)?;
    let id = caller.caller.client_id;
    run_blocking(caller.pool(), move |conn| {
        crate::webhooks::set_endpoint(conn, id, None).map_err(ApiError::from)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
