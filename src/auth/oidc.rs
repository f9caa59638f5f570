//! The OpenID Connect relying party (the `openidconnect` crate): discovery, done lazily and
//! cached (the provider may be down when the server starts, or later: that is an error page,
//! never a crash); authorization code with PKCE, `state` and `nonce` (kept by the caller in
//! the server-side session); the ID token verified (signature against the provider's JWKS,
//! issuer, audience, expiry, nonce, and `auth_time` when `max_age` was asked); the NISS
//! taken from the configured claim and parsed as a [`Niss`]; RP-initiated sign-out at the
//! provider's end-session endpoint.
//!
//! Token lifetimes are the provider's: they are checked against the real time of this
//! machine, not a tenant's clock (a demo tenant may live on another day).

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};
use openidconnect::{
    AdditionalClaims, AdditionalProviderMetadata, AuthenticationContextClass, AuthenticationFlow,
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EmptyExtraTokenFields, IdTokenFields,
    IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, ProviderMetadata, RedirectUrl,
    RequestTokenError, Scope, StandardTokenResponse,
    core::{
        CoreAuthDisplay, CoreAuthPrompt, CoreClaimName, CoreClaimType, CoreClientAuthMethod,
        CoreErrorResponseType, CoreGenderClaim, CoreGrantType, CoreJsonWebKey,
        CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm, CoreJwsSigningAlgorithm,
        CoreResponseMode, CoreResponseType, CoreRevocableToken, CoreRevocationErrorResponse,
        CoreSubjectIdentifierType, CoreTokenIntrospectionResponse, CoreTokenType,
    },
    reqwest,
    url::Url,
};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use tokio::sync::Mutex;

use crate::{domain::Niss, settings::OidcSettings};

/// Every claim of the ID token besides the standard ones, by name (the NISS claim is
/// configured, so it cannot be a field).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct OtherClaims {
    #[serde(flatten)]
    claims: serde_json::Map<String, serde_json::Value>,
}

impl AdditionalClaims for OtherClaims {}

/// The provider metadata we need beyond the core: the end-session endpoint.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct EndSessionMetadata {
    end_session_endpoint: Option<Url>,
}

impl AdditionalProviderMetadata for EndSessionMetadata {}

type Metadata = ProviderMetadata<
    EndSessionMetadata,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;

type Fields = IdTokenFields<
    OtherClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

type TokenResponse = StandardTokenResponse<Fields, CoreTokenType>;

type Client<HasTokenUrl> = openidconnect::Client<
    OtherClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    openidconnect::StandardErrorResponse<CoreErrorResponseType>,
    TokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    HasTokenUrl,
    openidconnect::EndpointMaybeSet,
>;

/// The path of the callback: the redirect URI to register at the provider is the public
/// URL followed by it.
pub const CALLBACK_PATH: &str = "/sign-in/oidc/callback";

/// How long discovered metadata (and the provider's keys) are kept.
const METADATA_TTL: Duration = Duration::from_secs(600);
/// How long after a failed discovery the next request tries again.
const RETRY_AFTER: Duration = Duration::from_secs(2);
/// Time given to every call to the provider.
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);
/// Tolerance on `auth_time` when `max_age` was asked.
const AUTH_TIME_SKEW: chrono::Duration = chrono::Duration::seconds(60);

