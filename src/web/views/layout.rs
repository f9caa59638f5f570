//! The frame of every page: header (service name, language switch, who is signed in, sign
//! out), main, footer.

use maud::{DOCTYPE, Markup, html};

use super::csrf_field;
use crate::{
    i18n::Lang,
    web::{context::Ctx, routes},
};

/// Which side of the service a page belongs to (the service name in the header).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Area {
    /// Public pages.
    Public,
    /// The company app.
    Company,
    /// The citizen portal.
    Citizen,
    /// The back office.
    Admin,
}

impl Area {
    fn name_key(self) -> &'static str {
        match self {
            Area::Public => "service-name",
            Area::Company => "service-company",
            Area::Citizen => "service-citizen",
            Area::Admin => "service-admin",
        }
    }
    /// The area a path belongs to, by its first segment (the query left aside): a page
    /// that is not one of the area's own (an error met there) is shown in its frame.
    pub fn of_path(path: &str) -> Area {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let within = |root: &str| {
            path.strip_prefix(root)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        if within(routes::COMPANY) {
            Area::Company
        } else if within(routes::CITIZEN) || within(routes::LINK) {
            Area::Citizen
        } else if within(routes::ADMIN) {
            Area::Admin
        } else {
            Area::Public
        }
    }

    /// The area's first page (its header's link).
    pub fn home(self) -> &'static str {
        match self {
            Area::Public => routes::HOME,
            Area::Company => routes::COMPANY,
            Area::Citizen => routes::CITIZEN,
            Area::Admin => routes::ADMIN,
        }
    }

    /// The words of a link back to the area's first page.
    pub fn back_key(self) -> &'static str {
        match self {
            Area::Public => "back-home",
            Area::Company => "back-company",
            Area::Citizen => "back-citizen",
            Area::Admin => "back-admin",
        }
    }
}

/// htmx settings: no inline indicator styles (CSP), no eval, and error responses are
/// swapped too (the server retargets them to the flash area). No history cache: a page
/// holds personal data, and htmx would keep copies in the tab's storage (Back after a
/// sign-out would show them); Back asks the server again, as a page's load (not an htmx
/// request: a session that ended answers with the sign-in page).
const HTMX_CONFIG: &str = r#"{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"historyCacheSize":0,"historyRestoreAsHxRequest":false,"timeout":30000,"responseHandling":[{"code":"204","swap":false},{"code":"[23]..","swap":true},{"code":"[45]..","swap":true,"error":true}]}"#;

/// The whole page.
pub fn layout(ctx: &Ctx, title: &str, area: Area, body: Markup) -> Markup {
    page(ctx, title, area, None, body)
}

/// The whole page, which takes the browser on to `url` at once (`<meta http-equiv=refresh>`:
/// a navigation that no CSP directive holds back, and that works without JavaScript).
pub fn layout_refreshing(ctx: &Ctx, title: &str, area: Area, url: &str, body: Markup) -> Markup {
    page(ctx, title, area, Some(url), body)
}

fn page(ctx: &Ctx, title: &str, area: Area, refresh: Option<&str>, body: Markup) -> Markup {
    let service = ctx.t(area.name_key());
    // Somebody signed in always has a token (their header has a sign-out form); an
    // anonymous page has one only when its body has a form.
    let csrf = if ctx.principal.is_some() {
        Some(ctx.csrf.get())
    } else {
        ctx.csrf.existing()
    };
    let hx_headers = csrf.map(|t| format!(r#"{{"X-CSRF-Token":"{t}"}}"#));
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="htmx-config" content=(HTMX_CONFIG);
                @if let Some(token) = csrf {
                    meta name="csrf-token" content=(token);
                }
                @if let Some(url) = refresh {
                    meta http-equiv="refresh" content=(format!("0;url={url}"));
                }
                title { (title) " — " (service) }
                link rel="stylesheet" href=(routes::asset("app.css"));
                link rel="icon" href=(routes::asset("favicon.svg")) type="image/svg+xml";
                script src=(routes::asset("htmx.min.js")) defer {}
                script src=(routes::asset("app.js")) defer {}
            }
            body hx-headers=[hx_headers]
                data-session-idle=[ctx.principal.as_ref().map(|_| ctx.settings.sessions.idle.num_seconds())]
                data-session-left=[ctx.session_end.map(|(_, left)| left)]
                data-keep-alive=[ctx.principal.as_ref().map(|_| routes::SESSION_KEEP_ALIVE)]
                data-working=(ctx.t("working")) {
                a.skip href="#main" { (ctx.t("skip-to-content")) }
                @if let Some(tenant) = &ctx.tenant {
                    (tenant_banner(ctx, &tenant.name))
                } @else if ctx.demo {
                    div.demo-banner role="note" { (ctx.t("demo-banner")) }
                }
                header.site {
                    div.brand {
                        a href=(area.home()) { span.logo aria-hidden="true" { "◆" } (service) }
                    }
                    nav.lang aria-label=(ctx.t("language-switch")) {
                        ul {
                            @for lang in Lang::ALL {
                                li {
                                    @if lang == ctx.lang {
                                        span aria-current="true" lang=(lang.code()) { (lang.code().to_uppercase()) }
                                    } @else {
                                        a href=(routes::with_next(&routes::lang(lang.code()), &ctx.path))
                                            lang=(lang.code()) hreflang=(lang.code()) title=(lang.native_name())
                                            data-testid=(format!("lang-{}", lang.code())) {
                                            (lang.code().to_uppercase())
                                        }
                                    }
                                }
                            }
                        }
                    }
                    (who(ctx))
                }
                main #main {
                    div #flash aria-live="polite" {}
                    (body)
                }
                (footer(ctx, area))
                @if ctx.principal.is_some() { (session_warning(ctx)) }
            }
        }
    }
}

