//! Views of the company app.

use maud::{Markup, PreEscaped, html};

use super::{
    common::{acting_as, error_summary, form_field, row_name, title_with_errors},
    company_guide::{empty_key, intro, label_or_created, live_control, person_name},
    company_progress::progress_region,
    csrf_field,
    layout::{Area, layout},
    models::TabData,
};
use crate::{
    domain::{
        CompanyKind, Context, Email, RequestStatus,
        context::{EndsIn, access_ends_in},
        status::Tab,
    },
    i18n::Lang,
    services::{
        FieldErrors,
        companies::{Company, CompanyCtx},
        requests::{
            AccessRequest, Created, ListedRequest, PageAt, RequestInput, RowKey, listed_at,
        },
    },
    web::{
        context::Ctx,
        routes::{self, tab_segment},
    },
};

/// The company bar: who acts for whom, and the app's navigation.
pub(super) fn company_bar(ctx: &Ctx, c: &CompanyCtx) -> Markup {
    html! {
        div.company-bar {
            p.acting data-testid="acting-as" {
                strong { (acting_as(ctx.lang, c)) }
                " " span.muted { "(" (c.principal_company().bce_formatted()) ")" }
            }
            nav aria-label=(ctx.t("company-nav")) {
                a href=(routes::COMPANY) { (ctx.t("company-nav-requests")) } " · "
                a href=(routes::COMPANY_REQUEST_NEW) { (ctx.t("company-nav-new")) }
                @if c.is_manager() {
                    " · " a href=(routes::COMPANY_USERS) data-testid="users-link" { (users_link(ctx, c)) }
                    @if c.client.is_none() && c.company.kind == CompanyKind::Employer {
                        " · " a href=(routes::COMPANY_PROVIDERS) { (ctx.t("company-nav-providers")) }
                    }
                    " · " a href=(routes::COMPANY_API) data-testid="api-link" { (ctx.t("api-title")) }
                }
                @if c.company.kind == CompanyKind::Provider {
                    " · " a href=(routes::COMPANY_CLIENTS) data-testid="switch-client" { (ctx.t("company-nav-switch-client")) }
                }
                " · " a href=(routes::COMPANY_SELECT) { (ctx.t("company-nav-switch")) }
                @if ctx.mailbox {
                    " · " a href=(routes::MAILBOX) data-testid="mailbox-link" { (ctx.t("mailbox-title")) }
                }
            }
        }
        (suspended(ctx, c))
    }
}

/// The link to the users a manager manages: a provider's own ("Users of Socialia", never
/// its client's, whichever client it acts for), or the company's.
pub(super) fn users_link(ctx: &Ctx, c: &CompanyCtx) -> String {
    match c.company.kind {
        CompanyKind::Provider => ctx.lang.t_args(
            "company-nav-users-of",
            &[("company", c.company.name.as_str().into())],
        ),
        CompanyKind::Employer => ctx.t("company-nav-users"),
    }
}

pub(super) fn page(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    let body = html! {
        (body)
        // What the script says where a person acted when their request never reached the
        // service (the page's forms and buttons work through htmx).
        template #unreachable {
            div.alert.error role="alert" tabindex="-1" data-unreachable-note data-testid="unreachable" {
                (ctx.t("unreachable"))
            }
        }
    };
    layout(ctx, title, Area::Company, body)
}

/// The request form (an htmx form that still posts without JavaScript).
pub fn request_form(ctx: &Ctx, input: &RequestInput, errors: Option<&FieldErrors>) -> Markup {
    request_form_asking(ctx, input, errors, None)
}

