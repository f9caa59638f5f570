//! Real headless Chromium through chromedriver (installed by scripts/test).

use std::{
    process::{Child, Command, Stdio},
    time::Duration,
};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::helpers::spawn_app;

/// A chromedriver process and a WebDriver session; both end on drop / `close`.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    _profile: TempDir,
}

struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Browser {
    /// Starts chromedriver on a free port and opens a headless Chromium session.
    pub async fn start() -> Browser {
        let driver_bin = std::env::var("MANDAT_TEST_CHROMEDRIVER")
            .unwrap_or_else(|_| "/usr/bin/chromedriver".to_string());
        let chromium = std::env::var("MANDAT_TEST_CHROMIUM")
            .unwrap_or_else(|_| "/usr/bin/chromium".to_string());
        assert!(
            std::path::Path::new(&driver_bin).exists(),
            "{driver_bin} is missing: run the tests with scripts/test, which installs chromium-driver"
        );
        let port = crate::helpers::free_port();
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = std::env::temp_dir().join(format!("mandat-chrome-{}", uuid::Uuid::new_v4()));
        let caps = json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--window-size=1280,900", "--lang=fr-BE", "--accept-lang=fr-BE,fr",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        });
        let caps = caps.as_object().cloned().expect("object");
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..50 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Browser {
                        client,
                        driver,
                        _profile: TempDir(profile),
                    };
                }
                Err(e) => {
                    last_error = Some(e);
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }
        panic!("could not open a WebDriver session: {last_error:?}");
    }

    /// Ends the session and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

