//! The back office under `/admin`: dashboard, search, a request's timeline, block and
//! unblock, companies (suspend, reinstate, appoint the main access manager), the staff audit, and running a job by hand.
//!
//! Invisible to anyone but staff (the [`Staff`] extractor answers 404). Within the back
//! office a role that may not do something gets 403. Every form is CSRF-checked and every
//! action is recorded by the service it calls. A NISS or an e-mail is searched for through
//! a POST body only, never a URL.

use actix_session::SessionExt;
use actix_web::{Handler, HttpRequest, HttpResponse, http::StatusCode, web};
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use uuid::Uuid;

use super::{
    auth::see_other,
    context::state,
    errors::{AppError, Page, refusal_status},
    extract::{BackOffice, CsrfChecked, CsrfForm, on_db},
    routes::{self, ADMIN, ADMIN_AUDIT, ADMIN_SEARCH, admin_mail_resend, admin_search_url},
    views::html,
    views::{
        self,
        admin::{self as v},
        admin_frame::Problem,
    },
};
use crate::services::backoffice::audit::{AuditAction, AuditFilter};
use crate::services::backoffice::moderation::{self, StaffMove};
use crate::{
    domain::niss::Niss,
    jobs,
    services::{
        FieldErrors, ServiceError,
        backoffice::{self, search::SearchInput, timeline::Look},
    },
};

/// Registers the routes, from the URLs of [`super::routes`]. Each route carries its method
/// guard to its own resource (as the attribute macros did): a wrong method falls through
/// to the application's 404, never a 405 that would reveal the back office.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let request = |action| routes::admin_request_action("{id}", action);
    let company = |action| routes::admin_company_action("{id}", action);
    cfg.route(ADMIN, web::get().to(dashboard))
        .route(&routes::admin_job_run("{name}"), web::post().to(run_job))
        .route(ADMIN_SEARCH, web::get().to(search_page))
        .route(ADMIN_SEARCH, web::post().to(search_post))
        .route(&routes::admin_request("{id}"), web::get().to(request_page))
        .route(&request("reveal"), web::post().to(reveal))
        .route(
            &request("block"),
            web::post().to(staff_move(StaffMove::Block)),
        )
        .route(
            &request("unblock"),
            web::post().to(staff_move(StaffMove::Unblock)),
        )
        .route(
            &admin_mail_resend("{id}", "{mail}"),
            web::post().to(resend_mail),
        )
        .route(&routes::admin_company("{id}"), web::get().to(company_page))
        .route(&company("suspend"), web::post().to(suspend))
        .route(&company("reinstate"), web::post().to(reinstate))
        .route(&company("main-manager"), web::post().to(appoint_main))
        .route(ADMIN_AUDIT, web::get().to(audit_page))
        .route(ADMIN_AUDIT, web::post().to(audit_about));
}

fn require(allowed: bool) -> Result<(), AppError> {
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Deserialize)]
struct NoticeQuery {
    notice: Option<String>,
}

async fn dashboard(
    BackOffice { ctx, staff, tenant }: BackOffice,
    query: web::Query<NoticeQuery>,
) -> Page {
    let now = ctx.now;
    let data = on_db(&tenant, move |conn| {
        backoffice::dashboard::dashboard(conn, now)
    })
    .await?;
    Ok(html(v::dashboard(
        &ctx,
        staff.role,
        &data,
        query.notice.as_deref(),
    )))
}

async fn run_job(
    req: HttpRequest,
    office: BackOffice,
    name: web::Path<String>,
    _csrf: CsrfChecked,
) -> Page {
    require(backoffice::may_supervise(office.staff.role))?;
    let job = jobs::Job::parse(&name).ok_or(AppError::NotFound)?;
    office
        .run(move |conn, sid, now| {
            let action = AuditAction::RunJob;
            Ok(backoffice::audit::audit(
                conn,
                sid,
                action,
                None,
                Some(job.name()),
                now,
            )?)
        })
        .await?;
    let ctx_job = jobs::JobContext::for_tenant(&office.tenant, state(&req).settings.clone());
    let notice = match jobs::run_once(&ctx_job, job).await {
        Ok(Some(_)) => "job-ran",
        Ok(None) => "job-busy",
        Err(e) => {
            tracing::warn!(job = job.name(), error = %e, "job run from the back office failed");
            "job-failed"
        }
    };
    Ok(see_other(&routes::with_notice(ADMIN, notice)))
}

