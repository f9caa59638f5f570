## Kader
service-name = Toegang tot burgergegevens
service-company = Raadpleging burgergegevens
service-citizen = Toegang tot mijn data
service-admin = Backoffice
skip-to-content = Naar de inhoud
demo-banner = Demonstratieomgeving — fictieve personen en ondernemingen, geen echte gegevens.
language-switch = Taal
signed-in-as = Aangemeld als
staff = backoffice
sign-in = Aanmelden
sign-in-unsent = De sessie was afgelopen: wat verstuurd werd, is niet opgeslagen. Opnieuw aanmelden en dan nog eens versturen.
sign-in-stale = Deze aanmeldpagina was verlopen, dus niemand werd aangemeld. Kies hieronder opnieuw.
sign-out = Afmelden
footer-text = Een dienst van de Belgische sociale zekerheid. Gegevens worden alleen geraadpleegd met de toestemming van de betrokken persoon.
nav-companies = Voor ondernemingen
nav-citizens = Voor burgers
back-home = Terug naar de startpagina
back-company = Terug naar aanvragen en toegangen
back-citizen = Terug naar mijn data
back-admin = Terug naar het dashboard
footer-privacy = Privacy
footer-contact = Hulp en contact
footer-foreigners = Geen Belgisch rijksregisternummer?
foreigners-identification-link = De federale identificatiedienst voor buitenlanders

## Startpagina
home-title = Raadpleeg het socialezekerheidsantwoord van een kandidaat, met diens toestemming
home-lead = Een werkgever die een flexi-jobber of een student wil aanwerven, vraagt de kandidaat toegang tot één antwoord. De kandidaat beslist en kan de toegang op elk moment stopzetten.
home-companies-title = Ik ben werkgever of sociaal secretariaat
home-companies-text = Vraag een kandidaat om toegang, volg uw aanvragen op en raadpleeg het antwoord.
home-companies-cta = Toegang voor ondernemingen
home-citizens-title = Ik ben burger
home-citizens-text = Beantwoord een aanvraag, bekijk wie toegang heeft tot je gegevens, zet een toegang stop en bekijk elke raadpleging.
home-citizens-cta = Mijn gegevens
home-admin-title = Ik werk in de backoffice
home-admin-text = Volg aanvragen en toegangen, help ondernemingen en burgers, bereid demo-omgevingen voor.
home-admin-cta = Backoffice
benefits-title = Waarom deze dienst gebruiken
benefit-fast-title = Snel
benefit-fast-company = Het antwoord is beschikbaar zodra de kandidaat aanvaardt: u hoeft niet te wachten op papieren attesten.
benefit-fast-citizen = Eén keer aanmelden en één klik volstaan om een aanvraag te beantwoorden.
benefit-official-title = Officiële documenten
benefit-official-company = Het antwoord komt uit de authentieke bronnen van de sociale zekerheid en kan als pdf worden geëxporteerd.
benefit-official-citizen = Het antwoord komt uit de officiële databanken: je hoeft niets te verzamelen of op te sturen.
benefit-consent-title = Alleen met toestemming van de burger
benefit-consent-company = Niets wordt getoond zonder de uitdrukkelijke aanvaarding van de kandidaat, en dan nog voor een beperkte tijd.
benefit-consent-citizen = Niemand ziet iets zonder dat je aanvaardt, en je kunt een toegang op elk moment stopzetten.
benefit-minimal-title = Gegevensminimalisatie
benefit-minimal-company = U ziet alleen het antwoord dat u nodig hebt, nooit de onderliggende loopbaangegevens.
benefit-minimal-citizen = De onderneming ziet alleen het antwoord (bijvoorbeeld "mag als flexi-jobber werken"), nooit je loopbaan, je loon of je werkgevers.
benefit-reliable-title = Betrouwbare gegevens
benefit-reliable-company = Het antwoord wordt op het moment van de raadpleging berekend op basis van de aangiften van de werkgevers.
benefit-reliable-citizen = Het antwoord is altijd actueel en elke raadpleging wordt geregistreerd, zodat je ze kunt bekijken.
benefit-paperless-title = Minder papierwerk
benefit-paperless-company = Geen attesten om op te vragen, te kopiëren of te archiveren.
benefit-paperless-citizen = Geen attest om aan te vragen of af te geven.
companies-lead = Vraag de kandidaat, voordat u een flexi-jobber of een student aanwerft, toegang tot het antwoord dat u nodig hebt.
companies-start = Naar de toepassing voor ondernemingen
companies-how-title = Hoe werkt het
companies-how-1 = Meld u aan en kies de onderneming waarvoor u werkt (of registreer ze).
companies-how-2 = Maak een aanvraag: de kandidaat ontvangt een e-mail met een eenmalige link, die ook als QR-code wordt getoond.
companies-how-3 = De kandidaat meldt zich aan en aanvaardt of weigert binnen 72 uur.
companies-how-4 = Na aanvaarding raadpleegt u het antwoord zolang de toegang loopt en kunt u het als pdf exporteren.
companies-contexts-title = De antwoorden die u kunt aanvragen
citizens-lead = Bekijk en beantwoord de aanvragen van ondernemingen, bekijk wie tot wanneer toegang heeft tot je gegevens, zet een toegang stop en bekijk elke raadpleging.
citizens-start = Naar mijn gegevens
citizens-genuine-title = Hoe herken je een echte link
citizens-genuine-text = Een echte link leidt altijd naar het officiële adres van deze dienst, en we vragen je nooit iets anders dan je aan te melden met je eID, itsme of, voor buitenlanders, een Europese eID of een digitale sleutel. We vragen je nooit om een wachtwoord, een code of een betaling via e-mail.

