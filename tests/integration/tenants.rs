//! Demo tenants for trainers: worlds of their own at `{name}.demo.localhost`, isolated from
//! each other and from the main site (pages, API, mailbox, sessions), with a clock that
//! moves forward and runs what time would have run, reset, expired, timed.

use std::{sync::Arc, time::Duration};

use chrono::{DateTime, Duration as Span, TimeZone, Utc};
use diesel::{
    Connection, PgConnection, QueryableByName, RunQueryDsl, sql_query,
    sql_types::{BigInt, Nullable, Text, Timestamptz},
};
use mandat::{
    clock::Clock,
    db::{databases, demo_tenants},
    demo::{
        people::{JAN, MARIA},
        tenants::{Made, NewTenant, TenantError, TenantOps},
    },
    domain::tenant::{ClockMove, Step, TenantName},
    i18n::Lang,
    jobs::Job,
};

use crate::{
    admin::staff,
    api::{bearer, client_for_resto, token},
    company::{create_request, request_form},
    helpers::{
        Options, TestApp, attr, form_in, free_port, location_of, spawn_app_with, start_time, texts,
    },
};

/// An application whose public URL names its real port (the tenants' links use it:
/// `http://alpha.demo.localhost:PORT`), with `extra` settings.
pub async fn spawn_tenant_app(extra: Vec<(&'static str, String)>) -> TestApp {
    let port = free_port();
    let mut settings = vec![
        ("bind", format!("127.0.0.1:{port}")),
        ("public_url", format!("http://localhost:{port}")),
    ];
    settings.extend(extra);
    spawn_app_with(Options { settings }).await
}

/// The tenant operations of `app` (its settings, sources, clock and tenants).
fn ops(app: &TestApp) -> TenantOps {
    TenantOps::new(
        app.state.settings.clone(),
        app.state.sources.clone(),
        Arc::new(app.clock.clone()),
    )
    .on_server(app.state.tenants.clone())
}

fn name(text: &str) -> TenantName {
    TenantName::parse(text).unwrap()
}

pub(crate) fn new_tenant(text: &str) -> NewTenant {
    NewTenant {
        name: name(text),
        language: Lang::En,
        clock: None,
        expires: None,
        sources: None,
        by: None,
        form_key: None,
    }
}

/// Makes the tenant `new` (off the async executor).
pub(crate) async fn make(app: &TestApp, new: NewTenant) -> Result<Made, TenantError> {
    let ops = ops(app);
    tokio::task::spawn_blocking(move || ops.create(&new))
        .await
        .unwrap()
}

/// Moves the clock of `tenant` by `step`.
async fn advance(app: &TestApp, tenant: &str, step: &str) -> mandat::demo::tenants::Moved {
    let (ops, name, step) = (ops(app), name(tenant), Step::parse(step).unwrap());
    tokio::task::spawn_blocking(move || ops.move_clock(&name, ClockMove::Advance(step), None))
        .await
        .unwrap()
        .unwrap()
}

/// A connection to the database of `tenant`.
fn tenant_db(app: &TestApp, tenant: &str) -> PgConnection {
    let mut main = app.db();
    let row = demo_tenants::find(&mut main, tenant).unwrap().unwrap();
    PgConnection::establish(&databases::url_with_database(
        &app.db_url,
        &row.database_name,
    ))
    .unwrap()
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    sql_query(sql).get_result::<Count>(conn).unwrap().n
}

#[derive(QueryableByName)]
struct StatusRow {
    #[diesel(sql_type = Text)]
    status: String,
}

fn status_of_label(conn: &mut PgConnection, label: &str) -> String {
    sql_query(
        "SELECT status FROM access_requests r JOIN request_personal p ON p.request_id = r.id
                WHERE p.label = $1",
    )
    .bind::<Text, _>(label)
    .get_result::<StatusRow>(conn)
    .unwrap()
    .status
}

/// The `mandat_session` cookie a response sets (`name=value`), and its attributes.
fn session_cookie(res: &reqwest::Response) -> (String, String) {
    let header = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("mandat_session="))
        .expect("a session cookie")
        .to_string();
    let pair = header.split(';').next().unwrap().to_string();
    (pair, header)
}

