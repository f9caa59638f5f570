//! Transactional outbox: a mail is written in the same transaction as what it announces;
//! the `deliver-mail` job sends due mails over SMTP (lettre), records every attempt, and
//! retries with exponential back-off until it gives up.

pub mod request;

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use lettre::{
    Message, SmtpTransport, Transport,
    message::{Mailbox, MultiPart, header::ContentType},
    transport::smtp::authentication::Credentials,
};
use secrecy::ExposeSecret;
use uuid::Uuid;

use crate::{
    db::schema::{email_attempts, outbox_emails},
    settings::{Settings, SmtpTls},
};

/// What remains of a delivered mail's body outside demo mode.
pub const ERASED_BODY: &str = "(erased after delivery)";

/// Attempts before a mail is given up (and shown as failed in the back office).
pub const MAX_ATTEMPTS: i32 = 10;

/// A mail to write to the outbox.
#[derive(Clone, Debug, Insertable)]
#[diesel(table_name = outbox_emails)]
pub struct NewMail {
    /// The request it belongs to, if any.
    pub request_id: Option<Uuid>,
    /// The address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body.
    pub body_html: String,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// When it is first due (now).
    pub next_attempt_at: DateTime<Utc>,
}

/// A mail of the outbox.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = outbox_emails, check_for_backend(diesel::pg::Pg))]
pub struct OutboxMail {
    /// Id.
    pub id: Uuid,
    /// The request it belongs to.
    pub request_id: Option<Uuid>,
    /// The address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body.
    pub body_html: String,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// Attempts so far.
    pub attempts: i32,
    /// When it was delivered.
    pub sent_at: Option<DateTime<Utc>>,
    /// When it was given up.
    pub failed_at: Option<DateTime<Utc>>,
    /// The last error.
    pub last_error: Option<String>,
}

/// Writes a mail to the outbox (call it inside the transaction of what it announces).
pub fn enqueue(conn: &mut PgConnection, mail: &NewMail) -> QueryResult<Uuid> {
    diesel::insert_into(outbox_emails::table)
        .values(mail)
        .returning(outbox_emails::id)
        .get_result(conn)
}

/// The newest mails, for the demo mailbox.
pub fn latest(conn: &mut PgConnection, limit: i64) -> QueryResult<Vec<OutboxMail>> {
    outbox_emails::table
        .order(outbox_emails::created_at.desc())
        .limit(limit)
        .select(OutboxMail::as_select())
        .load(conn)
}

/// One mail of the outbox.
pub fn find(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<OutboxMail>> {
    outbox_emails::table
        .find(id)
        .select(OutboxMail::as_select())
        .first(conn)
        .optional()
}

/// The wait before attempt `n + 1` after `n` failures: 30 s, 1 min, 2 min ... at most 1 h.
pub fn backoff(failures: i32) -> chrono::Duration {
    let exp = failures.clamp(0, 7) as u32;
    chrono::Duration::seconds((30i64 << exp).min(3600))
}

fn transport(settings: &Settings) -> anyhow::Result<Option<SmtpTransport>> {
    let smtp = &settings.smtp;
    let Some(host) = smtp.host.as_deref() else {
        return Ok(None);
    };
    let builder = match smtp.tls {
        SmtpTls::None => SmtpTransport::builder_dangerous(host),
        SmtpTls::Starttls => SmtpTransport::starttls_relay(host)?,
        SmtpTls::Tls => SmtpTransport::relay(host)?,
    };
    let mut builder = builder
        .port(smtp.port)
        .timeout(Some(Duration::from_secs(10)));
    if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            password.expose_secret().to_string(),
        ));
    }
    Ok(Some(builder.build()))
}

fn message(settings: &Settings, mail: &OutboxMail) -> anyhow::Result<Message> {
    let from: Mailbox = settings.smtp.from.parse()?;
    let to: Mailbox = mail.recipient.parse()?;
    Ok(Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(format!("<{}@mandat>", mail.id)))
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    lettre::message::SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(mail.body_text.clone()),
                )
                .singlepart(
                    lettre::message::SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(mail.body_html.clone()),
                ),
        )?)
}

