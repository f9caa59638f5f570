//! True to the rules (issue 13): a blocked company's targeted request, the integrator's own
//! link, the CSV of active accesses, withdrawn requests for two weeks, the citizen's host,
//! a suspended company told before it acts, the back office's name search and its 403 page.
//! (The positive flexi-job result and one consultation per act are in `consult`, the
//! retention in `jobs`, providers on the API in `api`, the Belgian dates and the retention
//! bounds in the unit tests of `domain::calendar` and `settings`.)

use chrono::Duration;
use diesel::prelude::*;
use mandat::db::schema::{access_requests, companies, outbox_emails};
use serde_json::json;

use crate::{
    api::{bearer, call, client_for_resto},
    company::{JAN, LENA, decode_qr, request_form},
    helpers::{Options, TestApp, attr, spawn_app, spawn_app_with, texts},
};

/// Tomasz Kowalski refused and blocked Resto Pokébowl (in the demo world).
const TOMASZ: &str = mandat::demo::people::TOMASZ.niss();

fn rows(app: &TestApp) -> (i64, i64) {
    let mut conn = app.db();
    (
        access_requests::table
            .count()
            .get_result(&mut conn)
            .unwrap(),
        outbox_emails::table.count().get_result(&mut conn).unwrap(),
    )
}

fn suspend(app: &TestApp, bce: &str, reason: &str) {
    diesel::update(companies::table.filter(companies::bce.eq(bce)))
        .set((
            companies::suspended_at.eq(Some(chrono::Utc::now())),
            companies::suspension_reason.eq(Some(reason)),
        ))
        .execute(&mut app.db())
        .unwrap();
}

#[tokio::test]
async fn a_request_naming_a_person_who_blocked_the_company_is_refused_at_creation() {
    let app = spawn_app().await;
    let before = rows(&app);
    // The company app: the form again, the message on the NISS, nothing stored or sent.
    let web = app.another_browser();
    web.sign_in(JAN).await;
    let mut form = request_form("Cuisine", "tomasz@example.eu", "FLEXI_JOB", "en");
    form.retain(|(k, _)| *k != "niss");
    form.push(("niss", "92.48.10-051.74"));
    let res = web.post_form("/company/requests", &form).await;
    assert_eq!(res.status().as_u16(), 409);
    let body = res.text().await.unwrap();
    assert_eq!(
        texts(&body, "[data-testid=error-niss]"),
        [
            "This person has blocked your company: they do not accept its requests. Nothing was sent."
        ]
    );
    assert_eq!(attr(&body, "#label", "value").as_deref(), Some("Cuisine"));
    assert_eq!(rows(&app), before);
    // The API: a problem with its own code, in the caller's language.
    let (id, secret) = client_for_resto(&app, &["mandates"]).await;
    let t = bearer(&app, &id, &secret).await;
    let res = app
        .client
        .post(format!("{}/api/v1/mandate-requests", app.address))
        .bearer_auth(&t)
        .header("accept-language", "nl")
        .json(&json!({"context": "FLEXI_JOB", "email": "t@example.eu", "niss": TOMASZ}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 409);
    let p: serde_json::Value = res.json().await.unwrap();
    assert_eq!(p["code"], "BLOCKED_BY_CITIZEN");
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .starts_with("Deze persoon heeft uw onderneming geblokkeerd"),
        "{p}"
    );
    assert_eq!(rows(&app), before);
    // Another person: created as usual.
    let (status, created, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "niss": "90051402426"})),
    )
    .await;
    assert_eq!(status, 201, "{created}");
}