#[tokio::test]
async fn two_tenants_side_by_side_see_nothing_of_each_other() {
    let app = spawn_tenant_app(vec![]).await;
    let main_requests = count(&mut app.db(), "SELECT count(*) AS n FROM access_requests");
    make(&app, new_tenant("alpha")).await.unwrap();
    make(&app, new_tenant("beta")).await.unwrap();
    let (alpha, beta) = (app.tenant("alpha"), app.tenant("beta"));

    // Pages: Jan makes a request in alpha; beta's Jan and the main site's never see it.
    alpha.sign_in(JAN.niss()).await;
    beta.sign_in(JAN.niss()).await;
    let link = create_request(
        &alpha,
        &request_form("Only in alpha", "only.alpha@example.be", "FLEXI_JOB", "en"),
    )
    .await;
    assert!(
        link.starts_with(&format!("http://alpha.demo.localhost:{}/r/", app.port)),
        "the link is on the tenant's host: {link}"
    );
    let in_alpha = alpha.page("/company/tabs/requested").await;
    assert!(in_alpha.contains("Only in alpha"));
    let in_beta = beta.page("/company/tabs/requested").await;
    assert!(!in_beta.contains("Only in alpha"));
    let main = app.another_browser();
    main.sign_in(JAN.niss()).await;
    assert!(
        !main
            .page("/company/tabs/requested")
            .await
            .contains("Only in alpha")
    );
    assert_eq!(
        count(&mut app.db(), "SELECT count(*) AS n FROM access_requests"),
        main_requests,
        "nothing written in the main database"
    );
    // Its link opens in alpha only.
    let path = link
        .split_once(&format!(":{}", app.port))
        .unwrap()
        .1
        .to_string();
    let opened = alpha.another_browser().get(&path).await;
    assert_eq!(opened.status().as_u16(), 303, "the link works in alpha");
    assert_eq!(
        beta.another_browser().get(&path).await.status().as_u16(),
        404
    );
    assert_eq!(
        app.another_browser().get(&path).await.status().as_u16(),
        404
    );

    // Mailbox: the mail is in alpha's, not in beta's nor the main one.
    let recipients = |page: &str| texts(page, "[data-testid=mail] td:first-child");
    let mailbox = recipients(&alpha.page("/demo/mailbox").await);
    assert!(
        mailbox.contains(&"only.alpha@example.be".to_string()),
        "{mailbox:?}"
    );
    for other in [&beta, &app] {
        let mailbox = recipients(&other.page("/demo/mailbox").await);
        assert!(!mailbox.is_empty(), "the demo world's own mails are listed");
        assert!(!mailbox.contains(&"only.alpha@example.be".to_string()));
    }

    // Sessions: alpha's cookie is host-only, and worthless elsewhere (with its CSRF token).
    let fresh = alpha.another_browser();
    let form_page = fresh.page("/sign-in").await;
    let csrf = crate::helpers::csrf_in(&form_page).unwrap();
    let res = fresh
        .client
        .post(format!("{}/sign-in/demo", fresh.address))
        .form(&[("niss", JAN.niss()), ("next", "/company"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let (cookie, header) = session_cookie(&res);
    assert!(
        !header.to_ascii_lowercase().contains("domain="),
        "host-only: {header}"
    );
    let signed_in = fresh.page("/company").await;
    assert!(signed_in.contains("Jan Peeters"));
    let csrf = crate::helpers::csrf_in(&signed_in).unwrap();
    for other in [beta.another_browser(), app.another_browser()] {
        let res = other
            .client
            .get(format!("{}/company", other.address))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status().as_u16(),
            303,
            "not signed in at {}",
            other.address
        );
        assert!(location_of(&res).starts_with("/sign-in"));
        let res = other
            .client
            .post(format!("{}/sign-out/everywhere", other.address))
            .header("cookie", &cookie)
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        // Nobody is signed in there with it: the sign-out is done already (it leads home, as
        // for anybody signed out), and it ends nothing of alpha's (below).
        assert_eq!(
            (res.status().as_u16(), location_of(&res)),
            (303, "/".to_string()),
            "alpha's session and CSRF token at {}",
            other.address
        );
    }
    assert!(
        fresh.page("/company").await.contains("Jan Peeters"),
        "still signed in in alpha"
    );

    // API: a client made in alpha gets no token elsewhere, and its token opens nothing there.
    let (id, secret) = client_for_resto(&alpha, &["mandates"]).await;
    let alpha_token = bearer(&alpha, &id, &secret).await;
    for other in [&beta, &app] {
        let res = token(other, &id, &secret, None).await;
        assert_eq!(
            res.status().as_u16(),
            401,
            "token of alpha's client at {}",
            other.address
        );
        let res = other
            .client
            .get(format!("{}/api/v1/mandates", other.address))
            .bearer_auth(&alpha_token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status().as_u16(),
            401,
            "alpha's token at {}",
            other.address
        );
    }
    let res = alpha
        .client
        .get(format!("{}/api/v1/mandates", alpha.address))
        .bearer_auth(&alpha_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);

    // A host naming no tenant: a clear 404, pages and API.
    let nowhere = app.tenant("gamma");
    let res = nowhere.get("/").await;
    assert_eq!(res.status().as_u16(), 404);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("There is no demo tenant named gamma"),
        "{body}"
    );
    let res = nowhere.get("/api/v1/mandates").await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(
        res.headers()["content-type"].to_str().unwrap(),
        "application/problem+json"
    );
    // The assets are served everywhere (the 404 page has its style).
    assert_eq!(nowhere.get("/assets/app.css").await.status().as_u16(), 200);
}

#[tokio::test]
async fn every_page_of_a_tenant_has_its_banner_and_its_people_with_their_parts() {
    let app = spawn_tenant_app(vec![]).await;
    let mut new = new_tenant("roadshow-gent");
    new.language = Lang::Nl;
    let made = make(&app, new).await.unwrap();
    assert_eq!(
        made.url,
        format!("http://roadshow-gent.demo.localhost:{}", app.port)
    );
    let gent = app.tenant("roadshow-gent");
    // In the tenant's language by default; its people with what each one is for.
    let page = gent.page("/sign-in").await;
    assert!(page.contains("lang=\"nl\""), "Dutch by default");
    let banner = texts(&page, "[data-testid=tenant-banner]");
    assert!(
        banner[0].contains("Demo-omgeving roadshow-gent"),
        "{banner:?}"
    );
    assert!(banner[0].contains("5 maart 2025 om 10:30"), "{banner:?}");
    let roles = texts(&page, "[data-testid=persona-role]");
    assert!(
        roles.contains(
            &"Kandidaat: mag als flexi-jobber werken (4/5 bij een andere werkgever)".to_string()
        ),
        "{roles:?}"
    );
    assert!(roles.contains(&"Werkgever: beheert de toegangen van Resto Pokébowl".to_string()));
    assert!(roles.contains(&"Opleider: maakt de demo-omgevingen".to_string()));
    // Every page: the home page, the company app, the mailbox.
    gent.sign_in(JAN.niss()).await;
    for path in ["/", "/company", "/demo/mailbox", "/me"] {
        let page = gent.page(path).await;
        assert_eq!(
            texts(&page, "[data-testid=tenant-banner]").len(),
            1,
            "banner on {path}"
        );
    }
    // The explicit choice of a language wins.
    gent.get("/lang/de?next=/").await;
    assert!(gent.page("/").await.contains("Demo-Umgebung roadshow-gent"));
    // The main site has no tenant banner.
    assert!(texts(&app.page("/").await, "[data-testid=tenant-banner]").is_empty());
}

#[tokio::test]
async fn a_request_made_in_a_and_73_hours_expire_it_in_a_only() {
    let app = spawn_tenant_app(vec![]).await;
    make(&app, new_tenant("alpha")).await.unwrap();
    make(&app, new_tenant("beta")).await.unwrap();
    let (alpha, beta) = (app.tenant("alpha"), app.tenant("beta"));
    let mut links = Vec::new();
    for t in [&alpha, &beta] {
        t.sign_in(JAN.niss()).await;
        let link = create_request(
            t,
            &request_form("Weekend", "maria.abara@example.be", "FLEXI_JOB", "en"),
        )
        .await;
        links.push(
            link.split_once(&format!(":{}", app.port))
                .unwrap()
                .1
                .to_string(),
        );
    }
    // The trainer moves alpha's clock from the back office, and the same form goes again
    // (a second press without JavaScript): it answers as the first, and moves nothing more
    // (the banner below shows 73 hours, once).
    let nadia = staff(&app, "nadia").await;
    let admin = nadia.page("/admin/tenants").await;
    let (action, hidden) = form_in(&admin, "[data-testid=tenant-clock-form-alpha]").unwrap();
    let shown = hidden.into_iter().find(|(k, _)| k == "shown").unwrap().1;
    for _ in 0..2 {
        let form = [("advance", "73h"), ("to", ""), ("shown", shown.as_str())];
        let res = nadia.post_form(&action, &form).await;
        assert_eq!(res.status().as_u16(), 303);
        assert!(location_of(&res).contains("notice=moved"));
    }
    // The same page's form with another step, now that the clock moved: refused, and
    // the clock stays.
    let form = [("advance", "1d"), ("to", ""), ("shown", shown.as_str())];
    let res = nadia.post_form(&action, &form).await;
    assert_eq!(res.status().as_u16(), 409);
    let said = texts(&res.text().await.unwrap(), "[data-testid=tenant-error]").join(" ");
    assert!(
        said.contains("The clock of alpha was moved since your page showed it"),
        "{said}"
    );
    // At once: alpha's tab says expired, its citizen's link too; beta's is still pending.
    let tab = alpha.page("/company/tabs/requested").await;
    let row = texts(&tab, "tr")
        .into_iter()
        .find(|r| r.contains("Weekend"))
        .unwrap();
    assert!(row.contains("Expired"), "{row}");
    assert_eq!(
        status_of_label(&mut tenant_db(&app, "alpha"), "Weekend"),
        "expired"
    );
    // The citizen follows the link: alpha's says at once that it expired (by alpha's
    // clock); beta's leads on to the sign-in and the request.
    let maria = |t: &TestApp, link: String| {
        let citizen = t.another_browser();
        async move {
            let page = location_of(&citizen.get(&link).await);
            citizen.sign_in(MARIA.niss()).await;
            citizen.get(&page).await
        }
    };
    let res = alpha.another_browser().get(&links[0]).await;
    assert_eq!(res.status().as_u16(), 410, "alpha's link expired");
    assert!(res.text().await.unwrap().contains("expired"));
    assert_eq!(
        status_of_label(&mut tenant_db(&app, "beta"), "Weekend"),
        "pending"
    );
    let tab = beta.page("/company/tabs/requested").await;
    let row = texts(&tab, "tr")
        .into_iter()
        .find(|r| r.contains("Weekend"))
        .unwrap();
    assert!(!row.contains("Expired"), "{row}");
    assert_eq!(maria(&beta, links[1].clone()).await.status().as_u16(), 200);
    // Nobody was signed out by the move; the banner shows the new instant.
    let page = alpha.page("/company").await;
    assert!(page.contains("Jan Peeters"));
    let clock = texts(&page, "[data-testid=tenant-clock]");
    assert!(clock[0].contains("8 March 2025 at 11:30"), "{clock:?}");
    // The main site's clock did not move.
    assert_eq!(app.clock.now(), start_time());
}

#[tokio::test]
async fn moving_a_month_ends_a_flexi_job_access() {
    let app = spawn_tenant_app(vec![]).await;
    make(&app, new_tenant("alpha")).await.unwrap();
    let mut conn = tenant_db(&app, "alpha");
    // Marc's access, accepted five days before the tenant's start, for one month.
    assert_eq!(status_of_label(&mut conn, "Bar — pensionné"), "accepted");
    let alpha = app.tenant("alpha");
    alpha.sign_in(JAN.niss()).await;
    assert!(
        alpha
            .page("/company/tabs/active")
            .await
            .contains("Marc Dubois")
    );
    let moved = advance(&app, "alpha", "1month").await;
    assert!(moved.catch_up.rows > 0);
    assert_eq!(status_of_label(&mut conn, "Bar — pensionné"), "ended");
    assert!(
        !alpha
            .page("/company/tabs/active")
            .await
            .contains("Marc Dubois")
    );
    assert!(
        alpha
            .page("/company/tabs/blocked")
            .await
            .contains("Marc Dubois")
    );
    // Ended at the mandate's end, not at the move.
    #[derive(QueryableByName)]
    struct Ended {
        #[diesel(sql_type = Timestamptz)]
        status_changed_at: DateTime<Utc>,
        #[diesel(sql_type = Nullable<Timestamptz>)]
        valid_until: Option<DateTime<Utc>>,
    }
    let e: Ended = sql_query(
        "SELECT status_changed_at, valid_until FROM access_requests r
           JOIN request_personal p ON p.request_id = r.id WHERE p.label = 'Bar — pensionné'",
    )
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(Some(e.status_changed_at), e.valid_until);
    // Backwards: refused.
    let (ops, n) = (ops(&app), name("alpha"));
    let back =
        tokio::task::spawn_blocking(move || ops.move_clock(&n, ClockMove::To(start_time()), None))
            .await
            .unwrap();
    assert!(matches!(back, Err(TenantError::Move(_))), "{back:?}");
}

#[tokio::test]
async fn moving_past_the_retention_periods_purges() {
    let app = spawn_tenant_app(vec![]).await;
    make(&app, new_tenant("alpha")).await.unwrap();
    let mut conn = tenant_db(&app, "alpha");
    let labelled = "SELECT count(*) AS n FROM request_personal WHERE label IS NOT NULL";
    let seeded = count(&mut conn, labelled);
    assert!(seeded >= 11);
    // Six months: every request finished and archived, not yet past 90 days for all.
    advance(&app, "alpha", "2month").await;
    let archived = count(
        &mut conn,
        "SELECT count(*) AS n FROM access_requests WHERE archived_at IS NOT NULL",
    );
    assert!(archived > 0);
    // Two years: past every retention period (90 days after archival, 365 for the audit).
    let moved = advance(&app, "alpha", "2y").await;
    assert!(moved.catch_up.rows > 0);
    assert_eq!(count(&mut conn, labelled), 0, "labels and e-mails erased");
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM access_requests WHERE archived_at IS NULL"
        ),
        0,
        "everything archived"
    );
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM request_parties WHERE citizen_niss IS NOT NULL"
        ),
        0
    );
    assert_eq!(
        count(&mut conn, "SELECT count(*) AS n FROM outbox_emails"),
        0
    );
    assert_eq!(
        count(&mut conn, "SELECT count(*) AS n FROM consultations"),
        0
    );
    // The citizen's blocks stay (until the citizen lifts them).
    assert!(count(&mut conn, "SELECT count(*) AS n FROM citizen_blocks") > 0);
}

