//! The writes of `access_requests` made by user actions: creation, the binding of a link
//! to the citizen who opened it, and [`transition`], the one way a request changes status
//! (conditional update, event, webhook outbox row, in the caller's transaction).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::{AccessRequest, Filter, find, status_is};
use crate::{
    db::{
        request_events::{self, NewEvent},
        schema::{access_requests, request_links, request_parties, request_personal},
        webhook_deliveries,
    },
    domain::{
        Actor, Context, Niss, RequestStatus, Transition,
        events::{Event, SystemNote},
    },
    i18n::Lang,
};

/// A request to store.
#[derive(Clone, Debug)]
pub struct NewRequest<'a> {
    /// The company the access is for.
    pub company_id: Uuid,
    /// The provider acting on its behalf, if any.
    pub provider_id: Option<Uuid>,
    /// The company's own name for it.
    pub label: Option<&'a str>,
    /// The candidate's e-mail.
    pub email: Option<&'a str>,
    /// What it gives access to.
    pub context: Context,
    /// Language of the e-mail.
    pub language: Lang,
    /// The only person allowed to answer, if named.
    pub target_niss: Option<&'a Niss>,
    /// SHA-256 of the link secret.
    pub token_hash: &'a [u8],
    /// The link's end.
    pub expires_at: DateTime<Utc>,
}

