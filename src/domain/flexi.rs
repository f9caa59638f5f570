//! The flexi-job eligibility engine.
//!
//! For quarter **T**, asked by company **C**, a person may work as a
//! flexi-worker:
//!
//! - as a **pensioner** if their pension started on or before the last day
//!   of quarter T-2;
//! - as a **worker** if, in the reference quarter T-3, their employment
//!   fraction with employers other than C is at least 4/5, counting only
//!   regular occupations.
//!
//! A consultation answers for the current quarter and, during the last month
//! of a quarter, for the next one too; other quarters are not determined.
//!
//! The [`Reason`] (pensioner or worker) is personal data: the company may only
//! see eligible / not eligible / not determined ([`Eligibility::code`]).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::bce::Bce;
use super::quarter::Quarter;

/// The minimum employment fraction in the reference quarter.
pub const FOUR_FIFTHS: f64 = 0.8;

/// Tolerance for comparing fractions computed from decimal hours (30.4 / 38
/// is 0.7999999999999999 in binary floating point).
const EPSILON: f64 = 1e-9;

named_enum! {
    /// The kind of a DmfA occupation line, as far as the 4/5 rule cares, named in storage
    /// and CSV files (e.g. `part_time_schooling`).
    #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
    pub enum OccupationKind {
        /// An ordinary employment: counts towards the 4/5.
        Regular = "regular",
        /// A flexi-job.
        Flexi = "flexi",
        /// A student job with solidarity contributions.
        Student = "student",
        /// An occasional extra in the hotel and catering trade.
        Extra = "extra",
        /// An occasional worker in agriculture or horticulture.
        Seasonal = "seasonal",
        /// An apprentice in dual training.
        Apprentice = "apprentice",
        /// A young person under part-time compulsory schooling.
        PartTimeSchooling = "part_time_schooling",
    }
}

impl OccupationKind {
    /// Whether occupations of this kind count towards the 4/5 employment
    /// fraction: only regular ones do.
    pub fn counts_towards_four_fifths(self) -> bool {
        self == Self::Regular
    }
}

/// One DmfA occupation line.
#[derive(Clone, Debug, PartialEq)]
pub struct Occupation {
    /// The employer.
    pub employer: Bce,
    /// The quarter the line is declared for.
    pub quarter: Quarter,
    /// The first day of the occupation.
    pub start_date: NaiveDate,
    /// The last day of the occupation, inclusive; `None` while it goes on.
    pub end_date: Option<NaiveDate>,
    /// Q: the worker's average weekly hours.
    pub worker_hours: f64,
    /// S: the full-time reference person's average weekly hours.
    pub reference_hours: f64,
    /// The kind of occupation.
    pub kind: OccupationKind,
}

impl Occupation {
    /// The number of days of `quarter` covered by the occupation, inclusive.
    fn days_in(&self, quarter: Quarter) -> i64 {
        let start = self.start_date.max(quarter.first_day());
        let end = self
            .end_date
            .map_or(quarter.last_day(), |end| end.min(quarter.last_day()));
        if end < start {
            0
        } else {
            (end - start).num_days() + 1
        }
    }

    /// Q / S, or 0 when the hours are not usable (S <= 0, Q <= 0, not finite).
    fn hours_ratio(&self) -> f64 {
        let (q, s) = (self.worker_hours, self.reference_hours);
        if q.is_finite() && s.is_finite() && q > 0.0 && s > 0.0 {
            q / s
        } else {
            0.0
        }
    }
}

/// The employment fraction in `quarter` with every employer but `excluding`:
/// the sum, over the occupations declared for `quarter` that count towards the
/// 4/5, of `Q / S` times the share of the quarter's days the occupation covers.
pub fn employment_fraction(occupations: &[Occupation], quarter: Quarter, excluding: &Bce) -> f64 {
    let quarter_days = quarter.days() as f64;
    occupations
        .iter()
        .filter(|o| o.quarter == quarter)
        .filter(|o| o.kind.counts_towards_four_fifths())
        .filter(|o| &o.employer != excluding)
        .map(|o| o.hours_ratio() * o.days_in(quarter) as f64 / quarter_days)
        .sum()
}

