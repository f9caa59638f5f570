## API-Fehler (Problemdetails)
api-error-invalid-niss = Die Nationalregisternummer (niss) muss aus 11 Ziffern mit gültigen Prüfziffern bestehen.
api-error-invalid-bce = Die Unternehmensnummer (onBehalfOf) ist ungültig.
api-error-invalid-email = Die E-Mail-Adresse ist ungültig.
api-error-invalid-request = Die Anfrage ist ungültig.
api-error-unknown-context = Unbekannter Kontext; die bekannten Kontexte sind diese
api-error-not-found = Diese Ressource existiert für diesen Client nicht.
api-error-method-not-allowed = Diese Ressource akzeptiert diese Methode nicht; der Header Allow nennt die Methoden, die sie akzeptiert.
api-error-invalid-state = Die Anfrage befindet sich nicht in einem Status, der dies erlaubt (nur ausstehende Anfragen können zurückgezogen werden).
api-error-no-active-mandate = Für diese Person und diese Daten besteht kein aktives Bürgermandat.
api-error-unauthorized = Ein gültiges Zugriffstoken ist erforderlich (Authorization: Bearer).
api-error-insufficient-scope = Das Zugriffstoken hat nicht den erforderlichen Scope.
api-error-api-not-activated = Diese API ist für das Unternehmen nicht aktiviert (Vertrauenskreis und Aktivierung durch den Hauptzugangsverwalter).
api-error-company-suspended = Das Unternehmen wurde vom Helpdesk suspendiert.
api-error-rate-limited = Zu viele Aufrufe: Bitte warten Sie, bevor Sie es erneut versuchen.
api-error-internal-error = Bei uns ist ein Fehler aufgetreten.
api-error-unavailable = Der Dienst ist vorübergehend nicht verfügbar: Versuchen Sie es in einigen Augenblicken erneut.
api-error-idempotency-key-reused = Dieser Idempotency-Key wurde bereits mit einem anderen Inhalt verwendet: Verwenden Sie für eine neue Anfrage einen neuen Schlüssel.
api-error-payload-too-large = Der Inhalt der Anfrage ist zu groß.

# Why a body or a query cannot be read (in brackets after api-error-invalid-request).
api-reason-content-type = der Content-Type muss application/json sein
api-reason-unreadable = der Body konnte nicht vollständig gelesen werden
api-reason-not-json = der Body ist kein JSON-Text: siehe Zeile { $line }, Spalte { $column }
api-reason-nul = ein Name im Body enthält ein Nullzeichen
api-reason-not-object = der Body muss ein JSON-Objekt sein
api-reason-query-not-readable = der Query-String ist kein Text oder enthält ein Nullzeichen
api-reason-known-fields = { $field }: die bekannten Felder sind { $known }
# A refused field of a body or a query (member errors).
api-field-unknown = Dieses Feld ist hier nicht bekannt.
api-field-missing = Dieses Feld ist erforderlich.
api-field-repeated = Dieses Feld wird mehr als einmal angegeben.
api-field-not-text = Hier wird ein Text benötigt (ein JSON-String).
api-field-type = Dieser Wert hat nicht den hier benötigten Typ.
api-field-nul = Dieser Text enthält ein Nullzeichen, das nicht angenommen wird.
api-field-not-readable = Dieser Wert ist kein Text oder enthält ein Nullzeichen.

