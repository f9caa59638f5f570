//! The dashboard: requests by state, what needs attention soon, failing deliveries, and
//! the last run of every job (from its schedule row, which counts every run, idle or not).

use chrono::{DateTime, Duration, Utc};
use diesel::{dsl::count_star, prelude::*};

use crate::{
    db::{
        access_requests::status_is,
        job_schedule::{self, ScheduledJob},
        schema::{access_requests, outbox_emails, webhook_deliveries},
    },
    domain::RequestStatus,
};

/// The dashboard's figures.
#[derive(Clone, Debug, Default)]
pub struct Dashboard {
    /// Requests not archived, by status as the clock says (every status, zeros included).
    pub by_status: Vec<(RequestStatus, i64)>,
    /// Archived requests.
    pub archived: i64,
    /// Pending requests whose link ends within 24 hours.
    pub expiring_24h: i64,
    /// Active mandates ending within 7 days.
    pub ending_week: i64,
    /// E-mails failing: given up, or tried and not delivered yet.
    pub mails_failing: i64,
    /// Webhook deliveries failing: given up, or tried and not delivered yet.
    pub webhooks_failing: i64,
    /// The schedule row (last run, counts) of every job that ran.
    pub jobs: Vec<ScheduledJob>,
}

/// How many deliveries of the outbox `$table` are failing: not delivered (`$delivered` is
/// null), and given up or tried at least once. The e-mail and webhook outboxes share the rule.
macro_rules! failing_deliveries {
    ($conn:expr, $table:ident, $delivered:ident) => {
        $table::table
            .filter($table::$delivered.is_null())
            .filter($table::failed_at.is_not_null().or($table::attempts.gt(0)))
            .select(count_star())
            .first::<i64>($conn)
    };
}

/// The dashboard at `now`.
pub fn dashboard(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<Dashboard> {
    use access_requests::dsl as r;
    let mut by_status = Vec::with_capacity(RequestStatus::ALL.len());
    for status in RequestStatus::ALL {
        let n: i64 = access_requests::table
            .filter(r::archived_at.is_null())
            .filter(status_is(status, now))
            .select(count_star())
            .first(conn)?;
        by_status.push((status, n));
    }
    let archived: i64 = access_requests::table
        .filter(r::archived_at.is_not_null())
        .select(count_star())
        .first(conn)?;
    let expiring_24h = access_requests::table
        .filter(status_is(RequestStatus::Pending, now))
        .filter(r::expires_at.le(now + Duration::hours(24)))
        .select(count_star())
        .first(conn)?;
    let ending_week = access_requests::table
        .filter(status_is(RequestStatus::Accepted, now))
        .filter(r::valid_until.le(now + Duration::days(7)))
        .select(count_star())
        .first(conn)?;
    let mails_failing = failing_deliveries!(conn, outbox_emails, sent_at)?;
    let webhooks_failing = failing_deliveries!(conn, webhook_deliveries, delivered_at)?;
    Ok(Dashboard {
        by_status,
        archived,
        expiring_24h,
        ending_week,
        mails_failing,
        webhooks_failing,
        jobs: job_schedule::all(conn)?,
    })
}