/// Whether `fraction` reaches [`FOUR_FIFTHS`], tolerating rounding errors.
pub fn meets_four_fifths(fraction: f64) -> bool {
    fraction >= FOUR_FIFTHS - EPSILON
}

/// Why a person is eligible. Personal data: never shown to the company.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Pensioner at the end of T-2.
    Pensioner,
    /// Employed at least 4/5 elsewhere in T-3.
    Worker,
}

/// The answer for one quarter or month.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Eligibility {
    /// The conditions are met (final for that quarter).
    Eligible(Reason),
    /// The conditions are not met (may change if the reference quarter's
    /// declarations are corrected).
    NotEligible,
    /// Outside the consultation window.
    NotDetermined,
}

impl Eligibility {
    /// Whether the conditions are met.
    pub fn is_eligible(self) -> bool {
        matches!(self, Self::Eligible(_))
    }

    /// The answer a company may see, without the reason: `eligible`,
    /// `not_eligible` or `not_determined`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Eligible(_) => "eligible",
            Self::NotEligible => "not_eligible",
            Self::NotDetermined => "not_determined",
        }
    }
}

/// The answer for one quarter of the consultation window.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct QuarterResult {
    /// The quarter.
    pub quarter: Quarter,
    /// Its eligibility.
    pub eligibility: Eligibility,
}

/// The answer for one month of the calendar shown.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct MonthResult {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The eligibility of the month's quarter, or not determined.
    pub eligibility: Eligibility,
}

/// The result of a flexi-job consultation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlexiResult {
    /// The consultation date.
    pub consulted_on: NaiveDate,
    /// The consultation window, in order, each quarter evaluated.
    pub quarters: Vec<QuarterResult>,
    /// The calendar: the 12 months of the consultation's year, plus the next
    /// quarter's months when the window reaches into the next year.
    pub months: Vec<MonthResult>,
}

impl FlexiResult {
    /// The period the person may work as a flexi-worker: from the first day
    /// of the first eligible quarter of the window to the last day of the
    /// last eligible quarter consecutive to it; `None` when none is eligible.
    pub fn eligible_period(&self) -> Option<(NaiveDate, NaiveDate)> {
        FlexiAnswer::from(self).eligible_period()
    }
}

/// The quarters a consultation on `on` answers for: the current quarter, plus
/// the next one when `on` is in the last month of its quarter.
pub fn window(on: NaiveDate) -> Vec<Quarter> {
    let current = Quarter::containing(on);
    if Quarter::is_last_month(on) {
        vec![current, current.next()]
    } else {
        vec![current]
    }
}

/// The eligibility for quarter `q`, asked by `asking`: pensioner if the
/// pension started on or before the last day of T-2, else worker if the
/// employment fraction with other employers in T-3 reaches 4/5, else not
/// eligible.
pub fn quarter_eligibility(
    q: Quarter,
    pension_start: Option<NaiveDate>,
    occupations: &[Occupation],
    asking: &Bce,
) -> Eligibility {
    let end_of_t2 = q.offset(-2).last_day();
    if pension_start.is_some_and(|start| start <= end_of_t2) {
        Eligibility::Eligible(Reason::Pensioner)
    } else if meets_four_fifths(employment_fraction(occupations, q.offset(-3), asking)) {
        Eligibility::Eligible(Reason::Worker)
    } else {
        Eligibility::NotEligible
    }
}

/// Evaluates a consultation on `on` for the company `asking`: each quarter of
/// the [`window`], and the calendar months (the year of `on`, extended by the
/// next quarter when it falls in the next year: 15 months in December).
pub fn evaluate(
    on: NaiveDate,
    pension_start: Option<NaiveDate>,
    occupations: &[Occupation],
    asking: &Bce,
) -> FlexiResult {
    let quarters: Vec<QuarterResult> = window(on)
        .into_iter()
        .map(|quarter| QuarterResult {
            quarter,
            eligibility: quarter_eligibility(quarter, pension_start, occupations, asking),
        })
        .collect();

    let year = on.year();
    let following = quarters
        .iter()
        .filter(|r| r.quarter.year > year)
        .flat_map(|r| r.quarter.months());
    let months = (1..=12)
        .map(|month| (year, month))
        .chain(following)
        .map(|(year, month)| {
            let eligibility = quarters
                .iter()
                .find(|r| r.quarter.months().contains(&(year, month)))
                .map_or(Eligibility::NotDetermined, |r| r.eligibility);
            MonthResult {
                year,
                month,
                eligibility,
            }
        })
        .collect();

    FlexiResult {
        consulted_on: on,
        quarters,
        months,
    }
}

