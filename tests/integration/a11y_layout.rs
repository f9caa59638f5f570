//! Accessibility of the layout, in a real browser (issue 16): the contrast of the focus
//! ring and of the fields' borders (WCAG 1.4.11), and reflow down to 320 CSS pixels
//! (1.4.10): no page scrolls sideways and no link or button is out of reach or cut, on the
//! main pages of the three sides. Screenshots for review go to `target/screenshots/`.

use diesel::prelude::*;
use fantoccini::{Client, Locator};
use mandat::db::schema::access_requests;
use serde_json::{Value, json};

use crate::{
    browser::{Browser, sign_in_in_browser, wait_for_text},
    helpers::{TestApp, spawn_app},
};

/// Jan (Resto Pokébowl), Maria (a citizen), Claire (back office).
const JAN: &str = mandat::demo::people::JAN.niss();
const MARIA: &str = mandat::demo::people::MARIA.niss();
const TOMASZ: &str = mandat::demo::people::TOMASZ.niss();
const CLAIRE: &str = mandat::demo::people::CLAIRE.niss();

/// The id of the request with this label.
fn request_id(app: &TestApp, label: &str) -> uuid::Uuid {
    access_requests::table
        .filter(access_requests::label.eq(label))
        .select(access_requests::id)
        .first(&mut app.db())
        .unwrap_or_else(|e| panic!("request {label:?}: {e}"))
}

/// Makes the viewport (not the window) `width` CSS pixels wide and the window `height` high.
async fn viewport_sized(c: &Client, width: u32, height: u32) {
    let inner = || async {
        c.execute("return window.innerWidth;", vec![])
            .await
            .unwrap()
            .as_u64()
            .unwrap_or(0) as u32
    };
    c.set_window_size(width, height).await.expect("window size");
    let got = inner().await;
    if got != width {
        c.set_window_size(width + width.saturating_sub(got), height)
            .await
            .expect("window size");
    }
    assert_eq!(inner().await, width, "the viewport is {width} px wide");
}

/// Makes the viewport `width` CSS pixels wide.
async fn viewport(c: &Client, width: u32) {
    viewport_sized(c, width, 900).await;
}

/// What is out of reach on the current page: the page's own sideways scroll, links and
/// buttons (and fields) outside the viewport or cut by a box that clips them, and boxes
/// whose content overflows them sideways.
const REFLOW_PROBLEMS: &str = r#"
const de = document.documentElement;
const vw = de.clientWidth;
const problems = [];
if (de.scrollWidth > vw) problems.push(`the page is ${de.scrollWidth} px wide for ${vw}`);
const name = (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? '[' + el.dataset.testid + ']' : ''} "${(el.innerText || el.value || '').trim().slice(0, 40)}"`;
for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
  if (el.closest('.skip')) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (getComputedStyle(el).visibility === 'hidden') continue;
  if (r.left < -0.5 || r.right > vw + 0.5) {
    problems.push(`${name(el)} is outside the viewport (${Math.round(r.left)}..${Math.round(r.right)} of ${vw})`);
    continue;
  }
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX === 'visible') continue;
    const b = a.getBoundingClientRect();
    if (r.left < b.left - 0.5 || r.right > b.right + 0.5) {
      problems.push(`${name(el)} is cut by ${a.tagName.toLowerCase()}.${a.className} (${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(b.left)}..${Math.round(b.right)})`);
      break;
    }
  }
}
for (const el of document.querySelectorAll('body *')) {
  const s = getComputedStyle(el);
  if (s.overflowX === 'visible' || s.display === 'none' || el.clientWidth <= 1) continue;
  if (el.scrollWidth > el.clientWidth + 1 && !el.matches('input, select, textarea, svg, svg *')) {
    problems.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways (${el.scrollWidth} in ${el.clientWidth})`);
  }
}
return problems;
"#;

/// Asserts that nothing on the current page is out of reach at the current width.
async fn assert_reflows(c: &Client, what: &str) {
    let problems = c.execute(REFLOW_PROBLEMS, vec![]).await.unwrap();
    let width = c
        .execute("return window.innerWidth;", vec![])
        .await
        .unwrap();
    assert_eq!(problems, json!([]), "{what} at {width} px: {problems:#}");
}

