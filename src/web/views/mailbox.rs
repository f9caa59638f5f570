//! The demo mailbox.

use maud::{Markup, html};

use super::layout::{Area, layout};
use crate::{
    mail::OutboxMail,
    web::{context::Ctx, routes},
};

fn delivery(ctx: &Ctx, m: &OutboxMail) -> Markup {
    html! {
        @if m.sent_at.is_some() {
            span.badge.accepted { (ctx.t("mail-sent")) }
        } @else if m.failed_at.is_some() {
            span.badge.refused { (ctx.t("mail-failed")) }
        } @else {
            span.badge.pending { (ctx.t("mail-queued")) }
        }
    }
}

/// The language of a mail (it may differ from the page's: the request's), for its `lang`.
fn mail_lang(m: &OutboxMail) -> Option<&'static str> {
    m.written.language().map(|l| l.code())
}

/// The list of mails, newest first.
pub fn inbox(ctx: &Ctx, mails: &[OutboxMail]) -> Markup {
    let body = html! {
        h1 { (ctx.t("mailbox-title")) }
        p.lead { (ctx.t("mailbox-lead")) }
        @if mails.is_empty() {
            p.muted { (ctx.t("mailbox-empty")) }
        } @else {
            @let cols = super::Columns::new(ctx, &["mail-to", "mail-subject", "mail-date", "col-status"]);
            table.stack {
                (cols.head())
                tbody {
                    @for m in mails {
                        tr data-testid="mail" {
                            td data-label=(cols.label(0)) { (super::common::email(&m.written.recipient)) }
                            td data-label=(cols.label(1)) { a href=(routes::mailbox_mail(m.id)) lang=[mail_lang(m)] data-testid="mail-open" { (m.written.subject) } }
                            td data-label=(cols.label(2)) { (ctx.lang.datetime(m.written.created_at)) }
                            td data-label=(cols.label(3)) { (delivery(ctx, m)) }
                        }
                    }
                }
            }
        }
    };
    layout(ctx, &ctx.t("mailbox-title"), Area::Public, body)
}

/// One mail: the plain-text body (links clickable), and the delivery status.
pub fn message(ctx: &Ctx, m: &OutboxMail) -> Markup {
    let body = html! {
        p { a href=(routes::MAILBOX) { "← " (ctx.t("mailbox-title")) } }
        h1 lang=[mail_lang(m)] data-testid="mail-subject" { (m.written.subject) }
        p { strong { (ctx.t("mail-to")) (ctx.lang.colon()) " " } (super::common::email(&m.written.recipient)) " · " (ctx.lang.datetime(m.written.created_at)) " · " (delivery(ctx, m)) }
        @if let Some(e) = &m.last_error { p { (ctx.t("mail-last-error")) (ctx.lang.colon()) " " (super::common::failure(ctx, e)) } }
        @if m.written.body_text.starts_with(crate::seal::UNREADABLE) {
            // Said once: by the last error when the sender gave it up for that.
            @if !m.last_error.as_deref().is_some_and(|e| e.starts_with(crate::seal::UNREADABLE)) {
                p.card data-testid="mail-body" { (super::common::failure(ctx, &m.written.body_text)) }
            }
        } @else {
            article.card lang=[mail_lang(m)] data-testid="mail-body" {
                @for line in m.written.body_text.lines() {
                    @if line.starts_with("http://") || line.starts_with("https://") {
                        p { a href=(line) data-testid="mail-link" { (line) } }
                    } @else if !line.is_empty() {
                        p { (line) }
                    }
                }
            }
        }
    };
    layout(ctx, &m.written.subject, Area::Public, body)
}