/// The request form; with `suggested`, it asks first whether the candidate's address was
/// mistyped (a well-known provider's domain one typo away): one button sends the request to
/// the suggested address, the other to the address as typed.
pub fn request_form_asking(
    ctx: &Ctx,
    input: &RequestInput,
    errors: Option<&FieldErrors>,
    suggested: Option<&Email>,
) -> Markup {
    let lang_value = if input.language.is_empty() {
        ctx.lang.code()
    } else {
        input.language.as_str()
    };
    let (label, email, context) = (
        ctx.t("request-label"),
        ctx.t("request-email"),
        ctx.t("request-context"),
    );
    let (language, niss) = (ctx.t("request-language"), ctx.t("request-niss"));
    html! {
        form #request-form.stack method="post" action=(routes::COMPANY_REQUESTS)
            hx-post=(routes::COMPANY_REQUESTS) hx-target="#request-area" hx-swap="innerHTML"
            novalidate {
            (csrf_field(ctx))
            @if !input.form_key.is_empty() {
                input type="hidden" name="form_key" value=(input.form_key);
            }
            (error_summary(ctx, "form-has-errors", errors, &[
                ("label", "label", &label), ("email", "email", &email), ("context", "context", &context),
                ("language", "language", &language), ("niss", "niss", &niss),
            ]))
            (form_field(ctx, "label", "label", &label, Some(&ctx.t("request-label-hint")), errors, |d| html! {
                input #label type="text" name="label" value=(input.label) maxlength="100" required
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="request-label";
            }))
            (form_field(ctx, "email", "email", &email, None, errors, |d| html! {
                input #email type="email" name="email" value=(input.email) required autocomplete="off"
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="request-email";
            }))
            @if let Some(suggested) = suggested {
                @let typed = input.email.trim();
                @let args = [("suggested", suggested.as_str()), ("typed", typed)];
                div.alert.info role="alert" tabindex="-1" data-testid="email-suggestion" {
                    p { strong { (ctx.t("email-suggest-title")) } }
                    p { (ctx.lang.t_args("email-suggest-text", &args.map(|(k, v)| (k, v.to_string().into())))) }
                    p.actions {
                        button type="submit" name="email_confirmed" value=(suggested.as_str()) data-testid="email-use-suggestion" {
                            (ctx.lang.t_args("email-suggest-use", &[("suggested", suggested.as_str().to_string().into())]))
                        }
                        " "
                        button.secondary type="submit" name="email_confirmed" value=(typed) data-testid="email-keep" {
                            (ctx.lang.t_args("email-suggest-keep", &[("typed", typed.to_string().into())]))
                        }
                    }
                }
            }
            (form_field(ctx, "context", "context", &context, None, errors, |d| html! {
                select #context name="context" aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="request-context" {
                    @for c in Context::all() {
                        option value=(c.code()) selected[input.context == c.code()] { (ctx.t(c.name_key())) }
                    }
                }
            }))
            (form_field(ctx, "language", "language", &language, None, errors, |d| html! {
                select #language name="language" aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="request-language" {
                    @for l in Lang::ALL {
                        option value=(l.code()) selected[lang_value == l.code()] { (l.native_name()) }
                    }
                }
            }))
            (form_field(ctx, "niss", "niss", &niss, Some(&ctx.t("request-niss-hint")), errors, |d| html! {
                input #niss type="text" name="niss" value=(input.niss) inputmode="numeric" autocomplete="off"
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="request-niss";
            }))
            p { small { a href=(routes::COMPANY_HELP_FOREIGNERS) data-testid="help-foreigners" { (ctx.t("company-foreigners-link")) } } }
            div {
                button type="submit" data-testid="request-submit" { (ctx.t("request-submit")) }
                span.htmx-indicator { " " (ctx.t("working")) }
            }
        }
    }
}

/// The dashboard: the new-request area and the three tabs.
pub fn dashboard(
    ctx: &Ctx,
    c: &CompanyCtx,
    input: &RequestInput,
    errors: Option<&FieldErrors>,
    data: &TabData,
) -> Markup {
    let body = html! {
        (company_bar(ctx, c))
        h1 { (ctx.t("company-dashboard-title")) }
        (intro(ctx))
        div.dashboard {
            section aria-labelledby="new-request-title" {
                h2 #new-request-title { (ctx.t("company-nav-new")) }
                div #request-area { (request_form(ctx, input, errors)) }
            }
            section aria-labelledby="tabs-title" {
                h2 #tabs-title { (ctx.t("company-requests-title")) }
                (tabs_nav(ctx, data, false))
                (live_control(ctx))
                (tab_panel(ctx, data))
            }
        }
    };
    page(
        ctx,
        &title_with_errors(ctx, &ctx.t("company-dashboard-title"), errors.is_some()),
        body,
    )
}

