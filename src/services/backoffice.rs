//! The back office's use cases: search requests and mandates, a request's timeline, block
//! and unblock, suspend and reinstate a company, the dashboard, and the audit of staff
//! look-ups.
//!
//! Who may do what is decided here ([`may_follow`], [`may_supervise`]), so that the web
//! side and any later API share one rule. Every look-up of a person's data and every
//! action is written to `staff_audit` in the transaction of the action; a NISS is never
//! stored there in full (only masked).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use diesel::{
    dsl::{count_star, sql},
    pg::Pg,
    prelude::*,
    sql_types::{Bool, Text},
};
use uuid::Uuid;

use super::{
    FieldErrors, Refusal, ServiceError,
    companies::{self, Company},
    consult,
};
use crate::{
    auth::StaffRole,
    db::{
        access_requests::{
            self as requests_db, AccessRequest, Guard, SetOnTransition, find, find_for_update,
            status_is,
        },
        job_runs::{self, JobRun},
        request_events,
        schema::{
            access_request_keys as keys, access_requests, api_clients, companies as companies_t,
            email_attempts, outbox_emails, staff, staff_audit, webhook_deliveries,
        },
    },
    domain::{Actor, Bce, CompanyKind, Context, Niss, RequestStatus, status::Transition},
};

/// Rows per page of the search and of the audit.
pub const PAGE_SIZE: i64 = 50;
/// Highest page served.
pub const MAX_PAGE: i64 = 10_000;
/// Longest reason accepted for a block or a suspension.
pub const REASON_MAX: usize = 500;
/// Most companies a name search is narrowed to.
const COMPANY_MATCHES: i64 = 200;

diesel::define_sql_function! {
    /// SQL `lower()` (the search indexes are on `lower(label)`, `lower(email)`, `lower(name)`).
    fn lower(x: diesel::sql_types::Nullable<Text>) -> diesel::sql_types::Nullable<Text>;
}

/// Whether a role may search, view timelines, block and unblock.
pub fn may_follow(role: StaffRole) -> bool {
    matches!(role, StaffRole::Agent | StaffRole::Supervisor)
}

/// Whether a role may suspend companies, read the staff audit and run jobs.
pub fn may_supervise(role: StaffRole) -> bool {
    matches!(role, StaffRole::Supervisor)
}

/// What a staff member did, as `staff_audit.action` stores it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AuditAction {
    /// Searched requests by a citizen's NISS.
    SearchNiss,
    /// Revealed the full NISS on a timeline.
    RevealNiss,
    /// Opened a request's timeline.
    ViewRequest,
    /// Blocked a request or mandate.
    Block,
    /// Unblocked a mandate.
    Unblock,
    /// Suspended a company.
    Suspend,
    /// Reinstated a company.
    Reinstate,
    /// Ran a background job by hand.
    RunJob,
}

impl AuditAction {
    /// Every action.
    pub const ALL: [AuditAction; 8] = [
        AuditAction::SearchNiss,
        AuditAction::RevealNiss,
        AuditAction::ViewRequest,
        AuditAction::Block,
        AuditAction::Unblock,
        AuditAction::Suspend,
        AuditAction::Reinstate,
        AuditAction::RunJob,
    ];

    /// Stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SearchNiss => "search_niss",
            AuditAction::RevealNiss => "reveal_niss",
            AuditAction::ViewRequest => "view_request",
            AuditAction::Block => "block",
            AuditAction::Unblock => "unblock",
            AuditAction::Suspend => "suspend",
            AuditAction::Reinstate => "reinstate",
            AuditAction::RunJob => "run_job",
        }
    }

    /// Parses the stored value.
    pub fn parse(s: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Writes one audit row. `target` is a request or company id, or a masked NISS: never a
/// full NISS.
pub fn audit(
    conn: &mut PgConnection,
    staff_id: Uuid,
    action: AuditAction,
    target: Option<&str>,
    detail: Option<&str>,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(staff_audit::table)
        .values((
            staff_audit::staff_id.eq(staff_id),
            staff_audit::at.eq(at),
            staff_audit::action.eq(action.as_str()),
            staff_audit::target.eq(target),
            staff_audit::detail.eq(detail),
        ))
        .execute(conn)
        .map(|_| ())
}

// ---------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------

/// A state to search for: a status as the clock says, or archived.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum StateFilter {
    /// A status read at now (a pending request past its 72 hours is expired...).
    Status(RequestStatus),
    /// Archived (gone from the company's lists).
    Archived,
}

