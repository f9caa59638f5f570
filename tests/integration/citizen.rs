//! The citizen portal: the secret link, binding, the answers, the portal's lists, stopping
//! an access, blocking and unblocking companies, and the problem pages.

use chrono::Duration;
use diesel::prelude::*;
use fantoccini::Locator;
use mandat::{
    clock::Clock,
    db::schema::{access_requests, citizen_blocks, request_events},
    domain::{Actor, Niss, status::Tab},
    i18n::Lang,
    jobs::Job,
    services::{
        companies::{self, RegistrationInput},
        requests::{self, RequestInput, Scope, ValidRequest},
    },
};
use uuid::Uuid;

use crate::{
    browser::{Browser, click_then_wait},
    helpers::{TestApp, attr, spawn_app, texts},
};

const MANAGER: &str = mandat::demo::people::JAN.niss();
// Two people of the demo register without seeded requests.
const NOAH: &str = mandat::demo::people::NOAH.niss();
const KEVIN: &str = mandat::demo::people::KEVIN.niss();

fn niss(s: &str) -> Niss {
    Niss::parse(s).unwrap()
}

/// Registers an employer (Jan Peeters its main manager) and returns its id.
fn register_company(app: &TestApp, bce: &str, name: &str) -> Uuid {
    let mut conn = app.db();
    let now = app.clock.now();
    let id = companies::register(
        &mut conn,
        &niss(MANAGER),
        &RegistrationInput {
            bce: bce.into(),
            name: name.into(),
            kind: "employer".into(),
            contact_email: "hr@example.be".into(),
        },
        now,
    )
    .expect("register");
    companies::accept_terms(&mut conn, id, &niss(MANAGER), now).expect("terms");
    id
}

/// Creates a request through the real service; returns its id and the link's path.
fn create_request(
    app: &TestApp,
    company_id: Uuid,
    target: Option<&str>,
    context: &str,
) -> (Uuid, String) {
    let mut conn = app.db();
    let public_url = app.state.settings.public_url_citizen.clone();
    let created = requests::create(
        &mut conn,
        &Scope {
            company_id,
            provider_id: None,
        },
        &Actor::CompanyUser {
            niss: niss(MANAGER),
        },
        &ValidRequest::try_from(&RequestInput {
            label: "Candidate".into(),
            email: "candidate@example.be".into(),
            context: context.into(),
            language: "en".into(),
            niss: target.unwrap_or_default().into(),
            ..Default::default()
        })
        .expect("valid request"),
        &app.citizen_urls(),
        None,
        app.clock.now(),
    )
    .expect("create request");
    let path = created
        .link
        .strip_prefix(&public_url)
        .expect("link on the public URL")
        .to_string();
    (created.id, path)
}

fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// Opens the link (signed out or in), follows to the token-free page; returns its path.
async fn open_link(app: &TestApp, link: &str, id: Uuid) -> String {
    let to = app.citizen_opens_link(link).await;
    assert_eq!(to, format!("/me/requests/{id}"));
    assert!(!to.contains(&link[3..]), "no token in the redirect");
    to
}

/// The page of a link whose request is closed (410 Gone), which the browser reads without
/// being sent anywhere else, signed in or not.
async fn closed_link(browser: &TestApp, link: &str) -> String {
    let res = browser.get(&link[link.find("/r/").unwrap()..]).await;
    assert_eq!(res.status().as_u16(), 410, "{link}");
    res.text().await.unwrap()
}

fn status_of(app: &TestApp, id: Uuid) -> String {
    access_requests::table
        .find(id)
        .select(access_requests::status)
        .first(&mut app.db())
        .unwrap()
}

/// The events of request `id` that led to `to`, each with its actor, as the back office's
/// timeline reads them.
fn events_to(app: &TestApp, id: Uuid, to: &str) -> Vec<(String, Option<String>)> {
    mandat::db::request_events::timeline(&mut app.db(), id)
        .unwrap()
        .into_iter()
        .filter(|e| e.to_status.as_str() == to)
        .map(|e| (e.actor_kind, e.actor_ref))
        .collect()
}

/// "Continue as ...": binds the request to the signed-in person.
async fn continue_as(app: &TestApp, id: Uuid) -> reqwest::Response {
    app.citizen_continues(&format!("/me/requests/{id}")).await
}

async fn answer(app: &TestApp, page: &str, value: &str) -> reqwest::Response {
    app.citizen_answers(page, value).await
}

fn problem(body: &str) -> Option<String> {
    attr(body, "section.error[data-testid]", "data-testid")
}

