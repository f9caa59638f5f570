//! Access requests, the company's side: create (single-use link, QR code, e-mail through
//! the outbox, all in one transaction), withdraw, and the three lists.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

pub use super::companies::Scope;
use super::lists::in_scope;
pub use super::lists::{
    ListPage, ListedRequest, MAX_PAGE, PageAt, RowKey, TabAsk, TabCounts, counts, list_for_api,
    listed_at, tab_page,
};
use super::{
    FieldErrors, Refusal, ServiceError,
    companies::Company,
    idempotency::{self, Asked, Idempotency},
    tokens,
};
/// A request as the use cases give it (its row, personal data and parties).
pub use crate::db::access_requests::AccessRequest;
use crate::{
    db::{
        access_requests::{
            self as requests_db, Guard, NewRequest, SetOnTransition, WithPersonalSource, find,
            status_is, with_personal,
        },
        idempotency_keys::{self, Claimed, Made},
        schema::{access_requests, citizen_blocks, request_parties},
    },
    domain::{
        Actor, Context, Email, FreeText, Niss, RequestStatus, TextError, context::link_expires_at,
        status::Transition,
    },
    i18n::Lang,
    mail::{
        self,
        request::{CitizenUrls, RequestMail, host_of},
    },
};

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
    /// The key of this display of the form: sent twice, it makes one request.
    #[serde(default)]
    pub form_key: String,
}

impl RequestInput {
    /// The input of a new, empty form (a fresh form key), with a language and context
    /// chosen in advance (empty: none).
    pub fn new_form(language: &str, context: &str) -> RequestInput {
        RequestInput {
            language: language.to_string(),
            context: context.to_string(),
            form_key: super::idempotency::new_form_key(),
            ..RequestInput::default()
        }
    }
}

/// A validated request input.
#[derive(Clone, Debug)]
pub struct ValidRequest {
    /// The company's own name for it (the company app requires one; the API may leave it
    /// out: the lists then show the creation time): one line of visible text.
    pub label: Option<FreeText>,
    /// The candidate's e-mail: the link is sent there. Without one (an integrator that
    /// delivers the link itself), nothing is sent.
    pub email: Option<Email>,
    /// Context.
    pub context: Context,
    /// Language of the e-mail.
    pub language: Lang,
    /// The only person allowed to answer, if named.
    pub niss: Option<Niss>,
}

/// Whether the label and the e-mail are required (the company app) or optional (the API,
/// whose integrator delivers the link itself).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Required {
    LabelAndEmail,
    Nothing,
}

impl ValidRequest {
    /// Validates an API body: label, e-mail and language may be left out (empty counts as
    /// left out); without a language, `default_language`.
    pub fn from_api(
        input: &RequestInput,
        default_language: Lang,
    ) -> Result<ValidRequest, FieldErrors> {
        let mut input = input.clone();
        if input.language.trim().is_empty() {
            input.language = default_language.code().to_string();
        }
        validate(&input, Required::Nothing)
    }
}

