//! The `access_requests` table: an access request and, once accepted, its mandate.
//!
//! This module owns the table: every write is here ([`write`]: creation, binding, the
//! transitions; [`lifecycle`]: the set-based statements of the jobs), with typed columns
//! (status, context, language, NISS) and one rule for "the status at an instant"
//! ([`status_is`]), the SQL twin of [`crate::domain::status::effective`], which every list,
//! count, search and job uses.
//!
//! A request's personal data (label, e-mail, named NISS, the names of the citizen who
//! accepted) is a row of `request_personal` beside it, and who it links (the citizen bound
//! to it, its creator) a row of `request_parties`: the purge deletes each at its date,
//! writing no new version of the request's row. An [`AccessRequest`] is read from the
//! table joined with both ([`with_personal`]), and the filters apply to the table alone
//! (updates) or to the join (reads).

pub mod lifecycle;
pub mod write;

use chrono::{DateTime, Duration, Utc};
use diesel::{
    BoxableExpression,
    helper_types::{LeftJoin, LeftJoinQuerySource},
    pg::Pg,
    prelude::*,
    sql_types::{Bool, Timestamptz},
};
use uuid::Uuid;

use super::schema::{access_requests, request_links, request_parties, request_personal};
use crate::{
    domain::{
        Context, Niss, RequestStatus,
        status::{REQUESTED_LIST_DAYS, Tab, effective},
    },
    i18n::Lang,
};

pub use write::{
    Guard, NewRequest, SetOnTransition, bind_citizen, create, end_replaced, replace_link,
    replaced_by, transition,
};

/// One row of `access_requests` with its personal data (`request_personal`) and its
/// parties (`request_parties`), each `None` once the purge deleted it: read from
/// [`with_personal`].
#[derive(Clone, Debug, Queryable, Selectable, Identifiable)]
#[diesel(table_name = access_requests, check_for_backend(diesel::pg::Pg))]
pub struct AccessRequest {
    /// Id.
    pub id: Uuid,
    /// The company the access is for.
    pub company_id: Uuid,
    /// The provider acting on its behalf, if any.
    pub provider_id: Option<Uuid>,
    /// Who created it (company user NISS, or an API client's id).
    #[diesel(select_expression = request_parties::created_by.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<request_parties::created_by>)]
    pub created_by: Option<String>,
    /// The company's own name for it (erased by the purge).
    #[diesel(select_expression = request_personal::label.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<request_personal::label>)]
    pub label: Option<String>,
    /// The candidate's e-mail (erased by the purge).
    #[diesel(select_expression = request_personal::email.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<request_personal::email>)]
    pub email: Option<String>,
    /// What it gives access to.
    pub context: Context,
    /// Language of the e-mail.
    pub language: Lang,
    /// The only person allowed to answer, if named.
    #[diesel(select_expression = request_personal::target_niss.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<request_personal::target_niss>)]
    pub target_niss: Option<Niss>,
    /// Stored status (see [`AccessRequest::status_at`] for the status it reads as).
    pub status: RequestStatus,
    /// Reason of a back-office block.
    pub status_reason: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// The link's end (created + 72 h).
    pub expires_at: DateTime<Utc>,
    /// Last status change.
    pub status_changed_at: DateTime<Utc>,
    /// The citizen bound to the link (first to sign in through it).
    #[diesel(select_expression = request_parties::citizen_niss.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<request_parties::citizen_niss>)]
    pub citizen_niss: Option<Niss>,
    /// When they were bound.
    pub bound_at: Option<DateTime<Utc>>,
    /// The mandate's id, once accepted.
    pub mandate_id: Option<Uuid>,
    /// Accepted at (mandate start).
    pub accepted_at: Option<DateTime<Utc>>,
    /// Mandate end.
    pub valid_until: Option<DateTime<Utc>>,
    /// First name of the citizen who accepted.
    #[diesel(select_expression = request_personal::citizen_first_name.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<request_personal::citizen_first_name>)]
    pub citizen_first_name: Option<String>,
    /// Last name of the citizen who accepted.
    #[diesel(select_expression = request_personal::citizen_last_name.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<request_personal::citizen_last_name>)]
    pub citizen_last_name: Option<String>,
    /// Archived (gone from the company's lists).
    pub archived_at: Option<DateTime<Utc>>,
}