async fn search_page(req: HttpRequest, office: BackOffice, query: web::Query<SearchInput>) -> Page {
    require(backoffice::may_follow(office.staff.role))?;
    // Neither a NISS nor an e-mail travels in a URL: one put there is ignored.
    let input = query.into_inner().without_personal_data();
    run_search(&req, &office, input).await
}

async fn search_post(
    req: HttpRequest,
    office: BackOffice,
    CsrfForm(input): CsrfForm<SearchInput>,
) -> Page {
    require(backoffice::may_follow(office.staff.role))?;
    if !input.has_personal_data() {
        // Without a NISS or an e-mail the filters go to the URL (bookmarkable, back button).
        let page = input.page.unwrap_or(1);
        return Ok(see_other(&admin_search_url(&input, page)));
    }
    run_search(&req, &office, input).await
}

async fn run_search(req: &HttpRequest, office: &BackOffice, input: SearchInput) -> Page {
    let BackOffice { ctx, staff, .. } = office;
    if input.is_empty() {
        return Ok(html(v::search_page(ctx, staff.role, &input, None, None)));
    }
    let search = match input.validate() {
        Ok(s) => s,
        Err(ServiceError::Invalid(errors)) => {
            return Ok(views::with_status(
                StatusCode::BAD_REQUEST,
                v::search_page(ctx, staff.role, &input, Some(&errors), None),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let started = std::time::Instant::now();
    let key = state(req).person_key.clone();
    let page = office
        .run(move |conn, sid, now| backoffice::search::search(conn, sid, &key, &search, now))
        .await?;
    tracing::info!(
        ms = started.elapsed().as_millis() as u64,
        rows = page.items.len(),
        "back-office search"
    );
    Ok(html(v::search_page(
        ctx,
        staff.role,
        &input,
        None,
        Some(&page),
    )))
}

/// Session key of the request whose full NISS was just revealed, and until when it shows.
const SESSION_REVEALED: &str = "revealed";
/// How long a revealed NISS stays shown (reloads, a language switch) after its reveal.
const REVEAL_MINUTES: i64 = 10;

/// Whether the session revealed the NISS of request `id` a moment ago.
fn revealed(req: &HttpRequest, id: Uuid, now: DateTime<Utc>) -> bool {
    req.get_session()
        .get::<(Uuid, DateTime<Utc>)>(SESSION_REVEALED)
        .ok()
        .flatten()
        .is_some_and(|(request, until)| request == id && now < until)
}

async fn show_timeline(
    office: &BackOffice,
    id: Uuid,
    look: Look,
    revealed: bool,
    problem: Option<Problem<'_>>,
) -> Page {
    let t = office
        .run(move |conn, sid, now| backoffice::timeline::timeline(conn, sid, id, look, now))
        .await?;
    let body = v::timeline_page(
        &office.ctx,
        office.staff.role,
        &t,
        revealed,
        problem.as_ref(),
    );
    Ok(answer(body, problem.as_ref()))
}

/// A back-office page, with the status its problem calls for (400, a refusal's, or 200).
fn answer(body: maud::Markup, problem: Option<&Problem<'_>>) -> HttpResponse {
    match problem {
        Some(Problem::Invalid(..)) => views::with_status(StatusCode::BAD_REQUEST, body),
        Some(Problem::Refused(r)) => views::with_status(refusal_status(*r), body),
        Some(Problem::Done(_)) | None => html(body),
    }
}

/// What a refused action shows on its page: the messages of its `form` (kept in `errors`)
/// or the refusal; any other error is returned.
fn refused<'e>(
    e: ServiceError,
    form: &'static str,
    errors: &'e mut Option<FieldErrors>,
) -> Result<Problem<'e>, AppError> {
    match e {
        ServiceError::Invalid(found) => Ok(Problem::Invalid(form, errors.insert(found))),
        ServiceError::Refused(refusal) => Ok(Problem::Refused(refusal)),
        e => Err(e.into()),
    }
}

/// `GET /admin/requests/{id}`: the timeline (audited `view_request`), with the full NISS
/// when this session revealed it a moment ago.
async fn request_page(req: HttpRequest, office: BackOffice, id: web::Path<Uuid>) -> Page {
    require(backoffice::may_follow(office.staff.role))?;
    let id = id.into_inner();
    let shown = revealed(&req, id, office.ctx.now);
    show_timeline(&office, id, Look::View, shown, None).await
}

/// `POST /admin/requests/{id}/reveal`: records the reveal (audited `reveal_niss`), then
/// back to the timeline by a redirect, which shows the NISS for [`REVEAL_MINUTES`]: a
/// reload or a language switch shows the page again, never a 404 or a second reveal.
async fn reveal(
    req: HttpRequest,
    office: BackOffice,
    id: web::Path<Uuid>,
    _csrf: CsrfChecked,
) -> Page {
    require(backoffice::may_follow(office.staff.role))?;
    let id = id.into_inner();
    office
        .run(move |conn, sid, now| backoffice::timeline::record_reveal(conn, sid, id, now))
        .await?;
    req.get_session()
        .insert(
            SESSION_REVEALED,
            (id, office.ctx.now + Duration::minutes(REVEAL_MINUTES)),
        )
        .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))?;
    Ok(see_other(&routes::admin_request(id)))
}

