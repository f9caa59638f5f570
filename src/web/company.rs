//! The company app: registration, terms, company and client choice, access requests and
//! the three live tabs (its users and providers: [`super::company_people`]).

use actix_session::{Session, SessionExt};
use actix_web::{HttpRequest, HttpResponse, http::StatusCode, web};
use serde::Deserialize;
use uuid::Uuid;

use super::{
    auth::see_other,
    company_user::{CompanyAction, CompanyAsk, CompanyUser, suspended},
    confirm::{self, ConfirmedPath},
    context::{Ctx, HxRequest, SESSION_CLIENT, SESSION_COMPANY},
    errors::{AppError, Page, refusal_status},
    extract::{CsrfChecked, CsrfForm, Person, bundled_extractor, on_db},
    routes,
    views::html,
    views::{self, company as v, company_people as people, models::TabData},
};
use crate::{
    db::run_blocking,
    domain::{Email, status::Tab},
    services::{
        FieldErrors, Refusal, ServiceError,
        companies::{self, RegistrationInput},
        idempotency::{self, Idempotency},
        requests::{self, NewLinkFor, PageAt, RequestInput, RowKey, Scope, TabAsk, ValidRequest},
    },
    state::Tenant,
};

/// Rows per page in the tabs.
pub const PAGE_SIZE: i64 = 20;

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::COMPANY, web::get().to(dashboard))
        .route(routes::COMPANY_REGISTER, web::get().to(register_page))
        .route(routes::COMPANY_REGISTER, web::post().to(register))
        .route(routes::COMPANY_SELECT, web::get().to(select_page))
        .route(routes::COMPANY_SELECT, web::post().to(select))
        .route(routes::COMPANY_TERMS, web::get().to(terms_page))
        .route(routes::COMPANY_TERMS, web::post().to(accept_terms))
        .route(routes::COMPANY_CLIENTS, web::get().to(clients_page))
        .route(routes::COMPANY_CLIENTS, web::post().to(choose_client))
        .route(routes::COMPANY_REQUEST_NEW, web::get().to(new_request_page))
        .route(routes::COMPANY_REQUESTS, web::post().to(create_request))
        .route(&routes::request_withdraw("{id}"), web::post().to(withdraw))
        .route(&routes::request_new_link("{id}"), web::post().to(new_link))
        .route(&routes::request_progress("{id}"), web::get().to(progress))
        .route(&routes::company_tab("{tab}"), web::get().to(show_tab));
}

/// A tab's query: its search and page; on the dashboard, the tab too.
#[derive(Deserialize)]
struct TabQuery {
    /// The dashboard's tab (`?tab=active`; the Requested tab by default).
    tab: Option<String>,
    q: Option<String>,
    page: Option<i64>,
    /// The key of the row the page follows (the next page).
    after: Option<String>,
    /// The key of the row the page precedes (the previous page).
    before: Option<String>,
}

impl TabQuery {
    /// Where the page starts, with its number: after or before a row when a key is given
    /// (one that does not read as a key is ignored), else by its number.
    fn page(&self) -> (i64, PageAt) {
        let key = |k: &Option<String>| k.as_deref().and_then(RowKey::parse);
        let number = self.page.unwrap_or(1);
        let at = match (key(&self.after), key(&self.before)) {
            (Some(after), _) => PageAt::After(after),
            (None, Some(before)) => PageAt::Before(before),
            (None, None) => PageAt::Number(number),
        };
        (number, at)
    }
}

/// One tab's page: its rows, the three badges' counts (one statement), the search.
fn tab_data(
    conn: &mut diesel::PgConnection,
    scope: &Scope,
    tab: Tab,
    search: Option<String>,
    (number, at): (i64, PageAt),
    now: chrono::DateTime<chrono::Utc>,
) -> Result<TabData, ServiceError> {
    let ask = TabAsk {
        tab,
        search: search.as_deref(),
        number,
        at,
        page_size: PAGE_SIZE,
    };
    let (counts, page) = requests::tab_page(conn, scope, &ask, now)?;
    Ok(TabData {
        tab,
        page,
        at,
        counts,
        search: search.unwrap_or_default(),
        form_key: idempotency::new_form_key(),
    })
}

