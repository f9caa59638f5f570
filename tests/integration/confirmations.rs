//! Destructive actions confirmed without JavaScript (issue 16, item 7): withdraw a request,
//! remove a user, end a provider's designation, revoke an API client. Their buttons' forms
//! say `confirmed=` (set to `yes` by the script's dialog); posted without `yes`, as a
//! browser without JavaScript does, the action answers a confirmation page naming what it
//! acts on and changes nothing; the page's own form (the same POST, confirmed) does it.

use diesel::prelude::*;
use mandat::db::schema::{access_requests, api_clients, provider_links};

use crate::{
    api::client_for_resto,
    company::{EMMA, JAN, LENA},
    helpers::{RequestForm, TestApp, attr, spawn_app, texts},
};

/// The hidden fields of the first POST form of `html` matching `form_css` (the CSRF token
/// left out: `post_form` adds the session's).
fn hidden_fields(html: &str, form_css: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let form = doc
        .select(&scraper::Selector::parse(form_css).unwrap())
        .next()
        .unwrap_or_else(|| panic!("no {form_css} in {html}"));
    form.select(&scraper::Selector::parse("input[type=hidden]").unwrap())
        .filter_map(|i| Some((i.value().attr("name")?, i.value().attr("value")?)))
        .filter(|(n, _)| *n != "csrf")
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

/// Posts a form of a page as a browser without JavaScript does: its action and its hidden
/// fields, as they are.
async fn post_as_shown(app: &TestApp, html: &str, form_css: &str) -> reqwest::Response {
    let action = attr(html, form_css, "action").expect("the form's action");
    let fields = hidden_fields(html, form_css);
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    app.post_form(&action, &fields).await
}

/// The confirmation page answered to an unconfirmed POST: 200, its title, what it names;
/// its Yes form posts `confirmed=yes` back to the same action.
async fn confirmation_page(res: reqwest::Response, action: &str, title: &str) -> String {
    assert_eq!(res.status().as_u16(), 200, "a confirmation page");
    let body = res.text().await.unwrap();
    assert_eq!(texts(&body, "h1"), vec![title.to_string()], "{body}");
    assert!(
        body.contains(&format!("<title>{title}")),
        "titled by its question"
    );
    let yes = "[data-testid=confirm-form]";
    assert_eq!(attr(&body, yes, "action").as_deref(), Some(action));
    assert!(
        hidden_fields(&body, yes).contains(&("confirmed".to_string(), "yes".to_string())),
        "the Yes form confirms"
    );
    assert!(attr(&body, "[data-testid=confirm-no]", "href").is_some());
    body
}

async fn in_english(app: &TestApp, niss: &str) {
    app.sign_in(niss).await;
    app.get("/lang/en?next=/").await;
}

#[tokio::test]
async fn withdrawing_a_request_without_javascript_asks_first() {
    let app = spawn_app().await;
    in_english(&app, JAN).await;
    app.company_creates_request(&RequestForm::new(
        "Kitchen weekend",
        "kw@example.be",
        "FLEXI_JOB",
        "en",
    ))
    .await;
    let id = app.request_id("Kitchen weekend");
    let status = || -> String {
        access_requests::table
            .find(id)
            .select(access_requests::status)
            .first(&mut app.db())
            .unwrap()
    };
    let action = format!("/company/requests/{id}/withdraw");
    // The tab's Withdraw button, pressed without JavaScript: the confirmation page.
    let tab = app.page("/company/tabs/requested?q=kitchen").await;
    let form = format!("form[action=\"{action}\"]");
    let res = post_as_shown(&app, &tab, &form).await;
    let page = confirmation_page(res, &action, "Withdraw this request?").await;
    assert_eq!(
        texts(&page, "[data-testid=confirm-object]"),
        vec!["Kitchen weekend — kw@example.be".to_string()]
    );
    assert_eq!(status(), "pending", "nothing done before the confirmation");
    // Another company cannot have the page of Jan's request.
    let emma = app.another_browser();
    emma.sign_in(EMMA).await;
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
    assert_eq!(emma.post_form(&action, &[]).await.status().as_u16(), 404);
    // Yes: withdrawn, back to the tab.
    let res = post_as_shown(&app, &page, "[data-testid=confirm-form]").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/company?tab=requested");
    assert_eq!(status(), "withdrawn");
    // Asked again, it is no longer pending: refused, not confirmed.
    let res = app.post_form(&action, &[]).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(texts(&res.text().await.unwrap(), "h1").is_empty());
}

#[tokio::test]
async fn removing_a_user_without_javascript_asks_first() {
    let app = spawn_app().await;
    in_english(&app, JAN).await;
    let res = app.manager_sets_member("95.09.09-164.72", "user").await;
    assert_eq!(res.status().as_u16(), 303);
    let emma = app.another_browser();
    emma.sign_in(EMMA).await;
    assert_eq!(emma.get("/company").await.status().as_u16(), 200);
    // Emma's Remove button, pressed without JavaScript (its form's fields as they are).
    let users = app.page("/company/users").await;
    let emma_niss = mandat::domain::Niss::parse(EMMA).unwrap();
    let fields = hidden_fields(
        &users,
        &format!(
            "form[action=\"/company/users/remove\"]:has(input[name=niss][value=\"{}\"])",
            emma_niss.as_str()
        ),
    );
    assert_eq!(fields.len(), 2, "{fields:?}");
    assert!(fields.contains(&("confirmed".to_string(), String::new())));
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let res = app.post_form("/company/users/remove", &fields).await;
    let page = confirmation_page(res, "/company/users/remove", "Remove this user?").await;
    assert_eq!(
        texts(&page, "[data-testid=confirm-object]"),
        vec!["Emma Martin (95.09.09-164.72)".to_string()]
    );
    assert_eq!(
        emma.get("/company").await.status().as_u16(),
        200,
        "still a member"
    );
    // The main access manager cannot be removed: refused before any confirmation.
    let res = app
        .post_form("/company/users/remove", &[("niss", JAN)])
        .await;
    assert_eq!(res.status().as_u16(), 409);
    // A plain user may not even see the question.
    let res = emma
        .post_form("/company/users/remove", &[("niss", EMMA)])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    // Yes: removed, access lost at once.
    let res = post_as_shown(&app, &page, "[data-testid=confirm-form]").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        emma.get("/company").await.headers()["location"],
        "/company/register"
    );
}

