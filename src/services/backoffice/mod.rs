//! The back office's use cases, one module per area: [`search`] of requests and mandates,
//! a request's [`timeline`], [`moderation`] (block and unblock, suspend and reinstate a
//! company), the [`dashboard`], the [`audit`] of staff look-ups, and the [`staff`] itself.
//!
//! Who may do what is decided here ([`may_follow`], [`may_supervise`]), so that the web
//! side and any later API share one rule. Every look-up of a person's data and every
//! action is written to `staff_audit` in the transaction of the action; a NISS is never
//! stored there in full (only masked).

pub mod audit;
pub mod dashboard;
pub mod moderation;
pub mod search;
pub mod staff;
pub mod timeline;

use crate::auth::StaffRole;

/// Rows per page of the search and of the audit.
pub const PAGE_SIZE: i64 = 50;
/// Highest page served.
pub const MAX_PAGE: i64 = 10_000;
/// Longest reason accepted for a block or a suspension.
pub const REASON_MAX: usize = 500;

/// Whether a role may search, view timelines, block and unblock.
pub fn may_follow(role: StaffRole) -> bool {
    matches!(role, StaffRole::Agent | StaffRole::Supervisor)
}

/// Whether a role may make, reset, delete demo tenants and move their clocks (the
/// trainers; supervisors too, who answer for the service's resources).
pub fn may_train(role: StaffRole) -> bool {
    matches!(role, StaffRole::Trainer | StaffRole::Supervisor)
}

/// Whether a role may suspend companies, read the staff audit and run jobs.
pub fn may_supervise(role: StaffRole) -> bool {
    matches!(role, StaffRole::Supervisor)
}

/// One page of rows, newest first. No total: counting millions of rows for a page number
/// is not worth it; the page says whether there is a next one.
#[derive(Clone, Debug)]
pub struct Page<T> {
    /// The rows.
    pub items: Vec<T>,
    /// Page number, from 1.
    pub page: i64,
    /// Whether another page follows.
    pub has_next: bool,
}

impl<T> Page<T> {
    /// Page `page` from `rows` loaded with a limit of `PAGE_SIZE + 1` at [`offset`]`(page)`:
    /// the first [`PAGE_SIZE`] of them, and whether another page follows.
    fn from_rows(mut rows: Vec<T>, page: i64) -> Self {
        let has_next = rows.len() as i64 > PAGE_SIZE;
        rows.truncate(PAGE_SIZE as usize);
        Page {
            items: rows,
            page,
            has_next,
        }
    }

    /// The same page with each row turned by `f`.
    fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            page: self.page,
            has_next: self.has_next,
        }
    }
}

/// The rows before page `page` (from 1).
fn offset(page: i64) -> i64 {
    (page - 1) * PAGE_SIZE
}

#[cfg(test)]
mod tests {
    use super::{PAGE_SIZE, Page};

    #[test]
    fn a_page_knows_whether_another_follows() {
        let full: Vec<i64> = (0..=PAGE_SIZE).collect();
        let page = Page::from_rows(full, 2);
        assert_eq!(page.items.len() as i64, PAGE_SIZE);
        assert!(page.has_next);
        let page = Page::from_rows(vec![1, 2], 1).map(|n| n * 10);
        assert_eq!(
            (page.items, page.page, page.has_next),
            (vec![10, 20], 1, false)
        );
    }
}
