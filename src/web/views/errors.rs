//! Error pages (or fragments for htmx).

use actix_web::http::StatusCode;
use maud::{Markup, html};
use uuid::Uuid;

use super::layout::{Area, layout};
use crate::{
    services::Refusal,
    web::{extract::Ctx, routes},
};

/// The page for an error status, in the visitor's language; a refusal says why.
pub fn error_page(
    ctx: &Ctx,
    status: StatusCode,
    incident: Option<Uuid>,
    refusal: Option<Refusal>,
) -> Markup {
    let (title, text) = match status.as_u16() {
        403 => ("error-403-title", "error-403-text"),
        404 => ("error-404-title", "error-404-text"),
        413 => ("error-413-title", "error-413-text"),
        429 => ("error-429-title", "error-429-text"),
        503 => ("error-503-title", "error-503-text"),
        400..=499 => ("error-400-title", "error-400-text"),
        _ => ("error-500-title", "error-500-text"),
    };
    let body = html! {
        section.error role="alert" data-status=(status.as_u16()) {
            h1 { (ctx.t(title)) }
            @match refusal {
                Some(r) => p data-testid="refusal" { (ctx.t(r.message_key())) },
                None => p { (ctx.t(text)) },
            }
            @if let Some(id) = incident {
                p.incident { (ctx.t("error-incident")) " " code { (id) } }
            }
            @if !ctx.hx {
                p { a href=(routes::HOME) { (ctx.t("back-home")) } }
            }
        }
    };
    if ctx.hx {
        body
    } else {
        layout(ctx, &ctx.t(title), Area::Public, body)
    }
}
