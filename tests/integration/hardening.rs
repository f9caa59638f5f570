//! Hardening (issue 17): every input that reaches a page, a header, a log, a mail, a
//! spreadsheet or a socket is made safe. One test per point, each against the mechanism
//! (the redirect judge, FreeText, the input layer, the webhook destinations, the CSV
//! table, the logs) rather than a special case.

use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
use mandat::db::schema::{access_requests, api_clients, companies, outbox_emails};
use serde_json::{Value, json};

use crate::{
    admin::{company_id, staff},
    api::{bearer, call, client_for_resto, receiver, token},
    company::{EMMA, JAN, request_form},
    helpers::{Options, TestApp, location_of, spawn_app, spawn_app_with, texts},
};

const RLO: &str = "\u{202e}";

fn count_requests(app: &TestApp) -> i64 {
    access_requests::table
        .count()
        .get_result(&mut app.db())
        .unwrap()
}

fn count_companies(app: &TestApp) -> i64 {
    companies::table.count().get_result(&mut app.db()).unwrap()
}

async fn signed_in(app: &TestApp, niss: &str) -> TestApp {
    let b = app.another_browser();
    b.sign_in(niss).await;
    b
}

// 1. Open redirects ---------------------------------------------------------------------

#[tokio::test]
async fn every_next_is_judged_by_one_function_and_a_crlf_gives_the_fallback() {
    let app = spawn_app().await;
    let cases = [
        ("/%09/evil.example/", "/"),
        ("/%0d%0aSet-Cookie:%20x=1", "/"),
        ("/%0aevil", "/"),
        ("//evil.example", "/"),
        ("/%5Cevil.example", "/"),
        ("/%2F%2Fevil.example", "/"),
        ("https://evil.example/", "/"),
        ("/company", "/company"),
        ("/company/tabs/active?q=x", "/company/tabs/active?q=x"),
    ];
    for (next, want) in cases {
        // The language switch.
        let res = app.get(&format!("/lang/en?next={next}")).await;
        assert_eq!(res.status().as_u16(), 303, "lang next={next}");
        assert_eq!(location_of(&res), want, "lang next={next}");
        // The sign-in page keeps only a local path to come back to.
        let res = app.get(&format!("/sign-in?next={next}")).await;
        assert_eq!(res.status().as_u16(), 200, "sign-in next={next}");
        let body = res.text().await.unwrap();
        assert_eq!(
            crate::helpers::attr(&body, "input[name=next]", "value").as_deref(),
            Some(want),
            "sign-in next={next}"
        );
    }
    // The demo sign-in's posted `next`, with raw control characters.
    for next in [
        "/\t/evil.example/",
        "/\r\nSet-Cookie: x=1",
        "//evil.example",
    ] {
        let b = app.another_browser();
        let res = b
            .post_form("/sign-in/demo", &[("niss", JAN), ("next", next)])
            .await;
        assert_eq!(res.status().as_u16(), 303, "{next:?}");
        assert_eq!(location_of(&res), "/", "{next:?}");
    }
}

#[tokio::test]
async fn the_openid_connect_flow_comes_back_only_to_a_local_path() {
    let app = crate::helpers::spawn_oidc_app(vec![], None).await;
    let res = app.sign_in_oidc_to("jan", "/%09/evil.example/").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location_of(&res), "/");
    let b = app.another_browser();
    let res = b.sign_in_oidc_to("jan", "/company").await;
    assert_eq!(location_of(&res), "/company");
}

#[tokio::test]
async fn the_language_cookie_is_secure_outside_development() {
    let dev = spawn_app().await;
    let res = dev.get("/lang/nl?next=/").await;
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("lang=nl"), "{cookie}");
    assert!(!cookie.contains("Secure"), "{cookie}");
    let demo = spawn_app_with(Options {
        settings: vec![("mode", "demo".to_string())],
    })
    .await;
    let res = demo.get("/lang/nl?next=/").await;
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
}

// 2. Free text -------------------------------------------------------------------------

