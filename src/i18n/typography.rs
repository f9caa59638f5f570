//! One typography for the four languages, as rules a text is checked against: every
//! message of `locales/` (this module's tests) and the visible text of every page (the
//! page walk of the integration tests).
//!
//! - French: a no-break space (U+00A0) or a narrow no-break space (U+202F) before `:` `;`
//!   `?` `!` and `»`, after `«`; elision (`d'octobre`, never `de octobre`).
//! - English, Dutch, German: no space of any kind before `:` `;` `?` `!`.
//! - French writes its apostrophe one way, the straight one (`d'accès`, as `ELIDE` writes
//!   `d'Emma`): the service's own words, not what a user typed ([`apostrophe_problems`]).
//! - One word for one thing: the flexi-worker in French, the national number in German;
//!   Dutch says "in naam van", and speaks to the citizen with "je" and "jouw"
//!   ([`register_problems`], for what the citizen reads).
//!
//! - Every language: a number and the symbol of its unit (`30 s`, `20 ms`, `5 %`) are joined
//!   by a no-break space, so that a line never ends between them ([`unit_problems`]).
//!
//! A colon is punctuation when a space or the end of the text follows it (or a space
//! precedes it): `14:05` and `https://` are not.

use super::Lang;

/// No-break space.
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space.
pub const NNBSP: char = '\u{202f}';
/// What a placeable of a message (`{ $name }`) is replaced by when a pattern is checked.
pub const PLACEABLE: char = '\u{fffc}';

/// The punctuation that French spaces off with a no-break space.
const HIGH_PUNCTUATION: [char; 4] = [':', ';', '?', '!'];

/// French words that elide before a vowel (`de octobre` is `d'octobre`).
const ELIDING: [&str; 12] = [
    "de", "le", "la", "je", "me", "te", "se", "ne", "que", "jusque", "lorsque", "puisque",
];

/// Words after which French does not elide although they start with a vowel.
const NO_ELISION_BEFORE: [&str; 3] = ["onze", "oui", "ouate"];

/// Words that one language does not use, with the word it uses instead.
const ONE_TERM: &[(Lang, &str, &str)] = &[
    (Lang::Fr, "flexi-jobiste", "flexi-travailleur"),
    (Lang::Fr, "flexi-jobber", "flexi-travailleur"),
    (Lang::Fr, "flexijobiste", "flexi-travailleur"),
    (Lang::En, "flexi-jobber", "flexi-worker"),
    (Lang::En, "flexi-job worker", "flexi-worker"),
    (Lang::Nl, "flexiwerknemer", "flexi-jobber"),
    (Lang::Nl, "flexi-werknemer", "flexi-jobber"),
    (Lang::Nl, "namens", "in naam van"),
    (Lang::De, "INSZ", "Nationalregisternummer"),
    (Lang::De, "NISS", "Nationalregisternummer"),
    (Lang::De, "Nationalnummer", "Nationalregisternummer"),
    (Lang::De, "Landesregisternummer", "Nationalregisternummer"),
    (Lang::De, "Flexi-Arbeitnehmer", "Flexi-Jobber"),
];

/// Whether the character at `i` of `chars` is punctuation rather than part of a word, a
/// time or an address: a space or the end follows it, or a space precedes it.
fn is_punctuation(chars: &[char], i: usize) -> bool {
    let next = chars.get(i + 1).copied();
    let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
    let closing = |c: char| c.is_whitespace() || "»)]\"”’.,".contains(c) || c == PLACEABLE;
    next.is_none_or(closing) || prev.is_some_and(char::is_whitespace)
}

/// A few characters around position `i`, for a readable message.
fn around(chars: &[char], i: usize) -> String {
    let start = i.saturating_sub(20);
    let end = (i + 10).min(chars.len());
    chars[start..end]
        .iter()
        .map(|c| match *c {
            NBSP => '⍽',
            NNBSP => '⍽',
            PLACEABLE => '…',
            c => c,
        })
        .collect()
}

