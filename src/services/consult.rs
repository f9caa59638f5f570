//! Consulting a citizen's data under an active mandate, and the audit trail of it.
//!
//! [`consult`] is the only way a company (a user of the company app, a provider acting on
//! its behalf, or an API client) gets an answer: in one transaction it locks the request
//! row, checks that the request belongs to the acting party and is an active mandate at
//! `now`, computes the answer from the authentic sources at that moment (nothing is
//! cached), and writes the `consultations` row. Nothing leaves unrecorded: when the row
//! cannot be written, no answer is returned.
//!
//! [`consultations_of_citizen`] gives the citizen portal who consulted what and when;
//! [`consultations_of_request`] counts a request's consultations for the back office.
//! [`possibilities`] is the citizen's own view of their results: no mandate, no audit row.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{dsl::count_star, prelude::*};
use uuid::Uuid;

use super::{Refusal, ServiceError, companies, requests};
use crate::{
    db::{
        access_requests::{self as requests_db, AccessRequest},
        consultations::{self as consultations_db, ConsultationRow, NewConsultation},
        flexi_positives,
        schema::{companies as companies_t, consultations},
    },
    domain::{
        Actor, Answer, Bce, Context, Niss, Quarter, RequestStatus, calendar::belgian_date,
        flexi::FlexiAnswer, student::StudentAnswer,
    },
    sources::{self, AuthenticSources},
};

/// The enterprise number used when nobody asks (the citizen's own view): a valid number
/// that matches no employer, so that every employer counts towards the 4/5.
pub const NEUTRAL_BCE: &str = "0000000097";

/// The person a consultation is about: the one who accepted the request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsultedPerson {
    /// Their NISS.
    pub niss: Niss,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
}

impl ConsultedPerson {
    /// "Maria Abara".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// The person who accepted `request` (the names the register gave then).
    fn of(request: &AccessRequest, niss: Niss) -> ConsultedPerson {
        ConsultedPerson {
            niss,
            first_name: request.citizen_first_name.clone().unwrap_or_default(),
            last_name: request.citizen_last_name.clone().unwrap_or_default(),
        }
    }
}

/// One consultation, as recorded and answered.
#[derive(Clone, Debug)]
pub struct Consultation {
    /// The audit row's id: the consultation's reference.
    pub id: Uuid,
    /// When it was made.
    pub consulted_at: DateTime<Utc>,
    /// The request (the mandate) consulted under.
    pub request: AccessRequest,
    /// The company the answer is for.
    pub company_name: String,
    /// Its enterprise number (10 digits).
    pub company_bce: Bce,
    /// The provider that consulted on its behalf, if any.
    pub provider_name: Option<String>,
    /// Who the answer is about.
    pub person: ConsultedPerson,
    /// The answer, as the company saw it.
    pub answer: Answer,
}

impl Consultation {
    /// The context consulted.
    pub fn context(&self) -> Context {
        self.request.context
    }

    /// The Belgian day it answered for.
    pub fn consulted_on(&self) -> NaiveDate {
        belgian_date(self.consulted_at)
    }
}

/// Why an existing request of the party is not an active mandate at `now`.
fn refusal(status: RequestStatus) -> Refusal {
    match status {
        RequestStatus::Ended => Refusal::MandateEnded,
        RequestStatus::Revoked => Refusal::MandateStopped,
        RequestStatus::Blocked => Refusal::MandateBlocked,
        RequestStatus::Accepted
        | RequestStatus::Pending
        | RequestStatus::Refused
        | RequestStatus::Expired
        | RequestStatus::Withdrawn => Refusal::NoMandate,
    }
}

/// An active mandate of the party, as the company app shows it before a consultation.
#[derive(Clone, Debug)]
pub struct Mandate {
    /// The request (the mandate).
    pub request: AccessRequest,
    /// The company the access is for.
    pub company: companies::Company,
    /// The provider acting now, if any.
    pub provider: Option<companies::Company>,
    /// The person who accepted.
    pub person: ConsultedPerson,
}