#[tokio::test]
async fn the_integrator_delivers_its_own_link_without_an_email() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates"]).await;
    let t = bearer(&app, &id, &secret).await;
    let before = rows(&app);
    let (status, created, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "STUDENT_HOURS"})),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let link = created["link"].as_str().unwrap();
    assert!(link.starts_with("http://localhost:8080/r/"), "{link}");
    assert_eq!(decode_qr(created["qrSvg"].as_str().unwrap()), link);
    assert_eq!(created["label"], serde_json::Value::Null);
    assert_eq!(created["email"], serde_json::Value::Null);
    assert_eq!(
        created["language"], "en",
        "the caller's language by default"
    );
    // Stored, and nothing sent.
    assert_eq!(rows(&app), (before.0 + 1, before.1));
    // Listed in the company's tab under its creation time.
    let web = app.another_browser();
    web.sign_in(JAN).await;
    let tab = web.page("/company/tabs/requested").await;
    let doc = scraper::Html::parse_document(&tab);
    let sel = scraper::Selector::parse(&format!(
        "[data-testid=row][data-id=\"{}\"] [data-testid=label]",
        created["id"].as_str().unwrap()
    ))
    .unwrap();
    let label: Vec<String> = doc
        .select(&sel)
        .map(|e| e.text().collect::<String>())
        .collect();
    assert_eq!(label, ["Created on 5 March 2025 at 10:30"]);
    // With an e-mail address and no language: the link is e-mailed in the caller's one.
    let res = app
        .client
        .post(format!("{}/api/v1/mandate-requests", app.address))
        .bearer_auth(&t)
        .header("accept-language", "de-BE, fr;q=0.5")
        .json(&json!({"context": "FLEXI_JOB", "email": "k@example.be", "label": "Küche"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let created: serde_json::Value = res.json().await.unwrap();
    assert_eq!(created["language"], "de");
    let (recipient, text): (String, String) = outbox_emails::table
        .order(outbox_emails::created_at.desc())
        .select((outbox_emails::recipient, outbox_emails::body_text))
        .first(&mut app.db())
        .unwrap();
    let text = app.opened_mail(&text);
    assert_eq!(recipient, "k@example.be");
    assert!(text.contains(created["link"].as_str().unwrap()), "{text}");
    assert_eq!(rows(&app), (before.0 + 2, before.1 + 1));
    // What is given is still checked.
    let (status, p, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "email": "not an address"})),
    )
    .await;
    assert_eq!((status, p["code"].as_str()), (400, Some("INVALID_EMAIL")));
    let (status, p, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "PENSION"})),
    )
    .await;
    assert_eq!((status, p["code"].as_str()), (400, Some("UNKNOWN_CONTEXT")));
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .ends_with("(FLEXI_JOB, STUDENT_HOURS)"),
        "{p}"
    );
}

#[tokio::test]
async fn the_active_accesses_come_as_csv_when_asked() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates"]).await;
    let t = bearer(&app, &id, &secret).await;
    let (status, json, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandates?status=active",
        &t,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let items = json["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let res = app
        .client
        .get(format!("{}/api/v1/mandates?status=active", app.address))
        .bearer_auth(&t)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let body = res.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines[0],
        "id,requestId,context,niss,firstName,lastName,validFrom,validUntil"
    );
    assert_eq!(lines.len(), items.len() + 1, "{body}");
    for item in items {
        let line = lines
            .iter()
            .find(|l| l.starts_with(item["id"].as_str().unwrap()))
            .unwrap();
        assert!(line.contains(item["niss"].as_str().unwrap()), "{line}");
        assert!(line.contains(item["lastName"].as_str().unwrap()), "{line}");
    }
}

