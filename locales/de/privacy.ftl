
## Datenschutz
privacy-title = Datenschutz
privacy-lead = Mit diesem Dienst gibt eine Person einem Unternehmen für begrenzte Zeit Zugang zu einer einzigen Antwort aus den Daten der sozialen Sicherheit. Diese Seite sagt, welche personenbezogenen Daten er verarbeitet, warum, wer sie sieht, wie lange, und welche Rechte die betroffenen Personen haben.
privacy-controller-title = Wer verantwortlich ist
privacy-controller-text = Verantwortlicher ist die Einrichtung der sozialen Sicherheit, die diesen Dienst betreibt. Ihr Datenschutzbeauftragter beantwortet Fragen und Anträge zu personenbezogenen Daten unter der unten stehenden Kontaktadresse.
privacy-contact = Kontakt:
privacy-purposes-title = Warum: Zwecke und Rechtsgrundlagen
privacy-purposes-lead = Ein Unternehmen sieht eine Antwort nur, wenn die betroffene Person seiner Anfrage zugestimmt hat, und nur für die Dauer dieses Zugangs. Jede Art von Antwort hat ihren Zweck und ihre Rechtsgrundlage:
privacy-table-title = Was gespeichert wird, warum, wer es sieht, wie lange
privacy-col-data = Daten
privacy-col-why = warum
privacy-col-who = wer sie sieht
privacy-col-kept = wie lange
privacy-rights-title = Ihre Rechte
privacy-rights-access = Auskunft: das Bürgerportal zeigt jede Anfrage, jeden Zugang und jede Einsicht in Ihre Daten der letzten zwölf Monate; eine Kopie von allem, was wir über Sie speichern, laden Sie dort herunter („Eine Kopie Ihrer Daten“, auf der Seite des Verlaufs), oder Sie verlangen sie bei uns.
privacy-rights-stop = Einen Zugang beenden: Sie können einen Zugang jederzeit mit zwei Klicks beenden und ein Unternehmen ablehnen und sperren.
privacy-rights-rectify = Berichtigung: die Antworten stammen aus den authentischen Quellen (dem Nationalregister, den Meldungen der Arbeitgeber); ein Fehler wird dort berichtigt, von der Einrichtung oder dem Arbeitgeber, der ihn gemeldet hat, und die nächste Einsicht folgt der Berichtigung.
privacy-rights-erase = Löschung und Widerspruch: was wir speichern, wird am Ende der obigen Fristen gelöscht; bis dahin gilt die gesetzliche Aufbewahrung, und Sie können einer Verarbeitung widersprechen oder ihre Einschränkung verlangen.
privacy-rights-how = Um diese Rechte auszuüben, schreiben Sie an die unten stehende Kontaktadresse; Sie erhalten innerhalb eines Monats eine Antwort.
privacy-complaint = Sie können auch eine Beschwerde bei der Datenschutzbehörde einreichen (www.datenschutzbehorde.be).
privacy-security-title = Wie die Daten geschützt werden
privacy-security-text = Anmeldung über den föderalen Authentifizierungsdienst; ein Unternehmen sieht nur die Antwort des zugestimmten Kontexts, nie die Daten, auf denen sie beruht; Links funktionieren nur einmal und werden nur als Fingerabdruck gespeichert; jede Einsicht und jede Abfrage des Helpdesks wird protokolliert; Nationalregisternummern erscheinen nie in einer Webadresse oder in den Protokollen.
privacy-data-register = Nationalregister- oder BIS-Nummer, Vor- und Nachname, Geburtsdatum, Sprache, Beginn der Pension
privacy-why-register = Wissen, wer sich anmeldet; die Flexi-Job-Regel (die Berechtigung eines Pensionierten)
privacy-who-register = Kein Unternehmen: der Dienst berechnet daraus die Antwort
privacy-kept-register = Solange die authentische Quelle (das Nationalregister) sie aufbewahrt
privacy-data-career = Von Arbeitgebern gemeldete Beschäftigungszeilen (DmfA), in Dimona gemeldete Studentenstunden
privacy-why-career = Die eine Antwort berechnen, die ein Unternehmen sehen darf
privacy-who-career = Niemand: ein Unternehmen sieht die Antwort, nie die Zeilen, die Arbeitgeber oder die Stunden
privacy-kept-career = Solange die authentischen Quellen sie aufbewahren
privacy-data-request = Die Bezeichnung einer Anfrage und die E-Mail-Adresse des Bewerbers (beide über die API optional), die darin genannte Nationalregisternummer, der Name der Person, die geantwortet hat
privacy-why-request = Die eigene Liste des Unternehmens; das Senden des Links; nur die genannte Person kann zustimmen
privacy-who-request = Das anfragende Unternehmen (und sein Sozialdienstleister); der Helpdesk
privacy-kept-request = Bis die Anfrage die Listen des Unternehmens verlässt (14 Tage nach ihrer letzten Änderung, { $blockedDays } Tage für einen beendeten, gesperrten oder abgelaufenen Zugang), danach { $requestDays } Tage
privacy-data-link = Ein Fingerabdruck (Hash) des geheimen Links der Anfrage
privacy-why-link = Ein Link funktioniert nur einmal, für eine Person
privacy-who-link = Niemand (der Link selbst wird nie gespeichert)
privacy-kept-link = { $linkDays } Tage, nachdem der Link verbraucht ist (beantwortet, zurückgezogen oder 72 Stunden abgelaufen), oder bis die Anfrage die Listen verlässt, wenn das früher ist
privacy-data-answerer = Die Nationalregisternummer der Person, die geantwortet hat, und jeder Schritt im Verlauf der Anfrage mit seinem Urheber
privacy-why-answerer = Das Portal und der Verlauf der Person, die Liste des Unternehmens, der Prüfpfad
privacy-who-answerer = Die Person selbst; das Unternehmen (seine eigenen Anfragen); der Helpdesk
privacy-kept-answerer = Bis die Anfrage die Listen des Unternehmens verlässt, danach { $auditDays } Tage
privacy-data-mails = Gesendete E-Mails: Empfänger, Text mit dem Link (unter dem Datenschlüssel des Dienstes versiegelt, bis er gelöscht wird), Zustellversuche
privacy-why-mails = Die Anfrage zustellen und einer gescheiterten Zustellung nachgehen
privacy-who-mails = Der Empfänger; der Helpdesk (ob die E-Mail zugestellt wurde)
privacy-kept-mails = Der Text wird nach der Zustellung gelöscht, oder wenn sein Link endet (bis dahin kann der Helpdesk eine abgelehnte E-Mail erneut senden); der Rest { $mailDays } Tage nach dem Versand (oder { $requestDays } Tage, nachdem die Anfrage die Listen verlassen hat)
privacy-data-blocks = Welches Unternehmen eine Person abgelehnt und gesperrt hat
privacy-why-blocks = Ein gesperrtes Unternehmen kann dieser Person keine Anfragen mehr senden
privacy-who-blocks = Die Person selbst; das Unternehmen sieht seinen Zugang gesperrt, nie warum
privacy-kept-blocks = Bis die Person das Unternehmen entsperrt
privacy-data-consultations = Jede Einsicht: wer eingesehen hat, über wen, welche Daten, wann, und die Antwort, die das Unternehmen gesehen hat (berechtigt, nicht berechtigt oder nicht bestimmt pro Monat, oder die verbleibenden Stunden; nie ein Anteil, ein Arbeitgeber oder ein Grund)
privacy-why-consultations = Der Verlauf der Einsichten der Person; die Prüfung; das PDF dieser Einsicht für das Unternehmen
privacy-who-consultations = Die Person selbst; das Unternehmen, das eingesehen hat; der Helpdesk
privacy-kept-consultations = { $auditDays } Tage
privacy-data-positives = Die Quartale, für die die Flexi-Job-Antwort positiv war (Person, Unternehmen, Quartal, wann)
privacy-why-positives = Eine positive Flexi-Job-Antwort bleibt für ihr Quartal endgültig
privacy-who-positives = Niemand: die Regel liest sie
privacy-kept-positives = { $auditDays } Tage, mit den Einsichten
privacy-data-members = Die Benutzer eines Unternehmens (Nationalregisternummer, Rolle), wer seine Nutzungsbedingungen akzeptiert hat, seine Kontaktadresse
privacy-why-members = Wissen, wer für ein Unternehmen handeln darf
privacy-who-members = Die Zugangsverwalter des Unternehmens; der Helpdesk
privacy-kept-members = Bis der Benutzer entfernt wird; die Annahme der Bedingungen, solange das Unternehmen registriert ist
privacy-data-api = Die API-Clients eines Unternehmens (Name, Fingerabdruck des Geheimnisses), ihre Zugangstoken (Fingerabdrücke), die Webhook-Adresse und das Webhook-Geheimnis (unter dem Datenschlüssel des Dienstes versiegelt)
privacy-why-api = Die Software eines Unternehmens oder seines Sozialsekretariats, die über die API handelt
privacy-who-api = Die Zugangsverwalter des Unternehmens
privacy-kept-api = Die Webhook-Adresse und das Webhook-Geheimnis, bis der Webhook entfernt oder der Client widerrufen wird; der Name des Clients und der Fingerabdruck seines Geheimnisses, solange das Unternehmen registriert ist (der Verlauf der Anfragen, in denen er handelte, nennt ihn); ein Token gilt eine Stunde und sein Fingerabdruck wird { $apiTokenDays } Tage später gelöscht
privacy-data-idempotency = Die Antwort auf eine Erstellung oder einen neuen Link, gesendet mit einem Idempotenzschlüssel (vom Formular des Unternehmens oder von einem API-Client): die Anfrage und ihr Link (versiegelt unter dem Schlüssel, den nur sein Absender hat; der Schlüssel selbst als Fingerabdruck), oder der erstellte API-Client (seine ID, nie sein Secret)
privacy-why-idempotency = Eine zweimal gesendete Erstellung oder ein zweimal gesendeter neuer Link (ein Doppelklick, ein Neuladen, ein erneuter Versuch) ergibt einen Link und eine E-Mail, oder einen API-Client
privacy-who-idempotency = Der Benutzer des Unternehmens oder der API-Client, der sie gesendet hat
privacy-kept-idempotency = { $keysMinutes ->
        [0] 24 Stunden, dann bis die Aufgabe expire-keys läuft
       *[other] 24 Stunden, dann innerhalb von { $keysMinutes } Minuten gelöscht
    }
