## Toepassing voor ondernemingen
company-nav = Toepassing voor ondernemingen
company-nav-requests = Aanvragen
company-nav-new = Nieuwe aanvraag
company-nav-users = Gebruikers
company-nav-users-of = Gebruikers van { $company }
company-nav-providers = Sociale dienstverleners
company-nav-switch = Andere onderneming kiezen
company-nav-switch-client = Andere klant kiezen
company-dashboard-title = Aanvragen en toegangen
company-requests-title = Toegangen
company-intro = Voordat u iemand aanwerft, beantwoordt deze dienst een vraag over een kandidaat, met diens toestemming:
company-intro-permission = De kandidaat ontvangt uw aanvraag per e-mail (of de link of QR-code van u) en aanvaardt of weigert ze. Daarna ziet u alleen het antwoord, zolang de toegang duurt; elke raadpleging wordt geregistreerd en aan de kandidaat getoond.
company-refused-title = Handeling geweigerd
company-suspended-title = Onderneming geschorst
company-suspended = Uw onderneming is door de helpdesk geschorst: u kunt voorlopig geen aanvragen aanmaken of gegevens raadplegen. Reden:
on-behalf-of = { $provider } in naam van { $company }
via-provider = via { $provider }
form-has-errors = Sommige velden vragen uw aandacht.
working = Bezig…
continue = Doorgaan
since = sinds { $date }
remove = Verwijderen
remove-confirm = Deze gebruiker verwijderen?
back-to-requests = Terug naar de aanvragen

## Aanvraagformulier
request-label = Label
request-label-hint = Een naam voor uw eigen lijst (bijvoorbeeld "Keuken, weekend"), geen identiteit. De burger ziet die niet.
request-email = E-mailadres van de kandidaat
request-context = Gevraagde gegevens
request-language = Taal van de e-mail
request-niss = Rijksregisternummer van de kandidaat (optioneel)
request-niss-hint = Als u het invult, kan alleen deze persoon de aanvraag aanvaarden.
email-suggest-title = Controleer het e-mailadres van de kandidaat
email-suggest-text = Bedoelde u { $suggested }? { $typed } lijkt op een gangbaar adres met een tikfout, en een aanvraag naar een verkeerd adres geeft de link aan een onbekende.
email-suggest-use = { $suggested } gebruiken
email-suggest-keep = { $typed } behouden
company-foreigners-link = Werft u een kandidaat aan zonder Belgisch rijksregisternummer?
request-submit = De aanvraag aanmaken
request-error-label-empty = Vul een label in.
request-error-label-long = Een label telt maximaal 100 tekens.
request-error-context = Kies de gevraagde gegevens.
request-error-language = Kies Frans, Nederlands, Duits of Engels.
request-error-not-pending = Deze aanvraag is niet meer in behandeling: ze kan niet meer worden ingetrokken of een nieuwe link krijgen.
new-link = Nieuwe link
new-link-title = Nieuwe link voor de kandidaat
new-link-text = De aanvraag "{ $label }" heeft een nieuwe link. De vorige link werkt niet meer.
new-link-mail = Een e-mail met de nieuwe link is verstuurd naar { $email }.
new-link-deadline = De kandidaat kan antwoorden tot { $date }.
link-opened = Link geopend door de kandidaat
request-error-link-opened = De kandidaat heeft de link al geopend: de aanvraag wacht in "Toegang tot mijn data", dus een nieuwe link is niet nodig.
request-error-link-replaced = Er is sindsdien een nieuwere link voor deze aanvraag gemaakt, dus deze werkt niet meer. De kandidaat kreeg de nieuwere per e-mail als de aanvraag een adres heeft; maak zo nodig een nieuwe link.
created-title = Aanvraag aangemaakt
created-text = De aanvraag "{ $label }" is verstuurd naar { $email }.
created-link = Eenmalige link voor de kandidaat
created-deadline = De kandidaat heeft 72 uur om te antwoorden: tot { $date }.
created-once = De link werkt voor slechts één burger. Bewaar hem: hij wordt maar één keer getoond.
created-qr = Dezelfde link als QR-code, om te scannen met een smartphone.
progress-title = Stand van de aanvraag
progress-waiting = Wachten op de kandidaat: de link is nog niet geopend.
progress-opened = De kandidaat heeft de link geopend en zich aangemeld: wachten op het antwoord.
progress-accepted = { $name } heeft aanvaard: u kunt het antwoord zien tot { $date }.
progress-consult = Het antwoord bekijken
progress-over = De aanvraag is afgesloten: { $status }.
progress-check = Nagaan of de kandidaat heeft geantwoord
create-another = Nog een aanvraag aanmaken
copy = Kopiëren
copied = Gekopieerd

