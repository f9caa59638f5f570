//! `mandat import`: loads the authentic sources from CSV files.
//!
//! Each file is UTF-8 CSV with a header row naming its columns (in any order;
//! values are trimmed). Every value is checked with the domain parsers; every
//! bad row is reported as `file:line: column: reason`, and then nothing is
//! imported. Otherwise all the files are written in one transaction: a row
//! whose key is already stored replaces the stored one, so importing the same
//! files twice gives the same state. Within one file, a later line with the
//! same key replaces an earlier one. The formats are described in
//! `docs/import.md`.

use std::{
    collections::HashMap,
    fmt,
    fs::File,
    hash::Hash,
    io::{IsTerminal, Read},
    path::PathBuf,
    time::Duration,
};

use chrono::NaiveDate;
use diesel::{PgConnection, prelude::*, upsert::excluded};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::PersonRecord;
use crate::db::schema::{occupations, persons, student_hours, student_quotas};
use crate::domain::{
    Bce, Niss, Quarter,
    flexi::{Occupation, OccupationKind},
};

/// The columns of `persons.csv`.
pub const PERSON_COLUMNS: &[&str] = &[
    "niss",
    "last_name",
    "first_name",
    "birth_date",
    "language",
    "pension_start_date",
];
/// The columns of `occupations.csv`.
pub const OCCUPATION_COLUMNS: &[&str] = &[
    "niss",
    "employer_bce",
    "year",
    "quarter",
    "start_date",
    "end_date",
    "worker_hours",
    "reference_hours",
    "kind",
];
/// The columns of `student_hours.csv`.
pub const STUDENT_HOURS_COLUMNS: &[&str] = &["niss", "employer_bce", "year", "quarter", "hours"];
/// The columns of `student_quota.csv`.
pub const STUDENT_QUOTA_COLUMNS: &[&str] = &["year", "hours"];

/// The languages of the national register.
const LANGUAGES: &[&str] = &["fr", "nl", "de", "en"];

/// Rows per INSERT statement (PostgreSQL allows 65 535 parameters).
const CHUNK: usize = 1000;

/// The files of one import; at least one must be given.
#[derive(Clone, Debug, Default)]
pub struct ImportFiles {
    /// `persons.csv`: the national register.
    pub persons: Option<PathBuf>,
    /// `occupations.csv`: DmfA occupation lines.
    pub occupations: Option<PathBuf>,
    /// `student_hours.csv`: Dimona STU hours.
    pub student_hours: Option<PathBuf>,
    /// `student_quota.csv`: the yearly Student@Work quota.
    pub student_quota: Option<PathBuf>,
}

/// One bad value (or row) of an input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The file, as named on the command line.
    pub file: String,
    /// The line the row starts on (1 is the header row).
    pub line: u64,
    /// The column, or `row` for an error about the whole row.
    pub column: String,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for RowError {
    /// Writes `file:line: column: reason`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.column, self.reason
        )
    }
}

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// No file was given.
    #[error(
        "nothing to import: give at least one of --persons, --occupations, --student-hours, --student-quota"
    )]
    NoFiles,
    /// A file could not be read.
    #[error("cannot read {file}: {message}")]
    Read {
        /// The file.
        file: String,
        /// The underlying error.
        message: String,
    },
    /// Some rows are bad: nothing was imported.
    #[error("{} bad value(s), nothing imported:\n{}", .0.len(), lines(.0))]
    Invalid(Vec<RowError>),
    /// The database refused the import: nothing was imported.
    #[error("database error, nothing imported: {0}")]
    Database(#[from] diesel::result::Error),
}

/// The errors, one `file:line: column: reason` per line.
fn lines(errors: &[RowError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A DmfA occupation line of a person.
#[derive(Clone, Debug, PartialEq)]
pub struct OccupationLine {
    /// The worker.
    pub niss: Niss,
    /// The occupation.
    pub occupation: Occupation,
}

/// The hours a student worked for one employer in one quarter (Dimona STU).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentHoursLine {
    /// The student.
    pub niss: Niss,
    /// The employer.
    pub employer: Bce,
    /// The quarter.
    pub quarter: Quarter,
    /// Whole hours.
    pub hours: u32,
}

/// The Student@Work quota of a year.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct StudentQuotaLine {
    /// The calendar year.
    pub year: i32,
    /// The quota in hours.
    pub hours: u32,
}

/// The checked content of the files of one import, duplicates removed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// Persons of the register.
    pub persons: Vec<PersonRecord>,
    /// Occupation lines.
    pub occupations: Vec<OccupationLine>,
    /// Student hours.
    pub student_hours: Vec<StudentHoursLine>,
    /// Yearly quotas.
    pub student_quotas: Vec<StudentQuotaLine>,
}

impl Batch {
    /// The number of rows.
    pub fn len(&self) -> usize {
        self.persons.len()
            + self.occupations.len()
            + self.student_hours.len()
            + self.student_quotas.len()
    }

