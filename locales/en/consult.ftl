## Consultation of a mandate (company app)
consult-link = Consult
consult-person = Person
consult-niss = National number
consult-company = Company
consult-by-provider = Consulted by
consult-data = Data
consult-at = Consulted on
consult-valid-until = Access valid until
consult-reference = Consultation reference
consult-result-title = Result of the consultation
consult-calendar-title = Month by month
consult-legend = Legend
consult-legend-eligible = Period in which the conditions for a flexi-job are met
consult-legend-not_eligible = Period in which the conditions for a flexi-job are not met
consult-legend-not_determined = Period for which the conditions for a flexi-job are not yet determined
consult-status-eligible = Conditions met
consult-status-not_eligible = Conditions not met
consult-status-not_determined = Not determined
consult-chip-eligible = Eligible
consult-chip-not-eligible = Not eligible
consult-chip-period = from { $from } to { $to }
consult-figure-hours = { $hours ->
    [one] hour left
   *[other] hours left
} in { $year }
consult-note-same-checks = At the pre-contractual stage, the checks are the same as those the Dimona declaration makes.
consult-more-info = More information
consult-notice-title = Purpose and legal basis
consult-checked-title = What was checked
consult-company-checks-title = What your company must still check itself
consult-recorded = This consultation is recorded: { $name } can see in the citizen portal that your company consulted these data, and when.
consult-export-pdf = Export as PDF
consult-back = Back to the active accesses
consult-pdf-footer = { $service } · consultation reference { $reference }

## Flexi-job
consult-flexi-eligible = { $name } may work as a flexi-worker from { $from } to { $to }.
consult-flexi-not-eligible = { $name } does not meet the conditions to work as a flexi-worker from { $from } to { $to }.
consult-flexi-window = This consultation answers for the months from { $from } to { $to }. The other months are not determined: during the last month of a quarter, a consultation also answers for the next quarter.
consult-flexi-checked = For each quarter, a person may work as a flexi-worker if, in the reference quarter (three quarters earlier), they were employed at least 4/5 by employers other than your company, or if they had already retired by the last day of the quarter two quarters earlier. Flexi-jobs, student jobs, occasional work in the hotel and catering trade or in agriculture and horticulture, dual training and part-time compulsory schooling do not count towards the 4/5.
consult-flexi-private = You only see whether the conditions are met, month by month: not which condition applies, nor the person's employers, working time, age or any other data.
consult-flexi-negative = A positive result is final for its quarter. A negative result can still change if the employers' DmfA declarations for the reference quarter are corrected.
consult-flexi-check-same-employer = The person does not work for your company in the same quarter under an ordinary employment contract (a flexi-job contract and an ordinary contract with the same employer cannot be combined).
consult-flexi-check-notice = The person is not working out a notice period with your company, and is not covered by a notice indemnity paid by your company.
consult-flexi-check-sector = Your company belongs to a sector (joint committee) in which flexi-jobs are allowed.
consult-flexi-check-linked = The employment that makes the person eligible is not with a company linked to yours (same group or same economic entity).
consult-flexi-check-temp-agency = Through a temporary work agency, a flexi-job is possible only for a user company of a sector that allows flexi-jobs, and these same conditions apply to the user company.

## Student@Work hours
consult-student-balance = On { $date }, { $hours ->
    [one] 1 hour remains
   *[other] { $hours } hours remain
} in { $name }'s student hours balance.
consult-student-exceeded = The quota of { $quota } hours for { $year } is exceeded: no hours remain at reduced social contributions.
consult-student-quota = The quota for { $year } is { $quota } hours. Unused hours do not carry over to the next year.
consult-student-checked = The balance is the year's quota minus the hours already declared in Dimona by all employers (every started hour counts as a whole hour), as of the moment of this consultation. You do not see the employers nor the hours declared per job.
consult-student-stu-note = The balance may differ when the Dimona STU declaration does not follow this consultation at once: the hours other employers declare in between count too.
consult-student-check-student = The person is really a student: enrolled in education, and studying is their main activity.
consult-student-check-contract = A written student employment contract is concluded at the latest when work starts.
consult-student-check-school = The work takes place outside the periods of compulsory school attendance (the person is no longer subject to full-time compulsory schooling).
consult-student-check-age = The person is at least 15 years old and has completed the first degree of secondary school.

## Refusals
consult-error-no-mandate = There is no active mandate for this request: the person has not accepted it, or it is no longer valid. You cannot consult their data.
consult-error-ended = This access has ended: its duration is over. To consult the data again, send the person a new request.
consult-error-stopped = The person has stopped this access: you can no longer consult their data.
consult-error-blocked = This access is blocked: you can no longer consult the person's data.
consult-error-no-data = The official databases do not know this person: no result can be given.

## My possibilities (citizen portal)
possibilities-title = My possibilities
possibilities-lead = Your own results, computed now from the official databases. No company sees this page, and looking at it is not recorded as a consultation.
possibilities-back = Back to my portal
possibilities-computed = Computed on { $at }.
possibilities-unknown = The national register does not know you: no result can be computed.
possibilities-flexi-eligible = You may work as a flexi-worker from { $from } to { $to }.
possibilities-flexi-not-eligible = You do not meet the conditions to work as a flexi-worker from { $from } to { $to }.
possibilities-flexi-every-employer = Here all your employers count. For a given company, your employment with that same company does not count towards the 4/5: the result that company sees may differ.
possibilities-student-balance = If you work as a student in { $year }, { $hours ->
    [one] { $hours } hour remains
   *[other] { $hours } hours remain
} at reduced contributions (on { $date }).
consult-now = Consult now
consult-now-lead = Consulting computes the answer now from the official databases and records it: { $name } sees each consultation in the citizen portal. Looking at this page records nothing.
consult-manage-access = View and manage the access