/// What a company is told for a quarter or a month: eligible, not eligible or not
/// determined, and never why.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Verdict {
    /// The conditions are met (final for that quarter).
    Eligible,
    /// The conditions are not met.
    NotEligible,
    /// Outside the consultation window.
    NotDetermined,
}

impl Verdict {
    /// `eligible`, `not_eligible` or `not_determined` (page test ids, CSS classes, message
    /// keys).
    pub fn code(self) -> &'static str {
        match self {
            Self::Eligible => "eligible",
            Self::NotEligible => "not_eligible",
            Self::NotDetermined => "not_determined",
        }
    }
}

impl From<Eligibility> for Verdict {
    fn from(e: Eligibility) -> Self {
        match e {
            Eligibility::Eligible(_) => Verdict::Eligible,
            Eligibility::NotEligible => Verdict::NotEligible,
            Eligibility::NotDetermined => Verdict::NotDetermined,
        }
    }
}

/// A quarter of the window and its verdict (JSON: `{"year", "quarter", "status"}`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "QuarterJson", try_from = "QuarterJson")]
pub struct QuarterVerdict {
    /// The quarter.
    pub quarter: Quarter,
    /// Its verdict.
    pub status: Verdict,
}

#[derive(Serialize, Deserialize)]
struct QuarterJson {
    year: i32,
    quarter: u8,
    status: Verdict,
}

impl From<QuarterVerdict> for QuarterJson {
    fn from(q: QuarterVerdict) -> Self {
        QuarterJson {
            year: q.quarter.year,
            quarter: q.quarter.quarter,
            status: q.status,
        }
    }
}

impl TryFrom<QuarterJson> for QuarterVerdict {
    type Error = String;
    fn try_from(j: QuarterJson) -> Result<Self, String> {
        Ok(QuarterVerdict {
            quarter: Quarter::new(j.year, j.quarter)
                .ok_or_else(|| format!("no quarter {}-Q{}", j.year, j.quarter))?,
            status: j.status,
        })
    }
}

/// A month of the calendar and its verdict (JSON: `{"month": "2025-01", "status"}`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "MonthJson", try_from = "MonthJson")]
pub struct MonthVerdict {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// Its verdict.
    pub status: Verdict,
}

#[derive(Serialize, Deserialize)]
struct MonthJson {
    month: String,
    status: Verdict,
}

impl From<MonthVerdict> for MonthJson {
    fn from(m: MonthVerdict) -> Self {
        MonthJson {
            month: format!("{:04}-{:02}", m.year, m.month),
            status: m.status,
        }
    }
}

impl TryFrom<MonthJson> for MonthVerdict {
    type Error = String;
    fn try_from(j: MonthJson) -> Result<Self, String> {
        let bad = || format!("no month {:?}", j.month);
        let (year, month) = j.month.split_once('-').ok_or_else(bad)?;
        let (year, month): (i32, u32) = (
            year.parse().map_err(|_| bad())?,
            month.parse().map_err(|_| bad())?,
        );
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(MonthVerdict {
            year,
            month,
            status: j.status,
        })
    }
}

/// The answer a company sees for a flexi-job consultation: a verdict per quarter of the
/// window and per month of the calendar, nothing about fractions or reasons. It is what
/// the audit keeps, the page and the PDF show and the API sends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlexiAnswer {
    /// The consultation window, in order.
    pub quarters: Vec<QuarterVerdict>,
    /// The calendar (see [`FlexiResult::months`]).
    pub months: Vec<MonthVerdict>,
}

