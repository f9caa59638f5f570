## Anwendung für Unternehmen
company-nav = Anwendung für Unternehmen
company-nav-requests = Anfragen
company-nav-new = Neue Anfrage
company-nav-users = Benutzer
company-nav-users-of = Benutzer von { $company }
company-nav-providers = Sozialdienstleister
company-nav-switch = Unternehmen wechseln
company-nav-switch-client = Kunden wechseln
company-dashboard-title = Anfragen und Zugänge
company-requests-title = Zugänge
company-intro = Bevor Sie einstellen, beantwortet dieser Dienst eine Frage zu einem Bewerber, mit dessen Erlaubnis:
company-intro-permission = Der Bewerber erhält Ihre Anfrage per E-Mail (oder ihren Link oder QR-Code von Ihnen) und stimmt ihr zu oder lehnt sie ab. Danach sehen Sie nur die Antwort, für die Dauer des Zugangs; jede Einsicht wird protokolliert und dem Bewerber gezeigt.
company-refused-title = Aktion abgelehnt
company-suspended-title = Unternehmen suspendiert
company-suspended = Ihr Unternehmen wurde vom Helpdesk suspendiert: Sie können vorerst keine Anfragen erstellen und keine Daten einsehen. Grund:
on-behalf-of = { $provider } im Auftrag von { $company }
via-provider = über { $provider }
form-has-errors = Einige Felder erfordern Ihre Aufmerksamkeit.
working = Wird bearbeitet…
continue = Weiter
since = seit dem { $date }
remove = Entfernen
remove-confirm = Diesen Benutzer entfernen?
back-to-requests = Zurück zu den Anfragen

## Anfrageformular
request-label = Bezeichnung
request-label-hint = Ein Name für Ihre eigene Liste (zum Beispiel „Küche, Wochenende“), keine Identität. Der Bürger sieht ihn nicht.
request-email = E-Mail-Adresse des Bewerbers
request-context = Angefragte Daten
request-language = Sprache der E-Mail
request-niss = Nationalregisternummer des Bewerbers (optional)
request-niss-hint = Wenn Sie sie angeben, kann nur diese Person der Anfrage zustimmen.
email-suggest-title = Prüfen Sie die E-Mail-Adresse des Bewerbers
email-suggest-text = Meinten Sie { $suggested }? { $typed } sieht aus wie eine gängige Adresse mit einem Tippfehler, und eine Anfrage an eine falsche Adresse gibt ihren Link einem Fremden.
email-suggest-use = { $suggested } verwenden
email-suggest-keep = { $typed } beibehalten
company-foreigners-link = Sie stellen einen Bewerber ohne belgische Nationalregisternummer ein?
request-submit = Anfrage erstellen
request-error-label-empty = Bitte geben Sie eine Bezeichnung ein.
request-error-label-long = Eine Bezeichnung hat höchstens 100 Zeichen.
request-error-context = Bitte wählen Sie die angefragten Daten.
request-error-language = Bitte wählen Sie Französisch, Niederländisch, Deutsch oder Englisch.
request-error-not-pending = Diese Anfrage ist nicht mehr ausstehend: Sie kann weder zurückgezogen werden noch einen neuen Link erhalten.
new-link = Neuer Link
new-link-title = Neuer Link für den Bewerber
new-link-text = Die Anfrage „{ $label }“ hat einen neuen Link. Der vorherige Link funktioniert nicht mehr.
new-link-mail = Eine E-Mail mit dem neuen Link wurde an { $email } gesendet.
new-link-deadline = Der Bewerber kann bis zum { $date } antworten.
link-opened = Link vom Bewerber geöffnet
request-error-link-opened = Der Bewerber hat den Link bereits geöffnet: Die Anfrage wartet in „Zugang zu meinen Daten“, ein neuer Link ist also nicht nötig.
request-error-link-replaced = Für diese Anfrage wurde inzwischen ein neuerer Link erstellt, dieser funktioniert also nicht mehr. Der Bewerber hat den neueren per E-Mail erhalten, wenn die Anfrage eine Adresse hat; erstellen Sie bei Bedarf einen neuen Link.
created-title = Anfrage erstellt
created-text = Die Anfrage „{ $label }“ wurde an { $email } gesendet.
created-link = Einmal-Link für den Bewerber
created-deadline = Der Bewerber hat 72 Stunden Zeit zu antworten: bis zum { $date }.
created-once = Der Link funktioniert nur für einen einzigen Bürger. Bewahren Sie ihn auf: Er wird nur dieses eine Mal angezeigt.
created-qr = Derselbe Link als QR-Code zum Scannen mit einem Smartphone.
progress-title = Stand der Anfrage
progress-waiting = Warten auf den Bewerber: Der Link wurde noch nicht geöffnet.
progress-opened = Der Bewerber hat den Link geöffnet und sich angemeldet: Warten auf die Antwort.
progress-accepted = { $name } hat zugestimmt: Sie können die Antwort bis zum { $date } sehen.
progress-consult = Antwort ansehen
progress-over = Die Anfrage ist abgeschlossen: { $status }.
progress-check = Nachsehen, ob der Bewerber geantwortet hat
create-another = Weitere Anfrage erstellen
copy = Kopieren
copied = Kopiert

