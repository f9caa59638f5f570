//! URLs, in one place.

use std::fmt::Display;

use crate::{
    domain::status::Tab,
    services::{
        backoffice::{audit::AuditFilter, search::SearchInput},
        lists::PageAt,
    },
};

/// Public home (choice between company and citizen).
pub const HOME: &str = "/";
/// Public landing page for companies.
pub const COMPANIES: &str = "/companies";
/// Public landing page for citizens.
pub const CITIZENS: &str = "/citizens";
/// Sign-in page.
pub const SIGN_IN: &str = "/sign-in";
/// Demo sign-in of a person (POST).
pub const SIGN_IN_DEMO: &str = "/sign-in/demo";
/// Sign-in through the OpenID Connect provider (GET: redirects to the provider).
pub const SIGN_IN_OIDC: &str = "/sign-in/oidc";
/// The OpenID Connect callback: the redirect URI is the public URL followed by this.
pub const SIGN_IN_OIDC_CALLBACK: &str = crate::auth::oidc::CALLBACK_PATH;
/// Sign out (POST).
pub const SIGN_OUT: &str = "/sign-out";
/// Sign out of every session of the person (POST).
pub const SIGN_OUT_EVERYWHERE: &str = "/sign-out/everywhere";
/// Where the provider sends the browser back after signing out there (`post_logout_redirect_uri`).
pub const SIGNED_OUT: &str = "/signed-out";
/// The page's "Stay signed in" (and activity in a page): `POST` starts the session's idle
/// time again.
pub const SESSION_KEEP_ALIVE: &str = "/session/keep-alive";
/// Language switch: `/lang/{code}?next=...`.
pub const LANG: &str = "/lang";
/// Static assets.
pub const ASSETS: &str = "/assets";
/// Liveness.
pub const HEALTHZ: &str = "/healthz";
/// Readiness (database reachable).
pub const READYZ: &str = "/readyz";
/// Company app.
pub const COMPANY: &str = "/company";
/// Company registration.
pub const COMPANY_REGISTER: &str = "/company/register";
/// Choice of the company one works for.
pub const COMPANY_SELECT: &str = "/company/select";
/// Terms of use.
pub const COMPANY_TERMS: &str = "/company/terms";
/// A provider's choice of client.
pub const COMPANY_CLIENTS: &str = "/company/clients";
/// Users of the company.
pub const COMPANY_USERS: &str = "/company/users";
/// Providers designated by the company.
pub const COMPANY_PROVIDERS: &str = "/company/providers";
/// New access request (GET form, POST create).
pub const COMPANY_REQUESTS: &str = "/company/requests";
/// A mandate: `/company/mandates/{request_id}`. A GET shows the mandate without consulting;
/// a same-origin POST (the "Consult now" button) is a recorded consultation.
pub const COMPANY_MANDATES: &str = "/company/mandates";
/// A recorded consultation's PDF export: `/company/consultations/{id}/pdf` (not a new
/// consultation).
pub const COMPANY_CONSULTATIONS: &str = "/company/consultations";
/// The citizen's own results ("My possibilities"), not recorded as a consultation.
pub const CITIZEN_POSSIBILITIES: &str = "/me/possibilities";
/// The demo mailbox (demo and development modes only).
pub const MAILBOX: &str = "/demo/mailbox";
/// Citizen portal.
pub const CITIZEN: &str = "/me";
/// The secret link of an access request: `/r/{token}` (made by `services::requests::link_for`).
pub const LINK: &str = "/r";
/// A request as the citizen sees it: `/me/requests/{id}`; answered with `POST .../answer`.
pub const CITIZEN_REQUESTS: &str = "/me/requests";
/// A granted access: `/me/accesses/{id}/stop` (GET confirmation, POST stop).
pub const CITIZEN_ACCESSES: &str = "/me/accesses";
/// A blocked company: `POST /me/blocks/{company_id}/unblock`.
pub const CITIZEN_BLOCKS: &str = "/me/blocks";
/// The citizen's history (past requests, accesses and consultations).
pub const CITIZEN_HISTORY: &str = "/me/history";
/// A copy of what the service keeps about the citizen, as a JSON file to download.
pub const CITIZEN_DATA: &str = "/me/data";
/// Help for foreign candidates without a Belgian national number (public; the request
/// e-mail links to it).
pub const CITIZEN_HELP_FOREIGNERS: &str = crate::mail::request::HELP_FOREIGNERS_PATH;
/// Help for the companies that hire a candidate without a Belgian national number (public).
pub const COMPANY_HELP_FOREIGNERS: &str = "/company/help/foreigners";
/// The privacy page: who processes what, why, for how long, who sees it, the rights
/// (public, linked from every footer).
pub const PRIVACY: &str = "/privacy";
/// Where and how to report a vulnerability (RFC 9116).
pub const SECURITY_TXT: &str = "/.well-known/security.txt";
/// The accessibility statement (public, linked from every footer).
pub const ACCESSIBILITY: &str = "/accessibility";
/// What search engines may list (RFC 9309).
pub const ROBOTS_TXT: &str = "/robots.txt";
/// The pages a search engine may list, on the real service only: its public pages. Every
/// other answer says `noindex` (a secret link, a signed-in page, an error), and a
/// demonstration or training deployment says it of every page: a fictional service must
/// not be found as the real one.
pub const INDEXABLE: &[&str] = &[
    HOME,
    COMPANIES,
    CITIZENS,
    PRIVACY,
    ACCESSIBILITY,
    COMPANY_HELP_FOREIGNERS,
    CITIZEN_HELP_FOREIGNERS,
];

