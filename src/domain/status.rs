//! The lifecycle of an access request and of the mandate it becomes.
//!
//! One status per request. Archival is a separate timestamp, not a status.
//! Transitions are applied by user actions or background jobs only;
//! [`effective`] merely tells how a stored status should *read* at a given
//! instant, before the job has caught up.

use chrono::{DateTime, Utc};
use diesel::{deserialize::FromSqlRow, expression::AsExpression};
use serde::{Deserialize, Serialize};

use super::context::link_is_valid;

named_enum! {
    /// The state of an access request.
    ///
    /// Serialized and stored as its lowercase [`as_str`](RequestStatus::as_str) form.
    #[derive(
        Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, AsExpression, FromSqlRow,
    )]
    #[diesel(sql_type = diesel::sql_types::Text)]
    #[serde(rename_all = "lowercase")]
    pub enum RequestStatus {
        /// Sent, waiting for the citizen's answer.
        Pending = "pending",
        /// Accepted: the mandate is active.
        Accepted = "accepted",
        /// Refused by the citizen.
        Refused = "refused",
        /// Not answered within the link's validity.
        Expired = "expired",
        /// Withdrawn by the company before an answer.
        Withdrawn = "withdrawn",
        /// Access stopped by the citizen.
        Revoked = "revoked",
        /// Blocked by the citizen or the back office.
        Blocked = "blocked",
        /// The mandate's duration is over.
        Ended = "ended",
    }
}

named_enum! {
    /// An event that moves a request from one status to another, named in the audit trail.
    #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Transition {
        /// The citizen accepts the request.
        Accept = "accept",
        /// The citizen refuses the request.
        Refuse = "refuse",
        /// The company withdraws its pending request.
        Withdraw = "withdraw",
        /// The link expired without an answer (background job).
        Expire = "expire",
        /// The citizen stops an active access.
        Revoke = "revoke",
        /// The citizen or the back office blocks the request or access.
        Block = "block",
        /// A blocked access is unblocked.
        Unblock = "unblock",
        /// The mandate's duration is over (background job).
        End = "end",
    }
}

/// A transition that is not allowed from a status.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("transition {transition} is not allowed from status {from}")]
pub struct TransitionError {
    /// The status the request was in.
    pub from: RequestStatus,
    /// The refused transition.
    pub transition: Transition,
}

/// How long expired, refused and withdrawn requests stay in the company's *Requested*
/// list after their end (the link's end, the refusal, the withdrawal), so that the company
/// sees what happened, before the `archive` job takes them out.
pub const REQUESTED_LIST_DAYS: i64 = 14;

/// The company-app tab a request is listed in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Tab {
    /// *Active accesses*: active mandates.
    Active,
    /// *Requested accesses*: pending requests, and refused, expired and withdrawn ones for
    /// [`REQUESTED_LIST_DAYS`].
    Requested,
    /// *Blocked accesses*: blocked, stopped and ended accesses.
    Blocked,
}

impl RequestStatus {
    /// The Fluent message key of the status's label, e.g. `status-pending`.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Pending => "status-pending",
            Self::Accepted => "status-accepted",
            Self::Refused => "status-refused",
            Self::Expired => "status-expired",
            Self::Withdrawn => "status-withdrawn",
            Self::Revoked => "status-revoked",
            Self::Blocked => "status-blocked",
            Self::Ended => "status-ended",
        }
    }

    /// The status after `transition`, or an error if it is not allowed.
    ///
    /// Allowed: `Pending` → `Accepted` (accept), `Refused` (refuse),
    /// `Withdrawn` (withdraw), `Expired` (expire), `Blocked` (block);
    /// `Accepted` → `Revoked` (revoke), `Blocked` (block), `Ended` (end);
    /// `Blocked` → `Accepted` (unblock).
    ///
    /// Unblocking always yields `Accepted`: the caller must only unblock a
    /// request that had been accepted before it was blocked (and should then
    /// read it through [`effective`], since its mandate may be over).
    pub fn apply(self, transition: Transition) -> Result<RequestStatus, TransitionError> {
        use RequestStatus as S;
        use Transition as T;
        match (self, transition) {
            (S::Pending, T::Accept) => Ok(S::Accepted),
            (S::Pending, T::Refuse) => Ok(S::Refused),
            (S::Pending, T::Withdraw) => Ok(S::Withdrawn),
            (S::Pending, T::Expire) => Ok(S::Expired),
            (S::Pending | S::Accepted, T::Block) => Ok(S::Blocked),
            (S::Accepted, T::Revoke) => Ok(S::Revoked),
            (S::Accepted, T::End) => Ok(S::Ended),
            (S::Blocked, T::Unblock) => Ok(S::Accepted),
            (from, transition) => Err(TransitionError { from, transition }),
        }
    }

    /// The company-app tab the request is listed in (until the `archive` job takes it out).
    pub fn tab(self) -> Tab {
        match self {
            Self::Accepted => Tab::Active,
            Self::Pending | Self::Refused | Self::Expired | Self::Withdrawn => Tab::Requested,
            Self::Revoked | Self::Blocked | Self::Ended => Tab::Blocked,
        }
    }
}

