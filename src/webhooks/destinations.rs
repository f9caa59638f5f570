//! Where a webhook may go: a public address of the internet, never inside. The URL's host
//! name is resolved and every address it gives is judged, at registration and again at
//! each delivery (a name can resolve elsewhere later), by the resolver of the HTTP client
//! itself, so the connection goes to an address that was judged.
//!
//! Refused: loopback, private (RFC 1918), shared (RFC 6598), link-local (the cloud
//! metadata services), unique-local and site-local IPv6, multicast, broadcast, unspecified,
//! documentation, benchmarking and reserved ranges, and the IPv6 forms that carry an IPv4
//! address (mapped, compatible, NAT64, 6to4) when that address is refused; Teredo and
//! local-use NAT64, whose destination cannot be judged. Development may allow loopback
//! (`webhook_loopback`), for a receiver on the developer's own machine.

use std::{
    io,
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs},
    time::Duration,
};

use ureq::{
    config::Config,
    http::Uri,
    unversioned::{
        resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver},
        transport::NextTimeout,
    },
};

/// Longest webhook URL, in bytes.
pub const URL_MAX: usize = 500;

/// Where webhooks may be sent.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Destinations {
    /// This machine too (loopback addresses, and plain HTTP to them): development only.
    pub allow_loopback: bool,
}

/// Why a webhook URL is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// Not an `https://host[:port]/...` URL (or `http://` to this machine when allowed).
    #[error("not an https URL")]
    Syntax,
    /// The host name does not resolve.
    #[error("the host name does not resolve")]
    Unresolved,
    /// An address it resolves to is not a public one.
    #[error("address not allowed: {0}")]
    Address(IpAddr),
}

impl UrlError {
    /// The message key of why, as the API's caller reads it.
    pub fn message_key(&self) -> &'static str {
        match self {
            UrlError::Syntax => "api-webhook-error-url",
            UrlError::Unresolved => "api-webhook-error-unresolved",
            UrlError::Address(_) => "api-webhook-error-address",
        }
    }
}

/// Whether an IPv4 address is a public one of the internet.
fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || a == 0 // "this network"
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || (a == 100 && (64..=127).contains(&b)) // shared address space (RFC 6598)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || ip.is_documentation()
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || ip.is_multicast()
        || a >= 240 // reserved, broadcast
        || ip.is_broadcast())
}

/// Whether an IPv6 address is a public one of the internet.
fn public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    if let Some(v4) = ip.to_ipv4_mapped() {
        return public_v4(v4);
    }
    let embedded = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    match s {
        // IPv4-compatible (deprecated), unspecified and loopback included.
        [0, 0, 0, 0, 0, 0, _, _] => false,
        // NAT64 (well-known prefix): the IPv4 address it reaches.
        [0x64, 0xff9b, 0, 0, 0, 0, hi, lo] => public_v4(embedded(hi, lo)),
        // Local-use NAT64, discard-only, Teredo, documentation.
        [0x64, 0xff9b, 1, ..] | [0x100, 0, 0, 0, ..] | [0x2001, 0, ..] | [0x2001, 0xdb8, ..] => {
            false
        }
        // 6to4: the IPv4 address it reaches.
        [0x2002, hi, lo, ..] => public_v4(embedded(hi, lo)),
        _ => {
            !(ip.is_multicast()
                || ip.is_unique_local()
                || ip.is_unicast_link_local()
                || (s[0] & 0xffc0) == 0xfec0) // site-local (deprecated)
        }
    }
}

impl Destinations {
    /// Whether a webhook may go to `ip`; `plain_http` only to this machine, when allowed.
    pub fn allows(self, ip: IpAddr, plain_http: bool) -> bool {
        let loopback = match ip {
            IpAddr::V4(v4) => v4.is_loopback(),
            IpAddr::V6(v6) => {
                v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
            }
        };
        if loopback {
            return self.allow_loopback;
        }
        !plain_http
            && match ip {
                IpAddr::V4(v4) => public_v4(v4),
                IpAddr::V6(v6) => public_v6(v6),
            }
    }

