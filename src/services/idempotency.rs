//! Idempotent creation: the key a client sends with a creation (API `Idempotency-Key`, or
//! the hidden key of one display of the web form), and the fingerprint of what it asked.
//! A creation retried with the same key and the same content gets the first answer: no
//! second request, no second mail (see [`super::requests::create`]).

use diesel::{PgConnection, QueryResult};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::companies::Scope;
use crate::db::idempotency_keys::{self, Made};

/// Longest key accepted.
pub const KEY_MAX: usize = 255;

/// A creation's idempotency key: who may replay it, the key, and what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Idempotency {
    /// Who may replay the answer (`api:<client id>`, `web:<company id>`).
    pub owner: String,
    /// The key.
    pub key: String,
    /// SHA-256 of what was asked (who, for whom, every field).
    pub fingerprint: [u8; 32],
}

/// Whether `key` may be used as an idempotency key: 1 to 255 visible ASCII characters.
pub fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= KEY_MAX && key.bytes().all(|b| b.is_ascii_graphic())
}

/// The key of an `Idempotency-Key` header: the value, or the string of a structured field
/// (`"..."`, as the IETF draft writes it). `None` when it is not a valid key.
pub fn parse_header(value: &str) -> Option<String> {
    let v = value.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(v);
    valid_key(v).then(|| v.to_string())
}

fn fingerprint(parts: &[&str]) -> [u8; 32] {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0u8]);
    }
    hash.finalize().into()
}

/// What a creation asked, field by field, for its fingerprint: a key sent again with
/// other content is refused.
pub trait Asked {
    /// Every field of what was asked, in a fixed order (absent fields as empty strings).
    fn asked(&self) -> Vec<String>;
}

fn content(scope: &Scope, asked: &impl Asked, actor: &str) -> Vec<String> {
    let mut parts = vec![
        scope.company_id.to_string(),
        scope.provider_id.map(|p| p.to_string()).unwrap_or_default(),
        actor.to_string(),
    ];
    parts.extend(asked.asked());
    parts
}

impl Idempotency {
    /// The key an API client sent with a creation in `scope`.
    pub fn api(client_id: Uuid, key: String, scope: &Scope, valid: &impl Asked) -> Self {
        let parts = content(scope, valid, "");
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        Idempotency {
            owner: format!("api:{client_id}"),
            key,
            fingerprint: fingerprint(&refs),
        }
    }

    /// The key of one display of the web form, sent by the user `user` (a NISS). The
    /// content is part of the key: a form sent twice as it was makes one request; one
    /// changed after going back is a new request.
    pub fn web(form_key: &str, user: &str, scope: &Scope, valid: &impl Asked) -> Option<Self> {
        if !valid_key(form_key) || form_key.len() > 100 {
            return None;
        }
        let parts = content(scope, valid, user);
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        let fingerprint = fingerprint(&refs);
        Some(Idempotency {
            owner: format!("web:{}", scope.company_id),
            key: format!("{form_key}:{}", hex::encode(&fingerprint[..8])),
            fingerprint,
        })
    }
}

/// Records what the creation made under its key, when it came with one (inside the
/// creation's transaction, after [`idempotency_keys::claim`]).
pub fn remember(
    conn: &mut PgConnection,
    key: Option<&Idempotency>,
    made: &Made,
) -> QueryResult<()> {
    match key {
        Some(k) => idempotency_keys::complete(conn, &k.owner, &k.key, made),
        None => Ok(()),
    }
}

/// A fresh key for one display of the web form.
pub fn new_form_key() -> String {
    Uuid::new_v4().simple().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_headers() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "8e03978e-40d5-43e8-bc93-6894a57f9324",
                Some("8e03978e-40d5-43e8-bc93-6894a57f9324"),
            ),
            ("\"8e03978e\"", Some("8e03978e")),
            (" abc ", Some("abc")),
            ("", None),
            ("\"\"", None),
            ("with space", None),
            ("é", None),
        ];
        for (header, expected) in cases {
            assert_eq!(parse_header(header).as_deref(), *expected, "{header:?}");
        }
        assert!(valid_key(&"k".repeat(255)));
        assert!(!valid_key(&"k".repeat(256)));
    }
}
