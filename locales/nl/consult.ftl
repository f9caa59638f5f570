## Raadpleging van een mandaat (toepassing voor ondernemingen)
consult-link = Raadplegen
consult-person = Persoon
consult-niss = Rijksregisternummer
consult-company = Onderneming
consult-by-provider = Geraadpleegd door
consult-data = Gegevens
consult-at = Geraadpleegd op
consult-valid-until = Toegang geldig tot
consult-reference = Referentie van de raadpleging
consult-result-title = Resultaat van de raadpleging
consult-calendar-title = Maand per maand
consult-legend = Legende
consult-legend-eligible = Periode waarin aan de voorwaarden voor een flexi-job voldaan is
consult-legend-not_eligible = Periode waarin niet aan de voorwaarden voor een flexi-job voldaan is
consult-legend-not_determined = Periode waarvoor de voorwaarden voor een flexi-job nog niet bepaald zijn
consult-status-eligible = Voorwaarden vervuld
consult-status-not_eligible = Voorwaarden niet vervuld
consult-status-not_determined = Niet bepaald
consult-chip-eligible = Komt in aanmerking
consult-chip-not-eligible = Komt niet in aanmerking
consult-chip-period = van { $from } tot en met { $to }
consult-figure-hours = { $hours ->
    [one] uur over
   *[other] uur over
} in { $year }
consult-note-same-checks = In de precontractuele fase zijn de controles dezelfde als die van de Dimona-aangifte.
consult-more-info = Meer informatie
consult-notice-title = Doel en rechtsgrond
consult-checked-title = Wat werd nagegaan
consult-company-checks-title = Wat uw onderneming zelf nog moet nagaan
consult-recorded = Deze raadpleging wordt geregistreerd: { $name } kan in het burgerportaal zien dat uw onderneming deze gegevens heeft geraadpleegd, en wanneer.
consult-export-pdf = Exporteren als pdf
consult-back = Terug naar de actieve toegangen
consult-pdf-footer = { $service } · referentie van de raadpleging { $reference }

## Flexi-job
consult-flexi-eligible = { $name } mag als flexi-jobber werken van { $from } tot en met { $to }.
consult-flexi-not-eligible = { $name } voldoet niet aan de voorwaarden om als flexi-jobber te werken van { $from } tot en met { $to }.
consult-flexi-window = Deze raadpleging antwoordt voor de maanden van { $from } tot { $to }. De andere maanden zijn niet bepaald: tijdens de laatste maand van een kwartaal antwoordt een raadpleging ook voor het volgende kwartaal.
consult-flexi-checked = Voor elk kwartaal mag een persoon als flexi-jobber werken als die in het referentiekwartaal (drie kwartalen eerder) minstens 4/5 tewerkgesteld was bij andere werkgevers dan uw onderneming, of als die op de laatste dag van het kwartaal twee kwartalen eerder al met rust was. Flexi-jobs, studentenjobs, occasionele arbeid in de horeca of in de land- en tuinbouw, duaal leren en deeltijdse leerplicht tellen niet mee voor de 4/5.
consult-flexi-private = U ziet alleen of de voorwaarden vervuld zijn, maand per maand: niet welke voorwaarde van toepassing is, noch de werkgevers, de arbeidstijd, de leeftijd of andere gegevens van de persoon.
consult-flexi-negative = Een positief resultaat is definitief voor zijn kwartaal. Een negatief resultaat kan nog veranderen als de DmfA-aangiften van de werkgevers voor het referentiekwartaal worden verbeterd.
consult-flexi-check-same-employer = De persoon werkt in hetzelfde kwartaal niet voor uw onderneming met een gewone arbeidsovereenkomst (een flexi-jobarbeidsovereenkomst en een gewone overeenkomst bij dezelfde werkgever kunnen niet worden gecombineerd).
consult-flexi-check-notice = De persoon presteert geen opzeggingstermijn bij uw onderneming en valt niet onder een opzeggingsvergoeding die uw onderneming betaalt.
consult-flexi-check-sector = Uw onderneming behoort tot een sector (paritair comité) waarin flexi-jobs zijn toegestaan.
consult-flexi-check-linked = De tewerkstelling die de persoon in aanmerking doet komen, is niet bij een onderneming die met de uwe verbonden is (zelfde groep of zelfde economische entiteit).
consult-flexi-check-temp-agency = Via een uitzendkantoor is een flexi-job alleen mogelijk voor een gebruiker uit een sector waarin flexi-jobs zijn toegestaan, en dezelfde voorwaarden gelden voor de gebruiker.

