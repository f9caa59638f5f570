//! maud views: small documented functions returning `Markup`. No business rule here.

pub mod admin;
pub mod auth;
pub mod citizen;
pub mod company;
pub mod company_api;
pub mod consult;
pub mod errors;
pub mod home;
pub mod layout;
pub mod mailbox;

use actix_web::{HttpResponse, http::StatusCode};
use maud::{Markup, html};

use super::extract::{CSRF_FIELD, Ctx, mark_rendered};

/// The hidden CSRF field of every form.
pub fn csrf_field(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name=(CSRF_FIELD) value=(ctx.csrf); }
}

/// A 200 HTML response.
pub fn html(markup: Markup) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

/// An HTML response with a status the handler chose (a form shown again with messages).
pub fn with_status(status: StatusCode, markup: Markup) -> HttpResponse {
    let mut res = HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string());
    mark_rendered(&mut res);
    res
}

/// A whole page, or only `body` for htmx.
pub fn page_or_fragment(ctx: &Ctx, title: &str, area: layout::Area, body: Markup) -> Markup {
    if ctx.hx {
        body
    } else {
        layout::layout(ctx, title, area, body)
    }
}
