## API-fouten (probleemdetails)
api-error-invalid-niss = Het rijksregisternummer (niss) moet uit 11 cijfers bestaan, met geldige controlecijfers.
api-error-invalid-bce = Het ondernemingsnummer (onBehalfOf) is niet geldig.
api-error-invalid-email = Het e-mailadres is niet geldig.
api-error-invalid-request = Het verzoek is niet geldig.
api-error-unknown-context = Onbekende context; de gekende contexten zijn deze
api-error-not-found = Deze resource bestaat niet voor deze client.
api-error-method-not-allowed = Deze resource aanvaardt deze methode niet; de header Allow vermeldt de methoden die ze aanvaardt.
api-error-invalid-state = De aanvraag bevindt zich niet in een status die dit toelaat (alleen aanvragen in behandeling kunnen worden ingetrokken).
api-error-no-active-mandate = Er is geen actief burgermandaat voor deze persoon en deze gegevens.
api-error-unauthorized = Er is een geldig toegangstoken vereist (Authorization: Bearer).
api-error-insufficient-scope = Het toegangstoken heeft niet de vereiste scope.
api-error-api-not-activated = Deze API is niet geactiveerd voor de onderneming (vertrouwenscirkel en activering door de hoofdtoegangsbeheerder).
api-error-company-suspended = De onderneming is door de helpdesk geschorst.
api-error-rate-limited = Te veel oproepen: wacht even voordat u het opnieuw probeert.
api-error-internal-error = Er is aan onze kant een fout opgetreden.
api-error-unavailable = De dienst is tijdelijk niet beschikbaar: probeer het over enkele ogenblikken opnieuw.
api-error-idempotency-key-reused = Deze Idempotency-Key werd al gebruikt met een andere inhoud: gebruik een nieuwe sleutel voor een nieuwe aanvraag.
api-error-payload-too-large = De body van het verzoek is te groot.

# Why a body or a query cannot be read (in brackets after api-error-invalid-request).
api-reason-content-type = het Content-Type moet application/json zijn
api-reason-unreadable = de body kon niet volledig gelezen worden
api-reason-not-json = de body is geen JSON-tekst: zie regel { $line }, kolom { $column }
api-reason-nul = een naam in de body bevat een nulteken
api-reason-not-object = de body moet een JSON-object zijn
api-reason-query-not-readable = de querystring is geen tekst, of bevat een nulteken
api-reason-known-fields = { $field }: de gekende velden zijn { $known }
# A refused field of a body or a query (member errors).
api-field-unknown = Dit veld is hier niet gekend.
api-field-missing = Dit veld is verplicht.
api-field-repeated = Dit veld wordt meer dan één keer gegeven.
api-field-not-text = Hier is een tekst nodig (een JSON-string).
api-field-type = Deze waarde is niet van het type dat hier nodig is.
api-field-nul = Deze tekst bevat een nulteken, dat niet aanvaard wordt.
api-field-not-readable = Deze waarde is geen tekst, of bevat een nulteken.

