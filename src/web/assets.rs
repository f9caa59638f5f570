//! Static assets, compiled into the binary (no CDN, nothing fetched from elsewhere).

use actix_web::{HttpRequest, HttpResponse, http::header, web};

use super::routes;

/// (file name, content type, bytes)
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../../assets/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/app.js"),
    ),
    (
        "htmx.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/htmx.min.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../../assets/favicon.svg"),
    ),
];

/// Registers the route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(&routes::asset("{name}"), web::get().to(asset));
}

/// A version tag for cache validation: the build's package version plus the file length.
fn etag(name: &str, bytes: &[u8]) -> String {
    format!(
        "\"{}-{}-{}\"",
        env!("CARGO_PKG_VERSION"),
        name.len(),
        bytes.len()
    )
}

async fn asset(req: HttpRequest, name: web::Path<String>) -> HttpResponse {
    let Some((_, content_type, bytes)) = ASSETS.iter().find(|(n, _, _)| *n == name.as_str()) else {
        return HttpResponse::NotFound().finish();
    };
    let tag = etag(&name, bytes);
    if req
        .headers()
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == tag.as_bytes())
    {
        return HttpResponse::NotModified().finish();
    }
    HttpResponse::Ok()
        .content_type(*content_type)
        .insert_header((header::ETAG, tag))
        .body(*bytes)
}