/// What is wrong with the typography of `text` in `lang` (empty when nothing).
pub fn problems(lang: Lang, text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let no_break = |c: Option<&char>| matches!(c, Some(&NBSP) | Some(&NNBSP));
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        match lang {
            Lang::Fr => {
                if HIGH_PUNCTUATION.contains(&c) && is_punctuation(&chars, i) && !no_break(prev) {
                    let what = if prev.is_some_and(|p| p.is_whitespace()) {
                        "a breaking space"
                    } else {
                        "no space"
                    };
                    out.push(format!(
                        "French: {what} before {c:?} (a no-break space is due): {:?}",
                        around(&chars, i)
                    ));
                }
                if c == '«' && !no_break(chars.get(i + 1)) {
                    out.push(format!(
                        "French: a no-break space is due after «: {:?}",
                        around(&chars, i)
                    ));
                }
                if c == '»' && !no_break(prev) {
                    out.push(format!(
                        "French: a no-break space is due before »: {:?}",
                        around(&chars, i)
                    ));
                }
            }
            Lang::En | Lang::Nl | Lang::De => {
                if HIGH_PUNCTUATION.contains(&c)
                    && is_punctuation(&chars, i)
                    && prev.is_some_and(|p| p.is_whitespace())
                {
                    out.push(format!(
                        "{}: a space before {c:?}: {:?}",
                        lang.code(),
                        around(&chars, i)
                    ));
                }
            }
        }
    }
    if lang == Lang::Fr {
        out.extend(elision_problems(text));
    }
    out.extend(unit_problems(&chars));
    out.extend(term_problems(lang, text));
    out
}

/// The symbols of units that follow a number.
const UNIT_SYMBOLS: [&str; 12] = [
    "ms", "s", "min", "h", "%", "KB", "MB", "GB", "kB", "Ko", "ko", "Mo",
];

/// A number (or a placeable) and its unit's symbol separated by a breaking space: `20 ms`.
fn unit_problems(chars: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let breaking = c.is_whitespace() && c != NBSP && c != NNBSP;
        let after_number = i
            .checked_sub(1)
            .and_then(|p| chars.get(p))
            .is_some_and(|p| p.is_ascii_digit() || *p == PLACEABLE);
        if !(breaking && after_number) {
            continue;
        }
        let rest = &chars[i + 1..];
        let unit = UNIT_SYMBOLS.iter().find(|unit| {
            let n = unit.chars().count();
            rest.len() >= n
                && rest[..n].iter().copied().eq(unit.chars())
                && rest
                    .get(n)
                    .is_none_or(|next| !next.is_alphanumeric() && !"'’-".contains(*next))
        });
        if let Some(unit) = unit {
            out.push(format!(
                "a breaking space between a number and {unit:?} (a no-break space is due): {:?}",
                around(chars, i)
            ));
        }
    }
    out
}

/// French words that should have elided: `de octobre`, `que il`.
fn elision_problems(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split(|c: char| c.is_whitespace()).collect();
    let mut out = Vec::new();
    for pair in words.windows(2) {
        let (first, second) = (pair[0], pair[1]);
        let eliding = ELIDING
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w) || first.to_lowercase() == *w);
        let Some(initial) = second.chars().next() else {
            continue;
        };
        let vowel = "aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÉÈÊÎÔÛŒÆ".contains(initial);
        let bare = second
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if eliding && vowel && !NO_ELISION_BEFORE.contains(&bare.as_str()) {
            out.push(format!("French: elide {first:?} before {second:?}"));
        }
    }
    out
}

/// Whether `text` holds `word` as a whole word (not inside a longer one).
fn has_word(text: &str, word: &str) -> bool {
    let lower_text = text.to_lowercase();
    let case_sensitive = word.chars().all(|c| !c.is_lowercase());
    let (haystack, needle) = if case_sensitive {
        (text.to_string(), word.to_string())
    } else {
        (lower_text, word.to_lowercase())
    };
    haystack.match_indices(&needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-'));
        boundary(before) && boundary(after)
    })
}