/// The first page of a tab, without a search.
async fn first_page(
    tenant: &Tenant,
    scope: Scope,
    tab: Tab,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<TabData, AppError> {
    let first = (1, PageAt::Number(1));
    on_db(tenant, move |conn| {
        tab_data(conn, &scope, tab, None, first, now)
    })
    .await
}

/// The company context and one tab's page, in one trip to the database.
async fn user_and_tab(
    ask: CompanyAsk,
    tenant: &Tenant,
    tab: Tab,
    search: Option<String>,
    page: (i64, PageAt),
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(CompanyUser, TabData), AppError> {
    let (user, data) = ask
        .on_db(tenant, move |conn, user| {
            tab_data(conn, &user.scope(), tab, search, page, now)
        })
        .await?;
    Ok((user, data?))
}

/// Asks htmx (`HX-Trigger`) to refresh the tabs at once.
fn refresh_tabs(mut res: HttpResponse) -> HttpResponse {
    res.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("hx-trigger"),
        actix_web::http::header::HeaderValue::from_static(routes::EVENT_REFRESH_TABS),
    );
    res
}

/// The dashboard, showing the tab, search and page its address names (`?tab=active&q=…`);
/// to an htmx request for the tabs' panel (the tab links, the search, the pagination and
/// the panel's own refresh), the panel alone.
async fn dashboard(
    ctx: Ctx,
    req: HttpRequest,
    ask: CompanyAsk,
    tenant: Tenant,
    query: web::Query<TabQuery>,
) -> Page {
    let query = query.into_inner();
    let tab = query
        .tab
        .as_deref()
        .and_then(routes::tab_of_segment)
        .unwrap_or(Tab::Requested);
    let page = query.page();
    let (user, data) = user_and_tab(ask, &tenant, tab, query.q, page, ctx.now).await?;
    if HxRequest::targets(&req, routes::TAB_PANEL) {
        return Ok(html(v::tab_panel_with_counts(&ctx, &data)));
    }
    Ok(html(v::dashboard(
        &ctx,
        &user.ctx,
        &RequestInput::new_form("", ""),
        None,
        &data,
    )))
}

/// A tab as a page of its own (`/company/tabs/active?q=…`); to htmx, its panel.
async fn show_tab(
    ctx: Ctx,
    hx: HxRequest,
    ask: CompanyAsk,
    tenant: Tenant,
    name: web::Path<String>,
    query: web::Query<TabQuery>,
) -> Page {
    let tab = routes::tab_of_segment(&name).ok_or(AppError::NotFound)?;
    let query = query.into_inner();
    let page = query.page();
    let (user, data) = user_and_tab(ask, &tenant, tab, query.q, page, ctx.now).await?;
    Ok(html(if hx.0 {
        v::tab_panel_with_counts(&ctx, &data)
    } else {
        v::tab_page(&ctx, &user.ctx, &data)
    }))
}

/// The stage a look at a request's status showed before (`?shown=`).
#[derive(Deserialize)]
struct Shown {
    shown: Option<String>,
}

/// `GET /company/requests/{id}/progress`: where a request of the user's scope stands (a
/// fragment that htmx polls under a request just made; a page without JavaScript). 404 for
/// a request of anybody else. When it moved on since the look before, the tabs refresh at
/// once too (the Requested tab's row would otherwise still say it waits).
async fn progress(
    ctx: Ctx,
    hx: HxRequest,
    ask: CompanyAsk,
    tenant: Tenant,
    id: web::Path<Uuid>,
    shown: web::Query<Shown>,
) -> Page {
    let id = id.into_inner();
    let (user, request) = ask
        .on_db(&tenant, move |conn, user| {
            requests::find_in_scope(conn, &user.scope(), id)
        })
        .await?;
    let request = request?;
    if !hx.0 {
        return Ok(html(v::progress_page(&ctx, &user.ctx, &request)));
    }
    let fragment = html(views::company_progress::progress(&ctx, &request));
    let stage = views::company_progress::Stage::of(&request, ctx.now);
    let moved = shown.shown.as_deref() != Some(stage.as_str());
    Ok(if moved {
        refresh_tabs(fragment)
    } else {
        fragment
    })
}

async fn new_request_page(ctx: Ctx, user: CompanyUser) -> HttpResponse {
    let input = RequestInput::new_form(ctx.lang.code(), "");
    html(v::new_request_page(&ctx, &user.ctx, &input, None, None))
}

/// The request form as sent: the request, and the address the user chose when the form
/// asked whether the one typed was mistyped.
#[derive(Deserialize)]
struct RequestForm {
    #[serde(flatten)]
    input: RequestInput,
    #[serde(default)]
    email_confirmed: String,
}

async fn create_request(
    CompanyAction {
        ctx,
        hx,
        user,
        tenant,
    }: CompanyAction,
    CsrfForm(RequestForm {
        mut input,
        email_confirmed,
    }): CsrfForm<RequestForm>,
) -> Page {
    // The address the user chose when the form asked (the suggested one, or as typed).
    if !email_confirmed.trim().is_empty() {
        input.email = email_confirmed.trim().to_string();
    }
    // The form again with its messages, or its question, the input kept.
    let again = |status: StatusCode, errors: Option<&FieldErrors>, suggested: Option<&Email>| {
        let body = if hx.0 {
            v::request_form_asking(&ctx, &input, errors, suggested)
        } else {
            v::new_request_page(&ctx, &user.ctx, &input, errors, suggested)
        };
        views::with_status(status, body)
    };
    let valid = match ValidRequest::try_from(&input) {
        Ok(valid) => valid,
        Err(errors) => return Ok(again(StatusCode::BAD_REQUEST, Some(&errors), None)),
    };
    // A well-known provider's domain one typo away: asked before anything is sent, unless
    // the user chose this address when asked.
    let confirmed = Email::parse(&email_confirmed).ok();
    if let Some(email) = &valid.email
        && confirmed.as_ref() != Some(email)
        && let Some(suggested) = email.suggestion()
    {
        return Ok(again(StatusCode::OK, None, Some(&suggested)));
    }
    let (scope, actor, now) = (user.scope(), user.actor(), ctx.now);
    let urls = routes::citizen_urls(&ctx.settings, tenant.site());
    // The form's key: the same form sent twice (a double click, a reload) makes one
    // request, and the second answer shows the first one's result.
    let key = Idempotency::web(&input.form_key, user.ctx.user.as_str(), &scope, &valid);
    let result = run_blocking(tenant.pool(), move |conn| {
        requests::create(conn, &scope, &actor, &valid, &urls, key.as_ref(), now)
    })
    .await;
    match result {
        Ok(created) => {
            if !created.replayed {
                tracing::info!(request = %created.id, "access request created");
            }
            let fresh = RequestInput::new_form(&input.language, &input.context);
            let body = if hx.0 {
                v::created(&ctx, &created, &fresh)
            } else {
                v::created_page(&ctx, &user.ctx, &created, &fresh)
            };
            Ok(refresh_tabs(html(body)))
        }
        Err(ServiceError::Refused(Refusal::CompanySuspended)) => Ok(suspended(&ctx, hx, &user.ctx)),
        Err(ServiceError::Refused(refusal @ Refusal::BlockedByCitizen)) => {
            let errors = FieldErrors::from([("niss", refusal.message_key())]);
            Ok(again(refusal_status(refusal), Some(&errors), None))
        }
        Err(e) => Err(e.into()),
    }
}

async fn withdraw(action: CompanyAction, asked: ConfirmedPath) -> Page {
    if !asked.yes {
        return confirm::withdraw(&action, asked.id).await;
    }
    let (scope, actor, id) = (action.user.scope(), action.user.actor(), asked.id);
    let result = action
        .run(move |conn, _, now| requests::withdraw(conn, &scope, &actor, id, now))
        .await;
    let CompanyAction {
        ctx,
        hx,
        user,
        tenant,
    } = &action;
    match result {
        Ok(_) => {
            if hx.0 {
                // The Requested tab's first page, at its address.
                let data = first_page(tenant, user.scope(), Tab::Requested, ctx.now).await?;
                let mut res = refresh_tabs(html(v::tab_panel_with_counts(ctx, &data)));
                res.headers_mut().insert(
                    actix_web::http::header::HeaderName::from_static("hx-replace-url"),
                    actix_web::http::header::HeaderValue::from_str(&routes::company_dashboard_tab(
                        Tab::Requested,
                    ))
                    .map_err(|e| AppError::Internal(e.into()))?,
                );
                Ok(res)
            } else {
                Ok(see_other(&routes::company_dashboard_tab(Tab::Requested)))
            }
        }
        Err(ServiceError::Refused(refusal)) => Ok(action.refused(refusal)),
        Err(e) => Err(e.into()),
    }
}

/// The new-link button's form: the key of the display it was on.
#[derive(Deserialize)]
struct NewLinkForm {
    #[serde(default)]
    form_key: String,
}

/// `POST /company/requests/{id}/link`: a new link for a pending request nobody opened yet
/// (the previous one stops working; the e-mail goes again), shown with its QR code.
async fn new_link(
    action: CompanyAction,
    id: web::Path<Uuid>,
    CsrfForm(form): CsrfForm<NewLinkForm>,
) -> Page {
    let (scope, actor, id) = (action.user.scope(), action.user.actor(), id.into_inner());
    let urls = routes::citizen_urls(&action.ctx.settings, action.tenant.site());
    let key = Idempotency::web(
        &form.form_key,
        action.user.ctx.user.as_str(),
        &scope,
        &NewLinkFor(id),
    );
    let result = action
        .run(move |conn, _, now| {
            requests::new_link(conn, &scope, &actor, id, &urls, key.as_ref(), now)
        })
        .await;
    match result {
        Ok(created) => {
            if !created.replayed {
                tracing::info!(request = %created.id, "new link for an access request");
            }
            Ok(html(v::new_link_page(
                &action.ctx,
                &action.user.ctx,
                &created,
            )))
        }
        Err(ServiceError::Refused(refusal)) => Ok(action.refused(refusal)),
        Err(e) => Err(e.into()),
    }
}

async fn register_page(ctx: Ctx, _person: Person) -> HttpResponse {
    html(people::register(&ctx, &RegistrationInput::default(), None))
}

async fn register(
    Onboarding {
        req,
        ctx,
        person,
        tenant,
    }: Onboarding,
    CsrfForm(input): CsrfForm<RegistrationInput>,
) -> Page {
    let (niss, now, input2) = (person.niss.clone(), ctx.now, input.clone());
    let result = run_blocking(tenant.pool(), move |conn| {
        companies::register(conn, &niss, &input2, now)
    })
    .await;
    match result {
        Ok(id) => {
            choose_company(&req, id)?;
            Ok(see_other(routes::COMPANY_TERMS))
        }
        Err(ServiceError::Invalid(errors)) => Ok(views::with_status(
            StatusCode::BAD_REQUEST,
            people::register(&ctx, &input, Some(&errors)),
        )),
        Err(e) => Err(e.into()),
    }
}

async fn select_page(ctx: Ctx, person: Person, tenant: Tenant) -> Page {
    let niss = person.niss.clone();
    let memberships = on_db(&tenant, move |conn| companies::memberships(conn, &niss)).await?;
    Ok(html(people::select(&ctx, &memberships)))
}

#[derive(Deserialize)]
struct SelectForm {
    company_id: Uuid,
}

async fn select(
    Onboarding {
        req,
        person,
        tenant,
        ..
    }: Onboarding,
    form: CsrfForm<SelectForm>,
) -> Page {
    let (niss, id) = (person.niss.clone(), form.0.company_id);
    let member = on_db(&tenant, move |conn| {
        companies::memberships(conn, &niss).map(|ms| ms.iter().any(|m| m.company.id == id))
    })
    .await?;
    if !member {
        return Err(AppError::NotFound);
    }
    choose_company(&req, id)?;
    Ok(see_other(routes::COMPANY))
}

bundled_extractor! {
    /// A signed-in person's step before the full company context (registration, company
    /// choice, terms, client choice): the request (its session holds the choices), the
    /// page context, the person and the tenant.
    struct Onboarding {
        req: HttpRequest,
        ctx: Ctx,
        person: Person,
        tenant: Tenant,
    }
}

impl Onboarding {
    /// The membership the session chose (or the only one).
    async fn chosen_membership(&self) -> Result<companies::Membership, AppError> {
        let chosen = self
            .req
            .get_session()
            .get::<Uuid>(SESSION_COMPANY)
            .ok()
            .flatten();
        let niss = self.person.niss.clone();
        let memberships = on_db(&self.tenant, move |conn| {
            companies::memberships(conn, &niss)
        })
        .await?;
        let found = match chosen {
            Some(id) => memberships.into_iter().find(|m| m.company.id == id),
            None if memberships.len() == 1 => memberships.into_iter().next(),
            None => None,
        };
        found.ok_or(AppError::Redirect(routes::COMPANY_SELECT))
    }
}

/// Puts `id` under `key` in a renewed session: a change of what the person acts as gets a
/// new session id.
fn renew_choosing(req: &HttpRequest, key: &str, id: Uuid) -> Result<Session, AppError> {
    let session = req.get_session();
    session.renew();
    session
        .insert(key, id)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))?;
    Ok(session)
}

