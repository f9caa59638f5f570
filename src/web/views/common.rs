//! Small pieces shared by the views of several areas.

use maud::{Markup, html};

use crate::{
    domain::events::SystemNote,
    i18n::Lang,
    services::{FieldErrors, companies::CompanyCtx, requests::requester_name},
    web::context::Ctx,
};

/// "Resto Pokébowl" or "Socialia on behalf of Resto Pokébowl".
pub fn acting_as(lang: Lang, c: &CompanyCtx) -> String {
    requester_name(
        lang,
        &c.principal_company().name,
        c.provider().map(|p| p.name.as_str()),
    )
}

/// What a form control carries so that its hint and its error are read with it: the ids of
/// both in `aria-describedby`, and `aria-invalid="true"` when it has an error. Handed by
/// [`form_field`] to the closure that writes the control.
pub struct Described {
    /// `aria-describedby`: the hint's id and the error's id, when there are any.
    pub by: Option<String>,
    /// `aria-invalid`: `Some("true")` when the field has an error.
    pub invalid: Option<&'static str>,
}

/// The id of a field's hint.
pub fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

/// The id of a field's error message.
pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The fluent key of the error of field `name`, if it has one.
pub fn error_of<'e>(errors: Option<&'e FieldErrors>, name: &str) -> Option<&'e str> {
    errors.and_then(|e| e.get(name)).copied()
}

/// The `aria-describedby` and `aria-invalid` of the control `id` of field `name`.
pub fn described(id: &str, name: &str, has_hint: bool, errors: Option<&FieldErrors>) -> Described {
    let error = error_of(errors, name).is_some();
    let ids: Vec<String> = [has_hint.then(|| hint_id(id)), error.then(|| error_id(id))]
        .into_iter()
        .flatten()
        .collect();
    Described {
        by: (!ids.is_empty()).then(|| ids.join(" ")),
        invalid: error.then_some("true"),
    }
}

/// The error message of a field (with the id its control points at), or nothing.
pub fn field_error(ctx: &Ctx, id: &str, name: &str, errors: Option<&FieldErrors>) -> Markup {
    html! {
        @if let Some(key) = error_of(errors, name) {
            p.field-error id=(error_id(id)) data-testid=(format!("error-{name}")) {
                (ctx.t(key))
            }
        }
    }
}

/// The one form field of every form: the label, the control (written by `control` with the
/// [`Described`] attributes it must carry), the hint and the error message, linked. `id` is
/// the control's id (the label's `for`, the error summary's link), `name` the field's name
/// in the [`FieldErrors`].
pub fn form_field(
    ctx: &Ctx,
    id: &str,
    name: &str,
    label: &str,
    hint: Option<&str>,
    errors: Option<&FieldErrors>,
    control: impl FnOnce(&Described) -> Markup,
) -> Markup {
    let d = described(id, name, hint.is_some(), errors);
    html! {
        div.field {
            label for=(id) { (label) }
            (control(&d))
            @if let Some(h) = hint { small.hint id=(hint_id(id)) { (h) } }
            (field_error(ctx, id, name, errors))
        }
    }
}

/// The summary at the top of a form with errors: a heading (`title_key`) and one link per
/// error to its field ("Label: message"), in the order of `fields` (`(name, id, label)`).
/// Focusable, so that a script may move the focus to it (`#error-summary`).
pub fn error_summary(
    ctx: &Ctx,
    title_key: &str,
    errors: Option<&FieldErrors>,
    fields: &[(&str, &str, &str)],
) -> Markup {
    let Some(errors) = errors.filter(|e| !e.is_empty()) else {
        return html! {};
    };
    let mut links: Vec<(Option<String>, String)> = fields
        .iter()
        .filter_map(|(name, id, label)| {
            errors.get(name).map(|key| {
                let text = ctx.lang.t_args(
                    "error-summary-link",
                    &[
                        ("label", label.to_string().into()),
                        ("message", ctx.t(key).into()),
                    ],
                );
                (Some(format!("#{id}")), text)
            })
        })
        .collect();
    // An error of a field the caller did not list still shows (without a link: there is
    // no field to go to).
    for (name, key) in errors {
        if !fields.iter().any(|(n, _, _)| n == name) {
            links.push((None, ctx.t(key)));
        }
    }
    html! {
        div #error-summary.alert.error.error-summary role="alert" tabindex="-1" data-error-summary
            aria-labelledby="error-summary-title" data-testid="error-summary" {
            h2 #error-summary-title { (ctx.t(title_key)) }
            ul {
                @for (href, text) in links {
                    li {
                        @if let Some(href) = href { a href=(href) { (text) } } @else { (text) }
                    }
                }
            }
        }
    }
}

