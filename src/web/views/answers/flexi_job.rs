//! The words of a flexi-job answer.

use chrono::{Datelike, NaiveDate};

use super::{Content, Headline, MonthCell, Reader, day_month, name_of, sentence_key};
use crate::{
    domain::{Context, flexi::FlexiAnswer},
    i18n::Lang,
};

/// "Maria Abara may work as a flexi-worker from 1 January to 30 June 2025."
fn sentence(lang: Lang, a: &FlexiAnswer, on: NaiveDate, reader: Reader<'_>) -> String {
    let (from, to) = period(lang, a, on);
    let key = match a.eligible_period() {
        Some(_) => sentence_key(
            reader,
            "consult-flexi-eligible",
            "possibilities-flexi-eligible",
        ),
        None => sentence_key(
            reader,
            "consult-flexi-not-eligible",
            "possibilities-flexi-not-eligible",
        ),
    };
    lang.t_args(
        key,
        &[
            ("name", name_of(reader).into()),
            ("from", from.into()),
            ("to", to.into()),
        ],
    )
}

/// The period an answer is about: the eligible months, else the whole window; the day it
/// was given when it names none.
fn period(lang: Lang, a: &FlexiAnswer, on: NaiveDate) -> (String, String) {
    if let Some((from, to)) = a.eligible_period() {
        return (day_month(lang, from, to.year()), lang.date(to));
    }
    let first = a.quarters.first().map(|q| q.quarter.first_day());
    let last = a.quarters.last().map(|q| q.quarter.last_day());
    match (first, last) {
        (Some(f), Some(l)) => (day_month(lang, f, l.year()), lang.date(l)),
        _ => (lang.date(on), lang.date(on)),
    }
}

/// "Eligible from 1 January to 30 June 2025", as a chip.
fn headline(lang: Lang, a: &FlexiAnswer, on: NaiveDate) -> Headline {
    let eligible = a.eligible_period().is_some();
    let (from, to) = period(lang, a, on);
    Headline::Chip {
        eligible,
        label: lang.t(if eligible {
            "consult-chip-eligible"
        } else {
            "consult-chip-not-eligible"
        }),
        period: lang.t_args(
            "consult-chip-period",
            &[("from", from.into()), ("to", to.into())],
        ),
    }
}

/// The calendar, month by month.
fn calendar(lang: Lang, a: &FlexiAnswer) -> Vec<MonthCell> {
    a.months
        .iter()
        .map(|m| MonthCell {
            year: m.year,
            month: lang.t(&format!("month-{}", m.month)),
            label: lang.month_year(m.year, m.month),
            code: m.status.code(),
            status: lang.t(&format!("consult-status-{}", m.status.code())),
        })
        .collect()
}

/// "This consultation answers for January 2025 to June 2025."
fn window_note(lang: Lang, a: &FlexiAnswer) -> Option<String> {
    let first = a.quarters.first()?.quarter.months()[0];
    let last = a.quarters.last()?.quarter.months()[2];
    Some(lang.t_args(
        "consult-flexi-window",
        &[
            ("from", lang.month_year(first.0, first.1).into()),
            ("to", lang.month_year(last.0, last.1).into()),
        ],
    ))
}

/// The words of a flexi-job answer.
pub(super) fn content(lang: Lang, a: &FlexiAnswer, on: NaiveDate, reader: Reader<'_>) -> Content {
    let (checked, company_checks) = match reader {
        Reader::Company(_) => (
            vec![
                lang.t("consult-flexi-checked"),
                lang.t("consult-flexi-private"),
                lang.t("consult-flexi-negative"),
            ],
            [
                "consult-flexi-check-same-employer",
                "consult-flexi-check-notice",
                "consult-flexi-check-sector",
                "consult-flexi-check-linked",
                "consult-flexi-check-temp-agency",
            ]
            .iter()
            .map(|k| lang.t(k))
            .collect(),
        ),
        Reader::Citizen => (
            vec![
                lang.t("possibilities-flexi-every-employer"),
                lang.t("consult-flexi-negative"),
            ],
            Vec::new(),
        ),
    };
    let mut notes: Vec<String> = window_note(lang, a).into_iter().collect();
    if let Reader::Company(_) = reader {
        notes.push(lang.t("consult-note-same-checks"));
    }
    Content {
        context: Context::FlexiJob,
        title: lang.t(Context::FlexiJob.name_key()),
        headline: headline(lang, a, on),
        sentence: sentence(lang, a, on, reader),
        notes,
        calendar: Some(calendar(lang, a)),
        checked,
        company_checks,
    }
}