/// The tab labels with their counts.
fn tabs_nav(ctx: &Ctx, data: &TabData, oob: bool) -> Markup {
    let tabs = [
        (Tab::Active, "tab-active", data.counts.active),
        (Tab::Requested, "tab-requested", data.counts.requested),
        (Tab::Blocked, "tab-blocked", data.counts.blocked),
    ];
    html! {
        // Plain links (they work without JavaScript), the current one marked as the page.
        ul #tab-nav.tabs hx-swap-oob=[oob.then_some("true")] {
            @for (tab, key, count) in tabs {
                li {
                    a href=(routes::company_dashboard_tab(tab))
                        hx-get=(routes::company_dashboard_tab(tab))
                        hx-target="#tab-panel" hx-swap="outerHTML" hx-push-url="true"
                        aria-current=[(tab == data.tab).then_some("page")]
                        data-testid=(format!("tab-{}", tab_segment(tab))) {
                        (ctx.t(key)) span.count data-testid=(format!("count-{}", tab_segment(tab))) { (count) }
                    }
                }
            }
        }
    }
}

/// A tab's panel: search, rows, pagination; refreshes itself (polling every
/// `tabs_refresh_seconds`, and at once after the user's own actions through the
/// `refresh-tabs` event), except while it holds the focus or typed text, and polling not
/// while paused (`assets/app.js`).
pub fn tab_panel(ctx: &Ctx, data: &TabData) -> Markup {
    let refresh = routes::company_dashboard_at(data.tab, &data.search, data.page.page, data.at);
    let refresh_on = format!(
        "every {}s, {} from:body",
        ctx.settings.tabs_refresh_seconds,
        routes::EVENT_REFRESH_TABS
    );
    let pages = (data.page.total + data.page.page_size - 1) / data.page.page_size;
    let (previous, next) = neighbours(data, pages);
    html! {
        div.tab-panel id=(routes::TAB_PANEL) tabindex="-1" data-testid="tab-panel" data-tab=(tab_segment(data.tab))
            hx-get=(refresh) hx-trigger=(refresh_on) hx-swap="outerHTML" {
            // The search and the pagination lead to the dashboard's address of what they
            // show (in the history: Back and a reload come back to it).
            form.search method="get" action=(routes::COMPANY) hx-get=(routes::COMPANY)
                hx-target="#tab-panel" hx-swap="outerHTML" hx-push-url="true" role="search" {
                input type="hidden" name="tab" value=(tab_segment(data.tab));
                label for="q" { (ctx.t("search-label")) }
                div.linkbox {
                    input #q type="search" name="q" value=(data.search) data-testid="search";
                    button.secondary type="submit" { (ctx.t("search")) }
                }
            }
            @if data.page.items.is_empty() {
                p.muted data-testid="empty" { (ctx.t(empty_key(data))) }
            } @else {
                @let cols = super::Columns::new(ctx, tab_columns(data.tab));
                table.stack {
                    (cols.head())
                    tbody {
                        @for row in &data.page.items { (tab_row(ctx, &cols, data, row)) }
                    }
                }
            }
            @if pages > 1 {
                nav.pagination aria-label=(ctx.t("pagination")) {
                    @if let Some(previous) = previous {
                        a href=(previous) hx-get=(previous) hx-push-url="true"
                          hx-target="#tab-panel" hx-swap="outerHTML" data-testid="previous-page" { "← " (ctx.t("previous")) }
                    }
                    span { (ctx.lang.t_args("page-of", &[("page", data.page.page.into()), ("pages", pages.into())])) }
                    @if let Some(next) = next {
                        a href=(next) hx-get=(next) hx-push-url="true"
                          hx-target="#tab-panel" hx-swap="outerHTML" data-testid="next-page" { (ctx.t("next")) " →" }
                    }
                }
            }
        }
    }
}

/// The previous and next pages of a tab's page, by keyset: the page before the first row
/// shown, the page after the last one (the first page is always the newest rows).
fn neighbours(data: &TabData, pages: i64) -> (Option<String>, Option<String>) {
    let page = data.page.page;
    let key = |row: Option<&ListedRequest>| row.map(|r| RowKey::of(data.tab, &r.request));
    let url = |page, at| routes::company_dashboard_at(data.tab, &data.search, page, at);
    let previous = (page > 1).then(|| match key(data.page.items.first()) {
        Some(first) if page > 2 => url(page - 1, PageAt::Before(first)),
        _ => url(page - 1, PageAt::Number(page - 1)),
    });
    let next = (page < pages).then(|| match key(data.page.items.last()) {
        Some(last) => url(page + 1, PageAt::After(last)),
        None => url(page + 1, PageAt::Number(page + 1)),
    });
    (previous, next)
}

