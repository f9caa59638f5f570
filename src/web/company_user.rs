//! The signed-in company user of a request: membership, terms and provider link checked
//! against the database on every request.
//!
//! [`CompanyUser`] resolves the context in the extractor, a trip to the database of its own.
//! The pages a company lives in (the tabs, the mandate and its consultation) take a
//! [`CompanyAsk`] instead and resolve it on the same connection, in the same trip, as their
//! own queries ([`CompanyAsk::on_db`]): one hop from the async executor to the database's
//! threads per page instead of two, the same checks.

use std::future::Future;
use std::pin::Pin;

use actix_session::SessionExt;
use actix_web::{FromRequest, HttpRequest, HttpResponse, dev::Payload, http::StatusCode};
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

use super::{
    context::{Ctx, HxRequest, SESSION_CLIENT, SESSION_COMPANY, tenant_of},
    errors::{AppError, refusal_status},
    extract::{Person, bundle, on_db},
    routes,
    views::{self, company as v},
};
use crate::{
    db::run_blocking,
    domain::{Actor, Niss},
    services::{
        Refusal, ServiceError,
        companies::{self, ActingFor, CompanyCtx, ContextGap, Scope},
    },
    state::Tenant,
};

/// A signed-in company user with a resolved company context (membership, terms and
/// provider link checked against the database on every request).
pub struct CompanyUser {
    /// The context.
    pub ctx: CompanyCtx,
}

impl CompanyUser {
    /// The scope of the user's requests.
    pub fn scope(&self) -> Scope {
        Scope::of(&self.ctx)
    }
    /// The actor recorded with the user's actions.
    pub fn actor(&self) -> Actor {
        Actor::CompanyUser {
            niss: self.ctx.user.clone(),
        }
    }
}

/// What a signed-in person asks to act as (the company and client chosen in the session),
/// not yet checked: [`CompanyAsk::on_db`] checks it with the page's own queries.
pub struct CompanyAsk {
    niss: Niss,
    chosen: Option<Uuid>,
    client: Option<Uuid>,
    acting: ActingFor,
}

impl CompanyAsk {
    /// The company context, or the page that fills its gap (registration, choice, terms).
    fn resolve(&self, conn: &mut PgConnection) -> Result<CompanyUser, AppError> {
        let resolved =
            companies::resolve_for(conn, &self.niss, self.chosen, self.client, self.acting)?;
        resolved
            .map(|ctx| CompanyUser { ctx })
            .map_err(|gap| AppError::Redirect(gap_page(&gap)))
    }

    /// Resolves the company context and, when it holds, runs `f` with it on the same
    /// connection: the user, and what `f` answered (its refusal included, for the page to
    /// say). A gap in the context is a redirection to the page that fills it.
    pub async fn on_db<T, F>(
        self,
        tenant: &Tenant,
        f: F,
    ) -> Result<(CompanyUser, Result<T, ServiceError>), AppError>
    where
        F: FnOnce(&mut PgConnection, &CompanyUser) -> Result<T, ServiceError> + Send + 'static,
        T: Send + 'static,
    {
        on_db(tenant, move |conn| {
            let user = self.resolve(conn)?;
            let answer = f(conn, &user);
            Ok::<_, AppError>((user, answer))
        })
        .await
    }
}

/// The ask of a request's signed-in person, acting as `acting` says.
fn ask_of(
    req: &HttpRequest,
    payload: &mut Payload,
    acting: ActingFor,
) -> Pin<Box<dyn Future<Output = Result<CompanyAsk, actix_web::Error>>>> {
    let person = Person::from_request(req, payload);
    let req = req.clone();
    Box::pin(async move {
        let person = person.await?;
        let session = req.get_session();
        Ok(CompanyAsk {
            niss: person.niss,
            chosen: session.get::<Uuid>(SESSION_COMPANY).ok().flatten(),
            client: session.get::<Uuid>(SESSION_CLIENT).ok().flatten(),
            acting,
        })
    })
}