/// The company's API access page (circle of trust, activation, clients).
pub const COMPANY_API: &str = "/company/api";

/// Back office: dashboard.
pub const ADMIN: &str = "/admin";
/// Back office: search (NISS and e-mail by POST only).
pub const ADMIN_SEARCH: &str = "/admin/search";
/// Back office: a request's timeline, `/admin/requests/{id}`.
pub const ADMIN_REQUESTS: &str = "/admin/requests";
/// Back office: a company, `/admin/companies/{id}`.
pub const ADMIN_COMPANIES: &str = "/admin/companies";
/// Back office: the staff audit.
pub const ADMIN_AUDIT: &str = "/admin/audit";
/// Back office: run a job now, `POST /admin/jobs/{name}/run`.
pub const ADMIN_JOBS: &str = "/admin/jobs";
/// Back office: the staff (supervisors add, change, remove, end sessions).
pub const ADMIN_STAFF: &str = "/admin/staff";
/// Back office: the trainers' demo tenants (GET the list, POST a new one).
pub const ADMIN_TENANTS: &str = "/admin/tenants";

/// The REST API's prefix.
pub const API: &str = "/api";
/// The OAuth 2.0 token endpoint.
pub const API_TOKEN: &str = "/api/oauth/token";
/// The OpenAPI contract.
pub const API_OPENAPI: &str = "/api/v1/openapi.json";
/// The API's problem types, a section each (a problem's `type` is this page at the section
/// of its code, `#invalid-niss`): public documentation, in the visitor's language.
pub const API_PROBLEMS: &str = "/api/problems";

/// The `type` of the API's problems of the code `slug`, on the service at `base`.
pub fn problem_type(base: &str, slug: &str) -> String {
    format!("{}{API_PROBLEMS}#{slug}", base.trim_end_matches('/'))
}
/// The mandate requests of the API, `/api/v1/mandate-requests/{id}`.
pub const API_MANDATE_REQUESTS: &str = "/api/v1/mandate-requests";

/// htmx event (`HX-Trigger`) that makes the company's tabs refresh at once.
pub const EVENT_REFRESH_TABS: &str = "refresh-tabs";
/// The id of the company tabs' panel: an htmx request that targets it (`HX-Target`) gets
/// the panel alone.
pub const TAB_PANEL: &str = "tab-panel";

/// The citizen's link without its secret: `{public_url_citizen}/r/` (the secret follows).
pub fn citizen_link_base(public_url_citizen: &str) -> String {
    format!("{public_url_citizen}{LINK}/")
}

