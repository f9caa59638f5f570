## Company app
company-nav = Company app
company-nav-requests = Requests
company-nav-new = New request
company-nav-users = Users
company-nav-users-of = Users of { $company }
company-nav-providers = Social service providers
company-nav-switch = Switch company
company-nav-switch-client = Switch client
company-dashboard-title = Requests and accesses
company-requests-title = Accesses
company-intro = Before you hire, this service answers a question about a candidate, with the candidate's permission:
company-intro-permission = The candidate receives your request by e-mail (or its link or QR code from you) and accepts or refuses it. You then see only the answer, for the duration of the access; every consultation is recorded and shown to the candidate.
company-refused-title = Action refused
company-suspended-title = Company suspended
company-suspended = Your company is suspended by the helpdesk: you cannot create requests or consult data for now. Reason:
on-behalf-of = { $provider } on behalf of { $company }
via-provider = via { $provider }
form-has-errors = Some fields need your attention.
working = Working…
continue = Continue
since = since { $date }
remove = Remove
remove-confirm = Remove this user?
back-to-requests = Back to the requests

## Request form
request-label = Label
request-label-hint = A name for your own list (for example "Kitchen, weekend"), not an identity. The citizen does not see it.
request-email = Candidate's e-mail address
request-context = Data asked
request-language = Language of the e-mail
request-niss = Candidate's national number (optional)
request-niss-hint = If given, only this person can accept the request.
email-suggest-title = Check the candidate's e-mail address
email-suggest-text = Did you mean { $suggested }? { $typed } looks like a common address with a typing error, and a request sent to a wrong address gives its link to a stranger.
email-suggest-use = Use { $suggested }
email-suggest-keep = Keep { $typed }
company-foreigners-link = Hiring a candidate without a Belgian national number?
request-submit = Create the request
request-error-label-empty = Please give a label.
request-error-label-long = A label has at most 100 characters.
request-error-context = Please choose the data asked.
request-error-language = Please choose French, Dutch, German or English.
request-error-not-pending = This request is no longer pending: it can no longer be withdrawn or given a new link.
new-link = New link
new-link-title = New link for the candidate
new-link-text = The request "{ $label }" has a new link. The previous link no longer works.
new-link-mail = An e-mail with the new link was sent to { $email }.
new-link-deadline = The candidate can answer until { $date }.
link-opened = Link opened by the candidate
request-error-link-opened = The candidate has already opened the link: the request waits for them in "Access to my data", so no new link is needed.
request-error-link-replaced = A newer link was made for this request since, so this one no longer works. The candidate received the newer one by e-mail if the request has an address; if needed, make another new link.
created-title = Request created
created-text = The request "{ $label }" was sent to { $email }.
created-link = Single-use link for the candidate
created-deadline = The candidate has 72 hours to answer: until { $date }.
created-once = The link works for one citizen only. Keep it: it is shown only now.
created-qr = The same link as a QR code, to scan with a smartphone.
progress-title = Where the request stands
progress-waiting = Waiting for the candidate: the link has not been opened yet.
progress-opened = The candidate opened the link and signed in: waiting for their answer.
progress-accepted = { $name } accepted: you can see the answer until { $date }.
progress-consult = See the answer
progress-over = The request is over: { $status }.
progress-check = See whether the candidate answered
create-another = Create another request
copy = Copy
copied = Copied

