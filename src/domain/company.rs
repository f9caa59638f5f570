//! Companies and the people who act for them: the kinds of company and the roles.

use diesel::{deserialize::FromSqlRow, expression::AsExpression};

/// Employer or social service provider.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum CompanyKind {
    /// An employer.
    Employer,
    /// A social service provider (secrétariat social) acting for client companies.
    Provider,
}

impl CompanyKind {
    /// Stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            CompanyKind::Employer => "employer",
            CompanyKind::Provider => "provider",
        }
    }
    /// Parses the stored value.
    pub fn parse(s: &str) -> Option<CompanyKind> {
        match s {
            "employer" => Some(CompanyKind::Employer),
            "provider" => Some(CompanyKind::Provider),
            _ => None,
        }
    }
}

/// A member's role in a company.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Role {
    /// The main access manager (who registered the company).
    MainManager,
    /// An access manager: manages users and providers.
    Manager,
    /// A user: creates and follows requests.
    User,
}

impl Role {
    /// Stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::MainManager => "main_manager",
            Role::Manager => "manager",
            Role::User => "user",
        }
    }
    /// Parses the stored value.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "main_manager" => Some(Role::MainManager),
            "manager" => Some(Role::Manager),
            "user" => Some(Role::User),
            _ => None,
        }
    }
    /// Whether this role manages users and providers.
    pub fn is_manager(self) -> bool {
        matches!(self, Role::MainManager | Role::Manager)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip() {
        for kind in [CompanyKind::Employer, CompanyKind::Provider] {
            assert_eq!(CompanyKind::parse(kind.as_str()), Some(kind));
        }
        for role in [Role::MainManager, Role::Manager, Role::User] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
        assert_eq!(CompanyKind::parse("Employer"), None);
        assert!(Role::Manager.is_manager() && !Role::User.is_manager());
    }
}
