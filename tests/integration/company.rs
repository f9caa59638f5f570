//! The company app: registration, users, providers, requests, e-mail (outbox and a real
//! SMTP server), QR code, tabs, and who may see what.

use std::{
    io::{BufRead, BufReader, Write},
    process::{Child, Command, Stdio},
    time::Duration,
};

use diesel::prelude::*;
use mandat::{
    clock::Clock,
    db::schema::{
        access_requests, email_attempts, outbox_emails, request_events, request_links,
        request_personal,
    },
};

use crate::helpers::{Options, TestApp, attr, spawn_app, spawn_app_with, texts};

/// Jan Peeters, main access manager of Resto Pokébowl in the demo world.
pub const JAN: &str = mandat::demo::people::JAN.niss();
/// Lena Schmidt, of the provider Socialia.
pub const LENA: &str = mandat::demo::people::LENA.niss();
/// Emma Martin: belongs to no company.
pub const EMMA: &str = mandat::demo::people::EMMA.niss();

/// A request form with sensible values.
pub fn request_form<'a>(
    label: &'a str,
    email: &'a str,
    context: &'a str,
    lang: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("label", label),
        ("email", email),
        ("context", context),
        ("language", lang),
        ("niss", ""),
    ]
}

/// Creates a request through the form; returns the link shown.
pub async fn create_request(app: &TestApp, fields: &[(&str, &str)]) -> String {
    let res = app.post_form("/company/requests", fields).await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    attr(&body, "[data-testid=created-link]", "value").expect("the link is shown")
}

fn statuses(conn: &mut PgConnection) -> Vec<(String, String)> {
    access_requests::table
        .inner_join(request_personal::table)
        .select((
            request_personal::label.assume_not_null(),
            access_requests::status,
        ))
        .order(access_requests::created_at)
        .load(conn)
        .unwrap()
}

