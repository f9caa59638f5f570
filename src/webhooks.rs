//! Webhooks: what no polling integrator should miss. Events are written to an outbox in the
//! transaction of the transition they announce (one row per interested API client), and
//! the `deliver-webhooks` job POSTs them, at least once, retrying with back-off. Each
//! delivery is signed: `X-Mandat-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`
//! with the client's secret, the timestamp in `X-Mandat-Timestamp` (Unix seconds).
//!
//! A webhook goes only to a public address of the internet ([`destinations`]), judged when
//! the URL is registered and again at each delivery.

pub mod destinations;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

pub use self::destinations::{Destinations, UrlError};
use crate::{
    db::{
        self,
        schema::{api_clients, webhook_deliveries},
    },
    mail::backoff,
    seal::{Keyring, Purpose},
};

/// Attempts before a delivery is given up.
pub const MAX_ATTEMPTS: i32 = 12;

/// The error recorded for a delivery whose client has no webhook address any more.
pub const NO_ENDPOINT: &str = "no endpoint";

/// Sets the webhook of an API client (its deliveries still waiting go to the new address),
/// or removes it with `None` (they are forgotten: no attempt is made any more). The signing
/// secret is stored sealed under the data key (`keys`).
pub fn set_endpoint(
    conn: &mut PgConnection,
    keys: &Keyring,
    client_id: Uuid,
    endpoint: Option<(&str, &str)>,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::update(api_clients::table.find(client_id))
            .set((
                api_clients::webhook_url.eq(endpoint.map(|(u, _)| u)),
                api_clients::webhook_secret
                    .eq(endpoint.map(|(_, s)| keys.seal(Purpose::WebhookSecret, s))),
            ))
            .execute(conn)?;
        if endpoint.is_none() {
            db::webhook_deliveries::forget_pending(conn, client_id)?;
        }
        Ok(())
    })
}

/// The webhook of a client, if it has one: its address and how its deliveries fare (the
/// figures the company's API page shows for each of its clients).
pub fn status(
    conn: &mut PgConnection,
    client_id: Uuid,
) -> QueryResult<Option<(String, db::webhook_deliveries::Health)>> {
    let Some(url) = endpoint(conn, client_id)? else {
        return Ok(None);
    };
    Ok(db::webhook_deliveries::health(conn, &[client_id])?
        .pop()
        .map(|health| (url, health)))
}

