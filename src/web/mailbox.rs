//! The demo mailbox: the mails of the outbox, so the whole flow can be followed without a
//! real SMTP server. Demo and development modes only (404 otherwise), and every demo
//! tenant (its own mails only: its database's outbox).

use actix_web::{HttpRequest, web};
use uuid::Uuid;

use super::{
    context::{Ctx, tenant_of},
    errors::{AppError, Page},
    extract::on_db,
    routes,
    views::{html, mailbox as v},
};
use crate::mail;
use crate::state::Tenant;

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::MAILBOX, web::get().to(inbox))
        .route(&routes::mailbox_mail("{id}"), web::get().to(message));
}

fn demo_only(req: &HttpRequest) -> Result<(), AppError> {
    if tenant_of(req).site().mailbox {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

async fn inbox(req: HttpRequest, ctx: Ctx, tenant: Tenant) -> Page {
    demo_only(&req)?;
    let keys = ctx.settings.keyring.clone();
    let mails = on_db(&tenant, move |conn| mail::latest(conn, &keys, 100)).await?;
    Ok(html(v::inbox(&ctx, &mails)))
}

async fn message(req: HttpRequest, ctx: Ctx, tenant: Tenant, id: web::Path<Uuid>) -> Page {
    demo_only(&req)?;
    let id = id.into_inner();
    let keys = ctx.settings.keyring.clone();
    let mail = on_db(&tenant, move |conn| mail::find(conn, &keys, id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(html(v::message(&ctx, &mail)))
}
