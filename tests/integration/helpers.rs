//! `spawn_app()` and helpers per user action.

use std::{
    sync::{Arc, OnceLock},
    time::{SystemTime, UNIX_EPOCH},
};

use chrono::{DateTime, TimeZone, Utc};
use diesel::{Connection, PgConnection, RunQueryDsl, sql_query};
use mandat::{
    clock::ManualClock,
    db,
    jobs::{self, Job, JobContext},
    settings::Settings,
    startup::Application,
    state::AppState,
};
use reqwest::{Response, redirect::Policy};

/// The admin connection the test command gives (a private throwaway cluster by default).
pub fn admin_url() -> String {
    std::env::var("MANDAT_TEST_DATABASE_URL")
        .or_else(|_| std::env::var("DATABASE_URL"))
        .expect("MANDAT_TEST_DATABASE_URL is not set: run the tests with scripts/test")
}

/// `url` with its database name replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let authority_end = base[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(base.len());
    let mut out = format!("{}/{}", &base[..authority_end], name);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

fn epoch() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The instant every test starts at, unless it moves the clock: a Wednesday in March 2025.
pub fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 5, 9, 30, 0).unwrap()
}

static TEMPLATE: OnceLock<String> = OnceLock::new();

/// The migrated, seeded template database of this test process (made once).
fn template() -> &'static str {
    TEMPLATE.get_or_init(|| {
        let admin = admin_url();
        let mut conn = PgConnection::establish(&admin)
            .unwrap_or_else(|e| panic!("cannot reach the test database server: {e}"));
        drop_stale_databases(&mut conn);
        let name = format!("mandat_tpl_{}_{}", epoch(), std::process::id());
        sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .expect("create template database");
        let mut tpl =
            PgConnection::establish(&with_database(&admin, &name)).expect("connect template");
        db::run_migrations(&mut tpl).expect("migrations");
        mandat::demo::seed_demo(&mut tpl, start_time()).expect("seed");
        drop(tpl);
        name
    })
}

/// Drops databases left by test runs of more than two hours ago.
fn drop_stale_databases(conn: &mut PgConnection) {
    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        datname: String,
    }
    let names: Vec<Name> =
        sql_query("SELECT datname FROM pg_database WHERE datname LIKE 'mandat\\_t%\\_%'")
            .load(conn)
            .unwrap_or_default();
    let limit = epoch().saturating_sub(2 * 3600);
    for Name { datname } in names {
        let stamp = datname
            .split('_')
            .nth(2)
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(u64::MAX);
        if stamp < limit {
            let _ = sql_query(format!("DROP DATABASE IF EXISTS {datname}")).execute(conn);
        }
    }
}

/// A database of one test, dropped (its connections closed) when its last holder goes:
/// every test cleans up after itself, failed or not.
#[derive(Debug)]
pub struct TestDb {
    /// Its connection URL.
    pub url: String,
    name: String,
}

impl TestDb {
    fn create(template: Option<&str>) -> TestDb {
        let admin = admin_url();
        let mut conn = PgConnection::establish(&admin).expect("admin connection");
        let name = format!(
            "mandat_t_{}_{}",
            epoch(),
            uuid::Uuid::new_v4()
                .simple()
                .to_string()
                .get(..12)
                .unwrap_or("x")
        );
        let sql = match template {
            Some(t) => format!("CREATE DATABASE {name} TEMPLATE {t}"),
            None => format!("CREATE DATABASE {name}"),
        };
        sql_query(sql).execute(&mut conn).expect("create database");
        TestDb {
            url: with_database(&admin, &name),
            name,
        }
    }

    /// A connection to it.
    pub fn connect(&self) -> PgConnection {
        PgConnection::establish(&self.url).expect("test database")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let dropped = PgConnection::establish(&admin_url()).and_then(|mut conn| {
            // Its demo tenants' databases first (each commented with its main database).
            let comment = mandat::db::databases::tenant_comment(&self.name);
            let tenants = mandat::db::databases::orphans(&mut conn, &comment, &[])
                .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
            for tenant in tenants {
                mandat::db::databases::drop_database(&mut conn, &tenant)
                    .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
            }
            sql_query(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .execute(&mut conn)
            .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))
        });
        if let Err(e) = dropped {
            eprintln!("test database {} not dropped: {e}", self.name);
        }
    }
}