/// The warning a signed-in page shows (app.js) before its session ends for lack of use
/// (WCAG 2.2.1, timing adjustable): "Stay signed in" starts the idle time again; once the
/// session has ended, it says so and leads to the sign-in. Hidden until then, and without
/// JavaScript.
fn session_warning(ctx: &Ctx) -> Markup {
    html! {
        section #session-warning .session-warning role="alertdialog" aria-modal="false"
            aria-labelledby="session-warning-title" aria-describedby="session-warning-text" hidden {
            div data-asking {
                h2 #session-warning-title { (ctx.t("session-warning-title")) }
                p #session-warning-text { (ctx.t("session-warning-text")) }
                button type="button" data-stay data-testid="session-stay" { (ctx.t("session-warning-stay")) }
            }
            div data-ended hidden {
                h2 #session-ended-title { (ctx.t("session-ended-title")) }
                p { (ctx.t("session-ended-text")) " " a href=(routes::sign_in_from(&ctx.path)) { (ctx.t("sign-in")) } }
            }
            @if let Some((end, _)) = ctx.session_end {
                div data-final hidden {
                    h2 #session-final-title { (ctx.t("session-final-title")) }
                    p #session-final-text { (ctx.lang.t_args("session-final-text", &[("time", ctx.lang.time(end).into())])) }
                    button type="button" data-understood data-testid="session-understood" { (ctx.t("session-final-ok")) }
                }
                div data-final-ended hidden {
                    h2 #session-final-ended-title { (ctx.t("session-final-ended-title")) }
                    p { (ctx.t("session-final-ended-text")) " " a href=(routes::sign_in_from(&ctx.path)) { (ctx.t("sign-in")) } }
                }
            }
        }
    }
}

/// The footer of every page: what the service is, both doors, the privacy page, the
/// contact and help entry, and the help for foreigners of the page's side.
fn footer(ctx: &Ctx, area: Area) -> Markup {
    let contact = &ctx.links().help_contact;
    let foreigners = match area {
        Area::Company => Some(routes::COMPANY_HELP_FOREIGNERS),
        Area::Public | Area::Citizen => Some(routes::CITIZEN_HELP_FOREIGNERS),
        Area::Admin => None,
    };
    html! {
        footer.site {
            p { (ctx.t("footer-text")) }
            p {
                a href=(routes::COMPANIES) { (ctx.t("nav-companies")) } " · "
                a href=(routes::CITIZENS) { (ctx.t("nav-citizens")) } " · "
                a href=(routes::PRIVACY) data-testid="footer-privacy" { (ctx.t("footer-privacy")) } " · "
                a href=(routes::ACCESSIBILITY) data-testid="footer-accessibility" { (ctx.t("footer-accessibility")) }
                @if let Some(help) = foreigners {
                    " · " a href=(help) data-testid="footer-foreigners" { (ctx.t("footer-foreigners")) }
                }
            }
            p {
                a href=(contact.href(ctx.lang)) data-testid="footer-contact" {
                    (ctx.lang.t_args("label-value", &[
                        ("label", ctx.t("footer-contact").into()),
                        ("value", contact.shown(ctx.lang).into()),
                    ]))
                }
            }
        }
    }
}

/// The banner of a demo tenant: its name, its clock (the instant its world is at), its
/// mailbox.
fn tenant_banner(ctx: &Ctx, name: &str) -> Markup {
    html! {
        div.demo-banner.tenant-banner role="note" data-testid="tenant-banner" {
            (ctx.lang.t_args("tenant-banner", &[("name", name.into())]))
            " · "
            span data-testid="tenant-clock" {
                (ctx.t("tenant-banner-clock")) " " time datetime=(ctx.now.to_rfc3339()) { (ctx.lang.datetime(ctx.now)) }
            }
            " · "
            a href=(routes::MAILBOX) data-testid="tenant-mailbox" { (ctx.t("mailbox-title")) }
        }
    }
}

/// Who is signed in, and the sign-out button; or the sign-in link.
fn who(ctx: &Ctx) -> Markup {
    html! {
        div.who {
            @match &ctx.principal {
                Some(p) => {
                    span.signed-in data-testid="signed-in" {
                        (ctx.t("signed-in-as")) " " strong { (p.display_name()) }
                    }
                    form.inline method="post" action=(routes::SIGN_OUT) {
                        (csrf_field(ctx))
                        button.link type="submit" data-testid="sign-out" { (ctx.t("sign-out")) }
                    }
                    form.inline method="post" action=(routes::SIGN_OUT_EVERYWHERE) {
                        (csrf_field(ctx))
                        button.link type="submit" data-testid="sign-out-everywhere" { (ctx.t("sign-out-everywhere")) }
                    }
                }
                None => {
                    a href=(routes::sign_in_from(&ctx.path)) data-testid="header-sign-in" { (ctx.t("sign-in")) }
                }
            }
        }
    }
}