    /// The URL's host and port, when it is an `https://` URL (or `http://` when this
    /// machine is allowed), without user information, whitespace or control characters.
    pub fn parse(self, url: &str) -> Result<(String, u16, bool), UrlError> {
        if url.len() > URL_MAX || !url.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(UrlError::Syntax);
        }
        let uri: Uri = url.parse().map_err(|_| UrlError::Syntax)?;
        let plain_http = match uri.scheme_str() {
            Some("https") => false,
            Some("http") if self.allow_loopback => true,
            _ => return Err(UrlError::Syntax),
        };
        let authority = uri.authority().ok_or(UrlError::Syntax)?;
        if authority.as_str().contains('@') {
            return Err(UrlError::Syntax);
        }
        let host = authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']');
        if host.is_empty() {
            return Err(UrlError::Syntax);
        }
        let port = authority
            .port_u16()
            .unwrap_or(if plain_http { 80 } else { 443 });
        Ok((host.to_string(), port, plain_http))
    }

    /// Judges every address of `addrs` (the resolution of a URL's host).
    fn judge(self, addrs: &[SocketAddr], plain_http: bool) -> Result<(), UrlError> {
        if addrs.is_empty() {
            return Err(UrlError::Unresolved);
        }
        match addrs.iter().find(|a| !self.allows(a.ip(), plain_http)) {
            Some(refused) => Err(UrlError::Address(refused.ip())),
            None => Ok(()),
        }
    }

    /// Checks a webhook URL as registered: its syntax, then every address its host
    /// resolves to now. Blocking (name resolution): run it off the async executor.
    pub fn check(self, url: &str) -> Result<(), UrlError> {
        let (host, port, plain_http) = self.parse(url)?;
        let addrs: Vec<SocketAddr> = (host.as_str(), port)
            .to_socket_addrs()
            .map_err(|_| UrlError::Unresolved)?
            .collect();
        self.judge(&addrs, plain_http)
    }

    /// An HTTP client that sends webhooks only to allowed addresses (judged by its own
    /// resolver, at each connection), follows no redirect, uses no proxy, and gives up
    /// after bounded times; response headers are bounded too (the body is never read).
    pub fn agent(self) -> ureq::Agent {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(10)))
            .timeout_resolve(Some(Duration::from_secs(3)))
            .timeout_connect(Some(Duration::from_secs(5)))
            .max_redirects(0)
            .max_response_header_size(16 * 1024)
            .proxy(None)
            .http_status_as_error(false)
            .build();
        ureq::Agent::with_parts(
            config,
            ureq::unversioned::transport::DefaultConnector::default(),
            JudgingResolver {
                destinations: self,
                inner: DefaultResolver::default(),
            },
        )
    }
}

/// The resolver of the webhook client: the system's, whose every answer is judged.
#[derive(Debug)]
struct JudgingResolver {
    destinations: Destinations,
    inner: DefaultResolver,
}