#[tokio::test]
async fn reset_gives_back_the_seeded_world_and_its_start_instant() {
    let app = spawn_tenant_app(vec![]).await;
    let start = Utc.with_ymd_and_hms(2025, 6, 2, 7, 0, 0).unwrap();
    let mut new = new_tenant("alpha");
    new.clock = Some(start);
    make(&app, new).await.unwrap();
    let alpha = app.tenant("alpha");
    alpha.sign_in(JAN.niss()).await;
    let seeded = count(
        &mut tenant_db(&app, "alpha"),
        "SELECT count(*) AS n FROM access_requests",
    );
    create_request(
        &alpha,
        &request_form("Made in training", "x@example.be", "FLEXI_JOB", "en"),
    )
    .await;
    advance(&app, "alpha", "3d").await;
    let (ops, n) = (ops(&app), name("alpha"));
    let made = tokio::task::spawn_blocking(move || ops.reset(&n, None))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(made.clock, start);
    let row = demo_tenants::find(&mut app.db(), "alpha").unwrap().unwrap();
    assert_eq!((row.clock_at, row.start_at), (start, start));
    assert!(row.reset_at.is_some());
    let mut conn = tenant_db(&app, "alpha");
    assert_eq!(
        count(&mut conn, "SELECT count(*) AS n FROM access_requests"),
        seeded
    );
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM request_personal WHERE label = 'Made in training'"
        ),
        0
    );
    // A new world: the room signs in again; the banner shows the start instant.
    let res = alpha.get("/company").await;
    assert_eq!(res.status().as_u16(), 303);
    let page = alpha.page("/").await;
    let clock = texts(&page, "[data-testid=tenant-clock]");
    assert!(clock[0].contains("2 June 2025 at 09:00"), "{clock:?}");
}