#[tokio::test]
async fn home_page_in_every_language_through_the_switcher() {
    let app = spawn_app().await;
    let browser = Browser::start().await;
    let c = &browser.client;
    c.goto(&format!("{}/", app.address))
        .await
        .expect("open home");
    let lang = c
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(lang.as_deref(), Some("fr"));
    let expected = [
        ("nl", "Toegang tot mijn data"),
        ("de", "Zugang zu meinen Daten"),
        ("en", "Access to my data"),
        ("fr", "Accès à mes données"),
    ];
    // Go to the citizens' landing page, then switch through every language.
    c.find(Locator::Css("[data-testid=door-citizens]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    for (code, title) in expected {
        c.find(Locator::Css(&format!("[data-testid=lang-{code}]")))
            .await
            .unwrap_or_else(|e| panic!("switch to {code}: {e}"))
            .click()
            .await
            .unwrap();
        let html_lang = c
            .find(Locator::Css("html"))
            .await
            .unwrap()
            .attr("lang")
            .await
            .unwrap();
        assert_eq!(html_lang.as_deref(), Some(code));
        let h1 = c
            .find(Locator::Css("h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(h1, title);
        assert!(c.current_url().await.unwrap().path().ends_with("/citizens"));
    }
    // No CSP violation or script error was reported by the page.
    let errors = c
        .execute("return window.__mandatErrors || [];", vec![])
        .await
        .unwrap();
    assert_eq!(errors, json!([]));
    browser.close().await;
}

/// Waits (up to 5 s) until the element matching `css` contains `text`.
pub async fn wait_for_text(c: &Client, css: &str, text: &str) {
    wait_for_text_within(c, css, text, Duration::from_secs(5)).await;
}

/// Waits up to `time` for `css` to hold `text` (a poll every few seconds changes it).
pub async fn wait_for_text_within(c: &Client, css: &str, text: &str, time: Duration) {
    let mut last = String::new();
    let started = std::time::Instant::now();
    while started.elapsed() < time {
        if let Ok(el) = c.find(Locator::Css(css)).await {
            last = el.text().await.unwrap_or_default();
            if last.contains(text) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never contained {text:?} in {time:?}; last: {last}");
}

/// The single-use link of the request just created, as its page shows it.
pub async fn created_link(c: &Client) -> String {
    c.find(Locator::Css("[data-testid=created-link]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Clicks `css` and waits until `appears` is in the page (what the click shows: a part
/// htmx swapped in, or the next page); returns it.
pub async fn click_then_wait(
    c: &Client,
    css: &str,
    appears: &str,
) -> fantoccini::elements::Element {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
    c.wait()
        .for_element(Locator::Css(appears))
        .await
        .unwrap_or_else(|e| panic!("{appears} after a click on {css}: {e}"))
}

/// Clicks the element `css` once it is there (5 s at most; else says what page stands).
pub async fn click(c: &Client, css: &str) {
    let found = c
        .wait()
        .at_most(Duration::from_secs(5))
        .for_element(Locator::Css(css))
        .await;
    match found {
        Ok(el) => el.click().await.unwrap(),
        Err(e) => {
            let url = c
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            let body = c.source().await.unwrap_or_default();
            panic!("{css}: {e} at {url}: {}", &body[..body.len().min(3000)]);
        }
    }
}

/// Signs in through the demo sign-in page, as a person would, and lands on `next` (the
/// page `next` has loaded when this returns).
pub async fn sign_in_in_browser(c: &Client, address: &str, niss: &str, next: &str) {
    c.goto(&format!("{address}/sign-in?next={next}"))
        .await
        .expect("sign-in page");
    click_and_load(c, &format!("[data-testid=persona-{niss}]")).await;
}

/// Clicks `css` (a link, or a form's button, that loads another page) and waits until the
/// next page has loaded: a `goto` right after a form's click would otherwise cancel the
/// form's request, or its redirect, on a busy machine.
pub async fn click_and_load(c: &Client, css: &str) {
    let el = c
        .wait()
        .at_most(Duration::from_secs(5))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    c.execute("window.__mandatLeaving = true;", vec![])
        .await
        .expect("mark the page");
    el.click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
    for _ in 0..200 {
        // Fails while the browser is between pages: not loaded yet.
        let loaded = c
            .execute(
                "return window.__mandatLeaving === undefined && document.readyState === 'complete';",
                vec![],
            )
            .await;
        if matches!(loaded, Ok(serde_json::Value::Bool(true))) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let url = c
        .current_url()
        .await
        .map(|u| u.to_string())
        .unwrap_or_default();
    panic!("{css}: no new page loaded after 10 s (at {url})");
}

#[tokio::test]
async fn the_employer_sees_the_candidate_open_the_link_and_accept_under_the_qr_code() {
    let app = spawn_app().await;
    let browser = Browser::start().await;
    let c = &browser.client;
    sign_in_in_browser(c, &app.address, "85073003328", "/company").await;
    c.wait()
        .for_element(Locator::Css("[data-testid=request-label]"))
        .await
        .expect("the request form");
    for (css, value) in [
        ("[data-testid=request-label]", "Sitting here"),
        ("[data-testid=request-email]", "noah@example.be"),
    ] {
        c.find(Locator::Css(css))
            .await
            .unwrap()
            .send_keys(value)
            .await
            .unwrap();
    }
    click(c, "[data-testid=request-submit]").await;
    wait_for_text(c, "[data-testid=created]", "Sitting here").await;
    let link = created_link(c).await;
    let progress = "[data-testid=progress]";
    // (The browser reads French.)
    wait_for_text(c, progress, "le lien n'a pas encore été ouvert").await;
    // A look at the status is the page's own doing, not a use of the session: an employer
    // who leaves the page is signed out after the idle time all the same.
    {
        let jan = mandat::demo::people::JAN.niss();
        let used = last_use(&app, jan);
        app.clock.advance(chrono::Duration::seconds(61));
        run(
            c,
            "document.querySelector('[data-testid=progress]').dataset.probe = 'old';",
        )
        .await;
        let mut looked = false;
        for _ in 0..40 {
            let mark = run(
                c,
                "return document.querySelector('[data-testid=progress]').dataset.probe || null;",
            )
            .await;
            if mark.is_null() {
                looked = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        assert!(looked, "the status was looked at again");
        assert_eq!(last_use(&app, jan), used, "a look is no use of the session");
    }
    // The candidate, in front of the employer, scans the code and signs in on their phone.
    let noah = app.another_browser();
    noah.sign_in(mandat::demo::people::NOAH.niss()).await;
    let page = noah.citizen_opens_link(&link).await;
    noah.citizen_continues(&page).await;
    wait_for_text_within(
        c,
        progress,
        "a ouvert le lien et s'est connecté",
        Duration::from_secs(15),
    )
    .await;
    noah.citizen_accepts(&page).await;
    wait_for_text_within(
        c,
        progress,
        "Noah Lambert a accepté",
        Duration::from_secs(15),
    )
    .await;
    // Answered: it asks no more, and leads to the answer.
    let polls = c
        .execute(
            "return document.querySelector('[data-testid=progress]').hasAttribute('hx-trigger');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(polls, json!(false), "no more polling once answered");
    let consult = c
        .find(Locator::Css("[data-testid=progress-consult]"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap_or_default();
    let id = app.request_id("Sitting here");
    assert_eq!(consult, format!("/company/mandates/{id}"));
}

#[tokio::test]
async fn a_company_user_creates_requests_one_after_another_without_reloading() {
    let app = spawn_app().await;
    let browser = Browser::start().await;
    let c = &browser.client;
    sign_in_in_browser(c, &app.address, "85073003328", "/company").await;
    if c.wait()
        .for_element(Locator::Css("[data-testid=request-label]"))
        .await
        .is_err()
    {
        let url = c.current_url().await.unwrap();
        let src = c.source().await.unwrap_or_default();
        panic!("no request form at {url}: {}", &src[..src.len().min(3000)]);
    }
    // Mark the page: a full reload would lose this.
    c.execute("window.__sameDocument = true;", vec![])
        .await
        .unwrap();
    for (label, email) in [
        ("Kitchen Monday", "k1@example.be"),
        ("Kitchen Tuesday", "k2@example.be"),
    ] {
        let input = c
            .find(Locator::Css("[data-testid=request-label]"))
            .await
            .unwrap();
        input.send_keys(label).await.unwrap();
        c.find(Locator::Css("[data-testid=request-email]"))
            .await
            .unwrap()
            .send_keys(email)
            .await
            .unwrap();
        c.find(Locator::Css("[data-testid=request-submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_text(c, "[data-testid=created]", label).await;
        let link = created_link(c).await;
        assert!(link.contains("/r/"), "{link}");
        c.find(Locator::Css("[data-testid=qr] svg"))
            .await
            .expect("QR code shown");
        // The requested tab refreshes by itself with the new row.
        wait_for_text(c, "[data-testid=tab-panel]", label).await;
    }
    let same = c
        .execute("return window.__sameDocument === true;", vec![])
        .await
        .unwrap();
    assert_eq!(same, json!(true), "no page reload");
    let errors = c
        .execute("return window.__mandatErrors || [];", vec![])
        .await
        .unwrap();
    assert_eq!(errors, json!([]));
    browser.close().await;
}

/// When the server last counted a use of `niss`'s session.
fn last_use(app: &crate::helpers::TestApp, niss: &str) -> chrono::DateTime<chrono::Utc> {
    use diesel::prelude::*;
    use mandat::db::schema::sessions;
    sessions::table
        .filter(sessions::niss.eq(niss))
        .select(sessions::last_seen_at)
        .first(&mut app.db())
        .unwrap()
}

/// What `js` returns in the page.
async fn run(c: &Client, js: &str) -> serde_json::Value {
    c.execute(js, vec![]).await.unwrap()
}

/// An app with these `settings`, and a browser in which Jan signed in and opened `path`.
async fn jan_in_browser(
    settings: &[(&'static str, &str)],
    path: &str,
) -> (crate::helpers::TestApp, Browser) {
    let app = crate::helpers::spawn_app_with(crate::helpers::Options {
        settings: settings.iter().map(|(k, v)| (*k, v.to_string())).collect(),
    })
    .await;
    let browser = Browser::start().await;
    let jan = mandat::demo::people::JAN.niss();
    sign_in_in_browser(&browser.client, &app.address, jan, path).await;
    (app, browser)
}

/// Timing adjustable (WCAG 2.2.1): with a one-minute idle lifetime, typing in a form keeps
/// the session though nothing is sent; left alone, the page warns before the end and
/// "Stay signed in" keeps it; a session of the same age left untouched ends.
#[tokio::test]
async fn a_page_warns_before_its_session_ends_and_typing_or_one_click_keeps_it() {
    use mandat::clock::Clock;
    let (app, browser) =
        jan_in_browser(&[("session_idle_minutes", "1")], "/company/requests/new").await;
    let c = &browser.client;
    let jan = mandat::demo::people::JAN.niss();
    // Maria signs in at the same instant and does nothing more.
    let maria = app.another_browser();
    maria.sign_in(mandat::demo::people::MARIA.niss()).await;
    let warning = "#session-warning";
    let shown = async |c: &Client| {
        run(
            c,
            "return !document.getElementById('session-warning').hidden;",
        )
        .await
            == json!(true)
    };
    assert!(!shown(c).await, "no warning at first");

    // 50 s later by the server's clock, Jan types in the form (a quarter of the idle time
    // after the page, in real time): the page keeps the session.
    tokio::time::sleep(Duration::from_secs(16)).await;
    app.clock.advance(chrono::Duration::seconds(50));
    c.find(Locator::Css("#label"))
        .await
        .unwrap()
        .send_keys("Bar")
        .await
        .unwrap();
    let mut kept = false;
    for _ in 0..50 {
        if last_use(&app, jan) == app.clock.now() {
            kept = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(kept, "typing kept the session");
    // At 100 s, Maria's session has ended; Jan's lives on.
    app.clock.advance(chrono::Duration::seconds(50));
    assert_eq!(
        crate::helpers::location_of(&maria.get("/me").await),
        "/sign-in?next=/me"
    );

    // Left alone, the page warns (half the idle time after its last use), the button to
    // stay has the focus, and one click keeps the session.
    c.wait()
        .at_most(Duration::from_secs(40))
        .for_element(Locator::Css(&format!("{warning}:not([hidden])")))
        .await
        .expect("the warning");
    assert_eq!(
        c.find(Locator::Css(&format!("{warning} h2")))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "Toujours là ?",
        "in the page's language (French, the service's default; WebDriver reads the no-break space as a space)"
    );
    let focused = run(c, "return document.activeElement.dataset.testid;").await;
    assert_eq!(focused, json!("session-stay"));
    c.find(Locator::Css("[data-testid=session-stay]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    for _ in 0..50 {
        if !shown(c).await {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!shown(c).await, "the warning went away");
    assert_eq!(last_use(&app, jan), app.clock.now());
    // At 150 s, the page still works: the form, not the sign-in.
    app.clock.advance(chrono::Duration::seconds(50));
    c.goto(&format!("{}/company/requests/new", app.address))
        .await
        .unwrap();
    assert!(c.find(Locator::Css("#request-form")).await.is_ok());
    browser.close().await;
}

/// A session also ends a fixed time after the sign-in, whatever its use (nothing extends
/// it): five minutes before, a page says at what time, so that what is being typed can be
/// sent, and then that the session has ended, with the way to sign in again.
#[tokio::test]
async fn a_page_says_when_its_session_ends_whatever_its_use() {
    use mandat::clock::Clock;
    let day = [
        ("session_idle_minutes", "1440"),
        ("session_absolute_minutes", "1440"),
    ];
    let (app, browser) = jan_in_browser(&day, "/company/requests/new").await;
    let c = &browser.client;
    let signed_in_at = app.clock.now();
    let part_shown = async |c: &Client, part: &str| {
        run(
            c,
            &format!(
                "var b = document.getElementById('session-warning'); \
                 return !b.hidden && !b.querySelector('[{part}]').hidden;"
            ),
        )
        .await
            == json!(true)
    };
    assert!(
        !part_shown(c, "data-final").await,
        "a day ahead: nothing said"
    );
    // Ten seconds before the end, Jan opens the form: the page says at once when the
    // session ends (Brussels time, the page's language), the button has the focus, and the
    // dialog is named by what it says.
    app.clock
        .advance(chrono::Duration::minutes(1440) - chrono::Duration::seconds(10));
    c.goto(&format!("{}/company/requests/new", app.address))
        .await
        .unwrap();
    assert!(part_shown(c, "data-final").await, "the end is announced");
    let end = (signed_in_at + chrono::Duration::minutes(1440))
        .with_timezone(&chrono_tz::Europe::Brussels)
        .format("%H:%M")
        .to_string();
    let said = run(
        c,
        "return document.querySelector('#session-warning [data-final]').textContent;",
    )
    .await;
    assert!(said.as_str().unwrap().contains(&end), "{said} names {end}");
    assert_eq!(
        run(c, "return document.activeElement.dataset.testid;").await,
        json!("session-understood")
    );
    assert_eq!(
        run(
            c,
            "return document.getElementById('session-warning').getAttribute('aria-labelledby');"
        )
        .await,
        json!("session-final-title")
    );
    c.find(Locator::Css("[data-testid=session-understood]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!(
        !part_shown(c, "data-final").await,
        "understood: it goes away"
    );
    // Typing does not bring it back, nor keep the session past its end.
    c.find(Locator::Css("#label"))
        .await
        .unwrap()
        .send_keys("Bar")
        .await
        .unwrap();
    // At the end, the page says the session has ended (not "not used for a while").
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(
            "#session-warning:not([hidden]) [data-final-ended]:not([hidden])",
        ))
        .await
        .expect("the end is said");
    assert!(!part_shown(c, "data-ended").await);
    // ...as the server has it.
    app.clock.advance(chrono::Duration::seconds(10));
    c.goto(&format!("{}/company/requests/new", app.address))
        .await
        .unwrap();
    let at = c.current_url().await.unwrap();
    assert_eq!(at.path(), "/sign-in", "the server ended it too: {at}");
    browser.close().await;
}

/// A dashboard left open alone is signed out after the idle lifetime: its tabs' polling
/// reads the session without counting as a use of it.
#[tokio::test]
async fn a_dashboard_left_alone_is_signed_out_though_its_tabs_keep_refreshing() {
    use mandat::clock::Clock;
    let settings = [("session_idle_minutes", "2"), ("tabs_refresh_seconds", "1")];
    let (app, browser) = jan_in_browser(&settings, "/company").await;
    let c = &browser.client;
    let jan = mandat::demo::people::JAN.niss();
    let signed_in_at = app.clock.now();
    // Waits until the panel was replaced by a refresh (a mark on it is gone).
    let refreshed = async |c: &Client| {
        run(
            c,
            "document.getElementById('tab-panel').dataset.probe = 'old';",
        )
        .await;
        for _ in 0..50 {
            let mark = run(
                c,
                "var p = document.getElementById('tab-panel'); \
                 return p ? (p.dataset.probe || null) : 'gone';",
            )
            .await;
            if mark.is_null() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the tab never refreshed");
    };
    // 61 s later, the tab refreshes: the session is read, not used.
    app.clock.advance(chrono::Duration::seconds(61));
    refreshed(c).await;
    assert_eq!(
        last_use(&app, jan),
        signed_in_at,
        "a poll is no use of the session"
    );
    // Past the idle lifetime, the next refresh finds no session: the page goes to the
    // sign-in, which brings the person back to the dashboard.
    app.clock.advance(chrono::Duration::seconds(61));
    let mut url = String::new();
    for _ in 0..50 {
        url = c.current_url().await.unwrap().to_string();
        if url.contains("/sign-in") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(url.contains("/sign-in?next=/company"), "{url}");
    browser.close().await;
}

/// A command of chromedriver's own, for what WebDriver has no word for: `path` under the
/// session, and the JSON body of a POST (none: a DELETE).
#[derive(Debug)]
struct Chromium {
    path: &'static str,
    body: Option<serde_json::Value>,
}

impl Chromium {
    /// Chromium's network cut: a real loss of connection, as on a train.
    fn offline() -> Chromium {
        let conditions = json!({
            "offline": true, "latency": 0, "download_throughput": 0, "upload_throughput": 0,
        });
        Chromium {
            path: "chromium/network_conditions",
            body: Some(json!({ "network_conditions": conditions })),
        }
    }

    /// Chromium's network given back.
    fn online() -> Chromium {
        Chromium {
            path: "chromium/network_conditions",
            body: None,
        }
    }

    /// A Chrome DevTools command (`Emulation.setEmulatedMedia`...).
    fn cdp(cmd: &str, params: serde_json::Value) -> Chromium {
        Chromium {
            path: "goog/cdp/execute",
            body: Some(json!({ "cmd": cmd, "params": params })),
        }
    }
}

impl fantoccini::wd::WebDriverCompatibleCommand for Chromium {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session.unwrap_or_default();
        base.join(&format!("session/{session}/{}", self.path))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        match &self.body {
            Some(body) => (http::Method::POST, Some(body.to_string())),
            None => (http::Method::DELETE, None),
        }
    }
}

/// A request sent while the service cannot be reached says so where it was sent, with the
/// focus there, and nothing typed is lost; the tabs say they could not be updated. Once
/// the connection is back, the tabs' next refresh says they are up to date (the note stays
/// where Jan acted), and sending again makes one request and takes the note away.
#[tokio::test]
async fn a_request_sent_without_a_connection_says_so_and_loses_nothing() {
    let (app, browser) = jan_in_browser(&[("tabs_refresh_seconds", "1")], "/company").await;
    let c = &browser.client;
    c.wait()
        .for_element(Locator::Css("[data-testid=request-label]"))
        .await
        .unwrap();
    // Waits until `js` returns true in the page.
    let until = async |c: &Client, js: &str, what: &str| {
        for _ in 0..100 {
            if run(c, js).await == json!(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{what}: not after 10 s");
    };
    until(
        c,
        "var s = document.querySelector('[data-testid=live-status]'); \
         return !!s && s.offsetParent !== null && s.textContent === s.dataset.on;",
        "the live status shown",
    )
    .await;
    let label = "Terrasse samedi";
    for (field, value) in [("request-label", label), ("request-email", "t1@example.be")] {
        c.find(Locator::Css(&format!("[data-testid={field}]")))
            .await
            .unwrap()
            .send_keys(value)
            .await
            .unwrap();
    }
    c.issue_cmd(Chromium::offline()).await.unwrap();
    click(c, "[data-testid=request-submit]").await;
    until(
        c,
        "var n = document.querySelector('#request-form [data-testid=unreachable]'); \
         return !!n && document.activeElement === n && n.textContent.trim().length > 40;",
        "the note in the form, with the focus",
    )
    .await;
    let typed = run(
        c,
        "return [document.querySelector('[data-testid=request-label]').value, \
                 document.querySelector('[data-testid=request-email]').value];",
    )
    .await;
    assert_eq!(
        typed,
        json!([label, "t1@example.be"]),
        "what was typed stays"
    );
    // The tabs' next poll fails too: their status says the lists are not up to date.
    until(
        c,
        "var s = document.querySelector('[data-testid=live-status]'); \
         return s.textContent === s.dataset.unreachable;",
        "the tabs' status saying they could not be updated",
    )
    .await;
    let created = |app: &crate::helpers::TestApp| {
        use diesel::prelude::*;
        use mandat::db::schema::request_personal as p;
        p::table
            .filter(p::label.eq(label))
            .count()
            .get_result::<i64>(&mut app.db())
            .unwrap()
    };
    assert_eq!(created(&app), 0, "nothing reached the service");

    c.issue_cmd(Chromium::online()).await.unwrap();
    // A poll gets through: the tabs say so; the note where Jan acted stays until he sends.
    until(
        c,
        "var s = document.querySelector('[data-testid=live-status]'); \
         return s.textContent === s.dataset.on \
             && !!document.querySelector('#request-form [data-testid=unreachable]');",
        "the tabs up to date again, the form's note still there",
    )
    .await;
    click(c, "[data-testid=request-submit]").await;
    wait_for_text(c, "[data-testid=created]", label).await;
    until(
        c,
        "var s = document.querySelector('[data-testid=live-status]'); \
         return !document.querySelector('main [data-unreachable-note]') && s.textContent === s.dataset.on;",
        "both notes gone once the service answers",
    )
    .await;
    assert_eq!(created(&app), 1, "one request");
    browser.close().await;
}

/// Which of `selectors` the page shows (an element there, laid out, not hidden).
async fn shown(c: &Client, selectors: &[&str]) -> Vec<String> {
    let list = serde_json::to_string(selectors).unwrap();
    let js = format!(
        "return {list}.filter(function (s) {{ \
           var e = document.querySelector(s); \
           return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'; \
         }});"
    );
    serde_json::from_value(run(c, &js).await).unwrap()
}

/// A printed result keeps what a file needs (the demo banner, who was signed in, the
/// answer and its headline, the legal basis) and drops the navigation, the forms, the
/// buttons and the footer's links; a printed dashboard drops the request form's section.
#[tokio::test]
async fn a_printed_result_keeps_the_answer_and_drops_the_controls() {
    let (app, browser) = jan_in_browser(&[], "/company?tab=active").await;
    let c = &browser.client;
    click_and_load(c, "[data-testid=consult-link]").await;
    click_and_load(c, "[data-testid=consult-now]").await;
    let kept = [
        ".demo-banner",
        "[data-testid=signed-in]",
        "main h1",
        ".chip",
        "[data-testid=acting-as]",
        "[data-testid=export-pdf]",
        "nav.lang",
        "[data-testid=sign-out]",
        "[data-testid=footer-privacy]",
        "[data-testid=footer-contact]",
    ];
    let on_screen = shown(c, &kept).await;
    assert_eq!(on_screen.len(), kept.len(), "on screen: {on_screen:?}");
    c.issue_cmd(Chromium::cdp(
        "Emulation.setEmulatedMedia",
        json!({"media": "print"}),
    ))
    .await
    .unwrap();
    assert_eq!(
        shown(c, &kept).await,
        [
            ".demo-banner",
            "[data-testid=signed-in]",
            "main h1",
            ".chip",
            "[data-testid=acting-as]",
            "[data-testid=footer-contact]"
        ],
        "printed"
    );
    // The dashboard printed: its lists, not the form to make a request.
    c.goto(&format!("{}/company", app.address)).await.unwrap();
    c.wait()
        .for_element(Locator::Css("[data-testid=tab-panel]"))
        .await
        .unwrap();
    assert_eq!(
        shown(c, &["#request-area", "[data-testid=tab-panel]", "#tab-nav"]).await,
        ["[data-testid=tab-panel]", "#tab-nav"],
    );
    browser.close().await;
}

/// With forced colours (Windows high contrast: every background repainted by the system),
/// the tab shown and the page's language still stand apart from the others by something
/// that is not a colour, and so do a result's states in its legend.
#[tokio::test]
async fn the_tab_shown_stands_apart_without_its_colours() {
    let (_app, browser) = jan_in_browser(&[], "/company?tab=active").await;
    let c = &browser.client;
    c.issue_cmd(Chromium::cdp(
        "Emulation.setEmulatedMedia",
        json!({"media": "", "features": [{"name": "forced-colors", "value": "active"}]}),
    ))
    .await
    .unwrap();
    let apart = |marked: &str, other: &str| {
        format!(
            "if (!matchMedia('(forced-colors: active)').matches) return 'not emulated'; \
             var props = ['borderTopStyle', 'borderTopWidth', 'fontWeight', 'textDecorationLine', 'outlineStyle']; \
             var a = getComputedStyle(document.querySelector('{marked}')); \
             var b = getComputedStyle(document.querySelector('{other}')); \
             return props.filter(function (p) {{ return a[p] !== b[p]; }});"
        )
    };
    for (marked, other) in [
        ("[data-testid=tab-active]", "[data-testid=tab-requested]"),
        ("nav.lang span[aria-current]", "nav.lang a"),
    ] {
        let differ = run(c, &apart(marked, other)).await;
        assert!(
            differ.as_array().is_some_and(|d| !d.is_empty()),
            "{marked} against {other}: {differ}"
        );
    }
    // A result's legend: met, not met and not determined, each its own line.
    click_and_load(c, "[data-testid=consult-link]").await;
    click_and_load(c, "[data-testid=consult-now]").await;
    let lines = run(
        c,
        "if (!matchMedia('(forced-colors: active)').matches) return 'not emulated'; \
         return ['eligible', 'not_eligible', 'not_determined'].map(function (k) { \
           return getComputedStyle(document.querySelector('ul.legend li.' + k), '::before').borderTopStyle; \
         });",
    )
    .await;
    let styles: Vec<String> = serde_json::from_value(lines.clone()).unwrap_or_default();
    let distinct: std::collections::BTreeSet<&String> = styles.iter().collect();
    assert_eq!(distinct.len(), 3, "legend lines: {lines}");
    browser.close().await;
}

/// In the dashboard (htmx), a mistyped provider's address is asked about where it was
/// typed, with the focus on the question; taking the suggestion creates the request for it.
#[tokio::test]
async fn the_dashboard_asks_about_a_mistyped_address_and_takes_the_suggestion() {
    let (app, browser) = jan_in_browser(&[], "/company").await;
    let c = &browser.client;
    for (field, value) in [
        ("request-label", "Plonge samedi"),
        ("request-email", "lucas@gmial.com"),
    ] {
        c.wait()
            .for_element(Locator::Css(&format!("[data-testid={field}]")))
            .await
            .unwrap()
            .send_keys(value)
            .await
            .unwrap();
    }
    c.execute("window.__sameDocument = true;", vec![])
        .await
        .unwrap();
    click(c, "[data-testid=request-submit]").await;
    wait_for_text(c, "[data-testid=email-suggestion]", "lucas@gmail.com").await;
    // The focus moves once the swap has settled, a moment after the text is there.
    crate::focus::wait_for_focus(c, "email-suggestion").await;
    click(c, "[data-testid=email-use-suggestion]").await;
    wait_for_text(c, "[data-testid=created]", "Plonge samedi").await;
    let same = run(c, "return window.__sameDocument === true;").await;
    assert_eq!(same, json!(true), "no page reload");
    use diesel::prelude::*;
    use mandat::db::schema::request_personal as p;
    let to: Vec<Option<String>> = p::table
        .filter(p::label.eq("Plonge samedi"))
        .select(p::email)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(to, [Some("lucas@gmail.com".to_string())]);
    browser.close().await;
}

/// A form pressed twice while its answer is on the way (a double click, a second tap on a
/// slow connection) is sent once: one API client is made, and the secret the page shows
/// is that client's (a second client would stand in the list, its secret seen by nobody).
/// While the answer is slow to come, the form says it is being sent.
#[tokio::test]
async fn a_form_pressed_twice_while_its_answer_is_on_the_way_is_sent_once() {
    use diesel::{prelude::*, sql_query};
    use mandat::db::schema::api_clients;
    // (A wait for a lock of up to 5 s, so that the held lock below slows, not refuses.)
    let (app, browser) =
        jan_in_browser(&[("database_lock_timeout_ms", "5000")], "/company/api").await;
    let c = &browser.client;
    c.find(Locator::Css("[data-testid=client-name]"))
        .await
        .unwrap()
        .send_keys("Payroll")
        .await
        .unwrap();
    // The server is slow to answer: a lock holds the new client's row for a second (held
    // on a thread of its own: the click's script returns only once the page is answered).
    let mut lock = app.db();
    let (held, is_held) = std::sync::mpsc::channel();
    let holder = std::thread::spawn(move || {
        sql_query("BEGIN").execute(&mut lock).unwrap();
        sql_query("LOCK TABLE api_clients IN EXCLUSIVE MODE")
            .execute(&mut lock)
            .unwrap();
        held.send(()).unwrap();
        std::thread::sleep(Duration::from_millis(1000));
        sql_query("COMMIT").execute(&mut lock).unwrap();
    });
    is_held.recv().unwrap();
    run(
        c,
        "const b = document.querySelector('[data-testid=client-name]').form
             .querySelector('button[type=submit]');
         b.click();
         setTimeout(() => b.click(), 250);
         setTimeout(() => sessionStorage.setItem('while-sent', JSON.stringify([
             b.form.getAttribute('aria-busy'),
             (document.querySelector('[data-sending-note]') || {}).textContent,
         ])), 700);
         return true;",
    )
    .await;
    holder.join().unwrap();
    let shown = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("[data-testid=client-id]"))
        .await
        .unwrap_or_else(|e| panic!("the new client's credentials: {e}"))
        .text()
        .await
        .unwrap();
    // Both answers, had there been two, are in by now.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let made: Vec<uuid::Uuid> = api_clients::table
        .filter(api_clients::name.eq("Payroll"))
        .select(api_clients::id)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(made.len(), 1, "{made:?}");
    assert_eq!(made[0].to_string(), shown);
    // While it waited, the form said so: busy, "Working…" beside its button.
    let while_sent = run(c, "return sessionStorage.getItem('while-sent');").await;
    assert_eq!(
        while_sent,
        json!(json!(["true", " Traitement en cours…"]).to_string())
    );
    browser.close().await;
}
