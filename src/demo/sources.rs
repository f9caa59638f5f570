//! The authentic-source data of the demo world, relative to the consultation
//! date so that every demo person shows their case on any day.
//!
//! For the reference quarters of a consultation on `today` (T-3 of the current
//! quarter and of the next one), the DmfA occupation lines are:
//!
//! | person         | occupation lines                                   | flexi-job                  |
//! |----------------|----------------------------------------------------|----------------------------|
//! | Maria Abara    | regular 30.4/38 (4/5) at 0203.201.340              | eligible (worker)          |
//! | Lucas Janssens | regular 0.5 at 0452.123.433 + 0.3 at 0876.345.906  | eligible (worker)          |
//! | Marc Dubois    | none; pension since 2020-04-01 (register)          | eligible (pensioner)       |
//! | Emma Martin    | regular 0.79 at 0403.170.701                       | not eligible               |
//! | Noah Lambert   | regular 4/5 at Resto Pokébowl 0765.432.146         | not eligible when it asks  |
//! | Julie Wouters  | regular 0.5 + flexi 0.3 + student 0.2              | not eligible               |
//!
//! Dimona STU hours for the year of `today`, spread over its quarters up to the
//! current one: Sarah Dumont 496 hours (154 left of 650 from 2025; the quota
//! minus 154 in any year), Kevin Claes the quota plus 12 (exceeded). Plus the
//! yearly quotas of 2017 to 2030 from [`default_quota`].

use chrono::{Datelike, NaiveDate};
use diesel::{PgConnection, prelude::*};

use super::{
    companies::RESTO_BCE,
    people::{EMMA, JULIE, KEVIN, LUCAS, MARIA, NOAH, PEOPLE, Persona, SARAH},
};
use crate::db::schema::{occupations, student_hours};
use crate::domain::{
    Bce, Niss, Quarter,
    flexi::{Occupation, OccupationKind},
    student::default_quota,
};
use crate::sources::import::{OccupationLine, StudentHoursLine, StudentQuotaLine, upsert};

/// Maria Abara's employer.
pub const MARIA_EMPLOYER: &str = "0203201340";
/// Lucas Janssens's first part-time employer (0.5).
pub const LUCAS_EMPLOYER_A: &str = "0452123433";
/// Lucas Janssens's second part-time employer (0.3).
pub const LUCAS_EMPLOYER_B: &str = "0876345906";
/// Emma Martin's employer (0.79).
pub const EMMA_EMPLOYER: &str = "0403170701";
/// Julie Wouters's regular employer (0.5).
pub const JULIE_REGULAR_EMPLOYER: &str = "0712345630";
/// Julie Wouters's flexi-job employer (0.3).
pub const JULIE_FLEXI_EMPLOYER: &str = "0698765432";
/// The employer of the demo students (and of Julie's student job).
pub const STUDENT_EMPLOYER: &str = "0555123476";

/// Hours left to Sarah Dumont in the year of the consultation.
pub const SARAH_REMAINING: u32 = 154;
/// Hours Kevin Claes worked beyond the quota.
pub const KEVIN_OVER: u32 = 12;

/// The first and last years of the seeded quotas.
pub const QUOTA_YEARS: std::ops::RangeInclusive<i32> = 2017..=2030;

/// The full-time reference hours (S) of every demo occupation.
const FULL_TIME: f64 = 38.0;

#[allow(clippy::expect_used)] // an invariant of static data, checked by the tests
fn bce(digits: &str) -> Bce {
    Bce::parse(digits).expect("demo BCE are valid")
}

/// The occupation lines of the demo people for the reference quarters of
/// consultations on `today` (T-3 of the current quarter and of the next one).
pub fn demo_occupations(today: NaiveDate) -> Vec<OccupationLine> {
    let current = Quarter::containing(today);
    // Every demo occupation started three years before and goes on.
    let start_date = current.offset(-12).first_day();
    // (person, employer, Q, kind)
    let lines: [(&Persona, &str, f64, OccupationKind); 8] = [
        (&MARIA, MARIA_EMPLOYER, 30.4, OccupationKind::Regular),
        (&LUCAS, LUCAS_EMPLOYER_A, 19.0, OccupationKind::Regular),
        (&LUCAS, LUCAS_EMPLOYER_B, 11.4, OccupationKind::Regular),
        (&EMMA, EMMA_EMPLOYER, 30.02, OccupationKind::Regular),
        (&NOAH, RESTO_BCE, 30.4, OccupationKind::Regular),
        (
            &JULIE,
            JULIE_REGULAR_EMPLOYER,
            19.0,
            OccupationKind::Regular,
        ),
        (&JULIE, JULIE_FLEXI_EMPLOYER, 11.4, OccupationKind::Flexi),
        (&JULIE, STUDENT_EMPLOYER, 7.6, OccupationKind::Student),
    ];
    [current.offset(-3), current.offset(-2)]
        .into_iter()
        .flat_map(|quarter| {
            lines
                .iter()
                .map(move |&(person, employer, hours, kind)| OccupationLine {
                    niss: person.to_niss(),
                    occupation: Occupation {
                        employer: bce(employer),
                        quarter,
                        start_date,
                        end_date: None,
                        worker_hours: hours,
                        reference_hours: FULL_TIME,
                        kind,
                    },
                })
        })
        .collect()
}

