//! Sign-in and sign-out: the demo identity provider (a form), the OpenID Connect provider
//! (redirect, callback, sign-out at the provider), "sign out everywhere".
//!
//! The session id is renewed at every sign-in; sign-out deletes the session's row at once.
//! A form's POST never redirects to the provider (the CSP's `form-action 'self'` would stop
//! the browser): the provider is reached by a link, or by the page that says the local
//! sign-out is done and refreshes to the provider's end-session URL.

use actix_session::SessionExt;
use actix_web::{HttpRequest, HttpResponse, http::StatusCode, http::header, web};
use serde::Deserialize;

use super::{
    context::{
        Ctx, SESSION_AFTER_SIGN_OUT, SESSION_ID_TOKEN, SESSION_KEPT_ALIVE, SESSION_OIDC_PENDING,
        state, tenant_of,
    },
    errors::{AppError, Page},
    extract::{CsrfChecked, FormWithToken, end_session, establish_session, on_db, principal_of},
    routes, views,
};
use crate::{
    auth::{
        Principal, SignInError, SignInMethod,
        oidc::{OidcError, PendingSignIn, check_state},
    },
    db::run_blocking,
    domain::{FreeText, Niss},
    services::citizen,
    state::Tenant,
};

/// Longest first or last name taken from an ID token, in characters.
const NAME_CLAIM_MAX: usize = 200;

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::SIGN_IN, web::get().to(sign_in_page))
        .route(routes::SIGN_IN_DEMO, web::post().to(sign_in_demo))
        .route(routes::SIGN_IN_OIDC, web::get().to(sign_in_oidc))
        .route(routes::SIGN_IN_OIDC_CALLBACK, web::get().to(oidc_callback))
        .route(routes::SIGN_OUT, web::post().to(sign_out))
        .route(
            routes::SIGN_OUT_EVERYWHERE,
            web::post().to(sign_out_everywhere),
        )
        .route(routes::SIGNED_OUT, web::get().to(signed_out))
        .route(routes::SESSION_KEEP_ALIVE, web::post().to(keep_alive));
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
    again: Option<String>,
    /// Sent here by a form whose session had ended ([`routes::sign_in_after_form`]).
    unsent: Option<String>,
}

async fn sign_in_page(
    req: HttpRequest,
    ctx: Ctx,
    tenant: Tenant,
    query: web::Query<NextQuery>,
) -> Page {
    let next = routes::after_sign_in(query.next.as_deref()).to_string();
    let again = query.again.is_some() && ctx.principal.is_some();
    let unsent = query.unsent.is_some() && ctx.principal.is_none();
    let page = Shown {
        again,
        unsent,
        typed: "",
        error: None,
    };
    render_sign_in(&req, &ctx, tenant, &next, page, StatusCode::OK).await
}

/// What the sign-in page says besides its ways to sign in.
struct Shown<'a> {
    /// The signed-in person must authenticate again.
    again: bool,
    /// A form was sent after its session had ended: it was not recorded.
    unsent: bool,
    /// The NISS typed (demo sign-in).
    typed: &'a str,
    /// The message key of an error.
    error: Option<&'a str>,
}

async fn render_sign_in(
    req: &HttpRequest,
    ctx: &Ctx,
    tenant: Tenant,
    next: &str,
    shown: Shown<'_>,
    status: StatusCode,
) -> Page {
    let Shown {
        again,
        unsent,
        typed,
        error,
    } = shown;
    // The request behind a link opened in this session, when the sign-in leads to its
    // page: the page says who asks and for what.
    let link = routes::citizen_request_id(next)
        .filter(|_| !again)
        .and_then(|id| super::extract::opened_link(req, id));
    let idp = tenant.demo_idp();
    let (personas, waiting) = if idp.is_none() && link.is_none() {
        (None, None)
    } else {
        let (sources, now) = (state(req).sources.clone(), ctx.now);
        on_db(&tenant, move |conn| {
            let personas = match idp {
                Some(idp) => Some(idp.personas(conn, sources.as_ref())?),
                None => None,
            };
            let waiting = match &link {
                Some(opened) => citizen::link_preview(conn, opened, now)?,
                None => None,
            };
            Ok::<_, diesel::result::Error>((personas, waiting))
        })
        .await?
    };
    let page = views::auth::SignInPage {
        next,
        again,
        unsent,
        waiting: waiting.as_ref(),
        official_host: crate::mail::request::host_of(&tenant.site().public_url_citizen),
        oidc: oidc_of(req).is_some(),
        personas: personas.as_ref(),
        typed,
        error,
    };
    Ok(views::with_status(status, views::auth::sign_in(ctx, &page)))
}

