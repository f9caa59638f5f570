
## Privacy
privacy-title = Privacy
privacy-lead = Met deze dienst geef je een onderneming voor beperkte tijd toegang tot één antwoord uit de gegevens van de sociale zekerheid. Deze pagina zegt welke persoonsgegevens de dienst verwerkt, waarom, wie ze ziet, hoe lang, en welke rechten je hebt.
privacy-controller-title = Wie is verantwoordelijk
privacy-controller-text = De verwerkingsverantwoordelijke is de socialezekerheidsinstelling die deze dienst beheert. Haar functionaris voor gegevensbescherming beantwoordt je vragen en verzoeken over persoonsgegevens op het contactadres hieronder.
privacy-contact = Contact:
privacy-purposes-title = Waarom: doelen en rechtsgronden
privacy-purposes-lead = Een onderneming ziet een antwoord alleen als je haar aanvraag aanvaard hebt, en alleen zolang die toegang duurt. Elk soort antwoord heeft een eigen doel en rechtsgrond:
privacy-table-title = Wat bewaard wordt, waarom, wie het ziet, hoe lang
privacy-col-data = gegevens
privacy-col-why = waarom
privacy-col-who = wie ziet ze
privacy-col-kept = hoe lang
privacy-rights-title = Jouw rechten
privacy-rights-access = Inzage: het burgerportaal toont elke aanvraag, elke toegang en elke raadpleging van je gegevens van de voorbije twaalf maanden; een kopie van alles wat we over je bewaren, download je daar ("Een kopie van je gegevens", op de pagina met de geschiedenis), of vraag ze ons.
privacy-rights-stop = Een toegang stopzetten: je kunt een toegang op elk moment stopzetten, in twee klikken, en een onderneming weigeren en blokkeren.
privacy-rights-rectify = Verbetering: de antwoorden komen uit de authentieke bronnen (het rijksregister, de aangiften van de werkgevers); een fout wordt daar verbeterd, door de instelling of de werkgever die ze aangegeven heeft, en de volgende raadpleging volgt de verbetering.
privacy-rights-erase = Wissing en bezwaar: wat we bewaren, wordt aan het einde van de termijnen hierboven gewist; tot dan geldt de bewaring die de wet voorschrijft, en kun je bezwaar maken tegen een verwerking of de beperking ervan vragen.
privacy-rights-how = Om deze rechten uit te oefenen, schrijf je naar het contactadres hieronder; je krijgt binnen een maand een antwoord.
privacy-complaint = Je kunt ook een klacht indienen bij de Gegevensbeschermingsautoriteit (www.gegevensbeschermingsautoriteit.be).
privacy-security-title = Hoe de gegevens beschermd worden
privacy-security-text = Aanmelden via de federale authenticatiedienst; een onderneming ziet alleen het antwoord van de aanvaarde context, nooit de gegevens waarop het steunt; links werken maar één keer en worden alleen als vingerafdruk bewaard; elke raadpleging en elke opzoeking van de helpdesk wordt geregistreerd; rijksregisternummers verschijnen nooit in een webadres of in de logboeken.
privacy-data-register = Rijksregister- of BIS-nummer, voor- en achternaam, geboortedatum, taal, ingangsdatum van het pensioen
privacy-why-register = Weten wie zich aanmeldt; de flexi-jobregel (een gepensioneerde komt in aanmerking)
privacy-who-register = Geen enkele onderneming: de dienst berekent er het antwoord mee
privacy-kept-register = Zolang de authentieke bron (het rijksregister) ze bewaart
privacy-data-career = Tewerkstellingslijnen die werkgevers aangeven (DmfA), studentenuren aangegeven in Dimona
privacy-why-career = Het ene antwoord berekenen dat een onderneming mag zien
privacy-who-career = Niemand: een onderneming ziet het antwoord, nooit de lijnen, de werkgevers of de uren
privacy-kept-career = Zolang de authentieke bronnen ze bewaren
privacy-data-request = Het label van een aanvraag en het e-mailadres van de kandidaat (allebei facultatief via de API), het rijksregisternummer dat ze vermeldt, de naam van de burger die geantwoord heeft
privacy-why-request = De eigen lijst van de onderneming; de link versturen; alleen de vermelde persoon kan aanvaarden
privacy-who-request = De onderneming die de aanvraag deed (en haar sociale dienstverlener); de helpdesk
privacy-kept-request = Tot de aanvraag uit de lijsten van de onderneming verdwijnt (14 dagen na de laatste wijziging, { $blockedDays } dagen voor een stopgezette, geblokkeerde of beëindigde toegang), daarna { $requestDays } dagen
privacy-data-link = Een vingerafdruk (hash) van de geheime link van de aanvraag
privacy-why-link = Een link werkt maar één keer, voor één persoon
privacy-who-link = Niemand (de link zelf wordt nooit bewaard)
privacy-kept-link = { $linkDays } dagen nadat de link gebruikt is (beantwoord, ingetrokken of 72 uur verstreken), of tot de aanvraag uit de lijsten verdwijnt als dat eerder is
privacy-data-answerer = Het rijksregisternummer van de burger die geantwoord heeft, en elke stap in de geschiedenis van de aanvraag met wie ze zette
privacy-why-answerer = Het portaal en de geschiedenis van de burger, de lijst van de onderneming, het audittraject
privacy-who-answerer = De burger; de onderneming (haar eigen aanvragen); de helpdesk
privacy-kept-answerer = Tot de aanvraag uit de lijsten van de onderneming verdwijnt, daarna { $auditDays } dagen
privacy-data-mails = Verstuurde e-mails: ontvanger, tekst met de link (verzegeld onder de gegevenssleutel van de dienst tot hij gewist wordt), bezorgpogingen
privacy-why-mails = De aanvraag bezorgen, en een mislukte bezorging opvolgen
privacy-who-mails = De ontvanger; de helpdesk (of de e-mail bezorgd is)
privacy-kept-mails = De tekst wordt gewist zodra de e-mail bezorgd is, of zodra de link afliep (tot dan kan de helpdesk een geweigerde e-mail opnieuw versturen); de rest { $mailDays } dagen na verzending (of { $requestDays } dagen nadat de aanvraag uit de lijsten verdwenen is)
privacy-data-blocks = Welke onderneming een burger geweigerd en geblokkeerd heeft
privacy-why-blocks = Een geblokkeerde onderneming kan die persoon geen aanvragen meer sturen
privacy-who-blocks = De burger; de onderneming ziet haar toegang geblokkeerd, nooit waarom
privacy-kept-blocks = Tot de burger de onderneming deblokkeert
privacy-data-consultations = Elke raadpleging: wie raadpleegde, over wie, welke gegevens, wanneer, en het antwoord dat de onderneming zag (in aanmerking, niet in aanmerking of niet bepaald per maand, of de resterende uren; nooit een breuk, een werkgever of een reden)
privacy-why-consultations = De geschiedenis van de raadplegingen van de burger; de audit; de pdf van die raadpleging voor de onderneming
privacy-who-consultations = De burger; de onderneming die raadpleegde; de helpdesk
privacy-kept-consultations = { $auditDays } dagen
privacy-data-positives = De kwartalen waarvoor het flexi-jobantwoord positief was (persoon, onderneming, kwartaal, wanneer)
privacy-why-positives = Een positief flexi-jobantwoord blijft definitief voor zijn kwartaal
privacy-who-positives = Niemand: de regel leest het
privacy-kept-positives = { $auditDays } dagen, samen met de raadplegingen
privacy-data-members = De gebruikers van een onderneming (rijksregisternummer, rol), wie de gebruiksvoorwaarden aanvaard heeft, het contactadres
privacy-why-members = Weten wie voor een onderneming mag optreden
privacy-who-members = De toegangsbeheerders van de onderneming; de helpdesk
privacy-kept-members = Tot de gebruiker verwijderd wordt; de aanvaarding van de voorwaarden zolang de onderneming geregistreerd is
privacy-data-api = De API-clients van een onderneming (naam, vingerafdruk van het geheim), hun toegangstokens (vingerafdrukken), het webhookadres en -geheim (verzegeld onder de gegevenssleutel van de dienst)
privacy-why-api = De software van een onderneming of van haar sociaal secretariaat die via de API werkt
privacy-who-api = De toegangsbeheerders van de onderneming
privacy-kept-api = Het webhookadres en -geheim tot de webhook verwijderd of de client ingetrokken wordt; de naam van de client en de vingerafdruk van zijn geheim zolang de onderneming ingeschreven is (de geschiedenis van de aanvragen waarin hij handelde, noemt hem); een token werkt één uur en de vingerafdruk ervan wordt { $apiTokenDays } dagen later gewist
privacy-data-idempotency = Het antwoord op een aanmaak of een nieuwe link verstuurd met een idempotentiesleutel (door het formulier van de onderneming of door een API-client): de aanvraag en haar link (verzegeld onder de sleutel, die alleen de afzender heeft; de sleutel zelf als vingerafdruk), of de aangemaakte API-client (zijn id, nooit zijn geheim)
privacy-why-idempotency = Een aanmaak of een nieuwe link die twee keer verstuurd wordt (een dubbele klik, een herlading, een nieuwe poging), geeft één link en één e-mail, of één API-client
privacy-who-idempotency = De gebruiker van de onderneming of de API-client die ze verstuurd heeft
privacy-kept-idempotency = { $keysMinutes ->
        [0] 24 uur, daarna tot de taak expire-keys loopt
       *[other] 24 uur, daarna binnen { $keysMinutes } minuten gewist
    }
