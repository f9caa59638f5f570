//! The requests of one page of a list read from several branches (a stored status each):
//! `access_requests.id IN (SELECT id FROM ((branch) UNION ALL (branch) ...) AS page (id, at)
//! ORDER BY at, id LIMIT OFFSET)`, where each branch selects `id` and the instant the
//! list orders it by (its creation, or in the Blocked tab when the access stopped), in the
//! list's order with its own `LIMIT`. Each branch is then an index-only scan in order
//! that stops at the page's end, PostgreSQL merges them in that order (a Merge Append), and
//! the page's rows alone are read whole: the page costs the same whether the list holds
//! twenty rows or a hundred thousand.
//!
//! Selecting the whole rows in the branches instead lets the planner read and sort all
//! of a branch's rows: it cannot tell how many rows a company has in one status with a
//! recent instant (the columns' statistics are the whole table's), and finds a sort cheap
//! for the few it expects (8 ms for 2 238 rows of the Requested tab at 1 000 000
//! requests, against 0.3 ms).

use diesel::{
    QueryResult,
    expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping, is_aggregate},
    pg::Pg,
    query_builder::{AstPass, QueryFragment, QueryId},
    sql_types::{BigInt, Bool},
};

use super::{access_requests::WithPersonalSource, schema::access_requests};

/// Whether a request is on the page made of `first` and `rest`: each selects `id` and
/// the instant of its order from `access_requests`, in the page's order, limited to at
/// least `offset + limit` rows.
pub struct InPage<Q> {
    /// The first branch (a page has at least one).
    pub first: Q,
    /// The other branches.
    pub rest: Vec<Q>,
    /// Newest first (`true`) or oldest first.
    pub newest_first: bool,
    /// Rows of the page.
    pub limit: i64,
    /// Rows before the page.
    pub offset: i64,
}

impl<Q> Expression for InPage<Q> {
    type SqlType = Bool;
}

impl<Q> AppearsOnTable<access_requests::table> for InPage<Q> {}

impl<Q> AppearsOnTable<WithPersonalSource> for InPage<Q> {}

impl<Q> SelectableExpression<WithPersonalSource> for InPage<Q> {}

impl<Q> SelectableExpression<access_requests::table> for InPage<Q> {}

impl<Q> ValidGrouping<()> for InPage<Q> {
    type IsAggregate = is_aggregate::Never;
}

// The SQL depends on the number of branches: cached by its text, as the branches' boxed
// queries are.
impl<Q> QueryId for InPage<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for InPage<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("\"access_requests\".\"id\" IN (SELECT id FROM ((");
        self.first.walk_ast(out.reborrow())?;
        out.push_sql(")");
        for branch in &self.rest {
            out.push_sql(" UNION ALL (");
            branch.walk_ast(out.reborrow())?;
            out.push_sql(")");
        }
        out.push_sql(if self.newest_first {
            ") AS page (id, at) ORDER BY at DESC, id DESC LIMIT "
        } else {
            ") AS page (id, at) ORDER BY at, id LIMIT "
        });
        out.push_bind_param::<BigInt, _>(&self.limit)?;
        out.push_sql(" OFFSET ");
        out.push_bind_param::<BigInt, _>(&self.offset)?;
        out.push_sql(")");
        Ok(())
    }
}