    /// Whether there is no row at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The rows written, per table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Rows of `persons`.
    pub persons: usize,
    /// Rows of `occupations`.
    pub occupations: usize,
    /// Rows of `student_hours`.
    pub student_hours: usize,
    /// Rows of `student_quotas`.
    pub student_quotas: usize,
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} person(s), {} occupation line(s), {} student hours line(s), {} student quota(s)",
            self.persons, self.occupations, self.student_hours, self.student_quotas
        )
    }
}

/// Checks the files and, when every row is good, writes them in one
/// transaction. Shows a progress bar when standard error is a terminal.
pub fn run(conn: &mut PgConnection, files: &ImportFiles) -> Result<ImportReport, ImportError> {
    let target = || {
        if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        }
    };
    let batch = check(files, &progress_bar(None, target()))?;
    let bar = progress_bar(Some(batch.len() as u64), target());
    let report = write(conn, &batch, &bar)?;
    bar.finish_and_clear();
    Ok(report)
}

/// A progress bar (a spinner without `len`) drawing to `target`.
fn progress_bar(len: Option<u64>, target: ProgressDrawTarget) -> ProgressBar {
    match len {
        Some(len) => {
            let bar = ProgressBar::with_draw_target(Some(len), target);
            if let Ok(style) =
                ProgressStyle::with_template("{msg:<24} [{bar:40}] {pos}/{len} rows ({eta})")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        }
        None => {
            let bar = ProgressBar::with_draw_target(None, target);
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {pos} rows") {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        }
    }
}

/// Reads and checks every file given: the batch to write, or every bad value.
pub fn check(files: &ImportFiles, bar: &ProgressBar) -> Result<Batch, ImportError> {
    let given = [
        &files.persons,
        &files.occupations,
        &files.student_hours,
        &files.student_quota,
    ];
    if given.iter().all(|f| f.is_none()) {
        return Err(ImportError::NoFiles);
    }
    let mut errors = Vec::new();
    let mut batch = Batch::default();
    let open = |path: &PathBuf| {
        let name = path.display().to_string();
        bar.set_message(format!("checking {name}"));
        bar.set_position(0);
        File::open(path)
            .map(|file| (name.clone(), file))
            .map_err(|e| ImportError::Read {
                file: name,
                message: e.to_string(),
            })
    };
    if let Some(path) = &files.persons {
        let (name, file) = open(path)?;
        batch.persons = parse_persons(&name, file, &mut errors, bar)?;
    }
    if let Some(path) = &files.occupations {
        let (name, file) = open(path)?;
        batch.occupations = parse_occupations(&name, file, &mut errors, bar)?;
    }
    if let Some(path) = &files.student_hours {
        let (name, file) = open(path)?;
        batch.student_hours = parse_student_hours(&name, file, &mut errors, bar)?;
    }
    if let Some(path) = &files.student_quota {
        let (name, file) = open(path)?;
        batch.student_quotas = parse_student_quotas(&name, file, &mut errors, bar)?;
    }
    bar.finish_and_clear();
    if errors.is_empty() {
        Ok(batch)
    } else {
        Err(ImportError::Invalid(errors))
    }
}

/// Writes `batch` in one transaction (all or nothing), replacing stored rows
/// with the same keys.
pub fn write(
    conn: &mut PgConnection,
    batch: &Batch,
    bar: &ProgressBar,
) -> QueryResult<ImportReport> {
    conn.transaction(|conn| {
        let mut report = ImportReport::default();
        bar.set_message("persons");
        for chunk in batch.persons.chunks(CHUNK) {
            report.persons += upsert_persons(conn, chunk)?;
            bar.inc(chunk.len() as u64);
        }
        bar.set_message("occupations");
        for chunk in batch.occupations.chunks(CHUNK) {
            report.occupations += upsert_occupations(conn, chunk)?;
            bar.inc(chunk.len() as u64);
        }
        bar.set_message("student hours");
        for chunk in batch.student_hours.chunks(CHUNK) {
            report.student_hours += upsert_student_hours(conn, chunk)?;
            bar.inc(chunk.len() as u64);
        }
        bar.set_message("student quotas");
        for chunk in batch.student_quotas.chunks(CHUNK) {
            report.student_quotas += upsert_student_quotas(conn, chunk)?;
            bar.inc(chunk.len() as u64);
        }
        Ok(report)
    })
}

/// Inserts or replaces persons (by NISS).
pub fn upsert_persons(conn: &mut PgConnection, rows: &[PersonRecord]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let values: Vec<_> = rows
        .iter()
        .map(|p| {
            (
                persons::niss.eq(p.niss.as_str()),
                persons::last_name.eq(&p.last_name),
                persons::first_name.eq(&p.first_name),
                persons::birth_date.eq(p.birth_date),
                persons::language.eq(&p.language),
                persons::pension_start_date.eq(p.pension_start_date),
            )
        })
        .collect();
    diesel::insert_into(persons::table)
        .values(&values)
        .on_conflict(persons::niss)
        .do_update()
        .set((
            persons::last_name.eq(excluded(persons::last_name)),
            persons::first_name.eq(excluded(persons::first_name)),
            persons::birth_date.eq(excluded(persons::birth_date)),
            persons::language.eq(excluded(persons::language)),
            persons::pension_start_date.eq(excluded(persons::pension_start_date)),
        ))
        .execute(conn)
}

/// Inserts or replaces occupation lines (by NISS, employer, quarter and start date).
pub fn upsert_occupations(conn: &mut PgConnection, rows: &[OccupationLine]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let values: Vec<_> = rows
        .iter()
        .map(|line| {
            let o = &line.occupation;
            (
                occupations::niss.eq(line.niss.as_str()),
                occupations::employer_bce.eq(o.employer.as_str()),
                occupations::year.eq(o.quarter.year),
                occupations::quarter.eq(i16::from(o.quarter.quarter)),
                occupations::start_date.eq(o.start_date),
                occupations::end_date.eq(o.end_date),
                occupations::worker_hours.eq(o.worker_hours),
                occupations::reference_hours.eq(o.reference_hours),
                occupations::kind.eq(o.kind.as_str()),
            )
        })
        .collect();
    diesel::insert_into(occupations::table)
        .values(&values)
        .on_conflict((
            occupations::niss,
            occupations::employer_bce,
            occupations::year,
            occupations::quarter,
            occupations::start_date,
        ))
        .do_update()
        .set((
            occupations::end_date.eq(excluded(occupations::end_date)),
            occupations::worker_hours.eq(excluded(occupations::worker_hours)),
            occupations::reference_hours.eq(excluded(occupations::reference_hours)),
            occupations::kind.eq(excluded(occupations::kind)),
        ))
        .execute(conn)
}

/// Inserts or replaces student hours (by NISS, employer and quarter).
pub fn upsert_student_hours(
    conn: &mut PgConnection,
    rows: &[StudentHoursLine],
) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let values: Vec<_> = rows
        .iter()
        .map(|line| {
            (
                student_hours::niss.eq(line.niss.as_str()),
                student_hours::employer_bce.eq(line.employer.as_str()),
                student_hours::year.eq(line.quarter.year),
                student_hours::quarter.eq(i16::from(line.quarter.quarter)),
                // Checked to fit when parsed.
                student_hours::hours.eq(i32::try_from(line.hours).unwrap_or(i32::MAX)),
            )
        })
        .collect();
    diesel::insert_into(student_hours::table)
        .values(&values)
        .on_conflict((
            student_hours::niss,
            student_hours::employer_bce,
            student_hours::year,
            student_hours::quarter,
        ))
        .do_update()
        .set(student_hours::hours.eq(excluded(student_hours::hours)))
        .execute(conn)
}

