//! Machine access: the circle of trust, API activation, API clients (OAuth 2.0 client
//! credentials), their bearer tokens, and the scope a caller acts in. Secrets and tokens
//! are random (256 bits) and stored only as SHA-256 hashes.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::{
    FieldErrors, Refusal, ServiceError,
    companies::{self, Company, CompanyCtx, Scope},
    idempotency::{self, Asked, Idempotency},
    tokens::{hash_token, new_token},
};
use crate::{
    db::{
        companies as db_companies,
        idempotency_keys::{self, Claimed, Made},
        schema::{api_access, api_clients, api_tokens},
        webhook_deliveries::{self, Health},
    },
    domain::{Bce, CompanyKind, FreeText},
};

/// Longest API client name, in characters.
pub const CLIENT_NAME_MAX: usize = 100;

/// Version of the circle-of-trust text in force (its text is in the locales).
pub const CIRCLE_VERSION: &str = "2025-01";
/// Lifetime of an access token.
pub const TOKEN_LIFETIME_SECONDS: i64 = 3600;

crate::domain::named_enum! {
    /// An API scope, named as OAuth scopes are.
    #[derive(Copy, Clone, Debug, PartialEq, Eq)]
    pub enum ApiScope {
        /// Citizen mandates API.
        Mandates = "mandates",
        /// Pre-contractual data API.
        PrecontractualData = "precontractual-data",
    }
}

/// Parses a space-separated scope list; `None` when one is unknown.
pub fn parse_scopes(s: &str) -> Option<Vec<ApiScope>> {
    let mut out = Vec::new();
    for part in s.split_whitespace() {
        let scope = ApiScope::parse(part)?;
        if !out.contains(&scope) {
            out.push(scope);
        }
    }
    Some(out)
}

fn join(scopes: &[ApiScope]) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A company's API access settings.
#[derive(Clone, Debug, Default, Queryable, Selectable)]
#[diesel(table_name = api_access, check_for_backend(diesel::pg::Pg))]
pub struct ApiAccess {
    /// The company.
    pub company_id: Uuid,
    /// Circle-of-trust version accepted.
    pub circle_of_trust_version: Option<String>,
    /// Who accepted it.
    pub circle_accepted_by: Option<String>,
    /// When.
    pub circle_accepted_at: Option<DateTime<Utc>>,
    /// The citizen mandates API is active.
    pub mandates_api: bool,
    /// The pre-contractual data API is active.
    pub precontractual_api: bool,
}

impl ApiAccess {
    /// Whether the API of `scope` may be used.
    pub fn allows(&self, scope: ApiScope) -> bool {
        self.circle_of_trust_version.is_some()
            && match scope {
                ApiScope::Mandates => self.mandates_api,
                ApiScope::PrecontractualData => self.precontractual_api,
            }
    }
}

/// The API access of a company (defaults when never set).
pub fn access(conn: &mut PgConnection, company_id: Uuid) -> QueryResult<ApiAccess> {
    Ok(api_access::table
        .find(company_id)
        .select(ApiAccess::as_select())
        .first(conn)
        .optional()?
        .unwrap_or(ApiAccess {
            company_id,
            ..ApiAccess::default()
        }))
}

