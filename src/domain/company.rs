//! Companies and the people who act for them: the kinds of company and the roles.

use diesel::{deserialize::FromSqlRow, expression::AsExpression};

named_enum! {
    /// Employer or social service provider (stored by name).
    #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub enum CompanyKind {
        /// An employer.
        Employer = "employer",
        /// A social service provider (secrétariat social) acting for client companies.
        Provider = "provider",
    }
}

named_enum! {
    /// A member's role in a company (stored by name).
    #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub enum Role {
        /// The main access manager (who registered the company).
        MainManager = "main_manager",
        /// An access manager: manages users and providers.
        Manager = "manager",
        /// A user: creates and follows requests.
        User = "user",
    }
}

impl Role {
    /// Whether this role manages users and providers.
    pub fn is_manager(self) -> bool {
        matches!(self, Role::MainManager | Role::Manager)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_and_managers() {
        assert_eq!(CompanyKind::Provider.as_str(), "provider");
        assert_eq!(Role::MainManager.as_str(), "main_manager");
        assert!(Role::MainManager.is_manager() && Role::Manager.is_manager());
        assert!(!Role::User.is_manager());
    }
}
