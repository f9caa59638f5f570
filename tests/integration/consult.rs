//! Consultation under a mandate: the mandate page (which consults nothing), the one
//! recorded act ("Consult now"), the result pages (flexi-job, student hours), the mandate
//! checks, the audit trail, the PDF export of a recorded consultation, a positive result
//! fixed for its quarter, the citizen's own "My possibilities", and how fast a
//! consultation answers.

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
/// Noah Lambert: 4/5 only with Resto Pokébowl.
const NOAH: &str = mandat::demo::people::NOAH.niss();
/// Resto Pokébowl's enterprise number.
const RESTO_BCE: &str = mandat::demo::companies::RESTO_BCE;
/// Socialia's enterprise number.
const SOCIALIA_BCE: &str = mandat::demo::companies::SOCIALIA_BCE;

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
    let maria = app.request_id("Plonge");
    // The active tab links to the consultation.
    let active = app.page("/company/tabs/active").await;
    assert!(
        active.contains(&format!("href=\"{}\"", path(maria))),
        "link in the active tab"
    );
    assert!(audit(&app).is_empty(), "listing is not consulting");
    // The mandate page shows who and what, and consults nothing.
    let res = app.get(&path(maria)).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let page = res.text().await.unwrap();
    assert!(one(&page, "[data-testid=facts]").contains("Maria Abara"));
    assert!(texts(&page, "[data-testid=answer]").is_empty());
    assert_eq!(texts(&page, "[data-testid=consult-now]").len(), 1);
    assert!(
        audit(&app).is_empty(),
        "looking at the mandate is not consulting"
    );
    // "Consult now" (a same-origin POST) is the consultation.
    let res = app.consult(maria).await;
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
    // Laid out by year: the year above its row of months.
    assert!(months[0].starts_with("January"), "{months:?}");
    assert!(months[11].starts_with("December"), "{months:?}");
    assert_eq!(texts(&body, "[data-testid=calendar-year]"), ["2025"]);
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
    // A cross-site POST is not a consultation.
    let res = app
        .post_raw(
            &path(maria),
            &[("csrf", &app.csrf().await)],
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(audit(&app).len(), 1);
    // Each new deliberate act is a new consultation, never a cached one.
    app.clock.advance(chrono::Duration::minutes(1));
    let again = app.consulted(maria).await;
    let rows = audit(&app);
    assert_eq!(rows.len(), 2);
    assert!(one(&again, "[data-testid=facts]").contains(&rows[1].id.to_string()));
    let since = crate::helpers::start_time() - chrono::Duration::days(1);
    let (count, newest) =
        consult::consultations_of_request(&mut app.db(), maria, since, 1).unwrap();
    assert_eq!(count, 2);
    let newest: Vec<_> = newest.iter().map(|c| c.id).collect();
    assert_eq!(newest, [rows[1].id], "the newest first");
}

#[tokio::test]
async fn a_pensioner_is_eligible_and_the_page_does_not_say_why() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let marc = app.consulted(app.request_id("Bar — pensionné")).await;
    assert_eq!(
        one(&marc, "[data-testid=answer]"),
        "Marc Dubois may work as a flexi-worker from 1 January to 30 June 2025."
    );
    assert!(
        !marc.to_lowercase().contains("pension"),
        "no word of a pension"
    );
    // The explanation is the same, word for word, as for a worker.
    let maria = app.consulted(app.request_id("Plonge")).await;
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
    let sarah = app.request_id("Étudiante caisse");
    let body = app.consulted(sarah).await;
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
        app.get(&path(app.request_id("Plonge")))
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
        let res = app.get(&path(app.request_id(label))).await;
        assert_eq!(res.status().as_u16(), 409, "{label}");
        let body = res.text().await.unwrap();
        assert!(
            one(&body, "[data-testid=message]").contains(reason),
            "{label}: {body}"
        );
        assert!(texts(&body, "[data-testid=answer]").is_empty(), "{label}");
    }
    // Blocked by the back office.
    let marc = app.request_id("Bar — pensionné");
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
    let maria = app.request_id("Plonge");
    let page = app.page(&path(maria)).await;
    let act = crate::helpers::attr(&page, "input[name=act]", "value").unwrap();
    app.clock.advance(chrono::Duration::days(31));
    app.sign_in(JAN).await;
    let res = app.get(&path(maria)).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("has ended"));
    // The button of a page shown before the end: refused, nothing recorded.
    let res = app.post_form(&path(maria), &[("act", &act)]).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("has ended"));
    assert!(audit(&app).is_empty());
    // Nobody signed in: to the sign-in page, nothing recorded.
    let anonymous = app.another_browser();
    assert_eq!(anonymous.get(&path(maria)).await.status().as_u16(), 303);
    assert!(audit(&app).is_empty());
}

