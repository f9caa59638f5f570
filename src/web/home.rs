//! Public pages and the language switch.

use actix_web::{
    HttpResponse, Responder,
    cookie::{Cookie, SameSite},
    http::header,
    web,
};
use serde::Deserialize;

use super::{context::Ctx, routes, views};
use crate::i18n::{LANG_COOKIE, Lang};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::HOME, web::get().to(home))
        .route(routes::COMPANIES, web::get().to(companies))
        .route(routes::CITIZENS, web::get().to(citizens))
        .route(&routes::lang("{code}"), web::get().to(switch_language));
}

async fn home(ctx: Ctx) -> impl Responder {
    views::home::home(&ctx)
}

async fn companies(ctx: Ctx) -> impl Responder {
    views::home::companies(&ctx)
}

async fn citizens(ctx: Ctx) -> impl Responder {
    views::home::citizens(&ctx)
}

#[derive(Deserialize)]
struct Next {
    next: Option<String>,
}

/// `GET /lang/{code}?next=/path`: keeps the explicit choice in a cookie for a year and
/// goes back. A plain link, so it works without JavaScript; it changes nothing but a
/// preference.
async fn switch_language(code: web::Path<String>, query: web::Query<Next>) -> HttpResponse {
    let next = routes::local_path(query.next.as_deref(), routes::HOME).to_string();
    let Some(lang) = Lang::from_code(&code) else {
        return HttpResponse::SeeOther()
            .insert_header((header::LOCATION, next))
            .finish();
    };
    let cookie = Cookie::build(LANG_COOKIE, lang.code())
        .path(routes::HOME)
        .same_site(SameSite::Lax)
        .http_only(true)
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish();
    HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, next))
        .finish()
}
