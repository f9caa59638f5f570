//! `occupations.csv`: DmfA occupation lines.

use diesel::{
    PgConnection,
    prelude::*,
    sql_types::{Array, BigInt, Date, Double, Integer, Nullable, SmallInt, Text},
    upsert::excluded,
};

use super::{
    SourceFile, Staged,
    fields::{bce, date, decimal_hours, niss, optional_date, quarter_of},
    reader::Row,
};
use crate::{
    db::schema::occupations,
    domain::{
        Bce, Niss, Quarter,
        flexi::{Occupation, OccupationKind},
    },
};

/// A DmfA occupation line of a person.
#[derive(Clone, Debug, PartialEq)]
pub struct OccupationLine {
    /// The worker.
    pub niss: Niss,
    /// The occupation.
    pub occupation: Occupation,
}

impl SourceFile for OccupationLine {
    const ROWS: &'static str = "occupations";
    const COLUMNS: &'static [&'static str] = &[
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
    type Key = (Niss, Bce, Quarter, chrono::NaiveDate);

    fn from_row(row: &mut Row<'_>) -> Option<Self> {
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
    }

    fn key(&self) -> Self::Key {
        let o = &self.occupation;
        (
            self.niss.clone(),
            o.employer.clone(),
            o.quarter,
            o.start_date,
        )
    }

    /// Inserts or replaces occupation lines (by NISS, employer, quarter and start date).
    fn upsert_rows(conn: &mut PgConnection, rows: &[Self]) -> QueryResult<usize> {
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
}

/// The staging table of a streamed import: a TEMP table dropped at the end of the transaction.
impl Staged for OccupationLine {
    fn create_stage(conn: &mut PgConnection) -> QueryResult<()> {
        diesel::sql_query(
            "CREATE TEMP TABLE import_occupations (\
                 line BIGINT NOT NULL, niss TEXT NOT NULL, employer_bce TEXT NOT NULL, \
                 year INTEGER NOT NULL, quarter SMALLINT NOT NULL, start_date DATE NOT NULL, \
                 end_date DATE, worker_hours DOUBLE PRECISION NOT NULL, \
                 reference_hours DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL\
             ) ON COMMIT DROP",
        )
        .execute(conn)
        .map(|_| ())
    }

    fn stage_rows(conn: &mut PgConnection, rows: &[(u64, Self)]) -> QueryResult<()> {
        let n = rows.len();
        let (mut line, mut niss, mut employer) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        let (mut year, mut quarter, mut start, mut end) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        let (mut worker, mut reference, mut kind) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for (l, row) in rows {
            let o = &row.occupation;
            line.push(i64::try_from(*l).unwrap_or(i64::MAX));
            niss.push(row.niss.as_str());
            employer.push(o.employer.as_str());
            year.push(o.quarter.year);
            quarter.push(i16::from(o.quarter.quarter));
            start.push(o.start_date);
            end.push(o.end_date);
            worker.push(o.worker_hours);
            reference.push(o.reference_hours);
            kind.push(o.kind.as_str());
        }
        diesel::sql_query(
            "INSERT INTO import_occupations \
             SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind::<Array<BigInt>, _>(line)
        .bind::<Array<Text>, _>(niss)
        .bind::<Array<Text>, _>(employer)
        .bind::<Array<Integer>, _>(year)
        .bind::<Array<SmallInt>, _>(quarter)
        .bind::<Array<Date>, _>(start)
        .bind::<Array<Nullable<Date>>, _>(end)
        .bind::<Array<Double>, _>(worker)
        .bind::<Array<Double>, _>(reference)
        .bind::<Array<Text>, _>(kind)
        .execute(conn)
        .map(|_| ())
    }

    /// One statement: the last line of each key, inserted or replacing the stored row.
    fn merge_stage(conn: &mut PgConnection) -> QueryResult<usize> {
        diesel::sql_query(
            "INSERT INTO occupations (niss, employer_bce, year, quarter, start_date, end_date, \
                                      worker_hours, reference_hours, kind) \
             SELECT DISTINCT ON (niss, employer_bce, year, quarter, start_date) \
                    niss, employer_bce, year, quarter, start_date, end_date, \
                    worker_hours, reference_hours, kind \
             FROM import_occupations \
             ORDER BY niss, employer_bce, year, quarter, start_date, line DESC \
             ON CONFLICT (niss, employer_bce, year, quarter, start_date) DO UPDATE SET \
                 end_date = excluded.end_date, worker_hours = excluded.worker_hours, \
                 reference_hours = excluded.reference_hours, kind = excluded.kind",
        )
        .execute(conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Quarter;
    use crate::sources::import::testing::{assert_errors, date, good, occupations};

    #[test]
    fn good_occupations() {
        let rows = good(occupations(
            "90051402426,0203.201.340,2024,2,2019-09-01,,30.4,38,regular\n\
             90051402426,BE0765432146,2024,3,2024-07-15,2024-12-31,10,38.5,part_time_schooling\n",
        ));
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
        let rows = good(occupations(
            "90051402426,0203201340,2024,2,2019-09-01,,0,38,regular\n",
        ));
        assert_eq!(rows[0].occupation.worker_hours, 0.0);
        let (_, errors) = occupations("90051402426,0203201340,2024,2,2019-09-01,,0,0.0,regular\n");
        assert_errors(&errors, &[(2, "reference_hours", "not > 0")]);
    }

    #[test]
    fn occupation_dates_may_lie_outside_the_quarter() {
        // Starts before and ends after the quarter; ends on its first day; starts on its last.
        let rows = good(occupations(
            "90051402426,0203201340,2024,2,2020-01-01,2025-12-31,30.4,38,regular\n\
             90051402426,0203201340,2024,2,2021-01-01,2024-04-01,30.4,38,regular\n\
             90051402426,0203201340,2024,2,2024-06-30,,30.4,38,regular\n",
        ));
        assert_eq!(rows.len(), 3);
    }
}
