//! The citizen portal's pages: the request page and its answers, the problem pages of a
//! link, the portal's home, the history, the stop confirmation, the help for foreigners.

use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::{
    ListSection,
    common::row_name,
    csrf_field, help,
    layout::{Area, layout},
};
use crate::{
    domain::RequestStatus,
    services::{
        citizen::{Consultation, LinkProblem, Portal, RequestDetails},
        requests::requester_name,
    },
    web::{context::Ctx, routes},
};

/// The calendar day of an instant, in Belgian time, the way the language writes it.
fn day(ctx: &Ctx, at: DateTime<Utc>) -> String {
    ctx.lang
        .date(at.with_timezone(&chrono_tz::Europe::Brussels).date_naive())
}

/// "Resto Pokébowl", or "Socialia on behalf of Resto Pokébowl".
fn requester(ctx: &Ctx, d: &RequestDetails) -> String {
    requester_name(
        ctx.lang,
        &d.company.name,
        d.provider.as_ref().map(|p| p.name.as_str()),
    )
}

/// "Resto Pokébowl has access to your flexi-job possibility until 4 April 2025."
fn access_sentence(ctx: &Ctx, d: &RequestDetails) -> String {
    let until = d
        .request
        .valid_until
        .map(|u| day(ctx, u))
        .unwrap_or_default();
    ctx.lang.t_args(
        &d.context().key("citizen-access"),
        &[
            ("requester", requester(ctx, d).into()),
            ("until", until.into()),
        ],
    )
}

/// The portal's own navigation.
fn portal_nav(ctx: &Ctx) -> Markup {
    html! {
        nav.portal aria-label=(ctx.t("service-citizen")) {
            p {
                a href=(routes::CITIZEN) data-testid="nav-portal" { (ctx.t("citizen-nav-home")) } " · "
                a href=(routes::CITIZEN_HISTORY) data-testid="nav-history" { (ctx.t("citizen-nav-history")) } " · "
                a href=(routes::CITIZEN_POSSIBILITIES) data-testid="nav-possibilities" { (ctx.t("possibilities-title")) } " · "
                a href=(routes::CITIZEN_HELP_FOREIGNERS) data-testid="nav-foreigners" { (ctx.t("citizen-nav-foreigners")) }
            }
        }
    }
}

/// How to recognise a genuine link: the official host, and only a sign-in is ever asked.
pub(crate) fn genuine(ctx: &Ctx, host: &str) -> Markup {
    html! {
        aside.alert.info data-testid="genuine-link" {
            strong { (ctx.t("citizen-genuine-title")) } " "
            (ctx.lang.t_args("citizen-genuine-text", &[("host", host.into())]))
        }
    }
}

/// The "stop access now" form: one confirmation, through the `data-confirm` dialog with
/// JavaScript, or through the confirmation page without (the server sends it there while
/// `confirmed` is empty).
fn stop_form(ctx: &Ctx, d: &RequestDetails) -> Markup {
    html! {
        form.inline method="post" action=(routes::citizen_stop(d.request.id)) data-confirm=(ctx.t("citizen-stop-question")) {
            (csrf_field(ctx))
            input type="hidden" name="confirmed" value="";
            button.danger type="submit" data-testid=(format!("stop-{}", d.request.id)) { (ctx.t("citizen-stop")) (row_name(ctx, &requester(ctx, d))) }
        }
    }
}

/// The page of a link that cannot be answered, saying why and what to do.
pub fn link_problem(
    ctx: &Ctx,
    problem: LinkProblem,
    asked: Option<&RequestDetails>,
    host: &str,
) -> Markup {
    let key = problem.as_str();
    let title = ctx.t(&format!("citizen-problem-{key}-title"));
    let body = html! {
        section.error role="alert" data-testid=(format!("problem-{key}")) {
            h1 { (title) }
            p { (ctx.t(&format!("citizen-problem-{key}-text"))) }
            @if let Some(d) = asked {
                (who_asks(ctx, d))
            }
            p { a href=(routes::CITIZEN) { (ctx.t("citizen-back-portal")) } }
        }
        (genuine(ctx, host))
    };
    layout(ctx, &title, Area::Citizen, body)
}