#[tokio::test]
async fn ending_a_provider_without_javascript_asks_first() {
    let app = spawn_app().await;
    in_english(&app, JAN).await;
    let providers = app.page("/company/providers").await;
    let form = "[data-testid=provider] form";
    let action = attr(&providers, form, "action").unwrap();
    let res = post_as_shown(&app, &providers, form).await;
    let page = confirmation_page(res, &action, "End this provider's designation?").await;
    let named = texts(&page, "[data-testid=confirm-object]");
    assert!(named[0].starts_with("Socialia ("), "{named:?}");
    let active = || -> i64 {
        provider_links::table
            .filter(provider_links::ended_at.is_null())
            .count()
            .get_result(&mut app.db())
            .unwrap()
    };
    let before = active();
    // Lena (Socialia) still acts for Resto Pokébowl.
    let lena = app.another_browser();
    lena.sign_in(LENA).await;
    assert!(
        lena.page("/company/clients")
            .await
            .contains("Resto Pokébowl")
    );
    // Yes: ended.
    let res = post_as_shown(&app, &page, "[data-testid=confirm-form]").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(active(), before - 1);
    assert!(
        !lena
            .page("/company/clients")
            .await
            .contains("Resto Pokébowl")
    );
    // Ended: nothing left to confirm.
    assert_eq!(app.post_form(&action, &[]).await.status().as_u16(), 404);
}

