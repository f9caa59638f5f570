//! The company tables: `companies`, `company_members` (who acts for which company, with
//! which role), `terms_acceptances` and `provider_links` (a provider designated by a client
//! company). This module owns their writes; the rules (who may do what) are in
//! [`crate::services::companies`].

use chrono::{DateTime, Utc};
use diesel::{prelude::*, result::DatabaseErrorKind};
use uuid::Uuid;

use super::schema::{companies, company_members, provider_links, terms_acceptances};
use crate::domain::{Bce, CompanyKind, Niss, Role};

/// A company row.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = companies, check_for_backend(diesel::pg::Pg))]
pub struct Company {
    /// Id.
    pub id: Uuid,
    /// Enterprise number.
    pub bce: Bce,
    /// Name.
    pub name: String,
    /// Employer or provider.
    pub kind: CompanyKind,
    /// Contact address.
    pub contact_email: String,
    /// Registered.
    pub created_at: DateTime<Utc>,
    /// Suspended by the back office.
    pub suspended_at: Option<DateTime<Utc>>,
    /// Why.
    pub suspension_reason: Option<String>,
}

impl Company {
    /// The enterprise number formatted `0765.432.146`.
    pub fn bce_formatted(&self) -> String {
        self.bce.formatted()
    }
    /// Whether the back office suspended it.
    pub fn is_suspended(&self) -> bool {
        self.suspended_at.is_some()
    }
}

/// A company by id.
pub fn find(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<Company>> {
    companies::table
        .find(id)
        .select(Company::as_select())
        .first(conn)
        .optional()
}

/// The companies of `ids` (in no particular order).
pub fn find_many(conn: &mut PgConnection, ids: &[Uuid]) -> QueryResult<Vec<Company>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    companies::table
        .filter(companies::id.eq_any(ids))
        .select(Company::as_select())
        .load(conn)
}

/// A company by enterprise number.
pub fn find_by_bce(conn: &mut PgConnection, bce: &Bce) -> QueryResult<Option<Company>> {
    companies::table
        .filter(companies::bce.eq(bce))
        .select(Company::as_select())
        .first(conn)
        .optional()
}

