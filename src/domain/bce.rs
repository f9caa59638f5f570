//! The Belgian enterprise number (BCE / KBO), e.g. `0765.432.146`.

use std::fmt;

use diesel::{deserialize::FromSqlRow, expression::AsExpression};
use serde::Deserialize;

/// Number of digits in an enterprise number.
const LEN: usize = 10;

/// A valid enterprise number: 10 ASCII digits, the first 0 or 1, and
/// `97 - (first 8 digits mod 97)` equal to the last two. Obtain one with
/// [`Bce::parse`].
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, AsExpression, FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(try_from = "String")]
pub struct Bce(String);

/// Why a string is not a valid enterprise number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BceError {
    /// Nothing was entered.
    #[error("the enterprise number is empty")]
    Empty,
    /// Neither 10 digits nor the legacy 9.
    #[error("an enterprise number has 10 digits")]
    Length,
    /// A character other than a digit or an allowed separator.
    #[error("an enterprise number contains only digits")]
    NotDigits,
    /// The first of the 10 digits is neither 0 nor 1.
    #[error("an enterprise number starts with 0 or 1")]
    FirstDigit,
    /// The check digits do not match.
    #[error("the enterprise number check digits do not match")]
    Checksum,
}

impl BceError {
    /// The Fluent message key describing this error to the user.
    pub fn message_key(&self) -> &'static str {
        match self {
            Self::Empty => "bce-error-empty",
            Self::Length => "bce-error-length",
            Self::NotDigits => "bce-error-digits",
            Self::FirstDigit => "bce-error-first-digit",
            Self::Checksum => "bce-error-checksum",
        }
    }
}

/// Strips a leading, case-insensitive `BE` country prefix.
fn strip_country(input: &str) -> &str {
    match input.get(..2) {
        Some(prefix) if prefix.eq_ignore_ascii_case("BE") => &input[2..],
        _ => input,
    }
}

impl Bce {
    /// Parses an enterprise number as typed or received.
    ///
    /// Accepts surrounding whitespace, an optional `BE` prefix (any case, e.g.
    /// the VAT form `BE0765432146` or `BE 0765.432.146`), separators `.`, `-`
    /// and spaces, and the legacy 9-digit form (a leading `0` is added).
    pub fn parse(input: &str) -> Result<Self, BceError> {
        let rest = strip_country(input.trim());
        let mut digits = String::with_capacity(LEN);
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '.' | '-' | ' ' => {}
                _ => return Err(BceError::NotDigits),
            }
        }
        if digits.is_empty() {
            return Err(BceError::Empty);
        }
        if digits.len() == LEN - 1 {
            digits.insert(0, '0');
        }
        if digits.len() != LEN {
            return Err(BceError::Length);
        }
        if !digits.starts_with(['0', '1']) {
            return Err(BceError::FirstDigit);
        }
        let body: u64 = digits[..8].parse().map_err(|_| BceError::NotDigits)?;
        let check: u64 = digits[8..].parse().map_err(|_| BceError::NotDigits)?;
        if 97 - body % 97 != check {
            return Err(BceError::Checksum);
        }
        Ok(Self(digits))
    }

    /// The 10 digits, without separators.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The usual written form, `0765.432.146`.
    pub fn formatted(&self) -> String {
        let d = &self.0;
        format!("{}.{}.{}", &d[0..4], &d[4..7], &d[7..10])
    }
}

impl fmt::Display for Bce {
    /// Prints the usual written form, `0765.432.146`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

// Serialized as the 10 digits.
parsed_string!(Bce, BceError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers() {
        let cases = [
            ("0765.432.146", "0765432146"),
            ("0765 432 146", "0765432146"),
            ("0765432146", "0765432146"),
            ("BE0765432146", "0765432146"),
            ("be0765432146", "0765432146"),
            ("Be 0765.432.146", "0765432146"),
            ("BE 0765.432.146", "0765432146"),
            ("  0765-432-146  ", "0765432146"),
            // Legacy 9-digit form.
            ("765.432.146", "0765432146"),
            ("BE765432146", "0765432146"),
            ("0412.345.614", "0412345614"),
            ("412345614", "0412345614"),
            // First digit 1 is allowed.
            ("1000.000.021", "1000000021"),
        ];
        for (input, digits) in cases {
            let bce = Bce::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(bce.as_str(), digits, "{input}");
        }
    }

    #[test]
    fn invalid_numbers() {
        let cases = [
            ("", BceError::Empty),
            ("   ", BceError::Empty),
            ("BE", BceError::Empty),
            ("be ..", BceError::Empty),
            ("0765.432.1", BceError::Length),
            // Nine digits read as the legacy form 0076.543.214.
            ("0765.432.14", BceError::Checksum),
            ("07654321466", BceError::Length),
            ("12345678", BceError::Length),
            ("0765,432,146", BceError::NotDigits),
            ("FR0765432146", BceError::NotDigits),
            ("0765432146BE", BceError::NotDigits),
            ("BÉ0765432146", BceError::NotDigits),
            ("2765.432.146", BceError::FirstDigit),
            ("9765432146", BceError::FirstDigit),
            ("0765.432.147", BceError::Checksum),
            ("0412.345.615", BceError::Checksum),
            ("0000.000.000", BceError::Checksum),
        ];
        for (input, error) in cases {
            assert_eq!(Bce::parse(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn formatting() {
        let bce = Bce::parse("BE0765432146").unwrap();
        assert_eq!(bce.formatted(), "0765.432.146");
        assert_eq!(bce.to_string(), "0765.432.146");
        assert_eq!(format!("{bce:?}"), "Bce(\"0765432146\")");
    }

    #[test]
    fn serde_round_trip() {
        let bce = Bce::parse("0412.345.614").unwrap();
        assert_eq!(serde_json::to_string(&bce).unwrap(), "\"0412345614\"");
        let back: Bce = serde_json::from_str("\"BE 0412.345.614\"").unwrap();
        assert_eq!(back, bce);
        assert!(serde_json::from_str::<Bce>("\"0412.345.615\"").is_err());
    }
}
