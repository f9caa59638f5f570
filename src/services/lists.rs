//! The company's lists of access requests: the three tabs (their badges' counts in one
//! statement, a page of rows with what the view needs) and the API's list.
//!
//! A tab's pages are reached by keyset (the row a page follows or precedes, [`PageAt`]):
//! the thousandth page reads its twenty rows through the index as the first one does, and
//! a request created while somebody pages through a tab does not push a row onto the next
//! page a second time. A bare page number (a bookmarked `?page=`) is still served, by
//! offset.

use chrono::{DateTime, Utc};
use diesel::{
    dsl::{AsSelect, count_star},
    pg::Pg,
    prelude::*,
    sql_types::{Bool, Nullable, Text},
};
use uuid::Uuid;

use super::companies::Scope;
pub use crate::db::{access_requests::listed_at, request_counts::TabCounts};
use crate::{
    db::{
        access_requests::{
            AccessRequest, Filter, ListedBy, RequestSource, WithPersonalSource, in_tab, status_is,
            tab_branches, with_personal,
        },
        merged::InPage,
        request_counts,
        schema::{access_requests, companies, outbox_emails, request_personal},
        text::like_contains,
    },
    domain::{RequestStatus, status::Tab},
};

/// Highest page number a list serves (beyond, the offset would be absurd).
pub const MAX_PAGE: i64 = 100_000;

/// A row's place in a tab's order (newest first: the instant the tab lists it by, then
/// its id; see [`ListedBy`]). Keys compare in that order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowKey {
    /// The instant the tab lists the row by.
    pub at: DateTime<Utc>,
    /// Its id (the order among rows of the same microsecond).
    pub id: Uuid,
}

impl RowKey {
    /// The key of a request listed in `tab`.
    pub fn of(tab: Tab, request: &AccessRequest) -> RowKey {
        RowKey {
            at: listed_at(tab, request),
            id: request.id,
        }
    }

    /// The key as a URL parameter: `{microseconds since 1970}_{id}`.
    pub fn encode(&self) -> String {
        format!("{}_{}", self.at.timestamp_micros(), self.id)
    }

    /// A key written by [`RowKey::encode`]; anything else is none.
    pub fn parse(text: &str) -> Option<RowKey> {
        let (micros, id) = text.split_once('_')?;
        Some(RowKey {
            at: DateTime::from_timestamp_micros(micros.parse().ok()?)?,
            id: Uuid::parse_str(id).ok()?,
        })
    }
}

/// Where a page of a list starts.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PageAt {
    /// The rows after this number of pages (the first page is 1).
    Number(i64),
    /// The rows that follow this one (the next page).
    After(RowKey),
    /// The rows that precede this one (the previous page).
    Before(RowKey),
}

/// A row of a list, with what the view needs.
#[derive(Clone, Debug)]
pub struct ListedRequest {
    /// The request.
    pub request: AccessRequest,
    /// Its status now.
    pub status: RequestStatus,
    /// The provider's name when a provider created it.
    pub provider_name: Option<String>,
    /// Its e-mail was given up (the company should give the link another way).
    pub mail_undelivered: bool,
}

/// One page of a list.
#[derive(Clone, Debug)]
pub struct ListPage {
    /// The rows, newest first.
    pub items: Vec<ListedRequest>,
    /// Page number, from 1.
    pub page: i64,
    /// Rows per page.
    pub page_size: i64,
    /// Rows in the whole list.
    pub total: i64,
}

type BoxedQuery<'a> = access_requests::BoxedQuery<'a, Pg>;

/// The scope's unarchived requests, as a condition (for the table alone, or joined with
/// the personal data to read whole requests).
pub(super) fn in_scope<QS: RequestSource>(scope: &Scope) -> Filter<QS> {
    use access_requests::dsl as r;
    let company = QS::boxed(
        r::company_id
            .eq(scope.company_id)
            .and(r::archived_at.is_null()),
    );
    match scope.provider_id {
        Some(p) => Box::new(company.and(QS::boxed(r::provider_id.eq(p).assume_not_null()))),
        None => company,
    }
}

/// The scope's unarchived requests.
pub(super) fn scoped<'a>(scope: &Scope) -> BoxedQuery<'a> {
    access_requests::table.filter(in_scope(scope)).into_boxed()
}

