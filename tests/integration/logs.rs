//! The logs of a whole journey (company, citizen, back office, API, and the refusals and
//! malformed inputs along the way) carry no secret link token, no NISS (raw or formatted),
//! no e-mail address and no API secret: the requests' logs name the route pattern, never
//! the path or a value of the request.
//!
//! The test process gets one global subscriber writing to a buffer (the same format and
//! level as the server's by default); every test running meanwhile writes there too, so the
//! scan covers them as well.

use std::sync::{Arc, Mutex, OnceLock};

use mandat::domain::Niss;
use serde_json::json;

use crate::{
    admin::staff,
    api::{bearer, call, client_for_resto},
    company::{EMMA, JAN},
    helpers::{location_of, spawn_app},
};

/// The log lines written since the subscriber was installed.
#[derive(Clone, Default)]
struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogBuffer {
    type Writer = LogBuffer;
    fn make_writer(&'a self) -> LogBuffer {
        self.clone()
    }
}

impl LogBuffer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

static LOGS: OnceLock<LogBuffer> = OnceLock::new();

/// Installs (once) the test process's subscriber: the server's default, `info`, into a
/// buffer.
fn captured_logs() -> LogBuffer {
    LOGS.get_or_init(|| {
        use tracing_subscriber::prelude::*;
        let buffer = LogBuffer::default();
        tracing_subscriber::registry()
            .with(tracing_subscriber::EnvFilter::new("info"))
            .with(
                tracing_subscriber::fmt::layer()
                    .with_ansi(false)
                    .with_writer(buffer.clone()),
            )
            .try_init()
            .expect("the only subscriber of the test process");
        buffer
    })
    .clone()
}

/// Every valid NISS written in `text`, raw (11 digits) or formatted (`85.07.30-033.28`).
fn nisses_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let boundary = |i: Option<&char>| i.is_none_or(|c| !c.is_ascii_alphanumeric());
    for start in 0..chars.len() {
        if start > 0 && !boundary(chars.get(start - 1)) {
            continue;
        }
        for len in [11, 15] {
            let Some(window) = chars.get(start..start + len) else {
                continue;
            };
            let shaped = if len == 11 {
                window.iter().all(char::is_ascii_digit)
            } else {
                window.iter().enumerate().all(|(i, c)| match i {
                    2 | 5 | 12 => *c == '.',
                    8 => *c == '-',
                    _ => c.is_ascii_digit(),
                })
            };
            let candidate: String = window.iter().collect();
            if shaped && boundary(chars.get(start + len)) && Niss::parse(&candidate).is_ok() {
                found.push(candidate);
            }
        }
    }
    found
}