/// A page's title: `title`, or "Error: title" when the page shows a form's errors.
pub fn title_with_errors(ctx: &Ctx, title: &str, has_errors: bool) -> String {
    if has_errors {
        ctx.lang
            .t_args("title-error", &[("title", title.to_string().into())])
    } else {
        title.to_string()
    }
}

/// An e-mail address that a narrow column or screen may wrap before its `@` and its dots
/// (`<wbr>`: nothing is added to what is read or copied), never inside a name.
pub fn email(address: &str) -> Markup {
    html! {
        @for (i, part) in email_parts(address).into_iter().enumerate() {
            @if i > 0 { wbr; }
            (part)
        }
    }
}

/// A sentence naming an e-mail address (a message of `locales/` with the address as an
/// argument), the address wrapping as [`email`] does.
pub fn with_email(sentence: &str, address: &str) -> Markup {
    match sentence.split_once(address).filter(|_| !address.is_empty()) {
        Some((before, after)) => html! { (before) (email(address)) (after) },
        None => html! { (sentence) },
    }
}

/// `maria.abara@example.be` as `maria`, `.abara`, `@example`, `.be`.
fn email_parts(address: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in address.char_indices() {
        if matches!(c, '.' | '@') && i > start {
            parts.push(&address[start..i]);
            start = i;
        }
    }
    parts.push(&address[start..]);
    parts
}

/// The row a repeated button acts on, in its accessible name ("Withdraw: Kitchen weekend"),
/// hidden to the eye (the row shows it).
pub fn row_name(ctx: &Ctx, name: &str) -> Markup {
    html! { span.visually-hidden { (ctx.lang.colon()) " " (name) } }
}

/// A status reason or a log note as the reader reads it: the service's own
/// ([`SystemNote`], stored in English) in the page's language, a staff member's as typed.
pub fn note_text(ctx: &Ctx, stored: &str) -> String {
    match SystemNote::of(stored) {
        Some(note) => ctx.t(note.message_key()),
        None => stored.to_string(),
    }
}

/// Why an outgoing message (a mail, a webhook delivery) failed, in words, from the error its
/// sender recorded: the message key, and the HTTP status a webhook's receiver answered.
/// `None` for an error of no known kind (the recorded text says it alone).
pub fn failure_key(error: &str) -> Option<(&'static str, Option<i64>)> {
    let key = if error.starts_with(crate::mail::LINK_ENDED) {
        "delivery-why-link-ended"
    } else if error.starts_with("permanent error") {
        "delivery-why-refused"
    } else if error.starts_with("transient error") {
        "delivery-why-deferred"
    } else if let Some(status) = error.strip_prefix("HTTP ") {
        return Some(("delivery-why-http", status.trim().parse().ok()));
    } else if error == crate::webhooks::NO_ENDPOINT {
        "delivery-why-no-endpoint"
    } else if error.starts_with(crate::seal::UNREADABLE) {
        "delivery-why-key"
    } else if [
        // lettre's (a mail)
        "Connection error",
        "network error",
        "tls error",
        // ureq's (a webhook)
        "io:",
        "timeout",
        "host not found",
        "connection failed",
    ]
    .iter()
    .any(|start| error.starts_with(start))
    {
        "delivery-why-unreachable"
    } else {
        return None;
    };
    Some((key, None))
}