/// Inserts or replaces yearly student quotas (by year).
pub fn upsert_student_quotas(
    conn: &mut PgConnection,
    rows: &[StudentQuotaLine],
) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let values: Vec<_> = rows
        .iter()
        .map(|line| {
            (
                student_quotas::year.eq(line.year),
                // Checked to fit when parsed.
                student_quotas::hours.eq(i32::try_from(line.hours).unwrap_or(i32::MAX)),
            )
        })
        .collect();
    diesel::insert_into(student_quotas::table)
        .values(&values)
        .on_conflict(student_quotas::year)
        .do_update()
        .set(student_quotas::hours.eq(excluded(student_quotas::hours)))
        .execute(conn)
}

// ---------------------------------------------------------------------------
// Reading and checking

/// One data row being checked: its values by column, and the errors found.
struct Row<'a> {
    file: &'a str,
    line: u64,
    values: HashMap<&'static str, Option<String>>,
    errors: &'a mut Vec<RowError>,
    bad: bool,
}

impl Row<'_> {
    /// Records an error on `column`.
    fn fail(&mut self, column: &str, reason: impl Into<String>) {
        self.bad = true;
        self.errors.push(RowError {
            file: self.file.to_string(),
            line: self.line,
            column: column.to_string(),
            reason: reason.into(),
        });
    }

    /// The (trimmed) text of `column`; `None` if it is not valid UTF-8
    /// (already reported).
    fn text(&self, column: &'static str) -> Option<&str> {
        self.values.get(column).and_then(|v| v.as_deref())
    }

    /// `column` parsed by `parse`; on failure the error is recorded.
    fn get<T>(
        &mut self,
        column: &'static str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        let result = parse(self.text(column)?);
        result.map_err(|reason| self.fail(column, reason)).ok()
    }
}