/// Stores a pending request (its personal data in `request_personal`, its creator in
/// `request_parties`) and records its creation by `actor`.
pub fn create(
    conn: &mut PgConnection,
    new: &NewRequest<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> QueryResult<AccessRequest> {
    use access_requests::dsl as r;
    let request = AccessRequest {
        id: Uuid::new_v4(),
        company_id: new.company_id,
        provider_id: new.provider_id,
        created_by: Some(actor.reference()),
        label: new.label.map(str::to_string),
        email: new.email.map(str::to_string),
        context: new.context,
        language: new.language,
        target_niss: new.target_niss.cloned(),
        status: RequestStatus::Pending,
        status_reason: None,
        created_at: now,
        expires_at: new.expires_at,
        status_changed_at: now,
        citizen_niss: None,
        bound_at: None,
        mandate_id: None,
        accepted_at: None,
        valid_until: None,
        citizen_first_name: None,
        citizen_last_name: None,
        archived_at: None,
    };
    diesel::insert_into(access_requests::table)
        .values((
            r::id.eq(request.id),
            r::company_id.eq(request.company_id),
            r::provider_id.eq(request.provider_id),
            r::context.eq(request.context),
            r::language.eq(request.language),
            r::status.eq(request.status),
            r::created_at.eq(now),
            r::expires_at.eq(request.expires_at),
            r::status_changed_at.eq(now),
        ))
        .execute(conn)?;
    diesel::insert_into(request_personal::table)
        .values((
            request_personal::request_id.eq(request.id),
            request_personal::label.eq(new.label),
            request_personal::email.eq(new.email),
            request_personal::target_niss.eq(new.target_niss),
        ))
        .execute(conn)?;
    diesel::insert_into(request_parties::table)
        .values((
            request_parties::request_id.eq(request.id),
            request_parties::created_by.eq(&request.created_by),
        ))
        .execute(conn)?;
    diesel::insert_into(request_links::table)
        .values((
            request_links::token_hash.eq(new.token_hash),
            request_links::request_id.eq(request.id),
            request_links::expires_at.eq(request.expires_at),
        ))
        .execute(conn)?;
    request_events::record(
        conn,
        &[NewEvent::new(
            request.id,
            None,
            RequestStatus::Pending,
            actor,
            None,
            now,
        )],
    )?;
    Ok(request)
}

/// Binds the pending, unbound request `id` to the citizen `me` (its link was opened by
/// them), unless it names another person. `None` when another citizen was faster or the
/// request is no longer pending: the database decides who was first (the conditional
/// update of the request's row, `bound_at` still unset; the citizen's NISS is written in
/// `request_parties` in the same transaction, by the one who won).
pub fn bind_citizen(
    conn: &mut PgConnection,
    id: Uuid,
    me: &Niss,
    now: DateTime<Utc>,
) -> QueryResult<Option<AccessRequest>> {
    use access_requests::dsl as r;
    let names_another = diesel::dsl::exists(
        request_personal::table
            .filter(request_personal::request_id.eq(id))
            .filter(request_personal::target_niss.ne(me)),
    );
    conn.transaction(|conn| {
        let bound: Option<Uuid> = diesel::update(access_requests::table)
            .filter(r::id.eq(id))
            .filter(r::bound_at.is_null())
            .filter(status_is(RequestStatus::Pending, now))
            .filter(diesel::dsl::not(names_another))
            .set(r::bound_at.eq(now))
            .returning(r::id)
            .get_result(conn)
            .optional()?;
        let Some(id) = bound else {
            return Ok(None);
        };
        diesel::insert_into(request_parties::table)
            .values((
                request_parties::request_id.eq(id),
                request_parties::citizen_niss.eq(me),
            ))
            .on_conflict(request_parties::request_id)
            .do_update()
            .set(request_parties::citizen_niss.eq(me))
            .execute(conn)?;
        find(conn, id)
    })
}

/// Gives the pending request `id` that nobody opened yet a new link (the hash of its
/// secret), ending the previous one, and logs it as `actor`'s (the back office's timeline
/// shows it); the link's end stays the request's. `false` when it was opened or answered
/// meanwhile, or has expired. The request's row is locked first: an opening at the same
/// moment comes either before (and this changes nothing) or after, when the old link is
/// gone.
pub fn replace_link(
    conn: &mut PgConnection,
    id: Uuid,
    token_hash: &[u8],
    actor: &Actor,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    use access_requests::dsl as r;
    conn.transaction(|conn| {
        let open: Option<DateTime<Utc>> = access_requests::table
            .filter(r::id.eq(id))
            .filter(r::bound_at.is_null())
            .filter(status_is(RequestStatus::Pending, now))
            .select(r::expires_at)
            .for_update()
            .first(conn)
            .optional()?;
        let Some(expires_at) = open else {
            return Ok(false);
        };
        diesel::delete(request_links::table.filter(request_links::request_id.eq(id)))
            .execute(conn)?;
        diesel::insert_into(request_links::table)
            .values((
                request_links::token_hash.eq(token_hash),
                request_links::request_id.eq(id),
                request_links::expires_at.eq(expires_at),
            ))
            .execute(conn)?;
        request_events::record(conn, &[NewEvent::new_link(id, actor, now)])?;
        Ok(true)
    })
}

/// Who may make a change: a condition the row must meet besides its status.
#[derive(Copy, Clone, Debug)]
pub enum Guard<'a> {
    /// None (the company's scope was checked when the request was read; the back office).
    Any,
    /// The request is bound to this citizen.
    Citizen(&'a Niss),
}

/// What a transition writes besides the status and the time of the change.
#[derive(Copy, Clone, Debug)]
pub enum SetOnTransition<'a> {
    /// Nothing more.
    Nothing,
    /// An acceptance: the mandate, its end, and the names of the citizen from the register.
    Mandate {
        /// The mandate's end.
        valid_until: DateTime<Utc>,
        /// First name.
        first_name: Option<&'a str>,
        /// Last name.
        last_name: Option<&'a str>,
    },
    /// A back-office block or unblock: the reason shown to the company and the citizen
    /// (`None` clears it).
    Reason(Option<&'a str>),
    /// An access replaced by a newer one ([`end_replaced`]): its end brought forward to
    /// the transition's instant (it reads as ended then), and the reason shown to the
    /// company and the citizen ([`SystemNote::Replaced`]).
    Replaced,
}

/// Applies `transition` to the request `id`, provided that at `at` it still reads as
/// `from` (the status its caller saw) and meets `guard`: one conditional UPDATE, then
/// the event (with `actor` and `note`) and the webhook announcing it, in the caller's
/// transaction. `None` when the row was no longer in that state (a concurrent change won)
/// or the transition is not allowed from `from`.
#[allow(clippy::too_many_arguments)]
pub fn transition(
    conn: &mut PgConnection,
    id: Uuid,
    from: RequestStatus,
    transition: Transition,
    guard: Guard<'_>,
    set: SetOnTransition<'_>,
    actor: &Actor,
    note: Option<&str>,
    at: DateTime<Utc>,
) -> QueryResult<Option<AccessRequest>> {
    use access_requests::dsl as r;
    let Ok(to) = from.apply(transition) else {
        return Ok(None);
    };
    let mut target: Filter = Box::new(r::id.eq(id).and(status_is(from, at)));
    if let Guard::Citizen(me) = guard {
        let bound_to_me = diesel::dsl::exists(
            request_parties::table
                .filter(request_parties::request_id.eq(id))
                .filter(request_parties::citizen_niss.eq(me.clone())),
        );
        target = Box::new(target.and(bound_to_me));
    }
    let update = diesel::update(access_requests::table).filter(target);
    let changed: Option<Uuid> = match set {
        SetOnTransition::Nothing => update
            .set((r::status.eq(to), r::status_changed_at.eq(at)))
            .returning(r::id)
            .get_result(conn)
            .optional()?,
        SetOnTransition::Mandate { valid_until, .. } => update
            .set((
                r::status.eq(to),
                r::status_changed_at.eq(at),
                r::mandate_id.eq(Uuid::new_v4()),
                r::accepted_at.eq(at),
                r::valid_until.eq(valid_until),
            ))
            .returning(r::id)
            .get_result(conn)
            .optional()?,
        SetOnTransition::Replaced => update
            .set((
                r::status.eq(to),
                r::status_changed_at.eq(at),
                r::valid_until.eq(at),
                r::status_reason.eq(SystemNote::Replaced.text()),
            ))
            .returning(r::id)
            .get_result(conn)
            .optional()?,
        SetOnTransition::Reason(reason) => update
            .set((
                r::status.eq(to),
                r::status_changed_at.eq(at),
                r::status_reason.eq(reason),
            ))
            .returning(r::id)
            .get_result(conn)
            .optional()?,
    };
    let Some(id) = changed else {
        return Ok(None);
    };
    if let SetOnTransition::Mandate {
        first_name,
        last_name,
        ..
    } = set
    {
        // The names of the citizen who accepted, beside the request's other personal data.
        diesel::insert_into(request_personal::table)
            .values((
                request_personal::request_id.eq(id),
                request_personal::citizen_first_name.eq(first_name),
                request_personal::citizen_last_name.eq(last_name),
            ))
            .on_conflict(request_personal::request_id)
            .do_update()
            .set((
                request_personal::citizen_first_name.eq(first_name),
                request_personal::citizen_last_name.eq(last_name),
            ))
            .execute(conn)?;
    }
    let updated = find(conn, id)?;
    if let Some(request) = &updated {
        announce(conn, &[(request.id, at)], from, to, actor, note, at)?;
    }
    Ok(updated)
}

/// Ends the other mandates of `kept`'s citizen for the same company, through the same
/// provider (or none) and for the same context, still active at `at`: the citizen just
/// accepted `kept`, a newer request for the same answer, and one access per company,
/// provider, citizen and context remains, so that stopping it stops the company's access.
/// Each ends at `at` (its end brought forward), through [`transition`]: its event (by
/// `actor`) and its webhook. Returns how many ended.
pub fn end_replaced(
    conn: &mut PgConnection,
    kept: &AccessRequest,
    actor: &Actor,
    at: DateTime<Utc>,
) -> QueryResult<usize> {
    let Some(citizen) = &kept.citizen_niss else {
        return Ok(0);
    };
    let mut ended = 0;
    for (id, _) in replaced_by(conn, kept, at)? {
        let done = transition(
            conn,
            id,
            RequestStatus::Accepted,
            Transition::End,
            Guard::Citizen(citizen),
            SetOnTransition::Replaced,
            actor,
            Some(SystemNote::Replaced.text()),
            at,
        )?;
        ended += usize::from(done.is_some());
    }
    Ok(ended)
}

/// The accesses that accepting `request` would replace at `at` ([`end_replaced`]): the
/// active mandates of its bound citizen for the same company, provider and context, with
/// their ends (none while it is bound to nobody).
pub fn replaced_by(
    conn: &mut PgConnection,
    request: &AccessRequest,
    at: DateTime<Utc>,
) -> QueryResult<Vec<(Uuid, Option<DateTime<Utc>>)>> {
    use access_requests::dsl as r;
    let Some(citizen) = &request.citizen_niss else {
        return Ok(Vec::new());
    };
    super::with_personal()
        .filter(request_parties::citizen_niss.eq(citizen))
        .filter(r::company_id.eq(request.company_id))
        .filter(r::provider_id.is_not_distinct_from(request.provider_id))
        .filter(r::context.eq(request.context))
        .filter(r::id.ne(request.id))
        .filter(status_is(RequestStatus::Accepted, at))
        .order(r::valid_until.desc())
        .select((r::id, r::valid_until))
        .load(conn)
}

/// Records the transition of each `(id, when)` from `from` to `to` and writes the webhook
/// announcing it (dated `announced_at`), set-based.
pub(super) fn announce(
    conn: &mut PgConnection,
    changed: &[(Uuid, DateTime<Utc>)],
    from: RequestStatus,
    to: RequestStatus,
    actor: &Actor,
    note: Option<&str>,
    announced_at: DateTime<Utc>,
) -> QueryResult<()> {
    let events: Vec<NewEvent<'_>> = changed
        .iter()
        .map(|(id, at)| NewEvent::new(*id, Some(from), to, actor, note, *at))
        .collect();
    request_events::record(conn, &events)?;
    if let Some(event) = Event::announcing(to) {
        let ids: Vec<Uuid> = changed.iter().map(|(id, _)| *id).collect();
        webhook_deliveries::emit(conn, &ids, event, announced_at)?;
    }
    Ok(())
}
