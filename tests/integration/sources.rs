//! The authentic sources: `mandat import` through the real binary, and the
//! answers computed from the seeded demo world.

use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::NaiveDate;
use diesel::{Connection, PgConnection, prelude::*};
use mandat::{
    db::{
        self,
        schema::{occupations, persons, student_hours, student_quotas},
    },
    demo,
    domain::{
        Bce, Niss,
        flexi::{Eligibility, FlexiResult, Reason},
    },
    sources::{self, AuthenticSources, PgSources},
};

use crate::helpers::{fresh_database, fresh_empty_database, start_time};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs `mandat import ARGS` against the database `url`.
fn import(url: &str, args: &[(&str, &Path)]) -> Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mandat"));
    cmd.arg("import")
        .env("DATABASE_URL", url)
        .env("MANDAT_MODE", "development");
    for (option, path) in args {
        cmd.arg(option).arg(path);
    }
    cmd.output().expect("run mandat import")
}

fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "status {:?}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every fixture file, with its option.
fn all_fixtures() -> Vec<(&'static str, PathBuf)> {
    vec![
        ("--persons", fixture("persons.csv")),
        ("--occupations", fixture("occupations.csv")),
        ("--student-hours", fixture("student_hours.csv")),
        ("--student-quota", fixture("student_quota.csv")),
    ]
}