## API-toegang in de toepassing voor ondernemingen
api-title = API-toegang
api-lead = Integratoren (sociale secretariaten, hr-software) gebruiken twee REST-API's met hun eigen toegangsgegevens: burgermandaten en precontractuele gegevens.
api-circle-title = Vertrouwenscirkel
api-circle-text = De onderneming verbindt zich ertoe haar API-toegangsgegevens te beschermen, de API's alleen te gebruiken voor het precontractuele doel waarmee de burger heeft ingestemd, en elk misbruik onmiddellijk te melden. Elke oproep wordt geregistreerd.
api-circle-accept = De vertrouwenscirkel aanvaarden
api-circle-accepted = Vertrouwenscirkel aanvaard (versie { $version }).
api-circle-wait = De hoofdtoegangsbeheerder moet eerst de vertrouwenscirkel aanvaarden.
api-error-circle-first = Aanvaard eerst de vertrouwenscirkel.
api-mandates = API burgermandaten
api-precontractual = API precontractuele gegevens
api-active = actief
api-inactive = niet actief
api-activate = Activeren
api-deactivate = Deactiveren
api-clients-title = API-clients
api-clients-none = Nog geen API-clients.
api-client-name = Naam
api-client-id = Identificatie (client_id)
api-client-scopes = API's die hij mag aanroepen (scopes)
api-client-create = Een client aanmaken
api-client-revoke = Intrekken
api-client-revoke-confirm = Deze client intrekken? Zijn tokens werken dan onmiddellijk niet meer.
api-client-revoked = ingetrokken
api-webhook = Webhook
api-webhook-none = Geen webhook
api-webhook-delivered = Laatste bezorging: { $at }
api-webhook-never = Nog niets bezorgd
api-webhook-retrying = { $count ->
    [one] 1 bezorging wordt opnieuw geprobeerd
   *[other] { $count } bezorgingen worden opnieuw geprobeerd
}
api-webhook-given-up = { $count ->
    [one] 1 bezorging opgegeven in de laatste { $days } dagen
   *[other] { $count } bezorgingen opgegeven in de laatste { $days } dagen
}
api-webhook-last-given-up = De laatste op { $at }:
api-client-created = Client aangemaakt. Kopieer het geheim nu: het wordt maar één keer getoond.
api-client-created-before = Dit formulier was al verzonden: het heeft toen de client ‘{ $name }’ aangemaakt, en nu niets meer. Het geheim werd alleen in dat antwoord getoond en wordt nooit meer getoond. Hebt u het niet gekopieerd, trek deze client dan in en maak een nieuwe aan.
api-error-client-name = Vul een naam in (maximaal 100 tekens).
api-error-client-scopes = Kies minstens één API.
api-openapi = Het OpenAPI-contract
api-error-blocked-by-citizen = Deze persoon heeft de onderneming geblokkeerd: hij of zij aanvaardt haar aanvragen niet. Er werd niets verstuurd.

api-client-revoke-title = Deze API-client intrekken?
api-client-revoke-text = Zijn tokens werken dan onmiddellijk niet meer en hij kan geen nieuwe meer verkrijgen. Een ingetrokken client kan niet hersteld worden: maak zo nodig een nieuwe aan.
api-client-revoke-yes = Ja, de client intrekken

# The webhook registration's refused fields (PUT /api/v1/webhook, member errors).
api-webhook-error-secret = Er is een geheim van 16 tot 200 tekens nodig, zonder stuurtekens.
api-webhook-error-url = Er is een https://-adres nodig (https://host/pad, zonder gebruikersnaam of wachtwoord).
api-webhook-error-unresolved = De hostnaam van dit adres wordt niet gevonden.
api-webhook-error-address = Dit adres leidt naar een host die geen openbaar internetadres is.

# The lists' refused query parameters (member errors); the numbers are MAX_PAGE and MAX_PAGE_SIZE.
api-query-error-status = Een van deze statussen: pending, accepted, refused, expired, withdrawn, revoked, blocked of ended.
api-query-error-mandate-status = Hier staan alleen actieve mandaten: de status is active, of geen.
api-query-error-page = Een geheel getal van 1 tot 100.000.
api-query-error-page-size = Een geheel getal van 1 tot 200.

# The API's problem types (/api/problems: a problem's type leads to its row).
api-problems-title = Probleemtypes van de API
api-problems-lead = Elke fout van de REST-API wordt beantwoord met een probleemdocument (RFC 9457, application/problem+json). De code is er een van deze; het type leidt naar de rij van de code hieronder; de detail zegt waarom, in de taal van Accept-Language; een geweigerde body of query noemt ook elk veld in het element errors.
api-problems-col-code = Code
api-problems-col-status = HTTP-status
api-problems-col-meaning = Betekenis