/// "Company: Resto Pokébowl", with the language's spacing before the colon.
fn labelled(ctx: &Ctx, label_key: &str, value: &str) -> String {
    ctx.lang.t_args(
        "label-value",
        &[("label", ctx.t(label_key).into()), ("value", value.into())],
    )
}

/// Who asks: the requester, and the enterprise numbers.
pub(crate) fn who_asks(ctx: &Ctx, d: &RequestDetails) -> Markup {
    html! {
        dl.facts {
            dt { (ctx.t("citizen-request-who")) }
            dd data-testid="requester" {
                strong { (requester(ctx, d)) }
                @let company_bce = ctx.lang.t_args("citizen-request-bce", &[("bce", d.company.bce_formatted().into())]);
                @if let Some(p) = &d.provider {
                    // "X for Y": each party named again with its number.
                    br;
                    (labelled(ctx, "citizen-request-company", &d.company.name)) " — " (company_bce)
                    br;
                    (labelled(ctx, "citizen-request-provider", &p.name)) " — "
                    (ctx.lang.t_args("citizen-request-bce", &[("bce", p.bce_formatted().into())]))
                } @else {
                    // A company asking for itself: its name once, then its number.
                    " — " (company_bce)
                }
            }
            dt { (ctx.t("citizen-request-what")) }
            dd data-testid="context" { (ctx.t(d.context().name_key())) }
        }
    }
}

/// The request page: who asks, which data, why and on what legal basis, for how long
/// (with the end date if accepted now), what the company will not see, and the three
/// answers.
pub fn request(
    ctx: &Ctx,
    d: &RequestDetails,
    replaces: Option<DateTime<Utc>>,
    host: &str,
) -> Markup {
    let context = d.context();
    let notice = crate::privacy::notice(ctx.lang, context);
    let until = crate::domain::context::mandate_valid_until(ctx.now, context);
    let title = ctx.t("citizen-request-title");
    let answer_path = routes::citizen_answer(d.request.id);
    let body = html! {
        h1 { (title) }
        (who_asks(ctx, d))
        dl.facts {
            dt { (ctx.t("notice-purpose")) }
            dd data-testid="purpose" { (notice.purpose) }
            dt { (ctx.t("notice-legal-basis")) }
            dd data-testid="legal-basis" { (notice.legal_basis) }
            dt { (ctx.t("citizen-request-duration")) }
            dd data-testid="duration" {
                (ctx.lang.t_args("citizen-request-duration-text", &[
                    ("months", i64::from(context.access_months()).into()),
                    ("until", day(ctx, until).into()),
                ]))
            }
            dt { (ctx.t("citizen-request-not-seen")) }
            dd data-testid="not-seen" { (ctx.t(&context.key("citizen-not-seen"))) }
        }
        p { (ctx.lang.t_args("citizen-request-deadline", &[("deadline", ctx.lang.datetime(d.request.expires_at).into())])) }
        @if let Some(current) = replaces {
            div.alert.info data-testid="replaces" {
                (ctx.lang.t_args("citizen-request-replaces", &[
                    ("company", requester(ctx, d).into()),
                    ("until", day(ctx, current).into()),
                ]))
            }
        }
        div.answers {
            form method="post" action=(answer_path) {
                (csrf_field(ctx))
                input type="hidden" name="answer" value="accept";
                button type="submit" data-testid="answer-accept" { (ctx.t("citizen-answer-accept")) }
            }
            form method="post" action=(answer_path) {
                (csrf_field(ctx))
                input type="hidden" name="answer" value="refuse";
                button.secondary type="submit" data-testid="answer-refuse" { (ctx.t("citizen-answer-refuse")) }
            }
            form method="post" action=(answer_path) {
                (csrf_field(ctx))
                input type="hidden" name="answer" value="refuse_block";
                button.danger type="submit" data-testid="answer-refuse-block" { (ctx.t("citizen-answer-refuse-block")) }
            }
        }
        p { small { (ctx.t("citizen-answer-refuse-block-help")) } }
        (genuine(ctx, host))
        p { a href=(routes::CITIZEN_HELP_FOREIGNERS) data-testid="help-foreigners" { (ctx.t("citizen-foreigners-link")) } }
    };
    layout(ctx, &title, Area::Citizen, body)
}

