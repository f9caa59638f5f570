## API errors (problem details)
api-error-invalid-niss = The national number (niss) must be 11 digits with valid check digits.
api-error-invalid-bce = The enterprise number (onBehalfOf) is not valid.
api-error-invalid-email = The e-mail address is not valid.
api-error-invalid-request = The request is not valid.
api-error-unknown-context = Unknown context; the known contexts are these
api-error-not-found = No such resource for this client.
api-error-method-not-allowed = This resource does not take this method; the Allow header lists those it takes.
api-error-invalid-state = The request is not in a state that allows this (only pending requests can be withdrawn).
api-error-no-active-mandate = No active citizen mandate for this person and this data.
api-error-unauthorized = A valid access token is needed (Authorization: Bearer).
api-error-insufficient-scope = The access token does not have the scope needed.
api-error-api-not-activated = This API is not activated for the company (circle of trust and activation by the main access manager).
api-error-company-suspended = The company is suspended by the helpdesk.
api-error-rate-limited = Too many calls: wait before trying again.
api-error-internal-error = An error occurred on our side.
api-error-unavailable = The service is temporarily unavailable: try again in a few moments.
api-error-idempotency-key-reused = This Idempotency-Key was used with another request body: use a new key for a new request.
api-error-payload-too-large = The request body is too large.

# Why a body or a query cannot be read (in brackets after api-error-invalid-request).
api-reason-content-type = the Content-Type must be application/json
api-reason-unreadable = the body could not be read in full
api-reason-not-json = the body is not JSON text: see line { $line }, column { $column }
api-reason-nul = a name in the body holds a null character
api-reason-not-object = the body must be a JSON object
api-reason-query-not-readable = the query string is not text, or holds a null character
api-reason-known-fields = { $field }: the known fields are { $known }
# A refused field of a body or a query (member errors).
api-field-unknown = This field is not known here.
api-field-missing = This field is required.
api-field-repeated = This field is given more than once.
api-field-not-text = A text is needed here (a JSON string).
api-field-type = This value is not of the type needed here.
api-field-nul = This text holds a null character, which is not accepted.
api-field-not-readable = This value is not text, or holds a null character.

## API access in the company app
api-title = API access
api-lead = Integrators (social secretariats, HR software) use two REST APIs with their own credentials: citizen mandates, and pre-contractual data.
api-circle-title = Circle of trust
api-circle-text = The company commits to protect its API credentials, to use the APIs only for the pre-contractual purpose the citizen agreed to, and to report any misuse at once. Every call is recorded.
api-circle-accept = Accept the circle of trust
api-circle-accepted = Circle of trust accepted (version { $version }).
api-circle-wait = The main access manager must accept the circle of trust first.
api-error-circle-first = Accept the circle of trust first.
api-mandates = Citizen mandates API
api-precontractual = Pre-contractual data API
api-active = active
api-inactive = not active
api-activate = Activate
api-deactivate = Deactivate
api-clients-title = API clients
api-clients-none = No API client yet.
api-client-name = Name
api-client-id = Identifier (client_id)
api-client-scopes = APIs it may call (scopes)
api-client-create = Create a client
api-client-revoke = Revoke
api-client-revoke-confirm = Revoke this client? Its tokens stop working at once.
api-client-revoked = revoked
api-webhook = Webhook
api-webhook-none = No webhook
api-webhook-delivered = Last delivery: { $at }
api-webhook-never = Nothing delivered yet
api-webhook-retrying = { $count ->
    [one] 1 delivery being retried
   *[other] { $count } deliveries being retried
}
api-webhook-given-up = { $count ->
    [one] 1 delivery given up in the last { $days } days
   *[other] { $count } deliveries given up in the last { $days } days
}
api-webhook-last-given-up = The last one on { $at }:
api-client-created = Client created. Copy the secret now: it is shown only once.
api-client-created-before = This form had been sent already: it made the client “{ $name }” then, and nothing more now. Its secret was shown on that answer only and is never shown again. If you did not copy it, revoke this client and create another one.
api-error-client-name = Please give a name (at most 100 characters).
api-error-client-scopes = Please choose at least one API.
api-openapi = The OpenAPI contract
api-error-blocked-by-citizen = This person has blocked the company: they do not accept its requests. Nothing was sent.

api-client-revoke-title = Revoke this API client?
api-client-revoke-text = Its tokens stop working at once, and it can no longer obtain new ones. A revoked client cannot be restored: create a new one if needed.
api-client-revoke-yes = Yes, revoke the client

# The webhook registration's refused fields (PUT /api/v1/webhook, member errors).
api-webhook-error-secret = A secret of 16 to 200 characters is needed, without control characters.
api-webhook-error-url = An https:// address is needed (https://host/path, without a user name or password).
api-webhook-error-unresolved = The host name of this address does not resolve.
api-webhook-error-address = This address leads to a host that is not a public address of the internet.

# The lists' refused query parameters (member errors); the numbers are MAX_PAGE and MAX_PAGE_SIZE.
api-query-error-status = One of pending, accepted, refused, expired, withdrawn, revoked, blocked or ended.
api-query-error-mandate-status = Only active mandates are listed here: the status is active, or none.
api-query-error-page = A whole number from 1 to 100,000.
api-query-error-page-size = A whole number from 1 to 200.

# The API's problem types (/api/problems: a problem's type leads to its row).
api-problems-title = API problem types
api-problems-lead = Every error of the REST API is answered with a problem document (RFC 9457, application/problem+json). Its code is one of these; its type leads to the code's row below; its detail says why, in the language of Accept-Language; a refused body or query also names each field in its errors member.
api-problems-col-code = Code
api-problems-col-status = HTTP status
api-problems-col-meaning = What it means