/// `q`'s rows whose label, citizen's name or e-mail contains `search`: looked up for each
/// row of `q` (a scalar subquery by the personal data's key; as a join, PostgreSQL chose
/// to read the whole personal data's table for a large company's tab).
fn searched<'a>(q: BoxedQuery<'a>, search: Option<&str>) -> BoxedQuery<'a> {
    use request_personal::dsl as p;
    match search.map(str::trim).filter(|s| !s.is_empty()) {
        None => q,
        Some(s) => {
            let like = like_contains(s);
            q.filter(
                request_personal::table
                    .filter(p::request_id.eq(access_requests::id))
                    .select(
                        p::label
                            .ilike(like.clone())
                            .or(p::citizen_last_name.ilike(like.clone()))
                            .or(p::citizen_first_name.ilike(like.clone()))
                            .or(p::email.ilike(like)),
                    )
                    .single_value(),
            )
        }
    }
}

/// The counts on the three tab labels: kept as the rows change, not counted at every page
/// (see [`crate::db::request_counts`]).
pub fn counts(
    conn: &mut PgConnection,
    scope: &Scope,
    now: DateTime<Utc>,
) -> QueryResult<TabCounts> {
    request_counts::tab_counts(conn, scope.company_id, scope.provider_id, now)
}

/// Which page of which tab: optionally searched by label, name or e-mail, page `number`
/// (as the user counts them) starting `at`, `page_size` rows.
#[derive(Copy, Clone, Debug)]
pub struct TabAsk<'a> {
    /// The tab.
    pub tab: Tab,
    /// The search typed, if any.
    pub search: Option<&'a str>,
    /// The page's number, from 1.
    pub number: i64,
    /// Where it starts.
    pub at: PageAt,
    /// Rows a page.
    pub page_size: i64,
}

/// A tab as its page shows it: the counts of the three tabs (the badges) and one page of
/// this tab, newest first. Without a search, the tab's count is its list's total (not
/// counted twice).
pub fn tab_page(
    conn: &mut PgConnection,
    scope: &Scope,
    ask: &TabAsk<'_>,
    now: DateTime<Utc>,
) -> QueryResult<(TabCounts, ListPage)> {
    let counts = counts(conn, scope, now)?;
    let searching = ask.search.is_some_and(|s| !s.trim().is_empty());
    let known_total = (!searching).then_some(counts.of(ask.tab));
    let list = list_counted(conn, scope, ask, now, known_total)?;
    Ok((counts, list))
}

/// One page of a tab, its total given when the caller counted it already.
fn list_counted(
    conn: &mut PgConnection,
    scope: &Scope,
    ask: &TabAsk<'_>,
    now: DateTime<Utc>,
    known_total: Option<i64>,
) -> QueryResult<ListPage> {
    let &TabAsk {
        tab,
        search,
        number,
        page_size,
        ..
    } = ask;
    let page = number.clamp(1, MAX_PAGE);
    let total: i64 = match known_total {
        Some(total) => total,
        None => searched(scoped(scope).filter(in_tab(tab, now)), search)
            .select(count_star())
            .first(conn)?,
    };
    let mut rows: Vec<(AccessRequest, bool, Option<String>)> = match tab_rows(scope, ask, now) {
        Some(query) => query.load(conn)?,
        None => Vec::new(),
    };
    // The page's rows, newest first (the statement chose them, not their order).
    rows.sort_by_key(|(request, ..)| std::cmp::Reverse(RowKey::of(tab, request)));
    Ok(page_of(rows, now, page, page_size, total))
}

/// A row of a tab's page as read: the request, whether its mail was given up, its
/// provider's name.
type RowSql = (AsSelect<AccessRequest, Pg>, Bool, Nullable<Text>);

/// The one statement that reads a page of a tab: the page's requests chosen among
/// branches of one stored status each ([`tab_branches`]), each read in the page's order
/// from the index on `(company_id, status, created_at, id)` and stopped at the page's end
/// ([`InPage`]), then read whole with their mail's state and their provider's name.
/// `None`: a tab of no branch (none is).
pub fn tab_rows(
    scope: &Scope,
    ask: &TabAsk<'_>,
    now: DateTime<Utc>,
) -> Option<
    diesel::internal::table_macro::BoxedSelectStatement<
        'static,
        RowSql,
        diesel::internal::table_macro::FromClause<WithPersonalSource>,
        Pg,
    >,