/// Why a sign-in through the provider failed. Each has its page.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// The provider cannot be reached, or its discovery document is unusable.
    #[error("the identity provider is unavailable: {0}")]
    Unavailable(String),
    /// The person cancelled at the provider.
    #[error("cancelled at the identity provider")]
    Cancelled,
    /// The provider answered the authorization with another error.
    #[error("the identity provider refused: {0}")]
    Refused(String),
    /// No sign-in was started in this session, or the `state` differs: a replayed or forged
    /// callback.
    #[error("the state does not match")]
    StateMismatch,
    /// The ID token has expired.
    #[error("the ID token has expired: {0}")]
    Expired(String),
    /// The ID token is signed by a key the provider does not publish.
    #[error("the ID token is signed by an unknown key")]
    UnknownKey,
    /// The ID token is meant for another client.
    #[error("the ID token is for another audience: {0}")]
    WrongAudience(String),
    /// The ID token fails another check (signature, issuer, nonce, authentication time).
    #[error("the ID token is invalid: {0}")]
    InvalidToken(String),
    /// The ID token carries no NISS.
    #[error("the ID token has no NISS claim")]
    MissingNiss,
    /// The NISS claim is not a valid NISS.
    #[error("the NISS claim is not valid")]
    InvalidNiss,
}

impl OidcError {
    /// A stable name: the message keys (`oidc-error-{name}`, `oidc-error-{name}-title`) and
    /// the page's test id.
    pub fn name(&self) -> &'static str {
        match self {
            OidcError::Unavailable(_) => "unavailable",
            OidcError::Cancelled => "cancelled",
            OidcError::Refused(_) => "refused",
            OidcError::StateMismatch => "state",
            OidcError::Expired(_) => "token-expired",
            OidcError::UnknownKey => "unknown-key",
            OidcError::WrongAudience(_) => "audience",
            OidcError::InvalidToken(_) => "invalid-token",
            OidcError::MissingNiss => "missing-niss",
            OidcError::InvalidNiss => "invalid-niss",
        }
    }
}

/// A sign-in under way, kept in the server-side session between the redirect to the
/// provider and its callback.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PendingSignIn {
    state: String,
    nonce: String,
    pkce_verifier: String,
    /// Where to go afterwards (a local path).
    pub next: String,
    /// The `max_age` asked, in seconds, if any.
    max_age: Option<u64>,
}

/// Who the provider says signed in, verified.
#[derive(Clone, Debug)]
pub struct VerifiedIdentity {
    /// The NISS of the configured claim.
    pub niss: Niss,
    /// The first name of the configured claim, if present.
    pub first_name: Option<String>,
    /// The last name of the configured claim, if present.
    pub last_name: Option<String>,
    /// How long ago the person authenticated at the provider (`auth_time`; zero without it).
    pub auth_age: chrono::Duration,
    /// The raw ID token (the `id_token_hint` of the sign-out).
    pub id_token: String,
}

struct Cached {
    metadata: Option<(Arc<Metadata>, Instant)>,
    failed_at: Option<(Instant, String)>,
}

/// The relying party of one provider.
pub struct OidcProvider {
    settings: OidcSettings,
    redirect_uri: RedirectUrl,
    http: reqwest::Client,
    cache: Mutex<Cached>,
}

impl std::fmt::Debug for OidcProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcProvider")
            .field("issuer", &self.settings.issuer)
            .finish()
    }
}

impl OidcProvider {
    /// The relying party for these settings, its callback at `{public_url}`[`CALLBACK_PATH`].
    /// Contacts nobody: discovery happens at the first sign-in.
    pub fn new(settings: OidcSettings, public_url: &str) -> anyhow::Result<OidcProvider> {
        let redirect_uri = RedirectUrl::new(format!("{public_url}{CALLBACK_PATH}"))?;
        // No redirects: following them would let a provider's answer lead us anywhere.
        let http = reqwest::ClientBuilder::new()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(HTTP_TIMEOUT)
            .build()?;
        Ok(OidcProvider {
            settings,
            redirect_uri,
            http,
            cache: Mutex::new(Cached {
                metadata: None,
                failed_at: None,
            }),
        })
    }

