//! Transactional outbox: a mail is written in the same transaction as what it announces;
//! the `deliver-mail` job sends due mails over SMTP (lettre), records every attempt, and
//! retries with exponential back-off (30 s doubling, at most 30 minutes apart) for as long
//! as what it carries is worth sending: a request's mail until its link ends. It gives up
//! at once on a permanent refusal (5xx). A mail given up is shown to the company in its
//! tab, and staff can send it again.

pub mod request;

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use lettre::{
    Message, SmtpTransport, Transport,
    message::{
        Mailbox, MultiPart,
        header::{ContentType, Header, HeaderName, HeaderValue},
    },
    transport::smtp::authentication::Credentials,
};
use secrecy::ExposeSecret;
use uuid::Uuid;

use crate::{
    db::schema::{email_attempts, outbox_emails},
    i18n::Lang,
    seal::{Keyring, Purpose, Unreadable},
    settings::{Settings, SmtpTls},
};

/// What remains of a delivered mail's body outside demo mode.
pub const ERASED_BODY: &str = "(erased after delivery)";

/// The longest wait between two attempts.
pub const MAX_BACKOFF_SECONDS: i64 = 30 * 60;

/// A mail as written: for which request, to whom, what it says, when.
#[derive(Clone, Debug, Insertable, Queryable, Selectable)]
#[diesel(table_name = outbox_emails, check_for_backend(diesel::pg::Pg))]
pub struct Written {
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
}

impl Written {
    /// The language the mail declares in its HTML (`<html lang="fr">`): the demo mailbox
    /// marks its subject and body with it, so that a screen reader reads a French mail in
    /// French on a German page.
    pub fn language(&self) -> Option<Lang> {
        let start = self.body_html.find("<html lang=\"")? + "<html lang=\"".len();
        let code = self.body_html.get(start..start + 2)?;
        Lang::from_code(code)
    }
}

/// A mail to write to the outbox.
#[derive(Clone, Debug, Insertable)]
#[diesel(table_name = outbox_emails)]
pub struct NewMail {
    /// The mail.
    #[diesel(embed)]
    pub written: Written,
    /// When it is first due (now).
    pub next_attempt_at: DateTime<Utc>,
    /// When it is no longer worth sending (a request's mail: when its link ends).
    pub give_up_at: DateTime<Utc>,
}

/// A mail of the outbox.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = outbox_emails, check_for_backend(diesel::pg::Pg))]
pub struct OutboxMail {
    /// Id.
    pub id: Uuid,
    /// The mail (its body erased after delivery outside demo mode).
    #[diesel(embed)]
    pub written: Written,
    /// Attempts so far.
    pub attempts: i32,
    /// When it was delivered.
    pub sent_at: Option<DateTime<Utc>>,
    /// When it was given up.
    pub failed_at: Option<DateTime<Utc>>,
    /// The last error.
    pub last_error: Option<String>,
    /// When it is no longer worth sending.
    pub give_up_at: DateTime<Utc>,
}

impl OutboxMail {
    /// The mail with its text opened (`keys` opened what [`enqueue`] sealed).
    pub fn opened(mut self, keys: &Keyring) -> Result<OutboxMail, Unreadable> {
        self.written.body_text = keys.open(Purpose::MailText, &self.written.body_text)?;
        self.written.body_html = keys.open(Purpose::MailText, &self.written.body_html)?;
        Ok(self)
    }

    /// The mail with its text opened, or, where `keys` cannot open it, the error saying so
    /// (it starts with [`crate::seal::UNREADABLE`]).
    fn readable(self, keys: &Keyring) -> OutboxMail {
        let mut sealed = self.clone();
        self.opened(keys).unwrap_or_else(|unreadable| {
            sealed.written.body_text = unreadable.to_string();
            sealed.written.body_html = String::new();
            sealed
        })
    }
}

/// Writes a mail to the outbox (call it inside the transaction of what it announces), its
/// text sealed under the data key (`keys`): it holds the candidate's live link, and only
/// the sender (and the demo mailbox) reads it back.
pub fn enqueue(conn: &mut PgConnection, keys: &Keyring, mail: &NewMail) -> QueryResult<Uuid> {
    let mut sealed = mail.clone();
    sealed.written.body_text = keys.seal(Purpose::MailText, &mail.written.body_text);
    sealed.written.body_html = keys.seal(Purpose::MailText, &mail.written.body_html);
    diesel::insert_into(outbox_emails::table)
        .values(&sealed)
        .returning(outbox_emails::id)
        .get_result(conn)
}

/// The newest mails, for the demo mailbox, their text opened.
pub fn latest(conn: &mut PgConnection, keys: &Keyring, limit: i64) -> QueryResult<Vec<OutboxMail>> {
    Ok(outbox_emails::table
        .order(outbox_emails::created_at.desc())
        .limit(limit)
        .select(OutboxMail::as_select())
        .load(conn)?
        .into_iter()
        .map(|mail| mail.readable(keys))
        .collect())
}

