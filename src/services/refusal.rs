//! Typed refusals: why a use case said no, when the party asked for something the rules
//! do not allow now. Each has a stable code (the API sends it) and a message key (the
//! pages and the API's detail show it, in the user's language).

/// The stable error codes of the service, as the API sends them.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// A NISS that is not one.
    InvalidNiss,
    /// An enterprise number that is not one.
    InvalidBce,
    /// An e-mail address that is not one.
    InvalidEmail,
    /// Anything else malformed.
    InvalidRequest,
    /// A body over the limit.
    PayloadTooLarge,
    /// A context that does not exist.
    UnknownContext,
    /// No such object for this party.
    NotFound,
    /// The resource exists but does not take this method (the `Allow` header lists those
    /// it takes).
    MethodNotAllowed,
    /// Not in a state allowing this.
    InvalidState,
    /// No active citizen mandate for this person and context.
    NoActiveMandate,
    /// No valid credentials.
    Unauthorized,
    /// The credentials lack the scope.
    InsufficientScope,
    /// The company did not activate this API.
    ApiNotActivated,
    /// The company is suspended.
    CompanySuspended,
    /// The person named blocked the company: it cannot send them requests.
    BlockedByCitizen,
    /// Too many calls.
    RateLimited,
    /// An `Idempotency-Key` used before for another request.
    IdempotencyKeyReused,
    /// The service cannot answer now (database unavailable).
    Unavailable,
    /// Our fault.
    Internal,
}

impl ErrorCode {
    /// Every code, in the order of the OpenAPI contract (a test keeps them equal).
    pub const ALL: [ErrorCode; 19] = [
        ErrorCode::InvalidNiss,
        ErrorCode::InvalidBce,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidRequest,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnknownContext,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::InvalidState,
        ErrorCode::NoActiveMandate,
        ErrorCode::Unauthorized,
        ErrorCode::InsufficientScope,
        ErrorCode::ApiNotActivated,
        ErrorCode::CompanySuspended,
        ErrorCode::BlockedByCitizen,
        ErrorCode::RateLimited,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::Unavailable,
        ErrorCode::Internal,
    ];

    /// The code in a URL or a message key: lower case, words joined by `-`
    /// (`invalid-niss`).
    pub fn slug(self) -> String {
        self.as_str().to_ascii_lowercase().replace('_', "-")
    }

    /// The message key of the code's generic explanation (`api-error-invalid-niss`).
    pub fn message_key(self) -> String {
        format!("api-error-{}", self.slug())
    }

    /// The HTTP status of an answer with this code.
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::InvalidNiss
            | ErrorCode::InvalidBce
            | ErrorCode::InvalidEmail
            | ErrorCode::InvalidRequest
            | ErrorCode::UnknownContext => 400,
            ErrorCode::Unauthorized => 401,
            ErrorCode::NoActiveMandate
            | ErrorCode::InsufficientScope
            | ErrorCode::ApiNotActivated
            | ErrorCode::CompanySuspended => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::InvalidState | ErrorCode::BlockedByCitizen => 409,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::IdempotencyKeyReused => 422,
            ErrorCode::RateLimited => 429,
            ErrorCode::Internal => 500,
            ErrorCode::Unavailable => 503,
        }
    }

    /// The code as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidNiss => "INVALID_NISS",
            ErrorCode::InvalidBce => "INVALID_BCE",
            ErrorCode::InvalidEmail => "INVALID_EMAIL",
            ErrorCode::InvalidRequest => "INVALID_REQUEST",
            ErrorCode::PayloadTooLarge => "PAYLOAD_TOO_LARGE",
            ErrorCode::UnknownContext => "UNKNOWN_CONTEXT",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::MethodNotAllowed => "METHOD_NOT_ALLOWED",
            ErrorCode::InvalidState => "INVALID_STATE",
            ErrorCode::NoActiveMandate => "NO_ACTIVE_MANDATE",
            ErrorCode::Unauthorized => "UNAUTHORIZED",
            ErrorCode::InsufficientScope => "INSUFFICIENT_SCOPE",
            ErrorCode::ApiNotActivated => "API_NOT_ACTIVATED",
            ErrorCode::CompanySuspended => "COMPANY_SUSPENDED",
            ErrorCode::BlockedByCitizen => "BLOCKED_BY_CITIZEN",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::IdempotencyKeyReused => "IDEMPOTENCY_KEY_REUSED",
            ErrorCode::Unavailable => "UNAVAILABLE",
            ErrorCode::Internal => "INTERNAL_ERROR",
        }
    }
}

