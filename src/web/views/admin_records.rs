//! Views of the back office: a company (its users; suspend, reinstate, appoint its main
//! access manager) and the staff audit.

use maud::{Markup, html};

use super::{
    admin_frame::{Problem, flash, page, reason_form},
    common::{error_summary, form_field},
    csrf_field,
};
use crate::{
    auth::StaffRole,
    services::{
        FieldErrors,
        backoffice::{
            audit::{AuditAction, AuditFilter, AuditPage, AuditTarget},
            may_supervise,
            moderation::CompanyView,
        },
    },
    web::{context::Ctx, routes},
};

/// A company: its details, suspension state, suspend and reinstate (supervisors).
pub fn company_page(
    ctx: &Ctx,
    role: StaffRole,
    c: &CompanyView,
    problem: Option<&Problem<'_>>,
) -> Markup {
    let co = &c.company;
    let body = html! {
        h1 { (co.name) }
        (flash(ctx, problem))
        dl.facts {
            dt { (ctx.t("admin-bce")) } dd data-testid="bce" { (co.bce_formatted()) }
            dt { (ctx.t("admin-kind")) } dd { (ctx.t(if co.kind == crate::domain::CompanyKind::Provider { "admin-kind-provider" } else { "admin-kind-employer" })) }
            dt { (ctx.t("admin-registered")) } dd { (ctx.lang.datetime(co.created_at)) }
            (audit_on_fact(ctx, role, co.id))
            dt { (ctx.t("admin-requests-count")) }
            dd { a href=(routes::admin_company_requests(&co.bce)) data-testid="company-requests" { (ctx.lang.number(c.requests)) } }
            dt { (ctx.t("admin-col-state")) }
            dd {
                @if let Some(at) = co.suspended_at {
                    span.badge.blocked data-testid="company-suspended" { (ctx.t("admin-suspended")) }
                    " " (ctx.lang.datetime(at))
                    @if let Some(r) = &co.suspension_reason { br; small data-testid="suspension-reason" { (r) } }
                } @else {
                    span.badge.accepted data-testid="company-active" { (ctx.t("admin-company-active")) }
                }
            }
        }
        section aria-labelledby="members-title" {
            h2 #members-title { (ctx.t("admin-members-title")) }
            @let cols = super::Columns::new(ctx, &["admin-staff-name", "admin-staff-niss", "admin-staff-role"]);
            table.stack data-testid="company-members" {
                (cols.head())
                tbody {
                    @for m in &c.members {
                        tr data-testid="company-member" {
                            td data-label=(cols.label(0)) { (m.name.as_deref().unwrap_or("—")) }
                            td data-label=(cols.label(1)) { (m.niss.masked()) }
                            td data-label=(cols.label(2)) { (ctx.t(&format!("role-{}", m.role.as_str()))) }
                        }
                    }
                }
            }
        }
        @if may_supervise(role) {
            section aria-labelledby="actions-title" {
                h2 #actions-title { (ctx.t("admin-actions-title")) }
                @if co.suspended_at.is_some() {
                    form method="post" action=(routes::admin_company_action(co.id, "reinstate")) {
                        (csrf_field(ctx))
                        button type="submit" data-testid="reinstate-submit" { (ctx.t("admin-reinstate")) }
                    }
                } @else {
                    p { (ctx.t("admin-suspend-hint")) }
                    (reason_form(ctx, &routes::admin_company_action(co.id, "suspend"), "suspend", "admin-suspend", problem, true))
                }
                h3 { (ctx.t("admin-main-title")) }
                p { (ctx.t("admin-main-hint")) }
                (appoint_form(ctx, co.id, problem))
            }
        } @else {
            p.muted data-testid="supervisor-only" { (ctx.t("admin-supervisor-only")) }
        }
    };
    let invalid = matches!(problem, Some(Problem::Invalid(..)));
    page(
        ctx,
        &super::common::title_with_errors(ctx, &co.name, invalid),
        Some(role),
        body,
    )
}

