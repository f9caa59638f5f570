//! The registry of contexts: the kinds of pre-contractual data a request can give access
//! to, with their legal access duration, their legal basis and the official page that
//! tells more about them.
//!
//! A context is one entry here (a variant of [`Context`] and its row of [`REGISTRY`]: code,
//! slug, duration, legal references, "more information" page) plus its rule module
//! (`domain/<name>.rs`, with the answer a company sees) and its view. `docs/contexts.md`
//! says how to add one, step by step. The pages, the e-mail and the PDF read the legal
//! references from here and never spell them.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::{deserialize::FromSqlRow, expression::AsExpression};
use serde::{Deserialize, Serialize};

use super::calendar;

/// A kind of pre-contractual data a company may ask access to.
///
/// Serialized as its [`code`](Context::code), e.g. `"FLEXI_JOB"`. Its properties are in
/// its row of [`REGISTRY`] (the variant's position).
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, AsExpression, FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Context {
    /// Flexi-job possibility (deliberation 25/016 of 14 January 2025).
    FlexiJob = 0,
    /// Student@Work hours balance.
    StudentHours = 1,
}

/// One context's entry in the registry.
#[derive(Debug)]
pub struct ContextDef {
    /// The context (its position in [`REGISTRY`] is its discriminant).
    pub context: Context,
    /// The stable code used in storage, the API and forms (`FLEXI_JOB`).
    pub code: &'static str,
    /// The slug of its URLs and message keys (`flexi-job`): the API's
    /// `/api/v1/precontractual-data/{slug}`, the messages `context-{slug}`,
    /// `context-{slug}-description`, `citizen-access-{slug}`, `citizen-not-seen-{slug}`.
    pub slug: &'static str,
    /// How many calendar months (Belgian calendar) a mandate for it lasts.
    pub months: u32,
    /// The message key of its name (`context-{slug}`).
    pub name_key: &'static str,
    /// The message key of its description (`context-{slug}-description`).
    pub description_key: &'static str,
    /// Why a company may process it: the GDPR's lawful basis.
    pub legal_basis: LegalBasis,
    /// The deliberation of the information security committee that allows the access, if
    /// one does.
    pub deliberation: Option<Deliberation>,
    /// The official page on the scheme ("More information"), as a setting with the
    /// official page as its default.
    pub info_page: InfoPage,
}

/// A lawful basis of the GDPR (article 6.1).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LegalBasis {
    /// Article 6.1(e): a task carried out in the public interest (the social security's
    /// pre-contractual checks).
    PublicTask,
}

impl LegalBasis {
    /// The message key of the basis in words, its article included
    /// (`legal-basis-public-task`).
    pub fn key(self) -> &'static str {
        match self {
            LegalBasis::PublicTask => "legal-basis-public-task",
        }
    }
}

/// A deliberation of the information security committee (social security and health
/// chamber).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Deliberation {
    /// Its number, as the committee writes it (`25/016`).
    pub number: &'static str,
    /// The day it was taken (year, month, day).
    pub date: (i32, u32, u32),
}

impl Deliberation {
    /// The day it was taken.
    pub fn date(self) -> Option<chrono::NaiveDate> {
        let (y, m, d) = self.date;
        chrono::NaiveDate::from_ymd_opt(y, m, d)
    }
}

/// The official page a context's "More information" link opens.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct InfoPage {
    /// The setting that changes it (`info_url_flexi_job`).
    pub option: &'static str,
    /// The official page, the setting's default; `{lang}` stands for the reader's language
    /// code (`fr`, `nl`, `de`, `en`).
    pub default: &'static str,
}

