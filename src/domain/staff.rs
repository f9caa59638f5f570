//! Back-office roles.

use serde::{Deserialize, Serialize};

/// A back-office role, as the `staff` table stores it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Searches, views, blocks and unblocks.
    Agent,
    /// Also suspends companies, reads the staff audit, runs jobs, manages the staff.
    Supervisor,
    /// Runs demo tenants for training.
    Trainer,
}

impl StaffRole {
    /// Every role.
    pub const ALL: [StaffRole; 3] = [StaffRole::Agent, StaffRole::Supervisor, StaffRole::Trainer];

    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Agent => "agent",
            StaffRole::Supervisor => "supervisor",
            StaffRole::Trainer => "trainer",
        }
    }

    /// Parses the stored value.
    pub fn parse(s: &str) -> Option<StaffRole> {
        StaffRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_back() {
        for role in StaffRole::ALL {
            assert_eq!(StaffRole::parse(role.as_str()), Some(role));
        }
        assert_eq!(StaffRole::parse("admin"), None);
    }
}