/// Registers a company with its main access manager `by`; `None` when the enterprise
/// number is registered already.
pub fn register(
    conn: &mut PgConnection,
    bce: &Bce,
    name: &str,
    kind: CompanyKind,
    contact_email: &str,
    by: &Niss,
    now: DateTime<Utc>,
) -> QueryResult<Option<Uuid>> {
    conn.transaction(|conn| {
        let inserted = diesel::insert_into(companies::table)
            .values((
                companies::bce.eq(bce),
                companies::name.eq(name),
                companies::kind.eq(kind),
                companies::contact_email.eq(contact_email),
                companies::created_at.eq(now),
            ))
            .returning(companies::id)
            .get_result::<Uuid>(conn);
        let id = match inserted {
            Ok(id) => id,
            Err(diesel::result::Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        diesel::insert_into(company_members::table)
            .values((
                company_members::company_id.eq(id),
                company_members::niss.eq(by),
                company_members::role.eq(Role::MainManager),
                company_members::added_at.eq(now),
            ))
            .execute(conn)?;
        Ok(Some(id))
    })
}

/// Suspends a company that is not suspended (`None` when it is, or does not exist).
pub fn suspend(
    conn: &mut PgConnection,
    id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<Option<Company>> {
    diesel::update(
        companies::table
            .find(id)
            .filter(companies::suspended_at.is_null()),
    )
    .set((
        companies::suspended_at.eq(Some(now)),
        companies::suspension_reason.eq(Some(reason)),
    ))
    .returning(Company::as_returning())
    .get_result(conn)
    .optional()
}

/// Lifts the suspension of a suspended company (`None` when it is not, or does not exist).
pub fn reinstate(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<Company>> {
    diesel::update(
        companies::table
            .find(id)
            .filter(companies::suspended_at.is_not_null()),
    )
    .set((
        companies::suspended_at.eq(None::<DateTime<Utc>>),
        companies::suspension_reason.eq(None::<String>),
    ))
    .returning(Company::as_returning())
    .get_result(conn)
    .optional()
}

/// Records that `by` accepted the terms `version` for the company (once).
pub fn accept_terms(
    conn: &mut PgConnection,
    company_id: Uuid,
    version: &str,
    by: &Niss,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(terms_acceptances::table)
        .values((
            terms_acceptances::company_id.eq(company_id),
            terms_acceptances::terms_version.eq(version),
            terms_acceptances::accepted_by.eq(by.as_str()),
            terms_acceptances::accepted_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .map(|_| ())
}

/// The role of `niss` in the company, if a member.
pub fn role_of(
    conn: &mut PgConnection,
    company_id: Uuid,
    niss: &Niss,
) -> QueryResult<Option<Role>> {
    company_members::table
        .filter(company_members::company_id.eq(company_id))
        .filter(company_members::niss.eq(niss))
        .select(company_members::role)
        .first(conn)
        .optional()
}

/// Whether `niss` is a user of one of `company_ids` (one indexed read).
pub fn is_member_of_any(
    conn: &mut PgConnection,
    company_ids: &[Uuid],
    niss: &Niss,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        company_members::table
            .filter(company_members::company_id.eq_any(company_ids))
            .filter(company_members::niss.eq(niss)),
    ))
    .get_result(conn)
}

/// Every company `niss` belongs to, by name, with the role there and whether the terms
/// `version` are accepted (one query).
pub fn memberships(
    conn: &mut PgConnection,
    niss: &Niss,
    version: &str,
) -> QueryResult<Vec<(Company, Role, bool)>> {
    let rows: Vec<(Company, Role, Option<i64>)> = company_members::table
        .inner_join(companies::table)
        .left_join(
            terms_acceptances::table.on(terms_acceptances::company_id
                .eq(companies::id)
                .and(terms_acceptances::terms_version.eq(version))),
        )
        .filter(company_members::niss.eq(niss))
        .order(companies::name)
        .select((
            Company::as_select(),
            company_members::role,
            terms_acceptances::id.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(company, role, terms)| (company, role, terms.is_some()))
        .collect())
}

/// The members of a company, oldest first: (NISS, role, since).
pub fn members(
    conn: &mut PgConnection,
    company_id: Uuid,
) -> QueryResult<Vec<(Niss, Role, DateTime<Utc>)>> {
    company_members::table
        .filter(company_members::company_id.eq(company_id))
        .order(company_members::added_at)
        .select((
            company_members::niss,
            company_members::role,
            company_members::added_at,
        ))
        .load(conn)
}

/// Adds a member, or changes the role of an existing one.
pub fn upsert_member(
    conn: &mut PgConnection,
    company_id: Uuid,
    niss: &Niss,
    role: Role,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(company_members::table)
        .values((
            company_members::company_id.eq(company_id),
            company_members::niss.eq(niss),
            company_members::role.eq(role),
            company_members::added_at.eq(now),
        ))
        .on_conflict((company_members::company_id, company_members::niss))
        .do_update()
        .set(company_members::role.eq(role))
        .execute(conn)
        .map(|_| ())
}

/// Removes a member; whether there was one.
pub fn remove_member(conn: &mut PgConnection, company_id: Uuid, niss: &Niss) -> QueryResult<bool> {
    diesel::delete(
        company_members::table
            .filter(company_members::company_id.eq(company_id))
            .filter(company_members::niss.eq(niss)),
    )
    .execute(conn)
    .map(|n| n > 0)
}

/// Sets the role of the member `niss` from `from` to `to`; whether it had `from`. The
/// hand-over of the main access manager's role is two of these in one transaction, the
/// old one's first: the database holds one main access manager per company.
pub fn change_role(
    conn: &mut PgConnection,
    company_id: Uuid,
    niss: &Niss,
    from: &[Role],
    to: Role,
) -> QueryResult<bool> {
    diesel::update(
        company_members::table
            .filter(company_members::company_id.eq(company_id))
            .filter(company_members::niss.eq(niss))
            .filter(company_members::role.eq_any(from)),
    )
    .set(company_members::role.eq(to))
    .execute(conn)
    .map(|n| n > 0)
}

/// Makes the main access manager of `company_id`, if any, an access manager; how many.
pub fn demote_main(conn: &mut PgConnection, company_id: Uuid) -> QueryResult<usize> {
    diesel::update(
        company_members::table
            .filter(company_members::company_id.eq(company_id))
            .filter(company_members::role.eq(Role::MainManager)),
    )
    .set(company_members::role.eq(Role::Manager))
    .execute(conn)
}

/// The clients of `provider_id` whose designation is active, joined to their links.
#[diesel::dsl::auto_type]
fn active_clients(provider_id: Uuid) -> _ {
    provider_links::table
        .inner_join(companies::table.on(companies::id.eq(provider_links::client_id)))
        .filter(provider_links::provider_id.eq(provider_id))
        .filter(provider_links::ended_at.is_null())
}

/// The client `client_id` of `provider_id`, if its designation is active.
pub fn active_client(
    conn: &mut PgConnection,
    provider_id: Uuid,
    client_id: Uuid,
) -> QueryResult<Option<Company>> {
    active_clients(provider_id)
        .filter(provider_links::client_id.eq(client_id))
        .select(Company::as_select())
        .first(conn)
        .optional()
}

/// The client with enterprise number `bce` of `provider_id`, if its designation is active.
pub fn active_client_by_bce(
    conn: &mut PgConnection,
    provider_id: Uuid,
    bce: &Bce,
) -> QueryResult<Option<Company>> {
    active_clients(provider_id)
        .filter(companies::bce.eq(bce))
        .select(Company::as_select())
        .first(conn)
        .optional()
}

/// The active clients of a provider, by name.
pub fn clients_of(conn: &mut PgConnection, provider_id: Uuid) -> QueryResult<Vec<Company>> {
    active_clients(provider_id)
        .order(companies::name)
        .select(Company::as_select())
        .load(conn)
}

/// The active providers of a company, by name: (link id, since, provider).
pub fn providers_of(
    conn: &mut PgConnection,
    client_id: Uuid,
) -> QueryResult<Vec<(Uuid, DateTime<Utc>, Company)>> {
    provider_links::table
        .inner_join(companies::table.on(companies::id.eq(provider_links::provider_id)))
        .filter(provider_links::client_id.eq(client_id))
        .filter(provider_links::ended_at.is_null())
        .order(companies::name)
        .select((
            provider_links::id,
            provider_links::created_at,
            Company::as_select(),
        ))
        .load(conn)
}

/// Designates `provider_id` for `client_id` (nothing when already active).
pub fn designate_provider(
    conn: &mut PgConnection,
    client_id: Uuid,
    provider_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(provider_links::table)
        .values((
            provider_links::client_id.eq(client_id),
            provider_links::provider_id.eq(provider_id),
            provider_links::created_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .map(|_| ())
}

/// Whether `link_id` is a designation (active or ended) of company `client_id`.
pub fn provider_link_exists(
    conn: &mut PgConnection,
    client_id: Uuid,
    link_id: Uuid,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        provider_links::table
            .filter(provider_links::id.eq(link_id))
            .filter(provider_links::client_id.eq(client_id)),
    ))
    .get_result(conn)
}

/// Ends the active designation `link_id` of `client_id`; whether there was one.
pub fn end_provider(
    conn: &mut PgConnection,
    client_id: Uuid,
    link_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    diesel::update(
        provider_links::table
            .filter(provider_links::id.eq(link_id))
            .filter(provider_links::client_id.eq(client_id))
            .filter(provider_links::ended_at.is_null()),
    )
    .set(provider_links::ended_at.eq(now))
    .execute(conn)
    .map(|n| n > 0)
}