impl From<&FlexiResult> for FlexiAnswer {
    fn from(r: &FlexiResult) -> Self {
        FlexiAnswer {
            quarters: r
                .quarters
                .iter()
                .map(|q| QuarterVerdict {
                    quarter: q.quarter,
                    status: q.eligibility.into(),
                })
                .collect(),
            months: r
                .months
                .iter()
                .map(|m| MonthVerdict {
                    year: m.year,
                    month: m.month,
                    status: m.eligibility.into(),
                })
                .collect(),
        }
    }
}

impl FlexiAnswer {
    /// The answer with every quarter of `fixed` eligible (and its months): a positive
    /// answer is final for its quarter, so a quarter once answered eligible to the same
    /// company stays eligible whatever corrections come later. A negative answer follows
    /// the sources.
    pub fn with_fixed(mut self, fixed: &[Quarter]) -> FlexiAnswer {
        for q in &mut self.quarters {
            if fixed.contains(&q.quarter) {
                q.status = Verdict::Eligible;
            }
        }
        for m in &mut self.months {
            let quarter = self
                .quarters
                .iter()
                .find(|q| q.quarter.months().contains(&(m.year, m.month)));
            if let Some(q) = quarter {
                m.status = q.status;
            }
        }
        self
    }

    /// The quarters answered eligible.
    pub fn eligible_quarters(&self) -> Vec<Quarter> {
        self.quarters
            .iter()
            .filter(|q| q.status == Verdict::Eligible)
            .map(|q| q.quarter)
            .collect()
    }

