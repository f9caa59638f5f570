//! The back office: invisible to others, roles, search (by NISS through POST only),
//! timeline, reveal, block and unblock, suspend and reinstate, dashboard, jobs, audit.

use std::collections::BTreeSet;

use chrono::Duration;
use diesel::prelude::*;
use mandat::db::schema::{
    access_requests, companies, job_runs, request_events, request_personal, staff, staff_audit,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    company::request_form,
    helpers::{TestApp, attr, spawn_app, texts},
};

/// Jan Peeters, main access manager of Resto Pokébowl.
const JAN: &str = mandat::demo::people::JAN.niss();
/// Maria Abara: an active flexi-job mandate of Resto Pokébowl ("Plonge").
const MARIA: &str = mandat::demo::people::MARIA.niss();
/// Resto Pokébowl's enterprise number.
const RESTO_BCE: &str = mandat::demo::companies::RESTO_BCE;

pub(crate) fn company_id(app: &TestApp, bce: &str) -> Uuid {
    companies::table
        .filter(companies::bce.eq(bce))
        .select(companies::id)
        .first(&mut app.db())
        .unwrap()
}

/// (action, target, detail) of every audit row, oldest first.
fn audit_rows(app: &TestApp) -> Vec<(String, Option<String>, Option<String>)> {
    staff_audit::table
        .order(staff_audit::id)
        .select((
            staff_audit::action,
            staff_audit::target,
            staff_audit::detail,
        ))
        .load(&mut app.db())
        .unwrap()
}

/// Another browser of the same app, signed in as the demo staff member `username` (a
/// person like any other: the back office reads their role from the staff table).
pub async fn staff(app: &TestApp, username: &str) -> TestApp {
    use mandat::demo::people::{CLAIRE, NADIA, PIETER};
    let niss = match username {
        "claire" => CLAIRE.niss(),
        "pieter" => PIETER.niss(),
        "nadia" => NADIA.niss(),
        other => panic!("no demo staff member {other}"),
    };
    let s = app.another_browser();
    let res = s
        .post_form("/sign-in/demo", &[("niss", niss), ("next", "/admin")])
        .await;
    assert_eq!(res.status().as_u16(), 303, "staff sign-in of {username}");
    assert_eq!(res.headers()["location"], "/admin");
    s
}

/// Another browser signed in as the person `niss`.
async fn person(app: &TestApp, niss: &str) -> TestApp {
    let p = app.another_browser();
    p.sign_in(niss).await;
    p
}