impl StateFilter {
    /// Every choice, in the order of the form.
    pub fn all() -> Vec<StateFilter> {
        RequestStatus::ALL
            .into_iter()
            .map(StateFilter::Status)
            .chain([StateFilter::Archived])
            .collect()
    }
    /// The form value.
    pub fn as_str(self) -> &'static str {
        match self {
            StateFilter::Status(s) => s.as_str(),
            StateFilter::Archived => "archived",
        }
    }
    /// Parses the form value.
    pub fn parse(s: &str) -> Option<StateFilter> {
        match s {
            "archived" => Some(StateFilter::Archived),
            other => RequestStatus::parse(other).map(StateFilter::Status),
        }
    }
}

/// The search form, raw as typed. The NISS only ever comes in a POST body.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct SearchInput {
    /// Enterprise number or the beginning of the company's name.
    #[serde(default)]
    pub company: String,
    /// Beginning of the label.
    #[serde(default)]
    pub label: String,
    /// Beginning of the candidate's e-mail (or all of it).
    #[serde(default)]
    pub email: String,
    /// State (see [`StateFilter`]).
    #[serde(default)]
    pub state: String,
    /// Context code.
    #[serde(default)]
    pub context: String,
    /// Created on or after this day (YYYY-MM-DD, Belgian time).
    #[serde(default)]
    pub from: String,
    /// Created on or before this day (YYYY-MM-DD, Belgian time).
    #[serde(default)]
    pub to: String,
    /// The citizen's NISS (POST only; never put in a URL).
    #[serde(default, skip_serializing)]
    pub niss: String,
    /// Page number, from 1.
    #[serde(default)]
    pub page: Option<i64>,
}

