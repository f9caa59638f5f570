//! Views of who works for a company and how it comes to the service: its registration,
//! the choice of company, the terms, a provider's clients, its users and its providers.

use maud::{Markup, html};

use super::{
    ACTIONS, Columns,
    common::{described, error_summary, field_error, form_field, row_name, title_with_errors},
    company::{company_bar, page},
    csrf_field,
    models::MemberInput,
};
use crate::{
    services::{
        FieldErrors,
        companies::{
            Company, CompanyCtx, Member, Membership, ProviderLink, RegistrationInput, TERMS_VERSION,
        },
    },
    web::{context::Ctx, routes},
};

crate::domain::named_enum! {
    /// What the users page says after a change (`?notice=`).
    #[derive(Copy, Clone, Debug, PartialEq, Eq)]
    pub enum UsersNotice {
        /// A person was added.
        Added = "added",
        /// A member's role changed.
        RoleChanged = "role-changed",
        /// The member had that role already.
        Unchanged = "unchanged",
        /// A member was removed.
        Removed = "removed",
        /// The main access manager handed the role to another member.
        HandedOver = "handed-over",
    }
}

/// What the users page says above its table: a notice after a change, or the add form's
/// errors.
pub enum UsersMessage<'a> {
    /// A change's notice, if any.
    Notice(Option<UsersNotice>),
    /// The add form's errors.
    Errors(&'a FieldErrors),
}

/// The role choices a manager gives (the main access manager is one per company, from its
/// registration).
fn role_options(ctx: &Ctx, selected: &str) -> Markup {
    html! {
        option value="user" selected[selected != "manager"] { (ctx.t("role-user")) }
        option value="manager" selected[selected == "manager"] { (ctx.t("role-manager")) }
    }
}

