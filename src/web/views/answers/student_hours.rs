//! The words of a Student@Work answer.

use chrono::NaiveDate;

use super::{Content, Headline, Reader, name_of, sentence_key};
use crate::{
    domain::{Context, student::StudentAnswer},
    i18n::{Arg, Lang},
};

/// The words of a Student@Work answer.
pub(super) fn content(lang: Lang, a: &StudentAnswer, on: NaiveDate, reader: Reader<'_>) -> Content {
    let sentence = lang.t_args(
        sentence_key(
            reader,
            "consult-student-balance",
            "possibilities-student-balance",
        ),
        &[
            ("date", lang.date(on).into()),
            ("hours", i64::from(a.remaining_hours).into()),
            ("name", name_of(reader).into()),
            ("year", i64::from(a.year).into()),
        ],
    );
    let quota: [(&'static str, Arg); 2] = [
        ("quota", i64::from(a.quota).into()),
        ("year", i64::from(a.year).into()),
    ];
    let mut notes = Vec::new();
    if a.quota_exceeded {
        notes.push(lang.t_args("consult-student-exceeded", &quota));
    }
    notes.push(lang.t_args("consult-student-quota", &quota));
    if let Reader::Company(_) = reader {
        notes.push(lang.t("consult-student-stu-note"));
        notes.push(lang.t("consult-note-same-checks"));
    }
    let headline = Headline::Figure {
        figure: lang.number(i64::from(a.remaining_hours)),
        caption: lang.t_args(
            "consult-figure-hours",
            &[
                ("hours", i64::from(a.remaining_hours).into()),
                ("year", i64::from(a.year).into()),
            ],
        ),
    };
    let (checked, company_checks) = match reader {
        Reader::Company(_) => (
            vec![lang.t("consult-student-checked")],
            [
                "consult-student-check-student",
                "consult-student-check-contract",
                "consult-student-check-school",
                "consult-student-check-age",
            ]
            .iter()
            .map(|k| lang.t(k))
            .collect(),
        ),
        Reader::Citizen => (Vec::new(), Vec::new()),
    };
    Content {
        context: Context::StudentHours,
        title: lang.t(Context::StudentHours.name_key()),
        headline,
        sentence,
        notes,
        calendar: None,
        checked,
        company_checks,
    }
}
