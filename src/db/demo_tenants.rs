//! The `demo_tenants` table of the main database: the registry of the trainers' demo
//! tenants (name, language, database, clock, start, expiry, who made it), read by every
//! server on every request to a tenant's host, so that all of them see the same tenants and
//! the same clocks. Only this module writes it.
//!
//! Creating, resetting, deleting a tenant and moving its clock happen one at a time for the
//! whole service, under an advisory lock of the main database ([`lock`]); a request never
//! waits for it (it reads the row as it is).

use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_query,
    sql_types::{BigInt, Bool},
};
use uuid::Uuid;

use super::schema::{demo_tenants, staff};
use crate::i18n::Lang;

/// A tenant as every request reads it (its source files apart: see [`sources_of`]).
#[derive(Clone, Debug, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = demo_tenants, check_for_backend(diesel::pg::Pg))]
pub struct DemoTenant {
    /// Its name (the first label of its host).
    pub name: String,
    /// Its language: the default of its pages and of its demo sign-in.
    pub language: Lang,
    /// Its database.
    pub database_name: String,
    /// The instant its world was seeded at (a reset goes back to it).
    pub start_at: DateTime<Utc>,
    /// The instant its clock shows.
    pub clock_at: DateTime<Utc>,
    /// When it is deleted (real time).
    pub expires_at: DateTime<Utc>,
    /// The staff member who made it (`None`: the command line).
    pub created_by: Option<Uuid>,
    /// When it was made (real time).
    pub created_at: DateTime<Utc>,
    /// When it was last reset (real time).
    pub reset_at: Option<DateTime<Utc>>,
}

/// A tenant to register.
#[derive(Clone, Debug, Insertable)]
#[diesel(table_name = demo_tenants)]
pub struct NewDemoTenant<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its language.
    pub language: Lang,
    /// Its database, made and seeded already.
    pub database_name: &'a str,
    /// The instant its world was seeded at (and its clock shows).
    pub start_at: DateTime<Utc>,
    /// The same instant: a new tenant's clock shows its start.
    pub clock_at: DateTime<Utc>,
    /// When it is deleted.
    pub expires_at: DateTime<Utc>,
    /// The trainer's own source files, if any.
    pub sources: Option<serde_json::Value>,
    /// Who made it.
    pub created_by: Option<Uuid>,
    /// When.
    pub created_at: DateTime<Utc>,
    /// The display of the form that made it, if a form did.
    pub form_key: Option<&'a str>,
}

/// The tenant named `name` if the staff member `by` made it with the form display `form_key`
/// (the same form sent again).
pub fn made_by_form(
    conn: &mut PgConnection,
    name: &str,
    by: Uuid,
    form_key: &str,
) -> QueryResult<Option<DemoTenant>> {
    demo_tenants::table
        .find(name)
        .filter(demo_tenants::created_by.eq(by))
        .filter(demo_tenants::form_key.eq(form_key))
        .select(DemoTenant::as_select())
        .first(conn)
        .optional()
}

/// The tenant named `name`, if any (one indexed read: what every request to a tenant's
/// host costs).
pub fn find(conn: &mut PgConnection, name: &str) -> QueryResult<Option<DemoTenant>> {
    demo_tenants::table
        .find(name)
        .select(DemoTenant::as_select())
        .first(conn)
        .optional()
}

/// A tenant as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The tenant.
    pub tenant: DemoTenant,
    /// The name of the staff member who made it.
    pub created_by: Option<String>,
    /// Whether its world is the trainer's own files.
    pub own_sources: bool,
}

