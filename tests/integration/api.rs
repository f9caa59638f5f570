//! The REST API: token, citizen mandates, pre-contractual data, problems, scopes,
//! cross-company checks, CSV, and the contract.

use serde_json::{Value, json};

use crate::helpers::{Options, TestApp, attr, spawn_app, spawn_app_with};

const JAN: &str = mandat::demo::people::JAN.niss();
const NOAH: &str = mandat::demo::people::NOAH.niss();
const LENA: &str = mandat::demo::people::LENA.niss();
const MARIA: &str = mandat::demo::people::MARIA.niss();

/// Jan (Resto Pokébowl's main access manager) accepts the circle of trust, activates the
/// APIs and creates a client; returns (client_id, client_secret).
pub(crate) async fn client_for_resto(app: &TestApp, activate: &[&str]) -> (String, String) {
    let web = app.another_browser();
    web.sign_in(JAN).await;
    assert_eq!(
        web.post_form("/company/api/circle", &[])
            .await
            .status()
            .as_u16(),
        303
    );
    for scope in activate {
        assert_eq!(
            web.post_form(&format!("/company/api/{scope}/on"), &[])
                .await
                .status()
                .as_u16(),
            303
        );
    }
    new_client(
        &web,
        &[
            ("name", "HR software"),
            ("scope_mandates", "on"),
            ("scope_data", "on"),
        ],
    )
    .await
}

/// Creates an API client through the company app (as a signed-in manager); returns its
/// (client_id, client_secret) as shown once.
async fn new_client(web: &TestApp, form: &[(&str, &str)]) -> (String, String) {
    let body = web
        .post_form("/company/api/clients", form)
        .await
        .text()
        .await
        .unwrap();
    let id = crate::helpers::texts(&body, "[data-testid=client-id]")[0].clone();
    let secret = crate::helpers::texts(&body, "[data-testid=client-secret]")[0].clone();
    (id, secret)
}

/// The "Create client" form of Jan's API page, as a fresh display of the page shows it:
/// its key, with `name` and `scopes` filled in.
async fn client_form(web: &TestApp, name: &str, scopes: &[&str]) -> Vec<(String, String)> {
    let page = web.page("/company/api").await;
    let (_, hidden) =
        crate::helpers::form_in(&page, "form[action='/company/api/clients']").expect("the form");
    // `post_form` sends the session's CSRF token itself.
    let mut form: Vec<_> = hidden.into_iter().filter(|(k, _)| k != "csrf").collect();
    form.push(("name".into(), name.into()));
    form.extend(scopes.iter().map(|s| (s.to_string(), "on".to_string())));
    form
}

/// How many API clients Resto Pokébowl has, revoked ones included.
fn resto_clients(app: &TestApp) -> i64 {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use mandat::db::schema::{api_clients, companies};
    api_clients::table
        .inner_join(companies::table)
        .filter(companies::name.eq("Resto Pokébowl"))
        .count()
        .get_result(&mut app.db())
        .expect("count clients")
}

#[tokio::test]
async fn a_create_client_form_sent_again_makes_no_second_client_and_a_refused_one_keeps_what_was_typed()
 {
    let app = spawn_app().await;
    let (_, secret) = client_for_resto(&app, &["mandates"]).await;
    let web = app.another_browser();
    web.sign_in(JAN).await;
    let before = resto_clients(&app);
    async fn send(web: &TestApp, form: Vec<(String, String)>) -> (u16, String) {
        let fields: Vec<(&str, &str)> =
            form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let res = web.post_form("/company/api/clients", &fields).await;
        (res.status().as_u16(), res.text().await.unwrap())
    }

    // Sent, then sent again as it was (a reload of the answer that shows the secret, a
    // double click without JavaScript): one client, and the second answer says so.
    let form = client_form(&web, "Payroll", &["scope_mandates"]).await;
    let (status, first) = send(&web, form.clone()).await;
    assert_eq!(status, 200, "{first}");
    let id = crate::helpers::texts(&first, "[data-testid=client-id]")[0].clone();
    let new_secret = crate::helpers::texts(&first, "[data-testid=client-secret]")[0].clone();
    assert_ne!(new_secret, secret);
    let (status, again) = send(&web, form.clone()).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(resto_clients(&app), before + 1, "no second client");
    assert!(crate::helpers::texts(&again, "[data-testid=client-secret]").is_empty());
    let said = crate::helpers::texts(&again, "[data-testid=api-created-before]").join(" ");
    assert!(said.contains("Payroll") && said.contains(&id), "{said}");
    // The secret shown the first time is the client's.
    let token = token(&app, &id, &new_secret, None).await;
    assert_eq!(token.status().as_u16(), 200);
    // A fresh display of the page is a new form: a deliberate second client is one press.
    let (status, _) = send(
        &web,
        client_form(&web, "Payroll", &["scope_mandates"]).await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(resto_clients(&app), before + 2);

    // Refused (no API ticked): the page keeps the name typed and the boxes as they were
    // sent, makes nothing, and the corrected form (same display) makes its client.
    let form = client_form(&web, "Rostering", &[]).await;
    let (status, refused) = send(&web, form.clone()).await;
    assert_eq!(status, 400, "{refused}");
    assert_eq!(resto_clients(&app), before + 2);
    assert_eq!(
        attr(&refused, "#client-name", "value").as_deref(),
        Some("Rostering")
    );
    assert_eq!(attr(&refused, "#scope-mandates", "checked"), None);
    assert_eq!(attr(&refused, "#scope-data", "checked"), None);
    // A form wrong in two ways names both at once, so that one correction is enough.
    let (status, twice_wrong) = send(&web, client_form(&web, "   ", &[]).await).await;
    assert_eq!(status, 400, "{twice_wrong}");
    for field in ["#client-name", "#scope-mandates", "#scope-data"] {
        assert_eq!(
            attr(&twice_wrong, field, "aria-invalid").as_deref(),
            Some("true"),
            "{field} in {twice_wrong}"
        );
    }
    assert_eq!(
        crate::helpers::texts(&twice_wrong, "[data-error-summary] li").len(),
        2,
        "{twice_wrong}"
    );
    assert_eq!(resto_clients(&app), before + 2);
    let mut corrected = form;
    corrected.push(("scope_data".into(), "on".into()));
    let (status, made) = send(&web, corrected).await;
    assert_eq!(status, 200, "{made}");
    assert_eq!(
        crate::helpers::texts(&made, "[data-testid=client-secret]").len(),
        1
    );
    assert_eq!(resto_clients(&app), before + 3);
}

pub(crate) async fn token(
    app: &TestApp,
    id: &str,
    secret: &str,
    scope: Option<&str>,
) -> reqwest::Response {
    let mut form = vec![("grant_type", "client_credentials")];
    if let Some(s) = scope {
        form.push(("scope", s));
    }
    app.client
        .post(format!("{}/api/oauth/token", app.address))
        .basic_auth(id, Some(secret))
        .form(&form)
        .send()
        .await
        .unwrap()
}

pub(crate) async fn bearer(app: &TestApp, id: &str, secret: &str) -> String {
    let res = token(app, id, secret, None).await;
    assert_eq!(res.status().as_u16(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["token_type"], "Bearer");
    assert_eq!(v["scope"], "mandates precontractual-data");
    v["access_token"].as_str().unwrap().to_string()
}

pub(crate) async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (u16, Value, reqwest::header::HeaderMap) {
    call_in(app, None, method, path, token, body).await
}

/// The `errors` member of a problem: each refused field, and why.
fn refused(problem: &Value) -> Vec<(&str, &str)> {
    problem["errors"]
        .as_array()
        .expect("an errors member")
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["detail"].as_str().unwrap()))
        .collect()
}