/// Resolves the company context of a request's signed-in user, acting as `acting` says,
/// into the extractor `user` makes of it.
fn resolve_user<U: 'static>(
    req: &HttpRequest,
    payload: &mut Payload,
    acting: ActingFor,
    user: fn(CompanyCtx) -> U,
) -> Pin<Box<dyn Future<Output = Result<U, actix_web::Error>>>> {
    let ask = ask_of(req, payload, acting);
    let tenant = tenant_of(req);
    Box::pin(async move {
        let ask = ask.await?;
        let resolved = on_db(&tenant, move |conn| ask.resolve(conn)).await?;
        Ok(user(resolved.ctx))
    })
}

impl FromRequest for CompanyAsk {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        ask_of(req, payload, ActingFor::Principal)
    }
}

impl FromRequest for CompanyUser {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        resolve_user(req, payload, ActingFor::Principal, |ctx| CompanyUser {
            ctx,
        })
    }
}

/// A company user's action: the page context, whether htmx asks, the user (a
/// [`CompanyUser`], or an [`OwnCompanyUser`] on the API access page) and the tenant,
/// extracted in that order.
pub struct CompanyAction<U = CompanyUser> {
    /// The page context.
    pub ctx: Ctx,
    /// Whether htmx asks (a partial answers it).
    pub hx: HxRequest,
    /// The user.
    pub user: U,
    /// The tenant.
    pub tenant: Tenant,
}

impl<U: FromRequest + 'static> FromRequest for CompanyAction<U> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        bundle(req, payload, |(ctx, hx, user, tenant)| CompanyAction {
            ctx,
            hx,
            user,
            tenant,
        })
    }
}

impl<U: AsRef<CompanyCtx>> CompanyAction<U> {
    /// Runs `f` on the database's threads with the user's company context and the time.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut PgConnection, &CompanyCtx, DateTime<Utc>) -> Result<T, ServiceError>
        + Send
        + 'static,
    ) -> Result<T, ServiceError> {
        let (c, now) = (self.user.as_ref().clone(), self.ctx.now);
        run_blocking(self.tenant.pool(), move |conn| f(conn, &c, now)).await
    }
}

impl AsRef<CompanyCtx> for CompanyUser {
    fn as_ref(&self) -> &CompanyCtx {
        &self.ctx
    }
}

impl AsRef<CompanyCtx> for OwnCompanyUser {
    fn as_ref(&self) -> &CompanyCtx {
        &self.ctx
    }
}

/// A signed-in company user acting for their own company, a social service provider
/// included (no client chosen): its API access.
pub struct OwnCompanyUser {
    /// The context (never with a client).
    pub ctx: CompanyCtx,
}

impl FromRequest for OwnCompanyUser {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        resolve_user(req, payload, ActingFor::Own, |ctx| OwnCompanyUser { ctx })
    }
}

fn gap_page(gap: &ContextGap) -> &'static str {
    match gap {
        ContextGap::NoCompany => routes::COMPANY_REGISTER,
        ContextGap::ChooseCompany => routes::COMPANY_SELECT,
        ContextGap::TermsPending => routes::COMPANY_TERMS,
        ContextGap::ChooseClient => routes::COMPANY_CLIENTS,
    }
}

/// A refused action's message, with the refusal's status: the partial for htmx, else a page.
pub fn refused(ctx: &Ctx, hx: HxRequest, c: &CompanyCtx, refusal: Refusal) -> HttpResponse {
    let key = refusal.message_key();
    let body = if hx.0 {
        v::message(ctx, key)
    } else {
        v::message_page(ctx, c, key)
    };
    views::with_status(refusal_status(refusal), body)
}

impl<U: AsRef<CompanyCtx>> CompanyAction<U> {
    /// A refused action's message, as [`refused`] answers it.
    pub fn refused(&self, refusal: Refusal) -> HttpResponse {
        refused(&self.ctx, self.hx, self.user.as_ref(), refusal)
    }
}

/// The answer to a suspended company's action (403): the partial for htmx, else a page.
pub fn suspended(ctx: &Ctx, hx: HxRequest, c: &CompanyCtx) -> HttpResponse {
    let body = if hx.0 {
        v::suspended(ctx, c)
    } else {
        v::suspended_page(ctx, c)
    };
    views::with_status(StatusCode::FORBIDDEN, body)
}

/// The company app's API page and actions: the company's own managers only.
pub type ApiAccess = CompanyAction<OwnCompanyUser>;
