//! Views of a consultation: the result page of the company app, its PDF export, and the
//! citizen's own "My possibilities" page.
//!
//! The words of a result are put together once ([`content`]) and then rendered as HTML or
//! as a PDF, so that the export says exactly what the page says. Nothing here tells why a
//! person is or is not eligible: the company sees eligible / not eligible / not determined
//! per month, and the same explanation for everyone.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use maud::{Markup, html};

use super::{
    common::acting_as,
    layout::{Area, layout},
};
use crate::{
    domain::{
        Context,
        flexi::{Eligibility, FlexiResult},
        status::Tab,
        student::StudentBalance,
    },
    i18n::Lang,
    pdf::{Block, Cell, PdfDocument, Tone},
    services::{
        companies::CompanyCtx,
        consult::{ConsultResult, Consultation, Possibilities},
    },
    web::{context::Ctx, routes},
};

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

/// The status code of a month (`eligible`, `not_eligible`, `not_determined`), which is
/// also its CSS class: the reason of an eligibility goes no further than here.
fn code(e: Eligibility) -> &'static str {
    e.code()
}

/// One month of the calendar, as words.
#[derive(Clone, Debug)]
pub struct MonthCell {
    /// "January 2025".
    pub label: String,
    /// `eligible`, `not_eligible` or `not_determined`.
    pub code: &'static str,
    /// "Conditions met", ...
    pub status: String,
}

/// The words of a result, ready to render as HTML or PDF.
#[derive(Clone, Debug)]
pub struct Content {
    /// The context's name ("Flexi-job possibility").
    pub title: String,
    /// The answer in one sentence.
    pub sentence: String,
    /// Further remarks on the answer.
    pub notes: Vec<String>,
    /// The calendar (flexi-job only).
    pub calendar: Option<Vec<MonthCell>>,
    /// What was checked (paragraphs).
    pub checked: Vec<String>,
    /// What the company must still check itself (empty for the citizen's own view).
    pub company_checks: Vec<String>,
}

/// The flexi-job sentence for `subject` (the person's name, or none for "you").
fn flexi_sentence(lang: Lang, r: &FlexiResult, name: Option<&str>) -> String {
    let (key_yes, key_no) = match name {
        Some(_) => ("consult-flexi-eligible", "consult-flexi-not-eligible"),
        None => (
            "possibilities-flexi-eligible",
            "possibilities-flexi-not-eligible",
        ),
    };
    let name = name.unwrap_or_default().to_string();
    match r.eligible_period() {
        Some((from, to)) => lang.t_args(
            key_yes,
            &[
                ("name", name.into()),
                ("from", day_month(lang, from, to.year()).into()),
                ("to", lang.date(to).into()),
            ],
        ),
        None => {
            let first = r.quarters.first().map(|q| q.quarter.first_day());
            let last = r.quarters.last().map(|q| q.quarter.last_day());
            let (from, to) = match (first, last) {
                (Some(f), Some(l)) => (day_month(lang, f, l.year()), lang.date(l)),
                _ => (lang.date(r.consulted_on), lang.date(r.consulted_on)),
            };
            lang.t_args(
                key_no,
                &[
                    ("name", name.into()),
                    ("from", from.into()),
                    ("to", to.into()),
                ],
            )
        }
    }
}

/// The calendar of a flexi-job result.
fn calendar(lang: Lang, r: &FlexiResult) -> Vec<MonthCell> {
    r.months
        .iter()
        .map(|m| MonthCell {
            label: lang.month_year(m.year, m.month),
            code: code(m.eligibility),
            status: lang.t(&format!("consult-status-{}", code(m.eligibility))),
        })
        .collect()
}

/// "This consultation answers for January 2025 to June 2025."
fn window_note(lang: Lang, r: &FlexiResult) -> Option<String> {
    let first = r.quarters.first()?.quarter.months()[0];
    let last = r.quarters.last()?.quarter.months()[2];
    Some(lang.t_args(
        "consult-flexi-window",
        &[
            ("from", lang.month_year(first.0, first.1).into()),
            ("to", lang.month_year(last.0, last.1).into()),
        ],
    ))
}

fn student_sentence(lang: Lang, b: &StudentBalance, on: NaiveDate, name: Option<&str>) -> String {
    let key = if name.is_some() {
        "consult-student-balance"
    } else {
        "possibilities-student-balance"
    };
    lang.t_args(
        key,
        &[
            ("date", lang.date(on).into()),
            ("hours", i64::from(b.remaining).into()),
            ("name", name.unwrap_or_default().into()),
            ("year", i64::from(b.year).into()),
        ],
    )
}

