//! The Belgian social security identification number (NISS / INSZ).
//!
//! A NISS is 11 digits, written `YY.MM.DD-SSS.CC`: birth date, a serial number
//! and two check digits. It is personal data: [`Niss`] only ever prints itself
//! masked (`XX.XX.XX-XXX.CC`), through both [`Display`](fmt::Display) and
//! [`Debug`](fmt::Debug), so that it cannot leak into a log by accident. Use
//! [`Niss::as_str`] or [`Niss::formatted`] where the full number is really needed.

use std::fmt;

use chrono::NaiveDate;
use diesel::{deserialize::FromSqlRow, expression::AsExpression};
use serde::Deserialize;

/// Number of digits in a NISS.
const LEN: usize = 11;

/// A syntactically valid NISS (national register or BIS number).
///
/// Holds exactly 11 ASCII digits whose check digits match and whose month and
/// day fields are in range. Obtain one with [`Niss::parse`].
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, AsExpression, FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(try_from = "String")]
pub struct Niss(String);

/// Why a string is not a valid NISS.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NissError {
    /// Nothing was entered.
    #[error("the NISS is empty")]
    Empty,
    /// Not exactly 11 digits.
    #[error("a NISS has exactly 11 digits")]
    Length,
    /// A character other than a digit or an allowed separator (`.`, `-`, space).
    #[error("a NISS contains only digits")]
    NotDigits,
    /// The check digits do not match.
    #[error("the NISS check digits do not match")]
    Checksum,
    /// The month or day field is out of range.
    #[error("the NISS birth date part is out of range")]
    Date,
}

impl NissError {
    /// The Fluent message key describing this error to the user.
    pub fn message_key(&self) -> &'static str {
        match self {
            Self::Empty => "niss-error-empty",
            Self::Length => "niss-error-length",
            Self::NotDigits => "niss-error-digits",
            Self::Checksum => "niss-error-checksum",
            Self::Date => "niss-error-date",
        }
    }
}

/// Which century the check digits designate.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Century {
    /// Born before 2000: check computed on the 9 digits.
    Nineteen,
    /// Born in 2000 or later: check computed on `2` followed by the 9 digits.
    Twenty,
}

impl Century {
    fn base_year(self) -> i32 {
        match self {
            Self::Nineteen => 1900,
            Self::Twenty => 2000,
        }
    }
}

/// The century whose check matches `digits` (11 ASCII digits), if any.
///
/// At most one can match: 2 000 000 000 is not a multiple of 97.
fn century_of(digits: &str) -> Option<Century> {
    let body: u64 = digits.get(..9)?.parse().ok()?;
    let check: u64 = digits.get(9..)?.parse().ok()?;
    let expected = |n: u64| 97 - n % 97;
    if expected(body) == check {
        Some(Century::Nineteen)
    } else if expected(2_000_000_000 + body) == check {
        Some(Century::Twenty)
    } else {
        None
    }
}

/// Two digits at `at` as a number (`digits` is known to be ASCII digits).
fn two_digits(digits: &str, at: usize) -> u32 {
    digits
        .get(at..at + 2)
        .and_then(|s| s.parse().ok())
        .unwrap_or_default()
}

impl Niss {
    /// Parses a NISS typed by a person or received from a client.
    ///
    /// Accepts the 11 digits, surrounded by whitespace or not, with optional
    /// separators `.`, `-` and spaces,
    /// e.g. `"85.07.30-033.28"` or `"85073003328"`. Checks, in order: only
    /// digits and separators, not empty, exactly 11 digits, check digits (for a birth before
    /// or from 2000), month (0–12, or +20 / +40 for a BIS number) and day (0–31;
    /// 0 means an unknown birth date).
    pub fn parse(input: &str) -> Result<Self, NissError> {
        let mut digits = String::with_capacity(LEN);
        for c in input.trim().chars() {
            match c {
                '0'..='9' => digits.push(c),
                '.' | '-' | ' ' => {}
                _ => return Err(NissError::NotDigits),
            }
        }
        if digits.is_empty() {
            return Err(NissError::Empty);
        }
        if digits.len() != LEN {
            return Err(NissError::Length);
        }
        if century_of(&digits).is_none() {
            return Err(NissError::Checksum);
        }
        let month = two_digits(&digits, 2);
        let day = two_digits(&digits, 4);
        let month_ok = matches!(month, 0..=12 | 20..=32 | 40..=52);
        if !month_ok || day > 31 {
            return Err(NissError::Date);
        }
        Ok(Self(digits))
    }

    /// The 11 digits, without separators. This is the full, unmasked number.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The full number in its usual written form, `YY.MM.DD-SSS.CC`.
    pub fn formatted(&self) -> String {
        let d = &self.0;
        format!(
            "{}.{}.{}-{}.{}",
            &d[0..2],
            &d[2..4],
            &d[4..6],
            &d[6..9],
            &d[9..11]
        )
    }

    /// The masked form `XX.XX.XX-XXX.CC`: only the two check digits remain.
    pub fn masked(&self) -> String {
        format!("XX.XX.XX-XXX.{}", &self.0[9..11])
    }

    /// Whether this is a BIS number (month field increased by 20 or 40).
    pub fn is_bis(&self) -> bool {
        two_digits(&self.0, 2) >= 20
    }