impl Resolver for JudgingResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let plain_http = match uri.scheme_str() {
            Some("https") => false,
            Some("http") if self.destinations.allow_loopback => true,
            _ => return Err(ureq::Error::BadUri("only https".to_string())),
        };
        let addrs = self.inner.resolve(uri, config, timeout)?;
        self.destinations
            .judge(&addrs, plain_http)
            .map_err(|e| ureq::Error::Io(io::Error::new(io::ErrorKind::PermissionDenied, e)))?;
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Production's destinations: public addresses only.
    const PRODUCTION: Destinations = Destinations {
        allow_loopback: false,
    };
    /// Development's: this machine too.
    const DEVELOPMENT: Destinations = Destinations {
        allow_loopback: true,
    };

    #[test]
    fn only_public_addresses_of_the_internet() {
        assert_eq!(Destinations::default(), PRODUCTION);
        let cases = [
            ("93.184.215.14", true),
            ("8.8.8.8", true),
            ("2606:4700::1111", true),
            ("2a02:2c40::1", true),
            ("127.0.0.1", false),
            ("127.1.2.3", false),
            ("0.0.0.0", false),
            ("0.1.2.3", false),
            ("10.0.0.1", false),
            ("172.16.0.1", false),
            ("172.31.255.255", false),
            ("192.168.1.1", false),
            ("169.254.169.254", false),
            ("100.64.0.1", false),
            ("100.127.255.255", false),
            ("192.0.0.8", false),
            ("192.0.2.1", false),
            ("198.18.0.1", false),
            ("198.51.100.1", false),
            ("203.0.113.1", false),
            ("224.0.0.1", false),
            ("239.255.255.250", false),
            ("240.0.0.1", false),
            ("255.255.255.255", false),
            ("::", false),
            ("::1", false),
            ("::ffff:127.0.0.1", false),
            ("::ffff:10.0.0.1", false),
            ("::ffff:169.254.169.254", false),
            ("::ffff:8.8.8.8", true),
            ("::127.0.0.1", false),
            ("64:ff9b::a9fe:a9fe", false),
            ("64:ff9b::808:808", true),
            ("64:ff9b:1::1", false),
            ("2002:7f00:1::1", false),
            ("2002:808:808::1", true),
            ("2001::1", false),
            ("2001:db8::1", false),
            ("100::1", false),
            ("fc00::1", false),
            ("fd12:3456::1", false),
            ("fe80::1", false),
            ("fec0::1", false),
            ("ff02::1", false),
        ];
        for (ip, want) in cases {
            let ip: IpAddr = ip.parse().unwrap();
            assert_eq!(PRODUCTION.allows(ip, false), want, "{ip}");
        }
        for ip in ["127.0.0.1", "::1", "::ffff:127.0.0.1"] {
            let ip: IpAddr = ip.parse().unwrap();
            assert!(
                DEVELOPMENT.allows(ip, false) && DEVELOPMENT.allows(ip, true),
                "{ip}"
            );
            assert!(!PRODUCTION.allows(ip, true), "{ip}");
        }
        let public: IpAddr = "8.8.8.8".parse().unwrap();
        assert!(
            !DEVELOPMENT.allows(public, true),
            "plain http only to loopback"
        );
        assert!(!DEVELOPMENT.allows("10.0.0.1".parse().unwrap(), false));
    }

    #[test]
    fn urls() {
        // (url, host, port): https, accepted in production.
        let accepted = [
            ("https://hr.example.be/hooks", "hr.example.be", 443),
            ("https://hr.example.be:8443/h?x=1", "hr.example.be", 8443),
            ("https://[2a02:2c40::1]/h", "2a02:2c40::1", 443),
        ];
        for (url, host, port) in accepted {
            let want = Ok((host.to_string(), port, false));
            assert_eq!(PRODUCTION.parse(url), want, "{url}");
        }
        let loopback = DEVELOPMENT.parse("http://127.0.0.1:9000/hook");
        assert_eq!(loopback, Ok(("127.0.0.1".to_string(), 9000, true)));
        let refused = [
            ("http://hr.example.be/hooks", PRODUCTION),
            ("https://user@hr.example.be/", PRODUCTION),
            ("https://hr.example.be@127.0.0.1/", PRODUCTION),
            ("https://", PRODUCTION),
            ("ftp://x", DEVELOPMENT),
            ("https://a b", PRODUCTION),
            ("https://a\tb/", PRODUCTION),
            ("https://hr.example.be/\u{202e}", PRODUCTION),
            ("//hr.example.be/", PRODUCTION),
        ];
        for (url, dest) in refused {
            assert_eq!(dest.parse(url), Err(UrlError::Syntax), "{url}");
        }
        let long = format!("https://hr.example.be/{}", "a".repeat(URL_MAX));
        assert_eq!(PRODUCTION.parse(&long), Err(UrlError::Syntax));
    }

    #[test]
    fn resolved_addresses_are_judged() {
        // Literal addresses and `localhost` resolve without a name server.
        let refused = [
            "https://127.0.0.1:55432/",
            "https://169.254.169.254/latest/meta-data/",
            "https://10.1.2.3/",
            "https://192.168.0.10/",
            "https://[::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[fd00::1]/",
            "https://[fe80::1]/",
            "https://0.0.0.0/",
            "https://localhost/",
            "https://2130706433/",
        ];
        for url in refused {
            assert!(
                matches!(PRODUCTION.check(url), Err(UrlError::Address(_))),
                "{url}: {:?}",
                PRODUCTION.check(url)
            );
        }
        assert_eq!(DEVELOPMENT.check("http://127.0.0.1:9/hook"), Ok(()));
        assert!(matches!(
            DEVELOPMENT.check("https://10.1.2.3/"),
            Err(UrlError::Address(_))
        ));
        assert_eq!(PRODUCTION.check("https://93.184.215.14/h"), Ok(()));
    }
}