impl SearchInput {
    /// Whether any filter is given.
    pub fn is_empty(&self) -> bool {
        [
            &self.company,
            &self.label,
            &self.email,
            &self.state,
            &self.context,
            &self.from,
            &self.to,
            &self.niss,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }

    /// The filters as a query string (no NISS, no page), for links.
    pub fn query_string(&self) -> String {
        let mut copy = self.clone();
        copy.page = None;
        copy.niss.clear();
        serde_urlencoded::to_string(&copy).unwrap_or_default()
    }
}

/// How the company is looked for.
#[derive(Clone, Debug)]
enum CompanyFilter {
    Bce(Bce),
    NamePrefix(String),
}

/// A validated search.
#[derive(Clone, Debug, Default)]
pub struct Search {
    company: Option<CompanyFilter>,
    label: Option<String>,
    email: Option<String>,
    state: Option<StateFilter>,
    context: Option<Context>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    niss: Option<Niss>,
    page: i64,
}

impl Search {
    /// The NISS searched for, if any.
    pub fn niss(&self) -> Option<&Niss> {
        self.niss.as_ref()
    }
}

/// The start of a Belgian calendar day, in UTC.
fn day_start(day: NaiveDate) -> Option<DateTime<Utc>> {
    use chrono::TimeZone;
    chrono_tz::Europe::Brussels
        .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .earliest()
        .map(|d| d.with_timezone(&Utc))
}

impl SearchInput {
    /// Validates the form, collecting every message.
    pub fn validate(&self) -> Result<Search, ServiceError> {
        let mut errors = FieldErrors::new();
        let company = self.company.trim();
        let company = if company.is_empty() {
            None
        } else if company.chars().all(|c| {
            c.is_ascii_digit()
                || " .-".contains(c)
                || c.eq_ignore_ascii_case(&'b')
                || c.eq_ignore_ascii_case(&'e')
        }) && company.chars().filter(char::is_ascii_digit).count() >= 9
        {
            match Bce::parse(company) {
                Ok(b) => Some(CompanyFilter::Bce(b)),
                Err(e) => {
                    errors.insert("company", e.message_key());
                    None
                }
            }
        } else {
            Some(CompanyFilter::NamePrefix(company.to_lowercase()))
        };
        let text = |s: &str| Some(s.trim().to_lowercase()).filter(|s| !s.is_empty());
        let state = match self.state.trim() {
            "" => None,
            s => match StateFilter::parse(s) {
                Some(f) => Some(f),
                None => {
                    errors.insert("state", "admin-error-state");
                    None
                }
            },
        };
        let context = match self.context.trim() {
            "" => None,
            c => match Context::parse(c) {
                Some(c) => Some(c),
                None => {
                    errors.insert("context", "admin-error-context");
                    None
                }
            },
        };
        let mut date = |field: &'static str, s: &str, next_day: bool| match s.trim() {
            "" => None,
            s => match NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .and_then(|d| if next_day { d.succ_opt() } else { Some(d) })
                .and_then(day_start)
            {
                Some(d) => Some(d),
                None => {
                    errors.insert(field, "admin-error-date");
                    None
                }
            },
        };
        let from = date("from", &self.from, false);
        let to = date("to", &self.to, true);
        if let (Some(f), Some(t)) = (from, to)
            && t <= f
        {
            errors.insert("to", "admin-error-date-order");
        }
        let niss = match self.niss.trim() {
            "" => None,
            n => match Niss::parse(n) {
                Ok(n) => Some(n),
                Err(e) => {
                    errors.insert("niss", e.message_key());
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        Ok(Search {
            company,
            label: text(&self.label),
            email: text(&self.email),
            state,
            context,
            from,
            to,
            niss,
            page: self.page.unwrap_or(1).clamp(1, MAX_PAGE),
        })
    }
}

/// One row of the search results.
#[derive(Clone, Debug)]
pub struct SearchRow {
    /// The request.
    pub request: AccessRequest,
    /// Its status as the clock says.
    pub status: RequestStatus,
    /// The company the access is for.
    pub company_name: String,
    /// The provider acting for it, if any.
    pub provider_name: Option<String>,
}

/// One page of results, newest first. No total: counting millions of rows for a page
/// number is not worth it; the page says whether there is a next one.
#[derive(Clone, Debug)]
pub struct SearchPage {
    /// The rows.
    pub items: Vec<SearchRow>,
    /// Page number, from 1.
    pub page: i64,
    /// Whether another page follows.
    pub has_next: bool,
}

type BoxedQuery<'a> = access_requests::BoxedQuery<'a, Pg>;

/// `s` escaped for LIKE, followed by `%`: a prefix pattern.
fn prefix_pattern(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    for ch in s.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('%');
    out
}

/// Requests whose status reads as `filter` at `now`.
fn with_state<'a>(q: BoxedQuery<'a>, filter: StateFilter, now: DateTime<Utc>) -> BoxedQuery<'a> {
    match filter {
        StateFilter::Archived => q.filter(access_requests::archived_at.is_not_null()),
        StateFilter::Status(status) => q.filter(status_is(status, now)),
    }
}

/// Searches requests and mandates (archived ones included), newest first, one page.
/// A search by NISS is audited (`search_niss`, the NISS masked) in the same transaction.
pub fn search(
    conn: &mut PgConnection,
    staff_id: Uuid,
    search: &Search,
    now: DateTime<Utc>,
) -> Result<SearchPage, ServiceError> {
    use access_requests::dsl as r;
    conn.transaction(|conn| {
        if let Some(niss) = &search.niss {
            audit(
                conn,
                staff_id,
                AuditAction::SearchNiss,
                Some(&niss.masked()),
                None,
                now,
            )?;
        }
        // (id, kind) of the companies searched for; a provider's requests are found by
        // `provider_id` too (only then: an employer never acts as a provider, and the OR
        // would keep the planner from the (company_id, status, created_at) index).
        let matched: Option<Vec<(Uuid, String)>> = match &search.company {
            None => None,
            Some(CompanyFilter::Bce(b)) => Some(
                companies_t::table
                    .filter(companies_t::bce.eq(b.as_str()))
                    .select((companies_t::id, companies_t::kind))
                    .load(conn)?,
            ),
            Some(CompanyFilter::NamePrefix(p)) => Some(
                companies_t::table
                    .filter(lower(companies_t::name.nullable()).like(prefix_pattern(p)))
                    .select((companies_t::id, companies_t::kind))
                    .limit(COMPANY_MATCHES)
                    .load(conn)?,
            ),
        };
        if matched.as_ref().is_some_and(Vec::is_empty) {
            return Ok(SearchPage {
                items: Vec::new(),
                page: search.page,
                has_next: false,
            });
        }
        let mut q = access_requests::table.into_boxed();
        if let Some(matched) = matched {
            let ids: Vec<Uuid> = matched.iter().map(|(id, _)| *id).collect();
            let providers: Vec<Uuid> = matched
                .iter()
                .filter(|(_, kind)| CompanyKind::parse(kind) == Some(CompanyKind::Provider))
                .map(|(id, _)| *id)
                .collect();
            q = if providers.is_empty() {
                q.filter(r::company_id.eq_any(ids))
            } else {
                q.filter(
                    r::company_id
                        .eq_any(ids)
                        .or(r::provider_id.eq_any(providers)),
                )
            };
        }
        // Label and e-mail through their search keys (kept beside the table so that the
        // purge stays a HOT update; see the back-office migration).
        if let Some(label) = &search.label {
            q = q.filter(
                r::id.eq_any(
                    keys::table
                        .filter(keys::label_lower.like(prefix_pattern(label)))
                        .select(keys::request_id),
                ),
            );
        }
        if let Some(email) = &search.email {
            q = q.filter(
                r::id.eq_any(
                    keys::table
                        .filter(keys::email_lower.like(prefix_pattern(email)))
                        .select(keys::request_id),
                ),
            );
        }
        if let Some(state) = search.state {
            q = with_state(q, state, now);
        }
        if let Some(context) = search.context {
            q = q.filter(r::context.eq(context));
        }
        if let Some(from) = search.from {
            q = q.filter(r::created_at.ge(from));
        }
        if let Some(to) = search.to {
            q = q.filter(r::created_at.lt(to));
        }
        if let Some(niss) = &search.niss {
            // A person has few requests: their ids first (the one who answered, or the one
            // named at creation), each side through its own index.
            let mut ids: Vec<Uuid> = access_requests::table
                .filter(r::citizen_niss.eq(niss))
                .select(r::id)
                .load(conn)?;
            ids.extend(
                keys::table
                    .filter(keys::target_niss.eq(niss.as_str()))
                    .select(keys::request_id)
                    .load::<Uuid>(conn)?,
            );
            q = q.filter(r::id.eq_any(ids));
        }
        let mut rows: Vec<AccessRequest> = q
            .order((r::created_at.desc(), r::id.desc()))
            .limit(PAGE_SIZE + 1)
            .offset((search.page - 1) * PAGE_SIZE)
            .select(AccessRequest::as_select())
            .load(conn)?;
        let has_next = rows.len() as i64 > PAGE_SIZE;
        rows.truncate(PAGE_SIZE as usize);
        let mut ids: Vec<Uuid> = rows
            .iter()
            .flat_map(|r| [Some(r.company_id), r.provider_id])
            .flatten()
            .collect();
        ids.sort();
        ids.dedup();
        let names: Vec<(Uuid, String)> = if ids.is_empty() {
            Vec::new()
        } else {
            companies_t::table
                .filter(companies_t::id.eq_any(&ids))
                .select((companies_t::id, companies_t::name))
                .load(conn)?
        };
        let name_of = |id: Uuid| names.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone());
        let items = rows
            .into_iter()
            .map(|request| SearchRow {
                status: request.status_at(now),
                company_name: name_of(request.company_id).unwrap_or_default(),
                provider_name: request.provider_id.and_then(name_of),
                request,
            })
            .collect();
        Ok(SearchPage {
            items,
            page: search.page,
            has_next,
        })
    })
}

