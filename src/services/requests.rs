//! Access requests, the company's side: create (single-use link, QR code, e-mail through
//! the outbox, all in one transaction), withdraw, and the three lists.

use chrono::{DateTime, Utc};
use diesel::{dsl::count_star, pg::Pg, prelude::*};
use uuid::Uuid;

use super::{FieldErrors, Refusal, ServiceError, companies::CompanyCtx, tokens};
use crate::{
    db::{
        access_requests::{
            self as requests_db, AccessRequest, Guard, NewRequest, SetOnTransition, find, in_tab,
            status_is,
        },
        schema::{access_requests, citizen_blocks},
        text::like_contains,
    },
    domain::{
        Actor, Context, Email, FreeText, Niss, RequestStatus,
        context::link_expires_at,
        status::{Tab, Transition},
    },
    i18n::Lang,
    mail::{
        self,
        request::{RequestMail, host_of},
    },
};

/// Highest page number a list serves (beyond, the offset would be absurd).
pub const MAX_PAGE: i64 = 100_000;

/// Largest label length.
pub const LABEL_MAX: usize = 100;

/// Input of the request form (raw, as typed).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct RequestInput {
    /// The company's own name for the request.
    #[serde(default)]
    pub label: String,
    /// The candidate's e-mail.
    #[serde(default)]
    pub email: String,
    /// Context code.
    #[serde(default)]
    pub context: String,
    /// Language of the e-mail.
    #[serde(default)]
    pub language: String,
    /// The candidate's NISS (optional).
    #[serde(default)]
    pub niss: String,
}

/// A validated request input.
#[derive(Clone, Debug)]
pub struct ValidRequest {
    /// Label.
    pub label: FreeText,
    /// E-mail.
    pub email: Email,
    /// Context.
    pub context: Context,
    /// Language of the e-mail.
    pub language: Lang,
    /// The only person allowed to answer, if named.
    pub niss: Option<Niss>,
}

impl TryFrom<&RequestInput> for ValidRequest {
    type Error = FieldErrors;

    /// Validates every field, collecting every message.
    fn try_from(input: &RequestInput) -> Result<ValidRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let label = FreeText::parse(&input.label, LABEL_MAX)
            .map_err(|e| {
                errors.insert(
                    "label",
                    e.message_key("request-error-label-empty", "request-error-label-long"),
                )
            })
            .ok();
        let email = Email::parse(&input.email)
            .map_err(|e| errors.insert("email", e.message_key()))
            .ok();
        let context = Context::parse(&input.context);
        if context.is_none() {
            errors.insert("context", "request-error-context");
        }
        let language = match input.language.as_str() {
            "fr" | "nl" | "de" | "en" => Lang::from_code(&input.language),
            _ => {
                errors.insert("language", "request-error-language");
                None
            }
        };
        let niss = if input.niss.trim().is_empty() {
            None
        } else {
            match Niss::parse(&input.niss) {
                Ok(n) => Some(n),
                Err(e) => {
                    errors.insert("niss", e.message_key());
                    None
                }
            }
        };
        match (label, email, context, language) {
            (Some(label), Some(email), Some(context), Some(language)) if errors.is_empty() => {
                Ok(ValidRequest {
                    label,
                    email,
                    context,
                    language,
                    niss,
                })
            }
            _ => Err(errors),
        }
    }
}