privacy-data-sessions = Sessies: een vingerafdruk van de sessie-id, het rijksregisternummer en de naam van de aangemelde persoon, hoe en wanneer die zich aanmeldde, of die toen in de backoffice werkte, het token van de aanmelddienst, de gekozen onderneming, de aanvragen waarvan de link erin geopend werd (welke link)
privacy-why-sessions = Aan- en afmelden op elke server; overal afmelden
privacy-who-sessions = Niemand behalve de aangemelde persoon
privacy-kept-sessions = { $sessionsMinutes ->
        [0] Tot het afmelden, { $idleMinutes } minuten zonder gebruik, of { $absoluteMinutes } minuten na het aanmelden; een zo beëindigde sessie wordt gewist wanneer de taak purge-sessions loopt
       *[other] Tot het afmelden, { $idleMinutes } minuten zonder gebruik, of { $absoluteMinutes } minuten na het aanmelden; een zo beëindigde sessie wordt binnen { $sessionsMinutes } minuten gewist
    }
privacy-data-addresses = Een vingerafdruk met sleutel van het internetadres van elke bezoeker die een aanvraaglink opent, als teller (nooit het adres zelf)
privacy-why-addresses = Pogingen om een link te raden beperken
privacy-who-addresses = Niemand
privacy-kept-addresses = { $keysMinutes ->
        [0] Tot de teller weer vol is (hoogstens één minuut na de laatste opening), daarna tot de taak expire-keys loopt
       *[other] Tot de teller weer vol is (hoogstens één minuut na de laatste opening), daarna binnen { $keysMinutes } minuten gewist
    }
