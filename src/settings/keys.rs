//! The service's keys: the session key, and the keys derived from it or given beside it.

use secrecy::{ExposeSecret, SecretString};

use super::{Raw, Settings, SettingsError, parse::base64_key, parse::invalid};
use crate::seal::{self, Keyring};

impl Settings {
    /// The 64-byte session key.
    pub fn session_key_bytes(&self) -> Vec<u8> {
        decoded(&self.session_key)
    }

    /// The key of the staff audit's fingerprints of a person: `audit_key`, or one derived
    /// from the session key (so that servers sharing one share the other).
    pub fn audit_key_bytes(&self) -> Vec<u8> {
        match &self.audit_key {
            Some(key) => decoded(key),
            None => self.derived_key(b"mandat: staff audit, fingerprint of a person"),
        }
    }

    /// The key of the rate limits' fingerprints of an internet address, derived from the
    /// session key (servers sharing one count an address in the same bucket).
    pub fn address_key_bytes(&self) -> Vec<u8> {
        self.derived_key(b"mandat: rate limits, fingerprint of an internet address")
    }

    /// The data key in effect, base64 (secret): `data_key`, or the one derived from the
    /// session key (`mandat keys` prints it, to be pinned as `data_key` before the
    /// session key changes).
    pub fn data_key(&self) -> &SecretString {
        &self.data_key
    }

    /// A key for the use `label`, derived from the session key.
    fn derived_key(&self, label: &[u8]) -> Vec<u8> {
        seal::derive(&self.session_key_bytes(), label).to_vec()
    }
}

/// The label of the data key derived from the session key.
const DATA_KEY_LABEL: &[u8] = b"mandat: data key";

/// The data keys: `data_key` (or one derived from the session key given, or, with neither,
/// the development key, the same at every start) seals; each of `data_keys_retired`
/// (comma-separated) only opens what it sealed. Returns the data key in effect (base64) and
/// the keyring.
pub(super) fn keyring(
    raw: &Raw,
    session_key: Option<&SecretString>,
) -> Result<(SecretString, Keyring), SettingsError> {
    let refused = || {
        invalid(
            "data_keys_retired",
            "must be base64 keys of at least 32 bytes, separated by commas",
        )
    };
    let retired = match raw.get("data_keys_retired") {
        None => Vec::new(),
        Some(list) => list
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(|k| decode(k).filter(|b| b.len() >= 32).ok_or_else(refused))
            .collect::<Result<Vec<_>, _>>()?,
    };
    let current = match (base64_key(raw, "data_key", 32)?, session_key) {
        (Some(key), _) => decoded(&key),
        (None, Some(session)) => seal::derive(&decoded(session), DATA_KEY_LABEL).to_vec(),
        (None, None) if retired.is_empty() => seal::DEVELOPMENT_KEY.to_vec(),
        (None, None) => {
            return Err(invalid(
                "data_keys_retired",
                "needs a data_key (or a session_key) to seal under instead",
            ));
        }
    };
    let keyring = Keyring::new(&current, &retired);
    Ok((SecretString::from(encode(&current)), keyring))
}

fn encode(key: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(key)
}

fn decode(key: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(key.as_bytes())
        .ok()
}

/// A validated base64 key's bytes.
pub(super) fn decoded(key: &SecretString) -> Vec<u8> {
    decode(key.expose_secret()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::encode;
    use crate::seal::Purpose;
    use crate::settings::Settings;

    fn ring(pairs: &[(&str, &str)]) -> crate::seal::Keyring {
        Settings::from_pairs(pairs).unwrap().keyring
    }

    /// The data key: the one given, or one derived from the session key (the same for
    /// servers that share it), or with neither the development key; retired keys open.
    #[test]
    fn the_data_key_is_given_or_derived_and_retired_keys_still_open() {
        let (a, b) = ("A".repeat(88), "B".repeat(88));
        let (c, d) = ("C".repeat(44), "D".repeat(44));
        let sealed = ring(&[("session_key", &a)]).seal(Purpose::MailText, "hello");
        assert!(ring(&[("session_key", &a)]).is_current(&sealed));
        assert!(
            ring(&[("session_key", &b)])
                .open(Purpose::MailText, &sealed)
                .is_err()
        );
        assert!(!ring(&[("session_key", &a), ("data_key", &c)]).is_current(&sealed));
        // Given, it does not change with the session key.
        let given = ring(&[("session_key", &a), ("data_key", &c)]).seal(Purpose::MailText, "hi");
        assert!(ring(&[("session_key", &b), ("data_key", &c)]).is_current(&given));
        // Retired, it still opens; several may be.
        let rotated = ring(&[
            ("data_key", &d),
            ("data_keys_retired", &format!("{c}, {d}")),
        ]);
        assert_eq!(rotated.open(Purpose::MailText, &given).as_deref(), Ok("hi"));
        assert!(!rotated.is_current(&given));
        // Without keys: the development key, the same at every start.
        let dev = ring(&[]).seal(Purpose::MailText, "dev");
        assert!(ring(&[]).is_current(&dev));
        for (pairs, why) in [
            (vec![("data_key", "short")], "MANDAT_DATA_KEY"),
            (vec![("data_key", "QUFBQQ==")], "at least 32 bytes"),
            (
                vec![("data_keys_retired", "QUFBQQ==")],
                "MANDAT_DATA_KEYS_RETIRED",
            ),
            (
                vec![("data_key", &c), ("data_keys_retired", "not base64!")],
                "separated by commas",
            ),
            (vec![("data_keys_retired", &c)], "needs a data_key"),
        ] {
            let err = Settings::from_pairs(&pairs).unwrap_err().to_string();
            assert!(err.contains(why), "{pairs:?}: {err}");
        }
        let printed = format!("{:?}", Settings::from_pairs(&[("data_key", &c)]).unwrap());
        assert!(!printed.contains(&c), "{printed}");
        // The key derived from a session key, pinned as data_key, survives its change.
        let derived = Settings::from_pairs(&[("session_key", &a)]).unwrap();
        let pinned = derived.data_key().expose_secret().to_string();
        let after = ring(&[("session_key", &b), ("data_key", &pinned)]);
        assert_eq!(after.current_id(), derived.keyring.current_id());
        assert_eq!(
            ring(&[("data_key", &encode(crate::seal::DEVELOPMENT_KEY))]).current_id(),
            ring(&[]).current_id()
        );
    }
}