// ---------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------

/// Who made a transition, as the helpdesk sees it (people masked).
#[derive(Clone, Debug)]
pub struct TimelineEvent {
    /// The recorded transition.
    pub event: request_events::Event,
    /// The actor shown: a masked NISS, a staff member's name, an API client's name, a job.
    pub actor: String,
}

/// An e-mail of the request and its delivery.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = outbox_emails, check_for_backend(diesel::pg::Pg))]
pub struct MailRow {
    /// Id.
    pub id: Uuid,
    /// Subject line.
    pub subject: String,
    /// Written.
    pub created_at: DateTime<Utc>,
    /// Attempts so far.
    pub attempts: i32,
    /// Delivered.
    pub sent_at: Option<DateTime<Utc>>,
    /// Given up.
    pub failed_at: Option<DateTime<Utc>>,
    /// Last error.
    pub last_error: Option<String>,
    /// Next attempt.
    pub next_attempt_at: DateTime<Utc>,
}

/// One delivery attempt of an e-mail.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = email_attempts, check_for_backend(diesel::pg::Pg))]
pub struct AttemptRow {
    /// The e-mail.
    pub email_id: Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// Delivered?
    pub ok: bool,
    /// Why not.
    pub error: Option<String>,
}

/// A webhook delivery announcing a transition of the request.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = webhook_deliveries, check_for_backend(diesel::pg::Pg))]
pub struct WebhookRow {
    /// Id.
    pub id: Uuid,
    /// The event's name.
    pub event: String,
    /// Written.
    pub created_at: DateTime<Utc>,
    /// Attempts so far.
    pub attempts: i32,
    /// Delivered.
    pub delivered_at: Option<DateTime<Utc>>,
    /// Given up.
    pub failed_at: Option<DateTime<Utc>>,
    /// Last error.
    pub last_error: Option<String>,
}

