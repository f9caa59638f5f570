//! axe-core (npm `axe-core@4`, installed by `scripts/test` into `.run/node`) audits every
//! page of the three sides (public, company app, citizen portal, back office) in a real
//! headless Chromium, in the four languages, at 1280 and at 320 CSS pixels wide, against
//! WCAG 2.1 A and AA. One browser session; each side signs in once and switches language
//! through the language switch; the test fails listing every violation (rule, target,
//! page, language, width).

use std::time::Duration;

use diesel::prelude::*;
use fantoccini::{Client, Locator};
use mandat::{
    db::schema::companies,
    demo::people::{EMMA, JAN, LENA, MARIA, PIETER},
    i18n::Lang,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    browser::{Browser, sign_in_in_browser},
    helpers::{TestApp, spawn_app},
};

/// The widths every page is audited at (CSS pixels).
const WIDTHS: [u32; 2] = [1280, 320];

/// The WCAG 2.1 A and AA rules of axe.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
  .then(r => done(r.violations.map(v => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 160)),
  }))))
  .catch(e => done([{ id: 'axe-error', help: String(e), targets: [] }]));
"#;

/// axe-core's script, from `MANDAT_TEST_AXE` or `.run/node` (where `scripts/test` puts it).
fn axe_source() -> String {
    let path = std::env::var("MANDAT_TEST_AXE").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/.run/node/node_modules/axe-core/axe.min.js"
        )
        .to_string()
    });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{path}: {e}: run the tests with scripts/test, which installs axe-core")
    })
}

/// The audit: one browser, the violations found so far.
struct Audit<'a> {
    c: &'a Client,
    app: &'a TestApp,
    axe: String,
    lang: Lang,
    pages: usize,
    found: Vec<String>,
}

