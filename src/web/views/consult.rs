//! Views of a consultation: the mandate page (before consulting), the result page of the
//! company app, its PDF export, and the citizen's own "My possibilities" page. The words
//! of an answer come from [`super::answers`].

use chrono::{DateTime, Utc};
use maud::{Markup, html};
use uuid::Uuid;

use super::{
    answers::{self, Content, Headline, MonthCell, Reader, by_year},
    common::acting_as,
    csrf_field,
    layout::{Area, layout},
};
use crate::{
    domain::{Answer, status::Tab},
    i18n::Lang,
    pdf::{Block, Cell, PdfDocument, Tone},
    privacy::{Notice, notice},
    services::{
        companies::CompanyCtx,
        consult::{Consultation, Mandate, Possibilities},
    },
    web::{context::Ctx, routes},
};

/// The codes of a calendar's legend.
const LEGEND: [&str; 3] = ["eligible", "not_eligible", "not_determined"];

/// The words of a company's consultation.
pub fn content(lang: Lang, k: &Consultation) -> Content {
    let name = k.person.full_name();
    answers::content(lang, &k.answer, k.consulted_on(), Reader::Company(&name))
}

/// Who, about whom, what: the facts of a mandate, before and after consulting.
fn mandate_facts(
    lang: Lang,
    m: &Mandate,
    company_name: &str,
    provider_name: Option<&str>,
) -> Vec<(String, String)> {
    let mut out = vec![
        (lang.t("consult-person"), m.person.full_name()),
        (lang.t("consult-niss"), m.person.niss.formatted()),
        (
            lang.t("consult-company"),
            format!("{company_name} ({})", m.company.bce.formatted()),
        ),
    ];
    if let Some(p) = provider_name {
        out.push((lang.t("consult-by-provider"), p.to_string()));
    }
    out.push((lang.t("consult-data"), lang.t(m.request.context.name_key())));
    if let Some(until) = m.request.valid_until {
        out.push((lang.t("consult-valid-until"), lang.datetime(until)));
    }
    out
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

/// The answer at a glance: a chip with the period, or a figure.
fn headline_markup(h: &Headline) -> Markup {
    match h {
        Headline::Chip {
            eligible,
            label,
            period,
        } => html! {
            p.headline data-testid="headline" {
                span class=(if *eligible { "chip eligible" } else { "chip not_eligible" }) data-testid="chip" { (label) }
                " " span.period { (period) }
            }
        },
        Headline::Figure { figure, caption } => html! {
            p.headline data-testid="headline" {
                span.figure data-testid="figure" { (figure) } " " span.caption { (caption) }
            }
        },
    }
}

/// The calendar laid out by year (a row of twelve months each), and its legend in full
/// words (colour is never the only carrier).
fn calendar_markup(ctx: &Ctx, months: &[MonthCell]) -> Markup {
    html! {
        h2 { (ctx.t("consult-calendar-title")) }
        div.calendar-years data-testid="calendar" {
            @for (year, cells) in by_year(months) {
                h3.calendar-year data-testid="calendar-year" { (year) }
                ul.calendar.year {
                    @for m in cells {
                        li class=(m.code) data-testid="month" data-status=(m.code) title=(m.label) {
                            (m.month) br; small { (m.status) }
                        }
                    }
                }
            }
        }
        h3 { (ctx.t("consult-legend")) }
        ul.legend data-testid="legend" {
            @for c in LEGEND {
                li class=(c) { (ctx.t(&format!("consult-legend-{c}"))) }
            }
        }
    }
}

/// The official page on the scheme.
fn more_info_markup(ctx: &Ctx, c: &Content) -> Markup {
    html! {
        p.more-info data-testid="more-info" {
            (ctx.t("consult-more-info")) " — "
            a href=(ctx.links().info_url(c.context, ctx.lang)) rel="noopener noreferrer" {
                (ctx.t(&c.context.key("more-info")))
            }
        }
    }
}

/// Purpose, legal basis, duration: the context's notice.
fn notice_markup(ctx: &Ctx, n: &Notice) -> Markup {
    html! {
        h2 { (ctx.t("consult-notice-title")) }
        dl.facts data-testid="notice" {
            @for (label, text) in n.labelled(ctx.lang) {
                dt { (label) }
                dd { (text) }
            }
        }
    }
}

fn content_markup(ctx: &Ctx, c: &Content) -> Markup {
    html! {
        (headline_markup(&c.headline))
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
        (more_info_markup(ctx, c))
    }
}

fn facts_markup(facts: Vec<(String, String)>) -> Markup {
    html! {
        dl.facts data-testid="facts" {
            @for (label, value) in facts {
                dt { (label) }
                dd { (value) }
            }
        }
    }
}

/// The mandate page: who and what, and the "Consult now" button. Showing it consults
/// nothing; the button's POST (with the one-time `act` of this page) is the consultation.
pub fn mandate_page(ctx: &Ctx, c: &CompanyCtx, m: &Mandate, act: Uuid) -> Markup {
    let name = m.person.full_name();
    let context = ctx.t(m.request.context.name_key());
    let provider = m.provider.as_ref().map(|p| p.name.as_str());
    layout(
        ctx,
        &format!("{context} — {name}"),
        Area::Company,
        html! {
            p.acting data-testid="acting-as" { strong { (acting_as(ctx.lang, c)) } }
            h1 { (context) }
            (facts_markup(mandate_facts(ctx.lang, m, &m.company.name, provider)))
            p data-testid="consult-lead" {
                (ctx.lang.t_args("consult-now-lead", &[("name", name.into())]))
            }
            form method="post" action=(routes::consult_path(m.request.id)) data-testid="consult-form" {
                (csrf_field(ctx))
                input type="hidden" name="act" value=(act);
                button type="submit" data-testid="consult-now" { (ctx.t("consult-now")) }
            }
            p { a href=(routes::company_dashboard_tab(Tab::Active)) { (ctx.t("consult-back")) } }
        },
    )
}

/// The result page of a consultation (company app): the answer of that consultation, its
/// reference, and its PDF export.
pub fn consultation_page(ctx: &Ctx, c: &CompanyCtx, k: &Consultation) -> Markup {
    let content = content(ctx.lang, k);
    let title = format!(
        "{} — {} — {}",
        ctx.t("consult-result-title"),
        content.title,
        k.person.full_name()
    );
    layout(
        ctx,
        &title,
        Area::Company,
        html! {
            p.acting data-testid="acting-as" { strong { (acting_as(ctx.lang, c)) } }
            h1 { (content.title) }
            (facts_markup(facts(ctx.lang, k)))
            (content_markup(ctx, &content))
            (notice_markup(ctx, &notice(ctx.lang, k.context())))
            p.muted data-testid="recorded" {
                (ctx.lang.t_args("consult-recorded", &[("name", k.person.full_name().into())]))
            }
            p {
                a.button href=(routes::consultation_pdf_path(k.id)) data-testid="export-pdf" download {
                    (ctx.t("consult-export-pdf"))
                }
            }
            p { a href=(routes::consult_path(k.request.id)) data-testid="manage-access" { (ctx.t("consult-manage-access")) } }
            p { a href=(routes::company_dashboard_tab(Tab::Active)) { (ctx.t("consult-back")) } }
        },
    )
}

/// The headline as one line of the PDF.
fn headline_text(h: &Headline) -> String {
    match h {
        Headline::Chip { label, period, .. } => format!("{label} — {period}"),
        Headline::Figure { figure, caption } => format!("{figure} {caption}"),
    }
}

/// The same consultation as a PDF document, in `lang`; the official page of its context
/// is `info_url`.
pub fn pdf_document(lang: Lang, k: &Consultation, info_url: &str) -> PdfDocument {
    let c = content(lang, k);
    let mut blocks = vec![
        Block::Title(format!("{} — {}", c.title, k.person.full_name())),
        Block::Fields(facts(lang, k)),
        Block::Heading(headline_text(&c.headline)),
        Block::Strong(c.sentence.clone()),
    ];
    blocks.extend(c.notes.iter().cloned().map(Block::Paragraph));
    if let Some(months) = &c.calendar {
        blocks.push(Block::Heading(lang.t("consult-calendar-title")));
        blocks.push(Block::Calendar(months.iter().map(cell).collect()));
        blocks.push(Block::Legend(
            LEGEND
                .iter()
                .map(|code| (tone(code), lang.t(&format!("consult-legend-{code}"))))
                .collect(),
        ));
    }
    blocks.push(Block::Heading(lang.t("consult-checked-title")));
    blocks.extend(c.checked.iter().cloned().map(Block::Paragraph));
    if !c.company_checks.is_empty() {
        blocks.push(Block::Heading(lang.t("consult-company-checks-title")));
        blocks.extend(c.company_checks.iter().cloned().map(Block::Bullet));
    }
    blocks.push(Block::Paragraph(lang.t_args(
        "label-value",
        &[
            ("label", lang.t("consult-more-info").into()),
            (
                "value",
                format!("{} ({info_url})", lang.t(&c.context.key("more-info"))).into(),
            ),
        ],
    )));
    blocks.push(Block::Heading(lang.t("consult-notice-title")));
    blocks.push(Block::Fields(
        notice(lang, k.context()).labelled(lang).to_vec(),
    ));
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

/// The tone of a calendar status.
fn tone(code: &str) -> Tone {
    match code {
        "eligible" => Tone::Good,
        "not_eligible" => Tone::Bad,
        _ => Tone::Neutral,
    }
}

fn cell(m: &MonthCell) -> Cell {
    Cell {
        label: m.label.clone(),
        status: m.status.clone(),
        tone: tone(m.code),
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

/// One answer of "My possibilities".
fn possibility(ctx: &Ctx, answer: &Answer, p: &Possibilities) -> Markup {
    let c = answers::content(ctx.lang, answer, p.on, Reader::Citizen);
    html! {
        section data-testid=(format!("possibilities-{}", answer.context().slug())) {
            h2 { (c.title) }
            (headline_markup(&c.headline))
            p.answer data-testid="answer" { strong { (c.sentence) } }
            @for n in &c.notes { p { (n) } }
            @if let Some(months) = &c.calendar { (calendar_markup(ctx, months)) }
            @for p in &c.checked { p { (p) } }
            (more_info_markup(ctx, &c))
        }
    }
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
                (possibility(ctx, &Answer::FlexiJob(p.flexi.clone()), p))
                (possibility(ctx, &Answer::StudentHours(p.student), p))
            }
        }
    };
    layout(ctx, &title, Area::Citizen, body)
}
