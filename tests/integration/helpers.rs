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

/// A fresh database for one test, cloned from the template.
pub fn fresh_database() -> String {
    let template = template();
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
    sql_query(format!("CREATE DATABASE {name} TEMPLATE {template}"))
        .execute(&mut conn)
        .expect("clone template");
    with_database(&admin, &name)
}

/// A running application and a browser-like client (cookies, no automatic redirects).
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    /// The port.
    pub port: u16,
    /// The test's own database.
    pub db_url: String,
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
    let db_url = match given {
        Some(url) => url,
        None => tokio::task::spawn_blocking(fresh_database)
            .await
            .expect("database"),
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
        ("job_expire_keys_seconds", String::new()),
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
        clock,
        state,
        client: new_client(),
    }
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

    /// This session's CSRF token (read from a page, as a browser would).
    pub async fn csrf(&self) -> String {
        let body = self.page("/").await;
        csrf_in(&body).expect("a CSRF token on the home page")
    }

    /// Signs in a person of the demo register through the demo identity provider.
    pub async fn sign_in(&self, niss: &str) {
        let res = self
            .post_form("/sign-in/demo", &[("niss", niss), ("next", "/")])
            .await;
        assert_eq!(res.status().as_u16(), 303, "sign-in of {niss}");
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

    /// The citizen's link base of this application (`{public_url}/r/`).
    pub fn link_base(&self) -> String {
        mandat::web::routes::citizen_link_base(&self.state.settings.public_url)
    }

    /// A connection to the test's database.
    pub fn db(&self) -> PgConnection {
        PgConnection::establish(&self.db_url).expect("test database")
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
pub fn fresh_empty_database() -> String {
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
    sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .expect("create database");
    with_database(&admin, &name)
}

impl TestApp {
    /// The same application seen from another browser (an empty cookie jar).
    pub fn another_browser(&self) -> TestApp {
        TestApp {
            address: self.address.clone(),
            port: self.port,
            db_url: self.db_url.clone(),
            clock: self.clock.clone(),
            state: self.state.clone(),
            client: new_client(),
        }
    }
}
