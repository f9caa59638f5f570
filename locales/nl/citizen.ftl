## Citizen portal: navigation and home
citizen-home-lead = Hier beantwoordt u de aanvragen van bedrijven, ziet u wie toegang heeft tot uw gegevens en tot wanneer, en kunt u een toegang op elk moment stopzetten.
citizen-nav-home = Mijn data
citizen-nav-history = Geschiedenis en raadplegingen
citizen-nav-foreigners = Geen Belgisch rijksregisternummer?
citizen-back-portal = Naar mijn data
citizen-pending-title = Aanvragen die op uw antwoord wachten
citizen-pending-item = { $requester } vraagt toegang tot: { $context }
citizen-pending-deadline = U kunt antwoorden tot { $deadline }.
citizen-pending-open = Bekijken en antwoorden
citizen-granted-title = Verleende toegangen
citizen-granted-empty = Geen enkel bedrijf heeft toegang tot uw gegevens.
citizen-access-flexi-job = { $requester } heeft toegang tot uw flexi-jobmogelijkheid tot { $until }.
citizen-access-student-hours = { $requester } heeft toegang tot uw saldo Student@Work-uren tot { $until }.
citizen-stop = Toegang nu stopzetten
citizen-stop-question = Deze toegang nu stopzetten? Het bedrijf kan uw gegevens dan niet meer raadplegen.
citizen-blocked-title = Geblokkeerde bedrijven
citizen-blocked-empty = U hebt geen enkel bedrijf geblokkeerd.
citizen-blocked-item = { $company } (ondernemingsnummer { $bce }) kan u geen aanvragen meer sturen, sinds { $since }.
citizen-unblock = Deblokkeren
citizen-done-stopped = De toegang is stopgezet. Het bedrijf kan uw gegevens niet meer raadplegen.
citizen-done-unblocked = Het bedrijf is gedeblokkeerd: het kan u opnieuw aanvragen sturen.

## History
citizen-history-title = Geschiedenis en raadplegingen
citizen-history-lead = Uw vroegere aanvragen en toegangen, en elke raadpleging van uw gegevens.
citizen-history-requests = Vroegere aanvragen en toegangen
citizen-history-empty = U hebt geen vroegere aanvragen of toegangen.
citizen-col-who = Wie
citizen-col-what = Gegevens
citizen-col-status = Status
citizen-col-when = Datum
citizen-col-consulted-at = Wanneer
citizen-col-on-behalf-of = Namens
citizen-consultations-title = Raadplegingen van uw gegevens
citizen-consultations-empty = Er is geen raadpleging van uw gegevens geregistreerd.

## The request page
citizen-request-title = Een aanvraag om toegang tot uw gegevens
citizen-request-who = Wie vraagt
citizen-request-company = Bedrijf
citizen-request-provider = Sociaal secretariaat dat namens het bedrijf optreedt
citizen-request-bce = ondernemingsnummer { $bce }
citizen-request-what = Welke gegevens
citizen-request-duration = Hoe lang
citizen-request-duration-text = Als u nu aanvaardt, duurt de toegang { $months ->
    [one] één maand
   *[other] { $months } maanden
}, tot { $until }. U kunt ze op elk moment stopzetten.
citizen-request-not-seen = Wat het bedrijf niet zal zien
citizen-not-seen-flexi-job = Het bedrijf ziet alleen, maand per maand, of u als flexi-jobber mag werken (ja, nee of nog niet bepaald). Het ziet niet uw leeftijd, uw pensioen, uw loon, uw arbeidsduur of uw werkgevers.
citizen-not-seen-student-hours = Het bedrijf ziet alleen hoeveel studentenuren u dit jaar nog over hebt, op de dag van de raadpleging. Het ziet niet uw werkgevers of de uren die per job aangegeven zijn.
citizen-request-deadline = U kunt deze aanvraag beantwoorden tot { $deadline }.
citizen-answer-accept = Aanvaarden
citizen-answer-refuse = Weigeren
citizen-answer-refuse-block = Weigeren en dit bedrijf blokkeren
citizen-answer-refuse-block-help = Als u weigert en blokkeert, kan dit bedrijf u geen aanvragen meer sturen zolang u het niet deblokkeert in uw portaal.
citizen-genuine-title = Is deze link echt?
citizen-genuine-text = Een echte link leidt altijd naar { $host }. Wij vragen u nooit iets anders dan aan te melden: geen wachtwoord, code, bankgegevens of betaling via e-mail.
citizen-foreigners-link = Geen Belgisch rijksregisternummer? Zo meldt u zich aan als buitenlandse kandidaat.

## After the answer
citizen-answered-title = Uw antwoord
citizen-answered-accepted = U hebt deze aanvraag aanvaard.
citizen-answered-refused = U hebt deze aanvraag geweigerd. Het bedrijf kan uw gegevens niet raadplegen.
citizen-answered-refused-blocked = U hebt deze aanvraag geweigerd en { $company } geblokkeerd: het kan u geen aanvragen meer sturen.
citizen-answered-blocked = U hebt { $company } geblokkeerd; deze aanvraag werd daarom automatisch geweigerd. Om het bedrijf toegang te geven, deblokkeert u het eerst in uw portaal en vraagt u het daarna om een nieuwe aanvraag.
citizen-answered-blocked-other = Deze toegang is geblokkeerd.
citizen-answered-revoked = U hebt deze toegang stopgezet op { $date }.
citizen-answered-ended = Deze toegang is afgelopen op { $date }.

