## Kennnummern
niss-error-empty = Bitte geben Sie eine Nationalregisternummer ein.
niss-error-length = Eine Nationalregisternummer hat 11 Ziffern.
niss-error-digits = Eine Nationalregisternummer besteht nur aus Ziffern (Punkte, Bindestriche und Leerzeichen sind erlaubt).
niss-error-checksum = Diese Nationalregisternummer ist ungültig (die Prüfziffern stimmen nicht überein).
niss-error-date = Diese Nationalregisternummer enthält kein gültiges Geburtsdatum.
bce-error-empty = Bitte geben Sie eine Unternehmensnummer (ZDU) ein.
bce-error-length = Eine Unternehmensnummer hat 10 Ziffern, zum Beispiel 0765.432.146.
bce-error-digits = Eine Unternehmensnummer besteht nur aus Ziffern (Punkte und Leerzeichen sind erlaubt).
bce-error-first-digit = Eine Unternehmensnummer beginnt mit 0 oder 1.
bce-error-checksum = Diese Unternehmensnummer ist ungültig (die Prüfziffern stimmen nicht überein).
email-error-empty = Bitte geben Sie eine E-Mail-Adresse ein.
email-error-too-long = Diese E-Mail-Adresse ist zu lang.
email-error-invalid = Dies ist keine gültige E-Mail-Adresse (zum Beispiel name@beispiel.be).

## Kontexte
context-flexi-job = Flexi-Job-Möglichkeit
context-flexi-job-description = darf der Bewerber in diesem Quartal als Flexi-Jobber arbeiten? Der Zugang gilt 1 Monat.
context-student-hours = Student@Work-Stundensaldo
context-student-hours-description = wie viele Studentenstunden bleiben in diesem Jahr übrig? Der Zugang gilt 3 Monate.

## Status
status-pending = Ausstehend
status-accepted = Aktiv
status-refused = Abgelehnt
status-expired = Abgelaufen
status-withdrawn = Zurückgezogen
status-revoked = Vom Bürger beendet
status-blocked = Gesperrt
status-ended = Beendet

## Monate
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
text-error-characters = Dieser Text enthält ein Zeichen, das nicht angenommen wird (ein Steuerzeichen, einen Zeilenumbruch oder ein unsichtbares Formatierungszeichen).

## Zwecke und Rechtsgrundlagen (die Verweise des Kontextregisters)
purpose-flexi-job = In der vorvertraglichen Phase und nur mit dem Mandat der Person prüft das Unternehmen, ob es sie als Flexi-Jobber beschäftigen darf; es sieht nur die Antwort, nie die Daten, auf denen sie beruht.
purpose-student-hours = In der vorvertraglichen Phase und nur mit dem Mandat der Person prüft das Unternehmen, für wie viele Stunden es sie als Student mit Solidaritätsbeiträgen beschäftigen darf (Student@Work); es sieht nur das Guthaben, nie die Daten, auf denen es beruht.
more-info-flexi-job = Die Voraussetzungen eines Flexi-Jobs (föderale soziale Sicherheit)
more-info-student-hours = Student@Work (föderale soziale Sicherheit)
legal-basis-public-task = Die Datenschutz-Grundverordnung (DSGVO), Artikel 6 Absatz 1 Buchstabe e: eine Aufgabe im öffentlichen Interesse.
legal-basis-deliberation = Der Zugang ist durch den Beschluss Nr. { $number } vom { $date } des Informationssicherheitsausschusses erlaubt.
notice-purpose = Zweck
notice-legal-basis = Rechtsgrundlage
notice-duration = Dauer
notice-duration-text = { $months ->
    [one] Der Zugang gilt einen Monat
   *[other] Der Zugang gilt { $months } Monate
} ab der Zustimmung; die Person kann ihn jederzeit beenden.
label-value = { $label }: { $value }
