//! The JSON side: OAuth 2.0 client credentials, the citizen mandates API and the
//! pre-contractual data API, calling the same services as the web pages. Errors are RFC 9457
//! `application/problem+json` with a stable `code` and a `detail` in the language of
//! `Accept-Language`.
//!
//! One module per resource: [`token`] (the token endpoint), [`requests`] (mandate requests
//! and mandates), [`data`] (pre-contractual data), [`webhook`]; [`caller`] authenticates
//! and scopes every call, [`problem`] shapes every error.

pub mod body;
pub mod caller;
pub mod data;
pub mod problem;
pub mod requests;
pub mod token;
pub mod webhook;

use actix_web::{HttpResponse, web};
use serde::Serialize;

use self::problem::{Code, Problem};
use crate::{services::requests::ListPage, web::routes};

/// Largest JSON body (bytes).
pub const JSON_LIMIT: usize = 16 * 1024;

/// The OpenAPI contract (kept in step with the routes by a test).
pub const OPENAPI: &str = include_str!("openapi.json");

/// Registers the API routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let requests_path = under_api(routes::API_MANDATE_REQUESTS);
    let request_path = format!("{requests_path}/{{id}}");
    let link_path = format!("{request_path}/link");
    let mandates_path = under_api(routes::API_MANDATES);
    let webhook_path = under_api(routes::API_WEBHOOK);
    let data_path = routes::api_precontractual("{context}");
    let data_path = under_api(&data_path).to_string();
    cfg.service(
        web::scope(routes::API)
            .app_data(
                web::JsonConfig::default()
                    .limit(JSON_LIMIT)
                    .error_handler(|err, _req| invalid_request(err)),
            )
            .app_data(
                web::QueryConfig::default().error_handler(|err, _req| match err {
                    actix_web::error::QueryPayloadError::Deserialize(e) => {
                        body::refused_value(".", &e.to_string()).into()
                    }
                    err => invalid_request(err),
                }),
            )
            .app_data(
                web::FormConfig::default()
                    .limit(JSON_LIMIT)
                    .error_handler(|err, _req| match err {
                        actix_web::error::UrlencodedError::Overflow { .. } => {
                            Problem::new(Code::PayloadTooLarge).into()
                        }
                        err => invalid_request(err),
                    }),
            )
            .app_data(
                web::PathConfig::default()
                    .error_handler(|_err, _req| Problem::new(Code::NotFound).into()),
            )
            .wrap(actix_web::middleware::from_fn(
                body::refuse_unreadable_queries,
            ))
            .wrap(actix_web::middleware::from_fn(problem::render_problems))
            // One resource a path, with its methods: another method on a path that exists
            // is a 405 that lists them (`Allow`), not a 404 that says it does not exist.
            .service(
                web::resource(under_api(routes::API_TOKEN)).route(web::post().to(token::token)),
            )
            .service(web::resource(under_api(routes::API_OPENAPI)).route(web::get().to(openapi)))
            .service(web::resource(under_api(routes::API_PROBLEMS)).route(web::get().to(problems)))
            .service(
                web::resource(requests_path)
                    .route(web::post().to(requests::create))
                    .route(web::get().to(requests::list)),
            )
            .service(
                web::resource(&request_path)
                    .route(web::get().to(requests::get))
                    .route(web::delete().to(requests::withdraw)),
            )
            .service(web::resource(&link_path).route(web::post().to(requests::new_link)))
            .service(web::resource(mandates_path).route(web::get().to(requests::list_mandates)))
            .service(
                web::resource(webhook_path)
                    .route(web::put().to(webhook::put))
                    .route(web::get().to(webhook::get))
                    .route(web::delete().to(webhook::delete)),
            )
            .service(
                web::resource(under_api(routes::API_WEBHOOK_REDELIVER))
                    .route(web::post().to(webhook::redeliver)),
            )
            .service(web::resource(&data_path).route(web::post().to(data::consult)))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(Problem::new(Code::NotFound))
            })),
    );
}

/// A path of `routes` as seen inside the `/api` scope.
fn under_api(path: &str) -> &str {
    path.strip_prefix(routes::API).unwrap_or(path)
}

/// The answer to a body, query or form that cannot be read.
fn invalid_request(err: impl std::fmt::Display) -> actix_web::Error {
    Problem::new(Code::InvalidRequest)
        .with_detail_arg("reason", err.to_string())
        .into()
}

/// `GET /api/problems`: the problem types, a section a code (public, a page in the
/// visitor's language).
async fn problems(ctx: crate::web::context::Ctx) -> HttpResponse {
    crate::web::views::html(crate::web::views::help::api_problems(&ctx))
}

/// `GET /api/v1/openapi.json`: the contract.
async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(OPENAPI)
}

/// One page of a list.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<T> {
    items: Vec<T>,
    page: i64,
    page_size: i64,
    total: i64,
}