/// Every context, in display order: one row each, at the position of its variant.
pub const REGISTRY: &[ContextDef] = &[
    ContextDef {
        context: Context::FlexiJob,
        code: "FLEXI_JOB",
        slug: "flexi-job",
        months: 1,
        name_key: "context-flexi-job",
        description_key: "context-flexi-job-description",
        legal_basis: LegalBasis::PublicTask,
        deliberation: Some(Deliberation {
            number: "25/016",
            date: (2025, 1, 14),
        }),
        info_page: InfoPage {
            option: "info_url_flexi_job",
            default: "https://www.socialsecurity.be/employer/instructions/dmfa/{lang}/latest/instructions/socialsecuritycontributions/calculationbase/flexi_and_overtime_horeca.html",
        },
    },
    ContextDef {
        context: Context::StudentHours,
        code: "STUDENT_HOURS",
        slug: "student-hours",
        months: 3,
        name_key: "context-student-hours",
        description_key: "context-student-hours-description",
        legal_basis: LegalBasis::PublicTask,
        deliberation: None,
        info_page: InfoPage {
            option: "info_url_student_hours",
            default: "https://studentatwork.be/{lang}",
        },
    },
];

impl Context {
    /// Every context, in display order.
    pub fn all() -> impl Iterator<Item = Context> {
        REGISTRY.iter().map(|d| d.context)
    }

    /// The context's row of the registry.
    pub fn def(self) -> &'static ContextDef {
        &REGISTRY[self as usize]
    }

    /// The stable code used in storage, the API and forms.
    pub fn code(self) -> &'static str {
        self.def().code
    }

    /// The slug of its URLs and message keys (`flexi-job`).
    pub fn slug(self) -> &'static str {
        self.def().slug
    }

    /// The context with this exact [`code`](Context::code).
    pub fn parse(code: &str) -> Option<Self> {
        REGISTRY.iter().find(|d| d.code == code).map(|d| d.context)
    }

    /// The context with this exact [`slug`](Context::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        REGISTRY.iter().find(|d| d.slug == slug).map(|d| d.context)
    }

    /// How many calendar months a mandate for this context lasts.
    pub fn access_months(self) -> u32 {
        self.def().months
    }

    /// The Fluent message key of the context's name.
    pub fn name_key(self) -> &'static str {
        self.def().name_key
    }

    /// The Fluent message key of the context's description.
    pub fn description_key(self) -> &'static str {
        self.def().description_key
    }

    /// The message key `{prefix}-{slug}` (`citizen-access-flexi-job`).
    pub fn key(self, prefix: &str) -> String {
        format!("{prefix}-{}", self.slug())
    }

    /// The message key families every context must have in every language (with
    /// [`key`](Context::key)), beside its name and description: the portal's sentence,
    /// what the company will not see, the purpose of the access, the label of its "More
    /// information" link.
    pub const KEY_FAMILIES: [&'static str; 4] =
        ["citizen-access", "citizen-not-seen", "purpose", "more-info"];
}

/// When a mandate accepted at `accepted_at` ends: the context's duration in calendar
/// months on the Belgian calendar ([`calendar::add_months`]: accepted on 1 March at 00:30
/// in Brussels, a one-month mandate ends on 1 April at 00:30; on 31 January, on the last
/// day of February). Saturates at the largest representable instant.
pub fn mandate_valid_until(accepted_at: DateTime<Utc>, ctx: Context) -> DateTime<Utc> {
    calendar::add_months(accepted_at, ctx.access_months())
}

/// How long the secret link of a request stays usable.
pub const LINK_VALIDITY_HOURS: i64 = 72;

/// When the link of a request created at `created_at` stops working
/// ([`LINK_VALIDITY_HOURS`] later). Saturates at the largest representable instant.
pub fn link_expires_at(created_at: DateTime<Utc>) -> DateTime<Utc> {
    created_at
        .checked_add_signed(TimeDelta::hours(LINK_VALIDITY_HOURS))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Whether a link expiring at `expires_at` can still be used at `now`:
/// strictly before the expiry instant.
pub fn link_is_valid(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < expires_at
}

/// The whole hours a link expiring at `expires_at` has left at `now`, as the company's
/// list says them: 71 at 71 h 59 min, 0 in its last hour (said "less than an hour"), and 0
/// once expired.
pub fn link_hours_left(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (expires_at - now).num_hours().max(0)
}

/// Days before its end from which the company's Active tab says how soon an access ends.
pub const ENDING_SOON_DAYS: i64 = 7;

/// How soon an access ends, as the company's Active tab says it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum EndsIn {
    /// In this many whole days (1 to [`ENDING_SOON_DAYS`]).
    Days(i64),
    /// In this many whole hours (0 in its last hour: "less than an hour").
    Hours(i64),
}

