//! Every form and every API body of the service, walked with hostile values: control
//! characters, a NUL, a bidi override, an invisible character, 4 KB and 1 MB strings,
//! bytes that are not UTF-8, a formula prefix. Never a 500; a value that must be refused is
//! refused with a clear 4xx in the user's language (Dutch here), and nothing of it is
//! stored anywhere in the database.
//!
//! The forms are read from the pages themselves (each form's action and fields, as a
//! browser would post them), one application per group of forms; the POST routes of the
//! web side are listed below, and a test keeps the list equal to the routes of the code.

use std::collections::{BTreeMap, BTreeSet};

use diesel::{QueryableByName, RunQueryDsl, sql_query, sql_types::Text};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    admin::{company_id, staff},
    api::{bearer, client_for_resto},
    company::{EMMA, JAN, LENA, request_form},
    helpers::{TestApp, location_of, spawn_app},
};

/// The marker of every value that must be refused: found in the database, it was stored.
const MARKER: &str = "ZQXHOSTILE";

/// The POST routes whose forms take fields: each is walked.
const WALKED: &[&str] = &[
    "/sign-in/demo",
    "/company/register",
    "/company/select",
    "/company/clients",
    "/company/requests",
    "/company/users",
    "/company/users/remove",
    "/company/providers",
    "/company/api/clients",
    "/me/requests/{id}/answer",
    "/me/accesses/{id}/stop",
    "/me/blocks/{id}/unblock",
    "/admin/search",
    "/admin/requests/{id}/block",
    "/admin/requests/{id}/unblock",
    "/admin/companies/{id}/suspend",
    "/admin/staff",
    "/admin/staff/{id}/role",
];

/// The POST routes that take no field (a button, with the CSRF token only).
const FIELDLESS: &[&str] = &[
    "/sign-out",
    "/sign-out/everywhere",
    "/company/terms",
    "/company/requests/{id}/withdraw",
    "/company/providers/{id}/end",
    "/company/api/circle",
    "/company/api/{scope}/{state}",
    "/company/api/clients/{id}/revoke",
    "/me/requests/{id}/bind",
    "/me/requests/{id}/switch",
    "/admin/jobs/{name}/run",
    "/admin/requests/{id}/reveal",
    "/admin/companies/{id}/reinstate",
    "/admin/staff/{id}/remove",
    "/admin/staff/{id}/end-sessions",
];

#[test]
fn the_walk_lists_every_post_route_of_the_web_side() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut routes = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        routes += text.matches("web::post()").count();
    }
    assert_eq!(
        routes,
        WALKED.len() + FIELDLESS.len(),
        "a POST route was added or removed: list it in WALKED (and walk its form) or FIELDLESS"
    );
}

/// A hostile value.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Hostile {
    Control,
    Nul,
    Bidi,
    Invisible,
    Kb4,
    Mb1,
    NotUtf8,
    Formula,
}

const HOSTILE: [Hostile; 8] = [
    Hostile::Control,
    Hostile::Nul,
    Hostile::Bidi,
    Hostile::Invisible,
    Hostile::Kb4,
    Hostile::Mb1,
    Hostile::NotUtf8,
    Hostile::Formula,
];

impl Hostile {
    /// The value as text (not UTF-8: the text before the bytes that are not).
    fn text(self) -> String {
        match self {
            Hostile::Control => format!("{MARKER}\u{1}\r\nx\u{1b}[31m"),
            Hostile::Nul => format!("{MARKER}\u{0}"),
            Hostile::Bidi => format!("\u{202e}{MARKER}"),
            Hostile::Invisible => format!("{MARKER}\u{200b}\u{feff}"),
            Hostile::Kb4 => format!("{MARKER}{}", "x".repeat(4096)),
            Hostile::Mb1 => format!("{MARKER}{}", "x".repeat(1024 * 1024)),
            Hostile::NotUtf8 => MARKER.to_string(),
            // Not refused: a formula is text like any other, made safe when a spreadsheet
            // reads it (see hardening.rs); its own marker.
            Hostile::Formula => "=ZQXFORMULA(1)".to_string(),
        }
    }
    /// Whether the value must be refused.
    fn refused(self) -> bool {
        self != Hostile::Formula
    }
    /// The value URL-encoded, as a form body carries it.
    fn urlencoded(self) -> String {
        let text = serde_urlencoded::to_string([("v", self.text())]).unwrap()[2..].to_string();
        if self == Hostile::NotUtf8 {
            format!("{text}%FF%FEx%C3")
        } else {
            text
        }
    }
}