## Registerkarten
tab-active = Aktive Zugänge
tab-requested = Angefragte Zugänge
tab-blocked = Gesperrte Zugänge
tab-empty-active = Noch keine aktiven Zugänge. Erstellen Sie eine neue Anfrage, oder warten Sie, bis der Bewerber zustimmt.
tab-empty-requested = Keine ausstehenden Anfragen. Erstellen Sie eine neue Anfrage: der Bewerber erhält per E-Mail einen Einmal-Link und hat 72 Stunden Zeit zu antworten.
tab-empty-blocked = Keine beendeten, gesperrten oder abgelaufenen Zugänge. Ein Zugang, den der Bewerber beendet oder sperrt oder der abläuft, erscheint hier eine Zeit lang.
tab-empty-search = Nichts in dieser Registerkarte entspricht Ihrer Suche.
search-label = Nach Bezeichnung, Name oder E-Mail suchen
search = Suchen
col-person = Person
col-niss = Nationalregisternummer
col-context = Daten
col-until = Bis
col-label = Bezeichnung
col-email = E-Mail
col-status = Status
col-since = Seit
col-role = Rolle
consult-soon = Einsichtnahme
expires-in = { $hours ->
    [0] läuft in weniger als einer Stunde ab
    [one] läuft in { $hours } Stunde ab
   *[other] läuft in { $hours } Stunden ab
}
ends-in-days = { $days ->
    [one] endet in { $days } Tag
   *[other] endet in { $days } Tagen
}
ends-in-hours = { $hours ->
    [0] endet in weniger als einer Stunde
    [one] endet in { $hours } Stunde
   *[other] endet in { $hours } Stunden
}
withdraw = Zurückziehen
withdraw-confirm = Diese Anfrage zurückziehen? Der Link funktioniert dann nicht mehr.
mail-undelivered = Die E-Mail konnte nicht zugestellt werden: Erstellen Sie eine neue Anfrage und geben Sie dem Bewerber den Link auf anderem Weg (QR-Code zeigen oder Link kopieren).
pagination = Seiten
previous = Zurück
next = Weiter
page-of = Seite { $page } von { $pages }

## Registrierung, Nutzungsbedingungen, Wahl des Unternehmens
register-title = Unternehmen registrieren
register-lead = Sie werden Hauptzugangsverwalter des Unternehmens und akzeptieren die Nutzungsbedingungen in seinem Namen.
register-already = Ihr Unternehmen nutzt den Dienst bereits? Registrieren Sie es nicht erneut: Bitten Sie den Hauptzugangsverwalter, Sie als Benutzer hinzuzufügen.
register-bce = Unternehmensnummer (ZDU)
register-name = Name des Unternehmens
register-kind = Art
kind-employer = Arbeitgeber
kind-provider = Sozialdienstleister (Sozialsekretariat)
register-email = Kontakt-E-Mail-Adresse
register-submit = Registrieren
company-error-name-empty = Bitte geben Sie den Namen des Unternehmens ein.
company-error-name-long = Ein Name hat höchstens 200 Zeichen.
company-error-kind = Bitte wählen Sie Arbeitgeber oder Sozialdienstleister.
company-error-bce-taken = Diese Unternehmensnummer ist bereits registriert. Bitten Sie den Hauptzugangsverwalter des Unternehmens, Sie als Benutzer hinzuzufügen.
select-title = Wählen Sie das Unternehmen, für das Sie arbeiten
select-none = Sie gehören noch keinem Unternehmen an.
role-main_manager = Hauptzugangsverwalter
role-manager = Zugangsverwalter
role-user = Benutzer
terms-title = Nutzungsbedingungen
terms-version = Version { $version }
terms-1 = Das Unternehmen sieht die Daten eines Bürgers nur im vorvertraglichen Stadium ein, auf Grundlage eines Mandats der betroffenen Person, um festzustellen, ob diese Person im Rahmen eines bestimmten Systems der sozialen Sicherheit eingestellt werden kann.
terms-2 = Die Antwort darf nur zu diesem Zweck verwendet, nicht länger als nötig aufbewahrt und mit niemandem außerhalb des Einstellungsverfahrens geteilt werden.
terms-3 = Jede Einsichtnahme wird festgehalten und ist für den Bürger sichtbar. Missbrauch führt zur Suspendierung des Zugangs des Unternehmens.
terms-4 = Der Hauptzugangsverwalter ist für die Benutzer und die vom Unternehmen benannten Sozialdienstleister verantwortlich.
terms-accept = Ich akzeptiere die Nutzungsbedingungen im Namen des Unternehmens
terms-accepted = Die Nutzungsbedingungen wurden akzeptiert.
terms-wait = Der Hauptzugangsverwalter dieses Unternehmens muss zuerst die Nutzungsbedingungen akzeptieren.
clients-title = Wählen Sie den Kunden, für den Sie handeln
clients-lead = { $provider } handelt im Auftrag der folgenden Unternehmen:
clients-none = Noch kein Unternehmen hat Sie als Sozialdienstleister benannt. Um für einen Kunden zu handeln, geben Sie ihm Ihre Unternehmensnummer { $bce }: Sein Zugangsverwalter benennt Sie auf seiner Seite „Sozialdienstleister“.

