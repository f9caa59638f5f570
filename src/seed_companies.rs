//! The demo world's companies: the employer Resto Pokébowl with its users, the social
//! service provider Socialia acting on its behalf, and requests in every state, so that a
//! newcomer sees full tabs at once. Made through the real services, then moved through
//! their states as citizens, jobs and staff would.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::{
    db::schema::{access_requests, citizen_blocks, companies, persons},
    domain::{Context, Niss, RequestStatus, context::mandate_valid_until},
    services::{
        Actor,
        companies::{self as company_service, RegistrationInput},
        events,
        requests::{self, RequestInput, Scope},
    },
};

/// Resto Pokébowl's enterprise number.
pub const RESTO_BCE: &str = "0765432146";
/// Socialia's enterprise number.
pub const SOCIALIA_BCE: &str = "0412345614";
/// Jan Peeters, main access manager of Resto Pokébowl.
pub const JAN: &str = "85073003328";
/// Sofie Mertens, user of Resto Pokébowl.
pub const SOFIE: &str = "82040218847";
/// Lena Schmidt, main access manager of Socialia.
pub const LENA: &str = "78110314228";

fn niss(s: &str) -> Niss {
    Niss::parse(s).expect("demo NISS are valid")
}

/// Seeds the companies and their requests once (nothing happens when Resto Pokébowl is
/// already registered). Returns the number of requests made.
pub fn seed(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    public_url: &str,
) -> anyhow::Result<usize> {
    let exists: bool = diesel::select(diesel::dsl::exists(
        companies::table.filter(companies::bce.eq(RESTO_BCE)),
    ))
    .get_result(conn)?;
    if exists {
        return Ok(0);
    }
    let registered = now - Duration::days(120);
    let resto = company_service::register(
        conn,
        &niss(JAN),
        &RegistrationInput {
            bce: RESTO_BCE.into(),
            name: "Resto Pokébowl".into(),
            kind: "employer".into(),
            contact_email: "rh@resto-pokebowl.example".into(),
        },
        registered,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    company_service::accept_terms(conn, resto, &niss(JAN), registered)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let socialia = company_service::register(
        conn,
        &niss(LENA),
        &RegistrationInput {
            bce: SOCIALIA_BCE.into(),
            name: "Socialia".into(),
            kind: "provider".into(),
            contact_email: "contact@socialia.example".into(),
        },
        registered,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    company_service::accept_terms(conn, socialia, &niss(LENA), registered)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let resto_ctx = company_service::resolve(conn, &niss(JAN), Some(resto), None)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .map_err(|gap| anyhow::anyhow!("demo context: {gap:?}"))?;
    company_service::add_member(conn, &resto_ctx, SOFIE, "user", registered)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    company_service::designate_provider(conn, &resto_ctx, SOCIALIA_BCE, registered)
        .map_err(|e| anyhow::anyhow!("{e}"))?;

    let direct = Scope {
        company_id: resto,
        provider_id: None,
    };
    let via_socialia = Scope {
        company_id: resto,
        provider_id: Some(socialia),
    };
    let jan = Actor::CompanyUser { niss: niss(JAN) };
    let lena = Actor::CompanyUser { niss: niss(LENA) };
    let mut made = 0;
    let mut create = |conn: &mut PgConnection,
                      scope: &Scope,
                      actor: &Actor,
                      label: &str,
                      email: &str,
                      context: Context,
                      lang: &str,
                      at: DateTime<Utc>|
     -> anyhow::Result<Uuid> {
        made += 1;
        let created = requests::create(
            conn,
            scope,
            actor,
            &RequestInput {
                label: label.into(),
                email: email.into(),
                context: context.code().into(),
                language: lang.into(),
                niss: String::new(),
            },
            public_url,
            at,
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(created.id)
    };

    // Pending: two direct, one by Socialia on behalf of Resto Pokébowl.
    create(
        conn,
        &direct,
        &jan,
        "Cuisine — week-end",
        "maria.abara@example.be",
        Context::FlexiJob,
        "fr",
        now - Duration::hours(3),
    )?;
    create(
        conn,
        &direct,
        &jan,
        "Service en salle",
        "lucas.janssens@example.be",
        Context::FlexiJob,
        "nl",
        now - Duration::hours(30),
    )?;
    create(
        conn,
        &via_socialia,
        &lena,
        "Student — zomer",
        "kevin.claes@example.be",
        Context::StudentHours,
        "nl",
        now - Duration::hours(5),
    )?;
    // Accepted (active mandates).
    let maria = create(
        conn,
        &direct,
        &jan,
        "Plonge",
        "m.abara@example.be",
        Context::FlexiJob,
        "fr",
        now - Duration::days(3),
    )?;
    accept(conn, maria, "90051402426", now - Duration::days(2))?;
    let sarah = create(
        conn,
        &via_socialia,
        &lena,
        "Étudiante caisse",
        "sarah.dumont@example.be",
        Context::StudentHours,
        "fr",
        now - Duration::days(10),
    )?;
    accept(conn, sarah, "04021208669", now - Duration::days(9))?;
    let marc = create(
        conn,
        &direct,
        &jan,
        "Bar — pensionné",
        "marc.dubois@example.be",
        Context::FlexiJob,
        "fr",
        now - Duration::days(6),
    )?;
    accept(conn, marc, "55032111741", now - Duration::days(5))?;
    // Refused.
    let emma = create(
        conn,
        &direct,
        &jan,
        "Accueil",
        "emma.martin@example.be",
        Context::FlexiJob,
        "fr",
        now - Duration::days(4),
    )?;
    answer(
        conn,
        emma,
        "95090916472",
        RequestStatus::Refused,
        now - Duration::days(4) + Duration::hours(2),
    )?;
    // Expired: created four days ago, never answered.
    let expired = create(
        conn,
        &direct,
        &jan,
        "Livraison",
        "noah.lambert@example.be",
        Context::FlexiJob,
        "fr",
        now - Duration::days(4),
    )?;
    diesel::update(access_requests::table.find(expired))
        .set((
            access_requests::status.eq(RequestStatus::Expired.as_str()),
            access_requests::status_changed_at.eq(now - Duration::days(1)),
        ))
        .execute(conn)?;
    events::record(
        conn,
        expired,
        Some(RequestStatus::Pending),
        RequestStatus::Expired,
        &Actor::Job {
            name: "expire-requests",
        },
        None,
        now - Duration::days(1),
    )?;
    // Stopped by the citizen after acceptance.
    let julie = create(
        conn,
        &direct,
        &jan,
        "Terrasse",
        "julie.wouters@example.be",
        Context::FlexiJob,
        "nl",
        now - Duration::days(12),
    )?;
    accept(conn, julie, "00022909845", now - Duration::days(11))?;
    stop(
        conn,
        julie,
        "00022909845",
        RequestStatus::Revoked,
        now - Duration::days(2),
    )?;
    // Refused and blocked by the citizen.
    let tomasz = create(
        conn,
        &direct,
        &jan,
        "Cuisine — soir",
        "t.kowalski@example.eu",
        Context::FlexiJob,
        "en",
        now - Duration::days(8),
    )?;
    answer(
        conn,
        tomasz,
        "92481005174",
        RequestStatus::Refused,
        now - Duration::days(8) + Duration::hours(1),
    )?;
    diesel::insert_into(citizen_blocks::table)
        .values((
            citizen_blocks::citizen_niss.eq("92481005174"),
            citizen_blocks::company_id.eq(resto),
            citizen_blocks::created_at.eq(now - Duration::days(8) + Duration::hours(1)),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    // Ended: accepted more than a month ago.
    let ended = create(
        conn,
        &direct,
        &jan,
        "Extra — mars",
        "lucas.j@example.be",
        Context::FlexiJob,
        "nl",
        now - Duration::days(45),
    )?;
    accept(conn, ended, "88012521319", now - Duration::days(44))?;
    diesel::update(access_requests::table.find(ended))
        .set((
            access_requests::status.eq(RequestStatus::Ended.as_str()),
            access_requests::status_changed_at.eq(now - Duration::days(13)),
        ))
        .execute(conn)?;
    events::record(
        conn,
        ended,
        Some(RequestStatus::Accepted),
        RequestStatus::Ended,
        &Actor::Job {
            name: "end-mandates",
        },
        None,
        now - Duration::days(13),
    )?;
    Ok(made)
}

/// Binds and accepts a request as `citizen` would.
fn accept(
    conn: &mut PgConnection,
    id: Uuid,
    citizen: &str,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let (first, last): (String, String) = persons::table
        .find(citizen)
        .select((persons::first_name, persons::last_name))
        .first(conn)?;
    let context: String = access_requests::table
        .find(id)
        .select(access_requests::context)
        .first(conn)?;
    let context = Context::parse(&context).unwrap_or(Context::FlexiJob);
    diesel::update(access_requests::table.find(id))
        .set((
            access_requests::status.eq(RequestStatus::Accepted.as_str()),
            access_requests::status_changed_at.eq(at),
            access_requests::citizen_niss.eq(citizen),
            access_requests::bound_at.eq(at),
            access_requests::mandate_id.eq(Uuid::new_v4()),
            access_requests::accepted_at.eq(at),
            access_requests::valid_until.eq(mandate_valid_until(at, context)),
            access_requests::citizen_first_name.eq(first),
            access_requests::citizen_last_name.eq(last),
        ))
        .execute(conn)?;
    events::record(
        conn,
        id,
        Some(RequestStatus::Pending),
        RequestStatus::Accepted,
        &Actor::Citizen {
            niss: niss(citizen),
        },
        None,
        at,
    )?;
    Ok(())
}

/// Binds and answers a pending request without accepting it.
fn answer(
    conn: &mut PgConnection,
    id: Uuid,
    citizen: &str,
    to: RequestStatus,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    diesel::update(access_requests::table.find(id))
        .set((
            access_requests::status.eq(to.as_str()),
            access_requests::status_changed_at.eq(at),
            access_requests::citizen_niss.eq(citizen),
            access_requests::bound_at.eq(at),
        ))
        .execute(conn)?;
    events::record(
        conn,
        id,
        Some(RequestStatus::Pending),
        to,
        &Actor::Citizen {
            niss: niss(citizen),
        },
        None,
        at,
    )?;
    Ok(())
}

/// Stops an active mandate as the citizen would.
fn stop(
    conn: &mut PgConnection,
    id: Uuid,
    citizen: &str,
    to: RequestStatus,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    diesel::update(access_requests::table.find(id))
        .set((
            access_requests::status.eq(to.as_str()),
            access_requests::status_changed_at.eq(at),
        ))
        .execute(conn)?;
    events::record(
        conn,
        id,
        Some(RequestStatus::Accepted),
        to,
        &Actor::Citizen {
            niss: niss(citizen),
        },
        None,
        at,
    )?;
    Ok(())
}
