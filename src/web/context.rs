//! What every request carries, below the views and the error pages: the application state,
//! the tenant, whether htmx asked, and the page context (language, who is signed in, CSRF
//! token). Nothing here fails a request, so nothing here needs the web side's errors.

use std::{
    future::{Ready, ready},
    net::IpAddr,
};

use actix_session::SessionExt;
use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, http::header, web};
use chrono::{DateTime, Utc};

use super::routes;
use crate::{
    auth::Principal,
    i18n::{self, Lang},
    state::{AppState, DemoSite, Tenant},
};

/// Session key of the signed-in principal.
pub const SESSION_PRINCIPAL: &str = "principal";
/// Session key of the CSRF token.
pub const SESSION_CSRF: &str = "csrf";
/// Session key of the chosen company (company app).
pub const SESSION_COMPANY: &str = "company";
/// Session key of the client a provider's user acts for.
pub const SESSION_CLIENT: &str = "client";
/// Session key of an OpenID Connect sign-in under way (state, nonce, PKCE verifier).
pub const SESSION_OIDC_PENDING: &str = "oidc_pending";
/// Session key of the provider's ID token (the hint of the sign-out at the provider).
pub const SESSION_ID_TOKEN: &str = "oidc_id_token";
/// Session key of the page to go to after the sign-out at the provider.
pub const SESSION_AFTER_SIGN_OUT: &str = "after_sign_out";
/// Session key: when the person last asked to stay signed in (a change of the session, so
/// that the store writes it, and its idle time starts again).
pub const SESSION_KEPT_ALIVE: &str = "kept_alive_at";
/// Session key: when the person signed in, by the server's clock (the session's absolute
/// lifetime counts from then).
pub const SESSION_STARTED: &str = "started_at";
/// Session keys that belong to the signed-in person and go with them.
pub const SESSION_COMPANY_KEYS: &[&str] = &[
    SESSION_COMPANY,
    SESSION_CLIENT,
    SESSION_ID_TOKEN,
    SESSION_STARTED,
];
/// Form field carrying the CSRF token.
pub const CSRF_FIELD: &str = "csrf";

/// The application state of a request.
#[allow(clippy::expect_used)] // registered by startup::server for every route
pub fn state(req: &HttpRequest) -> &AppState {
    req.app_data::<web::Data<AppState>>()
        .expect("AppState is registered at startup")
        .get_ref()
}

/// The tenant a request is for (its database, clock and site), as the host routed it
/// (the tenancy middleware, `startup/tenancy.rs`): a demo tenant's host never reaches a
/// handler without its tenant.
/// Only the routes outside the routing (the assets) fall back to the main tenant.
pub fn tenant_of(req: &HttpRequest) -> Tenant {
    req.extensions()
        .get::<Tenant>()
        .cloned()
        .unwrap_or_else(|| state(req).tenants.main().clone())
}

impl FromRequest for Tenant {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(tenant_of(req)))
    }
}

/// The client's address: from the reverse proxy's header when one is configured
/// (`trusted_proxy_header`; its last address, the one the proxy added), else the peer's.
/// A client cannot choose its address when no header is configured.
pub fn client_ip(req: &HttpRequest) -> Option<IpAddr> {
    let peer = req.peer_addr().map(|a| a.ip());
    let Some(name) = state(req).settings.trusted_proxy_header.as_deref() else {
        return peer;
    };
    req.headers()
        .get_all(name)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .last()
        .and_then(parse_ip)
        .or(peer)
}

/// An address as proxies write it: `192.0.2.1`, `2001:db8::1`, `[2001:db8::1]:443`,
/// `192.0.2.1:443`.
fn parse_ip(text: &str) -> Option<IpAddr> {
    let t = text.trim();
    t.parse::<IpAddr>()
        .ok()
        .or_else(|| t.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
        .or_else(|| {
            t.strip_prefix('[')
                .and_then(|r| r.split(']').next())
                .and_then(|a| a.parse().ok())
        })
}

/// The request's language: the cookie set by the switcher, else `Accept-Language`, else
/// French. In a demo tenant: the cookie, else the tenant's language (the trainer chose it
/// for the room).
pub fn request_lang(req: &HttpRequest) -> Lang {
    let cookie = req.cookie(i18n::LANG_COOKIE);
    let cookie = cookie.as_ref().map(|c| c.value());
    if let Some(demo) = req
        .extensions()
        .get::<Tenant>()
        .and_then(|t| t.demo().cloned())
    {
        return cookie.and_then(Lang::from_code).unwrap_or(demo.language);
    }
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    i18n::negotiate(None, cookie, accept)
}

/// Whether htmx made the request: it then gets a partial, a plain request the whole page.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct HxRequest(pub bool);

impl HxRequest {
    /// Whether htmx made `req` (the `HX-Request: true` header).
    pub fn of(req: &HttpRequest) -> HxRequest {
        HxRequest(req.headers().get("hx-request").is_some_and(|v| v == "true"))
    }

    /// Whether htmx made `req` to swap the element with this id (`HX-Target`).
    pub fn targets(req: &HttpRequest, id: &str) -> bool {
        HxRequest::of(req).0 && req.headers().get("hx-target").is_some_and(|v| v == id)
    }
}

impl FromRequest for HxRequest {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(HxRequest::of(req)))
    }
}

