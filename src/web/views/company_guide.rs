//! The words that guide a company user: what the service is for (the dashboard's
//! introduction), what to do next when a tab is empty, and the tabs' automatic refresh
//! (with its pause), and how a listed request is named.

use maud::{Markup, html};

use super::models::TabData;
use crate::services::requests::{AccessRequest, ListedRequest};
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

/// The pause and resume of the tabs' automatic refresh (WCAG 2.2.2): what it does now and
/// a button; shown by the script (without it, nothing refreshes by itself).
pub fn live_control(ctx: &Ctx) -> Markup {
    let on = ctx.lang.t_args(
        "tabs-live-on",
        &[(
            "seconds",
            i64::from(ctx.settings.tabs_refresh_seconds).into(),
        )],
    );
    html! {
        p.live-control hidden data-live-control data-testid="live-control" {
            span role="status" data-live-status data-testid="live-status"
                data-on=(on) data-off=(ctx.t("tabs-live-off")) data-unreachable=(ctx.t("tabs-live-unreachable")) {
                (on)
            }
            " "
            button.secondary type="button" aria-controls="tab-panel" data-live-toggle data-testid="live-toggle"
                data-pause=(ctx.t("tabs-live-pause")) data-resume=(ctx.t("tabs-live-resume")) {
                (ctx.t("tabs-live-pause"))
            }
        }
    }
}

/// The name of the person who answered a request, when known.
pub fn person_name(r: &AccessRequest) -> Option<String> {
    match (&r.citizen_first_name, &r.citizen_last_name) {
        (Some(f), Some(l)) => Some(format!("{f} {l}")),
        _ => None,
    }
}

/// The company's label of a request or, without one (an integrator's request made without
/// a label), when it was created.
pub fn label_or_created(ctx: &Ctx, row: &ListedRequest) -> String {
    match &row.request.label {
        Some(label) => label.clone(),
        None => ctx.lang.t_args(
            "request-created-at",
            &[("at", ctx.lang.datetime(row.request.created_at).into())],
        ),
    }
}
