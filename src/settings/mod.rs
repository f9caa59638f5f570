//! Typed, validated configuration.
//!
//! Settings come from an optional TOML file (`--config FILE` or `MANDAT_CONFIG`), then from
//! environment variables, which win. Every option, its variable and its default is listed in
//! [`OPTIONS`] (printed by `mandat config --help` and documented in the README). Secrets are
//! wrapped in [`SecretString`] and never printed. Invalid settings are refused at start with a
//! message naming the option.

mod keys;
mod links;
mod options;
mod parse;
mod tenants;

use std::{fmt, net::SocketAddr, path::Path, str::FromStr, time::Duration};

pub use links::{Contact, DEFAULT_FOREIGNERS_IDENTIFICATION_URL, DEFAULT_HELP_CONTACT, Links};
pub use options::{OPTIONS, OptionDoc};
use parse::{
    base64_key, invalid, parse_days, parse_days_within, parse_interval, parse_millis, parse_opt,
    parse_toml, random_session_key,
};
pub use tenants::{DemoTenantSettings, tenant_url};

use secrecy::SecretString;
use serde::Deserialize;

/// The running mode. Demo and development enable the demo identity provider and the demo
/// mailbox; production refuses them and requires real secrets.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// A developer's machine: demo sign-in, mailbox, no `Secure` cookies, no HSTS.
    Development,
    /// A demonstration or training deployment: demo sign-in and mailbox, otherwise like production.
    Demo,
    /// The real service.
    Production,
}

impl Mode {
    /// Whether the demo identity provider and the demo mailbox are enabled.
    pub fn is_demo(self) -> bool {
        matches!(self, Mode::Development | Mode::Demo)
    }
    /// Whether cookies must be `Secure` and HSTS sent.
    pub fn is_https(self) -> bool {
        !matches!(self, Mode::Development)
    }
}

impl FromStr for Mode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "development" | "dev" => Ok(Mode::Development),
            "demo" => Ok(Mode::Demo),
            "production" | "prod" => Ok(Mode::Production),
            other => Err(format!(
                "unknown mode {other:?} (expected development, demo or production)"
            )),
        }
    }
}

/// How to talk to the SMTP server.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain text (a local relay, or tests).
    None,
    /// STARTTLS upgrade (usually port 587).
    Starttls,
    /// Implicit TLS (usually port 465).
    Tls,
}

impl FromStr for SmtpTls {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "none" => Ok(SmtpTls::None),
            "starttls" => Ok(SmtpTls::Starttls),
            "tls" => Ok(SmtpTls::Tls),
            other => Err(format!(
                "unknown TLS mode {other:?} (expected none, starttls or tls)"
            )),
        }
    }
}

/// SMTP delivery settings. Without a host, mail goes to the demo mailbox in development and
/// demo modes, and stays in the outbox in production.
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    /// Server host name; `None` disables delivery.
    pub host: Option<String>,
    /// Server port.
    pub port: u16,
    /// TLS mode.
    pub tls: SmtpTls,
    /// User name, when the server needs authentication.
    pub username: Option<String>,
    /// Password (secret).
    pub password: Option<SecretString>,
    /// The `From:` address of every mail.
    pub from: String,
}

/// Intervals of the background jobs; `None` disables a job's schedule.
#[derive(Clone, Debug)]
pub struct JobSettings {
    /// Outbox sender (e-mail delivery).
    pub deliver_mail: Option<Duration>,
    /// Webhook sender.
    pub deliver_webhooks: Option<Duration>,
    /// Pending requests past 72 hours become expired.
    pub expire_requests: Option<Duration>,
    /// Mandates past their end become ended.
    pub end_mandates: Option<Duration>,
    /// Finished requests and accesses leave the company's lists.
    pub archive: Option<Duration>,
    /// Personal data is erased after the retention periods.
    pub purge: Option<Duration>,
    /// Dead sessions are removed.
    pub purge_sessions: Option<Duration>,
    /// Idempotency keys older than 24 hours and full rate-limit buckets are deleted.
    pub expire_keys: Option<Duration>,
    /// Expired demo tenants are deleted.
    pub expire_tenants: Option<Duration>,
    /// What a retired data key sealed is sealed again under the current one.
    pub reseal: Option<Duration>,
}

/// How long sessions live, enforced by the server (see `db::sessions`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SessionSettings {
    /// A session not used for this long ends (default 30 minutes).
    pub idle: chrono::Duration,
    /// A session ends this long after sign-in (default 8 hours).
    pub absolute: chrono::Duration,
    /// An authentication older than this is renewed before a request is accepted
    /// (default 15 minutes).
    pub recent_auth: chrono::Duration,
}