/// The main access manager accepts the circle of trust (once; recorded).
pub fn accept_circle(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    ctx.require_main_manager()?;
    diesel::insert_into(api_access::table)
        .values((
            api_access::company_id.eq(ctx.company.id),
            api_access::circle_of_trust_version.eq(CIRCLE_VERSION),
            api_access::circle_accepted_by.eq(ctx.user.as_str()),
            api_access::circle_accepted_at.eq(now),
        ))
        .on_conflict(api_access::company_id)
        .do_update()
        .set((
            api_access::circle_of_trust_version.eq(CIRCLE_VERSION),
            api_access::circle_accepted_by.eq(ctx.user.as_str()),
            api_access::circle_accepted_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The main access manager activates or deactivates one API (after the circle of trust).
pub fn set_api(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    scope: ApiScope,
    on: bool,
) -> Result<(), ServiceError> {
    ctx.require_main_manager()?;
    let current = access(conn, ctx.company.id)?;
    if current.circle_of_trust_version.is_none() {
        return Err(Refusal::CircleOfTrustFirst.into());
    }
    let q = diesel::update(api_access::table.find(ctx.company.id));
    match scope {
        ApiScope::Mandates => q.set(api_access::mandates_api.eq(on)).execute(conn)?,
        ApiScope::PrecontractualData => {
            q.set(api_access::precontractual_api.eq(on)).execute(conn)?
        }
    };
    Ok(())
}

/// An API client as listed.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = api_clients, check_for_backend(diesel::pg::Pg))]
pub struct ApiClient {
    /// The client id.
    pub id: Uuid,
    /// Its company.
    pub company_id: Uuid,
    /// A name for the company's own list.
    pub name: String,
    /// Granted scopes, space separated.
    pub scopes: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Revoked.
    pub revoked_at: Option<DateTime<Utc>>,
    /// Its webhook's address, if it set one.
    pub webhook_url: Option<String>,
}

/// A client as the company's API page lists it: with how its webhook fares, when it has
/// one.
#[derive(Clone, Debug)]
pub struct ListedClient {
    /// The client.
    pub client: ApiClient,
    /// Its webhook's deliveries, when it has a webhook.
    pub webhook: Option<Health>,
}

/// A new client's credentials, shown once.
#[derive(Clone, Debug)]
pub struct NewCredentials {
    /// `client_id`.
    pub client_id: Uuid,
    /// `client_secret` (never stored).
    pub client_secret: String,
}

/// What the "Create client" form asked, as typed: checked by [`ValidClient::try_from`].
#[derive(Clone, Debug)]
pub struct NewClient {
    /// The name typed.
    pub name: String,
    /// The scopes ticked.
    pub scopes: Vec<ApiScope>,
}

/// A client that may be made: a name and at least one scope.
#[derive(Clone, Debug)]
pub struct ValidClient {
    name: FreeText,
    scopes: Vec<ApiScope>,
}

impl TryFrom<&NewClient> for ValidClient {
    type Error = FieldErrors;

    /// Checks every field at once, so that a refused form names all that is wrong.
    fn try_from(new: &NewClient) -> Result<ValidClient, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = FreeText::parse(&new.name, CLIENT_NAME_MAX)
            .map_err(|e| {
                let key = e.message_key("api-error-client-name", "api-error-client-name");
                errors.insert("name", key);
            })
            .ok();
        if new.scopes.is_empty() {
            errors.insert("scopes", "api-error-client-scopes");
        }
        match name {
            Some(name) if errors.is_empty() => Ok(ValidClient {
                name,
                scopes: new.scopes.clone(),
            }),
            _ => Err(errors),
        }
    }
}

impl Asked for ValidClient {
    fn asked(&self) -> Vec<String> {
        vec![
            "api-client".into(),
            self.name.as_str().into(),
            join(&self.scopes),
        ]
    }
}

/// Creates a client for a company (no authorisation check: callers check it; the CLI is
/// the operator's).
pub fn create_client(
    conn: &mut PgConnection,
    company_id: Uuid,
    client: &ValidClient,
    now: DateTime<Utc>,
) -> QueryResult<NewCredentials> {
    let secret = new_token();
    let id = diesel::insert_into(api_clients::table)
        .values((
            api_clients::company_id.eq(company_id),
            api_clients::name.eq(client.name.as_str()),
            api_clients::secret_hash.eq(hash_token(&secret)),
            api_clients::scopes.eq(join(&client.scopes)),
            api_clients::created_at.eq(now),
        ))
        .returning(api_clients::id)
        .get_result(conn)?;
    Ok(NewCredentials {
        client_id: id,
        client_secret: secret,
    })
}

/// What creating a client gave.
#[derive(Clone, Debug)]
pub enum ClientMade {
    /// A new client: its secret is shown this once.
    New(NewCredentials),
    /// The client that the same form made when it was first sent (a reload of that answer,
    /// a second press): nothing more is made, and its secret is not shown again.
    Before(ApiClient),
}

/// A company manager creates a client. With the key of the form's display, the same form
/// sent again finds the client it made (24 hours) instead of making another one, whose
/// secret nobody would see.
pub fn create_client_for(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    client: &ValidClient,
    key: Option<&Idempotency>,
    now: DateTime<Utc>,
) -> Result<ClientMade, ServiceError> {
    ctx.require_manager()?;
    conn.transaction(|conn| {
        if let Some(k) = key {
            match idempotency_keys::claim(conn, &k.owner, &k.key, &k.fingerprint, now)? {
                Claimed::New => {}
                Claimed::Replay(Made::ApiClient(id)) => {
                    let made = api_clients::table
                        .find(id)
                        .filter(api_clients::company_id.eq(ctx.company.id))
                        .select(ApiClient::as_select())
                        .first(conn)?;
                    return Ok(ClientMade::Before(made));
                }
                Claimed::Replay(Made::Link { .. }) | Claimed::Mismatch => {
                    return Err(Refusal::IdempotencyKeyReused.into());
                }
            }
        }
        let creds = create_client(conn, ctx.company.id, client, now)?;
        idempotency::remember(conn, key, &Made::ApiClient(creds.client_id))?;
        Ok(ClientMade::New(creds))
    })
}

/// The company's clients, newest first, each with how its webhook fares (one statement
/// for all of them).
pub fn clients(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
) -> Result<Vec<ListedClient>, ServiceError> {
    ctx.require_manager()?;
    let clients: Vec<ApiClient> = api_clients::table
        .filter(api_clients::company_id.eq(ctx.company.id))
        .order(api_clients::created_at.desc())
        .select(ApiClient::as_select())
        .load(conn)?;
    let hooked: Vec<Uuid> = clients
        .iter()
        .filter(|c| c.webhook_url.is_some())
        .map(|c| c.id)
        .collect();
    let mut health = webhook_deliveries::health(conn, &hooked)?;
    Ok(clients
        .into_iter()
        .map(|client| {
            let webhook = health
                .iter()
                .position(|h| h.client_id == client.id)
                .map(|i| health.swap_remove(i));
            ListedClient { client, webhook }
        })
        .collect())
}

/// The client `id` of the context's company, not revoked yet (managers only), which
/// [`revoke_client`] would revoke, changing nothing: what its confirmation names.
pub fn active_client(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    id: Uuid,
) -> Result<ApiClient, ServiceError> {
    ctx.require_manager()?;
    api_clients::table
        .find(id)
        .filter(api_clients::company_id.eq(ctx.company.id))
        .filter(api_clients::revoked_at.is_null())
        .select(ApiClient::as_select())
        .first(conn)
        .optional()?
        .ok_or(ServiceError::NotFound)
}

/// Revokes a client and its tokens, and erases its webhook (its address and secret: a
/// revoked client is told nothing more, and its deliveries still waiting are forgotten); a
/// client revoked already is left as it is (the same revocation sent twice answers as the
/// first).
pub fn revoke_client(
    conn: &mut PgConnection,
    ctx: &CompanyCtx,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    ctx.require_manager()?;
    conn.transaction(|conn| {
        let n = diesel::update(
            api_clients::table
                .filter(api_clients::id.eq(id))
                .filter(api_clients::company_id.eq(ctx.company.id))
                .filter(api_clients::revoked_at.is_null()),
        )
        .set((
            api_clients::revoked_at.eq(now),
            api_clients::webhook_url.eq(None::<String>),
            api_clients::webhook_secret.eq(None::<String>),
        ))
        .execute(conn)?;
        if n == 0 {
            // Revoked already (the same form sent twice): as asked. Unknown: not found.
            let revoked: bool = diesel::select(diesel::dsl::exists(
                api_clients::table
                    .filter(api_clients::id.eq(id))
                    .filter(api_clients::company_id.eq(ctx.company.id)),
            ))
            .get_result(conn)?;
            return if revoked {
                Ok(())
            } else {
                Err(ServiceError::NotFound)
            };
        }
        diesel::delete(api_tokens::table.filter(api_tokens::client_id.eq(id))).execute(conn)?;
        webhook_deliveries::forget_pending(conn, id)?;
        Ok(())
    })
}

/// Why a token could not be issued (RFC 6749 error codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Unknown client, wrong secret, revoked client.
    InvalidClient,
    /// A scope the client was not granted, or unknown.
    InvalidScope,
    /// The client's company is suspended: no token while it is.
    Suspended,
}

/// An issued token.
#[derive(Clone, Debug)]
pub struct IssuedToken {
    /// The bearer token (never stored).
    pub access_token: String,
    /// Seconds of validity.
    pub expires_in: i64,
    /// Granted scopes, space separated.
    pub scope: String,
}

/// Client-credentials grant: checks the client's secret, and issues a token for the
/// requested scopes (all granted ones when none asked).
pub fn issue_token(
    conn: &mut PgConnection,
    client_id: &str,
    secret: &str,
    requested: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Result<IssuedToken, TokenError>, ServiceError> {
    use subtle::ConstantTimeEq;
    let Ok(id) = Uuid::parse_str(client_id) else {
        return Ok(Err(TokenError::InvalidClient));
    };
    type Row = (Vec<u8>, String, Option<DateTime<Utc>>, Uuid);
    let client: Option<Row> = api_clients::table
        .find(id)
        .select((
            api_clients::secret_hash,
            api_clients::scopes,
            api_clients::revoked_at,
            api_clients::company_id,
        ))
        .first(conn)
        .optional()?;
    // Hash the given secret whatever happens, so timing tells nothing.
    let given = hash_token(secret);
    let Some((stored, granted, revoked, company_id)) = client else {
        return Ok(Err(TokenError::InvalidClient));
    };
    if !bool::from(stored.ct_eq(&given)) || revoked.is_some() {
        return Ok(Err(TokenError::InvalidClient));
    }
    // A suspended company's clients get no token (and the tokens they hold are refused at
    // use, see `authenticate`).
    let company = companies::find(conn, company_id)?.ok_or(ServiceError::NotFound)?;
    if company.suspended_at.is_some() {
        return Ok(Err(TokenError::Suspended));
    }
    let granted = parse_scopes(&granted).unwrap_or_default();
    let scopes = match requested.map(str::trim).filter(|s| !s.is_empty()) {
        None => granted,
        Some(r) => match parse_scopes(r) {
            Some(asked) if asked.iter().all(|s| granted.contains(s)) => asked,
            _ => return Ok(Err(TokenError::InvalidScope)),
        },
    };
    let token = new_token();
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::token_hash.eq(hash_token(&token)),
            api_tokens::client_id.eq(id),
            api_tokens::scopes.eq(join(&scopes)),
            api_tokens::issued_at.eq(now),
            api_tokens::expires_at.eq(now + Duration::seconds(TOKEN_LIFETIME_SECONDS)),
        ))
        .execute(conn)?;
    Ok(Ok(IssuedToken {
        access_token: token,
        expires_in: TOKEN_LIFETIME_SECONDS,
        scope: join(&scopes),
    }))
}