/// The appointment of a company's main access manager: the person's NISS and the reason.
fn appoint_form(ctx: &Ctx, id: uuid::Uuid, problem: Option<&Problem<'_>>) -> Markup {
    let errors = match problem {
        Some(Problem::Invalid("main-manager", errors)) => Some(*errors),
        _ => None,
    };
    let (niss, reason) = (ctx.t("admin-staff-niss"), ctx.t("admin-main-reason"));
    html! {
        form.stack method="post" action=(routes::admin_company_action(id, "main-manager")) data-testid="main-manager-form" {
            (csrf_field(ctx))
            (error_summary(ctx, "admin-form-has-errors", errors, &[("niss", "main-niss", &niss), ("reason", "main-reason", &reason)]))
            (form_field(ctx, "main-niss", "niss", &niss, Some(&ctx.t("niss-help")), errors, |d| html! {
                input #main-niss type="text" name="niss" inputmode="numeric" autocomplete="off" required
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="main-manager-niss";
            }))
            (form_field(ctx, "main-reason", "reason", &reason, None, errors, |d| html! {
                textarea #main-reason name="reason" required maxlength="500" rows="2"
                    aria-invalid=[d.invalid] aria-describedby=[d.by.as_deref()] data-testid="main-manager-reason" {}
            }))
            div { button type="submit" data-testid="main-manager-submit" { (ctx.t("admin-main-submit")) } }
        }
    }
}

/// For supervisors, a fact of a request's or company's page: the way to the staff audit's
/// entries on it (who in the back office looked at it, and did what).
pub(super) fn audit_on_fact(ctx: &Ctx, role: StaffRole, id: uuid::Uuid) -> Markup {
    let on = AuditFilter {
        on: Some(id),
        ..AuditFilter::default()
    };
    html! {
        @if may_supervise(role) {
            dt { (ctx.t("admin-audit-title")) }
            dd { a href=(routes::admin_audit(&on, 1)) data-testid="audit-on-link" { (ctx.t("admin-audit-on-see")) } }
        }
    }
}

fn action_key(action: AuditAction) -> &'static str {
    use AuditAction as A;
    match action {
        A::SearchNiss => "admin-audit-search-niss",
        A::RevealNiss => "admin-audit-reveal-niss",
        A::ViewRequest => "admin-audit-view-request",
        A::Block => "admin-audit-block",
        A::Unblock => "admin-audit-unblock",
        A::Suspend => "admin-audit-suspend",
        A::Reinstate => "admin-audit-reinstate",
        A::RunJob => "admin-audit-run-job",
        A::StaffAdd => "admin-audit-staff-add",
        A::StaffRole => "admin-audit-staff-role",
        A::StaffRemove => "admin-audit-staff-remove",
        A::StaffEndSessions => "admin-audit-staff-end-sessions",
        A::ResendMail => "admin-audit-resend-mail",
        A::TenantCreate => "admin-audit-tenant-create",
        A::TenantReset => "admin-audit-tenant-reset",
        A::TenantDelete => "admin-audit-tenant-delete",
        A::TenantClock => "admin-audit-tenant-clock",
        A::AppointMain => "admin-audit-appoint-main",
        A::AuditPerson => "admin-audit-audit-person",
    }
}

/// The filter of the audit: a staff member, an action (a GET form: the address says it).
fn audit_filter(ctx: &Ctx, a: &AuditPage) -> Markup {
    let AuditFilter { staff, action, on } = a.filter;
    html! {
        @if let Some(on) = on {
            p data-testid="audit-on" {
                (ctx.lang.t_args("admin-audit-on", &[("target", on.to_string().into())]))
                " " a href=(routes::admin_audit(&AuditFilter { on: None, ..a.filter }, 1)) data-testid="audit-on-all" { (ctx.t("admin-audit-on-all")) }
            }
        }
        form.filters method="get" action=(routes::ADMIN_AUDIT) data-testid="audit-filter" {
            @if let Some(on) = on { input type="hidden" name="on" value=(on); }
            label {
                (ctx.t("admin-col-staff"))
                select name="staff" data-testid="audit-staff" {
                    option value="" { (ctx.t("admin-audit-all-staff")) }
                    @for s in &a.staff {
                        option value=(s.id) selected[staff == Some(s.id)] {
                            @if s.removed {
                                (ctx.lang.t_args("admin-audit-removed-staff", &[("name", s.name.as_str().into())]))
                            } @else { (s.name) }
                        }
                    }
                }
            }
            label {
                (ctx.t("admin-col-audit-action"))
                select name="action" data-testid="audit-action" {
                    option value="" { (ctx.t("admin-audit-all-actions")) }
                    @for one in AuditAction::ALL {
                        option value=(one) selected[action == Some(one)] { (ctx.t(action_key(one))) }
                    }
                }
            }
            button type="submit" data-testid="audit-show" { (ctx.t("admin-audit-show")) }
        }
    }
}

