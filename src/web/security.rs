//! Security middleware: response headers (strict CSP, HSTS outside development, no
//! sniffing, no framing, no referrer, no caching of personal pages, no search engine
//! listing but of the real service's public pages) and the same-origin
//! guard on state-changing requests (OWASP "Fetch Metadata"), which works together with the
//! per-session CSRF token of every form.

use actix_web::{
    HttpResponse,
    body::{EitherBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::{Method, header},
    middleware::Next,
};

use super::{
    context::{state, tenant_of},
    routes,
};

/// The Content-Security-Policy: our own scripts and styles only, nothing inline.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Adds the security headers to every response.
pub async fn headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mode = state(req.request()).settings.mode;
    let https = mode.is_https();
    let listed =
        !mode.is_demo() && tenant_of(req.request()).is_main() && routes::is_indexable(req.path());
    let mut res = next.call(req).await?;
    let h = res.headers_mut();
    let set = |h: &mut header::HeaderMap, name: header::HeaderName, value: &'static str| {
        if !h.contains_key(&name) {
            h.insert(name, header::HeaderValue::from_static(value));
        }
    };
    set(h, header::CONTENT_SECURITY_POLICY, CSP);
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(
        h,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    // No other site may embed an answer of ours (a PDF, a JSON, a page) as an image or a
    // script, even blindly: what it holds stays out of another site's process.
    set(
        h,
        header::HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    set(
        h,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    if https {
        set(
            h,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    if !listed {
        set(
            h,
            header::HeaderName::from_static("x-robots-tag"),
            "noindex, nofollow",
        );
    }
    // Pages hold personal data: never kept. An asset says its own (`web::assets`); an
    // unknown one is a 404 that no cache keeps either.
    set(h, header::CACHE_CONTROL, "no-store");
    Ok(res)
}

/// Refuses state-changing browser requests that come from another site. Machine clients
/// of `/api` authenticate with bearer tokens and are not concerned.
pub async fn same_origin_guard(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && !routes::is_api(req.path()) && !is_same_origin(&req) {
        // The route's pattern (`/r/{token}`), never the path: it may carry a secret.
        let route = req
            .match_pattern()
            .unwrap_or_else(|| "(unmatched)".to_string());
        tracing::warn!(route, "refused a cross-site state-changing request");
        let res = HttpResponse::Forbidden().finish();
        return Ok(req.into_response(res).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

fn is_same_origin(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    // Browsers that send Fetch Metadata tell us directly.
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    // Older browsers: compare the Origin (sent as "null" under our no-referrer policy,
    // which tells nothing; the CSRF token decides then).
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
        && origin != "null"
    {
        let host = req.connection_info().host().to_string();
        let origin_host = origin
            .split_once("://")
            .map(|(_, rest)| rest)
            .unwrap_or(origin);
        return origin_host == host;
    }
    true
}
