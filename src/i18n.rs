//! Languages: fluent messages from `locales/<lang>/*.ftl`, negotiation (explicit choice >
//! cookie > `Accept-Language` > French), and per-language formatting of dates and numbers.

use std::{borrow::Cow, collections::HashMap, sync::LazyLock};

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use fluent_templates::{
    Loader,
    fluent_bundle::{FluentArgs, FluentValue},
    static_loader,
};
use unic_langid::LanguageIdentifier;

pub mod typography;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        customise: |bundle| {
            bundle.set_use_isolating(false);
            // The id is new to the bundle: adding it cannot fail.
            if bundle.add_function("ELIDE", elide).is_err() {
                tracing::error!("the ELIDE message function could not be added");
            }
        },
    };
}

/// Whether French elides a word before `text` (a vowel, accented or not; never before an
/// `h`, which may be aspirated, or a digit).
pub fn elides_before(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| "aeiouyàâäéèêëîïôöùûüœæ".contains(c.to_lowercase().next().unwrap_or(c)))
}

/// The message function `ELIDE("de", $name)`: "de Maria", "d'Emma" (French elision of a
/// word before a value that starts with a vowel: a name, a month).
fn elide<'a>(positional: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    let text = |v: Option<&FluentValue<'a>>| match v {
        Some(FluentValue::String(s)) => s.to_string(),
        Some(FluentValue::Number(n)) => n.as_string().to_string(),
        _ => String::new(),
    };
    let (word, value) = (text(positional.first()), text(positional.get(1)));
    match word.strip_suffix(['e', 'a']) {
        Some(stem) if elides_before(&value) => format!("{stem}'{value}").into(),
        _ => format!("{word} {value}").into(),
    }
}

/// Name of the cookie keeping the explicit language choice.
pub const LANG_COOKIE: &str = "lang";

/// The languages of the service (stored as their code).
#[derive(
    Copy,
    Clone,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Default,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Lang {
    /// French (the default).
    #[default]
    Fr,
    /// Dutch.
    Nl,
    /// German.
    De,
    /// English.
    En,
}

#[allow(clippy::expect_used)] // four static identifiers, parsed by every test run
static LANGIDS: LazyLock<[LanguageIdentifier; 4]> = LazyLock::new(|| {
    ["fr", "nl", "de", "en"].map(|c| c.parse().expect("static language identifiers are valid"))
});

impl Lang {
    /// Every language, in the order of the switcher.
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::Nl, Lang::De, Lang::En];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Nl => "nl",
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::Nl => "Nederlands",
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// Parses a code (`fr`, `NL`, `de-BE` ...).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "nl" => Some(Lang::Nl),
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn langid(self) -> &'static LanguageIdentifier {
        &LANGIDS[self as usize]
    }

    /// The message `key`.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(self.langid(), key)
    }

    /// Whether the message `key` exists in this language.
    pub fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(self.langid(), key).is_some()
    }

    /// The message `key` with arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let v = match value {
                    Arg::Str(s) => FluentValue::from(s.clone()),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*name), v)
            })
            .collect();
        LOCALES.lookup_with_args(self.langid(), key, &map)
    }

    /// A colon after a label, the way the language writes it: a no-break space before it
    /// in French (`Répondre à la demande :`), none in the other languages.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Fr => "\u{a0}:",
            Lang::Nl | Lang::De | Lang::En => ":",
        }
    }

    /// A calendar date the way the language writes it: "1er avril 2025", "1 april 2025",
    /// "1. April 2025", "1 April 2025".
    pub fn date(self, date: NaiveDate) -> String {
        let month = self.t(&format!("month-{}", date.month()));
        let (d, y) = (date.day(), date.year());
        match self {
            Lang::Fr if d == 1 => format!("1er {month} {y}"),
            Lang::Fr | Lang::Nl | Lang::En => format!("{d} {month} {y}"),
            Lang::De => format!("{d}. {month} {y}"),
        }
    }

    /// A month and year: "avril 2025".
    pub fn month_year(self, year: i32, month: u32) -> String {
        format!("{} {year}", self.t(&format!("month-{month}")))
    }

    /// The time of an instant in Belgian local time: "14:05".
    pub fn time(self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&chrono_tz::Europe::Brussels);
        format!("{:02}:{:02}", local.hour(), local.minute())
    }

    /// An instant in Belgian local time: "4 avril 2025, 14:05".
    pub fn datetime(self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&chrono_tz::Europe::Brussels);
        let time = self.time(at);
        let date = self.date(local.date_naive());
        match self {
            Lang::Fr => format!("{date} à {time}"),
            Lang::Nl => format!("{date} om {time}"),
            Lang::De => format!("{date} um {time}"),
            Lang::En => format!("{date} at {time}"),
        }
    }

    /// A whole number with the language's digit grouping: "12 345" (narrow no-break
    /// space), "12.345", "12,345".
    pub fn number(self, n: i64) -> String {
        let sep = match self {
            Lang::Fr => "\u{202f}",
            Lang::Nl | Lang::De => ".",
            Lang::En => ",",
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(ch);
        }
        if n < 0 { format!("-{out}") } else { out }
    }
}

