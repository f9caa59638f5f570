//! The words of a public service, page by page: a walk of every kind of page (public,
//! company app, citizen portal, back office) in the four languages checks that each title
//! names the page and then its side of the service (never the service twice, never two
//! pages alike), and that the visible text keeps the typography of
//! `mandat::i18n::typography` (French no-break spaces and elision, no space before a colon
//! in Dutch, German and English, one term per thing, "je" to the citizen in Dutch). Then the
//! notes, links and legal references the result pages, the request page, the e-mail and the
//! PDF must carry.

use std::collections::BTreeMap;

use diesel::prelude::*;
use mandat::{
    db::schema::outbox_emails,
    demo::people::{JAN, LENA, MARIA, PIETER},
    i18n::{
        Lang,
        typography::{problems, register_problems},
    },
};
use uuid::Uuid;

use crate::{
    browser::click,
    helpers::{TestApp, attr, spawn_app, texts},
};

/// Elements whose text starts and ends a line.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "div",
    "section",
    "ul",
    "ol",
    "table",
    "tr",
    "form",
    "header",
    "footer",
    "main",
    "nav",
    "label",
    "button",
    "option",
    "select",
    "small",
    "figcaption",
    "aside",
    "article",
    "fieldset",
    "legend",
    "br",
    "title",
    "head",
];

/// The text a reader sees: text nodes in order, a line break around each block, nothing of
/// scripts, styles or images.
fn visible_text(html: &str) -> String {
    fn walk(node: ego_tree::NodeRef<'_, scraper::Node>, out: &mut String) {
        match node.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(e) => {
                let name = e.name();
                // (`code`: identifiers, as an API sends them, are no words of a language.)
                if matches!(name, "script" | "style" | "svg" | "title" | "head" | "code") {
                    return;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                for child in node.children() {
                    walk(child, out);
                }
                if block {
                    out.push('\n');
                }
            }
            _ => {
                for child in node.children() {
                    walk(child, out);
                }
            }
        }
    }
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    walk(doc.tree.root(), &mut out);
    out
}

/// The page's `<title>`.
fn title_of(html: &str) -> String {
    texts(html, "title").into_iter().next().unwrap_or_default()
}

/// GET `path` in `lang`, asserting 200.
async fn page_in(app: &TestApp, path: &str, lang: Lang) -> String {
    let res = app
        .get_with(path, &[("accept-language", lang.code())])
        .await;
    assert_eq!(res.status().as_u16(), 200, "GET {path} in {}", lang.code());
    res.text().await.unwrap()
}

