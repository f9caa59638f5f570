//! The company app's people: its users (add, change a role, remove, hand over the main
//! access manager's role) and the social service providers it designates.

use actix_web::{HttpRequest, http::StatusCode, web};
use maud::Markup;
use serde::Deserialize;

use super::{
    auth::see_other,
    company_user::{CompanyAction, CompanyUser, OwnCompanyUser},
    confirm::{self, ConfirmedPath, MemberAction},
    context::{Ctx, state, tenant_of},
    errors::{AppError, Page},
    extract::{CsrfForm, on_db},
    routes,
    views::{self, company_people as people, html, models::MemberInput},
};
use crate::{
    services::{FieldErrors, ServiceError, companies},
    state::Tenant,
};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::COMPANY_USERS, web::get().to(users_page))
        .route(routes::COMPANY_USERS, web::post().to(add_user))
        .route(routes::COMPANY_USERS_REMOVE, web::post().to(remove_user))
        .route(routes::COMPANY_USERS_MAIN, web::post().to(hand_over_main))
        .route(routes::COMPANY_PROVIDERS, web::get().to(providers_page))
        .route(
            routes::COMPANY_PROVIDERS,
            web::post().to(designate_provider),
        )
        .route(&routes::provider_end("{id}"), web::post().to(end_provider));
}

/// The people who manage a company's users: its managers, for the company they work for (a
/// provider's managers manage the provider's own users, whichever client they act for).
type UsersAction = CompanyAction<OwnCompanyUser>;

/// The members of the user's own company, with their names.
async fn load_members(
    req: &HttpRequest,
    user: &OwnCompanyUser,
) -> Result<Vec<companies::Member>, AppError> {
    let (c, sources) = (user.ctx.clone(), state(req).sources.clone());
    on_db(&tenant_of(req), move |conn| {
        companies::members(conn, sources.as_ref(), &c)
    })
    .await
}

#[derive(Deserialize)]
struct NoticeQuery {
    notice: Option<String>,
}

async fn users_page(
    req: HttpRequest,
    ctx: Ctx,
    user: OwnCompanyUser,
    query: web::Query<NoticeQuery>,
) -> Page {
    let members = load_members(&req, &user).await?;
    let notice = query.notice.as_deref().and_then(people::UsersNotice::parse);
    Ok(html(people::users(
        &ctx,
        &user.ctx,
        &members,
        &MemberInput::default(),
        people::UsersMessage::Notice(notice),
    )))
}

/// The users page after a change, saying what changed.
fn users_after(notice: people::UsersNotice) -> String {
    routes::with_notice(routes::COMPANY_USERS, notice.as_str())
}

async fn add_user(
    req: HttpRequest,
    action: UsersAction,
    CsrfForm(input): CsrfForm<MemberInput>,
) -> Page {
    let i = input.clone();
    let result = action
        .run(move |conn, c, now| companies::add_member(conn, c, &i.niss, &i.role, now))
        .await;
    let CompanyAction { ctx, user, .. } = action;
    let done = result.map(|change| {
        users_after(match change {
            companies::MemberChange::Added => people::UsersNotice::Added,
            companies::MemberChange::RoleChanged => people::UsersNotice::RoleChanged,
            companies::MemberChange::Unchanged => people::UsersNotice::Unchanged,
        })
    });
    form_answer(done, async |errors| {
        let members = load_members(&req, &user).await?;
        Ok(people::users(
            &ctx,
            &user.ctx,
            &members,
            &input,
            people::UsersMessage::Errors(errors),
        ))
    })
    .await
}

/// A form's answer: to the address the service's success gives; when it found the input
/// invalid, the form's page again with the messages (400, from `again`); any other error
/// goes up.
async fn form_answer(
    done: Result<String, ServiceError>,
    again: impl AsyncFnOnce(&FieldErrors) -> Result<Markup, AppError>,
) -> Page {
    match done {
        Ok(address) => Ok(see_other(&address)),
        Err(ServiceError::Invalid(errors)) => Ok(views::with_status(
            StatusCode::BAD_REQUEST,
            again(&errors).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct RemoveForm {
    niss: String,
    #[serde(default)]
    confirmed: String,
}

async fn remove_user(req: HttpRequest, action: UsersAction, form: CsrfForm<RemoveForm>) -> Page {
    member_action(req, action, form.0, MemberAction::Remove).await
}

/// `POST /company/users/main`: the main access manager hands the role to a member.
async fn hand_over_main(req: HttpRequest, action: UsersAction, form: CsrfForm<RemoveForm>) -> Page {
    member_action(req, action, form.0, MemberAction::HandOverMain).await
}

/// An action on another member: asked first without JavaScript (`confirmed` not `yes`),
/// then done, and the users page says so.
async fn member_action(
    req: HttpRequest,
    action: UsersAction,
    form: RemoveForm,
    what: MemberAction,
) -> Page {
    if !confirm::is_yes(&form.confirmed) {
        return confirm::member(&req, &action, form.niss, what).await;
    }
    let niss = form.niss;
    let result = action
        .run(move |conn, c, _| match what {
            MemberAction::Remove => companies::remove_member(conn, c, &niss),
            MemberAction::HandOverMain => companies::hand_over_main(conn, c, &niss),
        })
        .await;
    let notice = match what {
        MemberAction::Remove => people::UsersNotice::Removed,
        MemberAction::HandOverMain => people::UsersNotice::HandedOver,
    };
    match result {
        Ok(()) => Ok(see_other(&users_after(notice))),
        Err(ServiceError::Refused(refusal)) => Ok(action.refused(refusal)),
        Err(e) => Err(e.into()),
    }
}

async fn providers_page(ctx: Ctx, user: CompanyUser, tenant: Tenant) -> Page {
    if !user.ctx.is_manager() || user.ctx.client.is_some() {
        return Err(AppError::Forbidden);
    }
    let links = providers_of(&user, &tenant).await?;
    Ok(html(people::providers(&ctx, &user.ctx, &links, "", None)))
}

/// The providers the user's company designated.
async fn providers_of(
    user: &CompanyUser,
    tenant: &Tenant,
) -> Result<Vec<companies::ProviderLink>, AppError> {
    let id = user.ctx.company.id;
    on_db(tenant, move |conn| companies::providers_of(conn, id)).await
}

#[derive(Deserialize)]
struct ProviderForm {
    #[serde(default)]
    bce: String,
}

async fn designate_provider(action: CompanyAction, form: CsrfForm<ProviderForm>) -> Page {
    let bce = form.0.bce;
    let b = bce.clone();
    let result = action
        .run(move |conn, c, now| companies::designate_provider(conn, c, &b, now))
        .await;
    let CompanyAction {
        ctx, user, tenant, ..
    } = action;
    let done = result.map(|()| routes::COMPANY_PROVIDERS.to_string());
    form_answer(done, async |errors| {
        let links = providers_of(&user, &tenant).await?;
        Ok(people::providers(
            &ctx,
            &user.ctx,
            &links,
            &bce,
            Some(errors),
        ))
    })
    .await
}

async fn end_provider(action: CompanyAction, asked: ConfirmedPath) -> Page {
    if !asked.yes {
        return confirm::end_provider(&action, asked.id).await;
    }
    let id = asked.id;
    action
        .run(move |conn, c, now| companies::end_provider(conn, c, id, now))
        .await?;
    Ok(see_other(routes::COMPANY_PROVIDERS))
}