fn status_badge(ctx: &Ctx, status: RequestStatus) -> Markup {
    html! { span class=(format!("badge {}", status.as_str())) data-testid="status" { (ctx.t(status.label_key())) } }
}

/// The columns of a tab's table.
fn tab_columns(tab: Tab) -> &'static [&'static str] {
    match tab {
        Tab::Active => &[
            "col-person",
            "col-niss",
            "col-context",
            "col-until",
            super::ACTIONS,
        ],
        Tab::Requested => &[
            "col-label",
            "col-email",
            "col-context",
            "col-status",
            super::ACTIONS,
        ],
        Tab::Blocked => &["col-person", "col-context", "col-status", "col-since"],
    }
}

/// A row of a tab, its cells named by `cols` ([`tab_columns`]).
fn tab_row(ctx: &Ctx, cols: &super::Columns, data: &TabData, row: &ListedRequest) -> Markup {
    let tab = data.tab;
    let r = &row.request;
    let context = ctx.t(r.context.name_key());
    let via = row.provider_name.as_ref().map(|p| {
        ctx.lang
            .t_args("via-provider", &[("provider", p.as_str().into())])
    });
    html! {
        tr data-testid="row" data-id=(r.id) {
            @match tab {
                Tab::Active => {
                    td data-label=(cols.label(0)) { strong { (person_name(&row.request).unwrap_or_default()) } }
                    td data-label=(cols.label(1)) { (r.citizen_niss.as_ref().map(|n| n.formatted()).unwrap_or_default()) }
                    td data-label=(cols.label(2)) { (context) @if let Some(v) = &via { br; small { (v) } } }
                    td data-label=(cols.label(3)) {
                        (r.valid_until.map(|d| ctx.lang.datetime(d)).unwrap_or_default())
                        @if let Some(left) = r.valid_until.and_then(|d| access_ends_in(d, ctx.now)) {
                            br; small data-testid="ends-in" { (match left {
                                EndsIn::Days(days) => ctx.lang.t_args("ends-in-days", &[("days", days.into())]),
                                EndsIn::Hours(hours) => ctx.lang.t_args("ends-in-hours", &[("hours", hours.into())]),
                            }) }
                        }
                    }
                    td { a href=(routes::consult_path(r.id)) data-testid="consult-link" {
                        (ctx.t("consult-link")) (row_name(ctx, &person_name(&row.request).unwrap_or_else(|| label_or_created(ctx, row))))
                    } }
                }
                Tab::Requested => {
                    td data-testid="label" data-label=(cols.label(0)) { (label_or_created(ctx, row)) }
                    td data-label=(cols.label(1)) {
                        @match r.email.as_deref() { Some(e) => (super::common::email(e)), None => "—" }
                        @if row.mail_undelivered && matches!(row.status, RequestStatus::Pending | RequestStatus::Expired) {
                            br; small.field-error data-testid="mail-undelivered" { (ctx.t("mail-undelivered")) }
                        }
                    }
                    td data-label=(cols.label(2)) { (context) @if let Some(v) = &via { br; small { (v) } } }
                    td data-label=(cols.label(3)) {
                        (status_badge(ctx, row.status))
                        @if row.status == RequestStatus::Pending {
                            @let hours = crate::domain::context::link_hours_left(r.expires_at, ctx.now);
                            br; small { (ctx.lang.t_args("expires-in", &[("hours", hours.into())])) }
                            @if r.bound_at.is_some() {
                                br; small data-testid="link-opened" { (ctx.t("link-opened")) }
                            }
                        } @else if row.status == RequestStatus::Expired {
                            br; small { (ctx.lang.datetime(r.expires_at)) }
                        }
                    }
                    td {
                        @if row.status == RequestStatus::Pending {
                            form method="post" action=(routes::request_withdraw(r.id))
                                hx-post=(routes::request_withdraw(r.id))
                                hx-target="#tab-panel" hx-swap="outerHTML"
                                data-confirm=(ctx.t("withdraw-confirm")) {
                                (csrf_field(ctx))
                                input type="hidden" name="confirmed" value="";
                                button.secondary type="submit" data-testid="withdraw" { (ctx.t("withdraw")) (row_name(ctx, &label_or_created(ctx, row))) }
                            }
                            @if r.bound_at.is_none() {
                                " "
                                form method="post" action=(routes::request_new_link(r.id)) {
                                    (csrf_field(ctx))
                                    input type="hidden" name="form_key" value=(data.form_key);
                                    button.secondary type="submit" data-testid="new-link" { (ctx.t("new-link")) (row_name(ctx, &label_or_created(ctx, row))) }
                                }
                            }
                        }
                    }
                }
                Tab::Blocked => {
                    td data-label=(cols.label(0)) { (person_name(&row.request).unwrap_or_else(|| label_or_created(ctx, row))) }
                    td data-label=(cols.label(1)) { (context) }
                    td data-label=(cols.label(2)) {
                        (status_badge(ctx, row.status))
                        @if let Some(reason) = &r.status_reason { br; small data-testid="status-reason" { (super::common::note_text(ctx, reason)) } }
                    }
                    td data-label=(cols.label(3)) data-testid="since" { (ctx.lang.datetime(listed_at(Tab::Blocked, r))) }
                }
            }
        }
    }
}

