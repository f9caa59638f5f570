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
    let progress = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let batch = check(files, &progress_bar(None, progress.clone()))?;
    let bar = progress_bar(Some(batch.len() as u64), progress);
    let report = write(conn, &batch, &bar)?;
    bar.finish_and_clear();
    Ok(report)
}

/// A progress bar (a spinner without `len`) drawing to `target`.
fn progress_bar(len: Option<u64>, target: ProgressDrawTarget) -> ProgressBar {
    let bar = match len {
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
    };
    bar
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

/// A calendar year whose every day is a valid date.
fn year(s: &str) -> Result<i32, String> {
    let year: i32 = s
        .parse()
        .map_err(|_| format!("{s:?} is not a year (e.g. 2025)"))?;
    Quarter::new(year, 1)
        .map(|_| year)
        .ok_or_else(|| format!("{s:?} is out of range"))
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
        if let (Some(Some(pension)), Some(birth)) = (pension_start_date, birth_date) {
            if pension < birth {
                row.fail("pension_start_date", "before the birth date");
            }
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
        if let (Some(start), Some(end)) = (start_date, end) {
            if end < start {
                row.fail("end_date", format!("{end} is before start_date {start}"));
            }
        }
        if let (Some(q), Some(start)) = (quarter, start_date) {
            if start > q.last_day() {
                row.fail(
                    "start_date",
                    format!("{start} is after the quarter {q} (the line declares no day of it)"),
                );
            }
        }
        if let (Some(q), Some(end)) = (quarter, end) {
            if end < q.first_day() {
                row.fail(
                    "end_date",
                    format!("{end} is before the quarter {q} (the line declares no day of it)"),
                );
            }
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