## Aanmelden
sign-in-title = Aanmelden
sign-in-lead = Meld u aan om verder te gaan.
sign-in-waiting-title = Een aanvraag om toegang tot je gegevens wacht op je
sign-in-waiting-text = Meld je aan om de aanvraag volledig te zien en te beantwoorden. Er wordt niets gedeeld als je niet aanvaardt.
sign-in-no-provider = Er is op deze server geen aanmeldingsmethode ingesteld.
sign-in-unknown-person = Dit rijksregisternummer is niet bekend in het rijksregister van de demonstratiewereld.
demo-idp-title = Demo-aanmelding
demo-idp-note = Alleen ter demonstratie: kies een fictieve persoon. In productie meldt u zich aan met eID, itsme of een Europese eID.
demo-idp-people = Personen
demo-idp-staff = Backofficemedewerkers
demo-idp-bis = Bisnummer
demo-idp-type-niss = Of typ een rijksregisternummer
niss-help = 11 cijfers, bijvoorbeeld 85.07.30-033.28
role-agent = medewerker
role-supervisor = supervisor
role-trainer = opleider

## Fouten
error-400-title = De aanvraag kon niet worden begrepen
error-400-text = Ga terug en probeer het opnieuw. Als het probleem aanhoudt, neem dan contact op met de helpdesk.
error-403-title = Toegang geweigerd
error-403-text = U mag deze handeling niet uitvoeren, of de pagina waarvan u ze verstuurde was verlopen (ze werd in een eerdere sessie geopend). Er werd niets geregistreerd: ga terug, laad die pagina opnieuw en verstuur opnieuw.
error-403-here-text = U mag deze handeling niet uitvoeren, of deze pagina was verlopen (ze werd in een eerdere sessie geopend). Er werd niets geregistreerd: laad deze pagina opnieuw en verstuur dan opnieuw.
error-404-title = Pagina niet gevonden
error-404-text = Deze pagina bestaat niet, of u hebt er geen toegang toe.
error-413-title = Te veel gegevens
error-413-text = Wat u hebt verstuurd, is te groot (een formulier telt maximaal 64 kB). Maak het korter en probeer het opnieuw.
error-input-title = Onleesbare gegevens
error-input-field = Het veld ‘{ $field }’ bevat een teken dat niet kan worden aanvaard (een nulteken, of bytes die geen tekst vormen). Ga terug, verbeter het en verstuur het formulier opnieuw.
error-input-text = Wat u hebt verstuurd, bevat een teken dat niet kan worden aanvaard (een nulteken, of bytes die geen tekst vormen). Ga terug, verbeter het en probeer het opnieuw.
error-429-title = Te veel pogingen
error-429-text = Wacht een minuut voordat u het opnieuw probeert.
error-500-title = Er is iets misgegaan
error-500-text = Er is aan onze kant een fout opgetreden. Probeer het later opnieuw; als het probleem aanhoudt, geef dan het onderstaande incidentnummer door aan de helpdesk.
error-503-title = Dienst tijdelijk niet beschikbaar
error-503-text = De dienst kan momenteel niet antwoorden (zijn databank is onbereikbaar of bezet). Probeer het over enkele ogenblikken opnieuw.
error-incident = Incidentnummer:

sign-out-everywhere = Overal afmelden
session-warning-title = Nog aanwezig?
session-warning-text = Om veiligheidsredenen wordt de sessie binnenkort afgesloten, omdat de dienst een tijd niet gebruikt werd. Wat getypt maar nog niet verstuurd werd, gaat dan verloren.
session-warning-stay = Aangemeld blijven
session-ended-title = De sessie werd afgesloten
session-ended-text = De dienst werd een tijd niet gebruikt. Opnieuw aanmelden om verder te gaan; wat niet verstuurd werd, is niet bewaard.
session-final-title = De sessie eindigt binnenkort
session-final-text = Om veiligheidsredenen eindigt een sessie een vaste tijd na het aanmelden, ook als ze gebruikt wordt: deze sessie eindigt om { $time }. Wat getypt wordt, best vóór dan versturen; daarna opnieuw aanmelden.
session-final-ok = Begrepen
session-final-ended-title = De sessie is beëindigd
session-final-ended-text = Een sessie eindigt een vaste tijd na het aanmelden, ook als ze gebruikt wordt. Opnieuw aanmelden om verder te gaan; wat niet verstuurd werd, is niet bewaard.
sign-in-again = Bevestig voor uw veiligheid wie u bent door opnieuw aan te melden voor u verdergaat:
oidc-title = Aanmelden met uw digitale sleutel
oidc-note = eID-kaartlezer, itsme of een Europese digitale identiteit: de federale authenticatiedienst vertelt ons wie u bent.
oidc-sign-in = Aanmelden via de federale authenticatiedienst
oidc-try-again = Opnieuw proberen
oidc-error-unavailable-title = De aanmeldingsdienst is niet bereikbaar
oidc-error-unavailable = De federale authenticatiedienst antwoordt op dit moment niet. Er ging niets verloren: probeer het over enkele minuten opnieuw.
oidc-error-cancelled-title = Aanmelding geannuleerd
oidc-error-cancelled = U hebt de aanmelding geannuleerd. U kunt op elk moment opnieuw aanmelden.
oidc-error-refused-title = De aanmelding is niet gelukt
oidc-error-refused = De federale authenticatiedienst heeft u niet aangemeld. Probeer het opnieuw.
oidc-error-state-title = Deze aanmelding kan niet worden voltooid
oidc-error-state = Dit antwoord hoort bij geen enkele aanmelding die in deze browser begon (een oude of gekopieerde link, of een tweede tabblad). Begin de aanmelding opnieuw.
oidc-error-token-expired-title = De aanmelding duurde te lang
oidc-error-token-expired = Het bewijs van uw aanmelding is verlopen. Meld u opnieuw aan.
oidc-error-unknown-key-title = De aanmelding kon niet worden gecontroleerd
oidc-error-unknown-key = Het bewijs van uw aanmelding is niet ondertekend door de federale authenticatiedienst. U bent niet aangemeld. Probeer het opnieuw.
oidc-error-audience-title = De aanmelding kon niet worden gecontroleerd
oidc-error-audience = Het bewijs van uw aanmelding werd voor een andere dienst uitgereikt. U bent niet aangemeld. Probeer het opnieuw.
oidc-error-invalid-token-title = De aanmelding kon niet worden gecontroleerd
oidc-error-invalid-token = Het bewijs van uw aanmelding is niet geldig. U bent niet aangemeld. Probeer het opnieuw.
oidc-error-missing-niss-title = Uw rijksregisternummer ontbreekt
oidc-error-missing-niss = De aanmeldingsdienst gaf ons uw rijksregister- of BIS-nummer niet door, dat deze dienst nodig heeft. Meld u opnieuw aan met eID, itsme of een digitale sleutel die aan uw rijksregisternummer gekoppeld is.
oidc-error-invalid-niss-title = Uw rijksregisternummer is niet geldig
oidc-error-invalid-niss = Het nummer dat de aanmeldingsdienst doorgaf, is geen geldig rijksregister- of BIS-nummer. Neem contact op met de helpdesk.
signed-out-title = U bent afgemeld
signed-out-provider = U bent afgemeld bij deze dienst. U wordt nu ook afgemeld bij de federale authenticatiedienst.
signed-out-continue = Verder
error-403-page-text = U mag deze pagina niet bekijken.

