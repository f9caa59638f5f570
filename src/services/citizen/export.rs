//! A copy of what the service keeps about a citizen (right of access and portability,
//! GDPR articles 15 and 20), machine-readable: who they are as the national register gives
//! it, every request addressed to them or taken as theirs with its events, every
//! consultation of their data with the answer the company saw, the companies they block,
//! the companies they work for here, and their place in the back office. Made of the same
//! lists as the portal, with no limit of time or number: everything still kept.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use uuid::Uuid;

use super::{load_companies, portal::blocked_companies, with_companies};
use crate::{
    db::{
        access_requests::{AccessRequest, with_personal},
        request_events,
        schema::{access_requests, request_parties, request_personal},
    },
    domain::Niss,
    services::{ServiceError, companies::Company},
    sources::AuthenticSources,
};

/// What the service keeps about one person, as the download gives it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MyData {
    /// When this copy was made.
    pub made_at: DateTime<Utc>,
    /// The person, as the national register gives them.
    pub person: Person,
    /// Requests addressed to them or taken as theirs (accesses included), newest first.
    pub requests: Vec<Request>,
    /// Consultations of their data, newest first.
    pub consultations: Vec<Consultation>,
    /// The companies they block.
    pub blocked_companies: Vec<Block>,
    /// The companies they use the company app for, with their role.
    pub company_roles: Vec<Membership>,
    /// Their role in the back office, if they work there.
    pub back_office_role: Option<String>,
}

/// The person.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// The national register (or BIS) number, `YY.MM.DD-SSS.CC`.
    pub national_number: String,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Birth date.
    pub birth_date: Option<NaiveDate>,
    /// Language.
    pub language: Option<String>,
    /// The day the pension started, if any.
    pub pension_start_date: Option<NaiveDate>,
}

/// A company, as the lists name it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyName {
    /// Name.
    pub name: String,
    /// Enterprise number, `0xxx.xxx.xxx`.
    pub enterprise_number: String,
}

impl From<&Company> for CompanyName {
    fn from(c: &Company) -> CompanyName {
        CompanyName {
            name: c.name.clone(),
            enterprise_number: c.bce_formatted(),
        }
    }
}

/// A request, and the access it gave.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    /// Its reference.
    pub id: Uuid,
    /// The company the access is (or was) for.
    pub company: CompanyName,
    /// The social service provider who asked on its behalf.
    pub on_behalf_by: Option<CompanyName>,
    /// What it gives access to (`FLEXI_JOB`, `STUDENT_HOURS`).
    pub context: String,
    /// Its status now.
    pub status: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When its link ends (an answer is possible until then).
    pub link_expires_at: DateTime<Utc>,
    /// Whether it was addressed to this national number by the company.
    pub addressed_to_you: bool,
    /// When the person took it as theirs.
    pub taken_at: Option<DateTime<Utc>>,
    /// When they accepted it (the access started).
    pub accepted_at: Option<DateTime<Utc>>,
    /// When the access ends (or ended).
    pub access_until: Option<DateTime<Utc>>,
    /// Archived (gone from the company's lists, kept for the audit trail).
    pub archived_at: Option<DateTime<Utc>>,
    /// What happened to it, oldest first.
    pub events: Vec<Event>,
}

/// One event of a request.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// When.
    pub at: DateTime<Utc>,
    /// What it became (`pending`, `accepted`, `revoked`, `new_link`...).
    pub to: String,
    /// Who: `citizen`, `company_user`, `api_client`, `staff`, `job`.
    pub by: String,
}

/// One consultation of the person's data.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consultation {
    /// Its reference (as on the company's page and PDF).
    pub reference: Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// The company that consulted.
    pub company: String,
    /// The provider that consulted on its behalf.
    pub on_behalf_by: Option<String>,
    /// Which data.
    pub context: String,
    /// The request whose access allowed it.
    pub request: Uuid,
    /// The answer the company saw, as the service records it.
    pub answer: Option<serde_json::Value>,
}

