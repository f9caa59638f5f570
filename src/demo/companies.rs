//! The demo world's companies: the employer Resto Pokébowl with its users, the social
//! service provider Socialia acting on its behalf, and requests in every state, so that a
//! newcomer sees full tabs at once. Made through the real services, then moved through
//! their states as citizens, jobs and staff would.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::people::{EMMA, JAN, JULIE, LENA, LUCAS, MARC, MARIA, Persona, SARAH, SOFIE, TOMASZ};
use crate::{
    db::{
        access_requests::{
            self as requests_db, Guard, SetOnTransition,
            lifecycle::{end_due, expire_due},
        },
        schema::{citizen_blocks, companies},
    },
    domain::{Actor, Context, Niss, RequestStatus, Transition, context::mandate_valid_until},
    services::{
        companies::{self as company_service, RegistrationInput},
        requests::{self, RequestInput, Scope, ValidRequest},
    },
    sources::AuthenticSources,
};

/// Resto Pokébowl's enterprise number: the demo company that asks (Noah Lambert's only
/// employer, see [`super::sources`]).
pub const RESTO_BCE: &str = "0765432146";
/// Socialia's enterprise number.
pub const SOCIALIA_BCE: &str = "0412345614";

/// Seeds the companies and their requests once (nothing happens when Resto Pokébowl is
/// already registered). Returns the number of requests made.
pub fn seed(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    now: DateTime<Utc>,
    public_url: &str,
) -> anyhow::Result<usize> {
    let link_base = format!("{public_url}/r/");
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
        &JAN.to_niss(),
        &RegistrationInput {
            bce: RESTO_BCE.into(),
            name: "Resto Pokébowl".into(),
            kind: "employer".into(),
            contact_email: "rh@resto-pokebowl.example".into(),
        },
        registered,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    company_service::accept_terms(conn, resto, &JAN.to_niss(), registered)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let socialia = company_service::register(
        conn,
        &LENA.to_niss(),
        &RegistrationInput {
            bce: SOCIALIA_BCE.into(),
            name: "Socialia".into(),
            kind: "provider".into(),
            contact_email: "contact@socialia.example".into(),
        },
        registered,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    company_service::accept_terms(conn, socialia, &LENA.to_niss(), registered)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let resto_ctx = company_service::resolve(conn, &JAN.to_niss(), Some(resto), None)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .map_err(|gap| anyhow::anyhow!("demo context: {gap:?}"))?;
    company_service::add_member(conn, &resto_ctx, SOFIE.niss(), "user", registered)
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
    let jan = Actor::CompanyUser {
        niss: JAN.to_niss(),
    };
    let lena = Actor::CompanyUser {
        niss: LENA.to_niss(),
    };
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
        let valid = ValidRequest::try_from(&RequestInput {
            label: label.into(),
            email: email.into(),
            context: context.code().into(),
            language: lang.into(),
            niss: String::new(),
            form_key: String::new(),
        })
        .map_err(|e| anyhow::anyhow!("demo request: {e:?}"))?;
        let created = requests::create(conn, scope, actor, &valid, &link_base, None, at)
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
    accept(conn, sources, maria, &MARIA, now - Duration::days(2))?;
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
    accept(conn, sources, sarah, &SARAH, now - Duration::days(9))?;
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
    accept(conn, sources, marc, &MARC, now - Duration::days(5))?;
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
        &EMMA,
        RequestStatus::Refused,
        now - Duration::days(4) + Duration::hours(2),
    )?;
    // Expired: created four days ago, never answered.
    create(
        conn,
        &direct,
        &jan,
        "Livraison",
        "noah.lambert@example.be",
        Context::FlexiJob,
        "fr",
        now - Duration::days(4),
    )?;
    expire_due(
        conn,
        now,
        &Actor::Job {
            name: crate::jobs::lifecycle::EXPIRE_REQUESTS,
        },
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
    accept(conn, sources, julie, &JULIE, now - Duration::days(11))?;
    stop(conn, julie, &JULIE, now - Duration::days(2))?;
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
        &TOMASZ,
        RequestStatus::Refused,
        now - Duration::days(8) + Duration::hours(1),
    )?;
    diesel::insert_into(citizen_blocks::table)
        .values((
            citizen_blocks::citizen_niss.eq(TOMASZ.to_niss()),
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
    accept(conn, sources, ended, &LUCAS, now - Duration::days(44))?;
    end_due(
        conn,
        now,
        &Actor::Job {
            name: crate::jobs::lifecycle::END_MANDATES,
        },
    )?;
    Ok(made)
}

/// Binds a pending request to `citizen` at `at`, as opening its link would.
fn bind(
    conn: &mut PgConnection,
    id: Uuid,
    citizen: &Niss,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    requests_db::bind_citizen(conn, id, citizen, at)?
        .ok_or_else(|| anyhow::anyhow!("demo request {id} could not be bound"))?;
    Ok(())
}

/// Binds and accepts a request as `citizen` would.
fn accept(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    id: Uuid,
    citizen: &Persona,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let citizen = citizen.to_niss();
    let person = sources
        .person(conn, &citizen)?
        .ok_or_else(|| anyhow::anyhow!("demo person missing from the register"))?;
    bind(conn, id, &citizen, at)?;
    let context = requests_db::find(conn, id)?
        .ok_or_else(|| anyhow::anyhow!("demo request {id} missing"))?
        .context;
    requests_db::transition(
        conn,
        id,
        RequestStatus::Pending,
        Transition::Accept,
        Guard::Citizen(&citizen),
        SetOnTransition::Mandate {
            valid_until: mandate_valid_until(at, context),
            first_name: Some(&person.first_name),
            last_name: Some(&person.last_name),
        },
        &Actor::Citizen {
            niss: citizen.clone(),
        },
        None,
        at,
    )?
    .ok_or_else(|| anyhow::anyhow!("demo request {id} could not be accepted"))?;
    Ok(())
}

/// Binds and answers a pending request without accepting it.
fn answer(
    conn: &mut PgConnection,
    id: Uuid,
    citizen: &Persona,
    to: RequestStatus,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let citizen = citizen.to_niss();
    bind(conn, id, &citizen, at)?;
    let transition = match to {
        RequestStatus::Refused => Transition::Refuse,
        other => anyhow::bail!("a demo answer cannot lead to {other}"),
    };
    requests_db::transition(
        conn,
        id,
        RequestStatus::Pending,
        transition,
        Guard::Citizen(&citizen),
        SetOnTransition::Nothing,
        &Actor::Citizen {
            niss: citizen.clone(),
        },
        None,
        at,
    )?
    .ok_or_else(|| anyhow::anyhow!("demo request {id} could not be answered"))?;
    Ok(())
}

/// Stops an active mandate as the citizen would.
fn stop(
    conn: &mut PgConnection,
    id: Uuid,
    citizen: &Persona,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let citizen = citizen.to_niss();
    requests_db::transition(
        conn,
        id,
        RequestStatus::Accepted,
        Transition::Revoke,
        Guard::Citizen(&citizen),
        SetOnTransition::Nothing,
        &Actor::Citizen {
            niss: citizen.clone(),
        },
        None,
        at,
    )?
    .ok_or_else(|| anyhow::anyhow!("demo access {id} could not be stopped"))?;
    Ok(())
}
