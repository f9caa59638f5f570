//! Calendar quarters, the unit of DmfA declarations and of flexi-job eligibility.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// A calendar quarter: `quarter` 1 (January–March) to 4 (October–December).
///
/// Build one with [`Quarter::new`] or [`Quarter::containing`]. The fields are
/// public for convenience; methods treat an out-of-range `quarter` as the
/// nearest valid one and saturate at the limits of [`NaiveDate`], so they never
/// panic.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    /// The calendar year.
    pub year: i32,
    /// The quarter of the year, 1 to 4.
    pub quarter: u8,
}

/// `NaiveDate::from_ymd_opt`, saturating to the representable range.
fn date_saturating(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

impl Quarter {
    /// The quarter `quarter` (1 to 4) of `year`, if both are valid (the whole
    /// year must be representable as dates).
    pub fn new(year: i32, quarter: u8) -> Option<Self> {
        let representable = NaiveDate::from_ymd_opt(year, 1, 1).is_some()
            && NaiveDate::from_ymd_opt(year, 12, 31).is_some();
        ((1..=4).contains(&quarter) && representable).then_some(Self { year, quarter })
    }

    /// The quarter `date` falls in.
    pub fn containing(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            // month0 is 0..=11, so this is 1..=4.
            quarter: (date.month0() / 3 + 1) as u8,
        }
    }

    /// Parses the [`Display`](fmt::Display) form, e.g. `2025-Q1` (`q` in any case).
    pub fn parse(input: &str) -> Option<Self> {
        let (year, quarter) = input.trim().split_once('-')?;
        let quarter = quarter.strip_prefix(['Q', 'q'])?;
        if quarter.len() != 1 {
            return None;
        }
        Self::new(year.parse().ok()?, quarter.parse().ok()?)
    }

    /// The quarter number, forced into 1..=4.
    fn number(self) -> u32 {
        u32::from(self.quarter.clamp(1, 4))
    }

    /// The first month of the quarter (1, 4, 7 or 10).
    fn first_month(self) -> u32 {
        self.number() * 3 - 2
    }

    /// The first day of the quarter.
    pub fn first_day(self) -> NaiveDate {
        date_saturating(self.year, self.first_month(), 1)
    }

    /// The last day of the quarter (31 March, 30 June, 30 September or 31 December).
    pub fn last_day(self) -> NaiveDate {
        let last_month = self.number() * 3;
        let day = if matches!(last_month, 3 | 12) { 31 } else { 30 };
        date_saturating(self.year, last_month, day)
    }

    /// The number of days in the quarter (90 or 91 for Q1, 91 for Q2, 92 for Q3 and Q4).
    pub fn days(self) -> i64 {
        (self.last_day() - self.first_day()).num_days() + 1
    }

    /// Whether `date` falls in this quarter.
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first_day()..=self.last_day()).contains(&date)
    }

    /// The quarter `n` quarters later (or earlier when `n` is negative), across
    /// years: `2025-Q1.offset(-3)` is `2024-Q2`. Saturates at the `i32` year range.
    pub fn offset(self, n: i32) -> Self {
        let min = i64::from(i32::MIN) * 4;
        let max = i64::from(i32::MAX) * 4 + 3;
        let index = (i64::from(self.year) * 4 + i64::from(self.number() - 1) + i64::from(n))
            .clamp(min, max);
        Self {
            // In i32 range thanks to the clamp; the fallback is never taken.
            year: i32::try_from(index.div_euclid(4)).unwrap_or(self.year),
            // rem_euclid(4) is 0..=3.
            quarter: index.rem_euclid(4) as u8 + 1,
        }
    }

    /// The following quarter.
    pub fn next(self) -> Self {
        self.offset(1)
    }

    /// The preceding quarter.
    pub fn prev(self) -> Self {
        self.offset(-1)
    }

    /// The quarter's three months, as `(year, month)` with months 1 to 12.
    pub fn months(self) -> [(i32, u32); 3] {
        let first = self.first_month();
        [
            (self.year, first),
            (self.year, first + 1),
            (self.year, first + 2),
        ]
    }

    /// Whether `date` is in the last month of its own quarter (March, June,
    /// September or December).
    pub fn is_last_month(date: NaiveDate) -> bool {
        matches!(date.month(), 3 | 6 | 9 | 12)
    }
}

impl fmt::Display for Quarter {
    /// Writes e.g. `2025-Q1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{date, q};

    #[test]
    fn new_rejects_out_of_range() {
        let cases = [
            (2025, 0, false),
            (2025, 1, true),
            (2025, 4, true),
            (2025, 5, false),
            (2025, u8::MAX, false),
            (i32::MAX, 1, false),
            (i32::MIN, 1, false),
        ];
        for (year, quarter, ok) in cases {
            assert_eq!(
                Quarter::new(year, quarter).is_some(),
                ok,
                "{year} {quarter}"
            );
        }
    }

