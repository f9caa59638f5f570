//! Accessibility of the pages as HTML (issue 16): every form's errors and hints are linked
//! to their fields (`aria-describedby` naming elements that exist and say the message,
//! `aria-invalid="true"`), a form with errors opens with a summary linking to each field,
//! its page's title starts with "Error:", the no-JS "request created" page has its `h1`,
//! the company tabs are plain links (the current one `aria-current="page"`, no tab roles
//! without their keyboard), no column header is empty and every repeated button or link
//! carries its row in its accessible name.

use std::collections::BTreeSet;

use mandat::{
    demo::people::{EMMA, JAN},
    i18n::Lang,
};
use scraper::{ElementRef, Html, Selector};

use crate::helpers::{TestApp, spawn_app, texts};

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

/// The text of an element, its whitespace collapsed.
fn text_of(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Problems of `aria-describedby` on a page: each id it names must exist.
fn describedby_problems(doc: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for e in doc.select(&sel("[aria-describedby]")) {
        for id in e
            .value()
            .attr("aria-describedby")
            .unwrap()
            .split_whitespace()
        {
            if doc.select(&sel(&format!("[id='{id}']"))).next().is_none() {
                found.push(format!(
                    "aria-describedby names #{id}, which is not on the page"
                ));
            }
        }
    }
    found
}

/// Checks a page that shows a form's errors: each control with `aria-invalid="true"` is
/// described by an error message with text, the summary links to every such control (and
/// only to controls that exist), the title starts with "Error:" (the page is in English).
/// Returns the ids of the invalid controls.
fn assert_errors_linked(html: &str, what: &str) -> BTreeSet<String> {
    let doc = Html::parse_document(html);
    let mut found = describedby_problems(&doc);
    let mut invalid = BTreeSet::new();
    for e in doc.select(&sel("[aria-invalid=true]")) {
        let id = e.value().id().unwrap_or_default().to_string();
        if id.is_empty() {
            found.push(format!("an invalid {} has no id", e.value().name()));
            continue;
        }
        let described: Vec<&str> = e
            .value()
            .attr("aria-describedby")
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        let error_id = format!("{id}-error");
        let by_error = described.iter().any(|d| {
            doc.select(&sel(&format!("[id='{d}']")))
                .next()
                .is_some_and(|m| {
                    m.value().classes().any(|c| c == "field-error") && !text_of(m).is_empty()
                })
        });
        if !described.contains(&error_id.as_str()) && !by_error {
            found.push(format!(
                "#{id} is invalid but not described by its error message: {described:?}"
            ));
        }
        invalid.insert(id);
    }
    if invalid.is_empty() {
        found.push("no field is aria-invalid".into());
    }
    // The error messages shown are all some field's description.
    for m in doc.select(&sel(".field-error[id]")) {
        let id = m.value().id().unwrap();
        let described = doc.select(&sel("[aria-describedby]")).any(|e| {
            e.value()
                .attr("aria-describedby")
                .unwrap()
                .split_whitespace()
                .any(|d| d == id)
        });
        if !described {
            found.push(format!("the message #{id} describes no field"));
        }
    }
    // The summary at the top of the form.
    match doc.select(&sel("#error-summary")).next() {
        None => found.push("no error summary".into()),
        Some(summary) => {
            if summary.value().attr("role") != Some("alert") {
                found.push("the error summary is not role=alert".into());
            }
            if summary.select(&sel("h2")).next().is_none() {
                found.push("the error summary has no heading".into());
            }
            let targets: BTreeSet<String> = summary
                .select(&sel("a[href^='#']"))
                .map(|a| a.value().attr("href").unwrap()[1..].to_string())
                .collect();
            for t in &targets {
                if doc.select(&sel(&format!("[id='{t}']"))).next().is_none() {
                    found.push(format!(
                        "the summary links to #{t}, which is not on the page"
                    ));
                }
            }
            for id in &invalid {
                // A radio group links to its first radio.
                let group_ok =
                    id.starts_with("kind-") && targets.iter().any(|t| t.starts_with("kind-"));
                if !targets.contains(id) && !group_ok {
                    found.push(format!("the summary does not link to #{id}"));
                }
            }
            for a in summary.select(&sel("a")) {
                if text_of(a).is_empty() {
                    found.push("an empty link in the summary".into());
                }
            }
        }
    }
    let title = texts(html, "title").into_iter().next().unwrap_or_default();
    if !title.starts_with("Error: ") {
        found.push(format!(
            "the title does not start with \"Error:\": {title:?}"
        ));
    }
    assert!(found.is_empty(), "{what}:\n{}", found.join("\n"));
    invalid
}

/// A session reading English.
async fn english(app: &TestApp) -> TestApp {
    let b = app.another_browser();
    let res = b.get("/lang/en").await;
    assert!(res.status().is_redirection() || res.status().is_success());
    b
}

async fn body_of(res: reqwest::Response, status: u16, what: &str) -> String {
    assert_eq!(res.status().as_u16(), status, "{what}");
    res.text().await.unwrap()
}

#[tokio::test]
async fn every_form_links_its_errors_and_hints_to_its_fields_and_sums_them_up() {
    let app = spawn_app().await;

    // The request form, without JavaScript: every field wrong.
    let jan = english(&app).await;
    jan.sign_in(JAN.niss()).await;
    let res = jan
        .post_form(
            "/company/requests",
            &[
                ("label", ""),
                ("email", "nobody@"),
                ("context", "NOPE"),
                ("language", "xx"),
                ("niss", "12"),
            ],
        )
        .await;
    let status = res.status().as_u16();
    let html = body_of(res, status, "request form").await;
    assert!(status >= 400, "a bad request form is refused: {status}");
    let invalid = assert_errors_linked(&html, "request form");
    for id in ["label", "email", "niss"] {
        assert!(invalid.contains(id), "#{id} invalid: {invalid:?}");
    }
    // The hints stay linked with the error: the label's hint and its message.
    let doc = Html::parse_document(&html);
    let label = doc.select(&sel("#label")).next().unwrap();
    assert_eq!(
        label.value().attr("aria-describedby"),
        Some("label-hint label-error")
    );
    assert!(!texts(&html, "#label-error").join("").trim().is_empty());
    // The summary says which field, then what is wrong.
    let links = texts(&html, "#error-summary a");
    assert!(
        links
            .iter()
            .any(|l| l.starts_with("Label") || l.contains(':')),
        "summary links: {links:?}"
    );
    // Through htmx: the same partial, linked the same way (its title is the page's).
    let csrf = jan.csrf().await;
    let res = jan
        .client
        .post(format!("{}/company/requests", jan.address))
        .header("hx-request", "true")
        .form(&[
            ("label", ""),
            ("email", "x"),
            ("context", "FLEXI_JOB"),
            ("language", "en"),
            ("niss", ""),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    let partial = res.text().await.unwrap();
    let doc = Html::parse_fragment(&partial);
    assert!(
        doc.select(&sel("#error-summary a[href='#label']"))
            .next()
            .is_some(),
        "{partial}"
    );
    assert!(
        doc.select(&sel(
            "#email[aria-invalid=true][aria-describedby~=email-error]"
        ))
        .next()
        .is_some()
    );

    // A form without errors: no summary, no aria-invalid, the hints described.
    let html = jan.page("/company/requests/new").await;
    let doc = Html::parse_document(&html);
    assert!(
        doc.select(&sel("#error-summary, [aria-invalid]"))
            .next()
            .is_none()
    );
    assert_eq!(
        doc.select(&sel("#niss"))
            .next()
            .unwrap()
            .value()
            .attr("aria-describedby"),
        Some("niss-hint")
    );
    assert!(describedby_problems(&doc).is_empty());
    assert!(!texts(&html, "title")[0].starts_with("Error"));

    // Users and providers.
    let res = jan
        .post_form("/company/users", &[("niss", "123"), ("role", "user")])
        .await;
    let status = res.status().as_u16();
    let html = body_of(res, status, "users").await;
    assert!(assert_errors_linked(&html, "users").contains("niss"));
    let res = jan
        .post_form("/company/providers", &[("bce", "0412.345.615")])
        .await;
    let status = res.status().as_u16();
    let html = body_of(res, status, "providers").await;
    assert!(assert_errors_linked(&html, "providers").contains("bce"));

    // An API client without a name.
    let res = jan
        .post_form(
            "/company/api/clients",
            &[("name", ""), ("scope_mandates", "on")],
        )
        .await;
    let html = body_of(res, 400, "API client").await;
    assert!(assert_errors_linked(&html, "API client").contains("client-name"));

    // Registration of a company.
    let emma = english(&app).await;
    emma.sign_in(EMMA.niss()).await;
    let res = emma
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
    let html = body_of(res, 400, "registration").await;
    let invalid = assert_errors_linked(&html, "registration");
    for id in ["bce", "name", "contact_email"] {
        assert!(invalid.contains(id), "#{id} invalid: {invalid:?}");
    }

    // The back office's search: the NISS field too.
    let claire = crate::admin::staff(&app, "claire").await;
    claire.get("/lang/en").await;
    let res = claire
        .post_form("/admin/search", &[("niss", "90051402427")])
        .await;
    let html = body_of(res, 400, "back-office search").await;
    assert!(assert_errors_linked(&html, "back-office search").contains("niss"));
    let doc = Html::parse_document(&html);
    assert_eq!(
        doc.select(&sel("#niss"))
            .next()
            .unwrap()
            .value()
            .attr("aria-describedby"),
        Some("niss-hint niss-error")
    );
    // Every hint of the search form is some field's description.
    let html = claire.page("/admin/search").await;
    let doc = Html::parse_document(&html);
    for hint in doc.select(&sel("form small")) {
        let id = hint.value().id().unwrap_or_default();
        assert!(!id.is_empty(), "a hint without id: {}", text_of(hint));
        assert!(
            doc.select(&sel(&format!("[aria-describedby~='{id}']")))
                .next()
                .is_some(),
            "the hint #{id} describes no field"
        );
    }
}

#[tokio::test]
async fn titles_headings_tabs_and_buttons_say_what_they_are() {
    let app = spawn_app().await;
    let jan = english(&app).await;
    jan.sign_in(JAN.niss()).await;

    // The no-JS "request created" page: its own title and an h1.
    let res = jan
        .post_form(
            "/company/requests",
            &crate::company::request_form("Kitchen weekend", "kw@example.be", "FLEXI_JOB", "en"),
        )
        .await;
    let html = body_of(res, 200, "request created").await;
    assert_eq!(texts(&html, "h1"), vec!["Request created"]);
    assert!(texts(&html, "title")[0].starts_with("Request created — "));

    // The tabs: plain links, the current one marked, no tab roles.
    for (path, current) in [
        ("/company/tabs/active", "tab-active"),
        ("/company/tabs/requested", "tab-requested"),
        ("/company/tabs/blocked", "tab-blocked"),
    ] {
        let html = jan.page(path).await;
        let doc = Html::parse_document(&html);
        assert!(
            doc.select(&sel(
                "[role=tab], [role=tablist], [role=tabpanel], [aria-selected]"
            ))
            .next()
            .is_none(),
            "{path}: tab roles without their keyboard"
        );
        let marked: Vec<String> = doc
            .select(&sel("#tab-nav a[aria-current=page]"))
            .map(|a| {
                a.value()
                    .attr("data-testid")
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        assert_eq!(marked, vec![current.to_string()], "{path}");
    }
    // The dashboard marks the one tab it shows.
    let html = jan.page("/company").await;
    assert_eq!(texts(&html, "#tab-nav a[aria-current=page]").len(), 1);

    // No empty column header; repeated buttons and links name their row.
    let requested = jan.page("/company/tabs/requested").await;
    let active = jan.page("/company/tabs/active").await;
    let users = jan.page("/company/users").await;
    let providers = jan.page("/company/providers").await;
    for (what, html) in [
        ("requested", &requested),
        ("active", &active),
        ("users", &users),
        ("providers", &providers),
    ] {
        let doc = Html::parse_document(html);
        for th in doc.select(&sel("th")) {
            assert!(!text_of(th).is_empty(), "{what}: an empty column header");
        }
    }
    let withdraws = texts(&requested, "[data-testid=withdraw]");
    assert!(
        withdraws
            .iter()
            .any(|w| w.contains("Withdraw: Kitchen weekend")),
        "withdraw buttons: {withdraws:?}"
    );
    let names: BTreeSet<String> = withdraws.iter().cloned().collect();
    assert_eq!(
        names.len(),
        withdraws.len(),
        "two Withdraw buttons alike: {withdraws:?}"
    );
    let consults = texts(&active, "[data-testid=consult-link]");
    assert!(!consults.is_empty());
    let names: BTreeSet<String> = consults.iter().cloned().collect();
    assert_eq!(
        names.len(),
        consults.len(),
        "two Consult links alike: {consults:?}"
    );
    assert!(
        consults
            .iter()
            .all(|c| c.starts_with("Consult") && c.contains(": ")),
        "{consults:?}"
    );
    let ends = texts(&providers, "[data-testid=provider-end]");
    assert!(ends.iter().all(|e| e.contains(": ")), "{ends:?}");
}

#[tokio::test]
async fn a_page_showing_form_errors_says_error_first_in_its_title_in_four_languages() {
    let app = spawn_app().await;
    let jan = app.another_browser();
    jan.sign_in(JAN.niss()).await;
    let mut titles = BTreeSet::new();
    for lang in Lang::ALL {
        jan.get(&format!("/lang/{}", lang.code())).await;
        // Without JavaScript, the form with its errors is the new-request page.
        let page = lang.t("company-nav-new");
        let res = jan
            .post_form(
                "/company/requests",
                &[
                    ("label", ""),
                    ("email", "x"),
                    ("context", "FLEXI_JOB"),
                    ("language", "fr"),
                    ("niss", ""),
                ],
            )
            .await;
        let html = res.text().await.unwrap();
        let title = texts(&html, "title").into_iter().next().unwrap_or_default();
        let expected = lang.t_args("title-error", &[("title", page.clone().into())]);
        assert!(
            title.starts_with(&expected.split_whitespace().collect::<Vec<_>>().join(" ")),
            "{}: {title:?} does not start with {expected:?}",
            lang.code()
        );
        assert_ne!(expected, page);
        // The same page without errors is titled by itself alone.
        let html = jan.page("/company/requests/new").await;
        let plain = texts(&html, "title").into_iter().next().unwrap_or_default();
        let page_words = page.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(plain.starts_with(&page_words), "{}: {plain:?}", lang.code());
        assert!(titles.insert(title), "two languages, one title");
    }
}
