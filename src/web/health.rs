//! `/healthz` (the process is up) and `/readyz` (the database answers).

use actix_web::{HttpResponse, web};
use diesel::{RunQueryDsl, sql_query};

use super::routes;
use crate::db::{DbError, run_blocking};
use crate::state::Tenant;

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(routes::HEALTHZ, web::get().to(healthz))
        .route(routes::READYZ, web::get().to(readyz));
}

async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

async fn readyz(tenant: Tenant) -> HttpResponse {
    let result = run_blocking(tenant.pool(), |conn| {
        sql_query("SELECT 1").execute(conn).map_err(DbError::from)
    })
    .await;
    match result {
        Ok(_) => HttpResponse::Ok().content_type("text/plain").body("ready"),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body("database unavailable")
        }
    }
}