/// The result page of a consultation of `request_id` in `lang`: one act, posted again in
/// each language (the same consultation, re-rendered).
async fn consulted_in(app: &TestApp, request_id: Uuid, act: &str, lang: Lang) -> String {
    let csrf = app.csrf().await;
    let res = app
        .client
        .post(format!("{}/company/mandates/{request_id}", app.address))
        .header("accept-language", lang.code())
        .form(&[("act", act), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        200,
        "consultation in {}",
        lang.code()
    );
    res.text().await.unwrap()
}

/// The act of a mandate page (its "Consult now" form).
async fn act_of(app: &TestApp, request_id: Uuid) -> String {
    let page = app.page(&format!("/company/mandates/{request_id}")).await;
    attr(&page, "[data-testid=consult-form] input[name=act]", "value").expect("act")
}

/// One page read: what it is, in which language, whether the citizen reads it, its HTML.
struct Read {
    what: String,
    lang: Lang,
    citizen: bool,
    html: String,
}

/// Every kind of page, in the four languages.
async fn walk(app: &TestApp) -> Vec<Read> {
    let mut out = Vec::new();
    let anonymous = app.another_browser();
    let public = [
        ("/", false),
        ("/companies", false),
        ("/citizens", true),
        ("/sign-in", false),
        ("/privacy", true),
        ("/accessibility", false),
        ("/api/problems", false),
        ("/me/help/foreigners", true),
        ("/company/help/foreigners", false),
        ("/demo/mailbox", false),
    ];
    let company = [
        "/company",
        "/company/requests/new",
        "/company/tabs/active",
        "/company/tabs/requested",
        "/company/tabs/blocked",
        "/company/users",
        "/company/providers",
        "/company/api",
        "/company/select",
    ];
    let citizen_paths = ["/me", "/me/history", "/me/possibilities"];
    let admin = ["/admin", "/admin/search", "/admin/audit", "/admin/staff"];

    let jan = app.another_browser();
    jan.sign_in(JAN.niss()).await;
    let plonge = app.request_id("Plonge");
    let flexi_act = act_of(&jan, plonge).await;
    let lena = app.another_browser();
    lena.sign_in(LENA.niss()).await;
    let resto: Uuid = mandat::db::schema::companies::table
        .filter(mandat::db::schema::companies::bce.eq(mandat::demo::companies::RESTO_BCE))
        .select(mandat::db::schema::companies::id)
        .first(&mut app.db())
        .unwrap();
    let res = lena
        .post_form("/company/clients", &[("client_id", &resto.to_string())])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let student = app.request_id("Étudiante caisse");
    let student_act = act_of(&lena, student).await;
    let maria = app.another_browser();
    maria.sign_in(MARIA.niss()).await;
    // A request for Maria, opened through its link and bound to her by "Continue as".
    let link = crate::company::create_request(
        &jan,
        &crate::company::request_form("Words", "maria@example.be", "FLEXI_JOB", "fr"),
    )
    .await;
    let link_path = link
        .strip_prefix(&app.state.settings.public_url_citizen)
        .unwrap()
        .to_string();
    let res = maria.get(&link_path).await;
    assert_eq!(res.status().as_u16(), 303);
    let request_page = crate::helpers::location_of(&res);
    let pieter = app.another_browser();
    pieter.sign_in(PIETER.niss()).await;

    for lang in Lang::ALL {
        let mut read = |what: &str, citizen: bool, html: String| {
            out.push(Read {
                what: what.to_string(),
                lang,
                citizen,
                html,
            });
        };
        for (path, citizen) in public {
            read(path, citizen, page_in(&anonymous, path, lang).await);
        }
        for path in company {
            read(path, false, page_in(&jan, path, lang).await);
        }
        read(
            "mandate",
            false,
            page_in(&jan, &format!("/company/mandates/{plonge}"), lang).await,
        );
        read(
            "flexi-job result",
            false,
            consulted_in(&jan, plonge, &flexi_act, lang).await,
        );
        read(
            "student result",
            false,
            consulted_in(&lena, student, &student_act, lang).await,
        );
        for path in citizen_paths {
            read(path, true, page_in(&maria, path, lang).await);
        }
        read(
            "stop confirmation",
            true,
            page_in(&maria, &format!("/me/accesses/{plonge}/stop"), lang).await,
        );
        read("confirm", true, page_in(&maria, &request_page, lang).await);
        for path in admin {
            read(path, false, page_in(&pieter, path, lang).await);
        }
    }
    // The request page itself, once the request is bound to Maria.
    let res = maria.post_form(&format!("{request_page}/bind"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    for lang in Lang::ALL {
        out.push(Read {
            what: "request".into(),
            lang,
            citizen: true,
            html: page_in(&maria, &request_page, lang).await,
        });
    }
    out
}

#[tokio::test]
async fn every_page_has_its_own_title_and_keeps_the_typography_in_four_languages() {
    let app = spawn_app().await;
    let pages = walk(&app).await;
    let mut found = Vec::new();
    let mut titles: BTreeMap<(&str, String), String> = BTreeMap::new();
    for p in &pages {
        let lang = p.lang;
        let services = [
            lang.t("service-name"),
            lang.t("service-company"),
            lang.t("service-citizen"),
            lang.t("service-admin"),
        ];
        let title = title_of(&p.html);
        let code = lang.code();
        match title.rsplit_once(" — ") {
            Some((page, service)) if services.contains(&service.to_string()) => {
                if page.trim().is_empty() || services.iter().any(|s| page.contains(s.as_str())) {
                    found.push(format!("{code} {}: the service twice: {title:?}", p.what));
                }
            }
            _ => found.push(format!(
                "{code} {}: not \"Page — Service\": {title:?}",
                p.what
            )),
        }
        if let Some(other) = titles.insert((lang.code(), title.clone()), p.what.clone())
            && other != p.what
        {
            found.push(format!(
                "{code}: {} and {other} have the same title {title:?}",
                p.what
            ));
        }
        let text = visible_text(&p.html);
        let mut issues = problems(lang, &text);
        if p.citizen {
            issues.extend(register_problems(lang, &text));
        }
        for issue in issues {
            found.push(format!("{code} {}: {issue}", p.what));
        }
    }
    assert!(pages.len() >= 4 * 30, "{} pages read", pages.len());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The one page read of `what` in `lang`.
fn page<'a>(pages: &'a [Read], what: &str, lang: Lang) -> &'a str {
    &pages
        .iter()
        .find(|p| p.what == what && p.lang == lang)
        .unwrap_or_else(|| panic!("{what} in {}", lang.code()))
        .html
}

#[tokio::test]
async fn the_pages_carry_their_notes_links_and_legal_references() {
    let app = spawn_app().await;
    let pages = walk(&app).await;
    let en = Lang::En;
    // The flexi-job result: a chip with its period, the notes, the legend in full words,
    // the calendar by year, the official page, the notice, the way to the access.
    let flexi = page(&pages, "flexi-job result", en);
    assert_eq!(texts(flexi, "[data-testid=chip]"), ["Eligible"]);
    assert!(
        texts(flexi, "[data-testid=headline]")[0].contains("from 1 January to 30 June 2025"),
        "{:?}",
        texts(flexi, "[data-testid=headline]")
    );
    let notes = texts(flexi, "[data-testid=note]").join(" ");
    assert!(
        notes.contains("same as those the Dimona declaration"),
        "{notes}"
    );
    let legend = texts(flexi, "[data-testid=legend] li");
    assert_eq!(
        legend,
        [
            "Period in which the conditions for a flexi-job are met",
            "Period in which the conditions for a flexi-job are not met",
            "Period for which the conditions for a flexi-job are not yet determined",
        ]
    );
    assert_eq!(texts(flexi, "[data-testid=calendar-year]"), ["2025"]);
    assert_eq!(texts(flexi, "[data-testid=month]").len(), 12);
    let info = attr(flexi, "[data-testid=more-info] a", "href").unwrap();
    assert!(info.starts_with("https://www.socialsecurity.be/") && info.contains("/en/"));
    let notice = texts(flexi, "[data-testid=notice] dd").join(" ");
    assert!(
        notice.contains("6.1(e)")
            && notice.contains("25/016")
            && notice.contains("14 January 2025")
            && notice.contains("one month"),
        "{notice}"
    );
    let manage = attr(flexi, "[data-testid=manage-access]", "href").unwrap();
    assert!(manage.starts_with("/company/mandates/"));
    assert_eq!(
        texts(flexi, "[data-testid=manage-access]"),
        ["View and manage the access"]
    );
    // The Student@Work result: the figure, the Dimona STU note, its official page.
    let student = page(&pages, "student result", en);
    assert_eq!(texts(student, "[data-testid=figure]"), ["154"]);
    assert!(texts(student, "[data-testid=headline]")[0].contains("hours left in 2025"));
    let notes = texts(student, "[data-testid=note]").join(" ");
    assert!(notes.contains("Dimona STU"), "{notes}");
    assert_eq!(
        attr(student, "[data-testid=more-info] a", "href").unwrap(),
        "https://studentatwork.be/en"
    );
    let notice = texts(student, "[data-testid=notice] dd").join(" ");
    assert!(
        notice.contains("6.1(e)") && !notice.contains("25/016"),
        "{notice}"
    );
    // In French: no-break spaces, the elided month, the French words.
    let fr = page(&pages, "flexi-job result", Lang::Fr);
    assert_eq!(texts(fr, "[data-testid=chip]"), ["Éligible"]);
    let window = texts(fr, "[data-testid=note]")[0].clone();
    assert!(window.contains("de janvier 2025"), "{window}");
    assert!(fr.contains("délibération n°\u{a0}25/016 du 14 janvier 2025"));
    // The dashboard says what the service is for; empty tabs say what to do next.
    let dashboard = page(&pages, "/company", en);
    let intro = texts(dashboard, "[data-testid=intro]").join(" ");
    assert!(
        intro.contains("flexi-worker") && intro.contains("permission"),
        "{intro}"
    );
    // The portal explains the granted accesses; "My possibilities" words the balance.
    let portal = page(&pages, "/me", en);
    assert!(!texts(portal, "[data-testid=granted-lead]").is_empty());
    let mine = page(&pages, "/me/possibilities", en);
    assert!(
        texts(mine, "[data-testid=answer]")
            .iter()
            .any(|a| a.starts_with("If you work as a student in 2025, 650 hours remain")),
        "{:?}",
        texts(mine, "[data-testid=answer]")
    );
    // The request page: purpose and legal basis.
    let request = page(&pages, "request", en);
    assert!(texts(request, "[data-testid=purpose]")[0].contains("pre-contractual stage"));
    assert!(texts(request, "[data-testid=legal-basis]")[0].contains("25/016"));
    // Every footer: the privacy page, the contact entry, the help for foreigners of its side.
    for p in pages.iter().filter(|p| p.lang == en) {
        assert_eq!(
            attr(&p.html, "[data-testid=footer-privacy]", "href").as_deref(),
            Some("/privacy"),
            "{}",
            p.what
        );
        assert_eq!(
            attr(&p.html, "[data-testid=footer-contact]", "href").as_deref(),
            Some("mailto:contact@rsz.fgov.be"),
            "{}",
            p.what
        );
        assert_eq!(
            attr(&p.html, "[data-testid=footer-accessibility]", "href").as_deref(),
            Some("/accessibility"),
            "{}",
            p.what
        );
    }
    // The accessibility statement: its status, the one limit with this deployment's
    // session lifetime, whom to write to, where to complain.
    let statement = page(&pages, "/accessibility", en);
    assert!(texts(statement, "[data-testid=a11y-status]")[0].contains("WCAG) 2.1, level AA"));
    assert!(
        texts(statement, "[data-testid=a11y-limit-session]")[0]
            .contains("a session ends 8 hours after signing in")
    );
    assert_eq!(
        attr(statement, "[data-testid=a11y-contact] a", "href").as_deref(),
        Some("mailto:contact@rsz.fgov.be")
    );
    assert!(texts(statement, "[data-testid=a11y-enforcement]")[0].contains("Federal Ombudsman"));
    assert_eq!(
        attr(dashboard, "[data-testid=footer-foreigners]", "href").as_deref(),
        Some("/company/help/foreigners")
    );
    assert_eq!(
        attr(portal, "[data-testid=footer-foreigners]", "href").as_deref(),
        Some("/me/help/foreigners")
    );
    for help in ["/me/help/foreigners", "/company/help/foreigners"] {
        assert_eq!(
            attr(
                page(&pages, help, en),
                "[data-testid=identification-service]",
                "href"
            )
            .as_deref(),
            Some("https://mybelgianid.be"),
            "{help}"
        );
    }
    // The privacy page: the table of src/privacy.rs, with this deployment's settings.
    let privacy = page(&pages, "/privacy", en);
    assert_eq!(
        texts(privacy, "[data-testid=personal-data] tbody tr").len(),
        mandat::privacy::PERSONAL_DATA.len()
    );
}

#[tokio::test]
async fn the_request_e_mail_and_the_pdf_say_why_on_what_basis_and_where_to_get_help() {
    let app = spawn_app().await;
    app.sign_in(JAN.niss()).await;
    for lang in Lang::ALL {
        crate::company::create_request(
            &app,
            &crate::company::request_form(
                &format!("Mail {}", lang.code()),
                &format!("mail-{}@example.be", lang.code()),
                "FLEXI_JOB",
                lang.code(),
            ),
        )
        .await;
    }
    let mails: Vec<(String, String)> = outbox_emails::table
        .filter(outbox_emails::recipient.like("mail-%@example.be"))
        .select((outbox_emails::recipient, outbox_emails::body_text))
        .load::<(String, String)>(&mut app.db())
        .unwrap()
        .into_iter()
        .map(|(recipient, body)| (recipient, app.opened_mail(&body)))
        .collect();
    assert_eq!(mails.len(), 4);
    for (recipient, body) in &mails {
        let lang = Lang::from_code(&recipient[5..7]).unwrap();
        assert!(body.contains("25/016"), "{body}");
        assert!(
            body.contains(&format!(
                "{}/me/help/foreigners",
                app.state.settings.public_url_citizen
            )),
            "{body}"
        );
        assert!(body.contains("contact@rsz.fgov.be"), "{body}");
        let issues = problems(lang, body);
        assert!(issues.is_empty(), "{recipient}: {issues:?}\n{body}");
        if lang == Lang::Nl {
            assert!(register_problems(lang, body).is_empty(), "{body}");
        }
    }
    let fr = &mails
        .iter()
        .find(|(r, _)| r.starts_with("mail-fr"))
        .unwrap()
        .1;
    assert!(fr.contains("Répondre à la demande\u{a0}:"), "{fr}");
    // The PDF of a consultation: the headline, the notice, the official page.
    let plonge = app.request_id("Plonge");
    app.consulted(plonge).await;
    let reference: Uuid = mandat::db::schema::consultations::table
        .select(mandat::db::schema::consultations::id)
        .first(&mut app.db())
        .unwrap();
    let res = app
        .get(&format!("/company/consultations/{reference}/pdf"))
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let text = crate::consult::pdf_text(&res.bytes().await.unwrap());
    for expected in [
        "Eligible — from 1 January to 30 June 2025",
        "Purpose",
        "6.1(e)",
        "25/016",
        "The access lasts one month",
        "Period in which the conditions for a flexi-job are met",
        "https://www.socialsecurity.be/",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
}

/// Browser reading: the text of `css` once it is there, no-break spaces read as spaces.
async fn read(c: &fantoccini::Client, css: &str) -> String {
    let el = c
        .wait()
        .at_most(std::time::Duration::from_secs(5))
        .for_element(fantoccini::Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    el.text()
        .await
        .unwrap()
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// A message as the browser shows it.
fn shown(lang: Lang, key: &str) -> String {
    lang.t(key).replace(['\u{a0}', '\u{202f}'], " ")
}

/// Opens `path` in the browser.
async fn open(c: &fantoccini::Client, app: &TestApp, path: &str) {
    c.goto(&format!("{}{path}", app.address)).await.unwrap();
}

/// Signs out, and waits for the page that says so (its header offers to sign in again).
async fn sign_out(c: &fantoccini::Client) {
    click(c, "[data-testid=sign-out]").await;
    c.wait()
        .at_most(std::time::Duration::from_secs(5))
        .for_element(fantoccini::Locator::Css(".who a[href^='/sign-in']"))
        .await
        .expect("signed out");
}

/// A headless Chromium reads the pages of this issue in French and in Dutch: the privacy
/// page, the help for foreigners of both sides, the company's dashboard and its result
/// pages, the request e-mail in the demo mailbox, the citizen's request page, portal and
/// "My possibilities".
#[tokio::test]
async fn a_browser_reads_the_words_of_each_page_in_french_and_dutch() {
    use crate::browser::{Browser, sign_in_in_browser};
    let app = spawn_app().await;
    let plonge = app.request_id("Plonge");
    let student = app.request_id("Étudiante caisse");
    let browser = Browser::start().await;
    let c = &browser.client;
    for lang in [Lang::Fr, Lang::Nl] {
        let code = lang.code();
        // The language chosen through the switch, kept in its cookie.
        open(c, &app, &format!("/lang/{code}?next=/privacy")).await;
        assert_eq!(read(c, "h1").await, shown(lang, "privacy-title"));
        assert_eq!(
            c.title().await.unwrap().replace('\u{a0}', " "),
            format!(
                "{} — {}",
                shown(lang, "privacy-title"),
                shown(lang, "service-name")
            )
        );
        let rows = c
            .find_all(fantoccini::Locator::Css(
                "[data-testid=personal-data] tbody tr",
            ))
            .await
            .unwrap();
        assert_eq!(rows.len(), mandat::privacy::PERSONAL_DATA.len());
        assert!(
            read(c, "[data-testid=purpose-flexi-job]")
                .await
                .contains("25/016")
        );
        open(c, &app, "/me/help/foreigners").await;
        assert_eq!(read(c, "h1").await, shown(lang, "citizen-foreigners-title"));
        assert!(
            read(c, "main")
                .await
                .contains(&shown(lang, "citizen-foreigners-identification"))
        );
        open(c, &app, "/company/help/foreigners").await;
        assert_eq!(read(c, "h1").await, shown(lang, "foreigners-company-title"));

        // The company: the dashboard's introduction, a request in the candidate's language.
        sign_in_in_browser(c, &app.address, JAN.niss(), "/company").await;
        assert!(
            read(c, "[data-testid=intro]")
                .await
                .contains(&shown(lang, "company-intro"))
        );
        let label = format!("Browser {code}");
        c.find(fantoccini::Locator::Css("[data-testid=request-label]"))
            .await
            .unwrap()
            .send_keys(&label)
            .await
            .unwrap();
        c.find(fantoccini::Locator::Css("[data-testid=request-email]"))
            .await
            .unwrap()
            .send_keys(&format!("browser-{code}@example.be"))
            .await
            .unwrap();
        c.find(fantoccini::Locator::Css("[data-testid=request-language]"))
            .await
            .unwrap()
            .select_by_value(code)
            .await
            .unwrap();
        click(c, "[data-testid=request-submit]").await;
        crate::browser::wait_for_text(c, "[data-testid=created]", &label).await;
        let link = crate::browser::created_link(c).await;
        // The flexi-job result: the chip, the legend, the notice, the way to the access.
        open(c, &app, &format!("/company/mandates/{plonge}")).await;
        click(c, "[data-testid=consult-now]").await;
        assert_eq!(
            read(c, "[data-testid=chip]").await,
            shown(lang, "consult-chip-eligible")
        );
        assert!(
            read(c, "[data-testid=legend]")
                .await
                .contains(&shown(lang, "consult-legend-not_determined"))
        );
        assert_eq!(read(c, "[data-testid=calendar-year]").await, "2025");
        let notice = read(c, "[data-testid=notice]").await;
        assert!(notice.contains("25/016"), "{notice}");
        assert_eq!(
            read(c, "[data-testid=manage-access]").await,
            shown(lang, "consult-manage-access")
        );
        // The request e-mail, as the candidate receives it.
        open(c, &app, "/demo/mailbox").await;
        let mailbox = read(c, "main").await;
        assert!(
            mailbox.contains(&format!("browser-{code}@example.be")),
            "{mailbox}"
        );
        c.find(fantoccini::Locator::XPath(&format!(
            "//tr[contains(., 'browser-{code}@example.be')]//a"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
        let mail = read(c, "main").await;
        assert!(mail.contains("25/016"), "{mail}");
        assert!(mail.contains("/me/help/foreigners"), "{mail}");
        sign_out(c).await;

        // The provider: the Student@Work result with its figure and its note.
        sign_in_in_browser(c, &app.address, LENA.niss(), "/company/clients").await;
        crate::browser::click_and_load(c, "button[data-testid^=client-]").await;
        open(c, &app, &format!("/company/mandates/{student}")).await;
        click(c, "[data-testid=consult-now]").await;
        assert_eq!(read(c, "[data-testid=figure]").await, "154");
        assert!(
            read(c, "main")
                .await
                .contains(&shown(lang, "consult-student-stu-note"))
        );
        sign_out(c).await;

        // The citizen: the request page with its purpose and legal basis, the portal, "My
        // possibilities".
        sign_in_in_browser(c, &app.address, MARIA.niss(), "/me").await;
        assert_eq!(
            read(c, "[data-testid=granted-lead]").await,
            shown(lang, "citizen-granted-lead")
        );
        let path = link
            .strip_prefix(&app.state.settings.public_url_citizen)
            .unwrap()
            .to_string();
        open(c, &app, &path).await;
        click(c, "[data-testid=continue-as]").await;
        assert_eq!(
            read(c, "[data-testid=purpose]").await,
            shown(lang, "purpose-flexi-job")
        );
        assert!(
            read(c, "[data-testid=legal-basis]")
                .await
                .contains("25/016")
        );
        open(c, &app, "/me/possibilities").await;
        let answers = read(c, "[data-testid=possibilities-student-hours]").await;
        assert!(answers.contains("650"), "{answers}");
        assert!(
            answers.contains(&format!("{}", 2025)),
            "the year the balance is for: {answers}"
        );
        sign_out(c).await;
    }
    let errors = c
        .execute("return window.__mandatErrors || [];", vec![])
        .await
        .unwrap();
    assert_eq!(errors, serde_json::json!([]));
    browser.close().await;
}

/// A new company's empty tabs say what to do next; a search that finds nothing says so.
#[tokio::test]
async fn empty_tabs_say_what_to_do_next() {
    let app = spawn_app().await;
    app.sign_in(mandat::demo::people::EMMA.niss()).await;
    app.registers_employer("0203.201.340", "Brasserie Martin", "emma@brasserie.be")
        .await;
    let en = Lang::En;
    for (tab, key) in [
        ("active", "tab-empty-active"),
        ("requested", "tab-empty-requested"),
        ("blocked", "tab-empty-blocked"),
    ] {
        let body = app.page(&format!("/company/tabs/{tab}")).await;
        assert_eq!(texts(&body, "[data-testid=empty]"), [en.t(key)], "{tab}");
    }
    assert!(
        texts(
            &app.page("/company/tabs/active").await,
            "[data-testid=empty]"
        )[0]
        .contains("Start a new request, or wait until the candidate accepts")
    );
    let jan = app.another_browser();
    jan.sign_in(JAN.niss()).await;
    let body = jan.page("/company/tabs/active?q=nobody-at-all").await;
    assert_eq!(
        texts(&body, "[data-testid=empty]"),
        [en.t("tab-empty-search")]
    );
}
