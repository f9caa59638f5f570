//! Real sign-in (issue 11): OpenID Connect against a real provider (tests/oidc/provider.mjs,
//! the certified `oidc-provider` package), server-side sessions (sign-out, replay, idle and
//! absolute lifetimes by the injected clock), rights read on every request, and the link
//! that binds only when the citizen says so.

use chrono::Duration;
use diesel::prelude::*;
use mandat::{
    clock::Clock,
    db::schema::{sessions, staff_audit},
    demo::people::{CLAIRE, JAN, MARIA, NOAH, PIETER},
    domain::{Actor, Niss},
    services::requests::{self, RequestInput, Scope, ValidRequest},
};
use uuid::Uuid;

use crate::helpers::{TestApp, attr, location_of, spawn_app, spawn_oidc_app, texts};

/// Resto Pokébowl (seeded; Jan Peeters its main access manager).
fn pokebowl(app: &TestApp) -> Uuid {
    use mandat::db::schema::companies;
    companies::table
        .filter(companies::bce.eq("0765432146"))
        .select(companies::id)
        .first(&mut app.db())
        .unwrap()
}

/// A request of Resto Pokébowl created by Jan through the service; (id, link path).
fn request_of_pokebowl(app: &TestApp, target: Option<&str>) -> (Uuid, String) {
    let created = requests::create(
        &mut app.db(),
        &Scope {
            company_id: pokebowl(app),
            provider_id: None,
        },
        &Actor::CompanyUser {
            niss: Niss::parse(JAN.niss()).unwrap(),
        },
        &ValidRequest::try_from(&RequestInput {
            label: "Plonge".into(),
            email: "candidate@example.be".into(),
            context: "FLEXI_JOB".into(),
            language: "en".into(),
            niss: target.unwrap_or_default().into(),
            form_key: String::new(),
        })
        .unwrap(),
        &app.citizen_urls(),
        None,
        app.clock.now(),
    )
    .unwrap();
    let path = created
        .link
        .strip_prefix(&app.state.settings.public_url)
        .unwrap()
        .to_string();
    (created.id, path)
}

fn bound_to(app: &TestApp, id: Uuid) -> Option<String> {
    app.bound_citizen(id)
}

fn oidc_error(body: &str) -> Option<String> {
    attr(body, "section.error[data-testid]", "data-testid")
}

