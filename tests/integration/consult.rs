//! Consultation under a mandate: the result pages (flexi-job, student hours), the mandate
//! checks, the audit trail, the PDF export, the citizen's own "My possibilities", and how
//! fast a consultation page answers.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use mandat::{
    db::schema::{access_requests, companies, consultations},
    services::consult,
};
use uuid::Uuid;

use crate::{
    company::{EMMA, JAN, LENA},
    helpers::{TestApp, spawn_app, texts},
};

/// Maria Abara (flexi-job, active mandate of Resto Pokébowl).
const MARIA: &str = mandat::demo::people::MARIA.niss();
/// Resto Pokébowl's enterprise number.
const RESTO_BCE: &str = mandat::demo::companies::RESTO_BCE;
/// Socialia's enterprise number.
const SOCIALIA_BCE: &str = mandat::demo::companies::SOCIALIA_BCE;

/// The id of the seeded request with this label.
fn request(app: &TestApp, label: &str) -> Uuid {
    access_requests::table
        .filter(access_requests::label.eq(label))
        .select(access_requests::id)
        .first(&mut app.db())
        .unwrap_or_else(|e| panic!("seeded request {label:?}: {e}"))
}

fn company_id(app: &TestApp, bce: &str) -> Uuid {
    companies::table
        .filter(companies::bce.eq(bce))
        .select(companies::id)
        .first(&mut app.db())
        .unwrap()
}

/// One audit row, as stored.
#[derive(Debug, Queryable)]
struct Row {
    id: Uuid,
    request_id: Uuid,
    mandate_id: Option<Uuid>,
    company_id: Uuid,
    provider_id: Option<Uuid>,
    citizen_niss: String,
    context: String,
    consulted_at: DateTime<Utc>,
    actor_kind: String,
    actor_ref: String,
}

fn audit(app: &TestApp) -> Vec<Row> {
    consultations::table
        .order((consultations::consulted_at, consultations::id))
        .select((
            consultations::id,
            consultations::request_id,
            consultations::mandate_id,
            consultations::company_id,
            consultations::provider_id,
            consultations::citizen_niss,
            consultations::context,
            consultations::consulted_at,
            consultations::actor_kind,
            consultations::actor_ref,
        ))
        .load(&mut app.db())
        .unwrap()
}

fn one(html: &str, selector: &str) -> String {
    let found = texts(html, selector);
    assert_eq!(found.len(), 1, "one {selector} in the page: {found:?}");
    found.into_iter().next().unwrap()
}

fn path(id: Uuid) -> String {
    format!("/company/mandates/{id}")
}

#[tokio::test]
async fn maria_may_work_as_a_flexi_worker_in_the_first_two_quarters_and_it_is_recorded() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let maria = request(&app, "Plonge");
    // The active tab links to the consultation.
    let active = app.page("/company/tabs/active").await;
    assert!(
        active.contains(&format!("href=\"{}\"", path(maria))),
        "link in the active tab"
    );
    assert!(audit(&app).is_empty(), "listing is not consulting");

    let res = app.get(&path(maria)).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let body = res.text().await.unwrap();
    // The consultation is on 5 March 2025, the last month of Q1: Q1 and Q2 are answered.
    assert_eq!(
        one(&body, "[data-testid=answer]"),
        "Maria Abara may work as a flexi-worker from 1 January to 30 June 2025."
    );
    let months = texts(&body, "[data-testid=calendar] li");
    assert_eq!(months.len(), 12, "{months:?}");
    assert!(months[0].starts_with("January 2025"));
    assert!(months[11].starts_with("December 2025"));
    let statuses: Vec<String> = scraper::Html::parse_document(&body)
        .select(&scraper::Selector::parse("[data-testid=month]").unwrap())
        .map(|e| e.value().attr("data-status").unwrap().to_string())
        .collect();
    let mut expected = vec!["eligible"; 6];
    expected.extend(["not_determined"; 6]);
    assert_eq!(statuses, expected);
    assert_eq!(texts(&body, "[data-testid=legend] li").len(), 3);
    // Who and what, and the explanation, the conditions left to the company.
    let facts = one(&body, "[data-testid=facts]");
    assert!(
        facts.contains("Maria Abara") && facts.contains("90.05.14-024.26"),
        "{facts}"
    );
    assert!(
        facts.contains("Resto Pokébowl") && facts.contains("0765.432.146"),
        "{facts}"
    );
    assert!(
        facts.contains("5 March 2025 at 10:30"),
        "Belgian time: {facts}"
    );
    let checked = one(&body, "[data-testid=checked]");
    assert!(
        checked.contains("4/5") && checked.contains("DmfA"),
        "{checked}"
    );
    let company_checks = texts(&body, "[data-testid=company-checks] li");
    assert_eq!(company_checks.len(), 5);
    assert!(company_checks.iter().any(|c| c.contains("notice")));
    assert!(
        company_checks
            .iter()
            .any(|c| c.contains("temporary work agency"))
    );
    // A flexi-job mandate tells nothing about student hours.
    assert!(!body.contains("student hours balance"));

    // Exactly one audit row, with the actor, the company and the person.
    let rows = audit(&app);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert!(
        facts.contains(&row.id.to_string()),
        "the reference is shown: {facts}"
    );
    assert_eq!(row.request_id, maria);
    assert!(row.mandate_id.is_some());
    assert_eq!(row.company_id, company_id(&app, RESTO_BCE));
    assert_eq!(row.provider_id, None);
    assert_eq!(row.citizen_niss, MARIA);
    assert_eq!(row.context, "FLEXI_JOB");
    assert_eq!(row.consulted_at, crate::helpers::start_time());
    assert_eq!(
        (row.actor_kind.as_str(), row.actor_ref.as_str()),
        ("company_user", JAN)
    );
    // Each visit is a new consultation, never a cached one.
    app.clock.advance(chrono::Duration::minutes(1));
    app.page(&path(maria)).await;
    assert_eq!(audit(&app).len(), 2);
    let count = consult::consultations_of_request(&mut app.db(), maria).unwrap();
    assert_eq!(count, 2);
}