/// Everything the timeline page shows.
#[derive(Clone, Debug)]
pub struct Timeline {
    /// The request.
    pub request: AccessRequest,
    /// Its status as the clock says.
    pub status: RequestStatus,
    /// The company the access is for.
    pub company: Company,
    /// The provider acting for it.
    pub provider: Option<Company>,
    /// Transitions, oldest first.
    pub events: Vec<TimelineEvent>,
    /// E-mails, oldest first.
    pub mails: Vec<MailRow>,
    /// Their attempts, oldest first.
    pub attempts: Vec<AttemptRow>,
    /// Webhook deliveries, oldest first.
    pub webhooks: Vec<WebhookRow>,
    /// Consultations made under it.
    pub consultations: i64,
    /// The citizen who answered (full NISS: show it masked unless revealed).
    pub citizen: Option<Niss>,
    /// The person named at creation.
    pub target: Option<Niss>,
}

/// How a timeline is looked at (and audited).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Look {
    /// Opened: audited `view_request`.
    View,
    /// The full NISS asked for: audited `reveal_niss`.
    Reveal,
    /// Shown again after an action on the page (the action is audited itself).
    Again,
}

/// The timeline of request `id`, looked at as `look` says.
pub fn timeline(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    look: Look,
    now: DateTime<Utc>,
) -> Result<Timeline, ServiceError> {
    conn.transaction(|conn| {
        let request = find(conn, id)?.ok_or(ServiceError::NotFound)?;
        let citizen = request.citizen_niss.clone();
        let target = request.target_niss.clone();
        let shown = citizen.as_ref().or(target.as_ref()).map(Niss::masked);
        match look {
            Look::Reveal => audit(
                conn,
                staff_id,
                AuditAction::RevealNiss,
                Some(&id.to_string()),
                shown.as_deref(),
                now,
            )?,
            Look::View => audit(
                conn,
                staff_id,
                AuditAction::ViewRequest,
                Some(&id.to_string()),
                None,
                now,
            )?,
            Look::Again => {}
        }
        let company = companies::find(conn, request.company_id)?.ok_or(ServiceError::NotFound)?;
        let provider = match request.provider_id {
            Some(p) => companies::find(conn, p)?,
            None => None,
        };
        let staff_names: Vec<(Uuid, String)> = staff::table
            .select((staff::id, staff::display_name))
            .load(conn)?;
        let client_names: Vec<(Uuid, String)> = api_clients::table
            .filter(
                api_clients::company_id.eq_any(
                    [Some(request.company_id), request.provider_id]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>(),
                ),
            )
            .select((api_clients::id, api_clients::name))
            .load(conn)?;
        let events = request_events::timeline(conn, id)?
            .into_iter()
            .map(|event| {
                let reference = event.actor_ref.clone().unwrap_or_default();
                let actor = match event.actor_kind.as_str() {
                    "citizen" | "company_user" => Niss::parse(&reference)
                        .map(|n| n.masked())
                        .unwrap_or_default(),
                    "staff" => Uuid::parse_str(&reference)
                        .ok()
                        .and_then(|u| staff_names.iter().find(|(i, _)| *i == u))
                        .map(|(_, n)| n.clone())
                        .unwrap_or(reference),
                    "api_client" => Uuid::parse_str(&reference)
                        .ok()
                        .and_then(|u| client_names.iter().find(|(i, _)| *i == u))
                        .map(|(_, n)| n.clone())
                        .unwrap_or(reference),
                    _ => reference,
                };
                TimelineEvent { event, actor }
            })
            .collect();
        let mails: Vec<MailRow> = outbox_emails::table
            .filter(outbox_emails::request_id.eq(id))
            .order(outbox_emails::created_at)
            .select(MailRow::as_select())
            .load(conn)?;
        let mail_ids: Vec<Uuid> = mails.iter().map(|m| m.id).collect();
        let attempts: Vec<AttemptRow> = email_attempts::table
            .filter(email_attempts::email_id.eq_any(&mail_ids))
            .order((email_attempts::at, email_attempts::id))
            .select(AttemptRow::as_select())
            .load(conn)?;
        let client_ids: Vec<Uuid> = client_names.iter().map(|(i, _)| *i).collect();
        let webhooks: Vec<WebhookRow> = if client_ids.is_empty() {
            Vec::new()
        } else {
            webhook_deliveries::table
                .filter(webhook_deliveries::client_id.eq_any(&client_ids))
                .filter(
                    sql::<Bool>("(payload::jsonb -> 'data' ->> 'requestId') = ")
                        .bind::<Text, _>(id.to_string()),
                )
                .order(webhook_deliveries::created_at)
                .select(WebhookRow::as_select())
                .load(conn)?
        };
        let consultations = consult::consultations_of_request(conn, id)?;
        Ok(Timeline {
            status: request.status_at(now),
            request,
            company,
            provider,
            events,
            mails,
            attempts,
            webhooks,
            consultations,
            citizen,
            target,
        })
    })
}

