//! The back office's staff page: the members with their role, and the supervisors' forms.

use maud::{Markup, html};

use super::{
    admin_frame::{page, role_key},
    common::row_name,
    csrf_field,
};
use crate::{
    db::staff::StaffMember,
    domain::StaffRole,
    web::{context::Ctx, routes},
};

/// The notices the page shows after a change (`?notice=`).
pub const NOTICES: &[&str] = &["added", "role-changed", "removed", "sessions-ended"];

/// The add form as typed, with its error.
#[derive(Default)]
pub struct AddForm<'a> {
    /// The NISS typed.
    pub niss: &'a str,
    /// The role chosen.
    pub role: Option<StaffRole>,
    /// The message key of an error.
    pub error: Option<&'static str>,
}

fn role_options(ctx: &Ctx, selected: StaffRole) -> Markup {
    html! {
        @for role in StaffRole::ALL {
            option value=(role.as_str()) selected[role == selected] { (ctx.t(role_key(role))) }
        }
    }
}

/// The staff page: members, their role (changeable), removal, ending their sessions; the
/// form to add a person by NISS. `message` is a notice (`NOTICES`) or an error key.
pub fn staff_page(
    ctx: &Ctx,
    members: &[StaffMember],
    form: &AddForm,
    message: Option<&str>,
) -> Markup {
    let title = ctx.t("admin-staff-title");
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("admin-staff-lead")) }
        @if let Some(m) = message {
            @if NOTICES.contains(&m) {
                div.alert.success role="status" data-testid="staff-notice" { (ctx.t(&format!("admin-staff-notice-{m}"))) }
            } @else {
                div.alert.error role="alert" data-testid="staff-error" { (ctx.t(m)) }
            }
        }
        @let cols = super::Columns::new(ctx, &["admin-staff-name", "admin-staff-niss", "admin-staff-role", "admin-col-action"]);
        table.stack data-testid="staff-table" {
            (cols.head())
            tbody {
                @for m in members {
                    tr data-testid="staff-row" data-niss=(m.niss.masked()) data-role=(m.role.as_str()) {
                        td data-label=(cols.label(0)) { (m.display_name) }
                        td data-label=(cols.label(1)) { (m.niss.masked()) }
                        td data-label=(cols.label(2)) {
                            form.inline method="post" action=(routes::admin_staff_action(m.id, "role")) {
                                (csrf_field(ctx))
                                label.visually-hidden for=(format!("role-{}", m.id)) { (ctx.t("admin-staff-role")) }
                                select id=(format!("role-{}", m.id)) name="role" { (role_options(ctx, m.role)) }
                                " " button.secondary type="submit" { (ctx.t("admin-staff-change-role")) (row_name(ctx, &m.display_name)) }
                            }
                        }
                        td data-label=(cols.label(3)) {
                            form.inline method="post" action=(routes::admin_staff_action(m.id, "end-sessions")) {
                                (csrf_field(ctx))
                                button.secondary type="submit" { (ctx.t("admin-staff-end-sessions")) (row_name(ctx, &m.display_name)) }
                            }
                            " "
                            form.inline method="post" action=(routes::admin_staff_action(m.id, "remove"))
                                data-confirm=(ctx.t("admin-staff-remove-question")) {
                                (csrf_field(ctx))
                                button.danger type="submit" { (ctx.t("admin-staff-remove")) (row_name(ctx, &m.display_name)) }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="staff-add-title" {
            h2 #staff-add-title { (ctx.t("admin-staff-add-title")) }
            @if let Some(key) = form.error {
                div #staff-add-error.alert.error role="alert" data-testid="staff-add-error" { (ctx.t(key)) }
            }
            form.stack method="post" action=(routes::ADMIN_STAFF) data-testid="staff-add-form" {
                (csrf_field(ctx))
                label for="staff-niss" { (ctx.t("admin-staff-niss")) }
                input #staff-niss type="text" name="niss" value=(form.niss) inputmode="numeric"
                    autocomplete="off" placeholder="YY.MM.DD-SSS.CC" required
                    aria-invalid=[form.error.map(|_| "true")] aria-describedby=[form.error.map(|_| "staff-add-error")];
                label for="staff-role" { (ctx.t("admin-staff-role")) }
                select #staff-role name="role" { (role_options(ctx, form.role.unwrap_or(StaffRole::Agent))) }
                button type="submit" { (ctx.t("admin-staff-add")) }
            }
        }
    };
    let title = super::common::title_with_errors(ctx, &title, form.error.is_some());
    page(ctx, &title, Some(StaffRole::Supervisor), body)
}