#[tokio::test]
async fn creation_and_reset_each_take_under_two_seconds() {
    let app = spawn_tenant_app(vec![]).await;
    // The first creation of a test run may build the template (migrations): not counted.
    make(&app, new_tenant("warm-up")).await.unwrap();
    // The best of three of each (the test suite runs many tests at once on few cores).
    let (mut created, mut reset) = (Vec::new(), Vec::new());
    for i in 0..3 {
        let made = make(&app, new_tenant(&format!("timed-{i}"))).await.unwrap();
        created.push(made.took);
        let (ops, n) = (ops(&app), name(&format!("timed-{i}")));
        let again = tokio::task::spawn_blocking(move || ops.reset(&n, None))
            .await
            .unwrap()
            .unwrap();
        reset.push(again.took);
    }
    let ms = |d: &[Duration]| d.iter().map(|d| d.as_millis()).collect::<Vec<_>>();
    eprintln!(
        "demo tenant: created in {:?} ms, reset in {:?} ms",
        ms(&created),
        ms(&reset)
    );
    let best = |d: &[Duration]| d.iter().min().copied().unwrap();
    assert!(
        best(&created) < Duration::from_secs(2),
        "creation took {created:?}"
    );
    assert!(
        best(&reset) < Duration::from_secs(2),
        "reset took {reset:?}"
    );
}