impl AccessRequest {
    /// The status the clock says, even between two job runs (a pending request past its
    /// 72 hours is expired; an accepted one past its end is ended).
    pub fn status_at(&self, now: DateTime<Utc>) -> RequestStatus {
        effective(self.status, self.expires_at, self.valid_until, now)
    }

    /// Whether `niss` is the citizen bound to it.
    pub fn is_bound_to(&self, niss: &Niss) -> bool {
        self.citizen_niss.as_ref() == Some(niss)
    }
}

/// The query every [`AccessRequest`] is read from: the table with its personal data and
/// its parties.
pub type WithPersonal =
    LeftJoin<LeftJoin<access_requests::table, request_personal::table>, request_parties::table>;

/// The source of [`WithPersonal`], for the filters of its queries.
pub type WithPersonalSource = LeftJoinQuerySource<
    LeftJoinQuerySource<access_requests::table, request_personal::table>,
    request_parties::table,
>;

/// `access_requests` joined with its personal data and its parties, whose rows
/// [`AccessRequest`] reads (PostgreSQL reads neither side table where a query takes
/// nothing from it: each is joined on its primary key).
pub fn with_personal() -> WithPersonal {
    access_requests::table
        .left_join(request_personal::table)
        .left_join(request_parties::table)
}

/// A condition on `access_requests` rows, for a query of the table alone (the default:
/// updates) or of [`WithPersonal`] (reads).
pub type Filter<QS = access_requests::table> = Box<dyn BoxableExpression<QS, Pg, SqlType = Bool>>;

/// A source the filters of this module apply to: `access_requests` alone, or
/// [`WithPersonalSource`] (where the table's columns appear too).
pub trait RequestSource: Sized + 'static {
    /// `condition`, boxed for this source.
    fn boxed<E>(condition: E) -> Filter<Self>
    where
        E: BoxableExpression<access_requests::table, Pg, SqlType = Bool>
            + BoxableExpression<WithPersonalSource, Pg, SqlType = Bool>
            + 'static;
}

/// [`RequestSource`] for each source named (the same body: the condition boxed for it).
macro_rules! request_sources {
    ($($source:ty),*) => {$(
        impl RequestSource for $source {
            fn boxed<E>(condition: E) -> Filter<Self>
            where
                E: BoxableExpression<access_requests::table, Pg, SqlType = Bool>
                    + BoxableExpression<WithPersonalSource, Pg, SqlType = Bool>
                    + 'static,
            {
                Box::new(condition)
            }
        }
    )*};
}

request_sources!(access_requests::table, WithPersonalSource);

/// The rows whose status reads as `status` at `now`: [`effective`] in SQL, written so
/// that each branch can use the partial indexes on `status` (a pending request whose link
/// is over reads as expired; an accepted one past its end as ended).
pub fn status_is<QS: RequestSource>(status: RequestStatus, now: DateTime<Utc>) -> Filter<QS> {
    use RequestStatus as S;
    use access_requests::dsl as r;
    match status {
        S::Pending => QS::boxed(r::status.eq(S::Pending).and(r::expires_at.gt(now))),
        S::Expired => QS::boxed(
            r::status
                .eq(S::Expired)
                .or(r::status.eq(S::Pending).and(r::expires_at.le(now))),
        ),
        // An accepted row always has its end (a CHECK of the table).
        S::Accepted => QS::boxed(
            r::status
                .eq(S::Accepted)
                .and(r::valid_until.gt(now).assume_not_null()),
        ),
        S::Ended => QS::boxed(
            r::status.eq(S::Ended).or(r::status
                .eq(S::Accepted)
                .and(r::valid_until.le(now).assume_not_null())),
        ),
        other => QS::boxed(r::status.eq(other)),
    }
}

