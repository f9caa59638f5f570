//! Public pages: the home page and the landing pages for companies and citizens.

use maud::{Markup, html};

use super::layout::{Area, layout};
use crate::{
    domain::Context,
    web::{context::Ctx, routes},
};

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

/// `/`: what the service is, and the two doors; a third for a member of the back office.
pub fn home(ctx: &Ctx, back_office: bool) -> Markup {
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
            @if back_office {
                article.card {
                    h2 { (ctx.t("home-admin-title")) }
                    p { (ctx.t("home-admin-text")) }
                    a.button href=(routes::ADMIN) data-testid="door-back-office" { (ctx.t("home-admin-cta")) }
                }
            }
        }
    };
    layout(ctx, &ctx.t("home-title"), Area::Public, body)
}

/// The top of a landing page: fluent keys of the page's title (its name in the browser),
/// the heading, the lead and the button, and the door the button opens (URL, test id).
struct Hero {
    page: &'static str,
    title: &'static str,
    lead: &'static str,
    start: &'static str,
    door: &'static str,
    testid: &'static str,
}

/// A landing page: its hero, the benefits for `audience` (`company` or `citizen`), then
/// `more`.
fn landing(ctx: &Ctx, area: Area, hero: Hero, audience: &str, more: Markup) -> Markup {
    let body = html! {
        section.hero {
            h1 { (ctx.t(hero.title)) }
            p.lead { (ctx.t(hero.lead)) }
            a.button href=(hero.door) data-testid=(hero.testid) { (ctx.t(hero.start)) }
        }
        h2 { (ctx.t("benefits-title")) }
        (benefits(ctx, audience))
        (more)
    };
    layout(ctx, &ctx.t(hero.page), area, body)
}

/// `/companies`: the landing page of the company app.
pub fn companies(ctx: &Ctx) -> Markup {
    let hero = Hero {
        page: "nav-companies",
        title: "service-company",
        lead: "companies-lead",
        start: "companies-start",
        door: routes::COMPANY,
        testid: "start-company",
    };
    let more = html! {
        section {
            h2 { (ctx.t("companies-how-title")) }
            ol.steps {
                @for key in ["companies-how-1", "companies-how-2", "companies-how-3", "companies-how-4"] {
                    li { (ctx.t(key)) }
                }
            }
            h2 { (ctx.t("companies-contexts-title")) }
            ul {
                @for c in Context::all() {
                    li { strong { (ctx.t(c.name_key())) } " — " (ctx.t(c.description_key())) }
                }
            }
        }
    };
    landing(ctx, Area::Company, hero, "company", more)
}

/// `/citizens`: the landing page of the citizen portal.
pub fn citizens(ctx: &Ctx) -> Markup {
    let hero = Hero {
        page: "nav-citizens",
        title: "service-citizen",
        lead: "citizens-lead",
        start: "citizens-start",
        door: routes::CITIZEN,
        testid: "start-citizen",
    };
    let more = html! {
        section {
            h2 { (ctx.t("citizens-genuine-title")) }
            p { (ctx.t("citizens-genuine-text")) }
        }
    };
    landing(ctx, Area::Citizen, hero, "citizen", more)
}
