//! Views of the back office: dashboard, search, timeline, company, staff audit.

use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::{
    admin_frame::{Problem, flash, page, reason_form},
    common::{error_summary, form_field, title_with_errors},
    csrf_field,
};
use crate::{
    auth::StaffRole,
    db::request_events::Milestone,
    domain::{Context, Niss, RequestStatus},
    services::{
        FieldErrors,
        backoffice::{
            dashboard::Dashboard,
            may_follow, may_supervise,
            search::{SearchInput, SearchPage, StateFilter},
            timeline::Timeline,
        },
    },
    web::{
        context::Ctx,
        routes::{self, ADMIN_AUDIT, ADMIN_SEARCH, admin_search_url, admin_state_url},
    },
};

pub(super) fn status_badge(ctx: &Ctx, status: RequestStatus) -> Markup {
    html! { span.badge.(status.as_str()) data-testid="status" { (ctx.t(status.label_key())) } }
}

fn state_label(ctx: &Ctx, s: StateFilter) -> String {
    match s {
        StateFilter::Status(st) => ctx.t(st.label_key()),
        StateFilter::Archived => ctx.t("admin-state-archived"),
    }
}

fn job_notice_key(notice: &str) -> Option<&'static str> {
    match notice {
        "job-ran" => Some("admin-job-ran"),
        "job-busy" => Some("admin-job-busy"),
        "job-failed" => Some("admin-job-failed"),
        _ => None,
    }
}