#[tokio::test]
async fn opening_the_link_then_accepting_starts_the_mandate() {
    let app = spawn_app().await;
    let company = register_company(&app, "0598765459", "Café Lumière");
    let (id, link) = create_request(&app, company, None, "FLEXI_JOB");

    // Signed out: the secret leaves the address bar, then sign-in comes back token-free.
    let page = open_link(&app, &link, id).await;
    let res = app.get(&page).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/sign-in?next=/me/requests/{id}"));
    // The sign-in page says what waits behind it: who asks, for what, until when.
    let sign_in = app.page(&location(&res)).await;
    assert_eq!(
        texts(&sign_in, "[data-testid=waiting-request] h2"),
        vec!["A request for access to your data is waiting for you"]
    );
    assert_eq!(
        texts(
            &sign_in,
            "[data-testid=waiting-request] [data-testid=requester]"
        ),
        vec!["Café Lumière — enterprise number 0598.765.459"]
    );
    assert_eq!(
        texts(
            &sign_in,
            "[data-testid=waiting-request] [data-testid=context]"
        ),
        vec!["Flexi-job possibility"]
    );
    assert!(texts(&sign_in, "[data-testid=waiting-request]")[0].contains("8 March 2025"));
    // Before the person signs in: how to recognise the genuine service.
    assert!(texts(&sign_in, "[data-testid=genuine-link]")[0].contains("localhost:8080"));
    // A browser that did not open the link learns nothing from the request's address.
    let stranger = app.another_browser();
    let other = stranger.page(&location(&res)).await;
    assert!(!other.contains("waiting-request"), "{other}");
    assert!(!other.contains("genuine-link"), "{other}");
    app.sign_in(NOAH).await;

    // Opening binds nothing: who asks, and who is signed in.
    let body = app.page(&page).await;
    assert_eq!(
        texts(&body, "[data-testid=signed-in-question]"),
        vec!["You are signed in as Noah Lambert. Is this request for you?"]
    );
    assert_eq!(
        texts(&body, "[data-testid=continue-as]"),
        vec!["Continue as Noah Lambert"]
    );
    assert!(body.contains("data-testid=\"someone-else\""));
    assert!(!body.contains("answer-accept"));
    let bound: Option<String> = app.bound_citizen(id);
    assert_eq!(bound, None, "opening the link binds nothing");
    let res = continue_as(&app, id).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), page);

    let body = app.page(&page).await;
    // A company asking for itself is named once, with its number.
    assert_eq!(
        texts(&body, "[data-testid=requester]"),
        vec!["Café Lumière — enterprise number 0598.765.459"]
    );
    assert_eq!(
        texts(&body, "[data-testid=context]"),
        vec!["Flexi-job possibility"]
    );
    assert!(texts(&body, "[data-testid=duration]")[0].contains("one month, until 5 April 2025"));
    assert!(!texts(&body, "[data-testid=not-seen]")[0].is_empty());
    assert!(texts(&body, "[data-testid=genuine-link]")[0].contains("localhost:8080"));
    assert!(body.contains("data-testid=\"answer-accept\""));
    assert!(body.contains("/me/help/foreigners"));
    // Bound to the first citizen who signed in through the link.
    let bound: Option<String> = app.bound_citizen(id);
    assert_eq!(bound.as_deref(), Some(NOAH));

    let res = answer(&app, &page, "accept").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), page);
    let body = app.page(&page).await;
    assert!(body.contains("data-testid=\"answered-accepted\""), "{body}");
    // Answered: the link's sign-in says nothing more of it.
    let later = app.another_browser();
    let page_again = open_link(&later, &link, id).await;
    let sign_in = later.page(&format!("/sign-in?next={page_again}")).await;
    assert!(!sign_in.contains("waiting-request"), "{sign_in}");
    assert_eq!(
        texts(&body, "[data-testid=access-sentence]"),
        vec!["Café Lumière has access to your flexi-job possibility until 5 April 2025."]
    );

    // Stored: mandate, names from the register, the event with its actor.
    let stored = mandat::db::access_requests::find(&mut app.db(), id)
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, mandat::domain::RequestStatus::Accepted);
    assert!(stored.mandate_id.is_some());
    assert_eq!(stored.accepted_at, Some(app.clock.now()));
    assert_eq!(
        (
            stored.citizen_first_name.as_deref(),
            stored.citizen_last_name.as_deref()
        ),
        (Some("Noah"), Some("Lambert"))
    );
    // One month on the Belgian calendar: accepted on 5 March at 10:30 in Brussels, the
    // access ends on 5 April at 10:30 in Brussels (summer time by then: 08:30 UTC).
    assert_eq!(
        stored.valid_until,
        Some(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 4, 5, 8, 30, 0).unwrap())
    );
    assert_eq!(
        events_to(&app, id, "accepted"),
        vec![("citizen".to_string(), Some(NOAH.to_string()))]
    );
    // Stored once, in the request's parties: the event itself holds no NISS (the purge
    // deletes the parties a year after archival, and the event's person goes with them).
    let stored: Vec<Option<String>> = request_events::table
        .filter(request_events::request_id.eq(id))
        .filter(request_events::actor_kind.eq("citizen"))
        .select(request_events::actor_ref)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(stored, vec![None]);

    // The company's active tab reads the same table; the portal lists the access.
    let (_, active) = mandat::services::lists::tab_page(
        &mut app.db(),
        &Scope {
            company_id: company,
            provider_id: None,
        },
        &mandat::services::lists::TabAsk {
            tab: Tab::Active,
            search: None,
            number: 1,
            at: mandat::services::lists::PageAt::Number(1),
            page_size: 20,
        },
        app.clock.now(),
    )
    .unwrap();
    assert_eq!(active.items.len(), 1);
    let portal = app.page("/me").await;
    assert_eq!(
        texts(
            &portal,
            "[data-testid=granted] [data-testid=access-sentence]"
        ),
        vec!["Café Lumière has access to your flexi-job possibility until 5 April 2025."]
    );
}

