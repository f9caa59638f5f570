//! Builds the application from typed settings; binds (port 0 in tests) and runs until stopped.

pub mod tenancy;

use std::net::TcpListener;

use actix_session::{
    SessionMiddleware,
    config::{BrowserSession, CookieContentSecurity},
};
use actix_web::{
    App, HttpResponse, HttpServer,
    body::{EitherBody, MessageBody},
    cookie::{Key, SameSite},
    dev::{Server, ServiceRequest, ServiceResponse},
    http::Method,
    middleware::{self, Next, from_fn},
    web,
};
use tracing_actix_web::TracingLogger;

use crate::{
    clock::SharedClock,
    db::sessions::Lifetimes,
    settings::Settings,
    state::AppState,
    telemetry::MandatSpans,
    web::{errors, input, routes, security, sessions::PgSessionStore},
};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "mandat_session";

/// A built, bound application.
pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
}

impl Application {
    /// Builds the application and binds its listener (`settings.bind`; port 0 picks one).
    pub fn build(settings: Settings, clock: SharedClock) -> anyhow::Result<Application> {
        let state = AppState::new(settings, clock);
        let listener = TcpListener::bind(state.settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", state.settings.bind))?;
        let port = listener.local_addr()?.port();
        let server = server(listener, state.clone())?;
        Ok(Application {
            port,
            server,
            state,
        })
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The application state (for tests and jobs).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until the server is stopped (Ctrl-C / SIGTERM), running the background jobs
    /// alongside.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let jobs = crate::jobs::spawn_scheduler(self.state.clone());
        let result = self.server.await;
        jobs.abort();
        result
    }
}

fn server(listener: TcpListener, state: AppState) -> anyhow::Result<Server> {
    let key = Key::try_from(state.settings.session_key_bytes().as_slice())
        .map_err(|e| anyhow::anyhow!("session key: {e}"))?;
    let secure = state.settings.mode.is_https();
    let lifetimes = Lifetimes {
        idle: state.settings.sessions.idle,
        absolute: state.settings.sessions.absolute,
    };
    let store = PgSessionStore::new(lifetimes);
    let data = web::Data::new(state);
    let server = HttpServer::new(move || {
        // The cookie lives as long as the browser; the session's lifetimes are the server's.
        let session = SessionMiddleware::builder(store.clone(), key.clone())
            .cookie_name(SESSION_COOKIE.to_string())
            .cookie_http_only(true)
            .cookie_secure(secure)
            .cookie_same_site(SameSite::Lax)
            .cookie_content_security(CookieContentSecurity::Private)
            .session_lifecycle(BrowserSession::default())
            .build();
        App::new()
            .app_data(data.clone())
            .app_data(web::FormConfig::default().limit(64 * 1024))
            .app_data(web::JsonConfig::default().limit(64 * 1024))
            // Assets, health checks and the API need no session: no session read for them.
            .configure(crate::web::configure_sessionless)
            .configure(crate::api::configure)
            .service(
                web::scope("")
                    .configure(crate::web::configure)
                    .default_service(web::to(not_found))
                    .wrap(from_fn(input::refuse_unreadable_queries))
                    .wrap(from_fn(security::same_origin_guard))
                    .wrap(from_fn(errors::render_error_pages))
                    .wrap(session),
            )
            // Every request but the assets' is routed to its tenant (by its host) first.
            .wrap(from_fn(tenancy::route_to_tenant))
            .wrap(from_fn(head_as_get))
            .wrap(from_fn(without_trailing_slash))
            .wrap(from_fn(security::headers))
            .wrap(middleware::Compress::default())
            .wrap(TracingLogger::<MandatSpans>::new())
    })
    .listen(listener)?
    .shutdown_timeout(10)
    .run();
    Ok(server)
}

/// Middleware: `HEAD` is answered as `GET` is, without the body (RFC 9110, 9.3.2). A link
/// checker, a mail client's link scanner or a monitor asking for a page's headers gets the
/// page's status and headers, not the 404 of routes that name `GET` only. actix-http leaves
/// the body out of the response by itself: it keeps the request's own method.
async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    next.call(req).await
}

/// Middleware: a path typed or pasted with a trailing slash (`/me/`) is sent, permanently
/// and with its method and body (308), to the page without it (`/me`), its query kept;
/// the target is judged as every redirect is ([`routes::local_path`]: `//host/` goes home).
async fn without_trailing_slash<B: MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let path = req.path();
    if path.len() > 1 && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        let target = match req.query_string() {
            "" => trimmed.to_string(),
            query => format!("{trimmed}?{query}"),
        };
        let location = routes::local_path(Some(&target), routes::HOME).to_string();
        let res = HttpResponse::PermanentRedirect()
            .insert_header((actix_web::http::header::LOCATION, location))
            .finish();
        return Ok(req.into_response(res).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// The web side's last resort. A GET of an address that only takes a form (a page answered
/// a form there and the browser shows its address: a reload, a language switch, a
/// bookmark, a sign-in's way back) leads to the page above it, the nearest address that is
/// one (`/company/requests` to `/company`, `/me/requests/{id}/answer` to the request's
/// page). Anything else is the 404 page.
async fn not_found(req: actix_web::HttpRequest) -> Result<HttpResponse, errors::AppError> {
    let rmap = req.resource_map();
    if req.method() == Method::GET && rmap.has_resource(req.path()) {
        let mut page = req.path();
        while let Some((above, _)) = page.rsplit_once('/') {
            page = if above.is_empty() {
                routes::HOME
            } else {
                above
            };
            if page == routes::HOME || rmap.has_resource(page) {
                return Ok(crate::web::auth::see_other(page));
            }
        }
    }
    Err(errors::AppError::NotFound)
}