/// A fresh database for one test, cloned from the migrated and seeded template.
pub fn fresh_database() -> TestDb {
    TestDb::create(Some(template()))
}

/// A connection to a fresh database that lives as long as the connection.
pub struct TestConn {
    conn: PgConnection,
    _db: TestDb,
}

impl TestConn {
    /// A connection to a fresh database cloned from the template.
    pub fn fresh() -> TestConn {
        let db = fresh_database();
        TestConn {
            conn: db.connect(),
            _db: db,
        }
    }
}

impl std::ops::Deref for TestConn {
    type Target = PgConnection;
    fn deref(&self) -> &PgConnection {
        &self.conn
    }
}

impl std::ops::DerefMut for TestConn {
    fn deref_mut(&mut self) -> &mut PgConnection {
        &mut self.conn
    }
}

/// A running application and a browser-like client (cookies, no automatic redirects).
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    /// The port.
    pub port: u16,
    /// The test's own database's URL.
    pub db_url: String,
    /// The test's own database (dropped with the last handle of the app), unless the test
    /// gave the database itself.
    pub db: Option<Arc<TestDb>>,
    /// The application's clock.
    pub clock: ManualClock,
    /// The application's state (pool, settings).
    pub state: AppState,
    /// A client with a cookie jar.
    pub client: reqwest::Client,
}

/// Options of a test application.
#[derive(Default)]
pub struct Options {
    /// Extra settings (keys as in the configuration file).
    pub settings: Vec<(&'static str, String)>,
}

impl Options {
    /// The real service (production mode: no demo sign-in or mailbox, HTTPS cookies) at
    /// `https://mandat.example.be`, with its own session key, and `more` settings.
    pub fn production(more: Vec<(&'static str, String)>) -> Options {
        use base64::Engine;
        let key = base64::engine::general_purpose::STANDARD.encode([7u8; 64]);
        let mut settings = vec![
            ("mode", "production".to_string()),
            ("public_url", "https://mandat.example.be".to_string()),
            ("session_key", key),
        ];
        settings.extend(more);
        Options { settings }
    }
}

/// Starts the application on port 0 with its own database, in development mode, with
/// the scheduled jobs disabled (tests run them explicitly).
pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

/// [`spawn_app`] with options. A `database_url` among the settings is used as it is (a
/// second server on the database of a first one, a database prepared by the test);
/// otherwise a fresh one is cloned.
pub async fn spawn_app_with(options: Options) -> TestApp {
    let given = options
        .settings
        .iter()
        .find(|(k, _)| *k == "database_url")
        .map(|(_, v)| v.clone());
    // A database given by the caller is theirs (a second server on the same database);
    // otherwise the test's own, dropped with the app.
    let (db, db_url) = match given {
        Some(url) => (None, url),
        None => {
            let db = Arc::new(
                tokio::task::spawn_blocking(fresh_database)
                    .await
                    .expect("database"),
            );
            let url = db.url.clone();
            (Some(db), url)
        }
    };
    let mut pairs: Vec<(&str, String)> = vec![
        ("database_url", db_url.clone()),
        ("bind", "127.0.0.1:0".to_string()),
        ("mode", "development".to_string()),
        ("database_pool_size", "4".to_string()),
        ("job_deliver_mail_seconds", String::new()),
        ("job_deliver_webhooks_seconds", String::new()),
        ("job_expire_requests_seconds", String::new()),
        ("job_end_mandates_seconds", String::new()),
        ("job_archive_seconds", String::new()),
        ("job_purge_seconds", String::new()),
        ("job_purge_sessions_seconds", String::new()),
        ("job_expire_keys_seconds", String::new()),
        ("job_expire_tenants_seconds", String::new()),
        ("job_reseal_seconds", String::new()),
    ];
    for (k, v) in options.settings {
        pairs.retain(|(key, _)| *key != k);
        pairs.push((k, v));
    }
    let pairs_ref: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let settings = Settings::from_pairs(&pairs_ref).expect("test settings");
    let clock = ManualClock::new(start_time());
    let app = Application::build(settings, Arc::new(clock.clone())).expect("build app");
    let port = app.port();
    let state = app.state().clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        port,
        db_url,
        db,
        clock,
        state,
        client: new_client(),
    }
}

/// A client like [`new_client`] for the site at `address`: a host other than 127.0.0.1
/// (a demo tenant's `alpha.demo.localhost`) is resolved to 127.0.0.1, as a browser does for
/// `*.localhost`.
pub fn client_for(address: &str) -> reqwest::Client {
    let authority = address.split("://").nth(1).unwrap_or(address);
    let (host, port) = authority.rsplit_once(':').unwrap_or((authority, "80"));
    if host == "127.0.0.1" {
        return new_client();
    }
    let port: u16 = port.trim_end_matches('/').parse().expect("port");
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_static("en"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(Policy::none())
        .cookie_store(true)
        // Below the server's keep-alive (5 s): a connection the server is closing is never
        // picked for the next request.
        .pool_idle_timeout(std::time::Duration::from_secs(2))
        .resolve(host, std::net::SocketAddr::from(([127, 0, 0, 1], port)))
        .build()
        .expect("client")
}

/// A client like a browser without JavaScript: a cookie jar, redirects not followed, and
/// English as its language (tests read English messages unless they ask otherwise).
pub fn new_client() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_static("en"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(Policy::none())
        .cookie_store(true)
        // Below the server's keep-alive (5 s): a connection the server is closing is never
        // picked for the next request.
        .pool_idle_timeout(std::time::Duration::from_secs(2))
        .build()
        .expect("client")
}

impl TestApp {
    /// GET a path.
    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request")
    }

    /// GET a path with extra headers.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let mut req = self.client.get(format!("{}{path}", self.address));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send().await.expect("request")
    }