#[tokio::test]
async fn the_link_is_valid_72_hours_to_the_second() {
    let app = spawn_app().await;
    let company = register_company(&app, "0598765459", "Café Lumière");
    let (first, first_link) = create_request(&app, company, None, "STUDENT_HOURS");
    let (second, second_link) = create_request(&app, company, None, "FLEXI_JOB");
    let (third, third_link) = create_request(&app, company, None, "FLEXI_JOB");

    app.clock
        .advance(Duration::hours(72) - Duration::seconds(1));
    app.sign_in(KEVIN).await;
    let third_page = open_link(&app, &third_link, third).await;
    assert_eq!(continue_as(&app, third).await.status().as_u16(), 303);
    let page = open_link(&app, &first_link, first).await;
    let body = app.page(&page).await;
    assert!(
        body.contains("data-testid=\"continue-as\""),
        "valid at 71:59:59"
    );

    app.clock.advance(Duration::seconds(1));
    let res = answer(&app, &page, "accept").await;
    assert_eq!(res.status().as_u16(), 410, "expired at 72:00:00");
    assert_eq!(
        problem(&res.text().await.unwrap()).as_deref(),
        Some("problem-expired")
    );
    assert_eq!(status_of(&app, first), "pending", "reading changes nothing");

    // Nobody took either request as theirs (Kevin's late answer bound nothing): their
    // links say at once that they expired, to a browser that is not signed in too
    // (nobody signs in for nothing).
    for (browser, link) in [
        (&app, &second_link),
        (&app.another_browser(), &second_link),
        (&app.another_browser(), &first_link),
    ] {
        let body = closed_link(browser, link).await;
        assert_eq!(problem(&body).as_deref(), Some("problem-expired"));
        assert_eq!(texts(&body, "h1"), vec!["This link has expired"]);
        // ...and who asked, as the e-mail with the link did: the company to ask again.
        let asked = texts(&body, "[data-testid=requester]").concat();
        assert!(asked.contains("Café Lumière"), "{asked}");
    }
    assert_eq!(
        status_of(&app, second),
        "pending",
        "reading changes nothing"
    );
    // Kevin took the third as his: its link leads to its page, which tells him (and only
    // him) once signed in.
    assert_eq!(open_link(&app, &third_link, third).await, third_page);
    let res = app.get(&third_page).await;
    assert_eq!(res.status().as_u16(), 410);
    assert_eq!(
        problem(&res.text().await.unwrap()).as_deref(),
        Some("problem-expired")
    );
}

#[tokio::test]
async fn concurrent_accepts_make_one_transition_and_a_different_answer_is_refused() {
    let app = spawn_app().await;
    let company = register_company(&app, "0598765459", "Café Lumière");
    let (id, link) = create_request(&app, company, None, "FLEXI_JOB");
    app.sign_in(NOAH).await;
    let page = open_link(&app, &link, id).await;
    app.page(&page).await;

    let (a, b) = tokio::join!(answer(&app, &page, "accept"), answer(&app, &page, "accept"));
    for res in [a, b] {
        assert_eq!(res.status().as_u16(), 303);
        assert_eq!(location(&res), page);
    }
    assert_eq!(events_to(&app, id, "accepted").len(), 1);
    assert_eq!(status_of(&app, id), "accepted");

    // The same answer again: the same result; a different one: "already answered".
    let res = answer(&app, &page, "accept").await;
    assert_eq!(res.status().as_u16(), 303);
    let res = answer(&app, &page, "refuse").await;
    assert_eq!(res.status().as_u16(), 409);
    assert_eq!(
        problem(&res.text().await.unwrap()).as_deref(),
        Some("problem-answered")
    );
    assert_eq!(status_of(&app, id), "accepted");
    assert_eq!(events_to(&app, id, "accepted").len(), 1);
}

#[tokio::test]
async fn two_citizens_racing_through_one_link_one_wins() {
    let app = spawn_app().await;
    let company = register_company(&app, "0598765459", "Café Lumière");
    let (id, link) = create_request(&app, company, None, "FLEXI_JOB");
    let other = app.another_browser();
    let page = open_link(&app, &link, id).await;
    open_link(&other, &link, id).await;
    app.sign_in(NOAH).await;
    other.sign_in(KEVIN).await;

    // Both see the question; both say "Continue": the database decides who was first.
    assert!(app.page(&page).await.contains("continue-as"));
    assert!(other.page(&page).await.contains("continue-as"));
    let (a, b) = tokio::join!(continue_as(&app, id), continue_as(&other, id));
    let mut statuses = vec![a.status().as_u16(), b.status().as_u16()];
    let bodies = [a.text().await.unwrap(), b.text().await.unwrap()];
    statuses.sort();
    assert_eq!(statuses, vec![303, 403]);
    let winner = if !bodies[0].contains("problem-other-citizen") {
        NOAH
    } else {
        KEVIN
    };
    let loser_body = if winner == NOAH {
        &bodies[1]
    } else {
        &bodies[0]
    };
    assert_eq!(
        problem(loser_body).as_deref(),
        Some("problem-other-citizen")
    );
    let bound: Option<String> = app.bound_citizen(id);
    assert_eq!(bound.as_deref(), Some(winner));
}

#[tokio::test]
async fn the_link_is_bound_to_the_first_citizen_and_a_named_person_only() {
    let app = spawn_app().await;
    let company = register_company(&app, "0598765459", "Café Lumière");

    // Bound to the first: the second gets the clear page and cannot answer.
    let (id, link) = create_request(&app, company, None, "FLEXI_JOB");
    app.sign_in(NOAH).await;
    let page = open_link(&app, &link, id).await;
    app.page(&page).await;
    assert_eq!(continue_as(&app, id).await.status().as_u16(), 303);
    let other = app.another_browser();
    other.sign_in(KEVIN).await;
    open_link(&other, &link, id).await;
    let res = other.get(&page).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        problem(&res.text().await.unwrap()).as_deref(),
        Some("problem-other-citizen")
    );
    let res = answer(&other, &page, "accept").await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(status_of(&app, id), "pending");

    // Named person: someone else cannot answer, and is not bound.
    let (id, link) = create_request(&app, company, Some(KEVIN), "STUDENT_HOURS");
    let page = open_link(&app, &link, id).await;
    let res = app.get(&page).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        problem(&res.text().await.unwrap()).as_deref(),
        Some("problem-not-addressee")
    );
    let res = answer(&app, &page, "accept").await;
    assert_eq!(res.status().as_u16(), 403);
    open_link(&other, &link, id).await;
    let body = other.page(&page).await;
    assert!(body.contains("continue-as"));
    assert_eq!(answer(&other, &page, "accept").await.status().as_u16(), 303);
    assert_eq!(status_of(&app, id), "accepted");

    // A request page one never opened is unknown, whoever owns it.
    let res = app.get(&page).await;
    assert_eq!(res.status().as_u16(), 403);
    let res = app.get(&format!("/me/requests/{}", Uuid::new_v4())).await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(
        problem(&res.text().await.unwrap()).as_deref(),
        Some("problem-unknown")
    );
}