/// A fresh CSRF token: 256 random bits, URL-safe base64.
pub fn new_csrf_token() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The session's CSRF token, made when a page first needs it (a form, or a page of
/// somebody signed in): a page without a form writes no session for an anonymous visitor.
#[derive(Clone)]
pub struct CsrfToken {
    session: actix_session::Session,
    token: std::rc::Rc<std::cell::OnceCell<String>>,
}

impl std::fmt::Debug for CsrfToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CsrfToken")
    }
}

impl CsrfToken {
    fn of(session: actix_session::Session) -> CsrfToken {
        let token = std::cell::OnceCell::new();
        if let Some(existing) = session.get::<String>(SESSION_CSRF).ok().flatten() {
            token.get_or_init(|| existing);
        }
        CsrfToken {
            session,
            token: std::rc::Rc::new(token),
        }
    }

    /// The token, made and stored in the session when it has none.
    pub fn get(&self) -> &str {
        self.token.get_or_init(|| {
            let token = new_csrf_token();
            // Without a stored token the page still renders; its forms are then refused
            // (403) and the next page tries again.
            if let Err(e) = self.session.insert(SESSION_CSRF, &token) {
                tracing::warn!(error = %e, "could not store the CSRF token in the session");
            }
            token
        })
    }

    /// The token, if the session has one (or this page made one).
    pub fn existing(&self) -> Option<&str> {
        self.token.get().map(String::as_str)
    }
}

/// Everything a page needs to render its frame.
#[derive(Clone, Debug)]
pub struct Ctx {
    /// The negotiated language.
    pub lang: Lang,
    /// Who is signed in.
    pub principal: Option<Principal>,
    /// This session's CSRF token (made when first needed).
    pub csrf: CsrfToken,
    /// Path and query of the request (language links, sign-in return).
    pub path: String,
    /// Demo or development mode: the demo banner shows.
    pub demo: bool,
    /// The demo mailbox is open (demo and development modes, and every demo tenant).
    pub mailbox: bool,
    /// The demo tenant of the request: its banner names it and shows its clock.
    pub tenant: Option<DemoSite>,
    /// Now, by the tenant's clock.
    pub now: DateTime<Utc>,
    /// When the signed-in session ends whatever its use (its absolute lifetime), by the
    /// server's clock, and the seconds until then.
    pub session_end: Option<(DateTime<Utc>, i64)>,
    /// The settings (the links the words point to: contact, official pages).
    pub settings: std::sync::Arc<crate::settings::Settings>,
}

impl Ctx {
    /// Builds the context of a request (creating the CSRF token when the session has none).
    pub fn of(req: &HttpRequest) -> Ctx {
        let tenant = tenant_of(req);
        let site = tenant.site();
        let session = req.get_session();
        let principal = session.get::<Principal>(SESSION_PRINCIPAL).ok().flatten();
        let absolute = state(req).settings.sessions.absolute;
        let session_end = principal
            .as_ref()
            .and_then(|_| session.get::<DateTime<Utc>>(SESSION_STARTED).ok().flatten())
            .map(|started| {
                let end = started + absolute;
                (end, (end - tenant.session_now()).num_seconds().max(0))
            });
        let csrf = CsrfToken::of(session);
        Ctx {
            lang: request_lang(req),
            principal,
            csrf,
            path: req
                .uri()
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_else(|| routes::HOME.to_string()),
            demo: site.demo_banner,
            mailbox: site.mailbox,
            tenant: site.demo.clone(),
            now: tenant.now(),
            session_end,
            settings: state(req).settings.clone(),
        }
    }

    /// Shorthand for a message in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// The addresses the words point to (contact, official pages).
    pub fn links(&self) -> &crate::settings::Links {
        &self.settings.links
    }
}

impl FromRequest for Ctx {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Ctx::of(req)))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_ip;

    #[test]
    fn addresses_as_proxies_write_them() {
        let cases = [
            ("192.0.2.1", Some("192.0.2.1")),
            (" 192.0.2.1 ", Some("192.0.2.1")),
            ("192.0.2.1:443", Some("192.0.2.1")),
            ("2001:db8::1", Some("2001:db8::1")),
            ("[2001:db8::1]:443", Some("2001:db8::1")),
            ("[2001:db8::1]", Some("2001:db8::1")),
            ("unknown", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                parse_ip(text),
                expected.map(|e| e.parse().unwrap()),
                "{text:?}"
            );
        }
    }
}
