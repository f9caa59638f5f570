//! The registry of contexts: the kinds of pre-contractual data a request can
//! give access to, with their legal access duration.
//!
//! Adding a context means adding one variant here (code, duration, message
//! keys) plus its rule module.

use chrono::{DateTime, Months, TimeDelta, Utc};
use diesel::{deserialize::FromSqlRow, expression::AsExpression};
use serde::{Deserialize, Serialize};

/// A kind of pre-contractual data a company may ask access to.
///
/// Serialized as its [`code`](Context::code), e.g. `"FLEXI_JOB"`.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, AsExpression, FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Context {
    /// Flexi-job possibility (deliberation 25/016 of 14 January 2025).
    FlexiJob,
    /// Student@Work hours balance.
    StudentHours,
}

impl Context {
    /// Every context, in display order.
    pub const ALL: [Context; 2] = [Context::FlexiJob, Context::StudentHours];

    /// The stable code used in storage, the API and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Self::FlexiJob => "FLEXI_JOB",
            Self::StudentHours => "STUDENT_HOURS",
        }
    }

    /// The context with this exact [`code`](Context::code).
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// How many calendar months a mandate for this context lasts.
    pub fn access_months(self) -> u32 {
        match self {
            Self::FlexiJob => 1,
            Self::StudentHours => 3,
        }
    }

    /// The Fluent message key of the context's name.
    pub fn name_key(self) -> &'static str {
        match self {
            Self::FlexiJob => "context-flexi-job",
            Self::StudentHours => "context-student-hours",
        }
    }

    /// The Fluent message key of the context's description.
    pub fn description_key(self) -> &'static str {
        match self {
            Self::FlexiJob => "context-flexi-job-description",
            Self::StudentHours => "context-student-hours-description",
        }
    }
}

/// When a mandate accepted at `accepted_at` ends: the context's duration in
/// calendar months, clamped to the end of shorter months (31 January + 1 month
/// is 28 or 29 February). Saturates at the largest representable instant.
pub fn mandate_valid_until(accepted_at: DateTime<Utc>, ctx: Context) -> DateTime<Utc> {
    accepted_at
        .checked_add_months(Months::new(ctx.access_months()))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::utc;

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
        assert_eq!(Context::ALL.len(), 2);
        for input in ["", "flexi_job", "FLEXI-JOB", " FLEXI_JOB", "FlexiJob"] {
            assert_eq!(Context::parse(input), None, "{input:?}");
        }
        assert!(serde_json::from_str::<Context>("\"FlexiJob\"").is_err());
    }

    #[test]
    fn mandate_duration_in_calendar_months() {
        use Context::{FlexiJob, StudentHours};
        // (accepted at, context, valid until)
        let cases = [
            // 31 January + 1 month: end of February, leap and not.
            ("2024-01-31T10:00:00Z", FlexiJob, "2024-02-29T10:00:00Z"),
            ("2025-01-31T10:00:00Z", FlexiJob, "2025-02-28T10:00:00Z"),
            ("2025-03-04T09:30:15Z", FlexiJob, "2025-04-04T09:30:15Z"),
            // Across the year.
            ("2024-12-31T23:59:59Z", FlexiJob, "2025-01-31T23:59:59Z"),
            ("2024-12-31T08:00:00Z", StudentHours, "2025-03-31T08:00:00Z"),
            ("2024-11-30T08:00:00Z", StudentHours, "2025-02-28T08:00:00Z"),
            ("2023-11-30T08:00:00Z", StudentHours, "2024-02-29T08:00:00Z"),
            ("2025-01-31T08:00:00Z", StudentHours, "2025-04-30T08:00:00Z"),
            ("2025-02-28T08:00:00Z", FlexiJob, "2025-03-28T08:00:00Z"),
        ];
        for (accepted, ctx, until) in cases {
            assert_eq!(
                mandate_valid_until(utc(accepted), ctx),
                utc(until),
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