    /// GET a path and return the body, asserting 200.
    pub async fn page(&self, path: &str) -> String {
        let res = self.get(path).await;
        assert_eq!(res.status().as_u16(), 200, "GET {path}");
        res.text().await.expect("body")
    }

    /// GET a path with extra headers (a language, htmx) and return the body, asserting 200.
    pub async fn page_with(&self, path: &str, headers: &[(&str, &str)]) -> String {
        let res = self.get_with(path, headers).await;
        assert_eq!(res.status().as_u16(), 200, "GET {path} {headers:?}");
        res.text().await.expect("body")
    }

    /// POST a form (with this session's CSRF token added), return the response.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let csrf = self.csrf().await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &csrf));
        self.client
            .post(format!("{}{path}", self.address))
            .form(&form)
            .send()
            .await
            .expect("request")
    }

    /// POST a form exactly as given (no CSRF token added).
    pub async fn post_raw(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Response {
        let mut req = self
            .client
            .post(format!("{}{path}", self.address))
            .form(&fields);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send().await.expect("request")
    }

    /// Consults a mandate as a company user does: its page (which consults nothing), then
    /// its "Consult now" button (a same-origin POST, the one recorded act). A refused page
    /// comes back as it is.
    pub async fn consult(&self, request_id: uuid::Uuid) -> Response {
        let path = format!("/company/mandates/{request_id}");
        let page = self.get(&path).await;
        if page.status().as_u16() != 200 {
            return page;
        }
        let body = page.text().await.expect("body");
        let act = attr(&body, "[data-testid=consult-form] input[name=act]", "value")
            .expect("the consult form's act");
        self.post_form(&path, &[("act", &act)]).await
    }

    /// [`TestApp::consult`], asserting 200; the result page.
    pub async fn consulted(&self, request_id: uuid::Uuid) -> String {
        let res = self.consult(request_id).await;
        assert_eq!(res.status().as_u16(), 200, "consultation of {request_id}");
        res.text().await.expect("body")
    }

    /// This session's CSRF token (read from a page, as a browser would).
    pub async fn csrf(&self) -> String {
        // A page with a form: an anonymous page without one makes no token.
        let body = self.page("/sign-in").await;
        csrf_in(&body).expect("a CSRF token on the sign-in page")
    }

    /// Signs in a person of the demo register through the demo identity provider.
    pub async fn sign_in(&self, niss: &str) {
        let res = self
            .post_form("/sign-in/demo", &[("niss", niss), ("next", "/")])
            .await;
        assert_eq!(res.status().as_u16(), 303, "sign-in of {niss}");
    }

    /// A mail's text as the outbox stores it (sealed under the application's data key),
    /// opened.
    pub fn opened_mail(&self, stored: &str) -> String {
        self.state
            .settings
            .keyring
            .open(mandat::seal::Purpose::MailText, stored)
            .expect("the application's key opens its mails")
    }

    /// The context the application's jobs run in (its database, clock and settings).
    pub fn job_context(&self) -> JobContext {
        JobContext::for_tenant(self.state.tenants.main(), self.state.settings.clone())
    }

    /// Runs a background job once, as the scheduler would; the rows it changed, or `None`
    /// when another server was running it.
    pub async fn run_job(&self, job: Job) -> anyhow::Result<Option<usize>> {
        jobs::run_once(&self.job_context(), job).await
    }

    /// The citizen's side's addresses of this application, as a request e-mail carries
    /// them (`{public_url_citizen}/r/`, the help for foreigners, the contact).
    pub fn citizen_urls(&self) -> mandat::mail::request::CitizenUrls {
        mandat::web::routes::citizen_urls(&self.state.settings, self.state.tenants.main().site())
    }

    /// A connection to the test's database.
    pub fn db(&self) -> PgConnection {
        PgConnection::establish(&self.db_url).expect("test database")
    }

    /// The id of the request labelled `label` (one of the demo's, or one the test made).
    pub fn request_id(&self, label: &str) -> uuid::Uuid {
        use diesel::{ExpressionMethods, QueryDsl};
        use mandat::db::schema::request_personal;
        request_personal::table
            .filter(request_personal::label.eq(label))
            .select(request_personal::request_id)
            .first(&mut self.db())
            .unwrap_or_else(|e| panic!("request {label:?}: {e}"))
    }

    /// How many e-mails were written for the request `id` (sent or not).
    pub fn mails_of_request(&self, id: uuid::Uuid) -> i64 {
        use diesel::{ExpressionMethods, QueryDsl};
        use mandat::db::schema::outbox_emails;
        outbox_emails::table
            .filter(outbox_emails::request_id.eq(id))
            .count()
            .get_result(&mut self.db())
            .unwrap()
    }

    /// The NISS of the citizen bound to the request `id`, if any.
    pub fn bound_citizen(&self, id: uuid::Uuid) -> Option<String> {
        use diesel::{OptionalExtension, QueryDsl};
        use mandat::db::schema::request_parties;
        request_parties::table
            .find(id)
            .select(request_parties::citizen_niss)
            .first::<Option<String>>(&mut self.db())
            .optional()
            .expect("the request's parties")
            .flatten()
    }

    /// How many requests are labelled `label`.
    pub fn requests_labelled(&self, label: &str) -> i64 {
        use diesel::{ExpressionMethods, QueryDsl};
        use mandat::db::schema::request_personal;
        request_personal::table
            .filter(request_personal::label.eq(label))
            .count()
            .get_result(&mut self.db())
            .expect("count requests")
    }
}

