//! The settings of the demo tenants: their host names, how many, how long.

use super::{
    Raw, SettingsError,
    parse::{invalid, parse_days_within, parse_opt},
};

/// How the demo tenants of the trainers are reached and limited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoTenantSettings {
    /// Tenants are reached at `{name}.{base_host}` (lower case, no port).
    pub base_host: String,
    /// Most tenants at once (0: none can be created).
    pub max: u32,
    /// Longest life of a tenant, in days (also the default).
    pub lifetime_days: i64,
}

/// Whether `host` is a host name: dot-separated labels of ASCII letters, digits and
/// dashes (each 1-63 long, no dash at either end).
fn is_host_name(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 200
        && host.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

pub(super) fn demo_tenant_settings(raw: &Raw) -> Result<DemoTenantSettings, SettingsError> {
    let base_host = raw
        .get("demo_base_host")
        .map(|s| s.trim().trim_end_matches('.').to_ascii_lowercase())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "demo.localhost".to_string());
    if !is_host_name(&base_host) {
        return Err(invalid(
            "demo_base_host",
            "must be a host name without scheme or port, e.g. demo.localhost or demo.mandat.example.be",
        ));
    }
    let max: u32 = parse_opt(raw, "demo_tenants_max")?.unwrap_or(20);
    if max > 200 {
        return Err(invalid("demo_tenants_max", "must be between 0 and 200"));
    }
    let lifetime_days = parse_days_within(raw, "demo_tenant_days", 7, 1, 90)?;
    Ok(DemoTenantSettings {
        base_host,
        max,
        lifetime_days,
    })
}

/// The base URL of the tenant `name`: the scheme and port of `public_url`, the host
/// `{name}.{base_host}` (`http://alpha.demo.localhost:8080`).
pub fn tenant_url(public_url: &str, base_host: &str, name: &str) -> String {
    let (scheme, rest) = public_url.split_once("://").unwrap_or(("http", public_url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // The port, if the authority has one (after an IPv6 literal's closing bracket).
    let host_end = authority.rfind(']').map_or(0, |i| i + 1);
    let port = authority[host_end..]
        .rsplit_once(':')
        .map(|(_, port)| port)
        .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    match port {
        Some(port) => format!("{scheme}://{name}.{base_host}:{port}"),
        None => format!("{scheme}://{name}.{base_host}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_urls_keep_the_scheme_and_port_of_the_public_url() {
        let cases = [
            ("http://localhost:8080", "http://alpha.demo.localhost:8080"),
            (
                "http://127.0.0.1:40123",
                "http://alpha.demo.localhost:40123",
            ),
            ("https://mandat.example.be", "https://alpha.demo.localhost"),
            (
                "https://mandat.example.be/app",
                "https://alpha.demo.localhost",
            ),
            ("http://[::1]:9000", "http://alpha.demo.localhost:9000"),
            ("http://[::1]", "http://alpha.demo.localhost"),
        ];
        for (public, expected) in cases {
            assert_eq!(
                tenant_url(public, "demo.localhost", "alpha"),
                expected,
                "{public}"
            );
        }
    }

    #[test]
    fn host_names() {
        for good in [
            "demo.localhost",
            "localhost",
            "demo.mandat.example.be",
            "a-b.c1",
        ] {
            assert!(is_host_name(good), "{good}");
        }
        for bad in [
            "",
            "http://demo",
            "demo:8080",
            "-a.b",
            "a-.b",
            "a..b",
            "a b",
            "é.be",
        ] {
            assert!(!is_host_name(bad), "{bad}");
        }
    }
}