/// A company the person blocks.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    /// The company.
    pub company: CompanyName,
    /// Since when.
    pub since: DateTime<Utc>,
}

/// A company the person uses the company app for.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Membership {
    /// The company.
    pub company: CompanyName,
    /// `main_manager`, `manager` or `user`.
    pub role: String,
}

/// Everything the service keeps about `me`, at `now` (a handful of queries, none per row).
pub fn my_data(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    me: &Niss,
    now: DateTime<Utc>,
) -> Result<MyData, ServiceError> {
    let record = sources.person(conn, me)?;
    let person = Person {
        national_number: me.formatted(),
        first_name: record.as_ref().map(|p| p.first_name.clone()),
        last_name: record.as_ref().map(|p| p.last_name.clone()),
        birth_date: record.as_ref().map(|p| p.birth_date),
        language: record.as_ref().map(|p| p.language.clone()),
        pension_start_date: record.as_ref().and_then(|p| p.pension_start_date),
    };
    let rows: Vec<AccessRequest> = with_personal()
        .filter(
            request_parties::citizen_niss
                .eq(me)
                .or(request_personal::target_niss.eq(me)),
        )
        .order((
            access_requests::created_at.desc(),
            access_requests::id.desc(),
        ))
        .select(AccessRequest::as_select())
        .load(conn)?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut events: HashMap<Uuid, Vec<Event>> = HashMap::new();
    for (id, e) in request_events::of_requests(conn, &ids)? {
        events.entry(id).or_default().push(Event {
            at: e.at,
            to: e.to_status.as_str().to_string(),
            by: e.actor_kind,
        });
    }
    let mut company_ids: Vec<Uuid> = rows.iter().map(|r| r.company_id).collect();
    company_ids.extend(rows.iter().filter_map(|r| r.provider_id));
    company_ids.sort();
    company_ids.dedup();
    let companies = load_companies(conn, &company_ids)?;
    let requests = rows
        .into_iter()
        .filter_map(|row| {
            let addressed_to_you = row.target_niss.as_ref() == Some(me);
            let details = with_companies(row, &companies, now)?;
            let r = &details.request;
            Some(Request {
                id: r.id,
                company: CompanyName::from(&details.company),
                on_behalf_by: details.provider.as_ref().map(CompanyName::from),
                context: r.context.code().to_string(),
                status: details.status.as_str().to_string(),
                created_at: r.created_at,
                link_expires_at: r.expires_at,
                addressed_to_you,
                taken_at: r.bound_at,
                accepted_at: r.accepted_at,
                access_until: r.valid_until,
                archived_at: r.archived_at,
                events: events.remove(&r.id).unwrap_or_default(),
            })
        })
        .collect();
    let consultations =
        crate::services::consult::consultations_of_citizen(conn, me, DateTime::<Utc>::UNIX_EPOCH)?
            .into_iter()
            .map(|c| Consultation {
                reference: c.id,
                at: c.consulted_at,
                company: c.company_name,
                on_behalf_by: c.provider_name,
                context: c.context.code().to_string(),
                request: c.request_id,
                answer: c.answer,
            })
            .collect();
    let blocked_companies = blocked_companies(conn, me)?
        .iter()
        .map(|b| Block {
            company: CompanyName::from(&b.company),
            since: b.since,
        })
        .collect();
    let company_roles = crate::services::companies::memberships(conn, me)?
        .iter()
        .map(|m| Membership {
            company: CompanyName::from(&m.company),
            role: m.role.as_str().to_string(),
        })
        .collect();
    let back_office_role =
        crate::db::staff::active_by_niss(conn, me)?.map(|s| s.role.as_str().to_string());
    Ok(MyData {
        made_at: now,
        person,
        requests,
        consultations,
        blocked_companies,
        company_roles,
        back_office_role,
    })
}