fn student_notes(lang: Lang, b: &StudentBalance) -> Vec<String> {
    let mut notes = Vec::new();
    if b.exceeded {
        notes.push(lang.t_args(
            "consult-student-exceeded",
            &[
                ("quota", i64::from(b.quota).into()),
                ("year", i64::from(b.year).into()),
            ],
        ));
    }
    notes.push(lang.t_args(
        "consult-student-quota",
        &[
            ("quota", i64::from(b.quota).into()),
            ("year", i64::from(b.year).into()),
        ],
    ));
    notes
}

/// The words of a company's consultation.
pub fn content(lang: Lang, k: &Consultation) -> Content {
    let name = k.person.full_name();
    let on = crate::services::consult::belgian_date(k.consulted_at);
    match &k.result {
        ConsultResult::Flexi(r) => Content {
            title: lang.t(Context::FlexiJob.name_key()),
            sentence: flexi_sentence(lang, r, Some(&name)),
            notes: window_note(lang, r).into_iter().collect(),
            calendar: Some(calendar(lang, r)),
            checked: vec![
                lang.t("consult-flexi-checked"),
                lang.t("consult-flexi-private"),
                lang.t("consult-flexi-negative"),
            ],
            company_checks: [
                "consult-flexi-check-same-employer",
                "consult-flexi-check-notice",
                "consult-flexi-check-sector",
                "consult-flexi-check-linked",
                "consult-flexi-check-temp-agency",
            ]
            .iter()
            .map(|k| lang.t(k))
            .collect(),
        },
        ConsultResult::Student(b) => Content {
            title: lang.t(Context::StudentHours.name_key()),
            sentence: student_sentence(lang, b, on, Some(&name)),
            notes: student_notes(lang, b),
            calendar: None,
            checked: vec![lang.t("consult-student-checked")],
            company_checks: [
                "consult-student-check-student",
                "consult-student-check-contract",
                "consult-student-check-school",
                "consult-student-check-age",
            ]
            .iter()
            .map(|k| lang.t(k))
            .collect(),
        },
    }
}

/// The facts of a consultation: who, about whom, what, when, reference.
pub fn facts(lang: Lang, k: &Consultation) -> Vec<(String, String)> {
    let mut out = vec![
        (lang.t("consult-person"), k.person.full_name()),
        (lang.t("consult-niss"), k.person.niss.formatted()),
        (
            lang.t("consult-company"),
            format!("{} ({})", k.company_name, k.company_bce.formatted()),
        ),
    ];
    if let Some(p) = &k.provider_name {
        out.push((lang.t("consult-by-provider"), p.clone()));
    }
    out.push((lang.t("consult-data"), lang.t(k.context().name_key())));
    out.push((lang.t("consult-at"), lang.datetime(k.consulted_at)));
    if let Some(until) = k.request.valid_until {
        out.push((lang.t("consult-valid-until"), lang.datetime(until)));
    }
    out.push((lang.t("consult-reference"), k.id.to_string()));
    out
}

/// The calendar as a list, with its legend (colour is never the only carrier).
fn calendar_markup(ctx: &Ctx, months: &[MonthCell]) -> Markup {
    html! {
        h2 { (ctx.t("consult-calendar-title")) }
        ul.calendar data-testid="calendar" {
            @for m in months {
                li class=(m.code) data-testid="month" data-status=(m.code) {
                    (m.label) br; small { (m.status) }
                }
            }
        }
        h3 { (ctx.t("consult-legend")) }
        ul.calendar data-testid="legend" {
            @for c in ["eligible", "not_eligible", "not_determined"] {
                li class=(c) { (ctx.t(&format!("consult-status-{c}"))) }
            }
        }
    }
}

fn content_markup(ctx: &Ctx, c: &Content) -> Markup {
    html! {
        p.answer data-testid="answer" { strong { (c.sentence) } }
        @for n in &c.notes { p data-testid="note" { (n) } }
        @if let Some(months) = &c.calendar { (calendar_markup(ctx, months)) }
        h2 { (ctx.t("consult-checked-title")) }
        div data-testid="checked" {
            @for p in &c.checked { p { (p) } }
        }
        @if !c.company_checks.is_empty() {
            h2 { (ctx.t("consult-company-checks-title")) }
            ul data-testid="company-checks" {
                @for item in &c.company_checks { li { (item) } }
            }
        }
    }
}

