
## Privacy
privacy-title = Privacy
privacy-lead = This service lets a person give a company access to one answer drawn from the social security's data, for a limited time. This page says which personal data it processes, why, who sees them, for how long, and the rights of the people concerned.
privacy-controller-title = Who is responsible
privacy-controller-text = The controller is the social security institution that runs this service. Its data protection officer answers questions and requests about personal data at the contact address below.
privacy-contact = Contact:
privacy-purposes-title = Why: purposes and legal bases
privacy-purposes-lead = A company may see an answer only when the person concerned accepted its request, and only for the duration of that access. Each kind of answer has its purpose and legal basis:
privacy-table-title = What is kept, why, who sees it, for how long
privacy-col-data = data
privacy-col-why = why
privacy-col-who = who sees it
privacy-col-kept = how long
privacy-rights-title = Your rights
privacy-rights-access = Access: the citizen portal shows every request, every access and every consultation of your data of the last twelve months; a copy of all we keep about you is a download there ("A copy of your data", on the history page), or ask us for it.
privacy-rights-stop = Stopping an access: you may stop an access at any time, in two clicks, and refuse and block a company.
privacy-rights-rectify = Rectification: the answers come from the authentic sources (the national register, the employers' declarations); an error is corrected there, by the institution or the employer that declared it, and the next consultation follows the correction.
privacy-rights-erase = Erasure and objection: what we keep is erased at the end of the periods above; until then the law's retention applies, and you may object to a processing or ask to restrict it.
privacy-rights-how = To exercise these rights, write to the contact address below; you will be answered within one month.
privacy-complaint = You may also lodge a complaint with the Data Protection Authority (www.dataprotectionauthority.be).
privacy-security-title = How the data are protected
privacy-security-text = Sign-in through the federal authentication service; a company sees only the answer of the context accepted, never the data behind it; links work once and are stored only as a fingerprint; every consultation and every look-up of the helpdesk is recorded; national register numbers never appear in a web address or in the logs.
privacy-data-register = National register or BIS number, first and last names, birth date, language, pension start date
privacy-why-register = Knowing who signs in; the flexi-job rule (a pensioner's eligibility)
privacy-who-register = No company: the service computes the answer from them
privacy-kept-register = As long as the authentic source (the national register) keeps them
privacy-data-career = Occupation lines declared by employers (DmfA), student hours declared in Dimona
privacy-why-career = Computing the one answer a company may see
privacy-who-career = Nobody: a company sees the answer, never the lines, the employers or the hours
privacy-kept-career = As long as the authentic sources keep them
privacy-data-request = A request's label and candidate e-mail address (both optional through the API), the national register number it names, the names of the citizen who answered
privacy-why-request = The company's own list; sending the link; only the person named may accept
privacy-who-request = The company that asked (and its social service provider); the helpdesk
privacy-kept-request = Until the request leaves the company's lists (14 days after its last change, { $blockedDays } days for a stopped, blocked or ended access), then { $requestDays } days
privacy-data-link = A fingerprint (hash) of the request's secret link
privacy-why-link = A link works once, for one person
privacy-who-link = Nobody (the link itself is never kept)
privacy-kept-link = { $linkDays } days after the link is spent (answered, withdrawn or past its 72 hours), or until the request leaves the lists if sooner
privacy-data-answerer = The national register number of the citizen who answered, and each step of the request's history with who took it
privacy-why-answerer = The citizen's portal and history, the company's list, the audit trail
privacy-who-answerer = The citizen; the company (its own requests); the helpdesk
privacy-kept-answerer = Until the request leaves the company's lists, then { $auditDays } days
privacy-data-mails = E-mails sent: recipient, text with the link (sealed under the service's data key until it is erased), delivery attempts
privacy-why-mails = Delivering the request, and following up a failed delivery
privacy-who-mails = The recipient; the helpdesk (whether it was delivered)
privacy-kept-mails = The text is erased once delivered, or once its link ended (until then the helpdesk can send a refused mail again); the rest { $mailDays } days after sending (or { $requestDays } days after the request leaves the lists)
privacy-data-blocks = Which company a citizen refused and blocked
privacy-why-blocks = A blocked company cannot send that person requests
privacy-who-blocks = The citizen; the company sees its access blocked, never why
privacy-kept-blocks = Until the citizen unblocks the company
privacy-data-consultations = Each consultation: who consulted, about whom, which data, when, and the answer the company saw (eligible, not eligible or not determined per month, or the hours left; never a fraction, an employer or a reason)
privacy-why-consultations = The citizen's history of consultations; the audit; the company's PDF of that consultation
privacy-who-consultations = The citizen; the company that consulted; the helpdesk
privacy-kept-consultations = { $auditDays } days
privacy-data-positives = The quarters answered eligible for a flexi-job (person, asking company, quarter, when)
privacy-why-positives = A positive flexi-job answer stays final for its quarter
privacy-who-positives = Nobody: the rule reads it
privacy-kept-positives = { $auditDays } days, with the consultations
privacy-data-members = A company's users (national register number, role), who accepted its terms of use, its contact address
privacy-why-members = Knowing who may act for a company
privacy-who-members = The company's access managers; the helpdesk
privacy-kept-members = Until the user is removed; the acceptance of the terms as long as the company is registered
privacy-data-api = A company's API clients (name, fingerprint of the secret), their access tokens (fingerprints), the webhook address and secret (sealed under the service's data key)
privacy-why-api = The software of a company or of its social secretariat acting through the API
privacy-who-api = The company's access managers
privacy-kept-api = The webhook's address and secret until the webhook is removed or the client revoked; the client's name and the fingerprint of its secret as long as the company is registered (the history of the requests it acted on names it); a token works one hour and its fingerprint is deleted { $apiTokenDays } days later
privacy-data-idempotency = The answer to a creation or a new link sent with an idempotency key (by the company's form, or by an API client): the request and its link (sealed under the key, which only its sender holds; the key itself as a fingerprint), or the API client made (its id, never its secret)
privacy-why-idempotency = A creation or a new link sent twice (a double click, a reload, a retry) makes one link and one e-mail, or one API client
privacy-who-idempotency = The company user or the API client that sent it
privacy-kept-idempotency = { $keysMinutes ->
        [0] 24 hours, then until the expire-keys job runs
       *[other] 24 hours, then deleted within { $keysMinutes } minutes
    }
privacy-data-sessions = Sessions: a fingerprint of the session's id, the national register number and names of the person signed in, how and when they signed in, whether they worked in the back office then, the sign-in service's token, the chosen company, the requests whose links were opened in it (which link)
privacy-why-sessions = Signing in and out on every server; signing out everywhere
privacy-who-sessions = Nobody but the person signed in
privacy-kept-sessions = { $sessionsMinutes ->
        [0] Until sign-out, { $idleMinutes } minutes without use, or { $absoluteMinutes } minutes after sign-in; a session ended so is deleted when the purge-sessions job runs
       *[other] Until sign-out, { $idleMinutes } minutes without use, or { $absoluteMinutes } minutes after sign-in; a session ended so is deleted within { $sessionsMinutes } minutes
    }
privacy-data-addresses = A keyed fingerprint of the internet address of each visitor who opens a request link, as a counter (never the address itself)
privacy-why-addresses = Limiting the attempts to guess a link
privacy-who-addresses = Nobody
privacy-kept-addresses = { $keysMinutes ->
        [0] Until the counter is full again (at most one minute after the last opening), then until the expire-keys job runs
       *[other] Until the counter is full again (at most one minute after the last opening), then deleted within { $keysMinutes } minutes
    }
privacy-data-staff = Back-office staff: national register number, name, role, since when, removal
privacy-why-staff = Who may use the back office
privacy-who-staff = Back-office supervisors
privacy-kept-staff = Until the removal; then the national register number { $staffAuditDays } days later, with the audit of their actions; the name stays, as the requests' history names who acted
privacy-data-staff-audit = What the helpdesk looked up and did (a national register number appears masked at most; on the entries about a person, a keyed fingerprint of their number, so that they can be told who looked them up)
privacy-why-staff-audit = Accountability of the helpdesk
privacy-who-staff-audit = Back-office supervisors
privacy-kept-staff-audit = { $staffAuditDays } days
privacy-data-technical = Webhook deliveries (a request's identifier and status) and the runs of the background jobs: no personal data
privacy-why-technical = Telling a company's software of a change; the back office's view of the jobs
privacy-who-technical = The company's software; the back office
privacy-kept-technical = Webhook deliveries { $webhookDays } days after their delivery (or after the last attempt, when given up); job runs { $jobRunsDays } days
privacy-data-demo-tenants = Demo tenants of the trainers: name, language, clock, expiry, the staff member who made it, the trainer's own source files (fictional people only)
privacy-why-demo-tenants = Training sessions on a world of their own
privacy-who-demo-tenants = The trainers and supervisors of the back office
privacy-kept-demo-tenants = Until the tenant is deleted by its trainer, at the latest { $tenantDays } days after it was made