## Student@Work-uren
consult-student-balance = Op { $date } { $hours ->
    [one] rest er nog { $hours } uur
   *[other] resten er nog { $hours } uur
} in het saldo studentenuren van { $name }.
consult-student-exceeded = Het contingent van { $quota } uur voor { $year } is overschreden: er blijven geen uren met verminderde sociale bijdragen over.
consult-student-quota = Het contingent voor { $year } bedraagt { $quota } uur. Niet gebruikte uren worden niet overgedragen naar het volgende jaar.
consult-student-checked = Het saldo is het contingent van het jaar min de uren die alle werkgevers al in Dimona hebben aangegeven (elk begonnen uur telt als een heel uur), op het ogenblik van deze raadpleging. U ziet noch de werkgevers, noch de uren per job.
consult-student-stu-note = Het saldo kan verschillen als de Dimona STU-aangifte niet meteen op deze raadpleging volgt: de uren die andere werkgevers intussen aangeven, tellen ook mee.
consult-student-check-student = De persoon is werkelijk student: ingeschreven in een onderwijsinstelling, met studeren als hoofdactiviteit.
consult-student-check-contract = Een schriftelijke overeenkomst voor tewerkstelling van studenten is uiterlijk bij het begin van het werk gesloten.
consult-student-check-school = Het werk vindt plaats buiten de periodes van leerplicht (de persoon is niet meer voltijds leerplichtig).
consult-student-check-age = De persoon is minstens 15 jaar oud en heeft de eerste graad van het secundair onderwijs doorlopen.

## Weigeringen
consult-error-no-mandate = Er is geen actief mandaat voor deze aanvraag: de persoon heeft ze niet aanvaard, of ze is niet meer geldig. U kunt de gegevens niet raadplegen.
consult-error-ended = Deze toegang is beëindigd: de duur ervan is verstreken. Stuur de persoon een nieuwe aanvraag om de gegevens opnieuw te raadplegen.
consult-error-stopped = De persoon heeft deze toegang stopgezet: u kunt de gegevens niet meer raadplegen.
consult-error-blocked = Deze toegang is geblokkeerd: u kunt de gegevens van de persoon niet meer raadplegen.
consult-error-no-data = De officiële databanken kennen deze persoon niet: er kan geen resultaat worden gegeven.

## Mijn mogelijkheden (burgerportaal)
possibilities-title = Mijn mogelijkheden
possibilities-lead = Je eigen resultaten, nu berekend op basis van de officiële databanken. Geen enkele onderneming ziet deze pagina, en het bekijken ervan wordt niet als raadpleging geregistreerd.
possibilities-back = Terug naar mijn portaal
possibilities-computed = Berekend op { $at }.
possibilities-unknown = Het rijksregister kent je niet: er kan geen resultaat worden berekend.
possibilities-flexi-eligible = Je mag als flexi-jobber werken van { $from } tot en met { $to }.
possibilities-flexi-not-eligible = Je voldoet niet aan de voorwaarden om als flexi-jobber te werken van { $from } tot en met { $to }.
possibilities-flexi-every-employer = Hier tellen al je werkgevers mee. Voor een bepaalde onderneming telt je tewerkstelling bij diezelfde onderneming niet mee voor de 4/5: het resultaat dat die onderneming ziet, kan verschillen.
possibilities-student-balance = Als je in { $year } als student werkt, { $hours ->
    [one] blijft er nog { $hours } uur
   *[other] blijven er nog { $hours } uur
} met verminderde bijdragen over (op { $date }).
consult-now = Nu raadplegen
consult-now-lead = Bij een raadpleging wordt het antwoord nu uit de officiële databanken berekend en geregistreerd: { $name } ziet elke raadpleging in het burgerportaal. Deze pagina bekijken registreert niets.
consult-manage-access = De toegang bekijken en beheren
