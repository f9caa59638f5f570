//! Accessibility of the layout, in a real browser (issue 16): the contrast of the focus
//! ring and of the fields' borders (WCAG 1.4.11), and reflow down to 320 CSS pixels
//! (1.4.10), checked together on every page: no page scrolls sideways and no link or button is out of reach or cut, on the
//! main pages of the three sides. Screenshots for review go to `target/screenshots/`.

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use crate::{
    browser::{Browser, click_and_load, click_then_wait, sign_in_in_browser, wait_for_text},
    helpers::spawn_app,
};

/// Jan (Resto Pokébowl), Maria (a citizen), Claire (back office).
const JAN: &str = mandat::demo::people::JAN.niss();
const MARIA: &str = mandat::demo::people::MARIA.niss();
const TOMASZ: &str = mandat::demo::people::TOMASZ.niss();
const CLAIRE: &str = mandat::demo::people::CLAIRE.niss();
const PIETER: &str = mandat::demo::people::PIETER.niss();

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
pub(crate) const REFLOW_PROBLEMS: &str = r#"
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
    assert_non_text_contrast(c, what).await;
    let problems = c.execute(REFLOW_PROBLEMS, vec![]).await.unwrap();
    let width = c
        .execute("return window.innerWidth;", vec![])
        .await
        .unwrap();
    assert_eq!(problems, json!([]), "{what} at {width} px: {problems:#}");
    assert_no_broken_words(c, &format!("{what} at {width} px")).await;
}