/// The rows whose status reads as one of `statuses` at `now` (none: no row).
pub fn status_in<QS: RequestSource>(statuses: &[RequestStatus], now: DateTime<Utc>) -> Filter<QS> {
    statuses
        .iter()
        .map(|s| status_is(*s, now))
        .reduce(|a, b| Box::new(a.or(b)))
        .unwrap_or_else(|| QS::boxed(diesel::dsl::sql::<Bool>("FALSE")))
}

/// The rows listed in a company-app tab at `now` (archival aside): active mandates;
/// pending requests, and expired, refused and withdrawn ones for [`REQUESTED_LIST_DAYS`]
/// after their end; stopped, blocked and ended accesses. The OR of [`tab_branches`].
pub fn in_tab<QS: RequestSource>(tab: Tab, now: DateTime<Utc>) -> Filter<QS> {
    tab_branches(tab, now)
        .into_iter()
        .map(|(branch, _)| branch)
        .reduce(|a, b| Box::new(a.or(b)))
        .unwrap_or_else(|| QS::boxed(diesel::dsl::sql::<Bool>("FALSE")))
}

/// The instant a tab lists a row by, newest first: when the request was made (the Active
/// and Requested tabs), or, in the Blocked tab, when the access stopped: a stop or a block
/// when it happened, an end at the mandate's end. So an access stopped today stands at the
/// top of the Blocked tab however long ago it was asked for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ListedBy {
    /// `created_at`.
    Creation,
    /// `status_changed_at`.
    StatusChange,
    /// `valid_until` (an accepted request's, never null).
    MandateEnd,
}

impl ListedBy {
    /// What a tab lists a row of this stored status by (each branch of [`tab_branches`] is
    /// of one stored status).
    pub fn of(tab: Tab, stored: RequestStatus) -> ListedBy {
        use RequestStatus as S;
        match (tab, stored) {
            (Tab::Blocked, S::Ended | S::Accepted) => ListedBy::MandateEnd,
            (Tab::Blocked, _) => ListedBy::StatusChange,
            (Tab::Active | Tab::Requested, _) => ListedBy::Creation,
        }
    }

    /// The instant of `request`.
    pub fn instant(self, request: &AccessRequest) -> DateTime<Utc> {
        match self {
            ListedBy::Creation => request.created_at,
            ListedBy::StatusChange => request.status_changed_at,
            ListedBy::MandateEnd => request.valid_until.unwrap_or(request.status_changed_at),
        }
    }

    /// The column it is, as an expression on the table.
    pub fn column(
        self,
    ) -> Box<dyn BoxableExpression<access_requests::table, Pg, SqlType = Timestamptz>> {
        use access_requests::dsl as r;
        match self {
            ListedBy::Creation => Box::new(r::created_at),
            ListedBy::StatusChange => Box::new(r::status_changed_at),
            ListedBy::MandateEnd => Box::new(r::valid_until.assume_not_null()),
        }
    }
}

/// The instant `tab` lists `request` by ([`ListedBy`]): the Blocked tab's "Since".
pub fn listed_at(tab: Tab, request: &AccessRequest) -> DateTime<Utc> {
    ListedBy::of(tab, request.status).instant(request)
}