/// `POST /session/keep-alive`: "Stay signed in" on the warning a page shows before its
/// session ends for lack of use, or activity in a page (typing) that sent nothing yet: the
/// session's idle time starts again (its absolute lifetime does not move). 204; 410 when
/// the session has already ended (the page then says so).
async fn keep_alive(req: HttpRequest, ctx: Ctx, _csrf: CsrfChecked) -> Page {
    if ctx.principal.is_none() {
        return Ok(HttpResponse::Gone().finish());
    }
    // A changed value: the store writes the session, and its last use with it.
    let now = tenant_of(&req).session_now().timestamp_millis();
    req.get_session()
        .insert(SESSION_KEPT_ALIVE, now)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
struct DemoPersonForm {
    niss: String,
    next: Option<String>,
}

async fn sign_in_demo(
    req: HttpRequest,
    ctx: Ctx,
    tenant: Tenant,
    FormWithToken { form, token_holds }: FormWithToken<DemoPersonForm>,
) -> Page {
    let idp = tenant.demo_idp().ok_or(AppError::NotFound)?;
    let next = routes::after_sign_in(form.next.as_deref()).to_string();
    if !token_holds {
        // Nobody is signed in by a form whose token does not hold. Its session is gone (a
        // second press after the first renewed it, a page left open) or it came from
        // elsewhere: the person it names signed in already goes on to where it led; else
        // the page again, to choose (with a token that holds).
        tracing::info!("demo sign-in with a token that does not hold: nobody signed in");
        let asked = Niss::parse(&form.niss).ok();
        if principal_of(&req).is_some_and(|p| Some(&p.niss) == asked.as_ref()) {
            return Ok(see_other(&next));
        }
        let shown = Shown {
            again: false,
            unsent: false,
            typed: "",
            error: Some("sign-in-stale"),
        };
        return render_sign_in(&req, &ctx, tenant, &next, shown, StatusCode::FORBIDDEN).await;
    }
    let refusal = match Niss::parse(&form.niss) {
        Err(e) => e.message_key(),
        Ok(niss) => {
            let sources = state(&req).sources.clone();
            // Authentication ages are the server's time, also in a demo tenant whose clock
            // moved.
            let now = tenant.session_now();
            let result = run_blocking(tenant.pool(), move |conn| {
                idp.person(conn, sources.as_ref(), &niss, now)
            })
            .await;
            match result {
                Ok(principal) => {
                    establish_session(&req, &principal, None)?;
                    tracing::info!(method = "demo", "person signed in");
                    return Ok(see_other(&next));
                }
                Err(SignInError::UnknownPerson) => "sign-in-unknown-person",
                Err(e) => return Err(e.into()),
            }
        }
    };
    let shown = Shown {
        again: false,
        unsent: false,
        typed: &form.niss,
        error: Some(refusal),
    };
    render_sign_in(&req, &ctx, tenant, &next, shown, StatusCode::BAD_REQUEST).await
}

/// The page of a failed OpenID Connect sign-in, with a way back.
fn oidc_error_page(ctx: &Ctx, error: &OidcError, next: &str) -> HttpResponse {
    let status = match error {
        OidcError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        OidcError::Cancelled => StatusCode::OK,
        OidcError::StateMismatch => StatusCode::BAD_REQUEST,
        _ => StatusCode::UNAUTHORIZED,
    };
    // The kind of failure only: the provider's error text and the token's claims are
    // values of the request, never logged. A provider that cannot be reached is our side.
    match error {
        OidcError::Cancelled => tracing::info!("sign-in cancelled at the identity provider"),
        OidcError::Unavailable(reason) => {
            tracing::warn!(error = %reason, "OpenID Connect provider unavailable")
        }
        other => tracing::warn!(kind = other.name(), "OpenID Connect sign-in failed"),
    }
    views::with_status(status, views::auth::oidc_error(ctx, error.name(), next))
}

/// `GET /sign-in/oidc?next=...[&again=1]`: to the provider (with `max_age` when asked
/// again), the sign-in under way kept in the session.
async fn sign_in_oidc(req: HttpRequest, ctx: Ctx, query: web::Query<NextQuery>) -> Page {
    let oidc = oidc_of(&req).ok_or(AppError::NotFound)?;
    let next = routes::after_sign_in(query.next.as_deref()).to_string();
    let max_age = query.again.is_some().then(|| {
        state(&req)
            .settings
            .sessions
            .recent_auth
            .to_std()
            .unwrap_or_default()
    });
    match oidc.start(&next, max_age).await {
        Ok((url, pending)) => {
            req.get_session()
                .insert(SESSION_OIDC_PENDING, &pending)
                .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))?;
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, url.to_string()))
                .finish())
        }
        Err(e) => Ok(oidc_error_page(&ctx, &e, &next)),
    }
}

