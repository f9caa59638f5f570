//! The query budget of the pages a company and a citizen live in: the exact number of SQL
//! statements each one makes (the session's read included, `BEGIN` and `COMMIT` counted),
//! read from the statement counter of the application's own pool
//! (`DbPool::health().statements()`). Each page is measured with rows present, then again
//! after more rows were added: the same number, so an N+1 (a query per row) cannot come in
//! quietly. A page that needs one more statement changes its budget here, on purpose.

use diesel::prelude::*;
use mandat::db::schema::access_requests;
use uuid::Uuid;

use crate::{
    company::JAN,
    helpers::{RequestForm, TestApp, spawn_app},
};

/// Maria Abara (flexi-job, active mandate of Resto Pokébowl).
const MARIA: &str = mandat::demo::people::MARIA.niss();

/// The statements every page of somebody signed in makes around its own: the session's
/// read (the row is written only when the session changes, and at most once a minute to
/// keep its last use).
const SESSION: u64 = 1;

/// Statements run on the application's database so far.
fn statements(app: &TestApp) -> u64 {
    app.state.tenants.main().pool().health().statements()
}

/// The statements `page` makes (all of them done when its answer is back).
async fn cost<F, T>(app: &TestApp, page: F) -> (u64, T)
where
    F: std::future::Future<Output = T>,
{
    let before = statements(app);
    let out = page.await;
    (statements(app) - before, out)
}

/// A GET answered 200, and the statements it made.
async fn get_cost(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> u64 {
    let (n, res) = cost(app, app.get_with(path, headers)).await;
    assert_eq!(res.status().as_u16(), 200, "GET {path}");
    n
}

/// A form POST answered 200 (the session's CSRF token read before, not measured), and the
/// statements it made.
async fn post_cost(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (u64, String) {
    let csrf = app.csrf().await;
    let mut form = fields.to_vec();
    form.push(("csrf", &csrf));
    let (n, res) = cost(app, app.post_raw(path, &form, &[])).await;
    assert_eq!(res.status().as_u16(), 200, "POST {path}");
    (n, res.text().await.unwrap())
}

/// `n` more requests of the signed-in company user, with the statements of each.
async fn create_requests(app: &TestApp, n: usize) -> Vec<u64> {
    let mut costs = Vec::new();
    for i in 0..n {
        let label = format!("Budget {i} {}", Uuid::new_v4());
        let email = format!("budget{i}@example.org");
        let form = RequestForm::new(&label, &email, "FLEXI_JOB", "fr");
        let (c, body) = post_cost(app, "/company/requests", &form.fields()).await;
        assert!(
            crate::helpers::attr(&body, "[data-testid=created-link]", "value").is_some(),
            "request {label} created"
        );
        costs.push(c);
    }
    costs
}

fn rows(app: &TestApp, status: Option<&str>) -> i64 {
    let mut q = access_requests::table.into_boxed();
    if let Some(s) = status {
        q = q.filter(access_requests::status.eq(s));
    }
    q.count().get_result(&mut app.db()).unwrap()
}

#[tokio::test]
async fn the_company_tabs_keep_their_query_budget_however_many_rows() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    // Warm: the pools' connections are made (their setup is not counted anyway).
    app.page("/company/tabs/active").await;
    assert!(rows(&app, None) >= 3, "the demo world's requests are there");

    let budgets = [
        // Session, membership and terms (one query), the three tabs' counts (one query; its
        // own the total of its list), and its page of rows with their providers' names.
        ("/company/tabs/active", &[][..], SESSION + 3),
        (
            "/company/tabs/active",
            &[("HX-Request", "true")][..],
            SESSION + 3,
        ),
        ("/company/tabs/requested", &[][..], SESSION + 3),
        (
            "/company/tabs/requested",
            &[("HX-Request", "true")][..],
            SESSION + 3,
        ),
        ("/company", &[][..], SESSION + 3),
        // The panel's own refresh, from the dashboard's address of a search's page: the
        // search counts what it finds (one statement more).
        (
            "/company?tab=requested&q=a&page=1",
            &[("HX-Request", "true"), ("HX-Target", "tab-panel")][..],
            SESSION + 4,
        ),
    ];
    let mut seen = Vec::new();
    for (path, headers, _) in budgets {
        seen.push(get_cost(&app, path, headers).await);
    }
    // More rows in every list: the same number of statements.
    let created = create_requests(&app, 3).await;
    assert!(created.windows(2).all(|w| w[0] == w[1]), "{created:?}");
    for (i, (path, headers, budget)) in budgets.into_iter().enumerate() {
        let again = get_cost(&app, path, headers).await;
        assert_eq!(
            (seen[i], again),
            (budget, budget),
            "statements of GET {path} {headers:?}, before and after more rows"
        );
    }
}

#[tokio::test]
async fn creating_a_request_keeps_its_query_budget() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    app.page("/company/tabs/active").await;
    let costs = create_requests(&app, 3).await;
    // BEGIN, the company, the request, its personal data, its parties, its link, its
    // event, its mail in the outbox, COMMIT; the membership.
    assert_eq!(
        costs,
        vec![SESSION + 10; 3],
        "statements of a request's creation"
    );
}

