//! The people of the demo world: the persons of the demo national register, each a typed
//! [`Persona`] with the part they play in the story, and the back-office staff.
//!
//! Tests name them instead of copying their numbers: `demo::people::MARIA.niss()`.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use crate::{
    auth::StaffRole,
    db::staff,
    domain::Niss,
    i18n::Lang,
    sources::{PersonRecord, import::upsert},
};

/// A person of the demo national register, with the part they play in the story.
///
/// Made only in this module (the fields are private); the tests below check that every
/// NISS is valid and matches the birth date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Persona {
    niss: &'static str,
    first_name: &'static str,
    last_name: &'static str,
    birth_date: NaiveDate,
    language: Lang,
    pension_start: Option<NaiveDate>,
    role: &'static str,
}

impl Persona {
    /// The NISS, as its 11 digits.
    pub const fn niss(&self) -> &'static str {
        self.niss
    }

    /// The NISS, parsed.
    #[allow(clippy::expect_used)] // static data, every NISS checked by the tests
    pub fn to_niss(&self) -> Niss {
        Niss::parse(self.niss).expect("the demo NISS are valid (checked by the tests)")
    }

    /// First name.
    pub const fn first_name(&self) -> &'static str {
        self.first_name
    }

    /// Last name.
    pub const fn last_name(&self) -> &'static str {
        self.last_name
    }

    /// Birth date.
    pub const fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The language of the register.
    pub const fn language(&self) -> Lang {
        self.language
    }

    /// The day the pension started, if retired.
    pub const fn pension_start(&self) -> Option<NaiveDate> {
        self.pension_start
    }

    /// What this persona shows in the story.
    pub const fn role(&self) -> &'static str {
        self.role
    }

    /// The message key of what this persona shows in the story, in the four languages
    /// (`demo-role-maria`): the demo sign-in says it beside the name.
    pub fn role_key(&self) -> String {
        format!("demo-role-{}", self.first_name.to_ascii_lowercase())
    }

    /// The persona as the national register knows them.
    pub fn record(&self) -> PersonRecord {
        PersonRecord {
            niss: self.to_niss(),
            last_name: self.last_name.to_string(),
            first_name: self.first_name.to_string(),
            birth_date: self.birth_date,
            language: self.language.code().to_string(),
            pension_start_date: self.pension_start,
        }
    }
}

/// A day, checked when the constants are compiled.
const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("a demo date that does not exist"),
    }
}

/// Maria Abara: the candidate, flexi-job eligible through 4/5 at another employer.
pub const MARIA: Persona = Persona {
    niss: "90051402426",
    first_name: "Maria",
    last_name: "Abara",
    birth_date: day(1990, 5, 14),
    language: Lang::Fr,
    pension_start: None,
    role: "candidate: flexi-job eligible through 4/5 at another employer",
};

/// Sarah Dumont: a student with 154 hours left.
pub const SARAH: Persona = Persona {
    niss: "04021208669",
    first_name: "Sarah",
    last_name: "Dumont",
    birth_date: day(2004, 2, 12),
    language: Lang::Fr,
    pension_start: None,
    role: "student with 154 hours left",
};

/// Jan Peeters: main access manager of Resto Pokébowl.
pub const JAN: Persona = Persona {
    niss: "85073003328",
    first_name: "Jan",
    last_name: "Peeters",
    birth_date: day(1985, 7, 30),
    language: Lang::Nl,
    pension_start: None,
    role: "main access manager of Resto Pokébowl",
};

/// Lena Schmidt: main access manager of the provider Socialia.
pub const LENA: Persona = Persona {
    niss: "78110314228",
    first_name: "Lena",
    last_name: "Schmidt",
    birth_date: day(1978, 11, 3),
    language: Lang::De,
    pension_start: None,
    role: "user of the provider Socialia",
};

/// Marc Dubois: a pensioner, flexi-job eligible.
pub const MARC: Persona = Persona {
    niss: "55032111741",
    first_name: "Marc",
    last_name: "Dubois",
    birth_date: day(1955, 3, 21),
    language: Lang::Fr,
    pension_start: Some(day(2020, 4, 1)),
    role: "pensioner: flexi-job eligible",
};

/// Tomasz Kowalski: a foreigner with a BIS number.
pub const TOMASZ: Persona = Persona {
    niss: "92481005174",
    first_name: "Tomasz",
    last_name: "Kowalski",
    birth_date: day(1992, 8, 10),
    language: Lang::En,
    pension_start: None,
    role: "foreigner with a BIS number",
};

/// Lucas Janssens: eligible through several part-time employers.
pub const LUCAS: Persona = Persona {
    niss: "88012521319",
    first_name: "Lucas",
    last_name: "Janssens",
    birth_date: day(1988, 1, 25),
    language: Lang::Nl,
    pension_start: None,
    role: "eligible through several part-time employers",
};

/// Emma Martin: not eligible (0.79).
pub const EMMA: Persona = Persona {
    niss: "95090916472",
    first_name: "Emma",
    last_name: "Martin",
    birth_date: day(1995, 9, 9),
    language: Lang::Fr,
    pension_start: None,
    role: "not eligible: 0.79",
};

/// Noah Lambert: not eligible, his 4/5 is with the asking company only.
pub const NOAH: Persona = Persona {
    niss: "93123107562",
    first_name: "Noah",
    last_name: "Lambert",
    birth_date: day(1993, 12, 31),
    language: Lang::Fr,
    pension_start: None,
    role: "not eligible: 4/5 only with the asking company",
};

