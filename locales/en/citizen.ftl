## Citizen portal: navigation and home
citizen-home-lead = Here you answer the requests of companies, see who has access to your data and until when, and stop an access at any moment.
citizen-nav-home = My data
citizen-nav-history = History and consultations
citizen-nav-foreigners = No Belgian national number?
citizen-back-portal = Go to my data
citizen-pending-title = Requests waiting for your answer
citizen-pending-item = { $requester } asks for access to: { $context }
citizen-pending-deadline = You can answer until { $deadline }.
citizen-pending-open = See and answer
citizen-granted-title = Granted accesses
citizen-granted-lead = These companies may consult the one answer you accepted, until the date shown. Each consultation appears in your history; you may stop an access at any time.
citizen-granted-empty = No company has access to your data.
citizen-access-flexi-job = { $requester } has access to your flexi-job possibility until { $until }.
citizen-access-student-hours = { $requester } has access to your Student@Work hours balance until { $until }.
citizen-stop = Stop access now
citizen-stop-question = Stop this access now? The company will no longer be able to consult your data.
citizen-blocked-title = Blocked companies
citizen-blocked-empty = You have not blocked any company.
citizen-blocked-item = { $company } (enterprise number { $bce }) cannot send you requests, since { $since }.
citizen-unblock = Unblock
citizen-done-stopped = The access is stopped. The company can no longer consult your data.
citizen-done-unblocked = The company is unblocked: it may send you requests again.

## History
citizen-history-title = History and consultations
citizen-history-lead = Your past requests and accesses, and every consultation of your data.
citizen-history-requests = Past requests and accesses
citizen-history-empty = You have no past request or access.
citizen-col-who = Who
citizen-col-what = Data
citizen-col-status = Status
citizen-col-when = Date
citizen-col-consulted-at = When
citizen-col-on-behalf-of = On behalf of
citizen-consultations-title = Consultations of your data
citizen-consultations-empty = No consultation of your data is recorded.
citizen-data-title = A copy of your data
citizen-data-text = Download everything this service keeps about you, with no limit of time: the requests addressed to you and what happened to them, the accesses you gave, every consultation, the companies you block. A file in a standard format (JSON) that another service can read.
citizen-data-download = Download a copy of my data

## The request page
citizen-request-title = A request for access to your data
citizen-request-who = Who asks
citizen-request-company = Company
citizen-request-provider = Social secretariat acting on its behalf
citizen-request-bce = enterprise number { $bce }
citizen-request-what = Which data
citizen-request-duration = For how long
citizen-request-duration-text = If you accept now, the access lasts { $months ->
    [one] one month
   *[other] { $months } months
}, until { $until }. You can stop it at any moment.
citizen-request-not-seen = What the company will not see
citizen-not-seen-flexi-job = The company only sees, month by month, whether you may work as a flexi-worker (yes, no, or not determined). It does not see your age, your pension, your salary, your working time or your employers.
citizen-not-seen-student-hours = The company only sees how many student hours remain for you this year, on the day it consults. It does not see your employers or the hours declared per job.
citizen-request-deadline = You can answer this request until { $deadline }.
citizen-request-replaces = You already gave { $company } this access until { $until }. If you accept, this new access replaces the old one, which stops at once.
citizen-answer-accept = Accept
citizen-answer-refuse = Refuse
citizen-answer-refuse-block = Refuse and block this company
citizen-answer-refuse-block-help = If you refuse and block, this company can no longer send you requests until you unblock it in your portal.
citizen-genuine-title = Is this link genuine?
citizen-genuine-text = A genuine link always leads to { $host }. We never ask you for anything but a sign-in: no password, code, bank details or payment by e-mail.
citizen-foreigners-link = No Belgian national number? How foreign candidates sign in.

## After the answer
citizen-answered-title = Your answer
citizen-answered-accepted = You accepted this request.
citizen-answered-refused = You refused this request. The company cannot consult your data.
citizen-answered-refused-blocked = You refused this request and blocked { $company }: it can no longer send you requests.
citizen-answered-blocked = You have blocked { $company }, so this request was refused automatically. To give it access, first unblock the company in your portal, then ask it for a new request.
citizen-answered-blocked-other = This access is blocked.
citizen-answered-revoked = You stopped this access on { $date }.
citizen-answered-ended = This access ended on { $date }.

