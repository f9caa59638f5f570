//! Structured logs with request ids. The request's span names the matched route pattern
//! (`/r/{token}`), never the raw path: secret link tokens and personal numbers stay out of
//! the log.

use actix_web::{
    Error, HttpMessage,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
};
use tracing::Span;
use tracing_actix_web::{RequestId, RootSpanBuilder};
use tracing_subscriber::{EnvFilter, fmt, prelude::*, util::TryInitError};

/// Installs the global subscriber (`RUST_LOG` filters; default `info`). Fails when one is
/// installed already.
pub fn init(format: &str) -> Result<(), TryInitError> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let registry = tracing_subscriber::registry().with(filter);
    if format == "json" {
        registry.with(fmt::layer().json()).try_init()
    } else {
        registry.with(fmt::layer().with_target(false)).try_init()
    }
}

/// Root span of every request: method, route pattern, request id, status.
pub struct MandatSpans;

impl RootSpanBuilder for MandatSpans {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(|id| id.to_string())
            .unwrap_or_default();
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "(unmatched)".to_string());
        tracing::info_span!(
            "http",
            method = %request.method(),
            route = %route,
            request_id = %request_id,
            status = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        let status = match outcome {
            Ok(res) => res.status().as_u16(),
            Err(e) => e.as_response_error().status_code().as_u16(),
        };
        span.record("status", status);
        span.in_scope(|| tracing::info!(status, "done"));
    }
}