#[tokio::test]
async fn a_pensioner_is_eligible_and_the_page_does_not_say_why() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let marc = app.page(&path(request(&app, "Bar — pensionné"))).await;
    assert_eq!(
        one(&marc, "[data-testid=answer]"),
        "Marc Dubois may work as a flexi-worker from 1 January to 30 June 2025."
    );
    assert!(
        !marc.to_lowercase().contains("pension"),
        "no word of a pension"
    );
    // The explanation is the same, word for word, as for a worker.
    let maria = app.page(&path(request(&app, "Plonge"))).await;
    assert_eq!(
        one(&marc, "[data-testid=checked]"),
        one(&maria, "[data-testid=checked]")
    );
    assert_eq!(
        texts(&marc, "[data-testid=month]"),
        texts(&maria, "[data-testid=month]")
    );
}

#[tokio::test]
async fn a_provider_consults_the_student_hours_on_behalf_of_its_client() {
    let app = spawn_app().await;
    app.sign_in(LENA).await;
    let resto = company_id(&app, RESTO_BCE);
    let res = app
        .post_form("/company/clients", &[("client_id", &resto.to_string())])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let sarah = request(&app, "Étudiante caisse");
    let body = app.page(&path(sarah)).await;
    assert_eq!(
        one(&body, "[data-testid=answer]"),
        "On 5 March 2025, 154 hours remain in Sarah Dumont's student hours balance."
    );
    assert!(!body.contains("exceeded"));
    assert!(
        texts(&body, "[data-testid=calendar]").is_empty(),
        "no calendar"
    );
    let checks = texts(&body, "[data-testid=company-checks] li");
    assert_eq!(checks.len(), 4, "{checks:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.contains("first degree of secondary school"))
    );
    let facts = one(&body, "[data-testid=facts]");
    assert!(facts.contains("Socialia"), "consulted by: {facts}");
    let rows = audit(&app);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].company_id, resto);
    assert_eq!(rows[0].provider_id, Some(company_id(&app, SOCIALIA_BCE)));
    assert_eq!(rows[0].actor_ref, LENA);
    assert_eq!(rows[0].context, "STUDENT_HOURS");
    // The provider sees only what it created: Maria's mandate (Jan's) is not there for it.
    assert_eq!(
        app.get(&path(request(&app, "Plonge")))
            .await
            .status()
            .as_u16(),
        404
    );
    // The citizen's history: who (the company), on behalf of (the provider), what, when.
    let history = consult::consultations_of_citizen(
        &mut app.db(),
        &mandat::domain::Niss::parse("04021208669").unwrap(),
        crate::helpers::start_time() - chrono::Duration::days(365),
    )
    .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].company_name, "Resto Pokébowl");
    assert_eq!(history[0].provider_name.as_deref(), Some("Socialia"));
    assert_eq!(history[0].context, mandat::domain::Context::StudentHours);
    assert_eq!(history[0].id, rows[0].id);
}