/// One mail of the outbox, its text opened.
pub fn find(conn: &mut PgConnection, keys: &Keyring, id: Uuid) -> QueryResult<Option<OutboxMail>> {
    Ok(outbox_emails::table
        .find(id)
        .select(OutboxMail::as_select())
        .first(conn)
        .optional()?
        .map(|mail| mail.readable(keys)))
}

/// The wait before attempt `n + 1` after `n` failures: 30 s, 1 min, 2 min ... at most
/// 30 min.
pub fn backoff(failures: i32) -> chrono::Duration {
    let exp = failures.clamp(0, 7) as u32;
    chrono::Duration::seconds((30i64 << exp).min(MAX_BACKOFF_SECONDS))
}

/// Whether a mail that failed at `now` after `attempts` attempts is given up: refused for
/// good by the server, or its next attempt would come after `give_up_at`.
pub fn gives_up(
    permanent: bool,
    attempts: i32,
    now: DateTime<Utc>,
    give_up_at: DateTime<Utc>,
) -> bool {
    permanent || now + backoff(attempts - 1) >= give_up_at
}

/// The error recorded for a mail given up because its link ended before it could be
/// delivered.
pub const LINK_ENDED: &str = "the link ended before delivery";

/// Gives up the mails no longer worth sending that were never delivered (their link ended
/// while they waited); returns how many. With `erase` (outside demo mode), their text goes
/// too, as a delivered mail's does: nobody can send it again (its link is dead). So does
/// the text of a mail given up before (refused by the candidate's server), kept while staff
/// could send it again, once its link has ended.
fn give_up_stale(conn: &mut PgConnection, now: DateTime<Utc>, erase: bool) -> QueryResult<usize> {
    if erase {
        // The literal matches the predicate of the partial index that finds these rows.
        diesel::sql_query(format!(
            "UPDATE outbox_emails SET body_text = '{ERASED_BODY}', body_html = '{ERASED_BODY}'
              WHERE sent_at IS NULL AND failed_at IS NOT NULL AND give_up_at <= $1
                AND body_text <> '{ERASED_BODY}'"
        ))
        .bind::<diesel::sql_types::Timestamptz, _>(now)
        .execute(conn)?;
    }
    let stale = outbox_emails::table
        .filter(outbox_emails::sent_at.is_null())
        .filter(outbox_emails::failed_at.is_null())
        .filter(outbox_emails::give_up_at.le(now));
    let given_up = (
        outbox_emails::failed_at.eq(now),
        outbox_emails::last_error.eq(diesel::dsl::sql::<
            diesel::sql_types::Nullable<diesel::sql_types::Text>,
        >("COALESCE(last_error, ")
        .bind::<diesel::sql_types::Text, _>(LINK_ENDED)
        .sql(")")),
    );
    if erase {
        diesel::update(stale)
            .set((
                given_up,
                outbox_emails::body_text.eq(ERASED_BODY),
                outbox_emails::body_html.eq(ERASED_BODY),
            ))
            .execute(conn)
    } else {
        diesel::update(stale).set(given_up).execute(conn)
    }
}

/// Makes a mail given up due again at `now`, to be sent until `give_up_at` (staff send it
/// again once the company gave up waiting). `false` when it is not given up (sent, or
/// still being tried).
pub fn retry(
    conn: &mut PgConnection,
    id: Uuid,
    now: DateTime<Utc>,
    give_up_at: DateTime<Utc>,
) -> QueryResult<bool> {
    diesel::update(
        outbox_emails::table
            .find(id)
            .filter(outbox_emails::sent_at.is_null())
            .filter(outbox_emails::failed_at.is_not_null()),
    )
    .set((
        outbox_emails::failed_at.eq(None::<DateTime<Utc>>),
        outbox_emails::next_attempt_at.eq(now),
        outbox_emails::give_up_at.eq(give_up_at),
    ))
    .execute(conn)
    .map(|n| n == 1)
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

/// `Auto-Submitted: auto-generated` (RFC 3834): an out-of-office responder does not answer
/// a mail that nobody at the sending address reads.
#[derive(Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".to_string())
    }
}

/// `Content-Language` (RFC 3282): the mail's language, for the mail client's reader.
#[derive(Clone)]
struct ContentLanguage(Lang);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Lang::from_code(s.trim())
            .map(ContentLanguage)
            .ok_or_else(|| format!("unknown language {s:?}").into())
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.code().to_string())
    }
}

fn message(settings: &Settings, mail: &OutboxMail) -> anyhow::Result<Message> {
    let from: Mailbox = settings.smtp.from.parse()?;
    let written = &mail.written;
    let to: Mailbox = written.recipient.parse()?;
    // The id names the sending domain, as mail filters expect of a message id.
    let message_id = format!("<{}@{}>", mail.id, from.email.domain());
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(written.subject.clone())
        .message_id(Some(message_id))
        .header(AutoSubmitted);
    if let Some(lang) = written.language() {
        builder = builder.header(ContentLanguage(lang));
    }
    Ok(builder.multipart(
        MultiPart::alternative()
            .singlepart(
                lettre::message::SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(written.body_text.clone()),
            )
            .singlepart(
                lettre::message::SinglePart::builder()
                    .header(ContentType::TEXT_HTML)
                    .body(written.body_html.clone()),
            ),
    )?)
}