/// What the company gets back once: the link (the secret is never stored) and its end.
#[derive(Clone, Debug)]
pub struct Created {
    /// The request's id.
    pub id: Uuid,
    /// The single-use link.
    pub link: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// The request as stored.
    pub request: AccessRequest,
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

/// Creates a request: stores the hash of a fresh secret, records the creation, writes the
/// e-mail to the outbox, all in one transaction. `link_base` is the citizen's link without
/// its secret (the web side knows its URLs: `https://host/r/`).
pub fn create(
    conn: &mut PgConnection,
    scope: &Scope,
    actor: &Actor,
    valid: &ValidRequest,
    link_base: &str,
    now: DateTime<Utc>,
) -> Result<Created, ServiceError> {
    conn.transaction(|conn| {
        let company = crate::services::companies::find(conn, scope.company_id)?
            .ok_or(ServiceError::NotFound)?;
        let provider = match scope.provider_id {
            Some(id) => {
                Some(crate::services::companies::find(conn, id)?.ok_or(ServiceError::NotFound)?)
            }
            None => None,
        };
        if company.suspended_at.is_some()
            || provider.as_ref().is_some_and(|p| p.suspended_at.is_some())
        {
            return Err(Refusal::CompanySuspended.into());
        }
        let token = tokens::new_token();
        let expires_at = link_expires_at(now);
        let request = requests_db::create(
            conn,
            &NewRequest {
                company_id: scope.company_id,
                provider_id: scope.provider_id,
                label: Some(valid.label.as_str()),
                email: Some(valid.email.as_str()),
                context: valid.context,
                language: valid.language,
                target_niss: valid.niss.as_ref(),
                token_hash: &tokens::hash_token(&token),
                expires_at,
            },
            actor,
            now,
        )?;
        let link = format!("{link_base}{token}");
        let requester = requester_name(
            valid.language,
            &company.name,
            provider.as_ref().map(|p| p.name.as_str()),
        );
        let mail = RequestMail {
            request_id: request.id,
            recipient: valid.email.as_str(),
            lang: valid.language,
            context: valid.context,
            requester: &requester,
            link: &link,
            host: host_of(link_base),
        };
        mail::enqueue(conn, &mail.render(now))?;
        Ok(Created {
            id: request.id,
            link,
            expires_at,
            request,
        })
    })
}

/// "Resto Pokébowl", or "Socialia on behalf of Resto Pokébowl".
pub fn requester_name(lang: Lang, company: &str, provider: Option<&str>) -> String {
    match provider {
        Some(p) => lang.t_args(
            "on-behalf-of",
            &[("provider", p.into()), ("company", company.into())],
        ),
        None => company.to_string(),
    }
}

/// Withdraws a pending request of the scope.
pub fn withdraw(
    conn: &mut PgConnection,
    scope: &Scope,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<AccessRequest, ServiceError> {
    conn.transaction(|conn| {
        let request = find_in_scope(conn, scope, id)?;
        let current = request.status_at(now);
        // The status condition of the update makes a concurrent answer win cleanly.
        requests_db::transition(
            conn,
            id,
            current,
            Transition::Withdraw,
            Guard::Any,
            SetOnTransition::Nothing,
            actor,
            None,
            now,
        )?
        .ok_or(Refusal::RequestNotPending.into())
    })
}

/// A request of the scope (404 for anything else, whoever owns it).
pub fn find_in_scope(
    conn: &mut PgConnection,
    scope: &Scope,
    id: Uuid,
) -> Result<AccessRequest, ServiceError> {
    let request = find(conn, id)?.ok_or(ServiceError::NotFound)?;
    let visible = request.company_id == scope.company_id
        && request.archived_at.is_none()
        && match scope.provider_id {
            Some(p) => request.provider_id == Some(p),
            None => true,
        };
    if visible {
        Ok(request)
    } else {
        Err(ServiceError::NotFound)
    }
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

/// Counts per tab.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct TabCounts {
    /// Active accesses.
    pub active: i64,
    /// Requested.
    pub requested: i64,
    /// Blocked or stopped.
    pub blocked: i64,
}

type BoxedQuery<'a> = access_requests::BoxedQuery<'a, Pg>;

fn scoped<'a>(scope: &Scope) -> BoxedQuery<'a> {
    let mut q = access_requests::table
        .filter(access_requests::company_id.eq(scope.company_id))
        .filter(access_requests::archived_at.is_null())
        .into_boxed();
    if let Some(p) = scope.provider_id {
        q = q.filter(access_requests::provider_id.eq(p));
    }
    q
}

fn searched<'a>(q: BoxedQuery<'a>, search: Option<&str>) -> BoxedQuery<'a> {
    use access_requests::dsl as r;
    match search.map(str::trim).filter(|s| !s.is_empty()) {
        None => q,
        Some(s) => {
            let p = like_contains(s);
            q.filter(
                r::label
                    .ilike(p.clone())
                    .or(r::citizen_last_name.ilike(p.clone()))
                    .or(r::citizen_first_name.ilike(p.clone()))
                    .or(r::email.ilike(p)),
            )
        }
    }
}

/// The counts on the three tab labels.
pub fn counts(
    conn: &mut PgConnection,
    scope: &Scope,
    now: DateTime<Utc>,
) -> QueryResult<TabCounts> {
    let count = |conn: &mut PgConnection, tab| -> QueryResult<i64> {
        scoped(scope)
            .filter(in_tab(tab, now))
            .select(count_star())
            .first(conn)
    };
    Ok(TabCounts {
        active: count(conn, Tab::Active)?,
        requested: count(conn, Tab::Requested)?,
        blocked: count(conn, Tab::Blocked)?,
    })
}