/// Delivers every due mail, one transaction per mail (the row stays locked while it is
/// sent, so no two senders ever send it twice). Returns how many were delivered.
pub fn deliver_due(
    conn: &mut PgConnection,
    settings: &Settings,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let Some(transport) = transport(settings)? else {
        return Ok(0);
    };
    let mut delivered = 0;
    // Bounded batch: a later run takes the rest.
    for _ in 0..100 {
        let outcome = conn.transaction::<_, anyhow::Error, _>(|conn| {
            let Some(mail) = outbox_emails::table
                .filter(outbox_emails::sent_at.is_null())
                .filter(outbox_emails::failed_at.is_null())
                .filter(outbox_emails::next_attempt_at.le(now))
                .order(outbox_emails::next_attempt_at)
                .select(OutboxMail::as_select())
                .for_update()
                .skip_locked()
                .first(conn)
                .optional()?
            else {
                return Ok(None);
            };
            let sent = message(settings, &mail)
                .and_then(|m| transport.send(&m).map(|_| ()).map_err(anyhow::Error::from));
            let attempts = mail.attempts + 1;
            match &sent {
                Ok(()) => {
                    diesel::update(outbox_emails::table.find(mail.id))
                        .set((
                            outbox_emails::sent_at.eq(now),
                            outbox_emails::attempts.eq(attempts),
                            outbox_emails::last_error.eq(None::<String>),
                        ))
                        .execute(conn)?;
                    // Once delivered, the body (which holds the secret link) is no longer
                    // needed: outside demo mode it is erased, so the link exists only in
                    // the recipient's mailbox. The demo mailbox shows bodies, so demo and
                    // development keep them.
                    if !settings.mode.is_demo() {
                        diesel::update(outbox_emails::table.find(mail.id))
                            .set((
                                outbox_emails::body_text.eq(ERASED_BODY),
                                outbox_emails::body_html.eq(ERASED_BODY),
                            ))
                            .execute(conn)?;
                    }
                }
                Err(e) => {
                    let error = format!("{e:#}");
                    // The server's answer may quote the address: it is recorded with the
                    // attempt, and only its status code goes to the log.
                    let smtp_status = e
                        .downcast_ref::<lettre::transport::smtp::Error>()
                        .and_then(lettre::transport::smtp::Error::status)
                        .map(|code| code.to_string());
                    tracing::warn!(mail = %mail.id, attempts, smtp_status, "mail delivery failed");
                    let failed_at = (attempts >= MAX_ATTEMPTS).then_some(now);
                    diesel::update(outbox_emails::table.find(mail.id))
                        .set((
                            outbox_emails::attempts.eq(attempts),
                            outbox_emails::next_attempt_at.eq(now + backoff(attempts - 1)),
                            outbox_emails::failed_at.eq(failed_at),
                            outbox_emails::last_error.eq(Some(error)),
                        ))
                        .execute(conn)?;
                }
            }
            diesel::insert_into(email_attempts::table)
                .values((
                    email_attempts::email_id.eq(mail.id),
                    email_attempts::at.eq(now),
                    email_attempts::ok.eq(sent.is_ok()),
                    email_attempts::error.eq(sent.as_ref().err().map(|e| format!("{e:#}"))),
                ))
                .execute(conn)?;
            Ok(Some(sent.is_ok()))
        })?;
        match outcome {
            None => break,
            Some(true) => delivered += 1,
            // A failure: the server is likely down; leave the rest for the next run.
            Some(false) => break,
        }
    }
    Ok(delivered)
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let secs: Vec<i64> = (0..10).map(|n| backoff(n).num_seconds()).collect();
        assert_eq!(
            secs,
            vec![30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
        );
    }
}
