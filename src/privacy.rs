//! What the service says about personal data, from one source each:
//!
//! - the notice of a context ([`notice`]): its purpose, its legal basis and the duration
//!   of an access, in words, from the context registry (`domain::context`); the citizen's
//!   request page, the request e-mail, the company's result page and its PDF say it;
//! - the personal data the service keeps ([`PERSONAL_DATA`]): what, where, why, who sees
//!   it, how long. The privacy page shows it in the reader's language, with this
//!   deployment's retention settings; the README's "Personal data stored" table is the
//!   same list in English with the default settings ([`readme_table`], printed by
//!   `mandat privacy-table`; a test keeps the README equal to it).
//!
//! The words are messages of `locales/*/privacy.ftl` (and `domain.ftl` for the purposes
//! and the legal bases): `privacy-data-{key}`, `privacy-why-{key}`, `privacy-who-{key}`,
//! `privacy-kept-{key}` for each row.

use crate::{
    domain::Context,
    i18n::{Arg, Lang},
    settings::Settings,
};

/// A context's notice: why a company may ask, on what legal basis, for how long.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// "Purpose: ..." in one sentence.
    pub purpose: String,
    /// The legal basis: the GDPR's article, and the deliberation allowing the access.
    pub legal_basis: String,
    /// How long an access lasts, and that the citizen may stop it.
    pub duration: String,
}

impl Notice {
    /// The three sentences with their labels ("Purpose", "Legal basis", "Duration").
    pub fn labelled(&self, lang: Lang) -> [(String, String); 3] {
        [
            (lang.t("notice-purpose"), self.purpose.clone()),
            (lang.t("notice-legal-basis"), self.legal_basis.clone()),
            (lang.t("notice-duration"), self.duration.clone()),
        ]
    }
}

/// The notice of `context` in `lang`, from its registry entry.
pub fn notice(lang: Lang, context: Context) -> Notice {
    let def = context.def();
    let months = i64::from(def.months);
    let mut legal_basis = lang.t(def.legal_basis.key());
    if let Some(d) = def.deliberation {
        let date = d.date().map(|day| lang.date(day)).unwrap_or_default();
        legal_basis.push(' ');
        legal_basis.push_str(&lang.t_args(
            "legal-basis-deliberation",
            &[("number", d.number.into()), ("date", date.into())],
        ));
    }
    Notice {
        purpose: lang.t(&context.key("purpose")),
        legal_basis,
        duration: lang.t_args("notice-duration-text", &[("months", months.into())]),
    }
}

/// One kind of personal data the service keeps.
#[derive(Debug)]
pub struct DataRow {
    /// The row's messages: `privacy-data-{key}`, `privacy-why-{key}`, `privacy-who-{key}`,
    /// `privacy-kept-{key}`.
    pub key: &'static str,
    /// The tables that hold it.
    pub tables: &'static [&'static str],
    /// The settings its retention depends on.
    pub options: &'static [&'static str],
}

/// A row of [`PERSONAL_DATA`]: its key, its tables, the settings of its retention.
const fn row(
    key: &'static str,
    tables: &'static [&'static str],
    options: &'static [&'static str],
) -> DataRow {
    DataRow {
        key,
        tables,
        options,
    }
}