## Benutzer und Dienstleister
users-title = Benutzer
users-add = Benutzer hinzufügen
users-change-role = Rolle ändern
users-notice-added = Der Benutzer wurde hinzugefügt und kann nun für das Unternehmen handeln.
users-notice-role-changed = Die Rolle wurde geändert.
users-notice-unchanged = Diese Person hatte diese Rolle bereits: Es wurde nichts geändert.
users-notice-removed = Der Benutzer wurde entfernt und kann nicht mehr für das Unternehmen handeln.
users-main-title = Die Rolle des Hauptzugangsverwalters übergeben
users-main-text = Der Hauptzugangsverwalter akzeptiert die Nutzungsbedingungen und den Vertrauenskreis der API für das Unternehmen. Sie verlassen das Unternehmen oder geben diese Aufgabe ab? Geben Sie die Rolle einem anderen Mitglied: Sie bleiben Zugangsverwalter.
users-main-person = Mitglied, das Hauptzugangsverwalter wird
users-main-submit = Rolle übergeben
users-main-confirm-title = Die Rolle des Hauptzugangsverwalters übergeben?
users-main-confirm-text = Dieses Mitglied wird Hauptzugangsverwalter des Unternehmens. Sie bleiben Zugangsverwalter, und nur der neue Hauptzugangsverwalter kann Ihnen die Rolle zurückgeben.
users-main-confirm-yes = Ja, Rolle übergeben
users-notice-handed-over = Die Rolle wurde übergeben: Sie sind jetzt Zugangsverwalter.
member-error-role = Bitte wählen Sie Zugangsverwalter oder Benutzer.
member-error-self = Sie können sich nicht selbst ändern oder entfernen.
member-error-main = Der Hauptzugangsverwalter kann nicht geändert oder entfernt werden.
providers-title = Sozialdienstleister
providers-lead = Ein von Ihnen benannter Sozialdienstleister kann in Ihrem Auftrag Anfragen erstellen und Antworten einsehen. Sie können dies jederzeit beenden.
providers-none = Kein Dienstleister handelt in Ihrem Auftrag.
providers-add = Dienstleister benennen
providers-bce = Unternehmensnummer (ZDU) des Dienstleisters
providers-end = Beenden
providers-end-confirm = Das Recht dieses Dienstleisters beenden, in Ihrem Auftrag zu handeln?
provider-error-unknown = Unter dieser Unternehmensnummer ist kein Sozialdienstleister registriert.
provider-error-self = Ein Unternehmen kann sich nicht selbst benennen.

