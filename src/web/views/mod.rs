//! maud views: small documented functions returning `Markup`. No business rule here.

pub mod admin;
pub mod admin_frame;
pub mod admin_mail;
pub mod admin_records;
pub mod admin_staff;
pub mod admin_tenants;
pub mod answers;
pub mod auth;
pub mod citizen;
pub mod common;
pub mod company;
pub mod company_api;
pub mod company_guide;
pub mod company_people;
pub mod company_progress;
pub mod confirm;
pub mod consult;
pub mod errors;
pub mod help;
pub mod home;
pub mod layout;
pub mod mailbox;
pub mod models;

use actix_web::{HttpResponse, http::StatusCode};
use maud::{Markup, html};

use super::context::{CSRF_FIELD, Ctx};

/// The hidden CSRF field of every form.
pub fn csrf_field(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name=(CSRF_FIELD) value=(ctx.csrf.get()); }
}

/// The key of a column of row actions (buttons that name their row): its header is for
/// screen readers only, and its cells carry no label on a narrow screen.
pub const ACTIONS: &str = "col-actions";

/// A table's columns, named once from `locales/`: its head, and the name each cell carries
/// (`data-label`) for a narrow screen, where a `table.stack` is read as a card per row,
/// each value under its column's name (WCAG 1.4.10: nothing scrolls sideways, no word is
/// broken in a squeezed column).
pub struct Columns(Vec<(bool, String)>);

impl Columns {
    /// The columns named by the fluent keys `keys` ([`ACTIONS`] for row actions).
    pub fn new(ctx: &Ctx, keys: &[&str]) -> Self {
        Self(keys.iter().map(|k| (*k == ACTIONS, ctx.t(k))).collect())
    }

    /// The table's head: a column header each.
    pub fn head(&self) -> Markup {
        html! {
            thead { tr {
                @for (actions, name) in &self.0 {
                    @if *actions {
                        th scope="col" { span.visually-hidden { (name) } }
                    } @else {
                        th scope="col" { (name) }
                    }
                }
            } }
        }
    }

    /// The name of column `i`, for its cells' `data-label`.
    pub fn label(&self, i: usize) -> &str {
        self.0.get(i).map_or("", |(_, name)| name)
    }
}

/// A section of a list, labelled by its title; when there is nothing to list, a message
/// instead of the list.
pub struct ListSection<'a> {
    /// The id of its title.
    pub id: &'a str,
    /// The fluent key of its title.
    pub title: &'a str,
    /// The test id and the fluent key of the message of an empty list.
    pub empty: (&'a str, &'a str),
}

impl ListSection<'_> {
    /// The section: its `h2`, then the message when `is_empty`, else `list`.
    pub fn render(&self, ctx: &Ctx, is_empty: bool, list: impl FnOnce() -> Markup) -> Markup {
        let (empty_testid, empty_key) = self.empty;
        html! {
            section aria-labelledby=(self.id) {
                h2 id=(self.id) { (ctx.t(self.title)) }
                @if is_empty {
                    p data-testid=(empty_testid) { (ctx.t(empty_key)) }
                } @else {
                    (list())
                }
            }
        }
    }
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

/// Extensions flag: set on responses whose error status was rendered by the handler itself
/// (a form shown again with its messages), so the error-page renderer leaves them alone.
#[derive(Copy, Clone, Debug)]
pub struct Rendered;

/// Marks a response as already rendered.
pub fn mark_rendered(res: &mut HttpResponse) {
    res.extensions_mut().insert(Rendered);
}