/// The OpenID Connect provider (the federal authentication service in production).
#[derive(Clone, Debug)]
pub struct OidcSettings {
    /// Issuer URL (no trailing slash), discovery at `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    /// Our client id.
    pub client_id: String,
    /// Our client secret, if the client is confidential.
    pub client_secret: Option<SecretString>,
    /// Scopes asked besides `openid`.
    pub scopes: Vec<String>,
    /// The claim carrying the NISS.
    pub niss_claim: String,
    /// The claims of the first and the last name.
    pub name_claims: (String, String),
    /// `acr_values` asked, if any.
    pub acr_values: Option<String>,
}

/// The longest any data is kept: the social prescription period named in the
/// deliberations, five years (1826 days, a leap day included).
pub const PRESCRIPTION_DAYS: i64 = 1826;

/// The shortest the consultation audit is kept: the citizen portal promises twelve months
/// of consultations.
pub const AUDIT_MIN_DAYS: i64 = 365;

/// How long data is kept (the `purge` job); every retention is at most
/// [`PRESCRIPTION_DAYS`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retention {
    /// After a request's archival, its label, e-mail, named NISS and citizen names are
    /// erased, and its mails deleted (default 90 days).
    pub request_personal_data: chrono::Duration,
    /// Consultation audit entries (with their answers and the quarters answered eligible),
    /// and the citizen's NISS on archived requests, are kept this long for the citizen's
    /// history, then removed (default 365 days, at least [`AUDIT_MIN_DAYS`]).
    pub audit: chrono::Duration,
    /// Sent (or given-up) outbox mails are deleted this long after (default 30 days).
    pub mail: chrono::Duration,
    /// A spent link's hash (answered, withdrawn, or past its 72 hours) is erased this long
    /// after (default 14 days).
    pub link: chrono::Duration,
    /// Staff audit entries are kept this long (default 730 days, at least 365).
    pub staff_audit: chrono::Duration,
    /// Expired API tokens are deleted this long after their expiry (default 7 days).
    pub api_token: chrono::Duration,
    /// Recorded job runs are kept this long (default 7 days).
    pub job_runs: chrono::Duration,
    /// Delivered (or given-up) webhook deliveries are deleted this long after (default 30
    /// days).
    pub webhook: chrono::Duration,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            request_personal_data: chrono::Duration::days(90),
            audit: chrono::Duration::days(365),
            mail: chrono::Duration::days(30),
            link: chrono::Duration::days(14),
            staff_audit: chrono::Duration::days(730),
            api_token: chrono::Duration::days(7),
            job_runs: chrono::Duration::days(7),
            webhook: chrono::Duration::days(30),
        }
    }
}

