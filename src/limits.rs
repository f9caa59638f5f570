//! Rate limits shared by the web side and the API: a fixed window of hits per key.
//!
//! Guessing a link is useless (256-bit secrets) and an API client is authenticated; the
//! limits keep both from being hammered. The counters live in the application state, one
//! set per process.

use std::{
    collections::HashMap,
    hash::Hash,
    sync::Mutex,
    time::{Duration, Instant},
};

/// Hits of `/r/{token}` allowed per client IP and window.
pub const LINK_HITS_PER_WINDOW: u32 = 20;
/// Calls per minute an API client may make.
pub const API_CALLS_PER_MINUTE: u32 = 300;
/// The window of both limits.
pub const WINDOW: Duration = Duration::from_secs(60);
/// Above this many keys, the keys whose window is over are forgotten.
const MAX_KEYS: usize = 10_000;

/// At most `limit` hits per key in a window of `window`.
#[derive(Debug)]
pub struct FixedWindow<K> {
    limit: u32,
    window: Duration,
    hits: Mutex<HashMap<K, (Instant, u32)>>,
}

impl<K: Eq + Hash> FixedWindow<K> {
    /// A limiter allowing `limit` hits per key and `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        FixedWindow {
            limit,
            window,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one hit of `key` at `now`: `Ok(())` when allowed, else `Err(seconds)` to wait
    /// before the window starts again (at least 1).
    pub fn hit(&self, key: K, now: Instant) -> Result<(), u64> {
        let mut hits = self.hits.lock().unwrap_or_else(|e| e.into_inner());
        if hits.len() > MAX_KEYS {
            let window = self.window;
            hits.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = hits.entry(key).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        if entry.1 <= self.limit {
            Ok(())
        } else {
            let left = self.window.saturating_sub(now.duration_since(entry.0));
            Err(left.as_secs().max(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::IpAddr;

    use super::*;

    #[test]
    fn counts_per_key_and_window() {
        let limiter = FixedWindow::new(LINK_HITS_PER_WINDOW, WINDOW);
        let start = Instant::now();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        for _ in 0..LINK_HITS_PER_WINDOW {
            assert_eq!(limiter.hit(a, start), Ok(()));
        }
        assert_eq!(limiter.hit(a, start), Err(60));
        assert_eq!(limiter.hit(a, start + Duration::from_secs(59)), Err(1));
        assert_eq!(limiter.hit(b, start), Ok(()));
        assert_eq!(limiter.hit(a, start + WINDOW), Ok(()));
    }
}
