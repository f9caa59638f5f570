//! Error pages (or fragments for htmx).

use actix_web::http::StatusCode;
use maud::{Markup, html};
use uuid::Uuid;

use super::{
    layout::{Area, layout},
    models::Unreadable,
};
use crate::{services::Refusal, web::context::Ctx};

/// Where an error is shown: as the answer to a form sent without JavaScript (the page is
/// the answer; reloading it sends the form again), or in the page the form stands in
/// (htmx: reloading it shows the form again).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Shown {
    Page,
    InPage,
}

/// The title and text keys of an error status; a 403 after a form's submission may be an
/// expired form, one after a page view never is.
fn keys(status: StatusCode, after_form: bool, shown: Shown) -> (&'static str, &'static str) {
    match status.as_u16() {
        403 if after_form && shown == Shown::InPage => ("error-403-title", "error-403-here-text"),
        403 if after_form => ("error-403-title", "error-403-text"),
        403 => ("error-403-title", "error-403-page-text"),
        404 => ("error-404-title", "error-404-text"),
        413 => ("error-413-title", "error-413-text"),
        429 => ("error-429-title", "error-429-text"),
        503 => ("error-503-title", "error-503-text"),
        400..=499 => ("error-400-title", "error-400-text"),
        _ => ("error-500-title", "error-500-text"),
    }
}

/// What an error page says beyond its status.
#[derive(Clone, Debug)]
pub enum ErrorDetail {
    /// The rules said no: why.
    Refusal(Refusal),
    /// A form or a query held something that is not text: which field.
    Unreadable(Unreadable),
}

/// The title and text keys of an error.
fn keys_of(
    status: StatusCode,
    detail: Option<&ErrorDetail>,
    after_form: bool,
    shown: Shown,
) -> (&'static str, &'static str) {
    match detail {
        Some(ErrorDetail::Unreadable(_)) => ("error-input-title", "error-input-text"),
        _ => keys(status, after_form, shown),
    }
}

/// An error to show: its status, the incident logged for it, what it says beyond its
/// status, and whether the request submitted a form (rather than asked for a page).
#[derive(Clone, Copy, Debug)]
pub struct ErrorShown<'a> {
    /// The status.
    pub status: StatusCode,
    /// The incident logged for it, if any.
    pub incident: Option<Uuid>,
    /// What it says beyond its status.
    pub detail: Option<&'a ErrorDetail>,
    /// Whether the request submitted a form.
    pub after_form: bool,
}

/// What went wrong, in the visitor's language; a refusal says why, unreadable input which
/// field; `back`, the area a link leads back to.
fn section(ctx: &Ctx, shown: &ErrorShown<'_>, place: Shown, back: Option<Area>) -> Markup {
    let ErrorShown {
        status,
        incident,
        detail,
        after_form,
    } = *shown;
    let (title, text) = keys_of(status, detail, after_form, place);
    html! {
        section.error role="alert" data-status=(status.as_u16()) {
            h1 { (ctx.t(title)) }
            @match detail {
                Some(ErrorDetail::Refusal(r)) => p data-testid="refusal" { (ctx.t(r.message_key())) },
                Some(ErrorDetail::Unreadable(Unreadable { field: Some(field) })) => {
                    p data-testid="unreadable" {
                        (ctx.lang.t_args("error-input-field", &[("field", field.as_str().into())]))
                    }
                }
                _ => p { (ctx.t(text)) },
            }
            @if let Some(id) = incident {
                p.incident { (ctx.t("error-incident")) " " code { (id) } }
            }
            @if let Some(back) = back {
                p { a href=(back.home()) data-testid="back-home" { (ctx.t(back.back_key())) } }
            }
        }
    }
}

/// An error as a partial, for htmx to show in the page's flash area.
pub fn error_partial(ctx: &Ctx, shown: &ErrorShown<'_>) -> Markup {
    section(ctx, shown, Shown::InPage, None)
}

/// The page of a host under the demo base host where no demo tenant lives (never made,
/// expired, deleted): 404, and what a trainee can do.
pub fn no_tenant(ctx: &Ctx, name: &str) -> Markup {
    let title = ctx.t("tenant-none-title");
    let body = html! {
        section.error role="alert" data-status="404" data-testid="no-tenant" {
            h1 { (title) }
            @if name.is_empty() {
                p { (ctx.t("tenant-none-text-unnamed")) }
            } @else {
                p { (ctx.lang.t_args("tenant-none-text", &[("name", name.to_string().into())])) }
            }
            p { (ctx.t("tenant-none-hint")) }
        }
    };
    layout(ctx, &title, Area::Public, body)
}

/// An error as a whole page, in the frame of the area it was met in (the company app, the
/// portal, the back office for its staff), with a way back to that area's first page: a
/// user who meets a dead end inside their service stays in it. A refusal of access (403),
/// or an error of the area's first page itself, leads to the service's home page instead,
/// so the way back never leads to the same error.
pub fn error_page(ctx: &Ctx, shown: &ErrorShown<'_>) -> Markup {
    let (title, _) = keys_of(shown.status, shown.detail, shown.after_form, Shown::Page);
    let staff = ctx.principal.as_ref().is_some_and(|p| p.staff);
    let area = match Area::of_path(&ctx.path) {
        _ if shown.status == StatusCode::FORBIDDEN => Area::Public,
        Area::Admin if !staff => Area::Public,
        area => area,
    };
    let path = ctx.path.split('?').next().unwrap_or_default();
    let back = if path == area.home() {
        Area::Public
    } else {
        area
    };
    layout(
        ctx,
        &ctx.t(title),
        area,
        section(ctx, shown, Shown::Page, Some(back)),
    )
}
