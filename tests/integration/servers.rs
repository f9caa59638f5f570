//! Several servers on one database, and faults: jobs once per interval (and taken over
//! after a crash), limits shared, database outages and locks answered in about a second,
//! the schema checked against the binary, idempotent creation, mail retried while its link
//! is valid. The nginx demonstration of the same points is `bench/several-servers`.

use std::time::{Duration, Instant};

use chrono::Duration as Days;
use diesel::{
    Connection, PgConnection, QueryableByName, RunQueryDsl, connection::SimpleConnection,
    prelude::*, sql_query, sql_types::BigInt,
};
use mandat::{
    clock::Clock,
    db::schema::{outbox_emails, staff_audit},
};
use serde_json::json;

use crate::{
    admin::staff,
    api::{bearer, call, client_for_resto},
    company::{SmtpSink, create_request, request_form},
    helpers::{
        Options, TestApp, attr, fresh_database, fresh_empty_database, spawn_app, spawn_app_with,
        texts,
    },
};

const JAN: &str = mandat::demo::people::JAN.niss();

/// Another server on the database of `app` (its own pools, limits and scheduler).
async fn second_server(app: &TestApp, extra: &[(&'static str, String)]) -> TestApp {
    let mut settings = vec![("database_url", app.db_url.clone())];
    settings.extend(extra.iter().cloned());
    spawn_app_with(Options { settings }).await
}

#[derive(QueryableByName)]
struct N {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    sql_query(sql).get_result::<N>(conn).unwrap().n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_run_each_job_once_per_interval_and_take_over_a_crashed_run() {
    let every_second = [("job_expire_requests_seconds", "1".to_string())];
    let a = spawn_app_with(Options {
        settings: every_second.to_vec(),
    })
    .await;
    let mut conn = a.db();
    // A run of end-mandates died with its server: marked running, its lock long gone.
    sql_query(
        "INSERT INTO job_schedule (job, next_run_at, running_since, running_on)
         VALUES ('end-mandates', now() + interval '1 hour', now() - interval '1 minute', 'dead:1')",
    )
    .execute(&mut conn)
    .unwrap();
    let started = Instant::now();
    let b = second_server(
        &a,
        &[
            every_second[0].clone(),
            ("job_end_mandates_seconds", "3600".to_string()),
        ],
    )
    .await;
    tokio::time::sleep(Duration::from_millis(5200).saturating_sub(started.elapsed())).await;
    let runs = count(
        &mut conn,
        "SELECT runs AS n FROM job_schedule WHERE job = 'expire-requests'",
    );
    // Once per second over about 5 seconds, whatever the number of servers (each server on
    // its own would make about 10 runs).
    assert!((4..=7).contains(&runs), "expire-requests ran {runs} times");
    // Nothing to expire at the seeded instant: counted, never written as job runs.
    assert_eq!(
        count(
            &mut conn,
            "SELECT idle_runs AS n FROM job_schedule WHERE job = 'expire-requests'"
        ),
        runs
    );
    assert_eq!(count(&mut conn, "SELECT count(*) AS n FROM job_runs"), 0);
    // The crashed run was taken over at once, not an hour later.
    assert_eq!(
        count(
            &mut conn,
            "SELECT runs AS n FROM job_schedule
              WHERE job = 'end-mandates' AND running_since IS NULL"
        ),
        1
    );
    drop(b);
}

#[tokio::test]
async fn the_link_limit_holds_for_the_servers_together_and_trusts_the_proxy_header_only_when_told()
{
    // Servers of one service share their settings, the session key among them (an address
    // is counted under a fingerprint keyed by it).
    use base64::Engine;
    let key = base64::engine::general_purpose::STANDARD.encode([9u8; 64]);
    let proxy = [
        ("trusted_proxy_header", "X-Real-IP".to_string()),
        ("session_key", key),
    ];
    let a = spawn_app_with(Options {
        settings: proxy.to_vec(),
    })
    .await;
    let b = second_server(&a, &proxy).await;
    let link = format!("/r/{}", "x".repeat(43));
    let open = |app: &TestApp, ip: &'static str| {
        let (client, url) = (app.client.clone(), format!("{}{link}", app.address));
        async move {
            let res = client
                .get(url)
                .header("X-Real-IP", ip)
                .send()
                .await
                .unwrap();
            let wait = res
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_string());
            (res.status().as_u16(), wait)
        }
    };
    for i in 0..mandat::limits::LINK_HITS_PER_WINDOW {
        let server = if i % 2 == 0 { &a } else { &b };
        assert_eq!(open(server, "198.51.100.1").await.0, 404, "opening {i}");
    }
    // The 21st opening, on either server, is refused: the limit of one server.
    let (status, wait) = open(&a, "198.51.100.1").await;
    assert_eq!(status, 429);
    assert!(wait.is_some_and(|w| (1..=60).contains(&w.parse::<u64>().unwrap())));
    assert_eq!(open(&b, "198.51.100.1").await.0, 429);
    // Another client has its own budget; an address put in front by the client is not
    // the one the proxy added.
    assert_eq!(open(&b, "198.51.100.2").await.0, 404);
    assert_eq!(open(&a, "203.0.113.9, 198.51.100.1").await.0, 429);

    // Without the setting the header is not believed: the peer address is counted.
    let c = spawn_app().await;
    let ips = ["203.0.113.1", "203.0.113.2", "203.0.113.3"];
    for i in 0..mandat::limits::LINK_HITS_PER_WINDOW as usize {
        assert_eq!(open(&c, ips[i % 3]).await.0, 404);
    }
    assert_eq!(open(&c, "203.0.113.4").await.0, 429);
}

#[tokio::test]
async fn an_unreachable_database_is_answered_503_within_about_a_second() {
    // Nothing listens there: every connection attempt is refused.
    let app = spawn_app_with(Options {
        settings: vec![(
            "database_url",
            "postgres://postgres@127.0.0.1:1/mandat".to_string(),
        )],
    })
    .await;
    for path in ["/sign-in", "/readyz"] {
        let started = Instant::now();
        let res = app.get(path).await;
        let took = started.elapsed();
        assert_eq!(res.status().as_u16(), 503, "{path}");
        assert!(res.headers().contains_key("retry-after"), "{path}");
        assert!(took < Duration::from_millis(2500), "{path} took {took:?}");
        let body = res.text().await.unwrap();
        assert!(!body.contains("incident"), "{path}: a 503 is no incident");
    }
    // The API says it as a problem, with Retry-After.
    let res = app
        .client
        .get(format!("{}/api/v1/mandates", app.address))
        .bearer_auth("some-token")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 503);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert!(res.headers().contains_key("retry-after"));
    let p: serde_json::Value = res.json().await.unwrap();
    assert_eq!(p["code"], "UNAVAILABLE");
    // What needs no database still answers at once.
    for path in ["/healthz", "/assets/app.css", "/"] {
        let started = Instant::now();
        let status = app.get(path).await.status().as_u16();
        let took = started.elapsed();
        assert_eq!(status, 200, "{path}");
        assert!(took < Duration::from_millis(500), "{path} took {took:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_killed_by_the_database_cost_at_most_one_503_and_never_a_500() {
    let app = spawn_app().await;
    // Fill the pool with connections.
    let warm: Vec<_> = (0..4).map(|_| app.get("/sign-in")).collect();
    for res in futures_util::future::join_all(warm).await {
        assert_eq!(res.status().as_u16(), 200);
    }
    // The database drops every connection (as at a restart).
    let mut admin = app.db();
    sql_query(
        "SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .get_result::<N>(&mut admin)
    .unwrap();
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(app.get("/sign-in").await.status().as_u16());
    }
    assert!(!statuses.contains(&500), "{statuses:?}");
    assert!(
        statuses.iter().filter(|s| **s == 503).count() <= 1,
        "each dead connection is handed out at most once, the others are tested: {statuses:?}"
    );
    assert_eq!(statuses.last(), Some(&200), "{statuses:?}");
    assert_eq!(app.get("/readyz").await.status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_table_leaves_the_other_pages_and_readiness_answering() {
    let app = spawn_app_with(Options {
        settings: vec![("database_lock_timeout_ms", "500".to_string())],
    })
    .await;
    app.sign_in(JAN).await;
    assert_eq!(app.get("/company").await.status().as_u16(), 200);
    // Someone holds a long lock on access_requests.
    let mut locker = app.db();
    locker
        .batch_execute("BEGIN; LOCK TABLE access_requests IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    // More dashboards than the pool has connections wait for it...
    let started = Instant::now();
    let dashboards: Vec<_> = (0..8)
        .map(|_| {
            let (client, url) = (app.client.clone(), format!("{}/company", app.address));
            async move { client.get(url).send().await.unwrap() }
        })
        .collect();
    let dashboards = tokio::spawn(futures_util::future::join_all(dashboards));
    tokio::time::sleep(Duration::from_millis(100)).await;
    // ... while readiness, static files and pages without that table answer.
    for path in ["/readyz", "/assets/app.css", "/", "/healthz"] {
        let t = Instant::now();
        assert_eq!(app.get(path).await.status().as_u16(), 200, "{path}");
        assert!(
            t.elapsed() < Duration::from_millis(800),
            "{path}: {:?}",
            t.elapsed()
        );
    }
    let t = Instant::now();
    let sign_in = app.get("/sign-in").await.status().as_u16();
    assert!(matches!(sign_in, 200 | 503), "{sign_in}");
    assert!(t.elapsed() < Duration::from_millis(2500));
    let statuses: Vec<u16> = dashboards
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.status().as_u16())
        .collect();
    assert!(statuses.iter().all(|s| *s == 503), "{statuses:?}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    locker.batch_execute("ROLLBACK").unwrap();
    assert_eq!(app.get("/company").await.status().as_u16(), 200);
}

/// Starts the binary with `DATABASE_URL=url`.
fn run_mandat(url: &str, args: &[&str]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_mandat"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("MANDAT_MODE", "development")
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run mandat")
}

fn finish(child: std::process::Child) -> (bool, String) {
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[tokio::test]
async fn the_schema_must_match_the_binary_and_concurrent_migrations_wait() {
    // Three migrations at once on an empty database: all succeed, each migration once.
    let empty_db = fresh_empty_database();
    let empty = empty_db.url.clone();
    let runs: Vec<_> = (0..3).map(|_| run_mandat(&empty, &["migrate"])).collect();
    let mut applied = 0;
    for child in runs {
        let (ok, out) = finish(child);
        assert!(ok, "{out}");
        let n: usize = out
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{out}"));
        applied += n;
    }
    let versions = mandat::db::migrations::embedded_versions().unwrap();
    assert_eq!(applied, versions.len());

    // A database that lacks the newest migration: not ready, and not served.
    let db = fresh_database();
    let url = db.url.clone();
    let newest = versions.last().unwrap().clone();
    let mut conn = PgConnection::establish(&url).unwrap();
    sql_query(format!(
        "DELETE FROM __diesel_schema_migrations WHERE version = '{newest}'"
    ))
    .execute(&mut conn)
    .unwrap();
    let app = spawn_app_with(Options {
        settings: vec![("database_url", url.clone())],
    })
    .await;
    let res = app.get("/readyz").await;
    assert_eq!(res.status().as_u16(), 503);
    let text = res.text().await.unwrap();
    assert!(
        text.contains(&newest) && text.contains("mandat migrate"),
        "{text}"
    );
    let (ok, out) = finish(run_mandat(&url, &["serve", "--bind", "127.0.0.1:0"]));
    assert!(!ok, "serve refuses an old database");
    assert!(out.contains("run `mandat migrate`"), "{out}");

    // Migrated, plus one migration of a newer binary: ready, with a warning.
    sql_query(format!(
        "INSERT INTO __diesel_schema_migrations (version) VALUES ('{newest}'), ('20991231000000')"
    ))
    .execute(&mut conn)
    .unwrap();
    let res = app.get("/readyz").await;
    assert_eq!(res.status().as_u16(), 200);
    let text = res.text().await.unwrap();
    assert!(
        text.starts_with("ready") && text.contains("20991231000000"),
        "{text}"
    );
}

/// POSTs `body` (or nothing) to `path` with an `Idempotency-Key`: the status, whether the
/// answer says it is a replay, and the JSON.
async fn post_with_key(
    app: &TestApp,
    path: &str,
    token: &str,
    key: &str,
    body: Option<serde_json::Value>,
) -> (u16, bool, serde_json::Value) {
    let mut req = app
        .client
        .post(format!("{}{path}", app.address))
        .bearer_auth(token)
        .header("Idempotency-Key", key);
    if let Some(body) = body {
        req = req.json(&body);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let replayed = res.headers().contains_key("idempotent-replayed");
    (status, replayed, res.json().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retried_api_creation_with_the_same_key_makes_one_request_and_one_mail() {
    let a = spawn_app().await;
    let b = second_server(&a, &[]).await;
    let (id, secret) = client_for_resto(&a, &["mandates"]).await;
    let token = bearer(&a, &id, &secret).await;
    let body = json!({
        "context": "FLEXI_JOB", "email": "retry@example.be", "label": "Retried", "language": "fr"
    });
    let create = "/api/v1/mandate-requests";
    let key = "b1f7e3c2-retry-1";
    // The client's first POST timed out: it sends it again, and both reach a server.
    let (first, second) = tokio::join!(
        post_with_key(&a, create, &token, key, Some(body.clone())),
        post_with_key(&b, create, &token, key, Some(body.clone()))
    );
    assert_eq!((first.0, second.0), (201, 201), "{first:?} {second:?}");
    assert_eq!(first.2["id"], second.2["id"]);
    assert_eq!(first.2["link"], second.2["link"]);
    assert!(first.1 ^ second.1, "one of the two is the replay");
    let again = post_with_key(&a, create, &token, key, Some(body.clone())).await;
    assert_eq!((again.0, again.1), (201, true));
    assert_eq!(again.2["id"], first.2["id"]);
    let mut conn = a.db();
    let requests = a.requests_labelled("Retried");
    assert_eq!(requests, 1);
    let mails: i64 = outbox_emails::table
        .filter(outbox_emails::recipient.eq("retry@example.be"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(mails, 1);
    // The table holds neither the key nor the link: the key's digest, the link sealed.
    let stored: Vec<(String, Option<String>)> = mandat::db::schema::idempotency_keys::table
        .select((
            mandat::db::schema::idempotency_keys::key,
            mandat::db::schema::idempotency_keys::link,
        ))
        .load(&mut conn)
        .unwrap();
    let link_token = first.2["link"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    assert_eq!(stored.len(), 1, "{stored:?}");
    let (stored_key, stored_link) = &stored[0];
    assert!(stored_key != key && stored_key.len() == 64, "{stored_key}");
    let stored_link = stored_link.as_deref().unwrap();
    assert!(
        stored_link.starts_with("v1:") && !stored_link.contains(link_token),
        "{stored_link}"
    );
    // The same key for something else is refused; a malformed key too.
    let other = json!({
        "context": "FLEXI_JOB", "email": "other@example.be", "label": "Other", "language": "fr"
    });
    let reused = post_with_key(&b, create, &token, key, Some(other.clone())).await;
    assert_eq!(reused.0, 422);
    assert_eq!(reused.2["code"], "IDEMPOTENCY_KEY_REUSED");
    let bad = post_with_key(&a, create, &token, "a key with spaces", Some(other)).await;
    assert_eq!(bad.0, 400);
    // Without a key, nothing changes: two POSTs make two requests.
    let (s1, ..) = call(
        &a,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &token,
        Some(body.clone()),
    )
    .await;
    let (s2, ..) = call(
        &b,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &token,
        Some(body),
    )
    .await;
    assert_eq!((s1, s2), (201, 201));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retried_api_new_link_with_the_same_key_makes_one_link_and_one_mail() {
    let a = spawn_app().await;
    let b = second_server(&a, &[]).await;
    let (id, secret) = client_for_resto(&a, &["mandates"]).await;
    let token = bearer(&a, &id, &secret).await;
    let (status, created, _) = call(
        &a,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &token,
        Some(json!({"context": "FLEXI_JOB", "email": "relink@example.be", "language": "nl"})),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let path = format!(
        "/api/v1/mandate-requests/{}/link",
        created["id"].as_str().unwrap()
    );
    let mails = || -> i64 {
        outbox_emails::table
            .filter(outbox_emails::recipient.eq("relink@example.be"))
            .count()
            .get_result(&mut a.db())
            .unwrap()
    };
    // The integrator's first call timed out: it sends it again, and both reach a server.
    let (first, second) = tokio::join!(
        post_with_key(&a, &path, &token, "relink-1", None),
        post_with_key(&b, &path, &token, "relink-1", None)
    );
    assert_eq!((first.0, second.0), (200, 200), "{first:?} {second:?}");
    assert_eq!(first.2["link"], second.2["link"]);
    assert_ne!(first.2["link"], created["link"]);
    assert!(first.1 ^ second.1, "one of the two is the replay");
    assert_eq!(mails(), 2, "the creation's mail and one new link's");
    // The key of a new link is not the key of a creation.
    let creation = json!({"context": "FLEXI_JOB", "language": "nl"});
    let (status, _, reused) = post_with_key(
        &a,
        "/api/v1/mandate-requests",
        &token,
        "relink-1",
        Some(creation),
    )
    .await;
    assert_eq!(
        (status, reused["code"].as_str()),
        (422, Some("IDEMPOTENCY_KEY_REUSED"))
    );
    // Another key makes another link; the first key's answer, retried after it, would hand
    // out a dead link: refused.
    let other = post_with_key(&b, &path, &token, "relink-2", None).await;
    assert_eq!((other.0, other.1), (200, false));
    assert_ne!(other.2["link"], first.2["link"]);
    assert_eq!(mails(), 3);
    let late = post_with_key(&a, &path, &token, "relink-1", None).await;
    assert_eq!(
        (late.0, late.2["code"].as_str()),
        (409, Some("INVALID_STATE")),
        "{late:?}"
    );
    assert_eq!(mails(), 3);
}

#[tokio::test]
async fn a_form_sent_twice_makes_one_request_and_shows_the_same_link() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let page = app.page("/company/requests/new").await;
    let key = attr(&page, "input[name=form_key]", "value").expect("a key per form display");
    let mut fields = request_form("Twice", "twice@example.be", "FLEXI_JOB", "fr");
    fields.push(("form_key", &key));
    let first = create_request(&app, &fields).await;
    let second = create_request(&app, &fields).await;
    assert_eq!(first, second);
    let n = app.requests_labelled("Twice");
    assert_eq!(n, 1);
    // The form shown after a creation has a new key; another display, another key.
    let again = app.page("/company/requests/new").await;
    assert_ne!(attr(&again, "input[name=form_key]", "value"), Some(key));
}

#[tokio::test]
async fn mail_is_retried_until_its_link_ends_and_a_mail_given_up_is_shown_and_sent_again() {
    let port = crate::helpers::free_port();
    let app = spawn_app_with(Options {
        settings: vec![
            ("smtp_host", "127.0.0.1".into()),
            ("smtp_port", port.to_string()),
            ("smtp_tls", "none".into()),
        ],
    })
    .await;
    app.sign_in(JAN).await;
    let mut conn = app.db();
    diesel::update(outbox_emails::table)
        .set(outbox_emails::sent_at.eq(Some(app.clock.now())))
        .execute(&mut conn)
        .unwrap();
    app.company_creates_request(&crate::helpers::RequestForm::new(
        "Down",
        "candidate@example.be",
        "FLEXI_JOB",
        "fr",
    ))
    .await;
    let state = |conn: &mut PgConnection, to: &str| -> (i32, bool) {
        outbox_emails::table
            .filter(outbox_emails::recipient.eq(to))
            .select((
                outbox_emails::attempts,
                outbox_emails::failed_at.is_not_null(),
            ))
            .first(conn)
            .unwrap()
    };
    // No SMTP server: tried every 30 s, 1 min, ... at most every 30 minutes.
    let deliver = || app.run_job(mandat::jobs::Job::DeliverMail);
    let mut hours = 0;
    while hours < 71 {
        deliver().await.unwrap();
        app.clock.advance(Days::minutes(30));
        hours = (app.clock.now() - crate::helpers::start_time()).num_hours();
        if hours == 6 {
            let (attempts, given_up) = state(&mut conn, "candidate@example.be");
            assert!(
                attempts >= 10 && !given_up,
                "{attempts} attempts in 6 hours"
            );
        }
    }
    let (_, given_up) = state(&mut conn, "candidate@example.be");
    assert!(!given_up, "still tried in the link's last hours");
    app.clock.advance(Days::hours(1) + Days::minutes(1));
    deliver().await.unwrap();
    let (_, given_up) = state(&mut conn, "candidate@example.be");
    assert!(given_up, "given up once the link has ended");

    // A mailbox refused for good (550): given up at once, and the company is told (three
    // days later: the session is long over, sign in again).
    let sink = SmtpSink::start(port);
    app.sign_in(JAN).await;
    app.company_creates_request(&crate::helpers::RequestForm::new(
        "Refused",
        "unknown@example.be",
        "FLEXI_JOB",
        "fr",
    ))
    .await;
    deliver().await.unwrap();
    assert_eq!(state(&mut conn, "unknown@example.be"), (1, true));
    let tab = app.page("/company").await;
    assert_eq!(
        texts(&tab, "[data-testid=mail-undelivered]").len(),
        2,
        "the expired one and the refused one"
    );
    // Staff send it again from the request's timeline (audited).
    let request = app.request_id("Refused");
    let claire = staff(&app, "claire").await;
    let timeline = claire.page(&format!("/admin/requests/{request}")).await;
    let action = attr(&timeline, "[data-testid=resend-mail]", "data-testid");
    assert!(action.is_some(), "the button is shown");
    let mail: uuid::Uuid = outbox_emails::table
        .filter(outbox_emails::request_id.eq(request))
        .select(outbox_emails::id)
        .first(&mut conn)
        .unwrap();
    let res = claire
        .post_form(
            &format!("/admin/requests/{request}/mails/{mail}/resend"),
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(state(&mut conn, "unknown@example.be"), (1, false));
    let audited: Vec<(String, Option<String>)> = staff_audit::table
        .filter(staff_audit::action.eq("resend_mail"))
        .select((staff_audit::action, staff_audit::target))
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        audited,
        [("resend_mail".to_string(), Some(request.to_string()))]
    );
    // Sent again only once: a second click is refused.
    let res = claire
        .post_form(
            &format!("/admin/requests/{request}/mails/{mail}/resend"),
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(sink.messages().is_empty());
}

/// What is sealed under the data key (a webhook's signing secret, the text of a mail
/// waiting in the outbox, with its live link) cannot be read from the database, and a
/// change of the key loses none of it: the servers of the new key, the old one retired,
/// open both and `reseal` seals them again under the new one, after which the old key can
/// go. A server that has neither key says so and gives up, never sends garbage.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_of_data_key_loses_no_webhook_secret_and_no_waiting_mail() {
    use base64::Engine;
    use mandat::{
        db::schema::{api_clients, webhook_deliveries},
        web::routes::MAILBOX,
    };
    let key = |b: u8| base64::engine::general_purpose::STANDARD.encode([b; 32]);
    let hook = |k: String| vec![("webhook_loopback", "on".to_string()), ("data_key", k)];
    let old = spawn_app_with(Options {
        settings: hook(key(1)),
    })
    .await;
    let (id, secret) = client_for_resto(&old, &["mandates"]).await;
    let t = bearer(&old, &id, &secret).await;
    let rx = crate::api::receiver().await;
    let hook_secret = "the-integrators-own-signing-secret";
    let body = json!({"url": rx.url, "secret": hook_secret});
    let (status, _, _) = call(
        &old,
        reqwest::Method::PUT,
        "/api/v1/webhook",
        &t,
        Some(body),
    )
    .await;
    assert_eq!(status, 204);
    let noah = mandat::demo::people::NOAH.niss();
    let ask = json!({"context": "FLEXI_JOB", "email": "noah@example.be", "label": "Keys", "language": "nl", "niss": noah});
    let (status, created, _) = call(
        &old,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(ask),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let token = created["link"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    let client_id: uuid::Uuid = id.parse().unwrap();
    let stored = |app: &TestApp| -> (String, String, uuid::Uuid) {
        let mut conn = app.db();
        let secret: Option<String> = api_clients::table
            .find(client_id)
            .select(api_clients::webhook_secret)
            .first(&mut conn)
            .unwrap();
        let (text, mail): (String, uuid::Uuid) = outbox_emails::table
            .filter(outbox_emails::recipient.eq("noah@example.be"))
            .select((outbox_emails::body_text, outbox_emails::id))
            .first(&mut conn)
            .unwrap();
        (secret.unwrap(), text, mail)
    };
    // Neither the secret nor the link can be read from the database.
    let (sealed_secret, sealed_text, mail) = stored(&old);
    let old_prefix = old.state.settings.keyring.current_prefix();
    for sealed in [&sealed_secret, &sealed_text] {
        assert!(sealed.starts_with(&old_prefix), "{sealed}");
    }
    assert!(!sealed_secret.contains(hook_secret));
    assert!(!sealed_text.contains(token) && !sealed_text.contains("Resto"));

    // The new key, the old one retired: the citizen accepts on a server of the new key, whose
    // sender signs with the integrator's secret, and whose mailbox shows the link.
    let mut rotated = hook(key(2));
    rotated.push(("data_keys_retired", key(1)));
    let new = second_server(&old, &rotated).await;
    crate::api::accepted_by(&new, &created, noah).await;
    let sent = new.run_job(mandat::jobs::Job::DeliverWebhooks).await;
    assert_eq!(sent.unwrap(), Some(1));
    let (headers, payload) = rx.got.lock().unwrap()[0].clone();
    let ts: i64 = headers["x-mandat-timestamp"].parse().unwrap();
    assert_eq!(
        headers["x-mandat-signature"],
        format!(
            "sha256={}",
            mandat::webhooks::signature(hook_secret, ts, &payload)
        )
    );
    let message = new.page(&format!("{MAILBOX}/{mail}")).await;
    assert!(message.contains(token), "{message}");
    // `reseal` seals both again under the new key (once), and the old key can go.
    let resealed = new.run_job(mandat::jobs::Job::Reseal).await.unwrap();
    assert_eq!(resealed, Some(2), "one secret, one mail");
    assert_eq!(
        new.run_job(mandat::jobs::Job::Reseal).await.unwrap(),
        Some(0)
    );
    let (secret_now, text_now, _) = stored(&new);
    let new_prefix = new.state.settings.keyring.current_prefix();
    assert_ne!(new_prefix, old_prefix);
    assert!(secret_now.starts_with(&new_prefix) && text_now.starts_with(&new_prefix));
    let only_new = second_server(&old, &hook(key(2))).await;
    let message = only_new.page(&format!("{MAILBOX}/{mail}")).await;
    assert!(message.contains(token), "{message}");

    // A server with neither key: the mailbox says it cannot read the text, the sender gives
    // the mail and the delivery up at their first attempt, and nothing unsigned goes out.
    let port = crate::helpers::free_port();
    let mut lost = hook(key(3));
    lost.extend([
        ("smtp_host", "127.0.0.1".to_string()),
        ("smtp_port", port.to_string()),
        ("smtp_tls", "none".to_string()),
    ]);
    let lost = second_server(&old, &lost).await;
    let message = lost.page(&format!("{MAILBOX}/{mail}")).await;
    assert!(!message.contains(token));
    assert!(message.contains(mandat::seal::UNREADABLE), "{message}");
    assert!(message.contains("This server cannot read it"), "{message}");
    let sink = SmtpSink::start(port);
    assert_eq!(
        lost.run_job(mandat::jobs::Job::DeliverMail).await.unwrap(),
        Some(0)
    );
    assert!(sink.messages().is_empty());
    let (failed, error): (bool, Option<String>) = outbox_emails::table
        .find(mail)
        .select((
            outbox_emails::failed_at.is_not_null(),
            outbox_emails::last_error,
        ))
        .first(&mut lost.db())
        .unwrap();
    assert!(failed, "given up at once: {error:?}");
    assert!(error.unwrap().starts_with(mandat::seal::UNREADABLE));
    let citizen = new.another_browser();
    citizen.sign_in(noah).await;
    let request = created["id"].as_str().unwrap();
    citizen.citizen_stops_access(request).await;
    let sent = lost.run_job(mandat::jobs::Job::DeliverWebhooks).await;
    assert_eq!(sent.unwrap(), Some(0));
    assert_eq!(rx.got.lock().unwrap().len(), 1, "nothing more was sent");
    let (attempts, failed, error): (i32, bool, Option<String>) = webhook_deliveries::table
        .filter(webhook_deliveries::client_id.eq(client_id))
        .filter(webhook_deliveries::event.eq("mandate.revoked"))
        .select((
            webhook_deliveries::attempts,
            webhook_deliveries::failed_at.is_not_null(),
            webhook_deliveries::last_error,
        ))
        .first(&mut lost.db())
        .unwrap();
    assert_eq!((attempts, failed), (1, true));
    assert!(error.unwrap().starts_with(mandat::seal::UNREADABLE));
}
