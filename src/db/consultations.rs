//! The `consultations` table: the audit trail of consultations, one row per answer given
//! to a company (a deliberate act in the company app, or an API call), with the answer
//! the company saw (never a fraction or a reason). This module owns its writes.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
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

/// Records a consultation; returns its reference, or `None` when a consultation of the same
/// act was recorded meanwhile (by a concurrent post of the same form).
pub fn insert(conn: &mut PgConnection, new: &NewConsultation<'_>) -> QueryResult<Option<Uuid>> {
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
        .on_conflict((t::request_id, t::act))
        .filter_target(t::act.is_not_null())
        .do_nothing()
        .returning(t::id)
        .get_result(conn)
        .optional()
}

/// A consultation by its reference.
pub fn find(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<ConsultationRow>> {
    t::table
        .find(id)
        .select(ConsultationRow::as_select())
        .first(conn)
        .optional()
}

/// The consultation that answered the act `act` under the request `request_id`, if any.
pub fn find_by_act(
    conn: &mut PgConnection,
    request_id: Uuid,
    act: Uuid,
) -> QueryResult<Option<ConsultationRow>> {
    t::table
        .filter(t::request_id.eq(request_id))
        .filter(t::act.eq(act))
        .select(ConsultationRow::as_select())
        .first(conn)
        .optional()
}

/// Deletes the consultations made at or before `cutoff`.
pub fn purge(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<usize> {
    super::retention::batched(
        conn,
        "DELETE FROM consultations WHERE id IN
             (SELECT id FROM consultations WHERE consulted_at <= $1
               ORDER BY consulted_at LIMIT $2)",
        cutoff,
    )
}