/// A form of a page: its action and its fields as a browser would post them.
#[derive(Clone, Debug)]
struct Form {
    page: String,
    action: String,
    fields: Vec<(String, String)>,
}

/// The route pattern of an action: UUID segments become `{id}`.
fn pattern(action: &str) -> String {
    let path = action.split('?').next().unwrap_or(action);
    path.split('/')
        .map(|s| {
            if Uuid::parse_str(s).is_ok() {
                "{id}"
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The POST forms of a page.
fn forms_in(html: &str, page: &str) -> Vec<Form> {
    let doc = scraper::Html::parse_document(html);
    let form_sel = scraper::Selector::parse("form[method=post]").unwrap();
    let field_sel =
        scraper::Selector::parse("input[name], select[name], textarea[name], button[name]")
            .unwrap();
    let option_sel = scraper::Selector::parse("option").unwrap();
    let mut out = Vec::new();
    for form in doc.select(&form_sel) {
        let Some(action) = form.value().attr("action") else {
            continue;
        };
        let mut fields: Vec<(String, String)> = Vec::new();
        for f in form.select(&field_sel) {
            let name = f.value().attr("name").unwrap().to_string();
            if name == "csrf" || fields.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let value = if f.value().name() == "select" {
                let options: Vec<_> = f.select(&option_sel).collect();
                options
                    .iter()
                    .find(|o| o.value().attr("selected").is_some())
                    .or_else(|| options.iter().find(|o| o.value().attr("value") != Some("")))
                    .and_then(|o| o.value().attr("value"))
                    .unwrap_or("")
                    .to_string()
            } else {
                f.value().attr("value").unwrap_or("").to_string()
            };
            fields.push((name, value));
        }
        out.push(Form {
            page: page.to_string(),
            action: action.to_string(),
            fields,
        });
    }
    out
}

/// A valid value for an empty field, so that only the hostile field is wrong.
fn valid_value(name: &str) -> &'static str {
    match name {
        "label" => "Walk",
        "email" | "contact_email" => "walk@example.be",
        "name" => "Walk SA",
        "bce" => "0403.170.701",
        "kind" => "employer",
        "niss" => "90.05.14-024.26",
        "reason" => "A reason",
        "context" => "FLEXI_JOB",
        "language" => "nl",
        "role" => "user",
        _ => "",
    }
}

/// The messages of a locale (the text before any placeable), to recognise its language.
fn messages(lang: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for line in text.lines() {
            if let Some((key, value)) = line.split_once(" = ")
                && !key.starts_with(' ')
            {
                let head = value.split('{').next().unwrap_or("").trim();
                if head.chars().count() >= 12 {
                    out.push(head.chars().take(30).collect());
                }
            }
        }
    }
    out
}

/// The tables holding the marker (a value that should have been refused, stored).
fn stored(app: &TestApp) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Hit {
        #[diesel(sql_type = Text)]
        t: String,
    }
    #[derive(QueryableByName)]
    struct Sql {
        #[diesel(sql_type = Text)]
        q: String,
    }
    let mut conn = app.db();
    let q: Sql = sql_query(format!(
        "SELECT string_agg(format('SELECT %L AS t FROM %I WHERE %I::text LIKE ''%%{MARKER}%%''', \
         table_name, table_name, table_name), ' UNION ALL ') AS q \
         FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
    ))
    .get_result(&mut conn)
    .unwrap();
    let hits: Vec<Hit> = sql_query(q.q).load(&mut conn).unwrap();
    hits.into_iter()
        .map(|h| h.t)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// What the walk saw: failures, and how many refusals.
#[derive(Default)]
struct Walk {
    failures: Vec<String>,
    refused: usize,
    posts: usize,
    walked: BTreeSet<String>,
}

/// Whether an error page or fragment says what went wrong in Dutch.
fn says_in_dutch(body: &str, dutch: &[String]) -> bool {
    let doc = scraper::Html::parse_document(body);
    let lang_nl = doc
        .select(&scraper::Selector::parse("html").unwrap())
        .next()
        .is_none_or(|h| h.value().attr("lang") == Some("nl"));
    let sel = scraper::Selector::parse(
        "[data-testid^=error-], .field-error, section.error p, [role=alert], .error",
    )
    .unwrap();
    let texts: Vec<String> = doc
        .select(&sel)
        .map(|e| e.text().collect::<String>())
        .collect();
    lang_nl
        && texts
            .iter()
            .any(|t| dutch.iter().any(|m| t.contains(m.as_str())))
}

impl Walk {
    /// Posts `form` once per field and hostile value, the other fields valid.
    async fn form(&mut self, app: &TestApp, form: &Form, dutch: &[String]) {
        let route = pattern(&form.action);
        if !WALKED.contains(&route.as_str()) {
            if !form.fields.is_empty() {
                self.failures.push(format!(
                    "{route} (on {}) takes fields {:?} but is not walked",
                    form.page, form.fields
                ));
            }
            return;
        }
        self.walked.insert(route.clone());
        let baseline: Vec<(String, String)> = form
            .fields
            .iter()
            .map(|(n, v)| {
                let v = if v.is_empty() {
                    valid_value(n)
                } else {
                    v.as_str()
                };
                (n.clone(), v.to_string())
            })
            .collect();
        for (field, _) in &form.fields {
            for hostile in HOSTILE {
                let csrf = app.csrf().await;
                let others: Vec<(&str, &str)> = baseline
                    .iter()
                    .filter(|(n, _)| n != field)
                    .map(|(n, v)| (n.as_str(), v.as_str()))
                    .chain([("csrf", csrf.as_str())])
                    .collect();
                // Field names are plain identifiers: written as they are.
                let body = format!(
                    "{}&{field}={}",
                    serde_urlencoded::to_string(&others).unwrap(),
                    hostile.urlencoded()
                );
                let res = app
                    .client
                    .post(format!("{}{}", app.address, form.action))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                self.posts += 1;
                let status = res.status().as_u16();
                let location = location_of(&res);
                let text = res.text().await.unwrap_or_default();
                let what = format!("{route} {field}={hostile:?} (on {})", form.page);
                if status >= 500 {
                    self.failures.push(format!("{what}: {status}"));
                    continue;
                }
                if hostile == Hostile::Mb1 && status != 413 {
                    self.failures.push(format!("{what}: {status}, not 413"));
                }
                if (400..500).contains(&status) {
                    self.refused += usize::from(hostile.refused());
                    if !says_in_dutch(&text, dutch) {
                        self.failures
                            .push(format!("{what}: {status} without a Dutch message: {text}"));
                    }
                } else if hostile.refused() {
                    // Accepted: only a value the handler ignores or replaces (a `next` that
                    // is not a local path, a flag), and it must not be stored.
                    if location.contains(MARKER) {
                        self.failures
                            .push(format!("{what}: redirected to {location}"));
                    }
                }
                let found = stored(app);
                if !found.is_empty() {
                    self.failures
                        .push(format!("{what}: {status}, stored in {found:?}"));
                }
            }
        }
    }

    /// Walks every form of `pages`, as `app` sees them.
    async fn pages(&mut self, app: &TestApp, pages: &[String]) {
        let dutch = messages("nl");
        let mut forms = Vec::new();
        for page in pages {
            let res = app.get(page).await;
            assert_eq!(res.status().as_u16(), 200, "GET {page}");
            forms.extend(forms_in(&res.text().await.unwrap(), page));
        }
        // One form per route is enough (the same fields elsewhere).
        let mut seen = BTreeSet::new();
        for form in forms {
            if seen.insert(pattern(&form.action)) {
                self.form(app, &form, &dutch).await;
            }
        }
    }

    fn assert_clean(&self, expected: &[&str]) {
        eprintln!(
            "walked {} routes, {} posts, {} refused with a 4xx",
            self.walked.len(),
            self.posts,
            self.refused
        );
        assert!(
            self.failures.is_empty(),
            "{} failures in {} posts:\n{}",
            self.failures.len(),
            self.posts,
            self.failures.join("\n")
        );
        for route in expected {
            assert!(self.walked.contains(*route), "{route} was not walked");
        }
        assert!(self.refused > 0);
    }
}

/// A browser of `app` signed in as `niss`, speaking Dutch.
async fn dutch_browser(app: &TestApp, niss: Option<&str>) -> TestApp {
    let b = app.another_browser();
    b.get("/lang/nl?next=/").await;
    if let Some(niss) = niss {
        b.sign_in(niss).await;
    }
    b
}

#[tokio::test]
async fn every_company_form_refuses_hostile_values() {
    let app = spawn_app().await;
    let jan = dutch_browser(&app, Some(JAN)).await;
    jan.post_form("/company/api/circle", &[]).await;
    let mut walk = Walk::default();
    let pages: Vec<String> = [
        "/company",
        "/company/requests/new",
        "/company/tabs/requested",
        "/company/users",
        "/company/providers",
        "/company/api",
        "/company/select",
    ]
    .map(String::from)
    .to_vec();
    walk.pages(&jan, &pages).await;
    let emma = dutch_browser(&app, Some(EMMA)).await;
    walk.pages(&emma, &["/company/register".to_string()]).await;
    let lena = dutch_browser(&app, Some(LENA)).await;
    walk.pages(&lena, &["/company/clients".to_string()]).await;
    let anonymous = dutch_browser(&app, None).await;
    walk.pages(&anonymous, &["/sign-in".to_string()]).await;
    walk.assert_clean(&[
        "/company/requests",
        "/company/users",
        "/company/users/remove",
        "/company/providers",
        "/company/api/clients",
        "/company/select",
        "/company/register",
        "/company/clients",
        "/sign-in/demo",
    ]);
}

#[tokio::test]
async fn every_citizen_form_refuses_hostile_values() {
    let app = spawn_app().await;
    let maria = mandat::demo::people::MARIA.niss();
    // A request for Maria, opened and said to be for her: the answer forms show.
    let jan = dutch_browser(&app, Some(JAN)).await;
    let link = crate::company::create_request(
        &jan,
        &request_form("Walk", "m@example.be", "FLEXI_JOB", "nl"),
    )
    .await;
    let citizen = dutch_browser(&app, None).await;
    let res = citizen
        .get(link.trim_start_matches("http://localhost:8080"))
        .await;
    let page = location_of(&res);
    citizen.sign_in(maria).await;
    citizen.post_form(&format!("{page}/bind"), &[]).await;
    let mut walk = Walk::default();
    walk.pages(&citizen, &[page.clone(), "/me".to_string()])
        .await;
    // She refuses and blocks the company: the unblock form shows.
    let res = citizen
        .post_form(&format!("{page}/answer"), &[("answer", "refuse_block")])
        .await;
    assert!(res.status().is_redirection() || res.status().is_success());
    walk.pages(&citizen, &["/me".to_string()]).await;
    walk.assert_clean(&[
        "/me/requests/{id}/answer",
        "/me/accesses/{id}/stop",
        "/me/blocks/{id}/unblock",
    ]);
}

#[tokio::test]
async fn every_back_office_form_refuses_hostile_values() {
    let app = spawn_app().await;
    let pieter = staff(&app, "pieter").await;
    pieter.get("/lang/nl?next=/").await;
    let resto = company_id(&app, mandat::demo::companies::RESTO_BCE);
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        id: Uuid,
    }
    let of_status = |status: &str| -> Uuid {
        sql_query(format!(
            "SELECT id FROM access_requests WHERE status = '{status}' AND archived_at IS NULL LIMIT 1"
        ))
        .get_result::<Id>(&mut app.db())
        .unwrap()
        .id
    };
    let pending = of_status("pending");
    let pages: Vec<String> = vec![
        "/admin".into(),
        "/admin/search".into(),
        format!("/admin/requests/{pending}"),
        format!("/admin/companies/{resto}"),
        "/admin/staff".into(),
    ];
    let mut walk = Walk::default();
    walk.pages(&pieter, &pages).await;
    // A blocked request, to unblock: the walk's formula reason blocked the pending one.
    let blocked = of_status("blocked");
    walk.pages(&pieter, &[format!("/admin/requests/{blocked}")])
        .await;
    walk.assert_clean(&[
        "/admin/search",
        "/admin/requests/{id}/block",
        "/admin/requests/{id}/unblock",
        "/admin/companies/{id}/suspend",
        "/admin/staff",
        "/admin/staff/{id}/role",
    ]);
}

#[tokio::test]
async fn every_search_box_and_next_in_a_url_refuses_hostile_values() {
    let app = spawn_app().await;
    let jan = dutch_browser(&app, Some(JAN)).await;
    let claire = staff(&app, "claire").await;
    let mut failures = Vec::new();
    for hostile in HOSTILE.iter().filter(|h| **h != Hostile::Mb1) {
        let v = hostile.urlencoded();
        for (who, path) in [
            (&jan, format!("/company/tabs/requested?q={v}")),
            (&jan, format!("/company/tabs/active?q={v}&page=2")),
            (&jan, format!("/lang/nl?next={v}")),
            (&jan, format!("/sign-in?next={v}")),
            (&claire, format!("/admin/search?label={v}")),
            (&claire, format!("/admin/search?company={v}&state={v}")),
        ] {
            let res = who.get(&path).await;
            let status = res.status().as_u16();
            let location = location_of(&res);
            if status >= 500 || location.contains(MARKER) {
                failures.push(format!(
                    "{} {hostile:?}: {status} {location}",
                    &path[..30.min(path.len())]
                ));
            }
        }
        if !stored(&app).is_empty() {
            failures.push(format!("{hostile:?} stored"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Posts a JSON body (raw bytes) to the API in Dutch; (status, problem).
async fn post_json(
    app: &TestApp,
    path: &str,
    token: &str,
    body: Vec<u8>,
    put: bool,
) -> (u16, Value) {
    let url = format!("{}{path}", app.address);
    let req = if put {
        app.client.put(url)
    } else {
        app.client.post(url)
    };
    let res = req
        .bearer_auth(token)
        .header("content-type", "application/json")
        .header("accept-language", "nl")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let ct = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap_or("").to_string())
        .unwrap_or_default();
    let text = res.text().await.unwrap_or_default();
    let v = if status >= 400 {
        assert_eq!(ct, "application/problem+json", "{path}: {status} {text}");
        serde_json::from_str(&text).unwrap()
    } else {
        Value::Null
    };
    (status, v)
}

#[tokio::test]
async fn every_api_body_refuses_hostile_values() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates", "precontractual-data"]).await;
    let t = bearer(&app, &id, &secret).await;
    let dutch_api = messages("nl");
    let bodies: Vec<(&str, bool, BTreeMap<&str, Value>)> = vec![
        (
            "/api/v1/mandate-requests",
            false,
            BTreeMap::from([
                ("context", json!("FLEXI_JOB")),
                ("email", json!("walk@example.be")),
                ("label", json!("Walk")),
                ("language", json!("nl")),
                ("niss", json!("90051402426")),
                ("onBehalfOf", json!("")),
            ]),
        ),
        (
            "/api/v1/webhook",
            true,
            BTreeMap::from([
                ("url", json!("https://93.184.215.14/hook")),
                ("secret", json!("a-shared-secret-of-the-integrator")),
            ]),
        ),
        (
            "/api/v1/precontractual-data/flexi-job",
            false,
            BTreeMap::from([("niss", json!("90051402426")), ("onBehalfOf", json!(""))]),
        ),
        (
            "/api/v1/precontractual-data/student-hours",
            false,
            BTreeMap::from([("niss", json!("90051402426")), ("onBehalfOf", json!(""))]),
        ),
    ];
    let mut failures = Vec::new();
    let mut refused = 0;
    for (path, put, baseline) in &bodies {
        for field in baseline.keys() {
            for hostile in HOSTILE {
                let mut body = baseline.clone();
                body.insert(field, json!(hostile.text()));
                let mut bytes = serde_json::to_vec(&body).unwrap();
                if hostile == Hostile::NotUtf8 {
                    let text = String::from_utf8(bytes).unwrap();
                    let mut raw = Vec::new();
                    let at = text.find(MARKER).unwrap() + MARKER.len();
                    raw.extend_from_slice(&text.as_bytes()[..at]);
                    raw.extend_from_slice(b"\xff\xfe");
                    raw.extend_from_slice(&text.as_bytes()[at..]);
                    bytes = raw;
                }
                let (status, problem) = post_json(&app, path, &t, bytes, *put).await;
                let what = format!("{path} {field}={hostile:?}");
                if status >= 500 {
                    failures.push(format!("{what}: {status}"));
                } else if hostile == Hostile::Mb1 && status != 413 {
                    failures.push(format!("{what}: {status}, not 413"));
                } else if status >= 400 {
                    refused += 1;
                    let detail = problem["detail"].as_str().unwrap_or("");
                    if !dutch_api.iter().any(|m| detail.contains(m.as_str())) {
                        failures.push(format!("{what}: detail not in Dutch: {detail}"));
                    }
                } else if hostile.refused() {
                    failures.push(format!("{what}: accepted ({status})"));
                }
                let found = stored(&app);
                if !found.is_empty() {
                    failures.push(format!("{what}: stored in {found:?}"));
                }
            }
        }
    }
    // The token endpoint's form.
    for hostile in HOSTILE {
        let body = format!(
            "grant_type=client_credentials&scope={}",
            hostile.urlencoded()
        );
        let res = app
            .client
            .post(format!("{}/api/oauth/token", app.address))
            .basic_auth(&id, Some(&secret))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        if !(400..500).contains(&status) {
            failures.push(format!("token scope={hostile:?}: {status}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(refused > 0);
}