/// The request opened through its link, bound to nobody yet: who asks, for what, who is
/// signed in, and the explicit choice: "Continue as ..." (binds) or "Sign in as someone else".
pub fn confirm(ctx: &Ctx, d: &RequestDetails, host: &str) -> Markup {
    let title = ctx.t("citizen-confirm-title");
    let name = ctx
        .principal
        .as_ref()
        .map(|p| p.display_name())
        .unwrap_or_default();
    let body = html! {
        h1 { (title) }
        (who_asks(ctx, d))
        p { (ctx.lang.t_args("citizen-request-deadline", &[("deadline", ctx.lang.datetime(d.request.expires_at).into())])) }
        div.alert.info role="status" data-testid="signed-in-question" {
            (ctx.lang.t_args("citizen-confirm-question", &[("name", name.clone().into())]))
        }
        div.answers {
            form method="post" action=(routes::citizen_bind(d.request.id)) {
                (csrf_field(ctx))
                button type="submit" data-testid="continue-as" {
                    (ctx.lang.t_args("citizen-confirm-continue", &[("name", name.into())]))
                }
            }
            form method="post" action=(routes::citizen_switch(d.request.id)) {
                (csrf_field(ctx))
                button.secondary type="submit" data-testid="someone-else" { (ctx.t("citizen-confirm-someone-else")) }
            }
        }
        (genuine(ctx, host))
        p { a href=(routes::CITIZEN_HELP_FOREIGNERS) data-testid="help-foreigners" { (ctx.t("citizen-foreigners-link")) } }
    };
    layout(ctx, &title, Area::Citizen, body)
}

/// A request of a company the citizen blocks: no answer, the way to unblock it first.
pub fn company_blocked(ctx: &Ctx, d: &RequestDetails) -> Markup {
    let title = ctx.t("citizen-you-blocked-title");
    let company = d.company.name.clone();
    let back = routes::citizen_request(d.request.id);
    let body = html! {
        h1 { (title) }
        (who_asks(ctx, d))
        div.alert.error role="alert" data-testid="you-blocked" {
            (ctx.lang.t_args("citizen-you-blocked-text", &[("company", company.clone().into())]))
        }
        form method="post" action=(routes::citizen_unblock(d.company.id)) {
            (csrf_field(ctx))
            input type="hidden" name="next" value=(back);
            button type="submit" data-testid="unblock-first" {
                (ctx.lang.t_args("citizen-you-blocked-unblock", &[("company", company.into())]))
            }
        }
        p { a href=(routes::CITIZEN) { (ctx.t("citizen-back-portal")) } }
    };
    layout(ctx, &title, Area::Citizen, body)
}

/// The page of a request the citizen answered: what was recorded, and what follows.
pub fn answered(ctx: &Ctx, d: &RequestDetails, company_blocked: bool) -> Markup {
    let title = ctx.t("citizen-answered-title");
    let company = d.company.name.clone();
    let changed = day(ctx, d.request.status_changed_at);
    let body = html! {
        h1 { (title) }
        (who_asks(ctx, d))
        div data-testid=(format!("answered-{}", d.status.as_str())) {
            @match d.status {
                RequestStatus::Accepted => {
                    div.alert.success role="status" {
                        p { (ctx.t("citizen-answered-accepted")) }
                        p data-testid="access-sentence" { (access_sentence(ctx, d)) }
                    }
                    p { (stop_form(ctx, d)) }
                }
                RequestStatus::Refused => {
                    div.alert.info role="status" {
                        @if company_blocked {
                            (ctx.lang.t_args("citizen-answered-refused-blocked", &[("company", company.into())]))
                        } @else {
                            (ctx.t("citizen-answered-refused"))
                        }
                    }
                }
                RequestStatus::Blocked => {
                    div.alert.error role="alert" data-testid="blocked-message" {
                        @if company_blocked {
                            (ctx.lang.t_args("citizen-answered-blocked", &[("company", company.into())]))
                        } @else {
                            (ctx.t("citizen-answered-blocked-other"))
                        }
                    }
                }
                RequestStatus::Revoked => {
                    div.alert.info role="status" { (ctx.lang.t_args("citizen-answered-revoked", &[("date", changed.into())])) }
                }
                _ => {
                    div.alert.info role="status" {
                        (ctx.lang.t_args("citizen-answered-ended", &[
                            ("date", d.request.valid_until.map(|u| day(ctx, u)).unwrap_or(changed).into()),
                        ]))
                    }
                }
            }
        }
        p { a.button href=(routes::CITIZEN) data-testid="to-portal" { (ctx.t("citizen-back-portal")) } }
    };
    layout(ctx, &title, Area::Citizen, body)
}

