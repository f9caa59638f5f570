//! Routing every request to its tenant by its host: the main site, or a trainer's demo
//! tenant at `{name}.{demo_base_host}`. One middleware around the whole application (the
//! pages, the API, the health checks; not the assets, which need no database): it reads
//! the tenant (for a demo tenant, its row in the main database: its database, its clock),
//! puts it in the request for [`crate::web::context::tenant_of`], and runs the rest of the
//! request, the session store's reads and writes included ([`crate::web::sessions`]), with it.
//!
//! A host under the demo base host that names no tenant (never made, expired, deleted) is
//! answered 404 with a page that says so, before anything else runs: the main database is
//! never reachable from a tenant's host, nor one tenant from another.

use actix_web::{
    HttpMessage, HttpResponse,
    body::{BoxBody, EitherBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::{StatusCode, header},
    middleware::Next,
};

use crate::{
    api::problem::{Code, Problem, UNAVAILABLE_RETRY_AFTER, lang_of},
    state::HostTenant,
    web::{
        context::{Ctx, state},
        routes,
        sessions::with_tenant,
        views,
    },
};

/// Middleware: finds the request's tenant by its host (see the module).
pub async fn route_to_tenant(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, BoxBody>>, actix_web::Error> {
    if req.path().starts_with(routes::ASSETS) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let tenants = state(req.request()).tenants.clone();
    let host = req.connection_info().host().to_string();
    let tenant = match tenants.for_host(&host) {
        HostTenant::Main => tenants.main().clone(),
        HostTenant::Demo(name) => match tenants.demo(&name).await {
            Ok(Some(tenant)) => tenant,
            Ok(None) => return Ok(refuse(req, StatusCode::NOT_FOUND, Some(name.as_str()))),
            Err(e) => {
                tracing::debug!(error = %e, "demo tenant not read: database unavailable");
                return Ok(refuse(req, StatusCode::SERVICE_UNAVAILABLE, None));
            }
        },
        HostTenant::Unknown => return Ok(refuse(req, StatusCode::NOT_FOUND, Some(""))),
    };
    req.extensions_mut().insert(tenant.clone());
    let automatic = req
        .headers()
        .contains_key(crate::web::sessions::AUTOMATIC_HEADER);
    let res = with_tenant(tenant, automatic, next.call(req)).await?;
    Ok(res.map_into_left_body())
}

/// The answer to a request that reaches no tenant: a problem document for the API, else a
/// page in the visitor's language (no tenant, or the database unavailable).
fn refuse<B>(
    req: ServiceRequest,
    status: StatusCode,
    tenant: Option<&str>,
) -> ServiceResponse<EitherBody<B, BoxBody>> {
    let res = if routes::is_api(req.path()) {
        let problem = if status == StatusCode::SERVICE_UNAVAILABLE {
            Problem::new(Code::Unavailable).retry_after(UNAVAILABLE_RETRY_AFTER)
        } else {
            Problem::new(Code::NotFound)
        };
        let base = &crate::web::context::state(req.request())
            .settings
            .public_url;
        problem.response(lang_of(req.headers()), base)
    } else {
        let ctx = Ctx::of(req.request());
        let markup = match tenant {
            Some(name) => views::errors::no_tenant(&ctx, name),
            None => views::errors::error_page(
                &ctx,
                &views::errors::ErrorShown {
                    status,
                    incident: None,
                    detail: None,
                    after_form: false,
                },
            ),
        };
        let mut res = HttpResponse::build(status);
        res.content_type("text/html; charset=utf-8");
        if status == StatusCode::SERVICE_UNAVAILABLE {
            res.insert_header((header::RETRY_AFTER, UNAVAILABLE_RETRY_AFTER.to_string()));
        }
        res.body(markup.into_string())
    };
    req.into_response(res).map_into_right_body()
}