fn args<'a>(files: &'a [(&'static str, PathBuf)]) -> Vec<(&'static str, &'a Path)> {
    files.iter().map(|(o, p)| (*o, p.as_path())).collect()
}

type PersonRow = (String, String, String, NaiveDate, String, Option<NaiveDate>);
type OccupationRow = (
    String,
    String,
    i32,
    i16,
    NaiveDate,
    Option<NaiveDate>,
    f64,
    f64,
    String,
);
type StudentHoursRow = (String, String, i32, i16, i32);

/// The whole content of the four source tables, in key order.
#[derive(Debug, PartialEq)]
struct State {
    persons: Vec<PersonRow>,
    occupations: Vec<OccupationRow>,
    student_hours: Vec<StudentHoursRow>,
    student_quotas: Vec<(i32, i32)>,
}

fn state(url: &str) -> State {
    let conn = &mut PgConnection::establish(url).expect("test database");
    State {
        persons: persons::table
            .order(persons::niss)
            .load(conn)
            .expect("persons"),
        occupations: occupations::table
            .order((
                occupations::niss,
                occupations::employer_bce,
                occupations::year,
                occupations::quarter,
                occupations::start_date,
            ))
            .load(conn)
            .expect("occupations"),
        student_hours: student_hours::table
            .order((
                student_hours::niss,
                student_hours::employer_bce,
                student_hours::year,
                student_hours::quarter,
            ))
            .load(conn)
            .expect("student hours"),
        student_quotas: student_quotas::table
            .order(student_quotas::year)
            .load(conn)
            .expect("quotas"),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn import_loads_the_fixtures_and_is_idempotent() {
    let db = fresh_empty_database();
    let url = db.url.clone();
    let files = all_fixtures();
    let out = import(&url, &args(&files));
    assert_success(&out);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(
            "imported: 4 person(s), 7 occupation line(s), 3 student hours line(s), 3 student quota(s)"
        ),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let first = state(&url);
    assert_eq!(first.persons.len(), 4);
    assert_eq!(
        first.persons[1],
        (
            "66113004533".to_string(),
            "De Smet".to_string(),
            "Pieter".to_string(),
            date(1966, 11, 30),
            "nl".to_string(),
            Some(date(2024, 12, 1)),
        )
    );
    assert_eq!(first.occupations.len(), 7);
    assert!(first.occupations.contains(&(
        "71021512359".to_string(),
        "0203201340".to_string(),
        2024,
        2,
        date(2019, 9, 1),
        None,
        30.4,
        38.0,
        "regular".to_string(),
    )));
    // A NISS unknown to the register is accepted (no foreign key).
    assert!(first.occupations.iter().any(|o| o.0 == "85010100115"));
    assert!(first.student_hours.contains(&(
        "01070421060".to_string(),
        "0765432146".to_string(),
        2025,
        1,
        40
    )));
    assert_eq!(
        first.student_quotas,
        vec![(2023, 600), (2024, 600), (2025, 650)]
    );

    // The same files again: the same state.
    assert_success(&import(&url, &args(&files)));
    assert_eq!(state(&url), first);

    // A changed row replaces the stored one with the same key; other rows stay.
    let dir = std::env::temp_dir().join(format!("mandat-import-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let persons_file = dir.join("persons.csv");
    std::fs::write(
        &persons_file,
        "niss,last_name,first_name,birth_date,language,pension_start_date\n\
         71021512359,Lejeune-Dupont,Anne,1971-02-15,nl,2031-03-01\n",
    )
    .unwrap();
    let occupations_file = dir.join("occupations.csv");
    std::fs::write(
        &occupations_file,
        "niss,employer_bce,year,quarter,start_date,end_date,worker_hours,reference_hours,kind\n\
         71021512359,0203201340,2024,2,2019-09-01,2024-05-31,19,38,regular\n",
    )
    .unwrap();
    let quota_file = dir.join("quota.csv");
    std::fs::write(&quota_file, "year,hours\n2025,700\n").unwrap();
    assert_success(&import(
        &url,
        &[
            ("--persons", &persons_file),
            ("--occupations", &occupations_file),
            ("--student-quota", &quota_file),
        ],
    ));
    let second = state(&url);
    assert_eq!(second.persons.len(), 4);
    let anne = second
        .persons
        .iter()
        .find(|p| p.0 == "71021512359")
        .unwrap();
    assert_eq!(
        (anne.1.as_str(), anne.4.as_str(), anne.5),
        ("Lejeune-Dupont", "nl", Some(date(2031, 3, 1)))
    );
    assert_eq!(second.occupations.len(), 7);
    let line = second
        .occupations
        .iter()
        .find(|o| o.0 == "71021512359" && o.3 == 2)
        .unwrap();
    assert_eq!((line.5, line.6), (Some(date(2024, 5, 31)), 19.0));
    assert_eq!(
        second.student_quotas,
        vec![(2023, 600), (2024, 600), (2025, 700)]
    );
    assert_eq!(second.student_hours, first.student_hours);
    // And the quota read through the sources is the imported one.
    let conn = &mut PgConnection::establish(&url).unwrap();
    assert_eq!(PgSources.student_quota(conn, 2025).unwrap(), 700);
    assert_eq!(PgSources.student_quota(conn, 2026).unwrap(), 650);
    assert_eq!(PgSources.student_quota(conn, 2019).unwrap(), 475);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_rows_are_all_reported_and_nothing_is_imported() {
    let db = fresh_empty_database();
    let url = db.url.clone();
    assert_success(&import(&url, &args(&all_fixtures())));
    let before = state(&url);

    let dir = std::env::temp_dir().join(format!("mandat-import-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    // A good new person, to check that nothing at all is written.
    let persons_file = dir.join("persons.csv");
    std::fs::write(
        &persons_file,
        "niss,last_name,first_name,birth_date,language,pension_start_date\n\
         85073003328,Peeters,Jan,1985-07-30,nl,\n\
         71021512359,Changed,Anne,1971-02-15,fr,\n",
    )
    .unwrap();
    let bad_occupations = fixture("bad_occupations.csv");
    let bad_hours = fixture("bad_student_hours.csv");
    let bad_persons = fixture("bad_persons.csv");
    let out = import(
        &url,
        &[
            ("--persons", &bad_persons),
            ("--occupations", &bad_occupations),
            ("--student-hours", &bad_hours),
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let p = bad_persons.display();
    let o = bad_occupations.display();
    let h = bad_hours.display();
    let expected = [
        format!("{p}:2: niss: the NISS check digits do not match"),
        format!("{p}:3: last_name: empty"),
        format!("{p}:4: birth_date: \"2001-02-30\" is not a day that exists"),
        format!("{p}:4: language: \"es\" is not a language"),
        format!("{p}:5: pension_start_date: before the birth date"),
        format!("{o}:2: employer_bce: the enterprise number check digits do not match"),
        format!("{o}:3: quarter: \"5\" is not a quarter"),
        format!("{o}:3: worker_hours: \"30,4\": use a `.` decimal point"),
        format!("{o}:3: reference_hours: 0 is not > 0"),
        format!("{o}:4: worker_hours: -1 is negative"),
        format!("{o}:4: kind: \"interim\" is not a kind"),
        format!("{o}:4: end_date: 2024-05-31 is before start_date 2024-07-01"),
        format!("{o}:4: start_date: 2024-07-01 is after the quarter 2024-Q2"),
        format!("{o}:5: row: 4 field(s), 9 expected"),
        format!("{h}:2: year: \"twenty\" is not a year"),
        format!("{h}:3: quarter: \"0\" is not a quarter"),
        format!("{h}:3: hours: \"12.5\" is not a whole number of hours"),
    ];
    for line in &expected {
        assert!(
            err.lines().any(|l| l.starts_with(line.as_str())),
            "missing {line:?} in:\n{err}"
        );
    }
    assert!(err.contains("17 bad value(s), nothing imported"), "{err}");
    assert_eq!(state(&url), before);

    // Bad values next to good files: still nothing imported.
    let out = import(
        &url,
        &[
            ("--persons", &persons_file),
            ("--student-hours", &bad_hours),
        ],
    );
    assert!(!out.status.success());
    assert_eq!(state(&url), before);

    // Without a file, or with a missing one: an error, nothing imported.
    let out = import(&url, &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to import"));
    let missing = dir.join("missing.csv");
    let out = import(&url, &[("--persons", &missing)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    assert_eq!(state(&url), before);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A valid NISS for `i` (distinct for distinct `i` below 16,000,000): born 1950-1999.
fn generated_niss(i: u32) -> String {
    let (yy, mm, dd, serial) = (
        50 + i % 50,
        1 + i / 50 % 12,
        1 + i / 600 % 28,
        1 + i / 16_800,
    );
    let base = format!("{yy:02}{mm:02}{dd:02}{serial:03}");
    let check = 97 - base.parse::<u64>().expect("digits") % 97;
    format!("{base}{check:02}")
}

/// An `occupations.csv` of `persons` x 8 quarters (2020-2021) with the worker hours of
/// `hours(row)`, and the text `insert` (if any) before row `n` (0 is the first row, on line 2).
fn generated_occupations(
    persons: u32,
    hours: impl Fn(u32) -> u32,
    insert: Option<(u32, &str)>,
) -> String {
    let mut text = String::from(
        "niss,employer_bce,year,quarter,start_date,end_date,worker_hours,reference_hours,kind\n",
    );
    for i in 0..persons * 8 {
        if let Some((n, extra)) = insert
            && n == i
        {
            text.push_str(extra);
        }
        let (person, line) = (i / 8, i % 8);
        let (year, quarter) = (2020 + line / 4, 1 + line % 4);
        let month = 3 * (quarter - 1) + 1;
        text.push_str(&format!(
            "{},0203201340,{year},{quarter},{year}-{month:02}-01,,{},38,regular\n",
            generated_niss(person),
            hours(i),
        ));
    }
    if let Some((n, extra)) = insert
        && n >= persons * 8
    {
        text.push_str(extra);
    }
    text
}

#[test]
fn a_large_occupations_file_is_streamed_all_or_nothing() {
    let db = fresh_empty_database();
    let url = db.url.clone();
    let dir = std::env::temp_dir().join(format!("mandat-import-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let count = |conn: &mut PgConnection| -> (i64, Option<f64>) {
        occupations::table
            .select((
                diesel::dsl::count_star(),
                diesel::dsl::sum(occupations::worker_hours),
            ))
            .first(conn)
            .expect("count")
    };
    let hours_of = |conn: &mut PgConnection, niss: &str, year: i32, quarter: i16| -> f64 {
        occupations::table
            .filter(occupations::niss.eq(niss))
            .filter(occupations::year.eq(year))
            .filter(occupations::quarter.eq(quarter))
            .select(occupations::worker_hours)
            .first(conn)
            .expect("the line")
    };

    // 200,000 rows, and the key of row 3 (the first person, 2020-Q2) again at the end,
    // many staging chunks later: the later line wins.
    let first = generated_niss(0);
    let good = dir.join("occupations.csv");
    let again = format!("{first},0203.201.340,2020,2,2020-04-01,,37,38,flexi\n");
    let text = generated_occupations(25_000, |i| i % 30, Some((200_000, &again)));
    std::fs::write(&good, &text).unwrap();
    let out = import(&url, &[("--occupations", &good)]);
    assert_success(&out);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("200000 occupation line(s)"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let conn = &mut PgConnection::establish(&url).expect("test database");
    let expected_sum: u32 = (0..200_000u32).map(|i| i % 30).sum::<u32>() - 1 + 37;
    assert_eq!(count(conn), (200_000, Some(f64::from(expected_sum))));
    assert_eq!(hours_of(conn, &first, 2020, 2), 37.0);
    assert_eq!(hours_of(conn, &first, 2020, 1), 0.0);
    let last = generated_niss(24_999);
    assert_eq!(hours_of(conn, &last, 2021, 4), f64::from(199_999 % 30));

    // Every row changed, and one bad line near the end: reported with its line, nothing
    // changes (the bad line is line 199,992: the header, then 199,990 rows).
    let bad = dir.join("bad_occupations.csv");
    let bad_line = format!("{last},0203201340,2021,4,2021-10-01,,12,38,interim\n");
    let text = generated_occupations(25_000, |i| i % 30 + 1, Some((199_990, &bad_line)));
    std::fs::write(&bad, &text).unwrap();
    let out = import(&url, &[("--occupations", &bad)]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}:199992: kind: \"interim\" is not a kind",
            bad.display()
        )),
        "{err}"
    );
    assert!(err.contains("1 bad value(s), nothing imported"), "{err}");
    assert_eq!(count(conn), (200_000, Some(f64::from(expected_sum))));
    assert_eq!(hours_of(conn, &first, 2020, 2), 37.0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The NISS of the demo person with this first name.
fn demo_niss(first_name: &str) -> Niss {
    demo::people::PEOPLE
        .iter()
        .find(|p| p.first_name() == first_name)
        .expect("demo person")
        .to_niss()
}

fn flexi(conn: &mut PgConnection, name: &str, asking: &str, on: NaiveDate) -> FlexiResult {
    sources::flexi_result(
        &PgSources,
        conn,
        &demo_niss(name),
        &Bce::parse(asking).unwrap(),
        on,
    )
    .expect("query")
    .expect("known person")
}

/// The eligibility of each quarter of the window.
fn quarters(result: &FlexiResult) -> Vec<Eligibility> {
    result.quarters.iter().map(|q| q.eligibility).collect()
}

/// Checks every demo case on `on`, in a database seeded for that date.
fn check_demo_world(conn: &mut PgConnection, on: NaiveDate, window: usize) {
    let resto = demo::companies::RESTO_BCE;
    let other = "0203201340";
    let worker = Eligibility::Eligible(Reason::Worker);
    let pensioner = Eligibility::Eligible(Reason::Pensioner);
    let no = Eligibility::NotEligible;
    let cases = [
        ("Maria", resto, worker),
        ("Lucas", resto, worker),
        ("Marc", resto, pensioner),
        ("Emma", resto, no),
        ("Noah", resto, no),
        ("Noah", other, worker),
        ("Julie", resto, no),
        ("Sarah", resto, no),
    ];
    for (name, asking, expected) in cases {
        let result = flexi(conn, name, asking, on);
        assert_eq!(result.consulted_on, on);
        assert_eq!(
            quarters(&result),
            vec![expected; window],
            "{name} asked by {asking} on {on}"
        );
    }
    let maria = flexi(conn, "Maria", resto, on);
    assert!(maria.eligible_period().is_some());

    let balance = |conn: &mut PgConnection, name: &str| {
        sources::student_balance(&PgSources, conn, &demo_niss(name), on)
            .expect("query")
            .expect("known person")
    };
    let sarah = balance(conn, "Sarah");
    assert_eq!(
        (sarah.remaining, sarah.exceeded, sarah.quota),
        (154, false, 650),
        "{on}"
    );
    let kevin = balance(conn, "Kevin");
    assert_eq!(
        (kevin.remaining, kevin.exceeded, kevin.used),
        (0, true, 662),
        "{on}"
    );
    let maria = balance(conn, "Maria");
    assert_eq!((maria.remaining, maria.used), (650, 0));

    // Unknown to the register: no answer.
    let stranger = Niss::parse("71021512359").unwrap();
    let asking = Bce::parse(resto).unwrap();
    assert_eq!(
        sources::flexi_result(&PgSources, conn, &stranger, &asking, on).unwrap(),
        None
    );
    assert_eq!(
        sources::student_balance(&PgSources, conn, &stranger, on).unwrap(),
        None
    );
}

#[test]
fn the_demo_world_shows_every_case_at_the_tests_date() {
    let db = fresh_database();
    let url = db.url.clone();
    let conn = &mut PgConnection::establish(&url).unwrap();
    let on = start_time().date_naive();
    assert_eq!(on, date(2025, 3, 5));
    // In March the window is Q1 and Q2 2025.
    check_demo_world(conn, on, 2);
    // Only the reference quarters were seeded: 2024-Q2 and 2024-Q3.
    let person = PgSources
        .person(conn, &demo_niss("Marc"))
        .unwrap()
        .expect("Marc");
    assert_eq!(person.pension_start_date, Some(date(2020, 4, 1)));
    let lines = PgSources
        .occupations(
            conn,
            &demo_niss("Lucas"),
            &[mandat::domain::Quarter::new(2024, 2).unwrap()],
        )
        .unwrap();
    assert_eq!(lines.len(), 2);
}

#[test]
fn the_demo_world_moves_with_the_seed_date() {
    let db = fresh_empty_database();
    let url = db.url.clone();
    let conn = &mut PgConnection::establish(&url).unwrap();
    db::run_migrations(conn).unwrap();
    let on = date(2026, 12, 31);
    let at = on.and_hms_opt(12, 0, 0).unwrap().and_utc();
    let report = demo::seed_demo(conn, at).unwrap();
    assert!(report.sources > 0);
    // In December the window is 2026-Q4 and 2027-Q1.
    check_demo_world(conn, on, 2);
    // Seeding again is idempotent.
    let before = state(&url);
    demo::seed_demo(conn, at).unwrap();
    assert_eq!(state(&url), before);
    // Seeding at another date replaces the demo people's source rows.
    let may = date(2027, 5, 10);
    demo::seed_demo(conn, may.and_hms_opt(8, 0, 0).unwrap().and_utc()).unwrap();
    check_demo_world(conn, may, 1);
    let after = state(&url);
    assert_eq!(after.occupations.len(), before.occupations.len());
    assert!(after.occupations.iter().all(|o| o.2 == 2026));
}
