//! API access in the company app: circle of trust, activation, API clients. A company
//! manages its own API access, a social service provider included (acting for no client:
//! its clients then act for each client company that designated it).

use actix_web::{HttpResponse, http::StatusCode, web};
use serde::Deserialize;

use super::{
    auth::see_other,
    company::OwnCompanyUser,
    confirm::{self, ConfirmedPath},
    context::Ctx,
    errors::AppError,
    extract::{CsrfChecked, CsrfForm, on_db},
    routes,
    views::{self, company_api as v},
};
use crate::state::Tenant;
use crate::{
    db::run_blocking,
    services::{
        FieldErrors, ServiceError,
        api_clients::{self, ApiScope, NewCredentials},
    },
};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::COMPANY_API, web::get().to(page))
        .route(routes::COMPANY_API_CIRCLE, web::post().to(accept_circle))
        .route(
            &routes::company_api_toggle("{scope}", "{state}"),
            web::post().to(toggle),
        )
        .route(routes::COMPANY_API_CLIENTS, web::post().to(create_client))
        .route(
            &routes::company_api_revoke("{id}"),
            web::post().to(revoke_client),
        );
}

async fn render(
    ctx: &Ctx,
    user: &OwnCompanyUser,
    pool: &crate::db::DbPool,
    created: Option<&NewCredentials>,
    error: Option<&'static str>,
    errors: Option<&FieldErrors>,
) -> Result<HttpResponse, AppError> {
    let c = user.ctx.clone();
    let (access, clients) = run_blocking(pool, move |conn| {
        let access = api_clients::access(conn, c.company.id)?;
        let clients = api_clients::clients(conn, &c)?;
        Ok::<_, ServiceError>((access, clients))
    })
    .await
    .map_err(AppError::from)?;
    let markup = v::page(ctx, &user.ctx, &access, &clients, created, error, errors);
    Ok(if error.is_some() || errors.is_some() {
        views::with_status(StatusCode::BAD_REQUEST, markup)
    } else {
        views::html(markup)
    })
}

async fn page(ctx: Ctx, user: OwnCompanyUser, tenant: Tenant) -> Result<HttpResponse, AppError> {
    if !user.ctx.manages_own_company() {
        return Err(AppError::Forbidden);
    }
    render(&ctx, &user, tenant.pool(), None, None, None).await
}

async fn accept_circle(
    ctx: Ctx,
    user: OwnCompanyUser,
    tenant: Tenant,
    _csrf: CsrfChecked,
) -> Result<HttpResponse, AppError> {
    let (c, now) = (user.ctx.clone(), ctx.now);
    on_db(&tenant, move |conn| {
        api_clients::accept_circle(conn, &c, now)
    })
    .await?;
    Ok(see_other(routes::COMPANY_API))
}

async fn toggle(
    ctx: Ctx,
    user: OwnCompanyUser,
    tenant: Tenant,
    path: web::Path<(String, String)>,
    _csrf: CsrfChecked,
) -> Result<HttpResponse, AppError> {
    let (scope, state) = path.into_inner();
    let scope = ApiScope::parse(&scope).ok_or(AppError::NotFound)?;
    let on = match state.as_str() {
        "on" => true,
        "off" => false,
        _ => return Err(AppError::NotFound),
    };
    let c = user.ctx.clone();
    let result = run_blocking(tenant.pool(), move |conn| {
        api_clients::set_api(conn, &c, scope, on)
    })
    .await;
    match result {
        Ok(()) => Ok(see_other(routes::COMPANY_API)),
        Err(ServiceError::Refused(refusal)) => {
            render(
                &ctx,
                &user,
                tenant.pool(),
                None,
                Some(refusal.message_key()),
                None,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct ClientForm {
    #[serde(default)]
    name: String,
    scope_mandates: Option<String>,
    scope_data: Option<String>,
}

async fn create_client(
    ctx: Ctx,
    user: OwnCompanyUser,
    tenant: Tenant,
    CsrfForm(form): CsrfForm<ClientForm>,
) -> Result<HttpResponse, AppError> {
    let mut scopes = Vec::new();
    if form.scope_mandates.is_some() {
        scopes.push(ApiScope::Mandates);
    }
    if form.scope_data.is_some() {
        scopes.push(ApiScope::PrecontractualData);
    }
    let (c, now) = (user.ctx.clone(), ctx.now);
    let result = run_blocking(tenant.pool(), move |conn| {
        api_clients::create_client_for(conn, &c, &form.name, &scopes, now)
    })
    .await;
    match result {
        Ok(creds) => render(&ctx, &user, tenant.pool(), Some(&creds), None, None).await,
        Err(ServiceError::Invalid(errors)) => {
            render(&ctx, &user, tenant.pool(), None, None, Some(&errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn revoke_client(
    ctx: Ctx,
    user: OwnCompanyUser,
    tenant: Tenant,
    asked: ConfirmedPath,
) -> Result<HttpResponse, AppError> {
    if !asked.yes {
        return confirm::revoke_client(&ctx, &user, &tenant, asked.id).await;
    }
    let (c, id, now) = (user.ctx.clone(), asked.id, ctx.now);
    on_db(&tenant, move |conn| {
        api_clients::revoke_client(conn, &c, id, now)
    })
    .await?;
    Ok(see_other(routes::COMPANY_API))
}
