//! Consultation pages: a company's mandate page (GET: the mandate, nothing consulted), its
//! consultation (a same-origin POST of the "Consult now" button: the one deliberate act
//! that is recorded), the PDF export of a recorded consultation (part of it, not a new
//! one), and the citizen's own "My possibilities" page.
//!
//! Handlers stay thin: extract, call `services::consult`, render. Refusals (no active
//! mandate, stopped, blocked, ended) get a page saying why (409), a suspended company 403,
//! and a request or consultation of somebody else 404, with nothing about it.

use actix_web::{HttpRequest, HttpResponse, http::header, web};
use serde::Deserialize;
use uuid::Uuid;

use super::{
    company_user::{self as company, CompanyAsk, CompanyUser},
    context::{Ctx, HxRequest, state},
    errors::{AppError, Page},
    extract::{CsrfForm, Person, on_db},
    routes,
    views::consult as v,
};
use crate::state::Tenant;
use crate::{
    pdf,
    services::{Refusal, ServiceError, consult},
};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(&routes::consult_path("{id}"), web::get().to(mandate_page))
        .route(&routes::consult_path("{id}"), web::post().to(consult_now))
        .route(
            &routes::consultation_pdf_path("{id}"),
            web::get().to(consultation_pdf),
        )
        .route(routes::CITIZEN_POSSIBILITIES, web::get().to(possibilities));
}

/// Personal data: never kept by the browser or a proxy.
const NO_STORE: (header::HeaderName, &str) = (header::CACHE_CONTROL, "no-store");

/// A page of personal data.
fn page(markup: maud::Markup) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(NO_STORE)
        .body(markup.into_string())
}

/// The response to a refusal of the service; other errors go up.
fn refused(ctx: &Ctx, hx: HxRequest, user: &CompanyUser, e: ServiceError) -> Page {
    match e {
        ServiceError::Refused(Refusal::CompanySuspended) => {
            Ok(company::suspended(ctx, hx, &user.ctx))
        }
        ServiceError::Refused(refusal) => Ok(company::refused(ctx, hx, &user.ctx, refusal)),
        e => Err(e.into()),
    }
}

/// `GET /company/mandates/{id}`: the mandate and the "Consult now" button. Nothing is
/// consulted or recorded (a reload, a language switch, a prefetch or a link from another
/// site is not a consultation).
async fn mandate_page(
    ctx: Ctx,
    hx: HxRequest,
    ask: CompanyAsk,
    tenant: Tenant,
    id: web::Path<Uuid>,
) -> Page {
    let (id, now) = (id.into_inner(), ctx.now);
    let (user, result) = ask
        .on_db(&tenant, move |conn, user| {
            consult::mandate(conn, &user.scope(), id, now)
        })
        .await?;
    match result {
        Ok(m) => Ok(page(v::mandate_page(&ctx, &user.ctx, &m, Uuid::new_v4()))),
        Err(e) => refused(&ctx, hx, &user, e),
    }
}

/// The "Consult now" form: the act's one-time id (a reload posts it again: the same
/// consultation).
#[derive(Deserialize)]
struct ConsultForm {
    act: Option<Uuid>,
}

/// `POST /company/mandates/{id}`: a recorded consultation, answered with its result page.
async fn consult_now(
    req: HttpRequest,
    ctx: Ctx,
    hx: HxRequest,
    ask: CompanyAsk,
    tenant: Tenant,
    id: web::Path<Uuid>,
    form: CsrfForm<ConsultForm>,
) -> Page {
    let (id, now) = (id.into_inner(), ctx.now);
    let act = form.0.act;
    let sources = state(&req).sources.clone();
    let (user, result) = ask
        .on_db(&tenant, move |conn, user| {
            let (scope, actor) = (user.scope(), user.actor());
            consult::consult(conn, sources.as_ref(), &scope, &actor, id, act, now)
        })
        .await?;
    match result {
        Ok(k) => {
            tracing::info!(consultation = %k.id, request = %k.request.id, "consultation recorded");
            Ok(page(v::consultation_page(&ctx, &user.ctx, &k)))
        }
        Err(e) => refused(&ctx, hx, &user, e),
    }
}

/// `GET /company/consultations/{id}/pdf`: the recorded consultation as a PDF, its answer
/// as given then; nothing new is recorded.
async fn consultation_pdf(
    ctx: Ctx,
    user: CompanyUser,
    tenant: Tenant,
    id: web::Path<Uuid>,
) -> Page {
    let (scope, id) = (user.scope(), id.into_inner());
    let k = on_db(&tenant, move |conn| consult::recorded(conn, &scope, id)).await?;
    let info_url = ctx.links().info_url(k.context(), ctx.lang);
    let doc = v::pdf_document(ctx.lang, &k, &info_url);
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

async fn possibilities(req: HttpRequest, ctx: Ctx, person: Person, tenant: Tenant) -> Page {
    let (niss, now) = (person.niss.clone(), ctx.now);
    let sources = state(&req).sources.clone();
    let found = on_db(&tenant, move |conn| {
        consult::possibilities(conn, sources.as_ref(), &niss, now)
    })
    .await?;
    Ok(page(v::possibilities_page(&ctx, found.as_ref())))
}