/// The result page of a consultation (company app).
pub fn consultation_page(ctx: &Ctx, c: &CompanyCtx, k: &Consultation) -> Markup {
    let content = content(ctx.lang, k);
    let title = format!("{} — {}", content.title, k.person.full_name());
    layout(
        ctx,
        &title,
        Area::Company,
        html! {
            p.acting data-testid="acting-as" { strong { (acting_as(ctx.lang, c)) } }
            h1 { (content.title) }
            dl.facts data-testid="facts" {
                @for (label, value) in facts(ctx.lang, k) {
                    dt { (label) }
                    dd { (value) }
                }
            }
            (content_markup(ctx, &content))
            p.muted data-testid="recorded" {
                (ctx.lang.t_args("consult-recorded", &[("name", k.person.full_name().into())]))
            }
            p {
                a.button href=(routes::consult_pdf_path(k.request.id)) data-testid="export-pdf" download {
                    (ctx.t("consult-export-pdf"))
                }
            }
            p { a href=(routes::company_tab(routes::tab_segment(Tab::Active))) { (ctx.t("consult-back")) } }
        },
    )
}

/// The same consultation as a PDF document, in `lang`.
pub fn pdf_document(lang: Lang, k: &Consultation) -> PdfDocument {
    let c = content(lang, k);
    let mut blocks = vec![
        Block::Title(format!("{} — {}", c.title, k.person.full_name())),
        Block::Fields(facts(lang, k)),
        Block::Strong(c.sentence.clone()),
    ];
    blocks.extend(c.notes.iter().cloned().map(Block::Paragraph));
    if let Some(months) = &c.calendar {
        blocks.push(Block::Heading(lang.t("consult-calendar-title")));
        blocks.push(Block::Calendar(months.iter().map(cell).collect()));
        blocks.push(Block::Paragraph(
            ["eligible", "not_eligible", "not_determined"]
                .map(|c| lang.t(&format!("consult-legend-{c}")))
                .join(" · "),
        ));
    }
    blocks.push(Block::Heading(lang.t("consult-checked-title")));
    blocks.extend(c.checked.iter().cloned().map(Block::Paragraph));
    if !c.company_checks.is_empty() {
        blocks.push(Block::Heading(lang.t("consult-company-checks-title")));
        blocks.extend(c.company_checks.iter().cloned().map(Block::Bullet));
    }
    blocks.push(Block::Paragraph(lang.t_args(
        "consult-recorded",
        &[("name", k.person.full_name().into())],
    )));
    PdfDocument {
        title: format!("{} — {}", c.title, k.person.full_name()),
        lang: lang.code().to_string(),
        created_at: k.consulted_at,
        blocks,
        footer: lang.t_args(
            "consult-pdf-footer",
            &[
                ("service", lang.t("service-company").into()),
                ("reference", k.id.to_string().into()),
            ],
        ),
    }
}

fn cell(m: &MonthCell) -> Cell {
    Cell {
        label: m.label.clone(),
        status: m.status.clone(),
        tone: match m.code {
            "eligible" => Tone::Good,
            "not_eligible" => Tone::Bad,
            _ => Tone::Neutral,
        },
    }
}

/// The PDF's file name: no personal data in it.
pub fn pdf_file_name(k: &Consultation) -> String {
    format!("consultation-{}.pdf", k.id)
}

/// When the page was computed, for the citizen's view.
fn computed_at(ctx: &Ctx, at: DateTime<Utc>) -> String {
    ctx.lang.t_args(
        "possibilities-computed",
        &[("at", ctx.lang.datetime(at).into())],
    )
}

/// "My possibilities": the citizen's own results (no mandate, no company, not recorded).
pub fn possibilities_page(ctx: &Ctx, p: Option<&Possibilities>) -> Markup {
    let title = ctx.t("possibilities-title");
    let body = html! {
        nav.portal aria-label=(ctx.t("service-citizen")) {
            p { a href=(routes::CITIZEN) { (ctx.t("possibilities-back")) } }
        }
        h1 { (title) }
        p.lead { (ctx.t("possibilities-lead")) }
        @match p {
            None => { div.alert role="status" data-testid="possibilities-unknown" { (ctx.t("possibilities-unknown")) } }
            Some(p) => {
                p.muted { (computed_at(ctx, ctx.now)) }
                section data-testid="possibilities-flexi" {
                    h2 { (ctx.t(Context::FlexiJob.name_key())) }
                    p.answer data-testid="answer" { strong { (flexi_sentence(ctx.lang, &p.flexi, None)) } }
                    @if let Some(n) = window_note(ctx.lang, &p.flexi) { p { (n) } }
                    (calendar_markup(ctx, &calendar(ctx.lang, &p.flexi)))
                    p { (ctx.t("possibilities-flexi-every-employer")) }
                    p { (ctx.t("consult-flexi-negative")) }
                }
                section data-testid="possibilities-student" {
                    h2 { (ctx.t(Context::StudentHours.name_key())) }
                    p.answer data-testid="answer" { strong { (student_sentence(ctx.lang, &p.student, p.on, None)) } }
                    @for n in student_notes(ctx.lang, &p.student) { p { (n) } }
                }
            }
        }
    };
    layout(ctx, &title, Area::Citizen, body)
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