/// How soon an access ending at `until` ends at `now`, said in its last
/// [`ENDING_SOON_DAYS`] days only (so that the company consults before it is gone): whole
/// days left, then in its last day whole hours left; nothing before, nor once ended.
pub fn access_ends_in(until: DateTime<Utc>, now: DateTime<Utc>) -> Option<EndsIn> {
    let left = until - now;
    if left <= chrono::Duration::zero() || left > chrono::Duration::days(ENDING_SOON_DAYS) {
        None
    } else if left < chrono::Duration::days(1) {
        Some(EndsIn::Hours(left.num_hours()))
    } else {
        Some(EndsIn::Days(left.num_days()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{be, utc};

    #[test]
    fn how_soon_an_access_ends() {
        use chrono::Duration;
        let until = be(2025, 4, 1, 0, 30);
        let cases = [
            (Duration::days(30), None),
            (Duration::days(7) + Duration::seconds(1), None),
            (Duration::days(7), Some(EndsIn::Days(7))),
            (
                Duration::days(6) + Duration::hours(23),
                Some(EndsIn::Days(6)),
            ),
            (Duration::days(1), Some(EndsIn::Days(1))),
            (
                Duration::days(1) - Duration::seconds(1),
                Some(EndsIn::Hours(23)),
            ),
            (Duration::hours(1), Some(EndsIn::Hours(1))),
            (Duration::minutes(59), Some(EndsIn::Hours(0))),
            (Duration::seconds(1), Some(EndsIn::Hours(0))),
            (Duration::zero(), None),
            (-Duration::hours(2), None),
        ];
        for (left, expected) in cases {
            assert_eq!(access_ends_in(until, until - left), expected, "{left}");
        }
    }

    #[test]
    fn hours_left_on_a_link() {
        let created = be(2025, 3, 5, 10, 30);
        let expires = link_expires_at(created);
        let minutes = |m: i64| TimeDelta::minutes(m);
        let cases = [
            (created, 72),
            (created + minutes(1), 71),
            (expires - minutes(61), 1),
            (expires - minutes(60), 1),
            (expires - minutes(59), 0),
            (expires - minutes(1), 0),
            (expires, 0),
            (expires + minutes(600), 0),
        ];
        for (now, hours) in cases {
            assert_eq!(link_hours_left(expires, now), hours, "{now}");
        }
    }

    #[test]
    fn codes_and_keys() {
        let cases = [
            (
                Context::FlexiJob,
                "FLEXI_JOB",
                1,
                "context-flexi-job",
                "context-flexi-job-description",
            ),
            (
                Context::StudentHours,
                "STUDENT_HOURS",
                3,
                "context-student-hours",
                "context-student-hours-description",
            ),
        ];
        for (ctx, code, months, name, description) in cases {
            assert_eq!(ctx.code(), code);
            assert_eq!(Context::parse(code), Some(ctx));
            assert_eq!(ctx.access_months(), months);
            assert_eq!(ctx.name_key(), name);
            assert_eq!(ctx.description_key(), description);
            let json = serde_json::to_string(&ctx).unwrap();
            assert_eq!(json, format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<Context>(&json).unwrap(), ctx);
        }
        assert_eq!(Context::all().count(), REGISTRY.len());
        // Each row sits at the position of its variant, and codes and slugs are unique.
        for (i, def) in REGISTRY.iter().enumerate() {
            assert_eq!(def.context as usize, i, "{def:?}");
            assert_eq!(Context::from_slug(def.slug), Some(def.context));
            assert_eq!(def.name_key, format!("context-{}", def.slug));
            assert_eq!(
                def.description_key,
                format!("context-{}-description", def.slug)
            );
        }
        assert_eq!(
            Context::FlexiJob.key("citizen-access"),
            "citizen-access-flexi-job"
        );
        for input in ["", "flexi_job", "FLEXI-JOB", " FLEXI_JOB", "FlexiJob"] {
            assert_eq!(Context::parse(input), None, "{input:?}");
        }
        assert!(serde_json::from_str::<Context>("\"FlexiJob\"").is_err());
    }

    #[test]
    fn legal_references_and_official_pages() {
        // The one-month flexi-job access rests on deliberation 25/016 of 14 January 2025.
        let flexi = Context::FlexiJob.def();
        assert_eq!(flexi.legal_basis, LegalBasis::PublicTask);
        assert_eq!(flexi.legal_basis.key(), "legal-basis-public-task");
        let d = flexi.deliberation.unwrap();
        assert_eq!(d.number, "25/016");
        assert_eq!(d.date(), chrono::NaiveDate::from_ymd_opt(2025, 1, 14));
        assert_eq!(Context::StudentHours.def().deliberation, None);
        for def in REGISTRY {
            assert!(def.deliberation.is_none_or(|d| d.date().is_some()));
            let page = def.info_page;
            assert!(page.default.starts_with("https://"), "{page:?}");
            assert_eq!(
                page.option,
                format!("info_url_{}", def.slug.replace('-', "_"))
            );
        }
    }

    #[test]
    fn mandate_duration_in_belgian_calendar_months() {
        use Context::{FlexiJob, StudentHours};
        let cases = [
            // The examples: 1 March 00:30 and 31 January 00:30 in Brussels.
            (be(2025, 3, 1, 0, 30), FlexiJob, be(2025, 4, 1, 0, 30)),
            (be(2025, 1, 31, 0, 30), FlexiJob, be(2025, 2, 28, 0, 30)),
            // 31 January + 1 month: end of February, leap and not.
            (be(2024, 1, 31, 10, 0), FlexiJob, be(2024, 2, 29, 10, 0)),
            (be(2025, 3, 4, 9, 30), FlexiJob, be(2025, 4, 4, 9, 30)),
            // Across the year.
            (be(2024, 12, 31, 23, 59), FlexiJob, be(2025, 1, 31, 23, 59)),
            (be(2024, 12, 31, 8, 0), StudentHours, be(2025, 3, 31, 8, 0)),
            (be(2024, 11, 30, 8, 0), StudentHours, be(2025, 2, 28, 8, 0)),
            (be(2023, 11, 30, 8, 0), StudentHours, be(2024, 2, 29, 8, 0)),
            (be(2025, 1, 31, 8, 0), StudentHours, be(2025, 4, 30, 8, 0)),
            (be(2025, 2, 28, 8, 0), FlexiJob, be(2025, 3, 28, 8, 0)),
            // Over both daylight-saving changes, the wall-clock time is kept.
            (be(2025, 3, 15, 12, 0), FlexiJob, be(2025, 4, 15, 12, 0)),
            (be(2025, 10, 15, 12, 0), FlexiJob, be(2025, 11, 15, 12, 0)),
            (
                be(2025, 8, 15, 12, 0),
                StudentHours,
                be(2025, 11, 15, 12, 0),
            ),
        ];
        for (accepted, ctx, until) in cases {
            assert_eq!(
                mandate_valid_until(accepted, ctx),
                until,
                "{accepted} {ctx:?}"
            );
        }
        assert_eq!(
            mandate_valid_until(DateTime::<Utc>::MAX_UTC, FlexiJob),
            DateTime::<Utc>::MAX_UTC
        );
    }

    #[test]
    fn link_validity_to_the_second() {
        let created = utc("2025-03-26T14:00:00Z");
        let expires = link_expires_at(created);
        assert_eq!(expires, utc("2025-03-29T14:00:00Z"));
        let cases = [
            ("2025-03-26T14:00:00Z", true),
            ("2025-03-29T13:59:59Z", true),
            ("2025-03-29T14:00:00Z", false),
            ("2025-03-29T14:00:01Z", false),
            ("2025-04-01T00:00:00Z", false),
        ];
        for (now, valid) in cases {
            assert_eq!(link_is_valid(expires, utc(now)), valid, "{now}");
        }
        // Across the end of the year.
        assert_eq!(
            link_expires_at(utc("2024-12-30T12:00:00Z")),
            utc("2025-01-02T12:00:00Z")
        );
        assert_eq!(
            link_expires_at(DateTime::<Utc>::MAX_UTC),
            DateTime::<Utc>::MAX_UTC
        );
    }
}