/// The CSRF token in a page.
pub fn csrf_in(html: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(r#"meta[name="csrf-token"]"#).ok()?;
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr("content"))
        .map(str::to_string)
}

/// Texts of the elements matching `selector`.
pub fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The value of `attr` on the first element matching `selector`.
pub fn attr(html: &str, selector: &str, attr: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr(attr))
        .map(str::to_string)
}

/// An empty database (no migrations), for the CLI tests.
pub fn fresh_empty_database() -> TestDb {
    TestDb::create(None)
}

impl TestApp {
    /// The same application seen from another browser (an empty cookie jar).
    pub fn another_browser(&self) -> TestApp {
        TestApp {
            address: self.address.clone(),
            port: self.port,
            db_url: self.db_url.clone(),
            db: self.db.clone(),
            clock: self.clock.clone(),
            state: self.state.clone(),
            client: client_for(&self.address),
        }
    }

    /// A browser of the demo tenant `name` of this application (at
    /// `http://{name}.demo.localhost:PORT`), with an empty cookie jar.
    pub fn tenant(&self, name: &str) -> TestApp {
        let address = format!("http://{name}.demo.localhost:{}", self.port);
        TestApp {
            client: client_for(&address),
            address,
            port: self.port,
            db_url: self.db_url.clone(),
            db: self.db.clone(),
            clock: self.clock.clone(),
            state: self.state.clone(),
        }
    }
}