#[tokio::test]
async fn a_consultation_keeps_its_query_budget() {
    let app = spawn_app().await;
    app.sign_in(JAN).await;
    let maria = app.request_id("Plonge");
    let path = format!("/company/mandates/{maria}");
    let mut costs = Vec::new();
    for _ in 0..2 {
        // The mandate's page (its own budget), then "Consult now": a recorded consultation.
        let page_cost = get_cost(&app, &path, &[]).await;
        let body = app.page(&path).await;
        let act =
            crate::helpers::attr(&body, "[data-testid=consult-form] input[name=act]", "value")
                .expect("the consult form's act");
        let (consult_cost, body) = post_cost(&app, &path, &[("act", &act)]).await;
        assert!(
            body.contains("data-testid=\"answer\""),
            "a consultation's answer"
        );
        costs.push((page_cost, consult_cost));
    }
    // A consultation: the membership; BEGIN, the request's row share-locked, then read
    // whole (a statement of its own: see `find_for_share`), its company, the act's lock and
    // the act, the person, their occupations, the positive answers kept and the new ones,
    // the audit row, COMMIT.
    assert_eq!(
        costs,
        vec![(SESSION + 3, SESSION + 13); 2],
        "statements of the mandate's page and of a consultation"
    );
}

#[tokio::test]
async fn the_citizen_home_keeps_its_query_budget() {
    let app = spawn_app().await;
    app.sign_in(MARIA).await;
    app.page("/me").await;
    let first = get_cost(&app, "/me", &[]).await;
    // More requests for her, accepted: more rows on her page.
    app.sign_in(JAN).await;
    let link = app
        .company_creates_request(&RequestForm {
            niss: MARIA,
            ..RequestForm::new("Budget Maria", "maria@example.org", "FLEXI_JOB", "fr")
        })
        .await;
    let page = app.citizen_opens_link(&link).await;
    app.sign_in(MARIA).await;
    app.citizen_accepts(&page).await;
    let again = get_cost(&app, "/me", &[]).await;
    assert_eq!(
        (first, again),
        (SESSION + 3, SESSION + 3),
        "statements of /me"
    );
}

/// No statement of a page is compiled by PostgreSQL's JIT: it compiles a statement whose
/// estimated cost is high, and at ten million rows the badges' statement, which reads a
/// few rows (half a millisecond), was compiled at every page (47 ms).
#[tokio::test]
async fn the_pages_statements_are_never_jit_compiled() {
    #[derive(QueryableByName)]
    struct Setting {
        #[diesel(sql_type = diesel::sql_types::Text)]
        jit: String,
    }
    let app = spawn_app().await;
    let pool = app.state.tenants.main().pool().clone();
    let settings: Vec<String> = tokio::task::spawn_blocking(move || {
        [
            pool.run::<_, mandat::db::DbError, _>(|conn| {
                Ok(diesel::sql_query("SHOW jit")
                    .get_result::<Setting>(conn)?
                    .jit)
            }),
            pool.run_sessions::<_, mandat::db::DbError, _>(|conn| {
                Ok(diesel::sql_query("SHOW jit")
                    .get_result::<Setting>(conn)?
                    .jit)
            }),
        ]
        .into_iter()
        .map(Result::unwrap)
        .collect()
    })
    .await
    .unwrap();
    assert_eq!(settings, ["off", "off"]);
}
