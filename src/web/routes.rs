//! URLs, in one place.

/// Public home (choice between company and citizen).
pub const HOME: &str = "/";
/// Public landing page for companies.
pub const COMPANIES: &str = "/companies";
/// Public landing page for citizens.
pub const CITIZENS: &str = "/citizens";
/// Sign-in page.
pub const SIGN_IN: &str = "/sign-in";
/// Demo sign-in of a person (POST).
pub const SIGN_IN_DEMO: &str = "/sign-in/demo";
/// Demo sign-in of a staff member (POST).
pub const SIGN_IN_DEMO_STAFF: &str = "/sign-in/demo-staff";
/// Sign out (POST).
pub const SIGN_OUT: &str = "/sign-out";
/// Language switch: `/lang/{code}?next=...`.
pub const LANG: &str = "/lang";
/// Static assets.
pub const ASSETS: &str = "/assets";
/// Liveness.
pub const HEALTHZ: &str = "/healthz";
/// Readiness (database reachable).
pub const READYZ: &str = "/readyz";
/// Company app.
pub const COMPANY: &str = "/company";
/// Citizen portal.
pub const CITIZEN: &str = "/me";

/// A safe local redirect target: a path on this site, else `fallback`.
pub fn local_path<'a>(next: Option<&'a str>, fallback: &'a str) -> &'a str {
    match next {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p,
        _ => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        let cases = [
            (Some("/company"), "/company"),
            (Some("//evil.example"), "/"),
            (Some("https://evil.example"), "/"),
            (Some("/\\evil.example"), "/"),
            (Some(""), "/"),
            (None, "/"),
        ];
        for (next, want) in cases {
            assert_eq!(local_path(next, "/"), want, "{next:?}");
        }
    }
}
