//! Helpers of the unit tests (here and in the layers above): days, quarters and instants
//! written the short way.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::Quarter;

/// A day that exists.
pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A valid quarter.
pub(crate) fn q(year: i32, quarter: u8) -> Quarter {
    Quarter::new(year, quarter).unwrap()
}

/// An instant given as the Brussels wall clock shows it (unambiguous times only).
pub(crate) fn be(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Brussels
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .unwrap_or_else(|| panic!("{y}-{mo}-{d} {h}:{mi} is not one instant in Brussels"))
        .with_timezone(&Utc)
}

/// An instant given in UTC, to the minute.
pub(crate) fn utc_at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

/// An instant written in RFC 3339, e.g. `2025-03-26T14:00:00Z`.
pub(crate) fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s:?}: {e}"))
        .to_utc()
}
