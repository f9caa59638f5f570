//! The API access page of the company app.

use maud::{Markup, html};

use super::{
    common::{described, error_summary, field_error, form_field, title_with_errors},
    csrf_field,
    layout::{Area, layout},
};
use crate::{
    domain::Role,
    services::{
        FieldErrors,
        api_clients::{ApiAccess, ApiClient, ApiScope, CIRCLE_VERSION, NewCredentials},
        companies::CompanyCtx,
    },
    web::{context::Ctx, routes},
};

/// The page.
pub fn page(
    ctx: &Ctx,
    c: &CompanyCtx,
    access: &ApiAccess,
    clients: &[ApiClient],
    created: Option<&NewCredentials>,
    error: Option<&str>,
    errors: Option<&FieldErrors>,
) -> Markup {
    let (name, scopes) = (ctx.t("api-client-name"), ctx.t("api-client-scopes"));
    let scopes_d = described("scopes", "scopes", false, errors);
    let main = c.role == Role::MainManager;
    let body = html! {
        p { a href=(routes::COMPANY) { "← " (ctx.t("back-to-requests")) } }
        (super::company::suspended(ctx, c))
        h1 { (ctx.t("api-title")) }
        p.lead { (ctx.t("api-lead")) " " a href=(routes::API_OPENAPI) { (ctx.t("api-openapi")) } }
        @if let Some(key) = error { div.alert.error role="alert" data-testid="api-error" { (ctx.t(key)) } }
        @if let Some(creds) = created {
            section.alert.success role="status" data-testid="api-created" {
                p { (ctx.t("api-client-created")) }
                p { "client_id: " code data-testid="client-id" { (creds.client_id) } }
                p { "client_secret: " code data-testid="client-secret" { (creds.client_secret) } }
            }
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
            @let cols = super::Columns::new(ctx, &["api-client-name", "api-client-id", "api-client-scopes", super::ACTIONS]);
            table.stack {
                (cols.head())
                tbody {
                    @for cl in clients {
                        tr data-testid="api-client" {
                            td data-label=(cols.label(0)) { (cl.name) }
                            td data-label=(cols.label(1)) { code { (cl.id) } }
                            td data-label=(cols.label(2)) { (cl.scopes) }
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
            (error_summary(ctx, "form-has-errors", errors, &[("name", "client-name", &name), ("scopes", "scope-mandates", &scopes)]))
            (form_field(ctx, "client-name", "name", &name, None, errors, |d| html! {
                input #client-name type="text" name="name" maxlength="100"
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="client-name";
            }))
            fieldset aria-describedby=[scopes_d.by.as_deref()] {
                legend { (scopes) }
                label { input #scope-mandates type="checkbox" name="scope_mandates" value="on" checked aria-invalid=[scopes_d.invalid]; " " (ctx.t("api-mandates")) " (" code { (ApiScope::Mandates.as_str()) } ")" }
                br;
                label { input #scope-data type="checkbox" name="scope_data" value="on" checked aria-invalid=[scopes_d.invalid]; " " (ctx.t("api-precontractual")) " (" code { (ApiScope::PrecontractualData.as_str()) } ")" }
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
