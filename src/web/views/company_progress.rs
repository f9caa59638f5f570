//! Where a request just made stands, under its link and QR code: an employer who shows the
//! QR code to a candidate sitting in front of them sees the link opened, then the answer,
//! and the way to the result, without looking for it in the tabs. With JavaScript the
//! status asks again every few seconds while the request waits (htmx), and says each change
//! to a screen reader (a live region around it); without, a link shows it again, as a page
//! of its own ([`super::company::progress_page`]).

use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::company_guide::person_name;
use crate::{
    domain::RequestStatus,
    services::requests::AccessRequest,
    web::{context::Ctx, routes},
};

/// Seconds between two looks at a waiting request's status.
pub const POLL_SECONDS: u32 = 5;

/// The status of `request` at the page's instant, inside its live region.
pub fn progress_region(ctx: &Ctx, request: &AccessRequest) -> Markup {
    html! {
        div.progress aria-live="polite" data-testid="progress-region" {
            (progress(ctx, request))
        }
    }
}

/// What the status shows of a request: its link not opened yet, opened (the candidate
/// signed in through it), or its status once answered or over.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Pending, its link not opened yet.
    Waiting,
    /// Pending, the candidate signed in through its link.
    Opened,
    /// Answered or over, in this status.
    Done(RequestStatus),
}

impl Stage {
    /// The stage of `request` at `now`.
    pub fn of(request: &AccessRequest, now: DateTime<Utc>) -> Stage {
        match request.status_at(now) {
            RequestStatus::Pending if request.bound_at.is_none() => Stage::Waiting,
            RequestStatus::Pending => Stage::Opened,
            other => Stage::Done(other),
        }
    }

    /// Its name in a look's address: a look names the stage it showed (`?shown=`), so that
    /// a change also refreshes the page's tabs at once.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Waiting => "waiting",
            Stage::Opened => "opened",
            Stage::Done(status) => status.as_str(),
        }
    }
}

/// The status alone (what a look at it answers): while the request waits, it asks again
/// every [`POLL_SECONDS`] (marked as the page's own doing, `data-poll`: not a use of the
/// session); once answered (or over), it stops.
pub fn progress(ctx: &Ctx, request: &AccessRequest) -> Markup {
    let stage = Stage::of(request, ctx.now);
    let status = request.status_at(ctx.now);
    let url = routes::request_progress(request.id);
    let look = format!("{url}?shown={}", stage.as_str());
    let waiting = status == RequestStatus::Pending;
    let poll = waiting.then(|| format!("every {POLL_SECONDS}s"));
    html! {
        div data-testid="progress" data-status=(status.as_str())
            hx-get=[waiting.then_some(&look)] hx-trigger=[poll] hx-swap=[waiting.then_some("outerHTML")]
            data-poll[waiting] {
            @match stage {
                Stage::Waiting => p { (ctx.t("progress-waiting")) },
                Stage::Opened => p { (ctx.t("progress-opened")) },
                Stage::Done(RequestStatus::Accepted) => {
                    @let until = request.valid_until.map(|d| ctx.lang.datetime(d)).unwrap_or_default();
                    p { strong { (ctx.lang.t_args("progress-accepted", &[
                        ("name", person_name(request).unwrap_or_default().into()),
                        ("date", until.into()),
                    ])) } }
                    p { a.button href=(routes::consult_path(request.id)) data-testid="progress-consult" {
                        (ctx.t("progress-consult"))
                    } }
                }
                Stage::Done(other) => p { (ctx.lang.t_args("progress-over", &[("status", ctx.t(other.label_key()).into())])) },
            }
            @if waiting {
                noscript { p { a href=(url) data-testid="progress-check" { (ctx.t("progress-check")) } } }
            }
        }
    }
}
