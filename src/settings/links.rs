//! The addresses the service's words point to: the contact and help entry of both sides,
//! the official "more information" page of each context, and the federal identification
//! service for foreigners. Each is a setting with the official page as its default.

use super::{Mode, Raw, SettingsError, parse::invalid};
use crate::{
    domain::{Context, email::Email},
    i18n::Lang,
};

/// Default of `help_contact`: the front office of the National Social Security Office,
/// which answers Dimona and Student@Work questions.
pub const DEFAULT_HELP_CONTACT: &str = "contact@rsz.fgov.be";

/// Default of `foreigners_identification_url`: the federal identification service for
/// foreigners (a digital key after a video interview, and a BIS number when needed).
pub const DEFAULT_FOREIGNERS_IDENTIFICATION_URL: &str = "https://mybelgianid.be";

/// Where the contact and help entry of every page leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Contact {
    /// An e-mail address (a `mailto:` link).
    Address(String),
    /// A page (`{lang}` stands for the reader's language).
    Page(String),
}

impl Contact {
    /// The link's target in `lang`.
    pub fn href(&self, lang: Lang) -> String {
        match self {
            Contact::Address(a) => format!("mailto:{a}"),
            Contact::Page(url) => in_language(url, lang),
        }
    }

    /// What the link shows: the address, or the page's address.
    pub fn shown(&self, lang: Lang) -> String {
        match self {
            Contact::Address(a) => a.clone(),
            Contact::Page(url) => in_language(url, lang),
        }
    }
}

/// The addresses of the service's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Links {
    /// The contact and help entry.
    pub help_contact: Contact,
    /// Where a vulnerability is reported (`/.well-known/security.txt`).
    pub security_contact: Contact,
    /// The federal identification service for foreigners (`{lang}` allowed).
    pub foreigners_identification_url: String,
    /// The "more information" page of each context, in the registry's order.
    info_urls: Vec<String>,
}

impl Links {
    /// The official page on `context`'s scheme, in `lang`.
    pub fn info_url(&self, context: Context, lang: Lang) -> String {
        let url = self
            .info_urls
            .get(context as usize)
            .map(String::as_str)
            .unwrap_or(context.def().info_page.default);
        in_language(url, lang)
    }

    /// The federal identification service for foreigners, in `lang`.
    pub fn foreigners_identification(&self, lang: Lang) -> String {
        in_language(&self.foreigners_identification_url, lang)
    }
}

/// `url` with `{lang}` replaced by the language's code.
fn in_language(url: &str, lang: Lang) -> String {
    url.replace("{lang}", lang.code())
}

/// An absolute web address: https (http outside production), a host, no space.
fn web_address(key: &str, value: &str, mode: Mode) -> Result<String, SettingsError> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    let host = rest.and_then(|r| r.split('/').next()).unwrap_or("");
    if host.is_empty() || value.contains(char::is_whitespace) || value.contains(['"', '<', '>']) {
        return Err(invalid(key, "must be an absolute https:// address"));
    }
    if mode == Mode::Production && !value.starts_with("https://") {
        return Err(invalid(key, "must use https:// in production"));
    }
    Ok(value.to_string())
}

/// A contact in the option `key`: an e-mail address (`mailto:` allowed), or a web page.
fn contact(key: &str, value: &str, mode: Mode) -> Result<Contact, SettingsError> {
    if value.starts_with("http://") || value.starts_with("https://") {
        return Ok(Contact::Page(web_address(key, value, mode)?));
    }
    let address = value.strip_prefix("mailto:").unwrap_or(value);
    let email = Email::parse(address)
        .map_err(|_| invalid(key, "must be an e-mail address or an https:// page"))?;
    Ok(Contact::Address(email.as_str().to_string()))
}

