//! The candidate's e-mail address.

use std::fmt;

use serde::Deserialize;

/// Longest accepted address, in characters.
const MAX_LEN: usize = 254;
/// Longest accepted local part (before the `@`), in characters.
const MAX_LOCAL_LEN: usize = 64;
/// Longest accepted domain label, in characters.
const MAX_LABEL_LEN: usize = 63;

/// Characters that need quoting in a local part; quoted local parts are not
/// accepted, so these are rejected outright (this also keeps addresses safe to
/// put in a mail header).
const SPECIALS: &[char] = &['(', ')', '<', '>', '[', ']', ':', ';', '@', '\\', ',', '"'];

/// A syntactically valid e-mail address, trimmed, with its domain lowercased.
///
/// Obtain one with [`Email::parse`]. The local part keeps its case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct Email(String);

/// Why a string is not an acceptable e-mail address.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing was entered.
    #[error("the e-mail address is empty")]
    Empty,
    /// Longer than 254 characters, or a local part longer than 64.
    #[error("the e-mail address is too long")]
    TooLong,
    /// Not of the form `local@domain.tld`.
    #[error("the e-mail address is not valid")]
    Invalid,
}

impl EmailError {
    /// The Fluent message key describing this error to the user.
    pub fn message_key(&self) -> &'static str {
        match self {
            Self::Empty => "email-error-empty",
            Self::TooLong => "email-error-too-long",
            Self::Invalid => "email-error-invalid",
        }
    }
}

/// Whether `local` is an acceptable unquoted local part (length checked apart).
fn valid_local(local: &str) -> bool {
    !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !local
            .chars()
            .any(|c| c.is_whitespace() || super::text::is_forbidden(c) || SPECIALS.contains(&c))
}

