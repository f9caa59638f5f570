//! The API access page of the company app.

use maud::{Markup, html};

use super::{
    common::{described, error_summary, field_error, form_field, title_with_errors},
    csrf_field,
    layout::{Area, layout},
    models::ClientInput,
};
use crate::{
    domain::Role,
    services::{
        FieldErrors,
        api_clients::{ApiAccess, ApiScope, CIRCLE_VERSION, ClientMade, ListedClient},
        companies::CompanyCtx,
    },
    web::{context::Ctx, routes},
};

/// What the page's last form did.
pub enum Outcome<'a> {
    /// Nothing: the page as it is.
    Plain,
    /// A client was made (or had been made by the same form before).
    Made(&'a ClientMade),
    /// A refusal's message key.
    Refused(&'static str),
    /// The "Create client" form, shown again with its errors.
    Invalid(&'a FieldErrors, &'a ClientInput),
}

impl Outcome<'_> {
    /// Whether the form was refused (the page answers 400).
    pub fn refused(&self) -> bool {
        matches!(self, Outcome::Refused(_) | Outcome::Invalid(..))
    }
}

/// The data of the page.
pub struct ApiPage<'a> {
    /// The company's API access.
    pub access: &'a ApiAccess,
    /// Its clients, newest first, with how their webhooks fare.
    pub clients: &'a [ListedClient],
    /// What the last form did.
    pub outcome: Outcome<'a>,
    /// The key of this display of the "Create client" form.
    pub form_key: String,
}

/// How a client's webhook fares: its address, its last delivery, what is being retried and
/// what was given up, each failure said in words (the integrator's software is told nothing
/// of a delivery given up: the company sees it here).
fn webhook(ctx: &Ctx, listed: &ListedClient) -> Markup {
    let (Some(url), Some(h)) = (&listed.client.webhook_url, &listed.webhook) else {
        return html! { span.muted { (ctx.t("api-webhook-none")) } };
    };
    let when = |at| ctx.lang.datetime(at);
    html! {
        code { (url) }
        br;
        @match h.last_delivered_at {
            Some(at) => (ctx.lang.t_args("api-webhook-delivered", &[("at", when(at).into())])),
            None => (ctx.t("api-webhook-never")),
        }
        @if h.retrying > 0 {
            br;
            span.badge.pending data-testid="webhook-retrying" { (ctx.lang.t_args("api-webhook-retrying", &[("count", h.retrying.into())])) }
            @if let Some(error) = &h.retry_error { " " (super::common::failure(ctx, error)) }
        }
        @if h.given_up > 0 {
            br;
            span.badge.refused data-testid="webhook-given-up" {
                (ctx.lang.t_args("api-webhook-given-up", &[("count", h.given_up.into()), ("days", ctx.settings.retention.webhook.num_days().into())]))
            }
            @if let (Some(at), Some(error)) = (h.last_given_up_at, &h.last_given_up_error) {
                " " (ctx.lang.t_args("api-webhook-last-given-up", &[("at", when(at).into())])) " " (super::common::failure(ctx, error))
            }
        }
    }
}