#[tokio::test]
async fn the_jobs_run_for_every_tenant_with_its_clock() {
    let app = spawn_tenant_app(vec![("job_expire_requests_seconds", "1".to_string())]).await;
    make(&app, new_tenant("alpha")).await.unwrap();
    make(&app, new_tenant("beta")).await.unwrap();
    // Alpha's clock stored three days later, without the move's catch-up: the scheduler
    // runs expire-requests there at that instant, in beta at beta's, in main at main's.
    let later = start_time() + Span::hours(73);
    sql_query("UPDATE demo_tenants SET clock_at = $1 WHERE name = 'alpha'")
        .bind::<Timestamptz, _>(later)
        .execute(&mut app.db())
        .unwrap();
    #[derive(QueryableByName)]
    struct LastRun {
        #[diesel(sql_type = Nullable<Timestamptz>)]
        last_run_at: Option<DateTime<Utc>>,
    }
    let last_run = |conn: &mut PgConnection| {
        sql_query("SELECT last_run_at FROM job_schedule WHERE job = 'expire-requests'")
            .get_result::<LastRun>(conn)
            .ok()
            .and_then(|r| r.last_run_at)
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let runs = [
            last_run(&mut app.db()),
            last_run(&mut tenant_db(&app, "alpha")),
            last_run(&mut tenant_db(&app, "beta")),
        ];
        if runs == [Some(start_time()), Some(later), Some(start_time())] {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "runs by tenant: {runs:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Alpha's pending demo requests of the start expired there, and only there.
    let pending = "SELECT count(*) AS n FROM access_requests WHERE status = 'pending'";
    assert_eq!(count(&mut tenant_db(&app, "alpha"), pending), 0);
    assert!(count(&mut tenant_db(&app, "beta"), pending) > 0);
    assert!(count(&mut app.db(), pending) > 0);
}

#[tokio::test]
async fn a_tenant_past_its_expiry_is_deleted_by_the_job() {
    let app = spawn_tenant_app(vec![]).await;
    let mut new = new_tenant("alpha");
    // Its last day is tomorrow: deleted at midnight after it, Brussels time.
    new.expires = Some(start_time().date_naive().succ_opt().unwrap());
    let made = make(&app, new).await.unwrap();
    assert_eq!(
        made.expires_at,
        Utc.with_ymd_and_hms(2025, 3, 6, 23, 0, 0).unwrap()
    );
    make(&app, new_tenant("beta")).await.unwrap();
    let database = demo_tenants::find(&mut app.db(), "alpha")
        .unwrap()
        .unwrap()
        .database_name;
    assert_eq!(app.run_job(Job::ExpireTenants).await.unwrap(), Some(0));
    assert_eq!(app.tenant("alpha").get("/").await.status().as_u16(), 200);
    app.clock.set(made.expires_at);
    // Past its expiry, its host answers 404 at once; the job deletes it.
    assert_eq!(app.tenant("alpha").get("/").await.status().as_u16(), 404);
    assert_eq!(app.run_job(Job::ExpireTenants).await.unwrap(), Some(1));
    assert!(
        demo_tenants::find(&mut app.db(), "alpha")
            .unwrap()
            .is_none()
    );
    assert!(!databases::exists(&mut app.db(), &database).unwrap());
    assert_eq!(app.tenant("beta").get("/").await.status().as_u16(), 200);
    // An orphan (a database of this main database that no row names) goes too.
    let mut conn = app.db();
    let main = databases::current_database(&mut conn).unwrap();
    let orphan = databases::new_tenant_database_name(&main, "orphan");
    let template = databases::ensure_template(&mut conn, &app.db_url).unwrap();
    databases::create_from_template(
        &mut conn,
        &orphan,
        &template,
        &databases::tenant_comment(&main),
    )
    .unwrap();
    assert_eq!(app.run_job(Job::ExpireTenants).await.unwrap(), Some(1));
    assert!(!databases::exists(&mut conn, &orphan).unwrap());
}

#[tokio::test]
async fn the_trainers_page_makes_moves_resets_and_deletes_tenants() {
    let app = spawn_tenant_app(vec![("demo_tenants_max", "2".to_string())]).await;
    let nadia = staff(&app, "nadia").await;
    let page = nadia.page("/admin").await;
    assert!(attr(&page, "[data-testid=admin-nav-tenants]", "href").is_some());
    assert!(nadia.page("/admin/tenants").await.contains("tenants-empty"));
    // A bad name: the form again, with the message.
    let res = nadia
        .post_form("/admin/tenants", &[("name", "Team A"), ("language", "fr")])
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    assert!(body.contains("lowercase letters, digits"));
    // The refusal is linked to its field, and the title says there is an error.
    assert_eq!(
        attr(&body, "#tenant-name", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&body, "#tenant-name", "aria-describedby").as_deref(),
        Some("tenant-name-help tenant-create-error")
    );
    assert_eq!(attr(&body, "#tenant-clock", "aria-invalid"), None);
    assert_eq!(
        attr(&body, "#tenant-create-error a", "href").as_deref(),
        Some("#tenant-name")
    );
    assert!(
        texts(&body, "title")[0].starts_with("Error:"),
        "{:?}",
        texts(&body, "title")
    );
    // A form wrong in three fields names the three at once, each linked to its field, in
    // the order of the form, and nothing is made.
    let res = nadia
        .post_form(
            "/admin/tenants",
            &[
                ("name", "Team A"),
                ("language", "fr"),
                ("clock", "1 April"),
                ("expires", "2020-01-01"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let body = res.text().await.unwrap();
    let links: Vec<_> = scraper::Html::parse_document(&body)
        .select(&scraper::Selector::parse("#tenant-create-error li a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(
        links,
        ["#tenant-name", "#tenant-clock", "#tenant-expires"],
        "{body}"
    );
    for field in ["#tenant-name", "#tenant-clock", "#tenant-expires"] {
        assert_eq!(attr(&body, field, "aria-invalid").as_deref(), Some("true"));
    }
    assert_eq!(attr(&body, "#tenant-language", "aria-invalid"), None);
    assert!(body.contains("lowercase letters, digits"), "{body}");
    assert!(body.contains("tenants-empty"));
    // Made, with its own clock and language, from the form of a display of the page.
    let form_key = attr(
        &body,
        "[data-testid=tenant-create-form] input[name=form_key]",
        "value",
    )
    .expect("the form's key");
    let team_a = [
        ("name", "team-a"),
        ("language", "fr"),
        ("clock", "2025-04-01T09:00"),
        ("expires", ""),
        ("form_key", form_key.as_str()),
    ];
    let res = nadia.post_form("/admin/tenants", &team_a).await;
    assert_eq!(res.status().as_u16(), 303, "{:?}", res.text().await);
    let created = res.headers()["location"].to_str().unwrap().to_string();
    // The same form sent again (a second press without JavaScript, a reload of the answer)
    // finds the tenant it made: the same answer, nothing made or changed.
    let again = nadia.post_form("/admin/tenants", &team_a).await;
    assert_eq!(again.status().as_u16(), 303, "{:?}", again.text().await);
    assert_eq!(again.headers()["location"].to_str().unwrap(), created);
    let page = nadia
        .page("/admin/tenants?notice=created&tenant=team-a")
        .await;
    assert!(page.contains("The demo tenant team-a is ready."));
    let clock = texts(&page, "[data-testid=tenant-clock-team-a]");
    assert!(clock[0].starts_with("1 April 2025 at 09:00"), "{clock:?}");
    assert_eq!(
        attr(&page, "[data-testid=tenant-mailbox-team-a]", "href").unwrap(),
        format!("http://team-a.demo.localhost:{}/demo/mailbox", app.port)
    );
    // The same name from another display of the form: refused; the limit: refused.
    let other_key = attr(
        &page,
        "[data-testid=tenant-create-form] input[name=form_key]",
        "value",
    )
    .expect("the form's key");
    assert_ne!(other_key, form_key);
    let res = nadia
        .post_form(
            "/admin/tenants",
            &[
                ("name", "team-a"),
                ("language", "fr"),
                ("form_key", &other_key),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("exists already"));
    let ok = nadia
        .post_form("/admin/tenants", &[("name", "team-b"), ("language", "nl")])
        .await;
    assert_eq!(ok.status().as_u16(), 303);
    let res = nadia
        .post_form("/admin/tenants", &[("name", "team-c"), ("language", "nl")])
        .await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The limit of 2 demo tenants is reached")
    );
    // People signed in: one in team-a.
    let team_a = app.tenant("team-a");
    team_a.sign_in(MARIA.niss()).await;
    let page = nadia.page("/admin/tenants").await;
    assert_eq!(texts(&page, "[data-testid=tenant-signed-in-team-a]"), ["1"]);
    assert_eq!(texts(&page, "[data-testid=tenant-signed-in-team-b]"), ["0"]);
    // Backwards: refused with the reason.
    let res = nadia
        .post_form(
            "/admin/tenants/team-a/clock",
            &[("advance", ""), ("to", "2025-03-01T09:00")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    assert!(res.text().await.unwrap().contains("only moves forward"));
    // Reset and delete.
    let res = nadia.post_form("/admin/tenants/team-a/reset", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location_of(&res).contains("notice=reset"));
    let res = nadia.post_form("/admin/tenants/team-b/delete", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.tenant("team-b").get("/").await.status().as_u16(), 404);
    // Sent again (a second press without JavaScript, a page left open in another tab):
    // done already, as the first answer said, and nothing more is recorded.
    let res = nadia.post_form("/admin/tenants/team-b/delete", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location_of(&res).contains("notice=deleted"));
    // Audited in the main database.
    let audited = count(
        &mut app.db(),
        "SELECT count(*) AS n FROM staff_audit WHERE action LIKE 'tenant\\_%'",
    );
    assert_eq!(audited, 4, "create ×2, reset, delete");
    // An agent may not; the page does not exist in a tenant.
    let claire = staff(&app, "claire").await;
    assert_eq!(claire.get("/admin/tenants").await.status().as_u16(), 403);
    let in_tenant = team_a.another_browser();
    in_tenant
        .post_form(
            "/sign-in/demo",
            &[
                ("niss", mandat::demo::people::NADIA.niss()),
                ("next", "/admin"),
            ],
        )
        .await;
    assert_eq!(in_tenant.get("/admin").await.status().as_u16(), 200);
    assert_eq!(in_tenant.get("/admin/tenants").await.status().as_u16(), 404);
}

#[tokio::test]
async fn in_production_the_main_site_signs_in_for_real_and_tenants_with_the_demo() {
    let port = free_port();
    let app = spawn_app_with(Options {
        settings: vec![
            ("bind", format!("127.0.0.1:{port}")),
            ("public_url", format!("https://localhost:{port}")),
            ("mode", "production".to_string()),
            ("session_key", base64_key()),
        ],
    })
    .await;
    make(&app, new_tenant("alpha")).await.unwrap();
    let main = app.page("/sign-in").await;
    assert!(
        !main.contains("persona-"),
        "no demo sign-in on the main site"
    );
    let alpha = app.tenant("alpha").page("/sign-in").await;
    assert!(alpha.contains(&format!("persona-{}", JAN.niss())));
    assert_eq!(app.get("/demo/mailbox").await.status().as_u16(), 404);
    assert_eq!(
        app.tenant("alpha")
            .get("/demo/mailbox")
            .await
            .status()
            .as_u16(),
        200
    );
}

fn base64_key() -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode([7u8; 64])
}

/// Runs `mandat` with `args` on the database `url`; (success, stdout, stderr).
fn mandat(url: &str, args: &[&str], env: &[(&str, &str)]) -> (bool, String, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mandat"));
    cmd.args(args)
        .env("DATABASE_URL", url)
        .env("MANDAT_MODE", "production")
        .env("MANDAT_PUBLIC_URL", "https://mandat.example.be")
        .env("MANDAT_SESSION_KEY", base64_key())
        .env("MANDAT_DEMO_BASE_HOST", "demo.mandat.example.be")
        .env("RUST_LOG", "warn");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_makes_lists_moves_resets_and_deletes_tenants() {
    let db = crate::helpers::fresh_database();
    let url = db.url.as_str();
    let lines = |out: &str| out.lines().count();
    let (ok, out, err) = mandat(
        url,
        &[
            "tenant",
            "create",
            "alpha",
            "--language",
            "nl",
            "--clock",
            "2025-03-05T10:30",
        ],
        &[],
    );
    assert!(ok, "{err}");
    assert_eq!(lines(&out), 1, "{out}");
    assert!(out.starts_with("created alpha at https://alpha.demo.mandat.example.be (nl, clock 2025-03-05 10:30 Brussels"), "{out}");
    let (ok, out, err) = mandat(url, &["tenant", "clock", "alpha", "--advance", "72h"], &[]);
    assert!(ok, "{err}");
    assert_eq!(lines(&out), 1, "{out}");
    assert!(
        out.starts_with(
            "alpha: clock moved from 2025-03-05 10:30 Brussels to 2025-03-08 10:30 Brussels;"
        ),
        "{out}"
    );
    let (ok, out, _) = mandat(url, &["tenant", "list"], &[]);
    assert!(ok);
    assert_eq!(lines(&out), 1, "{out}");
    assert!(
        out.starts_with(
            "alpha https://alpha.demo.mandat.example.be nl clock 2025-03-08 10:30 Brussels"
        ),
        "{out}"
    );
    // Bad input: a clear message, a non-zero exit.
    let refusals: [(&[&str], &str); 6] = [
        (&["tenant", "create", "Alpha"], "lowercase letters"),
        (&["tenant", "create", "alpha"], "exists already"),
        (
            &["tenant", "reset", "nowhere"],
            "no demo tenant is named nowhere",
        ),
        (
            &["tenant", "clock", "alpha", "--to", "2025-03-01T10:00"],
            "only moves forward",
        ),
        (
            &["tenant", "clock", "alpha", "--advance", "3m"],
            "minutes or months",
        ),
        (
            &["tenant", "create", "beta", "--expires", "2099-01-01"],
            "at the latest",
        ),
    ];
    for (args, message) in refusals {
        let (ok, out, err) = mandat(url, args, &[]);
        assert!(!ok, "{args:?} must fail: {out}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(lines(&err), 1, "{args:?}: {err}");
    }
    // Several refusals at once: a line each, nothing made.
    let args = [
        "tenant",
        "create",
        "Gamma",
        "--clock",
        "soon",
        "--expires",
        "2099-01-01",
    ];
    let (ok, out, err) = mandat(url, &args, &[]);
    assert!(!ok, "must fail: {out}");
    assert_eq!(lines(&err), 3, "{err}");
    for message in ["lowercase letters", "--clock \"soon\"", "at the latest"] {
        assert!(err.contains(message), "{message}: {err}");
    }
    let (ok, _, err) = mandat(
        url,
        &["tenant", "create", "beta"],
        &[("MANDAT_DEMO_TENANTS_MAX", "1")],
    );
    assert!(!ok);
    assert!(
        err.contains("the limit of 1 demo tenant(s) is reached"),
        "{err}"
    );
    let (ok, out, err) = mandat(url, &["tenant", "reset", "alpha"], &[]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with(
            "reset alpha: its world as seeded, clock back at 2025-03-05 10:30 Brussels"
        ),
        "{out}"
    );
    let (ok, out, err) = mandat(url, &["tenant", "delete", "alpha"], &[]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "deleted alpha");
    let (ok, out, _) = mandat(url, &["tenant", "list"], &[]);
    assert!(ok);
    assert_eq!(out.trim(), "no demo tenants");
}

#[test]
fn a_trainer_s_own_sources_are_checked_and_seeded() {
    let db = crate::helpers::fresh_database();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let dir = std::env::temp_dir().join(format!("mandat-sources-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(format!("{fixtures}/persons.csv"), dir.join("persons.csv")).unwrap();
    std::fs::copy(
        format!("{fixtures}/bad_occupations.csv"),
        dir.join("occupations.csv"),
    )
    .unwrap();
    let (ok, _, err) = mandat(
        &db.url,
        &[
            "tenant",
            "create",
            "own",
            "--sources",
            dir.to_str().unwrap(),
        ],
        &[],
    );
    assert!(!ok);
    assert!(
        err.contains("occupations.csv:"),
        "the bad line is named: {err}"
    );
    std::fs::copy(
        format!("{fixtures}/occupations.csv"),
        dir.join("occupations.csv"),
    )
    .unwrap();
    let (ok, out, err) = mandat(
        &db.url,
        &[
            "tenant",
            "create",
            "own",
            "--sources",
            dir.to_str().unwrap(),
        ],
        &[],
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(ok, "{err}");
    assert!(out.starts_with("created own"), "{out}");
    let mut main = db.connect();
    let row = demo_tenants::find(&mut main, "own").unwrap().unwrap();
    let mut conn =
        PgConnection::establish(&databases::url_with_database(&db.url, &row.database_name))
            .unwrap();
    // The trainer's 4 persons and the 3 demo staff; no demo company.
    assert_eq!(count(&mut conn, "SELECT count(*) AS n FROM persons"), 7);
    assert_eq!(count(&mut conn, "SELECT count(*) AS n FROM companies"), 0);
    assert_eq!(count(&mut conn, "SELECT count(*) AS n FROM staff"), 3);
    drop(conn);
    // A reset loads the same files again.
    let (ok, _, err) = mandat(&db.url, &["tenant", "reset", "own"], &[]);
    assert!(ok, "{err}");
    let row = demo_tenants::find(&mut main, "own").unwrap().unwrap();
    let mut conn =
        PgConnection::establish(&databases::url_with_database(&db.url, &row.database_name))
            .unwrap();
    assert_eq!(count(&mut conn, "SELECT count(*) AS n FROM persons"), 7);
}

#[tokio::test]
async fn a_browser_opens_a_tenant_at_its_name_with_no_dns_set_up() {
    use crate::browser::{Browser, sign_in_in_browser, wait_for_text};
    use fantoccini::Locator;
    let app = spawn_tenant_app(vec![]).await;
    make(&app, new_tenant("alpha")).await.unwrap();
    let browser = Browser::start().await;
    let c = &browser.client;
    // Chromium resolves *.localhost to this machine by itself.
    let alpha = format!("http://alpha.demo.localhost:{}", app.port);
    sign_in_in_browser(c, &alpha, JAN.niss(), "/company").await;
    wait_for_text(c, "[data-testid=signed-in]", "Jan Peeters").await;
    wait_for_text(c, "[data-testid=tenant-banner]", "Demo tenant alpha").await;
    assert_eq!(
        c.current_url().await.unwrap().host_str(),
        Some("alpha.demo.localhost")
    );
    // The trainer moves the clock; a reload shows it (the session holds).
    advance(&app, "alpha", "3d").await;
    c.refresh().await.unwrap();
    wait_for_text(c, "[data-testid=tenant-clock]", "8 March 2025 at 10:30").await;
    wait_for_text(c, "[data-testid=signed-in]", "Jan Peeters").await;
    c.find(Locator::Css("[data-testid=tenant-mailbox]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!(
        c.current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/demo/mailbox")
    );
    let errors = c
        .execute("return window.__mandatErrors || [];", vec![])
        .await
        .unwrap();
    assert_eq!(errors, serde_json::json!([]));
    browser.close().await;
}