/// Whether `label` is a valid domain label: `[A-Za-z0-9-]`, 1 to 63
/// characters, not starting or ending with `-`.
fn valid_label(label: &str) -> bool {
    (1..=MAX_LABEL_LEN).contains(&label.len())
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Whether `domain` has at least two valid labels, the last (TLD) being two
/// or more ASCII letters.
fn valid_domain(domain: &str) -> bool {
    let Some((_, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    domain.split('.').all(valid_label)
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

impl Email {
    /// Parses an e-mail address as typed.
    ///
    /// Trims surrounding whitespace, then requires at most 254 characters,
    /// exactly one `@`, a local part of 1 to 64 characters without spaces,
    /// control characters, quoting specials, or a leading, trailing or doubled
    /// dot, and a domain of dot-separated `[A-Za-z0-9-]` labels (none starting
    /// or ending with `-`) ending in a TLD of at least two letters. The domain
    /// is lowercased.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(EmailError::Empty);
        }
        if input.chars().count() > MAX_LEN {
            return Err(EmailError::TooLong);
        }
        let Some((local, domain)) = input.split_once('@') else {
            return Err(EmailError::Invalid);
        };
        if local.chars().count() > MAX_LOCAL_LEN {
            return Err(EmailError::TooLong);
        }
        if !valid_local(local) || !valid_domain(domain) {
            return Err(EmailError::Invalid);
        }
        Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    /// The address as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same address with a well-known mailbox provider's domain, when its own domain is
    /// one typing error away from that one (a letter missing, added, changed, or two letters
    /// swapped: `gmial.com`, `hotmail.be` is left alone, `hotmial.be` gives `hotmail.be`).
    /// A request sent to a mistyped address gives its single-use link to a stranger, or to
    /// nobody: the form asks before sending it.
    pub fn suggestion(&self) -> Option<Email> {
        let (local, domain) = self.0.split_once('@')?;
        if WELL_KNOWN_DOMAINS.contains(&domain) {
            return None;
        }
        let mut near = WELL_KNOWN_DOMAINS
            .iter()
            .filter(|known| one_typo_apart(domain, known));
        let known = near.next()?;
        // Two providers as near: which one was meant cannot be told.
        if near.next().is_some() {
            return None;
        }
        Some(Self(format!("{local}@{known}")))
    }
}

/// Mailbox providers that candidates in Belgium and its neighbours use most; an address at
/// a company's own domain is never near enough to one of these to be taken for it.
const WELL_KNOWN_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.be",
    "hotmail.fr",
    "hotmail.de",
    "hotmail.nl",
    "outlook.com",
    "outlook.be",
    "outlook.fr",
    "outlook.de",
    "live.com",
    "live.be",
    "live.fr",
    "live.nl",
    "live.de",
    "msn.com",
    "yahoo.com",
    "yahoo.fr",
    "yahoo.de",
    "icloud.com",
    "me.com",
    "skynet.be",
    "telenet.be",
    "proximus.be",
    "scarlet.be",
    "voo.be",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "gmx.de",
    "gmx.net",
    "web.de",
    "t-online.de",
    "kpnmail.nl",
    "ziggo.nl",
    "protonmail.com",
    "proton.me",
];

/// Whether `a` becomes `b` by one edit: a character removed, added or replaced, or two
/// neighbours swapped (optimal string alignment distance 1).
fn one_typo_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    let swapped = ra.len() == rb.len()
        && ra.len() >= 2
        && ra[0] == rb[1]
        && ra[1] == rb[0]
        && ra[2..] == rb[2..];
    // One replaced, one removed from a, one added to a.
    swapped
        || (ra.len() == rb.len() && ra[1..] == rb[1..])
        || (ra.len() == rb.len() + 1 && ra[1..] == *rb)
        || (ra.len() + 1 == rb.len() && *ra == rb[1..])
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

parsed_string!(Email, EmailError);

#[cfg(test)]
mod tests {
    #[test]
    fn a_mistyped_providers_domain_is_suggested_and_nothing_else() {
        let cases: &[(&str, Option<&str>)] = &[
            // One letter swapped, missing, added, replaced.
            ("maria@gmial.com", Some("maria@gmail.com")),
            ("maria@gmai.com", Some("maria@gmail.com")),
            ("maria@gmaill.com", Some("maria@gmail.com")),
            ("maria@gmail.con", Some("maria@gmail.com")),
            ("Maria.Abara@HOTMIAL.BE", Some("Maria.Abara@hotmail.be")),
            ("kevin@telenet.eb", Some("kevin@telenet.be")),
            ("kevin@skynte.be", Some("kevin@skynet.be")),
            // The provider's own domains, and their siblings, stand.
            ("maria@gmail.com", None),
            ("maria@hotmail.be", None),
            ("maria@live.nl", None),
            ("maria@live.de", None),
            // A company's own domain, or one two typos away: nothing to say.
            ("jan@resto-pokebowl.be", None),
            ("jan@rsz.fgov.be", None),
            ("maria@gamil.con", None),
            ("maria@example.be", None),
            // As near to two providers (yahoo.fe: yahoo.fr or yahoo.de?): which one was
            // meant cannot be told.
            ("maria@yahoo.fe", None),
        ];
        for (typed, expected) in cases {
            let email = Email::parse(typed).unwrap();
            assert_eq!(
                email.suggestion().as_ref().map(Email::as_str),
                *expected,
                "{typed}"
            );
        }
    }

    #[test]
    fn one_typo_is_one_edit_or_one_swap() {
        let cases = [
            ("abc", "abc", false),
            ("abc", "acb", true),
            ("abc", "ab", true),
            ("abc", "abcd", true),
            ("abc", "xbc", true),
            ("abc", "bca", false),
            ("abc", "a", false),
            ("ab", "ba", true),
            ("", "a", true),
        ];
        for (a, b, expected) in cases {
            assert_eq!(super::one_typo_apart(a, b), expected, "{a} / {b}");
        }
    }

    use super::*;

    #[test]
    fn valid_addresses() {
        let cases = [
            ("maria@example.be", "maria@example.be"),
            ("  maria@example.be\n", "maria@example.be"),
            ("Maria.Peeters@Example.BE", "Maria.Peeters@example.be"),
            ("a@b.co", "a@b.co"),
            (
                "first.last+tag@sub.domain-name.example.com",
                "first.last+tag@sub.domain-name.example.com",
            ),
            ("o'brien@example.ie", "o'brien@example.ie"),
            ("élise@example.fr", "élise@example.fr"),
            ("x@1-2.example", "x@1-2.example"),
        ];
        for (input, expected) in cases {
            let email = Email::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(email.as_str(), expected, "{input}");
            assert_eq!(email.to_string(), expected, "{input}");
        }
    }

    #[test]
    fn invalid_addresses() {
        let local64 = "a".repeat(64);
        let local65 = "a".repeat(65);
        let at_local_limit = format!("{local64}@example.be");
        assert!(Email::parse(&at_local_limit).is_ok());
        // 254 characters exactly, then 255.
        let label = "d".repeat(63);
        let domain = format!("{label}.{label}.{}.be", "d".repeat(58));
        let at_limit = format!("{local64}@{domain}");
        assert_eq!(at_limit.len(), 254);
        assert!(Email::parse(&at_limit).is_ok());
        let over_limit = format!("a{at_limit}");
        let local_too_long = format!("{local65}@example.be");
        let label_too_long = format!("a@{}.be", "d".repeat(64));

        let cases: Vec<(&str, EmailError)> = vec![
            ("", EmailError::Empty),
            (" \t ", EmailError::Empty),
            (&over_limit, EmailError::TooLong),
            (&local_too_long, EmailError::TooLong),
            (&label_too_long, EmailError::Invalid),
            ("maria", EmailError::Invalid),
            ("maria@", EmailError::Invalid),
            ("@example.be", EmailError::Invalid),
            ("maria@@example.be", EmailError::Invalid),
            ("maria@exa@mple.be", EmailError::Invalid),
            ("ma ria@example.be", EmailError::Invalid),
            ("maria\r\n@example.be", EmailError::Invalid),
            ("\u{202e}airam@example.be", EmailError::Invalid),
            ("ma\u{200b}ria@example.be", EmailError::Invalid),
            ("maria\u{0}@example.be", EmailError::Invalid),
            ("\"maria\"@example.be", EmailError::Invalid),
            ("<maria>@example.be", EmailError::Invalid),
            (".maria@example.be", EmailError::Invalid),
            ("maria.@example.be", EmailError::Invalid),
            ("ma..ria@example.be", EmailError::Invalid),
            ("maria@example", EmailError::Invalid),
            ("maria@example.b", EmailError::Invalid),
            ("maria@example.b3", EmailError::Invalid),
            ("maria@example.be.", EmailError::Invalid),
            ("maria@.example.be", EmailError::Invalid),
            ("maria@example..be", EmailError::Invalid),
            ("maria@-example.be", EmailError::Invalid),
            ("maria@example-.be", EmailError::Invalid),
            ("maria@exa_mple.be", EmailError::Invalid),
            ("maria@exämple.be", EmailError::Invalid),
            ("maria@exa mple.be", EmailError::Invalid),
        ];
        for (input, error) in cases {
            assert_eq!(Email::parse(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn serde_round_trip() {
        let email = Email::parse("Maria@Example.be").unwrap();
        assert_eq!(
            serde_json::to_string(&email).unwrap(),
            "\"Maria@example.be\""
        );
        let back: Email = serde_json::from_str("\" Maria@EXAMPLE.be \"").unwrap();
        assert_eq!(back, email);
        assert!(serde_json::from_str::<Email>("\"maria\"").is_err());
    }
}