#[tokio::test]
async fn there_is_no_answer_without_an_active_mandate() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let cases = [
        ("Cuisine — week-end", "no active mandate"), // pending
        ("Accueil", "no active mandate"),            // refused
        ("Livraison", "no active mandate"),          // expired
        ("Terrasse", "stopped this access"),         // stopped by the citizen
        ("Extra — mars", "has ended"),               // ended (by the job)
    ];
    for (label, reason) in cases {
        let res = app.get(&path(request(&app, label))).await;
        assert_eq!(res.status().as_u16(), 409, "{label}");
        let body = res.text().await.unwrap();
        assert!(
            one(&body, "[data-testid=message]").contains(reason),
            "{label}: {body}"
        );
        assert!(texts(&body, "[data-testid=answer]").is_empty(), "{label}");
    }
    // Blocked by the back office.
    let marc = request(&app, "Bar — pensionné");
    diesel::update(access_requests::table.find(marc))
        .set(access_requests::status.eq("blocked"))
        .execute(&mut app.db())
        .unwrap();
    let res = app.get(&path(marc)).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("blocked"));
    // An unknown id, and a malformed one.
    assert_eq!(app.get(&path(Uuid::new_v4())).await.status().as_u16(), 404);
    assert_eq!(
        app.get("/company/mandates/12345").await.status().as_u16(),
        404
    );
    // The mandate's end, even before the job has run: Maria's lasts one month.
    let maria = request(&app, "Plonge");
    assert_eq!(app.get(&path(maria)).await.status().as_u16(), 200);
    app.clock.advance(chrono::Duration::days(31));
    app.sign_in(JAN).await;
    let res = app.get(&path(maria)).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("has ended"));
    // Only the one successful consultation was recorded.
    assert_eq!(audit(&app).len(), 1);
    // Nobody signed in: to the sign-in page, nothing recorded.
    let anonymous = app.another_browser();
    assert_eq!(anonymous.get(&path(maria)).await.status().as_u16(), 303);
    assert_eq!(audit(&app).len(), 1);
}

