//! The trainers' page of the back office: the demo tenants, and the forms that make one,
//! move its clock, reset it and delete it.

use maud::{Markup, html};

use super::{admin_frame::page, csrf_field};
use crate::{
    auth::StaffRole,
    demo::tenants::{TenantError, TenantSummary},
    domain::tenant::MoveRefused,
    i18n::{Arg, Lang},
    sources::import::SourceTexts,
    web::{
        context::Ctx,
        routes::{self, ADMIN_TENANTS, admin_tenant_action},
    },
};

/// What the page says about the action just made (or refused).
#[derive(Debug, Default)]
pub struct Outcome {
    /// Done: the message key, and the tenant.
    pub notice: Option<(&'static str, String)>,
    /// Refused: why (every reason of a refused form, in the order of its fields).
    pub errors: Vec<TenantError>,
    /// Where the refusal is shown: `create` (the form), or the tenant's name (its line).
    pub on: String,
}

impl Outcome {
    /// A refusal of the action on `on` (`create`, or a tenant's name).
    pub fn error(error: TenantError, on: &str) -> Outcome {
        Outcome::errors(vec![error], on)
    }

    /// A refusal for several reasons at once (of the create form).
    pub fn errors(errors: Vec<TenantError>, on: &str) -> Outcome {
        Outcome {
            notice: None,
            errors,
            on: on.to_string(),
        }
    }

    /// The first reason of a refusal, if it is one.
    pub fn first_error(&self) -> Option<&TenantError> {
        self.errors.first()
    }
}

/// The message key of a notice of the URL (`?notice=created`), if it is one.
pub fn notice_key(notice: &str) -> Option<&'static str> {
    match notice {
        "created" => Some("tenant-done-created"),
        "moved" => Some("tenant-done-moved"),
        "reset" => Some("tenant-done-reset"),
        "deleted" => Some("tenant-done-deleted"),
        _ => None,
    }
}

/// The values of the form that makes a tenant, kept after a refusal.
pub struct CreateValues<'a> {
    /// Name.
    pub name: &'a str,
    /// Language code.
    pub language: &'a str,
    /// Start instant as typed.
    pub clock: &'a str,
    /// Last day as typed.
    pub expires: &'a str,
    /// The four source files, in the order of [`SourceTexts::FILES`].
    pub sources: [&'a str; 4],
    /// The key of this display of the form: sent again, it finds the tenant it made.
    pub form_key: &'a str,
}

/// What the page shows.
pub struct TenantsPage<'a> {
    /// The tenants.
    pub tenants: &'a [TenantSummary],
    /// The most tenants at once.
    pub max: u32,
    /// The longest life, in days.
    pub lifetime_days: i64,
    /// The tenants' base host (`demo.localhost`).
    pub base_host: &'a str,
    /// The outcome of the action just made.
    pub outcome: &'a Outcome,
    /// The creation form's values.
    pub form: &'a CreateValues<'a>,
}

/// The steps offered to move a clock: (typed value, message key).
const STEPS: [(&str, &str); 8] = [
    ("1h", "tenant-step-1h"),
    ("1d", "tenant-step-1d"),
    ("73h", "tenant-step-73h"),
    ("1w", "tenant-step-1w"),
    ("1month", "tenant-step-1month"),
    ("3month", "tenant-step-3month"),
    ("1y", "tenant-step-1y"),
    ("2y", "tenant-step-2y"),
];

/// An instant as a `datetime-local` input shows it (Brussels wall clock).
fn local_input(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Brussels)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// The field of the create form a refusal is about (its id and its label's key), when one is.
fn field_of(e: &TenantError) -> Option<(&'static str, &'static str)> {
    use crate::domain::tenant::TenantInputError as I;
    match e {
        TenantError::Exists(_) | TenantError::Input(I::BadName) => {
            Some(("tenant-name", "tenant-name"))
        }
        TenantError::Input(I::BadLanguage) => Some(("tenant-language", "tenant-language")),
        TenantError::Input(I::BadInstant | I::InstantOutOfRange) => {
            Some(("tenant-clock", "tenant-clock"))
        }
        TenantError::Input(I::BadDate)
        | TenantError::ExpiryPast
        | TenantError::ExpiryTooLate(_) => Some(("tenant-expires", "tenant-expires")),
        _ => None,
    }
}

