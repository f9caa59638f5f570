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
    cfg.route(
        &format!("{}/{{name}}", routes::ASSETS),
        web::get().to(asset),
    );
}

/// A version tag for cache validation: the hash of the assets' bytes and the file's name.
fn etag(name: &str) -> String {
    format!("\"{}-{name}\"", routes::ASSETS_VERSION)
}

/// How long a browser or a proxy may keep an asset: a year, unchanged, when it was asked
/// for by this build's version (`?v=`, as the pages name it); otherwise (no version, or
/// another server's during a rolling update) only after asking again (ETag).
fn cache_control(req: &HttpRequest) -> &'static str {
    let asked = web::Query::<Version>::from_query(req.query_string()).ok();
    if asked.is_some_and(|q| q.v.as_deref() == Some(routes::ASSETS_VERSION)) {
        "public, max-age=31536000, immutable"
    } else {
        "public, no-cache"
    }
}

/// The `?v=` of an asset's URL.
#[derive(serde::Deserialize)]
struct Version {
    v: Option<String>,
}

async fn asset(req: HttpRequest, name: web::Path<String>) -> HttpResponse {
    let Some((_, content_type, bytes)) = ASSETS.iter().find(|(n, _, _)| *n == name.as_str()) else {
        return HttpResponse::NotFound().finish();
    };
    let tag = etag(&name);
    if req
        .headers()
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == tag.as_bytes())
    {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, tag))
            .insert_header((header::CACHE_CONTROL, cache_control(&req)))
            .finish();
    }
    HttpResponse::Ok()
        .content_type(*content_type)
        .insert_header((header::ETAG, tag))
        .insert_header((header::CACHE_CONTROL, cache_control(&req)))
        .body(*bytes)
}
