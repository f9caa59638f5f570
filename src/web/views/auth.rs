//! The sign-in page.

use maud::{Markup, html};

use super::{
    csrf_field,
    layout::{Area, layout},
};
use crate::{
    auth::Personas,
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

/// The sign-in page: the production methods (when configured) and, in demo and
/// development modes, the demo identity provider's personas.
pub fn sign_in(
    ctx: &Ctx,
    next: &str,
    personas: Option<&Personas>,
    typed: &str,
    error: Option<&str>,
) -> Markup {
    let body = html! {
        h1 { (ctx.t("sign-in-title")) }
        p.lead { (ctx.t("sign-in-lead")) }
        @if let Some(key) = error {
            div.alert.error role="alert" data-testid="sign-in-error" { (ctx.t(key)) }
        }
        @match personas {
            None => {
                p { (ctx.t("sign-in-no-provider")) }
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
                                    }
                                }
                            }
                        }
                    }
                    form.stack method="post" action=(routes::SIGN_IN_DEMO) {
                        (csrf_field(ctx))
                        input type="hidden" name="next" value=(next);
                        label for="niss" { (ctx.t("demo-idp-type-niss")) }
                        input #niss type="text" name="niss" value=(typed) inputmode="numeric"
                            autocomplete="off" placeholder="YY.MM.DD-SSS.CC" aria-describedby="niss-help";
                        small #niss-help { (ctx.t("niss-help")) }
                        button type="submit" { (ctx.t("sign-in")) }
                    }
                    @if !personas.staff.is_empty() {
                        h3 { (ctx.t("demo-idp-staff")) }
                        ul.personas {
                            @for (username, name, role) in &personas.staff {
                                li {
                                    form method="post" action=(routes::SIGN_IN_DEMO_STAFF) {
                                        (csrf_field(ctx))
                                        input type="hidden" name="next" value=(staff_next(next));
                                        input type="hidden" name="username" value=(username);
                                        button.persona type="submit" data-testid=(format!("staff-{username}")) {
                                            strong { (name) } span.muted { " " (ctx.t(&format!("role-{role}"))) }
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
    layout(ctx, &ctx.t("sign-in-title"), Area::Public, body)
}
