//! Sealing what the service keeps but must read back: an integrator's webhook signing
//! secret (it signs every delivery), the text of a mail waiting in the outbox (it holds the
//! candidate's live link). Whoever reads the database, or a copy of it, finds neither.
//!
//! A value is sealed with AES-256-GCM under the service's data key (`data_key`, by default
//! derived from the session key), bound to what it is ([`Purpose`]): a sealed webhook secret
//! does not open as a mail's text. The stored text names the key it was sealed under
//! (`sealed:<key id>:<base64 of nonce and ciphertext>`), so that keys can change: the retired
//! keys (`data_keys_retired`) still open what they sealed, nothing new is sealed under them,
//! and [`crate::db::sealed::reseal`] seals again under the current key whatever a retired
//! key (or no key: a value of an earlier release) holds.

use aes_gcm::{
    Aes256Gcm, KeyInit, Nonce,
    aead::{Aead, Payload, generic_array::GenericArray},
};
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What a sealed value is: it opens only as that.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// An API client's webhook signing secret.
    WebhookSecret,
    /// The text (plain or HTML) of a mail of the outbox.
    MailText,
}

impl Purpose {
    fn label(self) -> &'static [u8] {
        match self {
            Purpose::WebhookSecret => b"mandat: api_clients.webhook_secret",
            Purpose::MailText => b"mandat: outbox_emails.body",
        }
    }
}

/// The data key of a development machine or a test without keys configured.
pub const DEVELOPMENT_KEY: &[u8] = b"mandat: development data key (not a secret)";

/// The prefix of a value sealed under a data key.
const PREFIX: &str = "sealed:";

/// `plain` sealed under `cipher`, bound to `context`: base64 of a random 96-bit nonce
/// followed by the ciphertext and its tag.
#[allow(clippy::expect_used)] // AES-GCM seals any text shorter than 64 GB
pub fn seal_with(cipher: &Aes256Gcm, context: &[u8], plain: &str) -> String {
    let nonce: [u8; 12] = rand::random();
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain.as_bytes(),
                aad: context,
            },
        )
        .expect("AES-GCM seals a short text");
    let mut bytes = nonce.to_vec();
    bytes.extend(sealed);
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// What [`seal_with`] sealed, if `cipher` and `context` open it.
pub fn open_with(cipher: &Aes256Gcm, context: &[u8], sealed: &str) -> Option<String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(sealed)
        .ok()?;
    if bytes.len() < 12 {
        return None;
    }
    let (nonce, sealed) = bytes.split_at(12);
    let plain = cipher
        .decrypt(
            GenericArray::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: context,
            },
        )
        .ok()?;
    String::from_utf8(plain).ok()
}

/// HMAC-SHA-256 of `label` under `key`.
#[allow(clippy::expect_used)] // HMAC-SHA256 accepts a key of any length
pub fn derive(key: &[u8], label: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(label);
    mac.finalize().into_bytes().into()
}

/// One data key: its public id (named in what it seals) and its cipher.
#[derive(Clone)]
struct DataKey {
    id: String,
    cipher: Aes256Gcm,
}

impl DataKey {
    fn new(key: &[u8]) -> DataKey {
        let id = derive(key, b"mandat: the id of a data key");
        DataKey {
            id: hex::encode(&id[..4]),
            cipher: Aes256Gcm::new(&derive(key, b"mandat: sealed data").into()),
        }
    }
}

/// A value that does not open: sealed under a key this server does not have (a retired
/// key taken out of the configuration too early, another service's key), or altered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The id of the key the value names (empty when it names none).
    pub key_id: String,
}

/// How the error of a value that does not open starts (a delivery given up for it records
/// it).
pub const UNREADABLE: &str = "sealed under a data key this server does not have";

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{UNREADABLE} (key id {:?}), or altered", self.key_id)
    }
}

impl std::error::Error for Unreadable {}

