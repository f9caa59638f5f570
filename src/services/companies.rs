//! Companies: registration, terms of use, users and roles, social service providers, and
//! the resolution of "who acts for which company" on every request.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::{FieldErrors, Refusal, ServiceError};
pub use crate::db::companies::Company;
use crate::{
    db::companies as db,
    domain::{Bce, CompanyKind, Email, FreeText, Niss, Role},
    sources::AuthenticSources,
};

/// The version of the terms of use in force (its text is in the locales, per version).
pub const TERMS_VERSION: &str = "2025-01";

/// Longest company name, in characters.
pub const NAME_MAX: usize = 200;

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
    let name = FreeText::parse(&input.name, NAME_MAX)
        .map_err(|e| {
            errors.insert(
                "name",
                e.message_key("company-error-name-empty", "company-error-name-long"),
            )
        })
        .ok();
    let kind = CompanyKind::parse(&input.kind);
    if kind.is_none() {
        errors.insert("kind", "company-error-kind");
    }
    let email = Email::parse(&input.contact_email)
        .map_err(|e| errors.insert("contact_email", e.message_key()))
        .ok();
    let (Some(bce), Some(name), Some(kind), Some(email)) = (bce, name, kind, email) else {
        return Err(ServiceError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    if let Some(id) = db::register(conn, &bce, name.as_str(), kind, email.as_str(), by, now)? {
        return Ok(id);
    }
    // Registered already: by this person (the same form sent twice, a reload), it is
    // theirs, as asked; by anybody else, the number is taken.
    match db::find_by_bce(conn, &bce)? {
        Some(company) if db::role_of(conn, company.id, by)? == Some(Role::MainManager) => {
            Ok(company.id)
        }
        _ => Err(ServiceError::field("bce", "company-error-bce-taken")),
    }
}

/// Records that `by` (the main access manager) accepted the terms in force.
pub fn accept_terms(
    conn: &mut PgConnection,
    company_id: Uuid,
    by: &Niss,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let role = db::role_of(conn, company_id, by)?.ok_or(ServiceError::NotFound)?;
    if role != Role::MainManager {
        return Err(ServiceError::Forbidden);
    }
    db::accept_terms(conn, company_id, TERMS_VERSION, by, now)?;
    Ok(())
}

/// Every company the person belongs to, by name, with the terms status (one query).
pub fn memberships(conn: &mut PgConnection, niss: &Niss) -> QueryResult<Vec<Membership>> {
    Ok(db::memberships(conn, niss, TERMS_VERSION)?
        .into_iter()
        .map(|(company, role, terms_accepted)| Membership {
            company,
            role,
            terms_accepted,
        })
        .collect())
}

/// A company by id.
pub fn find(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<Company>> {
    db::find(conn, id)
}

/// A company by enterprise number.
pub fn find_by_bce(conn: &mut PgConnection, bce: &Bce) -> QueryResult<Option<Company>> {
    db::find_by_bce(conn, bce)
}

/// Where an access is for: the company, and the provider acting for it.
#[derive(Clone, Debug)]
pub struct Scope {
    /// The company the access is for.
    pub company_id: Uuid,
    /// The provider acting on its behalf; a provider sees only what it created.
    pub provider_id: Option<Uuid>,
}

impl Scope {
    /// The scope of a company user's context.
    pub fn of(ctx: &CompanyCtx) -> Scope {
        Scope {
            company_id: ctx.principal_company().id,
            provider_id: ctx.provider().map(|p| p.id),
        }
    }
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
    /// Whether the user manages the company's own users, providers and API clients: a
    /// manager, not a provider's user acting for a client (who manages nothing of the
    /// client's).
    pub fn manages_own_company(&self) -> bool {
        self.is_manager() && self.client.is_none()
    }
    /// Forbidden unless the user [manages the company's own](Self::manages_own_company).
    pub fn require_manager(&self) -> Result<(), ServiceError> {
        forbidden_unless(self.manages_own_company())
    }
    /// Forbidden unless the user is the company's own main access manager (not acting for a
    /// client).
    pub fn require_main_manager(&self) -> Result<(), ServiceError> {
        forbidden_unless(self.role == Role::MainManager && self.client.is_none())
    }
}

fn forbidden_unless(allowed: bool) -> Result<(), ServiceError> {
    if allowed {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
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

/// For whom a page acts.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ActingFor {
    /// The company requests are for: a provider's user must have chosen a client.
    Principal,
    /// The user's own company, a provider included (its API access): no client.
    Own,
}

/// Resolves the context from the session's choices, checking membership, terms and the
/// provider link every time (a removed user or an ended link loses access at once).
pub fn resolve(
    conn: &mut PgConnection,
    user: &Niss,
    chosen: Option<Uuid>,
    client: Option<Uuid>,
) -> Result<Result<CompanyCtx, ContextGap>, ServiceError> {
    resolve_for(conn, user, chosen, client, ActingFor::Principal)
}

/// [`resolve`], acting for the principal company or for the user's own company.
pub fn resolve_for(
    conn: &mut PgConnection,
    user: &Niss,
    chosen: Option<Uuid>,
    client: Option<Uuid>,
    acting: ActingFor,
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
    let client =
        if membership.company.kind == CompanyKind::Provider && acting == ActingFor::Principal {
            let Some(client_id) = client else {
                return Ok(Err(ContextGap::ChooseClient));
            };
            match db::active_client(conn, membership.company.id, client_id)? {
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

/// The active clients of a provider, by name.
pub fn clients_of(conn: &mut PgConnection, provider_id: Uuid) -> QueryResult<Vec<Company>> {
    db::clients_of(conn, provider_id)
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
    Ok(db::providers_of(conn, client_id)?
        .into_iter()
        .map(|(id, created_at, provider)| ProviderLink {
            id,
            provider,
            created_at,
        })
        .collect())
}

/// Designates the provider with enterprise number `bce` to act for the context's company.
pub fn designate_provider(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    bce: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    ctx.require_manager()?;
    let bce = Bce::parse(bce).map_err(|e| ServiceError::field("bce", e.message_key()))?;
    let provider = db::find_by_bce(conn, &bce)?
        .filter(|c| c.kind == CompanyKind::Provider)
        .ok_or_else(|| ServiceError::field("bce", "provider-error-unknown"))?;
    if provider.id == ctx.company.id {
        return Err(ServiceError::field("bce", "provider-error-self"));
    }
    db::designate_provider(conn, ctx.company.id, provider.id, now)?;
    Ok(())
}

/// Ends a provider's designation (one ended already stays as it is).
pub fn end_provider(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    link_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    ctx.require_manager()?;
    // A designation ended already (the same form sent twice) is as asked.
    if db::end_provider(conn, ctx.company.id, link_id, now)?
        || db::provider_link_exists(conn, ctx.company.id, link_id)?
    {
        Ok(())
    } else {
        Err(ServiceError::NotFound)
    }
}

/// The active designation `link_id` of the context's company (managers only), which
/// [`end_provider`] would end, changing nothing: what its confirmation names.
pub fn provider_link(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    link_id: Uuid,
) -> Result<ProviderLink, ServiceError> {
    ctx.require_manager()?;
    providers_of(conn, ctx.company.id)?
        .into_iter()
        .find(|l| l.id == link_id)
        .ok_or(ServiceError::NotFound)
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
    ctx.require_manager()?;
    Ok(company_members(conn, sources, ctx.company.id)?)
}

/// The members of company `company_id`, with their names from the national register
/// (for its managers, through [`members`], and for the back office).
pub fn company_members(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    company_id: Uuid,
) -> QueryResult<Vec<Member>> {
    let rows = db::members(conn, company_id)?;
    let niss: Vec<Niss> = rows.iter().map(|(n, _, _)| n.clone()).collect();
    let people = sources.people(conn, &niss)?;
    Ok(rows
        .into_iter()
        .map(|(niss, role, added_at)| {
            let name = people
                .iter()
                .find(|p| p.niss == niss)
                .map(|p| format!("{} {}", p.first_name, p.last_name));
            Member {
                niss,
                name,
                role,
                added_at,
            }
        })
        .collect())
}

/// What [`add_member`] did.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum MemberChange {
    /// The person was not a member: added with the role.
    Added,
    /// A member with another role: the role changed.
    RoleChanged,
    /// A member with that role already: nothing changed.
    Unchanged,
}

/// Adds (or changes the role of) a member, by NISS.
pub fn add_member(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    niss: &str,
    role: &str,
    now: DateTime<Utc>,
) -> Result<MemberChange, ServiceError> {
    ctx.require_manager()?;
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
    let existing = db::role_of(conn, ctx.company.id, &niss)?;
    if existing == Some(Role::MainManager) {
        return Err(ServiceError::field("niss", "member-error-main"));
    }
    let change = match existing {
        None => MemberChange::Added,
        Some(had) if had == role => return Ok(MemberChange::Unchanged),
        Some(_) => MemberChange::RoleChanged,
    };
    db::upsert_member(conn, ctx.company.id, &niss, role, now)?;
    Ok(change)
}

/// Another member's NISS, as a form gives it: not found when it is not a NISS, refused
/// when it is the user's own (no one removes themself or hands a role to themself).
fn other_niss(ctx: &CompanyCtx, niss: &str) -> Result<Niss, ServiceError> {
    let niss = Niss::parse(niss).map_err(|_| ServiceError::NotFound)?;
    if niss == ctx.user {
        return Err(Refusal::MemberSelf.into());
    }
    Ok(niss)
}

/// Another member of the user's company, with their name: what a confirmation names.
fn other_member(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    ctx: &CompanyCtx,
    niss: &str,
) -> Result<Member, ServiceError> {
    let niss = other_niss(ctx, niss)?;
    members(conn, sources, ctx)?
        .into_iter()
        .find(|m| m.niss == niss)
        .ok_or(ServiceError::NotFound)
}

/// The member that [`remove_member`] would remove, with the same checks and changing
/// nothing: what its confirmation names.
pub fn member_to_remove(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    ctx: &CompanyCtx,
    niss: &str,
) -> Result<Member, ServiceError> {
    ctx.require_manager()?;
    let member = other_member(conn, sources, ctx, niss)?;
    if member.role == Role::MainManager {
        return Err(Refusal::MemberMain.into());
    }
    Ok(member)
}

/// The member [`hand_over_main`] would make the main access manager, with the same
/// checks and changing nothing: what its confirmation names.
pub fn successor(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    ctx: &CompanyCtx,
    niss: &str,
) -> Result<Member, ServiceError> {
    ctx.require_main_manager()?;
    other_member(conn, sources, ctx, niss)
}

/// The main access manager hands the role to another member, and stays an access
/// manager (the one who accepts the terms and the API's circle of trust is then the
/// other). Refused to anyone else, and to a main access manager who handed it over
/// meanwhile.
pub fn hand_over_main(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    niss: &str,
) -> Result<(), ServiceError> {
    let niss = other_niss(ctx, niss)?;
    let company = ctx.company.id;
    // Sent again once done (a double click, a reload): the member is the main access
    // manager, and the user who handed the role over one of the managers.
    if ctx.manages_own_company()
        && ctx.role == Role::Manager
        && db::role_of(conn, company, &niss)? == Some(Role::MainManager)
    {
        return Ok(());
    }
    ctx.require_main_manager()?;
    conn.transaction(|conn| {
        if !db::change_role(
            conn,
            company,
            &ctx.user,
            &[Role::MainManager],
            Role::Manager,
        )? {
            return Err(ServiceError::Forbidden);
        }
        if !db::change_role(
            conn,
            company,
            &niss,
            &[Role::Manager, Role::User],
            Role::MainManager,
        )? {
            return Err(ServiceError::NotFound);
        }
        Ok(())
    })
}

/// Makes `niss` the main access manager of company `company_id`, and the former one, if
/// any, an access manager (a person not yet a member becomes one): the back office's
/// appointment, inside its transaction. `false` when `niss` is its main access manager
/// already.
pub fn appoint_main(
    conn: &mut PgConnection,
    company_id: Uuid,
    niss: &Niss,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    if db::role_of(conn, company_id, niss)? == Some(Role::MainManager) {
        return Ok(false);
    }
    db::demote_main(conn, company_id)?;
    db::upsert_member(conn, company_id, niss, Role::MainManager, now)?;
    Ok(true)
}

/// Removes a member (not oneself, not the main access manager); a person who is not a
/// member (any more) is left as they are.
pub fn remove_member(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    niss: &str,
) -> Result<(), ServiceError> {
    ctx.require_manager()?;
    let niss = other_niss(ctx, niss)?;
    match db::role_of(conn, ctx.company.id, &niss)? {
        // Not (or no longer) a member: as asked (the same form sent twice).
        None => Ok(()),
        Some(Role::MainManager) => Err(Refusal::MemberMain.into()),
        Some(_) => {
            db::remove_member(conn, ctx.company.id, &niss)?;
            Ok(())
        }
    }
}
