//! The citizen's side of access requests: opening a link (which binds nothing: the page
//! says who asks, for what, and who is signed in), binding it to the signed-in person when
//! they say it is for them, answering (accept, refuse, refuse and block); the portal's
//! lists, stopping an access and unblocking a company are in [`portal`].
//!
//! The database enforces single use: every change is a conditional `UPDATE ... WHERE
//! status = 'pending' AND expires_at > now AND <bound to me> RETURNING` (the binding
//! itself: `... AND bound_at IS NULL`), so double clicks and concurrent submissions make
//! exactly one transition.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::{Refusal, ServiceError, companies::Company, requests::is_blocked_by, tokens};
use crate::{
    db::{
        access_requests::{
            self as requests_db, AccessRequest, Guard, SetOnTransition, find, find_by_token_hash,
        },
        schema::citizen_blocks,
    },
    domain::{
        Actor, Context, Niss, RequestStatus, context::mandate_valid_until, events::SystemNote,
        status::Transition,
    },
    sources::AuthenticSources,
};

pub mod export;
mod portal;
pub use portal::{
    BlockedCompany, Consultation, HISTORY_MONTHS, Portal, access_of, blocked_companies,
    consultations, history, portal, stop_access, unblock,
};

/// Most rows shown in the history.
pub const HISTORY_LIMIT: i64 = 200;

/// A request with the companies it names, as the citizen sees it.
#[derive(Clone, Debug)]
pub struct RequestDetails {
    /// The request.
    pub request: AccessRequest,
    /// Its status now (see [`AccessRequest::status_at`]).
    pub status: RequestStatus,
    /// The company the access is for.
    pub company: Company,
    /// The social service provider asking on the company's behalf, if any.
    pub provider: Option<Company>,
}

impl RequestDetails {
    /// The context asked for.
    pub fn context(&self) -> Context {
        self.request.context
    }
}

/// Why a link (or a request page) cannot be answered. Each has its own page.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// No such link, or not for this person (never says which).
    Unknown,
    /// The 72 hours are over.
    Expired,
    /// The company withdrew the request (or the helpdesk closed it).
    Withdrawn,
    /// The request was answered already (a different answer came first).
    AlreadyAnswered,
    /// The link opened in this session was replaced by a newer one (the company made a
    /// new link): the newer one leads to the request.
    Replaced,
    /// Another citizen signed in through this link first.
    OtherCitizen,
    /// The request names another person.
    NotAddressee,
    /// The signed-in person is a user of the asking company (or of its provider): the link
    /// is for the candidate.
    OwnCompany,
}

impl LinkProblem {
    /// A stable name (page test ids, message keys).
    pub fn as_str(self) -> &'static str {
        match self {
            LinkProblem::Unknown => "unknown",
            LinkProblem::Expired => RequestStatus::Expired.as_str(),
            LinkProblem::Withdrawn => "withdrawn",
            LinkProblem::AlreadyAnswered => "answered",
            LinkProblem::Replaced => "replaced",
            LinkProblem::OtherCitizen => "other-citizen",
            LinkProblem::NotAddressee => "not-addressee",
            LinkProblem::OwnCompany => "own-company",
        }
    }
}

/// What the request page shows to a signed-in citizen.
#[derive(Clone, Debug)]
pub enum RequestPage {
    /// A pending request opened through its link and bound to nobody yet: who asks, what,
    /// and "is this request for you?" (binding takes an explicit POST).
    Confirm(Box<RequestDetails>),
    /// A pending request of a company the citizen blocks: never the answers, the way to
    /// unblock it first.
    CompanyBlocked(Box<RequestDetails>),
    /// A pending request bound to this citizen: who asks, what, until when; the answers.
    Answer {
        /// The request.
        details: Box<RequestDetails>,
        /// The end of the access of the same company to the same answer that accepting
        /// would replace, if the citizen gave one that still runs.
        replaces: Option<DateTime<Utc>>,
    },
    /// A request this citizen answered (or that went on after their answer).
    Answered {
        /// The request.
        details: Box<RequestDetails>,
        /// Whether the citizen blocks the request's company now.
        company_blocked: bool,
    },
    /// It cannot be answered, and why.
    Problem(LinkProblem),
}