/// Registration of a company.
pub fn register(ctx: &Ctx, input: &RegistrationInput, errors: Option<&FieldErrors>) -> Markup {
    let (bce, name, kind, email) = (
        ctx.t("register-bce"),
        ctx.t("register-name"),
        ctx.t("register-kind"),
        ctx.t("register-email"),
    );
    let body = html! {
        h1 { (ctx.t("register-title")) }
        p.lead { (ctx.t("register-lead")) }
        p data-testid="register-already" { (ctx.t("register-already")) }
        form.stack method="post" action=(routes::COMPANY_REGISTER) novalidate {
            (csrf_field(ctx))
            (error_summary(ctx, "form-has-errors", errors, &[
                ("bce", "bce", &bce), ("name", "name", &name), ("kind", "kind-employer", &kind), ("contact_email", "contact_email", &email),
            ]))
            (form_field(ctx, "bce", "bce", &bce, Some("0765.432.146"), errors, |d| html! {
                input #bce type="text" name="bce" value=(input.bce) required aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="register-bce";
            }))
            (form_field(ctx, "name", "name", &name, None, errors, |d| html! {
                input #name type="text" name="name" value=(input.name) required maxlength="200" aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="register-name";
            }))
            @let kind_d = described("kind", "kind", false, errors);
            fieldset aria-describedby=[kind_d.by.as_deref()] {
                legend { (kind) }
                label { input #kind-employer type="radio" name="kind" value="employer" checked[input.kind != "provider"] aria-invalid=[kind_d.invalid] data-testid="kind-employer"; " " (ctx.t("kind-employer")) }
                br;
                label { input #kind-provider type="radio" name="kind" value="provider" checked[input.kind == "provider"] aria-invalid=[kind_d.invalid] data-testid="kind-provider"; " " (ctx.t("kind-provider")) }
                (field_error(ctx, "kind", "kind", errors))
            }
            (form_field(ctx, "contact_email", "contact_email", &email, None, errors, |d| html! {
                input #contact_email type="email" name="contact_email" value=(input.contact_email) required aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="register-email";
            }))
            button type="submit" data-testid="register-submit" { (ctx.t("register-submit")) }
        }
    };
    page(
        ctx,
        &title_with_errors(ctx, &ctx.t("register-title"), errors.is_some()),
        body,
    )
}

/// Choice of the company one works for.
pub fn select(ctx: &Ctx, memberships: &[Membership]) -> Markup {
    let body = html! {
        h1 { (ctx.t("select-title")) }
        @if memberships.is_empty() {
            p { (ctx.t("select-none")) }
        } @else {
            ul.personas {
                @for m in memberships {
                    li {
                        form method="post" action=(routes::COMPANY_SELECT) {
                            (csrf_field(ctx))
                            input type="hidden" name="company_id" value=(m.company.id);
                            button.persona type="submit" data-testid=(format!("select-{}", m.company.bce)) {
                                strong { (m.company.name) } span.muted { " " (m.company.bce_formatted()) }
                                br; small { (ctx.t(&format!("role-{}", m.role.as_str()))) }
                            }
                        }
                    }
                }
            }
        }
        p { a.button.secondary href=(routes::COMPANY_REGISTER) data-testid="register-link" { (ctx.t("register-title")) } }
    };
    page(ctx, &ctx.t("select-title"), body)
}

/// The terms of use, to be accepted by the main access manager.
pub fn terms(ctx: &Ctx, m: &Membership) -> Markup {
    let body = html! {
        h1 { (ctx.t("terms-title")) }
        p { strong { (m.company.name) } " (" (m.company.bce_formatted()) ")" }
        p.muted { (ctx.lang.t_args("terms-version", &[("version", TERMS_VERSION.into())])) }
        article.card {
            p { (ctx.t("terms-1")) }
            p { (ctx.t("terms-2")) }
            p { (ctx.t("terms-3")) }
            p { (ctx.t("terms-4")) }
        }
        @if m.terms_accepted {
            p { (ctx.t("terms-accepted")) } a.button href=(routes::COMPANY) { (ctx.t("continue")) }
        } @else if m.role == crate::domain::Role::MainManager {
            form method="post" action=(routes::COMPANY_TERMS) {
                (csrf_field(ctx))
                button type="submit" data-testid="accept-terms" { (ctx.t("terms-accept")) }
            }
        } @else {
            div.alert.info { (ctx.t("terms-wait")) }
        }
    };
    page(ctx, &ctx.t("terms-title"), body)
}

/// A provider's choice of client.
pub fn clients(ctx: &Ctx, m: &Membership, clients: &[Company]) -> Markup {
    let body = html! {
        div.company-bar {
            p.acting data-testid="acting-as" {
                strong { (m.company.name) } " " span.muted { "(" (m.company.bce_formatted()) ")" }
            }
            @if m.role.is_manager() {
                nav aria-label=(ctx.t("company-nav")) {
                    a href=(routes::COMPANY_USERS) data-testid="users-link" {
                        (ctx.lang.t_args("company-nav-users-of", &[("company", m.company.name.as_str().into())]))
                    }
                    " · " a href=(routes::COMPANY_API) data-testid="api-link" { (ctx.t("api-title")) }
                }
            }
        }
        h1 { (ctx.t("clients-title")) }
        p { (ctx.lang.t_args("clients-lead", &[("provider", m.company.name.as_str().into())])) }
        @if clients.is_empty() {
            p.muted data-testid="no-clients" {
                (ctx.lang.t_args("clients-none", &[("bce", m.company.bce_formatted().into())]))
            }
        }
        ul.personas {
            @for c in clients {
                li {
                    form method="post" action=(routes::COMPANY_CLIENTS) {
                        (csrf_field(ctx))
                        input type="hidden" name="client_id" value=(c.id);
                        button.persona type="submit" data-testid=(format!("client-{}", c.bce)) {
                            strong { (c.name) } span.muted { " " (c.bce_formatted()) }
                        }
                    }
                }
            }
        }
    };
    page(ctx, &ctx.t("clients-title"), body)
}

/// Users of the company: each member's role (changeable, but the main access manager's
/// and one's own), removal, and the form to add a person by NISS.
pub fn users(
    ctx: &Ctx,
    c: &CompanyCtx,
    members: &[Member],
    input: &MemberInput,
    message: UsersMessage<'_>,
) -> Markup {
    let (niss, role) = (ctx.t("col-niss"), ctx.t("col-role"));
    let errors = match message {
        UsersMessage::Errors(errors) => Some(errors),
        UsersMessage::Notice(_) => None,
    };
    let body = html! {
        (company_bar(ctx, c))
        h1 { (ctx.t("users-title")) }
        @if let UsersMessage::Notice(Some(notice)) = message {
            div.alert.success role="status" data-testid="users-notice" {
                (ctx.t(&format!("users-notice-{}", notice.as_str())))
            }
        }
        @let cols = Columns::new(ctx, &["col-person", "col-niss", "col-role", ACTIONS]);
        table.stack {
            (cols.head())
            tbody {
                @for m in members {
                    @let name = m.name.clone().unwrap_or_else(|| m.niss.formatted());
                    @let managed = m.role != crate::domain::Role::MainManager && m.niss != c.user;
                    tr data-testid="member" {
                        td data-label=(cols.label(0)) { (m.name.clone().unwrap_or_else(|| "—".to_string())) }
                        td data-label=(cols.label(1)) { (m.niss.formatted()) }
                        td data-label=(cols.label(2)) {
                            @if managed {
                                @let id = format!("role-{}", m.niss.as_str());
                                form.inline method="post" action=(routes::COMPANY_USERS) data-testid="member-role-form" {
                                    (csrf_field(ctx))
                                    input type="hidden" name="niss" value=(m.niss.as_str());
                                    label.visually-hidden for=(id) { (role) (row_name(ctx, &name)) }
                                    select id=(id) name="role" { (role_options(ctx, m.role.as_str())) }
                                    " " button.secondary type="submit" { (ctx.t("users-change-role")) (row_name(ctx, &name)) }
                                }
                            } @else {
                                (ctx.t(&format!("role-{}", m.role.as_str())))
                            }
                        }
                        td {
                            @if managed {
                                form method="post" action=(routes::COMPANY_USERS_REMOVE) data-confirm=(ctx.t("remove-confirm")) {
                                    (csrf_field(ctx))
                                    input type="hidden" name="confirmed" value="";
                                    input type="hidden" name="niss" value=(m.niss.as_str());
                                    button.secondary type="submit" { (ctx.t("remove")) (row_name(ctx, &name)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        h2 { (ctx.t("users-add")) }
        form.stack method="post" action=(routes::COMPANY_USERS) novalidate {
            (csrf_field(ctx))
            (error_summary(ctx, "form-has-errors", errors, &[("niss", "niss", &niss), ("role", "role", &role)]))
            (form_field(ctx, "niss", "niss", &niss, Some(&ctx.t("niss-help")), errors, |d| html! {
                input #niss type="text" name="niss" value=(input.niss) inputmode="numeric" aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="member-niss";
            }))
            (form_field(ctx, "role", "role", &role, None, errors, |d| html! {
                select #role name="role" aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="member-role" {
                    (role_options(ctx, &input.role))
                }
            }))
            button type="submit" data-testid="member-add" { (ctx.t("users-add")) }
        }
        @let others: Vec<&Member> = members.iter().filter(|m| m.niss != c.user).collect();
        @if c.role == crate::domain::Role::MainManager && !others.is_empty() {
            section aria-labelledby="main-title" data-testid="hand-over" {
                h2 #main-title { (ctx.t("users-main-title")) }
                p { (ctx.t("users-main-text")) }
                form.stack method="post" action=(routes::COMPANY_USERS_MAIN) data-confirm=(ctx.t("users-main-confirm-title")) {
                    (csrf_field(ctx))
                    input type="hidden" name="confirmed" value="";
                    label for="main-niss" { (ctx.t("users-main-person")) }
                    select #main-niss name="niss" {
                        @for m in &others {
                            option value=(m.niss.as_str()) {
                                (m.name.clone().unwrap_or_else(|| m.niss.formatted())) " (" (m.niss.formatted()) ")"
                            }
                        }
                    }
                    button.secondary type="submit" data-testid="hand-over-submit" { (ctx.t("users-main-submit")) }
                }
            }
        }
    };
    page(
        ctx,
        &title_with_errors(ctx, &ctx.t("users-title"), errors.is_some()),
        body,
    )
}

/// Providers designated by the company.
pub fn providers(
    ctx: &Ctx,
    c: &CompanyCtx,
    links: &[ProviderLink],
    typed: &str,
    errors: Option<&FieldErrors>,
) -> Markup {
    let bce = ctx.t("providers-bce");
    let body = html! {
        (company_bar(ctx, c))
        h1 { (ctx.t("providers-title")) }
        p.lead { (ctx.t("providers-lead")) }
        @if links.is_empty() { p.muted { (ctx.t("providers-none")) } }
        ul {
            @for l in links {
                li data-testid="provider" {
                    strong { (l.provider.name) } " (" (l.provider.bce_formatted()) ") — "
                    (ctx.lang.t_args("since", &[("date", ctx.lang.date(l.created_at.date_naive()).into())])) " "
                    form.inline method="post" action=(routes::provider_end(l.id)) data-confirm=(ctx.t("providers-end-confirm")) {
                        (csrf_field(ctx))
                        input type="hidden" name="confirmed" value="";
                        button.secondary type="submit" data-testid="provider-end" { (ctx.t("providers-end")) (row_name(ctx, &l.provider.name)) }
                    }
                }
            }
        }
        h2 { (ctx.t("providers-add")) }
        form.stack method="post" action=(routes::COMPANY_PROVIDERS) novalidate {
            (csrf_field(ctx))
            (error_summary(ctx, "form-has-errors", errors, &[("bce", "bce", &bce)]))
            (form_field(ctx, "bce", "bce", &bce, Some("0412.345.614"), errors, |d| html! {
                input #bce type="text" name="bce" value=(typed) aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="provider-bce";
            }))
            button type="submit" data-testid="provider-add" { (ctx.t("providers-add")) }
        }
    };
    page(
        ctx,
        &title_with_errors(ctx, &ctx.t("providers-title"), errors.is_some()),
        body,
    )
}