/// [`call`], asking for the answer (its problems) in `lang` (`Accept-Language`).
pub(crate) async fn call_in(
    app: &TestApp,
    lang: Option<&str>,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (u16, Value, reqwest::header::HeaderMap) {
    let mut req = app
        .client
        .request(method, format!("{}{path}", app.address))
        .bearer_auth(token);
    if let Some(lang) = lang {
        req = req.header("accept-language", lang);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let text = res.text().await.unwrap();
    let v = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    (status, v, headers)
}

#[tokio::test]
async fn the_whole_api_journey() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates", "precontractual-data"]).await;
    let t = bearer(&app, &id, &secret).await;
    // A NISS-targeted request.
    let (status, created, headers) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "email": "noah@example.be", "label": "Bar", "language": "fr", "niss": NOAH})),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["status"], "pending");
    assert!(
        headers["location"]
            .to_str()
            .unwrap()
            .ends_with(created["id"].as_str().unwrap())
    );
    let first_link = created["link"].as_str().unwrap().to_string();
    let request_id = created["id"].as_str().unwrap().to_string();
    // A new link replaces it (the integrator lost it, or shows the QR code to the
    // candidate): the first one no longer works, the link's end stays the same.
    let new_link = format!("/api/v1/mandate-requests/{request_id}/link");
    let (status, renewed, _) = call(&app, reqwest::Method::POST, &new_link, &t, None).await;
    assert_eq!(status, 200, "{renewed}");
    let link = renewed["link"].as_str().unwrap().to_string();
    assert_ne!(link, first_link);
    assert!(renewed["qrSvg"].as_str().unwrap().contains("<svg"));
    assert_eq!(renewed["expiresAt"], created["expiresAt"]);
    assert_eq!(renewed["linkOpenedAt"], Value::Null, "nobody opened it yet");
    let res = app
        .get(first_link.trim_start_matches("http://localhost:8080"))
        .await;
    assert_eq!(res.status().as_u16(), 404);
    // The citizen accepts through the web flow.
    let citizen = app.another_browser();
    let path = link.trim_start_matches("http://localhost:8080");
    let res = citizen.get(path).await;
    assert_eq!(res.status().as_u16(), 303);
    let target = res.headers()["location"].to_str().unwrap().to_string();
    citizen.sign_in(NOAH).await;
    let page = citizen.page(&target).await;
    assert!(page.contains("Resto Pokébowl"));
    let res = citizen
        .post_form(&format!("{target}/answer"), &[("answer", "accept")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // The request shows the mandate with the citizen's NISS and names.
    let (status, r, _) = call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/mandate-requests/{request_id}"),
        &t,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(r["status"], "accepted");
    assert_eq!(r["mandate"]["niss"], NOAH);
    assert_eq!(r["mandate"]["lastName"], "Lambert");
    assert!(
        r["linkOpenedAt"].as_str().is_some(),
        "the candidate opened the link: {r}"
    );
    assert!(
        r.get("link").is_none(),
        "the link is shown only at creation"
    );
    // Answered: no new link.
    let (status, p, _) = call(&app, reqwest::Method::POST, &new_link, &t, None).await;
    assert_eq!(status, 409, "{p}");
    assert_eq!(p["code"], "INVALID_STATE");
    // Active mandates list it.
    let (_, mandates, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandates?status=active",
        &t,
        None,
    )
    .await;
    assert!(
        mandates["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["requestId"] == request_id.as_str() && m["niss"] == NOAH)
    );
    // Consult: Noah's 4/5 is only with Resto Pokébowl, so not eligible when it asks.
    let (status, flexi, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/precontractual-data/flexi-job",
        &t,
        Some(json!({"niss": NOAH})),
    )
    .await;
    assert_eq!(status, 200, "{flexi}");
    assert_eq!(flexi["niss"], NOAH);
    assert_eq!(
        flexi["quarters"][0],
        json!({"year": 2025, "quarter": 1, "status": "NOT_ELIGIBLE"})
    );
    assert_eq!(flexi["months"].as_array().unwrap().len(), 12);
    assert_eq!(
        flexi["months"][11],
        json!({"month": "2025-12", "status": "NOT_DETERMINED"})
    );
    // No student-hours mandate for Noah.
    let (status, p, headers) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/precontractual-data/student-hours",
        &t,
        Some(json!({"niss": NOAH})),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(p["code"], "NO_ACTIVE_MANDATE");
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json")
    );
    // The seeded mandate of Sarah (made by Socialia for Resto Pokébowl) is Resto's too.
    let (status, hours, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/precontractual-data/student-hours",
        &t,
        Some(json!({"niss": "04021208669"})),
    )
    .await;
    assert_eq!(status, 200, "{hours}");
    assert_eq!(hours["remainingHours"], 154);
    assert_eq!(hours["quotaExceeded"], false);
    // The citizen stops the access: consulting again is refused.
    let res = citizen.citizen_stops_access(&request_id).await;
    assert_eq!(res.status().as_u16(), 303);
    let (status, p, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/precontractual-data/flexi-job",
        &t,
        Some(json!({"niss": NOAH})),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(p["code"], "NO_ACTIVE_MANDATE");
    let (_, r, _) = call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/mandate-requests/{request_id}"),
        &t,
        None,
    )
    .await;
    assert_eq!(r["status"], "revoked");
}

#[tokio::test]
async fn tokens_scopes_and_activation() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates"]).await;
    // Bad credentials and grants.
    assert_eq!(token(&app, &id, "wrong", None).await.status().as_u16(), 401);
    assert_eq!(
        token(&app, "not-a-uuid", &secret, None)
            .await
            .status()
            .as_u16(),
        401
    );
    let res = app
        .client
        .post(format!("{}/api/oauth/token", app.address))
        .basic_auth(&id, Some(&secret))
        .form(&[("grant_type", "password")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"],
        "unsupported_grant_type"
    );
    assert_eq!(
        token(&app, &id, &secret, Some("admin"))
            .await
            .status()
            .as_u16(),
        400
    );
    // The credentials in the form instead of HTTP Basic (RFC 6749 2.3.1), as many
    // integrators' libraries send them; not both at once; none at all is told what is needed.
    let by_form = |extra: &[(&str, &str)], basic: bool| {
        let mut form = vec![("grant_type", "client_credentials")];
        form.extend_from_slice(extra);
        let form: Vec<(String, String)> = form
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut req = app
            .client
            .post(format!("{}/api/oauth/token", app.address))
            .form(&form);
        if basic {
            req = req.basic_auth(&id, Some(&secret));
        }
        async move {
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            let challenge = res.headers().get("www-authenticate").cloned();
            (status, res.json::<Value>().await.unwrap(), challenge)
        }
    };
    let (status, v, _) = by_form(&[("client_id", &id), ("client_secret", &secret)], false).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["token_type"], "Bearer");
    assert!(v["access_token"].as_str().is_some_and(|t| t.len() >= 43));
    let (status, v, _) = by_form(&[("client_id", &id), ("client_secret", "wrong")], false).await;
    assert_eq!((status, v["error"].as_str()), (401, Some("invalid_client")));
    let (status, v, _) = by_form(&[("client_id", &id), ("client_secret", &secret)], true).await;
    assert_eq!(
        (status, v["error"].as_str()),
        (400, Some("invalid_request"))
    );
    let (status, v, challenge) = by_form(&[], false).await;
    assert_eq!((status, v["error"].as_str()), (401, Some("invalid_client")));
    assert!(
        v["error_description"]
            .as_str()
            .unwrap()
            .contains("HTTP Basic"),
        "{v}"
    );
    assert!(challenge.is_some());
    // A token with the mandates scope only.
    let res = token(&app, &id, &secret, Some("mandates")).await;
    let t = res.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, p, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/precontractual-data/flexi-job",
        &t,
        Some(json!({"niss": NOAH})),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str().unwrap()),
        (403, "INSUFFICIENT_SCOPE")
    );
    // Both scopes, but the pre-contractual API is not activated.
    let t = bearer(&app, &id, &secret).await;
    let (status, p, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/precontractual-data/flexi-job",
        &t,
        Some(json!({"niss": NOAH})),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str().unwrap()),
        (403, "API_NOT_ACTIVATED")
    );
    // No token, a wrong token.
    let res = app
        .client
        .get(format!("{}/api/v1/mandates", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
    assert!(
        res.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    let (status, p, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandates",
        "forged",
        None,
    )
    .await;
    assert_eq!((status, p["code"].as_str().unwrap()), (401, "UNAUTHORIZED"));
    // Tokens expire after an hour.
    app.clock.advance(chrono::Duration::seconds(3600));
    let (status, _, _) = call(&app, reqwest::Method::GET, "/api/v1/mandates", &t, None).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn bad_input_gets_a_problem_in_the_callers_language_never_a_500() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates", "precontractual-data"]).await;
    let t = bearer(&app, &id, &secret).await;
    let cases = [
        (
            json!({"context": "PENSION", "email": "a@b.be", "label": "x", "language": "fr"}),
            "UNKNOWN_CONTEXT",
        ),
        (
            json!({"context": "FLEXI_JOB", "email": "a@", "label": "x", "language": "fr"}),
            "INVALID_EMAIL",
        ),
        (
            json!({"context": "FLEXI_JOB", "email": "a@b.be", "label": "x", "language": "fr", "niss": "12345678901"}),
            "INVALID_NISS",
        ),
        (
            json!({"context": "FLEXI_JOB", "email": "a@b.be", "label": "x", "language": "fr", "onBehalfOf": "123"}),
            "INVALID_BCE",
        ),
        (
            json!({"context": "FLEXI_JOB", "email": "a@b.be", "label": "x", "language": "fr", "extra": 1}),
            "INVALID_REQUEST",
        ),
        (json!({"context": 3}), "INVALID_REQUEST"),
        (json!([1, 2]), "INVALID_REQUEST"),
    ];
    // An invalid body says which field is wrong, and a body that is not an object is refused
    // as such (an array the length of the fields was taken for one, in their order).
    // The field is named in `errors` with why, in the caller's language; serde's own words
    // (in English) are never the answer.
    let not_text = "A text is needed here (a JSON string).";
    let named = [
        (
            json!({"context": 3}),
            "(context)",
            Some(("context", not_text)),
        ),
        (
            json!({"context": "FLEXI_JOB", "email": ["a@b.be"]}),
            "(email)",
            Some(("email", not_text)),
        ),
        (
            json!({"label": "x"}),
            "(context)",
            Some(("context", "This field is required.")),
        ),
        (
            json!({"context": "FLEXI_JOB", "extra": 1}),
            "(extra: the known fields are context, email, label, language, niss, onBehalfOf)",
            Some(("extra", "This field is not known here.")),
        ),
        (
            json!(["FLEXI_JOB", null, null, null, null, null]),
            "(the body must be a JSON object)",
            None,
        ),
        (json!("FLEXI_JOB"), "(the body must be a JSON object)", None),
    ];
    for (body, detail, field) in named {
        let (status, p, _) = call(
            &app,
            reqwest::Method::POST,
            "/api/v1/mandate-requests",
            &t,
            Some(body.clone()),
        )
        .await;
        assert_eq!((status, p["code"].as_str()), (400, Some("INVALID_REQUEST")));
        let said = p["detail"].as_str().unwrap();
        assert_eq!(
            said,
            format!("The request is not valid. {detail}"),
            "{body}"
        );
        match field {
            Some(field) => assert_eq!(refused(&p), [field], "{body}: {p}"),
            None => assert!(p.get("errors").is_none(), "{body}: {p}"),
        }
    }
    // The same in Dutch: a body, then a list's query with a parameter it does not know.
    let (_, p, _) = call_in(
        &app,
        Some("nl"),
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "emial": "a@b.be"})),
    )
    .await;
    assert_eq!(
        refused(&p),
        [("emial", "Dit veld is hier niet gekend.")],
        "{p}"
    );
    assert!(
        p["detail"].as_str().unwrap().ends_with(
            "(emial: de gekende velden zijn context, email, label, language, niss, onBehalfOf)"
        ),
        "{p}"
    );
    let (status, p, _) = call_in(
        &app,
        Some("nl"),
        reqwest::Method::GET,
        "/api/v1/mandates?pagesize=10",
        &t,
        None,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        refused(&p),
        [("pagesize", "Dit veld is hier niet gekend.")],
        "{p}"
    );
    assert!(p["detail"].as_str().unwrap().contains("pageSize"), "{p}");
    // A body wrong in several fields names them all, each with why in the caller's
    // language; its code is the first field's.
    let body =
        json!({"context": "FLEXI_JOB", "email": "a@", "language": "xx", "niss": "85.07.30-033.28"});
    let (status, p, _) = call_in(
        &app,
        Some("de"),
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(body),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(p["code"], "INVALID_EMAIL", "{p}");
    let fields: Vec<&str> = refused(&p).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["email", "language", "niss"], "{p}");
    let niss_said = p["errors"][2]["detail"].as_str().unwrap();
    assert!(niss_said.contains("11 Ziffern"), "{p}");
    for (body, code) in cases {
        let res = app
            .client
            .post(format!("{}/api/v1/mandate-requests", app.address))
            .bearer_auth(&t)
            .header("accept-language", "nl")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 400, "{body}");
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["code"], code, "{body}: {p}");
        assert_eq!(p["status"], 400);
        assert!(!p["detail"].as_str().unwrap().is_empty());
        // A refused field is named in `errors`, with why.
        if code != "INVALID_REQUEST" {
            let field = p["errors"][0]["field"].as_str().expect("errors");
            assert!(body.get(field).is_some(), "{body}: {p}");
            assert!(!p["errors"][0]["detail"].as_str().unwrap().is_empty());
        }
    }
    // A problem's type leads to its code's row on the problem types' page, in the
    // caller's language.
    let (_, p, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandates?pageSize=0",
        &t,
        None,
    )
    .await;
    let kind = p["type"].as_str().unwrap();
    let (page, row) = kind.split_once('#').unwrap();
    assert_eq!(
        (page, row),
        ("http://localhost:8080/api/problems", "invalid-request"),
        "{p}"
    );
    let html = app
        .client
        .get(format!("{}/api/problems", app.address))
        .header("accept-language", "nl")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("tr#invalid-request td").unwrap();
    let cells: Vec<String> = doc
        .select(&sel)
        .map(|c| c.text().collect::<String>())
        .collect();
    assert_eq!(
        cells,
        [
            "INVALID_REQUEST",
            "400 Bad Request",
            "Het verzoek is niet geldig."
        ],
        "{html}"
    );
    // The same for a consultation's citizen.
    let (status, p, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/precontractual-data/flexi-job",
        &t,
        Some(json!({"niss": "85.07.30-033.28"})),
    )
    .await;
    assert_eq!((status, p["code"].as_str()), (400, Some("INVALID_NISS")));
    assert_eq!(p["errors"][0]["field"], "niss", "{p}");
    // Malformed JSON, and a body over the limit (413).
    for (body, want_status, want_code) in [
        ("{not json".to_string(), 400, "INVALID_REQUEST"),
        (
            format!("{{\"label\": \"{}\"}}", "x".repeat(100_000)),
            413,
            "PAYLOAD_TOO_LARGE",
        ),
    ] {
        let res = app
            .client
            .post(format!("{}/api/v1/mandate-requests", app.address))
            .bearer_auth(&t)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), want_status);
        assert_eq!(res.json::<Value>().await.unwrap()["code"], want_code);
    }
    // A list asked for with several bad parameters names each one, with why.
    for (path, status_said) in [
        ("/api/v1/mandate-requests", "pending, accepted"),
        ("/api/v1/mandates", "active"),
    ] {
        let query = format!("{path}?status=foo&page=abc&pageSize=0");
        let (status, p, _) =
            call_in(&app, Some("nl"), reqwest::Method::GET, &query, &t, None).await;
        assert_eq!(status, 400);
        let fields: Vec<&str> = refused(&p).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["page", "pageSize", "status"], "{path}: {p}");
        assert_eq!(
            p["errors"][0]["detail"],
            "Een geheel getal van 1 tot 100.000."
        );
        assert!(
            p["errors"][2]["detail"]
                .as_str()
                .unwrap()
                .contains(status_said),
            "{p}"
        );
    }
    // Unknown ids, wrong states.
    let (status, p, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandate-requests/not-a-uuid",
        &t,
        None,
    )
    .await;
    assert_eq!((status, p["code"].as_str().unwrap()), (404, "NOT_FOUND"));
    let (status, p) = withdraw(&app, &t, &uuid::Uuid::new_v4().to_string()).await;
    assert_eq!((status, p["code"].as_str().unwrap()), (404, "NOT_FOUND"));
    let (_, created, _) = call(&app, reqwest::Method::POST, "/api/v1/mandate-requests", &t, Some(json!({"context": "STUDENT_HOURS", "email": "s@example.be", "label": "S", "language": "de"}))).await;
    let rid = created["id"].as_str().unwrap();
    assert_eq!(withdraw(&app, &t, rid).await.0, 204);
    // Again (a retry after an answer lost on the way): withdrawn already, as asked.
    assert_eq!(withdraw(&app, &t, rid).await.0, 204);
    // A request no longer pending (its link expired) cannot be withdrawn.
    let (_, created, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "STUDENT_HOURS", "language": "de"})),
    )
    .await;
    let rid = created["id"].as_str().unwrap();
    app.clock.advance(chrono::Duration::hours(72));
    let t = bearer(&app, &id, &secret).await;
    let (status, p) = withdraw(&app, &t, rid).await;
    assert_eq!(
        (status, p["code"].as_str().unwrap()),
        (409, "INVALID_STATE")
    );
}