/// A message argument.
#[derive(Clone, Debug)]
pub enum Arg {
    /// Text.
    Str(String),
    /// A number (plural rules apply).
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}

/// Picks the language: an explicit choice (query), else the cookie, else the best of
/// `Accept-Language`, else French.
pub fn negotiate(explicit: Option<&str>, cookie: Option<&str>, accept: Option<&str>) -> Lang {
    explicit
        .and_then(Lang::from_code)
        .or_else(|| cookie.and_then(Lang::from_code))
        .or_else(|| accept.and_then(from_accept_language))
        .unwrap_or_default()
}

/// The preferred supported language of an `Accept-Language` header, by quality.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, usize, Lang)> = None;
    for (index, part) in header.split(',').enumerate() {
        let mut pieces = part.trim().split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let q = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .map(|q| q.trim().parse::<f32>().unwrap_or(0.0))
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        if let Some(lang) = Lang::from_code(tag) {
            let better = match best {
                None => true,
                Some((bq, bi, _)) => q > bq || (q == bq && index < bi),
            };
            if better {
                best = Some((q, index, lang));
            }
        }
    }
    best.map(|(_, _, lang)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys_of(lang: &str) -> BTreeSet<String> {
        let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).expect("locale folder") {
            let path = entry.expect("entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("ftl file");
            let resource = fluent_templates::fluent_bundle::FluentResource::try_new(text)
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    keys.insert(m.id.name.to_string());
                }
            }
        }
        keys
    }

    #[test]
    fn every_context_of_the_registry_has_its_messages_in_every_language() {
        use crate::domain::Context;
        for context in Context::all() {
            let mut keys = vec![
                context.name_key().to_string(),
                context.description_key().to_string(),
            ];
            keys.extend(Context::KEY_FAMILIES.iter().map(|f| context.key(f)));
            for lang in Lang::ALL {
                let known = keys_of(lang.code());
                for key in &keys {
                    assert!(known.contains(key), "{key} in {lang:?}");
                }
            }
        }
    }

    /// The text of every `.ftl` file of `lang`, messages and comments.
    fn texts_of(lang: &str) -> String {
        let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
        let mut all = String::new();
        for entry in std::fs::read_dir(&dir).expect("locale folder") {
            let path = entry.expect("entry").path();
            if path.extension().and_then(|e| e.to_str()) == Some("ftl") {
                all.push_str(&std::fs::read_to_string(&path).expect("ftl file"));
            }
        }
        all
    }

    #[test]
    fn one_thing_has_one_name_in_each_language() {
        // The word each language uses for a thing, and the words it must not use for it
        // (a reader would wonder whether "Bedrijf" is another thing than "Onderneming").
        let glossary = [
            ("nl", "onderneming", &["bedrijf"][..]),
            ("de", "Bewerber", &["Kandidat"][..]),
            ("fr", "entreprise", &["société"][..]),
        ];
        for (lang, word, others) in glossary {
            let text = texts_of(lang).to_lowercase();
            assert!(text.contains(&word.to_lowercase()), "{lang} says {word}");
            for other in others {
                assert!(
                    !text.contains(&other.to_lowercase()),
                    "{lang} says {other} where it says {word} elsewhere"
                );
            }
        }
    }

    #[test]
    fn a_links_last_hour_is_said_in_words() {
        let said = |lang: Lang, hours: i64| lang.t_args("expires-in", &[("hours", hours.into())]);
        assert_eq!(said(Lang::En, 0), "expires in less than an hour");
        assert_eq!(said(Lang::En, 1), "expires in 1 hour");
        assert_eq!(said(Lang::En, 71), "expires in 71 hours");
        assert_eq!(said(Lang::De, 0), "läuft in weniger als einer Stunde ab");
        for lang in Lang::ALL {
            assert!(!said(lang, 0).contains('0'), "{lang:?}: {}", said(lang, 0));
        }
    }

    #[test]
    fn every_job_is_named_in_every_language() {
        for job in crate::jobs::Job::ALL {
            for lang in Lang::ALL {
                assert!(lang.has(&job.label_key()), "{job:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn every_key_exists_in_every_language() {
        let all: BTreeSet<String> = Lang::ALL.iter().flat_map(|l| keys_of(l.code())).collect();
        assert!(all.len() > 50, "suspiciously few messages: {}", all.len());
        for lang in Lang::ALL {
            let have = keys_of(lang.code());
            let missing: Vec<_> = all.difference(&have).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        }
    }

    #[test]
    fn every_input_error_is_explained_in_every_language() {
        use crate::domain::{BceError, EmailError, NissError};
        let keys = [
            (BceError::Empty.message_key(), "bce-error-empty"),
            (BceError::Length.message_key(), "bce-error-length"),
            (BceError::NotDigits.message_key(), "bce-error-digits"),
            (BceError::FirstDigit.message_key(), "bce-error-first-digit"),
            (BceError::Checksum.message_key(), "bce-error-checksum"),
            (NissError::Empty.message_key(), "niss-error-empty"),
            (NissError::Length.message_key(), "niss-error-length"),
            (NissError::NotDigits.message_key(), "niss-error-digits"),
            (NissError::Checksum.message_key(), "niss-error-checksum"),
            (NissError::Date.message_key(), "niss-error-date"),
            (EmailError::Empty.message_key(), "email-error-empty"),
            (EmailError::TooLong.message_key(), "email-error-too-long"),
            (EmailError::Invalid.message_key(), "email-error-invalid"),
        ];
        for (key, expected) in keys {
            assert_eq!(key, expected);
            for lang in Lang::ALL {
                assert!(lang.has(key), "{key} in {lang:?}");
            }
        }
    }

    #[test]
    fn negotiation_order() {
        let cases = [
            (Some("de"), Some("nl"), Some("en"), Lang::De),
            (None, Some("nl"), Some("en"), Lang::Nl),
            (None, None, Some("en-GB,en;q=0.9"), Lang::En),
            (None, None, Some("es, nl-BE;q=0.8, de;q=0.9"), Lang::De),
            (None, None, Some("es"), Lang::Fr),
            (None, Some("xx"), None, Lang::Fr),
            (Some("zz"), None, Some("nl;q=0"), Lang::Fr),
            (None, None, None, Lang::Fr),
        ];
        for (explicit, cookie, accept, want) in cases {
            assert_eq!(
                negotiate(explicit, cookie, accept),
                want,
                "{explicit:?} {cookie:?} {accept:?}"
            );
        }
    }

    #[test]
    fn dates_per_language() {
        let d = NaiveDate::from_ymd_opt(2025, 4, 4).unwrap();
        assert_eq!(Lang::Fr.date(d), "4 avril 2025");
        assert_eq!(Lang::Nl.date(d), "4 april 2025");
        assert_eq!(Lang::De.date(d), "4. April 2025");
        assert_eq!(Lang::En.date(d), "4 April 2025");
        let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        assert_eq!(Lang::Fr.date(first), "1er janvier 2025");
        assert_eq!(
            Lang::De.date(NaiveDate::from_ymd_opt(2025, 3, 26).unwrap()),
            "26. März 2025"
        );
    }

    #[test]
    fn datetimes_are_in_brussels_time() {
        // 23:30 UTC on 31 December is already 1 January in Brussels (UTC+1 in winter).
        let at = DateTime::parse_from_rfc3339("2024-12-31T23:30:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(Lang::En.datetime(at), "1 January 2025 at 00:30");
        // Summer time: UTC+2.
        let at = DateTime::parse_from_rfc3339("2025-07-01T10:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(Lang::Nl.datetime(at), "1 juli 2025 om 12:00");
    }

    #[test]
    fn numbers_per_language() {
        assert_eq!(Lang::Fr.number(1234567), "1\u{202f}234\u{202f}567");
        assert_eq!(Lang::Nl.number(1234), "1.234");
        assert_eq!(Lang::De.number(-1234), "-1.234");
        assert_eq!(Lang::En.number(999), "999");
        assert_eq!(Lang::En.number(1000), "1,000");
    }

    #[test]
    fn french_elides_before_a_vowel_in_the_values_it_is_given() {
        let window = |from: &str| {
            Lang::Fr.t_args(
                "consult-flexi-window",
                &[("from", from.into()), ("to", "juin 2025".into())],
            )
        };
        assert!(window("avril 2025").contains("les mois d'avril 2025 à juin 2025"));
        assert!(window("octobre 2025").contains("les mois d'octobre 2025"));
        assert!(window("janvier 2025").contains("les mois de janvier 2025"));
        // Every month, as the calendar gives it: never "de avril".
        for month in 1..=12 {
            let text = window(&Lang::Fr.month_year(2025, month));
            assert_eq!(typography::problems(Lang::Fr, &text), Vec::<String>::new());
        }
        let balance = |name: &str| {
            Lang::Fr.t_args(
                "consult-student-balance",
                &[
                    ("date", "5 mars 2025".into()),
                    ("hours", 154.into()),
                    ("name", name.into()),
                ],
            )
        };
        assert!(balance("Emma Martin").ends_with("d'Emma Martin."));
        assert!(balance("Sarah Dumont").ends_with("de Sarah Dumont."));
        assert!(
            balance("Hélène Ivens").ends_with("de Hélène Ivens."),
            "no guess on an h"
        );
        let requester = crate::services::requests::requester_name;
        assert_eq!(
            requester(Lang::Fr, "Atelier Lumière", Some("Socialia")),
            "Socialia pour le compte d'Atelier Lumière"
        );
        assert_eq!(
            requester(Lang::Fr, "Resto Pokébowl", Some("Socialia")),
            "Socialia pour le compte de Resto Pokébowl"
        );
        assert_eq!(
            requester(Lang::Nl, "Atelier Lumière", Some("Socialia")),
            "Socialia in naam van Atelier Lumière"
        );
        assert_eq!(Lang::Fr.colon(), "\u{a0}:");
        assert_eq!(Lang::De.colon(), ":");
    }
}
