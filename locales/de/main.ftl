## Rahmen
service-name = Zugang zu Bürgerdaten
service-company = Einsicht in Bürgerdaten
service-citizen = Zugang zu meinen Daten
service-admin = Backoffice
skip-to-content = Zum Inhalt springen
demo-banner = Demonstrationsumgebung — fiktive Personen und Unternehmen, keine echten Daten.
language-switch = Sprache
signed-in-as = Angemeldet als
staff = Backoffice
sign-in = Anmelden
sign-in-unsent = Ihre Sitzung war abgelaufen: Was Sie gesendet haben, wurde nicht gespeichert. Melden Sie sich erneut an und senden Sie es dann noch einmal.
sign-in-stale = Diese Anmeldeseite war abgelaufen, daher wurde niemand angemeldet. Wählen Sie unten erneut.
sign-out = Abmelden
footer-text = Ein Dienst der belgischen sozialen Sicherheit. Daten werden nur mit Zustimmung der betroffenen Person eingesehen.
nav-companies = Für Unternehmen
nav-citizens = Für Bürger
back-home = Zurück zur Startseite
back-company = Zurück zu Anfragen und Zugängen
back-citizen = Zurück zu meinen Daten
back-admin = Zurück zur Übersicht
footer-privacy = Datenschutz
footer-contact = Hilfe und Kontakt
footer-foreigners = Keine belgische Nationalregisternummer?
foreigners-identification-link = Der föderale Identifizierungsdienst für Ausländer

## Startseite
home-title = Sehen Sie die Antwort der sozialen Sicherheit zu einem Bewerber ein – mit seiner Zustimmung
home-lead = Ein Arbeitgeber, der einen Flexi-Jobber oder einen Studenten einstellen möchte, bittet den Bewerber um Zugang zu einer einzigen Antwort. Der Bewerber entscheidet und kann den Zugang jederzeit beenden.
home-companies-title = Ich bin Arbeitgeber oder Sozialsekretariat
home-companies-text = Bitten Sie einen Bewerber um Zugang, verfolgen Sie Ihre Anfragen und sehen Sie die Antwort ein.
home-companies-cta = Zugang für Unternehmen
home-citizens-title = Ich bin Bürger
home-citizens-text = Beantworten Sie eine Anfrage, sehen Sie, wer Zugang zu Ihren Daten hat, beenden Sie einen Zugang und sehen Sie jede Einsichtnahme.
home-citizens-cta = Meine Daten
home-admin-title = Ich arbeite im Backoffice
home-admin-text = Verfolgen Sie Anfragen und Zugänge, helfen Sie Unternehmen und Bürgern, bereiten Sie Demo-Umgebungen vor.
home-admin-cta = Backoffice
benefits-title = Warum diesen Dienst nutzen
benefit-fast-title = Schnell
benefit-fast-company = Die Antwort liegt vor, sobald der Bewerber zustimmt: kein Warten auf Papierbescheinigungen.
benefit-fast-citizen = Eine Anmeldung und ein Klick genügen, um eine Anfrage zu beantworten.
benefit-official-title = Offizielle Dokumente
benefit-official-company = Die Antwort stammt aus den authentischen Quellen der sozialen Sicherheit und kann als PDF exportiert werden.
benefit-official-citizen = Die Antwort stammt aus den offiziellen Datenbanken: Sie müssen nichts zusammentragen oder einsenden.
benefit-consent-title = Nur mit Zustimmung des Bürgers
benefit-consent-company = Ohne die ausdrückliche Zustimmung des Bewerbers wird nichts angezeigt, und auch dann nur für begrenzte Zeit.
benefit-consent-citizen = Niemand sieht etwas, wenn Sie nicht zustimmen, und Sie können einen Zugang jederzeit beenden.
benefit-minimal-title = Datenminimierung
benefit-minimal-company = Sie sehen nur die Antwort, die Sie benötigen, niemals die zugrunde liegenden Laufbahndaten.
benefit-minimal-citizen = Das Unternehmen sieht nur die Antwort (zum Beispiel „darf als Flexi-Jobber arbeiten“), niemals Ihre Laufbahn, Ihren Lohn oder Ihre Arbeitgeber.
benefit-reliable-title = Zuverlässige Daten
benefit-reliable-company = Die Antwort wird zum Zeitpunkt der Einsichtnahme anhand der Meldungen der Arbeitgeber berechnet.
benefit-reliable-citizen = Die Antwort ist immer aktuell, und jede Einsichtnahme wird festgehalten, sodass Sie sie sehen können.
benefit-paperless-title = Weniger Papierkram
benefit-paperless-company = Keine Bescheinigungen, die angefordert, kopiert oder archiviert werden müssen.
benefit-paperless-citizen = Keine Bescheinigung, die Sie beantragen oder abgeben müssen.
companies-lead = Bevor Sie einen Flexi-Jobber oder einen Studenten einstellen, bitten Sie den Bewerber um Zugang zu der Antwort, die Sie benötigen.
companies-start = Zur Anwendung für Unternehmen
companies-how-title = So funktioniert es
companies-how-1 = Melden Sie sich an und wählen Sie das Unternehmen, für das Sie arbeiten (oder registrieren Sie es).
companies-how-2 = Erstellen Sie eine Anfrage: Der Bewerber erhält eine E-Mail mit einem Einmal-Link, der auch als QR-Code angezeigt wird.
companies-how-3 = Der Bewerber meldet sich an und stimmt innerhalb von 72 Stunden zu oder lehnt ab.
companies-how-4 = Nach der Zustimmung sehen Sie die Antwort während der Dauer des Zugangs ein und können sie als PDF exportieren.
companies-contexts-title = Die Antworten, die Sie anfragen können
citizens-lead = Sehen Sie die Anfragen von Unternehmen ein und beantworten Sie sie, sehen Sie, wer bis wann Zugang zu Ihren Daten hat, beenden Sie einen Zugang und sehen Sie jede Einsichtnahme.
citizens-start = Zu meinen Daten
citizens-genuine-title = So erkennen Sie einen echten Link
citizens-genuine-text = Ein echter Link führt immer zur offiziellen Adresse dieses Dienstes, und wir verlangen nie etwas anderes als eine Anmeldung mit Ihrer eID, itsme oder, für Ausländer, einer europäischen eID oder einem digitalen Schlüssel. Wir fragen Sie nie per E-Mail nach einem Passwort, einem Code oder einer Zahlung.