// ---------------------------------------------------------------------------------------
// Block, unblock
// ---------------------------------------------------------------------------------------

/// A reason, trimmed, required and bounded.
fn reason(input: &str) -> Result<String, ServiceError> {
    let r = input.trim();
    if r.is_empty() {
        Err(ServiceError::field("reason", "admin-error-reason-required"))
    } else if r.chars().count() > REASON_MAX {
        Err(ServiceError::field("reason", "admin-error-reason-long"))
    } else {
        Ok(r.to_string())
    }
}

/// Blocks a pending request or an active mandate, with a reason the company and the
/// citizen will see. Refused (conflict) in any other state.
pub fn block(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    reason_input: &str,
    now: DateTime<Utc>,
) -> Result<AccessRequest, ServiceError> {
    let reason = reason(reason_input)?;
    conn.transaction(|conn| {
        let request = find_for_update(conn, id)?.ok_or(ServiceError::NotFound)?;
        let current = request.status_at(now);
        let updated = requests_db::transition(
            conn,
            id,
            current,
            Transition::Block,
            Guard::Any,
            SetOnTransition::Reason(Some(&reason)),
            &Actor::Staff { id: staff_id },
            Some(&reason),
            now,
        )?
        .ok_or(Refusal::NotBlockable)?;
        audit(
            conn,
            staff_id,
            AuditAction::Block,
            Some(&id.to_string()),
            Some(&reason),
            now,
        )?;
        Ok(updated)
    })
}

/// Unblocks a blocked mandate: only one that had been accepted and whose validity is not
/// over goes back to `accepted`. A blocked pending request stays blocked (nobody accepted
/// it): conflict `admin-error-unblock-never-accepted`; a mandate past its end:
/// `admin-error-unblock-ended`.
pub fn unblock(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    reason_input: &str,
    now: DateTime<Utc>,
) -> Result<AccessRequest, ServiceError> {
    let reason = reason(reason_input)?;
    conn.transaction(|conn| {
        let request = find_for_update(conn, id)?.ok_or(ServiceError::NotFound)?;
        if request.status != RequestStatus::Blocked {
            return Err(Refusal::NotBlocked.into());
        }
        if request.accepted_at.is_none() || request.mandate_id.is_none() {
            return Err(Refusal::UnblockNeverAccepted.into());
        }
        if request.archived_at.is_some() || request.valid_until.is_none_or(|u| u <= now) {
            return Err(Refusal::UnblockEnded.into());
        }
        let updated = requests_db::transition(
            conn,
            id,
            RequestStatus::Blocked,
            Transition::Unblock,
            Guard::Any,
            SetOnTransition::Reason(None),
            &Actor::Staff { id: staff_id },
            Some(&reason),
            now,
        )?
        .ok_or(Refusal::NotBlocked)?;
        audit(
            conn,
            staff_id,
            AuditAction::Unblock,
            Some(&id.to_string()),
            Some(&reason),
            now,
        )?;
        Ok(updated)
    })
}

// ---------------------------------------------------------------------------------------
// Companies
// ---------------------------------------------------------------------------------------

