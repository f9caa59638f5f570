//! The citizen portal ("Accès à mes données"): the secret link, the request page and its
//! answers, granted accesses (stop now), blocked companies (unblock), history, and the help
//! page for foreign candidates.
//!
//! The link secret leaves the address bar at once: `GET /r/{token}` remembers the request
//! in the session and redirects to `/me/requests/{id}`, which only a citizen who opened the
//! link can see. Opening binds nothing: the page says who asks and who is signed in, and
//! only "Continue as ..." (a POST, after a recent authentication) binds the request to the
//! person; "Sign in as someone else" signs out and comes back to the same request.

use actix_web::{HttpRequest, HttpResponse, http::StatusCode, web};
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use serde::Deserialize;
use uuid::Uuid;

use super::{
    auth::see_other,
    context::{Ctx, client_ip, state},
    errors::{AppError, Page},
    extract::{
        CsrfChecked, CsrfForm, Person, bundled_extractor, on_db, opened_link, remember_opened,
    },
    routes,
    views::{self, citizen as pages},
};
use crate::state::Tenant;
use crate::{
    db::run_blocking,
    domain::Niss,
    limits::{self, Hit},
    services::{
        ServiceError,
        citizen::{
            self, Answer, AnswerOutcome, LinkProblem, OpenedLink, RequestDetails, RequestPage,
            Visit,
        },
    },
};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(&routes::link("{token}"), web::get().to(open_link))
        .route(routes::CITIZEN, web::get().to(home))
        .route(routes::CITIZEN_HISTORY, web::get().to(history))
        .route(routes::CITIZEN_DATA, web::get().to(my_data))
        .route(
            routes::CITIZEN_HELP_FOREIGNERS,
            web::get().to(help_foreigners),
        )
        .route(
            &routes::citizen_request("{id}"),
            web::get().to(request_page),
        )
        .route(&routes::citizen_answer("{id}"), web::post().to(answer))
        .route(&routes::citizen_bind("{id}"), web::post().to(bind))
        .route(&routes::citizen_switch("{id}"), web::post().to(switch))
        .route(&routes::citizen_stop("{id}"), web::get().to(stop_confirm))
        .route(&routes::citizen_stop("{id}"), web::post().to(stop))
        .route(
            &routes::citizen_unblock("{company_id}"),
            web::post().to(unblock),
        );
}

/// The official host name, as the genuine links show it.
fn official_host(req: &HttpRequest) -> String {
    crate::mail::request::host_of(&super::context::tenant_of(req).site().public_url_citizen)
        .to_string()
}

fn problem_page(req: &HttpRequest, ctx: &Ctx, problem: LinkProblem) -> HttpResponse {
    asked_problem_page(req, ctx, problem, None)
}

/// The page of a link's problem, naming who asked when `asked` says it.
fn asked_problem_page(
    req: &HttpRequest,
    ctx: &Ctx,
    problem: LinkProblem,
    asked: Option<&RequestDetails>,
) -> HttpResponse {
    let status = match problem {
        LinkProblem::Unknown => StatusCode::NOT_FOUND,
        LinkProblem::Expired | LinkProblem::Withdrawn | LinkProblem::Replaced => StatusCode::GONE,
        LinkProblem::AlreadyAnswered => StatusCode::CONFLICT,
        LinkProblem::OtherCitizen | LinkProblem::NotAddressee | LinkProblem::OwnCompany => {
            StatusCode::FORBIDDEN
        }
    };
    views::with_status(
        status,
        pages::link_problem(ctx, problem, asked, &official_host(req)),
    )
}

/// `GET /r/{token}`: the link of the e-mail and QR code. Rate-limited per client IP; every
/// token is hashed and looked up, and every unknown one gets the same page. A known one
/// is remembered in the session, and the browser leaves the secret URL at once; one whose
/// request closed before anyone took it as theirs says why at once, before any sign-in.
async fn open_link(req: HttpRequest, ctx: Ctx, tenant: Tenant, token: web::Path<String>) -> Page {
    let token = token.into_inner();
    let ip = client_ip(&req);
    let limit = state(&req).link_limiter;
    let key = state(&req).address_key.clone();
    let now = ctx.now;
    // The limit and the look-up on one connection: the limit is counted in the database,
    // shared by every server.
    let found = on_db(&tenant, move |conn| {
        if let Some(ip) = ip
            && let Hit::Refused(wait) = limit.hit(conn, &limits::address_bucket(&key, ip))?
        {
            return Ok(Err(wait));
        }
        citizen::find_link(conn, &token, now).map(Ok)
    })
    .await?;
    let found = match found {
        Ok(found) => found,
        Err(wait) => {
            tracing::warn!("too many link openings from one client");
            return Err(AppError::TooManyRequests(wait));
        }
    };
    match found {
        Some(OpenedLink::Request(opening)) => {
            let id = opening.request;
            remember_opened(&req, opening)?;
            Ok(see_other(&routes::citizen_request(id)))
        }
        Some(OpenedLink::Closed(problem, asked)) => {
            Ok(asked_problem_page(&req, &ctx, problem, Some(&asked)))
        }
        None => Ok(problem_page(&req, &ctx, LinkProblem::Unknown)),
    }
}

