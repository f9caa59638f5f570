//! The words of the demo tenants: a tenant's name, a move of its clock (`+72h`, `3d`,
//! `1month`, or to an instant), and the instants and days a trainer types. Pure parsing,
//! each error with a message key (the web pages) and an English sentence (the command line).

use std::fmt;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::calendar::{add_months, from_belgian};

/// The longest tenant name: it is the first label of the tenant's host name.
pub const NAME_MAX: usize = 30;

/// The longest move of a clock at once (ten years: past every retention period).
pub const MOVE_MAX_DAYS: i64 = 3660;

/// The first instant a tenant's clock may show.
pub fn earliest_instant() -> DateTime<Utc> {
    new_year_utc(2000)
}

/// The last instant a tenant's clock may show.
pub fn latest_instant() -> DateTime<Utc> {
    new_year_utc(2100)
}

/// Midnight UTC on 1 January of `year`.
fn new_year_utc(year: i32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap_or_default()
        .and_time(NaiveTime::MIN)
        .and_utc()
}

/// Why a trainer's input was refused.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TenantInputError {
    /// A name that is not lowercase letters, digits and dashes, starting with a letter.
    #[error(
        "a tenant name is 1 to 30 lowercase letters, digits and single dashes, starting with a letter and not ending with a dash"
    )]
    BadName,
    /// A move that is neither a duration nor an instant.
    #[error(
        "a clock move is a number and a unit (30min, 72h, 3d, 2w, 1month, 1y) or an instant (2025-03-08T10:30)"
    )]
    BadMove,
    /// `m` alone: minutes or months?
    #[error("\"m\" could be minutes or months: write min or month")]
    AmbiguousUnit,
    /// A move of nothing, or longer than ten years.
    #[error("a clock moves by at least one minute and at most ten years at once")]
    MoveOutOfRange,
    /// An instant that cannot be read.
    #[error(
        "an instant is 2025-03-08T10:30 (Brussels time), 2025-03-08T09:30:00Z, or a day 2025-03-08 (midnight in Brussels)"
    )]
    BadInstant,
    /// An instant before 2000 or after 2099.
    #[error("a demo clock shows an instant between 2000 and 2099")]
    InstantOutOfRange,
    /// A day that cannot be read.
    #[error("a day is written 2025-03-08")]
    BadDate,
    /// A language that is not one of the service's.
    #[error("a language is fr, nl, de or en")]
    BadLanguage,
}

impl TenantInputError {
    /// The message key of this error (`locales/*/tenants.ftl`).
    pub fn message_key(self) -> &'static str {
        match self {
            TenantInputError::BadName => "tenant-error-name",
            TenantInputError::BadMove => "tenant-error-move",
            TenantInputError::AmbiguousUnit => "tenant-error-move-unit",
            TenantInputError::MoveOutOfRange => "tenant-error-move-range",
            TenantInputError::BadInstant => "tenant-error-instant",
            TenantInputError::InstantOutOfRange => "tenant-error-instant-range",
            TenantInputError::BadDate => "tenant-error-date",
            TenantInputError::BadLanguage => "tenant-error-language",
        }
    }
}

/// A demo tenant's name: 1 to [`NAME_MAX`] lowercase ASCII letters, digits and single
/// dashes, starting with a letter and not ending with a dash (a DNS label, also safe in a
/// database name once its dashes become underscores).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TenantName(String);

impl TenantName {
    /// Parses a name as typed (surrounding spaces ignored; upper case refused, not folded:
    /// the name is shown as it will be in the address).
    pub fn parse(text: &str) -> Result<TenantName, TenantInputError> {
        let name = text.trim();
        let bytes = name.as_bytes();
        let good = (1..=NAME_MAX).contains(&bytes.len())
            && bytes[0].is_ascii_lowercase()
            && bytes
                .iter()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
            && !name.ends_with('-')
            && !name.contains("--");
        if good {
            Ok(TenantName(name.to_string()))
        } else {
            Err(TenantInputError::BadName)
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TenantName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

parsed_string!(TenantName, TenantInputError);

/// The unit of a step of the clock.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum StepUnit {
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
    /// Days of 24 hours.
    Days,
    /// Weeks of 7 days.
    Weeks,
    /// Calendar months on the Brussels calendar.
    Months,
    /// Calendar years (12 months) on the Brussels calendar.
    Years,
}

/// How far a clock moves forward: a number of units.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// How many units (at least 1).
    pub amount: u32,
    /// Which unit.
    pub unit: StepUnit,
}

impl Step {
    /// `at` moved forward by this step: minutes, hours, days and weeks are exact durations;
    /// months and years are calendar months on the Brussels wall clock (31 January plus one
    /// month is the last day of February), as an access's end is.
    pub fn after(self, at: DateTime<Utc>) -> DateTime<Utc> {
        let n = i64::from(self.amount);
        match self.unit {
            StepUnit::Minutes => at + Duration::minutes(n),
            StepUnit::Hours => at + Duration::hours(n),
            StepUnit::Days => at + Duration::days(n),
            StepUnit::Weeks => at + Duration::weeks(n),
            StepUnit::Months => add_months(at, self.amount),
            StepUnit::Years => add_months(at, self.amount.saturating_mul(12)),
        }
    }

