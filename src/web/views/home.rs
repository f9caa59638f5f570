//! Public pages: the home page and the landing pages for companies and citizens.

use maud::{Markup, html};

use super::layout::{Area, layout};
use crate::web::{context::Ctx, routes};

/// The six promises of the service, shown on both landing pages.
const BENEFITS: [&str; 6] = [
    "benefit-fast",
    "benefit-official",
    "benefit-consent",
    "benefit-minimal",
    "benefit-reliable",
    "benefit-paperless",
];

fn benefits(ctx: &Ctx, audience: &str) -> Markup {
    html! {
        ul.benefits {
            @for key in BENEFITS {
                li {
                    h3 { (ctx.t(&format!("{key}-title"))) }
                    p { (ctx.t(&format!("{key}-{audience}"))) }
                }
            }
        }
    }
}

/// `/`: what the service is, and the two doors.
pub fn home(ctx: &Ctx) -> Markup {
    let body = html! {
        section.hero {
            h1 { (ctx.t("home-title")) }
            p.lead { (ctx.t("home-lead")) }
        }
        div.cards {
            article.card {
                h2 { (ctx.t("home-companies-title")) }
                p { (ctx.t("home-companies-text")) }
                a.button href=(routes::COMPANIES) data-testid="door-companies" { (ctx.t("home-companies-cta")) }
            }
            article.card {
                h2 { (ctx.t("home-citizens-title")) }
                p { (ctx.t("home-citizens-text")) }
                a.button href=(routes::CITIZENS) data-testid="door-citizens" { (ctx.t("home-citizens-cta")) }
            }
        }
    };
    layout(ctx, &ctx.t("home-title"), Area::Public, body)
}

/// `/companies`: the landing page of the company app.
pub fn companies(ctx: &Ctx) -> Markup {
    let body = html! {
        section.hero {
            h1 { (ctx.t("service-company")) }
            p.lead { (ctx.t("companies-lead")) }
            a.button href=(routes::COMPANY) data-testid="start-company" { (ctx.t("companies-start")) }
        }
        h2 { (ctx.t("benefits-title")) }
        (benefits(ctx, "company"))
        section {
            h2 { (ctx.t("companies-how-title")) }
            ol.steps {
                li { (ctx.t("companies-how-1")) }
                li { (ctx.t("companies-how-2")) }
                li { (ctx.t("companies-how-3")) }
                li { (ctx.t("companies-how-4")) }
            }
            h2 { (ctx.t("companies-contexts-title")) }
            ul {
                li { strong { (ctx.t("context-flexi-job")) } " — " (ctx.t("context-flexi-job-description")) }
                li { strong { (ctx.t("context-student-hours")) } " — " (ctx.t("context-student-hours-description")) }
            }
        }
    };
    layout(ctx, &ctx.t("service-company"), Area::Company, body)
}

/// `/citizens`: the landing page of the citizen portal.
pub fn citizens(ctx: &Ctx) -> Markup {
    let body = html! {
        section.hero {
            h1 { (ctx.t("service-citizen")) }
            p.lead { (ctx.t("citizens-lead")) }
            a.button href=(routes::CITIZEN) data-testid="start-citizen" { (ctx.t("citizens-start")) }
        }
        h2 { (ctx.t("benefits-title")) }
        (benefits(ctx, "citizen"))
        section {
            h2 { (ctx.t("citizens-genuine-title")) }
            p { (ctx.t("citizens-genuine-text")) }
        }
    };
    layout(ctx, &ctx.t("service-citizen"), Area::Citizen, body)
}