/// `total` hours spread over the quarters of the year of `today` up to the
/// current one, as evenly as possible (the last quarter gets the rest).
fn spread(niss: &Niss, today: NaiveDate, total: u32) -> Vec<StudentHoursLine> {
    let current = Quarter::containing(today);
    let count = u32::from(current.quarter);
    (1..=current.quarter)
        .filter_map(|n| Quarter::new(today.year(), n))
        .map(|quarter| {
            let share = total / count;
            let hours = if quarter == current {
                total - share * (count - 1)
            } else {
                share
            };
            StudentHoursLine {
                niss: niss.clone(),
                employer: bce(STUDENT_EMPLOYER),
                quarter,
                hours,
            }
        })
        .collect()
}

/// The Dimona STU hours of the demo students for the year of `today`.
pub fn demo_student_hours(today: NaiveDate) -> Vec<StudentHoursLine> {
    let quota = default_quota(today.year());
    let mut lines = spread(
        &SARAH.to_niss(),
        today,
        quota.saturating_sub(SARAH_REMAINING),
    );
    lines.extend(spread(&KEVIN.to_niss(), today, quota + KEVIN_OVER));
    lines
}

/// The yearly quotas of [`QUOTA_YEARS`], from [`default_quota`].
pub fn demo_student_quotas() -> Vec<StudentQuotaLine> {
    QUOTA_YEARS
        .map(|year| StudentQuotaLine {
            year,
            hours: default_quota(year),
        })
        .collect()
}

/// Replaces the source rows of the demo people with those for consultations
/// on `today`, and upserts the yearly quotas. Idempotent for a given `today`;
/// seeding with another date moves the demo world to that date. Returns the
/// number of rows written. Run it inside the seed's transaction.
pub fn seed_sources(conn: &mut PgConnection, today: NaiveDate) -> QueryResult<usize> {
    let people: Vec<&str> = PEOPLE.iter().map(Persona::niss).collect();
    diesel::delete(occupations::table.filter(occupations::niss.eq_any(&people))).execute(conn)?;
    diesel::delete(student_hours::table.filter(student_hours::niss.eq_any(&people)))
        .execute(conn)?;
    let mut written = upsert(conn, &demo_occupations(today))?;
    written += upsert(conn, &demo_student_hours(today))?;
    written += upsert(conn, &demo_student_quotas())?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::people::MARC;
    use crate::domain::flexi::{self, Eligibility, Reason};
    use crate::domain::student;
    use crate::domain::testing::date;

    fn eligibility(today: NaiveDate, person: &Persona, asking: &str) -> Vec<Eligibility> {
        let niss = person.to_niss();
        let occupations: Vec<Occupation> = demo_occupations(today)
            .into_iter()
            .filter(|l| l.niss == niss)
            .map(|l| l.occupation)
            .collect();
        flexi::evaluate(today, person.pension_start(), &occupations, &bce(asking))
            .quarters
            .iter()
            .map(|r| r.eligibility)
            .collect()
    }

    #[test]
    fn every_demo_bce_is_valid() {
        for digits in [
            MARIA_EMPLOYER,
            LUCAS_EMPLOYER_A,
            LUCAS_EMPLOYER_B,
            EMMA_EMPLOYER,
            RESTO_BCE,
            JULIE_REGULAR_EMPLOYER,
            JULIE_FLEXI_EMPLOYER,
            STUDENT_EMPLOYER,
        ] {
            assert!(Bce::parse(digits).is_ok(), "{digits}");
        }
    }

    #[test]
    fn every_case_on_any_date() {
        let worker = Eligibility::Eligible(Reason::Worker);
        let pensioner = Eligibility::Eligible(Reason::Pensioner);
        let no = Eligibility::NotEligible;
        let days = [
            date(2025, 3, 5),
            date(2025, 1, 1),
            date(2025, 5, 20),
            date(2026, 12, 31),
            date(2024, 2, 29),
            date(2031, 9, 30),
        ];
        for today in days {
            let n = flexi::window(today).len();
            let cases = [
                (&MARIA, RESTO_BCE, worker),
                (&LUCAS, RESTO_BCE, worker),
                (&MARC, RESTO_BCE, pensioner),
                (&EMMA, RESTO_BCE, no),
                (&NOAH, RESTO_BCE, no),
                (&NOAH, MARIA_EMPLOYER, worker),
                (&JULIE, RESTO_BCE, no),
            ];
            for (person, asking, expected) in cases {
                assert_eq!(
                    eligibility(today, person, asking),
                    vec![expected; n],
                    "{} asked by {asking} on {today}",
                    person.first_name()
                );
            }
            let hours = demo_student_hours(today);
            let year = today.year();
            let balance = |person: &Persona| {
                let niss = person.to_niss();
                student::balance(
                    year,
                    default_quota(year),
                    hours.iter().filter(|l| l.niss == niss).map(|l| l.hours),
                )
            };
            let sarah = balance(&SARAH);
            assert_eq!((sarah.remaining, sarah.exceeded), (154, false), "{today}");
            let kevin = balance(&KEVIN);
            assert_eq!((kevin.remaining, kevin.exceeded), (0, true), "{today}");
            assert_eq!(kevin.used, default_quota(year) + 12, "{today}");
            assert!(
                hours
                    .iter()
                    .all(|l| l.quarter.year == year && l.quarter <= Quarter::containing(today))
            );
        }
    }

    #[test]
    fn sarah_uses_496_hours_from_2025() {
        let hours: u32 = demo_student_hours(date(2025, 8, 1))
            .iter()
            .filter(|l| l.niss == SARAH.to_niss())
            .map(|l| l.hours)
            .sum();
        assert_eq!(hours, 496);
        assert_eq!(demo_student_quotas().len(), 14);
    }
}
