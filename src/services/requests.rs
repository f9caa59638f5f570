//! Access requests, the company's side: create (single-use link, QR code, e-mail through
//! the outbox, all in one transaction), withdraw, and the three lists.

use chrono::{DateTime, Duration, Utc};
use diesel::{dsl::count_star, pg::Pg, prelude::*};
use maud::html;
use uuid::Uuid;

use super::{Actor, FieldErrors, ServiceError, companies::CompanyCtx, events, tokens};
use crate::{
    db::{
        requests::{AccessRequest, find},
        schema::{access_requests, citizen_blocks, companies},
    },
    domain::{
        Context, Email, Niss, RequestStatus,
        context::link_expires_at,
        status::{Tab, Transition},
    },
    i18n::Lang,
    mail::{self, NewMail},
};

/// How long expired and refused requests stay in the company's "requested" list.
pub const REQUESTED_LIST_DAYS: i64 = 14;

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
    pub label: String,
    /// E-mail.
    pub email: Email,
    /// Context.
    pub context: Context,
    /// Language of the e-mail.
    pub language: Lang,
    /// The only person allowed to answer, if named.
    pub niss: Option<Niss>,
}

impl RequestInput {
    /// Validates every field, collecting every message.
    pub fn validate(&self) -> Result<ValidRequest, ServiceError> {
        let mut errors = FieldErrors::new();
        let label = self.label.trim().to_string();
        if label.is_empty() {
            errors.insert("label", "request-error-label-empty");
        } else if label.chars().count() > LABEL_MAX {
            errors.insert("label", "request-error-label-long");
        }
        let email = Email::parse(&self.email)
            .map_err(|e| errors.insert("email", e.message_key()))
            .ok();
        let context = Context::parse(&self.context);
        if context.is_none() {
            errors.insert("context", "request-error-context");
        }
        let language = match self.language.as_str() {
            "fr" | "nl" | "de" | "en" => Lang::from_code(&self.language),
            _ => {
                errors.insert("language", "request-error-language");
                None
            }
        };
        let niss = if self.niss.trim().is_empty() {
            None
        } else {
            match Niss::parse(&self.niss) {
                Ok(n) => Some(n),
                Err(e) => {
                    errors.insert("niss", e.message_key());
                    None
                }
            }
        };
        match (email, context, language) {
            (Some(email), Some(context), Some(language)) if errors.is_empty() => Ok(ValidRequest {
                label,
                email,
                context,
                language,
                niss,
            }),
            _ => Err(ServiceError::Invalid(errors)),
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

/// The link a citizen opens.
pub fn link_for(public_url: &str, token: &str) -> String {
    format!("{public_url}/r/{token}")
}

/// Creates a request: validates, stores the hash of a fresh secret, records the event,
/// writes the e-mail to the outbox, all in one transaction.
pub fn create(
    conn: &mut PgConnection,
    scope: &Scope,
    actor: &Actor,
    input: &RequestInput,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Created, ServiceError> {
    let valid = input.validate()?;
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
            return Err(ServiceError::Suspended);
        }
        let token = tokens::new_token();
        let expires_at = link_expires_at(now);
        let request: AccessRequest = diesel::insert_into(access_requests::table)
            .values((
                access_requests::company_id.eq(scope.company_id),
                access_requests::provider_id.eq(scope.provider_id),
                access_requests::created_by.eq(Some(actor.reference())),
                access_requests::label.eq(Some(&valid.label)),
                access_requests::email.eq(Some(valid.email.as_str())),
                access_requests::context.eq(valid.context.code()),
                access_requests::language.eq(valid.language.code()),
                access_requests::target_niss.eq(valid.niss.as_ref().map(|n| n.as_str())),
                access_requests::token_hash.eq(tokens::hash_token(&token)),
                access_requests::status.eq(RequestStatus::Pending.as_str()),
                access_requests::created_at.eq(now),
                access_requests::expires_at.eq(expires_at),
                access_requests::status_changed_at.eq(now),
            ))
            .returning(AccessRequest::as_returning())
            .get_result(conn)?;
        events::record(
            conn,
            request.id,
            None,
            RequestStatus::Pending,
            actor,
            None,
            now,
        )?;
        let link = link_for(public_url, &token);
        let requester = requester_name(
            valid.language,
            &company.name,
            provider.as_ref().map(|p| p.name.as_str()),
        );
        mail::enqueue(
            conn,
            &request_mail(&valid, &requester, &link, public_url, request.id, now),
        )?;
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

/// The e-mail announcing a request, in the request's language, plain text and HTML.
fn request_mail(
    valid: &ValidRequest,
    requester: &str,
    link: &str,
    public_url: &str,
    request_id: Uuid,
    now: DateTime<Utc>,
) -> NewMail {
    let lang = valid.language;
    let context = lang.t(valid.context.name_key());
    let host = public_url
        .split_once("://")
        .map(|(_, h)| h)
        .unwrap_or(public_url)
        .to_string();
    let args = |extra: &[(&'static str, crate::i18n::Arg)]| {
        let mut a = vec![
            ("requester", requester.into()),
            ("context", context.clone().into()),
            ("host", host.clone().into()),
            ("months", (valid.context.access_months() as i64).into()),
        ];
        a.extend_from_slice(extra);
        a
    };
    let subject = lang.t_args("mail-request-subject", &args(&[]));
    let intro = lang.t_args("mail-request-intro", &args(&[]));
    let what = lang.t_args("mail-request-what", &args(&[]));
    let deadline = lang.t_args("mail-request-deadline", &args(&[]));
    let genuine = lang.t_args("mail-request-genuine", &args(&[]));
    let ignore = lang.t("mail-request-ignore");
    let action = lang.t("mail-request-action");
    let body_text =
        format!("{intro}\n\n{what}\n\n{action}:\n{link}\n\n{deadline}\n\n{genuine}\n\n{ignore}\n");
    let body_html = html! {
        (maud::DOCTYPE)
        html lang=(lang.code()) {
            head { meta charset="utf-8"; title { (subject) } }
            body {
                p { (intro) }
                p { (what) }
                p { a href=(link) { (action) } }
                p { (deadline) }
                p { small { (genuine) } }
                p { small { (ignore) } }
            }
        }
    }
    .into_string();
    NewMail {
        request_id: Some(request_id),
        recipient: valid.email.as_str().to_string(),
        subject,
        body_text,
        body_html,
        created_at: now,
        next_attempt_at: now,
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
        let next = current
            .apply(Transition::Withdraw)
            .map_err(|_| ServiceError::Conflict("request-error-not-pending"))?;
        // The status check in the WHERE clause makes a concurrent answer win cleanly.
        let updated = diesel::update(
            access_requests::table
                .filter(access_requests::id.eq(id))
                .filter(access_requests::status.eq(RequestStatus::Pending.as_str()))
                .filter(access_requests::expires_at.gt(now)),
        )
        .set((
            access_requests::status.eq(next.as_str()),
            access_requests::status_changed_at.eq(now),
        ))
        .returning(AccessRequest::as_returning())
        .get_result(conn)
        .optional()?
        .ok_or(ServiceError::Conflict("request-error-not-pending"))?;
        events::record(conn, id, Some(current), next, actor, None, now)?;
        Ok(updated)
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

fn in_tab<'a>(q: BoxedQuery<'a>, tab: Tab, now: DateTime<Utc>) -> BoxedQuery<'a> {
    use access_requests::dsl as r;
    let recent = now - Duration::days(REQUESTED_LIST_DAYS);
    match tab {
        Tab::Active => q.filter(r::status.eq("accepted").and(r::valid_until.gt(now))),
        Tab::Requested => q.filter(
            r::status
                .eq_any(["pending", "expired"])
                .and(r::expires_at.gt(recent))
                .or(r::status.eq("refused").and(r::status_changed_at.gt(recent))),
        ),
        Tab::Blocked => q.filter(
            r::status
                .eq_any(["revoked", "blocked", "ended"])
                .or(r::status.eq("accepted").and(r::valid_until.le(now))),
        ),
    }
}

/// Escapes `%`, `_` and `\` for a LIKE pattern.
fn like_pattern(search: &str) -> String {
    let mut out = String::from("%");
    for ch in search.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('%');
    out
}

fn searched<'a>(q: BoxedQuery<'a>, search: Option<&str>) -> BoxedQuery<'a> {
    use access_requests::dsl as r;
    match search.map(str::trim).filter(|s| !s.is_empty()) {
        None => q,
        Some(s) => {
            let p = like_pattern(s);
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
        in_tab(scoped(scope), tab, now)
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
    let total: i64 = searched(in_tab(scoped(scope), tab, now), search)
        .select(count_star())
        .first(conn)?;
    let rows: Vec<AccessRequest> = searched(in_tab(scoped(scope), tab, now), search)
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
    let names: Vec<(Uuid, String)> = if provider_ids.is_empty() {
        Vec::new()
    } else {
        companies::table
            .filter(companies::id.eq_any(&provider_ids))
            .select((companies::id, companies::name))
            .load(conn)?
    };
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
            Some(RequestStatus::Pending) => {
                q.filter(r::status.eq("pending").and(r::expires_at.gt(now)))
            }
            Some(RequestStatus::Expired) => q.filter(
                r::status
                    .eq("expired")
                    .or(r::status.eq("pending").and(r::expires_at.le(now))),
            ),
            Some(RequestStatus::Accepted) => {
                q.filter(r::status.eq("accepted").and(r::valid_until.gt(now)))
            }
            Some(RequestStatus::Ended) => q.filter(
                r::status
                    .eq("ended")
                    .or(r::status.eq("accepted").and(r::valid_until.le(now))),
            ),
            Some(other) => q.filter(r::status.eq(other.as_str())),
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
        .filter(r::citizen_niss.eq(citizen.as_str()))
        .filter(r::context.eq(context.code()))
        .filter(r::status.eq("accepted"))
        .filter(r::valid_until.gt(now))
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
            .filter(citizen_blocks::citizen_niss.eq(citizen.as_str()))
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
        let Err(ServiceError::Invalid(errors)) = input.validate() else {
            panic!("should be invalid");
        };
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
        let v = input.validate().unwrap();
        assert_eq!(v.email.as_str(), "Maria@example.be");
        assert_eq!(v.context, Context::FlexiJob);
        assert_eq!(v.language, Lang::Nl);
        assert!(v.niss.is_none());
    }

    #[test]
    fn like_patterns_are_escaped() {
        assert_eq!(like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