/// The reason form of block, unblock and suspend.
#[derive(Deserialize)]
struct ReasonForm {
    #[serde(default)]
    reason: String,
}

async fn block_or_unblock(office: BackOffice, id: Uuid, reason: String, action: StaffMove) -> Page {
    require(backoffice::may_follow(office.staff.role))?;
    let result = office
        .run(move |conn, sid, now| {
            moderation::block_or_unblock(conn, sid, id, action, &reason, now)
        })
        .await;
    let (form, done) = match action {
        StaffMove::Block => ("block", "admin-done-blocked"),
        StaffMove::Unblock => ("unblock", "admin-done-unblocked"),
    };
    let mut errors = None;
    let problem = match result {
        Ok(_) => Problem::Done(done),
        Err(e) => refused(e, form, &mut errors)?,
    };
    // Shown again without a new look-up entry (the action is audited).
    show_timeline(&office, id, Look::Again, false, Some(problem)).await
}

/// `POST /admin/requests/{id}/mails/{mail}/resend`: a mail given up is due again.
async fn resend_mail(office: BackOffice, ids: web::Path<(Uuid, Uuid)>, _csrf: CsrfChecked) -> Page {
    require(backoffice::may_follow(office.staff.role))?;
    let (id, mail) = ids.into_inner();
    let result = office
        .run(move |conn, sid, now| moderation::resend_mail(conn, sid, id, mail, now))
        .await;
    let problem = match result {
        Ok(()) => Problem::Done("admin-done-mail-resent"),
        Err(ServiceError::Refused(refusal)) => Problem::Refused(refusal),
        Err(e) => return Err(e.into()),
    };
    show_timeline(&office, id, Look::Again, false, Some(problem)).await
}

/// The handler of `action` (block or unblock) on the request of the path, with its reason.
fn staff_move(
    action: StaffMove,
) -> impl Handler<(BackOffice, web::Path<Uuid>, CsrfForm<ReasonForm>), Output = Page> {
    move |office: BackOffice, id: web::Path<Uuid>, form: CsrfForm<ReasonForm>| {
        block_or_unblock(office, id.into_inner(), form.0.reason, action)
    }
}

async fn show_company(
    req: &HttpRequest,
    office: &BackOffice,
    id: Uuid,
    problem: Option<Problem<'_>>,
) -> Page {
    let sources = state(req).sources.clone();
    let c = on_db(&office.tenant, move |conn| {
        moderation::company(conn, sources.as_ref(), id)
    })
    .await?;
    let body = crate::web::views::admin_records::company_page(
        &office.ctx,
        office.staff.role,
        &c,
        problem.as_ref(),
    );
    Ok(answer(body, problem.as_ref()))
}

/// After a change of a company (suspension, reinstatement, appointment): back to the
/// company, or its page with the problem.
async fn after_company<T>(
    req: &HttpRequest,
    office: &BackOffice,
    id: Uuid,
    form: &'static str,
    result: Result<T, ServiceError>,
) -> Page {
    let mut errors = None;
    match result {
        Ok(_) => Ok(see_other(&routes::admin_company(id))),
        Err(e) => {
            let problem = refused(e, form, &mut errors)?;
            show_company(req, office, id, Some(problem)).await
        }
    }
}

async fn company_page(req: HttpRequest, office: BackOffice, id: web::Path<Uuid>) -> Page {
    require(backoffice::may_follow(office.staff.role))?;
    show_company(&req, &office, id.into_inner(), None).await
}

async fn suspend(
    req: HttpRequest,
    office: BackOffice,
    id: web::Path<Uuid>,
    CsrfForm(form): CsrfForm<ReasonForm>,
) -> Page {
    require(backoffice::may_supervise(office.staff.role))?;
    let id = id.into_inner();
    let result = office
        .run(move |conn, sid, now| moderation::suspend(conn, sid, id, &form.reason, now))
        .await;
    after_company(&req, &office, id, "suspend", result).await
}

