//! Public help pages: the privacy page (from `crate::privacy`, the one source of the README's
//! personal-data table) and the help for the companies that hire a candidate without a
//! Belgian national number.

use maud::{Markup, html};

use super::layout::{Area, layout};
use crate::{
    domain::Context,
    privacy::{PERSONAL_DATA, notice},
    web::{context::Ctx, routes},
};

/// The contact and help entry, as a link showing its address.
fn contact_link(ctx: &Ctx) -> Markup {
    let contact = &ctx.links().help_contact;
    html! {
        a href=(contact.href(ctx.lang)) data-testid="contact" { (contact.shown(ctx.lang)) }
    }
}

/// `/privacy`: who processes what, why, for how long, who sees it, the rights.
pub fn privacy(ctx: &Ctx) -> Markup {
    let title = ctx.t("privacy-title");
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("privacy-lead")) }
        section aria-labelledby="controller-title" {
            h2 #controller-title { (ctx.t("privacy-controller-title")) }
            p { (ctx.t("privacy-controller-text")) }
        }
        section aria-labelledby="purposes-title" {
            h2 #purposes-title { (ctx.t("privacy-purposes-title")) }
            p { (ctx.t("privacy-purposes-lead")) }
            @for c in Context::all() {
                h3 { (ctx.t(c.name_key())) }
                dl.facts data-testid=(format!("purpose-{}", c.slug())) {
                    @for (label, text) in notice(ctx.lang, c).labelled(ctx.lang) {
                        dt { (label) }
                        dd { (text) }
                    }
                }
            }
        }
        section aria-labelledby="table-title" {
            h2 #table-title { (ctx.t("privacy-table-title")) }
            @let cols = super::Columns::new(ctx, &["privacy-col-data", "privacy-col-why", "privacy-col-who", "privacy-col-kept"]);
            table.stack data-testid="personal-data" {
                (cols.head())
                tbody {
                    @for row in PERSONAL_DATA {
                        @let t = row.text(ctx.lang, &ctx.settings);
                        tr {
                            td data-label=(cols.label(0)) { (t.data) }
                            td data-label=(cols.label(1)) { (t.why) }
                            td data-label=(cols.label(2)) { (t.who) }
                            td data-label=(cols.label(3)) { (t.kept) }
                        }
                    }
                }
            }
        }
        section aria-labelledby="rights-title" {
            h2 #rights-title { (ctx.t("privacy-rights-title")) }
            ul {
                @for key in ["privacy-rights-access", "privacy-rights-stop", "privacy-rights-rectify", "privacy-rights-erase"] {
                    li { (ctx.t(key)) }
                }
            }
            p { (ctx.t("privacy-rights-how")) }
            p data-testid="privacy-contact" {
                (ctx.t("privacy-contact")) " " (contact_link(ctx))
            }
            p { (ctx.t("privacy-complaint")) }
        }
        section aria-labelledby="security-title" {
            h2 #security-title { (ctx.t("privacy-security-title")) }
            p { (ctx.t("privacy-security-text")) }
        }
    };
    layout(ctx, &title, Area::Public, body)
}

/// The paragraph linking to the foreigners' identification service (where a BIS number is
/// asked for), on both foreigners' help pages.
pub(super) fn identification_service(ctx: &Ctx) -> Markup {
    let href = ctx.links().foreigners_identification(ctx.lang);
    html! {
        p {
            a href=(href) rel="noopener noreferrer" data-testid="identification-service" {
                (ctx.t("foreigners-identification-link"))
            }
        }
    }
}

/// `/company/help/foreigners`: for the companies that hire a candidate without a Belgian
/// national number: the BIS number, the request, how the candidate signs in.
pub fn foreigners_company(ctx: &Ctx) -> Markup {
    let title = ctx.t("foreigners-company-title");
    let body = html! {
        h1 { (title) }
        p.lead { (ctx.t("foreigners-company-lead")) }
        section {
            h2 { (ctx.t("foreigners-company-bis-title")) }
            p { (ctx.t("foreigners-company-bis")) }
            (identification_service(ctx))
            p { (ctx.t("foreigners-company-request")) }
        }
        section {
            h2 { (ctx.t("foreigners-company-sign-in-title")) }
            p { (ctx.t("foreigners-company-sign-in")) }
            p {
                (ctx.t("foreigners-company-candidate-page")) " "
                a href=(routes::CITIZEN_HELP_FOREIGNERS) data-testid="candidate-help" { (ctx.t("citizen-foreigners-title")) }
            }
        }
        p { a href=(routes::COMPANY) { (ctx.t("back-to-requests")) } }
    };
    layout(ctx, &title, Area::Company, body)
}