## Tabs
tab-active = Active accesses
tab-requested = Requested accesses
tab-blocked = Blocked accesses
tab-empty-active = No active accesses yet. Start a new request, or wait until the candidate accepts.
tab-empty-requested = No pending requests. Start a new request: the candidate receives a single-use link by e-mail and has 72 hours to answer.
tab-empty-blocked = No stopped, blocked or ended accesses. An access the candidate stops or blocks, or that comes to its end, shows here for a while.
tab-empty-search = Nothing in this tab matches your search.
search-label = Search by label, name or e-mail
search = Search
col-person = Person
col-niss = National number
col-context = Data
col-until = Until
col-label = Label
col-email = E-mail
col-status = Status
col-since = Since
col-role = Role
consult-soon = Consultation
expires-in = { $hours ->
    [0] expires in less than an hour
    [one] expires in { $hours } hour
   *[other] expires in { $hours } hours
}
ends-in-days = { $days ->
    [one] ends in { $days } day
   *[other] ends in { $days } days
}
ends-in-hours = { $hours ->
    [0] ends in less than an hour
    [one] ends in { $hours } hour
   *[other] ends in { $hours } hours
}
withdraw = Withdraw
withdraw-confirm = Withdraw this request? The link will stop working.
mail-undelivered = The e-mail could not be delivered: create a new request and give its link to the candidate another way (show its QR code or copy its link).
pagination = Pages
previous = Previous
next = Next
page-of = Page { $page } of { $pages }

## Registration, terms, company choice
register-title = Register a company
register-lead = You become the main access manager of the company and accept the terms of use on its behalf.
register-already = Your company already uses the service? Do not register it again: ask its main access manager to add you as a user.
register-bce = Enterprise number (BCE)
register-name = Company name
register-kind = Kind
kind-employer = Employer
kind-provider = Social service provider (social secretariat)
register-email = Contact e-mail address
register-submit = Register
company-error-name-empty = Please give the company's name.
company-error-name-long = A name has at most 200 characters.
company-error-kind = Please choose employer or social service provider.
company-error-bce-taken = This enterprise number is already registered. Ask its main access manager to add you as a user.
select-title = Choose the company you work for
select-none = You do not belong to any company yet.
role-main_manager = main access manager
role-manager = access manager
role-user = user
terms-title = Terms of use
terms-version = Version { $version }
terms-1 = The company consults a citizen's data only at the pre-contractual stage, on a mandate given by the person concerned, to determine whether that person can be employed under a given social-security scheme.
terms-2 = The answer may be used only for that purpose, kept no longer than needed, and shared with nobody outside the hiring process.
terms-3 = Every consultation is recorded and visible to the citizen. Misuse leads to suspension of the company's access.
terms-4 = The main access manager is responsible for the users and the social service providers designated by the company.
terms-accept = I accept the terms of use on behalf of the company
terms-accepted = The terms of use have been accepted.
terms-wait = The main access manager of this company must accept the terms of use first.
clients-title = Choose the client you act for
clients-lead = { $provider } acts on behalf of the following companies:
clients-none = No company has designated you as its social service provider yet. To act for a client, give it your enterprise number, { $bce }: its access manager designates you on its "Social service providers" page.

## Users and providers
users-title = Users
users-add = Add a user
users-change-role = Change the role
users-notice-added = The user was added and can now act for the company.
users-notice-role-changed = The role was changed.
users-notice-unchanged = This person already had that role: nothing changed.
users-notice-removed = The user was removed and can no longer act for the company.
users-main-title = Hand over the main access manager role
users-main-text = The main access manager accepts the terms of use and the API's circle of trust for the company. Leaving the company, or handing this over? Give the role to another member: you stay an access manager.
users-main-person = Member who becomes the main access manager
users-main-submit = Hand over the role
users-main-confirm-title = Hand over the main access manager role?
users-main-confirm-text = This member becomes the company's main access manager. You stay an access manager, and only the new main access manager can hand the role back.
users-main-confirm-yes = Yes, hand over the role
users-notice-handed-over = The role was handed over: you are now an access manager.
member-error-role = Please choose access manager or user.
member-error-self = You cannot change or remove yourself.
member-error-main = The main access manager cannot be changed or removed.
providers-title = Social service providers
providers-lead = A social service provider you designate can create requests and consult answers on your behalf. You can end this at any time.
providers-none = No provider acts on your behalf.
providers-add = Designate a provider
providers-bce = Provider's enterprise number (BCE)
providers-end = End
providers-end-confirm = End this provider's right to act on your behalf?
provider-error-unknown = No social service provider is registered with this enterprise number.
provider-error-self = A company cannot designate itself.

