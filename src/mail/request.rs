//! The e-mail announcing an access request to the candidate, in the request's language,
//! plain text and HTML.

use chrono::{DateTime, Utc};
use maud::html;
use uuid::Uuid;

use super::{NewMail, Written};
use crate::{
    domain::{Context, text::single_line},
    i18n::Lang,
    privacy::notice,
    settings::Contact,
};

/// The path of the help for candidates without a Belgian national number (the web side's
/// `routes::CITIZEN_HELP_FOREIGNERS` is this path): the request e-mail links to it.
pub const HELP_FOREIGNERS_PATH: &str = "/me/help/foreigners";

/// The addresses of the citizen's side that a request e-mail carries, and the data keys
/// that seal its text in the outbox.
#[derive(Clone, Debug)]
pub struct CitizenUrls {
    /// The citizen's link without its secret: `https://host/r/`.
    pub link_base: String,
    /// The help for candidates without a Belgian national number (absolute).
    pub help_foreigners: String,
    /// The contact and help entry.
    pub contact: Contact,
    /// The keys that seal the mail's text in the outbox.
    pub keys: crate::seal::Keyring,
}

/// What the request e-mail says.
#[derive(Clone, Debug)]
pub struct RequestMail<'a> {
    /// The request.
    pub request_id: Uuid,
    /// The candidate's address.
    pub recipient: &'a str,
    /// The e-mail's language.
    pub lang: Lang,
    /// What is asked for.
    pub context: Context,
    /// Who asks: "Resto Pokébowl", or "Socialia on behalf of Resto Pokébowl".
    pub requester: &'a str,
    /// The single-use link.
    pub link: &'a str,
    /// The official host name, as genuine links show it.
    pub host: &'a str,
    /// The help for candidates without a Belgian national number (absolute URL).
    pub help_foreigners: &'a str,
    /// The contact and help entry.
    pub contact: &'a Contact,
    /// When the link ends (the mail is tried until then).
    pub link_ends: DateTime<Utc>,
    /// The mail of a new link: it says that the earlier mail's link no longer works, and
    /// until when this one does.
    pub replaces: bool,
}

impl RequestMail<'_> {
    /// The mail to write to the outbox at `now`. Every value that came from someone's
    /// input goes in as one line of visible text ([`single_line`]): names are refused with
    /// such characters at input, and a name stored before that rule still cannot add a
    /// line (a fake link) to the mail; lettre encodes the headers.
    pub fn render(&self, now: DateTime<Utc>) -> NewMail {
        let lang = self.lang;
        let context = lang.t(self.context.name_key());
        let requester = single_line(self.requester);
        let link = single_line(self.link);
        let args = || {
            vec![
                ("requester", requester.as_ref().into()),
                ("context", context.clone().into()),
                ("host", self.host.into()),
                ("months", i64::from(self.context.access_months()).into()),
            ]
        };
        let subject = lang.t_args("mail-request-subject", &args());
        let intro = lang.t_args("mail-request-intro", &args());
        let what = lang.t_args("mail-request-what", &args());
        let deadline = if self.replaces {
            lang.t_args(
                "mail-request-deadline-until",
                &[("date", lang.datetime(self.link_ends).into())],
            )
        } else {
            lang.t_args("mail-request-deadline", &args())
        };
        let replaces = self.replaces.then(|| lang.t("mail-request-replaces"));
        let genuine = lang.t_args("mail-request-genuine", &args());
        let ignore = lang.t("mail-request-ignore");
        let action = lang.t("mail-request-action");
        let colon = lang.colon();
        let n = notice(lang, self.context);
        let [purpose, legal_basis, _] = n.labelled(lang).map(|(label, text)| {
            lang.t_args(
                "label-value",
                &[("label", label.into()), ("value", text.into())],
            )
        });
        let foreigners = lang.t_args(
            "mail-request-foreigners",
            &[("url", self.help_foreigners.into())],
        );
        let contact = lang.t_args(
            "mail-request-contact",
            &[("contact", self.contact.shown(lang).into())],
        );
        let link = link.as_ref();
        let first = replaces
            .as_ref()
            .map(|r| format!("{r}\n\n"))
            .unwrap_or_default();
        let body_text = format!(
            "{first}{intro}\n\n{what}\n\n{purpose}\n{legal_basis}\n\n{action}{colon}\n{link}\n\n{deadline}\n\n{genuine}\n\n{foreigners}\n\n{ignore}\n\n{contact}\n"
        );
        let body_html = html! {
            (maud::DOCTYPE)
            html lang=(lang.code()) {
                head { meta charset="utf-8"; title { (subject) } }
                body {
                    @if let Some(r) = &replaces { p { strong { (r) } } }
                    p { (intro) }
                    p { (what) }
                    p { small { (purpose) br; (legal_basis) } }
                    p { a href=(link) { (action) } }
                    p { (deadline) }
                    p { small { (genuine) } }
                    p { small { (foreigners) } }
                    p { small { (ignore) } }
                    p { small { (contact) } }
                }
            }
        }
        .into_string();
        NewMail {
            written: Written {
                request_id: Some(self.request_id),
                recipient: self.recipient.to_string(),
                subject,
                body_text,
                body_html,
                created_at: now,
            },
            next_attempt_at: now,
            give_up_at: self.link_ends,
        }
    }
}