/// A company as the back office sees it.
#[derive(Clone, Debug)]
pub struct CompanyView {
    /// The company.
    pub company: Company,
    /// Its requests by status as the clock says (archived ones included).
    pub requests: i64,
}

/// A company by id, with the number of its requests.
pub fn company(conn: &mut PgConnection, id: Uuid) -> Result<CompanyView, ServiceError> {
    let company = companies::find(conn, id)?.ok_or(ServiceError::NotFound)?;
    let requests = access_requests::table
        .filter(access_requests::company_id.eq(id))
        .select(count_star())
        .first(conn)?;
    Ok(CompanyView { company, requests })
}

/// Suspends a company (supervisors): its users can neither create nor consult, its API
/// clients are refused, and they are told `reason`.
pub fn suspend(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    reason_input: &str,
    now: DateTime<Utc>,
) -> Result<Company, ServiceError> {
    let reason = reason(reason_input)?;
    conn.transaction(|conn| {
        let updated = crate::db::companies::suspend(conn, id, &reason, now)?;
        let Some(company) = updated else {
            return match companies::find(conn, id)? {
                Some(_) => Err(Refusal::AlreadySuspended.into()),
                None => Err(ServiceError::NotFound),
            };
        };
        audit(
            conn,
            staff_id,
            AuditAction::Suspend,
            Some(&id.to_string()),
            Some(&reason),
            now,
        )?;
        Ok(company)
    })
}