    /// The step as typed back: `72h`, `3d`, `1month`.
    pub fn label(self) -> String {
        let unit = match self.unit {
            StepUnit::Minutes => "min",
            StepUnit::Hours => "h",
            StepUnit::Days => "d",
            StepUnit::Weeks => "w",
            StepUnit::Months => "month",
            StepUnit::Years => "y",
        };
        format!("{}{unit}", self.amount)
    }

    /// Parses `72h`, `+3d`, `1 month`, `2 weeks`, `30min`.
    pub fn parse(text: &str) -> Result<Step, TenantInputError> {
        let text = text.trim();
        let text = text.strip_prefix('+').unwrap_or(text).trim_start();
        let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            return Err(TenantInputError::BadMove);
        }
        let amount: u32 = text[..digits]
            .parse()
            .map_err(|_| TenantInputError::MoveOutOfRange)?;
        let unit = match text[digits..].trim().to_ascii_lowercase().as_str() {
            "m" => return Err(TenantInputError::AmbiguousUnit),
            "min" | "mins" | "minute" | "minutes" => StepUnit::Minutes,
            "h" | "hour" | "hours" => StepUnit::Hours,
            "d" | "day" | "days" => StepUnit::Days,
            "w" | "week" | "weeks" => StepUnit::Weeks,
            "month" | "months" | "mo" => StepUnit::Months,
            "y" | "year" | "years" => StepUnit::Years,
            _ => return Err(TenantInputError::BadMove),
        };
        let days = match unit {
            StepUnit::Minutes => i64::from(amount) / (24 * 60),
            StepUnit::Hours => i64::from(amount) / 24,
            StepUnit::Days => i64::from(amount),
            StepUnit::Weeks => i64::from(amount) * 7,
            StepUnit::Months => i64::from(amount) * 31,
            StepUnit::Years => i64::from(amount) * 366,
        };
        if amount == 0 || days > MOVE_MAX_DAYS {
            return Err(TenantInputError::MoveOutOfRange);
        }
        Ok(Step { amount, unit })
    }
}

/// A move of a tenant's clock, as a trainer asks for it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ClockMove {
    /// Forward by a step from the clock's instant.
    Advance(Step),
    /// To an instant (which must not be before the clock's).
    To(DateTime<Utc>),
    /// Forward by a step from the instant a page showed: the same form sent twice (a
    /// double press, a reload) moves the clock once.
    AdvanceFrom {
        /// What the trainer's page showed.
        shown: DateTime<Utc>,
        /// The step.
        step: Step,
    },
}

impl ClockMove {
    /// The instant the clock shows after this move from `from` (not yet checked to be
    /// forward: see [`ClockMove::check`]).
    pub fn target(self, from: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            ClockMove::Advance(step) => step.after(from),
            ClockMove::To(at) => at,
            ClockMove::AdvanceFrom { shown, step } => step.after(shown),
        }
    }

    /// The instant after the move from `from`: refused when it goes backwards (`Ok(None)`
    /// is a move to the very instant the clock shows, which changes nothing), beyond ten
    /// years, or past 2099. A step from what a page showed, when the clock shows something
    /// else now: done already when the clock shows where the step leads (`Ok(None)`), else
    /// refused, as somebody else moved it meanwhile.
    pub fn check(self, from: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, MoveRefused> {
        let to = self.target(from);
        if let ClockMove::AdvanceFrom { shown, .. } = self
            && shown != from
        {
            return if to == from {
                Ok(None)
            } else {
                Err(MoveRefused::MovedMeanwhile { shown, clock: from })
            };
        }
        if to < from {
            return Err(MoveRefused::Backwards { from, to });
        }
        if to - from > Duration::days(MOVE_MAX_DAYS) {
            return Err(MoveRefused::Input(TenantInputError::MoveOutOfRange));
        }
        if to >= latest_instant() {
            return Err(MoveRefused::Input(TenantInputError::InstantOutOfRange));
        }
        Ok((to > from).then_some(to))
    }
}

