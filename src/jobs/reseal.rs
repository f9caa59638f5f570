//! The `reseal` job: what is sealed under a retired data key, or was stored before values
//! were sealed, is sealed again under the current one ([`crate::seal`]). Once it has run on
//! every tenant, a retired key can leave the configuration.
//!
//! It reads the webhook secrets and the texts of the mails not delivered (waiting, or given
//! up and kept for staff to send again), a batch at a time, and writes each batch back in
//! one statement, only where the value is still the one it read (a value changed meanwhile
//! is left to the next run). A value no key of the server opens is left as it is, and
//! logged: the sender gives it up when it comes to it.

use diesel::{
    PgConnection, QueryResult, QueryableByName, RunQueryDsl, sql_query,
    sql_types::{Array, Text, Uuid as SqlUuid},
};
use uuid::Uuid;

use crate::{
    mail::ERASED_BODY,
    seal::{Keyring, Purpose},
};

/// The name of the job.
pub const RESEAL: &str = "reseal";

/// Rows read at once.
const BATCH: i64 = 500;

#[derive(QueryableByName)]
struct Secret {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    value: String,
}

#[derive(QueryableByName)]
struct MailText {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    body_text: String,
    #[diesel(sql_type = Text)]
    body_html: String,
}

/// Seals again under the current key of `keys` every webhook secret and every text of a
/// mail not delivered that is not sealed under it. Returns how many rows it wrote.
pub fn reseal(conn: &mut PgConnection, keys: &Keyring) -> QueryResult<usize> {
    Ok(reseal_secrets(conn, keys)? + reseal_mails(conn, keys)?)
}

fn reseal_secrets(conn: &mut PgConnection, keys: &Keyring) -> QueryResult<usize> {
    let current = format!("{}%", keys.current_prefix());
    let mut after = Uuid::nil();
    let mut written = 0;
    loop {
        let batch: Vec<Secret> = sql_query(
            "SELECT id, webhook_secret AS value FROM api_clients
              WHERE webhook_secret IS NOT NULL AND webhook_secret NOT LIKE $1 AND id > $2
              ORDER BY id LIMIT $3",
        )
        .bind::<Text, _>(&current)
        .bind::<SqlUuid, _>(after)
        .bind::<diesel::sql_types::BigInt, _>(BATCH)
        .load(conn)?;
        let Some(last) = batch.last() else {
            return Ok(written);
        };
        after = last.id;
        let (mut ids, mut old, mut new) = (vec![], vec![], vec![]);
        for row in &batch {
            match keys.open(Purpose::WebhookSecret, &row.value) {
                Ok(secret) => {
                    ids.push(row.id);
                    old.push(row.value.clone());
                    new.push(keys.seal(Purpose::WebhookSecret, &secret));
                }
                Err(e) => {
                    tracing::warn!(client = %row.id, error = %e, "webhook secret left as it is")
                }
            }
        }
        written += sql_query(
            "UPDATE api_clients c SET webhook_secret = v.new
               FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, old, new)
              WHERE c.id = v.id AND c.webhook_secret = v.old",
        )
        .bind::<Array<SqlUuid>, _>(&ids)
        .bind::<Array<Text>, _>(&old)
        .bind::<Array<Text>, _>(&new)
        .execute(conn)?;
    }
}

fn reseal_mails(conn: &mut PgConnection, keys: &Keyring) -> QueryResult<usize> {
    let current = format!("{}%", keys.current_prefix());
    let mut written = 0;
    // The mails waiting, then those given up (each read through its own partial index).
    for given_up in ["IS NULL", "IS NOT NULL"] {
        let mut after = Uuid::nil();
        loop {
            let batch: Vec<MailText> = sql_query(format!(
                "SELECT id, body_text, body_html FROM outbox_emails
                  WHERE sent_at IS NULL AND failed_at {given_up}
                    AND (body_text NOT LIKE $1 OR body_html NOT LIKE $1)
                    AND body_text <> $2 AND id > $3
                  ORDER BY id LIMIT $4"
            ))
            .bind::<Text, _>(&current)
            .bind::<Text, _>(ERASED_BODY)
            .bind::<SqlUuid, _>(after)
            .bind::<diesel::sql_types::BigInt, _>(BATCH)
            .load(conn)?;
            let Some(last) = batch.last() else {
                break;
            };
            after = last.id;
            let (mut ids, mut old, mut text, mut html) = (vec![], vec![], vec![], vec![]);
            for row in &batch {
                let opened = keys
                    .open(Purpose::MailText, &row.body_text)
                    .and_then(|t| Ok((t, keys.open(Purpose::MailText, &row.body_html)?)));
                match opened {
                    Ok((t, h)) => {
                        ids.push(row.id);
                        old.push(row.body_text.clone());
                        text.push(keys.seal(Purpose::MailText, &t));
                        html.push(keys.seal(Purpose::MailText, &h));
                    }
                    Err(e) => tracing::warn!(mail = %row.id, error = %e, "mail text left as it is"),
                }
            }
            written += sql_query(
                "UPDATE outbox_emails o SET body_text = v.text, body_html = v.html
                   FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
                        AS v(id, old, text, html)
                  WHERE o.id = v.id AND o.body_text = v.old",
            )
            .bind::<Array<SqlUuid>, _>(&ids)
            .bind::<Array<Text>, _>(&old)
            .bind::<Array<Text>, _>(&text)
            .bind::<Array<Text>, _>(&html)
            .execute(conn)?;
        }
    }
    Ok(written)
}
