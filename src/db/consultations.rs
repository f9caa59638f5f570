//! The `consultations` table: the audit trail of consultations, one row per answer given
//! to a company (a deliberate act in the company app, or an API call), with the answer
//! the company saw (never a fraction or a reason). This module owns its writes.
//!
//! The table is partitioned by UTC month of `consulted_at` (migration
//! `2026-12-07-100001_consultation_months`): the purge drops a month past the audit
//! retention at once ([`purge`]); what falls in no month made yet waits in the default
//! partition until [`make_months`] makes its month. Queries that can bound `consulted_at`
//! do (a request's consultations are not older than the request), so that PostgreSQL
//! reads only the months they can be in.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{BigInt, Text, Timestamptz},
};
use uuid::Uuid;

use super::schema::consultations as t;
use crate::domain::{Actor, Context, Niss};

/// A consultation to record.
#[derive(Clone, Debug)]
pub struct NewConsultation<'a> {
    /// The request (mandate) consulted under.
    pub request_id: Uuid,
    /// The mandate's id at the time.
    pub mandate_id: Option<Uuid>,
    /// The company the answer is for.
    pub company_id: Uuid,
    /// The provider that asked on its behalf, if any.
    pub provider_id: Option<Uuid>,
    /// Whom it is about.
    pub citizen_niss: &'a Niss,
    /// Which data.
    pub context: Context,
    /// When.
    pub consulted_at: DateTime<Utc>,
    /// Who asked.
    pub actor: &'a Actor,
    /// The answer the company saw ([`crate::domain::Answer::to_json`]).
    pub answer: serde_json::Value,
    /// The act (a form's one-time id) it answers, if it came from the company app.
    pub act: Option<Uuid>,
}

/// A recorded consultation.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = t, check_for_backend(diesel::pg::Pg))]
pub struct ConsultationRow {
    /// The consultation's reference.
    pub id: Uuid,
    /// The request (mandate) consulted under.
    pub request_id: Uuid,
    /// The mandate's id at the time.
    pub mandate_id: Option<Uuid>,
    /// The company the answer was for.
    pub company_id: Uuid,
    /// The provider that asked on its behalf, if any.
    pub provider_id: Option<Uuid>,
    /// Whom it is about.
    pub citizen_niss: Niss,
    /// Which data (an unknown code is an error, never another context).
    pub context: Context,
    /// When.
    pub consulted_at: DateTime<Utc>,
    /// The kind of actor (`company_user`, `api_client`).
    pub actor_kind: String,
    /// The actor.
    pub actor_ref: String,
    /// The answer the company saw (`None` for rows recorded before answers were kept).
    pub answer: Option<serde_json::Value>,
    /// The act it answered.
    pub act: Option<Uuid>,
}

/// Records a consultation; returns its reference. Two posts of one act are one
/// consultation when the caller holds the act's lock ([`lock_act`]) and looked for it
/// first ([`find_by_act`]).
pub fn insert(conn: &mut PgConnection, new: &NewConsultation<'_>) -> QueryResult<Uuid> {
    diesel::insert_into(t::table)
        .values((
            t::request_id.eq(new.request_id),
            t::mandate_id.eq(new.mandate_id),
            t::company_id.eq(new.company_id),
            t::provider_id.eq(new.provider_id),
            t::citizen_niss.eq(new.citizen_niss),
            t::context.eq(new.context),
            t::consulted_at.eq(new.consulted_at),
            t::actor_kind.eq(new.actor.kind()),
            t::actor_ref.eq(new.actor.reference()),
            t::answer.eq(Some(&new.answer)),
            t::act.eq(new.act),
        ))
        .returning(t::id)
        .get_result(conn)
}

/// Takes the lock of the act `act` until the end of the caller's transaction: a second
/// post of the same act waits for the first to commit, then finds its consultation with
/// [`find_by_act`] (a statement of its own, so that it reads after the wait). A unique
/// index cannot say it: on a partitioned table it holds the partition key, and two posts
/// of one act are two instants.
pub fn lock_act(conn: &mut PgConnection, act: Uuid) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))")
        .bind::<diesel::sql_types::Uuid, _>(act)
        .execute(conn)
        .map(|_| ())
}

