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
//!
//! Inside: `reader` reads a CSV file with its line numbers and holds the error
//! types, `fields` the value parsers, and one module per source file gives its
//! [`SourceFile`]: the columns, the checks of a row, the key of a row and the
//! upsert of its table (which the demo seed uses too); `write` writes a checked
//! batch in one transaction. `mandat import` ([`run`]) streams the large
//! `occupations.csv` ([`Staged`]): its rows go by chunks into a TEMP staging
//! table of the import's transaction while they are read, then into the real
//! table in one statement, so its memory does not grow with the file.

mod fields;
mod occupations;
mod persons;
mod reader;
mod student_hours;
mod student_quota;
#[cfg(test)]
mod testing;
mod write;

use std::{
    fmt,
    fs::File,
    hash::Hash,
    io::{IsTerminal, Read},
    path::{Path, PathBuf},
    time::Duration,
};

use diesel::{Connection, PgConnection, QueryResult};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub use occupations::OccupationLine;
pub use reader::{ImportError, Row, RowError};
pub use student_hours::StudentHoursLine;
pub use student_quota::StudentQuotaLine;
pub use write::write;

use super::PersonRecord;
use reader::{last_wins, read_rows};

/// One kind of source file, as a row of it: its columns, how a row is checked, the key by
/// which a later line replaces an earlier one, and the upsert of its table.
pub trait SourceFile: Sized {
    /// What its rows are called in the progress bar ("persons").
    const ROWS: &'static str;
    /// The columns of its header row (in any order in the file).
    const COLUMNS: &'static [&'static str];
    /// What makes two lines the same row.
    type Key: Eq + Hash;

    /// The row checked: `None` when a value is bad (each error recorded on `row`).
    fn from_row(row: &mut Row<'_>) -> Option<Self>;

    /// The key of this row.
    fn key(&self) -> Self::Key;

    /// Inserts or replaces `rows` (at least one) by their keys; the rows written.
    fn upsert_rows(conn: &mut PgConnection, rows: &[Self]) -> QueryResult<usize>;
}

/// A source file that can be imported in bounded memory: its good rows go by chunks into a
/// staging table (TEMP, dropped at the end of the transaction), then into the real table in
/// one set-based statement where the last line of each key wins.
pub trait Staged: SourceFile {
    /// Creates the (empty) staging table in the current transaction.
    fn create_stage(conn: &mut PgConnection) -> QueryResult<()>;

    /// Adds `rows`, each with the line it starts on, to the staging table.
    fn stage_rows(conn: &mut PgConnection, rows: &[(u64, Self)]) -> QueryResult<()>;

    /// Inserts or replaces the staged rows (the last line of each key) in the real table;
    /// the rows written.
    fn merge_stage(conn: &mut PgConnection) -> QueryResult<usize>;
}

/// Rows per statement into a staging table (each column is one array parameter).
const STAGE_CHUNK: usize = 5000;

/// Inserts or replaces `rows` by their keys (the table's upsert that `mandat import` writes
/// with; the demo seed too); the rows written.
pub fn upsert<T: SourceFile>(conn: &mut PgConnection, rows: &[T]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    T::upsert_rows(conn, rows)
}

/// Reads and checks one file of rows `T` (see [`SourceFile::COLUMNS`]); bad values go to
/// `errors`. Within the file, a later line with the same key replaces an earlier one.
fn parse_file<T: SourceFile>(
    file: &str,
    input: impl Read,
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
) -> Result<Vec<T>, ImportError> {
    let rows = read_rows(file, input, T::COLUMNS, errors, bar, T::from_row)?;
    Ok(last_wins(rows, T::key))
}

/// One thing per source file of an import (its path, its text), in the order of
/// [`SourceFiles::FILES`].
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceFiles<T> {
    /// `persons.csv`: the national register.
    pub persons: T,
    /// `occupations.csv`: DmfA occupation lines.
    pub occupations: T,
    /// `student_hours.csv`: Dimona STU hours.
    pub student_hours: T,
    /// `student_quota.csv`: the yearly Student@Work quota.
    pub student_quota: T,
}