/// Reads and checks the links' settings.
pub(super) fn links(raw: &Raw, mode: Mode) -> Result<Links, SettingsError> {
    let get = |key: &str| {
        raw.get(key)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let help_contact = contact(
        "help_contact",
        &get("help_contact").unwrap_or_else(|| DEFAULT_HELP_CONTACT.to_string()),
        mode,
    )?;
    let security_contact = match get("security_contact") {
        Some(value) => contact("security_contact", &value, mode)?,
        None => help_contact.clone(),
    };
    let foreigners_identification_url = web_address(
        "foreigners_identification_url",
        &get("foreigners_identification_url")
            .unwrap_or_else(|| DEFAULT_FOREIGNERS_IDENTIFICATION_URL.to_string()),
        mode,
    )?;
    let info_urls = Context::all()
        .map(|c| {
            let page = c.def().info_page;
            let value = get(page.option).unwrap_or_else(|| page.default.to_string());
            web_address(page.option, &value, mode)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Links {
        help_contact,
        security_contact,
        foreigners_identification_url,
        info_urls,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::tests::{assert_refused, refusal};
    use crate::settings::{OPTIONS, Settings};

    #[test]
    fn every_context_s_page_is_a_documented_option_with_the_registry_s_default() {
        for c in Context::all() {
            let page = c.def().info_page;
            let doc = OPTIONS
                .iter()
                .find(|o| o.key == page.option)
                .unwrap_or_else(|| panic!("{} is not in OPTIONS", page.option));
            assert_eq!(doc.default, page.default, "{}", page.option);
        }
        let help = OPTIONS.iter().find(|o| o.key == "help_contact").unwrap();
        assert_eq!(help.default, DEFAULT_HELP_CONTACT);
        let foreigners = OPTIONS
            .iter()
            .find(|o| o.key == "foreigners_identification_url")
            .unwrap();
        assert_eq!(foreigners.default, DEFAULT_FOREIGNERS_IDENTIFICATION_URL);
    }

    #[test]
    fn defaults_overrides_and_refusals() {
        let s = Settings::from_pairs(&[]).unwrap();
        assert_eq!(
            s.links.help_contact,
            Contact::Address(DEFAULT_HELP_CONTACT.into())
        );
        assert_eq!(
            s.links.info_url(Context::StudentHours, Lang::Nl),
            "https://studentatwork.be/nl"
        );
        assert!(
            s.links
                .info_url(Context::FlexiJob, Lang::De)
                .contains("/dmfa/de/")
        );
        let s = Settings::from_pairs(&[
            ("help_contact", "https://help.example.be/{lang}/contact"),
            ("info_url_flexi_job", "https://flexi.example.be"),
        ])
        .unwrap();
        assert_eq!(
            s.links.help_contact.href(Lang::Fr),
            "https://help.example.be/fr/contact"
        );
        assert_eq!(
            s.links.info_url(Context::FlexiJob, Lang::Fr),
            "https://flexi.example.be"
        );
        let s = Settings::from_pairs(&[("help_contact", "mailto:Help@Example.BE")]).unwrap();
        assert_eq!(
            s.links.help_contact.href(Lang::En),
            "mailto:Help@example.be"
        );
        assert_refused(&[
            ("help_contact", "not an address"),
            ("help_contact", "https://"),
            ("info_url_student_hours", "studentatwork.be"),
            ("info_url_flexi_job", "javascript:alert(1)"),
            ("foreigners_identification_url", "https://a b"),
            ("security_contact", "call us"),
        ]);
        // The security contact is the help contact unless set apart.
        let s = Settings::from_pairs(&[("help_contact", "help@example.be")]).unwrap();
        assert_eq!(s.links.security_contact, s.links.help_contact);
        let s = Settings::from_pairs(&[("security_contact", "csirt@example.be")]).unwrap();
        assert_eq!(
            s.links.security_contact,
            Contact::Address("csirt@example.be".into())
        );
        let production = [
            ("mode", "production"),
            ("public_url", "https://mandat.example.be"),
            ("session_key", &"A".repeat(88)),
            ("help_contact", "http://help.example.be"),
        ];
        let err = refusal(&production);
        assert!(err.contains("MANDAT_HELP_CONTACT"), "{err}");
    }
}