/// One page of a tab, newest first, optionally searched by label, name or e-mail.
pub fn list(
    conn: &mut PgConnection,
    scope: &Scope,
    tab: Tab,
    search: Option<&str>,
    page: i64,
    page_size: i64,
    now: DateTime<Utc>,
) -> QueryResult<ListPage> {
    let page = page.clamp(1, MAX_PAGE);
    let total: i64 = searched(scoped(scope).filter(in_tab(tab, now)), search)
        .select(count_star())
        .first(conn)?;
    let rows: Vec<AccessRequest> = searched(scoped(scope).filter(in_tab(tab, now)), search)
        .order((
            access_requests::created_at.desc(),
            access_requests::id.desc(),
        ))
        .limit(page_size)
        .offset((page - 1) * page_size)
        .select(AccessRequest::as_select())
        .load(conn)?;
    // Provider names in one query, not one per row.
    let provider_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.provider_id).collect();
    let names: Vec<(Uuid, String)> = crate::db::companies::find_many(conn, &provider_ids)?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let items = rows
        .into_iter()
        .map(|request| ListedRequest {
            status: request.status_at(now),
            provider_name: request.provider_id.and_then(|p| {
                names
                    .iter()
                    .find(|(id, _)| *id == p)
                    .map(|(_, n)| n.clone())
            }),
            request,
        })
        .collect();
    Ok(ListPage {
        items,
        page,
        page_size,
        total,
    })
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
    let filtered = |q: BoxedQuery<'static>| -> BoxedQuery<'static> {
        match status {
            None => q,
            Some(status) => q.filter(status_is(status, now)),
        }
    };
    let page = page.clamp(1, MAX_PAGE);
    let total: i64 = filtered(scoped(scope)).select(count_star()).first(conn)?;
    let rows: Vec<AccessRequest> = filtered(scoped(scope))
        .order((r::created_at.desc(), r::id.desc()))
        .limit(page_size)
        .offset((page - 1) * page_size)
        .select(AccessRequest::as_select())
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|request| ListedRequest {
            status: request.status_at(now),
            provider_name: None,
            request,
        })
        .collect();
    Ok(ListPage {
        items,
        page,
        page_size,
        total,
    })
}

/// The active mandate of `citizen` for `context` in a scope (the latest ending one).
pub fn active_mandate_for(
    conn: &mut PgConnection,
    scope: &Scope,
    citizen: &Niss,
    context: Context,
    now: DateTime<Utc>,
) -> QueryResult<Option<AccessRequest>> {
    use access_requests::dsl as r;
    scoped(scope)
        .filter(r::citizen_niss.eq(citizen))
        .filter(r::context.eq(context))
        .filter(status_is(RequestStatus::Accepted, now))
        .order(r::valid_until.desc())
        .select(AccessRequest::as_select())
        .first(conn)
        .optional()
}

/// Whether `citizen` blocked `company_id` (refused and blocked it from asking again).
pub fn is_blocked_by(
    conn: &mut PgConnection,
    citizen: &Niss,
    company_id: Uuid,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        citizen_blocks::table
            .filter(citizen_blocks::citizen_niss.eq(citizen))
            .filter(citizen_blocks::company_id.eq(company_id)),
    ))
    .get_result(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_validated_and_every_message_collected() {
        let input = RequestInput {
            label: " ".into(),
            email: "not-an-email".into(),
            context: "PENSION".into(),
            language: "es".into(),
            niss: "12345".into(),
        };
        let errors = ValidRequest::try_from(&input).expect_err("should be invalid");
        let fields: Vec<_> = errors.keys().copied().collect();
        assert_eq!(
            fields,
            vec!["context", "email", "label", "language", "niss"]
        );
    }

    #[test]
    fn a_valid_request_without_niss() {
        let input = RequestInput {
            label: "Candidate kitchen".into(),
            email: "Maria@Example.BE".into(),
            context: "FLEXI_JOB".into(),
            language: "nl".into(),
            niss: String::new(),
        };
        let v = ValidRequest::try_from(&input).unwrap();
        assert_eq!(v.email.as_str(), "Maria@example.be");
        assert_eq!(v.context, Context::FlexiJob);
        assert_eq!(v.language, Lang::Nl);
        assert!(v.niss.is_none());
    }
}