## Mail
mail-request-subject = { $requester } asks for access to your data ({ $context })
mail-request-intro = { $requester } asks you for access to one piece of information about you: { $context }.
mail-request-what = If you accept, { $requester } will see only this answer, for { $months ->
    [one] 1 month
   *[other] { $months } months
}. You can stop the access at any time, and you see every consultation.
mail-request-action = Answer the request
mail-request-deadline = This link works for 72 hours and for one person only.
mail-request-replaces = This e-mail replaces an earlier one about the same request: the earlier link no longer works, use the one below.
mail-request-deadline-until = This link works until { $date } and for one person only.
mail-request-genuine = A genuine link always starts with { $host }. You will only be asked to sign in (eID, itsme, or a European eID); never for a password, a code or a payment.
mail-request-ignore = If you do not know this company, ignore this message: nothing happens without your acceptance.
mail-request-foreigners = No Belgian national number? How to get a BIS number and sign in with a European eID or a digital key: { $url }
mail-request-contact = Questions about this service: { $contact }
mailbox-title = Demo mailbox
mailbox-lead = The e-mails the service sent, as the recipients receive them (demonstration only).
mailbox-empty = No e-mail yet.
mail-to = To
mail-subject = Subject
mail-date = Date
mail-sent = Delivered
mail-queued = Waiting
mail-failed = Failed
mail-last-error = Last error
request-error-blocked = This person has blocked your company: they do not accept its requests. Nothing was sent.
request-created-at = Created on { $at }
company-client-suspended = { $company }, the company you act for, is suspended by the helpdesk: you cannot create requests or consult data for it for now. Reason:

## Help: hiring a foreign candidate
foreigners-company-title = Hiring a candidate without a Belgian national number
foreigners-company-lead = A foreign candidate who is not in the Belgian national register uses this service with a BIS number, the social security's identification number, and signs in with a European eID or a digital key.
foreigners-company-bis-title = The BIS number
foreigners-company-bis = Ask the candidate whether they already have a BIS number (it is on their Belgian social security documents). If not, the federal identification service for foreigners gives one when it identifies them; a social security institution, or your social secretariat when it declares the employment, can also have one created.
foreigners-company-request = When you create the request, you may put the BIS number in the national register number field: then only that person may accept. Send the link or show the QR code as for any candidate; the e-mail tells the candidate, in their language, how to sign in.
foreigners-company-sign-in-title = Signing in
foreigners-company-sign-in = The candidate signs in with the electronic identity of their country when it is recognised in Europe (eIDAS), or with a digital key that the federal identification service for foreigners gives after a video interview.
foreigners-company-candidate-page = The candidates' own help page, to send them:

# Confirmation pages of destructive actions (without JavaScript)
withdraw-title = Withdraw this request?
withdraw-text = The link sent to the candidate will stop working at once. A withdrawn request cannot be sent again: make a new request if needed.
withdraw-yes = Yes, withdraw the request
remove-title = Remove this user?
remove-text = This person will no longer be able to act for the company.
remove-yes = Yes, remove the user
providers-end-title = End this provider's designation?
providers-end-text = The provider will no longer be able to act on your behalf.
providers-end-yes = Yes, end the designation
confirm-cancel = No, go back

# The live tabs' automatic refresh
tabs-live-on = The lists update automatically (every { $seconds } s).
tabs-live-off = Automatic updates are paused.
tabs-live-pause = Pause updates
tabs-live-resume = Resume updates
tabs-live-unreachable = The lists could not be updated: the service cannot be reached. They update again as soon as it answers.
unreachable = The service could not be reached (no connection, or no answer in time). Nothing is lost: what you typed is still here, and sending it again is safe. Try again in a moment.