/// Every kind of personal data the service keeps (and the technical records that hold
/// none), in the order of the privacy page and the README (one row a line: the key, the
/// tables, the settings).
#[rustfmt::skip]
pub const PERSONAL_DATA: &[DataRow] = &[
    row("register", &["persons"], &[]),
    row("career", &["occupations", "student_hours"], &[]),
    row("request", &["request_personal"], &["blocked_tab_days", "retention_request_days"]),
    row("link", &["request_links"], &["retention_link_days"]),
    row("answerer", &["request_parties", "request_events"], &["retention_audit_days"]),
    row("mails", &["outbox_emails", "email_attempts"], &["retention_mail_days", "retention_request_days"]),
    row("blocks", &["citizen_blocks"], &[]),
    row("consultations", &["consultations"], &["retention_audit_days"]),
    row("positives", &["flexi_positive_answers"], &["retention_audit_days"]),
    row("members", &["company_members", "terms_acceptances", "companies"], &[]),
    row("api", &["api_clients", "api_tokens"], &["retention_api_token_days"]),
    row("idempotency", &["idempotency_keys"], &["job_expire_keys_seconds"]),
    row("sessions", &["sessions"], &["session_idle_minutes", "session_absolute_minutes", "job_purge_sessions_seconds"]),
    row("addresses", &["rate_limits"], &["job_expire_keys_seconds"]),
    row("staff", &["staff"], &["retention_staff_audit_days"]),
    row("staff-audit", &["staff_audit"], &["retention_staff_audit_days"]),
    row("demo-tenants", &["demo_tenants"], &["demo_tenant_days"]),
    row("technical", &["webhook_deliveries", "job_runs"], &["retention_webhook_days", "retention_job_runs_days"]),
];

/// One row in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataRowText {
    /// What is kept.
    pub data: String,
    /// Why.
    pub why: String,
    /// Who sees it.
    pub who: String,
    /// For how long, with this deployment's settings.
    pub kept: String,
}

/// The interval of a job in whole minutes, rounded up (0 when the job is disabled).
fn minutes(every: Option<std::time::Duration>) -> i64 {
    every.map_or(0, |every| {
        i64::try_from(every.as_secs().div_ceil(60)).unwrap_or(i64::MAX)
    })
}

/// The retention settings, as the rows' messages name them.
fn retention_args(settings: &Settings) -> Vec<(&'static str, Arg)> {
    let r = &settings.retention;
    vec![
        ("blockedDays", settings.blocked_tab_days.into()),
        ("requestDays", r.request_personal_data.num_days().into()),
        ("auditDays", r.audit.num_days().into()),
        ("mailDays", r.mail.num_days().into()),
        ("linkDays", r.link.num_days().into()),
        ("staffAuditDays", r.staff_audit.num_days().into()),
        ("apiTokenDays", r.api_token.num_days().into()),
        ("jobRunsDays", r.job_runs.num_days().into()),
        ("webhookDays", r.webhook.num_days().into()),
        ("tenantDays", settings.demo_tenants.lifetime_days.into()),
        ("keysMinutes", minutes(settings.jobs.expire_keys).into()),
        (
            "sessionsMinutes",
            minutes(settings.jobs.purge_sessions).into(),
        ),
        ("idleMinutes", settings.sessions.idle.num_minutes().into()),
        (
            "absoluteMinutes",
            settings.sessions.absolute.num_minutes().into(),
        ),
    ]
}

impl DataRow {
    /// The row in `lang`, its retention with `settings`.
    pub fn text(&self, lang: Lang, settings: &Settings) -> DataRowText {
        let key = |part: &str| format!("privacy-{part}-{}", self.key);
        DataRowText {
            data: lang.t(&key("data")),
            why: lang.t(&key("why")),
            who: lang.t(&key("who")),
            kept: lang.t_args(&key("kept"), &retention_args(settings)),
        }
    }
}

/// The first line of the README's table, and the comment that says where it comes from.
pub const README_TABLE_START: &str =
    "<!-- The table below is made by `mandat privacy-table` (src/privacy.rs): do not edit it. -->";
/// The line after the README's table.
pub const README_TABLE_END: &str = "<!-- End of the table made by `mandat privacy-table`. -->";

/// A cell of a Markdown table: one line, no column separator.
fn cell(text: &str) -> String {
    text.replace('|', "/").replace('\n', " ")
}