impl<T> SourceFiles<T> {
    /// The file names, in the order of the fields.
    pub const FILES: [&'static str; 4] = [
        "persons.csv",
        "occupations.csv",
        "student_hours.csv",
        "student_quota.csv",
    ];

    /// The four, in the order of the fields.
    fn each(&self) -> [&T; 4] {
        [
            &self.persons,
            &self.occupations,
            &self.student_hours,
            &self.student_quota,
        ]
    }
}

/// The files of one import; at least one must be given.
pub type ImportFiles = SourceFiles<Option<PathBuf>>;

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
    if files.each().iter().all(|f| f.is_none()) {
        return Err(ImportError::NoFiles);
    }
    let bar = progress_bar(None, target());
    // One transaction: the occupation lines (the big file) are streamed into a staging table
    // while they are checked, the other (small) files are held; any bad value rolls it all back.
    let report = conn.transaction(|conn| {
        let mut errors = Vec::new();
        let persons: Vec<PersonRecord> = check_file(files.persons.as_deref(), &mut errors, &bar)?;
        let occupations =
            stage_file::<OccupationLine>(conn, files.occupations.as_deref(), &mut errors, &bar)?;
        let student_hours: Vec<StudentHoursLine> =
            check_file(files.student_hours.as_deref(), &mut errors, &bar)?;
        let student_quotas: Vec<StudentQuotaLine> =
            check_file(files.student_quota.as_deref(), &mut errors, &bar)?;
        if !errors.is_empty() {
            return Err(ImportError::Invalid(errors));
        }
        bar.set_message("writing");
        Ok(ImportReport {
            persons: write::write_rows(conn, &persons, &bar)?,
            occupations: if occupations {
                OccupationLine::merge_stage(conn)?
            } else {
                0
            },
            student_hours: write::write_rows(conn, &student_hours, &bar)?,
            student_quotas: write::write_rows(conn, &student_quotas, &bar)?,
        })
    });
    bar.finish_and_clear();
    report
}

/// Reads and checks the file at `path`, when one is given, one row at a time: its good rows
/// go by chunks into the staging table of `T`. Whether a file was given (and staged).
fn stage_file<T: Staged>(
    conn: &mut PgConnection,
    path: Option<&Path>,
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
) -> Result<bool, ImportError> {
    let Some(path) = path else {
        return Ok(false);
    };
    let (name, file) = open_file(path, "reading", bar)?;
    T::create_stage(conn)?;
    let mut chunk: Vec<(u64, T)> = Vec::with_capacity(STAGE_CHUNK);
    reader::for_each_row(
        &name,
        file,
        T::COLUMNS,
        errors,
        bar,
        T::from_row,
        |line, row| {
            chunk.push((line, row));
            if chunk.len() == STAGE_CHUNK {
                T::stage_rows(conn, &chunk)?;
                chunk.clear();
            }
            Ok(())
        },
    )?;
    if !chunk.is_empty() {
        T::stage_rows(conn, &chunk)?;
    }
    Ok(true)
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
    if files.each().iter().all(|f| f.is_none()) {
        return Err(ImportError::NoFiles);
    }
    let mut errors = Vec::new();
    let batch = Batch {
        persons: check_file(files.persons.as_deref(), &mut errors, bar)?,
        occupations: check_file(files.occupations.as_deref(), &mut errors, bar)?,
        student_hours: check_file(files.student_hours.as_deref(), &mut errors, bar)?,
        student_quotas: check_file(files.student_quota.as_deref(), &mut errors, bar)?,
    };
    bar.finish_and_clear();
    checked(batch, errors)
}

/// The batch when no row had an error, else every error.
fn checked(batch: Batch, errors: Vec<RowError>) -> Result<Batch, ImportError> {
    if errors.is_empty() {
        Ok(batch)
    } else {
        Err(ImportError::Invalid(errors))
    }
}

