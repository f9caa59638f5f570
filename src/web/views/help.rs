//! Public help pages: the privacy page (from `crate::privacy`, the one source of the README's
//! personal-data table), the accessibility statement, the help for the companies that
//! hire a candidate without a Belgian national number, and the API's problem types.

use actix_web::http::StatusCode;
use maud::{Markup, html};

use super::layout::{Area, layout};
use crate::{
    domain::Context,
    privacy::{PERSONAL_DATA, notice},
    services::ErrorCode,
    web::{context::Ctx, routes},
};

/// The contact and help entry, as a link showing its address.
fn contact_link(ctx: &Ctx) -> Markup {
    let contact = &ctx.links().help_contact;
    html! {
        a href=(contact.href(ctx.lang)) data-testid="contact" { (contact.shown(ctx.lang)) }
    }
}

/// `/privacy`: who processes what, why, for how long, who sees it, the rights.
pub fn privacy(ctx: &Ctx) -> Markup {
    let title = ctx.t("privacy-title");
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("privacy-lead")) }
        section aria-labelledby="controller-title" {
            h2 #controller-title { (ctx.t("privacy-controller-title")) }
            p { (ctx.t("privacy-controller-text")) }
        }
        section aria-labelledby="purposes-title" {
            h2 #purposes-title { (ctx.t("privacy-purposes-title")) }
            p { (ctx.t("privacy-purposes-lead")) }
            @for c in Context::all() {
                h3 { (ctx.t(c.name_key())) }
                dl.facts data-testid=(format!("purpose-{}", c.slug())) {
                    @for (label, text) in notice(ctx.lang, c).labelled(ctx.lang) {
                        dt { (label) }
                        dd { (text) }
                    }
                }
            }
        }
        section aria-labelledby="table-title" {
            h2 #table-title { (ctx.t("privacy-table-title")) }
            @let cols = super::Columns::new(ctx, &["privacy-col-data", "privacy-col-why", "privacy-col-who", "privacy-col-kept"]);
            table.stack data-testid="personal-data" {
                (cols.head())
                tbody {
                    @for row in PERSONAL_DATA {
                        @let t = row.text(ctx.lang, &ctx.settings);
                        tr {
                            td data-label=(cols.label(0)) { (t.data) }
                            td data-label=(cols.label(1)) { (t.why) }
                            td data-label=(cols.label(2)) { (t.who) }
                            td data-label=(cols.label(3)) { (t.kept) }
                        }
                    }
                }
            }
        }
        section aria-labelledby="rights-title" {
            h2 #rights-title { (ctx.t("privacy-rights-title")) }
            ul {
                @for key in ["privacy-rights-access", "privacy-rights-stop", "privacy-rights-rectify", "privacy-rights-erase"] {
                    li { (ctx.t(key)) }
                }
            }
            p { (ctx.t("privacy-rights-how")) }
            p data-testid="privacy-contact" {
                (ctx.t("privacy-contact")) " " (contact_link(ctx))
            }
            p { (ctx.t("privacy-complaint")) }
        }
        section aria-labelledby="security-title" {
            h2 #security-title { (ctx.t("privacy-security-title")) }
            p { (ctx.t("privacy-security-text")) }
        }
    };
    layout(ctx, &title, Area::Public, body)
}

/// When the accessibility statement was last reviewed against the service.
const STATEMENT_REVIEWED: (i32, u32, u32) = (2026, 12, 7);