// --- The OpenID Connect provider of the tests (tests/oidc/provider.mjs) ------------------

static PROVIDER: OnceLock<String> = OnceLock::new();

/// The issuer of the test run's OpenID Connect provider: the certified `oidc-provider`
/// package (installed by scripts/test), started once for the test binary and ended with it
/// (it exits when its standard input closes).
pub fn oidc_issuer() -> &'static str {
    PROVIDER.get_or_init(|| {
        use std::io::BufRead;
        let modules = std::env::var("MANDAT_TEST_OIDC_MODULES")
            .expect("MANDAT_TEST_OIDC_MODULES is not set: run the tests with scripts/test");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oidc/provider.mjs");
        let mut child = std::process::Command::new("node")
            .arg(script)
            .env("MANDAT_OIDC_MODULES", modules)
            .env("PORT", "0")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start the OpenID Connect provider (node)");
        let stdout = child.stdout.take().expect("provider stdout");
        let mut line = String::new();
        let mut reader = std::io::BufReader::new(stdout);
        reader.read_line(&mut line).expect("provider's first line");
        // Its output stays open too: a write to a closed pipe would end it.
        std::mem::forget(reader);
        let issuer = line
            .trim()
            .strip_prefix("listening ")
            .unwrap_or_else(|| panic!("unexpected provider output: {line:?}"))
            .to_string();
        // Kept for the life of the test binary: its standard input stays open until then.
        std::mem::forget(child);
        issuer
    })
}

/// A free port on 127.0.0.1 that stays free while the test holds it unbound (the OpenID
/// Connect apps need their URL before they bind; a mail test starts its SMTP server late).
/// Picked below the kernel's ephemeral range: a port from `bind(0)`, or the local port of
/// any outgoing connection (the many to PostgreSQL), would be taken again by another test
/// in the meantime.
pub fn free_port() -> u16 {
    let ephemeral_low = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|r| r.split_whitespace().next().and_then(|p| p.parse().ok()))
        .unwrap_or(32768u16);
    let (low, high) = (10_000u16, ephemeral_low.max(10_100));
    for _ in 0..1000 {
        let pick = low + (uuid::Uuid::new_v4().as_u128() % u128::from(high - low)) as u16;
        if std::net::TcpListener::bind(("127.0.0.1", pick)).is_ok() {
            return pick;
        }
    }
    panic!("no free port between {low} and {high}");
}

/// Registers a client of `issuer` whose redirect URIs are exactly this app's (dynamic
/// client registration); returns its id and secret.
pub async fn register_oidc_client(issuer: &str, public_url: &str) -> (String, String) {
    let res = reqwest::Client::new()
        .post(format!("{issuer}/reg"))
        .json(&serde_json::json!({
            "redirect_uris": [format!("{public_url}/sign-in/oidc/callback")],
            "post_logout_redirect_uris": [format!("{public_url}/signed-out")],
        }))
        .send()
        .await
        .expect("client registration");
    assert_eq!(res.status().as_u16(), 201, "client registration");
    let body: serde_json::Value = res.json().await.expect("registration JSON");
    (
        body["client_id"].as_str().expect("client_id").to_string(),
        body["client_secret"]
            .as_str()
            .expect("client_secret")
            .to_string(),
    )
}

