## Frame
service-name = Citizen data access
service-company = Citizen data consultation
service-citizen = Access to my data
service-admin = Back office
skip-to-content = Skip to content
demo-banner = Demonstration environment — fictional people and companies, no real data.
language-switch = Language
signed-in-as = Signed in as
staff = back office
sign-in = Sign in
sign-in-unsent = Your session had ended, so what you sent was not recorded. Sign in again, then send it again.
sign-in-stale = This sign-in page had expired, so nobody was signed in. Choose again below.
sign-out = Sign out
footer-text = A service of Belgian social security. Data are consulted only with the consent of the person concerned.
nav-companies = For companies
nav-citizens = For citizens
back-home = Back to the home page
back-company = Back to requests and accesses
back-citizen = Back to my data
back-admin = Back to the dashboard
footer-privacy = Privacy
footer-contact = Help and contact
footer-foreigners = No Belgian national number?
foreigners-identification-link = The federal identification service for foreigners

## Home
home-title = Consult a candidate's social-security answer, with their consent
home-lead = An employer about to hire a flexi-worker or a student asks the candidate for access to one answer. The candidate decides, and can stop the access at any time.
home-companies-title = I am an employer or a social secretariat
home-companies-text = Ask a candidate for access, follow your requests and consult the answer.
home-companies-cta = Company access
home-citizens-title = I am a citizen
home-citizens-text = Answer a request, see who has access to your data, stop an access, see every consultation.
home-citizens-cta = My data
home-admin-title = I work in the back office
home-admin-text = Follow requests and accesses, help companies and citizens, prepare demo environments.
home-admin-cta = Back office
benefits-title = Why use this service
benefit-fast-title = Fast
benefit-fast-company = The answer is available as soon as the candidate accepts: no waiting for paper certificates.
benefit-fast-citizen = One sign-in and one click are enough to answer a request.
benefit-official-title = Official documents
benefit-official-company = The answer comes from the authentic sources of social security and can be exported as a PDF.
benefit-official-citizen = The answer comes from the official databases: you have nothing to gather or send.
benefit-consent-title = Only with the citizen's consent
benefit-consent-company = Nothing is shown without the candidate's explicit acceptance, for a limited time.
benefit-consent-citizen = Nobody sees anything unless you accept, and you can stop an access at any moment.
benefit-minimal-title = Data minimisation
benefit-minimal-company = You see only the answer you need: never the underlying career data.
benefit-minimal-citizen = The company sees only the answer (for example "may work as a flexi-worker"), never your career, salary or employers.
benefit-reliable-title = Reliable data
benefit-reliable-company = The answer is computed on the moment of consultation from the declarations made by employers.
benefit-reliable-citizen = The answer is always up to date and every consultation is recorded for you to see.
benefit-paperless-title = Less paperwork
benefit-paperless-company = No certificates to request, copy or archive.
benefit-paperless-citizen = No certificate to ask for or to hand over.
companies-lead = Before hiring a flexi-worker or a student, ask the candidate for access to the answer you need.
companies-start = Go to the company app
companies-how-title = How it works
companies-how-1 = Sign in and choose the company you work for (or register it).
companies-how-2 = Create a request: the candidate receives an e-mail with a single-use link, also shown as a QR code.
companies-how-3 = The candidate signs in and accepts or refuses within 72 hours.
companies-how-4 = Once accepted, you consult the answer for the duration of the access and can export it as a PDF.
companies-contexts-title = The answers you can ask for
citizens-lead = See and answer the requests of companies, see who has access to your data until when, stop an access, and see every consultation.
citizens-start = Go to my data
citizens-genuine-title = How to recognise a genuine link
citizens-genuine-text = A genuine link always leads to the official address of this service, and we never ask for anything but a sign-in with your eID, itsme or, for foreigners, a European eID or a digital key. We never ask for a password, a code or a payment by e-mail.

## Sign-in
sign-in-title = Sign in
sign-in-lead = Sign in to continue.
sign-in-waiting-title = A request for access to your data is waiting for you
sign-in-waiting-text = Sign in to see it whole and to answer it. Nothing is shared unless you accept.
sign-in-no-provider = No sign-in method is configured on this server.
sign-in-unknown-person = This national number is not known to the national register of the demo world.
demo-idp-title = Demo sign-in
demo-idp-note = Demonstration only: choose a fictional person. In production you sign in with eID, itsme, or a European eID.
demo-idp-people = People
demo-idp-staff = Back-office staff
demo-idp-bis = BIS number
demo-idp-type-niss = Or type a national number
niss-help = 11 digits, for example 85.07.30-033.28
role-agent = agent
role-supervisor = supervisor
role-trainer = trainer

## Errors
error-400-title = The request could not be understood
error-400-text = Please go back and try again. If the problem persists, contact the helpdesk.
error-403-title = Access refused
error-403-text = You are not allowed to do this, or the page you sent it from had expired (it was opened in an earlier session). Nothing was recorded: go back, reload that page, and send it again.
error-403-here-text = You are not allowed to do this, or this page had expired (it was opened in an earlier session). Nothing was recorded: reload this page, then send it again.
error-404-title = Page not found
error-404-text = This page does not exist, or you do not have access to it.
error-413-title = Too much data
error-413-text = What you sent is too large (a form holds at most 64 KB). Shorten it and try again.
error-input-title = Unreadable input
error-input-field = The field “{ $field }” holds a character that cannot be accepted (a null character, or bytes that are not text). Go back, correct it and send the form again.
error-input-text = What you sent holds a character that cannot be accepted (a null character, or bytes that are not text). Go back, correct it and try again.
error-429-title = Too many attempts
error-429-text = Please wait a minute before trying again.
error-500-title = Something went wrong
error-500-text = An error occurred on our side. Please try again later; if it persists, give the helpdesk the incident number below.
error-503-title = Service temporarily unavailable
error-503-text = The service cannot answer right now (its database is unavailable or busy). Please try again in a few moments.
error-incident = Incident number:

