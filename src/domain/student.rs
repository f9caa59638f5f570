//! The Student@Work hours balance.
//!
//! Each calendar year a student may work a quota of hours with reduced
//! contributions; unused hours do not carry over. The balance is the year's
//! quota minus the hours declared (Dimona STU) for that year.

/// The legal yearly quota of student hours: 475 up to 2022 (the quota in
/// hours applies from 2017; earlier years also get 475), 600 in 2023 and
/// 2024, 650 from 2025.
pub fn default_quota(year: i32) -> u32 {
    match year {
        ..=2022 => 475,
        2023 | 2024 => 600,
        _ => 650,
    }
}

/// Whole hours counted for `minutes` worked: every started hour counts.
pub fn started_hours(minutes: u32) -> u32 {
    minutes.div_ceil(60)
}

/// A student's hours balance for one calendar year.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct StudentBalance {
    /// The calendar year.
    pub year: i32,
    /// The year's quota, in hours.
    pub quota: u32,
    /// The hours already declared for the year.
    pub used: u32,
    /// The hours left; 0 when the quota is reached or exceeded.
    pub remaining: u32,
    /// Whether more hours were declared than the quota.
    pub exceeded: bool,
}

/// The balance of `year` given its `quota` and the hours declared (one item
/// per declaration, corrections already applied). The sum saturates instead
/// of overflowing.
pub fn balance(
    year: i32,
    quota: u32,
    declared_hours: impl IntoIterator<Item = u32>,
) -> StudentBalance {
    let used = declared_hours.into_iter().fold(0, u32::saturating_add);
    StudentBalance {
        year,
        quota,
        used,
        remaining: quota.saturating_sub(used),
        exceeded: used > quota,
    }
}

/// The answer a company sees for a Student@Work consultation (what the audit keeps, the
/// page and the PDF show and the API sends): the year, its quota, the hours left and
/// whether the quota was exceeded.
#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StudentAnswer {
    /// The calendar year.
    pub year: i32,
    /// The year's quota, in hours.
    pub quota: u32,
    /// The hours left.
    pub remaining_hours: u32,
    /// Whether more hours were declared than the quota.
    pub quota_exceeded: bool,
}

impl From<&StudentBalance> for StudentAnswer {
    fn from(b: &StudentBalance) -> Self {
        StudentAnswer {
            year: b.year,
            quota: b.quota,
            remaining_hours: b.remaining,
            quota_exceeded: b.exceeded,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_by_year() {
        let cases = [
            (1990, 475),
            (2016, 475),
            (2017, 475),
            (2022, 475),
            (2023, 600),
            (2024, 600),
            (2025, 650),
            (2026, 650),
            (i32::MIN, 475),
            (i32::MAX, 650),
        ];
        for (year, quota) in cases {
            assert_eq!(default_quota(year), quota, "{year}");
        }
    }

    #[test]
    fn balances_at_the_edges() {
        /// (year, quota, declared, used, remaining, exceeded)
        type Case = (i32, u32, &'static [u32], u32, u32, bool);
        let cases: &[Case] = &[
            (2025, 650, &[], 0, 650, false),
            (2025, 650, &[0, 0], 0, 650, false),
            (2025, 650, &[200, 296], 496, 154, false),
            (2025, 650, &[649], 649, 1, false),
            (2025, 650, &[600, 50], 650, 0, false),
            (2025, 650, &[600, 51], 651, 0, true),
            (2024, 600, &[600], 600, 0, false),
            (2024, 600, &[601], 601, 0, true),
            (2022, 475, &[475], 475, 0, false),
            (2022, 475, &[476], 476, 0, true),
            (2025, 0, &[], 0, 0, false),
            (2025, 0, &[1], 1, 0, true),
            (2025, 650, &[u32::MAX, 10], u32::MAX, 0, true),
        ];
        for &(year, quota, declared, used, remaining, exceeded) in cases {
            let b = balance(year, quota, declared.iter().copied());
            let expected = StudentBalance {
                year,
                quota,
                used,
                remaining,
                exceeded,
            };
            assert_eq!(b, expected, "{year} {quota} {declared:?}");
        }
    }

    #[test]
    fn balance_with_default_quota_across_new_year() {
        let december = balance(2024, default_quota(2024), [590]);
        assert_eq!((december.remaining, december.exceeded), (10, false));
        // The balance restarts on 1 January with the new year's quota.
        let january = balance(2025, default_quota(2025), []);
        assert_eq!((january.remaining, january.exceeded), (650, false));
    }

    #[test]
    fn every_started_hour_counts() {
        let cases = [
            (0, 0),
            (1, 1),
            (59, 1),
            (60, 1),
            (61, 2),
            (120, 2),
            (121, 3),
            (u32::MAX, 71_582_789),
        ];
        for (minutes, hours) in cases {
            assert_eq!(started_hours(minutes), hours, "{minutes}");
        }
    }
}
