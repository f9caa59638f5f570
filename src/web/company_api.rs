//! API access in the company app: circle of trust, activation, API clients. A company
//! manages its own API access, a social service provider included (acting for no client:
//! its clients then act for each client company that designated it).

use actix_web::{http::StatusCode, web};

use super::{
    auth::see_other,
    company_user::ApiAccess,
    confirm::{self, ConfirmedPath},
    errors::{AppError, Page},
    extract::{CsrfChecked, CsrfForm},
    routes,
    views::{
        self,
        company_api::{self as v, Outcome},
        models::ClientInput,
    },
};
use crate::services::{
    ServiceError,
    api_clients::{self, ApiScope, ValidClient},
    companies::Scope,
    idempotency::{self, Idempotency},
};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::COMPANY_API, web::get().to(page))
        .route(routes::COMPANY_API_CIRCLE, web::post().to(accept_circle))
        .route(
            &routes::company_api_toggle("{scope}", "{state}"),
            web::post().to(toggle),
        )
        .route(routes::COMPANY_API_CLIENTS, web::post().to(create_client))
        .route(
            &routes::company_api_revoke("{id}"),
            web::post().to(revoke_client),
        );
}

impl ApiAccess {
    /// The page, with what the last form did: 400 when it was refused.
    async fn render(&self, outcome: Outcome<'_>) -> Page {
        let (access, clients) = self
            .run(|conn, c, _| {
                let access = api_clients::access(conn, c.company.id)?;
                let clients = api_clients::clients(conn, c)?;
                Ok((access, clients))
            })
            .await?;
        let refused = outcome.refused();
        let page = v::ApiPage {
            access: &access,
            clients: &clients,
            outcome,
            form_key: idempotency::new_form_key(),
        };
        let markup = v::page(&self.ctx, &self.user.ctx, &page);
        Ok(if refused {
            views::with_status(StatusCode::BAD_REQUEST, markup)
        } else {
            views::html(markup)
        })
    }
}

async fn page(api: ApiAccess) -> Page {
    if !api.user.ctx.manages_own_company() {
        return Err(AppError::Forbidden);
    }
    api.render(Outcome::Plain).await
}

async fn accept_circle(api: ApiAccess, _csrf: CsrfChecked) -> Page {
    api.run(api_clients::accept_circle).await?;
    Ok(see_other(routes::COMPANY_API))
}

async fn toggle(api: ApiAccess, path: web::Path<(String, String)>, _csrf: CsrfChecked) -> Page {
    let (scope, state) = path.into_inner();
    let scope = ApiScope::parse(&scope).ok_or(AppError::NotFound)?;
    let on = match state.as_str() {
        "on" => true,
        "off" => false,
        _ => return Err(AppError::NotFound),
    };
    let result = api
        .run(move |conn, c, _| api_clients::set_api(conn, c, scope, on))
        .await;
    match result {
        Ok(()) => Ok(see_other(routes::COMPANY_API)),
        Err(ServiceError::Refused(refusal)) => {
            api.render(Outcome::Refused(refusal.message_key())).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn create_client(api: ApiAccess, CsrfForm(form): CsrfForm<ClientInput>) -> Page {
    let c = &api.user.ctx;
    let client = match ValidClient::try_from(&form.asked()) {
        Ok(client) => client,
        Err(errors) => return api.render(Outcome::Invalid(&errors, &form)).await,
    };
    // The key of the form's display: the same form sent again (a reload of the answer that
    // shows the secret, a second press) finds the client it made.
    let key = Idempotency::web(&form.form_key, c.user.as_str(), &Scope::of(c), &client);
    let result = api
        .run(move |conn, c, now| {
            api_clients::create_client_for(conn, c, &client, key.as_ref(), now)
        })
        .await;
    match result {
        Ok(made) => api.render(Outcome::Made(&made)).await,
        Err(ServiceError::Refused(refusal)) => {
            api.render(Outcome::Refused(refusal.message_key())).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn revoke_client(api: ApiAccess, asked: ConfirmedPath) -> Page {
    if !asked.yes {
        return confirm::revoke_client(&api, asked.id).await;
    }
    let id = asked.id;
    api.run(move |conn, c, now| api_clients::revoke_client(conn, c, id, now))
        .await?;
    Ok(see_other(routes::COMPANY_API))
}