/// A typographic apostrophe (U+2019) in a French message: the service writes the
/// straight one throughout, as [`crate::i18n`]'s `ELIDE` does (`d'Emma`), so that a page
/// never mixes both. For the service's own words only: a name a user typed keeps its own.
pub fn apostrophe_problems(lang: Lang, text: &str) -> Vec<String> {
    if lang != Lang::Fr {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == '\u{2019}')
        .map(|(i, _)| {
            format!(
                "French: a typographic apostrophe (the service writes '): {:?}",
                around(&chars, i)
            )
        })
        .collect()
}

/// Words `lang` does not use ([`ONE_TERM`]).
pub fn term_problems(lang: Lang, text: &str) -> Vec<String> {
    ONE_TERM
        .iter()
        .filter(|(l, word, _)| *l == lang && has_word(text, word))
        .map(|(_, word, instead)| format!("{}: {word:?}: say {instead:?}", lang.code()))
        .collect()
}

/// What the citizen reads in Dutch speaks to them with "je" and "jouw", as the citizen
/// pages of the federal service do: never "u" or "uw".
pub fn register_problems(lang: Lang, text: &str) -> Vec<String> {
    if lang != Lang::Nl {
        return Vec::new();
    }
    // An address is no text: a link's random secret may hold "_U" or "-uw-".
    let words = || {
        text.split_whitespace()
            .filter(|chunk| !chunk.contains("://"))
            .flat_map(|chunk| chunk.split(|c: char| !c.is_alphanumeric()))
    };
    ["u", "uw", "U", "Uw"]
        .iter()
        .filter(|w| words().any(|word| word == **w))
        .map(|w| format!("nl: {w:?} on a citizen's page: say \"je\", \"jouw\""))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spacing() {
        let good = [
            "Répondre à la demande\u{a0}:",
            "Motif\u{202f}: absent",
            "Arrêter cet accès\u{a0}? L'entreprise",
            "de 14:05 à 15:00",
            "https://example.be/r?x=1",
            "«\u{a0}Cuisine\u{a0}»",
            "d'octobre 2025",
            "le onze",
        ];
        for text in good {
            assert_eq!(problems(Lang::Fr, text), Vec::<String>::new(), "{text}");
        }
        let bad = [
            "dans les 24 heures: 0",
            "Répondre à la demande:",
            "Répondre à la demande :",
            "Vraiment ?",
            "Attention!",
            "un; deux",
            "« Cuisine »",
            "les mois de octobre à décembre",
            "flexi-jobiste",
            "\u{fffc}:",
        ];
        for text in bad {
            assert!(!problems(Lang::Fr, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn french_writes_one_apostrophe() {
        assert!(apostrophe_problems(Lang::Fr, "Demande d'accès").is_empty());
        assert_eq!(
            apostrophe_problems(Lang::Fr, "Demande d\u{2019}accès, l\u{2019}entreprise").len(),
            2
        );
        // Other languages' quotation marks are theirs.
        assert!(apostrophe_problems(Lang::Nl, "Het veld \u{2018}naam\u{2019}").is_empty());
    }

    #[test]
    fn other_languages_spacing_and_terms() {
        for lang in [Lang::En, Lang::Nl, Lang::De] {
            assert!(!problems(lang, "Company : Resto").is_empty());
            assert!(!problems(lang, "Company\u{a0}: Resto").is_empty());
            assert!(!problems(lang, "Really ?").is_empty());
            assert!(problems(lang, "Company: Resto, 14:05").is_empty());
        }
        assert!(!problems(Lang::De, "Die INSZ der Person").is_empty());
        assert!(problems(Lang::De, "Die Nationalregisternummer").is_empty());
        assert!(!problems(Lang::Nl, "Namens Resto").is_empty());
        assert!(problems(Lang::Nl, "in naam van Resto").is_empty());
        assert!(!register_problems(Lang::Nl, "Hier beantwoordt u de aanvragen").is_empty());
        assert!(!register_problems(Lang::Nl, "Uw antwoord").is_empty());
        assert!(register_problems(Lang::Nl, "Jouw antwoord, je data, u-bocht").len() == 1);
        assert!(register_problems(Lang::Nl, "Jouw antwoord en je data").is_empty());
        // A link's secret is no word (a test once met "…ak_U" in an e-mail).
        assert!(
            register_problems(
                Lang::Nl,
                "De aanvraag beantwoorden: http://localhost:8080/r/AoiXQA-de9-ak_U en -uw-"
            )
            .len()
                == 1,
            "the address is skipped, the text after it is not"
        );
    }

    #[test]
    fn a_number_keeps_its_unit() {
        let good = [
            "every 30\u{a0}s)",
            "20\u{a0}ms",
            "\u{fffc}\u{a0}s.",
            "5\u{202f}%",
            "in 3 steps",
            "12 hours",
            "2 s'il",
            "2 h-index",
            "version 2 Min",
        ];
        for text in good {
            assert_eq!(
                unit_problems(&text.chars().collect::<Vec<_>>()),
                Vec::<String>::new(),
                "{text}"
            );
        }
        let bad = [
            "every 30 s)",
            "20 ms",
            "\u{fffc} s.",
            "5 %",
            "took 3 min",
            "64 KB",
        ];
        for text in bad {
            for lang in Lang::ALL {
                assert_eq!(problems(lang, text).len(), 1, "{text} in {lang:?}");
            }
        }
    }

    /// Every pattern of a message or attribute, flattened: placeables become
    /// [`PLACEABLE`], and each variant of a select expression gives its own text.
    fn texts_of(pattern: &fluent_syntax::ast::Pattern<&str>) -> Vec<String> {
        use fluent_syntax::ast::{Expression, PatternElement};
        let mut out = vec![String::new()];
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => {
                    for t in &mut out {
                        t.push_str(value);
                    }
                }
                PatternElement::Placeable { expression } => match expression {
                    Expression::Select { variants, .. } => {
                        let mut next = Vec::new();
                        for variant in variants {
                            for tail in texts_of(&variant.value) {
                                for head in &out {
                                    next.push(format!("{head}{tail}"));
                                }
                            }
                        }
                        out = next;
                    }
                    Expression::Inline(_) => {
                        for t in &mut out {
                            t.push(PLACEABLE);
                        }
                    }
                },
            }
        }
        out
    }

    /// Whether the citizen reads the message (Dutch speaks to them with "je").
    fn for_the_citizen(key: &str) -> bool {
        [
            "citizen-",
            "citizens-",
            "possibilities-",
            "mail-request-",
            "home-citizens-",
            "privacy-",
            "foreigners-candidate-",
            "purpose-",
        ]
        .iter()
        .any(|p| key.starts_with(p))
            || key.ends_with("-citizen")
    }

    #[test]
    fn every_message_of_every_language_keeps_the_typography() {
        let mut found = Vec::new();
        for lang in Lang::ALL {
            let dir = format!("{}/locales/{}", env!("CARGO_MANIFEST_DIR"), lang.code());
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .expect("locale folder")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                .collect();
            files.sort();
            for path in files {
                let source = std::fs::read_to_string(&path).expect("ftl file");
                let resource = fluent_syntax::parser::parse(source.as_str())
                    .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
                for entry in resource.body {
                    let fluent_syntax::ast::Entry::Message(message) = entry else {
                        continue;
                    };
                    let key = message.id.name;
                    let patterns = message
                        .value
                        .iter()
                        .chain(message.attributes.iter().map(|a| &a.value));
                    for pattern in patterns {
                        for text in texts_of(pattern) {
                            let mut p = problems(lang, &text);
                            p.extend(apostrophe_problems(lang, &text));
                            if for_the_citizen(key) {
                                p.extend(register_problems(lang, &text));
                            }
                            for problem in p {
                                found.push(format!(
                                    "{}: {key}: {problem}",
                                    path.file_name().unwrap_or_default().to_string_lossy()
                                ));
                            }
                        }
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "{} typography problem(s):\n{}",
            found.len(),
            found.join("\n")
        );
    }
}