/// An authenticated API caller.
#[derive(Clone, Debug)]
pub struct ApiCaller {
    /// The client.
    pub client_id: Uuid,
    /// The client's company.
    pub company: Company,
    /// The token's scopes.
    pub scopes: Vec<ApiScope>,
    /// The company's API access.
    pub access: ApiAccess,
}

/// Why a bearer token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BearerError {
    /// Unknown, expired, or of a revoked client.
    Unauthorized,
    /// The company is suspended.
    Suspended,
}

/// Checks a bearer token.
pub fn authenticate(
    conn: &mut PgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Result<ApiCaller, BearerError>, ServiceError> {
    type Row = (Uuid, String, DateTime<Utc>, Option<DateTime<Utc>>, Uuid);
    let row: Option<Row> = api_tokens::table
        .inner_join(api_clients::table)
        .filter(api_tokens::token_hash.eq(hash_token(token)))
        .select((
            api_tokens::client_id,
            api_tokens::scopes,
            api_tokens::expires_at,
            api_clients::revoked_at,
            api_clients::company_id,
        ))
        .first(conn)
        .optional()?;
    let Some((client_id, scopes, expires_at, revoked, company_id)) = row else {
        return Ok(Err(BearerError::Unauthorized));
    };
    if expires_at <= now || revoked.is_some() {
        return Ok(Err(BearerError::Unauthorized));
    }
    let company = companies::find(conn, company_id)?.ok_or(ServiceError::NotFound)?;
    if company.suspended_at.is_some() {
        return Ok(Err(BearerError::Suspended));
    }
    let access = access(conn, company_id)?;
    Ok(Ok(ApiCaller {
        client_id,
        company,
        scopes: parse_scopes(&scopes).unwrap_or_default(),
        access,
    }))
}

/// Where an API caller acts: an employer's client for its own company; a social service
/// provider's client `on_behalf_of` one of the client companies that designated the
/// provider (active link), and for no other. A field error (`onBehalfOf`) when that
/// company is not a client of the caller's, or when a provider's client names none;
/// refused with [`Refusal::CompanySuspended`] when the client is suspended.
pub fn scope_for(
    conn: &mut PgConnection,
    caller: &ApiCaller,
    on_behalf_of: Option<&Bce>,
) -> Result<Scope, ServiceError> {
    let own = caller.company.id;
    let Some(bce) = on_behalf_of else {
        if caller.company.kind == CompanyKind::Provider {
            return Err(ServiceError::field(
                "onBehalfOf",
                "api-error-invalid-request",
            ));
        }
        return Ok(Scope {
            company_id: own,
            provider_id: None,
        });
    };
    let client = db_companies::active_client_by_bce(conn, own, bce)?
        .ok_or_else(|| ServiceError::field("onBehalfOf", "api-error-invalid-request"))?;
    if client.suspended_at.is_some() {
        return Err(Refusal::CompanySuspended.into());
    }
    Ok(Scope {
        company_id: client.id,
        provider_id: Some(own),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_and_join() {
        assert_eq!(
            parse_scopes("mandates precontractual-data"),
            Some(vec![ApiScope::Mandates, ApiScope::PrecontractualData])
        );
        assert_eq!(
            parse_scopes("  mandates  mandates "),
            Some(vec![ApiScope::Mandates])
        );
        assert_eq!(parse_scopes("admin"), None);
        assert_eq!(parse_scopes(""), Some(vec![]));
        assert_eq!(join(&[ApiScope::PrecontractualData]), "precontractual-data");
    }
}