/// Remembers the company chosen in the session (and forgets the client chosen for another).
fn choose_company(req: &HttpRequest, id: Uuid) -> Result<(), AppError> {
    renew_choosing(req, SESSION_COMPANY, id)?.remove(SESSION_CLIENT);
    Ok(())
}

async fn terms_page(onboarding: Onboarding) -> Page {
    let membership = onboarding.chosen_membership().await?;
    Ok(html(people::terms(&onboarding.ctx, &membership)))
}

async fn accept_terms(onboarding: Onboarding, _csrf: CsrfChecked) -> Page {
    let membership = onboarding.chosen_membership().await?;
    let Onboarding {
        ctx,
        person,
        tenant,
        ..
    } = onboarding;
    let (id, niss, now) = (membership.company.id, person.niss, ctx.now);
    on_db(&tenant, move |conn| {
        companies::accept_terms(conn, id, &niss, now)
    })
    .await?;
    Ok(see_other(routes::COMPANY))
}

async fn clients_page(onboarding: Onboarding) -> Page {
    let membership = onboarding.chosen_membership().await?;
    if membership.company.kind != crate::domain::CompanyKind::Provider {
        return Ok(see_other(routes::COMPANY));
    }
    let provider_id = membership.company.id;
    let clients = on_db(&onboarding.tenant, move |conn| {
        companies::clients_of(conn, provider_id)
    })
    .await?;
    Ok(html(people::clients(
        &onboarding.ctx,
        &membership,
        &clients,
    )))
}

#[derive(Deserialize)]
struct ClientForm {
    client_id: Uuid,
}

async fn choose_client(onboarding: Onboarding, form: CsrfForm<ClientForm>) -> Page {
    let membership = onboarding.chosen_membership().await?;
    let (provider_id, client_id) = (membership.company.id, form.0.client_id);
    let ok = on_db(&onboarding.tenant, move |conn| {
        companies::clients_of(conn, provider_id).map(|cs| cs.iter().any(|c| c.id == client_id))
    })
    .await?;
    if !ok {
        return Err(AppError::NotFound);
    }
    renew_choosing(&onboarding.req, SESSION_CLIENT, client_id)?;
    Ok(see_other(routes::COMPANY))
}
