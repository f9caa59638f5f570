//! Companies: registration, terms of use, users and roles, social service providers, and
//! the resolution of "who acts for which company" on every request.

use chrono::{DateTime, Utc};
use diesel::{prelude::*, result::DatabaseErrorKind};
use uuid::Uuid;

use super::{FieldErrors, Refusal, ServiceError};
use crate::{
    db::schema::{companies, company_members, provider_links, terms_acceptances},
    domain::{Bce, Email, Niss},
    sources::AuthenticSources,
};

/// The version of the terms of use in force (its text is in the locales, per version).
pub const TERMS_VERSION: &str = "2025-01";

/// Employer or social service provider.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompanyKind {
    /// An employer.
    Employer,
    /// A social service provider (secrétariat social) acting for client companies.
    Provider,
}

impl CompanyKind {
    /// Stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            CompanyKind::Employer => "employer",
            CompanyKind::Provider => "provider",
        }
    }
    /// Parses the stored value.
    pub fn parse(s: &str) -> Option<CompanyKind> {
        match s {
            "employer" => Some(CompanyKind::Employer),
            "provider" => Some(CompanyKind::Provider),
            _ => None,
        }
    }
}

/// A member's role.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// The main access manager (who registered the company).
    MainManager,
    /// An access manager: manages users and providers.
    Manager,
    /// A user: creates and follows requests.
    User,
}

impl Role {
    /// Stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::MainManager => "main_manager",
            Role::Manager => "manager",
            Role::User => "user",
        }
    }
    /// Parses the stored value.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "main_manager" => Some(Role::MainManager),
            "manager" => Some(Role::Manager),
            "user" => Some(Role::User),
            _ => None,
        }
    }
    /// Whether this role manages users and providers.
    pub fn is_manager(self) -> bool {
        matches!(self, Role::MainManager | Role::Manager)
    }
}

/// A company row.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = companies, check_for_backend(diesel::pg::Pg))]
pub struct Company {
    /// Id.
    pub id: Uuid,
    /// Enterprise number (10 digits).
    pub bce: String,
    /// Name.
    pub name: String,
    /// employer or provider.
    pub kind: String,
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
    /// The kind, parsed.
    pub fn kind(&self) -> CompanyKind {
        CompanyKind::parse(&self.kind).unwrap_or(CompanyKind::Employer)
    }
    /// The enterprise number formatted `0765.432.146`.
    pub fn bce_formatted(&self) -> String {
        Bce::parse(&self.bce)
            .map(|b| b.formatted())
            .unwrap_or_else(|_| self.bce.clone())
    }
}

/// One company a person belongs to.
#[derive(Clone, Debug)]
pub struct Membership {
    /// The company.
    pub company: Company,
    /// The person's role there.
    pub role: Role,
    /// Whether the terms in force were accepted.
    pub terms_accepted: bool,
}

/// Input of the registration form (raw, as typed).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct RegistrationInput {
    /// Enterprise number.
    #[serde(default)]
    pub bce: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// `employer` or `provider`.
    #[serde(default)]
    pub kind: String,
    /// Contact e-mail.
    #[serde(default)]
    pub contact_email: String,
}

