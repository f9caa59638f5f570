//! The sign-in page, the pages of a failed sign-in through the provider, and the page of
//! the sign-out at the provider.

use maud::{Markup, html};

use super::{
    csrf_field,
    layout::{Area, layout, layout_refreshing},
};
use crate::{
    auth::Personas,
    demo::people::persona_of,
    services::citizen::RequestDetails,
    web::{context::Ctx, routes},
};

/// Where a staff member goes after signing in: the back-office page they asked for, else
/// the back office's dashboard.
fn staff_next(next: &str) -> &str {
    let in_back_office = next
        .strip_prefix(routes::ADMIN)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?']));
    if in_back_office { next } else { routes::ADMIN }
}

/// What the sign-in page offers.
pub struct SignInPage<'a> {
    /// Where to go afterwards.
    pub next: &'a str,
    /// The signed-in person must authenticate again (before accepting a request).
    pub again: bool,
    /// A form was sent after its session had ended: what it sent was not recorded.
    pub unsent: bool,
    /// The request whose link was opened in this session, waiting behind the sign-in.
    pub waiting: Option<&'a RequestDetails>,
    /// The host a genuine link of the service leads to (said with a waiting request).
    pub official_host: &'a str,
    /// The OpenID Connect provider is configured.
    pub oidc: bool,
    /// The demo identity provider's personas, when it is on.
    pub personas: Option<&'a Personas>,
    /// The NISS typed (shown again with an error).
    pub typed: &'a str,
    /// The message key of an error.
    pub error: Option<&'a str>,
}

