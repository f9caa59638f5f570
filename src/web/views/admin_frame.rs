//! The back office's frame, shared by its views: the page with its navigation by role,
//! the message of the action just made, and the form that asks a reason.

use maud::{Markup, html};

use super::{
    common::{error_summary, form_field},
    csrf_field,
    layout::{Area, layout},
};
use crate::{
    auth::StaffRole,
    services::{
        FieldErrors, Refusal,
        backoffice::{may_follow, may_supervise, may_train},
    },
    web::{
        context::Ctx,
        routes::{ADMIN, ADMIN_AUDIT, ADMIN_SEARCH, ADMIN_STAFF, ADMIN_TENANTS},
    },
};

/// What a page says about the action just made on it.
pub enum Problem<'a> {
    /// Done: the fluent key of the confirmation.
    Done(&'static str),
    /// Bad input: the form (`block`, `unblock`, `suspend`) and its messages.
    Invalid(&'static str, &'a FieldErrors),
    /// Not possible in this state.
    Refused(Refusal),
}

/// A back-office page: the navigation for `role`, then `body`.
pub fn page(ctx: &Ctx, title: &str, role: Option<StaffRole>, body: Markup) -> Markup {
    let body = html! {
        @if let Some(role) = role { (nav(ctx, role)) }
        (body)
    };
    layout(ctx, title, Area::Admin, body)
}

/// The back office's navigation, by role.
fn nav(ctx: &Ctx, role: StaffRole) -> Markup {
    html! {
        nav.company-bar aria-label=(ctx.t("admin-nav")) {
            a href=(ADMIN) data-testid="admin-nav-dashboard" { (ctx.t("admin-dashboard-title")) }
            @if may_follow(role) {
                " · " a href=(ADMIN_SEARCH) data-testid="admin-nav-search" { (ctx.t("admin-search-title")) }
            }
            @if may_train(role) && ctx.tenant.is_none() {
                " · " a href=(ADMIN_TENANTS) data-testid="admin-nav-tenants" { (ctx.t("tenant-title")) }
            }
            @if may_supervise(role) {
                " · " a href=(ADMIN_AUDIT) data-testid="admin-nav-audit" { (ctx.t("admin-audit-title")) }
                " · " a href=(ADMIN_STAFF) data-testid="admin-nav-staff" { (ctx.t("admin-staff-title")) }
            }
            " " span.muted data-testid="admin-role" { "(" (ctx.t(role_key(role))) ")" }
        }
    }
}

/// The message key of a role's name.
pub fn role_key(role: StaffRole) -> &'static str {
    match role {
        StaffRole::Agent => "admin-role-agent",
        StaffRole::Supervisor => "admin-role-supervisor",
        StaffRole::Trainer => "admin-role-trainer",
    }
}

/// The message of the action just made (a refusal or a confirmation).
pub fn flash(ctx: &Ctx, problem: Option<&Problem<'_>>) -> Markup {
    html! {
        @match problem {
            Some(Problem::Done(key)) => div.alert.success role="status" data-testid="admin-done" { (ctx.t(key)) },
            Some(Problem::Refused(r)) => div.alert.error role="alert" data-testid="admin-conflict" { (ctx.t(r.message_key())) },
            // The form's own error summary says it, linked to the field.
            Some(Problem::Invalid(..)) => {},
            None => {},
        }
    }
}

/// A form that asks why (block, unblock, suspend...): `name` is its form's name.
pub fn reason_form(
    ctx: &Ctx,
    action: &str,
    name: &'static str,
    submit_key: &str,
    problem: Option<&Problem<'_>>,
    danger: bool,
) -> Markup {
    let errors = match problem {
        Some(Problem::Invalid(form, errors)) if *form == name => Some(*errors),
        _ => None,
    };
    let id = format!("{name}-reason");
    let label = ctx.t("admin-field-reason");
    html! {
        form.stack method="post" action=(action) data-testid=(format!("{name}-form")) {
            (csrf_field(ctx))
            (error_summary(ctx, "admin-form-has-errors", errors, &[("reason", &id, &label)]))
            (form_field(ctx, &id, "reason", &label, None, errors, |d| html! {
                textarea id=(id) name="reason" required maxlength="500" rows="2"
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid=(format!("{name}-reason")) {}
            }))
            div {
                @if danger {
                    button.danger type="submit" data-testid=(format!("{name}-submit")) { (ctx.t(submit_key)) }
                } @else {
                    button type="submit" data-testid=(format!("{name}-submit")) { (ctx.t(submit_key)) }
                }
            }
        }
    }
}