#[derive(Deserialize)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /sign-in/oidc/callback`: the provider's answer. The sign-in under way is used once;
/// a callback without one, or with another `state`, is refused.
async fn oidc_callback(
    req: HttpRequest,
    ctx: Ctx,
    tenant: Tenant,
    query: web::Query<CallbackQuery>,
) -> Page {
    let oidc = oidc_of(&req).ok_or(AppError::NotFound)?;
    let session = req.get_session();
    let pending = session
        .get::<PendingSignIn>(SESSION_OIDC_PENDING)
        .ok()
        .flatten();
    session.remove(SESSION_OIDC_PENDING);
    let next = routes::after_sign_in(pending.as_ref().map(|p| p.next.as_str())).to_string();
    let query = query.into_inner();
    let given_state = query.state.unwrap_or_default();
    let result = match (query.error, query.code) {
        (Some(error), _) => {
            // Judged only when it answers the sign-in this session started.
            match check_state(pending.as_ref(), &given_state) {
                Err(e) => Err(e),
                Ok(_) if error == "access_denied" => Err(OidcError::Cancelled),
                Ok(_) => Err(OidcError::Refused(error)),
            }
        }
        (None, Some(code)) => oidc.finish(pending.as_ref(), &given_state, &code).await,
        (None, None) => Err(OidcError::StateMismatch),
    };
    let identity = match result {
        Ok(identity) => identity,
        Err(e) => return Ok(oidc_error_page(&ctx, &e, &next)),
    };
    // Names from the token (one line of visible text each); the national register's when
    // the token has none.
    let name = |claim: &Option<String>| {
        claim
            .as_deref()
            .and_then(|n| FreeText::parse(n, NAME_CLAIM_MAX).ok())
            .map(FreeText::into_string)
    };
    let (first, last) = (name(&identity.first_name), name(&identity.last_name));
    let (sources, niss, named) = (
        state(&req).sources.clone(),
        identity.niss.clone(),
        first.is_some() && last.is_some(),
    );
    // One trip: whether they are staff (the home page's door), and the register's names.
    let (staff, person) = on_db(&tenant, move |conn| {
        let staff = crate::db::staff::active_by_niss(conn, &niss)?.is_some();
        let person = if named {
            None
        } else {
            sources.person(conn, &niss)?
        };
        Ok::<_, diesel::result::Error>((staff, person))
    })
    .await?;
    let (first_name, last_name) = match (first, last, person) {
        (Some(first), Some(last), _) => (first, last),
        (_, _, Some(p)) => (p.first_name, p.last_name),
        (first, last, None) => (first.unwrap_or_default(), last.unwrap_or_default()),
    };
    let principal = Principal {
        niss: identity.niss.clone(),
        first_name,
        last_name,
        method: SignInMethod::Oidc,
        authenticated_at: tenant.session_now() - identity.auth_age,
        staff,
    };
    establish_session(&req, &principal, Some(&identity.id_token))?;
    tracing::info!(method = "oidc", "person signed in");
    Ok(see_other(&next))
}