/// Julie Wouters: not eligible, her 4/5 includes flexi and student lines.
pub const JULIE: Persona = Persona {
    niss: "00022909845",
    first_name: "Julie",
    last_name: "Wouters",
    birth_date: day(2000, 2, 29),
    language: Lang::Nl,
    pension_start: None,
    role: "not eligible: 4/5 includes flexi and student lines",
};

/// Kevin Claes: a student over the quota.
pub const KEVIN: Persona = Persona {
    niss: "03061712977",
    first_name: "Kevin",
    last_name: "Claes",
    birth_date: day(2003, 6, 17),
    language: Lang::Nl,
    pension_start: None,
    role: "student over quota",
};

/// Sofie Mertens: user of Resto Pokébowl.
pub const SOFIE: Persona = Persona {
    niss: "82040218847",
    first_name: "Sofie",
    last_name: "Mertens",
    birth_date: day(1982, 4, 2),
    language: Lang::Nl,
    pension_start: None,
    role: "user of Resto Pokébowl",
};

/// The demo register. Every NISS is valid and fictional.
pub const PEOPLE: &[Persona] = &[
    MARIA, SARAH, JAN, LENA, MARC, TOMASZ, LUCAS, EMMA, NOAH, JULIE, KEVIN, SOFIE,
];

/// Claire Lemaire: a back-office agent (a person of the register like any other).
pub const CLAIRE_LEMAIRE: Persona = Persona {
    niss: "80061512382",
    first_name: "Claire",
    last_name: "Lemaire",
    birth_date: day(1980, 6, 15),
    language: Lang::Fr,
    pension_start: None,
    role: "back-office agent",
};

/// Pieter Vos: a back-office supervisor.
pub const PIETER_VOS: Persona = Persona {
    niss: "75092204560",
    first_name: "Pieter",
    last_name: "Vos",
    birth_date: day(1975, 9, 22),
    language: Lang::Nl,
    pension_start: None,
    role: "back-office supervisor",
};

/// Nadia Haddad: a trainer.
pub const NADIA_HADDAD: Persona = Persona {
    niss: "88120321080",
    first_name: "Nadia",
    last_name: "Haddad",
    birth_date: day(1988, 12, 3),
    language: Lang::Fr,
    pension_start: None,
    role: "trainer",
};

/// A member of the demo back-office staff: a person of the register with a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaffMember {
    /// The person.
    pub person: Persona,
    /// Role.
    pub role: StaffRole,
}

impl StaffMember {
    /// Their NISS, as its 11 digits.
    pub const fn niss(&self) -> &'static str {
        self.person.niss()
    }

    /// The name shown in the back office.
    pub fn display_name(&self) -> String {
        format!("{} {}", self.person.first_name(), self.person.last_name())
    }
}

/// Claire Lemaire, agent.
pub const CLAIRE: StaffMember = StaffMember {
    person: CLAIRE_LEMAIRE,
    role: StaffRole::Agent,
};

/// Pieter Vos, supervisor.
pub const PIETER: StaffMember = StaffMember {
    person: PIETER_VOS,
    role: StaffRole::Supervisor,
};

/// Nadia Haddad, trainer.
pub const NADIA: StaffMember = StaffMember {
    person: NADIA_HADDAD,
    role: StaffRole::Trainer,
};

/// The demo staff.
pub const STAFF: &[StaffMember] = &[CLAIRE, PIETER, NADIA];

/// The persona of the demo register (staff included) with this NISS (11 digits), if any.
pub fn persona_of(niss: &str) -> Option<&'static Persona> {
    PEOPLE
        .iter()
        .chain(STAFF.iter().map(|m| &m.person))
        .find(|p| p.niss() == niss)
}

/// Writes the demo register (the people and the staff, persons too) with the upsert of
/// `mandat import`. Returns the rows written.
pub fn seed_people(conn: &mut PgConnection) -> QueryResult<usize> {
    let records: Vec<PersonRecord> = PEOPLE
        .iter()
        .chain(STAFF.iter().map(|m| &m.person))
        .map(Persona::record)
        .collect();
    upsert(conn, &records)
}

/// Writes the demo staff, by NISS (a new member is created at `now`). Returns the rows
/// written.
pub fn seed_staff(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    let mut written = 0;
    for member in STAFF {
        written += staff::upsert(
            conn,
            &member.person.to_niss(),
            &member.display_name(),
            member.role,
            now,
        )?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_niss_is_valid_and_matches_the_birth_date() {
        for p in PEOPLE {
            let niss = Niss::parse(p.niss()).unwrap_or_else(|e| panic!("{}: {e:?}", p.first_name));
            if !niss.is_bis() {
                assert_eq!(niss.birth_date(), Some(p.birth_date()), "{}", p.first_name);
            }
            assert_eq!(p.to_niss(), niss);
        }
        assert!(PEOPLE.iter().any(|p| p.to_niss().is_bis()));
    }

    #[test]
    fn every_persona_is_in_the_register_once() {
        for (i, p) in PEOPLE.iter().enumerate() {
            assert!(
                PEOPLE[i + 1..].iter().all(|q| q.niss() != p.niss()),
                "{}",
                p.first_name()
            );
        }
    }

    #[test]
    fn the_staff_are_valid_persons_apart_from_the_people() {
        for member in STAFF {
            let niss = member.person.to_niss();
            assert_eq!(niss.birth_date(), Some(member.person.birth_date()));
            assert!(PEOPLE.iter().all(|p| p.niss() != member.niss()));
            assert_eq!(StaffRole::parse(member.role.as_str()), Some(member.role));
        }
    }
}