    /// The provider's metadata and keys: cached, fetched when missing or old; a failure is
    /// remembered for [`RETRY_AFTER`] so that an outage is not hammered.
    async fn metadata(&self) -> Result<Arc<Metadata>, OidcError> {
        let mut cache = self.cache.lock().await;
        if let Some((metadata, at)) = &cache.metadata
            && at.elapsed() < METADATA_TTL
        {
            return Ok(metadata.clone());
        }
        if let Some((at, reason)) = &cache.failed_at
            && at.elapsed() < RETRY_AFTER
        {
            return Err(OidcError::Unavailable(reason.clone()));
        }
        let issuer = IssuerUrl::new(self.settings.issuer.clone())
            .map_err(|e| OidcError::Unavailable(format!("issuer URL: {e}")))?;
        match Metadata::discover_async(issuer, &self.http).await {
            Ok(metadata) => {
                let metadata = Arc::new(metadata);
                cache.metadata = Some((metadata.clone(), Instant::now()));
                cache.failed_at = None;
                Ok(metadata)
            }
            Err(e) => {
                let reason = format!("discovery failed: {e}");
                tracing::warn!(issuer = %self.settings.issuer, error = %reason, "OpenID Connect discovery failed");
                cache.failed_at = Some((Instant::now(), reason.clone()));
                Err(OidcError::Unavailable(reason))
            }
        }
    }

    /// Forgets the cached metadata (the keys may have been rotated).
    async fn forget_metadata(&self) {
        self.cache.lock().await.metadata = None;
    }

    fn client(&self, metadata: &Metadata) -> Client<openidconnect::EndpointMaybeSet> {
        openidconnect::Client::from_provider_metadata(
            metadata.clone(),
            ClientId::new(self.settings.client_id.clone()),
            self.settings
                .client_secret
                .as_ref()
                .map(|s| ClientSecret::new(s.expose_secret().to_string())),
        )
        .set_redirect_uri(self.redirect_uri.clone())
    }

    /// Starts a sign-in: the provider's authorization URL to send the browser to, and what
    /// the session keeps until the callback. `max_age` asks the provider to authenticate the
    /// person again unless they did within it.
    pub async fn start(
        &self,
        next: &str,
        max_age: Option<Duration>,
    ) -> Result<(Url, PendingSignIn), OidcError> {
        let metadata = self.metadata().await?;
        let client = self.client(&metadata);
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in &self.settings.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        if let Some(acr) = &self.settings.acr_values {
            for value in acr.split_whitespace() {
                request =
                    request.add_auth_context_value(AuthenticationContextClass::new(value.into()));
            }
        }
        if let Some(max_age) = max_age {
            request = request.set_max_age(max_age);
        }
        let (url, state, nonce) = request.url();
        Ok((
            url,
            PendingSignIn {
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                pkce_verifier: verifier.secret().clone(),
                next: next.to_string(),
                max_age: max_age.map(|d| d.as_secs()),
            },
        ))
    }