## Links that cannot be answered
citizen-problem-unknown-title = This link is not valid
citizen-problem-unknown-text = This link does not exist or is incomplete. Check that you opened the whole link from the most recent e-mail about this request (a newer link replaces the earlier ones), or ask the company for a new link.
citizen-problem-expired-title = This link has expired
citizen-problem-expired-text = A request must be answered within 72 hours. Ask the company to send you a new request.
citizen-problem-withdrawn-title = This request was withdrawn
citizen-problem-withdrawn-text = The company withdrew this request: it can no longer be answered. If you still wish to give access, ask the company for a new request.
citizen-problem-answered-title = This request has already been answered
citizen-problem-answered-text = An answer is already recorded and cannot be changed; you find it in your portal. For a different answer, ask the company for a new request. You can stop an access at any moment.
citizen-problem-replaced-title = This link was replaced by a newer one
citizen-problem-replaced-text = The company made a new link for this request, and the one you opened no longer works. Open the link of the most recent e-mail, or ask the company for it.
citizen-problem-other-citizen-title = Another person already used this link
citizen-problem-other-citizen-text = A request link can be used by one person only, and another person signed in through it first. If this request is meant for you, ask the company to send you a new request.
citizen-problem-not-addressee-title = This request is addressed to someone else
citizen-problem-not-addressee-text = The company addressed this request to another person: only that person can answer it. If you signed in with the wrong identity, sign out. If the request is meant for you, ask the company for a new request.
citizen-error-not-active = This access is not active.

## Stopping an access
citizen-stop-title = Stop this access?
citizen-stop-text = The company will no longer be able to consult your data. An access cannot be restarted: the company would have to send you a new request.
citizen-stop-yes = Yes, stop access now
citizen-stop-cancel = No, go back

## Foreign candidates
citizen-foreigners-title = Foreign candidates without a Belgian national number
citizen-foreigners-lead = You can use this service with a BIS number, and sign in with a European eID or a digital key.
citizen-foreigners-bis-title = How to get a BIS number
citizen-foreigners-bis-text = A BIS number is the social-security identification number of people who are not in the Belgian national register. It is made by the Crossroads Bank for Social Security at the request of a social-security institution; usually your future employer or its social secretariat has one made when it declares your employment, and a municipality can help you too.
citizen-foreigners-identification = Without a Belgian eID, the federal identification service for foreigners identifies you in a video interview: you get a digital key, and a BIS number if you do not have one yet.
citizen-foreigners-bis-request = Once you have your BIS number, give it to the company: it can then send you a request addressed to you.
citizen-foreigners-sign-in-title = How to sign in without a Belgian eID
citizen-foreigners-eidas = With a European eID: on the sign-in page, choose "European eID" and sign in with the electronic identity of your country.
citizen-foreigners-key = With a digital key: register a digital key linked to your BIS number (for example at a registration office or through a social-security institution), then choose it on the sign-in page.
citizen-foreigners-safety = Whichever way you sign in, we never ask for anything else: no password, code or payment by e-mail or telephone.

citizen-problem-own-company-title = This request comes from your own company
citizen-problem-own-company-text = You are a user of the company that asks: this link is for the candidate, not for you. Keep it and send it to the candidate; opening it changed nothing.
citizen-confirm-title = Is this request for you?
citizen-confirm-question = You are signed in as { $name }. Is this request for you?
citizen-confirm-continue = Continue as { $name }
citizen-confirm-someone-else = Sign in as someone else
citizen-you-blocked-title = You blocked this company
citizen-you-blocked-text = You blocked { $company }: it cannot get access to your data. To answer this request, unblock the company first.
citizen-you-blocked-unblock = Unblock { $company }
citizen-error-company-blocked = You blocked this company, so you cannot accept its request. To accept it, first unblock the company in your portal ("Blocked companies").