/// Why a clock does not move.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoveRefused {
    /// A clock only moves forward.
    #[error("a demo clock only moves forward: it shows {from}, {to} is earlier")]
    Backwards {
        /// What the clock shows.
        from: DateTime<Utc>,
        /// Where it was asked to go.
        to: DateTime<Utc>,
    },
    /// The clock shows another instant than the page the step was asked on (somebody else
    /// moved it).
    #[error("the demo clock was moved since the page showed {shown}: it shows {clock}")]
    MovedMeanwhile {
        /// What the page showed.
        shown: DateTime<Utc>,
        /// What the clock shows.
        clock: DateTime<Utc>,
    },
    /// The move itself is refused.
    #[error(transparent)]
    Input(TenantInputError),
}

/// Parses an instant a trainer types: RFC 3339 (`2025-03-08T09:30:00Z`,
/// `2025-03-08T10:30:00+01:00`), a Brussels wall-clock time (`2025-03-08T10:30`,
/// `2025-03-08 10:30`, seconds optional), or a day (`2025-03-08`: midnight in Brussels).
/// Between 2000 and 2099.
pub fn parse_instant(text: &str) -> Result<DateTime<Utc>, TenantInputError> {
    let text = text.trim();
    let at = if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        at.with_timezone(&Utc)
    } else {
        let local = [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(|d| d.and_time(NaiveTime::MIN))
        })
        .ok_or(TenantInputError::BadInstant)?;
        from_belgian(local).ok_or(TenantInputError::BadInstant)?
    };
    if at < earliest_instant() || at >= latest_instant() {
        return Err(TenantInputError::InstantOutOfRange);
    }
    Ok(at)
}

