//! What integrators are told: the webhook event announcing each transition.

use super::RequestStatus;

/// An event sent to the integrators of the request's company (and of its provider).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The citizen accepted: the mandate is active.
    RequestAccepted,
    /// The citizen refused.
    RequestRefused,
    /// Nobody answered within 72 hours.
    RequestExpired,
    /// The citizen stopped the access.
    MandateRevoked,
    /// The citizen (at acceptance) or the back office blocked it.
    MandateBlocked,
    /// The mandate's duration is over.
    MandateEnded,
}

impl Event {
    /// The event's name, as the API contract gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Event::RequestAccepted => "request.accepted",
            Event::RequestRefused => "request.refused",
            Event::RequestExpired => "request.expired",
            Event::MandateRevoked => "mandate.revoked",
            Event::MandateBlocked => "mandate.blocked",
            Event::MandateEnded => "mandate.ended",
        }
    }

    /// The event announcing a transition to `to`, if integrators are told of it (a
    /// creation, a withdrawal by the company itself or an archival is not announced).
    pub fn announcing(to: RequestStatus) -> Option<Event> {
        match to {
            RequestStatus::Accepted => Some(Event::RequestAccepted),
            RequestStatus::Refused => Some(Event::RequestRefused),
            RequestStatus::Expired => Some(Event::RequestExpired),
            RequestStatus::Revoked => Some(Event::MandateRevoked),
            RequestStatus::Blocked => Some(Event::MandateBlocked),
            RequestStatus::Ended => Some(Event::MandateEnded),
            RequestStatus::Pending | RequestStatus::Withdrawn => None,
        }
    }
}

/// A note the service itself writes in a request's transition log (a staff member's
/// reason for a block is free text): stored in English, so that the log reads the same
/// in the database and in an export, and shown in the reader's language.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SystemNote {
    /// The citizen refused and blocked the company.
    RefusedAndBlocked,
    /// The access ended because the citizen accepted a newer request of the same company
    /// for the same answer.
    Replaced,
}

impl SystemNote {
    /// Every note.
    pub const ALL: [SystemNote; 2] = [SystemNote::RefusedAndBlocked, SystemNote::Replaced];

    /// The note as stored.
    pub fn text(self) -> &'static str {
        match self {
            SystemNote::RefusedAndBlocked => "refused and blocked the company",
            SystemNote::Replaced => "replaced by a newer access of the same company",
        }
    }

    /// Its message in `locales/`.
    pub fn message_key(self) -> &'static str {
        match self {
            SystemNote::RefusedAndBlocked => "event-note-refused-blocked",
            SystemNote::Replaced => "event-note-replaced",
        }
    }

    /// The service's note a stored note is, if it is one.
    pub fn of(stored: &str) -> Option<SystemNote> {
        Self::ALL.into_iter().find(|n| n.text() == stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_note_is_read_back_as_the_service_s_or_as_free_text() {
        for note in SystemNote::ALL {
            assert_eq!(SystemNote::of(note.text()), Some(note));
        }
        assert_eq!(SystemNote::of("Fraude signalée par l'employeur"), None);
    }

    #[test]
    fn each_answer_and_end_is_announced_once() {
        let announced: Vec<_> = RequestStatus::ALL
            .into_iter()
            .filter_map(Event::announcing)
            .map(Event::as_str)
            .collect();
        assert_eq!(
            announced,
            [
                "request.accepted",
                "request.refused",
                "request.expired",
                "mandate.revoked",
                "mandate.blocked",
                "mandate.ended"
            ]
        );
    }
}