#[tokio::test]
async fn another_company_gets_not_found_for_a_mandate_that_is_not_its_own() {
    let app = spawn_app().await;
    app.sign_in(EMMA).await;
    let res = app
        .post_form(
            "/company/register",
            &[
                ("bce", "0203.201.340"),
                ("name", "Brasserie Martin"),
                ("kind", "employer"),
                ("contact_email", "emma@brasserie.be"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        app.post_form("/company/terms", &[]).await.status().as_u16(),
        303
    );
    let res = app.get(&path(request(&app, "Plonge"))).await;
    assert_eq!(res.status().as_u16(), 404);
    let body = res.text().await.unwrap();
    assert!(!body.contains("Maria") && !body.contains("Abara"));
    assert!(audit(&app).is_empty());
    // Nor its PDF.
    assert_eq!(
        app.get(&format!("{}/pdf", path(request(&app, "Plonge"))))
            .await
            .status()
            .as_u16(),
        404
    );
}

/// The text of a PDF, whitespace collapsed (poppler's pdftotext).
fn pdf_text(bytes: &[u8]) -> String {
    let pdftotext = std::path::Path::new("/usr/bin/pdftotext");
    assert!(
        pdftotext.exists(),
        "pdftotext is missing: install poppler-utils (scripts/test does)"
    );
    let dir = std::env::temp_dir().join(format!("mandat-pdf-{}", Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("consultation.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = std::process::Command::new(pdftotext)
        .arg("-enc")
        .arg("UTF-8")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn the_pdf_export_is_a_new_recorded_consultation_in_the_users_language() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let maria = request(&app, "Plonge");
    let page = app.page(&path(maria)).await;
    assert!(
        page.contains(&format!("{}/pdf", path(maria))),
        "the page offers the export"
    );
    app.clock.advance(chrono::Duration::minutes(1));
    let res = app
        .get_with(
            &format!("{}/pdf", path(maria)),
            &[("accept-language", "fr")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(
        !disposition.contains("Abara") && !disposition.contains(MARIA),
        "no personal data in the file name"
    );
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let rows = audit(&app);
    assert_eq!(
        rows.len(),
        2,
        "the page and the export are two consultations"
    );
    let reference = rows[1].id.to_string();
    assert!(disposition.contains(&reference));
    let text = pdf_text(&bytes);
    for expected in [
        "Maria Abara peut travailler comme flexi-travailleur du 1er janvier au 30 juin 2025.",
        "Resto Pokébowl",
        "0765.432.146",
        "90.05.14-024.26",
        "5 mars 2025 à 10:31",
        reference.as_str(),
        "janvier 2025",
        "décembre 2025",
        "Conditions remplies",
        "Non déterminé",
        "Ce que votre entreprise doit encore vérifier elle-même",
        "déclarations DmfA",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} in the PDF text:\n{text}"
        );
    }
    assert!(!text.to_lowercase().contains("pension"));
    // Student hours, in German: a request Socialia made, consulted by the company itself.
    let sarah = request(&app, "Étudiante caisse");
    let res = app
        .get_with(
            &format!("{}/pdf", path(sarah)),
            &[("accept-language", "de")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let text = pdf_text(&res.bytes().await.unwrap());
    assert!(
        text.contains(
            "Am 5. März 2025 verbleiben 154 Stunden im Studentenstundensaldo von Sarah Dumont."
        ),
        "{text}"
    );
    // The company consulted itself: no provider acted, whoever made the request.
    assert!(!text.contains("Socialia"), "{text}");
    let row = audit(&app)
        .into_iter()
        .find(|r| r.request_id == sarah)
        .unwrap();
    assert_eq!((row.provider_id, row.actor_ref.as_str()), (None, JAN));
    // A refusal is a page, not a PDF.
    let res = app
        .get(&format!("{}/pdf", path(request(&app, "Terrasse"))))
        .await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(audit(&app).len(), 3);
}

#[tokio::test]
async fn a_citizen_sees_their_own_possibilities_without_it_being_recorded() {
    let app = spawn_app().await;
    app.sign_in(MARIA).await;
    let res = app.get("/me/possibilities").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let body = res.text().await.unwrap();
    let answers = texts(&body, "[data-testid=answer]");
    assert_eq!(
        answers,
        vec![
            "You may work as a flexi-worker from 1 January to 30 June 2025.".to_string(),
            "On 5 March 2025, 650 hours remain in your student hours balance for 2025.".to_string(),
        ]
    );
    assert_eq!(texts(&body, "[data-testid=month]").len(), 12);
    assert!(audit(&app).is_empty(), "not a company consultation");
    // In Dutch.
    let nl = app
        .get_with("/me/possibilities", &[("accept-language", "nl")])
        .await
        .text()
        .await
        .unwrap();
    assert!(
        nl.contains("U mag als flexi-jobber werken van 1 januari tot en met 30 juni 2025."),
        "{nl}"
    );
    // Signed out: to the sign-in page.
    let anonymous = app.another_browser();
    assert_eq!(
        anonymous.get("/me/possibilities").await.status().as_u16(),
        303
    );
}

#[tokio::test]
async fn a_consultation_page_answers_fast_with_a_warm_pool() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let url = path(request(&app, "Plonge"));
    for _ in 0..20 {
        assert_eq!(app.get(&url).await.status().as_u16(), 200);
    }
    let mut times: Vec<Duration> = Vec::with_capacity(200);
    for _ in 0..200 {
        let start = Instant::now();
        let res = app.get(&url).await;
        assert_eq!(res.status().as_u16(), 200);
        let _ = res.bytes().await.unwrap();
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    let max = times[times.len() - 1];
    eprintln!(
        "consultation page, 200 sequential requests after 20 warm-up ({} build): median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3
    );
    assert!(median < Duration::from_millis(200), "median {median:?}");
    assert_eq!(audit(&app).len(), 220, "every one recorded");
}

#[tokio::test]
async fn the_citizen_sees_every_consultation_of_her_data_in_her_history_at_once() {
    let app = crate::helpers::spawn_app().await;
    app.sign_in("85073003328").await;
    let active = app.page("/company/tabs/active?q=abara").await;
    let href = crate::helpers::attr(
        &active,
        "[data-testid=row] a[href^='/company/mandates/']",
        "href",
    )
    .expect("a consult link");
    let page = app.page(&href).await;
    assert!(page.contains("Maria Abara"));
    let maria = app.another_browser();
    maria.sign_in("90051402426").await;
    let history = maria.page("/me/history").await;
    let text = crate::helpers::texts(&history, "[data-testid=consultations] tbody").join(" ");
    assert!(text.contains("Resto Pokébowl"), "{text}");
    assert!(text.contains("Flexi-job possibility"), "{text}");
    let home = maria.page("/me").await;
    assert!(crate::helpers::attr(&home, "[data-testid=nav-possibilities]", "href").is_some());
}