/// Parses a move: a step (`72h`, `3d`, `1month`) or an instant ([`parse_instant`]).
pub fn parse_move(text: &str) -> Result<ClockMove, TenantInputError> {
    let trimmed = text.trim();
    let bytes = trimmed.as_bytes();
    // An instant starts with its year and a dash; anything else is a step.
    let is_step =
        !(bytes.len() > 4 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-');
    if is_step {
        Step::parse(trimmed).map(ClockMove::Advance)
    } else {
        parse_instant(trimmed).map(ClockMove::To)
    }
}

/// Parses a day (`2025-03-08`).
pub fn parse_day(text: &str) -> Result<NaiveDate, TenantInputError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| TenantInputError::BadDate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::utc_at;

    #[test]
    fn names() {
        let good = [
            "a",
            "alpha",
            "team-3",
            "x1",
            "roadshow-gent-2025",
            &"a".repeat(30),
        ];
        for name in good {
            assert_eq!(TenantName::parse(name).unwrap().as_str(), name, "{name}");
        }
        assert_eq!(TenantName::parse(" alpha ").unwrap().as_str(), "alpha");
        let bad = [
            "",
            "Alpha",
            "3team",
            "-a",
            "a-",
            "a--b",
            "a_b",
            "a.b",
            "é",
            "a b",
            "ALPHA",
            &"a".repeat(31),
        ];
        for name in bad {
            assert_eq!(
                TenantName::parse(name),
                Err(TenantInputError::BadName),
                "{name:?}"
            );
        }
    }

    #[test]
    fn steps() {
        let from = utc_at(2025, 1, 31, 9, 30);
        // (typed, label, result)
        let cases = [
            ("72h", "72h", utc_at(2025, 2, 3, 9, 30)),
            ("+73h", "73h", utc_at(2025, 2, 3, 10, 30)),
            ("3d", "3d", utc_at(2025, 2, 3, 9, 30)),
            ("3 days", "3d", utc_at(2025, 2, 3, 9, 30)),
            ("1 hour", "1h", utc_at(2025, 1, 31, 10, 30)),
            ("30min", "30min", utc_at(2025, 1, 31, 10, 0)),
            ("2w", "2w", utc_at(2025, 2, 14, 9, 30)),
            // 31 January in Brussels plus one month: the last day of February.
            ("1month", "1month", utc_at(2025, 2, 28, 9, 30)),
            ("+1 month", "1month", utc_at(2025, 2, 28, 9, 30)),
            ("1y", "1y", utc_at(2026, 1, 31, 9, 30)),
        ];
        for (typed, label, expected) in cases {
            let step = Step::parse(typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!(step.label(), label, "{typed}");
            assert_eq!(step.after(from), expected, "{typed}");
        }
        let bad = [
            ("", TenantInputError::BadMove),
            ("h", TenantInputError::BadMove),
            ("3", TenantInputError::BadMove),
            ("3 fortnights", TenantInputError::BadMove),
            ("-3h", TenantInputError::BadMove),
            ("3m", TenantInputError::AmbiguousUnit),
            ("0h", TenantInputError::MoveOutOfRange),
            ("11y", TenantInputError::MoveOutOfRange),
            ("99999999999h", TenantInputError::MoveOutOfRange),
        ];
        for (typed, expected) in bad {
            assert_eq!(Step::parse(typed), Err(expected), "{typed:?}");
        }
    }

    #[test]
    fn a_month_on_the_brussels_calendar_across_summer_time() {
        // 1 March 00:30 in Brussels (28 February 23:30 UTC) plus a month: 1 April 00:30 in
        // Brussels, which is 31 March 22:30 UTC.
        let step = Step::parse("1month").unwrap();
        assert_eq!(
            step.after(utc_at(2025, 2, 28, 23, 30)),
            utc_at(2025, 3, 31, 22, 30)
        );
    }

    #[test]
    fn instants() {
        let cases = [
            ("2025-03-08T09:30:00Z", utc_at(2025, 3, 8, 9, 30)),
            ("2025-03-08T10:30:00+01:00", utc_at(2025, 3, 8, 9, 30)),
            ("2025-03-08T10:30", utc_at(2025, 3, 8, 9, 30)),
            ("2025-03-08 10:30", utc_at(2025, 3, 8, 9, 30)),
            ("2025-07-08 10:30:00", utc_at(2025, 7, 8, 8, 30)),
            ("2025-03-08", utc_at(2025, 3, 7, 23, 0)),
        ];
        for (typed, expected) in cases {
            assert_eq!(parse_instant(typed), Ok(expected), "{typed}");
        }
        assert_eq!(parse_instant("tomorrow"), Err(TenantInputError::BadInstant));
        assert_eq!(
            parse_instant("2025-02-30"),
            Err(TenantInputError::BadInstant)
        );
        assert_eq!(
            parse_instant("1999-12-31T12:00:00Z"),
            Err(TenantInputError::InstantOutOfRange)
        );
        assert_eq!(
            parse_instant("2100-01-02"),
            Err(TenantInputError::InstantOutOfRange)
        );
        assert_eq!(parse_day("2025-03-08").unwrap().to_string(), "2025-03-08");
        assert_eq!(parse_day("08/03/2025"), Err(TenantInputError::BadDate));
    }

    #[test]
    fn moves() {
        let from = utc_at(2025, 3, 5, 9, 30);
        assert_eq!(
            parse_move("72h"),
            Ok(ClockMove::Advance(Step {
                amount: 72,
                unit: StepUnit::Hours
            }))
        );
        assert_eq!(
            parse_move("2025-03-08T10:30"),
            Ok(ClockMove::To(utc_at(2025, 3, 8, 9, 30)))
        );
        let cases = [
            ("73h", Ok(Some(utc_at(2025, 3, 8, 10, 30)))),
            ("2025-03-05T10:30", Ok(None)),
            (
                "2025-03-04T10:30",
                Err(MoveRefused::Backwards {
                    from,
                    to: utc_at(2025, 3, 4, 9, 30),
                }),
            ),
        ];
        for (typed, expected) in cases {
            assert_eq!(parse_move(typed).unwrap().check(from), expected, "{typed}");
        }
        // A step from what the page showed: sent again once the clock is there, nothing
        // moves; after somebody else's move, refused.
        let day = Step {
            amount: 1,
            unit: StepUnit::Days,
        };
        let next_day = utc_at(2025, 3, 6, 9, 30);
        let from_shown = |shown| ClockMove::AdvanceFrom { shown, step: day };
        let cases = [
            (from_shown(from), from, Ok(Some(next_day))),
            (from_shown(from), next_day, Ok(None)),
            (
                from_shown(from),
                utc_at(2025, 3, 6, 9, 31),
                Err(MoveRefused::MovedMeanwhile {
                    shown: from,
                    clock: utc_at(2025, 3, 6, 9, 31),
                }),
            ),
            (
                from_shown(next_day),
                from,
                Err(MoveRefused::MovedMeanwhile {
                    shown: next_day,
                    clock: from,
                }),
            ),
        ];
        for (mv, clock, expected) in cases {
            assert_eq!(mv.check(clock), expected, "{mv:?} at {clock}");
        }
        let far = ClockMove::To(utc_at(2036, 1, 1, 0, 0));
        assert_eq!(
            far.check(from),
            Err(MoveRefused::Input(TenantInputError::MoveOutOfRange))
        );
        assert_eq!(
            ClockMove::To(utc_at(2099, 12, 31, 0, 0)).check(utc_at(2095, 1, 1, 0, 0)),
            Ok(Some(utc_at(2099, 12, 31, 0, 0)))
        );
    }

    #[test]
    fn every_error_has_a_message_key() {
        for e in [
            TenantInputError::BadName,
            TenantInputError::BadMove,
            TenantInputError::AmbiguousUnit,
            TenantInputError::MoveOutOfRange,
            TenantInputError::BadInstant,
            TenantInputError::InstantOutOfRange,
            TenantInputError::BadDate,
            TenantInputError::BadLanguage,
        ] {
            assert!(e.message_key().starts_with("tenant-error-"));
            assert!(!e.to_string().is_empty());
        }
    }
}