## API-Zugang in der Anwendung für Unternehmen
api-title = API-Zugang
api-lead = Integratoren (Sozialsekretariate, HR-Software) nutzen zwei REST-APIs mit eigenen Zugangsdaten: Bürgermandate und vorvertragliche Daten.
api-circle-title = Vertrauenskreis
api-circle-text = Das Unternehmen verpflichtet sich, seine API-Zugangsdaten zu schützen, die APIs nur für den vorvertraglichen Zweck zu nutzen, dem der Bürger zugestimmt hat, und jeden Missbrauch unverzüglich zu melden. Jeder Aufruf wird festgehalten.
api-circle-accept = Vertrauenskreis akzeptieren
api-circle-accepted = Vertrauenskreis akzeptiert (Version { $version }).
api-circle-wait = Der Hauptzugangsverwalter muss zuerst den Vertrauenskreis akzeptieren.
api-error-circle-first = Bitte akzeptieren Sie zuerst den Vertrauenskreis.
api-mandates = API für Bürgermandate
api-precontractual = API für vorvertragliche Daten
api-active = aktiv
api-inactive = nicht aktiv
api-activate = Aktivieren
api-deactivate = Deaktivieren
api-clients-title = API-Clients
api-clients-none = Noch keine API-Clients.
api-client-name = Name
api-client-id = Kennung (client_id)
api-client-scopes = APIs, die er aufrufen darf (Scopes)
api-client-create = Client erstellen
api-client-revoke = Widerrufen
api-client-revoke-confirm = Diesen Client widerrufen? Seine Token funktionieren dann sofort nicht mehr.
api-client-revoked = widerrufen
api-webhook = Webhook
api-webhook-none = Kein Webhook
api-webhook-delivered = Letzte Zustellung: { $at }
api-webhook-never = Noch nichts zugestellt
api-webhook-retrying = { $count ->
    [one] 1 Zustellung wird erneut versucht
   *[other] { $count } Zustellungen werden erneut versucht
}
api-webhook-given-up = { $count ->
    [one] 1 Zustellung in den letzten { $days } Tagen aufgegeben
   *[other] { $count } Zustellungen in den letzten { $days } Tagen aufgegeben
}
api-webhook-last-given-up = Die letzte am { $at }:
api-client-created = Client erstellt. Kopieren Sie das Secret jetzt: Es wird nur ein einziges Mal angezeigt.
api-client-created-before = Dieses Formular wurde bereits gesendet: Es hat damals den Client „{ $name }“ erstellt, und jetzt nichts weiter. Sein Secret wurde nur in jener Antwort angezeigt und wird nie wieder angezeigt. Wenn Sie es nicht kopiert haben, widerrufen Sie diesen Client und erstellen Sie einen neuen.
api-error-client-name = Bitte geben Sie einen Namen ein (höchstens 100 Zeichen).
api-error-client-scopes = Bitte wählen Sie mindestens eine API.
api-openapi = Der OpenAPI-Vertrag
api-error-blocked-by-citizen = Diese Person hat das Unternehmen blockiert: Sie nimmt seine Anfragen nicht an. Es wurde nichts gesendet.

api-client-revoke-title = Diesen API-Client widerrufen?
api-client-revoke-text = Seine Token funktionieren dann sofort nicht mehr, und er kann keine neuen mehr erhalten. Ein widerrufener Client kann nicht wiederhergestellt werden: Erstellen Sie bei Bedarf einen neuen.
api-client-revoke-yes = Ja, Client widerrufen

# The webhook registration's refused fields (PUT /api/v1/webhook, member errors).
api-webhook-error-secret = Ein Geheimnis mit 16 bis 200 Zeichen ist nötig, ohne Steuerzeichen.
api-webhook-error-url = Eine https://-Adresse ist nötig (https://Host/Pfad, ohne Benutzername oder Passwort).
api-webhook-error-unresolved = Der Hostname dieser Adresse lässt sich nicht auflösen.
api-webhook-error-address = Diese Adresse führt zu einem Host, der keine öffentliche Internetadresse ist.

# The lists' refused query parameters (member errors); the numbers are MAX_PAGE and MAX_PAGE_SIZE.
api-query-error-status = Einer dieser Status: pending, accepted, refused, expired, withdrawn, revoked, blocked oder ended.
api-query-error-mandate-status = Hier werden nur aktive Mandate aufgeführt: der Status ist active oder keiner.
api-query-error-page = Eine ganze Zahl von 1 bis 100.000.
api-query-error-page-size = Eine ganze Zahl von 1 bis 200.

# The API's problem types (/api/problems: a problem's type leads to its row).
api-problems-title = Problemtypen der API
api-problems-lead = Jeder Fehler der REST-API wird mit einem Problemdokument beantwortet (RFC 9457, application/problem+json). Sein Code ist einer von diesen; sein Typ führt zur Zeile des Codes unten; sein Detail sagt warum, in der Sprache von Accept-Language; ein abgelehnter Body oder Query nennt außerdem jedes Feld im Element errors.
api-problems-col-code = Code
api-problems-col-status = HTTP-Status
api-problems-col-meaning = Bedeutung