/// The portal's home: pending requests, granted accesses (each one click from stopping),
/// blocked companies.
pub fn home(ctx: &Ctx, portal: &Portal, done: Option<&str>) -> Markup {
    let title = ctx.t("citizen-nav-home");
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("citizen-home-lead")) }
        (portal_nav(ctx))
        @match done {
            Some("stopped") => div.alert.success role="status" data-testid="done-stopped" { (ctx.t("citizen-done-stopped")) },
            Some("unblocked") => div.alert.success role="status" data-testid="done-unblocked" { (ctx.t("citizen-done-unblocked")) },
            _ => {}
        }
        @if !portal.pending.is_empty() {
            section aria-labelledby="pending-title" {
                h2 #pending-title { (ctx.t("citizen-pending-title")) }
                ul.accesses data-testid=(RequestStatus::Pending.as_str()) {
                    @for d in &portal.pending {
                        li.pending {
                            span {
                                (ctx.lang.t_args("citizen-pending-item", &[
                                    ("requester", requester(ctx, d).into()),
                                    ("context", ctx.t(d.context().name_key()).into()),
                                ]))
                                br;
                                small { (ctx.lang.t_args("citizen-pending-deadline", &[("deadline", ctx.lang.datetime(d.request.expires_at).into())])) }
                            }
                            a.button href=(routes::citizen_request(d.request.id)) data-testid=(format!("open-{}", d.request.id)) { (ctx.t("citizen-pending-open")) (row_name(ctx, &requester(ctx, d))) }
                        }
                    }
                }
            }
        }
        section aria-labelledby="granted-title" {
            h2 #granted-title { (ctx.t("citizen-granted-title")) }
            p data-testid="granted-lead" { (ctx.t("citizen-granted-lead")) }
            @if portal.granted.is_empty() {
                p data-testid="granted-empty" { (ctx.t("citizen-granted-empty")) }
            } @else {
                ul.accesses data-testid="granted" {
                    @for d in &portal.granted {
                        li {
                            span data-testid="access-sentence" { (access_sentence(ctx, d)) }
                            (stop_form(ctx, d))
                        }
                    }
                }
            }
        }
        (ListSection { id: "blocked-title", title: "citizen-blocked-title", empty: ("blocked-empty", "citizen-blocked-empty") }.render(ctx, portal.blocked.is_empty(), || html! {
            ul.accesses data-testid="blocked" {
                @for b in &portal.blocked {
                    li.blocked {
                        span {
                            (ctx.lang.t_args("citizen-blocked-item", &[
                                ("company", b.company.name.clone().into()),
                                ("bce", b.company.bce_formatted().into()),
                                ("since", day(ctx, b.since).into()),
                            ]))
                        }
                        form.inline method="post" action=(routes::citizen_unblock(b.company.id)) {
                            (csrf_field(ctx))
                            button.secondary type="submit" data-testid=(format!("unblock-{}", b.company.id)) { (ctx.t("citizen-unblock")) (row_name(ctx, &b.company.name)) }
                        }
                    }
                }
            }
        }))
        p { a href=(routes::CITIZEN_HISTORY) { (ctx.t("citizen-nav-history")) } }
    };
    layout(ctx, &title, Area::Citizen, body)
}

