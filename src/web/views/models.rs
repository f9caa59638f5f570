//! What the handlers hand to the views besides the services' own types: the forms shown
//! again with their messages, the data of a page put together from several queries, and
//! what an error page names.

use serde::Deserialize;

use crate::{
    domain::status::Tab,
    services::{
        api_clients::{ApiScope, NewClient},
        requests,
    },
};

/// The add-user form of the company app.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct MemberInput {
    /// NISS of the person to add.
    #[serde(default)]
    pub niss: String,
    /// manager or user.
    #[serde(default)]
    pub role: String,
}

/// The "Create client" form of the API page, as sent (shown again with its messages).
#[derive(Clone, Debug, Deserialize)]
pub struct ClientInput {
    /// The client's name.
    #[serde(default)]
    pub name: String,
    /// Ticked: the mandates API.
    pub scope_mandates: Option<String>,
    /// Ticked: the pre-contractual data API.
    pub scope_data: Option<String>,
    /// The key of the form's display (the same form sent again makes no second client).
    #[serde(default)]
    pub form_key: String,
}

impl Default for ClientInput {
    /// The form as a page shows it first: no name, both APIs ticked.
    fn default() -> Self {
        let on = Some("on".to_string());
        ClientInput {
            name: String::new(),
            scope_mandates: on.clone(),
            scope_data: on,
            form_key: String::new(),
        }
    }
}

impl ClientInput {
    /// What the form asks for.
    pub fn asked(&self) -> NewClient {
        let ticked = [
            (ApiScope::Mandates, &self.scope_mandates),
            (ApiScope::PrecontractualData, &self.scope_data),
        ];
        NewClient {
            name: self.name.clone(),
            scopes: ticked
                .into_iter()
                .filter(|(_, on)| on.is_some())
                .map(|(scope, _)| scope)
                .collect(),
        }
    }
}

/// The data of a company tab's panel.
pub struct TabData {
    /// Which tab.
    pub tab: Tab,
    /// Its page of rows.
    pub page: requests::ListPage,
    /// Where the page starts (its refresh reads the same rows).
    pub at: requests::PageAt,
    /// Counts on the labels.
    pub counts: requests::TabCounts,
    /// The search typed.
    pub search: String,
    /// The idempotency key of this display's new-link buttons (one per display: the same
    /// button sent twice, by a double click or a reload of its answer, makes one link).
    pub form_key: String,
}

/// Why a form or a query was refused before any handler saw it: the field (when its name
/// can be shown) whose value is not text or holds a NUL character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The field's name, when it is a plain name (`label`, `contact_email`).
    pub field: Option<String>,
}