/// The whole configuration.
#[derive(Clone)]
pub struct Settings {
    /// Running mode.
    pub mode: Mode,
    /// PostgreSQL connection URL (may hold a password: secret).
    pub database_url: SecretString,
    /// Largest number of pooled database connections.
    pub database_pool_size: u32,
    /// Longest wait for a free pooled connection (then 503).
    pub database_pool_wait: Duration,
    /// `statement_timeout` of the requests' connections.
    pub database_statement_timeout: Duration,
    /// `lock_timeout` of every connection.
    pub database_lock_timeout: Duration,
    /// Address the HTTP server listens on.
    pub bind: SocketAddr,
    /// The public base URL of the company app, the back office and the API (no trailing
    /// slash).
    pub public_url: String,
    /// The public base URL of the citizen's side (no trailing slash): every citizen-facing
    /// link, QR code and e-mail. Defaults to `public_url`.
    pub public_url_citizen: String,
    /// The header (lower case) in which the reverse proxy gives the client's address;
    /// `None`: the peer address is the client's.
    pub trusted_proxy_header: Option<String>,
    /// Key signing and encrypting the session cookie (64 bytes).
    pub session_key: SecretString,
    /// Key of the staff audit's fingerprints of a person (`None`: derived from
    /// `session_key`).
    pub audit_key: Option<SecretString>,
    /// The data keys, which seal what the service keeps but must read back.
    pub keyring: crate::seal::Keyring,
    /// The data key in effect (base64; see [`Settings::data_key`]).
    data_key: SecretString,
    /// Session lifetimes.
    pub sessions: SessionSettings,
    /// Whether the demo identity provider is offered (never in production).
    pub demo_sign_in: bool,
    /// The OpenID Connect provider, when configured.
    pub oidc: Option<OidcSettings>,
    /// Mail delivery.
    pub smtp: SmtpSettings,
    /// Background jobs.
    pub jobs: JobSettings,
    /// Days a stopped, blocked or ended access stays in the company's blocked tab before
    /// the `archive` job takes it out.
    pub blocked_tab_days: i64,
    /// Seconds between two automatic refreshes of the company's live tabs.
    pub tabs_refresh_seconds: u32,
    /// Retention periods of the `purge` job.
    pub retention: Retention,
    /// Log format: `pretty` or `json`.
    pub log_format: String,
    /// Webhooks may also go to this machine (development only).
    pub webhook_loopback: bool,
    /// The addresses the service's words point to (contact and help, official pages).
    pub links: Links,
    /// The demo tenants of the trainers.
    pub demo_tenants: DemoTenantSettings,
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("mode", &self.mode)
            .field("database_url", &"[secret]")
            .field("database_pool_size", &self.database_pool_size)
            .field("database_pool_wait", &self.database_pool_wait)
            .field(
                "database_statement_timeout",
                &self.database_statement_timeout,
            )
            .field("database_lock_timeout", &self.database_lock_timeout)
            .field("bind", &self.bind)
            .field("public_url", &self.public_url)
            .field("public_url_citizen", &self.public_url_citizen)
            .field("trusted_proxy_header", &self.trusted_proxy_header)
            .field("session_key", &"[secret]")
            .field("audit_key", &"[secret]")
            .field("keyring", &self.keyring)
            .field("sessions", &self.sessions)
            .field("demo_sign_in", &self.demo_sign_in)
            .field("webhook_loopback", &self.webhook_loopback)
            .field("oidc", &self.oidc)
            .field("smtp", &self.smtp)
            .field("jobs", &self.jobs)
            .field("blocked_tab_days", &self.blocked_tab_days)
            .field("tabs_refresh_seconds", &self.tabs_refresh_seconds)
            .field("retention", &self.retention)
            .field("links", &self.links)
            .field("demo_tenants", &self.demo_tenants)
            .finish()
    }
}

/// A configuration error, naming the option.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file could not be read or parsed.
    #[error("configuration file {path}: {reason}")]
    File {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// An option has a bad value.
    #[error("invalid setting {key} ({env}): {reason}")]
    Invalid {
        /// TOML key.
        key: &'static str,
        /// Environment variable.
        env: &'static str,
        /// Why.
        reason: String,
    },
}

/// Raw values, from the file or the environment, before validation.
pub(crate) type Raw = std::collections::BTreeMap<String, String>;

impl Settings {
    /// Loads the file (if any) and the process environment, and validates.
    pub fn load(file: Option<&Path>) -> Result<Settings, SettingsError> {
        let mut raw = Raw::new();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|e| SettingsError::File {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
            raw = parse_toml(&text).map_err(|reason| SettingsError::File {
                path: path.display().to_string(),
                reason,
            })?;
        }
        for opt in OPTIONS {
            if let Ok(value) = std::env::var(opt.env) {
                raw.insert(opt.key.to_string(), value);
            }
        }
        Settings::from_raw(&raw)
    }

