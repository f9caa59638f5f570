//! The parsers of the values of a CSV row: each takes the trimmed text and
//! returns the value or the reason it is refused.

use chrono::NaiveDate;

use super::reader::Row;
use crate::domain::{Bce, Niss, Quarter};

/// The languages of the national register.
const LANGUAGES: &[&str] = &["fr", "nl", "de", "en"];

pub(super) fn niss(s: &str) -> Result<Niss, String> {
    Niss::parse(s).map_err(|e| e.to_string())
}

pub(super) fn bce(s: &str) -> Result<Bce, String> {
    Bce::parse(s).map_err(|e| e.to_string())
}

pub(super) fn non_empty(s: &str) -> Result<String, String> {
    if s.is_empty() {
        Err("empty".to_string())
    } else {
        Ok(s.to_string())
    }
}

/// A date written exactly `YYYY-MM-DD`.
pub(super) fn date(s: &str) -> Result<NaiveDate, String> {
    if s.is_empty() {
        return Err("empty (expected a date YYYY-MM-DD)".to_string());
    }
    let shape_ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(format!("{s:?} is not a date YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a day that exists"))
}

/// An empty value (none) or a date.
pub(super) fn optional_date(s: &str) -> Result<Option<NaiveDate>, String> {
    if s.is_empty() {
        Ok(None)
    } else {
        date(s).map(Some)
    }
}

pub(super) fn language(s: &str) -> Result<String, String> {
    if LANGUAGES.contains(&s) {
        Ok(s.to_string())
    } else {
        Err(format!("{s:?} is not a language (fr, nl, de or en)"))
    }
}

/// A calendar year written with four digits.
pub(super) fn year(s: &str) -> Result<i32, String> {
    let not_a_year = || format!("{s:?} is not a year (four digits, e.g. 2025)");
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_a_year());
    }
    s.parse().map_err(|_| not_a_year())
}

/// A quarter number, 1 to 4.
pub(super) fn quarter_number(s: &str) -> Result<u8, String> {
    s.parse::<u8>()
        .ok()
        .filter(|n| (1..=4).contains(n))
        .ok_or_else(|| format!("{s:?} is not a quarter (1, 2, 3 or 4)"))
}

/// A decimal number of hours with a `.` decimal point, >= 0.
pub(super) fn decimal_hours(s: &str) -> Result<f64, String> {
    if s.is_empty() {
        return Err("empty (expected a number of hours, e.g. 30.4)".to_string());
    }
    if s.contains(',') {
        return Err(format!("{s:?}: use a `.` decimal point (e.g. 30.4)"));
    }
    let plain = s
        .strip_prefix('-')
        .unwrap_or(s)
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.');
    let value: f64 = s
        .parse()
        .ok()
        .filter(|v: &f64| plain && v.is_finite())
        .ok_or_else(|| format!("{s:?} is not a number (e.g. 30.4)"))?;
    if value < 0.0 {
        return Err(format!("{s} is negative (must be >= 0)"));
    }
    Ok(value)
}

/// A whole number of hours, >= 0, that fits the database.
pub(super) fn whole_hours(s: &str) -> Result<u32, String> {
    if s.is_empty() {
        return Err("empty (expected a whole number of hours)".to_string());
    }
    if s.starts_with('-') && s[1..].bytes().all(|b| b.is_ascii_digit()) && s.len() > 1 {
        return Err(format!("{s} is negative (must be >= 0)"));
    }
    let hours: u32 = s
        .parse()
        .map_err(|_| format!("{s:?} is not a whole number of hours"))?;
    if i32::try_from(hours).is_err() {
        return Err(format!("{s} is too large"));
    }
    Ok(hours)
}

/// Whole hours as the tables store them ([`whole_hours`] checked that they fit).
pub(super) fn stored_hours(hours: u32) -> i32 {
    i32::try_from(hours).unwrap_or(i32::MAX)
}

/// The quarter of the `year` and `quarter` columns, when both are valid.
pub(super) fn quarter_of(row: &mut Row<'_>) -> Option<Quarter> {
    let year = row.get("year", year);
    let number = row.get("quarter", quarter_number);
    Quarter::new(year?, number?)
}