/// Starts the application configured for the test provider (its own client, the exact
/// redirect URI), with `extra` settings; `issuer` overrides the provider (e.g. one that is
/// down).
pub async fn spawn_oidc_app(extra: Vec<(&'static str, String)>, issuer: Option<&str>) -> TestApp {
    let port = free_port();
    let public_url = format!("http://127.0.0.1:{port}");
    let issuer = issuer
        .map(str::to_string)
        .unwrap_or_else(|| oidc_issuer().to_string());
    let (client_id, secret) = if issuer == oidc_issuer() {
        register_oidc_client(&issuer, &public_url).await
    } else {
        ("mandat".to_string(), "secret".to_string())
    };
    let mut settings = vec![
        ("bind", format!("127.0.0.1:{port}")),
        ("public_url", public_url),
        ("oidc_issuer", issuer),
        ("oidc_client_id", client_id),
        ("oidc_client_secret", secret),
        ("oidc_scopes", "openid profile egovnrn".to_string()),
        ("oidc_niss_claim", "egovNRN".to_string()),
    ];
    settings.extend(extra);
    spawn_app_with(Options { settings }).await
}

/// The value of a response's `Location`.
pub fn location_of(res: &Response) -> String {
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// The action and the hidden fields of the first form of a page matching `selector`.
pub fn form_in(html: &str, selector: &str) -> Option<(String, Vec<(String, String)>)> {
    let doc = scraper::Html::parse_document(html);
    let form_sel = scraper::Selector::parse(selector).ok()?;
    let input_sel = scraper::Selector::parse("input[type=hidden]").ok()?;
    let form = doc.select(&form_sel).next()?;
    let action = form.value().attr("action")?.to_string();
    let fields = form
        .select(&input_sel)
        .filter_map(|i| {
            Some((
                i.value().attr("name")?.to_string(),
                i.value().attr("value").unwrap_or("").to_string(),
            ))
        })
        .collect();
    Some((action, fields))
}

impl TestApp {
    /// Goes through the provider from its authorization URL `url` as a browser would: its
    /// login form filled with `login` (a demo first name, a NISS, or a faulty account of
    /// tests/oidc/provider.mjs), its redirects followed until one comes back to this app.
    /// Returns the app's URL (the callback) without calling it.
    pub async fn through_provider(&self, url: &str, login: &str) -> String {
        let mut next = url.to_string();
        for _ in 0..12 {
            if next.starts_with(&self.address) {
                return next;
            }
            let res = self.client.get(&next).send().await.expect("provider");
            let status = res.status().as_u16();
            let base = res.url().clone();
            if status == 303 || status == 302 {
                next = base.join(&location_of(&res)).expect("redirect").to_string();
                continue;
            }
            let body = res.text().await.expect("provider page");
            assert_eq!(status, 200, "provider page {next}: {body}");
            let (action, mut fields) =
                form_in(&body, "form").unwrap_or_else(|| panic!("no form at {next}: {body}"));
            if body.contains("name=\"login\"") {
                fields.push(("login".into(), login.into()));
                fields.push(("password".into(), "any".into()));
            }
            if body.contains("name=\"logout\"") {
                fields.push(("logout".into(), "yes".into()));
            }
            let res = self
                .client
                .post(base.join(&action).expect("form action"))
                .form(&fields)
                .send()
                .await
                .expect("provider form");
            assert!(
                res.status().is_redirection(),
                "provider form: {}",
                res.status()
            );
            next = base.join(&location_of(&res)).expect("redirect").to_string();
        }
        panic!("the provider did not come back to the app");
    }

    /// Signs in through the OpenID Connect provider as `login`, coming back to `next`;
    /// returns the app's answer to the callback.
    pub async fn sign_in_oidc_to(&self, login: &str, next: &str) -> Response {
        let res = self.get(&format!("/sign-in/oidc?next={next}")).await;
        assert_eq!(res.status().as_u16(), 303, "to the provider");
        let callback = self.through_provider(&location_of(&res), login).await;
        self.client.get(&callback).send().await.expect("callback")
    }

    /// Signs in through the OpenID Connect provider as `login`, asserting success.
    pub async fn sign_in_oidc(&self, login: &str) {
        let res = self.sign_in_oidc_to(login, "/").await;
        assert_eq!(
            res.status().as_u16(),
            303,
            "OpenID Connect sign-in of {login}"
        );
    }
}

/// What a company user types in the request form.
#[derive(Clone, Debug)]
pub struct RequestForm<'a> {
    /// The company's own name for it.
    pub label: &'a str,
    /// The candidate's e-mail.
    pub email: &'a str,
    /// `FLEXI_JOB` or `STUDENT_HOURS`.
    pub context: &'a str,
    /// The e-mail's language.
    pub language: &'a str,
    /// The only person who may answer (11 digits), or empty.
    pub niss: &'a str,
}

impl<'a> RequestForm<'a> {
    /// A request for anyone behind `email`.
    pub fn new(label: &'a str, email: &'a str, context: &'a str, language: &'a str) -> Self {
        RequestForm {
            label,
            email,
            context,
            language,
            niss: "",
        }
    }

    /// The form's fields.
    pub fn fields(&self) -> Vec<(&'a str, &'a str)> {
        vec![
            ("label", self.label),
            ("email", self.email),
            ("context", self.context),
            ("language", self.language),
            ("niss", self.niss),
        ]
    }
}

/// The user actions of the journeys, as a browser without JavaScript makes them.
impl TestApp {
    /// Signs in one of the demo world's persons.
    pub async fn sign_in_as(&self, who: &mandat::demo::people::Persona) {
        self.sign_in(who.niss()).await;
    }

    /// The signed-in person registers the employer `name` (`bce`) and accepts the terms:
    /// they are its main access manager, acting for it.
    pub async fn registers_employer(&self, bce: &str, name: &str, contact_email: &str) {
        let res = self
            .post_form(
                "/company/register",
                &[
                    ("bce", bce),
                    ("name", name),
                    ("kind", "employer"),
                    ("contact_email", contact_email),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "registration of {name}");
        let res = self.post_form("/company/terms", &[]).await;
        assert_eq!(res.status().as_u16(), 303, "terms of {name}");
    }

    /// The signed-in access manager adds the person `niss` to their company with `role`, or
    /// gives that role to a member (the users page's forms); the answer.
    pub async fn manager_sets_member(&self, niss: &str, role: &str) -> Response {
        self.post_form("/company/users", &[("niss", niss), ("role", role)])
            .await
    }

    /// The signed-in access manager removes the member `niss` (confirmed); the answer.
    pub async fn manager_removes_member(&self, niss: &str) -> Response {
        self.post_form(
            "/company/users/remove",
            &[("niss", niss), ("confirmed", "yes")],
        )
        .await
    }

    /// The signed-in company user sends the request form; the link it shows (absolute).
    pub async fn company_creates_request(&self, form: &RequestForm<'_>) -> String {
        let res = self.post_form("/company/requests", &form.fields()).await;
        assert_eq!(
            res.status().as_u16(),
            200,
            "request form of {:?}",
            form.label
        );
        let body = res.text().await.expect("body");
        attr(&body, "[data-testid=created-link]", "value").expect("the link is shown")
    }

    /// A citizen's browser opens a link (absolute, or its path): the secret leaves the
    /// address bar at once; the path of the request's page.
    pub async fn citizen_opens_link(&self, link: &str) -> String {
        let path = link
            .strip_prefix(&self.state.settings.public_url_citizen)
            .unwrap_or(link);
        let res = self.get(path).await;
        assert_eq!(res.status().as_u16(), 303, "GET {path}");
        let to = res.headers()["location"]
            .to_str()
            .expect("location")
            .to_string();
        assert!(to.starts_with("/me/requests/"), "{to}");
        to
    }

    /// The signed-in citizen says the request of `page` is for them ("Continue as ...").
    pub async fn citizen_continues(&self, page: &str) -> Response {
        self.post_form(&format!("{page}/bind"), &[]).await
    }

    /// The signed-in citizen answers the request of `page` (`accept`, `refuse`,
    /// `refuse_block`).
    pub async fn citizen_answers(&self, page: &str, answer: &str) -> Response {
        self.post_form(&format!("{page}/answer"), &[("answer", answer)])
            .await
    }

    /// The signed-in citizen continues and accepts the request of `page`.
    pub async fn citizen_accepts(&self, page: &str) {
        let res = self.citizen_continues(page).await;
        assert_eq!(res.status().as_u16(), 303, "continue");
        let res = self.citizen_answers(page, "accept").await;
        assert_eq!(res.status().as_u16(), 303, "accept");
    }

    /// The signed-in citizen stops their access `request` (confirmed).
    pub async fn citizen_stops_access(&self, request: impl std::fmt::Display) -> Response {
        self.post_form(
            &format!("/me/accesses/{request}/stop"),
            &[("confirmed", "yes")],
        )
        .await
    }
}