# Forms and page structure (issue 16)
title-error = Fout: { $title }
col-actions = Acties
error-summary-link = { $label }: { $message }

# De toegankelijkheidsverklaring (/accessibility).
footer-accessibility = Toegankelijkheid
a11y-title = Toegankelijkheidsverklaring
a11y-lead = Iedereen moet deze dienst kunnen gebruiken, ongeacht beperking, toestel of taal. Deze verklaring geldt voor de hele dienst: de toepassing voor ondernemingen, het portaal voor burgers, de backoffice, de documentatie van de API en de pdf-exports. Ze is opgesteld krachtens de wet van 19 juli 2018 inzake de toegankelijkheid van de websites en mobiele applicaties van overheidsinstanties.
a11y-status-title = Nalevingsstatus
a11y-status = Deze dienst voldoet gedeeltelijk aan de Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA, waarnaar de Europese norm EN 301 549 verwijst, wegens de beperking hieronder.
a11y-limits-title = Niet-toegankelijke inhoud
a11y-duration-hours = { $n ->
    [one] één uur
   *[other] { $n } uur
}
a11y-duration-minutes = { $n ->
    [one] één minuut
   *[other] { $n } minuten
}
a11y-limit-session = Tijdslimiet (succescriterium 2.2.1): een sessie eindigt { $duration } na het aanmelden, hoe ze ook gebruikt wordt, om de persoonsgegevens te beschermen die ze toont; deze limiet kan niet verlengd worden. Vijf minuten vooraf zegt elke pagina om hoe laat de sessie eindigt, zodat wat getypt wordt tijdig verstuurd kan worden; een formulier dat daarna verstuurd wordt, meldt dat het niet geregistreerd werd. Een sessie die een tijd niet gebruikt wordt, eindigt ook, maar die limiet wordt aangekondigd en met één klik verlengd, of door in de pagina te typen.
a11y-method-title = Hoe dit beoordeeld werd
a11y-method = Zelfbeoordeling door het team dat de dienst bouwt, laatst herzien op { $date }. Bij elke wijziging wordt elke pagina automatisch met axe-core getoetst aan WCAG 2.1 A en AA, in de vier talen, op 1280 en 320 pixels breed; geautomatiseerde browsertests controleren de herschikking op 320 pixels met elke bedieningsknop binnen bereik, het contrast van de bedieningselementen, dat titels en koppen zeggen wat ze zijn, dat elk formulier zijn fouten benoemt en ernaar leidt, en dat met geforceerde kleuren (hoog contrast van Windows) het getoonde tabblad herkenbaar blijft. De pdf-exports zijn getagde pdf's, getoetst aan PDF/UA-1.
a11y-feedback-title = Feedback en contact
a11y-feedback = Stuit u op een toegankelijkheidsprobleem, of hebt u de informatie van een pagina in een andere vorm nodig, schrijf dan naar het adres hieronder en vermeld de pagina en het probleem. Wij antwoorden binnen een maand.
a11y-enforcement-title = Handhavingsprocedure
a11y-enforcement = Bent u niet tevreden met ons antwoord, dan kunt u klacht indienen bij de Federale Ombudsman (www.federaalombudsman.be), die klachten over de toegankelijkheid van de websites en applicaties van de federale overheidsdiensten behandelt.
