//! Every option, its environment variable, its default and its meaning: the README's
//! configuration table is this list (a test keeps them equal).

/// One documented option: TOML key, environment variable, default, meaning.
pub struct OptionDoc {
    /// Key in the TOML file.
    pub key: &'static str,
    /// Environment variable (wins over the file).
    pub env: &'static str,
    /// Default value (`-` when required in production).
    pub default: &'static str,
    /// What it does.
    pub help: &'static str,
}

/// Every option. The README's configuration table is this list.
pub const OPTIONS: &[OptionDoc] = &[
    OptionDoc {
        key: "mode",
        env: "MANDAT_MODE",
        default: "development",
        help: "development, demo or production; demo sign-in and mailbox only outside production",
    },
    OptionDoc {
        key: "database_url",
        env: "DATABASE_URL",
        default: "postgres://postgres@localhost/mandat",
        help: "PostgreSQL URL (secret)",
    },
    OptionDoc {
        key: "database_pool_size",
        env: "MANDAT_DATABASE_POOL_SIZE",
        default: "10",
        help: "pooled connections (1-100)",
    },
    OptionDoc {
        key: "database_pool_wait_ms",
        env: "MANDAT_DATABASE_POOL_WAIT_MS",
        default: "1000",
        help: "longest wait for a free connection before answering 503 (100-30000)",
    },
    OptionDoc {
        key: "database_statement_timeout_ms",
        env: "MANDAT_DATABASE_STATEMENT_TIMEOUT_MS",
        default: "5000",
        help: "statement_timeout of every request's statements (100-600000; jobs run without)",
    },
    OptionDoc {
        key: "database_lock_timeout_ms",
        env: "MANDAT_DATABASE_LOCK_TIMEOUT_MS",
        default: "1000",
        help: "lock_timeout of every statement, jobs included (100-600000)",
    },
    OptionDoc {
        key: "bind",
        env: "MANDAT_BIND",
        default: "127.0.0.1:8080",
        help: "listen address; `serve --bind` wins",
    },
    OptionDoc {
        key: "public_url",
        env: "MANDAT_PUBLIC_URL",
        default: "http://localhost:8080",
        help: "official base URL of the company app, the back office and the API",
    },
    OptionDoc {
        key: "public_url_citizen",
        env: "MANDAT_PUBLIC_URL_CITIZEN",
        default: "(public_url)",
        help: "official base URL of the citizen's side: every citizen-facing link, QR code and e-mail, and the host named by the \"genuine link\" hint",
    },
    OptionDoc {
        key: "trusted_proxy_header",
        env: "MANDAT_TRUSTED_PROXY_HEADER",
        default: "(none: the peer address)",
        help: "header holding the client address set by the reverse proxy, e.g. X-Real-IP (its last address counts); only behind a proxy",
    },
    OptionDoc {
        key: "session_key",
        env: "MANDAT_SESSION_KEY",
        default: "random at start outside production",
        help: "session cookie key, at least 64 bytes, base64 (secret; required in production)",
    },
    OptionDoc {
        key: "audit_key",
        env: "MANDAT_AUDIT_KEY",
        default: "derived from session_key",
        help: "key of the staff audit's fingerprints of a person (who looked them up), at least 32 bytes, base64 (secret); keep it when session_key changes: a new key no longer finds the earlier entries",
    },
    OptionDoc {
        key: "session_idle_minutes",
        env: "MANDAT_SESSION_IDLE_MINUTES",
        default: "30",
        help: "a session not used for this long ends, enforced by the server (1-1440)",
    },
    OptionDoc {
        key: "session_absolute_minutes",
        env: "MANDAT_SESSION_ABSOLUTE_MINUTES",
        default: "480",
        help: "a session ends this long after sign-in, whatever its activity (at least the idle lifetime, at most 10080)",
    },
    OptionDoc {
        key: "recent_auth_minutes",
        env: "MANDAT_RECENT_AUTH_MINUTES",
        default: "15",
        help: "a citizen who signed in longer ago authenticates again before accepting a request (1-1440)",
    },
    OptionDoc {
        key: "demo_sign_in",
        env: "MANDAT_DEMO_SIGN_IN",
        default: "on outside production",
        help: "on or off: the demo identity provider (pick a person); refused in production",
    },
    OptionDoc {
        key: "demo_base_host",
        env: "MANDAT_DEMO_BASE_HOST",
        default: "demo.localhost",
        help: "demo tenants are reached at `{name}.{demo_base_host}` (scheme and port of public_url); `*.localhost` needs no DNS on the same machine",
    },
    OptionDoc {
        key: "demo_tenants_max",
        env: "MANDAT_DEMO_TENANTS_MAX",
        default: "20",
        help: "most demo tenants at once (0-200; 0: none can be created)",
    },
    OptionDoc {
        key: "demo_tenant_days",
        env: "MANDAT_DEMO_TENANT_DAYS",
        default: "7",
        help: "longest life of a demo tenant in days, and its default (1-90); the `expire-tenants` job deletes it afterwards",
    },
    OptionDoc {
        key: "webhook_loopback",
        env: "MANDAT_WEBHOOK_LOOPBACK",
        default: "off",
        help: "on or off: webhooks may also go to this machine (loopback, plain http), for a receiver on the developer's own machine; development mode only",
    },
    OptionDoc {
        key: "oidc_issuer",
        env: "MANDAT_OIDC_ISSUER",
        default: "(none: no OpenID Connect sign-in)",
        help: "issuer URL of the OpenID Connect provider (discovery at `{issuer}/.well-known/openid-configuration`); https in production",
    },
    OptionDoc {
        key: "oidc_client_id",
        env: "MANDAT_OIDC_CLIENT_ID",
        default: "(none; required with oidc_issuer)",
        help: "our client id at the provider; the redirect URI to register is `{public_url}/sign-in/oidc/callback`",
    },
    OptionDoc {
        key: "oidc_client_secret",
        env: "MANDAT_OIDC_CLIENT_SECRET",
        default: "(none)",
        help: "our client secret at the provider (secret); without it the client is public (PKCE only)",
    },
    OptionDoc {
        key: "oidc_scopes",
        env: "MANDAT_OIDC_SCOPES",
        default: "openid profile",
        help: "scopes asked, separated by spaces (`openid` is always asked)",
    },
    OptionDoc {
        key: "oidc_niss_claim",
        env: "MANDAT_OIDC_NISS_CLAIM",
        default: "egovNRN",
        help: "ID-token claim carrying the national register or BIS number",
    },
    OptionDoc {
        key: "oidc_name_claims",
        env: "MANDAT_OIDC_NAME_CLAIMS",
        default: "given_name family_name",
        help: "ID-token claims of the first and last name (the national register's names when absent)",
    },
    OptionDoc {
        key: "oidc_acr_values",
        env: "MANDAT_OIDC_ACR_VALUES",
        default: "(none)",
        help: "level of assurance asked (`acr_values`), separated by spaces",
    },
    OptionDoc {
        key: "smtp_host",
        env: "MANDAT_SMTP_HOST",
        default: "(none: mail goes to the demo mailbox in development and demo modes, stays in the outbox in production)",
        help: "SMTP server",
    },
    OptionDoc {
        key: "smtp_port",
        env: "MANDAT_SMTP_PORT",
        default: "587",
        help: "SMTP port",
    },
    OptionDoc {
        key: "smtp_tls",
        env: "MANDAT_SMTP_TLS",
        default: "starttls",
        help: "none, starttls or tls",
    },
    OptionDoc {
        key: "smtp_username",
        env: "MANDAT_SMTP_USERNAME",
        default: "(none)",
        help: "SMTP user",
    },
    OptionDoc {
        key: "smtp_password",
        env: "MANDAT_SMTP_PASSWORD",
        default: "(none)",
        help: "SMTP password (secret)",
    },
    OptionDoc {
        key: "mail_from",
        env: "MANDAT_MAIL_FROM",
        default: "mandat <no-reply@localhost>",
        help: "From: address of every mail",
    },
    OptionDoc {
        key: "job_deliver_mail_seconds",
        env: "MANDAT_JOB_DELIVER_MAIL_SECONDS",
        default: "5",
        help: "outbox sender interval; empty disables",
    },
    OptionDoc {
        key: "job_deliver_webhooks_seconds",
        env: "MANDAT_JOB_DELIVER_WEBHOOKS_SECONDS",
        default: "5",
        help: "webhook sender interval; empty disables",
    },
    OptionDoc {
        key: "job_expire_requests_seconds",
        env: "MANDAT_JOB_EXPIRE_REQUESTS_SECONDS",
        default: "60",
        help: "expire-requests interval; empty disables",
    },
    OptionDoc {
        key: "job_end_mandates_seconds",
        env: "MANDAT_JOB_END_MANDATES_SECONDS",
        default: "300",
        help: "end-mandates interval; empty disables",
    },
    OptionDoc {
        key: "job_archive_seconds",
        env: "MANDAT_JOB_ARCHIVE_SECONDS",
        default: "3600",
        help: "archive interval (finished requests leave the company's lists); empty disables",
    },
    OptionDoc {
        key: "job_purge_seconds",
        env: "MANDAT_JOB_PURGE_SECONDS",
        default: "86400",
        help: "purge interval (personal data erased after retention); empty disables",
    },
    OptionDoc {
        key: "job_purge_sessions_seconds",
        env: "MANDAT_JOB_PURGE_SESSIONS_SECONDS",
        default: "600",
        help: "interval of the removal of dead sessions; empty disables",
    },
    OptionDoc {
        key: "job_expire_keys_seconds",
        env: "MANDAT_JOB_EXPIRE_KEYS_SECONDS",
        default: "600",
        help: "expire-keys interval (idempotency keys after 24 hours, full rate-limit buckets); empty disables",
    },
    OptionDoc {
        key: "job_expire_tenants_seconds",
        env: "MANDAT_JOB_EXPIRE_TENANTS_SECONDS",
        default: "300",
        help: "interval of the deletion of expired demo tenants; empty disables",
    },
    OptionDoc {
        key: "blocked_tab_days",
        env: "MANDAT_BLOCKED_TAB_DAYS",
        default: "30",
        help: "days a stopped, blocked or ended access stays in the blocked tab before archival (1-3650)",
    },
    OptionDoc {
        key: "tabs_refresh_seconds",
        env: "MANDAT_TABS_REFRESH_SECONDS",
        default: "30",
        help: "seconds between two automatic refreshes of the company's live tabs (1-3600)",
    },
    OptionDoc {
        key: "retention_request_days",
        env: "MANDAT_RETENTION_REQUEST_DAYS",
        default: "90",
        help: "days after archival before a request's label, e-mail, NISS, names and mails are erased (1-1826)",
    },
    OptionDoc {
        key: "retention_audit_days",
        env: "MANDAT_RETENTION_AUDIT_DAYS",
        default: "365",
        help: "days consultation audit entries (with the answers given and the quarters answered eligible), and the citizen's NISS on archived requests, are kept (365-1826: the portal shows 12 months)",
    },
    OptionDoc {
        key: "retention_mail_days",
        env: "MANDAT_RETENTION_MAIL_DAYS",
        default: "30",
        help: "days a sent or given-up mail stays in the outbox (1-1826)",
    },
    OptionDoc {
        key: "retention_link_days",
        env: "MANDAT_RETENTION_LINK_DAYS",
        default: "14",
        help: "days after a link is spent (answered, withdrawn or past its 72 hours) before its hash is erased (1-1826)",
    },
    OptionDoc {
        key: "retention_staff_audit_days",
        env: "MANDAT_RETENTION_STAFF_AUDIT_DAYS",
        default: "730",
        help: "days the staff audit (back-office look-ups and actions) is kept (365-1826)",
    },
    OptionDoc {
        key: "retention_api_token_days",
        env: "MANDAT_RETENTION_API_TOKEN_DAYS",
        default: "7",
        help: "days an expired API access token's hash is kept (1-1826)",
    },
    OptionDoc {
        key: "retention_job_runs_days",
        env: "MANDAT_RETENTION_JOB_RUNS_DAYS",
        default: "7",
        help: "days a background job's run stays in `job_runs` (1-1826)",
    },
    OptionDoc {
        key: "help_contact",
        env: "MANDAT_HELP_CONTACT",
        default: "contact@rsz.fgov.be",
        help: "the contact and help entry of every page: an e-mail address, or an https:// page (`{lang}` stands for fr, nl, de or en)",
    },
    OptionDoc {
        key: "info_url_flexi_job",
        env: "MANDAT_INFO_URL_FLEXI_JOB",
        default: "https://www.socialsecurity.be/employer/instructions/dmfa/{lang}/latest/instructions/socialsecuritycontributions/calculationbase/flexi_and_overtime_horeca.html",
        help: "the official page on the flexi-job conditions, linked from the flexi-job result pages (`{lang}` as above)",
    },
    OptionDoc {
        key: "info_url_student_hours",
        env: "MANDAT_INFO_URL_STUDENT_HOURS",
        default: "https://studentatwork.be/{lang}",
        help: "the official Student@Work page, linked from the Student@Work result pages (`{lang}` as above)",
    },
    OptionDoc {
        key: "foreigners_identification_url",
        env: "MANDAT_FOREIGNERS_IDENTIFICATION_URL",
        default: "https://mybelgianid.be",
        help: "the federal identification service for foreigners (a digital key, and a BIS number when needed), linked from the help for foreign candidates (`{lang}` as above)",
    },
    OptionDoc {
        key: "log_format",
        env: "MANDAT_LOG_FORMAT",
        default: "pretty",
        help: "pretty or json",
    },
];