/// Reads a CSV file with the header `columns` (in any order), handing each
/// data row to `parse_row`; header and row errors go to `errors`. Only I/O
/// errors stop the reading.
fn read_rows<T>(
    file: &str,
    input: impl Read,
    columns: &'static [&'static str],
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
    mut parse_row: impl FnMut(&mut Row<'_>) -> Option<T>,
) -> Result<Vec<T>, ImportError> {
    let read_error = |e: csv::Error| ImportError::Read {
        file: file.to_string(),
        message: e.to_string(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let header_error = |errors: &mut Vec<RowError>, column: &str, reason: String| {
        errors.push(RowError {
            file: file.to_string(),
            line: 1,
            column: column.to_string(),
            reason,
        });
    };
    let headers = reader.byte_headers().map_err(read_error)?.clone();
    let expected = columns.join(",");
    if headers.is_empty() {
        header_error(
            errors,
            "header",
            format!("the file is empty (expected the header row {expected})"),
        );
        return Ok(Vec::new());
    }
    // Position of each expected column in the file.
    let mut positions: HashMap<&'static str, usize> = HashMap::new();
    let mut header_ok = true;
    for (i, raw) in headers.iter().enumerate() {
        let name = String::from_utf8_lossy(raw);
        let name = name.trim_start_matches('\u{feff}').trim();
        match columns.iter().find(|c| **c == name) {
            Some(column) if positions.contains_key(column) => {
                header_error(errors, name, "duplicate column".to_string());
                header_ok = false;
            }
            Some(column) => {
                positions.insert(column, i);
            }
            None => {
                header_error(
                    errors,
                    if name.is_empty() { "header" } else { name },
                    format!("unknown column (expected the header row {expected})"),
                );
                header_ok = false;
            }
        }
    }
    for column in columns {
        if !positions.contains_key(column) {
            header_error(
                errors,
                column,
                format!("missing column (expected the header row {expected})"),
            );
            header_ok = false;
        }
    }
    if !header_ok {
        return Ok(Vec::new());
    }

    let mut out = Vec::new();
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).map_err(read_error)? {
        bar.inc(1);
        let line = record.position().map_or(0, |p| p.line());
        let mut row = Row {
            file,
            line,
            values: HashMap::new(),
            errors,
            bad: false,
        };
        if record.len() != headers.len() {
            row.fail(
                "row",
                format!(
                    "{} field(s), {} expected ({expected})",
                    record.len(),
                    headers.len()
                ),
            );
            continue;
        }
        for column in columns {
            let raw = positions.get(column).and_then(|&i| record.get(i));
            let value = raw.map(std::str::from_utf8);
            match value {
                Some(Ok(text)) => {
                    row.values.insert(column, Some(text.to_string()));
                }
                _ => {
                    row.values.insert(column, None);
                    row.fail(column, "not valid UTF-8");
                }
            }
        }
        let parsed = parse_row(&mut row);
        if let (Some(value), false) = (parsed, row.bad) {
            out.push(value);
        }
    }
    Ok(out)
}

/// Keeps the last item of each key, at the place of the first.
fn last_wins<T, K: Eq + Hash>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut index: HashMap<K, usize> = HashMap::new();
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        match index.get(&key(&item)) {
            Some(&i) => out[i] = item,
            None => {
                index.insert(key(&item), out.len());
                out.push(item);
            }
        }
    }
    out
}

fn niss(s: &str) -> Result<Niss, String> {
    Niss::parse(s).map_err(|e| e.to_string())
}

fn bce(s: &str) -> Result<Bce, String> {
    Bce::parse(s).map_err(|e| e.to_string())
}

fn non_empty(s: &str) -> Result<String, String> {
    if s.is_empty() {
        Err("empty".to_string())
    } else {
        Ok(s.to_string())
    }
}

/// A date written exactly `YYYY-MM-DD`.
fn date(s: &str) -> Result<NaiveDate, String> {
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
fn optional_date(s: &str) -> Result<Option<NaiveDate>, String> {
    if s.is_empty() {
        Ok(None)
    } else {
        date(s).map(Some)
    }
}

fn language(s: &str) -> Result<String, String> {
    if LANGUAGES.contains(&s) {
        Ok(s.to_string())
    } else {
        Err(format!("{s:?} is not a language (fr, nl, de or en)"))
    }
}

/// A calendar year written with four digits.
fn year(s: &str) -> Result<i32, String> {
    let not_a_year = || format!("{s:?} is not a year (four digits, e.g. 2025)");
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_a_year());
    }
    s.parse().map_err(|_| not_a_year())
}

/// A quarter number, 1 to 4.
fn quarter_number(s: &str) -> Result<u8, String> {
    s.parse::<u8>()
        .ok()
        .filter(|n| (1..=4).contains(n))
        .ok_or_else(|| format!("{s:?} is not a quarter (1, 2, 3 or 4)"))
}