/// `DELETE /api/v1/mandate-requests/{id}`: the status and the problem, if any.
async fn withdraw(app: &TestApp, token: &str, id: &str) -> (u16, Value) {
    let path = format!("/api/v1/mandate-requests/{id}");
    let (status, problem, _) = call(app, reqwest::Method::DELETE, &path, token, None).await;
    (status, problem)
}

#[tokio::test]
async fn a_client_sees_only_its_companys_requests_and_lists_them_as_csv() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates", "precontractual-data"]).await;
    let t = bearer(&app, &id, &secret).await;
    // Another company (Emma registers one) with its own request.
    let emma = app.another_browser();
    emma.sign_in("95090916472").await;
    emma.post_form(
        "/company/register",
        &[
            ("bce", "0203.201.340"),
            ("name", "Brasserie Martin"),
            ("kind", "employer"),
            ("contact_email", "e@b.be"),
        ],
    )
    .await;
    emma.post_form("/company/terms", &[]).await;
    let res = emma
        .post_form(
            "/company/requests",
            &[
                ("label", "Emma's"),
                ("email", "x@example.be"),
                ("context", "FLEXI_JOB"),
                ("language", "fr"),
                ("niss", ""),
            ],
        )
        .await;
    let body = res.text().await.unwrap();
    assert!(attr(&body, "[data-testid=created-link]", "value").is_some());
    let emmas = app.request_id("Emma's");
    let (status, _, _) = call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/mandate-requests/{emmas}"),
        &t,
        None,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _, _) = call(
        &app,
        reqwest::Method::DELETE,
        &format!("/api/v1/mandate-requests/{emmas}"),
        &t,
        None,
    )
    .await;
    assert_eq!(status, 404);
    // The list: Resto's only, filtered, paginated; CSV on request.
    let (_, all, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandate-requests?pageSize=200",
        &t,
        None,
    )
    .await;
    assert!(
        all["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["label"] != "Emma's")
    );
    let total = all["total"].as_i64().unwrap();
    assert!(total >= 10);
    let (_, pending, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandate-requests?status=pending&pageSize=2",
        &t,
        None,
    )
    .await;
    assert_eq!(pending["pageSize"], 2);
    assert!(
        pending["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "pending")
    );
    let res = app
        .client
        .get(format!(
            "{}/api/v1/mandate-requests?status=accepted",
            app.address
        ))
        .bearer_auth(&t)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = res.text().await.unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("id,status,context,label,email")
    );
    assert!(
        csv.contains("90051402426"),
        "Maria's accepted mandate with her NISS: {csv}"
    );
    // Sarah's mandate was made by Socialia on behalf of Resto Pokébowl.
    let (status, p, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandate-requests?status=bogus",
        &t,
        None,
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str().unwrap()),
        (400, "INVALID_REQUEST")
    );
}