/// How a stored status reads at `now`, before the background jobs have
/// applied the time-driven transitions: a `Pending` request whose link
/// (`expires_at`) is no longer valid reads as `Expired`; an `Accepted` one
/// whose mandate ended (`valid_until <= now`) reads as `Ended`. Any other
/// status reads as stored.
pub fn effective(
    stored: RequestStatus,
    expires_at: DateTime<Utc>,
    valid_until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> RequestStatus {
    match stored {
        RequestStatus::Pending if !link_is_valid(expires_at, now) => RequestStatus::Expired,
        RequestStatus::Accepted if valid_until.is_some_and(|until| until <= now) => {
            RequestStatus::Ended
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RequestStatus as S;
    use Transition as T;
    use chrono::TimeZone;

    #[test]
    fn every_status_and_transition_pair() {
        // Row per status: result of each transition in `Transition::ALL` order
        // (Accept, Refuse, Withdraw, Expire, Revoke, Block, Unblock, End).
        let table: [(RequestStatus, [Option<RequestStatus>; 8]); 8] = [
            (
                S::Pending,
                [
                    Some(S::Accepted),
                    Some(S::Refused),
                    Some(S::Withdrawn),
                    Some(S::Expired),
                    None,
                    Some(S::Blocked),
                    None,
                    None,
                ],
            ),
            (
                S::Accepted,
                [
                    None,
                    None,
                    None,
                    None,
                    Some(S::Revoked),
                    Some(S::Blocked),
                    None,
                    Some(S::Ended),
                ],
            ),
            (S::Refused, [None; 8]),
            (S::Expired, [None; 8]),
            (S::Withdrawn, [None; 8]),
            (S::Revoked, [None; 8]),
            (
                S::Blocked,
                [None, None, None, None, None, None, Some(S::Accepted), None],
            ),
            (S::Ended, [None; 8]),
        ];
        assert_eq!(table.map(|(s, _)| s), RequestStatus::ALL);
        for (from, row) in table {
            for (transition, expected) in Transition::ALL.into_iter().zip(row) {
                let expected = expected.ok_or(TransitionError { from, transition });
                assert_eq!(from.apply(transition), expected, "{from} {transition}");
            }
        }
    }

    #[test]
    fn names_keys_and_tabs() {
        use Tab::{Active, Blocked, Requested};
        let cases = [
            (S::Pending, "pending", Requested),
            (S::Accepted, "accepted", Active),
            (S::Refused, "refused", Requested),
            (S::Expired, "expired", Requested),
            (S::Withdrawn, "withdrawn", Requested),
            (S::Revoked, "revoked", Blocked),
            (S::Blocked, "blocked", Blocked),
            (S::Ended, "ended", Blocked),
        ];
        for (status, name, tab) in cases {
            assert_eq!(status.as_str(), name);
            assert_eq!(status.to_string(), name);
            assert_eq!(RequestStatus::parse(name), Some(status));
            assert_eq!(status.label_key(), format!("status-{name}"));
            assert_eq!(status.tab(), tab, "{status}");
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{name}\""));
        }
        for input in ["", "Pending", "PENDING", "archived", " pending"] {
            assert_eq!(RequestStatus::parse(input), None, "{input:?}");
        }
        for transition in Transition::ALL {
            assert_eq!(Transition::parse(transition.as_str()), Some(transition));
        }
        assert_eq!(Transition::parse("Accept"), None);
    }

    #[test]
    fn error_message() {
        let error = S::Ended.apply(T::Unblock).unwrap_err();
        assert_eq!(
            error.to_string(),
            "transition unblock is not allowed from status ended"
        );
    }

    #[test]
    fn effective_status() {
        let t = |h: u32, m: u32, s: u32| Utc.with_ymd_and_hms(2025, 3, 29, h, m, s).unwrap();
        let expires = t(14, 0, 0);
        let until = Some(t(10, 0, 0));
        let cases = [
            // Pending: link valid strictly before its expiry.
            (S::Pending, None, t(13, 59, 59), S::Pending),
            (S::Pending, None, t(14, 0, 0), S::Expired),
            (S::Pending, None, t(15, 0, 0), S::Expired),
            // Accepted: ends at valid_until.
            (S::Accepted, until, t(9, 59, 59), S::Accepted),
            (S::Accepted, until, t(10, 0, 0), S::Ended),
            (S::Accepted, until, t(15, 0, 0), S::Ended),
            (S::Accepted, None, t(23, 0, 0), S::Accepted),
            // Others read as stored, even past both instants.
            (S::Refused, until, t(23, 0, 0), S::Refused),
            (S::Expired, None, t(23, 0, 0), S::Expired),
            (S::Withdrawn, None, t(23, 0, 0), S::Withdrawn),
            (S::Revoked, until, t(23, 0, 0), S::Revoked),
            (S::Blocked, until, t(23, 0, 0), S::Blocked),
            (S::Ended, until, t(1, 0, 0), S::Ended),
        ];
        for (stored, valid_until, now, expected) in cases {
            assert_eq!(
                effective(stored, expires, valid_until, now),
                expected,
                "{stored} {now}"
            );
        }
    }
}
