//! Confirmation pages of the company app's destructive actions (withdraw a request, remove
//! a user, end a provider's designation, revoke an API client): the path without
//! JavaScript. With it, the form's `data-confirm` dialog asks and the form says
//! `confirmed=yes`; without, the same POST without `confirmed=yes` answers this page.

use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::{
    company::{company_bar, page},
    csrf_field,
};
use crate::{services::companies::CompanyCtx, web::context::Ctx};

/// A destructive action to confirm on a page of its own (the path without JavaScript;
/// with it, the `data-confirm` dialog asks and the form says `confirmed=yes`).
pub struct Confirmation {
    /// The page's title and heading (a question).
    pub title_key: &'static str,
    /// What the action does.
    pub text_key: &'static str,
    /// The confirming button.
    pub yes_key: &'static str,
    /// What the action acts on, in words (a request's label, a person, a company, a client).
    pub object: String,
    /// The form's action (the same POST route, now confirmed).
    pub action: String,
    /// The form's other fields.
    pub fields: Vec<(&'static str, String)>,
    /// Where "No" leads.
    pub back: String,
}

/// The confirmation page of a destructive action: what it acts on, what it does, Yes (the
/// same POST, confirmed) or No (back, nothing done).
pub fn confirm_page(ctx: &Ctx, c: &CompanyCtx, conf: &Confirmation) -> Markup {
    let title = ctx.t(conf.title_key);
    let body = html! {
        (company_bar(ctx, c))
        h1 { (title) }
        p data-testid="confirm-object" { strong { (conf.object) } }
        p { (ctx.t(conf.text_key)) }
        div.answers {
            form method="post" action=(conf.action) data-testid="confirm-form" {
                (csrf_field(ctx))
                @for (name, value) in &conf.fields {
                    input type="hidden" name=(name) value=(value);
                }
                input type="hidden" name="confirmed" value="yes";
                button.danger type="submit" data-testid="confirm-yes" { (ctx.t(conf.yes_key)) }
            }
            a.button.secondary href=(conf.back) data-testid="confirm-no" { (ctx.t("confirm-cancel")) }
        }
    };
    page(ctx, &title, body)
}

/// A request as its withdrawal's confirmation names it: its label (or when it was
/// created) and the candidate's e-mail.
pub fn request_named(
    ctx: &Ctx,
    label: Option<&str>,
    email: Option<&str>,
    created_at: DateTime<Utc>,
) -> String {
    let label = match label {
        Some(label) => label.to_string(),
        None => ctx.lang.t_args(
            "request-created-at",
            &[("at", ctx.lang.datetime(created_at).into())],
        ),
    };
    match email {
        Some(email) => format!("{label} — {email}"),
        None => label,
    }
}