## Tabbladen
tab-active = Actieve toegangen
tab-requested = Gevraagde toegangen
tab-blocked = Geblokkeerde toegangen
tab-empty-active = Nog geen actieve toegangen. Maak een nieuwe aanvraag, of wacht tot de kandidaat ze aanvaardt.
tab-empty-requested = Geen openstaande aanvragen. Maak een nieuwe aanvraag: de kandidaat ontvangt een eenmalige link per e-mail en heeft 72 uur om te antwoorden.
tab-empty-blocked = Geen stopgezette, geblokkeerde of beëindigde toegangen. Een toegang die de kandidaat stopzet of blokkeert, of die afloopt, staat hier een tijdlang.
tab-empty-search = Niets in dit tabblad komt overeen met uw zoekopdracht.
search-label = Zoeken op label, naam of e-mail
search = Zoeken
col-person = Persoon
col-niss = Rijksregisternummer
col-context = Gegevens
col-until = Tot
col-label = Label
col-email = E-mail
col-status = Status
col-since = Sinds
col-role = Rol
consult-soon = Raadpleging
expires-in = { $hours ->
    [0] verloopt binnen het uur
    [one] verloopt over { $hours } uur
   *[other] verloopt over { $hours } uur
}
ends-in-days = { $days ->
    [one] eindigt over { $days } dag
   *[other] eindigt over { $days } dagen
}
ends-in-hours = { $hours ->
    [0] eindigt binnen het uur
    [one] eindigt over { $hours } uur
   *[other] eindigt over { $hours } uur
}
withdraw = Intrekken
withdraw-confirm = Deze aanvraag intrekken? De link zal niet meer werken.
mail-undelivered = De e-mail kon niet worden afgeleverd: maak een nieuwe aanvraag en bezorg de kandidaat de link op een andere manier (toon de QR-code of kopieer de link).
pagination = Pagina's
previous = Vorige
next = Volgende
page-of = Pagina { $page } van { $pages }

## Registratie, gebruiksvoorwaarden, keuze van de onderneming
register-title = Een onderneming registreren
register-lead = U wordt de hoofdtoegangsbeheerder van de onderneming en aanvaardt in haar naam de gebruiksvoorwaarden.
register-already = Gebruikt uw onderneming de dienst al? Registreer ze dan niet opnieuw: vraag de hoofdtoegangsbeheerder om u als gebruiker toe te voegen.
register-bce = Ondernemingsnummer (KBO)
register-name = Naam van de onderneming
register-kind = Soort
kind-employer = Werkgever
kind-provider = Sociale dienstverlener (sociaal secretariaat)
register-email = E-mailadres voor contact
register-submit = Registreren
company-error-name-empty = Vul de naam van de onderneming in.
company-error-name-long = Een naam telt maximaal 200 tekens.
company-error-kind = Kies werkgever of sociale dienstverlener.
company-error-bce-taken = Dit ondernemingsnummer is al geregistreerd. Vraag de hoofdtoegangsbeheerder van de onderneming om u als gebruiker toe te voegen.
select-title = Kies de onderneming waarvoor u werkt
select-none = U behoort nog niet tot een onderneming.
role-main_manager = hoofdtoegangsbeheerder
role-manager = toegangsbeheerder
role-user = gebruiker
terms-title = Gebruiksvoorwaarden
terms-version = Versie { $version }
terms-1 = De onderneming raadpleegt de gegevens van een burger alleen in de precontractuele fase, op basis van een mandaat van de betrokken persoon, om na te gaan of die persoon in het kader van een bepaalde socialezekerheidsregeling kan worden aangeworven.
terms-2 = Het antwoord mag alleen voor dat doel worden gebruikt, niet langer dan nodig worden bewaard en met niemand buiten de aanwervingsprocedure worden gedeeld.
terms-3 = Elke raadpleging wordt geregistreerd en is zichtbaar voor de burger. Misbruik leidt tot de schorsing van de toegang van de onderneming.
terms-4 = De hoofdtoegangsbeheerder is verantwoordelijk voor de gebruikers en de sociale dienstverleners die de onderneming aanwijst.
terms-accept = Ik aanvaard de gebruiksvoorwaarden in naam van de onderneming
terms-accepted = De gebruiksvoorwaarden zijn aanvaard.
terms-wait = De hoofdtoegangsbeheerder van deze onderneming moet eerst de gebruiksvoorwaarden aanvaarden.
clients-title = Kies de klant voor wie u optreedt
clients-lead = { $provider } treedt op in naam van de volgende ondernemingen:
clients-none = Nog geen enkele onderneming heeft u als sociale dienstverlener aangewezen. Om voor een klant op te treden, geeft u haar uw ondernemingsnummer, { $bce }: haar toegangsbeheerder wijst u aan op de pagina "Sociale dienstverleners".

