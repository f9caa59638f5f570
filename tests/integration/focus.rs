//! Keeping the user's place in a real browser (issue 16, items 1 and 2): the live tabs do
//! not refresh away typed text or a focused button, their automatic refresh pauses and
//! resumes from the keyboard; after the request form, the focus is on its error summary
//! or on the created request's link, and the result is said in the live region. With
//! JavaScript, Withdraw asks in a dialog and acts without a confirmation page.

use std::time::Duration;

use fantoccini::{Client, Locator, key::Key};
use serde_json::{Value, json};

use crate::{
    browser::{Browser, click_then_wait, sign_in_in_browser, wait_for_text},
    company::JAN,
    helpers::{Options, spawn_app_with},
};

/// Runs `script` in the page (a function body) and returns its value.
async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, vec![]).await.unwrap()
}

/// Marks the current tab panel, to tell later whether a refresh replaced it.
async fn mark_panel(c: &Client) {
    js(
        c,
        "window.__panel = document.getElementById('tab-panel'); return true;",
    )
    .await;
}

/// Whether the marked panel was replaced by a refresh.
async fn panel_replaced(c: &Client) -> bool {
    js(
        c,
        "return document.getElementById('tab-panel') !== window.__panel;",
    )
    .await
        == json!(true)
}

/// Waits (up to 6 s, the refresh being every second) for a refresh of the marked panel.
async fn wait_for_refresh(c: &Client, what: &str) {
    for _ in 0..60 {
        if panel_replaced(c).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the tab panel was never refreshed: {what}");
}

/// Lets three refresh periods pass, and asserts none replaced the marked panel.
async fn assert_not_refreshed(c: &Client, what: &str) {
    tokio::time::sleep(Duration::from_millis(3500)).await;
    assert!(
        !panel_replaced(c).await,
        "the tab panel was refreshed: {what}"
    );
}

/// A company dashboard refreshing its tabs every second, Jan signed in, in English.
async fn dashboard(browser: &Browser) -> crate::helpers::TestApp {
    let app = spawn_app_with(Options {
        settings: vec![("tabs_refresh_seconds", "1".to_string())],
    })
    .await;
    let c = &browser.client;
    sign_in_in_browser(c, &app.address, JAN, "/company").await;
    c.goto(&format!("{}/lang/en?next=/company", app.address))
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("[data-testid=request-label]"))
        .await
        .expect("the dashboard");
    app
}

async fn fill_and_submit(c: &Client, label: &str, email: &str) {
    for (css, text) in [
        ("[data-testid=request-label]", label),
        ("[data-testid=request-email]", email),
    ] {
        let input = c.find(Locator::Css(css)).await.unwrap();
        input.clear().await.unwrap();
        if !text.is_empty() {
            input.send_keys(text).await.unwrap();
        }
    }
    crate::browser::click(c, "[data-testid=request-submit]").await;
}

/// The focused element's `data-testid` (or its id).
pub(crate) async fn focused(c: &Client) -> Value {
    js(
        c,
        "var a = document.activeElement; return a ? (a.getAttribute('data-testid') || a.id || a.tagName) : null;",
    )
    .await
}