/// The citizen's side's addresses a request e-mail carries (on the tenant's citizen host),
/// and the contact entry.
pub fn citizen_urls(
    settings: &crate::settings::Settings,
    site: &crate::state::Site,
) -> crate::mail::request::CitizenUrls {
    crate::mail::request::CitizenUrls {
        link_base: citizen_link_base(&site.public_url_citizen),
        help_foreigners: format!("{}{CITIZEN_HELP_FOREIGNERS}", site.public_url_citizen),
        contact: settings.links.help_contact.clone(),
        keys: settings.keyring.clone(),
    }
}

/// The one judge of every local redirect target (`next` of the language switch, of
/// sign-in, of the OpenID Connect flow, of every redirect): `next` when it is a path on
/// this site, else `fallback`. A path on this site starts with one `/`, and holds only
/// visible ASCII (no control character, space, or raw non-ASCII: a browser could read
/// `/\t/evil.example` as another host, and a CR or LF would break the header), no
/// backslash, and no percent-encoded slash, backslash or control character (`%2F`, `%5C`,
/// `%09`... that a server or a proxy on the way could decode into one).
pub fn local_path<'a>(next: Option<&'a str>, fallback: &'a str) -> &'a str {
    match next {
        Some(p) if is_local_path(p) => p,
        _ => fallback,
    }
}

/// Where to go once signed in: `next` if it is a local page ([`local_path`]) other than
/// the sign-in and sign-out routes themselves (they would send a signed-in person back to a
/// sign-in, or to a spent OpenID Connect callback); home otherwise.
pub fn after_sign_in(next: Option<&str>) -> &str {
    let next = local_path(next, HOME);
    if is_sign_in_route(next) { HOME } else { next }
}

/// The page to come back to after a sign-in that a request needed: the page the browser
/// shows when htmx says it (`HX-Current-URL`: a tab's refresh or a button of the page), the
/// page asked for by a GET (`path`), else home: a form's address is no page (after a sign-in
/// it would be a 404), and what it sent is not sent again.
pub fn back_after_sign_in<'a>(
    path: &'a str,
    after_form: bool,
    current: Option<&'a str>,
) -> &'a str {
    let shown = current.map(|url| match url.split_once("://") {
        // Absolute: its path and query (the host is this site's, or it is judged below).
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => url,
    });
    match shown {
        Some(page) => local_path(Some(page), HOME),
        None if after_form => HOME,
        None => path,
    }
}

/// The sign-in a form sent after its session had ended leads to: back to `back` afterwards,
/// and the page says that what the form sent was not recorded.
pub fn sign_in_after_form(back: &str) -> String {
    format!("{}&unsent=1", with_next(SIGN_IN, back))
}

/// The header's "Sign in" link from the page at `path` (path and query): back to that page
/// afterwards. On the sign-in page it is that page itself, whose own `next` is kept: a
/// link made from it would nest one `next` in another at every click.
pub fn sign_in_from(path: &str) -> String {
    if is_sign_in_route(path) {
        match path.strip_prefix(SIGN_IN) {
            Some(rest) if rest.is_empty() || rest.starts_with('?') => path.to_string(),
            _ => SIGN_IN.to_string(),
        }
    } else {
        with_next(SIGN_IN, path)
    }
}

