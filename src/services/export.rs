//! Every CSV the service writes goes through [`CsvTable`]: each cell is written as a
//! spreadsheet may read it safely ([`spreadsheet_cell`]: a cell starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return gets a leading `'`), quoted by the `csv` crate when needed.

use crate::domain::text::spreadsheet_cell;

/// A CSV document being written: a header row, then rows.
pub struct CsvTable {
    writer: csv::Writer<Vec<u8>>,
}

/// Why a CSV document could not be written.
#[derive(Debug, thiserror::Error)]
#[error("CSV export failed: {0}")]
pub struct CsvError(String);

impl CsvTable {
    /// A document with this header row.
    pub fn new<I, S>(header: I) -> Result<CsvTable, CsvError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut table = CsvTable {
            writer: csv::Writer::from_writer(Vec::new()),
        };
        table.row(header)?;
        Ok(table)
    }

    /// Writes a row, every cell made safe for spreadsheets.
    pub fn row<I, S>(&mut self, cells: I) -> Result<(), CsvError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells
            .into_iter()
            .map(|c| spreadsheet_cell(c.as_ref()).into_owned())
            .collect();
        self.writer
            .write_record(&cells)
            .map_err(|e| CsvError(e.to_string()))
    }

    /// The document.
    pub fn finish(self) -> Result<String, CsvError> {
        let bytes = self
            .writer
            .into_inner()
            .map_err(|e| CsvError(e.to_string()))?;
        String::from_utf8(bytes).map_err(|e| CsvError(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_is_safe_for_spreadsheets() {
        let mut t = CsvTable::new(["label", "email"]).unwrap();
        t.row([
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "maria@example.be",
        ])
        .unwrap();
        t.row(["+32 2", "@SUM(A1)"]).unwrap();
        t.row(["-1", "\tx"]).unwrap();
        t.row(["plain, with comma", "a \"quote\""]).unwrap();
        let csv = t.finish().unwrap();
        assert_eq!(
            csv,
            "label,email\n\
             \"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",maria@example.be\n\
             '+32 2,'@SUM(A1)\n\
             '-1,'\tx\n\
             \"plain, with comma\",\"a \"\"quote\"\"\"\n"
        );
    }
}
