//! The words that guide a company user: what the service is for (the dashboard's
//! introduction) and what to do next when a tab is empty.

use maud::{Markup, html};

use super::models::TabData;
use crate::{
    domain::{Context, status::Tab},
    web::context::Ctx,
};

/// What the service is for: the questions it answers (one per context of the registry),
/// and that the candidate's permission is needed.
pub fn intro(ctx: &Ctx) -> Markup {
    html! {
        section.intro data-testid="intro" {
            p { (ctx.t("company-intro")) }
            ul {
                @for c in Context::all() {
                    li { strong { (ctx.t(c.name_key())) } " — " (ctx.t(c.description_key())) }
                }
            }
            p { (ctx.t("company-intro-permission")) }
        }
    }
}

/// What an empty tab says: what to do next; or that the search found nothing.
pub fn empty_key(data: &TabData) -> &'static str {
    if !data.search.trim().is_empty() {
        return "tab-empty-search";
    }
    match data.tab {
        Tab::Active => "tab-empty-active",
        Tab::Requested => "tab-empty-requested",
        Tab::Blocked => "tab-empty-blocked",
    }
}