/// Ends the local session; for a person signed in through the provider, the page that
/// takes the browser to the provider's end-session endpoint (coming back to
/// [`routes::SIGNED_OUT`], then to `after`).
pub async fn sign_out_then(req: &HttpRequest, ctx: &Ctx, after: Option<&str>) -> Page {
    let principal = principal_of(req);
    let id_token = req
        .get_session()
        .get::<String>(SESSION_ID_TOKEN)
        .ok()
        .flatten();
    let provider = match (&principal, oidc_of(req)) {
        (Some(p), Some(oidc)) if p.method == SignInMethod::Oidc => Some(oidc),
        _ => None,
    };
    let back = format!("{}{}", tenant_of(req).site().public_url, routes::SIGNED_OUT);
    let end_session_url = match provider {
        Some(oidc) => oidc.end_session_url(id_token.as_deref(), &back).await,
        None => None,
    };
    match after {
        Some(after) => super::extract::restart_session(req, &[(SESSION_AFTER_SIGN_OUT, after)])?,
        None => end_session(req),
    }
    tracing::info!("signed out");
    Ok(match end_session_url {
        Some(url) => views::with_status(
            StatusCode::OK,
            views::auth::signing_out_at_provider(ctx, url.as_str()),
        ),
        None => see_other(after.unwrap_or(routes::HOME)),
    })
}

/// `POST /sign-out`: ends this session.
async fn sign_out(
    req: HttpRequest,
    ctx: Ctx,
    csrf: Result<CsrfChecked, actix_web::Error>,
) -> actix_web::Result<HttpResponse> {
    if let Some(done) = signed_out_already(&req, csrf)? {
        return Ok(done);
    }
    Ok(sign_out_then(&req, &ctx, None).await?)
}

/// A sign-out sent again (a double click, a second tab, the back button): with nobody
/// signed in on this session any more, it is done, whatever its form's token (there is no
/// session left to check it against, nor anything a forged one could end). Otherwise the
/// form's token must hold.
fn signed_out_already(
    req: &HttpRequest,
    csrf: Result<CsrfChecked, actix_web::Error>,
) -> Result<Option<HttpResponse>, actix_web::Error> {
    if principal_of(req).is_none() {
        return Ok(Some(see_other(routes::HOME)));
    }
    csrf.map(|_| None)
}

/// `POST /sign-out/everywhere`: ends every session of the signed-in person, this one too.
async fn sign_out_everywhere(
    req: HttpRequest,
    ctx: Ctx,
    tenant: Tenant,
    csrf: Result<CsrfChecked, actix_web::Error>,
) -> actix_web::Result<HttpResponse> {
    if let Some(done) = signed_out_already(&req, csrf)? {
        return Ok(done);
    }
    if let Some(principal) = principal_of(&req) {
        let niss = principal.niss.as_str().to_string();
        let ended = on_db(&tenant, move |conn| {
            crate::db::sessions::delete_for_niss(conn, &niss)
        })
        .await?;
        tracing::info!(sessions = ended, "signed out everywhere");
    }
    Ok(sign_out_then(&req, &ctx, None).await?)
}

/// `GET /signed-out`: back from the provider's sign-out; on to the page asked before.
async fn signed_out(req: HttpRequest) -> HttpResponse {
    let session = req.get_session();
    let after = session.get::<String>(SESSION_AFTER_SIGN_OUT).ok().flatten();
    session.remove(SESSION_AFTER_SIGN_OUT);
    see_other(after.as_deref().unwrap_or(routes::HOME))
}

/// The OpenID Connect relying party, when the request's tenant offers it (the main site
/// with a provider configured; never a demo tenant).
fn oidc_of(req: &HttpRequest) -> Option<std::sync::Arc<crate::auth::oidc::OidcProvider>> {
    tenant_of(req)
        .site()
        .oidc
        .then(|| state(req).oidc.clone())
        .flatten()
}

/// A 303 redirect to a page of this site: every redirect of the web side goes through
/// here, and its target through [`routes::local_path`] (anything else goes home).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            routes::local_path(Some(location), routes::HOME).to_string(),
        ))
        .finish()
}