/// Every e-mail address written in `text` (`local@domain.tld`).
fn emails_in(text: &str) -> Vec<String> {
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-'".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    let mut found = Vec::new();
    for (i, _) in text.match_indices('@') {
        let before: String = text[..i]
            .chars()
            .rev()
            .take_while(|c| local(*c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = text[i + 1..].chars().take_while(|c| domain(*c)).collect();
        let after = after.trim_end_matches('.');
        if !before.is_empty()
            && after
                .rsplit_once('.')
                .is_some_and(|(host, tld)| !host.is_empty() && tld.len() >= 2)
        {
            found.push(format!("{before}@{after}"));
        }
    }
    found
}

#[test]
fn the_scanners_find_what_they_look_for() {
    let maria = mandat::demo::people::MARIA.niss();
    let formatted = Niss::parse(maria).unwrap().formatted();
    let text = format!(
        "a {maria} b ({formatted}) c XX.XX.XX-XXX.26 d 12345678901 e 9e{maria}f maria@example.be x@localhost"
    );
    assert_eq!(nisses_in(&text), vec![maria.to_string(), formatted]);
    assert_eq!(emails_in(&text), vec!["maria@example.be".to_string()]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_journey_logs_no_token_no_niss_and_no_email() {
    let logs = captured_logs();
    let app = spawn_app().await;
    let maria = mandat::demo::people::MARIA.niss();
    let email = "maria.journey@example.be";
    // A company user creates a request; the secret link is shown once.
    let jan = app.another_browser();
    jan.sign_in(JAN).await;
    let link = jan
        .company_creates_request(&crate::helpers::RequestForm::new(
            "Journey",
            email,
            "FLEXI_JOB",
            "en",
        ))
        .await;
    let path = link.trim_start_matches("http://localhost:8080").to_string();
    let token = path.trim_start_matches("/r/").to_string();
    // A cross-site POST to the link, and a form with a NISS where an id goes (malformed).
    let res = app
        .client
        .post(format!("{}{path}", app.address))
        .header("sec-fetch-site", "cross-site")
        .form(&[("niss", maria)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    jan.post_form("/company/select", &[("company_id", maria)])
        .await;
    // (What they answer is the other tests' business: here, only what the logs say.)
    jan.get(&format!("/company/tabs/requested?q={maria}%00"))
        .await;
    jan.get(&format!("/lang/en?next=/%0d%0a{maria}")).await;
    // Someone without a company is redirected (not an error).
    let emma = app.another_browser();
    emma.sign_in(EMMA).await;
    let res = emma.get("/company").await;
    assert_eq!(res.status().as_u16(), 303);
    // The citizen opens the link, signs in, says it is for her, accepts.
    let citizen = app.another_browser();
    let res = citizen.get(&path).await;
    assert_eq!(res.status().as_u16(), 303);
    let page = location_of(&res);
    citizen.sign_in(maria).await;
    citizen.page(&page).await;
    let res = citizen.post_form(&format!("{page}/bind"), &[]).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let res = citizen
        .post_form(&format!("{page}/answer"), &[("answer", "accept")])
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    // A wrong link, an unknown person.
    assert_eq!(
        app.get(&format!("/r/{}", "A".repeat(43)))
            .await
            .status()
            .as_u16(),
        404
    );
    let res = app
        .another_browser()
        .post_form("/sign-in/demo", &[("niss", "93051822361"), ("next", "/")])
        .await;
    assert_eq!(res.status().as_u16(), 400);
    // The back office searches by NISS and by e-mail.
    let claire = staff(&app, "claire").await;
    assert_eq!(
        claire
            .post_form("/admin/search", &[("niss", maria)])
            .await
            .status()
            .as_u16(),
        200
    );
    let res = claire.post_form("/admin/search", &[("email", email)]).await;
    if res.status().is_redirection() {
        // (Before the e-mail search was a POST: it went to a URL.)
        claire.get(&location_of(&res)).await;
    }
    // The API: a request, a consultation, and bodies it cannot read.
    let (id, secret) = client_for_resto(&app, &["mandates", "precontractual-data"]).await;
    let t = bearer(&app, &id, &secret).await;
    let (status, created, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/mandate-requests",
        &t,
        Some(json!({"context": "FLEXI_JOB", "email": "api.journey@example.be", "label": "API", "language": "en", "niss": maria})),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let api_token = created["link"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let (status, _, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/precontractual-data/flexi-job",
        &t,
        Some(json!({"niss": maria})),
    )
    .await;
    assert_eq!(status, 200);
    for body in [
        json!({"niss": maria.parse::<u64>().unwrap()}),
        json!({"niss": format!("{maria}\u{0}")}),
        json!({"niss": maria, "email": "x@example.be"}),
    ] {
        let (status, _, _) = call(
            &app,
            reqwest::Method::POST,
            "/api/v1/precontractual-data/flexi-job",
            &t,
            Some(body),
        )
        .await;
        assert_eq!(status, 400);
    }
    let (status, _, _) = call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/mandates?onBehalfOf={maria}"),
        &t,
        None,
    )
    .await;
    assert!(status >= 400);
    // The mails go to the outbox; the jobs run.
    app.run_job(mandat::jobs::Job::DeliverMail).await.unwrap();

    let text = logs.text();
    assert!(text.contains("person signed in"), "the logs are captured");
    assert!(text.contains("refused a cross-site state-changing request"));
    assert!(
        text.contains("route=/r/{token}"),
        "the route pattern is logged"
    );
    for secret in [&token, &api_token, &t, &secret] {
        assert!(!text.contains(secret.as_str()), "a secret in the logs");
    }
    let nisses = nisses_in(&text);
    assert!(nisses.is_empty(), "NISS in the logs: {nisses:?}");
    let emails = emails_in(&text);
    assert!(
        emails.is_empty(),
        "e-mail addresses in the logs: {emails:?}"
    );
    for line in text.lines().filter(|l| l.contains(" ERROR ")) {
        assert!(
            !line.contains("303") && !line.to_lowercase().contains("redirect"),
            "a redirect logged as an error: {line}"
        );
    }
}
