//! The words of a consultation's answer, one module per context: put together once
//! ([`content`]) and then rendered as HTML (the company's result page, the citizen's "My
//! possibilities") or as a PDF, so that the export says exactly what the page says.
//!
//! Nothing here tells why a person is or is not eligible: the company sees eligible / not
//! eligible / not determined per month, and the same explanation for everyone.

mod flexi_job;
mod student_hours;

use chrono::{Datelike, NaiveDate};

use crate::{
    domain::{Answer, Context},
    i18n::Lang,
};

/// Who reads an answer: a company (about a named person), or the citizen about themself.
#[derive(Copy, Clone, Debug)]
pub enum Reader<'a> {
    /// A company, about the person named.
    Company(&'a str),
    /// The citizen, about themself ("My possibilities").
    Citizen,
}

/// One month of a calendar, as words.
#[derive(Clone, Debug)]
pub struct MonthCell {
    /// Its year (the calendar is laid out by year).
    pub year: i32,
    /// "January".
    pub month: String,
    /// "January 2025".
    pub label: String,
    /// `eligible`, `not_eligible` or `not_determined` (also the cell's CSS class).
    pub code: &'static str,
    /// "Conditions met", ...
    pub status: String,
}

/// The answer at a glance, before the detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Headline {
    /// "Eligible" or "Not eligible", with the period it is about.
    Chip {
        /// Whether the conditions are met (the chip's colour).
        eligible: bool,
        /// "Eligible".
        label: String,
        /// "from 1 January to 30 June 2025".
        period: String,
    },
    /// A number and what it counts: "154" "hours left in 2025".
    Figure {
        /// The number, written the language's way.
        figure: String,
        /// What it counts.
        caption: String,
    },
}

/// The words of an answer, ready to render as HTML or PDF.
#[derive(Clone, Debug)]
pub struct Content {
    /// The context answered (its "More information" page, its notice).
    pub context: Context,
    /// The context's name ("Flexi-job possibility").
    pub title: String,
    /// The answer at a glance.
    pub headline: Headline,
    /// The answer in one sentence.
    pub sentence: String,
    /// Further remarks on the answer.
    pub notes: Vec<String>,
    /// A calendar of months, for the contexts that answer per month.
    pub calendar: Option<Vec<MonthCell>>,
    /// What was checked (paragraphs); for the citizen, what to know about the result.
    pub checked: Vec<String>,
    /// What the company must still check itself (empty for the citizen's own view).
    pub company_checks: Vec<String>,
}

/// The words of `answer`, given on `on`, for `reader`: the one dispatch on the answer's
/// context.
pub fn content(lang: Lang, answer: &Answer, on: NaiveDate, reader: Reader<'_>) -> Content {
    match answer {
        Answer::FlexiJob(a) => flexi_job::content(lang, a, on, reader),
        Answer::StudentHours(a) => student_hours::content(lang, a, on, reader),
    }
}

/// The grouping of a calendar by year: each year with its months, in order.
pub fn by_year(months: &[MonthCell]) -> Vec<(i32, Vec<&MonthCell>)> {
    let mut years: Vec<(i32, Vec<&MonthCell>)> = Vec::new();
    for m in months {
        match years.last_mut() {
            Some((year, cells)) if *year == m.year => cells.push(m),
            _ => years.push((m.year, vec![m])),
        }
    }
    years
}

/// A date without its year when the year is `year` ("1 January"), else in full.
fn day_month(lang: Lang, date: NaiveDate, year: i32) -> String {
    let full = lang.date(date);
    if date.year() == year {
        full.strip_suffix(&format!(" {year}"))
            .map(str::to_string)
            .unwrap_or(full)
    } else {
        full
    }
}

/// The message keys of a sentence: the company's (about a named person) or the citizen's.
fn sentence_key<'a>(reader: Reader<'_>, company: &'a str, citizen: &'a str) -> &'a str {
    match reader {
        Reader::Company(_) => company,
        Reader::Citizen => citizen,
    }
}

/// The person's name for the sentence ("" for the citizen: "you").
fn name_of(reader: Reader<'_>) -> String {
    match reader {
        Reader::Company(name) => name.to_string(),
        Reader::Citizen => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_without_its_year_when_the_period_ends_the_same_year() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        assert_eq!(day_month(Lang::En, d, 2025), "1 January");
        assert_eq!(day_month(Lang::Fr, d, 2025), "1er janvier");
        assert_eq!(day_month(Lang::De, d, 2025), "1. Januar");
        assert_eq!(day_month(Lang::Nl, d, 2026), "1 januari 2025");
    }
}
