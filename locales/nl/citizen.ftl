## Citizen portal: navigation and home
citizen-home-lead = Hier beantwoord je de aanvragen van ondernemingen, zie je wie toegang heeft tot je gegevens en tot wanneer, en kun je een toegang op elk moment stopzetten.
citizen-nav-home = Mijn data
citizen-nav-history = Geschiedenis en raadplegingen
citizen-nav-foreigners = Geen Belgisch rijksregisternummer?
citizen-back-portal = Naar mijn data
citizen-pending-title = Aanvragen die op je antwoord wachten
citizen-pending-item = { $requester } vraagt toegang tot: { $context }
citizen-pending-deadline = Je kunt antwoorden tot { $deadline }.
citizen-pending-open = Bekijken en antwoorden
citizen-granted-title = Verleende toegangen
citizen-granted-lead = Deze ondernemingen mogen het ene antwoord raadplegen dat je aanvaard hebt, tot de vermelde datum. Elke raadpleging staat in je geschiedenis; je kunt een toegang op elk moment stopzetten.
citizen-granted-empty = Geen enkele onderneming heeft toegang tot je gegevens.
citizen-access-flexi-job = { $requester } heeft toegang tot je flexi-jobmogelijkheid tot { $until }.
citizen-access-student-hours = { $requester } heeft toegang tot je saldo Student@Work-uren tot { $until }.
citizen-stop = Toegang nu stopzetten
citizen-stop-question = Deze toegang nu stopzetten? De onderneming kan je gegevens dan niet meer raadplegen.
citizen-blocked-title = Geblokkeerde ondernemingen
citizen-blocked-empty = Je hebt geen enkele onderneming geblokkeerd.
citizen-blocked-item = { $company } (ondernemingsnummer { $bce }) kan je geen aanvragen meer sturen, sinds { $since }.
citizen-unblock = Deblokkeren
citizen-done-stopped = De toegang is stopgezet. De onderneming kan je gegevens niet meer raadplegen.
citizen-done-unblocked = De onderneming is gedeblokkeerd: ze kan je opnieuw aanvragen sturen.

## History
citizen-history-title = Geschiedenis en raadplegingen
citizen-history-lead = Je vroegere aanvragen en toegangen, en elke raadpleging van je gegevens.
citizen-history-requests = Vroegere aanvragen en toegangen
citizen-history-empty = Je hebt geen vroegere aanvragen of toegangen.
citizen-col-who = Wie
citizen-col-what = Gegevens
citizen-col-status = Status
citizen-col-when = Datum
citizen-col-consulted-at = Wanneer
citizen-col-on-behalf-of = In naam van
citizen-consultations-title = Raadplegingen van je gegevens
citizen-consultations-empty = Er is geen raadpleging van je gegevens geregistreerd.
citizen-data-title = Een kopie van je gegevens
citizen-data-text = Download alles wat deze dienst over je bewaart, zonder tijdslimiet: de aanvragen die aan je gericht zijn en wat ermee gebeurde, de toegangen die je gaf, elke raadpleging, de ondernemingen die je blokkeert. Een bestand in een standaardformaat (JSON) dat een andere dienst kan lezen.
citizen-data-download = Een kopie van mijn gegevens downloaden