/// The look-up of the entries about one person, by their NISS (a POST: never in a URL):
/// the person shown, or the form to name one.
fn audit_person(ctx: &Ctx, a: &AuditPage, errors: Option<&FieldErrors>) -> Markup {
    let label = ctx.t("admin-audit-person-niss");
    html! {
        form.filters method="post" action=(routes::ADMIN_AUDIT) data-testid="audit-person-form" {
            (csrf_field(ctx))
            (error_summary(ctx, "admin-form-has-errors", errors, &[("niss", "audit-niss", &label)]))
            (form_field(ctx, "audit-niss", "niss", &label, None, errors, |d| html! {
                input #audit-niss type="text" name="niss" inputmode="numeric" autocomplete="off" required
                    aria-invalid=[d.invalid] aria-describedby=(d.by.as_deref().map_or("audit-niss-help".to_string(), |by| format!("audit-niss-help {by}")))
                    data-testid="audit-person-niss";
            }))
            button type="submit" data-testid="audit-person-show" { (ctx.t("admin-audit-person-show")) }
        }
        p #audit-niss-help { small { (ctx.t("admin-audit-person-help")) } }
        @if let Some((_, masked)) = &a.person {
            p data-testid="audit-person" {
                (ctx.lang.t_args("admin-audit-person-about", &[("niss", masked.as_str().into())]))
                " " a href=(routes::ADMIN_AUDIT) data-testid="audit-person-all" { (ctx.t("admin-audit-on-all")) }
            }
        }
    }
}

/// The audit of staff look-ups and actions, newest first: all of it, the entries a filter
/// keeps, or those about one person (`errors`: the NISS given was refused). As on the
/// search, the NISS typed is not written back into the page's fields (only the pager's
/// hidden ones carry it).
pub fn audit_page(ctx: &Ctx, a: &AuditPage, errors: Option<&FieldErrors>) -> Markup {
    let title = ctx.t("admin-audit-title");
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("admin-audit-lead")) }
        (audit_filter(ctx, a))
        (audit_person(ctx, a, errors))
        @let (a, filter, person) = (&a.entries, &a.filter, &a.person);
        @if a.items.is_empty() {
            p data-testid="audit-empty" { (ctx.t("admin-none")) }
        } @else {
            @let cols = super::Columns::new(ctx, &["admin-col-when", "admin-col-staff", "admin-col-audit-action", "admin-col-target", "admin-col-note"]);
            table.stack data-testid="audit" {
                (cols.head())
                tbody {
                    @for e in &a.items {
                        @let action = AuditAction::parse(&e.action);
                        tr data-testid="audit-row" data-action=(e.action) {
                            td data-label=(cols.label(0)) { (ctx.lang.datetime(e.at)) }
                            td data-label=(cols.label(1)) { (e.staff) }
                            td data-label=(cols.label(2)) { (ctx.t(action.map_or("admin-actor-unknown", action_key))) }
                            td data-testid="audit-target" data-label=(cols.label(3)) {
                                @match (action.map(AuditAction::target_kind), &e.target) {
                                    (Some(AuditTarget::Request), Some(t)) => a href=(routes::admin_request(t)) { (t) },
                                    (Some(AuditTarget::Company), Some(t)) => a href=(routes::admin_company(t)) { (t) },
                                    (_, Some(t)) => (t),
                                    (_, None) => "—",
                                }
                            }
                            td data-label=(cols.label(4)) { (e.detail.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        }
        nav.pager aria-label=(ctx.t("admin-pages")) {
            span data-testid="page" { (ctx.lang.t_args("admin-page", &[("page", a.page.into())])) }
            @for (target, key, testid) in [(a.page - 1, "admin-previous", "page-previous"), (a.page + 1, "admin-next", "page-next")] {
                @if (target >= 1 && target < a.page) || (target > a.page && a.has_next) {
                    " "
                    @if let Some((niss, _)) = person {
                        // Pages about a person are POSTs too: their NISS never goes in a URL.
                        form.inline method="post" action=(routes::ADMIN_AUDIT) {
                            (csrf_field(ctx))
                            input type="hidden" name="niss" value=(niss.as_str());
                            input type="hidden" name="page" value=(target);
                            button.secondary type="submit" data-testid=(testid) { (ctx.t(key)) }
                        }
                    } @else {
                        a href=(routes::admin_audit(filter, target)) data-testid=(testid) { (ctx.t(key)) }
                    }
                }
            }
        }
    };
    page(ctx, &title, Some(StaffRole::Supervisor), body)
}