async fn reinstate(
    req: HttpRequest,
    office: BackOffice,
    id: web::Path<Uuid>,
    _csrf: CsrfChecked,
) -> Page {
    require(backoffice::may_supervise(office.staff.role))?;
    let id = id.into_inner();
    let result = office
        .run(move |conn, sid, now| moderation::reinstate(conn, sid, id, now))
        .await;
    after_company(&req, &office, id, "reinstate", result).await
}

#[derive(Deserialize)]
struct AppointForm {
    niss: String,
    reason: String,
}

/// `POST /admin/companies/{id}/main-manager`: a supervisor appoints the company's main
/// access manager (audited with the reason).
async fn appoint_main(
    req: HttpRequest,
    office: BackOffice,
    id: web::Path<Uuid>,
    CsrfForm(form): CsrfForm<AppointForm>,
) -> Page {
    require(backoffice::may_supervise(office.staff.role))?;
    let (id, sources) = (id.into_inner(), state(&req).sources.clone());
    let key = state(&req).person_key.clone();
    let result = office
        .run(move |conn, sid, now| {
            moderation::appoint_main_manager(
                conn,
                sources.as_ref(),
                sid,
                &key,
                id,
                &form.niss,
                &form.reason,
                now,
            )
        })
        .await;
    after_company(&req, &office, id, "main-manager", result).await
}

/// The audit page's address: a staff member, an action ("" for all), a request or company,
/// a page.
#[derive(Deserialize)]
struct AuditQuery {
    page: Option<i64>,
    staff: Option<String>,
    action: Option<String>,
    on: Option<String>,
}

impl AuditQuery {
    /// The filter it asks for; `None` when it names no staff id or no action (a hand-made
    /// address: a 400 page).
    fn filter(&self) -> Option<AuditFilter> {
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|v| !v.is_empty())
        }
        Some(AuditFilter {
            staff: match given(&self.staff) {
                Some(id) => Some(id.parse().ok()?),
                None => None,
            },
            action: match given(&self.action) {
                Some(name) => Some(AuditAction::parse(name)?),
                None => None,
            },
            on: match given(&self.on) {
                Some(id) => Some(id.parse().ok()?),
                None => None,
            },
        })
    }
}

/// `GET /admin/audit`: the staff audit (supervisors), newest first, by staff member, by
/// action, on one request or company.
async fn audit_page(
    BackOffice { ctx, staff, tenant }: BackOffice,
    query: web::Query<AuditQuery>,
) -> Page {
    require(backoffice::may_supervise(staff.role))?;
    let filter = query.filter().ok_or(AppError::BadRequest)?;
    let page = query.page.unwrap_or(1);
    let data = on_db(&tenant, move |conn| {
        backoffice::audit::audit_page(conn, filter, page)
    })
    .await?;
    Ok(html(crate::web::views::admin_records::audit_page(
        &ctx, &data, None,
    )))
}

#[derive(Deserialize)]
struct PersonForm {
    niss: String,
    page: Option<i64>,
}

/// `POST /admin/audit`: the entries about one person (supervisors), by their NISS (a POST
/// body, never a URL): who in the back office looked them up or acted on their requests.
/// The look-up is itself audited (`audit_person`).
async fn audit_about(
    req: HttpRequest,
    office: BackOffice,
    CsrfForm(form): CsrfForm<PersonForm>,
) -> Page {
    require(backoffice::may_supervise(office.staff.role))?;
    let niss = match Niss::parse(&form.niss) {
        Ok(niss) => niss,
        Err(e) => {
            let data = on_db(&office.tenant, move |conn| {
                backoffice::audit::audit_page(conn, AuditFilter::default(), 1)
            })
            .await?;
            let errors = FieldErrors::from([("niss", e.message_key())]);
            return Ok(views::with_status(
                StatusCode::BAD_REQUEST,
                crate::web::views::admin_records::audit_page(&office.ctx, &data, Some(&errors)),
            ));
        }
    };
    let key = state(&req).person_key.clone();
    let page = form.page.unwrap_or(1);
    let data = office
        .run(move |conn, sid, now| {
            backoffice::audit::audit_about(conn, sid, &key, &niss, page, now)
        })
        .await?;
    Ok(html(crate::web::views::admin_records::audit_page(
        &office.ctx,
        &data,
        None,
    )))
}