/// Whether `path` (path and query) is one of the sign-in or sign-out routes.
fn is_sign_in_route(path: &str) -> bool {
    let end = path.find(['?', '#']).unwrap_or(path.len());
    let route = &path[..end];
    [SIGN_IN, SIGN_OUT, crate::auth::oidc::CALLBACK_PATH]
        .iter()
        .any(|r| {
            route == *r
                || route
                    .strip_prefix(r)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
}

/// Whether `p` is a path on this site (see [`local_path`]).
fn is_local_path(p: &str) -> bool {
    let bytes = p.as_bytes();
    if bytes.first() != Some(&b'/') || matches!(bytes.get(1), Some(b'/' | b'\\')) {
        return false;
    }
    if !bytes.iter().all(|b| b.is_ascii_graphic()) || p.contains('\\') {
        return false;
    }
    // Percent-encoded: a control character anywhere, a slash or a backslash in the path
    // (in the query, `%2F` is only a searched-for slash).
    let path_end = p.find(['?', '#']).unwrap_or(p.len());
    for (i, _) in p.match_indices('%') {
        match p
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            Some(b'/' | b'\\') if i < path_end => return false,
            Some(b) if b < 0x20 || b == 0x7f => return false,
            _ => {}
        }
    }
    true
}

// Back office

/// The back-office search for the filters of `input` at `page` (pagination, dashboard links,
/// the redirect after a search without NISS). Never carries a NISS (see
/// [`SearchInput::query_string`]).
pub fn admin_search_url(input: &SearchInput, page: i64) -> String {
    format!("{ADMIN_SEARCH}?{}&page={page}", input.query_string())
}

/// A back-office page after a change, saying so: `{page}?notice={notice}`.
pub fn with_notice(page: &str, notice: &str) -> String {
    format!("{page}?notice={}", url_escape(notice))
}

/// Back office: a request's timeline, `/admin/requests/{id}`.
pub fn admin_request(id: impl Display) -> String {
    format!("{ADMIN_REQUESTS}/{id}")
}

/// Back office: an action on a request, `POST /admin/requests/{id}/{action}` (`reveal`,
/// `block`, `unblock`).
pub fn admin_request_action(id: impl Display, action: &str) -> String {
    format!("{}/{action}", admin_request(id))
}

/// Back office: a company's page, `/admin/companies/{id}`.
pub fn admin_company(id: impl Display) -> String {
    format!("{ADMIN_COMPANIES}/{id}")
}

/// Back office: an action on a company, `POST /admin/companies/{id}/{action}` (`suspend`,
/// `reinstate`).
pub fn admin_company_action(id: impl Display, action: &str) -> String {
    format!("{}/{action}", admin_company(id))
}

/// Back office: the requests of a company, by its enterprise number.
pub fn admin_company_requests(bce: &crate::domain::Bce) -> String {
    format!("{ADMIN_SEARCH}?company={}", bce.as_str())
}

/// Back office: run a job now, `POST /admin/jobs/{name}/run`.
pub fn admin_job_run(name: impl Display) -> String {
    format!("{ADMIN_JOBS}/{name}/run")
}

/// Back office: a page of the staff's audit,
/// `/admin/audit?staff={id}&action={name}&on={id}&page={n}` (what is set: the first page of
/// everything is `/admin/audit`).
pub fn admin_audit(filter: &AuditFilter, page: i64) -> String {
    let mut query = Vec::new();
    if let Some(staff) = filter.staff {
        query.push(format!("staff={staff}"));
    }
    if let Some(action) = filter.action {
        query.push(format!("action={action}"));
    }
    if let Some(on) = filter.on {
        query.push(format!("on={on}"));
    }
    if page > 1 {
        query.push(format!("page={page}"));
    }
    if query.is_empty() {
        ADMIN_AUDIT.to_string()
    } else {
        format!("{ADMIN_AUDIT}?{}", query.join("&"))
    }
}

/// Back office: an action on a demo tenant, `POST /admin/tenants/{name}/{action}`
/// (`clock`, `reset`, `delete`).
pub fn admin_tenant_action(name: impl Display, action: &str) -> String {
    format!("{ADMIN_TENANTS}/{name}/{action}")
}

/// Back office: send again a mail given up, `POST /admin/requests/{id}/mails/{mail}/resend`.
pub fn admin_mail_resend(request: impl std::fmt::Display, mail: impl std::fmt::Display) -> String {
    format!("{ADMIN_REQUESTS}/{request}/mails/{mail}/resend")
}

/// The back-office search for one state (a status code, or `archived`).
pub fn admin_state_url(state: &str) -> String {
    format!("{ADMIN_SEARCH}?state={}", url_escape(state))
}

// REST API

/// The API's active mandates list.
pub const API_MANDATES: &str = "/api/v1/mandates";
/// The API client's webhook endpoint (PUT, GET, DELETE).
pub const API_WEBHOOK: &str = "/api/v1/webhook";
/// API: send again the deliveries given up, `POST`.
pub const API_WEBHOOK_REDELIVER: &str = "/api/v1/webhook/redeliver";
/// The API's pre-contractual data: `/api/v1/precontractual-data/{slug}`, one per context
/// (see [`api_precontractual`]).
pub const API_PRECONTRACTUAL: &str = "/api/v1/precontractual-data";

/// The API's pre-contractual data of a context: `/api/v1/precontractual-data/{slug}`
/// (`flexi-job`, `student-hours`; see [`crate::domain::context::ContextDef::slug`]).
pub fn api_precontractual(slug: impl Display) -> String {
    format!("{API_PRECONTRACTUAL}/{slug}")
}

// Pages

/// The company's tabs: `/company/tabs/{tab}` (see [`company_tab`]).
pub const COMPANY_TABS: &str = "/company/tabs";
/// The new-request page (its form posts to [`COMPANY_REQUESTS`]).
pub const COMPANY_REQUEST_NEW: &str = "/company/requests/new";
/// Removal of a company user (POST).
pub const COMPANY_USERS_REMOVE: &str = "/company/users/remove";
/// Hand-over of the main access manager's role to another member (POST).
pub const COMPANY_USERS_MAIN: &str = "/company/users/main";
/// Acceptance of the API's circle of trust (POST).
pub const COMPANY_API_CIRCLE: &str = "/company/api/circle";
/// Creation of an API client (POST); a client's revocation: `.../{id}/revoke`.
pub const COMPANY_API_CLIENTS: &str = "/company/api/clients";

// The builders below make a page's URL from its parameters; called with the parameters'
// names in braces (`"{id}"`), they make the route's pattern, so that a link and the route
// it leads to cannot drift apart.

/// The version of the static assets (a hash of their bytes, made by `build.rs`).
pub const ASSETS_VERSION: &str = env!("MANDAT_ASSETS_VERSION");

/// A static asset as the pages name it: `/assets/{name}?v={ASSETS_VERSION}` (a new build
/// with other assets makes other URLs: no browser pairs a new page with an old stylesheet).
pub fn asset(name: impl Display) -> String {
    format!("{ASSETS}/{name}?v={ASSETS_VERSION}")
}

/// The language switch: `/lang/{code}` (with `?next=`, see [`with_next`]).
pub fn lang(code: impl Display) -> String {
    format!("{LANG}/{code}")
}

/// `path` with the page to come back to afterwards: `path?next={next}`.
pub fn with_next(path: &str, next: &str) -> String {
    format!("{path}?next={}", url_escape(next))
}

/// The URL segment of a company tab (`active`, `requested`, `blocked`), which also names
/// the tab in the page.
pub fn tab_segment(tab: Tab) -> &'static str {
    match tab {
        Tab::Active => "active",
        Tab::Requested => "requested",
        Tab::Blocked => "blocked",
    }
}