/// The error of an outgoing message: why in the reader's language, then the sender's own
/// words (for whoever looks into it further).
pub fn failure(ctx: &Ctx, error: &str) -> Markup {
    let why = failure_key(error).map(|(key, status)| match status {
        Some(status) => ctx.lang.t_args(key, &[("status", status.into())]),
        None => ctx.t(key),
    });
    html! {
        @if let Some(why) = why {
            span data-testid="delivery-why" { (why) } " "
        }
        small.muted data-testid="delivery-error" { code { (error) } }
    }
}

#[cfg(test)]
mod tests {
    use super::{email, email_parts, failure_key, with_email};
    use crate::i18n::Lang;

    #[test]
    fn an_address_may_wrap_before_its_dots_and_its_at() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "maria.abara@example.be",
                &["maria", ".abara", "@example", ".be"],
            ),
            ("kim@ex.com", &["kim", "@ex", ".com"]),
            (".x@y", &[".x", "@y"]),
            ("a..b", &["a", ".", ".b"]),
            ("", &[""]),
        ];
        for (address, parts) in cases {
            assert_eq!(email_parts(address), parts, "{address}");
        }
        assert_eq!(email("a.b@c.be").into_string(), "a<wbr>.b<wbr>@c<wbr>.be");
        assert_eq!(email("<x>@y").into_string(), "&lt;x&gt;<wbr>@y");
        assert_eq!(
            with_email("Sent to a.b@c.be for <Kitchen>.", "a.b@c.be").into_string(),
            "Sent to a<wbr>.b<wbr>@c<wbr>.be for &lt;Kitchen&gt;."
        );
        assert_eq!(with_email("No address.", "").into_string(), "No address.");
        assert_eq!(with_email("Other.", "x@y.be").into_string(), "Other.");
    }

    #[test]
    fn a_failed_delivery_is_said_in_words_by_its_kind() {
        let io = |kind| ureq::Error::Io(std::io::Error::from(kind)).to_string();
        let unreachable = Some(("delivery-why-unreachable", None));
        type Case = (String, Option<(&'static str, Option<i64>)>);
        let cases: Vec<Case> = vec![
            (
                crate::mail::LINK_ENDED.to_string(),
                Some(("delivery-why-link-ended", None)),
            ),
            // lettre's words: "permanent error (550): ...", "transient error (451): ...".
            (
                "permanent error (550): 5.1.1 <maria@exampel.be>: Recipient address rejected"
                    .into(),
                Some(("delivery-why-refused", None)),
            ),
            (
                "transient error (451): 4.7.1 try again later".into(),
                Some(("delivery-why-deferred", None)),
            ),
            (
                "Connection error: Connection refused (os error 111)".into(),
                unreachable,
            ),
            // ureq's, made by ureq itself.
            (ureq::Error::HostNotFound.to_string(), unreachable),
            (ureq::Error::ConnectionFailed.to_string(), unreachable),
            (io(std::io::ErrorKind::ConnectionRefused), unreachable),
            ("HTTP 500".into(), Some(("delivery-why-http", Some(500)))),
            (
                crate::webhooks::NO_ENDPOINT.into(),
                Some(("delivery-why-no-endpoint", None)),
            ),
            // A value sealed under a key the server does not have, as the sender records it.
            (
                crate::seal::Keyring::development()
                    .open(crate::seal::Purpose::MailText, "sealed:0badcafe:AAAA")
                    .unwrap_err()
                    .to_string(),
                Some(("delivery-why-key", None)),
            ),
            ("something nobody foresaw".into(), None),
        ];
        for (error, want) in cases {
            assert_eq!(failure_key(&error), want, "{error}");
        }
        for lang in Lang::ALL {
            for key in [
                "delivery-why-link-ended",
                "delivery-why-refused",
                "delivery-why-deferred",
                "delivery-why-unreachable",
                "delivery-why-no-endpoint",
                "delivery-why-key",
            ] {
                assert!(lang.has(key), "{key} in {lang:?}");
            }
            let http = lang.t_args("delivery-why-http", &[("status", 500.into())]);
            assert!(http.contains("500"), "{lang:?}: {http}");
        }
    }
}
