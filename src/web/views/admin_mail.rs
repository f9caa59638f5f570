//! The back office's action on a request's e-mail: send again one that was given up.

use maud::{Markup, html};

use super::csrf_field;
use crate::{
    auth::StaffRole,
    domain::RequestStatus,
    services::backoffice::{
        may_follow,
        timeline::{MailRow, Timeline},
    },
    web::{context::Ctx, routes},
};

/// The "send again" button of a mail given up, while its request is pending (staff who
/// follow requests only; the action is audited).
pub fn resend_button(ctx: &Ctx, role: StaffRole, t: &Timeline, m: &MailRow) -> Markup {
    let shown = may_follow(role)
        && t.status == RequestStatus::Pending
        && m.failed_at.is_some()
        && m.sent_at.is_none();
    html! {
        @if shown {
            form.inline method="post" action=(routes::admin_mail_resend(t.request.id, m.id)) {
                (csrf_field(ctx))
                br;
                button.secondary type="submit" data-testid="resend-mail" { (ctx.t("admin-resend-mail")) }
            }
        }
    }
}