/// The tab a URL segment names.
pub fn tab_of_segment(segment: &str) -> Option<Tab> {
    [Tab::Active, Tab::Requested, Tab::Blocked]
        .into_iter()
        .find(|tab| tab_segment(*tab) == segment)
}

/// The dashboard showing a tab: `/company?tab={tab}`, the address a tab's link puts in the
/// browser's history (Back and a reload come back to that tab).
pub fn company_dashboard_tab(tab: Tab) -> String {
    format!("{COMPANY}?tab={}", tab_segment(tab))
}

/// The dashboard showing a page of a tab's search: [`company_dashboard_tab`], then, unless
/// it is the tab's first page without a search, `&q={search}&page={page}` and, for a page
/// next to one shown, its keyset ([`page_query`]). The address the search and the pagination put in the
/// browser's history, and the one the tab's panel refreshes itself from (htmx asks it for
/// the panel alone).
pub fn company_dashboard_at(tab: Tab, search: &str, page: i64, at: PageAt) -> String {
    let url = company_dashboard_tab(tab);
    if search.is_empty() && page == 1 && matches!(at, PageAt::Number(_)) {
        url
    } else {
        format!("{url}&{}", page_query(search, page, at))
    }
}

/// A company tab: `/company/tabs/{tab}` (`tab` a [`tab_segment`]).
pub fn company_tab(tab: impl Display) -> String {
    format!("{COMPANY_TABS}/{tab}")
}

