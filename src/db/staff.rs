//! The `staff` table: the persons who work in the back office, by NISS, with their role.
//! A removed member keeps their row (`removed_at` set) and name: the audit and the
//! requests' histories refer to it; their NISS, needed only to sign in, is erased by the
//! purge ([`forget_removed`]).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::schema::staff;
use crate::domain::{Niss, StaffRole};

/// An active staff member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffMember {
    /// Row id (the audit refers to it).
    pub id: Uuid,
    /// Their NISS.
    pub niss: Niss,
    /// Name shown.
    pub display_name: String,
    /// Role.
    pub role: StaffRole,
    /// Since when.
    pub created_at: DateTime<Utc>,
}

type Row = (Uuid, Option<String>, String, String, DateTime<Utc>);

fn columns() -> (
    staff::id,
    staff::niss,
    staff::display_name,
    staff::role,
    staff::created_at,
) {
    (
        staff::id,
        staff::niss,
        staff::display_name,
        staff::role,
        staff::created_at,
    )
}

fn member((id, niss, display_name, role, created_at): Row) -> QueryResult<StaffMember> {
    let bad = |what: String| diesel::result::Error::DeserializationError(what.into());
    Ok(StaffMember {
        id,
        niss: niss
            .as_deref()
            .and_then(|n| Niss::parse(n).ok())
            .ok_or_else(|| bad(format!("staff member {id} without a valid NISS")))?,
        display_name,
        role: StaffRole::parse(&role)
            .ok_or_else(|| bad(format!("unknown staff role {role:?} in the database")))?,
        created_at,
    })
}

/// The active staff member with this NISS, if any (one indexed read: every back-office
/// request makes it, so that a change of role or a removal counts at once).
pub fn active_by_niss(conn: &mut PgConnection, niss: &Niss) -> QueryResult<Option<StaffMember>> {
    active_one(
        conn,
        staff::table
            .filter(staff::niss.eq(niss.as_str()))
            .into_boxed(),
    )
}

/// The active staff member with this id, if any.
pub fn active_by_id(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<StaffMember>> {
    active_one(conn, staff::table.filter(staff::id.eq(id)).into_boxed())
}

/// The one active staff member among the rows of `rows`, if any.
fn active_one(
    conn: &mut PgConnection,
    rows: staff::BoxedQuery<'_, diesel::pg::Pg>,
) -> QueryResult<Option<StaffMember>> {
    rows.filter(staff::removed_at.is_null())
        .select(columns())
        .first::<Row>(conn)
        .optional()?
        .map(member)
        .transpose()
}

/// Every active staff member, by name.
pub fn active(conn: &mut PgConnection) -> QueryResult<Vec<StaffMember>> {
    staff::table
        .filter(staff::removed_at.is_null())
        .filter(staff::niss.is_not_null())
        .order((staff::display_name, staff::id))
        .select(columns())
        .load::<Row>(conn)?
        .into_iter()
        .map(member)
        .collect()
}

/// Adds an active member; `None` when this NISS is staff already.
pub fn add(
    conn: &mut PgConnection,
    niss: &Niss,
    display_name: &str,
    role: StaffRole,
    now: DateTime<Utc>,
) -> QueryResult<Option<Uuid>> {
    diesel::insert_into(staff::table)
        .values((
            staff::niss.eq(niss.as_str()),
            staff::display_name.eq(display_name),
            staff::role.eq(role.as_str()),
            staff::created_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .returning(staff::id)
        .get_result(conn)
        .optional()
}

/// Sets an active member's role and name (the demo seed); adds them when missing.
pub fn upsert(
    conn: &mut PgConnection,
    niss: &Niss,
    display_name: &str,
    role: StaffRole,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    let updated = diesel::update(
        staff::table
            .filter(staff::niss.eq(niss.as_str()))
            .filter(staff::removed_at.is_null()),
    )
    .set((
        staff::display_name.eq(display_name),
        staff::role.eq(role.as_str()),
    ))
    .execute(conn)?;
    if updated > 0 {
        return Ok(updated);
    }
    Ok(add(conn, niss, display_name, role, now)?.map_or(0, |_| 1))
}

/// Changes an active member's role. Returns whether there was one.
pub fn set_role(conn: &mut PgConnection, id: Uuid, role: StaffRole) -> QueryResult<bool> {
    diesel::update(
        staff::table
            .filter(staff::id.eq(id))
            .filter(staff::removed_at.is_null()),
    )
    .set(staff::role.eq(role.as_str()))
    .execute(conn)
    .map(|n| n == 1)
}

/// Removes an active member at `now`. Returns whether there was one.
pub fn remove(conn: &mut PgConnection, id: Uuid, now: DateTime<Utc>) -> QueryResult<bool> {
    diesel::update(
        staff::table
            .filter(staff::id.eq(id))
            .filter(staff::removed_at.is_null()),
    )
    .set(staff::removed_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}

/// Active supervisors (a supervisor cannot remove or demote the last one).
pub fn count_supervisors(conn: &mut PgConnection) -> QueryResult<i64> {
    staff::table
        .filter(staff::removed_at.is_null())
        .filter(staff::role.eq(StaffRole::Supervisor.as_str()))
        .count()
        .get_result(conn)
}

/// Erases the NISS of the members removed at or before `cutoff` (the staff audit of their
/// actions is gone by then); their name stays, for the histories that name who acted.
/// Returns how many.
pub fn forget_removed(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<usize> {
    diesel::update(
        staff::table
            .filter(staff::removed_at.le(cutoff))
            .filter(staff::niss.is_not_null()),
    )
    .set(staff::niss.eq(None::<String>))
    .execute(conn)
}