privacy-data-sessions = Sitzungen: ein Fingerabdruck der Sitzungskennung, die Nationalregisternummer und der Name der angemeldeten Person, wie und wann sie sich angemeldet hat, ob sie damals im Backoffice arbeitete, das Token des Anmeldedienstes, das gewählte Unternehmen, die Anfragen, deren Link darin geöffnet wurde (welcher Link)
privacy-why-sessions = An- und Abmelden auf jedem Server; überall abmelden
privacy-who-sessions = Niemand außer der angemeldeten Person
privacy-kept-sessions = { $sessionsMinutes ->
        [0] Bis zur Abmeldung, { $idleMinutes } Minuten ohne Nutzung oder { $absoluteMinutes } Minuten nach der Anmeldung; eine so beendete Sitzung wird gelöscht, wenn die Aufgabe purge-sessions läuft
       *[other] Bis zur Abmeldung, { $idleMinutes } Minuten ohne Nutzung oder { $absoluteMinutes } Minuten nach der Anmeldung; eine so beendete Sitzung wird innerhalb von { $sessionsMinutes } Minuten gelöscht
    }
privacy-data-addresses = Ein Fingerabdruck mit Schlüssel der Internetadresse jedes Besuchers, der einen Anfragelink öffnet, als Zähler (nie die Adresse selbst)
privacy-why-addresses = Versuche begrenzen, einen Link zu erraten
privacy-who-addresses = Niemand
privacy-kept-addresses = { $keysMinutes ->
        [0] Bis der Zähler wieder voll ist (höchstens eine Minute nach dem letzten Öffnen), dann bis die Aufgabe expire-keys läuft
       *[other] Bis der Zähler wieder voll ist (höchstens eine Minute nach dem letzten Öffnen), dann innerhalb von { $keysMinutes } Minuten gelöscht
    }
