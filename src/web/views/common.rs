//! Small pieces shared by the views of several areas.

use crate::{
    i18n::Lang,
    services::{companies::CompanyCtx, requests::requester_name},
};

/// "Resto Pokébowl" or "Socialia on behalf of Resto Pokébowl".
pub fn acting_as(lang: Lang, c: &CompanyCtx) -> String {
    requester_name(
        lang,
        &c.principal_company().name,
        c.provider().map(|p| p.name.as_str()),
    )
}