impl Audit<'_> {
    async fn open(&self, path: &str) {
        self.c
            .goto(&format!("{}{path}", self.app.address))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    async fn click(&self, css: &str) {
        let found = self
            .c
            .wait()
            .at_most(Duration::from_secs(5))
            .for_element(Locator::Css(css))
            .await;
        let el = match found {
            Ok(el) => el,
            Err(e) => {
                // Say which page stood there instead (an error page, another page).
                let url = self.c.current_url().await.map(|u| u.to_string());
                let h1 = self.c.find(Locator::Css("h1")).await;
                let h1 = match h1 {
                    Ok(h) => h.text().await.unwrap_or_default(),
                    Err(_) => String::new(),
                };
                panic!("{css}: {e} (at {url:?}, h1 {h1:?})");
            }
        };
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    async fn wait_for(&self, css: &str) {
        self.c
            .wait()
            .at_most(Duration::from_secs(5))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} never showed: {e}"));
    }

    /// Waits until htmx is done (no request, swap or settle running, its indicator faded).
    async fn settle(&self) {
        for _ in 0..50 {
            let busy = self
                .c
                .execute(
                    "return !!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added');",
                    vec![],
                )
                .await
                .unwrap();
            if busy == json!(false) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // The indicator's fade (200 ms).
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    async fn resize(&self, width: u32) {
        self.c
            .set_window_size(width, 900)
            .await
            .expect("window size");
    }

    /// Audits the page shown, as `what`, at every width.
    async fn check(&mut self, what: &str) {
        let url = self
            .c
            .current_url()
            .await
            .map(|u| u.path().to_string())
            .unwrap_or_default();
        let loaded: Value = self
            .c
            .execute("return typeof window.axe === 'object';", vec![])
            .await
            .unwrap();
        if loaded != json!(true) {
            self.c
                .execute(&self.axe, vec![])
                .await
                .unwrap_or_else(|e| panic!("injecting axe into {what}: {e}"));
        }
        for width in WIDTHS {
            self.resize(width).await;
            let inner = self
                .c
                .execute("return window.innerWidth;", vec![])
                .await
                .unwrap();
            assert_eq!(inner, json!(width), "the window is {width} CSS px wide");
            let violations = self
                .c
                .execute_async(AXE_RUN, vec![])
                .await
                .unwrap_or_else(|e| panic!("axe on {what}: {e}"));
            for v in violations.as_array().cloned().unwrap_or_default() {
                let targets: Vec<String> = v["targets"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .iter()
                    .map(|t| t.as_str().unwrap_or_default().to_string())
                    .collect();
                let line = format!(
                    "{} {width}px {what} ({url}): {} ({}): {}",
                    self.lang.code(),
                    v["id"].as_str().unwrap_or_default(),
                    v["help"].as_str().unwrap_or_default(),
                    targets.join(" | ")
                );
                eprintln!("AXE {line}");
                self.found.push(line);
            }
            // Reflow and whole words, the layout test's checks, on every page too.
            for (kind, script) in [
                ("reflow", crate::a11y_layout::REFLOW_PROBLEMS),
                ("broken word", crate::a11y_layout::BROKEN_WORDS),
            ] {
                let problems = self.c.execute(script, vec![]).await.unwrap();
                for p in problems.as_array().cloned().unwrap_or_default() {
                    let line = format!(
                        "{} {width}px {what} ({url}): {kind}: {}",
                        self.lang.code(),
                        p.as_str().unwrap_or_default()
                    );
                    eprintln!("LAYOUT {line}");
                    self.found.push(line);
                }
            }
        }
        self.resize(WIDTHS[0]).await;
        self.pages += 1;
    }

    /// Opens `path` and audits it.
    async fn page(&mut self, path: &str) {
        self.open(path).await;
        self.check(path).await;
    }

    /// Switches the language through the switch's address (its cookie).
    async fn language(&mut self, lang: Lang) {
        self.lang = lang;
        self.open(&format!("/lang/{}?next=/", lang.code())).await;
    }

    async fn sign_out(&self) {
        self.click("[data-testid=sign-out]").await;
        self.wait_for(".who a[href^='/sign-in']").await;
    }

    async fn type_into(&self, css: &str, text: &str) {
        let el = self
            .c
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        el.clear().await.ok();
        el.send_keys(text).await.unwrap();
    }
}

#[tokio::test]
async fn axe_finds_no_wcag_violation_on_any_page_in_any_language_at_1280_and_320_px() {
    let app = spawn_app().await;
    let plonge = app.request_id("Plonge");
    let student = app.request_id("Étudiante caisse");
    let resto: Uuid = companies::table
        .filter(companies::bce.eq(mandat::demo::companies::RESTO_BCE))
        .select(companies::id)
        .first(&mut app.db())
        .unwrap();
    let browser = Browser::start().await;
    let mut a = Audit {
        c: &browser.client,
        app: &app,
        axe: axe_source(),
        lang: Lang::Fr,
        pages: 0,
        found: Vec::new(),
    };

    // Public pages.
    for lang in Lang::ALL {
        a.language(lang).await;
        for path in [
            "/",
            "/companies",
            "/citizens",
            "/sign-in",
            "/privacy",
            "/accessibility",
            "/api/problems",
            "/me/help/foreigners",
            "/company/help/foreigners",
            "/demo/mailbox",
            "/no-such-page",
        ] {
            a.page(path).await;
        }
    }

    // The company app, as its main access manager.
    sign_in_in_browser(a.c, &app.address, JAN.niss(), "/company").await;
    a.wait_for("[data-testid=request-form], #request-form")
        .await;
    let mut links = Vec::new();
    for lang in Lang::ALL {
        a.language(lang).await;
        for path in [
            "/company",
            "/company/tabs/active",
            "/company/tabs/requested",
            "/company/tabs/blocked",
            "/company/requests/new",
            "/company/users",
            "/company/providers",
            "/company/api",
            "/company/select",
        ] {
            a.page(path).await;
        }
        // The request form with errors (through htmx), then a request created.
        a.open("/company/requests/new").await;
        a.click("[data-testid=request-submit]").await;
        a.wait_for("#error-summary").await;
        a.settle().await;
        a.check("request form with errors").await;
        let code = lang.code();
        a.type_into("[data-testid=request-label]", &format!("Axe {code}"))
            .await;
        a.type_into(
            "[data-testid=request-email]",
            &format!("axe-{code}@example.be"),
        )
        .await;
        a.click("[data-testid=request-submit]").await;
        a.wait_for("[data-testid=created-link]").await;
        a.settle().await;
        a.check("request created").await;
        let link =
            a.c.find(Locator::Css("[data-testid=created-link]"))
                .await
                .unwrap()
                .prop("value")
                .await
                .unwrap()
                .unwrap_or_default();
        links.push(link);
        // The users' and the providers' forms with errors (posted without a value).
        a.open("/company/users").await;
        a.click("[data-testid=member-add]").await;
        a.wait_for("#error-summary").await;
        a.check("users with errors").await;
        a.open("/company/providers").await;
        a.click("[data-testid=provider-add]").await;
        a.wait_for("#error-summary").await;
        a.check("providers with errors").await;
        // Where a request stands, as a page (without JavaScript it is one).
        a.page(&format!("/company/requests/{plonge}/progress"))
            .await;
        // The mandate, and its flexi-job consultation.
        a.page(&format!("/company/mandates/{plonge}")).await;
        a.click("[data-testid=consult-now]").await;
        a.wait_for("[data-testid=chip]").await;
        a.check("flexi-job result").await;
    }
    // A message in the demo mailbox.
    a.open("/demo/mailbox").await;
    crate::browser::click_and_load(a.c, "[data-testid=mail-open]").await;
    a.wait_for("main h1").await;
    a.check("mailbox message").await;
    a.sign_out().await;

    // The provider, for its client: the Student@Work consultation.
    sign_in_in_browser(a.c, &app.address, LENA.niss(), "/company/clients").await;
    for lang in Lang::ALL {
        a.language(lang).await;
        a.page("/company/clients").await;
        // The choice's page names the provider in its bar too: wait for the next page,
        // not for a bar that is already there.
        crate::browser::click_and_load(a.c, "button[data-testid^=client-]").await;
        a.wait_for("[data-testid=acting-as]").await;
        a.page(&format!("/company/mandates/{student}")).await;
        a.click("[data-testid=consult-now]").await;
        a.wait_for("[data-testid=figure]").await;
        a.check("student result").await;
    }
    a.sign_out().await;

    // A newcomer registers a company.
    sign_in_in_browser(a.c, &app.address, EMMA.niss(), "/company/register").await;
    for lang in Lang::ALL {
        a.language(lang).await;
        a.page("/company/register").await;
        a.click("[data-testid=register-submit]").await;
        a.wait_for("#error-summary").await;
        a.check("registration with errors").await;
    }
    a.sign_out().await;

    // The citizen: a request's link (signed out: the sign-in page says what waits behind
    // it; signed in: confirmation, then the request page), the portal.
    let link_path = |link: &String| {
        link.strip_prefix(&app.state.settings.public_url_citizen)
            .unwrap_or(link)
            .to_string()
    };
    for (lang, link) in Lang::ALL.into_iter().zip(&links) {
        a.language(lang).await;
        a.open(&link_path(link)).await;
        a.wait_for("[data-testid=waiting-request]").await;
        a.check("sign-in after a link").await;
    }
    sign_in_in_browser(a.c, &app.address, MARIA.niss(), "/me").await;
    for (lang, link) in Lang::ALL.into_iter().zip(&links) {
        a.language(lang).await;
        a.open(&link_path(link)).await;
        a.wait_for("[data-testid=continue-as]").await;
        a.check("continue as").await;
        a.click("[data-testid=continue-as]").await;
        a.wait_for("[data-testid=purpose]").await;
        a.check("citizen request page").await;
        for path in ["/me", "/me/history", "/me/possibilities"] {
            a.page(path).await;
        }
        a.page(&format!("/me/accesses/{plonge}/stop")).await;
    }
    a.sign_out().await;

    // The back office, as a supervisor.
    a.open("/sign-in?next=/admin").await;
    a.click(&format!("[data-testid=staff-{}]", PIETER.niss()))
        .await;
    a.wait_for("[data-testid=admin-role]").await;
    for lang in Lang::ALL {
        a.language(lang).await;
        for path in [
            // The home page, with the back office's door.
            "/".to_string(),
            "/admin".to_string(),
            "/admin/search".to_string(),
            "/admin/search?label=Plonge".to_string(),
            format!("/admin/requests/{plonge}"),
            format!("/admin/companies/{resto}"),
            "/admin/audit".to_string(),
            "/admin/staff".to_string(),
        ] {
            a.page(&path).await;
        }
        a.open("/admin/search").await;
        a.type_into("[data-testid=search-niss]", "90051402427")
            .await;
        a.click("[data-testid=search-submit]").await;
        a.wait_for("#error-summary").await;
        a.check("search with errors").await;
        // The trainers' form refused for several reasons at once (the browser's own checks
        // set aside, as a browser without them would send it).
        a.open("/admin/tenants").await;
        a.c.execute(
            "document.querySelector('[data-testid=tenant-create-form]').noValidate = true;
             document.getElementById('tenant-clock').type = 'text';",
            vec![],
        )
        .await
        .unwrap();
        a.type_into("#tenant-name", "Team A").await;
        a.type_into("#tenant-clock", "1 April").await;
        a.click("[data-testid=tenant-create]").await;
        a.wait_for("#tenant-create-error li").await;
        a.check("demo tenants with errors").await;
    }

    let Audit { pages, found, .. } = a;
    browser.close().await;
    assert!(pages >= 4 * 30, "{pages} pages audited");
    assert!(
        found.is_empty(),
        "{} axe violations:\n{}",
        found.len(),
        found.join("\n")
    );
}