/// `GET /me/requests/{id}`: the request page (answer, result, or why not).
async fn request_page(at: AtRequest) -> Page {
    let visit = at.visit();
    let page = on_db(&at.tenant, move |conn| citizen::open_request(conn, &visit)).await?;
    Ok(show(&at.req, &at.ctx, page))
}

bundled_extractor! {
    /// A person at the page of a request (`/me/requests/{id}`).
    struct AtRequest {
        req: HttpRequest,
        ctx: Ctx,
        tenant: Tenant,
        person: Person,
        id: web::Path<Uuid>,
    }
}

impl AtRequest {
    /// The person at the request's page (through its link in this session or not), now.
    fn visit(&self) -> Visit {
        Visit {
            me: self.person.niss.clone(),
            id: *self.id,
            opened_link: opened_link(&self.req, *self.id).map(|o| o.link),
            now: self.ctx.now,
        }
    }
}

/// The page a [`RequestPage`] reads as.
fn show(req: &HttpRequest, ctx: &Ctx, page: RequestPage) -> HttpResponse {
    match page {
        RequestPage::Problem(p) => problem_page(req, ctx, p),
        RequestPage::Confirm(d) => {
            views::with_status(StatusCode::OK, pages::confirm(ctx, &d, &official_host(req)))
        }
        RequestPage::CompanyBlocked(d) => {
            views::with_status(StatusCode::OK, pages::company_blocked(ctx, &d))
        }
        RequestPage::Answer { details, replaces } => views::with_status(
            StatusCode::OK,
            pages::request(ctx, &details, replaces, &official_host(req)),
        ),
        RequestPage::Answered {
            details,
            company_blocked,
        } => views::with_status(
            StatusCode::OK,
            pages::answered(ctx, &details, company_blocked),
        ),
    }
}

/// `None` when the person authenticated recently enough to bind, accept or take a copy of
/// their data; else where to authenticate again, coming back to `back` (the provider is
/// asked with `max_age`; the demo provider asks again).
fn authenticate_again(req: &HttpRequest, person: &Person, back: &str) -> Option<HttpResponse> {
    let window = state(req).settings.sessions.recent_auth;
    // The server's time: a demo tenant's clock moved by days asks nobody again.
    let now = super::context::tenant_of(req).session_now();
    if person.principal.authenticated_recently(now, window) {
        return None;
    }
    tracing::info!("authentication too old for this: asking again");
    Some(see_other(&routes::sign_in_again(back)))
}

/// `POST /me/requests/{id}/bind`: "Continue as ...": the request becomes the person's.
async fn bind(at: AtRequest, _csrf: CsrfChecked) -> Page {
    if let Some(again) = authenticate_again(&at.req, &at.person, &routes::citizen_request(*at.id)) {
        return Ok(again);
    }
    let visit = at.visit();
    let page = on_db(&at.tenant, move |conn| citizen::bind(conn, &visit)).await?;
    Ok(match page {
        RequestPage::Problem(p) => problem_page(&at.req, &at.ctx, p),
        _ => see_other(&routes::citizen_request(*at.id)),
    })
}

/// `POST /me/requests/{id}/switch`: "Sign in as someone else": signs out (at the provider
/// too) and comes back to this request's sign-in, the opened link kept.
async fn switch(req: HttpRequest, ctx: Ctx, id: web::Path<Uuid>, _csrf: CsrfChecked) -> Page {
    let back = routes::with_next(routes::SIGN_IN, &routes::citizen_request(id.into_inner()));
    super::auth::sign_out_then(&req, &ctx, Some(&back)).await
}

#[derive(Deserialize)]
struct AnswerForm {
    answer: Answer,
}

