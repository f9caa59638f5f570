## Citizen portal: navigation and home
citizen-home-lead = Hier beantworten Sie die Anfragen von Unternehmen, sehen, wer bis wann Zugang zu Ihren Daten hat, und können einen Zugang jederzeit beenden.
citizen-nav-home = Meine Daten
citizen-nav-history = Verlauf und Einsichtnahmen
citizen-nav-foreigners = Keine belgische Nationalregisternummer?
citizen-back-portal = Zu meinen Daten
citizen-pending-title = Anfragen, die auf Ihre Antwort warten
citizen-pending-item = { $requester } bittet um Zugang zu: { $context }
citizen-pending-deadline = Sie können bis zum { $deadline } antworten.
citizen-pending-open = Ansehen und antworten
citizen-granted-title = Erteilte Zugänge
citizen-granted-lead = Diese Unternehmen dürfen die eine Antwort einsehen, der Sie zugestimmt haben, bis zum angegebenen Datum. Jede Einsicht erscheint in Ihrem Verlauf; Sie können einen Zugang jederzeit beenden.
citizen-granted-empty = Kein Unternehmen hat Zugang zu Ihren Daten.
citizen-access-flexi-job = { $requester } hat Zugang zu Ihrer Flexi-Job-Möglichkeit bis zum { $until }.
citizen-access-student-hours = { $requester } hat Zugang zu Ihrem Student@Work-Stundensaldo bis zum { $until }.
citizen-stop = Zugang jetzt beenden
citizen-stop-question = Diesen Zugang jetzt beenden? Das Unternehmen kann Ihre Daten dann nicht mehr einsehen.
citizen-blocked-title = Gesperrte Unternehmen
citizen-blocked-empty = Sie haben kein Unternehmen gesperrt.
citizen-blocked-item = { $company } (Unternehmensnummer { $bce }) kann Ihnen seit dem { $since } keine Anfragen mehr senden.
citizen-unblock = Entsperren
citizen-done-stopped = Der Zugang ist beendet. Das Unternehmen kann Ihre Daten nicht mehr einsehen.
citizen-done-unblocked = Das Unternehmen ist entsperrt: Es kann Ihnen wieder Anfragen senden.

## History
citizen-history-title = Verlauf und Einsichtnahmen
citizen-history-lead = Ihre früheren Anfragen und Zugänge sowie jede Einsichtnahme in Ihre Daten.
citizen-history-requests = Frühere Anfragen und Zugänge
citizen-history-empty = Sie haben keine früheren Anfragen oder Zugänge.
citizen-col-who = Wer
citizen-col-what = Daten
citizen-col-status = Status
citizen-col-when = Datum
citizen-col-consulted-at = Wann
citizen-col-on-behalf-of = Im Auftrag von
citizen-consultations-title = Einsichtnahmen in Ihre Daten
citizen-consultations-empty = Es ist keine Einsichtnahme in Ihre Daten verzeichnet.
citizen-data-title = Eine Kopie Ihrer Daten
citizen-data-text = Laden Sie alles herunter, was dieser Dienst über Sie speichert, ohne zeitliche Grenze: die an Sie gerichteten Anfragen und was aus ihnen wurde, die Zugänge, die Sie gewährt haben, jede Einsichtnahme, die Unternehmen, die Sie sperren. Eine Datei in einem Standardformat (JSON), die ein anderer Dienst lesen kann.
citizen-data-download = Eine Kopie meiner Daten herunterladen

