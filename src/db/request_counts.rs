//! The `request_count_changes` table: how many unarchived requests each company has, per
//! provider and stored status, kept as the rows change, so that the company's tab badges
//! read a few rows instead of counting the company's requests (thousands for a large
//! company, at every page and every refresh).
//!
//! The table is insert-only for the writers: every statement that inserts, updates or
//! deletes requests adds, from its statement trigger, one row per (company, provider,
//! status) it changed, `+n` or `-n` (migration `2026-12-06-170001_kept_tab_counts`). No
//! row is updated by two transactions, so writers never wait for each other here. [`fold`]
//! (run by the `expire-requests` job, every minute) sums each changed group into one row.
//!
//! A badge is then the sum of its stored statuses' rows, corrected by the rows whose tab
//! the clock changed before a job did ([`tab_counts`]): mandates past their end (Active to
//! Blocked), links and answers past the Requested tab's days. The jobs change those rows
//! within minutes, so the correction reads a few index entries; it keeps the badges exact
//! between two runs, as [`crate::db::access_requests::in_tab`] says them.

use chrono::{DateTime, Duration, Utc};
use diesel::{
    pg::Pg,
    prelude::*,
    query_builder::{AstPass, Query, QueryFragment, QueryId},
    sql_query,
    sql_types::{BigInt, Timestamptz, Uuid as SqlUuid},
};
use uuid::Uuid;

use crate::domain::{
    RequestStatus,
    status::{REQUESTED_LIST_DAYS, Tab},
};

/// Counts per tab.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct TabCounts {
    /// Active accesses.
    pub active: i64,
    /// Requested.
    pub requested: i64,
    /// Blocked or stopped.
    pub blocked: i64,
}

impl TabCounts {
    /// The count of one tab.
    pub fn of(&self, tab: Tab) -> i64 {
        match tab {
            Tab::Active => self.active,
            Tab::Requested => self.requested,
            Tab::Blocked => self.blocked,
        }
    }
}

/// The stored statuses whose rows a tab holds (before the clock's corrections).
const ACTIVE: &[RequestStatus] = &[RequestStatus::Accepted];
const REQUESTED: &[RequestStatus] = &[
    RequestStatus::Pending,
    RequestStatus::Expired,
    RequestStatus::Refused,
    RequestStatus::Withdrawn,
];
const BLOCKED: &[RequestStatus] = &[
    RequestStatus::Revoked,
    RequestStatus::Blocked,
    RequestStatus::Ended,
];
/// Requests whose link the Requested tab shows until its end plus the tab's days.
const LINKS: &[RequestStatus] = &[RequestStatus::Pending, RequestStatus::Expired];
/// Answers the Requested tab shows until their date plus the tab's days.
const ANSWERS: &[RequestStatus] = &[RequestStatus::Refused, RequestStatus::Withdrawn];
/// The badges of a company's tabs at `now` (of the rows made through `provider_id` only,
/// when given): one statement, a few index entries whatever the company's size.
pub fn tab_counts(
    conn: &mut PgConnection,
    company_id: Uuid,
    provider_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> QueryResult<TabCounts> {
    let (active, requested, blocked, lapsed, stale_links, stale_answers) = BadgesQuery {
        company_id,
        provider_id,
        now,
        recent: now - Duration::days(REQUESTED_LIST_DAYS),
    }
    .get_result::<(i64, i64, i64, i64, i64, i64)>(conn)?;
    Ok(TabCounts {
        active: active - lapsed,
        requested: requested - stale_links - stale_answers,
        blocked: blocked + lapsed,
    })
}

/// Sums the rows of every group changed since the last fold into one row (a group whose
/// sum is zero leaves none). Rows added meanwhile by other transactions stay for the next
/// fold; two folds at once count nothing twice (a row is deleted once). Returns how many
/// rows were folded.
pub fn fold(conn: &mut PgConnection) -> QueryResult<usize> {
    #[derive(QueryableByName)]
    struct Folded {
        #[diesel(sql_type = BigInt)]
        rows: i64,
    }
    let folded: Folded = sql_query(
        "WITH groups AS (
             SELECT DISTINCT company_id, provider_id, status
               FROM request_count_changes WHERE NOT folded),
         gone AS (
             DELETE FROM request_count_changes c USING groups g
              WHERE c.company_id = g.company_id AND c.status = g.status
                AND c.provider_id IS NOT DISTINCT FROM g.provider_id
             RETURNING c.company_id, c.provider_id, c.status, c.n),
         sums AS (
             INSERT INTO request_count_changes (company_id, provider_id, status, n, folded)
             SELECT company_id, provider_id, status, sum(n), true FROM gone
              GROUP BY company_id, provider_id, status HAVING sum(n) <> 0
             RETURNING 1)
         SELECT count(*) AS rows FROM gone",
    )
    .get_result(conn)?;
    Ok(usize::try_from(folded.rows).unwrap_or(0))
}