## Gebruikers en dienstverleners
users-title = Gebruikers
users-add = Een gebruiker toevoegen
users-change-role = Rol wijzigen
users-notice-added = De gebruiker is toegevoegd en kan nu voor de onderneming optreden.
users-notice-role-changed = De rol is gewijzigd.
users-notice-unchanged = Deze persoon had die rol al: er is niets gewijzigd.
users-notice-removed = De gebruiker is verwijderd en kan niet meer voor de onderneming optreden.
users-main-title = De rol van hoofdtoegangsbeheerder overdragen
users-main-text = De hoofdtoegangsbeheerder aanvaardt de gebruiksvoorwaarden en de vertrouwenscirkel van de API voor de onderneming. Verlaat u de onderneming of geeft u deze taak door? Geef de rol aan een ander lid: u blijft toegangsbeheerder.
users-main-person = Lid dat hoofdtoegangsbeheerder wordt
users-main-submit = De rol overdragen
users-main-confirm-title = De rol van hoofdtoegangsbeheerder overdragen?
users-main-confirm-text = Dit lid wordt de hoofdtoegangsbeheerder van de onderneming. U blijft toegangsbeheerder, en alleen de nieuwe hoofdtoegangsbeheerder kan u de rol teruggeven.
users-main-confirm-yes = Ja, de rol overdragen
users-notice-handed-over = De rol is overgedragen: u bent nu toegangsbeheerder.
member-error-role = Kies toegangsbeheerder of gebruiker.
member-error-self = U kunt uzelf niet wijzigen of verwijderen.
member-error-main = De hoofdtoegangsbeheerder kan niet worden gewijzigd of verwijderd.
providers-title = Sociale dienstverleners
providers-lead = Een sociale dienstverlener die u aanwijst, kan in uw naam aanvragen aanmaken en antwoorden raadplegen. U kunt dit op elk moment stopzetten.
providers-none = Er treedt geen dienstverlener in uw naam op.
providers-add = Een dienstverlener aanwijzen
providers-bce = Ondernemingsnummer (KBO) van de dienstverlener
providers-end = Stopzetten
providers-end-confirm = Het recht van deze dienstverlener om in uw naam op te treden stopzetten?
provider-error-unknown = Er is geen sociale dienstverlener geregistreerd met dit ondernemingsnummer.
provider-error-self = Een onderneming kan zichzelf niet aanwijzen.

