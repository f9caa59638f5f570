//! `/healthz` (the process is up) and `/readyz` (the database answers and its schema is the
//! binary's). The readiness probe has a small pool of its own: a main pool busy to the last
//! connection (a long lock, a burst) does not take the server out of its load balancer.

use actix_web::{HttpResponse, web};

use super::routes;
use crate::{
    db::{DbError, migrations},
    state::Tenant,
};

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::HEALTHZ, web::get().to(healthz))
        .route(routes::READYZ, web::get().to(readyz));
}

async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// Why the server is not ready, if it is not.
enum NotReady {
    Database(String),
    Schema(String),
}

async fn readyz(tenant: Tenant) -> HttpResponse {
    let pool = tenant.pool().clone();
    let checked = actix_web::rt::task::spawn_blocking(move || {
        pool.run_probe(|conn| {
            migrations::schema_state(conn).map_err(|e| DbError::Unavailable(format!("{e:#}")))
        })
    })
    .await;
    let outcome = match checked {
        Ok(Ok(state)) if state.is_servable() => Ok(state.problem()),
        Ok(Ok(state)) => Err(NotReady::Schema(state.problem().unwrap_or_default())),
        Ok(Err(e)) => Err(NotReady::Database(e.to_string())),
        Err(e) => Err(NotReady::Database(e.to_string())),
    };
    match outcome {
        // Ready; a database migrated by a newer binary is said, not refused.
        Ok(warning) => HttpResponse::Ok()
            .content_type("text/plain")
            .body(match warning {
                Some(w) => format!("ready (warning: {w})"),
                None => "ready".to_string(),
            }),
        Err(NotReady::Database(e)) => {
            tracing::debug!(error = %e, "not ready");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .insert_header(("Retry-After", "2"))
                .body("not ready: database unavailable")
        }
        Err(NotReady::Schema(problem)) => HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body(format!("not ready: {problem}")),
    }
}