/// The statement of [`tab_counts`]: the sums of the kept rows per tab, and the three
/// corrections, in one statement. The statuses are written into it (not parameters), so
/// that PostgreSQL proves the partial indexes of the corrections from its text once, and
/// the statement is prepared once per connection (diesel keys it by its text: one with a
/// provider, one without).
#[derive(Debug, Clone, Copy)]
struct BadgesQuery {
    company_id: Uuid,
    provider_id: Option<Uuid>,
    now: DateTime<Utc>,
    recent: DateTime<Utc>,
}

impl BadgesQuery {
    /// `company_id = $n` and, for a provider, `AND provider_id = $m`.
    fn push_scope<'b>(&'b self, out: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("company_id = ");
        out.push_bind_param::<SqlUuid, _>(&self.company_id)?;
        if let Some(provider) = &self.provider_id {
            out.push_sql(" AND provider_id = ");
            out.push_bind_param::<SqlUuid, _>(provider)?;
        }
        Ok(())
    }

    /// `status IN ('a', 'b')`.
    fn push_statuses(out: &mut AstPass<'_, '_, Pg>, statuses: &[RequestStatus]) {
        out.push_sql("status IN (");
        for (i, status) in statuses.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_sql("'");
            out.push_sql(status.as_str());
            out.push_sql("'");
        }
        out.push_sql(")");
    }

    /// `(SELECT count(*) FROM (SELECT company_id, provider_id FROM access_requests WHERE
    /// status IN (..) AND archived_at IS NULL AND COALESCE(<column>, 'infinity') <= $n
    /// OFFSET 0) m WHERE <scope>)`: the rows the clock moved out of a tab. The inner query
    /// is planned on its own (`OFFSET 0`), by the instant, through the partial index keyed
    /// on that expression (migration `2026-12-06-170001_kept_tab_counts`: the jobs keep
    /// these rows few in the whole table), never through the company's rows.
    fn push_moved<'b>(
        &'b self,
        out: &mut AstPass<'_, 'b, Pg>,
        statuses: &[RequestStatus],
        column: &str,
        at: &'b DateTime<Utc>,
    ) -> QueryResult<()> {
        out.push_sql(
            ", (SELECT count(*) FROM (SELECT company_id, provider_id FROM access_requests",
        );
        out.push_sql(" WHERE ");
        Self::push_statuses(out, statuses);
        out.push_sql(" AND archived_at IS NULL AND COALESCE(");
        out.push_sql(column);
        out.push_sql(", 'infinity') <= ");
        out.push_bind_param::<Timestamptz, _>(at)?;
        out.push_sql(" OFFSET 0) m WHERE ");
        self.push_scope(out)?;
        out.push_sql(")");
        Ok(())
    }
}

impl QueryId for BadgesQuery {
    type QueryId = ();
    // Its text depends on the scope: cached by its text, not by its type.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for BadgesQuery {
    type SqlType = (BigInt, BigInt, BigInt, BigInt, BigInt, BigInt);
}

impl RunQueryDsl<PgConnection> for BadgesQuery {}

impl QueryFragment<Pg> for BadgesQuery {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("SELECT ");
        for (i, statuses) in [ACTIVE, REQUESTED, BLOCKED].into_iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_sql("COALESCE(sum(n) FILTER (WHERE ");
            Self::push_statuses(&mut out, statuses);
            out.push_sql("), 0)::int8");
        }
        // Mandates past their end; links, then answers, past the Requested tab's days.
        self.push_moved(&mut out, ACTIVE, "valid_until", &self.now)?;
        self.push_moved(&mut out, LINKS, "expires_at", &self.recent)?;
        self.push_moved(&mut out, ANSWERS, "status_changed_at", &self.recent)?;
        out.push_sql(" FROM request_count_changes WHERE ");
        self.push_scope(&mut out)?;
        Ok(())
    }
}