## E-mail
mail-request-subject = { $requester } vraagt toegang tot je gegevens ({ $context })
mail-request-intro = { $requester } vraagt je toegang tot één gegeven over jou: { $context }.
mail-request-what = Als je aanvaardt, ziet { $requester } alleen dit antwoord, gedurende { $months ->
    [one] 1 maand
   *[other] { $months } maanden
}. Je kunt de toegang op elk moment stopzetten, en je ziet elke raadpleging.
mail-request-action = De aanvraag beantwoorden
mail-request-deadline = Deze link werkt 72 uur lang en voor slechts één persoon.
mail-request-replaces = Deze e-mail vervangt een eerdere voor dezelfde aanvraag: de vorige link werkt niet meer, gebruik de link hieronder.
mail-request-deadline-until = Deze link werkt tot { $date } en voor slechts één persoon.
mail-request-genuine = Een echte link begint altijd met { $host }. Je wordt alleen gevraagd om je aan te melden (eID, itsme of een Europese eID); nooit om een wachtwoord, een code of een betaling.
mail-request-ignore = Ken je deze onderneming niet, negeer dan dit bericht: er gebeurt niets zonder jouw aanvaarding.
mail-request-foreigners = Geen Belgisch rijksregisternummer? Zo krijg je een BIS-nummer en meld je je aan met een Europese eID of een digitale sleutel: { $url }
mail-request-contact = Vragen over deze dienst: { $contact }
mailbox-title = Demo-mailbox
mailbox-lead = De e-mails die de dienst heeft verstuurd, zoals de ontvangers ze krijgen (alleen ter demonstratie).
mailbox-empty = Nog geen e-mails.
mail-to = Aan
mail-subject = Onderwerp
mail-date = Datum
mail-sent = Afgeleverd
mail-queued = In wachtrij
mail-failed = Mislukt
mail-last-error = Laatste fout
request-error-blocked = Deze persoon heeft uw onderneming geblokkeerd: hij of zij aanvaardt haar aanvragen niet. Er werd niets verstuurd.
request-created-at = Aangemaakt op { $at }
company-client-suspended = { $company }, de onderneming waarvoor u optreedt, is door de helpdesk geschorst: u kunt voorlopig geen aanvragen voor haar aanmaken of gegevens raadplegen. Reden:

## Hulp: een buitenlandse kandidaat aanwerven
foreigners-company-title = Een kandidaat zonder Belgisch rijksregisternummer aanwerven
foreigners-company-lead = Een buitenlandse kandidaat die niet in het Belgische rijksregister staat, gebruikt deze dienst met een BIS-nummer, het identificatienummer van de sociale zekerheid, en meldt zich aan met een Europese eID of een digitale sleutel.
foreigners-company-bis-title = Het BIS-nummer
foreigners-company-bis = Vraag de kandidaat of die al een BIS-nummer heeft (het staat op de Belgische socialezekerheidsdocumenten). Zo niet, dan kent de federale identificatiedienst voor buitenlanders er een toe bij de identificatie; ook een socialezekerheidsinstelling, of uw sociaal secretariaat wanneer het de tewerkstelling aangeeft, kan er een laten aanmaken.
foreigners-company-request = Bij het aanmaken van de aanvraag kunt u het BIS-nummer in het veld van het rijksregisternummer invullen: dan kan alleen die persoon aanvaarden. Stuur de link of toon de QR-code zoals voor elke kandidaat; de e-mail legt de kandidaat in zijn taal uit hoe die zich aanmeldt.
foreigners-company-sign-in-title = Aanmelden
foreigners-company-sign-in = De kandidaat meldt zich aan met de elektronische identiteit van zijn land als die in Europa erkend is (eIDAS), of met een digitale sleutel die de federale identificatiedienst voor buitenlanders na een videogesprek geeft.
foreigners-company-candidate-page = De hulppagina voor de kandidaten zelf, om hun te sturen:

# Confirmation pages of destructive actions (without JavaScript)
withdraw-title = Deze aanvraag intrekken?
withdraw-text = De link die naar de kandidaat werd gestuurd, werkt dan onmiddellijk niet meer. Een ingetrokken aanvraag kan niet opnieuw verstuurd worden: maak zo nodig een nieuwe aanvraag.
withdraw-yes = Ja, de aanvraag intrekken
remove-title = Deze gebruiker verwijderen?
remove-text = Deze persoon kan dan niet meer voor de onderneming optreden.
remove-yes = Ja, de gebruiker verwijderen
providers-end-title = De aanstelling van deze dienstverlener stopzetten?
providers-end-text = De dienstverlener kan dan niet meer in uw naam optreden.
providers-end-yes = Ja, de aanstelling stopzetten
confirm-cancel = Nee, terug

# The live tabs' automatic refresh
tabs-live-on = De lijsten worden automatisch bijgewerkt (om de { $seconds } s).
tabs-live-off = Het automatisch bijwerken is gepauzeerd.
tabs-live-pause = Bijwerken pauzeren
tabs-live-resume = Bijwerken hervatten
tabs-live-unreachable = De lijsten konden niet worden bijgewerkt: de dienst is niet bereikbaar. Ze worden weer bijgewerkt zodra hij antwoordt.
unreachable = De dienst kon niet worden bereikt (geen verbinding, of geen antwoord op tijd). Er gaat niets verloren: wat u hebt ingevuld, staat er nog, en het opnieuw verzenden is veilig. Probeer het zo meteen opnieuw.