#[tokio::test]
async fn the_whole_journey_through_the_provider() {
    let app = spawn_oidc_app(vec![], None).await;
    // The sign-in page offers the provider.
    let body = app.page("/sign-in?next=/company").await;
    assert_eq!(
        attr(&body, "[data-testid=sign-in-oidc]", "href").as_deref(),
        Some("/sign-in/oidc?next=/company")
    );

    // Jan signs in through the provider and creates a request in the company app.
    let res = app.sign_in_oidc_to("jan", "/company").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location_of(&res), "/company");
    let body = app.page("/company").await;
    assert_eq!(
        texts(&body, "[data-testid=signed-in] strong"),
        vec!["Jan Peeters"]
    );
    // The home page's back-office door is for its staff only.
    let door = "data-testid=\"door-back-office\"";
    assert!(!app.page("/").await.contains(door));
    let claire = app.another_browser();
    claire.sign_in_oidc("claire").await;
    assert!(claire.page("/").await.contains(door));
    let link = app
        .company_creates_request(&crate::helpers::RequestForm::new(
            "Plonge",
            "maria@example.be",
            "FLEXI_JOB",
            "en",
        ))
        .await;
    let link = link
        .strip_prefix(&app.state.settings.public_url)
        .unwrap()
        .to_string();

    // Jan checks the link before sending it: it is his own company's, nothing is bound.
    let res = app.get(&link).await;
    assert_eq!(res.status().as_u16(), 303);
    let page = location_of(&res);
    let res = app.get(&page).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        attr(
            &res.text().await.unwrap(),
            "section.error[data-testid]",
            "data-testid"
        )
        .as_deref(),
        Some("problem-own-company")
    );

    // Maria, in her own browser, opens it, signs in through the provider, says it is for
    // her, accepts.
    let maria = app.another_browser();
    let res = maria.get(&link).await;
    assert_eq!(location_of(&res), page);
    let res = maria.get(&page).await;
    assert_eq!(location_of(&res), format!("/sign-in?next={page}"));
    let res = maria.sign_in_oidc_to("maria", &page).await;
    assert_eq!(location_of(&res), page);
    let body = maria.page(&page).await;
    assert_eq!(
        texts(&body, "[data-testid=signed-in-question]"),
        vec!["You are signed in as Maria Abara. Is this request for you?"]
    );
    let id: Uuid = page.rsplit('/').next().unwrap().parse().unwrap();
    assert_eq!(bound_to(&app, id), None);
    let res = maria.post_form(&format!("{page}/bind"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(bound_to(&app, id).as_deref(), Some(MARIA.niss()));
    let res = maria
        .post_form(&format!("{page}/answer"), &[("answer", "accept")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(maria.page(&page).await.contains("answered-accepted"));

    // Pieter, staff, signs in through the provider and finds it by Maria's NISS.
    let pieter = app.another_browser();
    pieter.sign_in_oidc("pieter").await;
    let body = pieter.page("/admin").await;
    assert!(body.contains("admin-nav-staff"));
    let res = pieter
        .post_form("/admin/search", &[("niss", MARIA.niss())])
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    assert!(body.contains(&id.to_string()), "{body}");
}

#[tokio::test]
async fn every_sign_in_error_has_its_page_and_signs_nobody_in() {
    let app = spawn_oidc_app(vec![], None).await;
    for (login, page, status) in [
        ("expired:maria", "oidc-error-token-expired", 401),
        ("foreign-key:maria", "oidc-error-unknown-key", 401),
        ("audience:maria", "oidc-error-audience", 401),
        ("no-niss", "oidc-error-missing-niss", 401),
        ("bad-niss", "oidc-error-invalid-niss", 401),
    ] {
        // A browser of its own each time: the provider remembers who signed in.
        let app = app.another_browser();
        let res = app.sign_in_oidc_to(login, "/me").await;
        assert_eq!(res.status().as_u16(), status, "{login}");
        let body = res.text().await.unwrap();
        assert_eq!(oidc_error(&body).as_deref(), Some(page), "{login}");
        assert!(
            body.contains("data-testid=\"try-again\""),
            "a way back: {login}"
        );
        assert!(!body.contains("data-testid=\"signed-in\""), "{login}");
        assert_eq!(
            location_of(&app.get("/me").await),
            "/sign-in?next=/me",
            "{login}"
        );
    }

    // Cancelled at the provider.
    let app = app.another_browser();
    let res = app.get("/sign-in/oidc?next=/me").await;
    let mut next = location_of(&res);
    let abort = loop {
        let res = app.client.get(&next).send().await.unwrap();
        let base = res.url().clone();
        if res.status().is_redirection() {
            next = base.join(&location_of(&res)).unwrap().to_string();
            continue;
        }
        let body = res.text().await.unwrap();
        let href = attr(&body, "a[href*=abort]", "href").expect("a cancel link");
        break base.join(&href).unwrap().to_string();
    };
    let res = app.client.get(&abort).send().await.unwrap();
    let callback = app.through_provider(&location_of(&res), "unused").await;
    assert!(callback.contains("error=access_denied"), "{callback}");
    let res = app.client.get(&callback).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    assert_eq!(oidc_error(&body).as_deref(), Some("oidc-error-cancelled"));

    // A replayed callback (the sign-in under way is used once), and a forged state.
    let app = app.another_browser();
    let res = app.get("/sign-in/oidc?next=/me").await;
    let callback = app.through_provider(&location_of(&res), "maria").await;
    let res = app.client.get(&callback).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let replayed = app.another_browser();
    let res = replayed.client.get(&callback).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(
        oidc_error(&res.text().await.unwrap()).as_deref(),
        Some("oidc-error-state")
    );
    let res = app.get("/sign-in/oidc?next=/me").await;
    let callback = app.through_provider(&location_of(&res), "maria").await;
    let forged = regex_replace_state(&callback);
    let res = app.client.get(&forged).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(
        oidc_error(&res.text().await.unwrap()).as_deref(),
        Some("oidc-error-state")
    );
}

/// `url` with its `state` parameter changed.
fn regex_replace_state(url: &str) -> String {
    let (base, query) = url.split_once('?').unwrap();
    let query: Vec<String> = query
        .split('&')
        .map(|p| {
            if p.starts_with("state=") {
                "state=forged".to_string()
            } else {
                p.to_string()
            }
        })
        .collect();
    format!("{base}?{}", query.join("&"))
}

#[tokio::test]
async fn a_provider_that_is_down_is_an_error_page_not_a_crash() {
    let closed = format!("http://127.0.0.1:{}", crate::helpers::free_port());
    let app = spawn_oidc_app(vec![], Some(&closed)).await;
    for lang in ["en", "nl"] {
        let res = app
            .get_with("/sign-in/oidc?next=/me", &[("accept-language", lang)])
            .await;
        assert_eq!(res.status().as_u16(), 503);
        let body = res.text().await.unwrap();
        assert_eq!(oidc_error(&body).as_deref(), Some("oidc-error-unavailable"));
        assert!(body.contains(&format!("lang=\"{lang}\"")));
    }
    // The rest of the service works meanwhile.
    assert_eq!(app.get("/").await.status().as_u16(), 200);
}

#[tokio::test]
async fn sign_out_ends_the_session_at_once_and_a_replayed_cookie_opens_nothing() {
    let app = spawn_app().await;
    let plain = cookies_by_hand();
    let home = plain
        .get(format!("{}/sign-in", app.address))
        .send()
        .await
        .unwrap();
    let mut cookie = cookie_of(&home).expect("a session cookie");
    let csrf = crate::helpers::csrf_in(&home.text().await.unwrap()).unwrap();
    let res = plain
        .post(format!("{}/sign-in/demo", app.address))
        .header("cookie", &cookie)
        .form(&[("niss", NOAH.niss()), ("next", "/me"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let signed_in = cookie_of(&res).expect("a new session id at sign-in");
    assert_ne!(signed_in, cookie, "the session id is renewed at sign-in");
    cookie = signed_in;
    let me = |cookie: String| {
        let plain = plain.clone();
        let url = format!("{}/me", app.address);
        async move {
            plain
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(me(cookie.clone()).await, 200);
    let csrf = crate::helpers::csrf_in(
        &plain
            .get(format!("{}/me", app.address))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    let sign_out = async || {
        let res = plain
            .post(format!("{}/sign-out", app.address))
            .header("cookie", &cookie)
            .form(&[("csrf", &csrf)])
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), location_of(&res))
    };
    assert_eq!(sign_out().await, (303, "/".to_string()));
    // The copy of the cookie taken before sign-out opens nothing.
    assert_eq!(me(cookie.clone()).await, 303);
    // The sign-out sent again with it (a double click: the browser had not seen the answer
    // yet) is done already: it leads where a sign-out leads, not to an error.
    assert_eq!(sign_out().await, (303, "/".to_string()));
    let left: i64 = sessions::table
        .filter(sessions::niss.eq(NOAH.niss()))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_demo_sign_in_pressed_twice_leads_on_or_back_to_the_choice_never_to_access_refused() {
    let app = spawn_app().await;
    let plain = cookies_by_hand();
    let page = plain
        .get(format!("{}/sign-in", app.address))
        .header("accept-language", "nl")
        .send()
        .await
        .unwrap();
    let first = cookie_of(&page).expect("a session cookie");
    let csrf = crate::helpers::csrf_in(&page.text().await.unwrap()).unwrap();
    let press = |cookie: String, niss: &'static str| {
        let (plain, url, csrf) = (
            plain.clone(),
            format!("{}/sign-in/demo", app.address),
            csrf.clone(),
        );
        async move {
            plain
                .post(url)
                .header("cookie", cookie)
                .header("accept-language", "nl")
                .form(&[("niss", niss), ("next", "/me"), ("csrf", &csrf)])
                .send()
                .await
                .unwrap()
        }
    };
    let res = press(first.clone(), NOAH.niss()).await;
    assert_eq!(res.status().as_u16(), 303);
    let signed_in = cookie_of(&res).expect("a new session id at sign-in");
    // The second press, with the session the first one renewed: nobody more is signed in,
    // and the page to choose is shown again, saying so, with a token that holds.
    let res = press(first.clone(), NOAH.niss()).await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(cookie_of(&res).is_some_and(|c| c != signed_in));
    let again = res.text().await.unwrap();
    assert_eq!(
        texts(&again, "[data-testid=sign-in-error]"),
        ["Deze aanmeldpagina was verlopen, dus niemand werd aangemeld. Kies hieronder opnieuw."]
    );
    assert!(
        again.contains(&format!("persona-{}", NOAH.niss())),
        "the choice"
    );
    assert_eq!(attr(&again, "#niss", "aria-invalid"), None);
    // The second press when the browser kept the first one's answer: on to where it led.
    let res = press(signed_in.clone(), NOAH.niss()).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location_of(&res), "/me");
    // A stale page naming somebody else signs nobody else in: Noah stays, and is shown the
    // choice again.
    let res = press(signed_in.clone(), MARIA.niss()).await;
    assert_eq!(res.status().as_u16(), 403);
    let me = plain
        .get(format!("{}/me", app.address))
        .header("cookie", &signed_in)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(me.contains("Noah Lambert"), "{me}");
    assert!(!me.contains("Maria Abara"));
}

/// A client that shows its cookies and follows no redirect: a test sends each request with
/// the cookie it chooses (an old one, a new one), as a browser with two answers in flight.
fn cookies_by_hand() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn cookie_of(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("mandat_session=") && !v.starts_with("mandat_session=;"))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
}

#[tokio::test]
async fn sessions_end_when_idle_and_at_their_absolute_lifetime_by_the_clock() {
    let app = spawn_app().await;
    app.sign_in_as(&NOAH).await;
    // Idle: 30 minutes. Seen at 29 minutes, it lives on.
    app.clock.advance(Duration::minutes(29));
    assert_eq!(app.get("/me").await.status().as_u16(), 200);
    app.clock.advance(Duration::minutes(29));
    assert_eq!(app.get("/me").await.status().as_u16(), 200);
    app.clock.advance(Duration::minutes(31));
    assert_eq!(location_of(&app.get("/me").await), "/sign-in?next=/me");

    // Absolute: 8 hours after sign-in, however active.
    app.sign_in_as(&NOAH).await;
    for _ in 0..15 {
        app.clock.advance(Duration::minutes(29));
        assert_eq!(app.get("/me").await.status().as_u16(), 200);
    }
    // 7 h 44 min: alive; 8 h 13 min: over.
    app.clock.advance(Duration::minutes(29));
    assert_eq!(app.get("/me").await.status().as_u16(), 200);
    app.clock.advance(Duration::minutes(29));
    assert_eq!(location_of(&app.get("/me").await), "/sign-in?next=/me");

    // The job removes the dead rows.
    let dead: i64 = sessions::table.count().get_result(&mut app.db()).unwrap();
    assert!(dead >= 1);
    let removed = app.run_job(mandat::jobs::Job::PurgeSessions).await.unwrap();
    assert!(removed.unwrap_or(0) >= 1);
}

#[tokio::test]
async fn sign_out_everywhere_ends_every_session_of_the_person() {
    let app = spawn_app().await;
    let other = app.another_browser();
    app.sign_in_as(&NOAH).await;
    other.sign_in_as(&NOAH).await;
    assert_eq!(other.get("/me").await.status().as_u16(), 200);
    let stale = other.csrf().await;
    let res = app.post_form("/sign-out/everywhere", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location_of(&other.get("/me").await), "/sign-in?next=/me");
    assert_eq!(location_of(&app.get("/me").await), "/sign-in?next=/me");
    // The other browser's page, still open, signs out everywhere too: done already.
    let res = other
        .post_raw("/sign-out/everywhere", &[("csrf", stale.as_str())], &[])
        .await;
    assert_eq!(
        (res.status().as_u16(), location_of(&res)),
        (303, "/".to_string())
    );
    // Signed in, a sign-out still needs its form's token.
    other.sign_in_as(&NOAH).await;
    let res = other
        .post_raw("/sign-out/everywhere", &[("csrf", "forged")], &[])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(other.get("/me").await.status().as_u16(), 200);
}

#[tokio::test]
async fn staff_rights_are_read_on_every_request() {
    let app = spawn_app().await;
    let pieter = crate::admin::staff(&app, "pieter").await;
    let claire = crate::admin::staff(&app, "claire").await;
    assert_eq!(claire.get("/admin/search").await.status().as_u16(), 200);
    let claire_id: Uuid = {
        use mandat::db::schema::staff;
        staff::table
            .filter(staff::niss.eq(CLAIRE.niss()))
            .select(staff::id)
            .first(&mut app.db())
            .unwrap()
    };
    // Agents do not manage the staff.
    assert_eq!(claire.get("/admin/staff").await.status().as_u16(), 403);
    // The home page opens the back office's door to its members only.
    let door = |body: String| body.contains("data-testid=\"door-back-office\"");
    assert!(door(claire.page("/").await));
    let jan = app.another_browser();
    jan.sign_in(mandat::demo::people::JAN.niss()).await;
    assert!(!door(jan.page("/").await));
    assert!(!door(app.another_browser().page("/").await));

    // Demoted to trainer: the next request knows.
    let res = pieter
        .post_form(
            &format!("/admin/staff/{claire_id}/role"),
            &[("role", "trainer")],
        )
        .await;
    assert_eq!(location_of(&res), "/admin/staff?notice=role-changed");
    assert_eq!(claire.get("/admin/search").await.status().as_u16(), 403);

    // Removed: the back office is gone at once, and so are her sessions.
    let res = pieter
        .post_form(&format!("/admin/staff/{claire_id}/remove"), &[])
        .await;
    assert_eq!(location_of(&res), "/admin/staff?notice=removed");
    // Signed out: the back office asks her to sign in, like anybody not signed in.
    assert_eq!(
        location_of(&claire.get("/admin").await),
        "/sign-in?next=/admin"
    );
    assert_eq!(location_of(&claire.get("/me").await), "/sign-in?next=/me");
    claire.sign_in(CLAIRE.niss()).await;
    assert!(!door(claire.page("/").await), "no door once removed");

    // Added back by NISS, as an agent; an unknown NISS and a repeat are refused.
    let res = pieter
        .post_form(
            "/admin/staff",
            &[("niss", "85.07.30-033.29"), ("role", "agent")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let res = pieter
        .post_form(
            "/admin/staff",
            &[("niss", CLAIRE.niss()), ("role", "agent")],
        )
        .await;
    assert_eq!(location_of(&res), "/admin/staff?notice=added");
    assert!(
        !door(claire.page("/").await),
        "the door shows from the next sign-in"
    );
    claire.sign_in(CLAIRE.niss()).await;
    assert!(
        door(claire.page("/").await),
        "the door again, once added back"
    );
    let res = pieter
        .post_form(
            "/admin/staff",
            &[("niss", CLAIRE.niss()), ("role", "agent")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(
        texts(&res.text().await.unwrap(), "[data-testid=staff-add-error]")[0].contains("already")
    );
    let claire = crate::admin::staff(&app, "claire").await;
    assert_eq!(claire.get("/admin/search").await.status().as_u16(), 200);

    // The last supervisor stays; ending a member's sessions signs them out.
    let pieter_id: Uuid = {
        use mandat::db::schema::staff;
        staff::table
            .filter(staff::niss.eq(PIETER.niss()))
            .filter(staff::removed_at.is_null())
            .select(staff::id)
            .first(&mut app.db())
            .unwrap()
    };
    let res = pieter
        .post_form(
            &format!("/admin/staff/{pieter_id}/role"),
            &[("role", "agent")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
    let page = pieter.page("/admin/staff").await;
    let claire_id = page
        .split("/admin/staff/")
        .filter_map(|s| s.split('/').next())
        .filter_map(|s| s.parse::<Uuid>().ok())
        .find(|id| *id != pieter_id)
        .unwrap();
    let res = pieter
        .post_form(&format!("/admin/staff/{claire_id}/end-sessions"), &[])
        .await;
    assert_eq!(location_of(&res), "/admin/staff?notice=sessions-ended");
    assert_eq!(
        location_of(&claire.get("/admin").await),
        "/sign-in?next=/admin"
    );

    // Every change audited.
    let actions: Vec<String> = staff_audit::table
        .order(staff_audit::id)
        .select(staff_audit::action)
        .load(&mut app.db())
        .unwrap();
    let staff_actions: Vec<&str> = actions
        .iter()
        .map(String::as_str)
        .filter(|a| a.starts_with("staff_"))
        .collect();
    assert_eq!(
        staff_actions,
        vec![
            "staff_role",
            "staff_remove",
            "staff_add",
            "staff_end_sessions"
        ]
    );
}

#[tokio::test]
async fn accepting_needs_a_recent_authentication() {
    // Demo provider: asked again.
    let app = spawn_app().await;
    let (id, link) = request_of_pokebowl(&app, None);
    app.sign_in_as(&NOAH).await;
    let page = location_of(&app.get(&link).await);
    app.clock.advance(Duration::minutes(16));
    app.page(&page).await;
    let res = app.post_form(&format!("{page}/bind"), &[]).await;
    assert_eq!(location_of(&res), format!("/sign-in?next={page}&again=1"));
    assert_eq!(bound_to(&app, id), None);
    let body = app.page(&location_of(&res)).await;
    assert!(body.contains("data-testid=\"sign-in-again\""));
    app.sign_in_as(&NOAH).await;
    assert_eq!(
        app.post_form(&format!("{page}/bind"), &[])
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(bound_to(&app, id).as_deref(), Some(NOAH.niss()));

    // OpenID Connect: the provider is asked with max_age.
    let app = spawn_oidc_app(vec![], None).await;
    let (id, link) = request_of_pokebowl(&app, None);
    app.sign_in_oidc("noah").await;
    let page = location_of(&app.get(&link).await);
    app.clock.advance(Duration::minutes(16));
    let res = app.post_form(&format!("{page}/bind"), &[]).await;
    let again = location_of(&res);
    let body = app.page(&again).await;
    let href = attr(&body, "[data-testid=sign-in-oidc]", "href").unwrap();
    assert!(href.contains("again=1"), "{href}");
    let res = app.get(&href).await;
    let authorize = location_of(&res);
    assert!(authorize.contains("max_age=900"), "{authorize}");
    let callback = app.through_provider(&authorize, "noah").await;
    let res = app.client.get(&callback).send().await.unwrap();
    assert_eq!(location_of(&res), page);
    assert_eq!(
        app.post_form(&format!("{page}/bind"), &[])
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(bound_to(&app, id).as_deref(), Some(NOAH.niss()));
}

#[tokio::test]
async fn signed_in_as_someone_else_nothing_binds_and_the_switch_comes_back() {
    let app = spawn_oidc_app(vec![], None).await;
    let (id, link) = request_of_pokebowl(&app, None);
    app.sign_in_oidc("noah").await;
    let page = location_of(&app.get(&link).await);
    let body = app.page(&page).await;
    assert!(body.contains("You are signed in as Noah Lambert."));
    assert_eq!(bound_to(&app, id), None);

    // "Sign in as someone else": signed out here and at the provider, back to this request.
    let res = app.post_form(&format!("{page}/switch"), &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    let to_provider = attr(&body, "[data-testid=provider-sign-out]", "href").unwrap();
    assert!(body.contains("http-equiv=\"refresh\""));
    let back = app.through_provider(&to_provider, "unused").await;
    assert!(back.ends_with("/signed-out"), "{back}");
    let res = app.client.get(&back).send().await.unwrap();
    let sign_in = location_of(&res);
    assert_eq!(sign_in, format!("/sign-in?next={page}"));
    assert_eq!(bound_to(&app, id), None);
    let res = app.sign_in_oidc_to("maria", &page).await;
    assert_eq!(location_of(&res), page);
    let body = app.page(&page).await;
    assert!(body.contains("You are signed in as Maria Abara."), "{body}");
    assert_eq!(
        app.post_form(&format!("{page}/bind"), &[])
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(bound_to(&app, id).as_deref(), Some(MARIA.niss()));
}

#[tokio::test]
async fn a_citizen_signs_in_through_the_provider_and_accepts_in_a_browser() {
    use fantoccini::Locator;
    let app = spawn_oidc_app(vec![], None).await;
    let (id, link) = request_of_pokebowl(&app, None);
    let browser = crate::browser::Browser::start().await;
    let c = &browser.client;
    c.goto(&format!("{}{link}", app.address)).await.unwrap();
    assert_eq!(c.current_url().await.unwrap().path(), "/sign-in");
    c.find(Locator::Css("[data-testid=sign-in-oidc]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The provider's own login page.
    let login = c
        .wait()
        .for_element(Locator::Css("input[name=login]"))
        .await
        .unwrap();
    login.send_keys("maria").await.unwrap();
    c.find(Locator::Css("input[name=password]"))
        .await
        .unwrap()
        .send_keys("any")
        .await
        .unwrap();
    c.find(Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // Back on the request: who asks, who is signed in; nothing bound yet.
    let question = c
        .wait()
        .for_element(Locator::Css("[data-testid=signed-in-question]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(question.contains("Maria Abara"), "{question}");
    assert_eq!(
        c.current_url().await.unwrap().path(),
        format!("/me/requests/{id}")
    );
    assert_eq!(bound_to(&app, id), None);
    crate::browser::click_then_wait(
        c,
        "[data-testid=continue-as]",
        "[data-testid=answer-accept]",
    )
    .await
    .click()
    .await
    .unwrap();
    c.wait()
        .for_element(Locator::Css("[data-testid=access-sentence]"))
        .await
        .unwrap();
    assert_eq!(bound_to(&app, id).as_deref(), Some(MARIA.niss()));
    // Sign out: here and at the provider, back home.
    c.find(Locator::Css("[data-testid=sign-out]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let logout = c
        .wait()
        .for_element(Locator::Css("button[name=logout]"))
        .await
        .unwrap();
    logout.click().await.unwrap();
    c.wait()
        .for_element(Locator::Css("a[href^='/sign-in']"))
        .await
        .unwrap();
    assert_eq!(c.current_url().await.unwrap().path(), "/");
    browser.close().await;
}

#[tokio::test]
async fn the_sign_in_page_never_leads_to_another_sign_in() {
    let app = spawn_app().await;
    // The header's "Sign in" link comes back to the page it is on...
    let home = app.page("/companies").await;
    assert_eq!(
        attr(&home, "[data-testid=header-sign-in]", "href").as_deref(),
        Some("/sign-in?next=/companies")
    );
    // ... and on the sign-in page it is that page, its own `next` kept: clicking it again
    // and again never nests one sign-in in another.
    let page = app.page("/sign-in?next=/company").await;
    assert_eq!(
        attr(&page, "[data-testid=header-sign-in]", "href").as_deref(),
        Some("/sign-in?next=/company")
    );
    // A `next` that is itself a sign-in (an old bookmark, a crafted link) lands home once
    // signed in, not on a sign-in page for someone signed in already.
    let res = app
        .post_form(
            "/sign-in/demo",
            &[
                ("niss", mandat::demo::people::MARIA.niss()),
                ("next", "/sign-in?next=%2Fcompany"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location_of(&res), "/");
}

#[tokio::test]
async fn a_form_sent_after_the_session_ended_comes_back_to_its_page_after_the_sign_in() {
    let app = spawn_app().await;
    let jan = app.another_browser();
    jan.sign_in(mandat::demo::people::JAN.niss()).await;
    let page = jan.page("/company/tabs/requested").await;
    let csrf = crate::helpers::csrf_in(&page).unwrap();
    let withdraw =
        attr(&page, "form:has([data-testid=withdraw])", "action").expect("a Withdraw button");
    // Jan signs out everywhere from another browser: this one's session ends.
    let other = app.another_browser();
    other.sign_in(mandat::demo::people::JAN.niss()).await;
    assert_eq!(
        other
            .post_form("/sign-out/everywhere", &[])
            .await
            .status()
            .as_u16(),
        303
    );
    let fields = [("confirmed", "yes"), ("csrf", csrf.as_str())];
    // With htmx, the page the browser shows is the one to come back to...
    let current = format!("{}/company?tab=requested", app.address);
    let res = jan
        .post_raw(
            &withdraw,
            &fields,
            &[("HX-Request", "true"), ("HX-Current-URL", current.as_str())],
        )
        .await;
    assert_eq!(
        res.headers()["hx-redirect"],
        "/sign-in?next=/company%3Ftab%3Drequested&unsent=1"
    );
    // ... without it, home: the form's address is no page to land on.
    let res = jan.post_raw(&withdraw, &fields, &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location_of(&res), "/sign-in?next=/&unsent=1");
}

/// A form sent after its session had ended is not recorded, and the sign-in it leads to
/// says so (where it leads: the test above).
#[tokio::test]
async fn a_form_sent_after_its_session_ended_leads_to_a_sign_in_that_says_it_was_not_recorded() {
    let app = spawn_app().await;
    app.sign_in_as(&JAN).await;
    app.clock.advance(Duration::minutes(31));
    let fields = [
        ("label", "Bar, late"),
        ("email", "late@example.be"),
        ("context", "FLEXI_JOB"),
        ("language", "fr"),
    ];
    let res = app.post_form("/company/requests", &fields).await;
    assert_eq!(res.status().as_u16(), 303);
    // Refused before its body was read: the server closes the connection, and says so (the
    // next request goes on another one, never on a connection that is closing).
    assert_eq!(res.headers()["connection"], "close");
    let to = location_of(&res);
    assert_eq!(to, "/sign-in?next=/&unsent=1");
    let page = app.page(&to).await;
    assert_eq!(
        texts(&page, "[data-testid=sign-in-unsent]"),
        [
            "Your session had ended, so what you sent was not recorded. Sign in again, then send it again."
        ]
    );
    // A page asked for says nothing of the kind; nothing was recorded.
    let to = location_of(&app.get("/company").await);
    assert_eq!(to, "/sign-in?next=/company");
    assert!(texts(&app.page(&to).await, "[data-testid=sign-in-unsent]").is_empty());
    let recorded: i64 = mandat::db::schema::request_personal::table
        .filter(mandat::db::schema::request_personal::label.eq("Bar, late"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(recorded, 0);
}