/// The panel and, out of band, the tab labels (their counts change too).
pub fn tab_panel_with_counts(ctx: &Ctx, data: &TabData) -> Markup {
    html! { (tab_panel(ctx, data)) (tabs_nav(ctx, data, true)) }
}

/// A tab as a whole page (without JavaScript), titled by the tab.
pub fn tab_page(ctx: &Ctx, c: &CompanyCtx, data: &TabData) -> Markup {
    let title = ctx.t(match data.tab {
        Tab::Active => "tab-active",
        Tab::Requested => "tab-requested",
        Tab::Blocked => "tab-blocked",
    });
    let body = html! {
        (company_bar(ctx, c))
        h1 { (title) }
        (tabs_nav(ctx, data, false))
        (live_control(ctx))
        (tab_panel(ctx, data))
    };
    page(ctx, &title, body)
}

/// The new-request page.
pub fn new_request_page(
    ctx: &Ctx,
    c: &CompanyCtx,
    input: &RequestInput,
    errors: Option<&FieldErrors>,
    suggested: Option<&Email>,
) -> Markup {
    let body = html! {
        (company_bar(ctx, c))
        h1 { (ctx.t("company-nav-new")) }
        div #request-area { (request_form_asking(ctx, input, errors, suggested)) }
    };
    page(
        ctx,
        &title_with_errors(ctx, &ctx.t("company-nav-new"), errors.is_some()),
        body,
    )
}

/// The QR code of a link, as inline SVG.
pub fn qr_svg(link: &str) -> Markup {
    PreEscaped(crate::qr::svg(link))
}

/// The result of a creation: the link, its QR code, the 72 hours; then a fresh form (the
/// partial that htmx puts in place of the form).
pub fn created(ctx: &Ctx, created: &Created, fresh: &RequestInput) -> Markup {
    created_with(ctx, created, fresh, false)
}

/// [`created`], its title an `h1` when it is the whole page's (without JavaScript).
fn created_with(ctx: &Ctx, created: &Created, fresh: &RequestInput, whole_page: bool) -> Markup {
    let r = &created.request;
    html! {
        section.alert.success role="status" data-testid="created" {
            @if whole_page { h1 { (ctx.t("created-title")) } } @else { h2 { (ctx.t("created-title")) } }
            @let email = r.email.clone().unwrap_or_default();
            p { (super::common::with_email(&ctx.lang.t_args("created-text", &[
                ("label", r.label.clone().unwrap_or_default().into()),
                ("email", email.as_str().into()),
            ]), &email)) }
            (link_box(ctx, created, "created-deadline"))
            (progress_region(ctx, &created.request))
        }
        h2 { (ctx.t("create-another")) }
        (request_form(ctx, fresh, None))
    }
}

/// A request's link to copy, until when it can be answered (`deadline_key`), and its QR
/// code.
fn link_box(ctx: &Ctx, created: &Created, deadline_key: &str) -> Markup {
    html! {
        div.grid2 {
            div {
                label for="created-link" { (ctx.t("created-link")) }
                div.linkbox {
                    input #created-link type="text" readonly value=(created.link) data-testid="created-link";
                    button.secondary type="button" data-copy="#created-link" data-copied=(ctx.t("copied")) { (ctx.t("copy")) }
                }
                p { strong { (ctx.lang.t_args(deadline_key, &[("date", ctx.lang.datetime(created.expires_at).into())])) } }
                p.muted { (ctx.t("created-once")) }
            }
            figure.qr data-testid="qr" {
                (qr_svg(&created.link))
                figcaption { (ctx.t("created-qr")) }
            }
        }
    }
}