/// Sends again the deliveries of client `client_id` given up that the log still holds (its
/// endpoint is back): each due at `now`, with its attempts counted anew. Those given up for
/// want of an endpoint stay as they are (the webhook was removed then: nothing is told of
/// that time). `None` when the client has no webhook.
pub fn redeliver_given_up(
    conn: &mut PgConnection,
    client_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<Option<usize>> {
    conn.transaction(|conn| {
        if endpoint(conn, client_id)?.is_none() {
            return Ok(None);
        }
        diesel::update(
            webhook_deliveries::table
                .filter(webhook_deliveries::client_id.eq(client_id))
                .filter(webhook_deliveries::failed_at.is_not_null())
                .filter(webhook_deliveries::delivered_at.is_null())
                .filter(
                    webhook_deliveries::last_error
                        .is_null()
                        .or(webhook_deliveries::last_error.ne(NO_ENDPOINT)),
                ),
        )
        .set((
            webhook_deliveries::failed_at.eq(None::<DateTime<Utc>>),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::next_attempt_at.eq(now),
            webhook_deliveries::last_error.eq(None::<String>),
        ))
        .execute(conn)
        .map(Some)
    })
}

/// The webhook URL of a client, if any.
pub fn endpoint(conn: &mut PgConnection, client_id: Uuid) -> QueryResult<Option<String>> {
    api_clients::table
        .find(client_id)
        .select(api_clients::webhook_url)
        .first::<Option<String>>(conn)
        .optional()
        .map(Option::flatten)
}

/// The signature of a delivery.
#[allow(clippy::expect_used)] // HMAC-SHA256 accepts a key of any length
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Delivers due events, one transaction per delivery (the row stays locked while it is
/// sent), each only to an address `destinations` allows (judged again now: the name may
/// resolve elsewhere than at registration), signed with the client's secret as `keys` open
/// it. Returns how many were delivered.
pub fn deliver_due(
    conn: &mut PgConnection,
    keys: &Keyring,
    destinations: Destinations,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let agent = destinations.agent();
    let mut delivered = 0;
    for _ in 0..200 {
        let outcome = conn.transaction::<_, anyhow::Error, _>(|conn| {
            let due: Option<(Uuid, Uuid, String, String, i32)> = webhook_deliveries::table
                .filter(webhook_deliveries::delivered_at.is_null())
                .filter(webhook_deliveries::failed_at.is_null())
                .filter(webhook_deliveries::next_attempt_at.le(now))
                .order(webhook_deliveries::next_attempt_at)
                .select((
                    webhook_deliveries::id,
                    webhook_deliveries::client_id,
                    webhook_deliveries::event,
                    webhook_deliveries::payload,
                    webhook_deliveries::attempts,
                ))
                .for_update()
                .skip_locked()
                .first(conn)
                .optional()?;
            let Some((id, client_id, event, payload, attempts)) = due else {
                return Ok(None);
            };
            let (url, secret): (Option<String>, Option<String>) = api_clients::table
                .find(client_id)
                .select((api_clients::webhook_url, api_clients::webhook_secret))
                .first(conn)?;
            let attempts = attempts + 1;
            // No address (the webhook removed, the client revoked, while this event was
            // written), or a secret this server cannot open: given up at once, never tried
            // again.
            let secret = secret.map(|s| keys.open(Purpose::WebhookSecret, &s));
            let reachable = url.is_some() && matches!(secret, Some(Ok(_)));
            let result = match (url, secret) {
                (Some(_), Some(Err(unreadable))) => Err(unreadable.to_string()),
                (Some(url), Some(Ok(secret))) => {
                    let ts = now.timestamp();
                    agent
                        .post(&url)
                        .header("Content-Type", "application/json")
                        .header("X-Mandat-Event", &event)
                        .header("X-Mandat-Delivery", &id.to_string())
                        .header("X-Mandat-Timestamp", &ts.to_string())
                        .header(
                            "X-Mandat-Signature",
                            &format!("sha256={}", signature(&secret, ts, &payload)),
                        )
                        .send(&payload)
                        .map_err(|e| e.to_string())
                        .and_then(|res| {
                            let status = res.status().as_u16();
                            if (200..300).contains(&status) {
                                Ok(())
                            } else {
                                Err(format!("HTTP {status}"))
                            }
                        })
                }
                _ => Err(NO_ENDPOINT.to_string()),
            };
            match &result {
                Ok(()) => {
                    diesel::update(webhook_deliveries::table.find(id))
                        .set((
                            webhook_deliveries::delivered_at.eq(now),
                            webhook_deliveries::attempts.eq(attempts),
                            webhook_deliveries::last_error.eq(None::<String>),
                        ))
                        .execute(conn)?;
                }
                Err(e) => {
                    tracing::warn!(delivery = %id, attempts, error = %e, "webhook delivery failed");
                    diesel::update(webhook_deliveries::table.find(id))
                        .set((
                            webhook_deliveries::attempts.eq(attempts),
                            webhook_deliveries::next_attempt_at.eq(now + backoff(attempts - 1)),
                            webhook_deliveries::failed_at
                                .eq((attempts >= MAX_ATTEMPTS || !reachable).then_some(now)),
                            webhook_deliveries::last_error.eq(Some(e.clone())),
                        ))
                        .execute(conn)?;
                }
            }
            Ok(Some(result.is_ok()))
        })?;
        match outcome {
            None => break,
            Some(true) => delivered += 1,
            Some(false) => {}
        }
    }
    Ok(delivered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_hmac_sha256_over_timestamp_and_body() {
        // Reference value computed independently with Python's hmac module.
        let sig = signature("secret", 1700000000, "{\"a\":1}");
        assert_eq!(
            sig,
            "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686"
        );
        assert_eq!(sig, signature("secret", 1700000000, "{\"a\":1}"));
        assert_ne!(sig, signature("secret", 1700000001, "{\"a\":1}"));
        assert_ne!(sig, signature("other", 1700000000, "{\"a\":1}"));
    }
}