/// The host name of a base URL (`https://mandat.example/` gives `mandat.example`).
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, h)| h).unwrap_or(url);
    rest.split('/').next().unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_name_adds_a_line_or_a_header() {
        let mail = |requester: &str| {
            RequestMail {
                request_id: Uuid::nil(),
                recipient: "maria@example.be",
                lang: Lang::En,
                context: Context::FlexiJob,
                requester,
                link: "https://mandat.example/r/secret",
                host: "mandat.example",
                help_foreigners: "https://mandat.example/me/help/foreigners",
                contact: &Contact::Address("help@mandat.example".into()),
                link_ends: Utc::now(),
                replaces: false,
            }
            .render(Utc::now())
            .written
        };
        let plain = mail("Resto Pokébowl");
        let evil = mail(
            "Resto\r\n\r\nOpen this link: https://evil.example\r\nBcc: x@evil.example\u{202e}",
        );
        assert_eq!(
            evil.body_text.lines().count(),
            plain.body_text.lines().count(),
            "{}",
            evil.body_text
        );
        assert!(
            !evil
                .body_text
                .lines()
                .any(|l| l.starts_with("Open this link"))
        );
        assert!(!evil.subject.contains(['\r', '\n', '\u{202e}']));
        assert!(!evil.body_html.contains('\u{202e}'));
        // The message lettre builds from it has the headers we set, and no other.
        let message = lettre::Message::builder()
            .from("mandat <no-reply@mandat.example>".parse().unwrap())
            .to(evil.recipient.parse().unwrap())
            .subject(evil.subject.clone())
            .body(evil.body_text.clone())
            .unwrap();
        let raw = String::from_utf8(message.formatted()).unwrap();
        let head = raw.split("\r\n\r\n").next().unwrap();
        let names: Vec<&str> = head
            .split("\r\n")
            .filter(|l| !l.starts_with([' ', '\t']))
            .map(|l| l.split(':').next().unwrap())
            .collect();
        let known = [
            "From",
            "To",
            "Subject",
            "Date",
            "MIME-Version",
            "Content-Type",
            "Content-Transfer-Encoding",
        ];
        assert!(names.iter().all(|n| known.contains(n)), "{head}");
        assert!(!names.contains(&"Bcc"), "{head}");
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://mandat.example"), "mandat.example");
        assert_eq!(host_of("http://localhost:8080/"), "localhost:8080");
        assert_eq!(host_of("mandat.example"), "mandat.example");
    }
}
