//! Rate limits shared by the web side and the API, and by every server on the database:
//! token buckets kept in PostgreSQL (`rate_limits`, one upsert per hit), so that N servers
//! allow what one would.
//!
//! Guessing a link is useless (256-bit secrets) and an API client is authenticated; the
//! limits keep both from being hammered.

use std::{net::IpAddr, time::Duration};

use diesel::{PgConnection, QueryResult};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::db::rate_limits;
pub use crate::db::rate_limits::Hit;

/// Hits of `/r/{token}` allowed per client IP and window.
pub const LINK_HITS_PER_WINDOW: u32 = 20;
/// Calls per minute an API client may make.
pub const API_CALLS_PER_MINUTE: u32 = 300;
/// The window of both limits.
pub const WINDOW: Duration = Duration::from_secs(60);

/// The bucket of a client's internet address: a keyed fingerprint of it (HMAC-SHA-256
/// under `key`, its first 16 bytes in hex), so that `rate_limits` never holds an address,
/// and servers sharing the key count an address in one bucket.
#[allow(clippy::expect_used)] // HMAC-SHA256 accepts a key of any length
pub fn address_bucket(key: &[u8], ip: IpAddr) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    // One form of each address: an IPv4 address seen as IPv6 (`::ffff:a.b.c.d`) is itself.
    mac.update(ip.to_canonical().to_string().as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..16])
}

/// A limit: at most `capacity` hits in a burst, refilled to full over `window` (a token
/// bucket: `capacity` hits per `window` on average, never more than `capacity` at once).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// The prefix of its keys in `rate_limits` (`link`, `api`).
    pub name: &'static str,
    /// Hits allowed at once.
    pub capacity: u32,
    /// Time to refill from empty to full.
    pub window: Duration,
}

impl RateLimit {
    /// Openings of secret links per client IP (counted by [`address_bucket`]).
    pub const LINK: RateLimit = RateLimit {
        name: "link",
        capacity: LINK_HITS_PER_WINDOW,
        window: WINDOW,
    };
    /// API calls per client.
    pub const API: RateLimit = RateLimit {
        name: "api",
        capacity: API_CALLS_PER_MINUTE,
        window: WINDOW,
    };

    /// Counts one hit of `key` (an [`address_bucket`], a client id): one round trip.
    pub fn hit(&self, conn: &mut PgConnection, key: &str) -> QueryResult<Hit> {
        let capacity = f64::from(self.capacity.max(1));
        let per_second = capacity / self.window.as_secs_f64().max(0.001);
        rate_limits::hit(conn, &format!("{}:{key}", self.name), capacity, per_second)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_counted_by_a_keyed_fingerprint_never_by_itself() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let (key, other_key) = (b"one key".as_slice(), b"another key".as_slice());
        let bucket = address_bucket(key, ip("192.0.2.7"));
        assert_eq!(bucket.len(), 32);
        assert!(bucket.bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(!bucket.contains("192") && !bucket.contains('.'));
        // The same address, the same bucket (also written as IPv6); another address or
        // another key, another.
        assert_eq!(address_bucket(key, ip("192.0.2.7")), bucket);
        assert_eq!(address_bucket(key, ip("::ffff:192.0.2.7")), bucket);
        assert_ne!(address_bucket(key, ip("192.0.2.8")), bucket);
        assert_ne!(address_bucket(other_key, ip("192.0.2.7")), bucket);
        assert_ne!(
            address_bucket(key, ip("2001:db8::1")),
            address_bucket(key, ip("2001:db8::2"))
        );
    }
}