/// Every tenant, by name, with the name of the staff member who made it.
pub fn list(conn: &mut PgConnection) -> QueryResult<Vec<Listed>> {
    let rows: Vec<(DemoTenant, Option<String>, bool)> = demo_tenants::table
        .left_join(staff::table)
        .order(demo_tenants::name)
        .select((
            DemoTenant::as_select(),
            staff::display_name.nullable(),
            demo_tenants::sources.is_not_null(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(tenant, created_by, own_sources)| Listed {
            tenant,
            created_by,
            own_sources,
        })
        .collect())
}

/// How many tenants there are.
pub fn count(conn: &mut PgConnection) -> QueryResult<i64> {
    demo_tenants::table.count().get_result(conn)
}

/// The trainer's own source files of the tenant (`None`: the demo world).
pub fn sources_of(conn: &mut PgConnection, name: &str) -> QueryResult<Option<serde_json::Value>> {
    demo_tenants::table
        .find(name)
        .select(demo_tenants::sources)
        .first::<Option<serde_json::Value>>(conn)
        .optional()
        .map(Option::flatten)
}

/// Registers a tenant whose database is ready.
pub fn insert(conn: &mut PgConnection, tenant: &NewDemoTenant<'_>) -> QueryResult<()> {
    diesel::insert_into(demo_tenants::table)
        .values(tenant)
        .execute(conn)
        .map(|_| ())
}

/// Moves the clock of `name` from `from` to `to`; `false` when it no longer shows `from`
/// (moved meanwhile) or the tenant is gone.
pub fn set_clock(
    conn: &mut PgConnection,
    name: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> QueryResult<bool> {
    diesel::update(
        demo_tenants::table
            .find(name)
            .filter(demo_tenants::clock_at.eq(from)),
    )
    .set(demo_tenants::clock_at.eq(to))
    .execute(conn)
    .map(|n| n == 1)
}

/// Puts the reseeded `database` in place of the tenant's, its clock back at its start;
/// returns the database replaced (`None`: the tenant is gone).
pub fn replace_database(
    conn: &mut PgConnection,
    name: &str,
    database: &str,
    now: DateTime<Utc>,
) -> QueryResult<Option<String>> {
    conn.transaction(|conn| {
        let Some(old) = demo_tenants::table
            .find(name)
            .select(demo_tenants::database_name)
            .for_update()
            .first::<String>(conn)
            .optional()?
        else {
            return Ok(None);
        };
        diesel::update(demo_tenants::table.find(name))
            .set((
                demo_tenants::database_name.eq(database),
                demo_tenants::clock_at.eq(demo_tenants::start_at),
                demo_tenants::reset_at.eq(now),
            ))
            .execute(conn)?;
        Ok(Some(old))
    })
}

/// Removes the tenant; returns its database (`None`: there was no such tenant).
pub fn delete(conn: &mut PgConnection, name: &str) -> QueryResult<Option<String>> {
    diesel::delete(demo_tenants::table.find(name))
        .returning(demo_tenants::database_name)
        .get_result(conn)
        .optional()
}

/// The names of the tenants expired at `now`.
pub fn expired(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<Vec<String>> {
    demo_tenants::table
        .filter(demo_tenants::expires_at.le(now))
        .order(demo_tenants::name)
        .select(demo_tenants::name)
        .load(conn)
}

/// Every tenant database the registry names.
pub fn databases(conn: &mut PgConnection) -> QueryResult<Vec<String>> {
    demo_tenants::table
        .select(demo_tenants::database_name)
        .load(conn)
}

/// The advisory lock under which tenants are made, reset, deleted and their clocks moved
/// ("mandtent").
const TENANTS_LOCK: i64 = 0x6d61_6e64_7465_6e74;

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

/// Takes the tenants' lock on this connection, waiting at most `patience` for another
/// server's operation to end; `false` when it did not end in time. Release it with
/// [`unlock`] (or by closing the connection).
pub fn lock(conn: &mut PgConnection, patience: StdDuration) -> QueryResult<bool> {
    let deadline = Instant::now() + patience;
    loop {
        let locked = sql_query("SELECT pg_try_advisory_lock($1) AS locked")
            .bind::<BigInt, _>(TENANTS_LOCK)
            .get_result::<Locked>(conn)?
            .locked;
        if locked {
            return Ok(true);
        }
        if Instant::now() >= deadline {
            return Ok(false);
        }
        std::thread::sleep(StdDuration::from_millis(50));
    }
}

/// Releases the tenants' lock taken by [`lock`] on this connection.
pub fn unlock(conn: &mut PgConnection) -> QueryResult<()> {
    sql_query("SELECT pg_advisory_unlock($1)")
        .bind::<BigInt, _>(TENANTS_LOCK)
        .execute(conn)
        .map(|_| ())
}
