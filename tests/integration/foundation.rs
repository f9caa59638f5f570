//! The foundation: health, languages, security baseline, sign-in, error pages, the CLI.

use crate::helpers::{Options, attr, spawn_app, spawn_app_with, texts};

#[tokio::test]
async fn health_and_readiness() {
    let app = spawn_app().await;
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status().as_u16(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
}

#[tokio::test]
async fn readiness_fails_and_pages_say_so_when_the_database_is_down() {
    let app = spawn_app_with(Options {
        settings: vec![(
            "database_url",
            crate::helpers::with_database(&crate::helpers::admin_url(), "mandat_no_such_database"),
        )],
    })
    .await;
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    assert_eq!(app.get("/readyz").await.status().as_u16(), 503);
    let res = app.get_with("/sign-in", &[("accept-language", "nl")]).await;
    assert_eq!(res.status().as_u16(), 503);
    let body = res.text().await.unwrap();
    assert!(body.contains("lang=\"nl\""), "{body}");
    assert_eq!(
        texts(&body, "section.error h1"),
        vec!["Dienst tijdelijk niet beschikbaar"]
    );
    assert!(
        !body.to_lowercase().contains("postgres"),
        "no internal text: {body}"
    );
}

#[tokio::test]
async fn french_is_the_default_and_accept_language_is_followed() {
    let app = spawn_app().await;
    let body = app.page_with("/", &[("accept-language", "")]).await;
    assert_eq!(attr(&body, "html", "lang").as_deref(), Some("fr"));
    let cases = [
        ("nl-BE,nl;q=0.9,en;q=0.5", "nl", "Toegang tot mijn data"),
        ("de", "de", "Zugang zu meinen Daten"),
        ("en-GB", "en", "Access to my data"),
        ("es, it", "fr", "Accès à mes données"),
    ];
    for (accept, lang, citizen_service) in cases {
        let res = app
            .get_with("/citizens", &[("accept-language", accept)])
            .await;
        let body = res.text().await.unwrap();
        assert_eq!(
            attr(&body, "html", "lang").as_deref(),
            Some(lang),
            "{accept}"
        );
        assert_eq!(
            texts(&body, "h1"),
            vec![citizen_service.to_string()],
            "{accept}"
        );
    }
}

#[tokio::test]
async fn the_explicit_choice_is_kept_in_a_cookie_and_beats_accept_language() {
    let app = spawn_app().await;
    let res = app.get("/lang/de?next=/companies").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/companies");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("lang=de"), "{cookie}");
    let body = app
        .page_with("/companies", &[("accept-language", "nl")])
        .await;
    assert_eq!(attr(&body, "html", "lang").as_deref(), Some("de"));
    assert_eq!(texts(&body, "h1"), vec!["Einsicht in Bürgerdaten"]);
    // The switcher on the page links to the other languages and back here.
    assert_eq!(
        attr(&body, "a[data-testid=lang-nl]", "href").as_deref(),
        Some("/lang/nl?next=/companies")
    );
    // An off-site `next` is not followed.
    let res = app.get("/lang/nl?next=//evil.example").await;
    assert_eq!(res.headers()["location"], "/");
}

#[tokio::test]
async fn security_headers_and_cookie_flags() {
    let app = spawn_app().await;
    // A page with a form: its CSRF token is kept in a session.
    let res = app.get("/sign-in").await;
    let h = res.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["cross-origin-resource-policy"], "same-origin");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert_eq!(h["cache-control"], "no-store");
    assert!(
        h.get("strict-transport-security").is_none(),
        "no HSTS in development"
    );
    let cookie = h["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("mandat_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "development cookies are not Secure: {cookie}"
    );
    let body = res.text().await.unwrap();
    assert!(
        !body.contains("style=") && !body.contains("<style"),
        "no inline style"
    );
    assert!(!body.contains("<script>"), "no inline script");

    let demo = spawn_app_with(Options {
        settings: vec![("mode", "demo".into())],
    })
    .await;
    let res = demo.get("/sign-in").await;
    assert!(
        res.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn state_changing_requests_need_the_csrf_token_and_the_same_origin() {
    let app = spawn_app().await;
    let form = [("niss", "85073003328"), ("next", "/")];
    // No token.
    let res = app.post_raw("/sign-in/demo", &form, &[]).await;
    assert_eq!(res.status().as_u16(), 403);
    // A wrong token.
    let _ = app.csrf().await;
    let mut with_wrong = form.to_vec();
    with_wrong.push(("csrf", "forged"));
    assert_eq!(
        app.post_raw("/sign-in/demo", &with_wrong, &[])
            .await
            .status()
            .as_u16(),
        403
    );
    // The right token from another site.
    let token = app.csrf().await;
    let mut good = form.to_vec();
    good.push(("csrf", &token));
    let res = app
        .post_raw("/sign-in/demo", &good, &[("sec-fetch-site", "cross-site")])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let res = app
        .post_raw(
            "/sign-in/demo",
            &good,
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    // The right token, same origin: accepted.
    let origin = app.address.clone();
    let res = app
        .post_raw(
            "/sign-in/demo",
            &good,
            &[("origin", &origin), ("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // htmx sends the token in a header.
    let res = app
        .post_raw("/sign-out", &[], &[("x-csrf-token", &token)])
        .await;
    assert_eq!(
        res.status().as_u16(),
        403,
        "the session was renewed at sign-in: old token is void"
    );
}

#[tokio::test]
async fn demo_sign_in_renews_the_session_and_shows_who_is_signed_in() {
    let app = spawn_app().await;
    let page = app.page("/sign-in?next=/companies").await;
    // The demo register's people, including the foreigner with a BIS number.
    assert!(
        page.contains("Maria") && page.contains("Kowalski"),
        "{page}"
    );
    let before = app.csrf().await;
    app.sign_in("85.07.30-033.28").await;
    let body = app.page("/").await;
    assert_eq!(
        texts(&body, "[data-testid=signed-in] strong"),
        vec!["Jan Peeters"]
    );
    let after = crate::helpers::csrf_in(&body).unwrap();
    assert_ne!(before, after, "a new CSRF token with the new session");
    // Sign out.
    let res = app.post_form("/sign-out", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let body = app.page("/").await;
    assert!(texts(&body, "[data-testid=signed-in]").is_empty());
}

#[tokio::test]
async fn bad_national_numbers_get_a_clear_message_in_the_users_language() {
    let app = spawn_app().await;
    let _ = app.get("/lang/nl").await;
    let cases = [
        ("", "Vul"),
        ("8507300332", "11 cijfers"),
        ("85073003329", "niet geldig"),
        ("85.07.30-033.2x", "cijfers"),
    ];
    for (typed, expected) in cases {
        let res = app
            .post_form("/sign-in/demo", &[("niss", typed), ("next", "/")])
            .await;
        assert_eq!(res.status().as_u16(), 400, "{typed:?}");
        let body = res.text().await.unwrap();
        let msg = texts(&body, "[data-testid=sign-in-error]").join(" ");
        assert!(msg.contains(expected), "{typed:?}: {msg}");
        // What was typed is kept.
        assert_eq!(attr(&body, "input#niss", "value").as_deref(), Some(typed));
    }
    // A valid number unknown to the register.
    let res = app
        .post_form("/sign-in/demo", &[("niss", "85073003429"), ("next", "/")])
        .await;
    let status = res.status().as_u16();
    let body = res.text().await.unwrap();
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn not_found_is_a_localized_page_or_an_htmx_fragment() {
    let app = spawn_app().await;
    let res = app.get_with("/nowhere", &[("accept-language", "de")]).await;
    assert_eq!(res.status().as_u16(), 404);
    let body = res.text().await.unwrap();
    assert_eq!(
        texts(&body, "section.error h1"),
        vec!["Seite nicht gefunden"]
    );
    assert!(body.contains("<html"), "a whole page");
    let res = app
        .get_with(
            "/nowhere",
            &[("accept-language", "en"), ("hx-request", "true")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(res.headers()["hx-retarget"], "#flash");
    let body = res.text().await.unwrap();
    assert!(!body.contains("<html"), "a fragment: {body}");
    assert!(body.contains("Page not found"));
}

#[tokio::test]
async fn an_error_met_inside_a_service_keeps_its_frame_and_the_way_back_to_it() {
    use mandat::demo::people::{CLAIRE_LEMAIRE, JAN, MARIA};
    // (who, path, status, the header's service, where the page leads back to)
    let cases: &[(
        Option<&mandat::demo::people::Persona>,
        &str,
        u16,
        &str,
        &str,
    )] = &[
        (None, "/nowhere", 404, "Zugang zu Bürgerdaten", "/"),
        // An employer following an old link to a mandate, or mistyping an address.
        (
            Some(&JAN),
            "/company/mandates/00000000-0000-0000-0000-000000000000",
            404,
            "Einsicht in Bürgerdaten",
            "/company",
        ),
        (
            Some(&JAN),
            "/company/nope?x=1",
            404,
            "Einsicht in Bürgerdaten",
            "/company",
        ),
        // A citizen in the portal.
        (
            Some(&MARIA),
            "/me/nope",
            404,
            "Zugang zu meinen Daten",
            "/me",
        ),
        // The back office, for its staff.
        (
            Some(&CLAIRE_LEMAIRE),
            "/admin/nope",
            404,
            "Backoffice",
            "/admin",
        ),
        // Not for anybody else: the back office's door (hidden: a 404) and anything under it
        // are the service's pages, and lead home (never to the same error again).
        (Some(&MARIA), "/admin", 404, "Zugang zu Bürgerdaten", "/"),
        (
            Some(&MARIA),
            "/admin/nope",
            404,
            "Zugang zu Bürgerdaten",
            "/",
        ),
    ];
    for &(who, path, status, service, back) in cases {
        let app = spawn_app().await;
        if let Some(who) = who {
            app.sign_in_as(who).await;
        }
        let res = app.get_with(path, &[("accept-language", "de")]).await;
        assert_eq!(res.status().as_u16(), status, "{path}");
        let body = res.text().await.unwrap();
        assert_eq!(
            texts(&body, "header.site .brand a"),
            vec![format!("◆{service}")],
            "{path}"
        );
        assert_eq!(
            attr(&body, "[data-testid=back-home]", "href").as_deref(),
            Some(back),
            "{path}"
        );
        // The link says where it leads.
        let words = match back {
            "/company" => "Zurück zu Anfragen und Zugängen",
            "/me" => "Zurück zu meinen Daten",
            "/admin" => "Zurück zur Übersicht",
            _ => "Zurück zur Startseite",
        };
        assert_eq!(
            texts(&body, "[data-testid=back-home]"),
            vec![words],
            "{path}"
        );
    }
}

#[tokio::test]
async fn assets_are_served_from_the_binary() {
    let app = spawn_app().await;
    let res = app.get("/assets/htmx.min.js").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    assert!(res.text().await.unwrap().contains("htmx"));
    let res = app
        .get_with("/assets/htmx.min.js", &[("if-none-match", &etag)])
        .await;
    assert_eq!(res.status().as_u16(), 304);
    let missing = app.get("/assets/nope.js").await;
    assert_eq!(missing.status().as_u16(), 404);
    assert_eq!(
        missing.headers()["cache-control"],
        "no-store",
        "a 404 is not kept"
    );

    // The pages name each asset with the build's version: kept a year, never revalidated...
    let page = app.page("/").await;
    let css = attr(&page, "link[rel=stylesheet]", "href").unwrap();
    let version = mandat::web::routes::ASSETS_VERSION;
    assert_eq!(css, format!("/assets/app.css?v={version}"));
    for src in [css, attr(&page, "script[src*=htmx]", "src").unwrap()] {
        let res = app.get(&src).await;
        assert_eq!(res.status().as_u16(), 200, "{src}");
        assert_eq!(
            res.headers()["cache-control"],
            "public, max-age=31536000, immutable",
            "{src}"
        );
    }
    // ... while another version (a server of the previous build during an update, or a
    // bookmark) is asked again every time, so no cache keeps this build's file under it.
    for src in ["/assets/app.css", "/assets/app.css?v=0123456789abcdef"] {
        let res = app.get(src).await;
        assert_eq!(res.status().as_u16(), 200, "{src}");
        assert_eq!(res.headers()["cache-control"], "public, no-cache", "{src}");
    }
    // The ETag follows the bytes, not their length.
    assert!(etag.contains(version), "{etag}");
}

#[test]
fn the_cli_refuses_bad_settings_with_a_clear_message() {
    let bin = env!("CARGO_BIN_EXE_mandat");
    let out = std::process::Command::new(bin)
        .arg("migrate")
        .env("MANDAT_MODE", "staging")
        .output()
        .expect("run mandat");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("MANDAT_MODE") && err.contains("staging"),
        "{err}"
    );
    let out = std::process::Command::new(bin)
        .arg("config")
        .output()
        .expect("run mandat");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("DATABASE_URL") && text.contains("MANDAT_SMTP_HOST"));
    let out = std::process::Command::new(bin)
        .args(["serve", "--help"])
        .output()
        .expect("run mandat");
    assert!(String::from_utf8_lossy(&out.stdout).contains("--bind"));
    // The keys derived from a session key, printed, pinned, open what the data key sealed
    // and find the audit's entries once the session key has changed.
    let (old, new) = ("A".repeat(88), "B".repeat(88));
    let out = std::process::Command::new(bin)
        .arg("keys")
        .env("MANDAT_SESSION_KEY", &old)
        .output()
        .expect("run mandat");
    assert!(out.status.success());
    let printed = String::from_utf8_lossy(&out.stdout).to_string();
    let value = |name: &str| {
        printed
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("{name} in {printed}"))
            .to_string()
    };
    let (data, audit) = (value("MANDAT_DATA_KEY"), value("MANDAT_AUDIT_KEY"));
    let settings = |pairs: &[(&str, &str)]| mandat::settings::Settings::from_pairs(pairs).unwrap();
    let sealed = settings(&[("session_key", &old)])
        .keyring
        .seal(mandat::seal::Purpose::WebhookSecret, "kept");
    let pinned = settings(&[
        ("session_key", &new),
        ("data_key", &data),
        ("audit_key", &audit),
    ]);
    assert_eq!(
        pinned.audit_key_bytes(),
        settings(&[("session_key", &old)]).audit_key_bytes()
    );
    let opened = pinned
        .keyring
        .open(mandat::seal::Purpose::WebhookSecret, &sealed);
    assert_eq!(opened.as_deref(), Ok("kept"));
}

#[test]
fn seed_and_migrate_work_on_an_empty_database() {
    let db = crate::helpers::fresh_empty_database();
    let url = db.url.clone();
    let bin = env!("CARGO_BIN_EXE_mandat");
    for cmd in ["migrate", "seed-demo", "seed-demo"] {
        let out = std::process::Command::new(bin)
            .arg(cmd)
            .env("DATABASE_URL", &url)
            .env("MANDAT_MODE", "development")
            .output()
            .expect("run mandat");
        assert!(
            out.status.success(),
            "{cmd}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_readme_documents_every_setting() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for opt in mandat::settings::OPTIONS {
        assert!(
            readme.contains(&format!("`{}`", opt.env)),
            "README lacks {}",
            opt.env
        );
    }
    assert!(
        readme.starts_with("# mandat\n\n```sh\nscripts/run"),
        "the two commands come first"
    );
}

/// A visitor who is not signed in and reads a page without a form leaves nothing on the
/// server: no session row, no cookie.
#[tokio::test]
async fn an_anonymous_page_without_a_form_stores_no_session() {
    use diesel::prelude::*;
    let app = spawn_app().await;
    let count = || -> i64 {
        mandat::db::schema::sessions::table
            .count()
            .get_result(&mut app.db())
            .unwrap()
    };
    let before = count();
    let res = app.get("/").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers().get("set-cookie").is_none());
    assert_eq!(count(), before);
    // A page with a form keeps its CSRF token in a session.
    app.page("/sign-in").await;
    assert_eq!(count(), before + 1);
}

#[tokio::test]
async fn head_is_answered_as_get_without_the_body() {
    let app = spawn_app().await;
    // A page, an asset, a page that needs a sign-in, an API resource, no such page: a link
    // checker or a mail scanner asking for the headers gets what GET gets, without a body.
    for (path, status) in [
        ("/", 200),
        ("/assets/app.css", 200),
        ("/company", 303),
        ("/api/v1/openapi.json", 200),
        ("/no-such-page", 404),
    ] {
        let url = format!("{}{path}", app.address);
        let get = app.client.get(&url).send().await.unwrap();
        let head = app.client.head(&url).send().await.unwrap();
        assert_eq!(head.status().as_u16(), status, "HEAD {path}");
        assert_eq!(head.status(), get.status(), "HEAD and GET {path}");
        for name in ["content-type", "location", "cache-control"] {
            assert_eq!(
                head.headers().get(name),
                get.headers().get(name),
                "{name} of {path}"
            );
        }
        assert!(
            head.bytes().await.unwrap().is_empty(),
            "no body for HEAD {path}"
        );
    }
}

#[tokio::test]
async fn a_trailing_slash_leads_to_the_page_without_it() {
    let app = spawn_app().await;
    for (path, to) in [
        ("/me/", "/me"),
        ("/privacy//", "/privacy"),
        (
            "/company/tabs/active/?q=a%20b",
            "/company/tabs/active?q=a%20b",
        ),
        ("/api/v1/mandate-requests/", "/api/v1/mandate-requests"),
        // Never to another site.
        ("//evil.example/", "/"),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status().as_u16(), 308, "{path}");
        assert_eq!(crate::helpers::location_of(&res), to, "{path}");
    }
    assert_eq!(app.get("/").await.status().as_u16(), 200);
    // The redirect keeps the method: a form posted to a path with a slash still reaches its
    // handler (and its CSRF check).
    let res = app.post_form("/sign-out/", &[]).await;
    assert_eq!(res.status().as_u16(), 308);
}

#[tokio::test]
async fn the_address_of_a_form_leads_to_its_page() {
    let app = spawn_app().await;
    // A page answered a form at its own address (a request form with an error, at
    // /company/requests); the browser shows that address, and a reload, a language switch
    // or a bookmark asks it with GET: the page the form belongs to, not a 404.
    let id = "0b5e7c1a-2f4d-4e6b-9a8c-1d2e3f405162";
    for (path, to) in [
        ("/company/requests", "/company"),
        ("/sign-in/demo", "/sign-in"),
        ("/sign-out", "/"),
        (
            &format!("/me/requests/{id}/answer") as &str,
            &format!("/me/requests/{id}") as &str,
        ),
        (
            &format!("/company/requests/{id}/withdraw"),
            "/company/requests",
        ),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status().as_u16(), 303, "GET {path}");
        assert_eq!(crate::helpers::location_of(&res), to, "GET {path}");
    }
    // No such address: the 404 page, still.
    assert_eq!(
        app.get("/company/nothing-here").await.status().as_u16(),
        404
    );
    assert_eq!(app.get("/no/such/page").await.status().as_u16(), 404);
}

/// Whoever finds a vulnerability knows whom to tell (RFC 9116): the security contact (the
/// help contact unless set apart), the languages, until when the file holds (less than a
/// year ahead), and where it is.
#[tokio::test]
async fn security_txt_says_whom_to_tell_of_a_vulnerability() {
    use mandat::clock::Clock;
    let app = spawn_app().await;
    let res = app.get("/.well-known/security.txt").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "text/plain; charset=utf-8");
    let text = res.text().await.unwrap();
    let field = |text: &str, name: &str| -> String {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("{name} in {text}"))
            .to_string()
    };
    assert_eq!(field(&text, "Contact"), "mailto:contact@rsz.fgov.be");
    assert_eq!(field(&text, "Preferred-Languages"), "fr, nl, de, en");
    assert_eq!(
        field(&text, "Canonical"),
        format!("{}/.well-known/security.txt", app.state.settings.public_url)
    );
    let expires = chrono::DateTime::parse_from_rfc3339(&field(&text, "Expires")).unwrap();
    let now = app.clock.now();
    assert!(
        expires > now && expires < now + chrono::Duration::days(365),
        "{expires}"
    );
    // A security team of its own.
    let apart = spawn_app_with(Options {
        settings: vec![("security_contact", "https://www.example.be/security".into())],
    })
    .await;
    let text = apart
        .get("/.well-known/security.txt")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(field(&text, "Contact"), "https://www.example.be/security");
}

/// Search engines may list the real service's public pages, and nothing else: not a secret
/// link, a sign-in page or an error (`X-Robots-Tag`, and `robots.txt`); a demonstration
/// deployment, nothing at all (a fictional service must not be found as the real one).
#[tokio::test]
async fn search_engines_list_only_the_real_services_public_pages() {
    let real = spawn_app_with(Options::production(vec![])).await;
    let robots = |res: &reqwest::Response| {
        res.headers()
            .get("x-robots-tag")
            .map(|v| v.to_str().unwrap().to_string())
    };
    for page in [
        "/",
        "/companies",
        "/citizens",
        "/privacy",
        "/accessibility",
        "/company/help/foreigners",
        "/me/help/foreigners",
    ] {
        let res = real.get(page).await;
        assert_eq!(res.status().as_u16(), 200, "{page}");
        assert_eq!(robots(&res), None, "{page} may be listed");
    }
    for page in [
        "/r/aW52ZW50ZWQtbGluay1zZWNyZXQtdGhhdC1kb2VzLW5vdA",
        "/sign-in",
        "/me",
        "/company",
        "/admin",
        "/no-such-page",
        "/sign-in?next=/me",
    ] {
        let res = real.get(page).await;
        assert_eq!(
            robots(&res).as_deref(),
            Some("noindex, nofollow"),
            "{page} ({})",
            res.status()
        );
    }
    let text = real.get("/robots.txt").await.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first(), Some(&"User-agent: *"));
    assert_eq!(lines.last(), Some(&"Disallow: /"));
    for allowed in ["Allow: /$", "Allow: /privacy$", "Allow: /assets/"] {
        assert!(lines.contains(&allowed), "{allowed} in {text}");
    }
    assert!(
        !text.contains("/r/") && !text.contains("Allow: /me$"),
        "{text}"
    );

    let demo = spawn_app().await;
    let res = demo.get("/privacy").await;
    assert_eq!(robots(&res).as_deref(), Some("noindex, nofollow"));
    let text = demo.get("/robots.txt").await.text().await.unwrap();
    assert_eq!(text, "User-agent: *\nDisallow: /\n");
}