    #[test]
    fn containing() {
        let cases = [
            (date(2025, 1, 1), q(2025, 1)),
            (date(2025, 3, 31), q(2025, 1)),
            (date(2025, 4, 1), q(2025, 2)),
            (date(2025, 6, 30), q(2025, 2)),
            (date(2025, 7, 1), q(2025, 3)),
            (date(2025, 9, 30), q(2025, 3)),
            (date(2025, 10, 1), q(2025, 4)),
            (date(2025, 12, 31), q(2025, 4)),
            (date(2024, 2, 29), q(2024, 1)),
        ];
        for (d, expected) in cases {
            assert_eq!(Quarter::containing(d), expected, "{d}");
            assert!(expected.contains(d), "{d}");
            assert!(!expected.next().contains(d), "{d}");
            assert!(!expected.prev().contains(d), "{d}");
        }
    }

    #[test]
    fn bounds_and_days() {
        let cases = [
            (q(2023, 1), date(2023, 1, 1), date(2023, 3, 31), 90),
            (q(2024, 1), date(2024, 1, 1), date(2024, 3, 31), 91),
            (q(2000, 1), date(2000, 1, 1), date(2000, 3, 31), 91),
            (q(1900, 1), date(1900, 1, 1), date(1900, 3, 31), 90),
            (q(2025, 2), date(2025, 4, 1), date(2025, 6, 30), 91),
            (q(2025, 3), date(2025, 7, 1), date(2025, 9, 30), 92),
            (q(2025, 4), date(2025, 10, 1), date(2025, 12, 31), 92),
        ];
        for (quarter, first, last, days) in cases {
            assert_eq!(quarter.first_day(), first, "{quarter}");
            assert_eq!(quarter.last_day(), last, "{quarter}");
            assert_eq!(quarter.days(), days, "{quarter}");
        }
    }

    #[test]
    fn offsets_across_years() {
        let cases = [
            (q(2025, 1), -3, q(2024, 2)),
            (q(2025, 1), -2, q(2024, 3)),
            (q(2025, 1), -1, q(2024, 4)),
            (q(2025, 1), 0, q(2025, 1)),
            (q(2024, 4), 1, q(2025, 1)),
            (q(2025, 4), -3, q(2025, 1)),
            (q(2025, 3), -3, q(2024, 4)),
            (q(2025, 2), 4, q(2026, 2)),
            (q(2025, 2), -8, q(2023, 2)),
            (q(2025, 1), -9, q(2022, 4)),
            (q(0, 1), -1, q(-1, 4)),
        ];
        for (start, n, expected) in cases {
            assert_eq!(start.offset(n), expected, "{start} {n}");
        }
        assert_eq!(q(2024, 4).next(), q(2025, 1));
        assert_eq!(q(2025, 1).prev(), q(2024, 4));
    }

    #[test]
    fn extreme_values_do_not_panic() {
        let top = Quarter {
            year: i32::MAX,
            quarter: 4,
        };
        assert_eq!(top.next(), top);
        let bottom = Quarter {
            year: i32::MIN,
            quarter: 1,
        };
        assert_eq!(bottom.prev(), bottom);
        assert_eq!(top.first_day(), NaiveDate::MAX);
        assert_eq!(bottom.last_day(), NaiveDate::MIN);
        let odd = Quarter {
            year: 2025,
            quarter: 9,
        };
        assert_eq!(odd.first_day(), date(2025, 10, 1));
        assert_eq!(odd.to_string(), "2025-Q4");
        let zero = Quarter {
            year: 2025,
            quarter: 0,
        };
        assert_eq!(zero.months(), [(2025, 1), (2025, 2), (2025, 3)]);
    }

    #[test]
    fn months_and_last_month() {
        assert_eq!(q(2025, 1).months(), [(2025, 1), (2025, 2), (2025, 3)]);
        assert_eq!(q(2025, 4).months(), [(2025, 10), (2025, 11), (2025, 12)]);
        let cases = [
            (date(2025, 2, 28), false),
            (date(2025, 3, 1), true),
            (date(2025, 3, 31), true),
            (date(2025, 4, 1), false),
            (date(2025, 5, 31), false),
            (date(2025, 6, 1), true),
            (date(2025, 9, 15), true),
            (date(2025, 11, 30), false),
            (date(2025, 12, 31), true),
            (date(2026, 1, 1), false),
        ];
        for (d, last) in cases {
            assert_eq!(Quarter::is_last_month(d), last, "{d}");
        }
    }

    #[test]
    fn display_and_parse() {
        let cases = [
            ("2025-Q1", Some(q(2025, 1))),
            ("2024-q4", Some(q(2024, 4))),
            (" 2024-Q2 ", Some(q(2024, 2))),
            ("2025-Q0", None),
            ("2025-Q5", None),
            ("2025-Q11", None),
            ("2025Q1", None),
            ("2025-1", None),
            ("-Q1", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(Quarter::parse(input), expected, "{input:?}");
        }
        assert_eq!(q(2025, 1).to_string(), "2025-Q1");
        assert_eq!(Quarter::parse(&q(1999, 3).to_string()), Some(q(1999, 3)));
    }
}
