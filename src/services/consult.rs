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
        schema::{companies as companies_t, consultations},
    },
    domain::{
        Actor, Bce, Context, Niss, RequestStatus, flexi::FlexiResult, student::StudentBalance,
    },
    sources::{self, AuthenticSources},
};

/// The enterprise number used when nobody asks (the citizen's own view): a valid number
/// that matches no employer, so that every employer counts towards the 4/5.
pub const NEUTRAL_BCE: &str = "0000000097";

/// The answer of a consultation, per context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConsultResult {
    /// The flexi-job possibility (eligible / not eligible / not determined per quarter).
    Flexi(FlexiResult),
    /// The Student@Work hours balance.
    Student(StudentBalance),
}

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
    /// The answer.
    pub result: ConsultResult,
}

impl Consultation {
    /// The context consulted.
    pub fn context(&self) -> Context {
        self.request.context
    }
}

/// The calendar day of `now` in Belgium (the day a consultation answers for).
pub fn belgian_date(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&chrono_tz::Europe::Brussels).date_naive()
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

/// Consults the data of the request `request_id` for the party `scope` / `actor` at `now`.
///
/// Refusals: [`ServiceError::NotFound`] for a request that is not the party's (whoever
/// owns it), [`ServiceError::Forbidden`] for an actor that is not a company user or an
/// API client, [`Refusal::CompanySuspended`] when the company or its provider is
/// suspended, and [`Refusal::NoMandate`], [`Refusal::MandateEnded`],
/// [`Refusal::MandateStopped`] or [`Refusal::MandateBlocked`] when there is no active
/// mandate ([`Refusal::NoSourceData`] when the national register does not know the person).
pub fn consult(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    scope: &requests::Scope,
    actor: &Actor,
    request_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Consultation, ServiceError> {
    if !matches!(actor, Actor::CompanyUser { .. } | Actor::ApiClient { .. }) {
        return Err(ServiceError::Forbidden);
    }
    conn.transaction(|conn| {
        // Lock the row first: a concurrent stop or block waits for this consultation, or
        // this consultation sees it.
        if requests_db::find_for_update(conn, request_id)?.is_none() {
            return Err(ServiceError::NotFound);
        }
        let request = requests::find_in_scope(conn, scope, request_id)?;
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
        if company.suspended_at.is_some()
            || provider.as_ref().is_some_and(|p| p.suspended_at.is_some())
        {
            return Err(Refusal::CompanySuspended.into());
        }
        let niss = request.citizen_niss.clone().ok_or(Refusal::NoMandate)?;
        let company_bce = company.bce.clone();
        let on = belgian_date(now);
        let result = match request.context {
            Context::FlexiJob => sources::flexi_result(sources, conn, &niss, &company_bce, on)?
                .map(ConsultResult::Flexi),
            Context::StudentHours => {
                sources::student_balance(sources, conn, &niss, on)?.map(ConsultResult::Student)
            }
        }
        .ok_or(Refusal::NoSourceData)?;
        let id: Uuid = diesel::insert_into(consultations::table)
            .values((
                consultations::request_id.eq(request.id),
                consultations::mandate_id.eq(request.mandate_id),
                consultations::company_id.eq(request.company_id),
                consultations::provider_id.eq(scope.provider_id),
                consultations::citizen_niss.eq(&niss),
                consultations::context.eq(request.context),
                consultations::consulted_at.eq(now),
                consultations::actor_kind.eq(actor.kind()),
                consultations::actor_ref.eq(actor.reference()),
            ))
            .returning(consultations::id)
            .get_result(conn)?;
        let person = ConsultedPerson {
            niss,
            first_name: request.citizen_first_name.clone().unwrap_or_default(),
            last_name: request.citizen_last_name.clone().unwrap_or_default(),
        };
        Ok(Consultation {
            id,
            consulted_at: now,
            company_name: company.name,
            company_bce,
            provider_name: provider.map(|p| p.name),
            person,
            result,
            request,
        })
    })
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
type CitizenConsultationRow = (Uuid, DateTime<Utc>, String, Option<String>, Context, Uuid);

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
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, consulted_at, company_name, provider_name, context, request_id)| {
                CitizenConsultation {
                    id,
                    consulted_at,
                    company_name,
                    provider_name,
                    context,
                    request_id,
                }
            },
        )
        .collect())
}

/// How many consultations were made under the request `request_id` (back office).
pub fn consultations_of_request(conn: &mut PgConnection, request_id: Uuid) -> QueryResult<i64> {
    consultations::table
        .filter(consultations::request_id.eq(request_id))
        .select(count_star())
        .first(conn)
}

/// A citizen's own results ("My possibilities"), as asked by nobody.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Possibilities {
    /// The day they answer for.
    pub on: NaiveDate,
    /// The flexi-job possibility, every employer counting towards the 4/5.
    pub flexi: FlexiResult,
    /// The Student@Work hours balance of the year.
    pub student: StudentBalance,
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
    Ok(Some(Possibilities { on, flexi, student }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

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

    #[test]
    fn the_day_is_the_belgian_one() {
        // 31 March 2025 23:30 UTC is already 1 April in Brussels (summer time).
        let late = Utc.with_ymd_and_hms(2025, 3, 31, 23, 30, 0).unwrap();
        assert_eq!(
            belgian_date(late),
            NaiveDate::from_ymd_opt(2025, 4, 1).unwrap()
        );
        // 31 December 2024 23:30 UTC is 1 January 2025 in Brussels (winter time).
        let new_year = Utc.with_ymd_and_hms(2024, 12, 31, 23, 30, 0).unwrap();
        assert_eq!(
            belgian_date(new_year),
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
        );
    }
}