## The request page
citizen-request-title = Een aanvraag om toegang tot je gegevens
citizen-request-who = Wie vraagt
citizen-request-company = Onderneming
citizen-request-provider = Sociaal secretariaat dat in naam van de onderneming optreedt
citizen-request-bce = ondernemingsnummer { $bce }
citizen-request-what = Welke gegevens
citizen-request-duration = Hoe lang
citizen-request-duration-text = Als je nu aanvaardt, duurt de toegang { $months ->
    [one] één maand
   *[other] { $months } maanden
}, tot { $until }. Je kunt ze op elk moment stopzetten.
citizen-request-not-seen = Wat de onderneming niet zal zien
citizen-not-seen-flexi-job = De onderneming ziet alleen, maand per maand, of je als flexi-jobber mag werken (ja, nee of nog niet bepaald). Ze ziet niet je leeftijd, je pensioen, je loon, je arbeidsduur of je werkgevers.
citizen-not-seen-student-hours = De onderneming ziet alleen hoeveel studentenuren je dit jaar nog over hebt, op de dag van de raadpleging. Ze ziet niet je werkgevers of de uren die per job aangegeven zijn.
citizen-request-deadline = Je kunt deze aanvraag beantwoorden tot { $deadline }.
citizen-request-replaces = Je gaf { $company } deze toegang al tot { $until }. Als je aanvaardt, vervangt deze nieuwe toegang de vorige, die meteen stopt.
citizen-answer-accept = Aanvaarden
citizen-answer-refuse = Weigeren
citizen-answer-refuse-block = Weigeren en deze onderneming blokkeren
citizen-answer-refuse-block-help = Als je weigert en blokkeert, kan deze onderneming je geen aanvragen meer sturen zolang je ze niet deblokkeert in je portaal.
citizen-genuine-title = Is deze link echt?
citizen-genuine-text = Een echte link leidt altijd naar { $host }. We vragen je nooit iets anders dan je aan te melden: geen wachtwoord, code, bankgegevens of betaling via e-mail.
citizen-foreigners-link = Geen Belgisch rijksregisternummer? Zo meld je je aan als buitenlandse kandidaat.

## After the answer
citizen-answered-title = Jouw antwoord
citizen-answered-accepted = Je hebt deze aanvraag aanvaard.
citizen-answered-refused = Je hebt deze aanvraag geweigerd. De onderneming kan je gegevens niet raadplegen.
citizen-answered-refused-blocked = Je hebt deze aanvraag geweigerd en { $company } geblokkeerd: ze kan je geen aanvragen meer sturen.
citizen-answered-blocked = Je hebt { $company } geblokkeerd; deze aanvraag werd daarom automatisch geweigerd. Om de onderneming toegang te geven, deblokkeer je ze eerst in je portaal en vraag je haar daarna om een nieuwe aanvraag.
citizen-answered-blocked-other = Deze toegang is geblokkeerd.
citizen-answered-revoked = Je hebt deze toegang stopgezet op { $date }.
citizen-answered-ended = Deze toegang is afgelopen op { $date }.

## Links that cannot be answered
citizen-problem-unknown-title = Deze link is niet geldig
citizen-problem-unknown-text = Deze link bestaat niet of is onvolledig. Controleer of je de volledige link uit de meest recente e-mail over deze aanvraag geopend hebt (een nieuwere link vervangt de vorige), of vraag de onderneming om een nieuwe link.
citizen-problem-expired-title = Deze link is verlopen
citizen-problem-expired-text = Een aanvraag moet binnen 72 uur beantwoord worden. Vraag de onderneming je een nieuwe aanvraag te sturen.
citizen-problem-withdrawn-title = Deze aanvraag werd ingetrokken
citizen-problem-withdrawn-text = De onderneming heeft deze aanvraag ingetrokken: ze kan niet meer beantwoord worden. Wil je toch toegang geven, vraag de onderneming dan om een nieuwe aanvraag.
citizen-problem-answered-title = Deze aanvraag werd al beantwoord
citizen-problem-answered-text = Er is al een antwoord geregistreerd en dat kan niet gewijzigd worden; je vindt het in je portaal. Voor een ander antwoord vraag je de onderneming om een nieuwe aanvraag. Je kunt een toegang op elk moment stopzetten.
citizen-problem-replaced-title = Deze link werd vervangen door een nieuwere
citizen-problem-replaced-text = De onderneming heeft een nieuwe link voor deze aanvraag gemaakt, en de link die je geopend hebt, werkt niet meer. Open de link uit de meest recente e-mail, of vraag hem aan de onderneming.
citizen-problem-other-citizen-title = Iemand anders heeft deze link al gebruikt
citizen-problem-other-citizen-text = Een aanvraaglink kan maar door één persoon gebruikt worden, en iemand anders heeft zich er eerder mee aangemeld. Is deze aanvraag voor jou bedoeld, vraag de onderneming dan je een nieuwe aanvraag te sturen.
citizen-problem-not-addressee-title = Deze aanvraag is aan iemand anders gericht
citizen-problem-not-addressee-text = De onderneming heeft deze aanvraag aan een andere persoon gericht: alleen die persoon kan ze beantwoorden. Heb je je met een andere identiteit aangemeld, meld je dan af. Is de aanvraag voor jou bedoeld, vraag de onderneming dan om een nieuwe aanvraag.
citizen-error-not-active = Deze toegang is niet actief.