/// For every visible link, button and field of the current page, focused in turn: the
/// focus outline's colour (or `null` without an outline at least 2 px wide) and the colour
/// it is drawn on; for every field, its border's colour and the colours on either side.
const NON_TEXT_COLOURS: &str = r#"
const rgba = (css) => { const n = (css.match(/[\d.]+/g) || []).map(Number); return [n[0] || 0, n[1] || 0, n[2] || 0, n.length > 3 ? n[3] : 1]; };
const over = (top, under) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]); };
// The colour painted behind an element's box, its ancestors' backgrounds blended in.
const behind = (el) => {
  const layers = [];
  for (let a = el; a; a = a.parentElement) {
    const c = rgba(getComputedStyle(a).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  let colour = [255, 255, 255, 1];
  for (const layer of layers.reverse()) colour = over(layer, colour);
  return colour.slice(0, 3);
};
const name = (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? '[' + el.dataset.testid + ']' : ''} "${(el.innerText || el.value || el.name || '').trim().slice(0, 30)}"`;
const out = [];
const before = document.activeElement;
for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0 && !el.matches('.skip')) continue;
  if (getComputedStyle(el).visibility === 'hidden') continue;
  el.focus({ preventScroll: true });
  if (document.activeElement !== el) continue;
  const s = getComputedStyle(el);
  const wide = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  out.push({ what: `the focus ring of ${name(el)}`, fg: wide ? rgba(s.outlineColor).slice(0, 3) : null, bg: behind(el.parentElement) });
  el.blur();
  if (el.matches('input[type=text], input[type=email], input[type=search], select, textarea')) {
    const b = rgba(s.borderTopColor).slice(0, 3);
    out.push({ what: `the border of ${name(el)} against its inside`, fg: b, bg: behind(el) });
    out.push({ what: `the border of ${name(el)} against the page`, fg: b, bg: behind(el.parentElement) });
  }
}
if (before && before.focus) before.focus({ preventScroll: true });
return out;
"#;

/// WCAG's relative luminance of an sRGB colour.
fn luminance(rgb: &[f64]) -> f64 {
    let channel = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// WCAG's contrast ratio of two colours.
fn contrast(a: &[f64], b: &[f64]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Asserts that the focus ring and the fields' borders reach 3:1 (WCAG 1.4.11) on the
/// current page.
async fn assert_non_text_contrast(c: &Client, what: &str) {
    let found = c.execute(NON_TEXT_COLOURS, vec![]).await.unwrap();
    let colour = |v: &Value| -> Option<Vec<f64>> {
        v.as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
    };
    let items = found.as_array().cloned().unwrap_or_default();
    assert!(!items.is_empty(), "{what}: nothing focusable found");
    let mut problems = Vec::new();
    for item in &items {
        let name = item["what"].as_str().unwrap_or_default();
        let bg = colour(&item["bg"]).expect("a background");
        match colour(&item["fg"]) {
            None => problems.push(format!("{name}: no visible outline")),
            Some(fg) => {
                let ratio = contrast(&fg, &bg);
                if ratio < 3.0 {
                    problems.push(format!("{name}: {ratio:.2}:1 ({fg:?} on {bg:?})"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{what}: {problems:#?}");
}

#[test]
fn the_contrast_ratio_is_wcags() {
    assert!((contrast(&[0.0, 0.0, 0.0], &[255.0, 255.0, 255.0]) - 21.0).abs() < 0.01);
    // The old focus ring on the page: 1.6:1.
    let ratio = contrast(&[244.0, 195.0, 0.0], &[250.0, 251.0, 252.0]);
    assert!((1.5..1.7).contains(&ratio), "{ratio}");
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
    crate::browser::click(c, "[data-testid=request-submit]").await;
    wait_for_text(c, "[data-testid=created]", "Kitchen weekend").await;
    let link = crate::browser::created_link(c).await;
    assert_reflows(c, "request created").await;
    // The dashboard's three tabs, each with rows.
    goto(c, a, "/company").await;
    for tab in ["active", "requested", "blocked"] {
        open_tab(c, tab).await;
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
        open_tab(c, tab).await;
        assert_reflows(c, &format!("the company's {tab} tab in English")).await;
        if tab == "requested" {
            screenshot(c, "company-dashboard-1280-en").await;
        }
    }
    language(c, "fr").await;
    viewport(c, 320).await;
    // The consultation pages: a flexi-job and student hours.
    for (label, name) in [("Plonge", "flexi"), ("Étudiante caisse", "student")] {
        let id = app.request_id(label);
        goto(c, a, &format!("/company/mandates/{id}")).await;
        assert_reflows(c, &format!("the mandate page ({name})")).await;
        click_then_wait(c, "[data-testid=consult-now]", "[data-testid=export-pdf]").await;
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
    // Its "Continue as": the sign-in page that says what waits shows facts too.
    c.wait()
        .for_element(Locator::Css("[data-testid=continue-as]"))
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
    staff_signs_in(c, a, CLAIRE).await;
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

/// Every other page holding a table, in German (the longest words: "Hauptzugangsverwalter"),
/// at 320, 961 (the dashboard's tabs at their narrowest beside the request form) and
/// 1280 px: the dashboard's three tabs, a company's users, providers, API clients and demo
/// mailbox; the back office's counts, a request's timeline (its transitions, e-mails and
/// their attempts), a company, the staff, the staff's audit and the trainers' tenants. A
/// table narrower than its rows need is read as a card per row, each value under its
/// column's name; at every width, no word is broken.
#[tokio::test]
async fn every_table_reads_on_a_phone_and_a_desktop_in_german() {
    let app = crate::tenants::spawn_tenant_app(vec![]).await;
    crate::api::client_for_resto(&app, &["mandates"]).await;
    crate::tenants::make(&app, crate::tenants::new_tenant("team-a"))
        .await
        .expect("a tenant");
    let plonge = app.request_id("Plonge");
    let resto: uuid::Uuid = {
        use diesel::prelude::*;
        use mandat::db::schema::companies;
        companies::table
            .filter(companies::bce.eq("0765432146"))
            .select(companies::id)
            .first(&mut app.db())
            .unwrap()
    };
    let browser = Browser::start().await;
    let c = &browser.client;
    let a = app.address.as_str();

    let company_pages = [
        "/company/tabs/requested",
        "/company/users",
        "/company/providers",
        "/company/api",
        "/demo/mailbox",
    ];
    let staff_pages = [
        "/admin".to_string(),
        format!("/admin/requests/{plonge}"),
        format!("/admin/companies/{resto}"),
        "/admin/staff".to_string(),
        "/admin/audit".to_string(),
        "/admin/tenants".to_string(),
    ];
    sign_in_in_browser(c, a, JAN, "/company/users").await;
    language(c, "de").await;
    // 961 px: the narrowest screen where the dashboard puts the request form beside the tabs.
    for width in [320, 961, 1280] {
        viewport(c, width).await;
        goto(c, a, "/company").await;
        for tab in ["active", "requested", "blocked"] {
            open_tab(c, tab).await;
            assert_reflows(c, &format!("the dashboard's {tab} tab")).await;
        }
        screenshot(c, &format!("company-dashboard-{width}-de")).await;
        for page in company_pages {
            goto(c, a, page).await;
            assert_reflows(c, page).await;
            screenshot(c, &format!("{}-{width}-de", page[1..].replace('/', "-"))).await;
        }
    }
    staff_signs_in(c, a, PIETER).await;
    language(c, "de").await;
    for width in [320, 961, 1280] {
        viewport(c, width).await;
        for page in &staff_pages {
            goto(c, a, page).await;
            assert_reflows(c, page).await;
        }
        screenshot(c, &format!("admin-tenants-{width}-de")).await;
    }
    browser.close().await;
}

/// The words of the current page broken across two lines (see [`assert_no_broken_words`]).
pub(crate) const BROKEN_WORDS: &str = r#"
const out = [];
const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walk.nextNode()) {
  const node = walk.currentNode;
  const el = node.parentElement;
  if (!el || el.closest('script, style, .visually-hidden, option')) continue;
  const words = /[^\s-]+-?/g;
  let m;
  while ((m = words.exec(node.textContent))) {
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    if (/^\S+@\S+\.\S+$|:\/\/|www\./.test(m[0])) continue;
    // A long compound where the style hyphenates: the reader's browser breaks it with a
    // hyphen where the language allows (this headless one has no dictionaries).
    if (m[0].length >= 16 && getComputedStyle(el).hyphens === 'auto') continue;
    const boxes = [...range.getClientRects()].filter(r => r.width > 0);
    if (boxes.length > 1 && Math.abs(boxes[0].top - boxes[boxes.length - 1].top) > 1) {
      out.push(`"${m[0]}" in ${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''}`);
    }
  }
}
return out;
"#;

/// Asserts that no word of the current page is broken across two lines (a line may break
/// at a space or after a hyphen, as in "986f65f3-" of an identifier; an e-mail address in a
/// sentence, or a web address, which has neither, may break where it must; in a table, an
/// address wraps at its dots and `@`, each piece whole): a squeezed column, a long
/// German compound in a narrow box. Each word is measured where it stands: a word on two
/// lines has boxes at two heights.
async fn assert_no_broken_words(c: &Client, what: &str) {
    let broken = c.execute(BROKEN_WORDS, vec![]).await.unwrap();
    assert_eq!(broken, json!([]), "{what}: words broken across lines");
}

/// A fresh browser session of the staff member `niss`, through the staff personas of the
/// sign-in page, on the back office's dashboard.
async fn staff_signs_in(c: &Client, a: &str, niss: &str) {
    c.delete_all_cookies().await.unwrap();
    goto(c, a, "/sign-in?next=/admin").await;
    click_and_load(c, &format!("[data-testid=staff-{niss}]")).await;
}

/// Opens a tab of the company dashboard and waits for its rows.
pub(crate) async fn open_tab(c: &Client, tab: &str) {
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
}