## Links that cannot be answered
citizen-problem-unknown-title = Deze link is niet geldig
citizen-problem-unknown-text = Deze link bestaat niet of is onvolledig. Controleer of u de volledige link uit de e-mail hebt geopend, of vraag het bedrijf u een nieuwe aanvraag te sturen.
citizen-problem-expired-title = Deze link is verlopen
citizen-problem-expired-text = Een aanvraag moet binnen 72 uur beantwoord worden. Vraag het bedrijf u een nieuwe aanvraag te sturen.
citizen-problem-withdrawn-title = Deze aanvraag werd ingetrokken
citizen-problem-withdrawn-text = Het bedrijf heeft deze aanvraag ingetrokken: ze kan niet meer beantwoord worden. Wilt u toch toegang geven, vraag het bedrijf dan om een nieuwe aanvraag.
citizen-problem-answered-title = Deze aanvraag werd al beantwoord
citizen-problem-answered-text = Er is al een antwoord geregistreerd en dat kan niet gewijzigd worden; u vindt het in uw portaal. Voor een ander antwoord vraagt u het bedrijf om een nieuwe aanvraag. U kunt een toegang op elk moment stopzetten.
citizen-problem-other-citizen-title = Iemand anders heeft deze link al gebruikt
citizen-problem-other-citizen-text = Een aanvraaglink kan maar door één persoon gebruikt worden, en iemand anders heeft zich er eerder mee aangemeld. Is deze aanvraag voor u bedoeld, vraag het bedrijf dan u een nieuwe aanvraag te sturen.
citizen-problem-not-addressee-title = Deze aanvraag is aan iemand anders gericht
citizen-problem-not-addressee-text = Het bedrijf heeft deze aanvraag aan een andere persoon gericht: alleen die persoon kan ze beantwoorden. Hebt u zich met een andere identiteit aangemeld, meld u dan af. Is de aanvraag voor u bedoeld, vraag het bedrijf dan om een nieuwe aanvraag.
citizen-error-not-active = Deze toegang is niet actief.

## Stopping an access
citizen-stop-title = Deze toegang stopzetten?
citizen-stop-text = Het bedrijf kan uw gegevens dan niet meer raadplegen. Een toegang kan niet opnieuw gestart worden: het bedrijf moet u dan een nieuwe aanvraag sturen.
citizen-stop-yes = Ja, toegang nu stopzetten
citizen-stop-cancel = Nee, terug

## Foreign candidates
citizen-foreigners-title = Buitenlandse kandidaten zonder Belgisch rijksregisternummer
citizen-foreigners-lead = U kunt deze dienst gebruiken met een BIS-nummer, en u aanmelden met een Europese eID of een digitale sleutel.
citizen-foreigners-bis-title = Hoe krijgt u een BIS-nummer?
citizen-foreigners-bis-text = Het BIS-nummer is het identificatienummer van de sociale zekerheid voor wie niet in het Belgische rijksregister staat. Het wordt toegekend door de Kruispuntbank van de Sociale Zekerheid op vraag van een socialezekerheidsinstelling; meestal laat uw toekomstige werkgever of zijn sociaal secretariaat het aanmaken wanneer hij uw tewerkstelling aangeeft, en ook een gemeente kan u helpen.
citizen-foreigners-bis-request = Zodra u uw BIS-nummer hebt, geeft u het aan het bedrijf: het kan u dan een aanvraag op uw naam sturen.
citizen-foreigners-sign-in-title = Hoe meldt u zich aan zonder Belgische eID?
citizen-foreigners-eidas = Met een Europese eID: kies op de aanmeldpagina „Europese eID” en meld u aan met de elektronische identiteit van uw land.
citizen-foreigners-key = Met een digitale sleutel: registreer een digitale sleutel die aan uw BIS-nummer gekoppeld is (bijvoorbeeld bij een registratiekantoor of via een socialezekerheidsinstelling) en kies die op de aanmeldpagina.
citizen-foreigners-safety = Hoe u zich ook aanmeldt, wij vragen u nooit iets anders: geen wachtwoord, code of betaling via e-mail of telefoon.

citizen-problem-own-company-title = Deze aanvraag komt van uw eigen onderneming
citizen-problem-own-company-text = U bent gebruiker van de onderneming die de aanvraag doet: deze link is voor de kandidaat, niet voor u. Bewaar hem en stuur hem naar de kandidaat; het openen heeft niets veranderd.
citizen-confirm-title = Is deze aanvraag voor u?
citizen-confirm-question = U bent aangemeld als { $name }. Is deze aanvraag voor u?
citizen-confirm-continue = Doorgaan als { $name }
citizen-confirm-someone-else = Aanmelden als iemand anders
citizen-you-blocked-title = U hebt deze onderneming geblokkeerd
citizen-you-blocked-text = U hebt { $company } geblokkeerd: ze kan geen toegang tot uw gegevens krijgen. Om op deze aanvraag te antwoorden, deblokkeert u eerst de onderneming.
citizen-you-blocked-unblock = { $company } deblokkeren
citizen-error-company-blocked = U hebt deze onderneming geblokkeerd en kunt haar aanvraag dus niet aanvaarden. Om ze te aanvaarden, deblokkeert u eerst de onderneming in uw portaal ("Geblokkeerde ondernemingen").