/// The rows of a tab at `now`, as branches of one stored status each, whose OR is
/// [`in_tab`], each with the instant its rows are listed by. A tab's page reads each
/// branch in that order from an index on `(company_id, status, instant, id)` and merges
/// them (a few rows a branch), where the whole tab's rows would otherwise be read and
/// sorted (PostgreSQL cannot estimate how many rows a tab holds, and chose that sort for
/// thousands of rows).
pub fn tab_branches<QS: RequestSource>(
    tab: Tab,
    now: DateTime<Utc>,
) -> Vec<(Filter<QS>, ListedBy)> {
    use RequestStatus as S;
    use access_requests::dsl as r;
    let recent = now - Duration::days(REQUESTED_LIST_DAYS);
    let branches: Vec<(Filter<QS>, RequestStatus)> = match tab {
        Tab::Active => vec![(status_is(S::Accepted, now), S::Accepted)],
        // Pending (whether its link is still open or over) and expired: until 14 days
        // after the link's end; refused and withdrawn: 14 days after the answer.
        Tab::Requested => vec![
            (
                QS::boxed(r::status.eq(S::Pending).and(r::expires_at.gt(recent))),
                S::Pending,
            ),
            (
                QS::boxed(r::status.eq(S::Expired).and(r::expires_at.gt(recent))),
                S::Expired,
            ),
            (
                QS::boxed(
                    r::status
                        .eq(S::Refused)
                        .and(r::status_changed_at.gt(recent)),
                ),
                S::Refused,
            ),
            (
                QS::boxed(
                    r::status
                        .eq(S::Withdrawn)
                        .and(r::status_changed_at.gt(recent)),
                ),
                S::Withdrawn,
            ),
        ],
        // Ended: stored, or an accepted mandate past its end before the job saw it.
        Tab::Blocked => vec![
            (QS::boxed(r::status.eq(S::Revoked)), S::Revoked),
            (QS::boxed(r::status.eq(S::Blocked)), S::Blocked),
            (QS::boxed(r::status.eq(S::Ended)), S::Ended),
            (
                QS::boxed(
                    r::status
                        .eq(S::Accepted)
                        .and(r::valid_until.le(now).assume_not_null()),
                ),
                S::Accepted,
            ),
        ],
    };
    branches
        .into_iter()
        .map(|(branch, stored)| (branch, ListedBy::of(tab, stored)))
        .collect()
}

/// A request by id.
pub fn find(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<AccessRequest>> {
    with_personal()
        .filter(access_requests::id.eq(id))
        .select(AccessRequest::as_select())
        .first(conn)
        .optional()
}

/// A request by id, its row locked until the end of the transaction (a concurrent change
/// waits for the caller, or the caller sees it).
///
/// Two statements: the lock on `access_requests` alone (PostgreSQL locks no row of the
/// nullable side of an outer join), then the request read whole by a statement of its
/// own, whose snapshot, taken after the lock was granted, sees the change it waited for
/// (a lock taken in a subquery of the read would leave the read with the snapshot taken
/// before the wait: the row as it was before the concurrent change).
pub fn find_for_update(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<AccessRequest>> {
    find_locked(conn, id, false)
}

/// A request by id, its row share-locked until the end of the transaction: a concurrent
/// change (a stop, a block) waits for the caller, or the caller sees it; readers that
/// share-lock it too (consultations of the same mandate) do not wait for each other. Two
/// statements, as [`find_for_update`].
pub fn find_for_share(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<AccessRequest>> {
    find_locked(conn, id, true)
}

/// The request `id`, its row locked (shared or not), then read whole.
fn find_locked(
    conn: &mut PgConnection,
    id: Uuid,
    shared: bool,
) -> QueryResult<Option<AccessRequest>> {
    let row = access_requests::table.find(id).select(access_requests::id);
    let locked: Option<Uuid> = if shared {
        row.for_share().first(conn)
    } else {
        row.for_update().first(conn)
    }
    .optional()?;
    match locked {
        Some(id) => find(conn, id),
        None => Ok(None),
    }
}

/// The id of the request whose link secret hashes to `hash`, while its link is not spent
/// for good (archived, or erased by the purge).
pub fn find_by_token_hash(conn: &mut PgConnection, hash: &[u8]) -> QueryResult<Option<Uuid>> {
    request_links::table
        .filter(request_links::token_hash.eq(hash))
        .select(request_links::request_id)
        .first(conn)
        .optional()
}

/// Whether `hash` is the current link of request `id` (a new link replaces it).
pub fn is_current_link(conn: &mut PgConnection, id: Uuid, hash: &[u8]) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        request_links::table
            .filter(request_links::token_hash.eq(hash))
            .filter(request_links::request_id.eq(id)),
    ))
    .get_result(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_status_selects_nothing() {
        let sql = diesel::debug_query::<Pg, _>(
            &access_requests::table
                .filter(status_in::<access_requests::table>(&[], Utc::now()))
                .select(access_requests::id),
        )
        .to_string();
        assert!(sql.contains("FALSE"), "{sql}");
    }
}
