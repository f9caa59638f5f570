//! Free text typed by people (names, labels, client names, reasons): one type, [`FreeText`],
//! that every such value the service stores goes through, and the rules for writing stored
//! text where it could do harm (a line of an e-mail, a spreadsheet cell).
//!
//! A free text is one line of visible characters: control characters (Unicode category Cc:
//! NUL, tab, line breaks...), line and paragraph separators (Zl, Zp) and invisible formatting
//! characters (Cf: the bidirectional overrides and isolates U+202A-U+202E and U+2066-U+2069,
//! zero-width spaces and joiners U+200B-U+200F, the word joiner U+2060, the byte order mark
//! U+FEFF, soft hyphens...) are refused. Such characters let a name add a line to an
//! official e-mail, or show "POKEBOWL" for another company's name.

use std::borrow::Cow;
use std::fmt;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// The message key of a text holding a character that is refused (in every language).
pub const FORBIDDEN_CHARACTER_KEY: &str = "text-error-characters";

/// Whether `c` is refused in free text: a control character, a line or paragraph separator,
/// or an invisible formatting character (bidirectional controls, zero-width characters...).
pub fn is_forbidden(c: char) -> bool {
    matches!(
        c.general_category(),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// Whether `s` holds a refused character (see [`is_forbidden`]).
pub fn has_forbidden(s: &str) -> bool {
    s.chars().any(is_forbidden)
}

/// `s` with every refused character replaced by a space: for text read back from storage
/// (written before these rules, or by an operator's import) that goes into one line of
/// an e-mail or a header.
pub fn single_line(s: &str) -> Cow<'_, str> {
    if has_forbidden(s) {
        Cow::Owned(
            s.chars()
                .map(|c| if is_forbidden(c) { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Why a text was refused.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// Nothing but spaces.
    #[error("the text is empty")]
    Empty,
    /// More characters than the field takes.
    #[error("the text is too long")]
    TooLong,
    /// A control, separator or invisible formatting character.
    #[error("the text holds a character that is refused")]
    ForbiddenCharacter,
}

impl TextError {
    /// The message key: the field's own for an empty or too long text, the common one
    /// ([`FORBIDDEN_CHARACTER_KEY`]) for a refused character.
    pub fn message_key(self, empty: &'static str, too_long: &'static str) -> &'static str {
        match self {
            TextError::Empty => empty,
            TextError::TooLong => too_long,
            TextError::ForbiddenCharacter => FORBIDDEN_CHARACTER_KEY,
        }
    }
}

/// One line of visible text typed by a person, trimmed, at most a field's length.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FreeText(String);

impl FreeText {
    /// Parses a text as typed: trims the spaces around it, then refuses an empty text,
    /// one longer than `max_chars` characters, and one holding a refused character
    /// ([`is_forbidden`]).
    pub fn parse(input: &str, max_chars: usize) -> Result<FreeText, TextError> {
        let text = input.trim_matches(|c: char| c.is_whitespace() && !is_forbidden(c));
        if has_forbidden(text) {
            return Err(TextError::ForbiddenCharacter);
        }
        if text.is_empty() {
            return Err(TextError::Empty);
        }
        if text.chars().count() > max_chars {
            return Err(TextError::TooLong);
        }
        Ok(FreeText(text.to_string()))
    }

    /// Like [`FreeText::parse`], but an empty text is no text (an optional field or filter).
    pub fn parse_optional(input: &str, max_chars: usize) -> Result<Option<FreeText>, TextError> {
        match FreeText::parse(input, max_chars) {
            Ok(text) => Ok(Some(text)),
            Err(TextError::Empty) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for FreeText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for FreeText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A cell as a spreadsheet may read it safely (OWASP's CSV-injection rule): a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that no
/// spreadsheet takes it for a formula.
pub fn spreadsheet_cell(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_characters() {
        let refused = [
            '\0',
            '\u{1}',
            '\t',
            '\n',
            '\r',
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{9f}',
            // bidirectional embeddings, overrides and isolates
            '\u{202a}',
            '\u{202b}',
            '\u{202c}',
            '\u{202d}',
            '\u{202e}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{200e}',
            '\u{200f}',
            '\u{61c}',
            // zero-width and other invisible formatting characters
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2060}',
            '\u{2061}',
            '\u{feff}',
            '\u{ad}',
            '\u{180e}',
            '\u{e0001}',
            '\u{fff9}',
            // line and paragraph separators
            '\u{2028}',
            '\u{2029}',
        ];
        for c in refused {
            assert!(
                is_forbidden(c),
                "{:?} (U+{:04X}) must be refused",
                c,
                c as u32
            );
            let text = format!("Resto{c}Pokébowl");
            assert_eq!(
                FreeText::parse(&text, 100),
                Err(TextError::ForbiddenCharacter),
                "U+{:04X}",
                c as u32
            );
        }
        let allowed = [
            'a', 'é', 'ß', 'Œ', 'ñ', ' ', '\'', '&', '-', '€', '@', '=', 'ŀ', 'ő', 'Ω', 'ж', '中',
            '\u{a0}', '😀',
        ];
        for c in allowed {
            assert!(!is_forbidden(c), "{c:?} is allowed");
        }
    }

    #[test]
    fn parse_trims_and_bounds() {
        let cases: Vec<(&str, usize, Result<&str, TextError>)> = vec![
            ("Resto Pokébowl", 100, Ok("Resto Pokébowl")),
            ("  Resto Pokébowl  ", 100, Ok("Resto Pokébowl")),
            ("\u{a0}Resto\u{a0}", 100, Ok("Resto")),
            ("O'Brien & Fils", 100, Ok("O'Brien & Fils")),
            ("=SUM(A1)", 100, Ok("=SUM(A1)")),
            ("", 100, Err(TextError::Empty)),
            ("   ", 100, Err(TextError::Empty)),
            ("abcd", 3, Err(TextError::TooLong)),
            ("abc", 3, Ok("abc")),
            ("ééé", 3, Ok("ééé")),
            // A line break, even at the end, is refused rather than trimmed away silently.
            ("Resto\n", 100, Err(TextError::ForbiddenCharacter)),
            ("\tResto", 100, Err(TextError::ForbiddenCharacter)),
            (
                "Resto\r\nClick https://evil.example",
                100,
                Err(TextError::ForbiddenCharacter),
            ),
            (
                "\u{202e}lwobekoP otseR",
                100,
                Err(TextError::ForbiddenCharacter),
            ),
            ("a\u{0}b", 100, Err(TextError::ForbiddenCharacter)),
        ];
        for (input, max, want) in cases {
            let got = FreeText::parse(input, max);
            assert_eq!(
                got.as_ref().map(FreeText::as_str).map_err(|e| *e),
                want,
                "{input:?}"
            );
        }
        assert_eq!(FreeText::parse_optional("  ", 10), Ok(None));
        assert_eq!(
            FreeText::parse_optional("a\u{200b}", 10),
            Err(TextError::ForbiddenCharacter)
        );
    }

    #[test]
    fn message_keys() {
        assert_eq!(TextError::Empty.message_key("e", "l"), "e");
        assert_eq!(TextError::TooLong.message_key("e", "l"), "l");
        assert_eq!(
            TextError::ForbiddenCharacter.message_key("e", "l"),
            FORBIDDEN_CHARACTER_KEY
        );
    }

    #[test]
    fn single_line_blanks_what_would_break_a_line() {
        assert_eq!(single_line("Resto Pokébowl"), "Resto Pokébowl");
        assert_eq!(
            single_line("Resto\r\nClick\u{202e}here"),
            "Resto  Click here"
        );
        assert!(matches!(single_line("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn spreadsheet_cells_never_start_a_formula() {
        let cases = [
            (
                "=HYPERLINK(\"http://evil\")",
                "'=HYPERLINK(\"http://evil\")",
            ),
            ("+32 2 123 45 67", "'+32 2 123 45 67"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("Resto = good", "Resto = good"),
            ("maria@example.be", "maria@example.be"),
            ("2025-03-05T09:30:00+00:00", "2025-03-05T09:30:00+00:00"),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(spreadsheet_cell(cell), want, "{cell:?}");
        }
    }
}