#[tokio::test]
async fn names_labels_client_names_and_reasons_refuse_control_bidi_and_invisible_characters() {
    let app = spawn_app().await;
    let message = "This text holds a character that is not accepted";
    // Company registration: a name with a line break, or a right-to-left override.
    let emma = signed_in(&app, EMMA).await;
    let before = count_companies(&app);
    for name in [
        "Resto\r\nOpen this link: https://evil.example",
        &format!("{RLO}lwobekoP otseR"),
        "Resto\u{200b}Pokébowl",
        "Resto\u{feff}",
    ] {
        let res = emma
            .post_form(
                "/company/register",
                &[
                    ("bce", "0403.170.701"),
                    ("name", name),
                    ("kind", "employer"),
                    ("contact_email", "emma@example.be"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 400, "{name:?}");
        let body = res.text().await.unwrap();
        assert!(
            texts(&body, "[data-testid=error-name]")
                .iter()
                .any(|t| t.contains(message)),
            "{name:?}: {body}"
        );
    }
    assert_eq!(count_companies(&app), before, "nothing stored");
    // In another language, the message is in that language.
    let res = emma
        .client
        .post(format!("{}/company/register", emma.address))
        .header("accept-language", "nl")
        .form(&[
            ("bce", "0403.170.701"),
            ("name", "Resto\u{2066}"),
            ("kind", "employer"),
            ("contact_email", "emma@example.be"),
            ("csrf", &emma.csrf().await),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Deze tekst bevat een teken dat niet wordt aanvaard")
    );
    // A request's label; an e-mail with an invisible character.
    let jan = signed_in(&app, JAN).await;
    let before = count_requests(&app);
    let label = format!("Plonge{RLO}");
    let res = jan
        .post_form(
            "/company/requests",
            &request_form(&label, "maria@example.be", "FLEXI_JOB", "en"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    assert!(texts(&body, "[data-testid=error-label]")[0].contains(message));
    let res = jan
        .post_form(
            "/company/requests",
            &request_form("Plonge", "ma\u{200b}ria@example.be", "FLEXI_JOB", "en"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(count_requests(&app), before, "nothing stored");
    // An API client's name.
    jan.post_form("/company/api/circle", &[]).await;
    let res = jan
        .post_form(
            "/company/api/clients",
            &[("name", "HR\nsoftware"), ("scope_mandates", "on")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    assert!(res.text().await.unwrap().contains(message));
    let clients: i64 = api_clients::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(clients, 0, "nothing stored");
    // A back-office reason.
    let resto = company_id(&app, mandat::demo::companies::RESTO_BCE);
    let pieter = staff(&app, "pieter").await;
    let res = pieter
        .post_form(
            &format!("/admin/companies/{resto}/suspend"),
            &[("reason", "Unpaid\r\nCall +32 000")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    assert!(texts(&body, "[data-testid=error-reason]")[0].contains(message));
    // A label through the API: a problem.
    let app2 = spawn_app().await;
    let (id, secret) = client_for_resto(&app2, &["mandates"]).await;
    let t = bearer(&app2, &id, &secret).await;
    let (status, p, _) = call(
        &app2,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "email": "n@example.be", "label": format!("Bar{RLO}"), "language": "en"})),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (400, Some("INVALID_REQUEST")),
        "{p}"
    );
    // Names with accents, apostrophes and formula-like starts are fine.
    let res = jan
        .post_form(
            "/company/requests",
            &request_form("Œuvre d'Émile =1", "maria@example.be", "FLEXI_JOB", "en"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
}

#[tokio::test]
async fn a_stored_name_with_a_line_break_cannot_add_a_line_to_the_official_mail() {
    let app = spawn_app().await;
    // A name stored before the rule (or by an operator's import).
    diesel::update(companies::table.filter(companies::bce.eq(mandat::demo::companies::RESTO_BCE)))
        .set(companies::name.eq("Resto\r\n\r\nOpen this link: https://evil.example\r\n"))
        .execute(&mut app.db())
        .unwrap();
    let jan = signed_in(&app, JAN).await;
    jan.company_creates_request(&crate::helpers::RequestForm::new(
        "Plonge",
        "mail-test@example.be",
        "FLEXI_JOB",
        "en",
    ))
    .await;
    let (subject, body): (String, String) = outbox_emails::table
        .filter(outbox_emails::recipient.eq("mail-test@example.be"))
        .select((outbox_emails::subject, outbox_emails::body_text))
        .first(&mut app.db())
        .unwrap();
    let body = app.opened_mail(&body);
    assert!(!subject.contains(['\r', '\n']), "{subject:?}");
    assert!(
        !body.lines().any(|l| l.starts_with("Open this link")),
        "{body}"
    );
}

// 3. One input layer -------------------------------------------------------------------

#[tokio::test]
async fn nul_bytes_and_bytes_that_are_not_text_are_a_400_naming_the_field_never_a_500() {
    let app = spawn_app().await;
    let jan = signed_in(&app, JAN).await;
    let before = count_requests(&app);
    // A NUL in a form field.
    let res = jan
        .post_form(
            "/company/requests",
            &request_form("Plonge\0", "maria@example.be", "FLEXI_JOB", "en"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    assert!(
        texts(&body, "[data-testid=unreadable]")[0].contains("“label”"),
        "{body}"
    );
    // Invalid UTF-8 in a form (not stored with replacement characters).
    let csrf = jan.csrf().await;
    let raw = format!(
        "label=Plonge%FF%FE&email=maria%40example.be&context=FLEXI_JOB&language=en&niss=&csrf={csrf}"
    );
    let res = jan
        .client
        .post(format!("{}/company/requests", jan.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(raw)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    assert!(res.text().await.unwrap().contains("Unreadable input"));
    assert_eq!(count_requests(&app), before, "nothing stored");
    // A NUL in a search box (a query string), on the web side and in the back office.
    let res = jan.get("/company/tabs/requested?q=a%00b").await;
    assert_eq!(res.status().as_u16(), 400);
    assert!(res.text().await.unwrap().contains("“q”"));
    let claire = staff(&app, "claire").await;
    let res = claire.get("/admin/search?label=%00").await;
    assert_eq!(res.status().as_u16(), 400);
    let res = claire
        .post_form("/admin/search", &[("label", "a\0b")])
        .await;
    assert_eq!(res.status().as_u16(), 400);
    // The API: a NUL in JSON, JSON that is not UTF-8, a NUL in a query.
    let (id, secret) = client_for_resto(&app, &["mandates", "precontractual-data"]).await;
    let t = bearer(&app, &id, &secret).await;
    let (status, p, headers) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "email": "n@example.be", "label": "a\u{0}b", "language": "en"})),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (400, Some("INVALID_REQUEST")),
        "{p}"
    );
    assert!(p["detail"].as_str().unwrap().contains("label"), "{p}");
    assert_eq!(headers["content-type"], "application/problem+json");
    let res = app
        .client
        .post(format!(
            "{}/api/v1/precontractual-data/flexi-job",
            app.address
        ))
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body(b"{\"niss\": \"8507\xff3003328\"}".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let (status, p, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandates?onBehalfOf=%00",
        &t,
        None,
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (400, Some("INVALID_REQUEST")),
        "{p}"
    );
    assert_eq!(count_requests(&app), before, "nothing stored");
}

#[tokio::test]
async fn bodies_over_the_limit_answer_413_with_a_page_or_a_problem() {
    let app = spawn_app().await;
    let jan = signed_in(&app, JAN).await;
    for size in [100 * 1024, 1024 * 1024] {
        let big = "x".repeat(size);
        let res = jan
            .post_form(
                "/company/requests",
                &request_form(&big, "maria@example.be", "FLEXI_JOB", "en"),
            )
            .await;
        assert_eq!(res.status().as_u16(), 413, "{size}");
        let body = res.text().await.unwrap();
        assert!(body.contains("Too much data"), "{body}");
        assert!(body.contains("lang=\"en\""));
    }
    let (id, secret) = client_for_resto(&app, &["mandates"]).await;
    let t = bearer(&app, &id, &secret).await;
    let (status, p, headers) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "email": "n@example.be", "label": "x".repeat(20_000), "language": "en"})),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (413, Some("PAYLOAD_TOO_LARGE")),
        "{p}"
    );
    assert_eq!(headers["content-type"], "application/problem+json");
    let res = app
        .client
        .post(format!("{}/api/oauth/token", app.address))
        .basic_auth(&id, Some(&secret))
        .form(&[
            ("grant_type", "client_credentials"),
            ("scope", &"x".repeat(20_000)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 413);
}

// 4. Webhooks --------------------------------------------------------------------------

#[tokio::test]
async fn a_webhook_goes_only_to_a_public_address_judged_at_registration_and_at_delivery() {
    // Development mode, without the explicit loopback setting: as in production.
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates"]).await;
    let t = bearer(&app, &id, &secret).await;
    let hook_secret = "a-shared-secret-of-the-integrator";
    for url in [
        "https://127.0.0.1:55432/",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.1/hook",
        "https://172.16.5.4/hook",
        "https://192.168.1.10/hook",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[fd00::1]/hook",
        "https://[fe80::1]/hook",
        "https://224.0.0.1/hook",
        "https://0.0.0.0/hook",
        "https://localhost:8443/hook",
        "http://127.0.0.1:9000/hook",
        "https://user@hr.example.be/hook",
    ] {
        let (status, p, _) = call(
            &app,
            reqwest::Method::PUT,
            "/api/v1/webhook",
            &t,
            Some(json!({"url": url, "secret": hook_secret})),
        )
        .await;
        assert_eq!(
            (status, p["code"].as_str()),
            (400, Some("INVALID_REQUEST")),
            "{url}: {p}"
        );
        assert_eq!(p["errors"][0]["field"], "url", "{url}: {p}");
    }
    let stored: Option<String> = api_clients::table
        .select(api_clients::webhook_url)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored, None, "nothing stored");
    // A name registered while it pointed outside, that points inside now: the delivery
    // judges the address again and does not connect.
    let rx = receiver().await;
    let client_id: uuid::Uuid = id.parse().unwrap();
    diesel::update(api_clients::table.find(client_id))
        .set((
            api_clients::webhook_url.eq(Some(rx.url.replace("http://", "https://"))),
            api_clients::webhook_secret.eq(Some(hook_secret)),
        ))
        .execute(&mut app.db())
        .unwrap();
    let now = mandat::clock::Clock::now(&app.clock);
    diesel::sql_query(format!(
        "INSERT INTO webhook_deliveries (client_id, event, payload, created_at, next_attempt_at)
         VALUES ('{client_id}', 'request.accepted', '{{}}', '{now}', '{now}')"
    ))
    .execute(&mut app.db())
    .unwrap();
    let delivered = app
        .run_job(mandat::jobs::Job::DeliverWebhooks)
        .await
        .unwrap();
    assert_eq!(delivered, Some(0));
    assert!(rx.got.lock().unwrap().is_empty(), "never connected");
    let error: Option<String> = mandat::db::schema::webhook_deliveries::table
        .select(mandat::db::schema::webhook_deliveries::last_error)
        .first(&mut app.db())
        .unwrap();
    assert!(
        error.as_deref().unwrap_or("").contains("not allowed"),
        "{error:?}"
    );
}

/// A receiver that answers every POST with a redirect to `to`.
async fn redirecting_receiver(to: String) -> String {
    use actix_web::{App, HttpResponse, HttpServer, web};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = HttpServer::new(move || {
        let to = to.clone();
        App::new().route(
            "/hook",
            web::post().to(move || {
                let to = to.clone();
                async move {
                    HttpResponse::TemporaryRedirect()
                        .insert_header(("location", to))
                        .finish()
                }
            }),
        )
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    format!("http://127.0.0.1:{port}/hook")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_webhook_follows_no_redirect() {
    let (app, id, t, rx) = crate::api::integrator_with_receiver(&["mandates"]).await;
    let hook = redirecting_receiver(rx.url.clone()).await;
    let (status, _, _) = call(
        &app,
        reqwest::Method::PUT,
        "/api/v1/webhook",
        &t,
        Some(json!({"url": hook, "secret": "a-shared-secret-of-the-integrator"})),
    )
    .await;
    assert_eq!(status, 204);
    let client_id: uuid::Uuid = id.parse().unwrap();
    let now = mandat::clock::Clock::now(&app.clock);
    diesel::sql_query(format!(
        "INSERT INTO webhook_deliveries (client_id, event, payload, created_at, next_attempt_at)
         VALUES ('{client_id}', 'request.accepted', '{{}}', '{now}', '{now}')"
    ))
    .execute(&mut app.db())
    .unwrap();
    let delivered = app
        .run_job(mandat::jobs::Job::DeliverWebhooks)
        .await
        .unwrap();
    assert_eq!(delivered, Some(0), "a redirect is a failed delivery");
    assert!(
        rx.got.lock().unwrap().is_empty(),
        "the redirect is not followed"
    );
}

// 5. Spreadsheets ----------------------------------------------------------------------

#[tokio::test]
async fn no_cell_of_a_csv_starts_a_formula() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates"]).await;
    let t = bearer(&app, &id, &secret).await;
    let labels = [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+32 2 123",
        "-1+1",
        "@SUM(A1)",
    ];
    for label in labels {
        let (status, p, _) = call(
            &app,
            reqwest::Method::POST,
            "/api/v1/mandate-requests",
            &t,
            Some(json!({"context": "FLEXI_JOB", "email": "=cmd@example.be", "label": label, "language": "en"})),
        )
        .await;
        assert_eq!(status, 201, "{p}");
    }
    let res = app
        .client
        .get(format!(
            "{}/api/v1/mandate-requests?pageSize=200",
            app.address
        ))
        .bearer_auth(&t)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut seen = 0;
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} in {text}"
            );
        }
        seen += 1;
    }
    assert!(seen >= labels.len());
    for label in labels {
        assert!(
            text.contains(&format!("'{}", label.replace('"', "\"\""))),
            "{label}"
        );
    }
}

#[test]
fn every_csv_is_written_through_the_one_table_writer() {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or("");
                if (code.contains("csv::Writer") || code.contains("csv::WriterBuilder"))
                    && !path.ends_with("services/export.rs")
                {
                    out.push(path.display().to_string());
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    assert!(found.is_empty(), "CSV written beside CsvTable: {found:?}");
}

// 8. Odds and ends ---------------------------------------------------------------------

#[tokio::test]
async fn a_suspended_companys_clients_get_no_token() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates"]).await;
    let resto = company_id(&app, mandat::demo::companies::RESTO_BCE);
    let pieter = staff(&app, "pieter").await;
    let res = pieter
        .post_form(
            &format!("/admin/companies/{resto}/suspend"),
            &[("reason", "Unpaid contribution")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = token(&app, &id, &secret, None).await;
    assert_eq!(res.status().as_u16(), 400);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["error"], "unauthorized_client");
    let tokens: i64 = mandat::db::schema::api_tokens::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(tokens, 0, "no token issued");
}
