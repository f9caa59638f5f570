//! The one input layer of the service: every form body (through [`super::extract::CsrfForm`])
//! and every query string (through [`refuse_unreadable_queries`], on the web side and on the
//! API) is read here before any handler sees it. A value that is not text, or that holds a
//! NUL character (which PostgreSQL refuses), is refused as a 400 naming the field, never
//! passed on to fail later as a 500, and never stored with replacement characters. A body
//! over the limit is a 413.

use actix_web::{
    HttpRequest, HttpResponse, ResponseError,
    body::{EitherBody, MessageBody},
    dev::{Decompress, Payload, ServiceRequest, ServiceResponse},
    http::header,
    middleware::Next,
    web,
};
use futures_util::{StreamExt, future::LocalBoxFuture};
use percent_encoding::percent_decode;

use super::{errors::AppError, views::models::Unreadable};

/// Largest form body accepted (bytes).
pub const FORM_LIMIT: usize = 64 * 1024;

/// The field's name as it may be shown back: a short plain identifier, else nothing.
fn shown_name(name: &[u8]) -> Option<String> {
    let plain = !name.is_empty()
        && name.len() <= 40
        && name
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_');
    plain
        .then(|| std::str::from_utf8(name).ok().map(str::to_string))
        .flatten()
}

/// One part of `application/x-www-form-urlencoded` text, decoded to its bytes.
fn decode(part: &[u8]) -> Vec<u8> {
    let spaced: Vec<u8> = part
        .iter()
        .map(|&b| if b == b'+' { b' ' } else { b })
        .collect();
    percent_decode(&spaced).collect()
}

/// Checks URL-encoded text (a form body or a query string): every name and value decodes
/// to UTF-8 text without a NUL character.
pub fn check_urlencoded(text: &[u8]) -> Result<(), Unreadable> {
    for pair in text.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
        let (name, value) = match pair.iter().position(|&b| b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &[][..]),
        };
        let name = decode(name);
        let Ok(name_text) = std::str::from_utf8(&name) else {
            return Err(Unreadable { field: None });
        };
        let field = shown_name(name_text.as_bytes());
        if name_text.contains('\0') {
            return Err(Unreadable { field: None });
        }
        let value = decode(value);
        match std::str::from_utf8(&value) {
            Ok(v) if !v.contains('\0') => {}
            _ => return Err(Unreadable { field }),
        }
    }
    Ok(())
}

/// A body over the limit is still read (and thrown away) up to this size, so that the
/// client, still sending, reads the 413 instead of a broken connection; beyond, the
/// connection is closed on it.
const DRAIN_MAX: usize = 8 * 1024 * 1024;

/// The future of an extractor that reads the body: `read` gets its own handle on the
/// request and the payload.
pub fn reading_body<T, F: Future<Output = Result<T, actix_web::Error>> + 'static>(
    req: &HttpRequest,
    payload: &mut Payload,
    read: impl FnOnce(HttpRequest, Payload) -> F,
) -> LocalBoxFuture<'static, Result<T, actix_web::Error>> {
    Box::pin(read(req.clone(), payload.take()))
}

/// Reads a request's body (decompressed), at most `limit` bytes: a larger one is a 413.
pub async fn read_body(
    req: &HttpRequest,
    payload: &mut Payload,
    limit: usize,
) -> Result<web::Bytes, AppError> {
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > DRAIN_MAX) {
        return Err(AppError::PayloadTooLarge);
    }
    let mut stream = Decompress::from_headers(payload.take(), req.headers());
    let mut body = web::BytesMut::new();
    let (mut total, mut over) = (0usize, false);
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest)?;
        total += chunk.len();
        if total > DRAIN_MAX {
            return Err(AppError::PayloadTooLarge);
        }
        if over || body.len() + chunk.len() > limit {
            over = true;
            body.clear();
        } else {
            body.extend_from_slice(&chunk);
        }
    }
    if over {
        Err(AppError::PayloadTooLarge)
    } else {
        Ok(body.freeze())
    }
}

/// Middleware: a query string that is not text, or holds a NUL character, is refused
/// (400, the error page says which field) before any handler reads it.
pub async fn refuse_unreadable_queries(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    refusing_unreadable_queries(req, next, |unreadable| {
        tracing::info!("refused a query that is not text");
        AppError::Unreadable(unreadable).error_response()
    })
    .await
}

/// The middleware of [`refuse_unreadable_queries`] (on the web side and on the API): a
/// query string that is not text, or holds a NUL character, is answered by `refusal`
/// instead of going on to its handler.
pub async fn refusing_unreadable_queries<B: MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
    refusal: impl FnOnce(Unreadable) -> HttpResponse,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    if let Err(unreadable) = check_urlencoded(req.query_string().as_bytes()) {
        return Ok(req.into_response(refusal(unreadable)).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencoded_text_is_checked_field_by_field() {
        let field = |f: &str| {
            Err(Unreadable {
                field: Some(f.to_string()),
            })
        };
        let cases: Vec<(&[u8], Result<(), Unreadable>)> = vec![
            (b"", Ok(())),
            (b"label=Resto+Pok%C3%A9bowl&csrf=abc", Ok(())),
            (b"a&&b=", Ok(())),
            (b"q=%", Ok(())),
            (b"label=%E2%80%AE", Ok(())),
            (b"label=a%00b", field("label")),
            (b"label=a%FFb", field("label")),
            (b"label=a\xffb", field("label")),
            (b"label=%C3", field("label")),
            (b"contact_email=%00", field("contact_email")),
            (b"Weird%20Name=%00", Err(Unreadable { field: None })),
            (b"na%00me=x", Err(Unreadable { field: None })),
            (b"%FF=x", Err(Unreadable { field: None })),
        ];
        for (text, want) in cases {
            assert_eq!(
                check_urlencoded(text),
                want,
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
    }
}