#[tokio::test]
async fn another_company_gets_not_found_for_a_mandate_that_is_not_its_own() {
    let app = spawn_app().await;
    app.sign_in(EMMA).await;
    app.registers_employer("0203.201.340", "Brasserie Martin", "emma@brasserie.be")
        .await;
    let plonge = app.request_id("Plonge");
    let res = app.get(&path(plonge)).await;
    assert_eq!(res.status().as_u16(), 404);
    let body = res.text().await.unwrap();
    assert!(!body.contains("Maria") && !body.contains("Abara"));
    let res = app.post_form(&path(plonge), &[]).await;
    assert_eq!(res.status().as_u16(), 404);
    assert!(audit(&app).is_empty());
    // Nor the PDF of Jan's consultation.
    let jan = app.another_browser();
    jan.sign_in(JAN).await;
    jan.consulted(plonge).await;
    let reference = audit(&app)[0].id;
    let pdf = format!("/company/consultations/{reference}/pdf");
    assert_eq!(jan.get(&pdf).await.status().as_u16(), 200);
    assert_eq!(app.get(&pdf).await.status().as_u16(), 404);
    assert_eq!(audit(&app).len(), 1);
}

/// The text of a PDF, whitespace collapsed (poppler's pdftotext).
pub fn pdf_text(bytes: &[u8]) -> String {
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

/// What poppler's pdfinfo says of a PDF, run with `args` (`-struct-text`, `-meta`, none).
pub fn pdf_info(bytes: &[u8], args: &[&str]) -> String {
    let pdfinfo = std::path::Path::new("/usr/bin/pdfinfo");
    assert!(
        pdfinfo.exists(),
        "pdfinfo is missing: install poppler-utils (scripts/test does)"
    );
    let dir = std::env::temp_dir().join(format!("mandat-pdf-{}", Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("consultation.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = std::process::Command::new(pdfinfo)
        .args(args)
        .arg(&file)
        .output()
        .expect("pdfinfo runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "pdfinfo: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn the_exported_pdf_is_tagged_with_its_structure_title_and_language() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let maria = app.request_id("Plonge");
    app.consulted(maria).await;
    let sarah = app.request_id("Étudiante caisse");
    app.consulted(sarah).await;
    let rows = audit(&app);
    for (row, lang, title, month) in [
        (
            rows.iter().find(|r| r.request_id == maria).unwrap(),
            "fr",
            "Possibilité de flexi-job — Maria Abara",
            "janvier 2025",
        ),
        (
            rows.iter().find(|r| r.request_id == sarah).unwrap(),
            "de",
            " — Sarah Dumont",
            "",
        ),
    ] {
        let res = app
            .get_with(
                &format!("/company/consultations/{}/pdf", row.id),
                &[("accept-language", lang)],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        let bytes = res.bytes().await.unwrap();
        let info = pdf_info(&bytes, &[]);
        assert!(info.contains("Tagged:          yes"), "{info}");
        let title_line = info.lines().find(|l| l.starts_with("Title:")).unwrap_or("");
        assert!(title_line.contains(title), "{info}");
        // The document's language, in its metadata (and its catalogue, which krilla
        // writes with it).
        let meta = pdf_info(&bytes, &["-meta"]);
        assert!(
            meta.contains(&format!(
                "<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>"
            )),
            "{meta}"
        );
        assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "{meta}");
        // The structure: a title heading, sections, paragraphs, a list, the tables.
        let structure = pdf_info(&bytes, &["-struct-text"]);
        for tag in [
            "Document",
            "H1",
            "H2",
            "P (block)",
            "L (block)",
            "LBody",
            "Table",
            "TH",
            "TD",
        ] {
            assert!(
                structure.lines().any(|l| l.trim_start().starts_with(tag)),
                "{tag} in the structure:\n{structure}"
            );
        }
        // A month of the calendar heads its row: its label in a header cell.
        if !month.is_empty() {
            let lines: Vec<&str> = structure.lines().map(str::trim).collect();
            let at = lines
                .iter()
                .position(|l| *l == format!("\"{month}\""))
                .unwrap_or_else(|| panic!("{month} in the structure:\n{structure}"));
            assert!(lines[at - 2].starts_with("TH"), "{structure}");
        }
    }
}

#[tokio::test]
async fn the_pdf_export_is_part_of_the_consultation_it_exports_in_the_users_language() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let maria = app.request_id("Plonge");
    let page = app.consulted(maria).await;
    let rows = audit(&app);
    assert_eq!(rows.len(), 1);
    let reference = rows[0].id.to_string();
    let pdf = format!("/company/consultations/{reference}/pdf");
    assert_eq!(
        crate::helpers::attr(&page, "[data-testid=export-pdf]", "href").as_deref(),
        Some(pdf.as_str()),
        "the page offers the export of this consultation"
    );
    // Later, and after a downward correction of the sources: the export says what the
    // page said then, with its reference, and records nothing.
    app.clock.advance(chrono::Duration::minutes(1));
    diesel::update(mandat::db::schema::occupations::table)
        .filter(mandat::db::schema::occupations::niss.eq(MARIA))
        .set(mandat::db::schema::occupations::worker_hours.eq(1.0))
        .execute(&mut app.db())
        .unwrap();
    let res = app.get_with(&pdf, &[("accept-language", "fr")]).await;
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
    assert!(disposition.contains(&reference));
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(audit(&app).len(), 1, "the export is not a new consultation");
    let text = pdf_text(&bytes);
    for expected in [
        "Maria Abara peut travailler comme flexi-travailleur du 1er janvier au 30 juin 2025.",
        "Resto Pokébowl",
        "0765.432.146",
        "90.05.14-024.26",
        "5 mars 2025 à 10:30",
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
    // What is kept is the answer the company saw, never a fraction or a reason.
    let (answer, act): (Option<serde_json::Value>, Option<Uuid>) = consultations::table
        .find(rows[0].id)
        .select((consultations::answer, consultations::act))
        .first(&mut app.db())
        .unwrap();
    let answer = answer.unwrap().to_string();
    assert!(
        answer.contains("ELIGIBLE") && answer.contains("2025-06"),
        "{answer}"
    );
    for word in ["fraction", "reason", "ension", "orker", "0.8", "hours"] {
        assert!(!answer.contains(word), "{word} in {answer}");
    }
    assert!(act.is_some());
    // Student hours, in German: a request Socialia made, consulted by the company itself.
    let sarah = app.request_id("Étudiante caisse");
    app.consulted(sarah).await;
    let row = audit(&app)
        .into_iter()
        .find(|r| r.request_id == sarah)
        .unwrap();
    assert_eq!((row.provider_id, row.actor_ref.as_str()), (None, JAN));
    let res = app
        .get_with(
            &format!("/company/consultations/{}/pdf", row.id),
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
    // An unknown consultation: 404, a page, not a PDF.
    let res = app
        .get(&format!("/company/consultations/{}/pdf", Uuid::new_v4()))
        .await;
    assert_eq!(res.status().as_u16(), 404);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(audit(&app).len(), 2);
}

#[tokio::test]
async fn a_positive_flexi_result_is_fixed_for_its_quarter_and_a_negative_one_follows_corrections() {
    use mandat::db::schema::{flexi_positive_answers as positives, occupations};
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    // Noah works 4/5 only for Resto Pokébowl: not eligible when it asks. Jan asks him (his
    // NISS named), Noah accepts.
    let res = app
        .post_form(
            "/company/requests",
            &crate::company::request_form("Noah", "noah@example.be", "FLEXI_JOB", "en")
                .into_iter()
                .filter(|(k, _)| *k != "niss")
                .chain([("niss", NOAH)])
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let link = crate::helpers::attr(
        &res.text().await.unwrap(),
        "[data-testid=created-link]",
        "value",
    )
    .unwrap();
    let noah_request = app.request_id("Noah");
    let noah = app.another_browser();
    let page = noah.citizen_opens_link(&link).await;
    noah.sign_in(NOAH).await;
    noah.citizen_accepts(&page).await;
    let statuses = |body: &str| -> Vec<String> {
        scraper::Html::parse_document(body)
            .select(&scraper::Selector::parse("[data-testid=month]").unwrap())
            .map(|e| e.value().attr("data-status").unwrap().to_string())
            .collect()
    };
    // On 5 March, Q1 and Q2 are answered: not eligible.
    let body = app.consulted(noah_request).await;
    assert_eq!(statuses(&body)[..6], ["not_eligible"; 6]);
    let kept: i64 = positives::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(kept, 0, "a negative answer is not kept");
    // An upward correction of the reference quarter (the employer was another one): the
    // negative answer follows it at once.
    let correct = |employer: &str| {
        diesel::update(occupations::table)
            .filter(occupations::niss.eq(NOAH))
            .set(occupations::employer_bce.eq(employer.to_string()))
            .execute(&mut app.db())
            .unwrap()
    };
    assert!(correct("0412345614") > 0);
    app.clock.advance(chrono::Duration::minutes(5));
    let body = app.consulted(noah_request).await;
    assert_eq!(statuses(&body)[..6], ["eligible"; 6]);
    // The quarters answered eligible are kept: person, asking company, quarter, when.
    let rows: Vec<(String, Uuid, i32, i16, DateTime<Utc>)> = positives::table
        .order((positives::year, positives::quarter))
        .select((
            positives::citizen_niss,
            positives::company_id,
            positives::year,
            positives::quarter,
            positives::answered_at,
        ))
        .load(&mut app.db())
        .unwrap();
    let resto = company_id(&app, RESTO_BCE);
    let at = mandat::clock::Clock::now(&app.clock);
    assert_eq!(
        rows,
        [
            (NOAH.to_string(), resto, 2025, 1, at),
            (NOAH.to_string(), resto, 2025, 2, at),
        ]
    );
    // A downward correction (hardly any hours in the reference quarter): the positive
    // answer stands.
    diesel::update(occupations::table)
        .filter(occupations::niss.eq(NOAH))
        .set(occupations::worker_hours.eq(1.0))
        .execute(&mut app.db())
        .unwrap();
    app.clock.advance(chrono::Duration::minutes(5));
    let body = app.consulted(noah_request).await;
    assert_eq!(statuses(&body)[..6], ["eligible"; 6]);
    assert_eq!(
        one(&body, "[data-testid=answer]"),
        "Noah Lambert may work as a flexi-worker from 1 January to 30 June 2025."
    );
    // Noah's own view (nobody asks) follows the corrected sources.
    let own = noah.page("/me/possibilities").await;
    assert!(
        statuses(&own)[..6].iter().all(|s| s == "not_eligible"),
        "{:?}",
        statuses(&own)
    );
    let kept: i64 = positives::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(kept, 2);
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
            "If you work as a student in 2025, 650 hours remain at reduced contributions (on 5 March 2025).".to_string(),
        ]
    );
    assert_eq!(texts(&body, "[data-testid=month]").len(), 12);
    assert!(audit(&app).is_empty(), "not a company consultation");
    // In Dutch.
    let nl = app
        .page_with("/me/possibilities", &[("accept-language", "nl")])
        .await;
    assert!(
        nl.contains("Je mag als flexi-jobber werken van 1 januari tot en met 30 juni 2025."),
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
    let url = format!("{}{}", app.address, path(app.request_id("Plonge")));
    let csrf = app.csrf().await;
    // Each POST a new act (a new press of "Consult now"), each one recorded.
    let consult = || async {
        let act = Uuid::new_v4().to_string();
        app.client
            .post(&url)
            .form(&[("csrf", csrf.as_str()), ("act", act.as_str())])
            .send()
            .await
            .unwrap()
    };
    for _ in 0..20 {
        assert_eq!(consult().await.status().as_u16(), 200);
    }
    let mut times: Vec<Duration> = Vec::with_capacity(200);
    for _ in 0..200 {
        let start = Instant::now();
        let res = consult().await;
        assert_eq!(res.status().as_u16(), 200);
        let _ = res.bytes().await.unwrap();
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    let max = times[times.len() - 1];
    eprintln!(
        "consultation (POST, recorded), 200 sequential requests after 20 warm-up ({} build): median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
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

/// Jan Peeters signed in, and the address of Maria Abara's mandate in his Active tab.
async fn jan_on_marias_mandate() -> (crate::helpers::TestApp, String) {
    let app = crate::helpers::spawn_app().await;
    app.sign_in(JAN).await;
    let active = app.page("/company/tabs/active?q=abara").await;
    let href = crate::helpers::attr(
        &active,
        "[data-testid=row] a[href^='/company/mandates/']",
        "href",
    )
    .expect("a consult link");
    (app, href)
}

#[tokio::test]
async fn the_same_act_posted_many_times_at_once_is_one_consultation_and_other_acts_do_not_wait() {
    let (app, href) = jan_on_marias_mandate().await;
    let page = app.page(&href).await;
    let act = crate::helpers::attr(&page, "input[name=act]", "value").unwrap();
    // Eight posts of one form at once (a user's double clicks, a flaky network's retries):
    // every one answered with the same consultation, one row recorded.
    let fields = [("act", act.as_str())];
    let posts = (0..8).map(|_| app.post_form(&href, &fields));
    let answers = futures_util::future::join_all(posts).await;
    let rows = audit(&app);
    assert_eq!(rows.len(), 1, "one act, one consultation");
    let reference = rows[0].id.to_string();
    for answer in answers {
        assert_eq!(answer.status().as_u16(), 200);
        let body = answer.text().await.unwrap();
        assert!(one(&body, "[data-testid=facts]").contains(&reference));
    }
    // Eight different acts at once on the same mandate: eight consultations, none refused
    // (they share the mandate's lock: none waits for another to finish).
    let acts: Vec<[(&str, String); 1]> = (0..8)
        .map(|_| [("act", uuid::Uuid::new_v4().to_string())])
        .collect();
    let fields: Vec<[(&str, &str); 1]> = acts.iter().map(|[(k, v)]| [(*k, v.as_str())]).collect();
    let posts = fields.iter().map(|f| app.post_form(&href, f));
    for answer in futures_util::future::join_all(posts).await {
        assert_eq!(answer.status().as_u16(), 200);
    }
    assert_eq!(audit(&app).len(), 9);
}

#[tokio::test]
async fn one_consultation_is_one_history_line_whatever_reloads_switches_and_exports_follow() {
    let (app, href) = jan_on_marias_mandate().await;
    // The mandate page, reloaded, in another language, as a prefetch would: nothing.
    let page = app.page(&href).await;
    assert!(page.contains("Maria Abara"));
    app.page(&href).await;
    app.get_with(
        &href,
        &[("accept-language", "nl"), ("sec-purpose", "prefetch")],
    )
    .await;
    for lang in ["de", "en"] {
        let switch = app
            .get(&format!(
                "/lang/{lang}?next={}",
                mandat::web::routes::url_escape(&href)
            ))
            .await;
        assert_eq!(switch.status().as_u16(), 303);
        app.page(&href).await;
    }
    assert!(audit(&app).is_empty());
    // "Consult now": one consultation; the result page reloaded (the same act posted
    // again) is that consultation, with its reference; its PDF export too.
    let act = crate::helpers::attr(&page, "input[name=act]", "value").unwrap();
    let first = app.post_form(&href, &[("act", &act)]).await;
    assert_eq!(first.status().as_u16(), 200);
    let first = first.text().await.unwrap();
    app.clock.advance(chrono::Duration::seconds(30));
    let reload = app.post_form(&href, &[("act", &act)]).await;
    assert_eq!(reload.status().as_u16(), 200);
    let reload = reload.text().await.unwrap();
    let rows = audit(&app);
    assert_eq!(rows.len(), 1);
    let reference = rows[0].id.to_string();
    for body in [&first, &reload] {
        assert!(one(body, "[data-testid=facts]").contains(&reference));
        assert!(one(body, "[data-testid=facts]").contains("5 March 2025 at 10:30"));
    }
    let pdf = crate::helpers::attr(&reload, "[data-testid=export-pdf]", "href").unwrap();
    assert_eq!(app.get(&pdf).await.status().as_u16(), 200);
    assert_eq!(app.get(&pdf).await.status().as_u16(), 200);
    assert_eq!(audit(&app).len(), 1);
    // The citizen sees one line for it.
    let maria = app.another_browser();
    maria.sign_in(MARIA).await;
    let history = maria.page("/me/history").await;
    let lines = crate::helpers::texts(&history, "[data-testid=consultations] tbody tr");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("Resto Pokébowl"), "{lines:?}");
    assert!(lines[0].contains("Flexi-job possibility"), "{lines:?}");
    assert!(lines[0].contains("5 March 2025 at 10:30"), "{lines:?}");
    let home = maria.page("/me").await;
    assert!(crate::helpers::attr(&home, "[data-testid=nav-possibilities]", "href").is_some());
}

#[tokio::test]
async fn an_unknown_context_read_from_the_database_is_an_error_never_another_context() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    app.consulted(app.request_id("Plonge")).await;
    diesel::update(consultations::table)
        .set(consultations::context.eq("PENSION_CALCULATION"))
        .execute(&mut app.db())
        .unwrap();
    let since = crate::helpers::start_time() - chrono::Duration::days(365);
    let read = consult::consultations_of_citizen(
        &mut app.db(),
        &mandat::domain::Niss::parse(MARIA).unwrap(),
        since,
    );
    let err = read
        .expect_err("an unknown context is an error")
        .to_string();
    assert!(err.contains("PENSION_CALCULATION"), "{err}");
    // The citizen's history says something went wrong, never "flexi-job".
    let maria = app.another_browser();
    maria.sign_in(MARIA).await;
    let res = maria.get("/me/history").await;
    assert_eq!(res.status().as_u16(), 500);
    assert!(!res.text().await.unwrap().contains("Flexi-job"));
}

/// The share-locked read a consultation starts with, made while a stop of the same
/// mandate is under way, waits for it and sees the mandate stopped (not the row as it was
/// before the wait); the back office's locked read likewise.
#[test]
fn a_locked_read_that_waited_for_a_change_sees_it() {
    use diesel::{connection::SimpleConnection, prelude::*};
    use mandat::db::{access_requests as requests_db, schema::access_requests};
    let db = crate::helpers::fresh_database();
    let mut stopper = db.connect();
    for lock in ["share", "update"] {
        let id: uuid::Uuid = access_requests::table
            .filter(access_requests::status.eq("accepted"))
            .select(access_requests::id)
            .first(&mut stopper)
            .expect("an active mandate in the demo world");
        stopper.batch_execute("BEGIN").unwrap();
        diesel::update(access_requests::table.find(id))
            .set(access_requests::status.eq("revoked"))
            .execute(&mut stopper)
            .unwrap();
        let url = db.url.clone();
        let reader = std::thread::spawn(move || {
            let mut conn = PgConnection::establish(&url).unwrap();
            conn.transaction(|conn| match lock {
                "share" => requests_db::find_for_share(conn, id),
                _ => requests_db::find_for_update(conn, id),
            })
            .unwrap()
            .expect("the request")
        });
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert!(!reader.is_finished(), "{lock}: waits for the stop");
        stopper.batch_execute("COMMIT").unwrap();
        let read = reader.join().unwrap();
        assert_eq!(
            read.status,
            mandat::domain::RequestStatus::Revoked,
            "{lock}: the row as the stop left it"
        );
    }
}