/// A consultation by its reference.
pub fn find(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<ConsultationRow>> {
    t::table
        .filter(t::id.eq(id))
        .select(ConsultationRow::as_select())
        .first(conn)
        .optional()
}

/// The consultation that answered the act `act` under the request `request_id`, if any,
/// made at or after `since` (the request's creation: the months before are not read).
pub fn find_by_act(
    conn: &mut PgConnection,
    request_id: Uuid,
    act: Uuid,
    since: DateTime<Utc>,
) -> QueryResult<Option<ConsultationRow>> {
    t::table
        .filter(t::request_id.eq(request_id))
        .filter(t::act.eq(act))
        .filter(t::consulted_at.ge(since))
        .select(ConsultationRow::as_select())
        .first(conn)
        .optional()
}

/// Makes the months from that of `from` to that of `to` (UTC) that are missing, their
/// rows moved out of the default partition. Returns how many were made.
pub fn make_months(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> QueryResult<i32> {
    #[derive(QueryableByName)]
    struct Made {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        made: i32,
    }
    diesel::sql_query("SELECT consultations_months($1, $2) AS made")
        .bind::<Timestamptz, _>(from)
        .bind::<Timestamptz, _>(to)
        .get_result::<Made>(conn)
        .map(|m| m.made)
}

/// Deletes the consultations made at or before `cutoff`: the months that end by then are
/// dropped whole, each in a short transaction of its own (dropping a month locks the
/// table for an instant: it gives up after [`DROP_LOCK_TIMEOUT`] rather than hold up
/// consultations, and the next run drops it); the rest, in the month `cutoff` falls in
/// and in the default partition, are deleted in batches. Call it outside a transaction.
/// Returns how many were deleted.
pub fn purge(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<usize> {
    #[derive(QueryableByName)]
    struct Month {
        #[diesel(sql_type = Text)]
        name: String,
    }
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let months: Vec<Month> = diesel::sql_query(
        "SELECT c.relname::text AS name
           FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'consultations'::regclass
            AND c.relname ~ '^consultations_[0-9]{4}_[0-9]{2}$'
            AND to_date(substr(c.relname, 15), 'YYYY_MM') + interval '1 month'
                <= ($1 AT TIME ZONE 'UTC')
          ORDER BY c.relname",
    )
    .bind::<Timestamptz, _>(cutoff)
    .load(conn)?;
    let mut deleted = 0;
    for Month { name } in months {
        // The name is one of the table's own partitions, read from the catalog just above.
        let dropped = conn.transaction(|conn| {
            diesel::sql_query(format!("SET LOCAL lock_timeout = '{DROP_LOCK_TIMEOUT}'"))
                .execute(conn)?;
            let rows: Count = diesel::sql_query(format!("SELECT count(*) AS n FROM \"{name}\""))
                .get_result(conn)?;
            diesel::sql_query(format!("DROP TABLE \"{name}\"")).execute(conn)?;
            Ok::<_, diesel::result::Error>(rows.n)
        });
        match dropped {
            Ok(n) => deleted += usize::try_from(n).unwrap_or(0),
            // Busy: the next run drops it (its rows are deleted below meanwhile, as the
            // statement deletes every row at or before the cutoff).
            Err(e) => tracing::warn!(month = %name, error = %e, "consultation month not dropped"),
        }
    }
    Ok(deleted
        + super::retention::batched(
            conn,
            // The month in the outer condition too: PostgreSQL then looks for the batch's
            // rows in the months at or before the cutoff only, not in every month's
            // primary key (400 ms a batch of 5 000 at 1 000 000 requests, 60 ms so).
            "DELETE FROM consultations WHERE consulted_at <= $1 AND (id, consulted_at) IN
                 (SELECT id, consulted_at FROM consultations WHERE consulted_at <= $1
                   ORDER BY consulted_at LIMIT $2)",
            cutoff,
        )?)
}

/// How long dropping a month may wait for the table's lock.
const DROP_LOCK_TIMEOUT: &str = "2s";
