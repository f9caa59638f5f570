//! Search of requests and mandates (archived ones included), by company, label, e-mail,
//! state, context, creation days and the citizen's NISS. A search by NISS is audited.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{pg::Pg, prelude::*, sql_types::Text};
use uuid::Uuid;

use super::{
    MAX_PAGE, PAGE_SIZE, Page,
    audit::{AuditAction, PersonKey, audit_person},
    offset,
};
use crate::{
    db::{
        access_requests::{AccessRequest, WithPersonal, status_is, with_personal},
        schema::{
            access_requests, companies as companies_t, request_parties,
            request_personal as personal,
        },
        text::{like_contains, like_prefix},
    },
    domain::{Bce, CompanyKind, Context, FreeText, Niss, RequestStatus},
    services::{FieldErrors, ServiceError},
};

/// Most companies a name search is narrowed to.
const COMPANY_MATCHES: i64 = 200;

diesel::define_sql_function! {
    /// SQL `mandat_fold()`: lower case without accents, immutable (the trigram index of
    /// company names is on `mandat_fold(name)`; see the name-search migration).
    fn mandat_fold(x: Text) -> Text;
}

diesel::define_sql_function! {
    /// SQL `lower()`: the key of the personal data's label and e-mail indexes.
    fn lower(x: diesel::sql_types::Nullable<Text>) -> diesel::sql_types::Nullable<Text>;
}

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

/// The search form, raw as typed. The NISS and the e-mail only ever come in a POST body.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct SearchInput {
    /// Enterprise number, or any part of the company's name (accents and case ignored).
    #[serde(default)]
    pub company: String,
    /// Beginning of the label.
    #[serde(default)]
    pub label: String,
    /// Beginning of the candidate's e-mail (or all of it) (POST only; never put in a URL).
    #[serde(default, skip_serializing)]
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

    /// Whether a filter is personal data (a NISS, an e-mail): such a search travels only
    /// in a POST body, never in a URL.
    pub fn has_personal_data(&self) -> bool {
        !self.niss.trim().is_empty() || !self.email.trim().is_empty()
    }

    /// Forgets the filters that never come from a URL (NISS, e-mail).
    pub fn without_personal_data(mut self) -> SearchInput {
        self.niss.clear();
        self.email.clear();
        self
    }

    /// The filters as a query string (no NISS, no e-mail, no page), for links.
    pub fn query_string(&self) -> String {
        let mut copy = self.clone().without_personal_data();
        copy.page = None;
        serde_urlencoded::to_string(&copy).unwrap_or_default()
    }
}