#[tokio::test]
async fn the_openapi_contract_matches_the_routes() {
    let app = spawn_app().await;
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status().as_u16(), 200);
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.0.3");
    let paths = doc["paths"].as_object().unwrap();
    let mut expected: Vec<(String, &str)> = [
        ("/api/oauth/token", "post"),
        ("/api/v1/mandate-requests", "post"),
        ("/api/v1/mandate-requests", "get"),
        ("/api/v1/mandate-requests/{id}", "get"),
        ("/api/v1/mandate-requests/{id}", "delete"),
        ("/api/v1/mandate-requests/{id}/link", "post"),
        ("/api/v1/mandates", "get"),
        ("/api/v1/webhook", "put"),
        ("/api/v1/webhook", "get"),
        ("/api/v1/webhook", "delete"),
        ("/api/v1/webhook/redeliver", "post"),
    ]
    .into_iter()
    .map(|(p, m)| (p.to_string(), m))
    .collect();
    // One data path per context of the registry, and the registry's codes, no other.
    use mandat::domain::Context;
    for context in Context::all() {
        expected.push((
            format!("/api/v1/precontractual-data/{}", context.slug()),
            "post",
        ));
    }
    let codes: Vec<&str> = Context::all().map(Context::code).collect();
    assert_eq!(
        doc["components"]["schemas"]["Context"]["enum"],
        json!(codes)
    );
    let mut documented = 0;
    for (path, ops) in paths {
        for (method, _) in ops
            .as_object()
            .unwrap()
            .iter()
            .filter(|(m, _)| *m != "parameters")
        {
            documented += 1;
            assert!(
                expected.contains(&(path.clone(), method.as_str())),
                "{method} {path} documented but not expected"
            );
            // Every documented operation exists: without credentials it answers 401 or 400, never 404/405.
            let url = format!(
                "{}{}",
                app.address,
                path.replace("{id}", &uuid::Uuid::new_v4().to_string())
            );
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let status = app
                .client
                .request(m, url)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16();
            assert!(matches!(status, 400 | 401), "{method} {path}: {status}");
        }
    }
    assert_eq!(documented, expected.len());
    // Another method on a documented path: 405, the methods it takes in `Allow`, and a
    // problem that says so (the token endpoint's errors are OAuth's), never a 404 that
    // says the path does not exist.
    for (path, ops) in paths {
        let mut takes: Vec<String> = ops
            .as_object()
            .unwrap()
            .keys()
            .filter(|m| *m != "parameters")
            .map(|m| m.to_uppercase())
            .collect();
        takes.sort();
        let url = format!(
            "{}{}",
            app.address,
            path.replace("{id}", &uuid::Uuid::new_v4().to_string())
        );
        for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
            if takes.iter().any(|m| m == method) {
                continue;
            }
            let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
            let res = app
                .client
                .request(m, &url)
                .header("accept-language", "nl")
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 405, "{method} {path}");
            let mut allow: Vec<String> = res.headers()["allow"]
                .to_str()
                .unwrap()
                .split(',')
                .map(|m| m.trim().to_string())
                .collect();
            allow.sort();
            assert_eq!(allow, takes, "Allow of {method} {path}");
            if path != "/api/oauth/token" {
                let problem: Value = res.json().await.unwrap();
                assert_eq!(problem["code"], "METHOD_NOT_ALLOWED", "{method} {path}");
                assert!(
                    problem["detail"].as_str().unwrap().contains("Allow"),
                    "in Dutch: {problem}"
                );
            }
        }
    }
    // Every problem code the server can send is in the contract.
    let codes = doc["components"]["schemas"]["Problem"]["properties"]["code"]["enum"]
        .as_array()
        .unwrap();
    for code in [
        "INVALID_NISS",
        "INVALID_BCE",
        "INVALID_EMAIL",
        "INVALID_REQUEST",
        "UNKNOWN_CONTEXT",
        "NOT_FOUND",
        "METHOD_NOT_ALLOWED",
        "INVALID_STATE",
        "NO_ACTIVE_MANDATE",
        "UNAUTHORIZED",
        "INSUFFICIENT_SCOPE",
        "API_NOT_ACTIVATED",
        "COMPANY_SUSPENDED",
        "BLOCKED_BY_CITIZEN",
        "RATE_LIMITED",
        "UNAVAILABLE",
        "INTERNAL_ERROR",
    ] {
        assert!(codes.contains(&json!(code)), "{code}");
    }
    // A context the registry does not know has no data route.
    let res = app
        .client
        .post(format!(
            "{}/api/v1/precontractual-data/pension-date",
            app.address
        ))
        .json(&json!({"niss": "90051402426"}))
        .send()
        .await
        .unwrap();
    assert!(matches!(res.status().as_u16(), 401 | 404));
}

