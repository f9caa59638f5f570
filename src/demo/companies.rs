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
    domain::{Actor, Context, RequestStatus, Transition, context::mandate_valid_until},
    mail::request::{CitizenUrls, HELP_FOREIGNERS_PATH},
    services::{
        companies::{self as company_service, RegistrationInput},
        requests::{self, RequestInput, Scope, ValidRequest},
    },
    settings::{Contact, DEFAULT_HELP_CONTACT},
    sources::AuthenticSources,
};

/// Resto Pokébowl's enterprise number: the demo company that asks (Noah Lambert's only
/// employer, see [`super::sources`]).
pub const RESTO_BCE: &str = "0765432146";
/// Socialia's enterprise number.
pub const SOCIALIA_BCE: &str = "0412345614";

/// Who makes a demo request: Jan for Resto Pokébowl, or Lena for Socialia on its behalf.
#[derive(Clone, Copy)]
enum By {
    Jan,
    Socialia,
}

/// What becomes of a demo request once made.
#[derive(Clone, Copy)]
enum Then {
    /// Left pending.
    Pending,
    /// Accepted by the citizen a day after it was made.
    Accepted(Persona),
    /// Refused by the citizen this long after it was made.
    Refused(Persona, Duration),
    /// Refused this long after it was made, and the company blocked by the citizen.
    RefusedAndBlocked(Persona, Duration),
    /// Never answered: expired by the job.
    Expired,
    /// Accepted a day after it was made, stopped by the citizen this long ago.
    Stopped(Persona, Duration),
    /// Accepted a day after it was made, ended by the job.
    Ended(Persona),
}

/// A request of the demo world: who makes it, its label, the candidate's e-mail, the
/// context, the language, how long ago it was made, and what became of it.
type DemoRequest = (
    By,
    &'static str,
    &'static str,
    Context,
    &'static str,
    Duration,
    Then,
);

/// The demo requests, in the order they are made.
#[rustfmt::skip]
fn demo_requests() -> [DemoRequest; 11] {
    use By::{Jan, Socialia};
    use Context::{FlexiJob, StudentHours};
    use Then::*;
    let (hours, days) = (Duration::hours, Duration::days);
    [
        (Jan,      "Cuisine — week-end", "maria.abara@example.be",    FlexiJob,     "fr", hours(3),  Pending),
        (Jan,      "Service en salle",   "lucas.janssens@example.be", FlexiJob,     "nl", hours(30), Pending),
        (Socialia, "Student — zomer",    "kevin.claes@example.be",    StudentHours, "nl", hours(5),  Pending),
        (Jan,      "Plonge",             "m.abara@example.be",        FlexiJob,     "fr", days(3),   Accepted(MARIA)),
        (Socialia, "Étudiante caisse",   "sarah.dumont@example.be",   StudentHours, "fr", days(10),  Accepted(SARAH)),
        (Jan,      "Bar — pensionné",    "marc.dubois@example.be",    FlexiJob,     "fr", days(6),   Accepted(MARC)),
        (Jan,      "Accueil",            "emma.martin@example.be",    FlexiJob,     "fr", days(4),   Refused(EMMA, hours(2))),
        (Jan,      "Livraison",          "noah.lambert@example.be",   FlexiJob,     "fr", days(4),   Expired),
        (Jan,      "Terrasse",           "julie.wouters@example.be",  FlexiJob,     "nl", days(12),  Stopped(JULIE, days(2))),
        (Jan,      "Cuisine — soir",     "t.kowalski@example.eu",     FlexiJob,     "en", days(8),   RefusedAndBlocked(TOMASZ, hours(1))),
        (Jan,      "Extra — mars",       "lucas.j@example.be",        FlexiJob,     "nl", days(45),  Ended(LUCAS)),
    ]
}