#[tokio::test]
async fn a_withdrawn_request_stays_in_the_requested_tab_for_two_weeks() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    app.company_creates_request(&crate::helpers::RequestForm::new(
        "Withdrawn one",
        "w@example.be",
        "FLEXI_JOB",
        "fr",
    ))
    .await;
    let id = app.request_id("Withdrawn one");
    let res = app
        .post_form(
            &format!("/company/requests/{id}/withdraw"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let shown = |body: &str| {
        texts(
            body,
            &format!("[data-testid=row][data-id=\"{id}\"] [data-testid=status]"),
        )
    };
    let tab = app.page("/company/tabs/requested?q=withdrawn").await;
    assert_eq!(shown(&tab), ["Withdrawn"]);
    app.clock.advance(Duration::days(14) - Duration::seconds(1));
    // Two weeks later the session is long over: sign in again.
    app.sign_in(JAN).await;
    let tab = app.page("/company/tabs/requested?q=withdrawn").await;
    assert_eq!(shown(&tab), ["Withdrawn"]);
    app.clock.advance(Duration::seconds(1));
    let tab = app.page("/company/tabs/requested?q=withdrawn").await;
    assert!(shown(&tab).is_empty());
    // And the archive job takes it out then.
    app.run_job(mandat::jobs::Job::Archive).await.unwrap();
    let archived: Option<chrono::DateTime<chrono::Utc>> = access_requests::table
        .find(id)
        .select(access_requests::archived_at)
        .first(&mut app.db())
        .unwrap();
    assert!(archived.is_some());
}

#[tokio::test]
async fn every_citizen_facing_link_names_the_citizen_host() {
    let app = spawn_app_with(Options {
        settings: vec![
            ("public_url", "http://pro.mandat.example".into()),
            ("public_url_citizen", "http://me.mandat.example".into()),
        ],
    })
    .await;
    app.sign_in(JAN).await;
    let res = app
        .post_form(
            "/company/requests",
            &request_form("Hosts", "h@example.be", "FLEXI_JOB", "en"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    let link = attr(&body, "[data-testid=created-link]", "value").unwrap();
    assert!(link.starts_with("http://me.mandat.example/r/"), "{link}");
    let svg_start = body.find("<svg").unwrap();
    let svg_end = body[svg_start..].find("</svg>").unwrap() + svg_start + 6;
    assert_eq!(decode_qr(&body[svg_start..svg_end]), link);
    let text: String = outbox_emails::table
        .order(outbox_emails::created_at.desc())
        .select(outbox_emails::body_text)
        .first(&mut app.db())
        .unwrap();
    let text = app.opened_mail(&text);
    assert!(text.contains(&link), "{text}");
    assert!(text.contains("me.mandat.example") && !text.contains("pro.mandat.example"));
    // The request page's "genuine link" hint names the citizen's host.
    let citizen = app.another_browser();
    let path = link.strip_prefix("http://me.mandat.example").unwrap();
    let res = citizen.get(path).await;
    let page = res.headers()["location"].to_str().unwrap().to_string();
    citizen.sign_in("93123107562").await;
    let body = citizen.page(&page).await;
    assert!(texts(&body, "[data-testid=genuine-link]")[0].contains("me.mandat.example"));
    // The API hands out the same kind of link.
    let (id, secret) = client_for_resto(&app, &["mandates"]).await;
    let t = bearer(&app, &id, &secret).await;
    let (status, created, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB"})),
    )
    .await;
    assert_eq!(status, 201);
    assert!(
        created["link"]
            .as_str()
            .unwrap()
            .starts_with("http://me.mandat.example/r/")
    );
}

#[tokio::test]
async fn a_suspended_company_is_told_before_it_acts() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let reason = "Unpaid contribution: contact the helpdesk";
    suspend(&app, "0765432146", reason);
    for page in [
        "/company",
        "/company/requests/new",
        "/company/users",
        "/company/tabs/active",
    ] {
        let body = app.page(page).await;
        let banner = texts(&body, "[data-testid=suspended]");
        assert_eq!(banner.len(), 1, "{page}");
        assert!(
            banner[0].starts_with("Your company is suspended by the helpdesk")
                && banner[0].ends_with(reason),
            "{page}: {banner:?}"
        );
    }
    // A provider acting for it is told too, naming the company.
    let lena = app.another_browser();
    lena.sign_in(LENA).await;
    let resto: uuid::Uuid = companies::table
        .filter(companies::bce.eq("0765432146"))
        .select(companies::id)
        .first(&mut app.db())
        .unwrap();
    lena.post_form("/company/clients", &[("client_id", &resto.to_string())])
        .await;
    let body = lena.page("/company").await;
    let banner = texts(&body, "[data-testid=suspended]");
    assert!(
        banner[0].starts_with("Resto Pokébowl, the company you act for, is suspended"),
        "{banner:?}"
    );
    // Not suspended: no banner.
    diesel::update(companies::table.filter(companies::bce.eq("0765432146")))
        .set(companies::suspended_at.eq(None::<chrono::DateTime<chrono::Utc>>))
        .execute(&mut app.db())
        .unwrap();
    assert!(texts(&app.page("/company").await, "[data-testid=suspended]").is_empty());
}

/// A staff member's browser.
async fn staff(app: &TestApp, username: &str) -> TestApp {
    crate::admin::staff(app, username).await
}

#[tokio::test]
async fn the_back_office_finds_a_company_by_any_part_of_its_name_whatever_accents_and_case() {
    let app = spawn_app().await;
    let claire = staff(&app, "claire").await;
    let companies_found = |body: &str| -> std::collections::BTreeSet<String> {
        texts(body, "[data-testid=result] [data-testid=result-company]")
            .into_iter()
            .collect()
    };
    let all = claire
        .page("/admin/search?company=Resto%20Pok%C3%A9bowl")
        .await;
    let expected = companies_found(&all);
    assert_eq!(
        expected,
        ["Resto Pokébowl".to_string()].into_iter().collect()
    );
    let found = texts(&all, "[data-testid=result]").len();
    for typed in [
        "pokebowl",
        "Pokébowl",
        "POKEBOWL",
        "kébo",
        "bowl",
        "esto pok",
    ] {
        let body = claire
            .page(&format!(
                "/admin/search?company={}",
                mandat::web::routes::url_escape(typed)
            ))
            .await;
        assert_eq!(companies_found(&body), expected, "{typed}");
        assert_eq!(texts(&body, "[data-testid=result]").len(), found, "{typed}");
    }
    let body = claire.page("/admin/search?company=bowlresto").await;
    assert!(companies_found(&body).is_empty());
    // Through a trigram index, whatever the table's size.
    #[derive(diesel::QueryableByName)]
    struct Plan {
        #[diesel(sql_type = diesel::sql_types::Text, column_name = "QUERY PLAN")]
        line: String,
    }
    let mut conn = app.db();
    diesel::sql_query("SET enable_seqscan = off")
        .execute(&mut conn)
        .unwrap();
    let plan: Vec<Plan> = diesel::sql_query(
        "EXPLAIN SELECT id FROM companies WHERE mandat_fold(name) LIKE mandat_fold('%pokebowl%')",
    )
    .load(&mut conn)
    .unwrap();
    let plan: String = plan
        .into_iter()
        .map(|p| p.line)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(plan.contains("companies_name_trgm"), "{plan}");
}

#[tokio::test]
async fn a_403_after_a_page_view_does_not_speak_of_an_expired_form() {
    let app = spawn_app().await;
    let claire = staff(&app, "claire").await;
    // An agent may not see the audit: a page view refused.
    let res = claire.get("/admin/audit").await;
    assert_eq!(res.status().as_u16(), 403);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("You are not allowed to see this page."),
        "{body}"
    );
    assert!(!body.contains("expired"));
    // A form without its token: it may have expired.
    let res = claire
        .post_raw("/admin/search", &[("niss", "90051402426")], &[])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("the page you sent it from had expired"),
        "{body}"
    );
    assert!(body.contains("Nothing was recorded: go back, reload that page"));
    // Sent by htmx, the refusal stands in the page the form is on: reload this one.
    let res = claire
        .post_raw(
            "/admin/search",
            &[("niss", "90051402426")],
            &[("hx-request", "true")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Nothing was recorded: reload this page, then send it again."),
        "{body}"
    );
    assert!(!body.contains("<html"), "a partial: {body}");
}