#[test]
fn the_cli_creates_an_api_client_and_prints_the_secret_once() {
    let db = crate::helpers::fresh_database();
    let url = db.url.clone();
    let bin = env!("CARGO_BIN_EXE_mandat");
    let out = std::process::Command::new(bin)
        .args([
            "api-client",
            "create",
            "--company",
            "0765.432.146",
            "--name",
            "Payroll",
            "--scope",
            "mandates",
        ])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let secret = text
        .lines()
        .find_map(|l| l.strip_prefix("client_secret="))
        .unwrap();
    assert!(secret.len() >= 43);
    use diesel::prelude::*;
    let mut conn = diesel::PgConnection::establish(&url).unwrap();
    let (scopes, hash): (String, Vec<u8>) = mandat::db::schema::api_clients::table
        .select((
            mandat::db::schema::api_clients::scopes,
            mandat::db::schema::api_clients::secret_hash,
        ))
        .first(&mut conn)
        .unwrap();
    assert_eq!(scopes, "mandates");
    assert_eq!(
        hash,
        mandat::services::tokens::hash_token(secret),
        "stored hashed"
    );
    let out = std::process::Command::new(bin)
        .args([
            "api-client",
            "create",
            "--company",
            "0765.432.147",
            "--name",
            "X",
        ])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(!out.status.success());
    // A blank name is refused in words, and nothing is made.
    let out = std::process::Command::new(bin)
        .args(["api-client", "create", "--company", "0765.432.146"])
        .args(["--name", "  "])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("Please give a name"), "{said}");
    let clients: i64 = mandat::db::schema::api_clients::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(clients, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_server_error_and_no_response_breaking_the_contract() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates", "precontractual-data"]).await;
    let t = bearer(&app, &id, &secret).await;
    let python = std::env::var("MANDAT_TEST_PYTHON")
        .expect("MANDAT_TEST_PYTHON: run the tests with scripts/test");
    let st = std::path::Path::new(&python).with_file_name("schemathesis");
    let address = app.address.clone();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(st)
            .current_dir(std::env::temp_dir())
            .args([
                "run",
                &format!("{address}/api/v1/openapi.json"),
                "--url",
                &address,
            ])
            .args(["--header", &format!("Authorization: Bearer {t}")])
            .args([
                "--checks",
                "not_a_server_error,response_schema_conformance,content_type_conformance",
            ])
            .args(["--exclude-path", "/api/oauth/token"])
            .args([
                "--max-examples",
                "25",
                "--seed",
                "42",
                "--phases",
                "examples,coverage,fuzzing",
            ])
            .arg("--no-color")
            .output()
            .expect("run schemathesis")
    })
    .await
    .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "schemathesis failed:\n{text}");
    eprintln!("{text}");
    assert!(
        text.contains("passed"),
        "schemathesis ran operations: {text}"
    );
}

/// What the receiver got: (headers, body) of every POST.
pub(crate) type Received =
    std::sync::Arc<std::sync::Mutex<Vec<(std::collections::HashMap<String, String>, String)>>>;

/// A local HTTP receiver for webhooks.
pub(crate) struct Receiver {
    pub(crate) url: String,
    pub(crate) got: Received,
}

/// An application whose webhooks may go to this machine (allowed in development,
/// explicitly), the client of Resto Pokébowl's integrator with the APIs `activate` (its
/// id and a token), and a receiver of webhooks on this machine.
pub(crate) async fn integrator_with_receiver(
    activate: &[&str],
) -> (TestApp, String, String, Receiver) {
    let app = spawn_app_with(Options {
        settings: vec![("webhook_loopback", "on".to_string())],
    })
    .await;
    let (id, secret) = client_for_resto(&app, activate).await;
    let token = bearer(&app, &id, &secret).await;
    (app, id, token, receiver().await)
}

