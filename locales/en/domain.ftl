## Identifiers
niss-error-empty = Please enter a national number.
niss-error-length = A national number has 11 digits.
niss-error-digits = A national number contains only digits (dots, dashes and spaces are allowed).
niss-error-checksum = This national number is not valid (check digits do not match).
niss-error-date = This national number does not contain a valid date of birth.
bce-error-empty = Please enter an enterprise number.
bce-error-length = An enterprise number has 10 digits, for example 0765.432.146.
bce-error-digits = An enterprise number contains only digits (dots and spaces are allowed).
bce-error-first-digit = An enterprise number starts with 0 or 1.
bce-error-checksum = This enterprise number is not valid (check digits do not match).
email-error-empty = Please enter an e-mail address.
email-error-too-long = This e-mail address is too long.
email-error-invalid = This is not a valid e-mail address (for example name@example.be).

text-error-characters = This text holds a character that is not accepted (a control character, a line break or an invisible formatting character).

## Contexts
context-flexi-job = Flexi-job possibility
context-flexi-job-description = may the candidate work as a flexi-worker this quarter? Access lasts 1 month.
context-student-hours = Student@Work hours balance
context-student-hours-description = how many student hours remain this year? Access lasts 3 months.

## Statuses
status-pending = Pending
status-accepted = Active
status-refused = Refused
status-expired = Expired
status-withdrawn = Withdrawn
status-revoked = Stopped by the citizen
status-blocked = Blocked
status-ended = Ended

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Purposes and legal bases (the references of the context registry)
purpose-flexi-job = At the pre-contractual stage, and only with the person's mandate, the company checks whether it may employ them as a flexi-worker; it sees only the answer, never the data behind it.
purpose-student-hours = At the pre-contractual stage, and only with the person's mandate, the company checks for how many hours it may employ them as a student with solidarity contributions (Student@Work); it sees only the balance, never the data behind it.
more-info-flexi-job = The conditions of a flexi-job (federal social security)
more-info-student-hours = Student@Work (federal social security)
legal-basis-public-task = The General Data Protection Regulation (GDPR), article 6.1(e): a task carried out in the public interest.
legal-basis-deliberation = The access is allowed by deliberation no. { $number } of { $date } of the information security committee.
notice-purpose = Purpose
notice-legal-basis = Legal basis
notice-duration = Duration
notice-duration-text = { $months ->
    [one] The access lasts one month
   *[other] The access lasts { $months } months
} from its acceptance; the person may stop it at any time.
label-value = { $label }: { $value }