## The request page
citizen-request-title = Eine Anfrage auf Zugang zu Ihren Daten
citizen-request-who = Wer fragt
citizen-request-company = Unternehmen
citizen-request-provider = Sozialsekretariat, das in seinem Auftrag handelt
citizen-request-bce = Unternehmensnummer { $bce }
citizen-request-what = Welche Daten
citizen-request-duration = Wie lange
citizen-request-duration-text = Wenn Sie jetzt annehmen, dauert der Zugang { $months ->
    [one] einen Monat
   *[other] { $months } Monate
}, bis zum { $until }. Sie können ihn jederzeit beenden.
citizen-request-not-seen = Was das Unternehmen nicht sehen wird
citizen-not-seen-flexi-job = Das Unternehmen sieht nur, Monat für Monat, ob Sie als Flexi-Jobber arbeiten dürfen (ja, nein oder noch nicht bestimmt). Es sieht weder Ihr Alter noch Ihre Pension, Ihren Lohn, Ihre Arbeitszeit oder Ihre Arbeitgeber.
citizen-not-seen-student-hours = Das Unternehmen sieht nur, wie viele Studentenstunden Ihnen in diesem Jahr am Tag der Einsichtnahme bleiben. Es sieht weder Ihre Arbeitgeber noch die je Beschäftigung gemeldeten Stunden.
citizen-request-deadline = Sie können diese Anfrage bis zum { $deadline } beantworten.
citizen-request-replaces = Sie haben { $company } diesen Zugang bereits bis zum { $until } gegeben. Wenn Sie annehmen, ersetzt dieser neue Zugang den bisherigen, der sofort endet.
citizen-answer-accept = Annehmen
citizen-answer-refuse = Ablehnen
citizen-answer-refuse-block = Ablehnen und dieses Unternehmen sperren
citizen-answer-refuse-block-help = Wenn Sie ablehnen und sperren, kann Ihnen dieses Unternehmen keine Anfragen mehr senden, bis Sie es in Ihrem Portal entsperren.
citizen-genuine-title = Ist dieser Link echt?
citizen-genuine-text = Ein echter Link führt immer zu { $host }. Wir verlangen von Ihnen nie etwas anderes als eine Anmeldung: kein Passwort, keinen Code, keine Bankdaten und keine Zahlung per E-Mail.
citizen-foreigners-link = Keine belgische Nationalregisternummer? So melden sich ausländische Bewerber an.

## After the answer
citizen-answered-title = Ihre Antwort
citizen-answered-accepted = Sie haben diese Anfrage angenommen.
citizen-answered-refused = Sie haben diese Anfrage abgelehnt. Das Unternehmen kann Ihre Daten nicht einsehen.
citizen-answered-refused-blocked = Sie haben diese Anfrage abgelehnt und { $company } gesperrt: Es kann Ihnen keine Anfragen mehr senden.
citizen-answered-blocked = Sie haben { $company } gesperrt, deshalb wurde diese Anfrage automatisch abgelehnt. Um ihm Zugang zu geben, entsperren Sie das Unternehmen zuerst in Ihrem Portal und bitten es dann um eine neue Anfrage.
citizen-answered-blocked-other = Dieser Zugang ist gesperrt.
citizen-answered-revoked = Sie haben diesen Zugang am { $date } beendet.
citizen-answered-ended = Dieser Zugang ist am { $date } abgelaufen.

## Links that cannot be answered
citizen-problem-unknown-title = Dieser Link ist nicht gültig
citizen-problem-unknown-text = Dieser Link existiert nicht oder ist unvollständig. Prüfen Sie, ob Sie den vollständigen Link aus der neuesten E-Mail zu dieser Anfrage geöffnet haben (ein neuerer Link ersetzt die früheren), oder bitten Sie das Unternehmen um einen neuen Link.
citizen-problem-expired-title = Dieser Link ist abgelaufen
citizen-problem-expired-text = Eine Anfrage muss innerhalb von 72 Stunden beantwortet werden. Bitten Sie das Unternehmen, Ihnen eine neue Anfrage zu senden.
citizen-problem-withdrawn-title = Diese Anfrage wurde zurückgezogen
citizen-problem-withdrawn-text = Das Unternehmen hat diese Anfrage zurückgezogen: Sie kann nicht mehr beantwortet werden. Wenn Sie trotzdem Zugang geben möchten, bitten Sie das Unternehmen um eine neue Anfrage.
citizen-problem-answered-title = Diese Anfrage wurde bereits beantwortet
citizen-problem-answered-text = Eine Antwort ist bereits verzeichnet und kann nicht geändert werden; Sie finden sie in Ihrem Portal. Für eine andere Antwort bitten Sie das Unternehmen um eine neue Anfrage. Sie können einen Zugang jederzeit beenden.
citizen-problem-replaced-title = Dieser Link wurde durch einen neueren ersetzt
citizen-problem-replaced-text = Das Unternehmen hat für diese Anfrage einen neuen Link erstellt, und der Link, den Sie geöffnet haben, funktioniert nicht mehr. Öffnen Sie den Link aus der neuesten E-Mail oder bitten Sie das Unternehmen darum.
citizen-problem-other-citizen-title = Eine andere Person hat diesen Link bereits benutzt
citizen-problem-other-citizen-text = Ein Anfragelink kann nur von einer Person benutzt werden, und eine andere Person hat sich zuerst darüber angemeldet. Wenn diese Anfrage für Sie bestimmt ist, bitten Sie das Unternehmen, Ihnen eine neue Anfrage zu senden.
citizen-problem-not-addressee-title = Diese Anfrage ist an eine andere Person gerichtet
citizen-problem-not-addressee-text = Das Unternehmen hat diese Anfrage an eine andere Person gerichtet: Nur diese Person kann sie beantworten. Wenn Sie sich mit einer anderen Identität angemeldet haben, melden Sie sich ab. Wenn die Anfrage für Sie bestimmt ist, bitten Sie das Unternehmen um eine neue Anfrage.
citizen-error-not-active = Dieser Zugang ist nicht aktiv.

