## Einsicht in ein Mandat (Unternehmensanwendung)
consult-link = Einsehen
consult-person = Person
consult-niss = Nationalregisternummer
consult-company = Unternehmen
consult-by-provider = Eingesehen durch
consult-data = Daten
consult-at = Eingesehen am
consult-valid-until = Zugang gültig bis
consult-reference = Referenz der Einsicht
consult-result-title = Ergebnis der Einsicht
consult-calendar-title = Monat für Monat
consult-legend = Legende
consult-legend-eligible = Zeitraum, in dem die Voraussetzungen für einen Flexi-Job erfüllt sind
consult-legend-not_eligible = Zeitraum, in dem die Voraussetzungen für einen Flexi-Job nicht erfüllt sind
consult-legend-not_determined = Zeitraum, für den die Voraussetzungen für einen Flexi-Job noch nicht bestimmt sind
consult-status-eligible = Bedingungen erfüllt
consult-status-not_eligible = Bedingungen nicht erfüllt
consult-status-not_determined = Nicht bestimmt
consult-chip-eligible = Berechtigt
consult-chip-not-eligible = Nicht berechtigt
consult-chip-period = vom { $from } bis zum { $to }
consult-figure-hours = { $hours ->
    [one] verbleibende Stunde
   *[other] verbleibende Stunden
} im Jahr { $year }
consult-note-same-checks = In der vorvertraglichen Phase sind die Prüfungen dieselben wie die der Dimona-Meldung.
consult-more-info = Weitere Informationen
consult-notice-title = Zweck und Rechtsgrundlage
consult-checked-title = Was geprüft wurde
consult-company-checks-title = Was Ihr Unternehmen selbst noch prüfen muss
consult-recorded = Diese Einsicht wird protokolliert: { $name } kann im Bürgerportal sehen, dass Ihr Unternehmen diese Daten eingesehen hat, und wann.
consult-export-pdf = Als PDF exportieren
consult-back = Zurück zu den aktiven Zugängen
consult-pdf-footer = { $service } · Referenz der Einsicht { $reference }

## Flexi-Job
consult-flexi-eligible = { $name } darf vom { $from } bis zum { $to } als Flexi-Jobber arbeiten.
consult-flexi-not-eligible = { $name } erfüllt vom { $from } bis zum { $to } nicht die Bedingungen, um als Flexi-Jobber zu arbeiten.
consult-flexi-window = Diese Einsicht gibt Auskunft für die Monate von { $from } bis { $to }. Die anderen Monate sind nicht bestimmt: im letzten Monat eines Quartals gibt eine Einsicht auch für das folgende Quartal Auskunft.
consult-flexi-checked = Für jedes Quartal darf eine Person als Flexi-Jobber arbeiten, wenn sie im Referenzquartal (drei Quartale vorher) bei anderen Arbeitgebern als Ihrem Unternehmen zu mindestens 4/5 beschäftigt war, oder wenn sie am letzten Tag des Quartals zwei Quartale vorher bereits im Ruhestand war. Flexi-Jobs, Studentenjobs, Gelegenheitsarbeit im Horeca-Sektor oder in der Land- und Gartenbauwirtschaft, duale Ausbildung und Teilzeitschulpflicht zählen nicht für die 4/5.
consult-flexi-private = Sie sehen nur, ob die Bedingungen erfüllt sind, Monat für Monat: weder welche Bedingung zutrifft, noch die Arbeitgeber, die Arbeitszeit, das Alter oder andere Daten der Person.
consult-flexi-negative = Ein positives Ergebnis ist für sein Quartal endgültig. Ein negatives Ergebnis kann sich noch ändern, wenn die DmfA-Erklärungen der Arbeitgeber für das Referenzquartal berichtigt werden.
consult-flexi-check-same-employer = Die Person arbeitet im selben Quartal nicht mit einem gewöhnlichen Arbeitsvertrag für Ihr Unternehmen (ein Flexi-Job-Vertrag und ein gewöhnlicher Vertrag beim selben Arbeitgeber können nicht kombiniert werden).
consult-flexi-check-notice = Die Person leistet keine Kündigungsfrist bei Ihrem Unternehmen und erhält keine von Ihrem Unternehmen gezahlte Kündigungsentschädigung.
consult-flexi-check-sector = Ihr Unternehmen gehört einem Sektor (paritätische Kommission) an, in dem Flexi-Jobs erlaubt sind.
consult-flexi-check-linked = Die Beschäftigung, die die Person berechtigt, besteht nicht bei einem mit Ihrem verbundenen Unternehmen (gleiche Gruppe oder gleiche wirtschaftliche Einheit).
consult-flexi-check-temp-agency = Über eine Leiharbeitsagentur ist ein Flexi-Job nur für einen Entleiher aus einem Sektor möglich, in dem Flexi-Jobs erlaubt sind, und dieselben Bedingungen gelten für den Entleiher.