/// Lifts a company's suspension (supervisors).
pub fn reinstate(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Company, ServiceError> {
    conn.transaction(|conn| {
        let updated = crate::db::companies::reinstate(conn, id)?;
        let Some(company) = updated else {
            return match companies::find(conn, id)? {
                Some(_) => Err(Refusal::NotSuspended.into()),
                None => Err(ServiceError::NotFound),
            };
        };
        audit(
            conn,
            staff_id,
            AuditAction::Reinstate,
            Some(&id.to_string()),
            None,
            now,
        )?;
        Ok(company)
    })
}

// ---------------------------------------------------------------------------------------
// Dashboard
// ---------------------------------------------------------------------------------------

/// The dashboard's figures.
#[derive(Clone, Debug, Default)]
pub struct Dashboard {
    /// Requests not archived, by status as the clock says (every status, zeros included).
    pub by_status: Vec<(RequestStatus, i64)>,
    /// Archived requests.
    pub archived: i64,
    /// Pending requests whose link ends within 24 hours.
    pub expiring_24h: i64,
    /// Active mandates ending within 7 days.
    pub ending_week: i64,
    /// E-mails failing: given up, or tried and not delivered yet.
    pub mails_failing: i64,
    /// Webhook deliveries failing: given up, or tried and not delivered yet.
    pub webhooks_failing: i64,
    /// The last run of every job that ran.
    pub last_runs: Vec<JobRun>,
}

/// The dashboard at `now`.
pub fn dashboard(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<Dashboard> {
    use access_requests::dsl as r;
    let mut by_status = Vec::with_capacity(RequestStatus::ALL.len());
    for status in RequestStatus::ALL {
        let n: i64 = access_requests::table
            .filter(r::archived_at.is_null())
            .filter(status_is(status, now))
            .select(count_star())
            .first(conn)?;
        by_status.push((status, n));
    }
    let archived: i64 = access_requests::table
        .filter(r::archived_at.is_not_null())
        .select(count_star())
        .first(conn)?;
    let expiring_24h = access_requests::table
        .filter(status_is(RequestStatus::Pending, now))
        .filter(r::expires_at.le(now + Duration::hours(24)))
        .select(count_star())
        .first(conn)?;
    let ending_week = access_requests::table
        .filter(status_is(RequestStatus::Accepted, now))
        .filter(r::valid_until.le(now + Duration::days(7)))
        .select(count_star())
        .first(conn)?;
    let mails_failing = outbox_emails::table
        .filter(outbox_emails::sent_at.is_null())
        .filter(
            outbox_emails::failed_at
                .is_not_null()
                .or(outbox_emails::attempts.gt(0)),
        )
        .select(count_star())
        .first(conn)?;
    let webhooks_failing = webhook_deliveries::table
        .filter(webhook_deliveries::delivered_at.is_null())
        .filter(
            webhook_deliveries::failed_at
                .is_not_null()
                .or(webhook_deliveries::attempts.gt(0)),
        )
        .select(count_star())
        .first(conn)?;
    Ok(Dashboard {
        by_status,
        archived,
        expiring_24h,
        ending_week,
        mails_failing,
        webhooks_failing,
        last_runs: job_runs::last_runs(conn)?,
    })
}

// ---------------------------------------------------------------------------------------
// Audit
// ---------------------------------------------------------------------------------------

/// One entry of the staff audit.
#[derive(Clone, Debug)]
pub struct AuditEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (display name).
    pub staff: String,
    /// What.
    pub action: String,
    /// On what (request or company id, or a masked NISS).
    pub target: Option<String>,
    /// Reason, job name...
    pub detail: Option<String>,
}

/// One page of the audit, newest first.
#[derive(Clone, Debug)]
pub struct AuditPage {
    /// The entries.
    pub items: Vec<AuditEntry>,
    /// Page number, from 1.
    pub page: i64,
    /// Whether another page follows.
    pub has_next: bool,
}

/// A page of the staff audit, newest first.
pub fn audit_page(conn: &mut PgConnection, page: i64) -> QueryResult<AuditPage> {
    let page = page.clamp(1, MAX_PAGE);
    type Row = (
        DateTime<Utc>,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let mut rows: Vec<Row> = staff_audit::table
        .inner_join(staff::table)
        .order((staff_audit::at.desc(), staff_audit::id.desc()))
        .limit(PAGE_SIZE + 1)
        .offset((page - 1) * PAGE_SIZE)
        .select((
            staff_audit::at,
            staff::display_name,
            staff_audit::action,
            staff_audit::target,
            staff_audit::detail,
        ))
        .load(conn)?;
    let has_next = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    Ok(AuditPage {
        items: rows
            .into_iter()
            .map(|(at, staff, action, target, detail)| AuditEntry {
                at,
                staff,
                action,
                target,
                detail,
            })
            .collect(),
        page,
        has_next,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_filter_is_validated() {
        let input = SearchInput {
            company: "0765.432.147".into(),
            state: "sleeping".into(),
            context: "PENSION".into(),
            from: "2025-13-01".into(),
            to: "yesterday".into(),
            niss: "123".into(),
            ..SearchInput::default()
        };
        let Err(ServiceError::Invalid(errors)) = input.validate() else {
            panic!("should be invalid");
        };
        let fields: Vec<_> = errors.keys().copied().collect();
        assert_eq!(
            fields,
            ["company", "context", "from", "niss", "state", "to"]
        );
    }

    #[test]
    fn a_name_is_a_prefix_and_a_number_an_enterprise_number() {
        let s = SearchInput {
            company: "Resto".into(),
            ..SearchInput::default()
        }
        .validate()
        .unwrap();
        assert!(matches!(s.company, Some(CompanyFilter::NamePrefix(ref p)) if p == "resto"));
        let s = SearchInput {
            company: "BE 0765.432.146".into(),
            ..SearchInput::default()
        }
        .validate()
        .unwrap();
        assert!(matches!(s.company, Some(CompanyFilter::Bce(_))));
    }

    #[test]
    fn dates_are_belgian_days_and_the_end_day_is_included() {
        let s = SearchInput {
            from: "2025-03-01".into(),
            to: "2025-03-05".into(),
            ..SearchInput::default()
        }
        .validate()
        .unwrap();
        assert_eq!(s.from.unwrap().to_rfc3339(), "2025-02-28T23:00:00+00:00");
        assert_eq!(s.to.unwrap().to_rfc3339(), "2025-03-05T23:00:00+00:00");
        let bad = SearchInput {
            from: "2025-03-05".into(),
            to: "2025-03-01".into(),
            ..SearchInput::default()
        };
        assert!(bad.validate().is_err());
    }

    #[test]
    fn the_query_string_never_carries_the_niss() {
        let input = SearchInput {
            label: "Plonge".into(),
            niss: "90051402426".into(),
            page: Some(3),
            ..SearchInput::default()
        };
        let q = input.query_string();
        assert!(!q.contains("90051402426"), "{q}");
        assert!(q.contains("label=Plonge"));
        assert!(!q.contains("page"));
    }

    #[test]
    fn prefixes_are_escaped() {
        assert_eq!(prefix_pattern("50%_a\\"), "50\\%\\_a\\\\%");
    }

    #[test]
    fn audit_actions_round_trip() {
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(a));
        }
    }
}