## Stopping an access
citizen-stop-title = Deze toegang stopzetten?
citizen-stop-text = De onderneming kan je gegevens dan niet meer raadplegen. Een toegang kan niet opnieuw gestart worden: de onderneming moet je dan een nieuwe aanvraag sturen.
citizen-stop-yes = Ja, toegang nu stopzetten
citizen-stop-cancel = Nee, terug

## Foreign candidates
citizen-foreigners-title = Buitenlandse kandidaten zonder Belgisch rijksregisternummer
citizen-foreigners-lead = Je kunt deze dienst gebruiken met een BIS-nummer, en je aanmelden met een Europese eID of een digitale sleutel.
citizen-foreigners-bis-title = Hoe krijg je een BIS-nummer?
citizen-foreigners-bis-text = Het BIS-nummer is het identificatienummer van de sociale zekerheid voor wie niet in het Belgische rijksregister staat. Het wordt toegekend door de Kruispuntbank van de Sociale Zekerheid op vraag van een socialezekerheidsinstelling; meestal laat je toekomstige werkgever of zijn sociaal secretariaat het aanmaken wanneer hij je tewerkstelling aangeeft, en ook een gemeente kan je helpen.
citizen-foreigners-identification = Zonder Belgische eID identificeert de federale identificatiedienst voor buitenlanders je in een videogesprek: je krijgt een digitale sleutel, en een BIS-nummer als je er nog geen hebt.
citizen-foreigners-bis-request = Zodra je je BIS-nummer hebt, geef je het aan de onderneming: ze kan je dan een aanvraag op jouw naam sturen.
citizen-foreigners-sign-in-title = Hoe meld je je aan zonder Belgische eID?
citizen-foreigners-eidas = Met een Europese eID: kies op de aanmeldpagina „Europese eID” en meld je aan met de elektronische identiteit van je land.
citizen-foreigners-key = Met een digitale sleutel: registreer een digitale sleutel die aan je BIS-nummer gekoppeld is (bijvoorbeeld bij een registratiekantoor of via een socialezekerheidsinstelling) en kies die op de aanmeldpagina.
citizen-foreigners-safety = Hoe je je ook aanmeldt, we vragen je nooit iets anders: geen wachtwoord, code of betaling via e-mail of telefoon.

citizen-problem-own-company-title = Deze aanvraag komt van je eigen onderneming
citizen-problem-own-company-text = Je bent gebruiker van de onderneming die de aanvraag doet: deze link is voor de kandidaat, niet voor jou. Bewaar hem en stuur hem naar de kandidaat; het openen heeft niets veranderd.
citizen-confirm-title = Is deze aanvraag voor jou?
citizen-confirm-question = Je bent aangemeld als { $name }. Is deze aanvraag voor jou?
citizen-confirm-continue = Doorgaan als { $name }
citizen-confirm-someone-else = Aanmelden als iemand anders
citizen-you-blocked-title = Je hebt deze onderneming geblokkeerd
citizen-you-blocked-text = Je hebt { $company } geblokkeerd: ze kan geen toegang tot je gegevens krijgen. Om op deze aanvraag te antwoorden, deblokkeer je eerst de onderneming.
citizen-you-blocked-unblock = { $company } deblokkeren
citizen-error-company-blocked = Je hebt deze onderneming geblokkeerd en kunt haar aanvraag dus niet aanvaarden. Om ze te aanvaarden, deblokkeer je eerst de onderneming in je portaal ("Geblokkeerde ondernemingen").
