//! Rate limits shared by the web side and the API, and by every server on the database:
//! token buckets kept in PostgreSQL (`rate_limits`, one upsert per hit), so that N servers
//! allow what one would.
//!
//! Guessing a link is useless (256-bit secrets) and an API client is authenticated; the
//! limits keep both from being hammered.

use std::time::Duration;

use diesel::{PgConnection, QueryResult};

use crate::db::rate_limits;
pub use crate::db::rate_limits::Hit;

/// Hits of `/r/{token}` allowed per client IP and window.
pub const LINK_HITS_PER_WINDOW: u32 = 20;
/// Calls per minute an API client may make.
pub const API_CALLS_PER_MINUTE: u32 = 300;
/// The window of both limits.
pub const WINDOW: Duration = Duration::from_secs(60);

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
    /// Openings of secret links per client IP.
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

    /// Counts one hit of `key` (an IP address, a client id): one round trip.
    pub fn hit(&self, conn: &mut PgConnection, key: &str) -> QueryResult<Hit> {
        let capacity = f64::from(self.capacity.max(1));
        let per_second = capacity / self.window.as_secs_f64().max(0.001);
        rate_limits::hit(conn, &format!("{}:{key}", self.name), capacity, per_second)
    }
}