/// Delivers the due mails of a demo tenant to its mailbox only (never to an SMTP server):
/// each is marked sent at the instant it was due (a move of the tenant's clock delivers
/// what was written before it as it would have been, seconds after it was written), with
/// its attempt recorded, its body kept for the mailbox. Returns how many.
pub fn deliver_to_mailbox(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let delivered: Vec<(Uuid, DateTime<Utc>)> = diesel::update(
            outbox_emails::table
                .filter(outbox_emails::sent_at.is_null())
                .filter(outbox_emails::failed_at.is_null())
                .filter(outbox_emails::next_attempt_at.le(now)),
        )
        .set((
            outbox_emails::sent_at.eq(outbox_emails::next_attempt_at.nullable()),
            outbox_emails::attempts.eq(outbox_emails::attempts + 1),
            outbox_emails::last_error.eq(None::<String>),
        ))
        .returning((outbox_emails::id, outbox_emails::next_attempt_at))
        .get_results(conn)?;
        let attempts: Vec<_> = delivered
            .iter()
            .map(|(id, at)| {
                (
                    email_attempts::email_id.eq(*id),
                    email_attempts::at.eq(*at),
                    email_attempts::ok.eq(true),
                )
            })
            .collect();
        diesel::insert_into(email_attempts::table)
            .values(&attempts)
            .execute(conn)?;
        Ok(delivered.len())
    })
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
    give_up_stale(conn, now, !settings.mode.is_demo())?;
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
            // A text this server cannot open is given up at once: no attempt can send it.
            let mut permanent = true;
            let mut asked_server = false;
            let sent = mail
                .clone()
                .opened(&settings.keyring)
                .map_err(anyhow::Error::from)
                .and_then(|mail| {
                    permanent = false;
                    message(settings, &mail)
                })
                .and_then(|m| {
                    asked_server = true;
                    transport.send(&m).map(|_| ()).map_err(|e| {
                        permanent = e.is_permanent();
                        anyhow::Error::from(e)
                    })
                });
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
                    let failed_at =
                        gives_up(permanent, attempts, now, mail.give_up_at).then_some(now);
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
            Ok(Some((sent.is_ok(), asked_server)))
        })?;
        match outcome {
            None => break,
            Some((true, _)) => delivered += 1,
            // The server failed: it is likely down; leave the rest for the next run.
            Some((false, true)) => break,
            // Nothing was asked of the server (a text it cannot open, an address it cannot
            // write): the next mail may go.
            Some((false, false)) => {}
        }
    }
    Ok(delivered)
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn a_mail_says_its_language_as_its_html_declares_it() {
        let written = |html: &str| super::Written {
            request_id: None,
            recipient: "maria@example.be".into(),
            subject: "s".into(),
            body_text: "t".into(),
            body_html: html.into(),
            created_at: chrono::Utc::now(),
        };
        let cases = [
            (
                "<!DOCTYPE html><html lang=\"fr\"><head>",
                Some(crate::i18n::Lang::Fr),
            ),
            (
                "<!DOCTYPE html><html lang=\"nl\">",
                Some(crate::i18n::Lang::Nl),
            ),
            ("<html lang=\"es\">", None),
            ("<html>", None),
            ("", None),
            ("(erased)", None),
        ];
        for (html, lang) in cases {
            assert_eq!(written(html).language(), lang, "{html}");
        }
    }

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let secs: Vec<i64> = (0..10).map(|n| backoff(n).num_seconds()).collect();
        assert_eq!(
            secs,
            vec![30, 60, 120, 240, 480, 960, 1800, 1800, 1800, 1800]
        );
    }

    #[test]
    fn a_mail_is_tried_until_its_link_ends() {
        use chrono::{Duration, TimeZone, Utc};
        let start = Utc.with_ymd_and_hms(2025, 3, 5, 9, 30, 0).unwrap();
        let link_ends = start + Duration::hours(72);
        // (permanent, attempts, failed at, given up?)
        let cases = [
            (false, 1, start, false),
            (false, 10, start + Duration::hours(3), false),
            (false, 150, start + Duration::hours(71), false),
            // The next attempt would come 30 minutes later: after the link's end.
            (
                false,
                151,
                start + Duration::hours(71) + Duration::minutes(31),
                true,
            ),
            (false, 2, link_ends, true),
            // A permanent refusal (5xx): at once.
            (true, 1, start, true),
        ];
        for (permanent, attempts, at, expected) in cases {
            assert_eq!(
                super::gives_up(permanent, attempts, at, link_ends),
                expected,
                "{permanent} {attempts} {at}"
            );
        }
    }
}