    /// The period the person may work as a flexi-worker: from the first day of the first
    /// eligible quarter of the window to the last day of the last eligible quarter
    /// consecutive to it; `None` when none is eligible.
    pub fn eligible_period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let mut rest = self
            .quarters
            .iter()
            .skip_while(|r| r.status != Verdict::Eligible);
        let first = rest.next()?.quarter;
        let mut last = first;
        for r in rest {
            if r.status != Verdict::Eligible || r.quarter != last.next() {
                break;
            }
            last = r.quarter;
        }
        Some((first.first_day(), last.last_day()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{date, q};

    const ASKING: &str = "0765432146";
    const OTHER: &str = "0412345614";
    const THIRD: &str = "1000000021";

    fn bce(s: &str) -> Bce {
        Bce::parse(s).unwrap()
    }

    /// A whole-quarter occupation.
    fn occ(
        employer: &str,
        quarter: Quarter,
        hours: f64,
        reference: f64,
        kind: OccupationKind,
    ) -> Occupation {
        Occupation {
            employer: bce(employer),
            quarter,
            start_date: date(2010, 1, 1),
            end_date: None,
            worker_hours: hours,
            reference_hours: reference,
            kind,
        }
    }

    /// A full-time regular occupation over `start..=end` in `quarter`.
    fn dated(quarter: Quarter, start: NaiveDate, end: Option<NaiveDate>) -> Occupation {
        Occupation {
            start_date: start,
            end_date: end,
            ..occ(OTHER, quarter, 38.0, 38.0, OccupationKind::Regular)
        }
    }

    #[test]
    fn occupation_kinds() {
        let cases = [
            ("regular", OccupationKind::Regular, true),
            ("flexi", OccupationKind::Flexi, false),
            ("student", OccupationKind::Student, false),
            ("extra", OccupationKind::Extra, false),
            ("seasonal", OccupationKind::Seasonal, false),
            ("apprentice", OccupationKind::Apprentice, false),
            (
                "part_time_schooling",
                OccupationKind::PartTimeSchooling,
                false,
            ),
        ];
        for (name, kind, counts) in cases {
            assert_eq!(OccupationKind::parse(name), Some(kind));
            assert_eq!(kind.as_str(), name);
            assert_eq!(kind.counts_towards_four_fifths(), counts, "{name}");
        }
        for input in ["", "Regular", "part-time-schooling", " flexi"] {
            assert_eq!(OccupationKind::parse(input), None, "{input:?}");
        }
    }

    #[test]
    fn fractions_and_worker_eligibility() {
        use OccupationKind::*;
        let t = q(2024, 1);
        let r = q(2023, 2); // T-3
        let line = |employer, hours, reference, kind| occ(employer, r, hours, reference, kind);
        let regular = |employer, hours, reference| line(employer, hours, reference, Regular);
        // (name, occupations, expected fraction, whether eligible as a worker for T)
        let cases: Vec<(&str, Vec<Occupation>, f64, bool)> = vec![
            ("none", vec![], 0.0, false),
            ("full time", vec![regular(OTHER, 38.0, 38.0)], 1.0, true),
            ("exactly 0.8", vec![regular(OTHER, 30.4, 38.0)], 0.8, true),
            (
                "exactly 0.8 integers",
                vec![regular(OTHER, 4.0, 5.0)],
                0.8,
                true,
            ),
            (
                "0.7999",
                vec![regular(OTHER, 7999.0, 10000.0)],
                0.7999,
                false,
            ),
            (
                "part-time employers summing to 0.8",
                vec![regular(OTHER, 19.0, 38.0), regular(THIRD, 12.0, 40.0)],
                0.8,
                true,
            ),
            (
                "part-time employers summing below 0.8",
                vec![regular(OTHER, 19.0, 38.0), regular(THIRD, 11.0, 40.0)],
                0.775,
                false,
            ),
            (
                "4/5 only with the asking company",
                vec![regular(ASKING, 38.0, 38.0)],
                0.0,
                false,
            ),
            (
                "asking company does not add up",
                vec![regular(OTHER, 19.0, 38.0), regular(ASKING, 19.0, 38.0)],
                0.5,
                false,
            ),
            (
                "4/5 only with flexi and student lines",
                vec![
                    regular(OTHER, 19.0, 38.0),
                    line(OTHER, 10.0, 38.0, Flexi),
                    line(THIRD, 10.0, 38.0, Student),
                ],
                0.5,
                false,
            ),
            (
                "excluded kinds",
                [Extra, Seasonal, Apprentice, PartTimeSchooling]
                    .map(|kind| line(OTHER, 38.0, 38.0, kind))
                    .to_vec(),
                0.0,
                false,
            ),
            (
                "other quarter only (T-2)",
                vec![occ(OTHER, q(2023, 3), 38.0, 38.0, Regular)],
                0.0,
                false,
            ),
            (
                "other quarter only (T-4)",
                vec![occ(OTHER, q(2023, 1), 38.0, 38.0, Regular)],
                0.0,
                false,
            ),
            (
                "reference hours zero",
                vec![regular(OTHER, 38.0, 0.0)],
                0.0,
                false,
            ),
            (
                "reference hours negative",
                vec![regular(OTHER, 38.0, -38.0)],
                0.0,
                false,
            ),
            (
                "worker hours negative",
                vec![regular(OTHER, -38.0, 38.0)],
                0.0,
                false,
            ),
            (
                "hours not a number",
                vec![regular(OTHER, f64::NAN, 38.0)],
                0.0,
                false,
            ),
            (
                "hours infinite",
                vec![regular(OTHER, f64::INFINITY, 38.0)],
                0.0,
                false,
            ),
        ];
        let asking = bce(ASKING);
        for (name, occupations, fraction, eligible) in cases {
            let got = employment_fraction(&occupations, r, &asking);
            assert!((got - fraction).abs() < 1e-9, "{name}: {got}");
            let expected = if eligible {
                Eligibility::Eligible(Reason::Worker)
            } else {
                Eligibility::NotEligible
            };
            assert_eq!(
                quarter_eligibility(t, None, &occupations, &asking),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn partial_quarters() {
        let q1_2023 = q(2023, 1); // 90 days
        let q1_2024 = q(2024, 1); // 91 days
        let q2_2023 = q(2023, 2); // 91 days
        // (quarter, start, end, days of the quarter covered)
        let cases = [
            (q1_2023, date(2023, 1, 19), None, 72),
            (q1_2023, date(2023, 1, 20), None, 71),
            (q1_2024, date(2024, 1, 19), None, 73),
            (q1_2024, date(2024, 1, 20), None, 72),
            (q2_2023, date(2020, 5, 1), Some(date(2023, 6, 12)), 73),
            (q2_2023, date(2020, 5, 1), Some(date(2023, 6, 11)), 72),
            // Starts and ends inside.
            (q2_2023, date(2023, 4, 10), Some(date(2023, 4, 10)), 1),
            // Open, started long before.
            (q2_2023, date(2001, 1, 1), None, 91),
            (q2_2023, date(2020, 1, 1), Some(date(2023, 3, 31)), 0),
            (q2_2023, date(2023, 7, 1), None, 0),
            // End before start.
            (q2_2023, date(2023, 5, 10), Some(date(2023, 5, 1)), 0),
        ];
        let asking = bce(ASKING);
        for (quarter, start, end, days) in cases {
            let name = format!("{quarter} {start} {end:?}");
            let expected = days as f64 / quarter.days() as f64;
            let got = employment_fraction(&[dated(quarter, start, end)], quarter, &asking);
            assert!(
                (got - expected).abs() < 1e-12,
                "{name}: {got} vs {expected}"
            );
            assert_eq!(meets_four_fifths(got), expected >= 0.8 - 1e-9, "{name}");
        }
        // 72 covered days reach exactly 4/5 of Q1 2023, not of leap Q1 2024.
        let asking_t = |o: Occupation| {
            let t = o.quarter.offset(3);
            quarter_eligibility(t, None, &[o], &asking)
        };
        assert!(asking_t(dated(q1_2023, date(2023, 1, 19), None)).is_eligible());
        assert!(!asking_t(dated(q1_2024, date(2024, 1, 20), None)).is_eligible());
        assert!(asking_t(dated(q1_2024, date(2024, 1, 19), None)).is_eligible());
    }

    #[test]
    fn pension_boundary() {
        let t = q(2025, 1); // T-2 = 2024-Q3, ends 30 September 2024
        let asking = bce(ASKING);
        let cases = [
            (None, Eligibility::NotEligible),
            (
                Some(date(1990, 1, 1)),
                Eligibility::Eligible(Reason::Pensioner),
            ),
            (
                Some(date(2024, 9, 30)),
                Eligibility::Eligible(Reason::Pensioner),
            ),
            (Some(date(2024, 10, 1)), Eligibility::NotEligible),
            (Some(date(2025, 1, 1)), Eligibility::NotEligible),
        ];
        for (pension, expected) in cases {
            assert_eq!(
                quarter_eligibility(t, pension, &[], &asking),
                expected,
                "{pension:?}"
            );
        }
        // A pensioner with 4/5 elsewhere is eligible as a pensioner.
        let work = [occ(OTHER, q(2024, 2), 38.0, 38.0, OccupationKind::Regular)];
        assert_eq!(
            quarter_eligibility(t, Some(date(2024, 9, 30)), &work, &asking),
            Eligibility::Eligible(Reason::Pensioner)
        );
        assert_eq!(
            quarter_eligibility(t, Some(date(2024, 10, 1)), &work, &asking),
            Eligibility::Eligible(Reason::Worker)
        );
    }

    #[test]
    fn consultation_window() {
        let cases = [
            (date(2025, 1, 1), vec![q(2025, 1)]),
            (date(2025, 2, 28), vec![q(2025, 1)]),
            (date(2025, 3, 1), vec![q(2025, 1), q(2025, 2)]),
            (date(2025, 3, 31), vec![q(2025, 1), q(2025, 2)]),
            (date(2025, 4, 1), vec![q(2025, 2)]),
            (date(2025, 5, 31), vec![q(2025, 2)]),
            (date(2025, 6, 1), vec![q(2025, 2), q(2025, 3)]),
            (date(2024, 2, 29), vec![q(2024, 1)]),
            (date(2025, 11, 30), vec![q(2025, 4)]),
            (date(2025, 12, 1), vec![q(2025, 4), q(2026, 1)]),
            (date(2025, 12, 31), vec![q(2025, 4), q(2026, 1)]),
        ];
        for (on, expected) in cases {
            assert_eq!(window(on), expected, "{on}");
        }
    }

    /// Eligibility of each month in the result, as (year, month, code).
    fn calendar(result: &FlexiResult) -> Vec<(i32, u32, &'static str)> {
        result
            .months
            .iter()
            .map(|m| (m.year, m.month, m.eligibility.code()))
            .collect()
    }

    #[test]
    fn evaluate_in_march() {
        // Worked 4/5 elsewhere in 2024-Q2 (reference of 2025-Q1) but not in
        // 2024-Q3 (reference of 2025-Q2).
        let work = [occ(OTHER, q(2024, 2), 38.0, 38.0, OccupationKind::Regular)];
        let asking = bce(ASKING);
        let worker = Eligibility::Eligible(Reason::Worker);
        for on in [date(2025, 3, 1), date(2025, 3, 31)] {
            let result = evaluate(on, None, &work, &asking);
            assert_eq!(result.consulted_on, on);
            assert_eq!(
                result.quarters,
                vec![
                    QuarterResult {
                        quarter: q(2025, 1),
                        eligibility: worker
                    },
                    QuarterResult {
                        quarter: q(2025, 2),
                        eligibility: Eligibility::NotEligible
                    },
                ]
            );
            let mut expected: Vec<(i32, u32, &str)> =
                (1..=3).map(|m| (2025, m, "eligible")).collect();
            expected.extend((4..=6).map(|m| (2025, m, "not_eligible")));
            expected.extend((7..=12).map(|m| (2025, m, "not_determined")));
            assert_eq!(calendar(&result), expected, "{on}");
            assert_eq!(
                result.eligible_period(),
                Some((date(2025, 1, 1), date(2025, 3, 31)))
            );
        }
        // The day before the last month: only the current quarter.
        let result = evaluate(date(2025, 2, 28), None, &work, &asking);
        assert_eq!(result.quarters.len(), 1);
        assert_eq!(result.months.len(), 12);
        assert_eq!(result.months[3].eligibility, Eligibility::NotDetermined);
        assert_eq!(result.months[2].eligibility, worker);
    }

    #[test]
    fn evaluate_on_31_december() {
        let asking = bce(ASKING);
        let pension = Some(date(2020, 6, 30));
        let result = evaluate(date(2025, 12, 31), pension, &[], &asking);
        assert_eq!(result.quarters.len(), 2);
        assert_eq!(result.quarters[1].quarter, q(2026, 1));
        assert_eq!(result.months.len(), 15);
        let mut expected: Vec<(i32, u32, &str)> =
            (1..=9).map(|m| (2025, m, "not_determined")).collect();
        expected.extend((10..=12).map(|m| (2025, m, "eligible")));
        expected.extend((1..=3).map(|m| (2026, m, "eligible")));
        assert_eq!(calendar(&result), expected);
        assert_eq!(
            result.eligible_period(),
            Some((date(2025, 10, 1), date(2026, 3, 31)))
        );
        // Not in the last month: 12 months only.
        let november = evaluate(date(2025, 11, 30), pension, &[], &asking);
        assert_eq!(november.months.len(), 12);
    }

    #[test]
    fn eligible_periods() {
        let yes = Eligibility::Eligible(Reason::Worker);
        let no = Eligibility::NotEligible;
        let nd = Eligibility::NotDetermined;
        let result = |quarters: &[(Quarter, Eligibility)]| FlexiResult {
            consulted_on: date(2025, 3, 15),
            quarters: quarters
                .iter()
                .map(|&(quarter, eligibility)| QuarterResult {
                    quarter,
                    eligibility,
                })
                .collect(),
            months: vec![],
        };
        let (q1, q2, q3) = (q(2025, 1), q(2025, 2), q(2025, 3));
        let cases = [
            (vec![], None),
            (vec![(q1, no)], None),
            (vec![(q1, nd)], None),
            (vec![(q1, no), (q2, no)], None),
            (vec![(q1, yes)], Some((date(2025, 1, 1), date(2025, 3, 31)))),
            (
                vec![(q1, yes), (q2, yes)],
                Some((date(2025, 1, 1), date(2025, 6, 30))),
            ),
            (
                vec![(q1, yes), (q2, no)],
                Some((date(2025, 1, 1), date(2025, 3, 31))),
            ),
            (
                vec![(q1, no), (q2, yes)],
                Some((date(2025, 4, 1), date(2025, 6, 30))),
            ),
            (
                vec![(q1, yes), (q2, no), (q3, yes)],
                Some((date(2025, 1, 1), date(2025, 3, 31))),
            ),
            // Not consecutive quarters: the period stops.
            (
                vec![(q1, yes), (q3, yes)],
                Some((date(2025, 1, 1), date(2025, 3, 31))),
            ),
        ];
        for (quarters, expected) in cases {
            assert_eq!(
                result(&quarters).eligible_period(),
                expected,
                "{quarters:?}"
            );
        }
    }

    #[test]
    fn eligibility_codes() {
        let cases = [
            (Eligibility::Eligible(Reason::Pensioner), "eligible", true),
            (Eligibility::Eligible(Reason::Worker), "eligible", true),
            (Eligibility::NotEligible, "not_eligible", false),
            (Eligibility::NotDetermined, "not_determined", false),
        ];
        for (eligibility, code, eligible) in cases {
            assert_eq!(eligibility.code(), code);
            assert_eq!(eligibility.is_eligible(), eligible);
        }
    }

    #[test]
    fn the_company_s_answer_keeps_verdicts_only_and_round_trips() {
        let on = date(2025, 3, 5);
        let r = evaluate(on, Some(date(2024, 1, 1)), &[], &bce(ASKING));
        let answer = FlexiAnswer::from(&r);
        assert_eq!(answer.quarters.len(), 2);
        assert!(
            answer
                .quarters
                .iter()
                .all(|q| q.status == Verdict::Eligible)
        );
        let json = serde_json::to_value(&answer).unwrap();
        assert_eq!(
            json["quarters"][0],
            serde_json::json!({"year": 2025, "quarter": 1, "status": "ELIGIBLE"})
        );
        assert_eq!(
            json["months"][11],
            serde_json::json!({"month": "2025-12", "status": "NOT_DETERMINED"})
        );
        let text = json.to_string();
        assert!(
            !text.contains("ensioner") && !text.contains("orker"),
            "{text}"
        );
        assert_eq!(serde_json::from_value::<FlexiAnswer>(json).unwrap(), answer);
        for bad in [
            serde_json::json!({"quarters": [{"year": 2025, "quarter": 5, "status": "ELIGIBLE"}], "months": []}),
            serde_json::json!({"quarters": [], "months": [{"month": "2025-13", "status": "ELIGIBLE"}]}),
            serde_json::json!({"quarters": [], "months": [], "fraction": 0.8}),
        ] {
            assert!(
                serde_json::from_value::<FlexiAnswer>(bad.clone()).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_positive_answer_is_fixed_for_its_quarter() {
        // Not eligible from the sources, in March: Q1 and Q2 are answered.
        let on = date(2025, 3, 5);
        let r = evaluate(on, None, &[], &bce(ASKING));
        let answer = FlexiAnswer::from(&r);
        assert!(answer.eligible_quarters().is_empty());
        assert_eq!(answer.eligible_period(), None);
        // (quarters fixed earlier, quarters eligible, months eligible)
        let cases: [(&[Quarter], &[Quarter], usize); 4] = [
            (&[], &[], 0),
            (&[q(2025, 1)], &[q(2025, 1)], 3),
            (&[q(2025, 1), q(2025, 2)], &[q(2025, 1), q(2025, 2)], 6),
            // A quarter outside the window changes nothing.
            (&[q(2024, 4), q(2025, 3)], &[], 0),
        ];
        for (fixed, eligible, months) in cases {
            let a = answer.clone().with_fixed(fixed);
            assert_eq!(a.eligible_quarters(), eligible, "{fixed:?}");
            let n = a
                .months
                .iter()
                .filter(|m| m.status == Verdict::Eligible)
                .count();
            assert_eq!(n, months, "{fixed:?}");
        }
        let a = answer.with_fixed(&[q(2025, 2)]);
        assert_eq!(
            a.eligible_period(),
            Some((date(2025, 4, 1), date(2025, 6, 30)))
        );
        assert_eq!(a.months[3].status, Verdict::Eligible);
        assert_eq!(a.months[0].status, Verdict::NotEligible);
    }
}