#[tokio::test]
async fn unknown_and_withdrawn_links_have_their_pages() {
    let app = spawn_app().await;
    let company = register_company(&app, "0598765459", "Café Lumière");
    for token in [
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "short",
        "not%20a%20token",
    ] {
        let res = app.get(&format!("/r/{token}")).await;
        assert_eq!(res.status().as_u16(), 404, "{token}");
        let body = res.text().await.unwrap();
        assert_eq!(
            problem(&body).as_deref(),
            Some("problem-unknown"),
            "{token}"
        );
    }

    let (id, link) = create_request(&app, company, None, "FLEXI_JOB");
    requests::withdraw(
        &mut app.db(),
        &Scope {
            company_id: company,
            provider_id: None,
        },
        &Actor::CompanyUser {
            niss: niss(MANAGER),
        },
        id,
        app.clock.now(),
    )
    .unwrap();
    // A withdrawn request's link says so at once, signed in or not, naming who withdrew it.
    let body = closed_link(&app.another_browser(), &link).await;
    assert_eq!(problem(&body).as_deref(), Some("problem-withdrawn"));
    assert_eq!(texts(&body, "[data-testid=requester]").len(), 1);
    app.sign_in(NOAH).await;
    let body = closed_link(&app, &link).await;
    assert_eq!(problem(&body).as_deref(), Some("problem-withdrawn"));

    // The help page for foreigners is public.
    let other = app.another_browser();
    let body = other.page("/me/help/foreigners").await;
    assert!(body.contains("BIS"));
}

#[tokio::test]
async fn guessing_links_is_rate_limited() {
    let app = spawn_app().await;
    let mut last = 0;
    for i in 0..=mandat::limits::LINK_HITS_PER_WINDOW {
        last = app.get(&format!("/r/guess{i}")).await.status().as_u16();
    }
    assert_eq!(last, 429);
    // The counter is kept under a keyed fingerprint of the address, never the address.
    let keys: Vec<String> = mandat::db::schema::rate_limits::table
        .select(mandat::db::schema::rate_limits::key)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(keys.len(), 1, "{keys:?}");
    let bucket = keys[0].strip_prefix("link:").expect("a link bucket");
    assert!(
        bucket.len() == 32 && bucket.bytes().all(|b| b.is_ascii_hexdigit()),
        "{bucket}"
    );
    assert!(!bucket.contains("127.0.0.1"));
}

#[tokio::test]
async fn refusing_and_blocking_then_a_new_request_is_blocked_until_unblocked() {
    let app = spawn_app().await;
    let company = register_company(&app, "0598765459", "Café Lumière");
    app.sign_in(NOAH).await;

    // Plain refusal.
    let (id, link) = create_request(&app, company, None, "FLEXI_JOB");
    let page = open_link(&app, &link, id).await;
    app.page(&page).await;
    assert_eq!(answer(&app, &page, "refuse").await.status().as_u16(), 303);
    assert_eq!(status_of(&app, id), "refused");
    assert_eq!(events_to(&app, id, "refused").len(), 1);
    let body = app.page(&page).await;
    assert!(body.contains("answered-refused"));

    // Refuse and block.
    let (id, link) = create_request(&app, company, None, "FLEXI_JOB");
    let page = open_link(&app, &link, id).await;
    app.page(&page).await;
    assert_eq!(
        answer(&app, &page, "refuse_block").await.status().as_u16(),
        303
    );
    assert_eq!(status_of(&app, id), "refused");
    let blocks: i64 = citizen_blocks::table
        .filter(citizen_blocks::citizen_niss.eq(NOAH))
        .filter(citizen_blocks::company_id.eq(company))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(blocks, 1);
    let portal = app.page("/me").await;
    assert!(texts(&portal, "[data-testid=blocked]")[0].contains("Café Lumière"));

    // A request naming Noah is refused at creation: nothing stored, nothing sent.
    let before: i64 = access_requests::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    let refused = requests::create(
        &mut app.db(),
        &Scope {
            company_id: company,
            provider_id: None,
        },
        &Actor::CompanyUser {
            niss: niss(MANAGER),
        },
        &ValidRequest::try_from(&RequestInput {
            label: "Again".into(),
            email: "noah@example.be".into(),
            context: "FLEXI_JOB".into(),
            language: "en".into(),
            niss: NOAH.into(),
            form_key: String::new(),
        })
        .unwrap(),
        &app.citizen_urls(),
        None,
        app.clock.now(),
    );
    assert!(
        matches!(
            refused,
            Err(mandat::services::ServiceError::Refused(
                mandat::services::Refusal::BlockedByCitizen
            ))
        ),
        "{refused:?}"
    );
    let after: i64 = access_requests::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(after, before);
    // A new request from that company: "You blocked this company", never the answers;
    // neither "Continue" nor "Accept" changes anything.
    let (id, link) = create_request(&app, company, None, "STUDENT_HOURS");
    let page = open_link(&app, &link, id).await;
    let body = app.page(&page).await;
    assert_eq!(
        texts(&body, "[data-testid=you-blocked]"),
        vec![
            "You blocked Café Lumière: it cannot get access to your data. To answer this request, unblock the company first."
        ]
    );
    assert!(!body.contains("answer-accept") && !body.contains("continue-as"));
    assert_eq!(continue_as(&app, id).await.status().as_u16(), 303);
    assert_eq!(answer(&app, &page, "accept").await.status().as_u16(), 303);
    assert_eq!(status_of(&app, id), "pending");
    let bound: Option<String> = app.bound_citizen(id);
    assert_eq!(bound, None);

    // Unblock from the request itself: back to the question.
    let res = app
        .post_form(&format!("/me/blocks/{company}/unblock"), &[("next", &page)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), page);
    assert!(app.page(&page).await.contains("continue-as"));
    let portal = app.page("/me?done=unblocked").await;
    assert!(portal.contains("data-testid=\"blocked-empty\""));
    assert!(portal.contains("data-testid=\"done-unblocked\""));
    // Unblocked, the same request can be accepted.
    assert_eq!(answer(&app, &page, "accept").await.status().as_u16(), 303);
    assert_eq!(status_of(&app, id), "accepted");

    // History: the refusals and the block; no consultation recorded yet.
    let history = app.page("/me/history").await;
    let statuses: Vec<String> = {
        let doc = scraper::Html::parse_document(&history);
        let sel = scraper::Selector::parse("[data-testid=history] tr[data-status]").unwrap();
        doc.select(&sel)
            .map(|e| e.value().attr("data-status").unwrap().to_string())
            .collect()
    };
    let mut statuses = statuses;
    statuses.sort();
    assert_eq!(statuses, vec!["refused", "refused"]);
    assert_eq!(
        texts(&history, "[data-testid=consultations-empty]"),
        vec!["No consultation of your data is recorded."]
    );
}