/// A pending request's new link (the previous one no longer works), its QR code, and
/// whether the e-mail went again.
pub fn new_link_page(ctx: &Ctx, c: &CompanyCtx, new: &Created) -> Markup {
    let r = &new.request;
    let title = ctx.t("new-link-title");
    page(
        ctx,
        &title,
        html! {
            (company_bar(ctx, c))
            section.alert.success role="status" data-testid="new-link-done" {
                h1 { (title) }
                p { (ctx.lang.t_args("new-link-text", &[("label", r.label.clone().unwrap_or_default().into())])) }
                @if let Some(email) = r.email.as_deref() {
                    p { (super::common::with_email(&ctx.lang.t_args("new-link-mail", &[("email", email.into())]), email)) }
                }
                (link_box(ctx, new, "new-link-deadline"))
                (progress_region(ctx, &new.request))
            }
            p { a href=(routes::company_dashboard_tab(Tab::Requested)) { (ctx.t("back-to-requests")) } }
        },
    )
}

/// Where a request stands, as a page of its own (without JavaScript).
pub fn progress_page(ctx: &Ctx, c: &CompanyCtx, request: &AccessRequest) -> Markup {
    let title = ctx.t("progress-title");
    page(
        ctx,
        &title,
        html! {
            (company_bar(ctx, c))
            h1 { (title) }
            @if let Some(label) = &request.label { p { strong { (label) } } }
            (progress_region(ctx, request))
            p { a href=(routes::COMPANY) { (ctx.t("back-to-requests")) } }
        },
    )
}

/// The result of a creation as a whole page (without JavaScript).
pub fn created_page(ctx: &Ctx, c: &CompanyCtx, new: &Created, fresh: &RequestInput) -> Markup {
    page(
        ctx,
        &ctx.t("created-title"),
        html! {
            (company_bar(ctx, c))
            div #request-area { (created_with(ctx, new, fresh, true)) }
            p { a href=(routes::COMPANY) { (ctx.t("back-to-requests")) } }
        },
    )
}

/// One message (a refused action) and a way back.
pub fn message(ctx: &Ctx, key: &str) -> Markup {
    html! {
        div.alert.error role="alert" data-testid="message" { (ctx.t(key)) }
        p { a href=(routes::COMPANY) { (ctx.t("back-to-requests")) } }
    }
}

/// A page with one message (a refused action) and a way back.
pub fn message_page(ctx: &Ctx, c: &CompanyCtx, key: &str) -> Markup {
    page(
        ctx,
        &ctx.t("company-refused-title"),
        html! { (company_bar(ctx, c)) (message(ctx, key)) },
    )
}

/// Who is suspended, if anyone: the user's own company (or the provider acting), else the
/// client company it acts for; with the message saying so.
fn suspension(ctx: &Ctx, c: &CompanyCtx) -> Option<(String, String)> {
    let reason = |co: &Company| co.suspension_reason.clone().unwrap_or_default();
    if c.company.is_suspended() {
        Some((ctx.t("company-suspended"), reason(&c.company)))
    } else {
        let client = c.client.as_ref().filter(|cl| cl.is_suspended())?;
        let text = ctx.lang.t_args(
            "company-client-suspended",
            &[("company", client.name.clone().into())],
        );
        Some((text, reason(client)))
    }
}

/// The company is suspended (and why, when staff said); nothing when it is not. Part of
/// the company bar, so a suspended company is told on its dashboard and every form before
/// it acts.
pub fn suspended(ctx: &Ctx, c: &CompanyCtx) -> Markup {
    html! {
        @if let Some((text, reason)) = suspension(ctx, c) {
            div.alert.error role="alert" data-testid="suspended" {
                (text) @if !reason.is_empty() { " " (reason) }
            }
        }
    }
}

/// The company is suspended, as a whole page (the company bar says it).
pub fn suspended_page(ctx: &Ctx, c: &CompanyCtx) -> Markup {
    page(
        ctx,
        &ctx.t("company-suspended-title"),
        html! { (company_bar(ctx, c)) },
    )
}