> {
    use access_requests::dsl as r;
    let page = ask.number.clamp(1, MAX_PAGE);
    let offset = match ask.at {
        PageAt::Number(_) => (page - 1) * ask.page_size,
        PageAt::After(_) | PageAt::Before(_) => 0,
    };
    let mut branches = tab_branches(ask.tab, now).into_iter().map(|(branch, by)| {
        in_order(
            searched(scoped(scope).filter(branch), ask.search),
            ask.at,
            by,
        )
        .limit(offset + ask.page_size)
        .select((r::id, by.column()))
    });
    let on_page = InPage {
        first: branches.next()?,
        rest: branches.collect(),
        newest_first: !matches!(ask.at, PageAt::Before(_)),
        limit: ask.page_size,
        offset,
    };
    // Whether each row's mail was given up, in the same query (no query per row).
    let undelivered = diesel::dsl::exists(
        outbox_emails::table
            .filter(outbox_emails::request_id.eq(access_requests::id.nullable()))
            .filter(outbox_emails::failed_at.is_not_null())
            .filter(outbox_emails::sent_at.is_null()),
    );
    // The provider's name too (a scalar subquery: no query per row, nor a second query),
    // looked up only for the rows made through a provider.
    let provider_name = diesel::dsl::case_when(
        access_requests::provider_id.is_not_null(),
        companies::table
            .filter(companies::id.nullable().eq(access_requests::provider_id))
            .select(companies::name)
            .single_value(),
    );
    // The page's rows whole, with their personal data (put in the page's order by the
    // caller: each row's instant depends on its status).
    let page = with_personal().into_boxed().filter(on_page);
    Some(page.select((AccessRequest::as_select(), undelivered, provider_name)))
}

/// `query` from where the page starts, in the page's order by the instant `by` (newest
/// first; oldest first before a row).
fn in_order(query: BoxedQuery<'static>, at: PageAt, by: ListedBy) -> BoxedQuery<'static> {
    use access_requests::dsl as r;
    match at {
        PageAt::Number(_) => query.order((by.column().desc(), r::id.desc())),
        PageAt::After(key) => query
            .filter(
                by.column()
                    .lt(key.at)
                    .or(by.column().eq(key.at).and(r::id.lt(key.id))),
            )
            .order((by.column().desc(), r::id.desc())),
        PageAt::Before(key) => query
            .filter(
                by.column()
                    .gt(key.at)
                    .or(by.column().eq(key.at).and(r::id.gt(key.id))),
            )
            .order((by.column().asc(), r::id.asc())),
    }
}

/// A page of rows read with their mail's state and their provider's name.
fn page_of(
    rows: Vec<(AccessRequest, bool, Option<String>)>,
    now: DateTime<Utc>,
    page: i64,
    page_size: i64,
    total: i64,
) -> ListPage {
    let items = rows
        .into_iter()
        .map(|(request, mail_undelivered, provider_name)| ListedRequest {
            status: request.status_at(now),
            provider_name: provider_name.filter(|_| request.provider_id.is_some()),
            mail_undelivered,
            request,
        })
        .collect();
    ListPage {
        items,
        page,
        page_size,
        total,
    }
}

/// The requests of a scope for the API: optionally of one status (as the clock says),
/// newest first, paginated.
pub fn list_for_api(
    conn: &mut PgConnection,
    scope: &Scope,
    status: Option<RequestStatus>,
    page: i64,
    page_size: i64,
    now: DateTime<Utc>,
) -> QueryResult<ListPage> {
    use access_requests::dsl as r;
    let page = page.clamp(1, MAX_PAGE);
    let mut counted = scoped(scope);
    let mut read = with_personal()
        .filter(in_scope::<WithPersonalSource>(scope))
        .into_boxed();
    if let Some(status) = status {
        counted = counted.filter(status_is(status, now));
        read = read.filter(status_is(status, now));
    }
    let total: i64 = counted.select(count_star()).first(conn)?;
    // The API's rows say nothing of mails or providers' names.
    let rows: Vec<(AccessRequest, bool, Option<String>)> = read
        .order((r::created_at.desc(), r::id.desc()))
        .limit(page_size)
        .offset((page - 1) * page_size)
        .select((
            AccessRequest::as_select(),
            false.into_sql::<Bool>(),
            None::<String>.into_sql::<Nullable<Text>>(),
        ))
        .load(conn)?;
    Ok(page_of(rows, now, page, page_size, total))
}
