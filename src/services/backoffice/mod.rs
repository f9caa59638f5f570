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

/// Whether a role may suspend companies, read the staff audit and run jobs.
pub fn may_supervise(role: StaffRole) -> bool {
    matches!(role, StaffRole::Supervisor)
}

/// The first [`PAGE_SIZE`] of `rows` (loaded with a limit of `PAGE_SIZE + 1`), and whether
/// another page follows.
fn split_page<T>(mut rows: Vec<T>) -> (Vec<T>, bool) {
    let has_next = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    (rows, has_next)
}

#[cfg(test)]
mod tests {
    use super::{PAGE_SIZE, split_page};

    #[test]
    fn a_page_knows_whether_another_follows() {
        let full: Vec<i64> = (0..=PAGE_SIZE).collect();
        let (rows, has_next) = split_page(full);
        assert_eq!(rows.len() as i64, PAGE_SIZE);
        assert!(has_next);
        let (rows, has_next) = split_page(vec![1, 2]);
        assert_eq!(rows, [1, 2]);
        assert!(!has_next);
    }
}