## E-Mail
mail-request-subject = { $requester } bittet um Zugang zu Ihren Daten ({ $context })
mail-request-intro = { $requester } bittet Sie um Zugang zu einer einzigen Information über Sie: { $context }.
mail-request-what = Wenn Sie zustimmen, sieht { $requester } nur diese Antwort, und zwar für { $months ->
    [one] 1 Monat
   *[other] { $months } Monate
}. Sie können den Zugang jederzeit beenden und sehen jede Einsichtnahme.
mail-request-action = Anfrage beantworten
mail-request-deadline = Dieser Link gilt 72 Stunden lang und nur für eine einzige Person.
mail-request-replaces = Diese E-Mail ersetzt eine frühere zur selben Anfrage: Der frühere Link funktioniert nicht mehr, verwenden Sie den folgenden.
mail-request-deadline-until = Dieser Link gilt bis zum { $date } und nur für eine einzige Person.
mail-request-genuine = Ein echter Link beginnt immer mit { $host }. Sie werden nur aufgefordert, sich anzumelden (eID, itsme oder eine europäische eID), aber niemals nach einem Passwort, einem Code oder einer Zahlung gefragt.
mail-request-ignore = Wenn Sie dieses Unternehmen nicht kennen, ignorieren Sie diese Nachricht: Ohne Ihre Zustimmung geschieht nichts.
mail-request-foreigners = Keine belgische Nationalregisternummer? So erhalten Sie eine BIS-Nummer und melden sich mit einer europäischen eID oder einem digitalen Schlüssel an: { $url }
mail-request-contact = Fragen zu diesem Dienst: { $contact }
mailbox-title = Demo-Postfach
mailbox-lead = Die vom Dienst gesendeten E-Mails, so wie die Empfänger sie erhalten (nur zur Demonstration).
mailbox-empty = Noch keine E-Mails.
mail-to = An
mail-subject = Betreff
mail-date = Datum
mail-sent = Zugestellt
mail-queued = Wartend
mail-failed = Fehlgeschlagen
mail-last-error = Letzter Fehler
request-error-blocked = Diese Person hat Ihr Unternehmen blockiert: Sie nimmt seine Anfragen nicht an. Es wurde nichts gesendet.
request-created-at = Erstellt am { $at }
company-client-suspended = { $company }, das Unternehmen, für das Sie handeln, wurde vom Helpdesk suspendiert: Sie können vorerst keine Anfragen für es erstellen und keine Daten einsehen. Grund:

## Hilfe: einen ausländischen Bewerber einstellen
foreigners-company-title = Einen Bewerber ohne belgische Nationalregisternummer einstellen
foreigners-company-lead = Ein ausländischer Bewerber, der nicht im belgischen Nationalregister steht, nutzt diesen Dienst mit einer BIS-Nummer, der Erkennungsnummer der sozialen Sicherheit, und meldet sich mit einer europäischen eID oder einem digitalen Schlüssel an.
foreigners-company-bis-title = Die BIS-Nummer
foreigners-company-bis = Fragen Sie den Bewerber, ob er bereits eine BIS-Nummer hat (sie steht auf seinen belgischen Unterlagen der sozialen Sicherheit). Wenn nicht, vergibt der föderale Identifizierungsdienst für Ausländer eine bei der Identifizierung; auch eine Einrichtung der sozialen Sicherheit oder Ihr Sozialsekretariat bei der Meldung der Beschäftigung kann eine erstellen lassen.
foreigners-company-request = Beim Erstellen der Anfrage können Sie die BIS-Nummer im Feld der Nationalregisternummer angeben: dann kann nur diese Person zustimmen. Senden Sie den Link oder zeigen Sie den QR-Code wie bei jedem Bewerber; die E-Mail erklärt dem Bewerber in seiner Sprache, wie er sich anmeldet.
foreigners-company-sign-in-title = Die Anmeldung
foreigners-company-sign-in = Der Bewerber meldet sich mit der elektronischen Identität seines Landes an, wenn sie in Europa anerkannt ist (eIDAS), oder mit einem digitalen Schlüssel, den der föderale Identifizierungsdienst für Ausländer nach einem Videogespräch ausstellt.
foreigners-company-candidate-page = Die Hilfeseite für die Bewerber selbst, zum Weitergeben:

# Confirmation pages of destructive actions (without JavaScript)
withdraw-title = Diese Anfrage zurückziehen?
withdraw-text = Der an die Bewerberin oder den Bewerber gesendete Link funktioniert dann sofort nicht mehr. Eine zurückgezogene Anfrage kann nicht erneut gesendet werden: Stellen Sie bei Bedarf eine neue Anfrage.
withdraw-yes = Ja, Anfrage zurückziehen
remove-title = Diesen Benutzer entfernen?
remove-text = Diese Person kann dann nicht mehr für das Unternehmen handeln.
remove-yes = Ja, Benutzer entfernen
providers-end-title = Die Benennung dieses Dienstleisters beenden?
providers-end-text = Der Dienstleister kann dann nicht mehr in Ihrem Auftrag handeln.
providers-end-yes = Ja, Benennung beenden
confirm-cancel = Nein, zurück

# The live tabs' automatic refresh
tabs-live-on = Die Listen werden automatisch aktualisiert (alle { $seconds } s).
tabs-live-off = Die automatische Aktualisierung ist angehalten.
tabs-live-pause = Aktualisierung anhalten
tabs-live-resume = Aktualisierung fortsetzen
tabs-live-unreachable = Die Listen konnten nicht aktualisiert werden: Der Dienst ist nicht erreichbar. Sie werden wieder aktualisiert, sobald er antwortet.
unreachable = Der Dienst war nicht erreichbar (keine Verbindung oder keine Antwort in der Zeit). Nichts geht verloren: Ihre Eingaben sind noch da, und erneutes Senden ist unbedenklich. Versuchen Sie es gleich noch einmal.