/// `/accessibility`: the accessibility statement the law of 19 July 2018 asks of a public
/// service (directive (EU) 2016/2102): how far the service meets WCAG 2.1 AA, what does
/// not and why, how it was assessed, whom to write to, and where to complain.
pub fn accessibility(ctx: &Ctx) -> Markup {
    let title = ctx.t("a11y-title");
    let minutes = ctx.settings.sessions.absolute.num_minutes();
    let duration = if minutes % 60 == 0 {
        ctx.lang
            .t_args("a11y-duration-hours", &[("n", (minutes / 60).into())])
    } else {
        ctx.lang
            .t_args("a11y-duration-minutes", &[("n", minutes.into())])
    };
    let (y, m, d) = STATEMENT_REVIEWED;
    let reviewed = chrono::NaiveDate::from_ymd_opt(y, m, d).map(|day| ctx.lang.date(day));
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("a11y-lead")) }
        section aria-labelledby="a11y-status-title" {
            h2 #a11y-status-title { (ctx.t("a11y-status-title")) }
            p data-testid="a11y-status" { (ctx.t("a11y-status")) }
        }
        section aria-labelledby="a11y-limits-title" {
            h2 #a11y-limits-title { (ctx.t("a11y-limits-title")) }
            ul {
                li data-testid="a11y-limit-session" {
                    (ctx.lang.t_args("a11y-limit-session", &[("duration", duration.into())]))
                }
            }
        }
        section aria-labelledby="a11y-method-title" {
            h2 #a11y-method-title { (ctx.t("a11y-method-title")) }
            p { (ctx.lang.t_args("a11y-method", &[("date", reviewed.unwrap_or_default().into())])) }
        }
        section aria-labelledby="a11y-feedback-title" {
            h2 #a11y-feedback-title { (ctx.t("a11y-feedback-title")) }
            p { (ctx.t("a11y-feedback")) }
            p data-testid="a11y-contact" { (ctx.t("privacy-contact")) " " (contact_link(ctx)) }
        }
        section aria-labelledby="a11y-enforcement-title" {
            h2 #a11y-enforcement-title { (ctx.t("a11y-enforcement-title")) }
            p data-testid="a11y-enforcement" { (ctx.t("a11y-enforcement")) }
        }
    };
    layout(ctx, &title, Area::Public, body)
}

/// The paragraph linking to the foreigners' identification service (where a BIS number is
/// asked for), on both foreigners' help pages.
pub(super) fn identification_service(ctx: &Ctx) -> Markup {
    let href = ctx.links().foreigners_identification(ctx.lang);
    html! {
        p {
            a href=(href) rel="noopener noreferrer" data-testid="identification-service" {
                (ctx.t("foreigners-identification-link"))
            }
        }
    }
}

/// `/company/help/foreigners`: for the companies that hire a candidate without a Belgian
/// national number: the BIS number, the request, how the candidate signs in.
pub fn foreigners_company(ctx: &Ctx) -> Markup {
    let title = ctx.t("foreigners-company-title");
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("foreigners-company-lead")) }
        section {
            h2 { (ctx.t("foreigners-company-bis-title")) }
            p { (ctx.t("foreigners-company-bis")) }
            (identification_service(ctx))
            p { (ctx.t("foreigners-company-request")) }
        }
        section {
            h2 { (ctx.t("foreigners-company-sign-in-title")) }
            p { (ctx.t("foreigners-company-sign-in")) }
            p {
                (ctx.t("foreigners-company-candidate-page")) " "
                a href=(routes::CITIZEN_HELP_FOREIGNERS) data-testid="candidate-help" { (ctx.t("citizen-foreigners-title")) }
            }
        }
        p { a href=(routes::COMPANY) { (ctx.t("back-to-requests")) } }
    };
    layout(ctx, &title, Area::Company, body)
}

/// `/api/problems`: every code of the API's problem documents (RFC 9457), with its HTTP
/// status and what it means, a row each whose id is the fragment of the problems' `type`.
pub fn api_problems(ctx: &Ctx) -> Markup {
    let title = ctx.t("api-problems-title");
    let cols = super::Columns::new(
        ctx,
        &[
            "api-problems-col-code",
            "api-problems-col-status",
            "api-problems-col-meaning",
        ],
    );
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("api-problems-lead")) }
        p { a href=(routes::API_OPENAPI) data-testid="openapi-link" { (ctx.t("api-openapi")) } }
        table.stack data-testid="problem-types" {
            (cols.head())
            tbody {
                @for code in ErrorCode::ALL {
                    @let status = StatusCode::from_u16(code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                    tr id=(code.slug()) data-testid="problem-type" {
                        td data-label=(cols.label(0)) { code { (code.as_str()) } }
                        // The status line as HTTP writes it: protocol words, as the code.
                        td data-label=(cols.label(1)) {
                            code { (status.as_u16()) " " (status.canonical_reason().unwrap_or_default()) }
                        }
                        td data-label=(cols.label(2)) {
                            (ctx.t(&code.message_key()))
                            // The problem itself lists the known contexts after its detail.
                            @if code == ErrorCode::UnknownContext {
                                (ctx.lang.colon()) " "
                                @for (i, c) in Context::all().enumerate() {
                                    @if i > 0 { ", " }
                                    code { (c.code()) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(ctx, &title, Area::Public, body)
}