    /// Settings for tests and tools: defaults plus the given overrides (keys as in the file).
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        let raw: Raw = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_raw(&raw)
    }

    fn from_raw(raw: &Raw) -> Result<Settings, SettingsError> {
        let get = |key: &str| raw.get(key).map(|s| s.trim().to_string());
        let mode: Mode = parse_opt(raw, "mode")?.unwrap_or(Mode::Development);
        let database_url = get("database_url")
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "postgres://postgres@localhost/mandat".to_string());
        if !(database_url.starts_with("postgres://") || database_url.starts_with("postgresql://")) {
            return Err(invalid(
                "database_url",
                "must start with postgres:// or postgresql://",
            ));
        }
        let database_pool_size: u32 = parse_opt(raw, "database_pool_size")?.unwrap_or(10);
        if !(1..=100).contains(&database_pool_size) {
            return Err(invalid("database_pool_size", "must be between 1 and 100"));
        }
        let database_pool_wait = parse_millis(raw, "database_pool_wait_ms", 1000, 100..=30_000)?;
        let database_statement_timeout =
            parse_millis(raw, "database_statement_timeout_ms", 5000, 100..=600_000)?;
        let database_lock_timeout =
            parse_millis(raw, "database_lock_timeout_ms", 1000, 100..=600_000)?;
        let bind: SocketAddr =
            parse_opt(raw, "bind")?.unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8080)));
        let url = |key: &str, default: &str| -> Result<String, SettingsError> {
            let url = get(key)
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| default.to_string())
                .trim_end_matches('/')
                .to_string();
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(invalid(key, "must be an absolute http:// or https:// URL"));
            }
            if mode == Mode::Production && !url.starts_with("https://") {
                return Err(invalid(key, "must use https:// in production"));
            }
            Ok(url)
        };
        let public_url = url("public_url", "http://localhost:8080")?;
        let public_url_citizen = url("public_url_citizen", &public_url)?;
        let trusted_proxy_header = match get("trusted_proxy_header").filter(|s| !s.is_empty()) {
            None => None,
            Some(name) => {
                let lower = name.to_ascii_lowercase();
                if actix_web::http::header::HeaderName::from_bytes(lower.as_bytes()).is_err() {
                    return Err(invalid(
                        "trusted_proxy_header",
                        "must be an HTTP header name, e.g. X-Real-IP",
                    ));
                }
                Some(lower)
            }
        };
        let given_session_key = base64_key(raw, "session_key", 64)?;
        let (data_key, keyring) = keys::keyring(raw, given_session_key.as_ref())?;
        let session_key = match given_session_key {
            Some(key) => key,
            None if mode == Mode::Production => {
                return Err(invalid("session_key", "is required in production"));
            }
            None => SecretString::from(random_session_key()),
        };
        let audit_key = base64_key(raw, "audit_key", 32)?;
        let sessions = session_settings(raw)?;
        let demo_sign_in = match get("demo_sign_in").as_deref() {
            None | Some("") => mode != Mode::Production,
            Some("on") | Some("true") => true,
            Some("off") | Some("false") => false,
            Some(other) => {
                return Err(invalid(
                    "demo_sign_in",
                    &format!("{other:?} is not valid: on or off"),
                ));
            }
        };
        if demo_sign_in && mode == Mode::Production {
            return Err(invalid(
                "demo_sign_in",
                "the demo identity provider is refused in production",
            ));
        }
        let webhook_loopback = match get("webhook_loopback").as_deref() {
            None | Some("") | Some("off") | Some("false") => false,
            Some("on") | Some("true") => true,
            Some(other) => {
                return Err(invalid(
                    "webhook_loopback",
                    &format!("{other:?} is not valid: on or off"),
                ));
            }
        };
        if webhook_loopback && mode != Mode::Development {
            return Err(invalid(
                "webhook_loopback",
                "webhooks to this machine are for development only",
            ));
        }
        let oidc = oidc_settings(raw, mode, &public_url)?;
        let smtp = SmtpSettings {
            host: get("smtp_host").filter(|s| !s.is_empty()),
            port: parse_opt(raw, "smtp_port")?.unwrap_or(587),
            tls: parse_opt(raw, "smtp_tls")?.unwrap_or(SmtpTls::Starttls),
            username: get("smtp_username").filter(|s| !s.is_empty()),
            password: get("smtp_password")
                .filter(|s| !s.is_empty())
                .map(SecretString::from),
            from: get("mail_from")
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "mandat <no-reply@localhost>".to_string()),
        };
        if smtp.from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(invalid(
                "mail_from",
                "must be an address like `Name <user@example.org>`",
            ));
        }
        let jobs = JobSettings {
            deliver_mail: parse_interval(raw, "job_deliver_mail_seconds", 5)?,
            deliver_webhooks: parse_interval(raw, "job_deliver_webhooks_seconds", 5)?,
            expire_requests: parse_interval(raw, "job_expire_requests_seconds", 60)?,
            end_mandates: parse_interval(raw, "job_end_mandates_seconds", 300)?,
            archive: parse_interval(raw, "job_archive_seconds", 3600)?,
            purge: parse_interval(raw, "job_purge_seconds", 86400)?,
            purge_sessions: parse_interval(raw, "job_purge_sessions_seconds", 600)?,
            expire_keys: parse_interval(raw, "job_expire_keys_seconds", 600)?,
            expire_tenants: parse_interval(raw, "job_expire_tenants_seconds", 300)?,
            reseal: parse_interval(raw, "job_reseal_seconds", 3600)?,
        };
        let blocked_tab_days = parse_days(raw, "blocked_tab_days", 30)?;
        let tabs_refresh_seconds: u32 = parse_opt(raw, "tabs_refresh_seconds")?.unwrap_or(30);
        if !(1..=3600).contains(&tabs_refresh_seconds) {
            return Err(invalid(
                "tabs_refresh_seconds",
                "must be between 1 and 3600 seconds",
            ));
        }
        let days = |key: &str, default: i64, min: i64| {
            parse_days_within(raw, key, default, min, PRESCRIPTION_DAYS).map(chrono::Duration::days)
        };
        let retention = Retention {
            request_personal_data: days("retention_request_days", 90, 1)?,
            audit: days("retention_audit_days", 365, AUDIT_MIN_DAYS)?,
            mail: days("retention_mail_days", 30, 1)?,
            link: days("retention_link_days", 14, 1)?,
            staff_audit: days("retention_staff_audit_days", 730, 365)?,
            api_token: days("retention_api_token_days", 7, 1)?,
            job_runs: days("retention_job_runs_days", 7, 1)?,
            webhook: days("retention_webhook_days", 30, 1)?,
        };
        let links = links::links(raw, mode)?;
        let log_format = get("log_format").unwrap_or_else(|| "pretty".to_string());
        if !matches!(log_format.as_str(), "pretty" | "json") {
            return Err(invalid("log_format", "must be pretty or json"));
        }
        Ok(Settings {
            mode,
            database_url: SecretString::from(database_url),
            database_pool_size,
            database_pool_wait,
            database_statement_timeout,
            database_lock_timeout,
            bind,
            public_url,
            public_url_citizen,
            trusted_proxy_header,
            session_key,
            audit_key,
            keyring,
            data_key,
            sessions,
            demo_sign_in,
            oidc,
            smtp,
            jobs,
            blocked_tab_days,
            tabs_refresh_seconds,
            retention,
            log_format,
            webhook_loopback,
            links,
            demo_tenants: tenants::demo_tenant_settings(raw)?,
        })
    }

    /// The base URL of the demo tenant `name` (`http://alpha.demo.localhost:8080`): its
    /// pages, links, e-mails and QR codes use it.
    pub fn demo_tenant_url(&self, name: &str) -> String {
        tenant_url(&self.public_url, &self.demo_tenants.base_host, name)
    }
}