fn labels(html: &str) -> BTreeSet<String> {
    texts(html, "[data-testid=result-label]")
        .into_iter()
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Every URL-ish attribute of a page.
fn urls(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("[href], [action], [hx-get], [hx-post], [src]").unwrap();
    doc.select(&sel)
        .flat_map(|e| {
            ["href", "action", "hx-get", "hx-post", "src"]
                .into_iter()
                .filter_map(|a| e.value().attr(a).map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[tokio::test]
async fn the_back_office_is_invisible_to_anyone_but_staff_and_roles_are_enforced() {
    let app = spawn_app().await;
    let id = app.request_id("Plonge");
    let paths = [
        "/admin".to_string(),
        "/admin/search".to_string(),
        "/admin/search?label=Plonge".to_string(),
        "/admin/audit".to_string(),
        format!("/admin/requests/{id}"),
        format!("/admin/companies/{}", company_id(&app, RESTO_BCE)),
    ];
    // Anonymous: a page asked for sends to sign in, and back there afterwards (staff keep
    // their deep links); nothing about the back office is shown.
    let anonymous = app.another_browser();
    for p in &paths {
        let res = anonymous.get(p).await;
        assert_eq!(res.status().as_u16(), 303, "GET {p}");
        assert_eq!(
            res.headers()["location"].to_str().unwrap(),
            format!("/sign-in?next={}", mandat::web::routes::url_escape(p)),
        );
        assert!(!res.text().await.unwrap().contains("Back office"));
    }
    // A person (a company user): 404, nothing about the back office.
    let jan = person(&app, JAN).await;
    for p in &paths {
        let res = jan.get(p).await;
        assert_eq!(res.status().as_u16(), 404, "GET {p}");
        assert!(!res.text().await.unwrap().contains("Back office"));
    }
    // Neither may post anything there.
    for who in [anonymous, jan] {
        let res = who
            .post_form(&format!("/admin/requests/{id}/block"), &[("reason", "x")])
            .await;
        assert_eq!(res.status().as_u16(), 404);
        let res = who.post_form("/admin/search", &[("niss", MARIA)]).await;
        assert_eq!(res.status().as_u16(), 404);
    }
    assert_eq!(
        access_requests::table
            .find(id)
            .select(access_requests::status)
            .first::<String>(&mut app.db())
            .unwrap(),
        "accepted"
    );
    // A staff form without its CSRF token is refused.
    let claire = staff(&app, "claire").await;
    let res = claire
        .post_raw(
            &format!("/admin/requests/{id}/block"),
            &[("reason", "no token")],
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    // The agent: dashboard and search, not the audit nor the jobs.
    let body = claire.page("/admin").await;
    assert_eq!(texts(&body, "[data-testid=admin-nav-audit]").len(), 0);
    assert_eq!(texts(&body, "[data-testid=run-expire-requests]").len(), 0);
    claire.page("/admin/search").await;
    assert_eq!(claire.get("/admin/audit").await.status().as_u16(), 403);
    // The trainer: the dashboard only, and the page says so.
    let nadia = staff(&app, "nadia").await;
    let body = nadia.page("/admin").await;
    assert_eq!(texts(&body, "[data-testid=trainer-note]").len(), 1);
    assert_eq!(nadia.get("/admin/search").await.status().as_u16(), 403);
    assert_eq!(
        nadia
            .get(&format!("/admin/requests/{id}"))
            .await
            .status()
            .as_u16(),
        403
    );
    // The supervisor: everything.
    let pieter = staff(&app, "pieter").await;
    pieter.page("/admin/audit").await;
    let body = pieter.page("/admin").await;
    assert_eq!(texts(&body, "[data-testid=run-expire-requests]").len(), 1);
}

#[tokio::test]
async fn staff_keep_their_deep_link_through_sign_in() {
    let app = spawn_app().await;
    let id = app.request_id("Plonge");
    let deep = format!("/admin/requests/{id}");
    let browser = app.another_browser();
    let res = browser.get(&deep).await;
    assert_eq!(res.status().as_u16(), 303);
    let sign_in = res.headers()["location"].to_str().unwrap().to_string();
    // The sign-in page carries the deep link into the staff sign-in...
    let page = browser.page(&sign_in).await;
    let claire = mandat::demo::people::CLAIRE.niss();
    assert_eq!(
        texts(&page, &format!("[data-testid=staff-{claire}]")).len(),
        1
    );
    let doc = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse(r#"[data-testid=staff-personas] input[name=next]"#).unwrap();
    let nexts: Vec<&str> = doc
        .select(&sel)
        .filter_map(|e| e.value().attr("value"))
        .collect();
    assert!(
        !nexts.is_empty() && nexts.iter().all(|n| *n == deep),
        "{nexts:?}"
    );
    // ... and signing in lands there.
    let res = browser
        .post_form("/sign-in/demo", &[("niss", claire), ("next", &deep)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"].to_str().unwrap(), deep);
    browser.page(&deep).await;
    // A page outside the back office never becomes a staff member's landing page.
    let other = app.another_browser();
    let page = other.page("/sign-in?next=/company").await;
    let doc = scraper::Html::parse_document(&page);
    assert!(
        doc.select(&sel)
            .all(|e| e.value().attr("value") == Some("/admin"))
    );
}

#[tokio::test]
async fn search_by_company_state_label_and_creation_dates_as_the_clock_says() {
    let app = spawn_app().await;
    let claire = staff(&app, "claire").await;
    // By enterprise number and state: Resto Pokébowl's active mandates (Socialia's one on
    // its behalf included).
    let body = claire
        .page(&format!("/admin/search?company={RESTO_BCE}&state=accepted"))
        .await;
    assert_eq!(
        labels(&body),
        set(&["Plonge", "Étudiante caisse", "Bar — pensionné"])
    );
    // The same by the beginning of the name, any case; formatted number too.
    let by_name = claire
        .page("/admin/search?company=resto%20pok&state=accepted")
        .await;
    assert_eq!(labels(&by_name), labels(&body));
    let formatted = claire
        .page("/admin/search?company=BE%200765.432.146&state=accepted")
        .await;
    assert_eq!(labels(&formatted), labels(&body));
    // By the beginning of the label, any case; the link leads to the timeline.
    let body = claire.page("/admin/search?label=plon").await;
    assert_eq!(labels(&body), set(&["Plonge"]));
    let id = app.request_id("Plonge");
    assert_eq!(
        attr(&body, "[data-testid=result-link]", "href").unwrap(),
        format!("/admin/requests/{id}")
    );
    // By e-mail (a POST: never in a URL; one put in a URL is ignored), and by context.
    let res = claire
        .post_form("/admin/search", &[("email", "M.ABARA@")])
        .await;
    assert_eq!(res.status().as_u16(), 200, "searched at once, no redirect");
    let body = res.text().await.unwrap();
    assert_eq!(labels(&body), set(&["Plonge"]));
    assert!(
        body.contains("name=\"email\" value=\"M.ABARA@\""),
        "the form keeps it"
    );
    let ignored = claire.page("/admin/search?email=M.ABARA@").await;
    assert!(
        !ignored.contains("M.ABARA@"),
        "an e-mail in a URL is ignored"
    );
    let body = claire.page("/admin/search?context=STUDENT_HOURS").await;
    assert_eq!(labels(&body), set(&["Student — zomer", "Étudiante caisse"]));
    // Creation dates (Belgian days, both ends included): the three of the last 2 days.
    let body = claire
        .page("/admin/search?from=2025-03-04&to=2025-03-05")
        .await;
    assert_eq!(
        labels(&body),
        set(&["Cuisine — week-end", "Service en salle", "Student — zomer"])
    );
    // Newest first.
    assert_eq!(
        texts(&body, "[data-testid=result-label]"),
        ["Cuisine — week-end", "Student — zomer", "Service en salle"]
    );
    // States as the clock says: two days later "Service en salle" (30 hours old) is
    // expired although no job ran.
    app.clock.advance(Duration::hours(48));
    // Two days later the session is long over: sign in again.
    let claire = staff(&app, "claire").await;
    let body = claire
        .page(&format!("/admin/search?company={RESTO_BCE}&state=expired"))
        .await;
    assert_eq!(labels(&body), set(&["Livraison", "Service en salle"]));
    let body = claire.page("/admin/search?state=pending").await;
    assert_eq!(
        labels(&body),
        set(&["Cuisine — week-end", "Student — zomer"])
    );
    // Bad filters: every message, 400.
    let res = claire
        .get("/admin/search?company=0765.432.147&from=2025-02-30&state=sleeping")
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    for f in ["company", "from", "state"] {
        assert_eq!(
            texts(&body, &format!("[data-testid=error-{f}]")).len(),
            1,
            "{f}"
        );
    }
    // Archived requests are found too, marked.
    diesel::update(access_requests::table.find(app.request_id("Livraison")))
        .set(access_requests::archived_at.eq(Some(mandat::clock::Clock::now(&app.clock))))
        .execute(&mut app.db())
        .unwrap();
    let body = claire.page("/admin/search?state=archived").await;
    assert_eq!(labels(&body), set(&["Livraison"]));
    assert_eq!(texts(&body, "[data-testid=archived]").len(), 1);
}

#[tokio::test]
async fn search_results_are_paginated_by_50_newest_first() {
    let app = spawn_app().await;
    let resto = company_id(&app, RESTO_BCE);
    diesel::sql_query(
        "WITH n AS (SELECT gen_random_uuid() AS id, g FROM generate_series(1, 60) AS g),
              r AS (INSERT INTO access_requests (id, company_id, context, language,
                        status, created_at, expires_at, status_changed_at)
                    SELECT id, $1, 'FLEXI_JOB', 'fr', 'pending',
                           now() - interval '1 year' + g * interval '1 minute',
                           now() - interval '1 year' + interval '3 days', now() - interval '1 year'
                      FROM n)
         INSERT INTO request_personal (request_id, label, email)
         SELECT id, 'Bulk ' || lpad(g::text, 3, '0'), 'bulk' || g || '@example.be' FROM n",
    )
    .bind::<diesel::sql_types::Uuid, _>(resto)
    .execute(&mut app.db())
    .unwrap();
    let claire = staff(&app, "claire").await;
    let body = claire.page("/admin/search?label=bulk").await;
    let first = texts(&body, "[data-testid=result-label]");
    assert_eq!(first.len(), 50);
    assert_eq!(first[0], "Bulk 060");
    assert_eq!(texts(&body, "[data-testid=page-previous]").len(), 0);
    let next = attr(&body, "[data-testid=page-next]", "href").expect("a next page");
    let body = claire.page(&next).await;
    let second = texts(&body, "[data-testid=result-label]");
    assert_eq!(second.len(), 10);
    assert_eq!(second[9], "Bulk 001");
    assert_eq!(texts(&body, "[data-testid=page-next]").len(), 0);
    assert_eq!(texts(&body, "[data-testid=page-previous]").len(), 1);
}

#[tokio::test]
async fn a_search_by_niss_is_posted_never_in_a_url_and_audited_masked() {
    let app = spawn_app().await;
    let claire = staff(&app, "claire").await;
    let res = claire
        .post_form("/admin/search", &[("niss", "90.05.14-024.26")])
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    assert_eq!(labels(&body), set(&["Plonge"]));
    for u in urls(&body) {
        assert!(
            !u.contains(MARIA) && !u.contains("90.05.14"),
            "NISS in a URL: {u}"
        );
    }
    assert!(!body.contains(MARIA), "the NISS typed is not echoed");
    // Combined with other filters.
    let res = claire
        .post_form("/admin/search", &[("niss", MARIA), ("state", "refused")])
        .await;
    assert_eq!(labels(&res.text().await.unwrap()), BTreeSet::new());
    // Audited, masked; never the full number anywhere in the audit.
    let rows = audit_rows(&app);
    assert_eq!(rows.len(), 2);
    for (action, target, detail) in &rows {
        assert_eq!(action, "search_niss");
        assert_eq!(target.as_deref(), Some("XX.XX.XX-XXX.26"));
        assert!(!format!("{target:?}{detail:?}").contains(MARIA));
    }
    // A NISS put in a URL is ignored (and not audited).
    let body = claire.page(&format!("/admin/search?niss={MARIA}")).await;
    assert_eq!(texts(&body, "[data-testid=result]").len(), 0);
    assert_eq!(audit_rows(&app).len(), 2);
    // A search without NISS posted goes to the GET form of its filters.
    let res = claire
        .post_form("/admin/search", &[("label", "Plonge")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/admin/search?") && location.contains("label=Plonge"));
    assert_eq!(labels(&claire.page(&location).await), set(&["Plonge"]));
    // A bad NISS: the message, nothing audited.
    let res = claire
        .post_form("/admin/search", &[("niss", "90051402427")])
        .await;
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(
        texts(&res.text().await.unwrap(), "[data-testid=error-niss]").len(),
        1
    );
    assert_eq!(audit_rows(&app).len(), 2);
    // The supervisor reads it in the audit.
    let pieter = staff(&app, "pieter").await;
    let body = pieter.page("/admin/audit").await;
    let rows = texts(&body, "[data-testid=audit-row][data-action=search_niss]");
    assert_eq!(rows.len(), 2);
    assert!(rows[0].contains("Claire Lemaire") && rows[0].contains("XX.XX.XX-XXX.26"));
    assert!(!body.contains(MARIA));
}

#[tokio::test]
async fn the_timeline_shows_transitions_mails_and_consultations_and_a_reveal_is_audited() {
    let app = spawn_app().await;
    let id = app.request_id("Plonge");
    // One consultation by Jan.
    let jan = person(&app, JAN).await;
    jan.consulted(id).await;
    let claire = staff(&app, "claire").await;
    let body = claire.page(&format!("/admin/requests/{id}")).await;
    let events = texts(&body, "[data-testid=event]");
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(events[0].contains("Pending") && events[0].contains("Company user"));
    assert!(
        events[0].contains("XX.XX.XX-XXX.28"),
        "the company user masked"
    );
    assert!(events[1].contains("Active") && events[1].contains("Citizen"));
    assert_eq!(texts(&body, "[data-testid=mail]").len(), 1);
    // The mail's subject in its own language (Plonge's request is French), on an English page.
    assert_eq!(
        crate::helpers::attr(&body, "[data-testid=mail-subject]", "lang").as_deref(),
        Some("fr")
    );
    assert_eq!(texts(&body, "[data-testid=consultations]"), ["1"]);
    // Listed, newest first, by whom (masked) and with the reference the company's page
    // and PDF show.
    let listed = texts(&body, "[data-testid=consultation]");
    assert_eq!(listed.len(), 1, "{listed:?}");
    let reference: Uuid = mandat::db::schema::consultations::table
        .filter(mandat::db::schema::consultations::request_id.eq(id))
        .select(mandat::db::schema::consultations::id)
        .first(&mut app.db())
        .unwrap();
    for part in ["Company user", "XX.XX.XX-XXX.28", &reference.to_string()] {
        assert!(listed[0].contains(part), "{part} in {listed:?}");
    }
    assert!(texts(&body, "[data-testid=consultations-newest]").is_empty());
    assert_eq!(
        texts(&body, "[data-testid=citizen-niss]"),
        ["XX.XX.XX-XXX.26"]
    );
    assert!(!body.contains(MARIA) && !body.contains("90.05.14-024.26"));
    assert!(!body.contains(JAN));
    assert_eq!(texts(&body, "[data-testid=label]"), ["Plonge"]);
    // Reveal: a POST, audited, then back to the page by a redirect: the full number shows,
    // and a reload or a language switch shows it again (never a 404, never a new reveal).
    let page = format!("/admin/requests/{id}");
    let res = claire.post_form(&format!("{page}/reveal"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"].to_str().unwrap(), page);
    for _ in 0..2 {
        let body = claire.page(&page).await;
        assert_eq!(
            texts(&body, "[data-testid=citizen-niss]"),
            ["90.05.14-024.26"]
        );
        assert_eq!(texts(&body, "[data-testid=reveal]").len(), 0);
    }
    let switch = claire
        .get(&format!(
            "/lang/nl?next={}",
            mandat::web::routes::url_escape(&page)
        ))
        .await;
    assert_eq!(switch.status().as_u16(), 303);
    let location = switch.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, page);
    let body = claire.page(&location).await;
    assert_eq!(
        texts(&body, "[data-testid=citizen-niss]"),
        ["90.05.14-024.26"]
    );
    let rows = audit_rows(&app);
    let reveals: Vec<_> = rows.iter().filter(|r| r.0 == "reveal_niss").collect();
    assert_eq!(
        reveals,
        [&(
            "reveal_niss".to_string(),
            Some(id.to_string()),
            Some("XX.XX.XX-XXX.26".to_string())
        )]
    );
    assert_eq!(
        rows[0],
        ("view_request".to_string(), Some(id.to_string()), None)
    );
    // Ten minutes later, the page masks it again.
    app.clock.advance(Duration::minutes(11));
    let body = claire.page(&page).await;
    assert_eq!(
        texts(&body, "[data-testid=citizen-niss]"),
        ["XX.XX.XX-XXX.26"]
    );
    assert_eq!(texts(&body, "[data-testid=reveal]").len(), 1);
    // An unknown request: 404.
    assert_eq!(
        claire
            .get(&format!("/admin/requests/{}", Uuid::new_v4()))
            .await
            .status()
            .as_u16(),
        404
    );
}

/// Jan (Resto Pokébowl) sets up the APIs and a client; returns a bearer token.
async fn resto_api_token(app: &TestApp) -> String {
    let web = person(app, JAN).await;
    assert_eq!(
        web.post_form("/company/api/circle", &[])
            .await
            .status()
            .as_u16(),
        303
    );
    for scope in ["mandates", "precontractual-data"] {
        assert_eq!(
            web.post_form(&format!("/company/api/{scope}/on"), &[])
                .await
                .status()
                .as_u16(),
            303
        );
    }
    let body = web
        .post_form(
            "/company/api/clients",
            &[
                ("name", "HR software"),
                ("scope_mandates", "on"),
                ("scope_data", "on"),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    let id = texts(&body, "[data-testid=client-id]")[0].clone();
    let secret = texts(&body, "[data-testid=client-secret]")[0].clone();
    let v: Value = app
        .client
        .post(format!("{}/api/oauth/token", app.address))
        .basic_auth(id, Some(secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["access_token"].as_str().unwrap().to_string()
}

/// The API's flexi-job answer for Maria: (status, body).
async fn api_flexi(app: &TestApp, token: &str) -> (u16, String) {
    let res = app
        .client
        .post(format!(
            "{}/api/v1/precontractual-data/flexi-job",
            app.address
        ))
        .bearer_auth(token)
        .json(&json!({ "niss": MARIA }))
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn blocking_a_mandate_stops_consultation_everywhere_and_unblocking_restores_it() {
    let app = spawn_app().await;
    let id = app.request_id("Plonge");
    let token = resto_api_token(&app).await;
    assert_eq!(api_flexi(&app, &token).await.0, 200);
    let claire = staff(&app, "claire").await;
    let block = format!("/admin/requests/{id}/block");
    // Without a reason: refused with a message, nothing changes.
    let res = claire.post_form(&block, &[("reason", "   ")]).await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    assert_eq!(
        texts(&body, "[data-testid=error-reason]"),
        ["Give a reason."]
    );
    // With a reason.
    let reason = "Identity fraud reported to the helpdesk";
    let res = claire.post_form(&block, &[("reason", reason)]).await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    assert_eq!(texts(&body, "[data-testid=admin-done]").len(), 1);
    assert_eq!(texts(&body, "[data-testid=status-reason]"), [reason]);
    // The timeline lists the API's consultation by the client's name.
    let listed = texts(&body, "[data-testid=consultation][data-actor=api_client]");
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(listed[0].contains("HR software"), "{listed:?}");
    let (status, stored_reason): (String, Option<String>) = access_requests::table
        .find(id)
        .select((access_requests::status, access_requests::status_reason))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(status, "blocked");
    assert_eq!(stored_reason.as_deref(), Some(reason));
    let (actor, note): (String, Option<String>) = request_events::table
        .filter(request_events::request_id.eq(id))
        .filter(request_events::to_status.eq("blocked"))
        .select((request_events::actor_kind, request_events::note))
        .first(&mut app.db())
        .unwrap();
    assert_eq!((actor.as_str(), note.as_deref()), ("staff", Some(reason)));
    // Twice: refused (already blocked), with a message.
    let res = claire.post_form(&block, &[("reason", reason)]).await;
    assert_eq!(res.status().as_u16(), 409);
    // The company sees the reason in its blocked tab, and cannot consult (web and API).
    let jan = person(&app, JAN).await;
    let tab = jan.page("/company/tabs/blocked").await;
    assert!(tab.contains(reason), "the blocked tab shows the reason");
    let res = jan.get(&format!("/company/mandates/{id}")).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("This access is blocked"));
    let (status, problem) = api_flexi(&app, &token).await;
    assert_eq!(status, 403);
    assert!(problem.contains("NO_ACTIVE_MANDATE"), "{problem}");
    // The citizen sees it in their history.
    let maria = person(&app, MARIA).await;
    let history = maria.page("/me/history").await;
    assert_eq!(texts(&history, "[data-testid=status-reason]"), [reason]);
    // Unblock: back to an active mandate.
    let res = claire
        .post_form(
            &format!("/admin/requests/{id}/unblock"),
            &[("reason", "Identity confirmed")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let status: String = access_requests::table
        .find(id)
        .select(access_requests::status)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(status, "accepted");
    jan.page(&format!("/company/mandates/{id}")).await;
    assert_eq!(api_flexi(&app, &token).await.0, 200);
    let actions: Vec<String> = audit_rows(&app).into_iter().map(|r| r.0).collect();
    assert_eq!(actions, ["block", "unblock"]);
}

#[tokio::test]
async fn a_blocked_pending_request_cannot_be_unblocked_into_a_mandate() {
    let app = spawn_app().await;
    let id = app.request_id("Cuisine — week-end");
    let claire = staff(&app, "claire").await;
    let res = claire
        .post_form(
            &format!("/admin/requests/{id}/block"),
            &[("reason", "Suspicious e-mail address")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let res = claire
        .post_form(
            &format!("/admin/requests/{id}/unblock"),
            &[("reason", "Mistake")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
    let body = res.text().await.unwrap();
    assert!(texts(&body, "[data-testid=admin-conflict]")[0].contains("before anyone accepted"));
    let status: String = access_requests::table
        .find(id)
        .select(access_requests::status)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(status, "blocked");
    // An ended mandate cannot be blocked.
    let ended = app.request_id("Extra — mars");
    let res = claire
        .post_form(
            &format!("/admin/requests/{ended}/block"),
            &[("reason", "Too late")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
}

#[tokio::test]
async fn a_suspended_company_can_neither_create_nor_consult_until_reinstated() {
    let app = spawn_app().await;
    let resto = company_id(&app, RESTO_BCE);
    let plonge = app.request_id("Plonge");
    let suspend = format!("/admin/companies/{resto}/suspend");
    // An agent may look, not suspend.
    let claire = staff(&app, "claire").await;
    let body = claire.page(&format!("/admin/companies/{resto}")).await;
    assert_eq!(texts(&body, "[data-testid=supervisor-only]").len(), 1);
    let res = claire.post_form(&suspend, &[("reason", "x")]).await;
    assert_eq!(res.status().as_u16(), 403);
    // A supervisor, with a reason.
    let pieter = staff(&app, "pieter").await;
    let res = pieter.post_form(&suspend, &[("reason", "")]).await;
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(
        texts(&res.text().await.unwrap(), "[data-testid=error-reason]").len(),
        1
    );
    let reason = "Unpaid contribution: contact the helpdesk";
    let res = pieter.post_form(&suspend, &[("reason", reason)]).await;
    assert_eq!(res.status().as_u16(), 303);
    let body = pieter.page(&format!("/admin/companies/{resto}")).await;
    assert_eq!(texts(&body, "[data-testid=suspension-reason]"), [reason]);
    // Jan can neither create a request nor consult, and is told why.
    let jan = person(&app, JAN).await;
    let res = jan
        .post_form(
            "/company/requests",
            &request_form("Salle", "x@example.be", "FLEXI_JOB", "fr"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let body = res.text().await.unwrap();
    assert!(texts(&body, "[data-testid=suspended]")[0].contains(reason));
    let res = jan.get(&format!("/company/mandates/{plonge}")).await;
    assert_eq!(res.status().as_u16(), 403);
    // Reinstated: both work again.
    let res = pieter
        .post_form(&format!("/admin/companies/{resto}/reinstate"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = jan
        .post_form(
            "/company/requests",
            &request_form("Salle", "x@example.be", "FLEXI_JOB", "fr"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    jan.page(&format!("/company/mandates/{plonge}")).await;
    let actions: Vec<(String, Option<String>)> = audit_rows(&app)
        .into_iter()
        .map(|(a, t, _)| (a, t))
        .collect();
    assert_eq!(
        actions,
        [
            ("suspend".to_string(), Some(resto.to_string())),
            ("reinstate".to_string(), Some(resto.to_string())),
        ]
    );
}

#[tokio::test]
async fn the_audit_shows_one_staff_members_or_one_actions_entries_each_linked_to_what_it_names() {
    let app = spawn_app().await;
    let resto = company_id(&app, RESTO_BCE);
    let plonge = app.request_id("Plonge");
    let staff_id = |name: &str| -> Uuid {
        staff::table
            .filter(staff::display_name.eq(name))
            .select(staff::id)
            .first(&mut app.db())
            .unwrap()
    };
    let (claire_id, pieter_id) = (staff_id("Claire Lemaire"), staff_id("Pieter Vos"));
    // Claire opens Plonge's timeline; Pieter suspends Resto, reinstates it, and opens
    // Plonge's timeline too.
    let claire = staff(&app, "claire").await;
    claire.page(&format!("/admin/requests/{plonge}")).await;
    let pieter = staff(&app, "pieter").await;
    for (action, reason) in [("suspend", "Unpaid contribution"), ("reinstate", "")] {
        let res = pieter
            .post_form(
                &format!("/admin/companies/{resto}/{action}"),
                &[("reason", reason)],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "{action}");
    }
    pieter.page(&format!("/admin/requests/{plonge}")).await;
    let rows = |body: &str| texts(body, "[data-testid=audit-row]");
    let all = pieter.page("/admin/audit").await;
    assert_eq!(rows(&all).len(), 4, "{:?}", rows(&all));
    // The filter offers every staff member and every action, nothing chosen.
    let offered = texts(&all, "[data-testid=audit-staff] option");
    for name in ["All staff members", "Claire Lemaire", "Pieter Vos"] {
        assert!(offered.iter().any(|o| o == name), "{name} in {offered:?}");
    }
    assert!(
        texts(&all, "[data-testid=audit-action] option")
            .iter()
            .any(|o| o == "Company suspended")
    );
    assert!(texts(&all, "[data-testid=audit-filter] option[selected]").is_empty());

    // Claire's entries: her look-up alone, linked to the timeline it opened; the form says
    // whose they are.
    let claires = pieter
        .page(&format!("/admin/audit?staff={claire_id}&action="))
        .await;
    let shown = rows(&claires);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].contains("Claire Lemaire"), "{shown:?}");
    assert_eq!(
        attr(&claires, "[data-testid=audit-target] a", "href"),
        Some(format!("/admin/requests/{plonge}"))
    );
    assert_eq!(
        attr(
            &claires,
            "[data-testid=audit-staff] option[selected]",
            "value"
        ),
        Some(claire_id.to_string())
    );
    // One action: the suspension, linked to the company.
    let suspensions = pieter.page("/admin/audit?action=suspend").await;
    assert_eq!(rows(&suspensions).len(), 1);
    assert_eq!(
        attr(&suspensions, "[data-testid=audit-target] a", "href"),
        Some(format!("/admin/companies/{resto}"))
    );
    // Both: Pieter's look-ups (one), not Claire's.
    let both = pieter
        .page(&format!(
            "/admin/audit?staff={pieter_id}&action=view_request"
        ))
        .await;
    let shown = rows(&both);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].contains("Pieter Vos"), "{shown:?}");
    // From a request's timeline and a company's page, a supervisor reaches the entries on
    // it (an agent has no such link: the audit is the supervisors').
    let timeline = pieter.page(&format!("/admin/requests/{plonge}")).await;
    let on_plonge = attr(&timeline, "[data-testid=audit-on-link]", "href").unwrap();
    assert_eq!(on_plonge, format!("/admin/audit?on={plonge}"));
    let entries = pieter.page(&on_plonge).await;
    let shown = rows(&entries);
    assert_eq!(
        shown.len(),
        3,
        "Claire's look-up and Pieter's two: {shown:?}"
    );
    assert!(
        shown.iter().all(|r| r.contains("Request viewed")),
        "{shown:?}"
    );
    assert_eq!(
        attr(
            &entries,
            "[data-testid=audit-filter] input[name=on]",
            "value"
        ),
        Some(plonge.to_string()),
        "the filter keeps what the entries are on"
    );
    let company = pieter.page(&format!("/admin/companies/{resto}")).await;
    let on_resto = attr(&company, "[data-testid=audit-on-link]", "href").unwrap();
    assert_eq!(rows(&pieter.page(&on_resto).await).len(), 2);
    let claires_view = claire.page(&format!("/admin/requests/{plonge}")).await;
    assert!(texts(&claires_view, "[data-testid=audit-on-link]").is_empty());
    // A hand-made address that names no staff member or no action is a 400 page.
    for bad in [
        "/admin/audit?action=delete_everything",
        "/admin/audit?staff=7",
        "/admin/audit?on=somewhere",
    ] {
        assert_eq!(pieter.get(bad).await.status().as_u16(), 400, "{bad}");
    }
    // The filter is the supervisors' only, like the audit.
    assert_eq!(
        claire
            .get(&format!("/admin/audit?staff={claire_id}"))
            .await
            .status()
            .as_u16(),
        403
    );
}

/// A citizen asks the helpdesk who in the back office looked them up: a supervisor types
/// their national number (a POST: never in a URL) and reads every search by it and every
/// look-up and action on their requests, nobody else's; the audit keeps a keyed fingerprint
/// of the number, never the number.
#[tokio::test]
async fn a_supervisor_finds_who_in_the_back_office_looked_a_person_up() {
    let app = spawn_app().await;
    let emma = mandat::demo::people::EMMA.niss();
    let (plonge, accueil) = (app.request_id("Plonge"), app.request_id("Accueil"));
    // Claire searches by Maria's number (typed as printed on her card) and opens Plonge,
    // Maria's; Pieter searches by Emma's number and opens Accueil, Emma's.
    let claire = staff(&app, "claire").await;
    let res = claire
        .post_form("/admin/search", &[("niss", "90.05.14-024.26")])
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let found = res.text().await.unwrap();
    assert!(
        texts(&found, "[data-testid=search-audit-person]").is_empty(),
        "the way to the audit is the supervisors'"
    );
    claire.page(&format!("/admin/requests/{plonge}")).await;
    let pieter = staff(&app, "pieter").await;
    // A supervisor's search by a number leads on to who looked that person up.
    let found = pieter.post_form("/admin/search", &[("niss", emma)]).await;
    let found = found.text().await.unwrap();
    assert_eq!(
        attr(&found, "[data-testid=search-audit-person]", "action").as_deref(),
        Some("/admin/audit")
    );
    pieter.page(&format!("/admin/requests/{accueil}")).await;

    let about = |niss: &'static str| {
        let pieter = &pieter;
        async move {
            let res = pieter.post_form("/admin/audit", &[("niss", niss)]).await;
            assert_eq!(res.status().as_u16(), 200, "{niss}");
            res.text().await.unwrap()
        }
    };
    let body = about(MARIA).await;
    let rows = texts(&body, "[data-testid=audit-row]");
    // Newest first: Pieter's own look-up, Claire's view of Plonge, Claire's search.
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(
        rows[0].contains("Pieter Vos") && rows[0].contains("Entries about a person looked up"),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("Claire Lemaire") && rows[1].contains("Request viewed"),
        "{rows:?}"
    );
    assert!(
        rows[2].contains("Claire Lemaire") && rows[2].contains("Search by NISS"),
        "{rows:?}"
    );
    assert_eq!(
        attr(
            &body,
            "[data-testid=audit-row][data-action=view_request] a",
            "href"
        ),
        Some(format!("/admin/requests/{plonge}"))
    );
    let said = texts(&body, "[data-testid=audit-person]").concat();
    assert!(said.contains("XX.XX.XX-XXX.26"), "{said}");
    assert!(!rows.concat().contains("90.05.14"), "masked only: {rows:?}");
    // Emma's: Pieter's search and view, and his look-up now; none of Claire's.
    let rows = texts(&about(emma).await, "[data-testid=audit-row]");
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|r| r.contains("Pieter Vos")), "{rows:?}");
    // The table holds no national number: masked targets and 32-byte fingerprints, the
    // same for every entry about one person.
    type Row = (String, Option<String>, Option<String>, Option<Vec<u8>>);
    let stored: Vec<Row> = staff_audit::table
        .order(staff_audit::id)
        .select((
            staff_audit::action,
            staff_audit::target,
            staff_audit::detail,
            staff_audit::person,
        ))
        .load(&mut app.db())
        .unwrap();
    let all = format!("{stored:?}");
    assert!(!all.contains(MARIA) && !all.contains(emma), "{all}");
    let prints: BTreeSet<&Vec<u8>> = stored.iter().filter_map(|r| r.3.as_ref()).collect();
    assert_eq!(prints.len(), 2, "one fingerprint a person: {stored:?}");
    assert!(prints.iter().all(|p| p.len() == 32));
    // Nothing about this person: only the look-up itself.
    let rows = texts(&about(JAN).await, "[data-testid=audit-row]");
    assert_eq!(rows.len(), 1, "{rows:?}");

    // A mistyped number is a 400 page that says so and keeps what was typed; nothing is
    // looked up or recorded.
    let before = audit_rows(&app).len();
    let res = pieter
        .post_form("/admin/audit", &[("niss", "90051402427")])
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    assert!(
        !texts(&body, ".error-summary, [role=alert]").is_empty(),
        "the error is said: {body}"
    );
    assert_eq!(
        attr(&body, "[data-testid=audit-person-niss]", "value"),
        None,
        "as on the search, a number typed is not written back"
    );
    assert_eq!(audit_rows(&app).len(), before);
    // The form and its answer are the supervisors' only.
    assert_eq!(
        claire
            .post_form("/admin/audit", &[("niss", MARIA)])
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(audit_rows(&app).len(), before);
}

#[tokio::test]
async fn a_supervisor_appoints_a_main_access_manager_when_the_former_one_left() {
    let app = spawn_app().await;
    let resto = company_id(&app, RESTO_BCE);
    let page = format!("/admin/companies/{resto}");
    let appoint = format!("/admin/companies/{resto}/main-manager");
    let sofie = mandat::demo::people::SOFIE.niss();
    // The helpdesk sees the company's users, their national numbers masked.
    let claire = staff(&app, "claire").await;
    let members = texts(&claire.page(&page).await, "[data-testid=company-member]");
    assert_eq!(members.len(), 2, "{members:?}");
    assert!(
        members
            .iter()
            .any(|m| m.contains("Jan Peeters") && m.contains("main access manager")),
        "{members:?}"
    );
    assert!(
        !members.iter().any(|m| m.contains("85.07.30-033.28")),
        "{members:?}"
    );
    // An agent may not appoint; a supervisor must give a known person and a reason.
    let fields = |niss: &'static str, reason: &'static str| [("niss", niss), ("reason", reason)];
    let res = claire.post_form(&appoint, &fields(sofie, "x")).await;
    assert_eq!(res.status().as_u16(), 403);
    let pieter = staff(&app, "pieter").await;
    let res = pieter.post_form(&appoint, &fields("12345", "")).await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    assert_eq!(texts(&body, "[data-testid=error-niss]").len(), 1);
    assert_eq!(texts(&body, "[data-testid=error-reason]").len(), 1);
    let res = pieter
        .post_form(&appoint, &fields("85.07.30-033.28", "Ticket 4711"))
        .await;
    assert_eq!(
        res.status().as_u16(),
        400,
        "Jan is the main access manager already"
    );
    // Sofie becomes the main access manager; Jan stays an access manager.
    let res = pieter
        .post_form(
            &appoint,
            &fields(sofie, "Ticket 4711: letter of the director"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let members = texts(&pieter.page(&page).await, "[data-testid=company-member]");
    assert!(
        members
            .iter()
            .any(|m| m.contains("Sofie Mertens") && m.contains("main access manager")),
        "{members:?}"
    );
    assert!(
        members.iter().any(|m| m.contains("Jan Peeters")
            && m.contains("access manager")
            && !m.contains("main")),
        "{members:?}"
    );
    // Sofie now manages the company's users and its API's circle of trust.
    let sofie_browser = person(&app, sofie).await;
    assert_eq!(
        sofie_browser
            .post_form("/company/api/circle", &[])
            .await
            .status()
            .as_u16(),
        303
    );
    // A person not yet a member becomes one, as main access manager.
    let emma = mandat::demo::people::EMMA.niss();
    let res = pieter
        .post_form(&appoint, &fields(emma, "Ticket 4712"))
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let emma_browser = person(&app, emma).await;
    assert_eq!(
        emma_browser.get("/company/users").await.status().as_u16(),
        200
    );
    // Audited with the masked number and the reason.
    let rows: Vec<(String, Option<String>, Option<String>)> = audit_rows(&app)
        .into_iter()
        .filter(|(a, _, _)| a == "appoint_main")
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].1.as_deref(), Some(resto.to_string().as_str()));
    let detail = rows[0].2.clone().unwrap_or_default();
    assert!(
        detail.contains("Ticket 4711: letter of the director"),
        "{detail}"
    );
    assert!(!detail.contains(sofie), "never the full number: {detail}");
}

#[tokio::test]
async fn the_dashboard_counts_as_the_clock_says_and_a_supervisor_runs_a_job() {
    let app = spawn_app().await;
    let pieter = staff(&app, "pieter").await;
    let body = pieter.page("/admin").await;
    let count = |body: &str, what: &str| texts(body, &format!("[data-testid={what}]"))[0].clone();
    for (state, n) in [
        ("pending", "3"),
        ("accepted", "3"),
        ("refused", "2"),
        ("expired", "1"),
        ("revoked", "1"),
        ("ended", "1"),
        ("blocked", "0"),
        ("archived", "0"),
    ] {
        assert_eq!(count(&body, &format!("count-{state}")), n, "{state}");
    }
    assert_eq!(count(&body, "expiring-24h"), "0");
    assert_eq!(count(&body, "ending-week"), "0");
    assert_eq!(count(&body, "mails-failing"), "0");
    assert_eq!(count(&body, "job-last-expire-requests"), "Never ran");
    // 50 hours later: one pending request is expired (no job ran), two expire within 24 h.
    app.clock.advance(Duration::hours(50));
    let pieter = staff(&app, "pieter").await;
    let body = pieter.page("/admin").await;
    assert_eq!(count(&body, "count-pending"), "2");
    assert_eq!(count(&body, "count-expired"), "2");
    assert_eq!(count(&body, "expiring-24h"), "2");
    // An agent cannot run a job.
    let claire = staff(&app, "claire").await;
    let res = claire
        .post_form("/admin/jobs/expire-requests/run", &[])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    // The supervisor runs it: recorded, shown, audited.
    let res = pieter
        .post_form("/admin/jobs/expire-requests/run", &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, "/admin?notice=job-ran");
    let runs: Vec<(String, i64)> = job_runs::table
        .select((job_runs::job, job_runs::rows_affected))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(runs, [("expire-requests".to_string(), 1)]);
    let body = pieter.page(&location).await;
    assert_eq!(texts(&body, "[data-testid=admin-notice]").len(), 1);
    assert_eq!(count(&body, "job-rows-expire-requests"), "1");
    assert_ne!(count(&body, "job-last-expire-requests"), "Never ran");
    let rows = audit_rows(&app);
    assert_eq!(
        rows,
        [(
            "run_job".to_string(),
            None,
            Some("expire-requests".to_string())
        )]
    );
    // An unknown job: 404.
    let res = pieter.post_form("/admin/jobs/nope/run", &[]).await;
    assert_eq!(res.status().as_u16(), 404);
}

#[tokio::test]
async fn search_keys_follow_creation_changes_and_the_purge() {
    let app = spawn_app().await;
    let claire = staff(&app, "claire").await;
    // A request created now is found at once by label and e-mail.
    let jan = person(&app, JAN).await;
    jan.company_creates_request(&crate::helpers::RequestForm::new(
        "Sommelier",
        "Vin@Example.be",
        "FLEXI_JOB",
        "fr",
    ))
    .await;
    assert_eq!(
        labels(&claire.page("/admin/search?label=somm").await),
        set(&["Sommelier"])
    );
    assert_eq!(
        labels(
            &claire
                .post_form("/admin/search", &[("email", "vin@")])
                .await
                .text()
                .await
                .unwrap()
        ),
        set(&["Sommelier"])
    );
    // A changed label is searched by its new value.
    diesel::update(request_personal::table.filter(request_personal::label.eq("Sommelier")))
        .set(request_personal::label.eq("Caviste"))
        .execute(&mut app.db())
        .unwrap();
    assert_eq!(
        labels(&claire.page("/admin/search?label=somm").await),
        BTreeSet::new()
    );
    assert_eq!(
        labels(&claire.page("/admin/search?label=cav").await),
        set(&["Caviste"])
    );
    // Erased as the purge does (the personal data's row deleted): the keys go with it.
    let erased = diesel::delete(
        request_personal::table.filter(request_personal::label.eq_any(["Caviste", "Plonge"])),
    )
    .execute(&mut app.db())
    .unwrap();
    assert_eq!(erased, 2);
    assert_eq!(
        labels(&claire.page("/admin/search?label=cav").await),
        BTreeSet::new()
    );
}

/// The database accepts every action the back office audits (its CHECK and the enum agree).
#[test]
fn every_audited_action_can_be_stored() {
    use mandat::services::backoffice::audit::{AuditAction, audit};
    let mut conn = crate::helpers::TestConn::fresh();
    let staff_id: Uuid = mandat::db::schema::staff::table
        .select(mandat::db::schema::staff::id)
        .first(&mut *conn)
        .unwrap();
    for action in AuditAction::ALL {
        audit(&mut conn, staff_id, action, None, None, chrono::Utc::now())
            .unwrap_or_else(|e| panic!("{action:?}: {e}"));
    }
}