/// The `aria-invalid` and `aria-describedby` of a create form's field: the field the
/// refusal is about points at the refusal, after its own hint.
fn field_attrs(
    bad: &[&str],
    id: &str,
    hint: Option<&str>,
) -> (Option<&'static str>, Option<String>) {
    let invalid = bad.contains(&id);
    let by = [hint, invalid.then_some(CREATE_ERROR)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (invalid.then_some("true"), (!by.is_empty()).then_some(by))
}

/// The id of the create form's refusal.
const CREATE_ERROR: &str = "tenant-create-error";

/// The refusal of an action on the tenant `on`'s line, in the page's language.
fn error_message(ctx: &Ctx, e: &TenantError, on: &str) -> Markup {
    error_message_on(ctx, e, None, on)
}

/// The create form's refusal: one reason as [`error_message_on`] shows it, several as a
/// list under a title, each linked to its field.
fn create_errors(ctx: &Ctx, errors: &[TenantError]) -> Markup {
    match errors {
        [] => html! {},
        [e] => error_message_on(ctx, e, field_of(e), ""),
        _ => html! {
            div #(CREATE_ERROR).alert.error role="alert" tabindex="-1" data-error-summary
                aria-labelledby="tenant-create-error-title" data-testid="tenant-error" {
                h3 #tenant-create-error-title { (ctx.t("form-has-errors")) }
                ul {
                    @for e in errors { li { (error_body(ctx, e, field_of(e), "")) } }
                }
            }
        },
    }
}

/// A refusal, linked to the create form's field it is about (the page's error summary),
/// with the bad rows of a trainer's files; `on` names the tenant acted on.
fn error_message_on(ctx: &Ctx, e: &TenantError, field: Option<(&str, &str)>, on: &str) -> Markup {
    html! {
        div.alert.error role="alert" tabindex="-1" data-error-summary
            id=[field.map(|_| CREATE_ERROR)] data-testid="tenant-error" {
            (error_body(ctx, e, field, on))
        }
    }
}

/// What [`error_message_on`] says of one refusal.
fn error_body(ctx: &Ctx, e: &TenantError, field: Option<(&str, &str)>, on: &str) -> Markup {
    let name = match e {
        TenantError::Exists(n) | TenantError::Unknown(n) => n.clone(),
        _ => on.to_string(),
    };
    let mut args: Vec<(&'static str, Arg)> = vec![("name", name.into())];
    match e {
        TenantError::LimitReached(max) => args.push(("max", i64::from(*max).into())),
        TenantError::ExpiryTooLate(day) => args.push(("date", ctx.lang.date(*day).into())),
        TenantError::Move(MoveRefused::Backwards { from, to }) => {
            args.push(("from", ctx.lang.datetime(*from).into()));
            args.push(("to", ctx.lang.datetime(*to).into()));
        }
        TenantError::Move(MoveRefused::MovedMeanwhile { shown, clock }) => {
            args.push(("shown", ctx.lang.datetime(*shown).into()));
            args.push(("clock", ctx.lang.datetime(*clock).into()));
        }
        _ => {}
    }
    html! {
        @if let Some((id, label)) = field {
            p { a href=(format!("#{id}")) {
                (ctx.lang.t_args("error-summary-link", &[
                    ("label", ctx.t(label).into()),
                    ("message", ctx.lang.t_args(e.message_key(), &args).into()),
                ]))
            } }
        } @else {
            p { (ctx.lang.t_args(e.message_key(), &args)) }
        }
        @if let TenantError::Sources(rows) = e {
            ul data-testid="tenant-source-errors" {
                @for row in rows.iter().take(50) {
                    li { code { (row.file) ":" (row.line) } " " (row.column) ": " (row.reason) }
                }
            }
            @if rows.len() > 50 {
                p { (ctx.lang.t_args("tenant-error-sources-more", &[("count", (rows.len() as i64 - 50).into())])) }
            }
        }
        @if let TenantError::SourcesUnreadable(reason) = e {
            p { code { (reason) } }
        }
    }
}

/// The trainers' page.
pub fn tenants_page(ctx: &Ctx, role: StaffRole, p: &TenantsPage<'_>) -> Markup {
    let heading = ctx.t("tenant-title");
    let outcome = p.outcome;
    let title = super::common::title_with_errors(ctx, &heading, !outcome.errors.is_empty());
    let body = html! {
        h1 { (heading) }
        p.lead { (ctx.t("tenant-lead")) }
        @if let Some((key, name)) = &outcome.notice {
            div.alert.success role="status" data-testid="tenant-done" {
                (ctx.lang.t_args(key, &[("name", name.as_str().into())]))
            }
        }
        @if let Some(e) = outcome.first_error().filter(|_| outcome.on != "create") {
            (error_message(ctx, e, &outcome.on))
        }
        section aria-labelledby="tenants-title" {
            h2 #tenants-title {
                (ctx.lang.t_args("tenant-list-title", &[
                    ("count", (p.tenants.len() as i64).into()),
                    ("max", i64::from(p.max).into()),
                ]))
            }
            @if p.tenants.is_empty() {
                p data-testid="tenants-empty" { (ctx.t("tenant-none-yet")) }
            } @else {
                @let cols = super::Columns::new(ctx, &["tenant-col-name", "tenant-col-language", "tenant-col-clock", "tenant-col-expires", "tenant-col-signed-in", "tenant-col-by", "tenant-col-actions"]);
                table.stack data-testid="tenants" {
                    (cols.head())
                    tbody {
                        @for t in p.tenants { (tenant_row(ctx, &cols, t)) }
                    }
                }
            }
        }
        (create_form(ctx, p))
    };
    page(ctx, &title, Some(role), body)
}

fn tenant_row(ctx: &Ctx, cols: &super::Columns, t: &TenantSummary) -> Markup {
    let name = &t.tenant.name;
    let mailbox = format!("{}{}", t.url, routes::MAILBOX);
    let lang = Lang::ALL
        .into_iter()
        .find(|l| *l == t.tenant.language)
        .unwrap_or_default();
    html! {
        tr data-tenant=(name) {
            td data-label=(cols.label(0)) {
                a href=(t.url) data-testid=(format!("tenant-open-{name}")) { strong.nowrap { (name) } }
                @if t.own_sources { br; span.muted { (ctx.t("tenant-own-sources")) } }
            }
            td data-label=(cols.label(1)) { (lang.native_name()) }
            td data-testid=(format!("tenant-clock-{name}")) data-label=(cols.label(2)) {
                time datetime=(t.tenant.clock_at.to_rfc3339()) { (ctx.lang.datetime(t.tenant.clock_at)) }
                br; span.muted { (ctx.t("tenant-started")) " " (ctx.lang.datetime(t.tenant.start_at)) }
            }
            td data-label=(cols.label(3)) { (ctx.lang.datetime(t.tenant.expires_at)) }
            td data-testid=(format!("tenant-signed-in-{name}")) data-label=(cols.label(4)) {
                @match t.signed_in { Some(n) => (ctx.lang.number(n)), None => "—" }
            }
            td data-label=(cols.label(5)) { (t.created_by.as_deref().unwrap_or("—")) }
            td.actions data-label=(cols.label(6)) {
                p {
                    a href=(t.url) { (ctx.t("tenant-open")) } " · "
                    a href=(mailbox) data-testid=(format!("tenant-mailbox-{name}")) { (ctx.t("tenant-mailbox")) }
                }
                form.stack method="post" action=(admin_tenant_action(name, "clock")) data-testid=(format!("tenant-clock-form-{name}")) {
                    (csrf_field(ctx))
                    // A step counts from what this page shows: sent twice, it moves once.
                    input type="hidden" name="shown" value=(t.tenant.clock_at.to_rfc3339());
                    label for=(format!("advance-{name}")) { (ctx.t("tenant-advance")) }
                    select id=(format!("advance-{name}")) name="advance" {
                        @for (value, key) in STEPS {
                            option value=(value) { (ctx.t(key)) }
                        }
                    }
                    label for=(format!("to-{name}")) { (ctx.t("tenant-to")) }
                    input id=(format!("to-{name}")) type="datetime-local" name="to"
                        min=(local_input(t.tenant.clock_at)) aria-describedby=(format!("to-help-{name}"));
                    small id=(format!("to-help-{name}")) { (ctx.t("tenant-to-help")) }
                    button type="submit" data-testid=(format!("tenant-move-{name}")) { (ctx.t("tenant-move")) }
                }
                form.inline method="post" action=(admin_tenant_action(name, "reset")) {
                    (csrf_field(ctx))
                    button.secondary type="submit" data-testid=(format!("tenant-reset-{name}")) { (ctx.t("tenant-reset")) }
                }
                " "
                form.inline method="post" action=(admin_tenant_action(name, "delete")) {
                    (csrf_field(ctx))
                    button.danger type="submit" data-testid=(format!("tenant-delete-{name}")) { (ctx.t("tenant-delete")) }
                }
            }
        }
    }
}

fn create_form(ctx: &Ctx, p: &TenantsPage<'_>) -> Markup {
    let f = p.form;
    let errors: &[TenantError] = match p.outcome.on.as_str() {
        "create" => &p.outcome.errors,
        _ => &[],
    };
    let bad: Vec<&str> = errors
        .iter()
        .filter_map(field_of)
        .map(|(id, _)| id)
        .collect();
    let bad = bad.as_slice();
    let (name_invalid, name_by) = field_attrs(bad, "tenant-name", Some("tenant-name-help"));
    let (lang_invalid, lang_by) = field_attrs(bad, "tenant-language", None);
    let (clock_invalid, clock_by) = field_attrs(bad, "tenant-clock", Some("tenant-clock-help"));
    let (exp_invalid, exp_by) = field_attrs(bad, "tenant-expires", Some("tenant-expires-help"));
    html! {
        section aria-labelledby="create-title" {
            h2 #create-title { (ctx.t("tenant-create-title")) }
            (create_errors(ctx, errors))
            form.stack method="post" action=(ADMIN_TENANTS) data-testid="tenant-create-form" {
                (csrf_field(ctx))
                input type="hidden" name="form_key" value=(f.form_key);
                label for="tenant-name" { (ctx.t("tenant-name")) }
                input #tenant-name type="text" name="name" value=(f.name) required maxlength="30"
                    pattern="[a-z][a-z0-9\\-]*" autocomplete="off" aria-invalid=[name_invalid] aria-describedby=[name_by];
                small #tenant-name-help {
                    (ctx.lang.t_args("tenant-name-help", &[("host", format!("alpha.{}", p.base_host).into())]))
                }
                label for="tenant-language" { (ctx.t("tenant-language")) }
                select #tenant-language name="language" aria-invalid=[lang_invalid] aria-describedby=[lang_by] {
                    @for lang in Lang::ALL {
                        option value=(lang.code()) selected[lang.code() == f.language] { (lang.native_name()) }
                    }
                }
                label for="tenant-clock" { (ctx.t("tenant-clock")) }
                input #tenant-clock type="datetime-local" name="clock" value=(f.clock) aria-invalid=[clock_invalid] aria-describedby=[clock_by];
                small #tenant-clock-help { (ctx.t("tenant-clock-help")) }
                label for="tenant-expires" { (ctx.t("tenant-expires")) }
                input #tenant-expires type="date" name="expires" value=(f.expires) aria-invalid=[exp_invalid] aria-describedby=[exp_by];
                small #tenant-expires-help {
                    (ctx.lang.t_args("tenant-expires-help", &[("days", p.lifetime_days.into())]))
                }
                details open[f.sources.iter().any(|s| !s.is_empty())] {
                    summary { (ctx.t("tenant-sources")) }
                    p { (ctx.t("tenant-sources-help")) }
                    @for (i, file) in SourceTexts::FILES.iter().enumerate() {
                        @let field = file.trim_end_matches(".csv");
                        label for=(format!("tenant-{field}")) { code { (file) } }
                        textarea id=(format!("tenant-{field}")) name=(field) rows="4" spellcheck="false" { (f.sources[i]) }
                    }
                }
                button type="submit" data-testid="tenant-create" { (ctx.t("tenant-create")) }
            }
        }
    }
}