/// Validates every field, collecting every message.
fn validate(input: &RequestInput, required: Required) -> Result<ValidRequest, FieldErrors> {
    let mut errors = FieldErrors::new();
    let must = required == Required::LabelAndEmail;
    let label = match FreeText::parse(&input.label, LABEL_MAX) {
        Ok(label) => Some(label),
        Err(TextError::Empty) if !must => None,
        Err(e) => {
            errors.insert(
                "label",
                e.message_key("request-error-label-empty", "request-error-label-long"),
            );
            None
        }
    };
    let email = if input.email.trim().is_empty() && !must {
        None
    } else {
        Email::parse(&input.email)
            .map_err(|e| errors.insert("email", e.message_key()))
            .ok()
    };
    let context = Context::parse(&input.context);
    if context.is_none() {
        errors.insert("context", "request-error-context");
    }
    let language = match Lang::from_code(&input.language) {
        Some(lang) if lang.code() == input.language => Some(lang),
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
    match (context, language) {
        (Some(context), Some(language)) if errors.is_empty() => Ok(ValidRequest {
            label,
            email,
            context,
            language,
            niss,
        }),
        _ => Err(errors),
    }
}

impl Asked for ValidRequest {
    fn asked(&self) -> Vec<String> {
        let text = |t: Option<&str>| t.unwrap_or_default().to_string();
        vec![
            text(self.label.as_ref().map(FreeText::as_str)),
            text(self.email.as_ref().map(Email::as_str)),
            self.context.code().to_string(),
            self.language.code().to_string(),
            text(self.niss.as_ref().map(Niss::as_str)),
        ]
    }
}

impl TryFrom<&RequestInput> for ValidRequest {
    type Error = FieldErrors;

    /// Validates the company app's form (label and e-mail required), collecting every
    /// message.
    fn try_from(input: &RequestInput) -> Result<ValidRequest, FieldErrors> {
        validate(input, Required::LabelAndEmail)
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
    /// A creation retried with its idempotency key: the first answer, nothing created.
    pub replayed: bool,
}

/// Creates a request: stores the hash of a fresh secret, records the creation, writes the
/// e-mail to the outbox (when there is an address), all in one transaction. Refused
/// ([`Refusal::BlockedByCitizen`]) when the person named blocked the company: nothing is
/// stored, nothing sent. `urls` are the citizen's side's addresses (the web side knows its
/// URLs: the link without its secret, `https://host/r/`, the help for foreigners) and the
/// contact entry, which the e-mail carries.
///
/// With an idempotency key, the key is claimed in the same transaction: a key seen before
/// with the same content answers as then (`replayed`, nothing created, no mail); with other
/// content it is refused ([`Refusal::IdempotencyKeyReused`]).
pub fn create(
    conn: &mut PgConnection,
    scope: &Scope,
    actor: &Actor,
    valid: &ValidRequest,
    urls: &CitizenUrls,
    idempotency: Option<&Idempotency>,
    now: DateTime<Utc>,
) -> Result<Created, ServiceError> {
    once(conn, idempotency, now, |conn| {
        let parties = parties(conn, scope.company_id, scope.provider_id)?;
        let (company, provider) = (&parties.0, parties.1.as_ref());
        if company.suspended_at.is_some() || provider.is_some_and(|p| p.suspended_at.is_some()) {
            return Err(Refusal::CompanySuspended.into());
        }
        // A person who blocked the company never gets its requests: refused before
        // anything is stored or sent.
        if let Some(niss) = &valid.niss
            && is_blocked_by(conn, niss, scope.company_id)?
        {
            return Err(Refusal::BlockedByCitizen.into());
        }
        let token = tokens::new_token();
        let expires_at = link_expires_at(now);
        let request = requests_db::create(
            conn,
            &NewRequest {
                company_id: scope.company_id,
                provider_id: scope.provider_id,
                label: valid.label.as_ref().map(FreeText::as_str),
                email: valid.email.as_ref().map(Email::as_str),
                context: valid.context,
                language: valid.language,
                target_niss: valid.niss.as_ref(),
                token_hash: &tokens::hash_token(&token),
                expires_at,
            },
            actor,
            now,
        )?;
        let link = send_link(conn, &request, &parties, &token, urls, now, false)?;
        Ok(Created {
            id: request.id,
            link,
            expires_at,
            request,
            replayed: false,
        })
    })
}

/// The company a request is for, and the provider acting for it.
fn parties(
    conn: &mut PgConnection,
    company_id: Uuid,
    provider_id: Option<Uuid>,
) -> Result<(Company, Option<Company>), ServiceError> {
    let find = |conn: &mut PgConnection, id| {
        crate::services::companies::find(conn, id)?.ok_or(ServiceError::NotFound)
    };
    let company = find(conn, company_id)?;
    let provider = provider_id.map(|id| find(conn, id)).transpose()?;
    Ok((company, provider))
}

/// The request's link with the secret `token`; written to the outbox in the request e-mail,
/// in the request's language, naming the company (and the provider acting for it).
/// Without an e-mail address the integrator delivers the link itself: nothing is sent. The
/// mail of a new link (`replaces`) says that the earlier one's link no longer works.
fn send_link(
    conn: &mut PgConnection,
    request: &AccessRequest,
    (company, provider): &(Company, Option<Company>),
    token: &str,
    urls: &CitizenUrls,
    now: DateTime<Utc>,
    replaces: bool,
) -> QueryResult<String> {
    let link = format!("{}{token}", urls.link_base);
    let Some(email) = request.email.as_deref() else {
        return Ok(link);
    };
    let requester = requester_name(
        request.language,
        &company.name,
        provider.as_ref().map(|p| p.name.as_str()),
    );
    let mail = RequestMail {
        request_id: request.id,
        recipient: email,
        lang: request.language,
        context: request.context,
        requester: &requester,
        link: &link,
        host: host_of(&urls.link_base),
        help_foreigners: &urls.help_foreigners,
        contact: &urls.contact,
        link_ends: request.expires_at,
        replaces,
    };
    mail::enqueue(conn, &urls.keys, &mail.render(now))?;
    Ok(link)
}

/// A new link for a pending request of the scope that nobody opened yet (the company lost
/// it, or the candidate is in front of it and wants to scan the QR code): the previous link
/// stops working, the link's end stays the same, and the e-mail, if any, is sent again with
/// the new link. Refused once the link was opened ([`Refusal::LinkOpened`]: the candidate
/// finds the request in their portal) or the request is no longer pending.
///
/// With an idempotency key (of [`NewLinkFor`] the request), as a creation: the same key
/// again (a double click, a reload of the answer, an integrator's retry) answers with the
/// link made then, and nothing is replaced or sent a second time.
pub fn new_link(
    conn: &mut PgConnection,
    scope: &Scope,
    actor: &Actor,
    id: Uuid,
    urls: &CitizenUrls,
    idempotency: Option<&Idempotency>,
    now: DateTime<Utc>,
) -> Result<Created, ServiceError> {
    // The key's content names the scope and the request: a replay is of this one.
    once(conn, idempotency, now, |conn| {
        let request = find_in_scope(conn, scope, id)?;
        if request.status_at(now) != RequestStatus::Pending {
            return Err(Refusal::RequestNotPending.into());
        }
        let token = tokens::new_token();
        if request.bound_at.is_some()
            || !requests_db::replace_link(conn, id, &tokens::hash_token(&token), actor, now)?
        {
            return Err(Refusal::LinkOpened.into());
        }
        let parties = parties(conn, request.company_id, request.provider_id)?;
        let link = send_link(conn, &request, &parties, &token, urls, now, true)?;
        Ok(Created {
            id,
            link,
            expires_at: request.expires_at,
            request,
            replayed: false,
        })
    })
}

/// What a new link asks, for its idempotency key's fingerprint: a new link for this request.
#[derive(Clone, Copy, Debug)]
pub struct NewLinkFor(pub Uuid);

impl Asked for NewLinkFor {
    fn asked(&self) -> Vec<String> {
        vec!["new-link".to_string(), self.0.to_string()]
    }
}

/// Runs `make` in one transaction with the claim of its idempotency key, if any: a key
/// seen before answers with the link it made then (nothing is made or sent again), a new
/// one records the link `make` made.
fn once(
    conn: &mut PgConnection,
    idempotency: Option<&Idempotency>,
    now: DateTime<Utc>,
    make: impl FnOnce(&mut PgConnection) -> Result<Created, ServiceError>,
) -> Result<Created, ServiceError> {
    conn.transaction(|conn| {
        if let Some(replayed) = claim(conn, idempotency, now)? {
            return Ok(replayed);
        }
        let created = make(conn)?;
        let made = Made::Link {
            request_id: created.id,
            link: created.link.clone(),
        };
        idempotency::remember(conn, idempotency, &made)?;
        Ok(created)
    })
}

/// Claims a creation's (or a new link's) idempotency key in the caller's transaction: the
/// first answer when the key was seen with the same content, `None` when there is
/// something to do (then the caller completes the key). Refused when the key came with
/// other content ([`Refusal::IdempotencyKeyReused`]), or when the link made then was
/// replaced since by another new link ([`Refusal::LinkReplaced`]: showing it again would
/// hand out a dead link).
fn claim(
    conn: &mut PgConnection,
    idempotency: Option<&Idempotency>,
    now: DateTime<Utc>,
) -> Result<Option<Created>, ServiceError> {
    let Some(k) = idempotency else {
        return Ok(None);
    };
    match idempotency_keys::claim(conn, &k.owner, &k.key, &k.fingerprint, now)? {
        Claimed::New => Ok(None),
        Claimed::Mismatch | Claimed::Replay(Made::ApiClient(_)) => {
            Err(Refusal::IdempotencyKeyReused.into())
        }
        Claimed::Replay(Made::Link { request_id, link }) => {
            let request = find(conn, request_id)?.ok_or(ServiceError::NotFound)?;
            let token = link.rsplit_once('/').map_or(link.as_str(), |(_, t)| t);
            if !requests_db::is_current_link(conn, request_id, &tokens::hash_token(token))? {
                return Err(Refusal::LinkReplaced.into());
            }
            Ok(Some(Created {
                id: request.id,
                link,
                expires_at: request.expires_at,
                request,
                replayed: true,
            }))
        }
    }
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
        // Sent again (a double click, a reload, a retry after an answer lost on the way):
        // it is withdrawn, as asked.
        if current == RequestStatus::Withdrawn {
            return Ok(request);
        }
        // The status condition of the update makes a concurrent answer win cleanly.
        let updated = requests_db::transition(
            conn,
            id,
            current,
            Transition::Withdraw,
            Guard::Any,
            SetOnTransition::Nothing,
            actor,
            None,
            now,
        )?;
        match updated {
            Some(updated) => Ok(updated),
            // Another change came first: a withdrawal (the same, sent twice at once) is
            // this one's answer; anything else (an answer, the expiry) wins.
            None => match find(conn, id)? {
                Some(again) if again.status_at(now) == RequestStatus::Withdrawn => Ok(again),
                _ => Err(Refusal::RequestNotPending.into()),
            },
        }
    })
}

