## Identificatienummers
niss-error-empty = Vul een rijksregisternummer in.
niss-error-length = Een rijksregisternummer telt 11 cijfers.
niss-error-digits = Een rijksregisternummer bevat alleen cijfers (punten, streepjes en spaties zijn toegestaan).
niss-error-checksum = Dit rijksregisternummer is niet geldig (de controlecijfers kloppen niet).
niss-error-date = Dit rijksregisternummer bevat geen geldige geboortedatum.
bce-error-empty = Vul een ondernemingsnummer (KBO) in.
bce-error-length = Een ondernemingsnummer telt 10 cijfers, bijvoorbeeld 0765.432.146.
bce-error-digits = Een ondernemingsnummer bevat alleen cijfers (punten en spaties zijn toegestaan).
bce-error-first-digit = Een ondernemingsnummer begint met 0 of 1.
bce-error-checksum = Dit ondernemingsnummer is niet geldig (de controlecijfers kloppen niet).
email-error-empty = Vul een e-mailadres in.
email-error-too-long = Dit e-mailadres is te lang.
email-error-invalid = Dit is geen geldig e-mailadres (bijvoorbeeld naam@voorbeeld.be).

## Contexten
context-flexi-job = Flexi-jobmogelijkheid
context-flexi-job-description = mag de kandidaat dit kwartaal als flexi-jobber werken? De toegang geldt 1 maand.
context-student-hours = Saldo Student@Work-uren
context-student-hours-description = hoeveel studentenuren blijven er dit jaar over? De toegang geldt 3 maanden.

## Statussen
status-pending = In behandeling
status-accepted = Actief
status-refused = Geweigerd
status-expired = Verlopen
status-withdrawn = Ingetrokken
status-revoked = Stopgezet door de burger
status-blocked = Geblokkeerd
status-ended = Beëindigd

## Maanden
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
text-error-characters = Deze tekst bevat een teken dat niet wordt aanvaard (een stuurteken, een regeleinde of een onzichtbaar opmaakteken).

## Doelen en rechtsgronden (de verwijzingen van het contextregister)
purpose-flexi-job = In de precontractuele fase, en alleen met het mandaat van de persoon, gaat de onderneming na of ze die persoon als flexi-jobber mag tewerkstellen; ze ziet alleen het antwoord, nooit de gegevens waarop het steunt.
purpose-student-hours = In de precontractuele fase, en alleen met het mandaat van de persoon, gaat de onderneming na voor hoeveel uur ze die persoon als student met solidariteitsbijdragen mag tewerkstellen (Student@Work); ze ziet alleen het saldo, nooit de gegevens waarop het steunt.
more-info-flexi-job = De voorwaarden voor een flexi-job (federale sociale zekerheid)
more-info-student-hours = Student@Work (federale sociale zekerheid)
legal-basis-public-task = De algemene verordening gegevensbescherming (AVG), artikel 6.1, e): een taak van algemeen belang.
legal-basis-deliberation = De toegang is toegestaan door beraadslaging nr. { $number } van { $date } van het informatieveiligheidscomité.
notice-purpose = Doel
notice-legal-basis = Rechtsgrond
notice-duration = Duur
notice-duration-text = { $months ->
    [one] De toegang duurt één maand
   *[other] De toegang duurt { $months } maanden
} vanaf de aanvaarding; de persoon kan ze op elk moment stopzetten.
label-value = { $label }: { $value }
