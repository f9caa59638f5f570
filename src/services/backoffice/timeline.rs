//! A request's timeline as the helpdesk sees it: every transition (people masked), the
//! e-mails and their delivery, the webhooks, the consultations. Opening it and revealing
//! the full NISS are audited.

use chrono::{DateTime, Utc};
use diesel::{
    dsl::sql,
    prelude::*,
    sql_types::{Bool, Text},
};
use uuid::Uuid;

use super::audit::{AuditAction, audit_on};
use crate::{
    db::{
        access_requests::{AccessRequest, find},
        request_events,
        schema::{api_clients, email_attempts, outbox_emails, staff, webhook_deliveries},
    },
    domain::{Niss, RequestStatus},
    services::{
        ServiceError,
        companies::{self, Company},
        consult,
    },
};

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
    /// How many consultations were made under it.
    pub consultations: i64,
    /// The newest of them ([`CONSULTATIONS_SHOWN`] at most), each with who made it.
    pub recent_consultations: Vec<TimelineConsultation>,
    /// The citizen who answered (full NISS: show it masked unless revealed).
    pub citizen: Option<Niss>,
    /// The person named at creation.
    pub target: Option<Niss>,
}

/// Most consultations a timeline lists (the newest; it says how many there are).
pub const CONSULTATIONS_SHOWN: i64 = 50;

/// A consultation made under the request, with who made it as the helpdesk sees it.
#[derive(Clone, Debug)]
pub struct TimelineConsultation {
    /// The audit row.
    pub entry: consult::ConsultationEntry,
    /// Who: a masked NISS, an API client's name.
    pub actor: String,
}

/// How a timeline is looked at (and audited).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Look {
    /// Opened: audited `view_request`.
    View,
    /// Shown again after an action on the page (the action is audited itself).
    Again,
}

/// Records that staff member `staff_id` asked for the full NISS of request `id`
/// (audited `reveal_niss`, the NISS masked in the entry). The page then shows it for a
/// while, without a new entry per reload.
pub fn record_reveal(
    conn: &mut PgConnection,
    staff_id: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let request = find(conn, id)?.ok_or(ServiceError::NotFound)?;
    let shown = request
        .citizen_niss
        .as_ref()
        .or(request.target_niss.as_ref())
        .map(Niss::masked);
    audit_on(
        conn,
        staff_id,
        AuditAction::RevealNiss,
        id,
        shown.as_deref(),
        now,
    )?;
    Ok(())
}

/// The name of the one whose id `reference` is, among `names`; the reference itself when
/// none is.
fn name_of(names: &[(Uuid, String)], reference: String) -> String {
    Uuid::parse_str(&reference)
        .ok()
        .and_then(|u| names.iter().find(|(i, _)| *i == u))
        .map_or(reference, |(_, n)| n.clone())
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
        match look {
            Look::View => audit_on(conn, staff_id, AuditAction::ViewRequest, id, None, now)?,
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
        // Who acted, as the helpdesk sees it: people masked, staff and clients by name.
        let actor = |kind: &str, reference: String| match kind {
            "citizen" | "company_user" => Niss::parse(&reference)
                .map(|n| n.masked())
                .unwrap_or_default(),
            "staff" => name_of(&staff_names, reference),
            "api_client" => name_of(&client_names, reference),
            _ => reference,
        };
        let events = request_events::timeline(conn, id)?
            .into_iter()
            .map(|event| TimelineEvent {
                actor: actor(
                    &event.actor_kind,
                    event.actor_ref.clone().unwrap_or_default(),
                ),
                event,
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
        let (consultations, recent) =
            consult::consultations_of_request(conn, id, request.created_at, CONSULTATIONS_SHOWN)?;
        let recent_consultations = recent
            .into_iter()
            .map(|entry| TimelineConsultation {
                actor: actor(&entry.actor_kind, entry.actor_ref.clone()),
                entry,
            })
            .collect();
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
            recent_consultations,
            citizen,
            target,
        })
    })
}