    /// The birth date encoded in the number, if it is known and a real date.
    ///
    /// The century comes from the check digits that matched. Returns `None`
    /// when the month or day is 0 (unknown) or the date does not exist.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        let century = century_of(&self.0)?;
        let year = century.base_year() + i32::try_from(two_digits(&self.0, 0)).ok()?;
        let month = two_digits(&self.0, 2) % 20;
        let day = two_digits(&self.0, 4);
        NaiveDate::from_ymd_opt(year, month, day)
    }
}

impl fmt::Display for Niss {
    /// Prints the masked form, never the full number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for Niss {
    /// Prints the masked form, never the full number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Niss")
            .field(&format_args!("{}", self.masked()))
            .finish()
    }
}

// Serialized as the 11 digits (for the API and storage, not for logs).
parsed_string!(Niss, NissError);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::date;

    #[test]
    fn separators_and_whitespace_are_dropped() {
        let cases = [
            ("85.07.30-033.28", "85073003328"),
            ("85073003328", "85073003328"),
            (" 85 07 30 033 28 ", "85073003328"),
            ("85-07-30-034-27", "85073003427"),
        ];
        for (input, digits) in cases {
            let niss = Niss::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(niss.as_str(), digits, "{input}");
        }
    }

    #[test]
    fn valid_numbers() {
        // (digits, is_bis, birth date)
        let cases: &[(&str, bool, Option<NaiveDate>)] = &[
            ("85073003328", false, Some(date(1985, 7, 30))),
            // Born 2000 or later: check on "2" + 9 digits.
            ("05031512367", false, Some(date(2005, 3, 15))),
            ("00123145685", false, Some(date(2000, 12, 31))),
            // Same 9 digits, 19xx check: born 1900.
            ("00123145656", false, Some(date(1900, 12, 31))),
            ("24022900164", false, Some(date(2024, 2, 29))),
            // 29 February 2023 does not exist: accepted, no birth date.
            ("23022900143", false, None),
            // Unknown birth date (month and day 00).
            ("40000000163", false, None),
            // BIS, gender unknown (+20) and known (+40).
            ("85221500133", true, Some(date(1985, 2, 15))),
            ("85441500289", true, Some(date(1985, 4, 15))),
            ("01410200182", true, Some(date(2001, 1, 2))),
            ("85200000181", true, None),
            ("00400000117", true, None),
        ];
        for (digits, bis, birth) in cases {
            let niss = Niss::parse(digits).unwrap_or_else(|e| panic!("{digits}: {e}"));
            assert_eq!(niss.as_str(), *digits);
            assert_eq!(niss.is_bis(), *bis, "{digits}");
            assert_eq!(niss.birth_date(), *birth, "{digits}");
        }
    }

    #[test]
    fn invalid_numbers() {
        let cases: &[(&str, NissError)] = &[
            ("", NissError::Empty),
            ("   ", NissError::Empty),
            (".-. ", NissError::Empty),
            ("8507300332", NissError::Length),
            ("850730033280", NissError::Length),
            ("1", NissError::Length),
            ("85.07.30/033.28", NissError::NotDigits),
            ("85O73003328", NissError::NotDigits),
            ("٨٥٠٧٣٠٠٣٣٢٨", NissError::NotDigits),
            ("+85073003328", NissError::NotDigits),
            ("85073003329", NissError::Checksum),
            ("85073003300", NissError::Checksum),
            ("05031512368", NissError::Checksum),
            // Valid check digits, month out of range.
            ("85.13.01-001.02", NissError::Date),
            ("85.19.01-001.44", NissError::Date),
            ("85.33.01-001.45", NissError::Date),
            ("85.53.01-001.88", NissError::Date),
            ("85.60.01-001.40", NissError::Date),
            // Valid check digits, day out of range.
            ("85.01.32-001.55", NissError::Date),
        ];
        for (input, error) in cases {
            assert_eq!(Niss::parse(input), Err(error.clone()), "{input:?}");
        }
    }

    #[test]
    fn formatting_never_leaks_by_default() {
        let niss = Niss::parse("85073003328").unwrap();
        assert_eq!(niss.formatted(), "85.07.30-033.28");
        assert_eq!(niss.masked(), "XX.XX.XX-XXX.28");
        assert_eq!(niss.to_string(), "XX.XX.XX-XXX.28");
        let debug = format!("{niss:?}");
        assert!(!debug.contains("850730"), "{debug}");
        assert_eq!(debug, "Niss(XX.XX.XX-XXX.28)");
        let nested = format!("{:?}", Some(&niss));
        assert!(!nested.contains("850730"), "{nested}");
    }

    #[test]
    fn serde_round_trip() {
        let niss = Niss::parse("85.07.30-033.28").unwrap();
        let json = serde_json::to_string(&niss).unwrap();
        assert_eq!(json, "\"85073003328\"");
        let back: Niss = serde_json::from_str("\"85.07.30-033.28\"").unwrap();
        assert_eq!(back, niss);
        assert!(serde_json::from_str::<Niss>("\"85073003329\"").is_err());
        assert!(serde_json::from_str::<Niss>("85073003328").is_err());
    }

    #[test]
    fn from_str_matches_parse() {
        assert_eq!("85073003328".parse::<Niss>(), Niss::parse("85073003328"));
        assert_eq!("x".parse::<Niss>(), Err(NissError::NotDigits));
    }
}