fn minutes(
    raw: &Raw,
    key: &str,
    default: i64,
    max: i64,
) -> Result<chrono::Duration, SettingsError> {
    let n: i64 = parse_opt(raw, key)?.unwrap_or(default);
    if !(1..=max).contains(&n) {
        return Err(invalid(
            key,
            &format!("must be between 1 and {max} minutes"),
        ));
    }
    Ok(chrono::Duration::minutes(n))
}

fn session_settings(raw: &Raw) -> Result<SessionSettings, SettingsError> {
    let idle = minutes(raw, "session_idle_minutes", 30, 24 * 60)?;
    let absolute = minutes(raw, "session_absolute_minutes", 8 * 60, 7 * 24 * 60)?;
    if absolute < idle {
        return Err(invalid(
            "session_absolute_minutes",
            "must be at least the idle lifetime (session_idle_minutes)",
        ));
    }
    let recent_auth = minutes(raw, "recent_auth_minutes", 15, 24 * 60)?;
    Ok(SessionSettings {
        idle,
        absolute,
        recent_auth,
    })
}

fn oidc_settings(
    raw: &Raw,
    mode: Mode,
    public_url: &str,
) -> Result<Option<OidcSettings>, SettingsError> {
    let get = |key: &str| {
        raw.get(key)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let issuer = get("oidc_issuer").map(|s| s.trim_end_matches('/').to_string());
    let client_id = get("oidc_client_id");
    let (issuer, client_id) = match (issuer, client_id) {
        (None, None) => {
            for key in ["oidc_client_secret", "oidc_acr_values"] {
                if get(key).is_some() {
                    return Err(invalid(key, "is set but oidc_issuer is not"));
                }
            }
            return Ok(None);
        }
        (Some(_), None) => {
            return Err(invalid("oidc_client_id", "is required with oidc_issuer"));
        }
        (None, Some(_)) => {
            return Err(invalid("oidc_issuer", "is required with oidc_client_id"));
        }
        (Some(issuer), Some(client_id)) => (issuer, client_id),
    };
    let https = issuer.starts_with("https://");
    if !(https || issuer.starts_with("http://")) {
        return Err(invalid("oidc_issuer", "must be an absolute https:// URL"));
    }
    if mode == Mode::Production && !https {
        return Err(invalid("oidc_issuer", "must use https:// in production"));
    }
    if openidconnect::url::Url::parse(&issuer).is_err()
        || openidconnect::url::Url::parse(&format!("{public_url}/sign-in/oidc/callback")).is_err()
    {
        return Err(invalid("oidc_issuer", "is not a valid URL"));
    }
    let scopes: Vec<String> = get("oidc_scopes")
        .unwrap_or_else(|| "openid profile".to_string())
        .split_whitespace()
        .filter(|s| *s != "openid")
        .map(str::to_string)
        .collect();
    let niss_claim = get("oidc_niss_claim").unwrap_or_else(|| "egovNRN".to_string());
    if niss_claim.contains(char::is_whitespace) {
        return Err(invalid("oidc_niss_claim", "must be one claim name"));
    }
    let names = get("oidc_name_claims").unwrap_or_else(|| "given_name family_name".to_string());
    let name_claims = match names.split_whitespace().collect::<Vec<_>>().as_slice() {
        [first, last] => (first.to_string(), last.to_string()),
        _ => {
            return Err(invalid(
                "oidc_name_claims",
                "must name two claims: the first name's and the last name's",
            ));
        }
    };
    Ok(Some(OidcSettings {
        issuer,
        client_id,
        client_secret: get("oidc_client_secret").map(SecretString::from),
        scopes,
        niss_claim,
        name_claims,
        acr_values: get("oidc_acr_values"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        let s = Settings::from_pairs(&[]).unwrap();
        assert_eq!(s.mode, Mode::Development);
        assert_eq!(s.bind.port(), 8080);
        assert_eq!(s.session_key_bytes().len(), 64);
        assert!(s.jobs.deliver_mail.is_some());
    }

    #[test]
    fn bad_values_name_the_option() {
        assert_refused(&[
            ("mode", "staging"),
            ("database_url", "mysql://x"),
            ("database_pool_size", "0"),
            ("database_pool_size", "ten"),
            ("bind", "localhost"),
            ("public_url", "example.org"),
            ("session_key", "short"),
            ("smtp_tls", "ssl"),
            ("smtp_port", "99999"),
            ("mail_from", "not an address"),
            ("job_deliver_mail_seconds", "0"),
            ("log_format", "xml"),
            ("database_pool_wait_ms", "0"),
            ("database_pool_wait_ms", "1s"),
            ("database_statement_timeout_ms", "10"),
            ("database_lock_timeout_ms", "9999999"),
            ("trusted_proxy_header", "X Real IP"),
            ("webhook_loopback", "maybe"),
        ]);
    }

    /// The error of settings made of `pairs` (which must be refused).
    pub(super) fn refusal(pairs: &[(&str, &str)]) -> String {
        Settings::from_pairs(pairs).unwrap_err().to_string()
    }

    /// The environment variable of the option `key`.
    fn env_of(key: &str) -> &'static str {
        OPTIONS.iter().find(|o| o.key == key).unwrap().env
    }

    /// Each `(key, value)` of `cases` is refused, the error naming the option's key and
    /// environment variable.
    pub(super) fn assert_refused(cases: &[(&str, &str)]) {
        for (key, value) in cases {
            let err = refusal(&[(key, value)]);
            assert!(
                err.contains(key) && err.contains(env_of(key)),
                "{key}={value}: {err}"
            );
        }
    }

    #[test]
    fn production_requires_secrets_and_https() {
        let err = refusal(&[("mode", "production"), ("public_url", "https://x.be")]);
        assert!(err.contains("MANDAT_SESSION_KEY"), "{err}");
        let err = refusal(&[("mode", "production")]);
        assert!(err.contains("MANDAT_PUBLIC_URL"), "{err}");
    }

    #[test]
    fn sign_in_settings_are_consistent() {
        let s = Settings::from_pairs(&[]).unwrap();
        assert!(s.demo_sign_in);
        assert!(s.oidc.is_none());
        assert_eq!(s.sessions.idle, chrono::Duration::minutes(30));
        assert_eq!(s.sessions.absolute, chrono::Duration::hours(8));
        let production = [
            ("mode", "production"),
            ("public_url", "https://mandat.example.be"),
            ("session_key", &"A".repeat(88)),
        ];
        // The production settings with `more`.
        let in_production = |more: &[(&'static str, &'static str)]| {
            let mut pairs = production.to_vec();
            pairs.extend_from_slice(more);
            pairs
        };
        let s = Settings::from_pairs(&production).unwrap();
        assert!(!s.demo_sign_in, "no demo provider in production");
        assert!(!s.webhook_loopback);
        let err = refusal(&in_production(&[("webhook_loopback", "on")]));
        assert!(err.contains("MANDAT_WEBHOOK_LOOPBACK"), "{err}");
        assert!(
            Settings::from_pairs(&[("webhook_loopback", "on")])
                .unwrap()
                .webhook_loopback
        );
        let cases: &[(&[(&str, &str)], &str)] = &[
            (
                &[("oidc_issuer", "https://idp.example.be")],
                "MANDAT_OIDC_CLIENT_ID",
            ),
            (&[("oidc_client_id", "mandat")], "MANDAT_OIDC_ISSUER"),
            (&[("oidc_client_secret", "s")], "MANDAT_OIDC_CLIENT_SECRET"),
            (
                &[("oidc_issuer", "idp.example.be"), ("oidc_client_id", "m")],
                "MANDAT_OIDC_ISSUER",
            ),
            (
                &[
                    ("oidc_issuer", "https://idp"),
                    ("oidc_client_id", "m"),
                    ("oidc_name_claims", "name"),
                ],
                "MANDAT_OIDC_NAME_CLAIMS",
            ),
            (
                &[("session_idle_minutes", "0")],
                "MANDAT_SESSION_IDLE_MINUTES",
            ),
            (
                &[
                    ("session_idle_minutes", "60"),
                    ("session_absolute_minutes", "30"),
                ],
                "MANDAT_SESSION_ABSOLUTE_MINUTES",
            ),
            (
                &[("recent_auth_minutes", "x")],
                "MANDAT_RECENT_AUTH_MINUTES",
            ),
            (&[("demo_sign_in", "maybe")], "MANDAT_DEMO_SIGN_IN"),
        ];
        for (pairs, env) in cases {
            let err = refusal(pairs);
            assert!(err.contains(env), "{pairs:?}: {err}");
        }
        let err = refusal(&in_production(&[("demo_sign_in", "on")]));
        assert!(err.contains("MANDAT_DEMO_SIGN_IN"), "{err}");
        let plain_http = [
            ("oidc_issuer", "http://idp.example.be"),
            ("oidc_client_id", "m"),
        ];
        let err = refusal(&in_production(&plain_http));
        assert!(err.contains("MANDAT_OIDC_ISSUER"), "{err}");
        let oidc = in_production(&[
            ("oidc_issuer", "https://idp.example.be/"),
            ("oidc_client_id", "mandat"),
            ("oidc_client_secret", "hunter2"),
            ("oidc_scopes", "openid profile egovnrn"),
        ]);
        let s = Settings::from_pairs(&oidc).unwrap();
        let o = s.oidc.as_ref().unwrap();
        assert_eq!(o.issuer, "https://idp.example.be");
        assert_eq!(o.scopes, vec!["profile", "egovnrn"]);
        assert!(!format!("{s:?}").contains("hunter2"));
    }

    #[test]
    fn database_timeouts_and_proxy_header() {
        let s = Settings::from_pairs(&[]).unwrap();
        assert_eq!(s.database_pool_wait, Duration::from_secs(1));
        assert_eq!(s.database_statement_timeout, Duration::from_secs(5));
        assert_eq!(s.database_lock_timeout, Duration::from_secs(1));
        assert_eq!(s.trusted_proxy_header, None);
        let s = Settings::from_pairs(&[
            ("database_pool_wait_ms", "250"),
            ("trusted_proxy_header", "X-Real-IP"),
        ])
        .unwrap();
        assert_eq!(s.database_pool_wait, Duration::from_millis(250));
        assert_eq!(s.trusted_proxy_header.as_deref(), Some("x-real-ip"));
    }

    #[test]
    fn empty_interval_disables_a_job() {
        let s = Settings::from_pairs(&[("job_expire_requests_seconds", "")]).unwrap();
        assert!(s.jobs.expire_requests.is_none());
    }

    #[test]
    fn retention_defaults_and_overrides() {
        let s = Settings::from_pairs(&[]).unwrap();
        assert_eq!(s.retention, Retention::default());
        assert_eq!(s.blocked_tab_days, 30);
        assert_eq!(s.jobs.archive, Some(Duration::from_secs(3600)));
        assert_eq!(s.jobs.purge, Some(Duration::from_secs(86400)));
        let s = Settings::from_pairs(&[
            ("retention_request_days", "7"),
            ("blocked_tab_days", "10"),
            ("job_purge_seconds", ""),
        ])
        .unwrap();
        assert_eq!(s.retention.request_personal_data, chrono::Duration::days(7));
        assert_eq!(s.blocked_tab_days, 10);
        assert!(s.jobs.purge.is_none());
        let err = refusal(&[("retention_audit_days", "0")]);
        assert!(err.contains("MANDAT_RETENTION_AUDIT_DAYS"), "{err}");
    }

    #[test]
    fn retention_bounds_are_refused_at_start_with_the_option_s_name() {
        // (key, refused, accepted): the audit keeps the 12 months the portal promises;
        // nothing is kept longer than the social prescription period (5 years).
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "retention_audit_days",
                &["1", "364", "1827", "3650"],
                &["365", "1826"],
            ),
            ("retention_request_days", &["0", "1827"], &["1", "1826"]),
            ("retention_mail_days", &["0", "1827"], &["1", "1826"]),
            ("retention_link_days", &["0", "1827"], &["1", "1826"]),
            (
                "retention_staff_audit_days",
                &["30", "364", "1827"],
                &["365", "1826"],
            ),
            ("retention_api_token_days", &["0", "1827"], &["1", "1826"]),
            ("retention_webhook_days", &["0", "1827"], &["1", "1826"]),
            (
                "retention_job_runs_days",
                &["0", "1827", "-1", "many"],
                &["1", "1826"],
            ),
        ];
        for (key, refused, accepted) in cases {
            for value in *refused {
                assert_refused(&[(key, value)]);
            }
            for value in *accepted {
                assert!(
                    Settings::from_pairs(&[(key, value)]).is_ok(),
                    "{key}={value}"
                );
            }
        }
        let s = Settings::from_pairs(&[
            ("retention_link_days", "3"),
            ("retention_job_runs_days", "2"),
            ("retention_webhook_days", "9"),
        ])
        .unwrap();
        assert_eq!(s.retention.link, chrono::Duration::days(3));
        assert_eq!(s.retention.job_runs, chrono::Duration::days(2));
        assert_eq!(s.retention.webhook, chrono::Duration::days(9));
        assert_eq!(s.retention.staff_audit, chrono::Duration::days(730));
        assert_eq!(
            Settings::from_pairs(&[]).unwrap().retention.webhook,
            chrono::Duration::days(30)
        );
    }

    #[test]
    fn the_citizen_host_defaults_to_the_public_url() {
        let s = Settings::from_pairs(&[("public_url", "https://mandat.example/")]).unwrap();
        assert_eq!(s.public_url_citizen, "https://mandat.example");
        let s = Settings::from_pairs(&[
            ("public_url", "https://pro.mandat.example"),
            ("public_url_citizen", "https://me.mandat.example/"),
        ])
        .unwrap();
        assert_eq!(s.public_url_citizen, "https://me.mandat.example");
        let err = refusal(&[("public_url_citizen", "me.example")]);
        assert!(err.contains("MANDAT_PUBLIC_URL_CITIZEN"), "{err}");
    }

    #[test]
    fn secrets_are_not_printed() {
        let s = Settings::from_pairs(&[("database_url", "postgres://u:hunter2@h/db")]).unwrap();
        let printed = format!("{s:?}");
        assert!(!printed.contains("hunter2"));
    }

    /// The audit's key: the one given, or one derived from the session key (the same for
    /// servers that share it, another for another), never the session key itself.
    #[test]
    fn the_audit_key_is_given_or_derived_from_the_session_key() {
        let (a, b) = ("A".repeat(88), "B".repeat(88));
        let key = |pairs: &[(&str, &str)]| Settings::from_pairs(pairs).unwrap().audit_key_bytes();
        let derived = key(&[("session_key", &a)]);
        assert_eq!(derived.len(), 32);
        assert_eq!(derived, key(&[("session_key", &a)]));
        assert_ne!(derived, key(&[("session_key", &b)]));
        let given = "C".repeat(44);
        let explicit = key(&[("session_key", &a), ("audit_key", &given)]);
        assert_eq!(explicit, key(&[("session_key", &b), ("audit_key", &given)]));
        assert_ne!(explicit, derived);
        for (bad, why) in [("short", "base64"), ("QUFBQQ==", "at least 32 bytes")] {
            let err = refusal(&[("audit_key", bad)]);
            assert!(
                err.contains("MANDAT_AUDIT_KEY") && err.contains(why),
                "{err}"
            );
        }
        let printed = format!(
            "{:?}",
            Settings::from_pairs(&[("audit_key", &given)]).unwrap()
        );
        assert!(!printed.contains(&given), "{printed}");
    }

    #[test]
    fn toml_unknown_keys_are_refused() {
        assert!(parse_toml("colour = \"blue\"").is_err());
        let raw = parse_toml("mode = \"demo\"\ndatabase_pool_size = 4").unwrap();
        assert_eq!(raw.get("database_pool_size").unwrap(), "4");
    }
}