/// The dashboard: counts by state, what needs attention, the jobs.
pub fn dashboard(ctx: &Ctx, role: StaffRole, d: &Dashboard, notice: Option<&str>) -> Markup {
    let title = ctx.t("admin-dashboard-title");
    let follow = may_follow(role);
    let body = html! {
        h1 { (title) }
        @if let Some(key) = notice.and_then(job_notice_key) {
            div.alert.info role="status" data-testid="admin-notice" { (ctx.t(key)) }
        }
        @if role == StaffRole::Trainer {
            div.alert.info role="note" data-testid="trainer-note" {
                (ctx.t("admin-trainer-note")) " "
                @if ctx.tenant.is_none() {
                    a href=(crate::web::routes::ADMIN_TENANTS) { (ctx.t("tenant-title")) }
                }
            }
        }
        section aria-labelledby="counts-title" {
            h2 #counts-title { (ctx.t("admin-counts-title")) }
            p.muted { (ctx.t("admin-counts-hint")) }
            table data-testid="counts" {
                (super::Columns::new(ctx, &["admin-col-state", "admin-col-count"]).head())
                tbody {
                    @for (status, n) in &d.by_status {
                        tr data-state=(status.as_str()) {
                            td { @if follow { a href=(admin_state_url(status.as_str())) { (ctx.t(status.label_key())) } } @else { (ctx.t(status.label_key())) } }
                            td data-testid=(format!("count-{}", status.as_str())) { (ctx.lang.number(*n)) }
                        }
                    }
                    tr data-state="archived" {
                        td { @if follow { a href=(admin_state_url("archived")) { (ctx.t("admin-state-archived")) } } @else { (ctx.t("admin-state-archived")) } }
                        td data-testid="count-archived" { (ctx.lang.number(d.archived)) }
                    }
                }
            }
        }
        section aria-labelledby="attention-title" {
            h2 #attention-title { (ctx.t("admin-attention-title")) }
            ul.benefits {
                li { (ctx.t("admin-expiring-24h")) (ctx.lang.colon()) " " strong data-testid="expiring-24h" { (ctx.lang.number(d.expiring_24h)) } }
                li { (ctx.t("admin-ending-week")) (ctx.lang.colon()) " " strong data-testid="ending-week" { (ctx.lang.number(d.ending_week)) } }
                li { (ctx.t("admin-mails-failing")) (ctx.lang.colon()) " " strong data-testid="mails-failing" { (ctx.lang.number(d.mails_failing)) } }
                li { (ctx.t("admin-webhooks-failing")) (ctx.lang.colon()) " " strong data-testid="webhooks-failing" { (ctx.lang.number(d.webhooks_failing)) } }
            }
        }
        section aria-labelledby="jobs-title" {
            h2 #jobs-title { (ctx.t("admin-jobs-title")) }
            @let keys = ["admin-col-job", "admin-col-last-run", "admin-col-duration", "admin-col-rows", "admin-col-error", "admin-col-runs", "admin-col-action"];
            @let cols = super::Columns::new(ctx, if may_supervise(role) { &keys } else { &keys[..6] });
            table.stack data-testid="jobs" {
                (cols.head())
                tbody {
                    @for job in crate::jobs::Job::ALL {
                        @let run = d.jobs.iter().find(|r| r.job == job.name());
                        tr data-job=(job.name()) {
                            td data-label=(cols.label(0)) {
                                (ctx.t(&job.label_key())) br; small { code { (job.name()) } }
                            }
                            @match run.and_then(|r| r.last_run_at.map(|at| (r, at))) {
                                Some((r, at)) => {
                                    td data-testid=(format!("job-last-{}", job.name())) data-label=(cols.label(1)) { (ctx.lang.datetime(at)) }
                                    td data-label=(cols.label(2)) { (r.last_duration_ms.unwrap_or(0)) "\u{a0}ms" }
                                    td data-testid=(format!("job-rows-{}", job.name())) data-label=(cols.label(3)) { (ctx.lang.number(r.last_rows.unwrap_or(0))) }
                                    td data-label=(cols.label(4)) { @if let Some(e) = &r.last_error { span.field-error { (e) } } @else { "—" } }
                                    td data-testid=(format!("job-runs-{}", job.name())) data-label=(cols.label(5)) {
                                        (ctx.lang.t_args("admin-job-runs", &[
                                            ("runs", r.runs.into()),
                                            ("idle", r.idle_runs.into()),
                                        ]))
                                    }
                                }
                                None => {
                                    td data-testid=(format!("job-last-{}", job.name())) data-label=(cols.label(1)) colspan="5" { span.muted { (ctx.t("admin-job-never")) } }
                                }
                            }
                            @if may_supervise(role) {
                                td {
                                    form.inline method="post" action=(routes::admin_job_run(job.name())) {
                                        (csrf_field(ctx))
                                        button.secondary type="submit" data-testid=(format!("run-{}", job.name())) { (ctx.t("admin-job-run")) (super::common::row_name(ctx, &ctx.t(&job.label_key()))) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    page(ctx, &title, Some(role), body)
}

/// The search form (posted: a NISS or an e-mail must never reach a URL; without them the
/// server redirects to the GET form of the same filters) and, when searched, one page of
/// results.
pub fn search_page(
    ctx: &Ctx,
    role: StaffRole,
    input: &SearchInput,
    errors: Option<&FieldErrors>,
    results: Option<&SearchPage>,
) -> Markup {
    let title = ctx.t("admin-search-title");
    let (company, label, email, state) = (
        ctx.t("admin-field-company"),
        ctx.t("admin-field-label"),
        ctx.t("admin-field-email"),
        ctx.t("admin-field-state"),
    );
    let (context, from, to, niss) = (
        ctx.t("admin-field-context"),
        ctx.t("admin-field-from"),
        ctx.t("admin-field-to"),
        ctx.t("admin-field-niss"),
    );
    let prefix_hint = ctx.t("admin-field-prefix-hint");
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("admin-search-lead")) }
        (error_summary(ctx, "admin-form-has-errors", errors, &[
            ("company", "company", &company), ("label", "label", &label), ("email", "email", &email),
            ("state", "state", &state), ("context", "context", &context), ("from", "from", &from),
            ("to", "to", &to), ("niss", "niss", &niss),
        ]))
        // POST: the NISS must never reach a URL. Without a NISS the server answers with a
        // redirect to the GET form of the same filters.
        form.stack method="post" action=(ADMIN_SEARCH) data-testid="search-form" {
            (csrf_field(ctx))
            (form_field(ctx, "company", "company", &company, Some(&ctx.t("admin-field-company-hint")), errors, |d| html! {
                input #company type="text" name="company" value=(input.company)
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="search-company";
            }))
            (form_field(ctx, "label", "label", &label, Some(&prefix_hint), errors, |d| html! {
                input #label type="text" name="label" value=(input.label)
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="search-label";
            }))
            // The e-mail's hint is the label's: its own id, the same words.
            (form_field(ctx, "email", "email", &email, Some(&prefix_hint), errors, |d| html! {
                input #email type="text" name="email" value=(input.email) autocomplete="off"
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="search-email";
            }))
            (form_field(ctx, "state", "state", &state, None, errors, |d| html! {
                select #state name="state" aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="search-state" {
                    option value="" { (ctx.t("admin-any")) }
                    @for s in StateFilter::all() {
                        option value=(s.as_str()) selected[input.state == s.as_str()] { (state_label(ctx, s)) }
                    }
                }
            }))
            (form_field(ctx, "context", "context", &context, None, errors, |d| html! {
                select #context name="context" aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="search-context" {
                    option value="" { (ctx.t("admin-any")) }
                    @for c in Context::all() {
                        option value=(c.code()) selected[input.context == c.code()] { (ctx.t(c.name_key())) }
                    }
                }
            }))
            (form_field(ctx, "from", "from", &from, None, errors, |d| html! {
                input #from type="date" name="from" value=(input.from)
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="search-from";
            }))
            (form_field(ctx, "to", "to", &to, None, errors, |d| html! {
                input #to type="date" name="to" value=(input.to)
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="search-to";
            }))
            // The NISS typed is not written back into the page.
            (form_field(ctx, "niss", "niss", &niss, Some(&ctx.t("admin-field-niss-hint")), errors, |d| html! {
                input #niss type="text" name="niss" inputmode="numeric" autocomplete="off"
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="search-niss";
            }))
            div { button type="submit" data-testid="search-submit" { (ctx.t("admin-search-submit")) } }
        }
        @if let Some(r) = results {
            (results_table(ctx, input, r))
            // A supervisor asked "who looked this person up?" goes on from here (a POST: the
            // number stays out of the URL and out of the page's fields).
            @if may_supervise(role) && !input.niss.trim().is_empty() {
                form.inline method="post" action=(ADMIN_AUDIT) data-testid="search-audit-person" {
                    (csrf_field(ctx))
                    input type="hidden" name="niss" value=(input.niss);
                    button.secondary type="submit" { (ctx.t("admin-search-audit-person")) }
                }
            }
        }
    };
    page(
        ctx,
        &title_with_errors(ctx, &title, errors.is_some()),
        Some(role),
        body,
    )
}

fn results_table(ctx: &Ctx, input: &SearchInput, r: &SearchPage) -> Markup {
    let by_niss = input.has_personal_data();
    html! {
        section aria-labelledby="results-title" {
            h2 #results-title { (ctx.t("admin-results-title")) }
            @if r.items.is_empty() {
                p data-testid="no-results" { (ctx.t("admin-no-results")) }
            } @else {
                @let cols = super::Columns::new(ctx, &["admin-col-created", "admin-col-company", "admin-col-label", "admin-col-email", "admin-field-context", "admin-col-state"]);
                table.stack data-testid="results" {
                    (cols.head())
                    tbody {
                        @for row in &r.items {
                            @let q = &row.request;
                            tr data-testid="result" data-id=(q.id) {
                                td data-label=(cols.label(0)) { a href=(routes::admin_request(q.id)) data-testid="result-link" { (ctx.lang.datetime(q.created_at)) } }
                                td data-label=(cols.label(1)) {
                                    a href=(routes::admin_company(q.company_id)) data-testid="result-company" { (row.company_name) }
                                    @if let Some(p) = &row.provider_name { br; small { (ctx.lang.t_args("admin-via", &[("provider", p.clone().into())])) } }
                                }
                                td data-testid="result-label" data-label=(cols.label(2)) { (q.label.as_deref().unwrap_or("—")) }
                                td data-label=(cols.label(3)) { @match q.email.as_deref() { Some(e) => (super::common::email(e)), None => "—" } }
                                td data-label=(cols.label(4)) { (ctx.t(q.context.name_key())) }
                                td data-label=(cols.label(5)) {
                                    (status_badge(ctx, row.status))
                                    @if q.archived_at.is_some() { " " span.badge.archived data-testid="archived" { (ctx.t("admin-state-archived")) } }
                                }
                            }
                        }
                    }
                }
            }
            nav.pager aria-label=(ctx.t("admin-pages")) {
                span data-testid="page" { (ctx.lang.t_args("admin-page", &[("page", r.page.into())])) }
                @if by_niss {
                    // Pages of a search by NISS are POSTs too.
                    @for (target, key, testid) in [(r.page - 1, "admin-previous", "page-previous"), (r.page + 1, "admin-next", "page-next")] {
                        @if (target >= 1 && target < r.page) || (target > r.page && r.has_next) {
                            form.inline method="post" action=(ADMIN_SEARCH) {
                                (csrf_field(ctx))
                                @for (name, value) in [("company", &input.company), ("label", &input.label), ("email", &input.email), ("state", &input.state), ("context", &input.context), ("from", &input.from), ("to", &input.to), ("niss", &input.niss)] {
                                    input type="hidden" name=(name) value=(value);
                                }
                                input type="hidden" name="page" value=(target);
                                " " button.secondary type="submit" data-testid=(testid) { (ctx.t(key)) }
                            }
                        }
                    }
                } @else {
                    @if r.page > 1 { " " a href=(admin_search_url(input, r.page - 1)) data-testid="page-previous" { (ctx.t("admin-previous")) } }
                    @if r.has_next { " " a href=(admin_search_url(input, r.page + 1)) data-testid="page-next" { (ctx.t("admin-next")) } }
                }
            }
        }
    }
}

fn niss_shown(n: &Niss, revealed: bool) -> String {
    if revealed { n.formatted() } else { n.masked() }
}

fn actor_label(ctx: &Ctx, kind: &str) -> String {
    ctx.t(match kind {
        "company_user" => "admin-actor-company-user",
        "api_client" => "admin-actor-api-client",
        "citizen" => "admin-actor-citizen",
        "staff" => "admin-actor-staff",
        "job" => "admin-actor-job",
        _ => "admin-actor-unknown",
    })
}

/// The outgoing messages of a timeline (its mails, its webhooks).
struct Outbox<'a> {
    /// The section's id stem and the table's test id: `mails`, `webhooks`.
    id: &'a str,
    /// The heading's key.
    title_key: &'a str,
    /// The key of the column saying what was sent.
    what_key: &'a str,
    /// The test id of a row.
    row_testid: &'a str,
    /// The test id of the line shown when there is none.
    none_testid: Option<&'a str>,
    /// The messages.
    rows: Vec<Outgoing>,
}

/// One outgoing message: when it was written, what it is, its delivery, its attempts.
struct Outgoing {
    created_at: DateTime<Utc>,
    what: Markup,
    delivery: Markup,
    attempts: Markup,
}

/// A section of outgoing messages: their table, or a muted "none".
fn outbox(ctx: &Ctx, o: Outbox<'_>) -> Markup {
    let title_id = format!("{}-title", o.id);
    let head = [
        "admin-col-created",
        o.what_key,
        "admin-col-delivery",
        "admin-col-attempts",
    ];
    html! {
        section aria-labelledby=(title_id) {
            h2 id=(title_id) { (ctx.t(o.title_key)) }
            @if o.rows.is_empty() {
                p.muted data-testid=[o.none_testid] { (ctx.t("admin-none")) }
            } @else {
                @let cols = super::Columns::new(ctx, &head);
                table.stack data-testid=(o.id) {
                    (cols.head())
                    tbody {
                        @for row in &o.rows {
                            tr data-testid=(o.row_testid) {
                                td data-label=(cols.label(0)) { (ctx.lang.datetime(row.created_at)) }
                                td data-label=(cols.label(1)) { (row.what) }
                                td data-label=(cols.label(2)) { (row.delivery) }
                                td data-label=(cols.label(3)) { (row.attempts) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The delivery state of an outgoing message, with its last error.
fn delivery(
    ctx: &Ctx,
    delivered: bool,
    failed: bool,
    attempts: i32,
    last_error: Option<&str>,
) -> Markup {
    let (class, key) = if delivered {
        (RequestStatus::Accepted.as_str(), "admin-delivery-sent")
    } else if failed {
        ("blocked", "admin-delivery-failed")
    } else if attempts > 0 {
        (RequestStatus::Expired.as_str(), "admin-delivery-retrying")
    } else {
        (RequestStatus::Pending.as_str(), "admin-delivery-queued")
    };
    html! {
        span.badge.(class) data-testid="delivery" { (ctx.t(key)) }
        @if let Some(e) = last_error { br; (super::common::failure(ctx, e)) }
    }
}

/// "Pending → Accepted", "Expired → Archived"; a new link alone (no status changes).
fn event_name(ctx: &Ctx, from: Option<RequestStatus>, to: Milestone) -> String {
    let to = match to {
        Milestone::Status(to) => ctx.t(to.label_key()),
        Milestone::Archived => ctx.t("admin-state-archived"),
        Milestone::NewLink => return ctx.t("admin-event-new-link"),
    };
    match from {
        Some(from) => format!("{} → {to}", ctx.t(from.label_key())),
        None => to,
    }
}

/// A request's timeline: who, what, every transition, e-mails, webhooks, consultations;
/// the NISS masked unless revealed; block and unblock.
pub fn timeline_page(
    ctx: &Ctx,
    role: StaffRole,
    t: &Timeline,
    revealed: bool,
    problem: Option<&Problem<'_>>,
) -> Markup {
    let r = &t.request;
    let title = ctx.t("admin-timeline-title");
    let body = html! {
        h1 { (title) }
        (flash(ctx, problem))
        dl.facts data-testid="facts" {
            dt { (ctx.t("admin-col-company")) }
            dd {
                a href=(routes::admin_company(t.company.id)) data-testid="company-link" { (t.company.name) }
                " " span.muted { "(" (t.company.bce_formatted()) ")" }
                @if t.company.suspended_at.is_some() { " " span.badge.blocked data-testid="company-suspended" { (ctx.t("admin-suspended")) } }
                @if let Some(p) = &t.provider { br; small { (ctx.lang.t_args("admin-via", &[("provider", p.name.clone().into())])) } }
            }
            dt { (ctx.t("admin-col-label")) } dd data-testid="label" { (r.label.as_deref().unwrap_or("—")) }
            dt { (ctx.t("admin-col-email")) } dd data-testid="email" { @match r.email.as_deref() { Some(e) => (super::common::email(e)), None => "—" } }
            dt { (ctx.t("admin-field-context")) } dd { (ctx.t(r.context.name_key())) }
            dt { (ctx.t("admin-col-state")) }
            dd {
                (status_badge(ctx, t.status))
                @if r.archived_at.is_some() { " " span.badge.archived data-testid="archived" { (ctx.t("admin-state-archived")) } }
                @if let Some(reason) = &r.status_reason { br; small data-testid="status-reason" { (super::common::note_text(ctx, reason)) } }
            }
            dt { (ctx.t("admin-col-created")) } dd { (ctx.lang.datetime(r.created_at)) }
            dt { (ctx.t("admin-link-until")) } dd { (ctx.lang.datetime(r.expires_at)) }
            @if let Some(until) = r.valid_until {
                dt { (ctx.t("admin-mandate-until")) } dd data-testid="valid-until" { (ctx.lang.datetime(until)) }
            }
            dt { (ctx.t("admin-citizen")) }
            dd {
                @match (&t.citizen, &t.target) {
                    (None, None) => { "—" }
                    (c, n) => {
                        @if let Some(c) = c {
                            span data-testid="citizen-niss" { (niss_shown(c, revealed)) }
                            @if let (Some(f), Some(l)) = (&r.citizen_first_name, &r.citizen_last_name) { " " (f) " " (l) }
                        }
                        @if let Some(n) = n {
                            @if c.is_some() { br; }
                            small { (ctx.t("admin-target-niss")) " " span data-testid="target-niss" { (niss_shown(n, revealed)) } }
                        }
                        @if !revealed {
                            form.inline method="post" action=(routes::admin_request_action(r.id, "reveal")) {
                                (csrf_field(ctx))
                                " " button.link type="submit" data-testid="reveal" { (ctx.t("admin-reveal")) }
                            }
                            br; small { (ctx.t("admin-reveal-hint")) }
                        }
                    }
                }
            }
            dt { (ctx.t("admin-consultations")) } dd data-testid="consultations" { (ctx.lang.number(t.consultations)) }
            (super::admin_records::audit_on_fact(ctx, role, r.id))
        }
        section aria-labelledby="events-title" {
            h2 #events-title { (ctx.t("admin-events-title")) }
            @let cols = super::Columns::new(ctx, &["admin-col-when", "admin-col-transition", "admin-col-actor", "admin-col-note"]);
            table.stack data-testid="events" {
                (cols.head())
                tbody {
                    @for e in &t.events {
                        tr data-testid="event" data-to=(e.event.to_status.as_str()) data-actor=(e.event.actor_kind) {
                            td data-label=(cols.label(0)) { (ctx.lang.datetime(e.event.at)) }
                            td data-label=(cols.label(1)) {
                                (event_name(ctx, e.event.from_status, e.event.to_status))
                            }
                            td data-label=(cols.label(2)) { (actor_label(ctx, &e.event.actor_kind)) @if !e.actor.is_empty() { " " span.muted { (e.actor) } } }
                            td data-label=(cols.label(3)) { @if let Some(note) = &e.event.note { (super::common::note_text(ctx, note)) } }
                        }
                    }
                }
            }
        }
        @if !t.recent_consultations.is_empty() {
            section aria-labelledby="consultations-title" {
                h2 #consultations-title { (ctx.t("admin-consultations")) }
                @if t.consultations > t.recent_consultations.len() as i64 {
                    p data-testid="consultations-newest" {
                        (ctx.lang.t_args("admin-consultations-newest", &[
                            ("shown", ctx.lang.number(t.recent_consultations.len() as i64).into()),
                            ("count", ctx.lang.number(t.consultations).into()),
                        ]))
                    }
                }
                @let cols = super::Columns::new(ctx, &["admin-col-when", "admin-col-actor", "admin-col-reference"]);
                table.stack data-testid="consultation-list" {
                    (cols.head())
                    tbody {
                        @for c in &t.recent_consultations {
                            tr data-testid="consultation" data-actor=(c.entry.actor_kind) {
                                td data-label=(cols.label(0)) { (ctx.lang.datetime(c.entry.at)) }
                                td data-label=(cols.label(1)) { (actor_label(ctx, &c.entry.actor_kind)) @if !c.actor.is_empty() { " " span.muted { (c.actor) } } }
                                td data-label=(cols.label(2)) { code { (c.entry.id) } }
                            }
                        }
                    }
                }
            }
        }
        (outbox(ctx, Outbox {
            id: "mails",
            title_key: "admin-mails-title",
            what_key: "admin-col-subject",
            row_testid: "mail",
            none_testid: None,
            rows: t.mails.iter().map(|m| Outgoing {
                created_at: m.created_at,
                what: html! { span lang=(t.request.language.code()) data-testid="mail-subject" { (m.subject) } },
                delivery: html! {
                    (delivery(ctx, m.sent_at.is_some(), m.failed_at.is_some(), m.attempts, m.last_error.as_deref()))
                    (super::admin_mail::resend_button(ctx, role, t, m))
                },
                attempts: html! {
                    ul {
                        @for a in t.attempts.iter().filter(|a| a.email_id == m.id) {
                            li data-testid="attempt" {
                                (ctx.lang.datetime(a.at)) " — "
                                @if a.ok { (ctx.t("admin-delivery-sent")) } @else { (ctx.t("admin-attempt-failed")) @if let Some(e) = &a.error { (ctx.lang.colon()) " " (e) } }
                            }
                        }
                    }
                },
            }).collect(),
        }))
        (outbox(ctx, Outbox {
            id: "webhooks",
            title_key: "admin-webhooks-title",
            what_key: "admin-col-event",
            row_testid: "webhook",
            none_testid: Some("no-webhooks"),
            rows: t.webhooks.iter().map(|w| Outgoing {
                created_at: w.created_at,
                what: html! { code { (w.event) } },
                delivery: delivery(ctx, w.delivered_at.is_some(), w.failed_at.is_some(), w.attempts, w.last_error.as_deref()),
                attempts: html! { (w.attempts) },
            }).collect(),
        }))
        @if may_follow(role) {
            section aria-labelledby="actions-title" {
                h2 #actions-title { (ctx.t("admin-actions-title")) }
                @match t.status {
                    RequestStatus::Pending | RequestStatus::Accepted => {
                        p { (ctx.t("admin-block-hint")) }
                        (reason_form(ctx, &routes::admin_request_action(r.id, "block"), "block", "admin-block", problem, true))
                    }
                    RequestStatus::Blocked => {
                        p { (ctx.t("admin-unblock-hint")) }
                        (reason_form(ctx, &routes::admin_request_action(r.id, "unblock"), "unblock", "admin-unblock", problem, false))
                    }
                    _ => { p.muted data-testid="no-actions" { (ctx.t("admin-no-actions")) } }
                }
            }
        }
    };
    let invalid = matches!(problem, Some(Problem::Invalid(..)));
    page(
        ctx,
        &title_with_errors(ctx, &title, invalid),
        Some(role),
        body,
    )
}