/// The citizen's answer.
#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Accept: the mandate starts.
    Accept,
    /// Refuse.
    Refuse,
    /// Refuse, and block the company from asking again.
    RefuseBlock,
}

/// How an answer went.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AnswerOutcome {
    /// Recorded now, or identical to the answer already recorded: show the request page.
    Done,
    /// Not possible, and why.
    Problem(LinkProblem),
    /// Accepting is not possible while the citizen blocks the company: unblock first.
    CompanyBlocked,
}

/// A link opened in a session: its request, and which of its links (the hash of the
/// secret: a new link replaces it).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LinkOpening {
    /// The request.
    pub request: Uuid,
    /// The hash of the link's secret.
    pub link: Vec<u8>,
}

/// What a link secret leads to.
#[derive(Clone, Debug)]
pub enum OpenedLink {
    /// The request it designates: its page (after the sign-in) says the rest.
    Request(LinkOpening),
    /// A request nobody took as theirs that can no longer be answered (expired, withdrawn
    /// or closed by the helpdesk): whoever signed in would read the same, so the link says
    /// it at once, and nobody signs in for nothing; with the request, so that the page
    /// names who asked (as the e-mail with the link did).
    Closed(LinkProblem, Box<RequestDetails>),
}

/// What a link secret designates, if anything. Always hashes and looks up, whatever the
/// input looks like, so every unknown secret costs the same.
pub fn find_link(
    conn: &mut PgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> QueryResult<Option<OpenedLink>> {
    let link = tokens::hash_token(token);
    let Some(id) = find_by_token_hash(conn, &link)? else {
        return Ok(None);
    };
    let closed = find(conn, id)?
        .filter(|request| request.citizen_niss.is_none())
        .and_then(|request| Some((unbound_problem(request.status_at(now))?, request)));
    Ok(Some(match closed {
        Some((problem, request)) => {
            OpenedLink::Closed(problem, Box::new(details(conn, request, now)?))
        }
        None => OpenedLink::Request(LinkOpening { request: id, link }),
    }))
}

/// Why a request nobody took as theirs cannot be answered, whoever signs in: `None` while
/// it is pending.
fn unbound_problem(status: RequestStatus) -> Option<LinkProblem> {
    use RequestStatus as S;
    match status {
        S::Pending => None,
        S::Expired => Some(LinkProblem::Expired),
        // Closed by the company or the helpdesk.
        S::Withdrawn | S::Blocked => Some(LinkProblem::Withdrawn),
        _ => Some(LinkProblem::AlreadyAnswered),
    }
}

/// What the sign-in page may say of a request whose link was opened in this session,
/// before anyone signs in: the request while it can still be answered through that link
/// (who asks, for what, until when); `None` otherwise (the request's page says why, after
/// the sign-in).
pub fn link_preview(
    conn: &mut PgConnection,
    opened: &LinkOpening,
    now: DateTime<Utc>,
) -> QueryResult<Option<RequestDetails>> {
    if !requests_db::is_current_link(conn, opened.request, &opened.link)? {
        return Ok(None);
    }
    match find(conn, opened.request)? {
        Some(request) if request.status_at(now) == RequestStatus::Pending => {
            details(conn, request, now).map(Some)
        }
        _ => Ok(None),
    }
}

/// The companies a request names.
fn details(
    conn: &mut PgConnection,
    request: AccessRequest,
    now: DateTime<Utc>,
) -> QueryResult<RequestDetails> {
    let mut ids = vec![request.company_id];
    ids.extend(request.provider_id);
    let found = load_companies(conn, &ids)?;
    with_companies(request, &found, now).ok_or(diesel::result::Error::NotFound)
}

fn load_companies(conn: &mut PgConnection, ids: &[Uuid]) -> QueryResult<Vec<Company>> {
    crate::db::companies::find_many(conn, ids)
}

fn with_companies(
    request: AccessRequest,
    found: &[Company],
    now: DateTime<Utc>,
) -> Option<RequestDetails> {
    let company = found.iter().find(|c| c.id == request.company_id)?.clone();
    let provider = match request.provider_id {
        Some(p) => Some(found.iter().find(|c| c.id == p)?.clone()),
        None => None,
    };
    Some(RequestDetails {
        status: request.status_at(now),
        request,
        company,
        provider,
    })
}

/// A citizen at a request's page: who (`me`), which request, which of its links they
/// opened in this session, and when.
#[derive(Clone, Debug)]
pub struct Visit {
    /// The citizen.
    pub me: Niss,
    /// The request.
    pub id: Uuid,
    /// The hash of the request's link the citizen opened in this session, if any (it counts
    /// while it is the request's current link).
    pub opened_link: Option<Vec<u8>>,
    /// When.
    pub now: DateTime<Utc>,
}

/// What a request reads as for `me`, before any binding.
enum Step {
    Page(RequestPage),
    Bind(Box<AccessRequest>),
}

/// What the request of `visit` reads as, before any binding.
fn step(conn: &mut PgConnection, visit: &Visit) -> QueryResult<Step> {
    match find(conn, visit.id)? {
        Some(request) => evaluate(conn, request, visit),
        None => Ok(Step::Page(RequestPage::Problem(LinkProblem::Unknown))),
    }
}

/// The answers' page of a pending request bound to the citizen, with the access it would
/// replace ([`requests_db::replaced_by`]).
fn answer_page(
    conn: &mut PgConnection,
    request: AccessRequest,
    now: DateTime<Utc>,
) -> QueryResult<RequestPage> {
    let replaces = requests_db::replaced_by(conn, &request, now)?
        .into_iter()
        .find_map(|(_, until)| until);
    Ok(RequestPage::Answer {
        details: Box::new(details(conn, request, now)?),
        replaces,
    })
}

fn evaluate(conn: &mut PgConnection, request: AccessRequest, visit: &Visit) -> QueryResult<Step> {
    use RequestStatus as S;
    let (me, now) = (&visit.me, visit.now);
    let mine = request.is_bound_to(me);
    if !mine {
        match &visit.opened_link {
            None => return Ok(Step::Page(RequestPage::Problem(LinkProblem::Unknown))),
            Some(link) if !requests_db::is_current_link(conn, request.id, link)? => {
                return Ok(Step::Page(RequestPage::Problem(LinkProblem::Replaced)));
            }
            Some(_) => {}
        }
    }
    let status = request.status_at(now);
    if mine {
        return Ok(Step::Page(match status {
            S::Pending if is_blocked_by(conn, me, request.company_id)? => {
                RequestPage::CompanyBlocked(Box::new(details(conn, request, now)?))
            }
            S::Pending => answer_page(conn, request, now)?,
            S::Expired => RequestPage::Problem(LinkProblem::Expired),
            S::Withdrawn => RequestPage::Problem(LinkProblem::Withdrawn),
            _ => {
                let company_blocked = is_blocked_by(conn, me, request.company_id)?;
                RequestPage::Answered {
                    details: Box::new(details(conn, request, now)?),
                    company_blocked,
                }
            }
        }));
    }
    if request.citizen_niss.is_some() {
        return Ok(Step::Page(RequestPage::Problem(LinkProblem::OtherCitizen)));
    }
    if let Some(p) = unbound_problem(status) {
        return Ok(Step::Page(RequestPage::Problem(p)));
    }
    if request.target_niss.as_ref().is_some_and(|t| t != me) {
        return Ok(Step::Page(RequestPage::Problem(LinkProblem::NotAddressee)));
    }
    let mut asking = vec![request.company_id];
    asking.extend(request.provider_id);
    if crate::db::companies::is_member_of_any(conn, &asking, me)? {
        return Ok(Step::Page(RequestPage::Problem(LinkProblem::OwnCompany)));
    }
    if is_blocked_by(conn, me, request.company_id)? {
        return Ok(Step::Page(RequestPage::CompanyBlocked(Box::new(details(
            conn, request, now,
        )?))));
    }
    Ok(Step::Bind(Box::new(request)))
}

/// The request page of `visit`, read only: opening a link binds nothing. A citizen who
/// opened the request's current link in this session (`opened_link`) sees who asks and
/// for what, and is asked whether it is for them ([`RequestPage::Confirm`]); one whose
/// link was replaced since is told so ([`LinkProblem::Replaced`]); anyone else sees a
/// problem page.
pub fn open_request(conn: &mut PgConnection, visit: &Visit) -> Result<RequestPage, ServiceError> {
    Ok(match step(conn, visit)? {
        Step::Page(page) => page,
        Step::Bind(request) => RequestPage::Confirm(Box::new(details(conn, *request, visit.now)?)),
    })
}

/// Binds the request to `me`, who opened its link and says it is for them ("Continue as
/// ..."), by a conditional update: the database decides who was first. Returns the page
/// that follows (the answers, or why not).
pub fn bind(conn: &mut PgConnection, visit: &Visit) -> Result<RequestPage, ServiceError> {
    let (me, id, now) = (&visit.me, visit.id, visit.now);
    for _ in 0..3 {
        match step(conn, visit)? {
            Step::Page(page) => return Ok(page),
            Step::Bind(_) => {
                if let Some(request) = requests_db::bind_citizen(conn, id, me, now)? {
                    tracing::info!(request = %id, "link bound to the citizen who said it is for them");
                    return Ok(answer_page(conn, request, now)?);
                }
                // Someone else was faster, or the request changed: read it again.
            }
        }
    }
    Err(Refusal::AlreadyAnswered.into())
}

/// Whether the recorded outcome of a request is what `answer` would have made.
fn same_answer(request: &AccessRequest, answer: Answer, company_blocked: bool) -> bool {
    use RequestStatus as S;
    match (answer, request.status) {
        (Answer::Accept, S::Accepted | S::Ended) => true,
        (Answer::Refuse, S::Refused) => !company_blocked,
        (Answer::RefuseBlock, S::Refused) => company_blocked,
        _ => false,
    }
}

/// Records the citizen's answer to a pending request bound to them (or bound now, when
/// they opened its link). Accepting starts the mandate (its end from the context's
/// duration, the names from the national register); accepting a request of a company the
/// citizen blocks is refused ([`Refusal::CompanyBlockedByYou`]: unblock it first).
/// Refusing ends it; refuse-and-block also blocks the company. Idempotent: the same answer again is `Done`; a different one is
/// `AlreadyAnswered`.
pub fn answer(
    conn: &mut PgConnection,
    sources: &dyn AuthenticSources,
    visit: &Visit,
    answer: Answer,
) -> Result<AnswerOutcome, ServiceError> {
    let (me, id, now) = (&visit.me, visit.id, visit.now);
    conn.transaction(|conn| {
        // The answer is an explicit choice too: it binds an unbound request it answers.
        let details = match bind(conn, visit)? {
            RequestPage::Problem(p) => return Ok(AnswerOutcome::Problem(p)),
            // Blocked: unblock first (refusing stays possible once bound).
            RequestPage::CompanyBlocked(details)
                if answer == Answer::Accept || !details.request.is_bound_to(me) =>
            {
                return Ok(AnswerOutcome::CompanyBlocked);
            }
            RequestPage::Confirm(details) | RequestPage::CompanyBlocked(details) => details,
            RequestPage::Answered {
                details,
                company_blocked,
            } => {
                return Ok(if same_answer(&details.request, answer, company_blocked) {
                    AnswerOutcome::Done
                } else {
                    AnswerOutcome::Problem(LinkProblem::AlreadyAnswered)
                });
            }
            RequestPage::Answer { details, .. } => details,
        };
        let request = &details.request;
        let actor = Actor::Citizen { niss: me.clone() };
        // Accepting a request of a company one blocks is refused, never turned into
        // something else: the citizen unblocks the company first.
        if answer == Answer::Accept && is_blocked_by(conn, me, request.company_id)? {
            return Err(Refusal::CompanyBlockedByYou.into());
        }
        let transition = match answer {
            Answer::Accept => Transition::Accept,
            Answer::Refuse | Answer::RefuseBlock => Transition::Refuse,
        };
        let names = if transition == Transition::Accept {
            sources
                .person(conn, me)?
                .map(|p| (p.first_name, p.last_name))
        } else {
            None
        };
        let set = match &names {
            _ if transition != Transition::Accept => SetOnTransition::Nothing,
            names => SetOnTransition::Mandate {
                valid_until: mandate_valid_until(now, request.context),
                first_name: names.as_ref().map(|(f, _)| f.as_str()),
                last_name: names.as_ref().map(|(_, l)| l.as_str()),
            },
        };
        let note = match answer {
            Answer::RefuseBlock => Some(SystemNote::RefusedAndBlocked.text()),
            Answer::Accept | Answer::Refuse => None,
        };
        let updated = requests_db::transition(
            conn,
            id,
            RequestStatus::Pending,
            transition,
            Guard::Citizen(me),
            set,
            &actor,
            note,
            now,
        )?;
        let Some(updated) = updated else {
            // A concurrent answer won: judge against what it recorded.
            let Some(current) = find(conn, id)? else {
                return Ok(AnswerOutcome::Problem(LinkProblem::Unknown));
            };
            let company_blocked = is_blocked_by(conn, me, current.company_id)?;
            return Ok(match current.status_at(now) {
                RequestStatus::Expired => AnswerOutcome::Problem(LinkProblem::Expired),
                RequestStatus::Withdrawn => AnswerOutcome::Problem(LinkProblem::Withdrawn),
                _ if same_answer(&current, answer, company_blocked) => AnswerOutcome::Done,
                _ => AnswerOutcome::Problem(LinkProblem::AlreadyAnswered),
            });
        };
        if answer == Answer::Accept {
            // The newer access replaces an older one of the same company for the same
            // answer: the citizen then has one access to stop, not two alike.
            requests_db::end_replaced(conn, &updated, &actor, now)?;
        }
        if answer == Answer::RefuseBlock {
            diesel::insert_into(citizen_blocks::table)
                .values((
                    citizen_blocks::citizen_niss.eq(me),
                    citizen_blocks::company_id.eq(request.company_id),
                    citizen_blocks::created_at.eq(now),
                ))
                .on_conflict_do_nothing()
                .execute(conn)?;
        }
        tracing::info!(request = %id, answer = ?answer, "citizen answered a request");
        Ok(AnswerOutcome::Done)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_names_are_distinct() {
        let all = [
            LinkProblem::Unknown,
            LinkProblem::Expired,
            LinkProblem::Withdrawn,
            LinkProblem::AlreadyAnswered,
            LinkProblem::Replaced,
            LinkProblem::OtherCitizen,
            LinkProblem::NotAddressee,
            LinkProblem::OwnCompany,
        ];
        let mut names: Vec<_> = all.iter().map(|p| p.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len());
    }

    #[test]
    fn an_unbound_request_says_why_it_is_closed_to_whoever_opens_its_link() {
        use RequestStatus as S;
        for (status, want) in [
            (S::Pending, None),
            (S::Expired, Some(LinkProblem::Expired)),
            (S::Withdrawn, Some(LinkProblem::Withdrawn)),
            (S::Blocked, Some(LinkProblem::Withdrawn)),
            (S::Accepted, Some(LinkProblem::AlreadyAnswered)),
            (S::Refused, Some(LinkProblem::AlreadyAnswered)),
            (S::Ended, Some(LinkProblem::AlreadyAnswered)),
        ] {
            assert_eq!(unbound_problem(status), want, "{status:?}");
        }
    }

    #[test]
    fn answers_parse_from_the_form() {
        #[derive(serde::Deserialize)]
        struct F {
            answer: Answer,
        }
        for (raw, want) in [
            ("answer=accept", Answer::Accept),
            ("answer=refuse", Answer::Refuse),
            ("answer=refuse_block", Answer::RefuseBlock),
        ] {
            assert_eq!(serde_urlencoded::from_str::<F>(raw).unwrap().answer, want);
        }
        assert!(serde_urlencoded::from_str::<F>("answer=maybe").is_err());
    }
}