#[tokio::test]
async fn stopping_an_access_with_one_confirmation_and_history_reads_ended() {
    let app = spawn_app().await;
    let company = register_company(&app, "0598765459", "Café Lumière");
    app.sign_in(NOAH).await;
    let mut ids = Vec::new();
    for context in ["FLEXI_JOB", "STUDENT_HOURS"] {
        let (id, link) = create_request(&app, company, None, context);
        let page = open_link(&app, &link, id).await;
        app.page(&page).await;
        assert_eq!(answer(&app, &page, "accept").await.status().as_u16(), 303);
        ids.push(id);
    }
    // A pending one is listed to answer later.
    let (pending, link) = create_request(&app, company, None, "FLEXI_JOB");
    open_link(&app, &link, pending).await;
    assert_eq!(continue_as(&app, pending).await.status().as_u16(), 303);
    let portal = app.page("/me").await;
    assert_eq!(texts(&portal, "[data-testid=granted] li").len(), 2);
    assert!(portal.contains(&format!("data-testid=\"open-{pending}\"")));

    // Without JavaScript: the button leads to the confirmation page, which stops.
    let stop = format!("/me/accesses/{}/stop", ids[0]);
    let res = app.post_form(&stop, &[("confirmed", "")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), stop);
    assert_eq!(status_of(&app, ids[0]), "accepted");
    let confirm = app.page(&stop).await;
    assert!(confirm.contains("data-testid=\"stop-confirm\""));
    let res = app.post_form(&stop, &[("confirmed", "yes")]).await;
    assert_eq!(location(&res), "/me?done=stopped");
    assert_eq!(status_of(&app, ids[0]), "revoked");
    assert_eq!(
        events_to(&app, ids[0], "revoked"),
        vec![("citizen".to_string(), Some(NOAH.to_string()))]
    );
    // Twice is harmless.
    let res = app.post_form(&stop, &[("confirmed", "yes")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(events_to(&app, ids[0], "revoked").len(), 1);
    let portal = app.page("/me").await;
    assert_eq!(texts(&portal, "[data-testid=granted] li").len(), 1);

    // Someone else cannot stop it.
    let other = app.another_browser();
    other.sign_in(KEVIN).await;
    let res = other.citizen_stops_access(ids[1]).await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(status_of(&app, ids[1]), "accepted");

    // After one month the flexi-job... already stopped; the student-hours one lasts 3 months.
    app.clock.advance(Duration::days(95));
    app.sign_in(NOAH).await;
    let history = app.page("/me/history").await;
    let doc = scraper::Html::parse_document(&history);
    let sel = scraper::Selector::parse("[data-testid=history] tr[data-status]").unwrap();
    let mut statuses: Vec<&str> = doc
        .select(&sel)
        .map(|e| e.value().attr("data-status").unwrap())
        .collect();
    statuses.sort();
    assert_eq!(statuses, vec!["ended", "expired", "revoked"]);
    assert_eq!(
        status_of(&app, ids[1]),
        "accepted",
        "reading changes nothing"
    );
}

#[tokio::test]
async fn accept_then_stop_in_a_browser() {
    let app = spawn_app().await;
    let company = register_company(&app, "0598765459", "Café Lumière");
    let (id, link) = create_request(&app, company, None, "FLEXI_JOB");
    let browser = Browser::start().await;
    let c = &browser.client;
    c.goto(&format!("{}{link}", app.address)).await.unwrap();
    // Sent to sign in, token-free.
    let url = c.current_url().await.unwrap();
    assert_eq!(url.path(), "/sign-in");
    assert!(!url.as_str().contains(&link[3..]));
    c.find(Locator::Css(&format!("[data-testid=persona-{NOAH}]")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let Ok(continue_as) = c
        .wait()
        .for_element(Locator::Css("[data-testid=continue-as]"))
        .await
    else {
        let url = c.current_url().await.unwrap();
        let src = c.source().await.unwrap_or_default();
        panic!("no request page at {url}: {}", &src[..src.len().min(4000)]);
    };
    assert_eq!(
        c.current_url().await.unwrap().path(),
        format!("/me/requests/{id}")
    );
    continue_as.click().await.unwrap();
    c.wait()
        .for_element(Locator::Css("[data-testid=answer-accept]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let sentence = c
        .wait()
        .for_element(Locator::Css("[data-testid=access-sentence]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(sentence.contains("Café Lumière"), "{sentence}");
    // One click, one confirmation (the dialog).
    click_then_wait(
        c,
        "[data-testid=to-portal]",
        &format!("[data-testid=stop-{id}]"),
    )
    .await
    .click()
    .await
    .unwrap();
    c.accept_alert().await.unwrap();
    c.wait()
        .for_element(Locator::Css("[data-testid=done-stopped]"))
        .await
        .unwrap();
    assert_eq!(status_of(&app, id), "revoked");
    let errors = c
        .execute("return window.__mandatErrors || [];", vec![])
        .await
        .unwrap();
    assert_eq!(errors, serde_json::json!([]));
    browser.close().await;
}

#[tokio::test]
async fn a_provider_access_reads_on_behalf_of_and_the_portal_needs_a_sign_in() {
    let app = spawn_app().await;
    let res = app.get("/me").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/sign-in?next=/me");
    // Sarah Dumont's seeded access, asked by Socialia for Resto Pokébowl.
    app.sign_in("04021208669").await;
    let portal = app.page("/me").await;
    assert_eq!(
        texts(
            &portal,
            "[data-testid=granted] [data-testid=access-sentence]"
        ),
        vec![
            "Socialia on behalf of Resto Pokébowl has access to your Student@Work hours balance until 24 May 2025."
        ]
    );
    assert!(portal.contains("/me/help/foreigners"));
    let history = app.page("/me/history").await;
    assert!(history.contains("data-testid=\"history-empty\""));
    assert!(history.contains("data-testid=\"consultations-empty\""));
}

#[tokio::test]
async fn a_long_history_never_hides_a_running_access_from_the_portal() {
    let app = spawn_app().await;
    let maria = mandat::demo::people::MARIA.niss();
    app.sign_in(maria).await;
    let granted = |page: &str| texts(page, "[data-testid=granted] li").len();
    let running = granted(&app.page("/me").await);
    assert!(running >= 1, "the demo world gives Maria an access");
    // 205 finished requests, each changed after every running access: more than the
    // history shows (200), all newer than the running accesses.
    diesel::sql_query(
        "WITH r AS (SELECT a.*, p.citizen_niss, p.created_by FROM access_requests a
                       JOIN request_parties p ON p.request_id = a.id
                      WHERE p.citizen_niss = $1 AND a.status = 'accepted'
                     LIMIT 1),
              n AS (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 205) n),
              made AS (
                  INSERT INTO access_requests (id, company_id, provider_id,
                      context, language, status, status_reason, created_at,
                      expires_at, status_changed_at, bound_at, mandate_id,
                      accepted_at, valid_until, archived_at)
                  SELECT n.id, r.company_id, r.provider_id,
                         r.context, r.language, 'ended', NULL,
                         r.created_at, r.expires_at, $2::timestamptz + n.n * interval '1 second',
                         r.bound_at, gen_random_uuid(), r.accepted_at,
                         $2::timestamptz - interval '1 day', NULL
                    FROM r, n),
              parties AS (
                  INSERT INTO request_parties (request_id, citizen_niss, created_by)
                  SELECT n.id, r.citizen_niss, r.created_by FROM r, n)
         INSERT INTO request_personal (request_id, label, email, target_niss,
             citizen_first_name, citizen_last_name)
         SELECT n.id, p.label, p.email, p.target_niss, p.citizen_first_name, p.citizen_last_name
           FROM r JOIN request_personal p ON p.request_id = r.id, n",
    )
    .bind::<diesel::sql_types::Text, _>(maria)
    .bind::<diesel::sql_types::Timestamptz, _>(app.clock.now())
    .execute(&mut app.db())
    .unwrap();
    app.clock.advance(Duration::minutes(10));
    assert_eq!(
        granted(&app.page("/me").await),
        running,
        "still on the portal"
    );
    let history = app.page("/me/history").await;
    assert_eq!(texts(&history, "[data-testid=history] tbody tr").len(), 200);
}

#[tokio::test]
async fn accepting_a_newer_request_of_the_same_company_and_answer_replaces_the_older_access() {
    use mandat::db::schema::request_events as e;
    let app = spawn_app().await;
    app.sign_in(MANAGER).await;
    let noah = app.another_browser();
    noah.sign_in(NOAH).await;
    let (first_page, page) = ask_noah(&app, &noah, "Noah 1", "FLEXI_JOB").await;
    assert!(texts(&page, "[data-testid=replaces]").is_empty());
    noah.citizen_accepts(&first_page).await;
    let first_until: chrono::DateTime<chrono::Utc> = access_requests::table
        .find(app.request_id("Noah 1"))
        .select(access_requests::valid_until.assume_not_null())
        .first(&mut app.db())
        .unwrap();
    // Two requests of the same company accepted later: one for the same answer, one for
    // another (the student hours).
    app.clock.advance(Duration::days(10));
    app.sign_in(MANAGER).await;
    noah.sign_in(NOAH).await;
    // Before answering, the citizen reads that the newer request would replace the access.
    let (second_page, page) = ask_noah(&app, &noah, "Noah 2", "FLEXI_JOB").await;
    let replaces = texts(&page, "[data-testid=replaces]");
    let until = mandat::i18n::Lang::En.date(
        first_until
            .with_timezone(&chrono_tz::Europe::Brussels)
            .date_naive(),
    );
    assert_eq!(replaces.len(), 1, "{page}");
    assert!(replaces[0].contains(&until), "{replaces:?} {until}");
    noah.citizen_accepts(&second_page).await;
    let accepted_at = app.clock.now();
    let (hours_page, page) = ask_noah(&app, &noah, "Noah 3", "STUDENT_HOURS").await;
    assert!(texts(&page, "[data-testid=replaces]").is_empty());
    noah.citizen_accepts(&hours_page).await;

    let (older, newer, other) = (
        app.request_id("Noah 1"),
        app.request_id("Noah 2"),
        app.request_id("Noah 3"),
    );
    let state = |id: Uuid| -> (String, Option<chrono::DateTime<chrono::Utc>>) {
        access_requests::table
            .find(id)
            .select((access_requests::status, access_requests::valid_until))
            .first::<(String, Option<_>)>(&mut app.db())
            .unwrap()
    };
    // The older access ended when the newer one was accepted: its end brought forward.
    assert_eq!(state(older), ("ended".to_string(), Some(accepted_at)));
    assert_eq!(state(newer).0, "accepted");
    assert_eq!(
        state(other).0,
        "accepted",
        "another answer keeps its access"
    );
    // Its log says who ended it and why.
    let (to, actor, note): (String, String, Option<String>) = e::table
        .filter(e::request_id.eq(older))
        .order(e::at.desc())
        .select((e::to_status, e::actor_kind, e::note))
        .first(&mut app.db())
        .unwrap();
    assert_eq!((to.as_str(), actor.as_str()), ("ended", "citizen"));
    assert!(note.unwrap_or_default().contains("replaced"));

    // The citizen has one access to stop per answer, and the company one active row.
    let portal = noah.page("/me").await;
    assert!(attr(&portal, &format!("[data-testid=stop-{older}]"), "type").is_none());
    assert!(attr(&portal, &format!("[data-testid=stop-{newer}]"), "type").is_some());
    assert!(attr(&portal, &format!("[data-testid=stop-{other}]"), "type").is_some());
    let active = app.page("/company/tabs/active").await;
    assert!(!active.contains(&older.to_string()));
    assert!(active.contains(&newer.to_string()));
    // The older one is where the company's ended accesses are, saying why (in the
    // reader's language); the citizen's history says it too.
    let ended = app
        .page_with("/company/tabs/blocked", &[("Accept-Language", "fr")])
        .await;
    assert!(ended.contains(&older.to_string()));
    assert_eq!(
        texts(&ended, "[data-testid=status-reason]"),
        ["remplacé par un accès plus récent de la même entreprise"]
    );
    let history = noah.page("/me/history").await;
    assert_eq!(
        texts(&history, "[data-testid=status-reason]"),
        ["replaced by a newer access of the same company"]
    );
    // The helpdesk reads why in its own language.
    let claire = crate::admin::staff(&app, "claire").await;
    let timeline = claire
        .page_with(
            &format!("/admin/requests/{older}"),
            &[("Accept-Language", "fr")],
        )
        .await;
    let events = texts(&timeline, "[data-testid=event][data-to=ended]");
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(
        events[0].contains("remplacé par un accès plus récent de la même entreprise"),
        "{events:?}"
    );
}

#[tokio::test]
async fn an_access_stopped_today_heads_the_companys_blocked_tab_however_old_its_request() {
    let app = spawn_app().await;
    app.sign_in(MANAGER).await;
    let noah = app.another_browser();
    noah.sign_in(NOAH).await;
    // The student hours (3 months) asked and granted first, the flexi-job (1 month) a day
    // later.
    let (hours_page, _) = ask_noah(&app, &noah, "Order hours", "STUDENT_HOURS").await;
    noah.citizen_accepts(&hours_page).await;
    app.clock.advance(Duration::days(1));
    app.sign_in(MANAGER).await;
    noah.sign_in(NOAH).await;
    let (flexi_page, _) = ask_noah(&app, &noah, "Order flexi", "FLEXI_JOB").await;
    noah.citizen_accepts(&flexi_page).await;
    let (hours, flexi) = (app.request_id("Order hours"), app.request_id("Order flexi"));
    // The flexi-job access ends after its month; two days later Noah stops the older one.
    app.clock.advance(Duration::days(33));
    app.sign_in(MANAGER).await;
    noah.sign_in(NOAH).await;
    let res = noah.citizen_stops_access(hours).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(status_of(&app, hours), "revoked");
    let flexi_end: chrono::DateTime<chrono::Utc> = access_requests::table
        .find(flexi)
        .select(access_requests::valid_until.assume_not_null())
        .first(&mut app.db())
        .unwrap();
    // Before the job records the end (the mandate past its end) and after.
    for job_ran in [false, true] {
        if job_ran {
            app.run_job(Job::EndMandates).await.unwrap();
            assert_eq!(status_of(&app, flexi), "ended");
        }
        let tab = app
            .page_with("/company/tabs/blocked", &[("Accept-Language", "en")])
            .await;
        let rows: Vec<Uuid> = {
            let doc = scraper::Html::parse_document(&tab);
            let sel = scraper::Selector::parse("[data-testid=row]").unwrap();
            doc.select(&sel)
                .map(|e| e.value().attr("data-id").unwrap().parse().unwrap())
                .collect()
        };
        let at = |id| rows.iter().position(|r| *r == id).expect("listed");
        assert!(at(hours) < at(flexi), "stopped today, above: {rows:?}");
        // Each row's "Since" as the database says it (a stop when it happened, an end at
        // the mandate's end): the tab's rows in that order, newest first.
        let since: Vec<chrono::DateTime<chrono::Utc>> = rows
            .iter()
            .map(|id| {
                access_requests::table
                    .find(id)
                    .select(diesel::dsl::sql::<diesel::sql_types::Timestamptz>(
                        "CASE WHEN status IN ('ended', 'accepted') THEN valid_until \
                         ELSE status_changed_at END",
                    ))
                    .first(&mut app.db())
                    .unwrap()
            })
            .collect();
        assert!(since.is_sorted_by(|a, b| a >= b), "{since:?}");
        let shown = texts(&tab, "[data-testid=since]");
        assert_eq!(shown[at(hours)], Lang::En.datetime(app.clock.now()));
        assert_eq!(shown[at(flexi)], Lang::En.datetime(flexi_end));
    }
}

/// The company of `app` asks Noah for `context`; Noah opens the link and says it is for
/// him: the request's page path and the page he then reads.
async fn ask_noah(app: &TestApp, noah: &TestApp, label: &str, context: &str) -> (String, String) {
    let form = crate::helpers::RequestForm::new(label, "noah@example.be", context, "fr");
    let link = app.company_creates_request(&form).await;
    let path = noah.citizen_opens_link(&link).await;
    noah.citizen_continues(&path).await;
    let page = noah.page(&path).await;
    (path, page)
}

/// The right of access: a citizen downloads a copy of everything the service keeps about
/// them (requests with their events, consultations, blocks, their roles), and nobody
/// else's.
#[tokio::test]
async fn a_citizen_downloads_a_copy_of_what_the_service_keeps_about_them() {
    let app = spawn_app().await;
    let maria = mandat::demo::people::MARIA.niss();
    let plonge = app.request_id("Plonge");
    // Resto Pokébowl consults Maria's flexi-job possibility once.
    let jan = app.another_browser();
    jan.sign_in(MANAGER).await;
    jan.consulted(plonge).await;
    // Not signed in: the sign-in first.
    let res = app.get("/me/data").await;
    assert_eq!(crate::helpers::location_of(&res), "/sign-in?next=/me/data");
    app.sign_in(maria).await;
    let history = app.page("/me/history").await;
    assert_eq!(
        attr(&history, "[data-testid=my-data]", "href").as_deref(),
        Some("/me/data")
    );
    let res = app.get("/me/data").await;
    assert_eq!(res.status().as_u16(), 200);
    let header = |name: &str| res.headers()[name].to_str().unwrap().to_string();
    assert_eq!(header("content-type"), "application/json");
    let day = app.clock.now().format("%Y-%m-%d");
    assert_eq!(
        header("content-disposition"),
        format!("attachment; filename=\"my-data-{day}.json\"")
    );
    assert_eq!(header("cache-control"), "no-store");
    let data: serde_json::Value = res.json().await.unwrap();
    assert_eq!(data["person"]["nationalNumber"], "90.05.14-024.26");
    assert_eq!(data["person"]["firstName"], "Maria");
    // Her requests, all of them, and only hers.
    let requests = data["requests"].as_array().unwrap();
    let hers: i64 = access_requests::table
        .left_join(mandat::db::schema::request_parties::table)
        .left_join(mandat::db::schema::request_personal::table)
        .filter(
            mandat::db::schema::request_parties::citizen_niss
                .eq(maria)
                .or(mandat::db::schema::request_personal::target_niss.eq(maria)),
        )
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert!(hers >= 1);
    assert_eq!(requests.len() as i64, hers, "{requests:#?}");
    let p = requests
        .iter()
        .find(|r| r["id"] == plonge.to_string())
        .expect("Plonge");
    assert_eq!(p["company"]["name"], "Resto Pokébowl");
    assert_eq!(p["company"]["enterpriseNumber"], "0765.432.146");
    assert_eq!(p["context"], "FLEXI_JOB");
    assert_eq!(p["status"], "accepted");
    let events: Vec<(&str, &str)> = p["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["to"].as_str().unwrap(), e["by"].as_str().unwrap()))
        .collect();
    assert!(events.contains(&("accepted", "citizen")), "{events:?}");
    // The consultation, with the reference the company's page and PDF show.
    let consultations = data["consultations"].as_array().unwrap();
    assert_eq!(consultations.len(), 1, "{consultations:#?}");
    assert_eq!(consultations[0]["company"], "Resto Pokébowl");
    assert_eq!(consultations[0]["request"], plonge.to_string());
    // ...and the answer the company saw.
    assert!(
        consultations[0]["answer"].is_object(),
        "{:#}",
        consultations[0]
    );
    // Nothing of anyone else: no other national number, no other person's request.
    let all = data.to_string();
    let emma = mandat::demo::people::EMMA.niss();
    assert!(!all.contains(emma), "{all}");
    assert!(!all.contains(&app.request_id("Accueil").to_string()));
    // Everything at once asks for a recent authentication, as accepting does: 16 minutes
    // after the sign-in, the sign-in asks again, then leads back to the copy's section.
    app.clock.advance(Duration::minutes(16));
    let res = app.get("/me/data").await;
    let again = crate::helpers::location_of(&res);
    assert!(
        again.starts_with("/sign-in?") && again.ends_with("&again=1"),
        "{again}"
    );
    assert!(again.contains("my-data-title"), "{again}");
    app.sign_in(maria).await;
    assert_eq!(app.get("/me/data").await.status().as_u16(), 200);
}