## Stopping an access
citizen-stop-title = Diesen Zugang beenden?
citizen-stop-text = Das Unternehmen kann Ihre Daten dann nicht mehr einsehen. Ein Zugang kann nicht wieder aufgenommen werden: Das Unternehmen müsste Ihnen eine neue Anfrage senden.
citizen-stop-yes = Ja, Zugang jetzt beenden
citizen-stop-cancel = Nein, zurück

## Foreign candidates
citizen-foreigners-title = Ausländische Bewerber ohne belgische Nationalregisternummer
citizen-foreigners-lead = Sie können diesen Dienst mit einer BIS-Nummer nutzen und sich mit einer europäischen eID oder einem digitalen Schlüssel anmelden.
citizen-foreigners-bis-title = So erhalten Sie eine BIS-Nummer
citizen-foreigners-bis-text = Die BIS-Nummer ist die Erkennungsnummer der sozialen Sicherheit für Personen, die nicht im belgischen Nationalregister stehen. Sie wird von der Zentralen Datenbank der sozialen Sicherheit auf Anfrage einer Einrichtung der sozialen Sicherheit vergeben; meist lässt Ihr künftiger Arbeitgeber oder sein Sozialsekretariat sie bei der Meldung Ihrer Beschäftigung erstellen, und auch eine Gemeinde kann Ihnen helfen.
citizen-foreigners-identification = Ohne belgische eID identifiziert Sie der föderale Identifizierungsdienst für Ausländer in einem Videogespräch: Sie erhalten einen digitalen Schlüssel und eine BIS-Nummer, wenn Sie noch keine haben.
citizen-foreigners-bis-request = Sobald Sie Ihre BIS-Nummer haben, teilen Sie sie dem Unternehmen mit: Es kann Ihnen dann eine Anfrage auf Ihren Namen senden.
citizen-foreigners-sign-in-title = So melden Sie sich ohne belgische eID an
citizen-foreigners-eidas = Mit einer europäischen eID: Wählen Sie auf der Anmeldeseite „Europäische eID“ und melden Sie sich mit der elektronischen Identität Ihres Landes an.
citizen-foreigners-key = Mit einem digitalen Schlüssel: Registrieren Sie einen digitalen Schlüssel, der mit Ihrer BIS-Nummer verknüpft ist (zum Beispiel bei einem Registrierungsbüro oder über eine Einrichtung der sozialen Sicherheit), und wählen Sie ihn auf der Anmeldeseite.
citizen-foreigners-safety = Wie auch immer Sie sich anmelden, wir verlangen nie etwas anderes: kein Passwort, keinen Code und keine Zahlung per E-Mail oder Telefon.

citizen-problem-own-company-title = Diese Anfrage kommt von Ihrem eigenen Unternehmen
citizen-problem-own-company-text = Sie sind Benutzer des anfragenden Unternehmens: Dieser Link ist für den Bewerber, nicht für Sie. Bewahren Sie ihn auf und senden Sie ihn dem Bewerber; das Öffnen hat nichts verändert.
citizen-confirm-title = Ist diese Anfrage für Sie?
citizen-confirm-question = Sie sind als { $name } angemeldet. Ist diese Anfrage für Sie?
citizen-confirm-continue = Weiter als { $name }
citizen-confirm-someone-else = Als andere Person anmelden
citizen-you-blocked-title = Sie haben dieses Unternehmen blockiert
citizen-you-blocked-text = Sie haben { $company } blockiert: Es kann keinen Zugang zu Ihren Daten erhalten. Um diese Anfrage zu beantworten, heben Sie zuerst die Blockierung auf.
citizen-you-blocked-unblock = Blockierung von { $company } aufheben
citizen-error-company-blocked = Sie haben dieses Unternehmen blockiert und können seine Anfrage daher nicht annehmen. Um sie anzunehmen, heben Sie zuerst die Blockierung des Unternehmens in Ihrem Portal auf („Blockierte Unternehmen“).