/// A request of the scope (404 for anything else, whoever owns it).
pub fn find_in_scope(
    conn: &mut PgConnection,
    scope: &Scope,
    id: Uuid,
) -> Result<AccessRequest, ServiceError> {
    let request = find(conn, id)?.ok_or(ServiceError::NotFound)?;
    visible_in(scope, request)
}

/// `request` (already read) if the party `scope` sees it, else [`ServiceError::NotFound`]
/// (the check of [`find_in_scope`] without reading the row again).
pub fn visible_in(scope: &Scope, request: AccessRequest) -> Result<AccessRequest, ServiceError> {
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

/// The pending request of the scope that [`withdraw`] would withdraw, changing nothing:
/// what its confirmation names (not found outside the scope, refused when not pending).
pub fn withdrawable(
    conn: &mut PgConnection,
    scope: &Scope,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<AccessRequest, ServiceError> {
    let request = find_in_scope(conn, scope, id)?;
    if request.status_at(now) == RequestStatus::Pending {
        Ok(request)
    } else {
        Err(Refusal::RequestNotPending.into())
    }
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
    with_personal()
        .filter(in_scope::<WithPersonalSource>(scope))
        .filter(request_parties::citizen_niss.eq(citizen))
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
            form_key: String::new(),
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
            form_key: String::new(),
        };
        let v = ValidRequest::try_from(&input).unwrap();
        assert_eq!(v.email.unwrap().as_str(), "Maria@example.be");
        assert_eq!(v.context, Context::FlexiJob);
        assert_eq!(v.language, Lang::Nl);
        assert!(v.niss.is_none());
    }

    #[test]
    fn the_api_may_leave_out_label_email_and_language() {
        let bare = RequestInput {
            context: "STUDENT_HOURS".into(),
            ..RequestInput::default()
        };
        // The company app's form requires label and e-mail.
        let errors = ValidRequest::try_from(&bare).expect_err("the form needs them");
        assert_eq!(
            errors.keys().copied().collect::<Vec<_>>(),
            ["email", "label", "language"]
        );
        let v = ValidRequest::from_api(&bare, Lang::Nl).unwrap();
        assert_eq!(v.label, None);
        assert!(v.email.is_none());
        assert_eq!((v.context, v.language), (Context::StudentHours, Lang::Nl));
        // What is given is still validated.
        let bad = RequestInput {
            email: "nope".into(),
            language: "xx".into(),
            label: "x".repeat(LABEL_MAX + 1),
            ..bare.clone()
        };
        let errors = ValidRequest::from_api(&bad, Lang::Fr).expect_err("invalid");
        assert_eq!(
            errors.keys().copied().collect::<Vec<_>>(),
            ["email", "label", "language"]
        );
        // A control character (a NUL byte cannot even be stored) is refused, not stored.
        for label in ["a\u{0}b", "tab\there", "line\nbreak"] {
            let input = RequestInput {
                label: label.into(),
                ..bare.clone()
            };
            let errors = ValidRequest::from_api(&input, Lang::Fr).expect_err(label);
            assert_eq!(errors.get("label"), Some(&"text-error-characters"));
        }
    }
}