/// A tab page's query: `q={search}&page={page}`, then, for a page next to one shown,
/// `&after={key}` or `&before={key}` (keyset: see [`crate::services::lists`]).
fn page_query(search: &str, page: i64, at: PageAt) -> String {
    let query = format!("q={}&page={page}", url_escape(search));
    match at {
        PageAt::Number(_) => query,
        PageAt::After(key) => format!("{query}&after={}", key.encode()),
        PageAt::Before(key) => format!("{query}&before={}", key.encode()),
    }
}

/// The withdrawal of a pending request: `/company/requests/{id}/withdraw` (POST).
pub fn request_withdraw(id: impl Display) -> String {
    format!("{COMPANY_REQUESTS}/{id}/withdraw")
}

/// A new link for a pending request nobody opened yet: `/company/requests/{id}/link` (POST).
pub fn request_new_link(id: impl Display) -> String {
    format!("{COMPANY_REQUESTS}/{id}/link")
}

/// Where a request just made stands (a polled fragment, or a page without JavaScript):
/// `/company/requests/{id}/progress`.
pub fn request_progress(id: impl Display) -> String {
    format!("{COMPANY_REQUESTS}/{id}/progress")
}

/// The end of a provider's designation: `/company/providers/{id}/end` (POST).
pub fn provider_end(id: impl Display) -> String {
    format!("{COMPANY_PROVIDERS}/{id}/end")
}

/// Switching an API on or off: `/company/api/{scope}/{state}` (`state` is `on` or `off`).
pub fn company_api_toggle(scope: impl Display, state: impl Display) -> String {
    format!("{COMPANY_API}/{scope}/{state}")
}

/// The revocation of an API client: `/company/api/clients/{id}/revoke` (POST).
pub fn company_api_revoke(id: impl Display) -> String {
    format!("{COMPANY_API_CLIENTS}/{id}/revoke")
}

/// A mandate's page: `/company/mandates/{request_id}` (GET shows it, POST consults).
pub fn consult_path(request_id: impl Display) -> String {
    format!("{COMPANY_MANDATES}/{request_id}")
}

/// A recorded consultation as a PDF: `/company/consultations/{id}/pdf`.
pub fn consultation_pdf_path(consultation_id: impl Display) -> String {
    format!("{COMPANY_CONSULTATIONS}/{consultation_id}/pdf")
}

/// The secret link of an access request: `/r/{token}`.
pub fn link(token: impl Display) -> String {
    format!("{LINK}/{token}")
}

/// A request as the citizen sees it: `/me/requests/{id}`.
pub fn citizen_request(id: impl Display) -> String {
    format!("{CITIZEN_REQUESTS}/{id}")
}

/// The request whose page `path` is ([`citizen_request`]), if it is one.
pub fn citizen_request_id(path: &str) -> Option<uuid::Uuid> {
    path.strip_prefix(CITIZEN_REQUESTS)?
        .strip_prefix('/')
        .and_then(|id| uuid::Uuid::try_parse(id).ok())
}

/// The citizen's answer to a request: `/me/requests/{id}/answer` (POST).
pub fn citizen_answer(id: impl Display) -> String {
    format!("{}/answer", citizen_request(id))
}

/// "Continue as ...": binds a request to the signed-in person, `/me/requests/{id}/bind` (POST).
pub fn citizen_bind(id: impl Display) -> String {
    format!("{}/bind", citizen_request(id))
}

/// "Sign in as someone else" on a request: `/me/requests/{id}/switch` (POST).
pub fn citizen_switch(id: impl Display) -> String {
    format!("{}/switch", citizen_request(id))
}

/// The sign-in page asking to authenticate again before going to `next`.
pub fn sign_in_again(next: &str) -> String {
    format!("{}&again=1", with_next(SIGN_IN, next))
}

/// The OpenID Connect sign-in, coming back to `next`; `again` asks for a fresh
/// authentication (`max_age`).
pub fn sign_in_oidc(next: &str, again: bool) -> String {
    let url = with_next(SIGN_IN_OIDC, next);
    if again { format!("{url}&again=1") } else { url }
}

/// A staff member's page action: `/admin/staff/{id}/{action}` (`role`, `remove`, `end-sessions`; POST).
pub fn admin_staff_action(id: impl Display, action: &str) -> String {
    format!("{ADMIN_STAFF}/{id}/{action}")
}