#[tokio::test]
async fn revoking_an_api_client_without_javascript_asks_first() {
    let app = spawn_app().await;
    let (client_id, _) = client_for_resto(&app, &[]).await;
    in_english(&app, JAN).await;
    let api = app.page("/company/api").await;
    let form = "[data-testid=api-client] form";
    let action = format!("/company/api/clients/{client_id}/revoke");
    assert_eq!(attr(&api, form, "action").as_deref(), Some(action.as_str()));
    let res = post_as_shown(&app, &api, form).await;
    let page = confirmation_page(res, &action, "Revoke this API client?").await;
    assert_eq!(
        texts(&page, "[data-testid=confirm-object]"),
        vec![format!("HR software (client_id {client_id})")]
    );
    let id: uuid::Uuid = client_id.parse().unwrap();
    let revoked = || -> bool {
        api_clients::table
            .find(id)
            .select(api_clients::revoked_at)
            .first::<Option<chrono::DateTime<chrono::Utc>>>(&mut app.db())
            .unwrap()
            .is_some()
    };
    assert!(!revoked(), "nothing done before the confirmation");
    // Another company's manager cannot have the page.
    let other = app.another_browser();
    other.sign_in(LENA).await;
    assert!(
        other
            .post_form(&action, &[])
            .await
            .status()
            .is_client_error()
    );
    let res = post_as_shown(&app, &page, "[data-testid=confirm-form]").await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(revoked());
}

#[tokio::test]
async fn the_confirmation_pages_speak_four_languages() {
    use mandat::i18n::{Lang, typography::problems};
    let app = spawn_app().await;
    let (client_id, _) = client_for_resto(&app, &[]).await;
    app.sign_in(JAN).await;
    app.company_creates_request(&RequestForm::new(
        "Kitchen weekend",
        "kw@example.be",
        "FLEXI_JOB",
        "fr",
    ))
    .await;
    let request = app.request_id("Kitchen weekend");
    let providers = app.page("/company/providers").await;
    let end = attr(&providers, "[data-testid=provider] form", "action").unwrap();
    let users = app.page("/company/users").await;
    let member = attr(
        &users,
        "[data-testid=member] form input[name=niss]",
        "value",
    )
    .unwrap();
    // Each action, its fields, its page's title.
    type Asked<'a> = (String, Vec<(&'a str, &'a str)>, &'a str);
    let asked: [Asked; 5] = [
        (
            format!("/company/requests/{request}/withdraw"),
            vec![],
            "withdraw-title",
        ),
        (
            "/company/users/remove".to_string(),
            vec![("niss", member.as_str())],
            "remove-title",
        ),
        (end, vec![], "providers-end-title"),
        (
            "/company/users/main".to_string(),
            vec![("niss", member.as_str())],
            "users-main-confirm-title",
        ),
        (
            format!("/company/api/clients/{client_id}/revoke"),
            vec![],
            "api-client-revoke-title",
        ),
    ];
    let mut found = Vec::new();
    for lang in Lang::ALL {
        app.get(&format!("/lang/{}?next=/", lang.code())).await;
        for (action, fields, title_key) in &asked {
            let res = app.post_form(action, fields).await;
            assert_eq!(res.status().as_u16(), 200, "{action} in {}", lang.code());
            let body = res.text().await.unwrap();
            // The same words (the page sets French no-break spaces narrow).
            let plain = |t: &str| t.replace(['\u{a0}', '\u{202f}'], " ");
            let h1: Vec<String> = texts(&body, "h1").iter().map(|t| plain(t)).collect();
            assert_eq!(h1, vec![plain(&lang.t(title_key))], "{action}");
            // The text as it is (`texts` folds the no-break spaces away).
            let doc = scraper::Html::parse_document(&body);
            let main = scraper::Selector::parse("main h1, main p").unwrap();
            let text = doc
                .select(&main)
                .map(|e| e.text().collect::<String>())
                .collect::<Vec<_>>()
                .join("\n");
            for problem in problems(lang, &text) {
                found.push(format!("{} {action}: {problem}", lang.code()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