## Anmeldung
sign-in-title = Anmelden
sign-in-lead = Melden Sie sich an, um fortzufahren.
sign-in-waiting-title = Eine Anfrage auf Zugang zu Ihren Daten wartet auf Sie
sign-in-waiting-text = Melden Sie sich an, um sie vollständig zu sehen und zu beantworten. Ohne Ihre Zustimmung wird nichts geteilt.
sign-in-no-provider = Auf diesem Server ist keine Anmeldemethode eingerichtet.
sign-in-unknown-person = Diese Nationalregisternummer ist im Nationalregister der Demo-Welt nicht bekannt.
demo-idp-title = Demo-Anmeldung
demo-idp-note = Nur zur Demonstration: Wählen Sie eine fiktive Person. Im Echtbetrieb melden Sie sich mit eID, itsme oder einer europäischen eID an.
demo-idp-people = Personen
demo-idp-staff = Backoffice-Mitarbeiter
demo-idp-bis = BIS-Nummer
demo-idp-type-niss = Oder geben Sie eine Nationalregisternummer ein
niss-help = 11 Ziffern, zum Beispiel 85.07.30-033.28
role-agent = Sachbearbeiter
role-supervisor = Vorgesetzter
role-trainer = Ausbilder

## Fehler
error-400-title = Die Anfrage konnte nicht verstanden werden
error-400-text = Bitte gehen Sie zurück und versuchen Sie es erneut. Wenn das Problem weiterhin besteht, wenden Sie sich an den Helpdesk.
error-403-title = Zugriff verweigert
error-403-text = Sie sind dazu nicht berechtigt, oder die Seite, von der Sie es gesendet haben, war abgelaufen (sie wurde in einer früheren Sitzung geöffnet). Es wurde nichts gespeichert: Gehen Sie zurück, laden Sie diese Seite neu und senden Sie es erneut.
error-403-here-text = Sie sind dazu nicht berechtigt, oder diese Seite war abgelaufen (sie wurde in einer früheren Sitzung geöffnet). Es wurde nichts gespeichert: Laden Sie diese Seite neu und senden Sie es dann erneut.
error-404-title = Seite nicht gefunden
error-404-text = Diese Seite existiert nicht, oder Sie haben keinen Zugang zu ihr.
error-413-title = Zu viele Daten
error-413-text = Was Sie gesendet haben, ist zu groß (ein Formular umfasst höchstens 64 kB). Kürzen Sie es und versuchen Sie es erneut.
error-input-title = Unlesbare Daten
error-input-field = Das Feld „{ $field }“ enthält ein Zeichen, das nicht angenommen werden kann (ein Nullzeichen oder Bytes, die keinen Text bilden). Gehen Sie zurück, korrigieren Sie es und senden Sie das Formular erneut.
error-input-text = Was Sie gesendet haben, enthält ein Zeichen, das nicht angenommen werden kann (ein Nullzeichen oder Bytes, die keinen Text bilden). Gehen Sie zurück, korrigieren Sie es und versuchen Sie es erneut.
error-429-title = Zu viele Versuche
error-429-text = Bitte warten Sie eine Minute, bevor Sie es erneut versuchen.
error-500-title = Etwas ist schiefgelaufen
error-500-text = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut; wenn das Problem weiterhin besteht, nennen Sie dem Helpdesk die unten stehende Vorfallnummer.
error-503-title = Dienst vorübergehend nicht verfügbar
error-503-text = Der Dienst kann im Moment nicht antworten (seine Datenbank ist nicht erreichbar oder ausgelastet). Bitte versuchen Sie es in einigen Augenblicken erneut.
error-incident = Vorfallnummer:

sign-out-everywhere = Überall abmelden
session-warning-title = Noch da?
session-warning-text = Zu Ihrer Sicherheit wird Ihre Sitzung bald beendet, da der Dienst eine Weile nicht genutzt wurde. Was eingegeben, aber noch nicht gesendet wurde, ginge dann verloren.
session-warning-stay = Angemeldet bleiben
session-ended-title = Ihre Sitzung wurde beendet
session-ended-text = Der Dienst wurde eine Weile nicht genutzt. Melden Sie sich erneut an, um fortzufahren; nicht Gesendetes wurde nicht gespeichert.
session-final-title = Ihre Sitzung endet bald
session-final-text = Zu Ihrer Sicherheit endet eine Sitzung eine feste Zeit nach der Anmeldung, auch wenn sie genutzt wird: Diese endet um { $time } Uhr. Senden Sie vorher, was Sie gerade eingeben; danach melden Sie sich erneut an.
session-final-ok = Verstanden
session-final-ended-title = Ihre Sitzung ist beendet
session-final-ended-text = Eine Sitzung endet eine feste Zeit nach der Anmeldung, auch wenn sie genutzt wird. Melden Sie sich erneut an, um fortzufahren; nicht Gesendetes wurde nicht gespeichert.
sign-in-again = Bestätigen Sie zu Ihrer Sicherheit, wer Sie sind, indem Sie sich erneut anmelden, bevor Sie fortfahren:
oidc-title = Mit Ihrem digitalen Schlüssel anmelden
oidc-note = eID-Kartenleser, itsme oder eine europäische digitale Identität: Der föderale Authentifizierungsdienst teilt uns mit, wer Sie sind.
oidc-sign-in = Über den föderalen Authentifizierungsdienst anmelden
oidc-try-again = Erneut versuchen
oidc-error-unavailable-title = Der Anmeldedienst ist nicht erreichbar
oidc-error-unavailable = Der föderale Authentifizierungsdienst antwortet im Moment nicht. Es ging nichts verloren: Versuchen Sie es in einigen Minuten erneut.
oidc-error-cancelled-title = Anmeldung abgebrochen
oidc-error-cancelled = Sie haben die Anmeldung abgebrochen. Sie können sich jederzeit erneut anmelden.
oidc-error-refused-title = Die Anmeldung ist nicht gelungen
oidc-error-refused = Der föderale Authentifizierungsdienst hat Sie nicht angemeldet. Bitte versuchen Sie es erneut.
oidc-error-state-title = Diese Anmeldung kann nicht abgeschlossen werden
oidc-error-state = Diese Antwort gehört zu keiner Anmeldung, die in diesem Browser begonnen wurde (ein alter oder kopierter Link oder ein zweiter Tab). Bitte beginnen Sie die Anmeldung erneut.
oidc-error-token-expired-title = Die Anmeldung hat zu lange gedauert
oidc-error-token-expired = Der Nachweis Ihrer Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.
oidc-error-unknown-key-title = Die Anmeldung konnte nicht geprüft werden
oidc-error-unknown-key = Der Nachweis Ihrer Anmeldung ist nicht vom föderalen Authentifizierungsdienst signiert. Sie sind nicht angemeldet. Bitte versuchen Sie es erneut.
oidc-error-audience-title = Die Anmeldung konnte nicht geprüft werden
oidc-error-audience = Der Nachweis Ihrer Anmeldung wurde für einen anderen Dienst ausgestellt. Sie sind nicht angemeldet. Bitte versuchen Sie es erneut.
oidc-error-invalid-token-title = Die Anmeldung konnte nicht geprüft werden
oidc-error-invalid-token = Der Nachweis Ihrer Anmeldung ist nicht gültig. Sie sind nicht angemeldet. Bitte versuchen Sie es erneut.
oidc-error-missing-niss-title = Ihre Nationalregisternummer fehlt
oidc-error-missing-niss = Der Anmeldedienst hat uns Ihre Nationalregister- oder BIS-Nummer nicht übermittelt, die dieser Dienst benötigt. Melden Sie sich erneut mit eID, itsme oder einem digitalen Schlüssel an, der mit Ihrer Nationalregisternummer verbunden ist.
oidc-error-invalid-niss-title = Ihre Nationalregisternummer ist nicht gültig
oidc-error-invalid-niss = Die vom Anmeldedienst übermittelte Nummer ist keine gültige Nationalregister- oder BIS-Nummer. Bitte wenden Sie sich an den Helpdesk.
signed-out-title = Sie sind abgemeldet
signed-out-provider = Sie sind von diesem Dienst abgemeldet. Sie werden jetzt auch vom föderalen Authentifizierungsdienst abgemeldet.
signed-out-continue = Weiter
error-403-page-text = Sie sind nicht berechtigt, diese Seite zu sehen.