/// Seeds the companies and their requests once (nothing happens when Resto Pokébowl is
/// already registered). Returns the number of requests made.
pub fn seed(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    now: DateTime<Utc>,
    public_url: &str,
    keys: &crate::seal::Keyring,
) -> anyhow::Result<usize> {
    let urls = CitizenUrls {
        link_base: format!("{public_url}/r/"),
        help_foreigners: format!("{public_url}{HELP_FOREIGNERS_PATH}"),
        contact: Contact::Address(DEFAULT_HELP_CONTACT.to_string()),
        keys: keys.clone(),
    };
    let exists: bool = diesel::select(diesel::dsl::exists(
        companies::table.filter(companies::bce.eq(RESTO_BCE)),
    ))
    .get_result(conn)?;
    if exists {
        return Ok(0);
    }
    let registered = now - Duration::days(120);
    let resto = register(
        conn,
        &JAN,
        RESTO_BCE,
        "Resto Pokébowl",
        "employer",
        "rh@resto-pokebowl.example",
        registered,
    )?;
    let socialia = register(
        conn,
        &LENA,
        SOCIALIA_BCE,
        "Socialia",
        "provider",
        "contact@socialia.example",
        registered,
    )?;
    let resto_ctx = company_service::resolve(conn, &JAN.to_niss(), Some(resto), None)?
        .map_err(|gap| anyhow::anyhow!("demo context: {gap:?}"))?;
    company_service::add_member(conn, &resto_ctx, SOFIE.niss(), "user", registered)?;
    company_service::designate_provider(conn, &resto_ctx, SOCIALIA_BCE, registered)?;

    let requests = demo_requests();
    for &(by, label, email, context, lang, age, then) in &requests {
        let (provider_id, by) = match by {
            By::Jan => (None, &JAN),
            By::Socialia => (Some(socialia), &LENA),
        };
        let scope = Scope {
            company_id: resto,
            provider_id,
        };
        let valid = ValidRequest::try_from(&RequestInput {
            label: label.into(),
            email: email.into(),
            context: context.code().into(),
            language: lang.into(),
            niss: String::new(),
            form_key: String::new(),
        })
        .map_err(|e| anyhow::anyhow!("demo request: {e:?}"))?;
        let made_at = now - age;
        let actor = Actor::CompanyUser { niss: by.to_niss() };
        let id = requests::create(conn, &scope, &actor, &valid, &urls, None, made_at)?.id;
        let accepted_at = made_at + Duration::days(1);
        match then {
            Then::Pending => {}
            Then::Accepted(citizen) => accept(conn, sources, id, &citizen, accepted_at)?,
            Then::Refused(citizen, after) => refuse(conn, id, &citizen, made_at + after)?,
            Then::RefusedAndBlocked(citizen, after) => {
                refuse(conn, id, &citizen, made_at + after)?;
                diesel::insert_into(citizen_blocks::table)
                    .values((
                        citizen_blocks::citizen_niss.eq(citizen.to_niss()),
                        citizen_blocks::company_id.eq(resto),
                        citizen_blocks::created_at.eq(made_at + after),
                    ))
                    .on_conflict_do_nothing()
                    .execute(conn)?;
            }
            Then::Expired => {
                let job = crate::jobs::lifecycle::EXPIRE_REQUESTS;
                expire_due(conn, now, &Actor::Job { name: job })?;
            }
            Then::Stopped(citizen, ago) => {
                accept(conn, sources, id, &citizen, accepted_at)?;
                as_citizen(
                    conn,
                    id,
                    &citizen,
                    RequestStatus::Accepted,
                    Transition::Revoke,
                    SetOnTransition::Nothing,
                    now - ago,
                )?;
            }
            Then::Ended(citizen) => {
                accept(conn, sources, id, &citizen, accepted_at)?;
                let job = crate::jobs::lifecycle::END_MANDATES;
                end_due(conn, now, &Actor::Job { name: job })?;
            }
        }
    }
    Ok(requests.len())
}

/// Registers a company with `manager` as its main access manager, the terms accepted.
fn register(
    conn: &mut PgConnection,
    manager: &Persona,
    bce: &str,
    name: &str,
    kind: &str,
    contact_email: &str,
    at: DateTime<Utc>,
) -> anyhow::Result<Uuid> {
    let input = RegistrationInput {
        bce: bce.into(),
        name: name.into(),
        kind: kind.into(),
        contact_email: contact_email.into(),
    };
    let id = company_service::register(conn, &manager.to_niss(), &input, at)?;
    company_service::accept_terms(conn, id, &manager.to_niss(), at)?;
    Ok(id)
}

/// Binds a pending request to `citizen` and accepts it, as they would.
fn accept(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    id: Uuid,
    citizen: &Persona,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let person = sources
        .person(conn, &citizen.to_niss())?
        .ok_or_else(|| anyhow::anyhow!("demo person missing from the register"))?;
    bind(conn, id, citizen, at)?;
    let context = requests_db::find(conn, id)?
        .ok_or_else(|| anyhow::anyhow!("demo request {id} missing"))?
        .context;
    let mandate = SetOnTransition::Mandate {
        valid_until: mandate_valid_until(at, context),
        first_name: Some(&person.first_name),
        last_name: Some(&person.last_name),
    };
    as_citizen(
        conn,
        id,
        citizen,
        RequestStatus::Pending,
        Transition::Accept,
        mandate,
        at,
    )
}

/// Binds a pending request to `citizen` and refuses it, as they would.
fn refuse(
    conn: &mut PgConnection,
    id: Uuid,
    citizen: &Persona,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    bind(conn, id, citizen, at)?;
    as_citizen(
        conn,
        id,
        citizen,
        RequestStatus::Pending,
        Transition::Refuse,
        SetOnTransition::Nothing,
        at,
    )
}

/// Binds a pending request to `citizen` at `at`, as opening its link would.
fn bind(
    conn: &mut PgConnection,
    id: Uuid,
    citizen: &Persona,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    requests_db::bind_citizen(conn, id, &citizen.to_niss(), at)?
        .ok_or_else(|| anyhow::anyhow!("demo request {id} could not be bound"))?;
    Ok(())
}

/// Moves request `id` from `from` by `transition` as `citizen` would, at `at`.
fn as_citizen(
    conn: &mut PgConnection,
    id: Uuid,
    citizen: &Persona,
    from: RequestStatus,
    transition: Transition,
    set: SetOnTransition<'_>,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let niss = citizen.to_niss();
    requests_db::transition(
        conn,
        id,
        from,
        transition,
        Guard::Citizen(&niss),
        set,
        &Actor::Citizen { niss: niss.clone() },
        None,
        at,
    )?
    .ok_or_else(|| anyhow::anyhow!("demo request {id}: {transition} refused from {from}"))?;
    Ok(())
}