/// Stopping a granted access: `/me/accesses/{id}/stop` (GET confirmation, POST stop).
pub fn citizen_stop(id: impl Display) -> String {
    format!("{CITIZEN_ACCESSES}/{id}/stop")
}

/// Unblocking a company: `/me/blocks/{company_id}/unblock` (POST).
pub fn citizen_unblock(company_id: impl Display) -> String {
    format!("{CITIZEN_BLOCKS}/{company_id}/unblock")
}

/// The citizen portal saying what was just done: `/me?done={what}` (`stopped`, `unblocked`).
pub fn citizen_done(what: &str) -> String {
    format!("{CITIZEN}?done={}", url_escape(what))
}

/// A mail of the demo mailbox: `/demo/mailbox/{id}`.
pub fn mailbox_mail(id: impl Display) -> String {
    format!("{MAILBOX}/{id}")
}

/// Whether `path` is one of the [`INDEXABLE`] pages.
pub fn is_indexable(path: &str) -> bool {
    INDEXABLE.contains(&path)
}

/// Whether a path belongs to the REST API (`/api/...`).
pub fn is_api(path: &str) -> bool {
    path.strip_prefix(API)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// Percent-encodes a path or a search for a query parameter (`/` stays as it is).
pub fn url_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{
        AuditFilter, PageAt, admin_audit, after_sign_in, back_after_sign_in, citizen_request_id,
        company_dashboard_at, local_path, sign_in_from,
    };
    use crate::domain::status::Tab;

    #[test]
    fn only_local_paths_are_followed() {
        let cases = [
            (Some("/company"), "/company"),
            (
                Some("/company/tabs/active?q=a%20b&page=2"),
                "/company/tabs/active?q=a%20b&page=2",
            ),
            (
                Some("/me/requests/0b5e?next=%2Fcompany"),
                "/me/requests/0b5e?next=%2Fcompany",
            ),
            (Some("/a?q=%0a"), "/"),
            (Some("/r/abc-DEF_123"), "/r/abc-DEF_123"),
            (Some("//evil.example"), "/"),
            (Some("/\\evil.example"), "/"),
            (Some("/a\\b"), "/"),
            (Some("https://evil.example"), "/"),
            (Some("evil.example"), "/"),
            (Some("/\t/evil.example/"), "/"),
            (Some("/\r\nSet-Cookie: x=1"), "/"),
            (Some("/\n"), "/"),
            (Some("/ evil"), "/"),
            (Some("/\u{202e}evil"), "/"),
            (Some("/é"), "/"),
            (Some("/%2F/evil.example"), "/"),
            (Some("/%2f%2fevil.example"), "/"),
            (Some("/%5Cevil.example"), "/"),
            (Some("/%09/evil.example"), "/"),
            (Some("/%0d%0aSet-Cookie:%20x=1"), "/"),
            (Some("/%7F"), "/"),
            (Some("/%"), "/%"),
            (Some(""), "/"),
            (None, "/"),
        ];
        for (next, want) in cases {
            assert_eq!(local_path(next, "/"), want, "{next:?}");
        }
    }

    #[test]
    fn signing_in_never_leads_back_to_a_sign_in() {
        let cases = [
            (Some("/company/tabs/active?q=x"), "/company/tabs/active?q=x"),
            (Some("/sign-in-help"), "/sign-in-help"),
            (Some("/sign-in"), "/"),
            (Some("/sign-in?next=%2Fcompany"), "/"),
            (Some("/sign-in/demo"), "/"),
            (Some("/sign-in/oidc/callback?code=a&state=b"), "/"),
            (Some("/sign-out"), "/"),
            (Some("/sign-out/everywhere"), "/"),
            (Some("//evil.example"), "/"),
            (None, "/"),
        ];
        for (next, want) in cases {
            assert_eq!(after_sign_in(next), want, "{next:?}");
        }
    }

    #[test]
    fn after_a_sign_in_a_request_needed_the_browser_comes_back_to_its_page() {
        let cases = [
            // A page asked for: itself.
            (
                ("/company/tabs/active?q=a", false, None),
                "/company/tabs/active?q=a",
            ),
            // A form sent without JavaScript: its address is no page.
            (("/company/requests/0b5e/withdraw", true, None), "/"),
            // htmx says which page the browser shows.
            (
                (
                    "/company/requests/0b5e/withdraw",
                    true,
                    Some("http://127.0.0.1:8080/company?tab=requested"),
                ),
                "/company?tab=requested",
            ),
            (
                (
                    "/company/tabs/active",
                    false,
                    Some("https://mandat.example/company"),
                ),
                "/company",
            ),
            (
                (
                    "/company/tabs/active",
                    false,
                    Some("https://mandat.example"),
                ),
                "/",
            ),
            (("/company/tabs/active", false, Some("/me")), "/me"),
            // Never another site.
            (
                (
                    "/company/tabs/active",
                    false,
                    Some("https://evil.example//evil"),
                ),
                "/",
            ),
            (
                ("/company/tabs/active", false, Some("//evil.example/")),
                "/",
            ),
        ];
        for ((path, after_form, current), want) in cases {
            assert_eq!(
                back_after_sign_in(path, after_form, current),
                want,
                "{path} {after_form} {current:?}"
            );
        }
    }

    #[test]
    fn the_audits_address_says_only_what_is_chosen() {
        use crate::services::backoffice::audit::AuditAction;
        let id = uuid::Uuid::nil();
        let cases = [
            (AuditFilter::default(), 1, "/admin/audit".to_string()),
            (AuditFilter::default(), 3, "/admin/audit?page=3".to_string()),
            (
                AuditFilter {
                    staff: Some(id),
                    ..AuditFilter::default()
                },
                1,
                format!("/admin/audit?staff={id}"),
            ),
            (
                AuditFilter {
                    staff: Some(id),
                    action: Some(AuditAction::ViewRequest),
                    on: None,
                },
                2,
                format!("/admin/audit?staff={id}&action=view_request&page=2"),
            ),
            (
                AuditFilter {
                    on: Some(id),
                    ..AuditFilter::default()
                },
                1,
                format!("/admin/audit?on={id}"),
            ),
        ];
        for (filter, page, want) in cases {
            assert_eq!(admin_audit(&filter, page), want, "{filter:?} {page}");
        }
    }

    #[test]
    fn the_header_sign_in_link_never_nests() {
        let cases = [
            ("/", "/sign-in?next=/"),
            (
                "/company/tabs/active?q=a",
                "/sign-in?next=/company/tabs/active%3Fq%3Da",
            ),
            ("/sign-in", "/sign-in"),
            ("/sign-in?next=/company", "/sign-in?next=/company"),
            ("/sign-in/oidc/callback?code=a&state=b", "/sign-in"),
        ];
        for (path, want) in cases {
            assert_eq!(sign_in_from(path), want, "{path:?}");
        }
    }

    #[test]
    fn a_request_page_is_known_by_its_exact_address() {
        let id = "0b9a6f3e-8c1d-4e2a-9f00-123456789abc";
        let cases = [
            (format!("/me/requests/{id}"), true),
            (format!("/me/requests/{id}/answer"), false),
            (format!("/me/requests/{id}?x=1"), false),
            (format!("/me/requestsx/{id}"), false),
            ("/me/requests/".to_string(), false),
            ("/me/requests/not-an-id".to_string(), false),
            (format!("/company/requests/{id}"), false),
        ];
        for (path, known) in cases {
            assert_eq!(citizen_request_id(&path).is_some(), known, "{path}");
        }
    }

    #[test]
    fn a_tabs_first_page_without_a_search_is_the_tabs_address() {
        let cases = [
            ((Tab::Active, "", 1), "/company?tab=active"),
            ((Tab::Blocked, "", 2), "/company?tab=blocked&q=&page=2"),
            (
                (Tab::Requested, "é & b", 1),
                "/company?tab=requested&q=%C3%A9%20%26%20b&page=1",
            ),
        ];
        for ((tab, search, page), want) in cases {
            assert_eq!(
                company_dashboard_at(tab, search, page, PageAt::Number(page)),
                want
            );
        }
    }
}