pub(crate) async fn receiver() -> Receiver {
    use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
    let got: Received = Default::default();
    let store = got.clone();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = HttpServer::new(move || {
        let store = store.clone();
        App::new().route(
            "/hook",
            web::post().to(move |req: HttpRequest, body: String| {
                let store = store.clone();
                async move {
                    let headers = req
                        .headers()
                        .iter()
                        .map(|(k, v)| {
                            (k.as_str().to_string(), v.to_str().unwrap_or("").to_string())
                        })
                        .collect();
                    store.lock().unwrap().push((headers, body));
                    HttpResponse::NoContent().finish()
                }
            }),
        )
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    Receiver {
        url: format!("http://127.0.0.1:{port}/hook"),
        got,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_tell_the_integrator_of_acceptance_and_of_a_stopped_access_signed() {
    let (app, _, t, rx) = integrator_with_receiver(&["mandates", "precontractual-data"]).await;
    let hook_secret = "a-shared-secret-of-the-integrator";
    let (status, p, _) = call(
        &app,
        reqwest::Method::PUT,
        "/api/v1/webhook",
        &t,
        Some(json!({"url": "ftp://x", "secret": hook_secret})),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str().unwrap()),
        (400, "INVALID_REQUEST")
    );
    // Both fields wrong: both said at once, each with why, in the caller's language.
    let body = json!({"url": "ftp://x", "secret": "short"});
    let (status, p, _) = call_in(
        &app,
        Some("fr"),
        reqwest::Method::PUT,
        "/api/v1/webhook",
        &t,
        Some(body),
    )
    .await;
    assert_eq!(status, 400);
    let said = refused(&p);
    assert_eq!(
        said,
        [
            (
                "secret",
                "Un secret de 16 à 200 caractères est requis, sans caractère de contrôle."
            ),
            (
                "url",
                "Une adresse https:// est requise (https://hôte/chemin, sans nom d'utilisateur ni mot de passe)."
            )
        ],
        "{p}"
    );
    let (status, _, _) = call(
        &app,
        reqwest::Method::PUT,
        "/api/v1/webhook",
        &t,
        Some(json!({"url": rx.url, "secret": hook_secret})),
    )
    .await;
    assert_eq!(status, 204);
    let (_, w, _) = call(&app, reqwest::Method::GET, "/api/v1/webhook", &t, None).await;
    assert_eq!(w["url"], rx.url.as_str());
    // A request, accepted then stopped by the citizen.
    let (_, created, _) = call(&app, reqwest::Method::POST, "/api/v1/mandate-requests", &t, Some(json!({"context": "FLEXI_JOB", "email": "n@example.be", "label": "Hook", "language": "en", "niss": NOAH}))).await;
    let request_id = created["id"].as_str().unwrap().to_string();
    let citizen = accepted_by(&app, &created, NOAH).await;
    citizen.citizen_stops_access(&request_id).await;
    // The sender delivers both, signed, at least once.
    let delivered = app
        .run_job(mandat::jobs::Job::DeliverWebhooks)
        .await
        .unwrap();
    assert_eq!(delivered, Some(2));
    let now = mandat::clock::Clock::now(&app.clock);
    let got = rx.got.lock().unwrap().clone();
    let events: Vec<String> = got
        .iter()
        .map(|(h, _)| h["x-mandat-event"].clone())
        .collect();
    assert_eq!(events, vec!["request.accepted", "mandate.revoked"]);
    for (headers, body) in &got {
        let ts: i64 = headers["x-mandat-timestamp"].parse().unwrap();
        let expected = format!(
            "sha256={}",
            mandat::webhooks::signature(hook_secret, ts, body)
        );
        assert_eq!(headers["x-mandat-signature"], expected);
        let v: Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["data"]["requestId"], request_id.as_str());
        assert!(!body.contains(NOAH), "no personal number in a webhook");
    }
    // Nothing is delivered twice.
    let mut conn = app.db();
    let keys = app.state.settings.keyring.clone();
    let again = tokio::task::spawn_blocking(move || {
        let destinations = mandat::webhooks::Destinations {
            allow_loopback: true,
        };
        mandat::webhooks::deliver_due(&mut conn, &keys, destinations, now).unwrap()
    })
    .await
    .unwrap();
    assert_eq!(again, 0);
    assert_eq!(rx.got.lock().unwrap().len(), 2);
}

/// How a webhook fares is seen by the integrator (`GET /api/v1/webhook`) and by the company
/// (its API page): the last delivery, what is being retried and why, what was given up. A
/// delivery given up is not sent again, so without this nobody but the helpdesk would know.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_integrator_and_the_company_see_how_the_webhook_fares() {
    let app = spawn_app_with(Options {
        settings: vec![("webhook_loopback", "on".to_string())],
    })
    .await;
    let (id, secret) = client_for_resto(&app, &["mandates"]).await;
    let t = bearer(&app, &id, &secret).await;
    let rx = receiver().await;
    /// The integrator points its webhook at `url`.
    async fn hook_to(app: &TestApp, t: &str, url: &str) {
        let body = json!({"url": url, "secret": "a-shared-secret-of-the-integrator"});
        let (status, _, _) =
            call(app, reqwest::Method::PUT, "/api/v1/webhook", t, Some(body)).await;
        assert_eq!(status, 204);
    }
    hook_to(&app, &t, &rx.url).await;
    async fn fares(app: &TestApp, t: &str) -> Value {
        let (status, w, _) = call(app, reqwest::Method::GET, "/api/v1/webhook", t, None).await;
        assert_eq!(status, 200, "{w}");
        w["deliveries"].clone()
    }
    let d = fares(&app, &t).await;
    assert_eq!(
        d,
        json!({"waiting": 0, "retrying": 0, "retryError": null, "lastDeliveredAt": null, "givenUp": 0, "lastGivenUp": null})
    );
    // A request accepted: its event delivered.
    let (_, created, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "label": "Fares", "language": "en", "niss": NOAH})),
    )
    .await;
    let citizen = accepted_by(&app, &created, NOAH).await;
    let delivered = app
        .run_job(mandat::jobs::Job::DeliverWebhooks)
        .await
        .unwrap();
    assert_eq!(delivered, Some(1));
    let now = mandat::clock::Clock::now(&app.clock);
    let d = fares(&app, &t).await;
    assert_eq!(d["lastDeliveredAt"], now.to_rfc3339());
    assert_eq!(
        (d["waiting"].as_i64(), d["givenUp"].as_i64()),
        (Some(0), Some(0))
    );
    // The integrator's server goes away: the next event is retried, and says why.
    let gone = format!("http://127.0.0.1:{}/hook", crate::helpers::free_port());
    hook_to(&app, &t, &gone).await;
    let request = created["id"].as_str().unwrap();
    citizen.citizen_stops_access(request).await;
    let deliver = || app.run_job(mandat::jobs::Job::DeliverWebhooks);
    assert_eq!(deliver().await.unwrap(), Some(0));
    let d = fares(&app, &t).await;
    assert_eq!(
        (d["waiting"].as_i64(), d["retrying"].as_i64()),
        (Some(1), Some(1)),
        "{d}"
    );
    assert!(
        d["retryError"].as_str().is_some_and(|e| !e.is_empty()),
        "{d}"
    );
    // The company's access manager sees it on the API page, in words.
    app.sign_in(JAN).await;
    let page = app.page("/company/api").await;
    let cell = crate::helpers::texts(&page, "[data-testid=webhook]").join(" ");
    assert!(cell.contains(&gone), "{cell}");
    assert!(cell.contains("1 delivery being retried"), "{cell}");
    assert!(cell.contains("could not be reached"), "{cell}");
    // Retried until given up (12 attempts, at most 30 minutes apart).
    for _ in 0..mandat::webhooks::MAX_ATTEMPTS {
        app.clock.advance(chrono::Duration::minutes(31));
        deliver().await.unwrap();
    }
    // (Hours later: the integrator's token and the manager's session have ended.)
    let t = bearer(&app, &id, &secret).await;
    app.sign_in(JAN).await;
    let d = fares(&app, &t).await;
    assert_eq!(
        (d["waiting"].as_i64(), d["givenUp"].as_i64()),
        (Some(0), Some(1)),
        "{d}"
    );
    assert_eq!(d["lastGivenUp"]["event"], "mandate.revoked");
    assert!(
        d["lastGivenUp"]["error"]
            .as_str()
            .is_some_and(|e| !e.is_empty())
    );
    let page = app.page("/company/api").await;
    let cell = crate::helpers::texts(&page, "[data-testid=webhook]").join(" ");
    assert!(
        cell.contains("1 delivery given up in the last 30 days"),
        "{cell}"
    );
    assert!(!cell.contains("being retried"), "{cell}");
    // The endpoint is back: the integrator asks for what was given up, once.
    hook_to(&app, &t, &rx.url).await;
    let redeliver = "/api/v1/webhook/redeliver";
    let (status, queued, _) = call(&app, reqwest::Method::POST, redeliver, &t, None).await;
    assert_eq!((status, queued), (202, json!({"queued": 1})));
    assert_eq!(deliver().await.unwrap(), Some(1));
    let got = rx.got.lock().unwrap().clone();
    assert_eq!(got.last().unwrap().0["x-mandat-event"], "mandate.revoked");
    let d = fares(&app, &t).await;
    assert_eq!(
        (d["givenUp"].as_i64(), d["waiting"].as_i64()),
        (Some(0), Some(0)),
        "{d}"
    );
    let (_, queued, _) = call(&app, reqwest::Method::POST, redeliver, &t, None).await;
    assert_eq!(queued, json!({"queued": 0}), "nothing more to send");
    // Without a webhook: none, for both.
    let (status, _, _) = call(&app, reqwest::Method::DELETE, "/api/v1/webhook", &t, None).await;
    assert_eq!(status, 204);
    let (status, _, _) = call(&app, reqwest::Method::GET, "/api/v1/webhook", &t, None).await;
    assert_eq!(status, 404);
    let (status, _, _) = call(&app, reqwest::Method::POST, redeliver, &t, None).await;
    assert_eq!(status, 404);
    let page = app.page("/company/api").await;
    let cell = crate::helpers::texts(&page, "[data-testid=webhook]").join(" ");
    assert_eq!(cell, "No webhook");
}