/// A decimal number of hours with a `.` decimal point, >= 0.
fn decimal_hours(s: &str) -> Result<f64, String> {
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
fn whole_hours(s: &str) -> Result<u32, String> {
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

/// The quarter of the `year` and `quarter` columns, when both are valid.
fn quarter_of(row: &mut Row<'_>) -> Option<Quarter> {
    let year = row.get("year", year);
    let number = row.get("quarter", quarter_number);
    Quarter::new(year?, number?)
}

/// Parses `persons.csv` (see [`PERSON_COLUMNS`]); bad values go to `errors`.
pub fn parse_persons(
    file: &str,
    input: impl Read,
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
) -> Result<Vec<PersonRecord>, ImportError> {
    let rows = read_rows(file, input, PERSON_COLUMNS, errors, bar, |row| {
        let niss = row.get("niss", niss);
        let last_name = row.get("last_name", non_empty);
        let first_name = row.get("first_name", non_empty);
        let birth_date = row.get("birth_date", date);
        let language = row.get("language", language);
        let pension_start_date = row.get("pension_start_date", optional_date);
        if let (Some(Some(pension)), Some(birth)) = (pension_start_date, birth_date)
            && pension < birth
        {
            row.fail("pension_start_date", "before the birth date");
        }
        Some(PersonRecord {
            niss: niss?,
            last_name: last_name?,
            first_name: first_name?,
            birth_date: birth_date?,
            language: language?,
            pension_start_date: pension_start_date?,
        })
    })?;
    Ok(last_wins(rows, |p| p.niss.clone()))
}

/// Parses `occupations.csv` (see [`OCCUPATION_COLUMNS`]); bad values go to `errors`.
pub fn parse_occupations(
    file: &str,
    input: impl Read,
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
) -> Result<Vec<OccupationLine>, ImportError> {
    let rows = read_rows(file, input, OCCUPATION_COLUMNS, errors, bar, |row| {
        let niss = row.get("niss", niss);
        let employer = row.get("employer_bce", bce);
        let quarter = quarter_of(row);
        let start_date = row.get("start_date", date);
        let end_date = row.get("end_date", optional_date);
        let worker_hours = row.get("worker_hours", decimal_hours);
        let reference_hours = row.get("reference_hours", |s| {
            decimal_hours(s).and_then(|v| {
                if v > 0.0 {
                    Ok(v)
                } else {
                    Err(format!("{s} is not > 0"))
                }
            })
        });
        let kind = row.get("kind", |s| {
            OccupationKind::parse(s).ok_or_else(|| {
                let kinds: Vec<_> = OccupationKind::ALL.iter().map(|k| k.as_str()).collect();
                format!("{s:?} is not a kind ({})", kinds.join(", "))
            })
        });
        let end = end_date.flatten();
        if let (Some(start), Some(end)) = (start_date, end)
            && end < start
        {
            row.fail("end_date", format!("{end} is before start_date {start}"));
        }
        if let (Some(q), Some(start)) = (quarter, start_date)
            && start > q.last_day()
        {
            row.fail(
                "start_date",
                format!("{start} is after the quarter {q} (the line declares no day of it)"),
            );
        }
        if let (Some(q), Some(end)) = (quarter, end)
            && end < q.first_day()
        {
            row.fail(
                "end_date",
                format!("{end} is before the quarter {q} (the line declares no day of it)"),
            );
        }
        Some(OccupationLine {
            niss: niss?,
            occupation: Occupation {
                employer: employer?,
                quarter: quarter?,
                start_date: start_date?,
                end_date: end_date?,
                worker_hours: worker_hours?,
                reference_hours: reference_hours?,
                kind: kind?,
            },
        })
    })?;
    Ok(last_wins(rows, |l| {
        (
            l.niss.clone(),
            l.occupation.employer.clone(),
            l.occupation.quarter,
            l.occupation.start_date,
        )
    }))
}

/// Parses `student_hours.csv` (see [`STUDENT_HOURS_COLUMNS`]); bad values go to `errors`.
pub fn parse_student_hours(
    file: &str,
    input: impl Read,
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
) -> Result<Vec<StudentHoursLine>, ImportError> {
    let rows = read_rows(file, input, STUDENT_HOURS_COLUMNS, errors, bar, |row| {
        let niss = row.get("niss", niss);
        let employer = row.get("employer_bce", bce);
        let quarter = quarter_of(row);
        let hours = row.get("hours", whole_hours);
        Some(StudentHoursLine {
            niss: niss?,
            employer: employer?,
            quarter: quarter?,
            hours: hours?,
        })
    })?;
    Ok(last_wins(rows, |l| {
        (l.niss.clone(), l.employer.clone(), l.quarter)
    }))
}

/// Parses `student_quota.csv` (see [`STUDENT_QUOTA_COLUMNS`]); bad values go to `errors`.
pub fn parse_student_quotas(
    file: &str,
    input: impl Read,
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
) -> Result<Vec<StudentQuotaLine>, ImportError> {
    let rows = read_rows(file, input, STUDENT_QUOTA_COLUMNS, errors, bar, |row| {
        let year = row.get("year", year);
        let hours = row.get("hours", whole_hours);
        Some(StudentQuotaLine {
            year: year?,
            hours: hours?,
        })
    })?;
    Ok(last_wins(rows, |l| l.year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    type Parser<T> = fn(
        &str,
        std::io::Cursor<Vec<u8>>,
        &mut Vec<RowError>,
        &ProgressBar,
    ) -> Result<Vec<T>, ImportError>;

    /// Parses `text` as the file `name` with `parser`: the rows and the errors.
    fn parse<T>(parser: Parser<T>, name: &str, text: &str) -> (Vec<T>, Vec<RowError>) {
        let mut errors = Vec::new();
        let input = std::io::Cursor::new(text.as_bytes().to_vec());
        let rows = parser(name, input, &mut errors, &ProgressBar::hidden()).expect("no I/O error");
        (rows, errors)
    }

    /// The errors as `line: column` pairs, and each reason containing `reason`.
    fn assert_errors(errors: &[RowError], expected: &[(u64, &str, &str)]) {
        let got: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
        let want: Vec<(u64, &str)> = expected.iter().map(|&(l, c, _)| (l, c)).collect();
        assert_eq!(got, want, "{errors:#?}");
        for (error, (_, _, reason)) in errors.iter().zip(expected) {
            assert!(
                error.reason.contains(reason),
                "{error}: expected a reason containing {reason:?}"
            );
        }
    }

    const PERSONS_HEADER: &str =
        "niss,last_name,first_name,birth_date,language,pension_start_date\n";
    const OCCUPATIONS_HEADER: &str =
        "niss,employer_bce,year,quarter,start_date,end_date,worker_hours,reference_hours,kind\n";
    const STUDENT_HOURS_HEADER: &str = "niss,employer_bce,year,quarter,hours\n";

    fn persons(body: &str) -> (Vec<PersonRecord>, Vec<RowError>) {
        parse(
            parse_persons,
            "persons.csv",
            &format!("{PERSONS_HEADER}{body}"),
        )
    }

    fn occupations(body: &str) -> (Vec<OccupationLine>, Vec<RowError>) {
        parse(
            parse_occupations,
            "occupations.csv",
            &format!("{OCCUPATIONS_HEADER}{body}"),
        )
    }

    fn student_hours(body: &str) -> (Vec<StudentHoursLine>, Vec<RowError>) {
        parse(
            parse_student_hours,
            "student_hours.csv",
            &format!("{STUDENT_HOURS_HEADER}{body}"),
        )
    }

    fn quotas(body: &str) -> (Vec<StudentQuotaLine>, Vec<RowError>) {
        parse(
            parse_student_quotas,
            "student_quota.csv",
            &format!("year,hours\n{body}"),
        )
    }

    #[test]
    fn good_persons_are_normalised() {
        let (rows, errors) = persons(
            "85.07.30-033.28, Peeters ,Jan,1985-07-30,nl,\n\
             55032111741,Dubois,Marc,1955-03-21,fr,2020-04-01\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].niss.as_str(), "85073003328");
        assert_eq!(rows[0].last_name, "Peeters");
        assert_eq!(rows[0].pension_start_date, None);
        assert_eq!(rows[1].pension_start_date, Some(date(2020, 4, 1)));
        assert_eq!(rows[1].language, "fr");
    }

    #[test]
    fn every_person_error_is_reported_with_its_line() {
        let (rows, errors) = persons(
            "85073003329,Peeters,Jan,1985-07-30,nl,\n\
             ,Peeters,Jan,1985-07-30,nl,\n\
             8507300332,Peeters,Jan,1985-07-30,nl,\n\
             85073003328,,Jan,1985-07-30,nl,\n\
             85073003328,Peeters,,1985/07/30,nl,\n\
             85073003328,Peeters,Jan,1985-7-30,nl,\n\
             85073003328,Peeters,Jan,1985-02-30,NL,\n\
             85073003328,Peeters,Jan,1985-07-30,es,2050-13-01\n\
             85073003328,Peeters,Jan,1985-07-30,nl,1980-01-01\n",
        );
        assert!(rows.is_empty());
        assert_errors(
            &errors,
            &[
                (2, "niss", "check digits"),
                (3, "niss", "empty"),
                (4, "niss", "11 digits"),
                (5, "last_name", "empty"),
                (6, "first_name", "empty"),
                (6, "birth_date", "not a date YYYY-MM-DD"),
                (7, "birth_date", "not a date YYYY-MM-DD"),
                (8, "birth_date", "not a day that exists"),
                (8, "language", "not a language"),
                (9, "language", "not a language"),
                (9, "pension_start_date", "not a day that exists"),
                (10, "pension_start_date", "before the birth date"),
            ],
        );
        assert_eq!(
            errors[0].to_string(),
            "persons.csv:2: niss: the NISS check digits do not match"
        );
    }

    #[test]
    fn good_occupations() {
        let (rows, errors) = occupations(
            "90051402426,0203.201.340,2024,2,2019-09-01,,30.4,38,regular\n\
             90051402426,BE0765432146,2024,3,2024-07-15,2024-12-31,10,38.5,part_time_schooling\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 2);
        let o = &rows[0].occupation;
        assert_eq!(o.employer.as_str(), "0203201340");
        assert_eq!(o.quarter, Quarter::new(2024, 2).unwrap());
        assert_eq!(o.start_date, date(2019, 9, 1));
        assert_eq!(o.end_date, None);
        assert_eq!((o.worker_hours, o.reference_hours), (30.4, 38.0));
        assert_eq!(o.kind, OccupationKind::Regular);
        let o = &rows[1].occupation;
        assert_eq!(o.end_date, Some(date(2024, 12, 31)));
        assert_eq!(o.kind, OccupationKind::PartTimeSchooling);
        assert_eq!(o.reference_hours, 38.5);
    }

    #[test]
    fn every_occupation_error_is_reported_with_its_line() {
        let (rows, errors) = occupations(
            "90051402426,0203.201.341,2024,2,2019-09-01,,30.4,38,regular\n\
             90051402426,2203201340,2024,2,2019-09-01,,30.4,38,regular\n\
             90051402426,,24,2,2019-09-01,,30.4,38,regular\n\
             90051402426,0203201340,twenty,5,2019-09-01,,30.4,38,regular\n\
             90051402426,0203201340,2024,0,,,30.4,38,regular\n\
             90051402426,0203201340,999999,1,2019-09-01,,30.4,38,regular\n\
             90051402426,0203201340,2024,2,2024-07-01,,30.4,38,regular\n\
             90051402426,0203201340,2024,2,2024-01-01,2024-03-31,30.4,38,regular\n\
             90051402426,0203201340,2024,2,2024-05-01,2024-04-30,30.4,38,regular\n\
             90051402426,0203201340,2024,2,2019-09-01,,\"30,4\",0,regular\n\
             90051402426,0203201340,2024,2,2019-09-01,,-1,-38,regular\n\
             90051402426,0203201340,2024,2,2019-09-01,,NaN,inf,Regular\n\
             90051402426,0203201340,2024,2,2019-09-01,,1e3,,interim\n\
             90051402426,0203201340,2024,2\n\
             90051402426,0203201340,2024,2,2019-09-01,,30.4,38,regular,extra\n",
        );
        assert!(rows.is_empty());
        assert_errors(
            &errors,
            &[
                (2, "employer_bce", "check digits"),
                (3, "employer_bce", "starts with 0 or 1"),
                (4, "employer_bce", "empty"),
                (4, "year", "not a year"),
                (5, "year", "not a year"),
                (5, "quarter", "not a quarter"),
                (6, "quarter", "not a quarter"),
                (6, "start_date", "empty"),
                (7, "year", "not a year"),
                (8, "start_date", "after the quarter 2024-Q2"),
                (9, "end_date", "before the quarter 2024-Q2"),
                (10, "end_date", "before start_date"),
                (11, "worker_hours", "`.` decimal point"),
                (11, "reference_hours", "not > 0"),
                (12, "worker_hours", "negative"),
                (12, "reference_hours", "negative"),
                (13, "worker_hours", "not a number"),
                (13, "reference_hours", "not a number"),
                (13, "kind", "not a kind"),
                (14, "worker_hours", "not a number"),
                (14, "reference_hours", "empty"),
                (14, "kind", "not a kind (regular, flexi, student"),
                (15, "row", "4 field(s), 9 expected"),
                (16, "row", "10 field(s), 9 expected"),
            ],
        );
    }

    #[test]
    fn zero_hours_are_allowed_for_the_worker_only() {
        let (rows, errors) =
            occupations("90051402426,0203201340,2024,2,2019-09-01,,0,38,regular\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows[0].occupation.worker_hours, 0.0);
        let (_, errors) = occupations("90051402426,0203201340,2024,2,2019-09-01,,0,0.0,regular\n");
        assert_errors(&errors, &[(2, "reference_hours", "not > 0")]);
    }

    #[test]
    fn occupation_dates_may_lie_outside_the_quarter() {
        // Starts before and ends after the quarter; ends on its first day; starts on its last.
        let (rows, errors) = occupations(
            "90051402426,0203201340,2024,2,2020-01-01,2025-12-31,30.4,38,regular\n\
             90051402426,0203201340,2024,2,2021-01-01,2024-04-01,30.4,38,regular\n\
             90051402426,0203201340,2024,2,2024-06-30,,30.4,38,regular\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn student_hours_errors() {
        let (rows, errors) = student_hours(
            "04021208669,0555.123.476,2025,1,120\n\
             04021208669,0555.123.476,2025,2,12.5\n\
             04021208669,0555.123.476,2025,3,-3\n\
             04021208669,0555.123.476,2025,4,99999999999\n\
             04021208669,0555.123.476,2025,1,3000000000\n\
             04021208669,0555.123.476,2025,1,\n\
             04021208668,0555.123.476,,1,8\n",
        );
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].hours, 120);
        assert_eq!(rows[0].quarter, Quarter::new(2025, 1).unwrap());
        assert_errors(
            &errors,
            &[
                (3, "hours", "not a whole number"),
                (4, "hours", "negative"),
                (5, "hours", "not a whole number"),
                (6, "hours", "too large"),
                (7, "hours", "empty"),
                (8, "niss", "check digits"),
                (8, "year", "not a year"),
            ],
        );
    }

    #[test]
    fn quota_errors() {
        let (rows, errors) = quotas("2025,650\n2026,-1\n20x6,650\n2027,\n");
        assert_eq!(
            rows,
            vec![StudentQuotaLine {
                year: 2025,
                hours: 650
            }]
        );
        assert_errors(
            &errors,
            &[
                (3, "hours", "negative"),
                (4, "year", "not a year"),
                (5, "hours", "empty"),
            ],
        );
    }

    #[test]
    fn header_errors() {
        type Case<'a> = (&'a str, &'a [(u64, &'a str, &'a str)]);
        let cases: &[Case<'_>] = &[
            ("", &[(1, "header", "the file is empty")]),
            (
                "year\n2025\n",
                &[(
                    1,
                    "hours",
                    "missing column (expected the header row year,hours)",
                )],
            ),
            (
                "year,hours,note\n2025,650,x\n",
                &[(1, "note", "unknown column")],
            ),
            (
                "year,hours,hours\n2025,650,650\n",
                &[(1, "hours", "duplicate column")],
            ),
            (
                "Year,hours\n2025,650\n",
                &[(1, "Year", "unknown column"), (1, "year", "missing column")],
            ),
        ];
        for (text, expected) in cases {
            let (rows, errors) = parse(parse_student_quotas, "q.csv", text);
            assert!(rows.is_empty(), "{text:?}");
            assert_errors(&errors, expected);
        }
    }

    #[test]
    fn columns_in_any_order_with_a_bom_and_blank_lines() {
        let (rows, errors) = parse(
            parse_student_quotas,
            "q.csv",
            "\u{feff}hours , year\r\n650,2025\r\n\r\n600, 2024\r\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            rows,
            vec![
                StudentQuotaLine {
                    year: 2025,
                    hours: 650
                },
                StudentQuotaLine {
                    year: 2024,
                    hours: 600
                },
            ]
        );
    }

    #[test]
    fn line_numbers_count_physical_lines() {
        // A quoted value over two lines: the next row starts on line 4.
        let (_, errors) = persons(
            "85073003328,\"Peeters\nVan Dam\",Jan,1985-07-30,nl,\n\
             85073003328,Peeters,Jan,1985-07-30,xx,\n",
        );
        assert_errors(&errors, &[(4, "language", "not a language")]);
    }

    #[test]
    fn invalid_utf8_is_reported_per_column() {
        let mut text = PERSONS_HEADER.as_bytes().to_vec();
        text.extend_from_slice(b"85073003328,Pe\xffters,Jan,1985-07-30,nl,\n");
        let mut errors = Vec::new();
        let rows = parse_persons("p.csv", &text[..], &mut errors, &ProgressBar::hidden()).unwrap();
        assert!(rows.is_empty());
        assert_errors(&errors, &[(2, "last_name", "not valid UTF-8")]);
    }

    #[test]
    fn a_later_line_with_the_same_key_replaces_the_earlier_one() {
        let (rows, errors) = occupations(
            "90051402426,0203201340,2024,2,2019-09-01,,19,38,regular\n\
             90051402426,0203201340,2024,3,2019-09-01,,19,38,regular\n\
             90.05.14-024.26,0203.201.340,2024,2,2019-09-01,,30.4,38,regular\n\
             90051402426,0203201340,2024,2,2019-10-01,,1,38,flexi\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let hours: Vec<f64> = rows.iter().map(|r| r.occupation.worker_hours).collect();
        assert_eq!(hours, vec![30.4, 19.0, 1.0]);
        let (rows, _) = quotas("2025,650\n2025,700\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].hours, 700);
        let (rows, _) =
            student_hours("04021208669,0555123476,2025,1,10\n04021208669,0555123476,2025,1,20\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].hours, 20);
    }

    fn fixture(name: &str) -> Option<PathBuf> {
        Some(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
        )
    }

    #[test]
    fn the_fixtures_are_good() {
        let files = ImportFiles {
            persons: fixture("persons.csv"),
            occupations: fixture("occupations.csv"),
            student_hours: fixture("student_hours.csv"),
            student_quota: fixture("student_quota.csv"),
        };
        let batch = check(&files, &ProgressBar::hidden()).expect("good fixtures");
        assert_eq!(batch.persons.len(), 4);
        assert_eq!(batch.occupations.len(), 7);
        assert_eq!(batch.student_hours.len(), 3);
        assert_eq!(batch.student_quotas.len(), 3);
        assert_eq!(batch.len(), 17);
    }

    #[test]
    fn check_reports_the_errors_of_every_file() {
        let files = ImportFiles {
            persons: fixture("bad_persons.csv"),
            occupations: fixture("bad_occupations.csv"),
            student_hours: fixture("bad_student_hours.csv"),
            student_quota: fixture("student_quota.csv"),
        };
        let Err(ImportError::Invalid(errors)) = check(&files, &ProgressBar::hidden()) else {
            panic!("bad rows must be refused");
        };
        let files: Vec<&str> = errors
            .iter()
            .map(|e| e.file.rsplit('/').next().unwrap_or_default())
            .collect();
        assert!(files.contains(&"bad_persons.csv"));
        assert!(files.contains(&"bad_occupations.csv"));
        assert!(files.contains(&"bad_student_hours.csv"));
        assert!(!files.contains(&"student_quota.csv"));
        let message = ImportError::Invalid(errors.clone()).to_string();
        assert!(message.starts_with(&format!(
            "{} bad value(s), nothing imported:\n",
            errors.len()
        )));
        for e in &errors {
            assert!(message.contains(&format!("\n{}:{}: {}: ", e.file, e.line, e.column)));
        }
    }

    #[test]
    fn check_needs_a_file_and_reports_unreadable_ones() {
        assert!(matches!(
            check(&ImportFiles::default(), &ProgressBar::hidden()),
            Err(ImportError::NoFiles)
        ));
        let files = ImportFiles {
            persons: fixture("no_such_file.csv"),
            ..ImportFiles::default()
        };
        let Err(ImportError::Read { file, .. }) = check(&files, &ProgressBar::hidden()) else {
            panic!("a missing file is an error");
        };
        assert!(file.ends_with("no_such_file.csv"));
    }
}