sign-out-everywhere = Sign out everywhere
session-warning-title = Still there?
session-warning-text = For your security, you will soon be signed out, as the service has not been used for a while. Anything typed but not yet sent would then be lost.
session-warning-stay = Stay signed in
session-ended-title = You were signed out
session-ended-text = The service was not used for a while. Sign in again to continue; anything not sent was not kept.
session-final-title = Your session ends soon
session-final-text = For your security, a session ends a fixed time after signing in, however much it is used: this one ends at { $time }. Send what you are typing before then; after that, sign in again.
session-final-ok = Understood
session-final-ended-title = Your session has ended
session-final-ended-text = A session ends a fixed time after signing in, however much it is used. Sign in again to continue; anything not sent was not kept.
sign-in-again = For your security, confirm who you are by signing in again before you go on:
oidc-title = Sign in with your digital key
oidc-note = eID card reader, itsme, or a European digital identity: the federal authentication service tells us who you are.
oidc-sign-in = Sign in with the federal authentication service
oidc-try-again = Try again
oidc-error-unavailable-title = The sign-in service cannot be reached
oidc-error-unavailable = The federal authentication service does not answer right now. Nothing was lost: try again in a few minutes.
oidc-error-cancelled-title = Sign-in cancelled
oidc-error-cancelled = You cancelled the sign-in. You can sign in again whenever you wish.
oidc-error-refused-title = The sign-in did not succeed
oidc-error-refused = The federal authentication service did not sign you in. Please try again.
oidc-error-state-title = This sign-in cannot be completed
oidc-error-state = This sign-in answer does not belong to a sign-in started in this browser (an old or copied link, or a second tab). Please start the sign-in again.
oidc-error-token-expired-title = The sign-in took too long
oidc-error-token-expired = The proof of your sign-in has expired. Please sign in again.
oidc-error-unknown-key-title = The sign-in could not be verified
oidc-error-unknown-key = The proof of your sign-in is not signed by the federal authentication service. You are not signed in. Please try again.
oidc-error-audience-title = The sign-in could not be verified
oidc-error-audience = The proof of your sign-in was issued for another service. You are not signed in. Please try again.
oidc-error-invalid-token-title = The sign-in could not be verified
oidc-error-invalid-token = The proof of your sign-in is not valid. You are not signed in. Please try again.
oidc-error-missing-niss-title = Your national number is missing
oidc-error-missing-niss = The sign-in service did not give us your national register or BIS number, which this service needs. Sign in again with eID, itsme or a digital key linked to your national number.
oidc-error-invalid-niss-title = Your national number is not valid
oidc-error-invalid-niss = The national number given by the sign-in service is not a valid national register or BIS number. Please contact the helpdesk.
signed-out-title = You are signed out
signed-out-provider = You are signed out of this service. You are now being signed out of the federal authentication service too.
signed-out-continue = Continue
error-403-page-text = You are not allowed to see this page.

# Forms and page structure (issue 16)
title-error = Error: { $title }
col-actions = Actions
error-summary-link = { $label }: { $message }

# The accessibility statement (/accessibility).
footer-accessibility = Accessibility
a11y-title = Accessibility statement
a11y-lead = We want everyone to be able to use this service, whatever their abilities, device or language. This statement applies to the whole service: the company app, the citizen portal, the back office, the API's documentation and the PDF exports. It is made under the law of 19 July 2018 on the accessibility of the websites and mobile applications of public sector bodies.
a11y-status-title = Compliance status
a11y-status = This service is partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.1, level AA, to which the European standard EN 301 549 refers, because of the limit below.
a11y-limits-title = Content that is not accessible
a11y-duration-hours = { $n ->
    [one] one hour
   *[other] { $n } hours
}
a11y-duration-minutes = { $n ->
    [one] one minute
   *[other] { $n } minutes
}
a11y-limit-session = Time limit (success criterion 2.2.1): a session ends { $duration } after signing in, however much it is used, to protect the personal data it shows; this limit cannot be extended. Five minutes before, every page says at what time the session ends, so that what is being typed can be sent in time; a form sent afterwards says that it was not recorded. A session not used for a while ends too, but that limit is announced and extended with one click, or by typing in the page.
a11y-method-title = How this was assessed
a11y-method = Self-assessment by the team that builds the service, last reviewed on { $date }. At every change, every page is checked automatically with axe-core against WCAG 2.1 A and AA, in the four languages, at 1280 and 320 pixels wide; automated browser tests check the reflow at 320 pixels with every control in reach, the contrast of controls, that titles and headings say what they are, that every form names its errors and leads to them, and that with forced colours (Windows high contrast) the tab shown still stands apart. The PDF exports are tagged PDF checked against PDF/UA-1.
a11y-feedback-title = Feedback and contact
a11y-feedback = If you meet an accessibility problem, or need the information of a page in another format, write to the address below, saying which page and what you met. We answer within one month.
a11y-enforcement-title = Enforcement procedure
a11y-enforcement = If our answer does not satisfy you, you may complain to the Federal Ombudsman (www.federaalombudsman.be), who handles complaints about the accessibility of the websites and applications of the federal public services.
