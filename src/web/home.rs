//! Public pages and the language switch.

use actix_web::{
    HttpRequest, HttpResponse, Responder,
    cookie::{Cookie, SameSite},
    web,
};
use serde::Deserialize;

use super::{
    auth::see_other,
    context::{Ctx, state},
    routes, views,
};
use crate::i18n::{LANG_COOKIE, Lang};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::HOME, web::get().to(home))
        .route(routes::COMPANIES, web::get().to(companies))
        .route(routes::CITIZENS, web::get().to(citizens))
        .route(routes::PRIVACY, web::get().to(privacy))
        .route(routes::ACCESSIBILITY, web::get().to(accessibility))
        .route(routes::SECURITY_TXT, web::get().to(security_txt))
        .route(routes::ROBOTS_TXT, web::get().to(robots_txt))
        .route(
            routes::COMPANY_HELP_FOREIGNERS,
            web::get().to(foreigners_company),
        )
        .route(&routes::lang("{code}"), web::get().to(switch_language));
}

/// `GET /`: the home page; with the back office's door for a member of its staff (as they
/// were when they signed in: the page needs no database).
async fn home(ctx: Ctx) -> impl Responder {
    let back_office = ctx.principal.as_ref().is_some_and(|p| p.staff);
    views::home::home(&ctx, back_office)
}

async fn companies(ctx: Ctx) -> impl Responder {
    views::home::companies(&ctx)
}

async fn citizens(ctx: Ctx) -> impl Responder {
    views::home::citizens(&ctx)
}

/// `GET /privacy`: the privacy page (public).
async fn privacy(ctx: Ctx) -> impl Responder {
    views::help::privacy(&ctx)
}

/// `GET /accessibility`: the accessibility statement (public).
async fn accessibility(ctx: Ctx) -> impl Responder {
    views::help::accessibility(&ctx)
}

/// How long a `security.txt` says it holds (RFC 9116 asks for less than a year).
const SECURITY_TXT_DAYS: i64 = 180;

/// `GET /robots.txt` (RFC 9309): the real service's public pages ([`routes::INDEXABLE`])
/// and their assets may be listed, nothing else (a secret link that leaked into a public
/// page is not followed); a demonstration or training deployment, nothing at all.
async fn robots_txt(ctx: Ctx) -> HttpResponse {
    let mut text = String::from("User-agent: *\n");
    if !ctx.demo && ctx.tenant.is_none() {
        for page in routes::INDEXABLE {
            text.push_str(&format!("Allow: {page}$\n"));
        }
        text.push_str(&format!("Allow: {}/\n", routes::ASSETS));
    }
    text.push_str("Disallow: /\n");
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(text)
}

/// `GET /.well-known/security.txt`: whom to tell of a vulnerability (`security_contact`),
/// in which languages, until when this holds, and where the file is (RFC 9116).
async fn security_txt(ctx: Ctx) -> HttpResponse {
    let expires =
        (ctx.now + chrono::Duration::days(SECURITY_TXT_DAYS)).format("%Y-%m-%dT00:00:00Z");
    let contact = ctx.links().security_contact.href(Lang::En);
    let canonical = format!("{}{}", ctx.settings.public_url, routes::SECURITY_TXT);
    let languages: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(format!(
            "Contact: {contact}\nExpires: {expires}\nPreferred-Languages: {}\nCanonical: {canonical}\n",
            languages.join(", ")
        ))
}

/// `GET /company/help/foreigners`: hiring a candidate without a Belgian national number
/// (public: no sign-in needed to read it).
async fn foreigners_company(ctx: Ctx) -> impl Responder {
    views::help::foreigners_company(&ctx)
}

#[derive(Deserialize)]
struct Next {
    next: Option<String>,
}

/// `GET /lang/{code}?next=/path`: keeps the explicit choice in a cookie for a year and
/// goes back. A plain link, so it works without JavaScript; it changes nothing but a
/// preference.
async fn switch_language(
    req: HttpRequest,
    code: web::Path<String>,
    query: web::Query<Next>,
) -> HttpResponse {
    let mut res = see_other(query.next.as_deref().unwrap_or(routes::HOME));
    let Some(lang) = Lang::from_code(&code) else {
        return res;
    };
    // Secure outside development, like the session cookie.
    let cookie = Cookie::build(LANG_COOKIE, lang.code())
        .path(routes::HOME)
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(state(&req).settings.mode.is_https())
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish();
    if let Err(e) = res.add_cookie(&cookie) {
        tracing::warn!(error = %e, "could not set the language cookie");
    }
    res
}