/// Why a use case refused.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Only a pending request can be withdrawn.
    #[error("the request is not pending")]
    RequestNotPending,
    /// The request is not an active mandate.
    #[error("no active mandate")]
    NoMandate,
    /// The mandate's duration is over.
    #[error("the mandate ended")]
    MandateEnded,
    /// The citizen stopped the access.
    #[error("the access was stopped")]
    MandateStopped,
    /// The access is blocked.
    #[error("the access is blocked")]
    MandateBlocked,
    /// The national register does not know the person any more.
    #[error("no data for this person")]
    NoSourceData,
    /// The company (or the provider acting for it) is suspended by the back office.
    #[error("the company is suspended")]
    CompanySuspended,
    /// One cannot remove oneself.
    #[error("a member cannot remove themselves")]
    MemberSelf,
    /// The main access manager cannot be removed.
    #[error("the main access manager cannot be removed")]
    MemberMain,
    /// The citizen's access is not active (ended or stopped meanwhile).
    #[error("the access is not active")]
    AccessNotActive,
    /// The request was answered already (another answer came first).
    #[error("the request was answered already")]
    AlreadyAnswered,
    /// Only a pending request or an active mandate can be blocked.
    #[error("not blockable")]
    NotBlockable,
    /// The request is not blocked.
    #[error("not blocked")]
    NotBlocked,
    /// A blocked request that nobody accepted stays blocked.
    #[error("never accepted")]
    UnblockNeverAccepted,
    /// A blocked mandate past its end cannot come back.
    #[error("the mandate is over")]
    UnblockEnded,
    /// The company is suspended already.
    #[error("already suspended")]
    AlreadySuspended,
    /// The company is not suspended.
    #[error("not suspended")]
    NotSuspended,
    /// The circle of trust must be accepted before an API is activated.
    #[error("circle of trust first")]
    CircleOfTrustFirst,
    /// The person named in a request blocked the requesting company.
    #[error("the person blocked the company")]
    BlockedByCitizen,
    /// The citizen accepts a request of a company they block: they must unblock it first.
    #[error("the citizen blocks the company")]
    CompanyBlockedByYou,
    /// Only an e-mail given up can be sent again (not one sent, or still being tried).
    #[error("the e-mail is not given up")]
    MailNotGivenUp,
    /// The same idempotency key came with another request.
    #[error("idempotency key reused")]
    IdempotencyKeyReused,
    /// A request's link was opened already: no new link (the candidate finds the request
    /// in their portal).
    #[error("the link was opened already")]
    LinkOpened,
    /// The link an idempotent answer made was replaced since by another new link: the
    /// answer would show a link that no longer works.
    #[error("the link was replaced since")]
    LinkReplaced,
}

impl Refusal {
    /// The stable code the API sends.
    pub fn code(self) -> ErrorCode {
        use Refusal as R;
        match self {
            R::NoMandate | R::MandateEnded | R::MandateStopped | R::MandateBlocked => {
                ErrorCode::NoActiveMandate
            }
            R::NoSourceData => ErrorCode::NoActiveMandate,
            R::CompanySuspended => ErrorCode::CompanySuspended,
            R::BlockedByCitizen => ErrorCode::BlockedByCitizen,
            R::RequestNotPending
            | R::MemberSelf
            | R::MemberMain
            | R::AccessNotActive
            | R::AlreadyAnswered
            | R::NotBlockable
            | R::NotBlocked
            | R::UnblockNeverAccepted
            | R::UnblockEnded
            | R::AlreadySuspended
            | R::NotSuspended
            | R::CircleOfTrustFirst
            | R::CompanyBlockedByYou
            | R::MailNotGivenUp
            | R::LinkOpened
            | R::LinkReplaced => ErrorCode::InvalidState,
            R::IdempotencyKeyReused => ErrorCode::IdempotencyKeyReused,
        }
    }

    /// The message key of the explanation shown to the user.
    pub fn message_key(self) -> &'static str {
        use Refusal as R;
        match self {
            R::RequestNotPending => "request-error-not-pending",
            R::NoMandate => "consult-error-no-mandate",
            R::MandateEnded => "consult-error-ended",
            R::MandateStopped => "consult-error-stopped",
            R::MandateBlocked => "consult-error-blocked",
            R::NoSourceData => "consult-error-no-data",
            R::CompanySuspended => "company-suspended",
            R::MemberSelf => "member-error-self",
            R::MemberMain => "member-error-main",
            R::AccessNotActive => "citizen-error-not-active",
            R::AlreadyAnswered => "citizen-problem-answered-text",
            R::NotBlockable => "admin-error-not-blockable",
            R::NotBlocked => "admin-error-not-blocked",
            R::UnblockNeverAccepted => "admin-error-unblock-never-accepted",
            R::UnblockEnded => "admin-error-unblock-ended",
            R::AlreadySuspended => "admin-error-already-suspended",
            R::NotSuspended => "admin-error-not-suspended",
            R::CircleOfTrustFirst => "api-error-circle-first",
            R::BlockedByCitizen => "request-error-blocked",
            R::CompanyBlockedByYou => "citizen-error-company-blocked",
            R::MailNotGivenUp => "admin-error-mail-not-given-up",
            R::IdempotencyKeyReused => "api-error-idempotency-key-reused",
            R::LinkOpened => "request-error-link-opened",
            R::LinkReplaced => "request-error-link-replaced",
        }
    }

    /// Every refusal (for the tests of the locales).
    pub const ALL: [Refusal; 24] = [
        Refusal::RequestNotPending,
        Refusal::NoMandate,
        Refusal::MandateEnded,
        Refusal::MandateStopped,
        Refusal::MandateBlocked,
        Refusal::NoSourceData,
        Refusal::CompanySuspended,
        Refusal::MemberSelf,
        Refusal::MemberMain,
        Refusal::AccessNotActive,
        Refusal::AlreadyAnswered,
        Refusal::NotBlockable,
        Refusal::NotBlocked,
        Refusal::UnblockNeverAccepted,
        Refusal::UnblockEnded,
        Refusal::AlreadySuspended,
        Refusal::NotSuspended,
        Refusal::CircleOfTrustFirst,
        Refusal::BlockedByCitizen,
        Refusal::CompanyBlockedByYou,
        Refusal::MailNotGivenUp,
        Refusal::IdempotencyKeyReused,
        Refusal::LinkOpened,
        Refusal::LinkReplaced,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_refusal_is_explained_in_every_language() {
        for refusal in Refusal::ALL {
            for lang in Lang::ALL {
                assert!(lang.has(refusal.message_key()), "{refusal:?} in {lang:?}");
            }
        }
    }
}
