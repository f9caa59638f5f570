//! The confirmation step of the company app's destructive actions (withdraw a request,
//! remove a user, end a provider's designation, revoke an API client). With JavaScript,
//! the form's `data-confirm` dialog asks and the form then says `confirmed=yes`; without,
//! the same POST without `confirmed=yes` answers a confirmation page naming what the
//! action acts on, after the same checks as the action (not found outside the user's
//! scope, refused when the action would be), and changes nothing.

use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use futures_util::future::LocalBoxFuture;
use serde::Deserialize;
use uuid::Uuid;

use super::{
    company_user::{ApiAccess, CompanyAction, OwnCompanyUser},
    context::state,
    errors::Page,
    extract::{CsrfForm, bundle, on_db},
    routes,
    views::{
        confirm::{Confirmation, confirm_page, request_named},
        html,
    },
};
use crate::{
    db::run_blocking,
    domain::status::Tab,
    services::{
        ServiceError, api_clients,
        companies::{self, CompanyCtx},
        requests,
    },
};

/// The confirmation flag of a destructive action's form.
#[derive(Deserialize)]
pub struct Confirmed {
    /// `yes` once the user confirmed (the dialog, or the confirmation page).
    #[serde(default)]
    pub confirmed: String,
}

impl Confirmed {
    /// Whether the user confirmed.
    pub fn yes(&self) -> bool {
        is_yes(&self.confirmed)
    }
}

/// Whether a form's `confirmed` field says the user confirmed.
pub fn is_yes(confirmed: &str) -> bool {
    confirmed == "yes"
}

/// What a destructive action acts on (the id of its path) and whether the user confirmed
/// it (the form's `confirmed`, its CSRF token checked), extracted in that order.
pub struct ConfirmedPath {
    /// The id of the path.
    pub id: Uuid,
    /// Whether the user confirmed.
    pub yes: bool,
}

impl FromRequest for ConfirmedPath {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        bundle(
            req,
            payload,
            |(id, form): (web::Path<Uuid>, CsrfForm<Confirmed>)| ConfirmedPath {
                id: id.into_inner(),
                yes: form.0.yes(),
            },
        )
    }
}

/// A service's answer to the confirmation: the page, or the refusal the action would
/// have met.
fn answer<T, U: AsRef<CompanyCtx>>(
    action: &CompanyAction<U>,
    result: Result<T, ServiceError>,
    confirmation: impl FnOnce(T) -> Confirmation,
) -> Page {
    match result {
        Ok(object) => Ok(html(confirm_page(
            &action.ctx,
            action.user.as_ref(),
            &confirmation(object),
        ))),
        Err(ServiceError::Refused(refusal)) => Ok(action.refused(refusal)),
        Err(e) => Err(e.into()),
    }
}

/// "Withdraw this request?", naming the request.
pub async fn withdraw(action: &CompanyAction, id: Uuid) -> Page {
    let CompanyAction { ctx, user, .. } = action;
    let (scope, now) = (user.scope(), ctx.now);
    let result = run_blocking(action.tenant.pool(), move |conn| {
        requests::withdrawable(conn, &scope, id, now)
    })
    .await;
    answer(action, result, |r| Confirmation {
        title_key: "withdraw-title",
        text_key: "withdraw-text",
        yes_key: "withdraw-yes",
        object: request_named(ctx, r.label.as_deref(), r.email.as_deref(), r.created_at),
        action: routes::request_withdraw(id),
        fields: Vec::new(),
        back: routes::company_dashboard_tab(Tab::Requested),
    })
}

/// An action on another member of the user's company, asked before it is done.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum MemberAction {
    /// Remove the member.
    Remove,
    /// Hand them the main access manager's role.
    HandOverMain,
}

impl MemberAction {
    /// The address its form posts to.
    pub fn path(self) -> &'static str {
        match self {
            Self::Remove => routes::COMPANY_USERS_REMOVE,
            Self::HandOverMain => routes::COMPANY_USERS_MAIN,
        }
    }
}

/// "Remove this user?" or "Hand over the main access manager's role?", naming the
/// member, after the action's own checks.
pub async fn member(
    req: &HttpRequest,
    action: &CompanyAction<OwnCompanyUser>,
    niss: String,
    what: MemberAction,
) -> Page {
    let (c, sources) = (action.user.ctx.clone(), state(req).sources.clone());
    let result = run_blocking(action.tenant.pool(), move |conn| match what {
        MemberAction::Remove => companies::member_to_remove(conn, sources.as_ref(), &c, &niss),
        MemberAction::HandOverMain => companies::successor(conn, sources.as_ref(), &c, &niss),
    })
    .await;
    let (title_key, text_key, yes_key) = match what {
        MemberAction::Remove => ("remove-title", "remove-text", "remove-yes"),
        MemberAction::HandOverMain => (
            "users-main-confirm-title",
            "users-main-confirm-text",
            "users-main-confirm-yes",
        ),
    };
    answer(action, result, |m| Confirmation {
        title_key,
        text_key,
        yes_key,
        object: match &m.name {
            Some(name) => format!("{name} ({})", m.niss.formatted()),
            None => m.niss.formatted(),
        },
        action: what.path().to_string(),
        fields: vec![("niss", m.niss.as_str().to_string())],
        back: routes::COMPANY_USERS.to_string(),
    })
}

/// "End this provider's designation?", naming the provider.
pub async fn end_provider(action: &CompanyAction, id: Uuid) -> Page {
    let c = action.user.ctx.clone();
    let result = run_blocking(action.tenant.pool(), move |conn| {
        companies::provider_link(conn, &c, id)
    })
    .await;
    answer(action, result, |l| Confirmation {
        title_key: "providers-end-title",
        text_key: "providers-end-text",
        yes_key: "providers-end-yes",
        object: format!("{} ({})", l.provider.name, l.provider.bce_formatted()),
        action: routes::provider_end(id),
        fields: Vec::new(),
        back: routes::COMPANY_PROVIDERS.to_string(),
    })
}

/// "Revoke this API client?", naming the client.
pub async fn revoke_client(api: &ApiAccess, id: Uuid) -> Page {
    let ApiAccess {
        ctx, user, tenant, ..
    } = api;
    let c = user.ctx.clone();
    let client = on_db(tenant, move |conn| api_clients::active_client(conn, &c, id)).await?;
    let confirmation = Confirmation {
        title_key: "api-client-revoke-title",
        text_key: "api-client-revoke-text",
        yes_key: "api-client-revoke-yes",
        object: format!("{} (client_id {})", client.name, client.id),
        action: routes::company_api_revoke(id),
        fields: Vec::new(),
        back: routes::COMPANY_API.to_string(),
    };
    Ok(html(confirm_page(ctx, &user.ctx, &confirmation)))
}