privacy-data-staff = Backoffice-Personal: Nationalregisternummer, Name, Rolle, seit wann, Entfernung
privacy-why-staff = Wer das Backoffice nutzen darf
privacy-who-staff = Die Supervisoren des Backoffice
privacy-kept-staff = Bis zur Entfernung; danach die Nationalregisternummer { $staffAuditDays } Tage später, mit dem Protokoll ihrer Handlungen; der Name bleibt, da der Verlauf der Anfragen nennt, wer gehandelt hat
privacy-data-staff-audit = Was der Helpdesk abgefragt und getan hat (eine Nationalregisternummer erscheint höchstens maskiert; bei den Einträgen zu einer Person ein Fingerabdruck ihrer Nummer mit Schlüssel, damit man ihr sagen kann, wer nach ihr gesucht hat)
privacy-why-staff-audit = Die Rechenschaft des Helpdesks
privacy-who-staff-audit = Die Supervisoren des Backoffice
privacy-kept-staff-audit = { $staffAuditDays } Tage
privacy-data-technical = Die Webhook-Zustellungen (Kennung und Status einer Anfrage) und die Läufe der Hintergrundaufgaben: keine personenbezogenen Daten
privacy-why-technical = Die Software eines Unternehmens über eine Änderung informieren; die Übersicht der Aufgaben im Backoffice
privacy-who-technical = Die Software des Unternehmens; das Backoffice
privacy-kept-technical = Die Webhook-Zustellungen { $webhookDays } Tage nach ihrem Empfang (oder nach dem letzten Versuch, wenn sie aufgegeben werden); die Läufe der Aufgaben { $jobRunsDays } Tage
privacy-data-demo-tenants = Demo-Umgebungen der Ausbilder: Name, Sprache, Uhr, Ablauf, das Personalmitglied, das sie angelegt hat, die eigenen Quelldateien des Ausbilders (nur erfundene Personen)
privacy-why-demo-tenants = Schulungen, jede in einer eigenen Welt
privacy-who-demo-tenants = Die Ausbilder und Supervisoren des Backoffice
privacy-kept-demo-tenants = Bis der Ausbilder die Umgebung löscht, spätestens { $tenantDays } Tage nach dem Anlegen