/// Past requests and accesses, and every consultation of the citizen's data.
pub fn history(ctx: &Ctx, items: &[RequestDetails], consultations: &[Consultation]) -> Markup {
    let title = ctx.t("citizen-history-title");
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("citizen-history-lead")) }
        (portal_nav(ctx))
        (ListSection { id: "past-title", title: "citizen-history-requests", empty: ("history-empty", "citizen-history-empty") }.render(ctx, items.is_empty(), || html! {
            @let cols = super::Columns::new(ctx, &["citizen-col-who", "citizen-col-what", "citizen-col-status", "citizen-col-when"]);
            table.stack data-testid="history" {
                (cols.head())
                tbody {
                    @for d in items {
                        @let when = match (d.status, d.request.valid_until) {
                            (RequestStatus::Ended, Some(until)) => until,
                            _ => d.request.status_changed_at,
                        };
                        tr data-status=(d.status.as_str()) {
                            td data-label=(cols.label(0)) { (requester(ctx, d)) }
                            td data-label=(cols.label(1)) { (ctx.t(d.context().name_key())) }
                            td data-label=(cols.label(2)) {
                                span.badge.(d.status.as_str()) { (ctx.t(d.status.label_key())) }
                                @if let (RequestStatus::Blocked | RequestStatus::Ended, Some(reason)) = (d.status, &d.request.status_reason) {
                                    br; small data-testid="status-reason" { (super::common::note_text(ctx, reason)) }
                                }
                            }
                            td data-label=(cols.label(3)) { (day(ctx, when)) }
                        }
                    }
                }
            }
        }))
        (ListSection { id: "consultations-title", title: "citizen-consultations-title", empty: ("consultations-empty", "citizen-consultations-empty") }.render(ctx, consultations.is_empty(), || html! {
            @let cols = super::Columns::new(ctx, &["citizen-col-consulted-at", "citizen-col-who", "citizen-col-on-behalf-of", "citizen-col-what"]);
            table.stack data-testid="consultations" {
                (cols.head())
                tbody {
                    @for c in consultations {
                        tr {
                            td data-label=(cols.label(0)) { (ctx.lang.datetime(c.at)) }
                            td data-label=(cols.label(1)) { (c.by) }
                            td data-label=(cols.label(2)) { (c.on_behalf_of.as_deref().unwrap_or("—")) }
                            td data-label=(cols.label(3)) { (ctx.t(c.context.name_key())) }
                        }
                    }
                }
            }
        }))
        section aria-labelledby="my-data-title" {
            h2 #my-data-title { (ctx.t("citizen-data-title")) }
            p { (ctx.t("citizen-data-text")) }
            p { a href=(routes::CITIZEN_DATA) data-testid="my-data" { (ctx.t("citizen-data-download")) } }
        }
    };
    layout(ctx, &title, Area::Citizen, body)
}

/// The confirmation of "stop access now" (the path without JavaScript).
pub fn stop_confirm(ctx: &Ctx, d: &RequestDetails) -> Markup {
    let title = ctx.t("citizen-stop-title");
    let body = html! {
        h1 { (title) }
        p data-testid="access-sentence" { (access_sentence(ctx, d)) }
        p { (ctx.t("citizen-stop-text")) }
        div.answers {
            form method="post" action=(routes::citizen_stop(d.request.id)) {
                (csrf_field(ctx))
                input type="hidden" name="confirmed" value="yes";
                button.danger type="submit" data-testid="stop-confirm" { (ctx.t("citizen-stop-yes")) }
            }
            a.button.secondary href=(routes::CITIZEN) { (ctx.t("citizen-stop-cancel")) }
        }
    };
    layout(ctx, &title, Area::Citizen, body)
}

/// Help for foreign candidates: a BIS number, and signing in with a European eID or a
/// digital key.
pub fn help_foreigners(ctx: &Ctx) -> Markup {
    let title = ctx.t("citizen-foreigners-title");
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("citizen-foreigners-lead")) }
        section {
            h2 { (ctx.t("citizen-foreigners-bis-title")) }
            p { (ctx.t("citizen-foreigners-bis-text")) }
            p { (ctx.t("citizen-foreigners-identification")) }
            (help::identification_service(ctx))
            p { (ctx.t("citizen-foreigners-bis-request")) }
        }
        section {
            h2 { (ctx.t("citizen-foreigners-sign-in-title")) }
            ul {
                li { (ctx.t("citizen-foreigners-eidas")) }
                li { (ctx.t("citizen-foreigners-key")) }
            }
            p { (ctx.t("citizen-foreigners-safety")) }
        }
        p { a href=(routes::CITIZEN) { (ctx.t("citizen-back-portal")) } }
    };
    layout(ctx, &title, Area::Citizen, body)
}
