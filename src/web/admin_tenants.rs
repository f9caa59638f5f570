//! The trainers' page of the back office (`/admin/tenants`, trainers and supervisors, on the
//! main site only): the demo tenants with their clocks and people signed in; make one (the
//! demo world or the trainer's own source files), move its clock, reset it, delete it, open
//! it and its mailbox. Each action is audited by [`crate::demo::tenants`].

use actix_web::{Handler, HttpResponse, http::StatusCode, web};
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{
    auth::see_other,
    context::{Ctx, state},
    errors::{AppError, Page},
    extract::{BackOffice, CsrfChecked, CsrfForm, Staff},
    routes::{ADMIN_TENANTS, admin_tenant_action, with_notice},
    views::{self, admin_tenants as v},
};
use crate::{
    demo::tenants::{NewTenant, TenantError, TenantOps},
    domain::tenant::{
        ClockMove, MoveRefused, Step, TenantInputError, TenantName, parse_day, parse_instant,
    },
    i18n::Lang,
    services::{backoffice::may_train, idempotency},
    sources::import::SourceTexts,
    state::{AppState, Tenant},
};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(ADMIN_TENANTS, web::get().to(tenants_page))
        .route(ADMIN_TENANTS, web::post().to(create))
        .route(
            &admin_tenant_action("{name}", "clock"),
            web::post().to(move_clock),
        )
        .route(
            &admin_tenant_action("{name}", "reset"),
            web::post().to(on_path("reset", TenantOps::reset)),
        )
        .route(
            &admin_tenant_action("{name}", "delete"),
            web::post().to(on_path("deleted", delete)),
        );
}

/// The trainers' page exists on the main site only, for the roles that may use it.
fn require_trainer(staff: &Staff, tenant: &Tenant) -> Result<(), AppError> {
    if !tenant.is_main() {
        return Err(AppError::NotFound);
    }
    if may_train(staff.role) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn ops(state: &AppState, tenant: &Tenant) -> TenantOps {
    TenantOps::new(
        state.settings.clone(),
        state.sources.clone(),
        tenant.server_clock().clone(),
    )
    .on_server(state.tenants.clone())
}

/// Runs a tenant operation off the async executor.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, TenantError> + Send + 'static,
) -> Result<Result<T, TenantError>, AppError> {
    web::block(f)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking task failed: {e}")))
}

#[derive(Deserialize)]
struct NoticeQuery {
    notice: Option<String>,
    tenant: Option<String>,
}

async fn tenants_page(
    req: actix_web::HttpRequest,
    BackOffice { ctx, staff, tenant }: BackOffice,
    query: web::Query<NoticeQuery>,
) -> Page {
    require_trainer(&staff, &tenant)?;
    let notice = query
        .notice
        .as_deref()
        .and_then(v::notice_key)
        .map(|key| (key, query.tenant.clone().unwrap_or_default()));
    let page = render(
        &req,
        &ctx,
        &staff,
        &tenant,
        &v::Outcome {
            notice,
            ..v::Outcome::default()
        },
        &CreateForm::default(),
    )
    .await?;
    Ok(views::html(page))
}

async fn render(
    req: &actix_web::HttpRequest,
    ctx: &Ctx,
    staff: &Staff,
    tenant: &Tenant,
    outcome: &v::Outcome,
    form: &CreateForm,
) -> Result<maud::Markup, AppError> {
    let ops = ops(state(req), tenant);
    let list = blocking(move || ops.list()).await?;
    let settings = &state(req).settings.demo_tenants;
    // A refused form keeps its display's key; a fresh page is a new form.
    let form_key = filled(&form.form_key)
        .map(str::to_string)
        .unwrap_or_else(idempotency::new_form_key);
    let listed = match list {
        Ok(list) => list,
        Err(e) => return Err(AppError::Unavailable(anyhow::anyhow!("{e}"))),
    };
    Ok(v::tenants_page(
        ctx,
        staff.role,
        &v::TenantsPage {
            tenants: &listed,
            max: settings.max,
            lifetime_days: settings.lifetime_days,
            base_host: &settings.base_host,
            outcome,
            form: &v::CreateValues {
                name: &form.name,
                language: form.language.as_deref().unwrap_or(ctx.lang.code()),
                clock: form.clock.as_deref().unwrap_or_default(),
                expires: form.expires.as_deref().unwrap_or_default(),
                sources: [
                    form.persons.as_deref().unwrap_or_default(),
                    form.occupations.as_deref().unwrap_or_default(),
                    form.student_hours.as_deref().unwrap_or_default(),
                    form.student_quota.as_deref().unwrap_or_default(),
                ],
                form_key: &form_key,
            },
        },
    ))
}