/// How the company is looked for.
#[derive(Clone, Debug)]
enum CompanyFilter {
    Bce(Bce),
    /// A part of the name, as typed (folded by the database like the index).
    NameContains(String),
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

/// Longest text searched for (a name, a label, an e-mail), in characters.
pub const SEARCH_TEXT_MAX: usize = 254;

/// A text filter as typed: nothing, or one line of visible text of at most
/// [`SEARCH_TEXT_MAX`] characters (else a message for `field`).
fn search_text(errors: &mut FieldErrors, field: &'static str, input: &str) -> Option<String> {
    match FreeText::parse_optional(input, SEARCH_TEXT_MAX) {
        Ok(text) => text.map(FreeText::into_string),
        Err(e) => {
            errors.insert(field, e.message_key("", "admin-error-search-long"));
            None
        }
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

/// Whether a company filter is an enterprise number (digits, separators, a `BE` prefix, at
/// least 9 digits) rather than the beginning of a name.
fn looks_like_bce(company: &str) -> bool {
    company.chars().all(|c| {
        c.is_ascii_digit()
            || " .-".contains(c)
            || c.eq_ignore_ascii_case(&'b')
            || c.eq_ignore_ascii_case(&'e')
    }) && company.chars().filter(char::is_ascii_digit).count() >= 9
}

/// A filter typed in the form: `None` when left empty or refused by `parse` (then the
/// message key it gives is recorded under `field`).
fn filter<T>(
    errors: &mut FieldErrors,
    field: &'static str,
    input: &str,
    parse: impl FnOnce(&str) -> Result<T, &'static str>,
) -> Option<T> {
    match input.trim() {
        "" => None,
        s => parse(s).map_err(|key| errors.insert(field, key)).ok(),
    }
}

/// A day of the form (`YYYY-MM-DD`) as the instant it starts, or the next one starts.
fn day_bound(s: &str, next_day: bool) -> Result<DateTime<Utc>, &'static str> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| if next_day { d.succ_opt() } else { Some(d) })
        .and_then(day_start)
        .ok_or("admin-error-date")
}

impl SearchInput {
    /// Validates the form, collecting every message.
    pub fn validate(&self) -> Result<Search, ServiceError> {
        let mut errors = FieldErrors::new();
        let company = filter(&mut errors, "company", &self.company, |c| {
            if looks_like_bce(c) {
                Bce::parse(c)
                    .map(CompanyFilter::Bce)
                    .map_err(|e| e.message_key())
            } else {
                Ok(CompanyFilter::NameContains(c.to_string()))
            }
        });
        let company = match company {
            Some(CompanyFilter::NameContains(name)) => {
                search_text(&mut errors, "company", &name).map(CompanyFilter::NameContains)
            }
            other => other,
        };
        let label = search_text(&mut errors, "label", &self.label).map(|s| s.to_lowercase());
        let email = search_text(&mut errors, "email", &self.email).map(|s| s.to_lowercase());
        let state = filter(&mut errors, "state", &self.state, |s| {
            StateFilter::parse(s).ok_or("admin-error-state")
        });
        let context = filter(&mut errors, "context", &self.context, |c| {
            Context::parse(c).ok_or("admin-error-context")
        });
        let from = filter(&mut errors, "from", &self.from, |s| day_bound(s, false));
        let to = filter(&mut errors, "to", &self.to, |s| day_bound(s, true));
        if let (Some(f), Some(t)) = (from, to)
            && t <= f
        {
            errors.insert("to", "admin-error-date-order");
        }
        let niss = filter(&mut errors, "niss", &self.niss, |n| {
            Niss::parse(n).map_err(|e| e.message_key())
        });
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        Ok(Search {
            company,
            label,
            email,
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

/// One page of results, newest first.
pub type SearchPage = Page<SearchRow>;

type BoxedQuery<'a> = diesel::helper_types::IntoBoxed<'a, WithPersonal, Pg>;

/// Requests whose status reads as `filter` at `now`.
fn with_state<'a>(q: BoxedQuery<'a>, filter: StateFilter, now: DateTime<Utc>) -> BoxedQuery<'a> {
    match filter {
        StateFilter::Archived => q.filter(access_requests::archived_at.is_not_null()),
        StateFilter::Status(status) => q.filter(status_is(status, now)),
    }
}

/// Searches requests and mandates (archived ones included), newest first, one page.
/// A search by NISS is audited (`search_niss`, the NISS masked, an entry about that person
/// under `key`) in the same transaction.
pub fn search(
    conn: &mut PgConnection,
    staff_id: Uuid,
    key: &PersonKey,
    search: &Search,
    now: DateTime<Utc>,
) -> Result<SearchPage, ServiceError> {
    use access_requests::dsl as r;
    conn.transaction(|conn| {
        if let Some(niss) = &search.niss {
            let about = (key, niss);
            audit_person(
                conn,
                staff_id,
                AuditAction::SearchNiss,
                None,
                None,
                about,
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
            Some(CompanyFilter::NameContains(p)) => Some(
                companies_t::table
                    .filter(mandat_fold(companies_t::name).like(mandat_fold(like_contains(p))))
                    .select((companies_t::id, companies_t::kind))
                    .limit(COMPANY_MATCHES)
                    .load(conn)?,
            ),
        };
        if matched.as_ref().is_some_and(Vec::is_empty) {
            return Ok(Page::from_rows(Vec::new(), search.page));
        }
        let mut q = with_personal().into_boxed();
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
        // Label and e-mail by their start, through the expression indexes of the personal
        // data's table.
        if let Some(label) = &search.label {
            q = q.filter(lower(personal::label).like(like_prefix(label)));
        }
        if let Some(email) = &search.email {
            q = q.filter(lower(personal::email).like(like_prefix(email)));
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
            let mut ids: Vec<Uuid> = request_parties::table
                .filter(request_parties::citizen_niss.eq(niss))
                .select(request_parties::request_id)
                .load(conn)?;
            ids.extend(
                personal::table
                    .filter(personal::target_niss.eq(niss.as_str()))
                    .select(personal::request_id)
                    .load::<Uuid>(conn)?,
            );
            q = q.filter(r::id.eq_any(ids));
        }
        let page = Page::from_rows(
            q.order((r::created_at.desc(), r::id.desc()))
                .limit(PAGE_SIZE + 1)
                .offset(offset(search.page))
                .select(AccessRequest::as_select())
                .load::<AccessRequest>(conn)?,
            search.page,
        );
        let mut ids: Vec<Uuid> = page
            .items
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
        Ok(page.map(|request| SearchRow {
            status: request.status_at(now),
            company_name: name_of(request.company_id).unwrap_or_default(),
            provider_name: request.provider_id.and_then(name_of),
            request,
        }))
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
    fn a_name_is_any_part_of_it_and_a_number_an_enterprise_number() {
        let s = SearchInput {
            company: "Resto".into(),
            ..SearchInput::default()
        }
        .validate()
        .unwrap();
        assert!(matches!(s.company, Some(CompanyFilter::NameContains(ref p)) if p == "Resto"));
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
}