## Student@Work-Stunden
consult-student-balance = Am { $date } { $hours ->
    [one] verbleibt { $hours } Stunde
   *[other] verbleiben { $hours } Stunden
} im Studentenstundensaldo von { $name }.
consult-student-exceeded = Das Kontingent von { $quota } Stunden für { $year } ist überschritten: es verbleiben keine Stunden mit ermäßigten Sozialbeiträgen.
consult-student-quota = Das Kontingent für { $year } beträgt { $quota } Stunden. Nicht genutzte Stunden werden nicht auf das nächste Jahr übertragen.
consult-student-checked = Der Saldo ist das Kontingent des Jahres abzüglich der Stunden, die alle Arbeitgeber bereits in Dimona gemeldet haben (jede angefangene Stunde zählt als ganze Stunde), zum Zeitpunkt dieser Einsicht. Sie sehen weder die Arbeitgeber noch die je Job gemeldeten Stunden.
consult-student-stu-note = Das Guthaben kann abweichen, wenn die Dimona-STU-Meldung nicht unmittelbar auf diese Einsicht folgt: die Stunden, die andere Arbeitgeber inzwischen melden, zählen ebenfalls.
consult-student-check-student = Die Person ist tatsächlich Student: in einer Bildungseinrichtung eingeschrieben, und das Studium ist ihre Haupttätigkeit.
consult-student-check-contract = Ein schriftlicher Studentenarbeitsvertrag wird spätestens bei Arbeitsbeginn geschlossen.
consult-student-check-school = Die Arbeit findet außerhalb der Zeiten der Schulpflicht statt (die Person unterliegt nicht mehr der Vollzeitschulpflicht).
consult-student-check-age = Die Person ist mindestens 15 Jahre alt und hat die erste Stufe des Sekundarunterrichts abgeschlossen.

## Ablehnungen
consult-error-no-mandate = Für diese Anfrage besteht kein aktives Mandat: die Person hat sie nicht angenommen, oder sie ist nicht mehr gültig. Sie können die Daten nicht einsehen.
consult-error-ended = Dieser Zugang ist beendet: seine Dauer ist abgelaufen. Um die Daten erneut einzusehen, senden Sie der Person eine neue Anfrage.
consult-error-stopped = Die Person hat diesen Zugang beendet: Sie können die Daten nicht mehr einsehen.
consult-error-blocked = Dieser Zugang ist gesperrt: Sie können die Daten der Person nicht mehr einsehen.
consult-error-no-data = Die amtlichen Datenbanken kennen diese Person nicht: es kann kein Ergebnis gegeben werden.

## Meine Möglichkeiten (Bürgerportal)
possibilities-title = Meine Möglichkeiten
possibilities-lead = Ihre eigenen Ergebnisse, jetzt aus den amtlichen Datenbanken berechnet. Kein Unternehmen sieht diese Seite, und ihr Aufruf wird nicht als Einsicht protokolliert.
possibilities-back = Zurück zu meinem Portal
possibilities-computed = Berechnet am { $at }.
possibilities-unknown = Das Nationalregister kennt Sie nicht: es kann kein Ergebnis berechnet werden.
possibilities-flexi-eligible = Sie dürfen vom { $from } bis zum { $to } als Flexi-Jobber arbeiten.
possibilities-flexi-not-eligible = Sie erfüllen vom { $from } bis zum { $to } nicht die Bedingungen, um als Flexi-Jobber zu arbeiten.
possibilities-flexi-every-employer = Hier zählen alle Ihre Arbeitgeber. Für ein bestimmtes Unternehmen zählt Ihre Beschäftigung bei eben diesem Unternehmen nicht für die 4/5: das Ergebnis, das dieses Unternehmen sieht, kann abweichen.
possibilities-student-balance = Wenn Sie { $year } als Student arbeiten, { $hours ->
    [one] bleibt Ihnen noch { $hours } Stunde
   *[other] bleiben Ihnen noch { $hours } Stunden
} mit ermäßigten Beiträgen (Stand: { $date }).
consult-now = Jetzt einsehen
consult-now-lead = Bei einer Einsicht wird die Antwort jetzt aus den amtlichen Datenbanken berechnet und protokolliert: { $name } sieht jede Einsicht im Bürgerportal. Das Anzeigen dieser Seite wird nicht protokolliert.
consult-manage-access = Den Zugang ansehen und verwalten