/// The page again with the outcome of a refused action (400 for bad input, 409 for a
/// refusal of the current state, 503 when busy or the database failed).
async fn refused(
    req: &actix_web::HttpRequest,
    ctx: &Ctx,
    staff: &Staff,
    tenant: &Tenant,
    outcome: v::Outcome,
    form: &CreateForm,
) -> Page {
    let status = match outcome.first_error() {
        Some(e) => status_of(e),
        None => StatusCode::BAD_REQUEST,
    };
    if let Some(TenantError::Failed(e)) = outcome.first_error() {
        tracing::error!(error = ?e, "demo tenant operation failed");
    }
    let page = render(req, ctx, staff, tenant, &outcome, form).await?;
    Ok(views::with_status(status, page))
}

fn status_of(e: &TenantError) -> StatusCode {
    match e {
        TenantError::Input(_)
        | TenantError::ExpiryPast
        | TenantError::ExpiryTooLate(_)
        | TenantError::Sources(_)
        | TenantError::SourcesUnreadable(_) => StatusCode::BAD_REQUEST,
        TenantError::Move(MoveRefused::MovedMeanwhile { .. }) => StatusCode::CONFLICT,
        TenantError::Move(_) => StatusCode::BAD_REQUEST,
        TenantError::Unknown(_) => StatusCode::NOT_FOUND,
        TenantError::Exists(_) | TenantError::LimitReached(_) | TenantError::Disabled => {
            StatusCode::CONFLICT
        }
        TenantError::Busy | TenantError::Failed(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

/// The form that makes a tenant.
#[derive(Clone, Debug, Default, Deserialize)]
struct CreateForm {
    #[serde(default)]
    name: String,
    language: Option<String>,
    clock: Option<String>,
    expires: Option<String>,
    persons: Option<String>,
    occupations: Option<String>,
    student_hours: Option<String>,
    student_quota: Option<String>,
    /// The key of the form's display (see [`NewTenant::form_key`]).
    form_key: Option<String>,
}

fn filled(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl CreateForm {
    /// The tenant asked for, or every refusal of the form in the order of its fields (what
    /// `ops` checks before any work included): one correction is enough.
    fn parse(&self, by: uuid::Uuid, ops: &TenantOps) -> Result<NewTenant, Vec<TenantError>> {
        let mut errors: Vec<TenantError> = Vec::new();
        let mut refuse = |e: TenantInputError| errors.push(e.into());
        let name = TenantName::parse(&self.name).map_err(&mut refuse).ok();
        let language = match filled(&self.language) {
            None => Some(Lang::Fr),
            Some(code) => Lang::ALL.into_iter().find(|l| l.code() == code),
        };
        if language.is_none() {
            refuse(TenantInputError::BadLanguage);
        }
        let clock = filled(&self.clock).map(parse_instant).transpose();
        let clock = clock.map_err(&mut refuse).ok().flatten();
        let expires = filled(&self.expires).map(parse_day).transpose();
        let expires = expires.map_err(&mut refuse).ok().flatten();
        let text = |v: &Option<String>| filled(v).map(str::to_string);
        let sources = SourceTexts {
            persons: text(&self.persons),
            occupations: text(&self.occupations),
            student_hours: text(&self.student_hours),
            student_quota: text(&self.student_quota),
        };
        let sources = (!sources.is_empty()).then_some(sources);
        errors.extend(ops.check(clock, expires, sources.as_ref()));
        match (name, language) {
            (Some(name), Some(language)) if errors.is_empty() => Ok(NewTenant {
                name,
                language,
                clock,
                expires,
                sources,
                by: Some(by),
                form_key: filled(&self.form_key)
                    .filter(|k| idempotency::valid_key(k))
                    .map(str::to_string),
            }),
            _ => Err(errors),
        }
    }
}

fn done(notice: &str, tenant: &str) -> HttpResponse {
    see_other(&format!(
        "{}&tenant={}",
        with_notice(ADMIN_TENANTS, notice),
        super::routes::url_escape(tenant)
    ))
}

async fn create(
    req: actix_web::HttpRequest,
    BackOffice { ctx, staff, tenant }: BackOffice,
    form: CsrfForm<CreateForm>,
) -> Page {
    require_trainer(&staff, &tenant)?;
    let form = form.0;
    let ops = ops(state(&req), &tenant);
    let new = match form.parse(staff.id, &ops) {
        Ok(new) => new,
        Err(errors) => {
            let outcome = v::Outcome::errors(errors, "create");
            return refused(&req, &ctx, &staff, &tenant, outcome, &form).await;
        }
    };
    match blocking(move || ops.create(&new)).await? {
        Ok(made) => Ok(done("created", &made.name)),
        Err(e) => {
            let outcome = v::Outcome::error(e, "create");
            refused(&req, &ctx, &staff, &tenant, outcome, &form).await
        }
    }
}

/// Deletes a tenant: one that is not there any more is deleted already (the same button
/// pressed twice, or on a page left open after somebody else deleted it).
fn delete(ops: &TenantOps, name: &TenantName, by: Option<uuid::Uuid>) -> Result<(), TenantError> {
    match ops.delete(name, by) {
        Err(TenantError::Unknown(_)) => Ok(()),
        done => done,
    }
}

/// The move asked for on a tenant's line: an instant when one is given, else a step.
#[derive(Deserialize)]
struct ClockForm {
    advance: Option<String>,
    to: Option<String>,
    /// The clock as the page showed it (RFC 3339): a step counts from there.
    shown: Option<String>,
}

async fn move_clock(
    req: actix_web::HttpRequest,
    office: BackOffice,
    name: web::Path<String>,
    CsrfForm(form): CsrfForm<ClockForm>,
) -> Page {
    let mv = match (filled(&form.to), filled(&form.advance)) {
        (Some(to), _) => parse_instant(to).map(ClockMove::To),
        (None, Some(step)) => Step::parse(step).map(|step| {
            match filled(&form.shown).and_then(|s| DateTime::parse_from_rfc3339(s).ok()) {
                Some(shown) => ClockMove::AdvanceFrom {
                    shown: shown.with_timezone(&Utc),
                    step,
                },
                None => ClockMove::Advance(step),
            }
        }),
        (None, None) => Err(TenantInputError::BadMove),
    };
    on_tenant(&req, &office, &name, "moved", move |ops, name, by| {
        ops.move_clock(name, mv?, by)
    })
    .await
}

/// Runs `op` on the tenant `name` of an action's path, for a trainer: back to the page
/// with `notice`, or the page with the refusal.
async fn on_tenant<T: Send + 'static>(
    req: &actix_web::HttpRequest,
    office: &BackOffice,
    name: &str,
    notice: &str,
    op: impl FnOnce(TenantOps, &TenantName, Option<uuid::Uuid>) -> Result<T, TenantError>
    + Send
    + 'static,
) -> Page {
    let BackOffice { ctx, staff, tenant } = office;
    require_trainer(staff, tenant)?;
    let name = TenantName::parse(name).map_err(|_| AppError::NotFound)?;
    let ops = ops(state(req), tenant);
    let (id, target) = (staff.id, name.clone());
    match blocking(move || op(ops, &target, Some(id))).await? {
        Ok(_) => Ok(done(notice, name.as_str())),
        Err(e) => {
            let outcome = v::Outcome::error(e, name.as_str());
            refused(req, ctx, staff, tenant, outcome, &CreateForm::default()).await
        }
    }
}

/// The handler of an action that needs no more than the tenant of its path (a button):
/// [`on_tenant`] with `op` and `notice`.
fn on_path<T: Send + 'static>(
    notice: &'static str,
    op: fn(&TenantOps, &TenantName, Option<uuid::Uuid>) -> Result<T, TenantError>,
) -> impl Handler<
    (
        actix_web::HttpRequest,
        BackOffice,
        web::Path<String>,
        CsrfChecked,
    ),
    Output = Page,
> {
    move |req: actix_web::HttpRequest,
          office: BackOffice,
          name: web::Path<String>,
          _csrf: CsrfChecked| async move {
        on_tenant(&req, &office, &name, notice, move |ops, name, by| {
            op(&ops, name, by)
        })
        .await
    }
}