/// Registers a company; the person registering becomes its main access manager.
pub fn register(
    conn: &mut PgConnection,
    by: &Niss,
    input: &RegistrationInput,
    now: DateTime<Utc>,
) -> Result<Uuid, ServiceError> {
    let mut errors = FieldErrors::new();
    let bce = Bce::parse(&input.bce)
        .map_err(|e| errors.insert("bce", e.message_key()))
        .ok();
    let name = input.name.trim();
    if name.is_empty() {
        errors.insert("name", "company-error-name-empty");
    } else if name.chars().count() > 200 {
        errors.insert("name", "company-error-name-long");
    }
    let kind = CompanyKind::parse(&input.kind);
    if kind.is_none() {
        errors.insert("kind", "company-error-kind");
    }
    let email = Email::parse(&input.contact_email)
        .map_err(|e| errors.insert("contact_email", e.message_key()))
        .ok();
    let (Some(bce), Some(kind), Some(email)) = (bce, kind, email) else {
        return Err(ServiceError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    conn.transaction(|conn| {
        let inserted = diesel::insert_into(companies::table)
            .values((
                companies::bce.eq(bce.as_str()),
                companies::name.eq(name),
                companies::kind.eq(kind.as_str()),
                companies::contact_email.eq(email.as_str()),
                companies::created_at.eq(now),
            ))
            .returning(companies::id)
            .get_result::<Uuid>(conn);
        let id = match inserted {
            Ok(id) => id,
            Err(diesel::result::Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                return Err(ServiceError::field("bce", "company-error-bce-taken"));
            }
            Err(e) => return Err(e.into()),
        };
        diesel::insert_into(company_members::table)
            .values((
                company_members::company_id.eq(id),
                company_members::niss.eq(by.as_str()),
                company_members::role.eq(Role::MainManager.as_str()),
                company_members::added_at.eq(now),
            ))
            .execute(conn)?;
        Ok(id)
    })
}

/// Records that `by` (the main access manager) accepted the terms in force.
pub fn accept_terms(
    conn: &mut PgConnection,
    company_id: Uuid,
    by: &Niss,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let role = role_of(conn, company_id, by)?.ok_or(ServiceError::NotFound)?;
    if role != Role::MainManager {
        return Err(ServiceError::Forbidden);
    }
    diesel::insert_into(terms_acceptances::table)
        .values((
            terms_acceptances::company_id.eq(company_id),
            terms_acceptances::terms_version.eq(TERMS_VERSION),
            terms_acceptances::accepted_by.eq(by.as_str()),
            terms_acceptances::accepted_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(())
}

fn role_of(conn: &mut PgConnection, company_id: Uuid, niss: &Niss) -> QueryResult<Option<Role>> {
    Ok(company_members::table
        .filter(company_members::company_id.eq(company_id))
        .filter(company_members::niss.eq(niss.as_str()))
        .select(company_members::role)
        .first::<String>(conn)
        .optional()?
        .and_then(|r| Role::parse(&r)))
}

/// Every company the person belongs to, by name, with the terms status (one query).
pub fn memberships(conn: &mut PgConnection, niss: &Niss) -> QueryResult<Vec<Membership>> {
    let rows: Vec<(Company, String, Option<i64>)> = company_members::table
        .inner_join(companies::table)
        .left_join(
            terms_acceptances::table.on(terms_acceptances::company_id
                .eq(companies::id)
                .and(terms_acceptances::terms_version.eq(TERMS_VERSION))),
        )
        .filter(company_members::niss.eq(niss.as_str()))
        .order(companies::name)
        .select((
            Company::as_select(),
            company_members::role,
            terms_acceptances::id.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(company, role, terms)| Membership {
            company,
            role: Role::parse(&role).unwrap_or(Role::User),
            terms_accepted: terms.is_some(),
        })
        .collect())
}

/// A company by id.
pub fn find(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<Company>> {
    companies::table
        .find(id)
        .select(Company::as_select())
        .first(conn)
        .optional()
}

/// A company by enterprise number.
pub fn find_by_bce(conn: &mut PgConnection, bce: &Bce) -> QueryResult<Option<Company>> {
    companies::table
        .filter(companies::bce.eq(bce.as_str()))
        .select(Company::as_select())
        .first(conn)
        .optional()
}

/// Who acts, for which company, resolved and checked on every request.
#[derive(Clone, Debug)]
pub struct CompanyCtx {
    /// The user.
    pub user: Niss,
    /// The company the user works for (an employer, or a provider).
    pub company: Company,
    /// The user's role there.
    pub role: Role,
    /// For a provider's user: the client company it acts for.
    pub client: Option<Company>,
}

impl CompanyCtx {
    /// The company requests are for: the client when a provider acts, else the company.
    pub fn principal_company(&self) -> &Company {
        self.client.as_ref().unwrap_or(&self.company)
    }
    /// The acting provider, if any.
    pub fn provider(&self) -> Option<&Company> {
        self.client.as_ref().map(|_| &self.company)
    }
    /// Whether the user may manage users and providers.
    pub fn is_manager(&self) -> bool {
        self.role.is_manager()
    }
}

/// Why the company context could not be resolved: what the user must do first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextGap {
    /// Belongs to no company: register one.
    NoCompany,
    /// Belongs to several and chose none (or a stale choice): choose.
    ChooseCompany,
    /// The terms in force are not accepted yet.
    TermsPending,
    /// A provider's user who has not chosen a client.
    ChooseClient,
}

/// Resolves the context from the session's choices, checking membership, terms and the
/// provider link every time (a removed user or an ended link loses access at once).
pub fn resolve(
    conn: &mut PgConnection,
    user: &Niss,
    chosen: Option<Uuid>,
    client: Option<Uuid>,
) -> Result<Result<CompanyCtx, ContextGap>, ServiceError> {
    let memberships = memberships(conn, user)?;
    let membership = match (chosen, memberships.len()) {
        (_, 0) => return Ok(Err(ContextGap::NoCompany)),
        (Some(id), _) => match memberships.into_iter().find(|m| m.company.id == id) {
            Some(m) => m,
            None => return Ok(Err(ContextGap::ChooseCompany)),
        },
        (None, 1) => memberships
            .into_iter()
            .next()
            .ok_or(ServiceError::NotFound)?,
        (None, _) => return Ok(Err(ContextGap::ChooseCompany)),
    };
    if !membership.terms_accepted {
        return Ok(Err(ContextGap::TermsPending));
    }
    let client = if membership.company.kind() == CompanyKind::Provider {
        let Some(client_id) = client else {
            return Ok(Err(ContextGap::ChooseClient));
        };
        match active_client(conn, membership.company.id, client_id)? {
            Some(c) => Some(c),
            None => return Ok(Err(ContextGap::ChooseClient)),
        }
    } else {
        None
    };
    Ok(Ok(CompanyCtx {
        user: user.clone(),
        company: membership.company,
        role: membership.role,
        client,
    }))
}

/// The client `client_id` of `provider_id`, if the link is active.
fn active_client(
    conn: &mut PgConnection,
    provider_id: Uuid,
    client_id: Uuid,
) -> QueryResult<Option<Company>> {
    provider_links::table
        .inner_join(companies::table.on(companies::id.eq(provider_links::client_id)))
        .filter(provider_links::provider_id.eq(provider_id))
        .filter(provider_links::client_id.eq(client_id))
        .filter(provider_links::ended_at.is_null())
        .select(Company::as_select())
        .first(conn)
        .optional()
}

/// The active clients of a provider, by name.
pub fn clients_of(conn: &mut PgConnection, provider_id: Uuid) -> QueryResult<Vec<Company>> {
    provider_links::table
        .inner_join(companies::table.on(companies::id.eq(provider_links::client_id)))
        .filter(provider_links::provider_id.eq(provider_id))
        .filter(provider_links::ended_at.is_null())
        .order(companies::name)
        .select(Company::as_select())
        .load(conn)
}

/// A provider designated by a company.
#[derive(Clone, Debug)]
pub struct ProviderLink {
    /// The link's id.
    pub id: Uuid,
    /// The provider.
    pub provider: Company,
    /// Since.
    pub created_at: DateTime<Utc>,
}

/// The active providers of a company.
pub fn providers_of(conn: &mut PgConnection, client_id: Uuid) -> QueryResult<Vec<ProviderLink>> {
    let rows: Vec<(Uuid, DateTime<Utc>, Company)> = provider_links::table
        .inner_join(companies::table.on(companies::id.eq(provider_links::provider_id)))
        .filter(provider_links::client_id.eq(client_id))
        .filter(provider_links::ended_at.is_null())
        .order(companies::name)
        .select((
            provider_links::id,
            provider_links::created_at,
            Company::as_select(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, created_at, provider)| ProviderLink {
            id,
            provider,
            created_at,
        })
        .collect())
}

fn require_manager(ctx: &CompanyCtx) -> Result<(), ServiceError> {
    // A provider acting for a client manages nothing of the client's.
    if ctx.is_manager() && ctx.client.is_none() {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

/// Designates the provider with enterprise number `bce` to act for the context's company.
pub fn designate_provider(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    bce: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_manager(ctx)?;
    let bce = Bce::parse(bce).map_err(|e| ServiceError::field("bce", e.message_key()))?;
    let provider = find_by_bce(conn, &bce)?
        .filter(|c| c.kind() == CompanyKind::Provider)
        .ok_or_else(|| ServiceError::field("bce", "provider-error-unknown"))?;
    if provider.id == ctx.company.id {
        return Err(ServiceError::field("bce", "provider-error-self"));
    }
    diesel::insert_into(provider_links::table)
        .values((
            provider_links::client_id.eq(ctx.company.id),
            provider_links::provider_id.eq(provider.id),
            provider_links::created_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(())
}

/// Ends a provider's designation.
pub fn end_provider(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    link_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_manager(ctx)?;
    let n = diesel::update(
        provider_links::table
            .filter(provider_links::id.eq(link_id))
            .filter(provider_links::client_id.eq(ctx.company.id))
            .filter(provider_links::ended_at.is_null()),
    )
    .set(provider_links::ended_at.eq(now))
    .execute(conn)?;
    if n == 0 {
        return Err(ServiceError::NotFound);
    }
    Ok(())
}

/// A member as listed to managers.
#[derive(Clone, Debug)]
pub struct Member {
    /// NISS.
    pub niss: Niss,
    /// Name from the national register, if known.
    pub name: Option<String>,
    /// Role.
    pub role: Role,
    /// Since.
    pub added_at: DateTime<Utc>,
}

/// The members of the context's company (managers only), with their names from the
/// national register.
pub fn members(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    ctx: &CompanyCtx,
) -> Result<Vec<Member>, ServiceError> {
    require_manager(ctx)?;
    let rows: Vec<(Niss, String, DateTime<Utc>)> = company_members::table
        .filter(company_members::company_id.eq(ctx.company.id))
        .order(company_members::added_at)
        .select((
            company_members::niss,
            company_members::role,
            company_members::added_at,
        ))
        .load(conn)?;
    let niss: Vec<Niss> = rows.iter().map(|(n, _, _)| n.clone()).collect();
    let people = sources.people(conn, &niss)?;
    rows.into_iter()
        .map(|(niss, role, added_at)| {
            let name = people
                .iter()
                .find(|p| p.niss == niss)
                .map(|p| format!("{} {}", p.first_name, p.last_name));
            Ok(Member {
                role: Role::parse(&role)
                    .ok_or_else(|| anyhow::anyhow!("unknown role {role:?} in the database"))?,
                niss,
                name,
                added_at,
            })
        })
        .collect()
}

/// Adds (or changes the role of) a member, by NISS.
pub fn add_member(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    niss: &str,
    role: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_manager(ctx)?;
    let mut errors = FieldErrors::new();
    let niss = Niss::parse(niss)
        .map_err(|e| errors.insert("niss", e.message_key()))
        .ok();
    let role = match role {
        "manager" => Some(Role::Manager),
        "user" => Some(Role::User),
        _ => {
            errors.insert("role", "member-error-role");
            None
        }
    };
    let (Some(niss), Some(role)) = (niss, role) else {
        return Err(ServiceError::Invalid(errors));
    };
    if niss == ctx.user {
        return Err(ServiceError::field("niss", "member-error-self"));
    }
    let existing = role_of(conn, ctx.company.id, &niss)?;
    if existing == Some(Role::MainManager) {
        return Err(ServiceError::field("niss", "member-error-main"));
    }
    diesel::insert_into(company_members::table)
        .values((
            company_members::company_id.eq(ctx.company.id),
            company_members::niss.eq(niss.as_str()),
            company_members::role.eq(role.as_str()),
            company_members::added_at.eq(now),
        ))
        .on_conflict((company_members::company_id, company_members::niss))
        .do_update()
        .set(company_members::role.eq(role.as_str()))
        .execute(conn)?;
    Ok(())
}

/// Removes a member (not oneself, not the main access manager).
pub fn remove_member(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    niss: &str,
) -> Result<(), ServiceError> {
    require_manager(ctx)?;
    let niss = Niss::parse(niss).map_err(|_| ServiceError::NotFound)?;
    if niss == ctx.user {
        return Err(Refusal::MemberSelf.into());
    }
    match role_of(conn, ctx.company.id, &niss)? {
        None => Err(ServiceError::NotFound),
        Some(Role::MainManager) => Err(Refusal::MemberMain.into()),
        Some(_) => {
            diesel::delete(
                company_members::table
                    .filter(company_members::company_id.eq(ctx.company.id))
                    .filter(company_members::niss.eq(niss.as_str())),
            )
            .execute(conn)?;
            Ok(())
        }
    }
}
