//! Reading a CSV file row by row with the line each row starts on, and the
//! errors of an import: every bad value as `file:line: column: reason`.

use std::{collections::HashMap, fmt, hash::Hash, io::Read};

use indicatif::ProgressBar;

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

/// One data row being checked: its values by column, and the errors found.
pub struct Row<'a> {
    file: &'a str,
    line: u64,
    values: HashMap<&'static str, Option<String>>,
    errors: &'a mut Vec<RowError>,
    bad: bool,
}

impl Row<'_> {
    /// Records an error on `column`.
    pub(super) fn fail(&mut self, column: &str, reason: impl Into<String>) {
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
    pub(super) fn get<T>(
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
pub(super) fn read_rows<T>(
    file: &str,
    input: impl Read,
    columns: &'static [&'static str],
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
    parse_row: impl FnMut(&mut Row<'_>) -> Option<T>,
) -> Result<Vec<T>, ImportError> {
    let mut out = Vec::new();
    for_each_row(file, input, columns, errors, bar, parse_row, |_, value| {
        out.push(value);
        Ok(())
    })?;
    Ok(out)
}

/// Reads a CSV file with the header `columns` (in any order) one row at a
/// time, holding only that row: each data row goes to `parse_row`, and each
/// good one to `sink` with the line it starts on (increasing). Header and row
/// errors go to `errors`; I/O errors and the errors of `sink` stop the reading.
pub(super) fn for_each_row<T>(
    file: &str,
    input: impl Read,
    columns: &'static [&'static str],
    errors: &mut Vec<RowError>,
    bar: &ProgressBar,
    mut parse_row: impl FnMut(&mut Row<'_>) -> Option<T>,
    mut sink: impl FnMut(u64, T) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
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
        return Ok(());
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
        return Ok(());
    }

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
            sink(line, value)?;
        }
    }
    Ok(())
}

/// Keeps the last item of each key, at the place of the first.
pub(super) fn last_wins<T, K: Eq + Hash>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
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

#[cfg(test)]
mod tests {
    use crate::sources::{
        PersonRecord,
        import::{
            StudentQuotaLine,
            testing::{assert_errors, good, header, parse, persons},
        },
    };

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
            let (rows, errors) = parse::<StudentQuotaLine>("q.csv", text.as_bytes());
            assert!(rows.is_empty(), "{text:?}");
            assert_errors(&errors, expected);
        }
    }

    #[test]
    fn columns_in_any_order_with_a_bom_and_blank_lines() {
        let rows = good(parse::<StudentQuotaLine>(
            "q.csv",
            "\u{feff}hours , year\r\n650,2025\r\n\r\n600, 2024\r\n".as_bytes(),
        ));
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
        let mut text = header::<PersonRecord>().into_bytes();
        text.extend_from_slice(b"85073003328,Pe\xffters,Jan,1985-07-30,nl,\n");
        let (rows, errors) = parse::<PersonRecord>("p.csv", &text);
        assert!(rows.is_empty());
        assert_errors(&errors, &[(2, "last_name", "not valid UTF-8")]);
    }
}
