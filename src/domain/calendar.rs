//! The Belgian calendar: durations in calendar months are counted on the
//! Europe/Brussels wall clock, never on UTC.
//!
//! An access accepted on 1 March at 00:30 in Brussels is 28 February 23:30 UTC: one
//! month on the UTC calendar would end on 28 March 23:30 UTC, which the citizen reads as
//! 29 March. On the Belgian calendar it ends on 1 April at 00:30, Brussels time, as the
//! citizen expects. Every end that is computed, stored, shown or sent comes from
//! [`add_months`].
//!
//! Wall-clock times that the daylight-saving changes make awkward are resolved the usual
//! way (as `java.time` does): a time that does not exist (the spring gap, 02:00-03:00 on
//! the last Sunday of March) is moved later by the length of the gap; a time that exists
//! twice (the autumn overlap, 02:00-03:00 on the last Sunday of October) is the earlier of
//! the two.

use chrono::{DateTime, Months, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Brussels;

/// The Brussels wall clock at `at`; `None` at the very ends of the representable range.
pub fn to_belgian(at: DateTime<Utc>) -> Option<NaiveDateTime> {
    let utc = at.naive_utc();
    let offset = chrono::Offset::fix(&Brussels.offset_from_utc_datetime(&utc));
    utc.checked_add_offset(offset)
}

/// The calendar day of `at` in Belgium (the UTC day at the very ends of the representable
/// range).
pub fn belgian_date(at: DateTime<Utc>) -> NaiveDate {
    to_belgian(at).map_or(at.date_naive(), |local| local.date())
}

/// The instant that the Brussels wall clock reads `local`, resolving the daylight-saving
/// changes (see the module's documentation); `None` out of range.
pub fn from_belgian(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let resolved = Brussels.from_local_datetime(&local);
    if let Some(earliest) = resolved.earliest() {
        return Some(earliest.with_timezone(&Utc));
    }
    // In the spring gap: read the wall clock with the offset in force just before it,
    // which moves the time later by the length of the gap (02:30 becomes 03:30).
    let before = Brussels
        .from_local_datetime(&local.checked_sub_signed(TimeDelta::hours(3))?)
        .earliest()?;
    let offset = TimeDelta::seconds(i64::from(
        chrono::Offset::fix(before.offset()).local_minus_utc(),
    ));
    Some(Utc.from_utc_datetime(&local.checked_sub_signed(offset)?))
}

/// `at` plus `months` calendar months on the Brussels wall clock: same time of day, same
/// day of the month, clamped to the last day of a shorter month (31 January + 1 month is
/// 28 or 29 February). Saturates at the largest representable instant.
pub fn add_months(at: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    to_belgian(at)
        .and_then(|local| local.checked_add_months(Months::new(months)))
        .and_then(from_belgian)
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// `at` minus `months` calendar months on the Brussels wall clock (clamped like
/// [`add_months`]). Saturates at the smallest representable instant.
pub fn sub_months(at: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    to_belgian(at)
        .and_then(|local| local.checked_sub_months(Months::new(months)))
        .and_then(from_belgian)
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{be, utc_at};

    #[test]
    fn the_issue_s_two_examples() {
        // Accepted on 1 March at 00:30 in Brussels (28 February 23:30 UTC): one month later
        // is 1 April at 00:30 in Brussels, not 29 March as the UTC calendar made it.
        let accepted = be(2025, 3, 1, 0, 30);
        assert_eq!(accepted, utc_at(2025, 2, 28, 23, 30));
        assert_eq!(add_months(accepted, 1), be(2025, 4, 1, 0, 30));
        assert_eq!(
            belgian_date(add_months(accepted, 1)).to_string(),
            "2025-04-01"
        );
        // Accepted on 31 January at 00:30: the last day of February, not 1 March.
        let accepted = be(2025, 1, 31, 0, 30);
        assert_eq!(add_months(accepted, 1), be(2025, 2, 28, 0, 30));
        assert_eq!(
            belgian_date(add_months(accepted, 1)).to_string(),
            "2025-02-28"
        );
    }

    #[test]
    fn month_ends_and_leap_days() {
        // (start, months, end), all on the Brussels wall clock.
        let cases = [
            (be(2024, 1, 31, 0, 30), 1, be(2024, 2, 29, 0, 30)),
            (be(2025, 1, 31, 23, 59), 1, be(2025, 2, 28, 23, 59)),
            (be(2024, 2, 29, 10, 0), 1, be(2024, 3, 29, 10, 0)),
            (be(2024, 2, 29, 10, 0), 12, be(2025, 2, 28, 10, 0)),
            (be(2024, 2, 29, 10, 0), 48, be(2028, 2, 29, 10, 0)),
            (be(2023, 11, 30, 8, 0), 3, be(2024, 2, 29, 8, 0)),
            (be(2024, 11, 30, 8, 0), 3, be(2025, 2, 28, 8, 0)),
            (be(2025, 3, 31, 0, 15), 1, be(2025, 4, 30, 0, 15)),
            (be(2025, 1, 31, 8, 0), 3, be(2025, 4, 30, 8, 0)),
            (be(2025, 4, 30, 23, 30), 1, be(2025, 5, 30, 23, 30)),
            (be(2025, 5, 31, 23, 30), 1, be(2025, 6, 30, 23, 30)),
            // Across the year, on the evening of 31 December (already 1 January in
            // Brussels at 23:30 UTC: the Belgian day counts).
            (be(2024, 12, 31, 23, 30), 1, be(2025, 1, 31, 23, 30)),
            (utc_at(2024, 12, 31, 23, 30), 1, be(2025, 2, 1, 0, 30)),
            (be(2024, 12, 31, 8, 0), 3, be(2025, 3, 31, 8, 0)),
        ];
        for (start, months, end) in cases {
            assert_eq!(add_months(start, months), end, "{start} + {months}");
        }
    }

    #[test]
    fn both_daylight_saving_changes() {
        // Summer time starts on 30 March 2025 (02:00 -> 03:00) and 29 March 2026; winter
        // time on 26 October 2025 (03:00 -> 02:00).
        let cases = [
            // Same wall-clock time across the spring change: one hour less in UTC.
            (utc_at(2025, 3, 1, 11, 0), 1, utc_at(2025, 4, 1, 10, 0)),
            // ... and across the autumn change: one hour more.
            (utc_at(2025, 10, 1, 10, 0), 1, utc_at(2025, 11, 1, 11, 0)),
            // Landing on the day of the change, outside its hour.
            (be(2025, 2, 28, 12, 0), 1, be(2025, 3, 28, 12, 0)),
            (be(2024, 12, 30, 12, 0), 3, be(2025, 3, 30, 12, 0)),
            (be(2025, 9, 26, 12, 0), 1, be(2025, 10, 26, 12, 0)),
            // Landing in the spring gap: 02:30 does not exist, 03:30 (summer) does.
            (be(2024, 12, 30, 2, 30), 3, utc_at(2025, 3, 30, 1, 30)),
            (be(2026, 2, 28, 2, 30), 1, be(2026, 3, 28, 2, 30)),
            (be(2025, 12, 29, 2, 0), 3, utc_at(2026, 3, 29, 1, 0)),
            // Landing in the autumn overlap: 02:30 exists twice, the first (summer) one.
            (be(2025, 9, 26, 2, 30), 1, utc_at(2025, 10, 26, 0, 30)),
            (be(2025, 7, 26, 2, 30), 3, utc_at(2025, 10, 26, 0, 30)),
        ];
        for (start, months, end) in cases {
            assert_eq!(add_months(start, months), end, "{start} + {months}");
        }
        // Starting inside the overlap, either occurrence keeps its wall-clock time.
        assert_eq!(
            add_months(utc_at(2025, 10, 26, 0, 30), 1),
            be(2025, 11, 26, 2, 30)
        );
        assert_eq!(
            add_months(utc_at(2025, 10, 26, 1, 30), 1),
            be(2025, 11, 26, 2, 30)
        );
    }

    #[test]
    fn going_back_and_saturating() {
        assert_eq!(sub_months(be(2025, 4, 1, 0, 30), 1), be(2025, 3, 1, 0, 30));
        assert_eq!(
            sub_months(be(2025, 3, 31, 12, 0), 1),
            be(2025, 2, 28, 12, 0)
        );
        assert_eq!(sub_months(be(2026, 3, 5, 9, 0), 12), be(2025, 3, 5, 9, 0));
        assert_eq!(
            add_months(DateTime::<Utc>::MAX_UTC, 1),
            DateTime::<Utc>::MAX_UTC
        );
        assert_eq!(
            sub_months(DateTime::<Utc>::MIN_UTC, 1),
            DateTime::<Utc>::MIN_UTC
        );
        assert_eq!(
            belgian_date(DateTime::<Utc>::MAX_UTC),
            DateTime::<Utc>::MAX_UTC.date_naive()
        );
    }

    #[test]
    fn belgian_days() {
        assert_eq!(
            belgian_date(utc_at(2025, 3, 31, 23, 30)).to_string(),
            "2025-04-01"
        );
        assert_eq!(
            belgian_date(utc_at(2024, 12, 31, 22, 59)).to_string(),
            "2024-12-31"
        );
        assert_eq!(
            belgian_date(utc_at(2024, 12, 31, 23, 0)).to_string(),
            "2025-01-01"
        );
    }
}