impl<T> Page<T> {
    /// The page of `list`, its rows shown as `items`.
    fn of(list: &ListPage, items: Vec<T>) -> Page<T> {
        Page {
            items,
            page: list.page,
            page_size: list.page_size,
            total: list.total,
        }
    }
}

/// Largest `pageSize` of a list.
pub const MAX_PAGE_SIZE: i64 = 200;

/// The page asked for (default 1) and its size (default 50, at most [`MAX_PAGE_SIZE`]), as
/// the query gives them: each one refused is named, with why.
fn paging(
    page: Option<&str>,
    size: Option<&str>,
    errors: &mut crate::services::FieldErrors,
) -> Option<(i64, i64)> {
    let number = |given: Option<&str>, default: i64, max: i64| match given {
        None => Some(default),
        Some(text) => text.parse::<i64>().ok().filter(|n| (1..=max).contains(n)),
    };
    let page = number(page, 1, crate::services::requests::MAX_PAGE);
    let size = number(size, 50, MAX_PAGE_SIZE);
    if page.is_none() {
        errors.insert("page", "api-query-error-page");
    }
    if size.is_none() {
        errors.insert("pageSize", "api-query-error-page-size");
    }
    page.zip(size)
}

#[cfg(test)]
mod tests {
    use super::{MAX_PAGE_SIZE, paging, under_api};
    use crate::{i18n::Lang, services::FieldErrors, web::routes};

    #[test]
    fn every_code_is_in_the_contract_and_on_the_problem_types_page_in_four_languages() {
        let contract: serde_json::Value = serde_json::from_str(super::OPENAPI).unwrap();
        let listed: Vec<&str> = contract["components"]["schemas"]["Problem"]["properties"]["code"]
            ["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        let ours: Vec<&str> = crate::services::ErrorCode::ALL
            .iter()
            .map(|c| c.as_str())
            .collect();
        assert_eq!(ours, listed);
        for code in crate::services::ErrorCode::ALL {
            for lang in Lang::ALL {
                assert!(lang.has(&code.message_key()), "{code:?} in {lang:?}");
            }
            let url = routes::problem_type("https://mandat.example/", &code.slug());
            assert!(
                url.starts_with("https://mandat.example/api/problems#"),
                "{url}"
            );
        }
    }

    #[test]
    fn paging_names_each_parameter_refused_and_says_its_limits() {
        let max = crate::services::requests::MAX_PAGE;
        let (top, size_top) = (max.to_string(), MAX_PAGE_SIZE.to_string());
        let (over, size_over) = ((max + 1).to_string(), (MAX_PAGE_SIZE + 1).to_string());
        type Case<'a> = (
            Option<&'a str>,
            Option<&'a str>,
            Result<(i64, i64), &'a [&'a str]>,
        );
        let cases: &[Case] = &[
            (None, None, Ok((1, 50))),
            (Some("1"), Some("1"), Ok((1, 1))),
            (Some(&top), Some(&size_top), Ok((max, MAX_PAGE_SIZE))),
            (Some("0"), None, Err(&["page"])),
            (Some(&over), None, Err(&["page"])),
            (None, Some(&size_over), Err(&["pageSize"])),
            (Some("abc"), Some("-1"), Err(&["page", "pageSize"])),
            (Some(""), Some("2.5"), Err(&["page", "pageSize"])),
        ];
        for (page, size, want) in cases {
            let mut errors = FieldErrors::new();
            let got = paging(*page, *size, &mut errors);
            match want {
                Ok(pair) => assert_eq!(got, Some(*pair), "{page:?} {size:?}"),
                Err(fields) => {
                    assert_eq!(got, None, "{page:?} {size:?}");
                    assert_eq!(errors.keys().copied().collect::<Vec<_>>(), *fields);
                }
            }
        }
        // The messages name the limits the code holds, as each language writes numbers.
        for lang in Lang::ALL {
            let said = lang.t("api-query-error-page");
            assert!(said.contains(&lang.number(max)), "{lang:?}: {said}");
            let said = lang.t("api-query-error-page-size");
            assert!(
                said.contains(&lang.number(MAX_PAGE_SIZE)),
                "{lang:?}: {said}"
            );
            // ... and every status a list may be asked for.
            let said = lang.t("api-query-error-status");
            for status in crate::domain::RequestStatus::ALL {
                assert!(said.contains(status.as_str()), "{lang:?}: {said}");
            }
        }
    }

    #[test]
    fn every_api_route_is_under_the_api_prefix() {
        for path in [
            routes::API_TOKEN,
            routes::API_OPENAPI,
            routes::API_MANDATE_REQUESTS,
            routes::API_MANDATES,
            routes::API_WEBHOOK,
            routes::API_PRECONTRACTUAL,
        ] {
            assert!(path.starts_with(&format!("{}/", routes::API)), "{path}");
            assert_eq!(format!("{}{}", routes::API, under_api(path)), path);
        }
    }
}