/// A browser of the citizen `niss` who opened the link of the request `created` (as the
/// API answered its creation), signed in and accepted it.
pub(crate) async fn accepted_by(app: &TestApp, created: &Value, niss: &str) -> TestApp {
    let path = created["link"]
        .as_str()
        .unwrap()
        .trim_start_matches("http://localhost:8080")
        .to_string();
    let citizen = app.another_browser();
    let target = citizen.get(&path).await.headers()["location"]
        .to_str()
        .unwrap()
        .to_string();
    citizen.sign_in(niss).await;
    citizen.page(&target).await;
    citizen
        .post_form(&format!("{target}/answer"), &[("answer", "accept")])
        .await;
    citizen
}

/// What a client's webhook holds, as stored: its address, whether its secret is kept, and
/// the deliveries still waiting for an attempt.
fn webhook_held(app: &TestApp, client: &str) -> (Option<String>, bool, i64) {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use mandat::db::schema::{api_clients, webhook_deliveries};
    let id: uuid::Uuid = client.parse().unwrap();
    let mut conn = app.db();
    let (url, secret): (Option<String>, Option<String>) = api_clients::table
        .find(id)
        .select((api_clients::webhook_url, api_clients::webhook_secret))
        .first(&mut conn)
        .unwrap();
    let waiting = webhook_deliveries::table
        .filter(webhook_deliveries::client_id.eq(id))
        .filter(webhook_deliveries::delivered_at.is_null())
        .filter(webhook_deliveries::failed_at.is_null())
        .count()
        .get_result(&mut conn)
        .unwrap();
    (url, secret.is_some(), waiting)
}

#[tokio::test]
async fn a_removed_webhook_or_a_revoked_client_is_told_nothing_more_and_its_secret_is_gone() {
    let (app, id, t, rx) = integrator_with_receiver(&["mandates"]).await;
    let register = json!({"url": rx.url, "secret": "a-shared-secret-of-the-integrator"});
    let put = |body: Value| {
        call(
            &app,
            reqwest::Method::PUT,
            "/api/v1/webhook",
            &t,
            Some(body),
        )
    };
    assert_eq!(put(register.clone()).await.0, 204);
    // A request accepted: its event waits for the sender.
    let (_, created, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "label": "Hook", "niss": NOAH})),
    )
    .await;
    let request_id = created["id"].as_str().unwrap().to_string();
    let citizen = accepted_by(&app, &created, NOAH).await;
    assert_eq!(webhook_held(&app, &id), (Some(rx.url.clone()), true, 1));
    // The integrator removes its webhook: what waited is not sent, nor tried again.
    let (status, _, _) = call(&app, reqwest::Method::DELETE, "/api/v1/webhook", &t, None).await;
    assert_eq!(status, 204);
    assert_eq!(webhook_held(&app, &id), (None, false, 0));
    let sent = app
        .run_job(mandat::jobs::Job::DeliverWebhooks)
        .await
        .unwrap();
    assert_eq!(sent, Some(0));
    assert!(rx.got.lock().unwrap().is_empty());
    // Registered again, then the access stopped: one event waits.
    assert_eq!(put(register).await.0, 204);
    citizen.citizen_stops_access(&request_id).await;
    assert_eq!(webhook_held(&app, &id), (Some(rx.url.clone()), true, 1));
    // The company revokes the client: its webhook's address and secret are erased at once,
    // and the waiting event is never sent.
    let web = app.another_browser();
    web.sign_in(JAN).await;
    let revoked = web
        .post_form(
            &format!("/company/api/clients/{id}/revoke"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(revoked.status().as_u16(), 303);
    assert_eq!(webhook_held(&app, &id), (None, false, 0));
    let sent = app
        .run_job(mandat::jobs::Job::DeliverWebhooks)
        .await
        .unwrap();
    assert_eq!(sent, Some(0));
    assert!(
        rx.got.lock().unwrap().is_empty(),
        "nothing after the removal"
    );
    // An event written as the client was being revoked (its transaction saw it still
    // active) is given up at its first attempt, not tried twelve times against no address.
    {
        use diesel::RunQueryDsl;
        diesel::sql_query(
            "INSERT INTO webhook_deliveries (client_id, event, payload, created_at, next_attempt_at)
             VALUES ($1, 'mandate.revoked', '{}', $2, $2)",
        )
        .bind::<diesel::sql_types::Uuid, _>(id.parse::<uuid::Uuid>().unwrap())
        .bind::<diesel::sql_types::Timestamptz, _>(mandat::clock::Clock::now(&app.clock))
        .execute(&mut app.db())
        .unwrap();
    }
    assert_eq!(webhook_held(&app, &id), (None, false, 1));
    let sent = app
        .run_job(mandat::jobs::Job::DeliverWebhooks)
        .await
        .unwrap();
    assert_eq!(sent, Some(0));
    assert_eq!(webhook_held(&app, &id), (None, false, 0), "given up");
}

#[tokio::test]
async fn a_client_is_rate_limited_and_a_suspended_companys_clients_are_refused() {
    let app = spawn_app().await;
    let (id, secret) = client_for_resto(&app, &["mandates", "precontractual-data"]).await;
    let t = bearer(&app, &id, &secret).await;
    let mut limited = None;
    let started = std::time::Instant::now();
    for i in 0..=mandat::limits::API_CALLS_PER_MINUTE * 2 {
        let (status, p, headers) = call(
            &app,
            reqwest::Method::GET,
            "/api/v1/mandates?pageSize=1",
            &t,
            None,
        )
        .await;
        if status == 429 {
            assert_eq!(p["code"], "RATE_LIMITED");
            let wait: u64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
            assert!((1..=60).contains(&wait));
            limited = Some(i);
            break;
        }
        assert_eq!(status, 200);
    }
    // A token bucket: 300 at once, refilled at 5 a second while the calls were made.
    let refilled = (started.elapsed().as_secs_f64() * 5.0).ceil() as u32;
    let limited = limited.expect("the calls over the limit are refused");
    assert!(
        (mandat::limits::API_CALLS_PER_MINUTE..=mandat::limits::API_CALLS_PER_MINUTE + refilled)
            .contains(&limited),
        "refused after {limited} calls ({refilled} refilled)"
    );
    // A new client of the same company has its own budget; once the company is suspended,
    // every client is refused.
    let web = app.another_browser();
    web.sign_in(JAN).await;
    let (id2, secret2) = new_client(&web, &[("name", "Second"), ("scope_mandates", "on")]).await;
    let res = token(&app, &id2, &secret2, None).await;
    let t2 = res.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        call(&app, reqwest::Method::GET, "/api/v1/mandates", &t2, None)
            .await
            .0,
        200
    );
    use diesel::prelude::*;
    use mandat::db::schema::companies;
    diesel::update(companies::table.filter(companies::bce.eq("0765432146")))
        .set((
            companies::suspended_at.eq(Some(chrono::Utc::now())),
            companies::suspension_reason.eq(Some("audit")),
        ))
        .execute(&mut app.db())
        .unwrap();
    let (status, p, _) = call(&app, reqwest::Method::GET, "/api/v1/mandates", &t2, None).await;
    assert_eq!(
        (status, p["code"].as_str().unwrap()),
        (403, "COMPANY_SUSPENDED")
    );
}