    /// Finishes a sign-in: checks `state` against the pending sign-in, exchanges the code
    /// (with the PKCE verifier) and verifies the ID token.
    pub async fn finish(
        &self,
        pending: Option<&PendingSignIn>,
        state: &str,
        code: &str,
    ) -> Result<VerifiedIdentity, OidcError> {
        let pending = check_state(pending, state)?;
        let metadata = self.metadata().await?;
        let client = self.client(&metadata);
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| OidcError::Unavailable(format!("no token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(r) => {
                    OidcError::Refused(format!("token endpoint: {}", r.error()))
                }
                other => OidcError::Unavailable(format!("token endpoint: {other}")),
            })?;
        let id_token = openidconnect::TokenResponse::id_token(&response)
            .ok_or_else(|| OidcError::InvalidToken("no ID token in the response".into()))?;
        let max_age = pending.max_age.map(|s| chrono::Duration::seconds(s as i64));
        let verifier =
            client
                .id_token_verifier()
                .set_auth_time_verifier_fn(move |auth_time| match (max_age, auth_time) {
                    (None, _) => Ok(()),
                    (Some(_), None) => Err("no auth_time although max_age was asked".into()),
                    (Some(max), Some(at)) if Utc::now() - at <= max + AUTH_TIME_SKEW => Ok(()),
                    (Some(_), Some(at)) => Err(format!("authenticated too long ago ({at})")),
                });
        let nonce = Nonce::new(pending.nonce.clone());
        let claims = match id_token.claims(&verifier, &nonce) {
            Ok(claims) => claims,
            Err(e) => {
                let error = classify(e);
                if matches!(error, OidcError::UnknownKey) {
                    // The provider may have rotated its keys since we fetched them.
                    self.forget_metadata().await;
                }
                return Err(error);
            }
        };
        let all = serde_json::to_value(claims)
            .map_err(|e| OidcError::InvalidToken(format!("claims: {e}")))?;
        let text = |name: &str| {
            all.get(name)
                .and_then(|v| match v {
                    serde_json::Value::String(s) => Some(s.trim().to_string()),
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .filter(|s| !s.is_empty())
        };
        let raw_niss = text(&self.settings.niss_claim).ok_or(OidcError::MissingNiss)?;
        let niss = Niss::parse(&raw_niss).map_err(|_| OidcError::InvalidNiss)?;
        let auth_age = claims
            .auth_time()
            .map(|at: DateTime<Utc>| (Utc::now() - at).max(chrono::Duration::zero()))
            .unwrap_or_else(chrono::Duration::zero);
        Ok(VerifiedIdentity {
            niss,
            first_name: text(&self.settings.name_claims.0),
            last_name: text(&self.settings.name_claims.1),
            auth_age,
            id_token: id_token.to_string(),
        })
    }

    /// The provider's end-session URL (RP-initiated sign-out), coming back to
    /// `post_logout_redirect_uri`; `None` when the provider has none or cannot be reached
    /// (the local sign-out stands alone then).
    pub async fn end_session_url(
        &self,
        id_token_hint: Option<&str>,
        post_logout_redirect_uri: &str,
    ) -> Option<Url> {
        let metadata = match self.metadata().await {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(error = %e, "no sign-out at the identity provider");
                return None;
            }
        };
        let mut url = metadata
            .additional_metadata()
            .end_session_endpoint
            .clone()?;
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("client_id", &self.settings.client_id);
            query.append_pair("post_logout_redirect_uri", post_logout_redirect_uri);
            if let Some(hint) = id_token_hint {
                query.append_pair("id_token_hint", hint);
            }
        }
        Some(url)
    }
}

/// The sign-in under way if `state` is the one it sent (a callback without one, or with
/// another state, is replayed or forged).
pub fn check_state<'a>(
    pending: Option<&'a PendingSignIn>,
    state: &str,
) -> Result<&'a PendingSignIn, OidcError> {
    let pending = pending.ok_or(OidcError::StateMismatch)?;
    if bool::from(pending.state.as_bytes().ct_eq(state.as_bytes())) {
        Ok(pending)
    } else {
        Err(OidcError::StateMismatch)
    }
}

fn classify(e: openidconnect::ClaimsVerificationError) -> OidcError {
    use openidconnect::{ClaimsVerificationError as C, SignatureVerificationError as S};
    match e {
        C::Expired(m) => OidcError::Expired(m),
        C::InvalidAudience(m) => OidcError::WrongAudience(m),
        C::SignatureVerification(S::NoMatchingKey) => OidcError::UnknownKey,
        other => OidcError::InvalidToken(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_names_are_distinct() {
        let all = [
            OidcError::Unavailable(String::new()),
            OidcError::Cancelled,
            OidcError::Refused(String::new()),
            OidcError::StateMismatch,
            OidcError::Expired(String::new()),
            OidcError::UnknownKey,
            OidcError::WrongAudience(String::new()),
            OidcError::InvalidToken(String::new()),
            OidcError::MissingNiss,
            OidcError::InvalidNiss,
        ];
        let mut names: Vec<_> = all.iter().map(OidcError::name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len());
    }
}
