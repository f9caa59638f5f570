//! Parsing raw option values: each error names the option and its variable.

use std::{fmt, str::FromStr, time::Duration};

use secrecy::SecretString;

use super::{OPTIONS, OptionDoc, Raw, SettingsError};

pub(super) fn doc(key: &str) -> &'static OptionDoc {
    OPTIONS.iter().find(|o| o.key == key).unwrap_or(&OPTIONS[0])
}

pub(super) fn invalid(key: &str, reason: &str) -> SettingsError {
    let d = doc(key);
    SettingsError::Invalid {
        key: d.key,
        env: d.env,
        reason: reason.to_string(),
    }
}

pub(super) fn parse_opt<T: FromStr>(raw: &Raw, key: &str) -> Result<Option<T>, SettingsError>
where
    T::Err: fmt::Display,
{
    match raw.get(key).map(|s| s.trim()) {
        None | Some("") => Ok(None),
        Some(v) => v
            .parse::<T>()
            .map(Some)
            .map_err(|e| invalid(key, &format!("{v:?} is not valid: {e}"))),
    }
}

pub(super) fn parse_interval(
    raw: &Raw,
    key: &str,
    default: u64,
) -> Result<Option<Duration>, SettingsError> {
    match raw.get(key).map(|s| s.trim()) {
        None => Ok(Some(Duration::from_secs(default))),
        Some("") => Ok(None),
        Some(v) => match v.parse::<u64>() {
            Ok(0) | Err(_) => Err(invalid(
                key,
                &format!("{v:?} is not a positive number of seconds (empty disables)"),
            )),
            Ok(n) => Ok(Some(Duration::from_secs(n))),
        },
    }
}

pub(super) fn parse_millis(
    raw: &Raw,
    key: &str,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<Duration, SettingsError> {
    let ms: u64 = parse_opt(raw, key)?.unwrap_or(default);
    if !range.contains(&ms) {
        return Err(invalid(
            key,
            &format!(
                "must be between {} and {} milliseconds",
                range.start(),
                range.end()
            ),
        ));
    }
    Ok(Duration::from_millis(ms))
}

pub(super) fn parse_days(raw: &Raw, key: &str, default: i64) -> Result<i64, SettingsError> {
    parse_days_within(raw, key, default, 1, 3650)
}

/// A number of days between `min` and `max` (inclusive), `default` when not set.
pub(super) fn parse_days_within(
    raw: &Raw,
    key: &str,
    default: i64,
    min: i64,
    max: i64,
) -> Result<i64, SettingsError> {
    let days: i64 = parse_opt(raw, key)?.unwrap_or(default);
    if !(min..=max).contains(&days) {
        return Err(invalid(
            key,
            &format!("{days} is not between {min} and {max} days"),
        ));
    }
    Ok(days)
}

pub(super) fn parse_toml(text: &str) -> Result<Raw, String> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
    let mut raw = Raw::new();
    for (key, value) in table {
        if !OPTIONS.iter().any(|o| o.key == key) {
            return Err(format!("unknown option {key:?}"));
        }
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => return Err(format!("option {key:?} has an unsupported value {other:?}")),
        };
        raw.insert(key, text);
    }
    Ok(raw)
}

/// A base64 key of at least `min` bytes in the option `key`, if given.
pub(super) fn base64_key(
    raw: &Raw,
    key: &str,
    min: usize,
) -> Result<Option<SecretString>, SettingsError> {
    use base64::Engine;
    let Some(value) = raw.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(value.as_bytes())
        .map_err(|_| invalid(key, "must be base64"))?;
    if bytes.len() < min {
        return Err(invalid(
            key,
            &format!("must decode to at least {min} bytes (try: openssl rand -base64 {min})"),
        ));
    }
    Ok(Some(SecretString::from(value.to_string())))
}

pub(super) fn random_session_key() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 64];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
