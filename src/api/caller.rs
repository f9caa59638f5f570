//! The [`Caller`] extractor: bearer authentication, the client's rate limit, and the
//! checks and scope every call of the API runs in.

use std::{future::Future, pin::Pin};

use actix_web::{FromRequest, HttpRequest, dev::Payload};
use actix_web_httpauth::extractors::bearer::BearerAuth;
use chrono::{DateTime, Utc};
use diesel::PgConnection;

use super::problem::{Code, Problem};
use crate::{
    db::run_blocking,
    domain::{Actor, Bce},
    limits::Hit,
    services::{
        ServiceError,
        api_clients::{self, ApiCaller, ApiScope, BearerError},
        companies::Scope,
    },
    state::{AppState, Tenant},
    web::context::{state, tenant_of},
};

/// An authenticated client (bearer token), within its rate limit.
pub struct Caller {
    /// Who.
    pub caller: ApiCaller,
    /// The application state.
    pub state: AppState,
    /// The tenant the call is for (by its host): its database and clock.
    pub tenant: Tenant,
}

impl FromRequest for Caller {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let bearer = BearerAuth::from_request(req, &mut Payload::None).into_inner();
        let st = state(req).clone();
        let tenant = tenant_of(req);
        Box::pin(async move {
            let token = bearer
                .map_err(|_| Problem::new(Code::Unauthorized))?
                .token()
                .to_string();
            let now = tenant.now();
            let limit = st.api_limiter;
            // Authentication and the client's limit (counted in the database, shared by
            // every server) on one connection.
            let (authenticated, hit) = run_blocking(tenant.pool(), move |conn| {
                let authenticated = api_clients::authenticate(conn, &token, now)?;
                let hit = match &authenticated {
                    Ok(caller) => Some(limit.hit(conn, &caller.client_id.to_string())?),
                    Err(_) => None,
                };
                Ok::<_, ServiceError>((authenticated, hit))
            })
            .await
            .map_err(Problem::from)?;
            let caller = authenticated.map_err(|e| match e {
                BearerError::Unauthorized => Problem::new(Code::Unauthorized),
                BearerError::Suspended => Problem::new(Code::CompanySuspended),
            })?;
            if let Some(Hit::Refused(wait)) = hit {
                return Err(Problem::new(Code::RateLimited).retry_after(wait).into());
            }
            Ok(Caller {
                caller,
                state: st,
                tenant,
            })
        })
    }
}

impl Caller {
    /// The token has `scope`, and the company activated its API.
    pub fn require(&self, scope: ApiScope) -> Result<(), Problem> {
        if !self.caller.scopes.contains(&scope) {
            return Err(Problem::new(Code::InsufficientScope));
        }
        if !self.caller.access.allows(scope) {
            return Err(Problem::new(Code::ApiNotActivated));
        }
        Ok(())
    }

    /// The client, as recorded in the audit.
    pub fn actor(&self) -> Actor {
        Actor::ApiClient {
            client_id: self.caller.client_id,
        }
    }

    /// Now, by the tenant's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.tenant.now()
    }

    /// Runs `f` on a pooled connection, off the async executor.
    pub async fn run<T, F>(&self, f: F) -> Result<T, Problem>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, ServiceError> + Send + 'static,
        T: Send + 'static,
    {
        Ok(run_blocking(self.tenant.pool(), f).await?)
    }

    /// Runs `f` in the scope the client acts in: its company, or the client company whose
    /// enterprise number is `on_behalf_of` (see [`api_clients::scope_for`]).
    pub async fn in_scope<T, F>(&self, on_behalf_of: Option<&str>, f: F) -> Result<T, Problem>
    where
        F: FnOnce(&mut PgConnection, &Scope) -> Result<T, ServiceError> + Send + 'static,
        T: Send + 'static,
    {
        let on_behalf_of = match on_behalf_of.map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(bce) => Some(Bce::parse(bce).map_err(|_| {
                Problem::field(Code::InvalidBce, "onBehalfOf", "api-error-invalid-bce")
            })?),
        };
        let caller = self.caller.clone();
        self.run(move |conn| {
            let scope = api_clients::scope_for(conn, &caller, on_behalf_of.as_ref())?;
            f(conn, &scope)
        })
        .await
    }
}