/// The request `request_id` of the party `scope` as an active mandate at `now`, with its
/// companies; the same refusals as [`consult`], and nothing recorded.
fn active_mandate(
    conn: &mut PgConnection,
    scope: &companies::Scope,
    request_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Mandate, ServiceError> {
    let request = requests::find_in_scope(conn, scope, request_id)?;
    mandate_of(conn, scope, request, now)
}

/// [`active_mandate`] of a request already read (and checked to be the party's).
fn mandate_of(
    conn: &mut PgConnection,
    scope: &companies::Scope,
    request: AccessRequest,
    now: DateTime<Utc>,
) -> Result<Mandate, ServiceError> {
    let status = request.status_at(now);
    if status != RequestStatus::Accepted {
        return Err(refusal(status).into());
    }
    let company = companies::find(conn, request.company_id)?.ok_or(ServiceError::NotFound)?;
    // The provider that consults now, if any (a provider sees only the requests it
    // made; the company itself may consult those too, and then no provider acts).
    let provider = match scope.provider_id {
        Some(id) => Some(companies::find(conn, id)?.ok_or(ServiceError::NotFound)?),
        None => None,
    };
    if company.suspended_at.is_some() || provider.as_ref().is_some_and(|p| p.suspended_at.is_some())
    {
        return Err(Refusal::CompanySuspended.into());
    }
    let niss = request.citizen_niss.clone().ok_or(Refusal::NoMandate)?;
    Ok(Mandate {
        person: ConsultedPerson::of(&request, niss),
        request,
        company,
        provider,
    })
}

/// The mandate `request_id` of the party, to show before consulting: nothing is computed
/// and nothing recorded (a page view, a reload or a prefetch is not a consultation).
/// Refusals as [`consult`].
pub fn mandate(
    conn: &mut PgConnection,
    scope: &companies::Scope,
    request_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Mandate, ServiceError> {
    active_mandate(conn, scope, request_id, now)
}

/// The flexi-job answer about `niss` to `company` on `on`: computed from the sources,
/// with the quarters already answered eligible to that company kept eligible (a positive
/// answer is final for its quarter), and the quarters answered eligible now recorded.
fn flexi_answer(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    niss: &Niss,
    company: &companies::Company,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> QueryResult<Option<FlexiAnswer>> {
    let Some(result) = sources::flexi_result(sources, conn, niss, &company.bce, on)? else {
        return Ok(None);
    };
    let answer = FlexiAnswer::from(&result);
    let window: Vec<Quarter> = answer.quarters.iter().map(|q| q.quarter).collect();
    let fixed = flexi_positives::fixed(conn, niss, company.id, &window)?;
    let answer = answer.with_fixed(&fixed);
    flexi_positives::record(conn, niss, company.id, &answer.eligible_quarters(), now)?;
    Ok(Some(answer))
}

/// The answer of `context` about `niss` for `company` at `now` (`None` when the national
/// register does not know the person). The one place a context's rule meets the sources.
fn answer_for(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    context: Context,
    niss: &Niss,
    company: &companies::Company,
    now: DateTime<Utc>,
) -> QueryResult<Option<Answer>> {
    let on = belgian_date(now);
    Ok(match context {
        Context::FlexiJob => {
            flexi_answer(conn, sources, niss, company, on, now)?.map(Answer::FlexiJob)
        }
        Context::StudentHours => sources::student_balance(sources, conn, niss, on)?
            .map(|b| Answer::StudentHours(StudentAnswer::from(&b))),
    })
}

/// A recorded consultation, as the company saw it.
fn from_row(
    conn: &mut PgConnection,
    row: ConsultationRow,
    request: AccessRequest,
) -> Result<Consultation, ServiceError> {
    let json = row.answer.ok_or(ServiceError::NotFound)?;
    let answer = Answer::from_json(row.context, json)
        .map_err(|e| ServiceError::Other(anyhow::anyhow!("stored answer {}: {e}", row.id)))?;
    let mut ids = vec![row.company_id];
    ids.extend(row.provider_id);
    let found = crate::db::companies::find_many(conn, &ids)?;
    let company = found
        .iter()
        .find(|c| c.id == row.company_id)
        .ok_or(ServiceError::NotFound)?;
    let provider_name = row
        .provider_id
        .and_then(|p| found.iter().find(|c| c.id == p))
        .map(|p| p.name.clone());
    Ok(Consultation {
        id: row.id,
        consulted_at: row.consulted_at,
        company_name: company.name.clone(),
        company_bce: company.bce.clone(),
        provider_name,
        person: ConsultedPerson::of(&request, row.citizen_niss),
        request,
        answer,
    })
}

/// Consults the data of the request `request_id` for the party `scope` / `actor` at `now`:
/// a deliberate act (a company user's POST, identified by its one-time `act`, or an API
/// call), recorded with the answer given.
///
/// The same `act` again (a reload of the result page) is the consultation it made, not a
/// new one. Refusals: [`ServiceError::NotFound`] for a request that is not the party's
/// (whoever owns it), [`ServiceError::Forbidden`] for an actor that is not a company user
/// or an API client, [`Refusal::CompanySuspended`] when the company or its provider is
/// suspended, and [`Refusal::NoMandate`], [`Refusal::MandateEnded`],
/// [`Refusal::MandateStopped`] or [`Refusal::MandateBlocked`] when there is no active
/// mandate ([`Refusal::NoSourceData`] when the national register does not know the person).
pub fn consult(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    scope: &companies::Scope,
    actor: &Actor,
    request_id: Uuid,
    act: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Consultation, ServiceError> {
    if !matches!(actor, Actor::CompanyUser { .. } | Actor::ApiClient { .. }) {
        return Err(ServiceError::Forbidden);
    }
    conn.transaction(|conn| {
        // Share-lock the row first: a concurrent stop or block waits for this consultation,
        // or this consultation sees it; consultations of the same mandate do not wait for
        // each other. The locked row is the one checked (not read a second time).
        let locked =
            requests_db::find_for_share(conn, request_id)?.ok_or(ServiceError::NotFound)?;
        let Mandate {
            request,
            company,
            provider,
            person,
        } = mandate_of(conn, scope, requests::visible_in(scope, locked)?, now)?;
        // The same act again is the consultation it made: under the act's lock, a second
        // post of it waits for the first and finds what it recorded.
        if let Some(act) = act {
            consultations_db::lock_act(conn, act)?;
            let since = request.created_at;
            if let Some(row) = consultations_db::find_by_act(conn, request_id, act, since)? {
                return from_row(conn, row, request);
            }
        }
        let answer = answer_for(conn, sources, request.context, &person.niss, &company, now)?
            .ok_or(Refusal::NoSourceData)?;
        let id = consultations_db::insert(
            conn,
            &NewConsultation {
                request_id: request.id,
                mandate_id: request.mandate_id,
                company_id: request.company_id,
                provider_id: scope.provider_id,
                citizen_niss: &person.niss,
                context: request.context,
                consulted_at: now,
                actor,
                answer: answer.to_json(),
                act,
            },
        )?;
        Ok(Consultation {
            id,
            consulted_at: now,
            company_name: company.name,
            company_bce: company.bce,
            provider_name: provider.map(|p| p.name),
            person,
            answer,
            request,
        })
    })
}

/// The consultation `id` of the party `scope`, as recorded: its answer as given then (for
/// the PDF export, which is part of the consultation it exports, not a new one). Nothing
/// is recorded. [`ServiceError::NotFound`] for a consultation under a request that is not
/// the party's, or recorded without its answer.
pub fn recorded(
    conn: &mut PgConnection,
    scope: &companies::Scope,
    id: Uuid,
) -> Result<Consultation, ServiceError> {
    let row = consultations_db::find(conn, id)?.ok_or(ServiceError::NotFound)?;
    let request = requests::find_in_scope(conn, scope, row.request_id)?;
    if row.company_id != request.company_id
        || scope
            .provider_id
            .is_some_and(|p| row.provider_id != Some(p))
    {
        return Err(ServiceError::NotFound);
    }
    from_row(conn, row, request)
}

/// One consultation of a citizen's data, as the citizen portal shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitizenConsultation {
    /// The consultation's reference.
    pub id: Uuid,
    /// When.
    pub consulted_at: DateTime<Utc>,
    /// Who: the company the answer was for.
    pub company_name: String,
    /// On behalf of whom: the provider that asked for that company, if any.
    pub provider_name: Option<String>,
    /// Which data.
    pub context: Context,
    /// The request (mandate) it was made under.
    pub request_id: Uuid,
    /// The answer the company saw (`None` for rows recorded before answers were kept).
    pub answer: Option<serde_json::Value>,
}

/// The companies table a second time, as the provider of a consultation.
#[allow(missing_docs)]
mod aliases {
    use crate::db::schema::companies as companies_t;
    diesel::alias!(companies_t as providers: ProvidersAlias);
}
use aliases::providers;

/// A row of [`consultations_of_citizen`]'s query: id, when, company, provider, context,
/// request.
type CitizenConsultationRow = (
    Uuid,
    DateTime<Utc>,
    String,
    Option<String>,
    Context,
    Uuid,
    Option<serde_json::Value>,
);

/// The consultations of the citizen `niss` since `since`, newest first, with the names of
/// the company and of the provider, in one query.
pub fn consultations_of_citizen(
    conn: &mut PgConnection,
    niss: &Niss,
    since: DateTime<Utc>,
) -> QueryResult<Vec<CitizenConsultation>> {
    let rows: Vec<CitizenConsultationRow> = consultations::table
        .inner_join(companies_t::table.on(companies_t::id.eq(consultations::company_id)))
        .left_join(
            providers.on(providers
                .field(companies_t::id)
                .nullable()
                .eq(consultations::provider_id)),
        )
        .filter(consultations::citizen_niss.eq(niss))
        .filter(consultations::consulted_at.ge(since))
        .order((consultations::consulted_at.desc(), consultations::id.desc()))
        .select((
            consultations::id,
            consultations::consulted_at,
            companies_t::name,
            providers.field(companies_t::name).nullable(),
            consultations::context,
            consultations::request_id,
            consultations::answer,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, consulted_at, company_name, provider_name, context, request_id, answer)| {
                CitizenConsultation {
                    id,
                    consulted_at,
                    company_name,
                    provider_name,
                    context,
                    request_id,
                    answer,
                }
            },
        )
        .collect())
}

/// A consultation as the back office's timeline lists it: when, by whom, its reference.
#[derive(Clone, Debug, Queryable)]
pub struct ConsultationEntry {
    /// Its reference (the company's page and PDF show it).
    pub id: Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// Who: `company_user` or `api_client`.
    pub actor_kind: String,
    /// Which one: the user's NISS, the client's id.
    pub actor_ref: String,
}

/// The consultations made under the request `request_id` (back office), since `since`
/// (its creation: the months before are not read): how many, and the newest `newest`.
pub fn consultations_of_request(
    conn: &mut PgConnection,
    request_id: Uuid,
    since: DateTime<Utc>,
    newest: i64,
) -> QueryResult<(i64, Vec<ConsultationEntry>)> {
    let of_request = || {
        consultations::table
            .filter(consultations::request_id.eq(request_id))
            .filter(consultations::consulted_at.ge(since))
    };
    let count = of_request().select(count_star()).first(conn)?;
    let entries = of_request()
        .order((consultations::consulted_at.desc(), consultations::id.desc()))
        .limit(newest)
        .select((
            consultations::id,
            consultations::consulted_at,
            consultations::actor_kind,
            consultations::actor_ref,
        ))
        .load(conn)?;
    Ok((count, entries))
}

/// A citizen's own results ("My possibilities"), as asked by nobody.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Possibilities {
    /// The day they answer for.
    pub on: NaiveDate,
    /// The flexi-job possibility, every employer counting towards the 4/5.
    pub flexi: FlexiAnswer,
    /// The Student@Work hours balance of the year.
    pub student: StudentAnswer,
}

/// The citizen's own flexi-job and student-hours results at `now`: no mandate needed, and
/// not a company consultation (no audit row). `None` when the national register does not
/// know the person.
pub fn possibilities(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    niss: &Niss,
    now: DateTime<Utc>,
) -> QueryResult<Option<Possibilities>> {
    let on = belgian_date(now);
    let neutral = Bce::parse(NEUTRAL_BCE).map_err(|e| {
        diesel::result::Error::DeserializationError(format!("neutral BCE: {e}").into())
    })?;
    let Some(flexi) = sources::flexi_result(sources, conn, niss, &neutral, on)? else {
        return Ok(None);
    };
    let Some(student) = sources::student_balance(sources, conn, niss, on)? else {
        return Ok(None);
    };
    Ok(Some(Possibilities {
        on,
        flexi: FlexiAnswer::from(&flexi),
        student: StudentAnswer::from(&student),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_neutral_enterprise_number_is_valid() {
        assert!(Bce::parse(NEUTRAL_BCE).is_ok());
    }

    #[test]
    fn each_state_has_its_refusal() {
        assert_eq!(refusal(RequestStatus::Ended), Refusal::MandateEnded);
        assert_eq!(refusal(RequestStatus::Revoked), Refusal::MandateStopped);
        assert_eq!(refusal(RequestStatus::Blocked), Refusal::MandateBlocked);
        for s in [
            RequestStatus::Pending,
            RequestStatus::Refused,
            RequestStatus::Expired,
            RequestStatus::Withdrawn,
        ] {
            assert_eq!(refusal(s), Refusal::NoMandate, "{s}");
        }
    }
}