/// The texts of the source files of one import: a trainer's own files, checked like
/// `mandat import`'s and kept with their demo tenant (its reset loads them again).
pub type SourceTexts = SourceFiles<Option<String>>;

impl SourceTexts {
    /// Whether no file is given (an empty text counts as no file).
    pub fn is_empty(&self) -> bool {
        self.each()
            .iter()
            .all(|t| t.as_deref().is_none_or(|t| t.trim().is_empty()))
    }

    /// The files of `dir` named [`SourceTexts::FILES`] (those present; at least one).
    pub fn from_dir(dir: &Path) -> Result<SourceTexts, ImportError> {
        let read = |name: &str| -> Result<Option<String>, ImportError> {
            let path = dir.join(name);
            if !path.exists() {
                return Ok(None);
            }
            std::fs::read_to_string(&path)
                .map(Some)
                .map_err(|e| ImportError::Read {
                    file: path.display().to_string(),
                    message: e.to_string(),
                })
        };
        let texts = SourceTexts {
            persons: read(Self::FILES[0])?,
            occupations: read(Self::FILES[1])?,
            student_hours: read(Self::FILES[2])?,
            student_quota: read(Self::FILES[3])?,
        };
        if texts.is_empty() {
            return Err(ImportError::Read {
                file: dir.display().to_string(),
                message: format!("none of {} is there", Self::FILES.join(", ")),
            });
        }
        Ok(texts)
    }
}

/// Checks the texts (errors named `persons.csv:12: ...`): the batch to write, or every bad
/// value. Nothing is written.
pub fn check_texts(texts: &SourceTexts) -> Result<Batch, ImportError> {
    if texts.is_empty() {
        return Err(ImportError::NoFiles);
    }
    let bar = ProgressBar::hidden();
    let mut errors = Vec::new();
    fn one<T: SourceFile>(
        name: &str,
        text: &Option<String>,
        errors: &mut Vec<RowError>,
        bar: &ProgressBar,
    ) -> Result<Vec<T>, ImportError> {
        match text.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(t) => parse_file(name, t.as_bytes(), errors, bar),
            None => Ok(Vec::new()),
        }
    }
    let [persons, occupations, student_hours, student_quota] = SourceTexts::FILES;
    let batch = Batch {
        persons: one(persons, &texts.persons, &mut errors, &bar)?,
        occupations: one(occupations, &texts.occupations, &mut errors, &bar)?,
        student_hours: one(student_hours, &texts.student_hours, &mut errors, &bar)?,
        student_quotas: one(student_quota, &texts.student_quota, &mut errors, &bar)?,
    };
    checked(batch, errors)
}

/// Reads and checks the file at `path`, when one is given.
fn check_file<T: SourceFile>(
    path: Option<&Path>,
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
) -> Result<Vec<T>, ImportError> {
    let Some(path) = path else {
        return Ok(Vec::new());
    };
    let (name, file) = open_file(path, "checking", bar)?;
    parse_file(&name, file, errors, bar)
}

/// Opens the file at `path`, the bar saying what is `doing` with it: its name and the file.
fn open_file(path: &Path, doing: &str, bar: &ProgressBar) -> Result<(String, File), ImportError> {
    let name = path.display().to_string();
    bar.set_message(format!("{doing} {name}"));
    bar.set_position(0);
    let file = File::open(path).map_err(|e| ImportError::Read {
        file: name.clone(),
        message: e.to_string(),
    })?;
    Ok((name, file))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::import::testing::{fixture, good, occupations, quotas, student_hours};

    #[test]
    fn a_later_line_with_the_same_key_replaces_the_earlier_one() {
        let rows = good(occupations(
            "90051402426,0203201340,2024,2,2019-09-01,,19,38,regular\n\
             90051402426,0203201340,2024,3,2019-09-01,,19,38,regular\n\
             90.05.14-024.26,0203.201.340,2024,2,2019-09-01,,30.4,38,regular\n\
             90051402426,0203201340,2024,2,2019-10-01,,1,38,flexi\n",
        ));
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