/// The README's "Personal data stored" table: [`PERSONAL_DATA`] in English with the
/// default settings, the tables and the settings named; between its two marker lines.
pub fn readme_table(defaults: &Settings) -> String {
    let lang = Lang::En;
    let mut out = format!("{README_TABLE_START}\n\n");
    out.push_str(&format!(
        "| {} | where | {} | {} | {} |\n|---|---|---|---|---|\n",
        lang.t("privacy-col-data"),
        lang.t("privacy-col-why"),
        lang.t("privacy-col-who"),
        lang.t("privacy-col-kept"),
    ));
    for row in PERSONAL_DATA {
        let t = row.text(lang, defaults);
        let tables: Vec<String> = row.tables.iter().map(|t| format!("`{t}`")).collect();
        let mut kept = cell(&t.kept);
        if !row.options.is_empty() {
            let options: Vec<String> = row.options.iter().map(|o| format!("`{o}`")).collect();
            kept.push_str(&format!(" ({})", options.join(", ")));
        }
        out.push_str(&format!(
            "| {} | {} | {} | {} | {kept} |\n",
            cell(&t.data),
            tables.join(", "),
            cell(&t.why),
            cell(&t.who),
        ));
    }
    out.push_str(&format!("\n{README_TABLE_END}\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flexi_job_notice_names_the_gdpr_and_the_deliberation() {
        let n = notice(Lang::En, Context::FlexiJob);
        assert!(n.legal_basis.contains("6.1(e)"), "{}", n.legal_basis);
        assert!(
            n.legal_basis.contains("25/016") && n.legal_basis.contains("14 January 2025"),
            "{}",
            n.legal_basis
        );
        assert!(n.duration.contains("one month"), "{}", n.duration);
        let s = notice(Lang::En, Context::StudentHours);
        assert!(!s.legal_basis.contains("25/016"));
        assert!(s.duration.contains("3 months"), "{}", s.duration);
        for lang in Lang::ALL {
            for c in Context::all() {
                let n = notice(lang, c);
                assert!(!n.purpose.is_empty() && !n.legal_basis.is_empty());
                for (label, text) in n.labelled(lang) {
                    assert!(!label.is_empty() && !text.contains('{'), "{text}");
                }
            }
        }
        assert!(
            notice(Lang::Fr, Context::FlexiJob)
                .legal_basis
                .contains("14 janvier 2025")
        );
    }

    #[test]
    fn every_row_has_its_words_in_every_language_and_real_tables() {
        let settings = Settings::from_pairs(&[("retention_audit_days", "400")]).unwrap();
        let schema = include_str!("db/schema.rs");
        for row in PERSONAL_DATA {
            for lang in Lang::ALL {
                let t = row.text(lang, &settings);
                for (part, text) in [
                    ("data", &t.data),
                    ("why", &t.why),
                    ("who", &t.who),
                    ("kept", &t.kept),
                ] {
                    let key = format!("privacy-{part}-{}", row.key);
                    assert!(
                        !text.is_empty() && *text != key && !text.contains('{'),
                        "{}: {key}: {text:?}",
                        lang.code()
                    );
                }
            }
            for table in row.tables {
                assert!(
                    schema.contains(&format!("    {table} (")),
                    "{table} is not a table"
                );
            }
            for option in row.options {
                assert!(
                    crate::settings::OPTIONS.iter().any(|o| o.key == *option),
                    "{option} is not a setting"
                );
            }
        }
        let consultations = PERSONAL_DATA
            .iter()
            .find(|r| r.key == "consultations")
            .unwrap();
        assert!(
            consultations
                .text(Lang::En, &settings)
                .kept
                .contains("400 days")
        );
    }

    #[test]
    fn the_readme_table_is_this_list() {
        let readme = include_str!("../README.md");
        let defaults = Settings::from_pairs(&[]).unwrap();
        let expected = readme_table(&defaults);
        assert!(
            readme.contains(&expected),
            "the README's personal-data table differs from src/privacy.rs: run \
             `cargo run -q -- privacy-table` and put its output in the README:\n{expected}"
        );
    }
}