/// The data keys: the current one seals, all open.
#[derive(Clone)]
pub struct Keyring {
    current: DataKey,
    retired: Vec<DataKey>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("current", &self.current.id)
            .field(
                "retired",
                &self.retired.iter().map(|k| &k.id).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Keyring {
    /// The keyring of `current` (which seals) and `retired` keys (which only open).
    pub fn new(current: &[u8], retired: &[Vec<u8>]) -> Keyring {
        Keyring {
            current: DataKey::new(current),
            retired: retired.iter().map(|k| DataKey::new(k)).collect(),
        }
    }

    /// The keyring of a development machine or a test without keys configured: one fixed
    /// key, the same at every start, so that what a run sealed opens at the next. Not a
    /// secret: production requires a session key, from which its data key is derived.
    pub fn development() -> Keyring {
        Keyring::new(DEVELOPMENT_KEY, &[])
    }

    /// The id of the current key.
    pub fn current_id(&self) -> &str {
        &self.current.id
    }

    /// How a value sealed under the current key starts (what is not so must be sealed
    /// again).
    pub fn current_prefix(&self) -> String {
        format!("{PREFIX}{}:", self.current.id)
    }

    /// `plain` sealed under the current key, as `purpose`.
    pub fn seal(&self, purpose: Purpose, plain: &str) -> String {
        format!(
            "{}{}",
            self.current_prefix(),
            seal_with(&self.current.cipher, purpose.label(), plain)
        )
    }

    /// What `stored` holds, as `purpose`. A value that was never sealed (written by an
    /// earlier release, or an erased mail's mark) reads as it is.
    pub fn open(&self, purpose: Purpose, stored: &str) -> Result<String, Unreadable> {
        let Some(rest) = stored.strip_prefix(PREFIX) else {
            return Ok(stored.to_string());
        };
        let (id, sealed) = rest.split_once(':').unwrap_or((rest, ""));
        let unreadable = || Unreadable {
            key_id: id.to_string(),
        };
        let key = std::iter::once(&self.current)
            .chain(&self.retired)
            .find(|k| k.id == id)
            .ok_or_else(unreadable)?;
        open_with(&key.cipher, purpose.label(), sealed).ok_or_else(unreadable)
    }

    /// Whether `stored` is sealed under the current key.
    pub fn is_current(&self, stored: &str) -> bool {
        stored.starts_with(&self.current_prefix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_value_opens_only_as_what_it_is_under_a_key_of_the_ring() {
        let (a, b, c) = ([1u8; 32], [2u8; 32], [3u8; 32]);
        let ring = Keyring::new(&a, &[]);
        let sealed = ring.seal(Purpose::WebhookSecret, "s3cret-of-the-integrator");
        assert!(!sealed.contains("s3cret"), "{sealed}");
        assert!(ring.is_current(&sealed));
        assert_eq!(
            ring.open(Purpose::WebhookSecret, &sealed).as_deref(),
            Ok("s3cret-of-the-integrator")
        );
        // Each sealing draws its own nonce.
        assert_ne!(
            sealed,
            ring.seal(Purpose::WebhookSecret, "s3cret-of-the-integrator")
        );
        // Not as another purpose.
        assert!(ring.open(Purpose::MailText, &sealed).is_err());
        // A retired key opens what it sealed; nothing new is sealed under it.
        let rotated = Keyring::new(&b, &[a.to_vec()]);
        assert_eq!(
            rotated.open(Purpose::WebhookSecret, &sealed).as_deref(),
            Ok("s3cret-of-the-integrator")
        );
        assert!(!rotated.is_current(&sealed));
        assert!(rotated.is_current(&rotated.seal(Purpose::MailText, "x")));
        // A key the ring does not hold names the key it needs.
        let other = Keyring::new(&c, &[b.to_vec()]);
        let refused = other.open(Purpose::WebhookSecret, &sealed).unwrap_err();
        assert_eq!(refused.key_id, ring.current_id());
        assert_eq!(ring.current_id().len(), 8);
        assert_ne!(ring.current_id(), rotated.current_id());
        // An altered value does not open.
        let mut altered = sealed.clone();
        altered.pop();
        altered.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert!(ring.open(Purpose::WebhookSecret, &altered).is_err());
        for broken in ["sealed:", "sealed:abcd", "sealed:xyz:!!"] {
            assert!(ring.open(Purpose::MailText, broken).is_err(), "{broken}");
        }
        // A value of an earlier release reads as it is, and is not current.
        assert_eq!(
            ring.open(Purpose::MailText, "(erased after delivery)")
                .as_deref(),
            Ok("(erased after delivery)")
        );
        assert!(!ring.is_current("plain"));
    }

    #[test]
    fn the_development_ring_is_the_same_at_every_start() {
        let sealed = Keyring::development().seal(Purpose::MailText, "hello");
        assert_eq!(
            Keyring::development()
                .open(Purpose::MailText, &sealed)
                .as_deref(),
            Ok("hello")
        );
        assert!(!format!("{:?}", Keyring::development()).contains("development data key"));
    }
}