#[tokio::test]
async fn a_newcomer_registers_a_company_and_accepts_the_terms() {
    let app = spawn_app().await;
    app.sign_in(EMMA).await;
    let res = app.get("/company").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/company/register");
    // The page says what to do instead when the company is already registered.
    let page = app.page("/company/register").await;
    assert!(
        texts(&page, "[data-testid=register-already]")[0].contains("main access manager"),
        "{page}"
    );
    // Bad input: every message, what was typed kept.
    let res = app
        .post_form(
            "/company/register",
            &[
                ("bce", "0765.432.147"),
                ("name", ""),
                ("kind", "employer"),
                ("contact_email", "x@"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    assert_eq!(texts(&body, "[data-testid=error-bce]").len(), 1);
    assert_eq!(texts(&body, "[data-testid=error-name]").len(), 1);
    assert_eq!(texts(&body, "[data-testid=error-contact_email]").len(), 1);
    assert_eq!(
        attr(&body, "#bce", "value").as_deref(),
        Some("0765.432.147")
    );
    // An enterprise number already registered.
    let res = app
        .post_form(
            "/company/register",
            &[
                ("bce", "0765.432.146"),
                ("name", "Copy"),
                ("kind", "employer"),
                ("contact_email", "a@b.be"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    assert!(texts(&res.text().await.unwrap(), "[data-testid=error-bce]")[0].contains("already"));
    // A valid registration (check digits of 0203.201.340 are right).
    let res = app
        .post_form(
            "/company/register",
            &[
                ("bce", "BE 0203.201.340"),
                ("name", "Brasserie Martin"),
                ("kind", "employer"),
                ("contact_email", "emma@brasserie.be"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/company/terms");
    // Nothing is possible before the terms.
    let res = app.get("/company").await;
    assert_eq!(res.headers()["location"], "/company/terms");
    let res = app.post_form("/company/terms", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let body = app.page("/company").await;
    assert!(texts(&body, "[data-testid=acting-as]")[0].contains("Brasserie Martin"));
    assert!(texts(&body, "[data-testid=acting-as]")[0].contains("0203.201.340"));
    // Who accepted which version when is recorded.
    let mut conn = app.db();
    let (who, version): (String, String) = mandat::db::schema::terms_acceptances::table
        .inner_join(mandat::db::schema::companies::table)
        .filter(mandat::db::schema::companies::bce.eq("0203201340"))
        .select((
            mandat::db::schema::terms_acceptances::accepted_by,
            mandat::db::schema::terms_acceptances::terms_version,
        ))
        .first(&mut conn)
        .unwrap();
    assert_eq!(who, EMMA);
    assert_eq!(version, mandat::services::companies::TERMS_VERSION);
}

#[tokio::test]
async fn a_request_is_validated_field_by_field_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let res = app
        .post_form(
            "/company/requests",
            &[
                ("label", ""),
                ("email", "maria@"),
                ("context", "PENSION"),
                ("language", "es"),
                ("niss", "12.34"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    for field in ["label", "email", "context", "language", "niss"] {
        assert_eq!(
            texts(&body, &format!("[data-testid=error-{field}]")).len(),
            1,
            "{field}"
        );
    }
    assert_eq!(attr(&body, "#email", "value").as_deref(), Some("maria@"));
    assert_eq!(attr(&body, "#niss", "value").as_deref(), Some("12.34"));
}

pub(crate) fn decode_qr(svg: &str) -> String {
    // The SVG is a viewBox of W x H with one path of unit rectangles "M{x} {y}h{w}v{h}H{x}V{y}".
    let view: Vec<usize> = svg
        .split("viewBox=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("viewBox")
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    let (w, h) = (view[2], view[3]);
    let mut dark = vec![false; w * h];
    let d = svg
        .split(" d=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("path");
    for rect in d.split('M').filter(|s| !s.is_empty()) {
        let nums: Vec<usize> = rect
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|n| n.parse().unwrap())
            .collect();
        let (x, y, rw, rh) = (nums[0], nums[1], nums[2], nums[3]);
        for yy in y..y + rh {
            for xx in x..x + rw {
                dark[yy * w + xx] = true;
            }
        }
    }
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(
            w,
            h,
            |x, y| if dark[y * w + x] { 0 } else { 255 },
        );
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("decodable").1
}

#[tokio::test]
async fn creating_a_request_gives_a_single_use_link_a_scannable_qr_code_and_an_email() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let res = app
        .post_form(
            "/company/requests",
            &request_form(
                "Cuisine lundi",
                "candidate@example.be",
                "STUDENT_HOURS",
                "nl",
            ),
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["hx-trigger"], "refresh-tabs");
    let body = res.text().await.unwrap();
    let link = attr(&body, "[data-testid=created-link]", "value").unwrap();
    let token = link.rsplit('/').next().unwrap().to_string();
    assert!(link.starts_with("http://localhost:8080/r/"), "{link}");
    assert!(token.len() >= 22, "at least 128 bits: {token}");
    // The QR code holds the same link.
    let svg_start = body.find("<svg").unwrap();
    let svg_end = body[svg_start..].find("</svg>").unwrap() + svg_start + 6;
    assert_eq!(decode_qr(&body[svg_start..svg_end]), link);
    // The 72 hours are said.
    assert!(texts(&body, "[data-testid=created]")[0].contains("72"));
    // Stored: a hash only, never the secret.
    let mut conn = app.db();
    let (id, label, status): (uuid::Uuid, Option<String>, String) = access_requests::table
        .inner_join(request_personal::table)
        .select((
            access_requests::id,
            request_personal::label,
            access_requests::status,
        ))
        .order(access_requests::created_at.desc())
        .first(&mut conn)
        .unwrap();
    let hash: Vec<u8> = request_links::table
        .filter(request_links::request_id.eq(id))
        .select(request_links::token_hash)
        .first(&mut conn)
        .unwrap();
    assert_eq!(hash, mandat::services::tokens::hash_token(&token));
    assert_eq!(label.as_deref(), Some("Cuisine lundi"));
    assert_eq!(status, "pending");
    let dump: i64 = diesel::sql_query(format!(
        "SELECT 1 AS one FROM access_requests WHERE row_to_json(access_requests)::text LIKE '%{token}%'"
    ))
    .execute(&mut conn)
    .unwrap() as i64;
    assert_eq!(dump, 0, "the token is nowhere in the request rows");
    let dump = diesel::sql_query(format!(
        "SELECT 1 AS one FROM request_links WHERE row_to_json(request_links)::text LIKE '%{token}%'"
    ))
    .execute(&mut conn)
    .unwrap();
    assert_eq!(dump, 0, "nor in its link's");
    // The creation is recorded with its actor.
    let (to, kind): (String, String) = request_events::table
        .select((request_events::to_status, request_events::actor_kind))
        .order(request_events::id.desc())
        .first(&mut conn)
        .unwrap();
    assert_eq!((to.as_str(), kind.as_str()), ("pending", "company_user"));
    // The e-mail, in Dutch, naming the company and the data, with the link.
    let (recipient, subject, text, html): (String, String, String, String) = outbox_emails::table
        .select((
            outbox_emails::recipient,
            outbox_emails::subject,
            outbox_emails::body_text,
            outbox_emails::body_html,
        ))
        .order(outbox_emails::created_at.desc())
        .first(&mut conn)
        .unwrap();
    // Its text, which holds the live link, is sealed in the outbox.
    assert!(!text.contains(&link) && !html.contains(&link), "{text}");
    assert!(
        !text.contains("Resto") && text.starts_with("sealed:"),
        "{text}"
    );
    let (text, html) = (app.opened_mail(&text), app.opened_mail(&html));
    assert_eq!(recipient, "candidate@example.be");
    assert!(subject.contains("Resto Pokébowl"), "{subject}");
    assert!(text.contains(&link) && html.contains(&link));
    assert!(text.contains("72"), "{text}");
    assert!(text.contains("Student@Work"), "{text}");
    assert!(
        text.contains("localhost:8080"),
        "how to recognise a genuine link: {text}"
    );
    // In the demo mailbox, on an English page, marked as Dutch (a screen reader reads it
    // in Dutch).
    let mailbox = app.page("/demo/mailbox").await;
    let doc = scraper::Html::parse_document(&mailbox);
    let open = scraper::Selector::parse("[data-testid=mail-open]").unwrap();
    let link = doc
        .select(&open)
        .find(|a| a.text().collect::<String>() == subject)
        .expect("the mail in the mailbox");
    assert_eq!(link.value().attr("lang"), Some("nl"));
    let message = app.page(link.value().attr("href").unwrap()).await;
    for part in ["mail-subject", "mail-body"] {
        assert_eq!(
            attr(&message, &format!("[data-testid={part}]"), "lang").as_deref(),
            Some("nl"),
            "{part}"
        );
    }
    // Without an SMTP server (scripts/run), the job delivers it to the mailbox: it reads as
    // delivered there and in the back office, not as waiting forever.
    let pending = |conn: &mut PgConnection| -> i64 {
        outbox_emails::table
            .filter(outbox_emails::sent_at.is_null())
            .count()
            .get_result(conn)
            .unwrap()
    };
    assert!(pending(&mut conn) >= 1);
    let delivered = app.run_job(mandat::jobs::Job::DeliverMail).await.unwrap();
    assert!(delivered.unwrap_or(0) >= 1, "{delivered:?}");
    assert_eq!(pending(&mut conn), 0);
}

#[tokio::test]
async fn the_tabs_list_count_search_and_paginate() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    // The demo world has rows in every tab.
    let body = app.page("/company").await;
    let count = |body: &str, tab: &str| -> i64 {
        texts(body, &format!("[data-testid=count-{tab}]"))[0]
            .parse()
            .unwrap()
    };
    let (active, requested, blocked) = (
        count(&body, "active"),
        count(&body, "requested"),
        count(&body, "blocked"),
    );
    assert!(
        active >= 3 && requested >= 4 && blocked >= 2,
        "{active} {requested} {blocked}"
    );
    for i in 0..21 {
        app.clock.advance(chrono::Duration::seconds(1));
        app.company_creates_request(&crate::helpers::RequestForm::new(
            &format!("Extra {i:02}"),
            "x@example.be",
            "FLEXI_JOB",
            "fr",
        ))
        .await;
    }
    // htmx gets the panel and, out of band, the counts.
    let frag = app
        .page_with("/company/tabs/requested?q=extra", &[("hx-request", "true")])
        .await;
    assert!(!frag.contains("<html"));
    assert_eq!(count(&frag, "requested"), requested + 21);
    assert_eq!(texts(&frag, "[data-testid=row]").len(), 20, "a page of 20");
    assert!(
        texts(&frag, "[data-testid=row]")[0].contains("Extra 20"),
        "newest first"
    );
    assert!(frag.contains("hx-swap-oob"));
    let page2 = app.page("/company/tabs/requested?q=extra&page=2").await;
    assert_eq!(texts(&page2, "[data-testid=row]").len(), 1);
    assert!(page2.contains("<html"), "without htmx: a whole page");
    // Search by the name of the person who accepted.
    let active_page = app.page("/company/tabs/active?q=abara").await;
    let rows = texts(&active_page, "[data-testid=row]");
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].contains("Maria Abara") && rows[0].contains("90.05.14-024.26"),
        "name and NISS: {rows:?}"
    );
    // Unknown tab.
    assert_eq!(
        app.get("/company/tabs/archive").await.status().as_u16(),
        404
    );
}

/// The first cell of each row of a tab's page (the label, or the person's name).
fn first_cells(page: &str) -> Vec<String> {
    texts(page, "[data-testid=row] td:first-child")
        .into_iter()
        .map(|cell| cell.trim().to_string())
        .collect()
}

#[tokio::test]
async fn paging_through_a_tab_shows_every_request_once_even_while_new_ones_arrive() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    async fn create(app: &TestApp, label: String) {
        app.clock.advance(chrono::Duration::seconds(1));
        app.company_creates_request(&crate::helpers::RequestForm::new(
            &label,
            "x@example.be",
            "FLEXI_JOB",
            "fr",
        ))
        .await;
    }
    for i in 0..45 {
        create(&app, format!("Paged {i:02}")).await;
    }
    // Next, next, next: while the user reads each page, a colleague creates a request
    // (the newest: it belongs on page 1, and pushes no row onto the next page again).
    let mut pages = vec![app.page("/company/tabs/requested?q=paged").await];
    for late in 0.. {
        create(&app, format!("Paged late {late}")).await;
        let Some(next) = attr(pages.last().unwrap(), "[data-testid=next-page]", "href") else {
            break;
        };
        assert!(
            next.contains("after="),
            "the next page follows a row: {next}"
        );
        pages.push(app.page(&next).await);
    }
    let seen: Vec<String> = pages.iter().flat_map(|p| first_cells(p)).collect();
    let first: Vec<String> = seen
        .iter()
        .filter(|l| !l.contains("late"))
        .cloned()
        .collect();
    let expected: Vec<String> = (0..45).rev().map(|i| format!("Paged {i:02}")).collect();
    assert_eq!(first, expected, "each request once, newest first");
    assert_eq!(pages.len(), 3, "45 requests, 20 a page");
    // Previous from the third page: the second page's rows again.
    let previous = attr(&pages[2], "[data-testid=previous-page]", "href").expect("a previous link");
    assert!(previous.contains("before="), "{previous}");
    assert_eq!(
        first_cells(&app.page(&previous).await),
        first_cells(&pages[1])
    );
    // Previous from the second page: the first page, newest first (the late ones too).
    let first_page = attr(&pages[1], "[data-testid=previous-page]", "href").unwrap();
    let newest = first_cells(&app.page(&first_page).await);
    assert_eq!(newest[0], "Paged late 2", "{newest:?}");
    // A key that is not one: the page by its number, never an error.
    let odd = app
        .get("/company/tabs/requested?q=paged&page=2&after=yesterday_1")
        .await;
    assert_eq!(odd.status().as_u16(), 200);
}

#[tokio::test]
async fn paging_through_the_blocked_tab_follows_when_each_access_stopped() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    // 45 stopped, blocked and ended accesses of Jan's company, made an hour apart (the
    // newest first: "Stopped 00"), whose stops are in another order: the one stopped
    // last was asked for long ago.
    diesel::sql_query(
        "WITH n AS (SELECT gen_random_uuid() AS id, g,
                           (ARRAY['revoked', 'blocked', 'ended'])[g % 3 + 1] AS status,
                           $1 - g * interval '1 hour' AS created,
                           $1 - ((g * 17) % 45) * interval '1 day' - interval '1 minute' AS stopped
                      FROM generate_series(0, 44) AS g),
              r AS (INSERT INTO access_requests (id, company_id, context, language, status,
                        created_at, expires_at, status_changed_at, valid_until)
                    SELECT id, (SELECT id FROM companies WHERE bce = '0765432146'),
                           'FLEXI_JOB', 'fr', status, created - interval '60 days',
                           created - interval '57 days',
                           CASE WHEN status = 'ended' THEN stopped + interval '3 hours'
                                ELSE stopped END,
                           CASE WHEN status = 'ended' THEN stopped
                                ELSE stopped + interval '20 days' END
                      FROM n),
              w AS (INSERT INTO request_parties (request_id, created_by)
                    SELECT id, $2 FROM n)
         INSERT INTO request_personal (request_id, label, email)
         SELECT id, 'Stopped ' || lpad(g::text, 2, '0'), 'c' || g || '@example.be' FROM n",
    )
    .bind::<diesel::sql_types::Timestamptz, _>(app.clock.now())
    .bind::<diesel::sql_types::Text, _>(JAN)
    .execute(&mut app.db())
    .unwrap();
    // The order expected: by the stop (an end: the mandate's end), newest first.
    let expected: Vec<String> = {
        let mut rows: Vec<(i64, String)> = (0..45)
            .map(|g: i64| ((g * 17) % 45, format!("Stopped {g:02}")))
            .collect();
        rows.sort();
        rows.into_iter().map(|(_, label)| label).collect()
    };
    let mut pages = vec![app.page("/company/tabs/blocked?q=stopped").await];
    while let Some(next) = attr(pages.last().unwrap(), "[data-testid=next-page]", "href") {
        assert!(
            next.contains("after="),
            "the next page follows a row: {next}"
        );
        pages.push(app.page(&next).await);
    }
    assert_eq!(pages.len(), 3, "45 accesses, 20 a page");
    let seen: Vec<String> = pages.iter().flat_map(|p| first_cells(p)).collect();
    assert_eq!(seen, expected, "each access once, stopped last first");
    // Previous from the third page: the second page again.
    let previous = attr(&pages[2], "[data-testid=previous-page]", "href").unwrap();
    assert!(previous.contains("before="), "{previous}");
    assert_eq!(
        first_cells(&app.page(&previous).await),
        first_cells(&pages[1])
    );
}

#[tokio::test]
async fn under_a_request_just_made_the_employer_follows_where_it_stands() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let form = crate::helpers::RequestForm::new("Followed", "noah@example.be", "FLEXI_JOB", "en");
    let csrf = app.csrf().await;
    let mut fields = form.fields();
    fields.push(("csrf", &csrf));
    let res = app
        .post_raw(
            "/company/requests",
            &fields,
            &[("hx-request", "true"), ("accept-language", "en")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let created = res.text().await.unwrap();
    let id = app.request_id("Followed");
    let url = format!("/company/requests/{id}/progress");
    // The fragment under the link asks again every few seconds, as the page's own doing.
    let progress = "[data-testid=progress]";
    assert_eq!(
        attr(&created, progress, "hx-get"),
        Some(format!("{url}?shown=waiting"))
    );
    assert_eq!(
        attr(&created, progress, "hx-trigger").as_deref(),
        Some("every 5s")
    );
    assert!(attr(&created, progress, "data-poll").is_some());
    assert!(texts(&created, progress)[0].contains("has not been opened yet"));
    // A look names what it showed before; when that moved on, the tabs refresh at once.
    async fn look(app: &TestApp, url: &str, shown: &str) -> (bool, String) {
        let res = app
            .get_with(
                &format!("{url}?shown={shown}"),
                &[("hx-request", "true"), ("accept-language", "en")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        let refresh = res
            .headers()
            .get("hx-trigger")
            .is_some_and(|v| v == "refresh-tabs");
        (refresh, res.text().await.unwrap())
    }
    assert!(!look(&app, &url, "waiting").await.0, "nothing moved");
    // The candidate opens the link and says it is for them; then accepts.
    let noah = app.another_browser();
    noah.sign_in(mandat::demo::people::NOAH.niss()).await;
    let link = attr(&created, "[data-testid=created-link]", "value").unwrap();
    let page = noah.citizen_opens_link(&link).await;
    noah.citizen_continues(&page).await;
    let (refresh, fragment) = look(&app, &url, "waiting").await;
    assert!(refresh, "opened: the tabs refresh");
    assert_eq!(
        attr(&fragment, progress, "hx-get"),
        Some(format!("{url}?shown=opened"))
    );
    assert_eq!(
        attr(&fragment, progress, "data-status").as_deref(),
        Some("pending")
    );
    assert!(texts(&fragment, progress)[0].contains("opened the link and signed in"));
    assert!(!fragment.contains("<html"), "a fragment");
    noah.citizen_accepts(&page).await;
    let (refresh, fragment) = look(&app, &url, "opened").await;
    assert!(refresh, "accepted: the tabs refresh");
    assert!(
        texts(&fragment, progress)[0].contains("Noah Lambert accepted"),
        "{fragment}"
    );
    assert!(
        attr(&fragment, progress, "hx-trigger").is_none(),
        "answered: no more polling"
    );
    assert_eq!(
        attr(&fragment, "[data-testid=progress-consult]", "href"),
        Some(format!("/company/mandates/{id}"))
    );
    // Without JavaScript: a page of its own, in the company's frame.
    let whole = app.page_with(&url, &[("accept-language", "en")]).await;
    assert!(whole.contains("<html"));
    assert_eq!(texts(&whole, "h1"), ["Where the request stands"]);
    assert!(texts(&whole, progress)[0].contains("Noah Lambert accepted"));
    // Nobody else's: another company, and a provider acting for this one.
    let emma = app.another_browser();
    emma.sign_in(EMMA).await;
    emma.registers_employer("0203.201.340", "Brasserie Martin", "emma@brasserie.be")
        .await;
    let res = emma.get(&url).await;
    assert_eq!(res.status().as_u16(), 404);
    assert!(!res.text().await.unwrap().contains("Noah"));
    assert_eq!(
        emma.get(&format!(
            "/company/requests/{}/progress",
            uuid::Uuid::new_v4()
        ))
        .await
        .status()
        .as_u16(),
        404
    );
}

#[tokio::test]
async fn an_access_in_its_last_days_says_in_the_active_tab_how_soon_it_ends() {
    use mandat::db::schema::access_requests;
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let id = app.request_id("Plonge");
    let until: chrono::DateTime<chrono::Utc> = access_requests::table
        .find(id)
        .select(access_requests::valid_until.assume_not_null())
        .first(&mut app.db())
        .unwrap();
    let said = |page: &str| texts(page, &format!("tr[data-id='{id}'] [data-testid=ends-in]"));
    let active = async |lang: &str| {
        app.sign_in(JAN).await;
        app.page_with("/company/tabs/active", &[("accept-language", lang)])
            .await
    };
    // Far from its end: the date alone.
    let far = until - app.clock.now();
    assert!(far > chrono::Duration::days(7), "{far}");
    assert_eq!(said(&active("en").await), Vec::<String>::new());
    // In its last week: in days; in its last day: in hours.
    app.clock
        .advance(far - chrono::Duration::days(3) - chrono::Duration::hours(1));
    assert_eq!(said(&active("en").await), ["ends in 3 days"]);
    assert_eq!(said(&active("nl").await), ["eindigt over 3 dagen"]);
    app.clock
        .advance(chrono::Duration::days(3) - chrono::Duration::hours(4));
    assert_eq!(said(&active("en").await), ["ends in 5 hours"]);
    assert_eq!(said(&active("de").await), ["endet in 5 Stunden"]);
}

#[tokio::test]
async fn a_form_turned_away_to_fill_a_gap_says_its_connection_closes() {
    let app = spawn_app().await;
    // Emma belongs to no company: her request is turned away to the registration, its
    // body unread, and the server closes that connection, saying so.
    app.sign_in(EMMA).await;
    let form = crate::helpers::RequestForm::new("Gap", "gap@example.be", "FLEXI_JOB", "fr");
    let res = app.post_form("/company/requests", &form.fields()).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(crate::helpers::location_of(&res), "/company/register");
    assert_eq!(res.headers()["connection"], "close");
    assert_eq!(app.get("/company/register").await.status().as_u16(), 200);
    assert_eq!(app.requests_labelled("Gap"), 0);
}

#[tokio::test]
async fn a_pending_request_can_be_withdrawn_once() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    app.company_creates_request(&crate::helpers::RequestForm::new(
        "To withdraw",
        "w@example.be",
        "FLEXI_JOB",
        "fr",
    ))
    .await;
    let mut conn = app.db();
    let id = app.request_id("To withdraw");
    let res = app
        .post_form(
            &format!("/company/requests/{id}/withdraw"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let status: String = access_requests::table
        .find(id)
        .select(access_requests::status)
        .first(&mut conn)
        .unwrap();
    assert_eq!(status, "withdrawn");
    let res = app
        .post_form(
            &format!("/company/requests/{id}/withdraw"),
            &[("confirmed", "yes")],
        )
        .await;
    // Sent again, it is withdrawn already: as asked, nothing more happens.
    assert_eq!(res.status().as_u16(), 303);
    // An expired one (72 hours later) cannot be withdrawn.
    app.company_creates_request(&crate::helpers::RequestForm::new(
        "Too late",
        "w@example.be",
        "FLEXI_JOB",
        "fr",
    ))
    .await;
    let late = app.request_id("Too late");
    app.clock.advance(chrono::Duration::hours(72));
    app.sign_in(JAN).await;
    let res = app
        .post_form(
            &format!("/company/requests/{late}/withdraw"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(
        texts(&res.text().await.unwrap(), "[data-testid=message]")[0].contains("no longer pending")
    );
    let body = app.page("/company/tabs/requested?q=too%20late").await;
    assert!(
        texts(&body, "[data-testid=status]")[0].contains("Expired"),
        "shown expired before any job ran"
    );
}

#[tokio::test]
async fn a_company_sees_and_acts_on_its_own_requests_only() {
    let app = spawn_app().await;
    // Emma registers her own company and makes a request.
    app.sign_in(EMMA).await;
    app.post_form(
        "/company/register",
        &[
            ("bce", "0203.201.340"),
            ("name", "Brasserie Martin"),
            ("kind", "employer"),
            ("contact_email", "e@b.be"),
        ],
    )
    .await;
    app.post_form("/company/terms", &[]).await;
    app.company_creates_request(&crate::helpers::RequestForm::new(
        "Emma's own",
        "o@example.be",
        "FLEXI_JOB",
        "fr",
    ))
    .await;
    let mut conn = app.db();
    let emmas = app.request_id("Emma's own");
    // Jan (Resto Pokébowl) cannot see or withdraw it.
    let jan = app.another_browser();
    jan.sign_in(JAN).await;
    let body = jan.page("/company/tabs/requested?q=own").await;
    assert!(texts(&body, "[data-testid=row]").is_empty());
    let res = jan
        .post_form(
            &format!("/company/requests/{emmas}/withdraw"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
    let status: String = access_requests::table
        .find(emmas)
        .select(access_requests::status)
        .first(&mut conn)
        .unwrap();
    assert_eq!(status, "pending");
    // Nor select Emma's company.
    let emma_company: uuid::Uuid = mandat::db::schema::companies::table
        .filter(mandat::db::schema::companies::bce.eq("0203201340"))
        .select(mandat::db::schema::companies::id)
        .first(&mut conn)
        .unwrap();
    let res = jan
        .post_form(
            "/company/select",
            &[("company_id", &emma_company.to_string())],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
}

#[tokio::test]
async fn a_provider_acts_on_behalf_of_its_client_and_sees_only_what_it_created() {
    let app = spawn_app().await;
    app.sign_in(LENA).await;
    let res = app.get("/company").await;
    assert_eq!(res.headers()["location"], "/company/clients");
    let clients = app.page("/company/clients").await;
    let resto_id: uuid::Uuid = mandat::db::schema::companies::table
        .filter(mandat::db::schema::companies::bce.eq("0765432146"))
        .select(mandat::db::schema::companies::id)
        .first(&mut app.db())
        .unwrap();
    assert!(clients.contains("Resto Pokébowl"));
    app.post_form("/company/clients", &[("client_id", &resto_id.to_string())])
        .await;
    let body = app.page("/company").await;
    assert_eq!(
        texts(&body, "[data-testid=acting-as]")[0],
        "Socialia on behalf of Resto Pokébowl (0765.432.146)"
    );
    let link = app
        .company_creates_request(&crate::helpers::RequestForm::new(
            "Via Socialia",
            "s@example.be",
            "FLEXI_JOB",
            "en",
        ))
        .await;
    // The candidate's page names who asks for whom, each with its enterprise number.
    let maria = app.another_browser();
    maria.sign_in_as(&mandat::demo::people::MARIA).await;
    let page = maria.citizen_opens_link(&link).await;
    let requester = texts(&maria.page(&page).await, "[data-testid=requester]");
    assert_eq!(requester.len(), 1);
    for part in [
        "Socialia on behalf of Resto Pokébowl",
        "Company: Resto Pokébowl — enterprise number 0765.432.146",
        "Social secretariat acting on its behalf: Socialia — enterprise number",
    ] {
        assert!(requester[0].contains(part), "{part:?} in {requester:?}");
    }
    let subject: String = outbox_emails::table
        .select(outbox_emails::subject)
        .order(outbox_emails::created_at.desc())
        .first(&mut app.db())
        .unwrap();
    assert!(
        subject.starts_with("Socialia on behalf of Resto Pokébowl"),
        "{subject}"
    );
    // The provider sees only the requests it created for this client.
    let requested = app.page("/company/tabs/requested").await;
    let rows = texts(&requested, "[data-testid=row]");
    assert!(rows.iter().any(|r| r.contains("Via Socialia")));
    assert!(
        !rows.iter().any(|r| r.contains("Cuisine")),
        "not Resto's own requests: {rows:?}"
    );
    // Resto Pokébowl sees it, marked as made by Socialia.
    let jan = app.another_browser();
    jan.sign_in(JAN).await;
    let rows = texts(
        &jan.page("/company/tabs/requested?q=socialia").await,
        "[data-testid=row]",
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("Via Socialia") && r.contains("via Socialia")),
        "{rows:?}"
    );
    // When Resto Pokébowl ends the designation, Socialia loses access at once.
    let providers = jan.page("/company/providers").await;
    let action = attr(&providers, "[data-testid=provider] form", "action").unwrap();
    assert_eq!(
        jan.post_form(&action, &[("confirmed", "yes")])
            .await
            .status()
            .as_u16(),
        303
    );
    let res = app.get("/company").await;
    assert_eq!(res.headers()["location"], "/company/clients");
}

#[tokio::test]
async fn a_pending_request_gets_a_new_link_until_the_candidate_opens_it() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let old = app
        .company_creates_request(&crate::helpers::RequestForm::new(
            "Bar, Sunday",
            "bar@example.be",
            "FLEXI_JOB",
            "en",
        ))
        .await;
    let id = app.request_id("Bar, Sunday");
    let mails = |app: &TestApp| app.mails_of_request(id);
    assert_eq!(mails(&app), 1);
    // The Requested tab offers a new link for it (the company lost the first one, or the
    // candidate is there to scan it).
    // Someone opens the first link and leaves it there, not yet saying it is for them.
    let early = app.another_browser();
    let early_page = early.citizen_opens_link(&old).await;
    let sign_in_before = early.page(&format!("/sign-in?next={early_page}")).await;
    assert_eq!(
        texts(&sign_in_before, "[data-testid=waiting-request]").len(),
        1
    );
    let row = format!("tr[data-id=\"{id}\"]");
    let tab = app.page("/company?tab=requested").await;
    let action = attr(
        &tab,
        &format!("{row} form:has([data-testid=new-link])"),
        "action",
    )
    .expect("a new-link button");
    let res = app.post_form(&action, &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    let new = attr(&page, "[data-testid=created-link]", "value").unwrap();
    assert_ne!(new, old);
    assert_eq!(texts(&page, "[data-testid=qr]").len(), 1);
    let done = texts(&page, "[data-testid=new-link-done]").join(" ");
    for part in [
        "The previous link no longer works.",
        "An e-mail with the new link was sent to bar@example.be.",
    ] {
        assert!(done.contains(part), "{part:?} in {done:?}");
    }
    assert_eq!(mails(&app), 2, "the e-mail went again, with the new link");
    // (The test's clock stands still: both mails are written at the same instant.)
    let written: Vec<(String, String)> = outbox_emails::table
        .filter(outbox_emails::request_id.eq(id))
        .select((outbox_emails::subject, outbox_emails::body_text))
        .load::<(String, String)>(&mut app.db())
        .unwrap()
        .into_iter()
        .map(|(subject, body)| (subject, app.opened_mail(&body)))
        .collect();
    let (subject, body) = written
        .iter()
        .find(|(_, body)| body.contains(&new))
        .expect("a mail with the new link");
    assert!(subject.starts_with("Resto Pokébowl"), "{subject}");
    assert!(
        body.starts_with("This e-mail replaces an earlier one about the same request"),
        "{body}"
    );
    assert!(body.contains("This link works until "), "{body}");
    // The helpdesk, called by a candidate whose link no longer works, reads in the
    // request's timeline that a new one was made, when and by whom.
    let claire = crate::admin::staff(&app, "claire").await;
    let events = texts(
        &claire.page(&format!("/admin/requests/{id}")).await,
        "[data-testid=event]",
    );
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(
        events[1].contains("New link (the previous one stopped working)")
            && events[1].contains("Company user")
            && events[1].contains("XX.XX.XX-XXX.28"),
        "{events:?}"
    );
    // What the first link opened no longer leads anywhere: not before the sign-in (no
    // preview of the request) nor after it (the page says the link was replaced), and
    // saying "this is for me" binds nothing.
    let sign_in = early.page(&format!("/sign-in?next={early_page}")).await;
    assert!(texts(&sign_in, "[data-testid=waiting-request]").is_empty());
    early.sign_in_as(&mandat::demo::people::MARIA).await;
    let res = early.get(&early_page).await;
    assert_eq!(res.status().as_u16(), 410);
    let body = res.text().await.unwrap();
    assert_eq!(
        texts(&body, "h1"),
        vec!["This link was replaced by a newer one"]
    );
    assert_eq!(
        early.citizen_continues(&early_page).await.status().as_u16(),
        410
    );
    assert_eq!(app.bound_citizen(id), None);
    // The old link is unknown; the new one leads the candidate to the request.
    let maria = app.another_browser();
    maria.sign_in_as(&mandat::demo::people::MARIA).await;
    let old_path = &old[old.find("/r/").unwrap()..];
    assert_eq!(maria.get(old_path).await.status().as_u16(), 404);
    let page = maria.citizen_opens_link(&new).await;
    assert_eq!(maria.citizen_continues(&page).await.status().as_u16(), 303);
    // Once opened, the row says so and offers no new link; asked anyway, it is refused.
    let tab = app.page("/company?tab=requested").await;
    assert_eq!(
        texts(&tab, &format!("{row} [data-testid=link-opened]")).len(),
        1
    );
    assert!(texts(&tab, &format!("{row} [data-testid=new-link]")).is_empty());
    let res = app.post_form(&action, &[]).await;
    assert_eq!(res.status().as_u16(), 409);
    let message = texts(&res.text().await.unwrap(), "[data-testid=message]").join(" ");
    assert!(message.contains("already opened the link"), "{message}");
    assert_eq!(mails(&app), 2);
    // Another party does not find the request.
    let lena = app.another_browser();
    lena.sign_in(LENA).await;
    let res = lena.post_form(&action, &[]).await;
    assert_ne!(res.status().as_u16(), 200);
    assert_ne!(res.status().as_u16(), 409);
}

#[tokio::test]
async fn a_new_link_clicked_twice_or_its_answer_reloaded_makes_one_link_and_one_mail() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    app.company_creates_request(&crate::helpers::RequestForm::new(
        "Terrace",
        "terrace@example.be",
        "FLEXI_JOB",
        "en",
    ))
    .await;
    let id = app.request_id("Terrace");
    let mails = || app.mails_of_request(id);
    let form = format!("tr[data-id=\"{id}\"] form:has([data-testid=new-link])");
    let button = |tab: &str| {
        let action = attr(tab, &form, "action").expect("a new-link button");
        let key = attr(tab, &format!("{form} input[name=form_key]"), "value")
            .expect("the key of the tab's display");
        (action, key)
    };
    let link_of = |page: &str| attr(page, "[data-testid=created-link]", "value").unwrap();
    let (action, key) = button(&app.page("/company?tab=requested").await);
    let fields = [("form_key", key.as_str())];
    // A double click: the two forms arrive together. One link is made, both answers show it.
    let (first, second) = tokio::join!(
        app.post_form(&action, &fields),
        app.post_form(&action, &fields)
    );
    assert_eq!(
        (first.status().as_u16(), second.status().as_u16()),
        (200, 200)
    );
    let link = link_of(&first.text().await.unwrap());
    assert_eq!(link_of(&second.text().await.unwrap()), link);
    assert_eq!(mails(), 2, "the creation's mail and one new link's");
    // The answer reloaded (the browser sends the form again): the same link, nothing sent,
    // and the link shown is the one that works.
    let reloaded = app.post_form(&action, &fields).await;
    assert_eq!(reloaded.status().as_u16(), 200);
    assert_eq!(link_of(&reloaded.text().await.unwrap()), link);
    assert_eq!(mails(), 2);
    let candidate = app.another_browser();
    let path = &link[link.find("/r/").unwrap()..];
    assert_eq!(candidate.get(path).await.status().as_u16(), 303);
    // Asked again from the tab shown anew, it is a new link: made, and sent.
    let (_, key2) = button(&app.page("/company?tab=requested").await);
    assert_ne!(key2, key, "each display of the tab has its own key");
    let newer = app.post_form(&action, &[("form_key", &key2)]).await;
    assert_eq!(newer.status().as_u16(), 200);
    let newer = link_of(&newer.text().await.unwrap());
    assert_ne!(newer, link);
    assert_eq!(mails(), 3);
    // The first answer reloaded now would show a link that no longer works: refused, saying
    // why, and nothing is made or sent.
    let late = app.post_form(&action, &fields).await;
    assert_eq!(late.status().as_u16(), 409);
    let message = texts(&late.text().await.unwrap(), "[data-testid=message]").join(" ");
    assert!(
        message.contains("A newer link was made for this request since"),
        "{message}"
    );
    assert_eq!(mails(), 3);
    assert_eq!(candidate.get(path).await.status().as_u16(), 404);
}

#[tokio::test]
async fn every_company_action_sent_twice_answers_the_second_time_as_the_first() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    // Each form is sent twice as it was (a double click, a reload, a retry after an answer
    // lost on the way): the second answer is the first one's, and nothing happens twice.
    let twice = async |path: &str, fields: &[(&str, &str)]| {
        let first = app.post_form(path, fields).await;
        let second = app.post_form(path, fields).await;
        let answer = |r: &reqwest::Response| (r.status().as_u16(), crate::helpers::location_of(r));
        assert_eq!(answer(&second), answer(&first), "{path} sent twice");
        assert_eq!(first.status().as_u16(), 303, "{path}");
    };
    // Withdrawing a pending request: withdrawn once, one event.
    app.company_creates_request(&crate::helpers::RequestForm::new(
        "Withdrawn twice",
        "twice@example.be",
        "FLEXI_JOB",
        "en",
    ))
    .await;
    let id = app.request_id("Withdrawn twice");
    let withdraw = format!("/company/requests/{id}/withdraw");
    twice(&withdraw, &[("confirmed", "yes")]).await;
    let statuses: Vec<String> = mandat::db::schema::request_events::table
        .filter(mandat::db::schema::request_events::request_id.eq(id))
        .order(mandat::db::schema::request_events::id)
        .select(mandat::db::schema::request_events::to_status)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(statuses, vec!["pending", "withdrawn"]);
    // An API client revoked, a provider's designation ended, a member removed.
    let (client, _) = crate::api::client_for_resto(&app, &["mandates"]).await;
    twice(
        &format!("/company/api/clients/{client}/revoke"),
        &[("confirmed", "yes")],
    )
    .await;
    let providers = app.page("/company/providers").await;
    let end = attr(&providers, "form[action$='/end']", "action").expect("a designation");
    twice(&end, &[("confirmed", "yes")]).await;
    assert!(
        attr(
            &app.page("/company/providers").await,
            "form[action$='/end']",
            "action"
        )
        .is_none()
    );
    let noah = mandat::demo::people::NOAH.niss();
    assert_eq!(
        app.manager_sets_member(noah, "user")
            .await
            .status()
            .as_u16(),
        303
    );
    twice(
        "/company/users/remove",
        &[("niss", noah), ("confirmed", "yes")],
    )
    .await;
    // The main access manager's role handed over.
    let sofie = mandat::demo::people::SOFIE.niss();
    twice(
        "/company/users/main",
        &[("niss", sofie), ("confirmed", "yes")],
    )
    .await;
    // A company registered: one company, and its registration goes on to the terms.
    let emma = app.another_browser();
    emma.sign_in(EMMA).await;
    let mut answers = Vec::new();
    for _ in 0..2 {
        let res = emma
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
        answers.push((res.status().as_u16(), crate::helpers::location_of(&res)));
    }
    assert_eq!(answers[0], (303, "/company/terms".to_string()));
    assert_eq!(answers[1], answers[0]);
    // The number stays taken for anybody else.
    let res = app
        .post_form(
            "/company/register",
            &[
                ("bce", "0203.201.340"),
                ("name", "Brasserie Martin"),
                ("kind", "employer"),
                ("contact_email", "jan@example.be"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let page = res.text().await.unwrap();
    assert!(page.contains("already registered"), "{page}");
}

#[tokio::test]
async fn access_managers_add_and_remove_users() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let res = app.manager_sets_member("95.09.09-164.72", "user").await;
    assert_eq!(res.status().as_u16(), 303);
    let body = app.page(&crate::helpers::location_of(&res)).await;
    assert_eq!(
        texts(&body, "[data-testid=users-notice]"),
        vec!["The user was added and can now act for the company."]
    );
    assert!(
        texts(&body, "[data-testid=member]")
            .iter()
            .any(|m| m.contains("Emma Martin"))
    );
    // Only the other members' roles can be changed: not the main access manager's, not
    // one's own.
    let forms = texts(&body, "[data-testid=member-role-form] button");
    assert_eq!(forms.len(), 2, "Sofie and Emma: {forms:?}");
    let res = app.manager_sets_member("95.09.09-164.73", "user").await;
    assert_eq!(res.status().as_u16(), 400);
    // Emma can now work for Resto Pokébowl.
    let emma = app.another_browser();
    emma.sign_in(EMMA).await;
    assert_eq!(emma.get("/company").await.status().as_u16(), 200);
    // A plain user does not manage users.
    assert_eq!(emma.get("/company/users").await.status().as_u16(), 403);
    // Her row's role form makes her an access manager: she manages users at once.
    let res = app.manager_sets_member(EMMA, "manager").await;
    let body = app.page(&crate::helpers::location_of(&res)).await;
    assert_eq!(
        texts(&body, "[data-testid=users-notice]"),
        vec!["The role was changed."]
    );
    assert_eq!(emma.get("/company/users").await.status().as_u16(), 200);
    let res = app.manager_sets_member(EMMA, "manager").await;
    let body = app.page(&crate::helpers::location_of(&res)).await;
    assert_eq!(
        texts(&body, "[data-testid=users-notice]"),
        vec!["This person already had that role: nothing changed."]
    );
    app.manager_sets_member(EMMA, "user").await;
    assert_eq!(emma.get("/company/users").await.status().as_u16(), 403);
    // A notice the page does not know says nothing.
    let body = app.page("/company/users?notice=%3Cb%3Ehi").await;
    assert!(texts(&body, "[data-testid=users-notice]").is_empty());
    // Removed: access lost at once.
    let res = app.manager_removes_member(EMMA).await;
    assert_eq!(
        texts(
            &app.page(&crate::helpers::location_of(&res)).await,
            "[data-testid=users-notice]"
        ),
        vec!["The user was removed and can no longer act for the company."]
    );
    assert_eq!(
        emma.get("/company").await.headers()["location"],
        "/company/register"
    );
    // The main access manager cannot remove themself.
    let res = app.manager_removes_member(JAN).await;
    assert_eq!(res.status().as_u16(), 409);
}

/// The main access manager's role handed to `niss` (confirmed): the answer's status.
async fn hand_over(browser: &TestApp, niss: &str) -> u16 {
    browser
        .post_form(
            "/company/users/main",
            &[("niss", niss), ("confirmed", "yes")],
        )
        .await
        .status()
        .as_u16()
}

#[tokio::test]
async fn the_main_access_manager_hands_the_role_over_and_stays_an_access_manager() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let sofie = mandat::demo::people::SOFIE.niss();
    // Only the main access manager is offered the hand-over, naming the other members.
    let users = app.page("/company/users").await;
    assert_eq!(
        texts(&users, "[data-testid=hand-over] option"),
        vec!["Sofie Mertens (82.04.02-188.47)"]
    );
    // Without JavaScript, it asks first, naming the member, and changes nothing.
    let res = app
        .post_form("/company/users/main", &[("niss", sofie)])
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert_eq!(
        texts(&page, "[data-testid=confirm-object]"),
        vec!["Sofie Mertens (82.04.02-188.47)"]
    );
    let sofie_browser = app.another_browser();
    sofie_browser.sign_in(sofie).await;
    assert_eq!(
        sofie_browser.get("/company/users").await.status().as_u16(),
        403
    );
    // Confirmed: Sofie is the main access manager, Jan an access manager.
    let res = app
        .post_form(
            "/company/users/main",
            &[("niss", sofie), ("confirmed", "yes")],
        )
        .await;
    let users = app.page(&crate::helpers::location_of(&res)).await;
    assert_eq!(
        texts(&users, "[data-testid=users-notice]"),
        vec!["The role was handed over: you are now an access manager."]
    );
    assert!(texts(&users, "[data-testid=hand-over]").is_empty());
    let roles = texts(
        &sofie_browser.page("/company/users").await,
        "[data-testid=member]",
    );
    assert!(
        roles
            .iter()
            .any(|r| r.contains("Sofie Mertens") && r.contains("main access manager")),
        "{roles:?}"
    );
    assert!(
        roles
            .iter()
            .any(|r| r.contains("Jan Peeters") && !r.contains("main access manager")),
        "{roles:?}"
    );
    // Jan can no longer hand it over (the same form sent again is as done: Sofie is the
    // main access manager), nor accept the API's circle of trust; Sofie can hand it back.
    assert_eq!(hand_over(&app, sofie).await, 303);
    assert_eq!(hand_over(&app, EMMA).await, 403);
    assert_eq!(
        app.post_form("/company/api/circle", &[])
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(hand_over(&sofie_browser, JAN).await, 303);
    // Not to oneself, nor to a stranger, and the database holds one per company.
    assert_eq!(hand_over(&app, JAN).await, 409);
    assert_eq!(hand_over(&app, EMMA).await, 404);
    let mains: i64 = mandat::db::schema::company_members::table
        .filter(mandat::db::schema::company_members::role.eq("main_manager"))
        .group_by(mandat::db::schema::company_members::company_id)
        .select(diesel::dsl::count_star())
        .load::<i64>(&mut app.db())
        .unwrap()
        .into_iter()
        .max()
        .unwrap();
    assert_eq!(mains, 1);
    let two_mains = diesel::sql_query(
        "UPDATE company_members SET role = 'main_manager' WHERE niss = '82040218847'",
    )
    .execute(&mut app.db());
    assert!(
        two_mains.is_err(),
        "a second main access manager is refused"
    );
}

#[tokio::test]
async fn a_providers_managers_manage_its_own_users_whichever_client_they_act_for() {
    let app = spawn_app().await;
    // Lena, Socialia's main access manager, finds Socialia's users from the client choice.
    app.sign_in(LENA).await;
    let clients = app.page("/company/clients").await;
    assert_eq!(
        texts(&clients, "[data-testid=users-link]"),
        vec!["Users of Socialia"]
    );
    assert_eq!(
        attr(&clients, "[data-testid=users-link]", "href").as_deref(),
        Some("/company/users")
    );
    let users = app.page("/company/users").await;
    assert_eq!(
        texts(&users, "[data-testid=acting-as]"),
        vec!["Socialia (0412.345.614)"]
    );
    let res = app.manager_sets_member("95.09.09-164.72", "user").await;
    assert_eq!(res.status().as_u16(), 303);
    // Acting for a client, the bar still leads to Socialia's users (never the client's),
    // and not to a choice of providers, which a provider does not make.
    let resto_id: uuid::Uuid = mandat::db::schema::companies::table
        .filter(mandat::db::schema::companies::bce.eq("0765432146"))
        .select(mandat::db::schema::companies::id)
        .first(&mut app.db())
        .unwrap();
    app.post_form("/company/clients", &[("client_id", &resto_id.to_string())])
        .await;
    let dashboard = app.page("/company").await;
    assert_eq!(
        texts(&dashboard, "[data-testid=users-link]"),
        vec!["Users of Socialia"]
    );
    assert!(!dashboard.contains("href=\"/company/providers\""));
    let members = texts(&app.page("/company/users").await, "[data-testid=member]");
    assert!(
        members.iter().any(|m| m.contains("Lena Schmidt")),
        "{members:?}"
    );
    assert!(
        members.iter().any(|m| m.contains("Emma Martin")),
        "{members:?}"
    );
    assert!(
        !members.iter().any(|m| m.contains("Jan Peeters")),
        "{members:?}"
    );
    // Emma now works for Socialia: she chooses a client, and manages no one.
    let emma = app.another_browser();
    emma.sign_in(EMMA).await;
    assert_eq!(
        emma.get("/company").await.headers()["location"],
        "/company/clients"
    );
    assert!(
        texts(
            &emma.page("/company/clients").await,
            "[data-testid=users-link]"
        )
        .is_empty()
    );
    assert_eq!(emma.get("/company/users").await.status().as_u16(), 403);
    // Removed by Lena while she acts for Resto Pokébowl: Emma loses access at once.
    let res = app.manager_removes_member(EMMA).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        emma.get("/company").await.headers()["location"],
        "/company/register"
    );
    // Resto Pokébowl's own users never changed.
    let jan = app.another_browser();
    jan.sign_in(JAN).await;
    let members = texts(&jan.page("/company/users").await, "[data-testid=member]");
    assert!(
        !members.iter().any(|m| m.contains("Emma Martin")),
        "{members:?}"
    );
    assert!(
        !members.iter().any(|m| m.contains("Lena Schmidt")),
        "{members:?}"
    );
}

#[tokio::test]
async fn the_national_number_never_appears_in_a_url() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    for path in [
        "/company",
        "/company/tabs/active",
        "/company/tabs/blocked",
        "/company/users",
        "/demo/mailbox",
    ] {
        let body = app.page(path).await;
        let doc = scraper::Html::parse_document(&body);
        let sel = scraper::Selector::parse("a[href], form[action], [hx-get], [hx-post]").unwrap();
        for el in doc.select(&sel) {
            for a in ["href", "action", "hx-get", "hx-post"] {
                if let Some(v) = el.value().attr(a) {
                    assert!(
                        !v.chars()
                            .filter(|c| c.is_ascii_digit())
                            .collect::<String>()
                            .contains("9005140242"),
                        "{path}: {v}"
                    );
                }
            }
        }
    }
}

/// A real SMTP server process (aiosmtpd) storing messages in a directory.
pub struct SmtpSink {
    child: Child,
    dir: std::path::PathBuf,
}

impl SmtpSink {
    pub fn start(port: u16) -> SmtpSink {
        let python = std::env::var("MANDAT_TEST_PYTHON")
            .expect("MANDAT_TEST_PYTHON: run the tests with scripts/test");
        let dir = std::env::temp_dir().join(format!("mandat-smtp-{}", uuid::Uuid::new_v4()));
        let mut child = Command::new(python)
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_sink.py"))
            .args(["127.0.0.1", &port.to_string()])
            .arg(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start aiosmtpd");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready");
        SmtpSink { child, dir }
    }
    pub fn messages(&self) -> Vec<String> {
        let mut files: Vec<_> = std::fs::read_dir(&self.dir)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        if let Some(mut stdin) = self.child.stdin.take() {
            let _ = stdin.flush();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test]
async fn mail_is_delivered_over_smtp_once_the_server_is_back_and_never_twice() {
    let port = crate::helpers::free_port();
    let app = spawn_app_with(Options {
        settings: vec![
            ("smtp_host", "127.0.0.1".into()),
            ("smtp_port", port.to_string()),
            ("smtp_tls", "none".into()),
            ("mail_from", "mandat <no-reply@mandat.example>".into()),
        ],
    })
    .await;
    app.sign_in(JAN).await;
    // The seeded world's mails are already in the outbox; mark them delivered to focus on ours.
    let mut conn = app.db();
    diesel::update(outbox_emails::table)
        .set(outbox_emails::sent_at.eq(Some(app.clock.now())))
        .execute(&mut conn)
        .unwrap();
    let link = app
        .company_creates_request(&crate::helpers::RequestForm::new(
            "Mail test",
            "candidate@example.be",
            "FLEXI_JOB",
            "de",
        ))
        .await;
    // The server is down: the attempt fails, is recorded, and retried later.
    let state = app.job_context();
    let run = |state: mandat::jobs::JobContext| async move {
        mandat::jobs::run_once(&state, mandat::jobs::Job::DeliverMail)
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(run(state.clone()).await, 0);
    let (attempts, last_error): (i32, Option<String>) = outbox_emails::table
        .filter(outbox_emails::sent_at.is_null())
        .select((outbox_emails::attempts, outbox_emails::last_error))
        .first(&mut conn)
        .unwrap();
    assert_eq!(attempts, 1);
    // The helpdesk reads why, in words: the mail server could not be reached.
    assert_eq!(
        mandat::web::views::common::failure_key(&last_error.unwrap()),
        Some(("delivery-why-unreachable", None))
    );
    // Not retried before its back-off.
    let sink = SmtpSink::start(port);
    assert_eq!(run(state.clone()).await, 0);
    assert!(sink.messages().is_empty());
    // After the back-off, delivered once.
    app.clock.advance(chrono::Duration::seconds(31));
    assert_eq!(run(state.clone()).await, 1);
    assert_eq!(run(state.clone()).await, 0);
    app.clock.advance(chrono::Duration::hours(2));
    assert_eq!(run(state.clone()).await, 0);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let messages = sink.messages();
    assert_eq!(messages.len(), 1, "delivered exactly once");
    let m = &messages[0];
    assert!(m.contains("X-Rcpt-To: candidate@example.be"));
    assert!(m.contains("multipart/alternative"));
    // A mail nobody answers from: no out-of-office reply; in the language it was written in.
    assert!(m.contains("Auto-Submitted: auto-generated"), "{m}");
    assert!(m.contains("Content-Language: de"), "{m}");
    assert!(
        m.lines()
            .any(|l| l.starts_with("Message-ID: <") && l.ends_with("@mandat.example>")),
        "{m}"
    );
    assert!(m.contains("text/html") && m.contains("text/plain"));
    assert!(m.contains(&link[..30]), "the link is in the mail");
    let attempts: Vec<bool> = email_attempts::table
        .order(email_attempts::id)
        .select(email_attempts::ok)
        .load(&mut conn)
        .unwrap();
    assert_eq!(attempts, vec![false, true]);
}

#[tokio::test]
async fn the_seeded_demo_world_has_every_state() {
    let app = spawn_app().await;
    let mut conn = app.db();
    let mut states: Vec<String> = statuses(&mut conn).into_iter().map(|(_, s)| s).collect();
    states.sort();
    states.dedup();
    assert_eq!(
        states,
        vec![
            "accepted", "ended", "expired", "pending", "refused", "revoked"
        ]
    );
}

#[tokio::test]
async fn outside_demo_mode_a_delivered_mails_body_and_its_link_are_erased() {
    let port = crate::helpers::free_port();
    let app = spawn_app_with(Options::production(vec![
        ("smtp_host", "127.0.0.1".into()),
        ("smtp_port", port.to_string()),
        ("smtp_tls", "none".into()),
    ]))
    .await;
    // No demo sign-in and no demo mailbox in production.
    assert_eq!(app.get("/demo/mailbox").await.status().as_u16(), 404);
    let mut conn = app.db();
    diesel::update(outbox_emails::table)
        .set(outbox_emails::sent_at.eq(Some(app.clock.now())))
        .execute(&mut conn)
        .unwrap();
    let company: uuid::Uuid = mandat::db::schema::companies::table
        .filter(mandat::db::schema::companies::bce.eq("0765432146"))
        .select(mandat::db::schema::companies::id)
        .first(&mut conn)
        .unwrap();
    // Jan asks for a flexi-job answer by mail, straight through the service.
    let ask = |conn: &mut PgConnection, label: &str, email: &str| {
        mandat::services::requests::create(
            conn,
            &mandat::services::requests::Scope {
                company_id: company,
                provider_id: None,
            },
            &mandat::domain::Actor::CompanyUser {
                niss: mandat::domain::Niss::parse(JAN).unwrap(),
            },
            &mandat::services::requests::ValidRequest::try_from(
                &mandat::services::requests::RequestInput {
                    label: label.into(),
                    email: email.into(),
                    context: "FLEXI_JOB".into(),
                    language: "fr".into(),
                    niss: String::new(),
                    ..Default::default()
                },
            )
            .unwrap(),
            &app.citizen_urls(),
            None,
            app.clock.now(),
        )
        .unwrap()
    };
    let created = ask(&mut conn, "Prod", "prod@example.be");
    assert!(created.link.starts_with("https://mandat.example.be/r/"));
    let sink = SmtpSink::start(port);
    let sent = app.run_job(mandat::jobs::Job::DeliverMail).await.unwrap();
    assert_eq!(sent, Some(1));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        sink.messages()[0].contains("mandat.example.be/r/"),
        "delivered with the link"
    );
    let (text, html): (String, String) = outbox_emails::table
        .filter(outbox_emails::request_id.eq(created.id))
        .select((outbox_emails::body_text, outbox_emails::body_html))
        .first(&mut conn)
        .unwrap();
    assert_eq!(text, mandat::mail::ERASED_BODY);
    assert_eq!(html, mandat::mail::ERASED_BODY);
    // A mail the candidate's server refused keeps its text while staff can send it again.
    let refused = ask(&mut conn, "Refused", "unknown@example.be");
    assert_eq!(
        app.run_job(mandat::jobs::Job::DeliverMail).await.unwrap(),
        Some(0)
    );
    let text_of = |conn: &mut PgConnection, id: uuid::Uuid| -> (String, bool) {
        outbox_emails::table
            .filter(outbox_emails::request_id.eq(id))
            .select((
                outbox_emails::body_text,
                outbox_emails::failed_at.is_not_null(),
            ))
            .first(conn)
            .unwrap()
    };
    let (text, failed) = text_of(&mut conn, refused.id);
    assert!(failed && app.opened_mail(&text).contains(&refused.link));
    // A mail whose link ended before it could be delivered is given up, and its text (with
    // the dead link) goes too: nobody can send it again.
    let stale = ask(&mut conn, "Never delivered", "late@example.be");
    app.clock.advance(chrono::Duration::hours(73));
    assert_eq!(
        app.run_job(mandat::jobs::Job::DeliverMail).await.unwrap(),
        Some(0)
    );
    let (text, failed, error): (String, bool, Option<String>) = outbox_emails::table
        .filter(outbox_emails::request_id.eq(stale.id))
        .select((
            outbox_emails::body_text,
            outbox_emails::failed_at.is_not_null(),
            outbox_emails::last_error,
        ))
        .first(&mut conn)
        .unwrap();
    assert_eq!(
        (text.as_str(), failed, error.as_deref()),
        (
            mandat::mail::ERASED_BODY,
            true,
            Some(mandat::mail::LINK_ENDED)
        )
    );
    // So does the refused mail's, once its link has ended.
    assert_eq!(
        text_of(&mut conn, refused.id),
        (mandat::mail::ERASED_BODY.to_string(), true)
    );
}

/// An address at a well-known provider's domain one typo away (`gmial.com`) is asked about
/// before anything is sent: the form comes back with the suggestion, nothing is created;
/// the user then sends the request to the suggested address, or to the address as typed.
#[tokio::test]
async fn a_mistyped_providers_address_is_asked_about_before_the_request_is_sent() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let sent_to = |app: &TestApp, label: &str| -> Vec<Option<String>> {
        request_personal::table
            .filter(request_personal::label.eq(label))
            .select(request_personal::email)
            .load(&mut app.db())
            .unwrap()
    };
    let form = crate::helpers::RequestForm::new("Bar gmial", "maria@gmial.com", "FLEXI_JOB", "fr");
    let res = app.post_form("/company/requests", &form.fields()).await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    let asked = texts(&body, "[data-testid=email-suggestion]").join(" ");
    assert!(
        asked.contains("maria@gmail.com") && asked.contains("maria@gmial.com"),
        "{asked}"
    );
    assert_eq!(
        attr(&body, "[data-testid=email-use-suggestion]", "value").as_deref(),
        Some("maria@gmail.com")
    );
    assert_eq!(
        attr(&body, "[data-testid=request-label]", "value").as_deref(),
        Some("Bar gmial"),
        "what was typed stays"
    );
    assert!(sent_to(&app, "Bar gmial").is_empty(), "nothing sent yet");
    // The suggestion taken: the request goes to it.
    let mut fields = form.fields();
    fields.push(("email_confirmed", "maria@gmail.com"));
    let res = app.post_form("/company/requests", &fields).await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    assert!(attr(&body, "[data-testid=created-link]", "value").is_some());
    assert_eq!(
        sent_to(&app, "Bar gmial"),
        [Some("maria@gmail.com".to_string())]
    );
    // The address kept as typed: the request goes there, not asked again.
    let form =
        crate::helpers::RequestForm::new("Terrasse hotmial", "tom@hotmial.be", "FLEXI_JOB", "nl");
    let mut fields = form.fields();
    fields.push(("email_confirmed", "tom@hotmial.be"));
    let body = app
        .post_form("/company/requests", &fields)
        .await
        .text()
        .await
        .unwrap();
    assert!(attr(&body, "[data-testid=created-link]", "value").is_some());
    assert_eq!(
        sent_to(&app, "Terrasse hotmial"),
        [Some("tom@hotmial.be".to_string())]
    );
    // An address nobody would mistake: sent at once.
    app.company_creates_request(&crate::helpers::RequestForm::new(
        "Keuken",
        "jan@resto-pokebowl.be",
        "FLEXI_JOB",
        "nl",
    ))
    .await;
}