/// The page.
pub fn page(ctx: &Ctx, c: &CompanyCtx, p: &ApiPage<'_>) -> Markup {
    let (access, clients) = (p.access, p.clients);
    let fresh = ClientInput::default();
    let (error, errors, form) = match &p.outcome {
        Outcome::Refused(key) => (Some(*key), None, &fresh),
        Outcome::Invalid(errors, form) => (None, Some(*errors), *form),
        _ => (None, None, &fresh),
    };
    let (name, scopes) = (ctx.t("api-client-name"), ctx.t("api-client-scopes"));
    let scopes_d = described("scopes", "scopes", false, errors);
    let main = c.role == Role::MainManager;
    let body = html! {
        p { a href=(routes::COMPANY) { "← " (ctx.t("back-to-requests")) } }
        (super::company::suspended(ctx, c))
        h1 { (ctx.t("api-title")) }
        p.lead { (ctx.t("api-lead")) " " a href=(routes::API_OPENAPI) { (ctx.t("api-openapi")) } }
        @if let Some(key) = error { div.alert.error role="alert" data-testid="api-error" { (ctx.t(key)) } }
        @match &p.outcome {
            Outcome::Made(ClientMade::New(creds)) => {
                section.alert.success role="status" data-testid="api-created" {
                    p { (ctx.t("api-client-created")) }
                    p { "client_id: " code data-testid="client-id" { (creds.client_id) } }
                    p { "client_secret: " code data-testid="client-secret" { (creds.client_secret) } }
                }
            }
            Outcome::Made(ClientMade::Before(client)) => {
                section.alert.info role="status" data-testid="api-created-before" {
                    p { (ctx.lang.t_args("api-client-created-before", &[("name", client.name.clone().into())])) }
                    p { "client_id: " code data-testid="client-id" { (client.id) } }
                }
            }
            _ => {}
        }
        h2 { (ctx.t("api-circle-title")) }
        p { (ctx.t("api-circle-text")) }
        @if access.circle_of_trust_version.is_some() {
            p data-testid="circle-accepted" { (ctx.lang.t_args("api-circle-accepted", &[("version", access.circle_of_trust_version.clone().unwrap_or_default().into())])) }
        } @else if main {
            form method="post" action=(routes::COMPANY_API_CIRCLE) {
                (csrf_field(ctx))
                p.muted { (ctx.lang.t_args("terms-version", &[("version", CIRCLE_VERSION.into())])) }
                button type="submit" data-testid="accept-circle" { (ctx.t("api-circle-accept")) }
            }
        } @else {
            div.alert.info { (ctx.t("api-circle-wait")) }
        }
        ul {
            @for (scope, key, on) in [(ApiScope::Mandates, "api-mandates", access.mandates_api), (ApiScope::PrecontractualData, "api-precontractual", access.precontractual_api)] {
                li {
                    strong { (ctx.t(key)) (ctx.lang.colon()) } " "
                    span class=(if on { "badge accepted" } else { "badge" }) { (ctx.t(if on { "api-active" } else { "api-inactive" })) }
                    @if main && access.circle_of_trust_version.is_some() {
                        " "
                        form.inline method="post" action=(routes::company_api_toggle(scope.as_str(), if on { "off" } else { "on" })) {
                            (csrf_field(ctx))
                            button.secondary type="submit" data-testid=(format!("toggle-{}", scope.as_str())) {
                                (ctx.t(if on { "api-deactivate" } else { "api-activate" }))
                            }
                        }
                    }
                }
            }
        }
        h2 { (ctx.t("api-clients-title")) }
        @if clients.is_empty() { p.muted { (ctx.t("api-clients-none")) } }
        @else {
            @let cols = super::Columns::new(ctx, &["api-client-name", "api-client-id", "api-client-scopes", "api-webhook", super::ACTIONS]);
            table.stack {
                (cols.head())
                tbody {
                    @for listed in clients {
                        @let cl = &listed.client;
                        tr data-testid="api-client" {
                            td data-label=(cols.label(0)) { (cl.name) }
                            td data-label=(cols.label(1)) { code { (cl.id) } }
                            td data-label=(cols.label(2)) { (cl.scopes) }
                            td data-label=(cols.label(3)) data-testid="webhook" { (webhook(ctx, listed)) }
                            td {
                                @if cl.revoked_at.is_some() {
                                    span.badge.revoked { (ctx.t("api-client-revoked")) }
                                } @else {
                                    form method="post" action=(routes::company_api_revoke(cl.id)) data-confirm=(ctx.t("api-client-revoke-confirm")) {
                                        (csrf_field(ctx))
                                        input type="hidden" name="confirmed" value="";
                                        button.secondary type="submit" data-testid="revoke-client" { (ctx.t("api-client-revoke")) (super::common::row_name(ctx, &cl.name)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        form.stack method="post" action=(routes::COMPANY_API_CLIENTS) novalidate {
            (csrf_field(ctx))
            input type="hidden" name="form_key" value=(p.form_key);
            (error_summary(ctx, "form-has-errors", errors, &[("name", "client-name", &name), ("scopes", "scope-mandates", &scopes)]))
            (form_field(ctx, "client-name", "name", &name, None, errors, |d| html! {
                input #client-name type="text" name="name" maxlength="100" value=(form.name)
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="client-name";
            }))
            fieldset aria-describedby=[scopes_d.by.as_deref()] {
                legend { (scopes) }
                label { input #scope-mandates type="checkbox" name="scope_mandates" value="on" checked[form.scope_mandates.is_some()] aria-invalid=[scopes_d.invalid]; " " (ctx.t("api-mandates")) " (" code { (ApiScope::Mandates.as_str()) } ")" }
                br;
                label { input #scope-data type="checkbox" name="scope_data" value="on" checked[form.scope_data.is_some()] aria-invalid=[scopes_d.invalid]; " " (ctx.t("api-precontractual")) " (" code { (ApiScope::PrecontractualData.as_str()) } ")" }
                (field_error(ctx, "scopes", "scopes", errors))
            }
            button type="submit" data-testid="create-client" { (ctx.t("api-client-create")) }
        }
    };
    layout(
        ctx,
        &title_with_errors(ctx, &ctx.t("api-title"), errors.is_some()),
        Area::Company,
        body,
    )
}