/// Waits until the element `testid` has the focus (htmx moves it once the swap settled).
pub(crate) async fn wait_for_focus(c: &Client, testid: &str) {
    let mut last = Value::Null;
    for _ in 0..50 {
        last = focused(c).await;
        if last == json!(testid) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the focus never went to {testid}; it is on {last}");
}

async fn flash(c: &Client) -> String {
    let mut last = String::new();
    for _ in 0..30 {
        last = js(c, "return document.getElementById('flash').textContent;")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string();
        if !last.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    last
}

#[tokio::test]
async fn the_request_form_moves_the_focus_and_says_the_result() {
    let browser = Browser::start().await;
    let _app = dashboard(&browser).await;
    let c = &browser.client;
    // Failed: the focus on the error summary, said in the live region.
    fill_and_submit(c, "", "not an address").await;
    wait_for_focus(c, "error-summary").await;
    assert_eq!(flash(c).await, "Some fields need your attention.");
    // Succeeded: the focus on the created request's link, said in the live region.
    fill_and_submit(c, "Kitchen weekend", "kw@example.be").await;
    wait_for_text(c, "[data-testid=created]", "Kitchen weekend").await;
    wait_for_focus(c, "created-link").await;
    assert_eq!(flash(c).await, "Request created");
    assert_eq!(
        js(c, "return window.__mandatErrors || [];").await,
        json!([])
    );
    browser.close().await;
}

#[tokio::test]
async fn a_form_refused_on_a_page_of_its_own_opens_on_its_error_summary() {
    let browser = Browser::start().await;
    let app = spawn_app_with(Options::default()).await;
    let c = &browser.client;
    sign_in_in_browser(c, &app.address, JAN, "/company/api").await;
    c.goto(&format!("{}/lang/en?next=/company/api", app.address))
        .await
        .unwrap();
    // On a phone's width, the API page's form stands far below the top, under the list
    // of clients: refused (no API ticked), the page opens on its error summary.
    c.set_window_size(390, 800).await.unwrap();
    for css in ["#scope-mandates", "#scope-data"] {
        crate::browser::click(c, css).await;
    }
    click_then_wait(c, "[data-testid=create-client]", "#error-summary").await;
    wait_for_focus(c, "error-summary").await;
    let in_view = js(
        c,
        "var r = document.getElementById('error-summary').getBoundingClientRect();
         return r.top >= 0 && r.top < window.innerHeight;",
    )
    .await;
    assert_eq!(in_view, json!(true), "the error summary is in view");
    assert_eq!(
        js(c, "return window.__mandatErrors || [];").await,
        json!([])
    );
    browser.close().await;
}

#[tokio::test]
async fn the_live_tabs_keep_typed_text_and_focus_and_pause() {
    let browser = Browser::start().await;
    let _app = dashboard(&browser).await;
    let c = &browser.client;
    // A pending request of Jan's, with its Withdraw button in the requested tab.
    fill_and_submit(c, "Kitchen weekend", "kw@example.be").await;
    wait_for_text(c, "[data-testid=tab-panel]", "Kitchen weekend").await;
    // Nothing held: the panel refreshes by itself.
    js(c, "document.activeElement.blur(); return true;").await;
    mark_panel(c).await;
    wait_for_refresh(c, "with nothing held").await;
    // Text typed in the search box survives, focused or not.
    mark_panel(c).await;
    let search = c.find(Locator::Css("[data-testid=search]")).await.unwrap();
    search.send_keys("Kitch").await.unwrap();
    assert_not_refreshed(c, "while typing").await;
    js(c, "document.activeElement.blur(); return true;").await;
    assert_not_refreshed(c, "with typed text").await;
    let typed = c
        .find(Locator::Css("[data-testid=search]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(typed.as_deref(), Some("Kitch"));
    // Cleared: refreshed again.
    c.find(Locator::Css("[data-testid=search]"))
        .await
        .unwrap()
        .clear()
        .await
        .unwrap();
    js(c, "document.activeElement.blur(); return true;").await;
    wait_for_refresh(c, "after the search box was emptied").await;
    // A focused Withdraw button keeps the focus.
    js(
        c,
        "window.__button = document.querySelector('[data-testid=withdraw]'); window.__button.focus(); return true;",
    )
    .await;
    mark_panel(c).await;
    assert_not_refreshed(c, "while a Withdraw button has the focus").await;
    assert_eq!(
        js(
            c,
            "return document.activeElement === window.__button && window.__button.isConnected;"
        )
        .await,
        json!(true),
        "the focus stays on the Withdraw button"
    );
    // Paused from the keyboard: no more refresh, said so.
    let toggle = c
        .find(Locator::Css("[data-testid=live-toggle]"))
        .await
        .expect("the live control is shown");
    assert_eq!(toggle.text().await.unwrap(), "Pause updates");
    js(
        c,
        "document.querySelector('[data-testid=live-toggle]').focus(); return true;",
    )
    .await;
    toggle
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .unwrap();
    wait_for_text(
        c,
        "[data-testid=live-status]",
        "Automatic updates are paused.",
    )
    .await;
    assert_eq!(toggle.text().await.unwrap(), "Resume updates");
    js(c, "document.activeElement.blur(); return true;").await;
    mark_panel(c).await;
    assert_not_refreshed(c, "while paused").await;
    // Resumed: refreshed at once, and by itself again.
    toggle
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .unwrap();
    wait_for_text(c, "[data-testid=live-status]", "update automatically").await;
    js(c, "document.activeElement.blur(); return true;").await;
    wait_for_refresh(c, "after resuming").await;
    assert_eq!(
        js(c, "return window.__mandatErrors || [];").await,
        json!([])
    );
    browser.close().await;
}

#[tokio::test]
async fn withdraw_with_javascript_asks_in_a_dialog_and_keeps_the_focus_in_the_panel() {
    let browser = Browser::start().await;
    let _app = dashboard(&browser).await;
    let c = &browser.client;
    fill_and_submit(c, "Kitchen weekend", "kw@example.be").await;
    wait_for_text(c, "[data-testid=tab-panel]", "Kitchen weekend").await;
    js(c, "window.__sameDocument = true; return true;").await;
    let row = "[data-testid=row]:has([data-testid=label])";
    let button = c
        .find(Locator::Css(&format!("{row} [data-testid=withdraw]")))
        .await
        .unwrap();
    // Refused in the dialog: nothing happens.
    button.click().await.unwrap();
    c.dismiss_alert().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        c.find(Locator::Css("[data-testid=withdraw]")).await.is_ok(),
        "still pending"
    );
    // Confirmed: withdrawn in place, no confirmation page, the focus in the panel.
    c.find(Locator::Css("[data-testid=withdraw]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.accept_alert().await.unwrap();
    wait_for_text(c, "[data-testid=tab-panel]", "Withdrawn").await;
    assert_eq!(
        js(c, "return window.__sameDocument === true;").await,
        json!(true)
    );
    wait_for_focus(c, "tab-panel").await;
    // The address names what the panel now shows: the Requested tab's first page.
    assert_eq!(address(c).await, "/company?tab=requested");
    assert_eq!(
        js(c, "return window.__mandatErrors || [];").await,
        json!([])
    );
    browser.close().await;
}

/// Waits until the dashboard's panel shows `tab`.
async fn wait_for_tab(c: &Client, tab: &str, what: &str) {
    c.wait()
        .for_element(Locator::Css(&format!(
            "[data-testid=tab-panel][data-tab={tab}]"
        )))
        .await
        .unwrap_or_else(|e| panic!("the {tab} tab {what}: {e}"));
}

#[tokio::test]
async fn a_tab_has_an_address_that_back_and_a_reload_come_back_to() {
    let browser = Browser::start().await;
    let c = &browser.client;
    let app = dashboard(&browser).await;
    crate::a11y_layout::open_tab(c, "active").await;
    let url = c.current_url().await.unwrap();
    assert_eq!(
        (url.path(), url.query()),
        ("/company", Some("tab=active")),
        "the address names the tab"
    );
    c.refresh().await.unwrap();
    wait_for_tab(c, "active", "after a reload").await;
    crate::a11y_layout::open_tab(c, "blocked").await;
    c.back().await.unwrap();
    wait_for_tab(c, "active", "after Back").await;
    // Back asked the server: no copy of a page (names, NISS) kept in the tab's storage.
    assert_eq!(
        js(c, "return sessionStorage.getItem('htmx-history-cache');").await,
        Value::Null
    );
    browser.close().await;

    // Without JavaScript, the same address shows the same tab.
    let web = app.another_browser();
    web.sign_in(JAN).await;
    let page = web.page("/company?tab=blocked").await;
    assert_eq!(
        crate::helpers::attr(&page, "[data-testid=tab-blocked]", "aria-current").as_deref(),
        Some("page")
    );
    assert!(page.contains("data-tab=\"blocked\""));
    // An unknown tab: the dashboard as usual.
    let page = web.page("/company?tab=nope").await;
    assert_eq!(
        crate::helpers::attr(&page, "[data-testid=tab-requested]", "aria-current").as_deref(),
        Some("page")
    );
}

/// The labels of the rows the tab panel shows.
async fn shown_labels(c: &Client) -> Vec<String> {
    let labels = js(
        c,
        "return [...document.querySelectorAll('#tab-panel [data-testid=label]')]\
           .map(e => e.textContent.trim());",
    )
    .await;
    serde_json::from_value(labels).unwrap()
}

/// The path and query the browser shows.
async fn address(c: &Client) -> String {
    let url = c.current_url().await.unwrap();
    format!("{}?{}", url.path(), url.query().unwrap_or_default())
}

#[tokio::test]
async fn a_tabs_search_and_page_have_an_address_that_back_and_a_reload_come_back_to() {
    let browser = Browser::start().await;
    let c = &browser.client;
    let app = dashboard(&browser).await;
    // 25 requests one search finds: two pages (20, then the 5 oldest).
    let jan = app.another_browser();
    jan.sign_in(JAN).await;
    for i in 0..25 {
        app.clock.advance(chrono::Duration::seconds(1));
        let label = format!("Kitchen {i:02}");
        let form = crate::helpers::RequestForm::new(&label, "k@example.be", "FLEXI_JOB", "fr");
        jan.company_creates_request(&form).await;
    }
    // Focused (in one step: the panel refreshes every second), the panel keeps its search
    // box while the user types.
    js(
        c,
        "document.querySelector('[data-testid=search]').focus(); return true;",
    )
    .await;
    let search = c.active_element().await.unwrap();
    search.send_keys("Kitchen").await.unwrap();
    search.send_keys(&Key::Enter.to_string()).await.unwrap();
    // The search's panel (the tab without a search has two pages too).
    c.wait()
        .for_element(Locator::Css(
            "#tab-panel:has([data-testid=search][value=Kitchen]) [data-testid=next-page]",
        ))
        .await
        .expect("the search's first page");
    assert_eq!(address(c).await, "/company?tab=requested&q=Kitchen");
    assert_eq!(shown_labels(c).await[0], "Kitchen 24");

    // The second page: after the first page's last row.
    click_then_wait(
        c,
        "[data-testid=next-page]",
        "#tab-panel [data-testid=previous-page]",
    )
    .await;
    let second = address(c).await;
    assert!(
        second.starts_with("/company?tab=requested&q=Kitchen&page=2&after="),
        "{second}"
    );
    let oldest: Vec<String> = (0..5).rev().map(|i| format!("Kitchen {i:02}")).collect();
    assert_eq!(shown_labels(c).await, oldest);

    // A reload shows the same page of the same search, in the dashboard.
    c.refresh().await.unwrap();
    c.wait()
        .for_element(Locator::Css("#tab-panel [data-testid=previous-page]"))
        .await
        .expect("the second page after a reload");
    assert_eq!(address(c).await, second);
    assert_eq!(shown_labels(c).await, oldest);
    let typed = c.find(Locator::Css("[data-testid=search]")).await.unwrap();
    assert_eq!(
        typed.prop("value").await.unwrap().as_deref(),
        Some("Kitchen")
    );
    assert!(
        c.find(Locator::Css("[data-testid=request-label]"))
            .await
            .is_ok(),
        "the request form is still there"
    );

    // Back: the search's first page.
    c.back().await.unwrap();
    c.wait()
        .for_element(Locator::Css("#tab-panel [data-testid=next-page]"))
        .await
        .expect("the first page after Back");
    assert_eq!(address(c).await, "/company?tab=requested&q=Kitchen");
    assert_eq!(shown_labels(c).await[0], "Kitchen 24");
    browser.close().await;

    // Without JavaScript, the search form leads to the same address.
    let page = jan.page("/company?tab=requested&q=Kitchen").await;
    assert_eq!(
        crate::helpers::attr(&page, "form.search", "action").as_deref(),
        Some("/company")
    );
    assert_eq!(
        crate::helpers::attr(&page, "form.search input[name=tab]", "value").as_deref(),
        Some("requested")
    );
    let next = crate::helpers::attr(&page, "[data-testid=next-page]", "href").unwrap();
    assert!(
        next.starts_with("/company?tab=requested&q=Kitchen&page=2"),
        "{next}"
    );
}
