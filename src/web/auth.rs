//! Sign-in and sign-out through the identity providers (the demo one for now).

use actix_web::{HttpRequest, HttpResponse, http::StatusCode, http::header, web};
use serde::Deserialize;

use super::{
    context::{Ctx, state},
    errors::AppError,
    extract::{CsrfChecked, CsrfForm, end_session, establish_session, on_db},
    routes, views,
};
use crate::state::Tenant;
use crate::{
    auth::{SignInError, SignInMethod},
    db::run_blocking,
    domain::Niss,
};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::SIGN_IN, web::get().to(sign_in_page))
        .route(routes::SIGN_IN_DEMO, web::post().to(sign_in_demo))
        .route(
            routes::SIGN_IN_DEMO_STAFF,
            web::post().to(sign_in_demo_staff),
        )
        .route(routes::SIGN_OUT, web::post().to(sign_out));
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn sign_in_page(
    req: HttpRequest,
    ctx: Ctx,
    tenant: Tenant,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    let next = routes::local_path(query.next.as_deref(), routes::HOME).to_string();
    render_sign_in(&req, &ctx, tenant, &next, "", None, StatusCode::OK).await
}

async fn render_sign_in(
    req: &HttpRequest,
    ctx: &Ctx,
    tenant: Tenant,
    next: &str,
    typed: &str,
    error: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let personas = match state(req).demo_idp {
        Some(idp) => {
            let sources = state(req).sources.clone();
            Some(on_db(&tenant, move |conn| idp.personas(conn, sources.as_ref())).await?)
        }
        None => None,
    };
    Ok(views::with_status(
        status,
        views::auth::sign_in(ctx, next, personas.as_ref(), typed, error),
    ))
}

#[derive(Deserialize)]
struct DemoPersonForm {
    niss: String,
    next: Option<String>,
}

async fn sign_in_demo(
    req: HttpRequest,
    ctx: Ctx,
    tenant: Tenant,
    form: CsrfForm<DemoPersonForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let idp = state(&req).demo_idp.ok_or(AppError::NotFound)?;
    let next = routes::local_path(form.next.as_deref(), routes::HOME).to_string();
    let niss = match Niss::parse(&form.niss) {
        Ok(niss) => niss,
        Err(e) => {
            return render_sign_in(
                &req,
                &ctx,
                tenant,
                &next,
                &form.niss,
                Some(e.message_key()),
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let sources = state(&req).sources.clone();
    let result = run_blocking(tenant.pool(), move |conn| {
        idp.person(conn, sources.as_ref(), &niss, SignInMethod::Demo)
    })
    .await;
    match result {
        Ok(principal) => {
            establish_session(&req, &principal)?;
            tracing::info!(method = "demo", "person signed in");
            Ok(see_other(&next))
        }
        Err(SignInError::UnknownPerson) => {
            render_sign_in(
                &req,
                &ctx,
                tenant,
                &next,
                &form.niss,
                Some("sign-in-unknown-person"),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct DemoStaffForm {
    username: String,
    next: Option<String>,
}

async fn sign_in_demo_staff(
    req: HttpRequest,
    tenant: Tenant,
    form: CsrfForm<DemoStaffForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let idp = state(&req).demo_idp.ok_or(AppError::NotFound)?;
    let next = routes::local_path(form.next.as_deref(), routes::HOME).to_string();
    let username = form.username.clone();
    let result = run_blocking(tenant.pool(), move |conn| idp.staff(conn, &username)).await;
    match result {
        Ok(principal) => {
            establish_session(&req, &principal)?;
            tracing::info!(method = "demo", "staff signed in");
            Ok(see_other(&next))
        }
        Err(SignInError::UnknownStaff) => Err(AppError::BadRequest),
        Err(e) => Err(e.into()),
    }
}

async fn sign_out(req: HttpRequest, _csrf: CsrfChecked) -> HttpResponse {
    end_session(&req);
    see_other(routes::HOME)
}

/// A 303 redirect (after a POST).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_string()))
        .finish()
}