/// Writes a screenshot of the whole page (`target/screenshots/<name>.png`) for review.
async fn screenshot(c: &Client, name: &str) {
    let number = |v: Value| v.as_u64().unwrap_or(0) as u32;
    let width = number(
        c.execute("return window.innerWidth;", vec![])
            .await
            .unwrap(),
    );
    let height = number(
        c.execute("return document.documentElement.scrollHeight;", vec![])
            .await
            .unwrap(),
    );
    viewport_sized(c, width, height.clamp(600, 4000)).await;
    let png = c.screenshot().await.expect("screenshot");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    viewport(c, width).await;
}

async fn goto(c: &Client, address: &str, path: &str) {
    c.goto(&format!("{address}{path}"))
        .await
        .unwrap_or_else(|e| panic!("open {path}: {e}"));
}

/// Switches the interface language with the header's switcher.
async fn language(c: &Client, code: &str) {
    c.find(Locator::Css(&format!("[data-testid=lang-{code}]")))
        .await
        .unwrap_or_else(|e| panic!("switch to {code}: {e}"))
        .click()
        .await
        .unwrap();
}

#[tokio::test]
async fn every_main_page_reflows_at_320_px_with_every_control_in_reach() {
    let app = spawn_app().await;
    let browser = Browser::start().await;
    let c = &browser.client;
    let a = app.address.as_str();

    // The company side: Jan makes a request in the browser, which shows "request created".
    sign_in_in_browser(c, a, JAN, "/company").await;
    c.wait()
        .for_element(Locator::Css("[data-testid=request-label]"))
        .await
        .expect("the request form");
    viewport(c, 320).await;
    c.find(Locator::Css("[data-testid=request-label]"))
        .await
        .unwrap()
        .send_keys("Kitchen weekend")
        .await
        .unwrap();
    c.find(Locator::Css("[data-testid=request-email]"))
        .await
        .unwrap()
        .send_keys("kitchen.weekend.candidate@example.be")
        .await
        .unwrap();
    c.find(Locator::Css("[data-testid=request-submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(c, "[data-testid=created]", "Kitchen weekend").await;
    let link: String = c
        .find(Locator::Css("[data-testid=created-link]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_reflows(c, "request created").await;
    // The dashboard's three tabs, each with rows.
    goto(c, a, "/company").await;
    for tab in ["active", "requested", "blocked"] {
        c.find(Locator::Css(&format!("[data-testid=tab-{tab}]")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.wait()
            .for_element(Locator::Css(&format!(
                "[data-testid=tab-panel][data-tab={tab}] [data-testid=row]"
            )))
            .await
            .unwrap_or_else(|e| panic!("rows in the {tab} tab: {e}"));
        // The Withdraw buttons and Consult links are there to check.
        let control = match tab {
            "active" => Some("consult-link"),
            "requested" => Some("withdraw"),
            _ => None,
        };
        if let Some(control) = control {
            c.find(Locator::Css(&format!("[data-testid={control}]")))
                .await
                .unwrap_or_else(|e| panic!("{control} in the {tab} tab: {e}"));
        }
        assert_reflows(c, &format!("the company's {tab} tab")).await;
        if tab == "requested" {
            screenshot(c, "company-dashboard-320").await;
        }
    }
    // At 1280 px, in English (longer words), nothing is clipped either.
    viewport(c, 1280).await;
    goto(c, a, "/company").await;
    language(c, "en").await;
    for tab in ["active", "requested", "blocked"] {
        c.find(Locator::Css(&format!("[data-testid=tab-{tab}]")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.wait()
            .for_element(Locator::Css(&format!(
                "[data-testid=tab-panel][data-tab={tab}] [data-testid=row]"
            )))
            .await
            .unwrap();
        assert_reflows(c, &format!("the company's {tab} tab in English")).await;
        if tab == "requested" {
            screenshot(c, "company-dashboard-1280-en").await;
        }
    }
    language(c, "fr").await;
    viewport(c, 320).await;
    // The consultation pages: a flexi-job and student hours.
    for (label, name) in [("Plonge", "flexi"), ("Étudiante caisse", "student")] {
        let id = request_id(&app, label);
        goto(c, a, &format!("/company/mandates/{id}")).await;
        assert_reflows(c, &format!("the mandate page ({name})")).await;
        c.find(Locator::Css("[data-testid=consult-now]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.wait()
            .for_element(Locator::Css("[data-testid=export-pdf]"))
            .await
            .unwrap_or_else(|e| panic!("the {name} consultation: {e}"));
        assert_reflows(c, &format!("the consultation ({name})")).await;
        screenshot(c, &format!("consultation-{name}-320")).await;
    }

    // The candidate's side: the link, opened on a phone, then Maria's history.
    c.delete_all_cookies().await.unwrap();
    let path = link
        .strip_prefix(&app.state.settings.public_url_citizen)
        .unwrap_or(&link)
        .to_string();
    goto(c, a, &path).await;
    assert_reflows(c, "the sign-in page the link leads to").await;
    c.find(Locator::Css(&format!("[data-testid=persona-{MARIA}]")))
        .await
        .expect("Maria's persona")
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("dl.facts"))
        .await
        .expect("the candidate's request page");
    for width in [390, 320] {
        viewport(c, width).await;
        assert_reflows(c, "the candidate's request page").await;
    }
    // "Continue as Maria Abara": the page with what is asked, for how long and what the
    // company will not see, and the answers.
    c.find(Locator::Css("[data-testid=continue-as]"))
        .await
        .expect("Continue as")
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("[data-testid=answer-accept]"))
        .await
        .expect("the answers");
    for width in [390, 320] {
        viewport(c, width).await;
        assert_reflows(c, "the candidate's request page, continued").await;
    }
    // "For how long" and "What the company will not see" keep a readable width.
    viewport(c, 390).await;
    let narrowest = c
        .execute(
            "return Math.min(...[...document.querySelectorAll('dl.facts dt, dl.facts dd')]
                .map(e => e.getBoundingClientRect().width));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        narrowest.as_f64().unwrap_or(0.0) >= 200.0,
        "a fact is squeezed into {narrowest} px"
    );
    screenshot(c, "candidate-request-390").await;
    viewport(c, 1280).await;
    screenshot(c, "candidate-request-1280").await;
    viewport(c, 320).await;
    // Maria's history holds the consultations made above; Tomasz's, a refusal.
    goto(c, a, "/me/history").await;
    c.wait()
        .for_element(Locator::Css("[data-testid=consultations]"))
        .await
        .expect("Maria's consultations");
    assert_reflows(c, "the citizen's history (consultations)").await;
    screenshot(c, "citizen-history-320").await;
    goto(c, a, "/me").await;
    assert_reflows(c, "the citizen's accesses").await;
    c.delete_all_cookies().await.unwrap();
    sign_in_in_browser(c, a, TOMASZ, "/me/history").await;
    c.wait()
        .for_element(Locator::Css("[data-testid=history]"))
        .await
        .expect("Tomasz's history");
    assert_reflows(c, "the citizen's history (requests)").await;

    // The back office.
    c.delete_all_cookies().await.unwrap();
    goto(c, a, "/sign-in?next=/admin").await;
    c.find(Locator::Css(&format!("[data-testid=staff-{CLAIRE}]")))
        .await
        .expect("Claire's staff persona")
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("[data-testid=jobs]"))
        .await
        .expect("the jobs");
    assert_reflows(c, "the back office's jobs").await;
    screenshot(c, "admin-jobs-320").await;
    goto(c, a, "/admin/search?label=Plonge").await;
    c.wait()
        .for_element(Locator::Css("[data-testid=results]"))
        .await
        .expect("search results");
    assert_reflows(c, "the back office's search").await;
    screenshot(c, "admin-search-320").await;

    let errors = c
        .execute("return window.__mandatErrors || [];", vec![])
        .await
        .unwrap();
    assert_eq!(errors, Value::Array(vec![]));
    browser.close().await;
}