# Forms and page structure (issue 16)
title-error = Fehler: { $title }
col-actions = Aktionen
error-summary-link = { $label }: { $message }

# Die Erklärung zur Barrierefreiheit (/accessibility).
footer-accessibility = Barrierefreiheit
a11y-title = Erklärung zur Barrierefreiheit
a11y-lead = Jede Person soll diesen Dienst nutzen können, unabhängig von Fähigkeiten, Gerät oder Sprache. Diese Erklärung gilt für den ganzen Dienst: die Anwendung für Unternehmen, das Bürgerportal, das Backoffice, die Dokumentation der API und die PDF-Exporte. Sie beruht auf dem Gesetz vom 19. Juli 2018 über die Barrierefreiheit der Websites und mobilen Anwendungen öffentlicher Stellen.
a11y-status-title = Stand der Vereinbarkeit
a11y-status = Dieser Dienst ist teilweise mit den Richtlinien für barrierefreie Webinhalte (WCAG) 2.1, Stufe AA, vereinbar, auf die die europäische Norm EN 301 549 verweist, wegen der unten genannten Einschränkung.
a11y-limits-title = Nicht barrierefreie Inhalte
a11y-duration-hours = { $n ->
    [one] eine Stunde
   *[other] { $n } Stunden
}
a11y-duration-minutes = { $n ->
    [one] eine Minute
   *[other] { $n } Minuten
}
a11y-limit-session = Zeitbegrenzung (Erfolgskriterium 2.2.1): Eine Sitzung endet { $duration } nach der Anmeldung, unabhängig von ihrer Nutzung, um die angezeigten personenbezogenen Daten zu schützen; diese Grenze kann nicht verlängert werden. Fünf Minuten vorher sagt jede Seite, um welche Uhrzeit die Sitzung endet, damit Eingegebenes rechtzeitig gesendet werden kann; ein danach gesendetes Formular meldet, dass es nicht gespeichert wurde. Eine Sitzung, die eine Weile nicht genutzt wird, endet ebenfalls, aber diese Grenze wird angekündigt und mit einem Klick oder durch Tippen in der Seite verlängert.
a11y-method-title = Wie dies bewertet wurde
a11y-method = Selbstbewertung durch das Team, das den Dienst entwickelt, zuletzt überprüft am { $date }. Bei jeder Änderung wird jede Seite automatisch mit axe-core anhand der WCAG 2.1 A und AA geprüft, in den vier Sprachen, bei 1280 und 320 Pixeln Breite; automatisierte Browsertests prüfen den Umbruch bei 320 Pixeln mit jedem Bedienelement in Reichweite, den Kontrast der Bedienelemente, dass Titel und Überschriften sagen, was sie sind, dass jedes Formular seine Fehler nennt und zu ihnen führt, und dass bei erzwungenen Farben (hoher Kontrast von Windows) die angezeigte Registerkarte erkennbar bleibt. Die PDF-Exporte sind getaggte PDF, geprüft nach PDF/UA-1.
a11y-feedback-title = Feedback und Kontakt
a11y-feedback = Wenn Sie auf ein Problem mit der Barrierefreiheit stoßen oder die Informationen einer Seite in einer anderen Form benötigen, schreiben Sie an die Adresse unten und nennen Sie die Seite und das Problem. Wir antworten innerhalb eines Monats.
a11y-enforcement-title = Durchsetzungsverfahren
a11y-enforcement = Wenn unsere Antwort Sie nicht zufriedenstellt, können Sie sich beim Föderalen Ombudsmann (www.federaalombudsman.be) beschweren, der Beschwerden über die Barrierefreiheit der Websites und Anwendungen der föderalen öffentlichen Dienste bearbeitet.