/// A citizen opens `link` in their own browser, signs in and accepts.
pub(crate) async fn citizen_accepts(app: &TestApp, link: &str, niss: &str) {
    let citizen = app.another_browser();
    let path = link
        .strip_prefix(&app.state.settings.public_url_citizen)
        .expect("a link of the citizen's host");
    let res = citizen.get(path).await;
    assert_eq!(res.status().as_u16(), 303, "GET {path}");
    let page = res.headers()["location"].to_str().unwrap().to_string();
    citizen.sign_in(niss).await;
    let res = citizen
        .post_form(&format!("{page}/answer"), &[("answer", "accept")])
        .await;
    assert_eq!(res.status().as_u16(), 303, "accept");
}

#[tokio::test]
async fn a_providers_client_acts_on_behalf_of_its_client_companies_only() {
    let app = spawn_app().await;
    // Lena, Socialia's main access manager, manages Socialia's own API access in the
    // company app, without choosing a client first.
    let lena = app.another_browser();
    lena.sign_in(LENA).await;
    let body = lena.page("/company/api").await;
    assert_eq!(
        crate::helpers::texts(&body, "[data-testid=accept-circle]").len(),
        1
    );
    // A new client's scopes are named in the page's language, with the API's own names.
    assert_eq!(
        crate::helpers::texts(&body, "fieldset label"),
        vec![
            "Citizen mandates API (mandates)",
            "Pre-contractual data API (precontractual-data)"
        ]
    );
    let clients = lena.page("/company/clients").await;
    assert_eq!(
        crate::helpers::texts(&clients, "[data-testid=api-link]").len(),
        1
    );
    assert_eq!(
        lena.post_form("/company/api/circle", &[])
            .await
            .status()
            .as_u16(),
        303
    );
    for scope in ["mandates", "precontractual-data"] {
        assert_eq!(
            lena.post_form(&format!("/company/api/{scope}/on"), &[])
                .await
                .status()
                .as_u16(),
            303
        );
    }
    let (id, secret) = new_client(
        &lena,
        &[
            ("name", "Payroll"),
            ("scope_mandates", "on"),
            ("scope_data", "on"),
        ],
    )
    .await;
    let t = bearer(&app, &id, &secret).await;
    // On behalf of Resto Pokébowl (which designated Socialia), without an e-mail: the
    // integrator delivers the link; Maria accepts; the client consults her.
    let (status, created, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "onBehalfOf": "0765.432.146"})),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    citizen_accepts(&app, created["link"].as_str().unwrap(), MARIA).await;
    let flexi = json!({"niss": MARIA, "onBehalfOf": "0765432146"});
    let (status, answer, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/precontractual-data/flexi-job",
        &t,
        Some(flexi),
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["quarters"][0]["status"], "ELIGIBLE");
    use diesel::prelude::*;
    use mandat::db::schema::{companies, consultations};
    let mut conn = app.db();
    let company_of = |conn: &mut diesel::PgConnection, bce: &str| -> uuid::Uuid {
        companies::table
            .filter(companies::bce.eq(bce))
            .select(companies::id)
            .first(conn)
            .unwrap()
    };
    let (resto, socialia) = (
        company_of(&mut conn, "0765432146"),
        company_of(&mut conn, "0412345614"),
    );
    let audited: (uuid::Uuid, Option<uuid::Uuid>, String, String) = consultations::table
        .filter(
            consultations::id
                .eq(uuid::Uuid::parse_str(answer["consultationId"].as_str().unwrap()).unwrap()),
        )
        .select((
            consultations::company_id,
            consultations::provider_id,
            consultations::actor_kind,
            consultations::actor_ref,
        ))
        .first(&mut conn)
        .unwrap();
    assert_eq!(
        audited,
        (resto, Some(socialia), "api_client".to_string(), id.clone())
    );
    // Without naming the client company, a provider's client acts for nobody.
    let (status, p, _) = call(&app, reqwest::Method::GET, "/api/v1/mandates", &t, None).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (400, Some("INVALID_REQUEST")),
        "{p}"
    );
    assert!(
        p["detail"].as_str().unwrap().ends_with("(onBehalfOf)"),
        "{p}"
    );
    let create = |on_behalf_of: &str| json!({"context": "FLEXI_JOB", "email": "s@example.be", "label": "Via API", "language": "en", "onBehalfOf": on_behalf_of});
    // Socialia acts for Resto Pokébowl, which designated it.
    let (status, created, headers) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(create("0765.432.146")),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let request_id = created["id"].as_str().unwrap().to_string();
    assert_eq!(
        headers["location"].to_str().unwrap(),
        format!("/api/v1/mandate-requests/{request_id}")
    );
    let ids = |list: &Value| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (status, list, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandate-requests?onBehalfOf=0765432146&pageSize=200",
        &t,
        None,
    )
    .await;
    assert_eq!(status, 200, "{list}");
    assert!(ids(&list).contains(&request_id));
    let path = format!("/api/v1/mandate-requests/{request_id}");
    let (status, r, _) = call(
        &app,
        reqwest::Method::GET,
        &format!("{path}?onBehalfOf=0765432146"),
        &t,
        None,
    )
    .await;
    assert_eq!((status, r["status"].as_str()), (200, Some("pending")));
    // Not for a company that did not designate Socialia (here, Socialia itself).
    let (status, p, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/mandates?onBehalfOf=0412345614",
        &t,
        None,
    )
    .await;
    assert_eq!((status, p["code"].as_str()), (400, Some("INVALID_REQUEST")));
    assert!(
        p["detail"].as_str().unwrap().ends_with("(onBehalfOf)"),
        "{p}"
    );
    // Not for a suspended client.
    diesel::update(companies::table.filter(companies::bce.eq("0765432146")))
        .set((
            companies::suspended_at.eq(Some(chrono::Utc::now())),
            companies::suspension_reason.eq(Some("audit")),
        ))
        .execute(&mut conn)
        .unwrap();
    for (method, path, body) in [
        (
            reqwest::Method::POST,
            "/api/v1/mandate-requests".to_string(),
            Some(create("0765432146")),
        ),
        (
            reqwest::Method::DELETE,
            format!("{path}?onBehalfOf=0765432146"),
            None,
        ),
        (
            reqwest::Method::POST,
            "/api/v1/precontractual-data/flexi-job".to_string(),
            Some(json!({"niss": NOAH, "onBehalfOf": "0765432146"})),
        ),
    ] {
        let (status, p, _) = call(&app, method, &path, &t, body).await;
        assert_eq!(
            (status, p["code"].as_str()),
            (403, Some("COMPANY_SUSPENDED")),
            "{path}"
        );
        assert_eq!(p["detail"], "The company is suspended by the helpdesk.");
    }
}