privacy-data-staff = Backofficepersoneel: rijksregisternummer, naam, rol, sinds wanneer, verwijdering
privacy-why-staff = Wie de backoffice mag gebruiken
privacy-who-staff = De supervisors van de backoffice
privacy-kept-staff = Tot de verwijdering; daarna het rijksregisternummer { $staffAuditDays } dagen later, met de audit van zijn handelingen; de naam blijft, want de geschiedenis van de aanvragen noemt wie handelde
privacy-data-staff-audit = Wat de helpdesk opgezocht en gedaan heeft (een rijksregisternummer staat er hoogstens gemaskeerd in; bij de regels over een persoon een vingerafdruk met sleutel van het nummer, om die persoon te kunnen zeggen wie hem opzocht)
privacy-why-staff-audit = De verantwoording van de helpdesk
privacy-who-staff-audit = De supervisors van de backoffice
privacy-kept-staff-audit = { $staffAuditDays } dagen
privacy-data-technical = De verzonden webhooks (de id en de status van een aanvraag) en de uitvoeringen van de achtergrondtaken: geen persoonsgegevens
privacy-why-technical = De software van een onderneming op de hoogte brengen van een wijziging; het overzicht van de taken in de backoffice
privacy-who-technical = De software van de onderneming; de backoffice
privacy-kept-technical = De verzonden webhooks { $webhookDays } dagen na hun ontvangst (of na de laatste poging, als ze opgegeven worden); de uitvoeringen van de taken { $jobRunsDays } dagen
privacy-data-demo-tenants = Demo-omgevingen van de opleiders: naam, taal, klok, vervaldatum, het personeelslid dat ze maakte, de eigen bronbestanden van de opleider (alleen fictieve personen)
privacy-why-demo-tenants = Opleidingssessies, elk in een eigen wereld
privacy-who-demo-tenants = De opleiders en supervisors van de backoffice
privacy-kept-demo-tenants = Tot de opleider de omgeving verwijdert, uiterlijk { $tenantDays } dagen na het aanmaken