/// The sign-in page: the OpenID Connect provider (when configured) and, when on, the demo
/// identity provider's personas.
pub fn sign_in(ctx: &Ctx, page: &SignInPage) -> Markup {
    let next = page.next;
    // An error after a NISS was typed is the NISS field's.
    let niss_error = page.error.is_some() && !page.typed.is_empty();
    let body = html! {
        h1 { (ctx.t("sign-in-title")) }
        @if page.unsent {
            div.alert.info role="status" data-testid="sign-in-unsent" { (ctx.t("sign-in-unsent")) }
        }
        @if page.again {
            div.alert.info role="status" data-testid="sign-in-again" {
                (ctx.t("sign-in-again"))
                @if let Some(p) = &ctx.principal { " " strong { (p.display_name()) } }
            }
        } @else if let Some(d) = page.waiting {
            section.alert.info aria-labelledby="waiting-title" data-testid="waiting-request" {
                h2 #waiting-title { (ctx.t("sign-in-waiting-title")) }
                (super::citizen::who_asks(ctx, d))
                p { (ctx.lang.t_args("citizen-request-deadline", &[("deadline", ctx.lang.datetime(d.request.expires_at).into())])) }
                p { (ctx.t("sign-in-waiting-text")) }
            }
            (super::citizen::genuine(ctx, page.official_host))
        } @else {
            p.lead { (ctx.t("sign-in-lead")) }
        }
        @if let Some(key) = page.error {
            div #sign-in-error.alert.error role="alert" data-testid="sign-in-error" { (ctx.t(key)) }
        }
        @if page.oidc {
            section.oidc aria-labelledby="oidc-title" {
                h2 #oidc-title { (ctx.t("oidc-title")) }
                p { (ctx.t("oidc-note")) }
                a.button href=(routes::sign_in_oidc(next, page.again)) data-testid="sign-in-oidc" {
                    (ctx.t("oidc-sign-in"))
                }
            }
        }
        @match page.personas {
            None => {
                @if !page.oidc {
                    p { (ctx.t("sign-in-no-provider")) }
                }
            }
            Some(personas) => {
                section.demo-idp aria-labelledby="demo-idp-title" {
                    h2 #demo-idp-title { (ctx.t("demo-idp-title")) }
                    p.note { (ctx.t("demo-idp-note")) }
                    h3 { (ctx.t("demo-idp-people")) }
                    ul.personas {
                        @for p in &personas.people {
                            li {
                                form method="post" action=(routes::SIGN_IN_DEMO) {
                                    (csrf_field(ctx))
                                    input type="hidden" name="next" value=(next);
                                    input type="hidden" name="niss" value=(p.niss.as_str());
                                    button.persona type="submit" data-testid=(format!("persona-{}", p.niss.as_str())) {
                                        strong { (p.first_name) " " (p.last_name) }
                                        span.muted { " " (p.niss.formatted()) }
                                        @if p.niss.is_bis() { " · " (ctx.t("demo-idp-bis")) }
                                        @if let Some(persona) = persona_of(p.niss.as_str()) {
                                            br;
                                            span.persona-role data-testid="persona-role" { (ctx.t(&persona.role_key())) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    form.stack method="post" action=(routes::SIGN_IN_DEMO) {
                        (csrf_field(ctx))
                        input type="hidden" name="next" value=(next);
                        label for="niss" { (ctx.t("demo-idp-type-niss")) }
                        input #niss type="text" name="niss" value=(page.typed) inputmode="numeric"
                            autocomplete="off" placeholder="YY.MM.DD-SSS.CC"
                            aria-invalid=[niss_error.then_some("true")]
                            aria-describedby=(if niss_error { "niss-help sign-in-error" } else { "niss-help" });
                        small #niss-help { (ctx.t("niss-help")) }
                        button type="submit" { (ctx.t("sign-in")) }
                    }
                    @if !personas.staff.is_empty() {
                        h3 { (ctx.t("demo-idp-staff")) }
                        ul.personas data-testid="staff-personas" {
                            @for member in &personas.staff {
                                li {
                                    form method="post" action=(routes::SIGN_IN_DEMO) {
                                        (csrf_field(ctx))
                                        input type="hidden" name="next" value=(if page.again { next } else { staff_next(next) });
                                        input type="hidden" name="niss" value=(member.niss.as_str());
                                        button.persona type="submit" data-testid=(format!("staff-{}", member.niss.as_str())) {
                                            strong { (member.display_name) }
                                            span.muted { " " (ctx.t(&format!("role-{}", member.role.as_str()))) }
                                            @if let Some(persona) = persona_of(member.niss.as_str()) {
                                                br;
                                                span.persona-role data-testid="persona-role" { (ctx.t(&persona.role_key())) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(
        ctx,
        &super::common::title_with_errors(ctx, &ctx.t("sign-in-title"), page.error.is_some()),
        Area::Public,
        body,
    )
}

/// A failed sign-in through the provider (`name` is [`crate::auth::oidc::OidcError::name`]),
/// with a way back: try again, or the home page.
pub fn oidc_error(ctx: &Ctx, name: &str, next: &str) -> Markup {
    let title = ctx.t(&format!("oidc-error-{name}-title"));
    let body = html! {
        section.error data-testid=(format!("oidc-error-{name}")) {
            h1 { (title) }
            p { (ctx.t(&format!("oidc-error-{name}"))) }
            p {
                a.button href=(routes::with_next(routes::SIGN_IN, next)) data-testid="try-again" { (ctx.t("oidc-try-again")) }
                " "
                a href=(routes::HOME) { (ctx.t("back-home")) }
            }
        }
    };
    layout(ctx, &title, Area::Public, body)
}

/// Signed out here; the browser goes on to sign out at the provider (a refresh, and a
/// link for when it does not).
pub fn signing_out_at_provider(ctx: &Ctx, url: &str) -> Markup {
    let body = html! {
        h1 { (ctx.t("signed-out-title")) }
        p { (ctx.t("signed-out-provider")) }
        p { a.button href=(url) data-testid="provider-sign-out" { (ctx.t("signed-out-continue")) } }
    };
    layout_refreshing(ctx, &ctx.t("signed-out-title"), Area::Public, url, body)
}
