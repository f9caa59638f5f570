//! Consultation pages: a company's consultation of a mandate (HTML page and PDF export,
//! each one a recorded consultation) and the citizen's own "My possibilities" page.
//!
//! Handlers stay thin: extract, call `services::consult`, render. Refusals (no active
//! mandate, stopped, blocked, ended) get a page saying why (409), a suspended company 403,
//! and a request of somebody else 404, with nothing about it.

use actix_web::{HttpRequest, HttpResponse, http::header, web};
use uuid::Uuid;

use super::{
    company::{self, CompanyUser},
    context::{Ctx, HxRequest, state},
    errors::AppError,
    extract::{Person, on_db},
    routes,
    views::consult as v,
};
use crate::state::Tenant;
use crate::{
    db::run_blocking,
    pdf,
    services::{
        Refusal, ServiceError,
        consult::{self, Consultation},
    },
};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        &routes::consult_path("{id}"),
        web::get().to(consultation_page),
    )
    .route(
        &routes::consult_pdf_path("{id}"),
        web::get().to(consultation_pdf),
    )
    .route(routes::CITIZEN_POSSIBILITIES, web::get().to(possibilities));
}

/// Personal data: never kept by the browser or a proxy.
const NO_STORE: (header::HeaderName, &str) = (header::CACHE_CONTROL, "no-store");

/// Makes a recorded consultation of `id` for the signed-in company user; a refusal comes
/// back as the response to send.
async fn run_consult(
    req: &HttpRequest,
    ctx: &Ctx,
    hx: HxRequest,
    user: &CompanyUser,
    tenant: &Tenant,
    id: Uuid,
) -> Result<Result<Consultation, HttpResponse>, AppError> {
    let (scope, actor, now) = (user.scope(), user.actor(), ctx.now);
    let sources = state(req).sources.clone();
    let result = run_blocking(tenant.pool(), move |conn| {
        consult::consult(conn, sources.as_ref(), &scope, &actor, id, now)
    })
    .await;
    match result {
        Ok(k) => {
            tracing::info!(consultation = %k.id, request = %k.request.id, "consultation recorded");
            Ok(Ok(k))
        }
        Err(ServiceError::Refused(Refusal::CompanySuspended)) => {
            Ok(Err(company::suspended(ctx, hx, &user.ctx)))
        }
        Err(ServiceError::Refused(refusal)) => {
            Ok(Err(company::refused(ctx, hx, &user.ctx, refusal)))
        }
        Err(e) => Err(e.into()),
    }
}

async fn consultation_page(
    req: HttpRequest,
    ctx: Ctx,
    hx: HxRequest,
    user: CompanyUser,
    tenant: Tenant,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    match run_consult(&req, &ctx, hx, &user, &tenant, id.into_inner()).await? {
        Ok(k) => Ok(HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header(NO_STORE)
            .body(v::consultation_page(&ctx, &user.ctx, &k).into_string())),
        Err(refused) => Ok(refused),
    }
}

async fn consultation_pdf(
    req: HttpRequest,
    ctx: Ctx,
    hx: HxRequest,
    user: CompanyUser,
    tenant: Tenant,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let k = match run_consult(&req, &ctx, hx, &user, &tenant, id.into_inner()).await? {
        Ok(k) => k,
        Err(refused) => return Ok(refused),
    };
    let doc = v::pdf_document(ctx.lang, &k);
    let bytes = web::block(move || pdf::render(&doc))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("PDF task: {e}")))?
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(NO_STORE)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", v::pdf_file_name(&k)),
        ))
        .body(bytes))
}

async fn possibilities(
    req: HttpRequest,
    ctx: Ctx,
    person: Person,
    tenant: Tenant,
) -> Result<HttpResponse, AppError> {
    let (niss, now) = (person.niss.clone(), ctx.now);
    let sources = state(&req).sources.clone();
    let found = on_db(&tenant, move |conn| {
        consult::possibilities(conn, sources.as_ref(), &niss, now)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(NO_STORE)
        .body(v::possibilities_page(&ctx, found.as_ref()).into_string()))
}
