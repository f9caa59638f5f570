//! The staff page of the back office (`/admin/staff`, supervisors only): add a person by
//! NISS with a role, change a role, remove a member, end a member's sessions. Each change
//! is audited by the service.

use actix_web::{HttpRequest, http::StatusCode, web};
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use serde::Deserialize;
use uuid::Uuid;

use super::{
    auth::see_other,
    context::{Ctx, state},
    errors::{AppError, Page},
    extract::{BackOffice, CsrfChecked, CsrfForm, Staff, on_db},
    routes::{self, ADMIN_STAFF},
    views::{self, admin_staff as v},
};
use crate::{
    db::{DbError, run_blocking},
    domain::{Niss, StaffRole},
    services::backoffice::{
        may_supervise,
        staff::{self, StaffError},
    },
    state::Tenant,
};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(ADMIN_STAFF, web::get().to(staff_page))
        .route(ADMIN_STAFF, web::post().to(add))
        .route(
            &routes::admin_staff_action("{id}", "role"),
            web::post().to(change_role),
        )
        .route(
            &routes::admin_staff_action("{id}", "remove"),
            web::post().to(remove),
        )
        .route(
            &routes::admin_staff_action("{id}", "end-sessions"),
            web::post().to(end_sessions),
        );
}

fn require_supervisor(staff: &Staff) -> Result<(), AppError> {
    if may_supervise(staff.role) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

impl From<StaffError> for AppError {
    fn from(e: StaffError) -> Self {
        match e {
            StaffError::NotFound => AppError::NotFound,
            StaffError::Db(e) => AppError::from(e),
            other => AppError::Internal(anyhow::anyhow!("{other}")),
        }
    }
}

#[derive(Deserialize)]
struct NoticeQuery {
    notice: Option<String>,
}

async fn render(
    ctx: &Ctx,
    tenant: &Tenant,
    form: v::AddForm<'_>,
    notice: Option<&str>,
    status: StatusCode,
) -> Page {
    let members = on_db(tenant, staff::list).await?;
    Ok(views::with_status(
        status,
        v::staff_page(ctx, &members, &form, notice),
    ))
}

async fn staff_page(
    BackOffice { ctx, staff, tenant }: BackOffice,
    query: web::Query<NoticeQuery>,
) -> Page {
    require_supervisor(&staff)?;
    let notice = query.notice.as_deref().filter(|n| v::NOTICES.contains(n));
    render(&ctx, &tenant, v::AddForm::default(), notice, StatusCode::OK).await
}

#[derive(Deserialize)]
struct AddInput {
    niss: String,
    role: String,
}

async fn add(
    req: HttpRequest,
    BackOffice { ctx, staff, tenant }: BackOffice,
    form: CsrfForm<AddInput>,
) -> Page {
    require_supervisor(&staff)?;
    let input = form.0;
    let role = StaffRole::parse(&input.role).ok_or(AppError::BadRequest)?;
    let shown = |error: &'static str| v::AddForm {
        niss: &input.niss,
        role: Some(role),
        error: Some(error),
    };
    let niss = match Niss::parse(&input.niss) {
        Ok(niss) => niss,
        Err(e) => {
            return render(
                &ctx,
                &tenant,
                shown(e.message_key()),
                None,
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let (by, now, sources) = (staff.id, ctx.now, state(&req).sources.clone());
    let result = run_blocking(tenant.pool(), move |conn| {
        Ok::<_, DbError>(staff::add(conn, sources.as_ref(), by, &niss, role, now))
    })
    .await?;
    match result {
        Ok(_) => Ok(see_other(&routes::with_notice(ADMIN_STAFF, "added"))),
        Err(e) => match e.message_key() {
            Some(key) => render(&ctx, &tenant, shown(key), None, StatusCode::CONFLICT).await,
            None => Err(e.into()),
        },
    }
}

/// After a change: the page with its notice, or with the refusal's message.
async fn after(ctx: &Ctx, tenant: &Tenant, result: Result<(), StaffError>, notice: &str) -> Page {
    match result {
        Ok(()) => Ok(see_other(&routes::with_notice(ADMIN_STAFF, notice))),
        Err(e) => match e.message_key() {
            Some(key) => {
                let form = v::AddForm::default();
                render(ctx, tenant, form, Some(key), StatusCode::CONFLICT).await
            }
            None => Err(e.into()),
        },
    }
}

/// Runs `change` on member `id` as the signed-in supervisor, then [`after`].
async fn change(
    ctx: &Ctx,
    by: &Staff,
    tenant: &Tenant,
    id: Uuid,
    notice: &str,
    change: impl FnOnce(&mut PgConnection, Uuid, Uuid, DateTime<Utc>) -> Result<(), StaffError>
    + Send
    + 'static,
) -> Page {
    let (by, now) = (by.id, ctx.now);
    let result = run_blocking(tenant.pool(), move |conn| {
        Ok::<_, DbError>(change(conn, by, id, now))
    })
    .await?;
    after(ctx, tenant, result, notice).await
}

#[derive(Deserialize)]
struct RoleInput {
    role: String,
}

async fn change_role(
    BackOffice { ctx, staff, tenant }: BackOffice,
    id: web::Path<Uuid>,
    form: CsrfForm<RoleInput>,
) -> Page {
    require_supervisor(&staff)?;
    let role = StaffRole::parse(&form.0.role).ok_or(AppError::BadRequest)?;
    let set =
        move |conn: &mut PgConnection, by, id, now| staff::change_role(conn, by, id, role, now);
    change(&ctx, &staff, &tenant, id.into_inner(), "role-changed", set).await
}

async fn remove(
    BackOffice { ctx, staff, tenant }: BackOffice,
    id: web::Path<Uuid>,
    _csrf: CsrfChecked,
) -> Page {
    require_supervisor(&staff)?;
    change(
        &ctx,
        &staff,
        &tenant,
        id.into_inner(),
        "removed",
        staff::remove,
    )
    .await
}

async fn end_sessions(
    BackOffice { ctx, staff, tenant }: BackOffice,
    id: web::Path<Uuid>,
    _csrf: CsrfChecked,
) -> Page {
    require_supervisor(&staff)?;
    let end =
        |conn: &mut PgConnection, by, id, now| staff::end_sessions(conn, by, id, now).map(|_| ());
    change(
        &ctx,
        &staff,
        &tenant,
        id.into_inner(),
        "sessions-ended",
        end,
    )
    .await
}