/// `POST /me/requests/{id}/answer`: accept, refuse, or refuse and block.
async fn answer(at: AtRequest, CsrfForm(form): CsrfForm<AnswerForm>) -> Page {
    let given = form.answer;
    if given == Answer::Accept
        && let Some(again) =
            authenticate_again(&at.req, &at.person, &routes::citizen_request(*at.id))
    {
        return Ok(again);
    }
    let (visit, sources) = (at.visit(), state(&at.req).sources.clone());
    let outcome = on_db(&at.tenant, move |conn| {
        citizen::answer(conn, sources.as_ref(), &visit, given)
    })
    .await?;
    Ok(match outcome {
        AnswerOutcome::Done | AnswerOutcome::CompanyBlocked => {
            see_other(&routes::citizen_request(*at.id))
        }
        AnswerOutcome::Problem(p) => problem_page(&at.req, &at.ctx, p),
    })
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

/// `GET /me`: pending requests, granted accesses (stop now), blocked companies.
async fn home(me: Citizen, query: web::Query<Done>) -> Page {
    let portal = me.run(citizen::portal).await?;
    Ok(views::with_status(
        StatusCode::OK,
        pages::home(&me.ctx, &portal, query.done.as_deref()),
    ))
}

bundled_extractor! {
    /// A signed-in citizen's page of the portal (`/me`).
    struct Citizen {
        ctx: Ctx,
        tenant: Tenant,
        person: Person,
    }
}

impl Citizen {
    /// Runs `f` on the database's threads with the citizen's NISS and the time.
    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut PgConnection, &Niss, DateTime<Utc>) -> Result<T, ServiceError>
        + Send
        + 'static,
    ) -> Result<T, ServiceError> {
        let (me, now) = (self.person.niss.clone(), self.ctx.now);
        run_blocking(self.tenant.pool(), move |conn| f(conn, &me, now)).await
    }
}

/// `GET /me/history`: past requests and accesses, and the consultations of one's data.
async fn history(me: Citizen) -> Page {
    let (items, consultations) = me
        .run(|conn, niss, now| {
            Ok((
                citizen::history(conn, niss, now)?,
                citizen::consultations(conn, niss, now)?,
            ))
        })
        .await?;
    Ok(views::with_status(
        StatusCode::OK,
        pages::history(&me.ctx, &items, &consultations),
    ))
}

/// `GET /me/data`: a copy of everything the service keeps about the citizen (right of
/// access and portability), as a JSON file named after the day; never cached. Everything at
/// once: the authentication must be recent, as to accept a request (else the sign-in asks
/// again and comes back to the history page, where the copy is).
async fn my_data(req: HttpRequest, me: Citizen) -> Page {
    let back = format!("{}#my-data-title", routes::CITIZEN_HISTORY);
    if let Some(again) = authenticate_again(&req, &me.person, &back) {
        return Ok(again);
    }
    let sources = state(&req).sources.clone();
    let data = me
        .run(move |conn, niss, now| citizen::export::my_data(conn, sources.as_ref(), niss, now))
        .await?;
    let day = data.made_at.format("%Y-%m-%d");
    let body = serde_json::to_string_pretty(&data)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("my data: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"my-data-{day}.json\""),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(body))
}

/// `GET /me/help/foreigners`: for candidates without a Belgian national number (public).
async fn help_foreigners(ctx: Ctx) -> HttpResponse {
    views::with_status(StatusCode::OK, pages::help_foreigners(&ctx))
}

/// `GET /me/accesses/{id}/stop`: the confirmation page (without JavaScript).
async fn stop_confirm(me: Citizen, id: web::Path<Uuid>) -> Page {
    let id = id.into_inner();
    let details = me
        .run(move |conn, niss, now| citizen::access_of(conn, niss, id, now))
        .await?;
    if details.status != crate::domain::RequestStatus::Accepted {
        return Ok(see_other(routes::CITIZEN));
    }
    Ok(views::with_status(
        StatusCode::OK,
        pages::stop_confirm(&me.ctx, &details),
    ))
}

#[derive(Deserialize)]
struct StopForm {
    #[serde(default)]
    confirmed: String,
}

/// `POST /me/accesses/{id}/stop`: stops the access when confirmed (on the confirmation
/// page, or through the `data-confirm` dialog); otherwise asks on the confirmation page.
async fn stop(me: Citizen, id: web::Path<Uuid>, form: CsrfForm<StopForm>) -> Page {
    let id = id.into_inner();
    if form.0.confirmed != "yes" {
        return Ok(see_other(&routes::citizen_stop(id)));
    }
    let result = me
        .run(move |conn, niss, now| citizen::stop_access(conn, niss, id, now))
        .await;
    match result {
        Ok(()) => Ok(see_other(&routes::citizen_done("stopped"))),
        // Ended or stopped meanwhile: the portal shows how things stand.
        Err(ServiceError::Refused(_)) => Ok(see_other(routes::CITIZEN)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct UnblockForm {
    next: Option<String>,
}

/// `POST /me/blocks/{company_id}/unblock`: the company may ask again; back to `next` (the
/// request that was waiting) or the portal.
async fn unblock(me: Citizen, company_id: web::Path<Uuid>, form: CsrfForm<UnblockForm>) -> Page {
    let company_id = company_id.into_inner();
    me.run(move |conn, niss, _| citizen::unblock(conn, niss, company_id))
        .await?;
    Ok(match form.0.next.as_deref() {
        Some(next) => see_other(routes::local_path(Some(next), routes::CITIZEN)),
        None => see_other(&routes::citizen_done("unblocked")),
    })
}
