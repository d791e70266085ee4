# Programmes for UMKM (issue 29): compose, apply, groups, selection, notices.

help-line-program = /program - UMKM programmes open now: read and apply
help-line-programsaya = /programsaya - your programme applications and their state; withdraw
help-line-gabungprogram = /gabungprogram - join a group application with its code
help-line-programbaru = /programbaru - create and announce a UMKM programme
help-line-seleksi = /seleksi - select programme applicants (accept, waitlist, reject)

cmd-program = Open UMKM programmes
cmd-programsaya = My programme applications
cmd-gabungprogram = Join a group application
cmd-programbaru = Create a UMKM programme
cmd-seleksi = Select programme applicants

form-programme = programme form

prg-kind-modal = Capital aid
prg-kind-pendampingan = Mentoring
prg-kind-sertifikasi = Certification (halal, PIRT)
prg-kind-nib = NIB facilitation
prg-kind-kur = KUR referral
prg-kind-pameran = Exhibition / bazaar

prg-status-forming = group not complete
prg-status-submitted = submitted
prg-status-accepted = accepted
prg-status-waitlisted = waitlisted
prg-status-rejected = rejected
prg-status-withdrawn = withdrawn

prg-refuse-closed = Applications to this programme are not open.
prg-refuse-area = Your business is outside this programme's area.
prg-refuse-sector = Your business's sector is not among this programme's targets.
prg-refuse-scale = Your business's scale is not among this programme's targets.
prg-refuse-kecamatan = This programme is only for businesses in a certain kecamatan.
prg-refuse-nib = This programme requires an NIB; add yours with /umkm.

prg-any = all
prg-who-sectors = Sectors: { $list }
prg-who-scales = Scales: { $list }
prg-who-kecamatan = Kecamatan: { $name }
prg-form-individual = Applications: individual
prg-form-group = Applications: groups of at least { $n } members
prg-nib-required = NIB: required
prg-nib-optional = NIB: not required
prg-selection-review = Selected by staff
prg-selection-first-come = First come, first served

prg-card =
    📣 { $name }
    { $kind } · { $organiser }
    { $description }
    Quota: { $quota } · Closes: { $closes }
    Selection: { $selection }
prg-invite-header = A new programme fits your business:
prg-post-header = UMKM programme open for applications:

prg-not-allowed = Sorry, only Diskominfo staff and agency officers create and select programmes.
prg-not-found = That programme or application was not found.
prg-use-buttons = Please choose with the buttons above, or type /batal to stop.
prg-bad-text = The answer must not be empty and at most { $max } characters. Try again.
prg-bad-quota = The quota is a number from 1 to 100000. Try again.
prg-discarded = Cancelled. Nothing was saved.

prg-ask-organiser = New programme. Who organises it?
prg-ask-name = What is the programme's name? (e.g. Capital Aid for Food Businesses 2026)
prg-ask-kind = What kind of programme is it?
prg-ask-description = Write a short description: what is given and any other conditions.
prg-ask-sectors = For which sectors? Tick them, then press Done (none ticked: all sectors).
prg-ask-scales = For which business scales? Tick them, then press Done (none ticked: all scales).
prg-ask-nib = Is an NIB required?
prg-ask-group = Individual or group applications?
prg-ask-quota = How many recipients (quota)? Type the number.
prg-ask-window = How long are applications open?
prg-ask-selection = How are recipients chosen?
prg-ask-question = Questions for applicants (at most { $max }): choose a kind, or press Skip. A text question can also be typed right away.
prg-ask-question-more = Question { $n } of { $max } saved. Add another question? Choose its kind, or press Done.
prg-ask-question-prompt = Type the question ({ $kind }).
prg-ask-question-options = Type the answer options, one per line or separated by commas (2–10 options).
prg-bad-options = Give 2–10 options, each at most 40 characters and all different. Try again.
prg-questions = Questions for applicants:
prg-ask-follow-up = Send recipients a follow-up survey after applications close?
prg-ask-review = Check before announcing:
prg-btn-organiser-self = Our own office
prg-organiser-office = Diskominfo
prg-btn-done = Done
prg-btn-nib-yes = Yes, required
prg-btn-nib-no = Not required
prg-btn-individual = Individual
prg-btn-group = Group, at least { $n } people
prg-btn-days = { $n } days
prg-btn-skip = Skip
prg-btn-no-follow-up = No
prg-btn-publish = Announce
prg-btn-discard = Cancel
prg-published = Programme «{ $name }» announced to { $owners } matching UMKM owners and { $groups } groups.

prg-none-open = No programme is open for your area yet.
prg-open-list = Programmes open now:
prg-btn-apply = Apply
prg-register-first = To apply, register your business with /umkm first, then open the programme again.
prg-refused = Sorry, your business cannot apply to «{ $name }» yet:
prg-already = You have already applied to this programme:
prg-question = Question { $n }: { $prompt }
prg-review = Check your application to «{ $name }»:
prg-review-business =
    Owner: { $owner }
    Business: { $business }
    Sector: { $sector } · Scale: { $scale }
    Kelurahan: { $kelurahan }
    (from your UMKM registration; change it with /umkm)
prg-review-group = This is a group application: you are its lead and get a code for { $n } members.
prg-btn-submit = Submit application
prg-submitted = Application submitted. Your number: { $number }. State: { $status }. See /programsaya.
prg-submitted-group =
    Group application created. Number: { $number }.
    Join code: { $code }
    Share the code with the members; they type /gabungprogram { $code }. The application is complete at { $n } members.

prg-mine = Your programme applications:
prg-mine-none = You have not applied to any programme yet. See /program.
prg-app-line = • { $number } { $programme }: { $status }
prg-app-members = , { $members } members
prg-app-reason = . Reason: { $reason }
prg-btn-withdraw = Withdraw { $number }
prg-withdraw-ask = Withdraw application { $number }? Your place goes to the next applicant.
prg-btn-withdraw-yes = Yes, withdraw
prg-withdrawn = Application { $number } withdrawn.

prg-ask-code = Type the group's join code (6 letters/digits).
prg-code-unknown = That code was not found, or its group is already complete.
prg-join-consent =
    Join group { $number } for the programme «{ $name }» ({ $members } of { $n } members)?
    By joining you agree that your Telegram name is recorded as a group member for this programme's selection.
prg-btn-join-yes = Agree & join
prg-joined = You joined group { $number } ({ $members } members).
prg-joined-complete = You joined group { $number }. The group is complete ({ $members } members) and its application is submitted.
prg-lead-joined = A new member joined group { $number }: now { $members } members.
prg-lead-complete = Group { $number } is complete ({ $members } members). Its application is submitted.

prg-manage-list = Programmes you manage:
prg-manage-none = You manage no programme yet. Create one with /programbaru.
prg-manage-head = { $name }: { $accepted } of { $quota } accepted.
prg-manage-empty = No applicant is waiting for a decision.
prg-applicant =
    { $number } · { $business } ({ $status })
       { $sector }, { $scale }, { $kelurahan }
prg-erased = (data erased)
prg-btn-more = Next ›
prg-ask-reason = Type the reason for rejecting { $number } (sent to the applicant).
prg-decided = { $number }: { $status }. The applicant has been told.
prg-decided-already = That application was already decided or withdrawn.
prg-quota-full = The quota of { $quota } is full. Waitlist or reject instead.

prg-told-accepted = Congratulations! Application { $number } to «{ $programme }» is accepted. The organiser will contact you.
prg-told-waitlisted = Application { $number } to «{ $programme }» is on the waitlist. You will be told if a place frees up.
prg-told-rejected = Sorry, application { $number } to «{ $programme }» was not accepted. Reason: { $reason }
prg-told-promoted = Good news! A place freed up: application { $number } to «{ $programme }» is now accepted.

audit-act-programme-create = created programme #{ $id }, quota { $quota }
audit-act-programme-publish = announced programme #{ $id } to { $people } UMKM owners
audit-act-programme-decide = decided { $number } (programme #{ $id }): { $decision }
audit-act-programme-withdraw = withdrew application { $number } (programme #{ $id })
audit-act-programme-promote = moved { $number } up from the waitlist (programme #{ $id })
audit-act-programme-note = noted on { $number } (programme #{ $id })
audit-act-programme-follow-up = sent the follow-up survey of programme #{ $id } to { $people } recipients

privacy-data-programmes = Programme applications
privacy-data-programme = • { $number } { $programme }: { $status } ({ $at }) { $answers }

console-nav-programmes = Programmes
console-programmes-title = UMKM programmes
console-programmes-empty = You manage no programme yet.
console-programmes-back = ← Back to the programmes
console-programme-name = Programme
console-programme-organiser = Organiser
console-programme-accepted = Accepted / quota
console-programme-quota = Accepted { $accepted } of a quota of { $quota }
console-programme-all = All
console-programme-filter = Filter
console-programme-number = Number
console-programme-business = Business
console-programme-place = Place
console-programme-eligibility = Eligibility
console-programme-answers = Answers
console-programme-note = Note
console-programme-reason = Reason (required to reject)
console-programme-members = { $n } members
console-programme-accept = Accept the ticked
console-programme-waitlist = Waitlist
console-programme-reject = Reject
console-programme-save-note = Save note
console-programme-done-decided = Decisions saved; the applicants have been told.
console-programme-done-quota-full = The quota is full: some applicants were not accepted.
console-programme-done-none-ticked = Tick the applicants to decide first.
console-programme-done-reason-needed = Write a reason to reject.

rep-kind-programmes = UMKM programmes
rep-prg-choose-period = UMKM programme report: applications of which period?
console-download-programmes = UMKM programmes: applicants and recipients
rep-prg-empty = No programme applications in { $period } in { $area }.
rep-prg-done = Programme report { $period } in { $area }: { $rows } applications.
rep-prg-col-number = Number
rep-prg-col-programme = Programme
rep-prg-col-form = Form
rep-prg-col-members = Members
rep-prg-col-sector = Sector
rep-prg-col-scale = Scale
rep-prg-col-answers = Closed answers
rep-prg-group = group
rep-prg-individual = individual
rep-prg-sum-title = UMKM programme summary
rep-prg-applicants = Applicants
rep-prg-recipients = Recipients

prg-fu-title = Follow-up: { $name }
prg-fu-reach = Recipients of { $name }
prg-fu-q-helped = Did the help from «{ $name }» help your business?
prg-fu-yes = Yes, it helped
prg-fu-no = It did not help
prg-fu-q-before = What was your business's monthly revenue before the help?
prg-fu-q-after = What is your business's monthly revenue now?
prg-fu-band-1 = Below Rp1 million
prg-fu-band-2 = Rp1–5 million
prg-fu-band-3 = Rp5–15 million
prg-fu-band-4 = Rp15–50 million
prg-fu-band-5 = Above Rp50 million
rep-prg-fu-title = Follow-up survey
rep-prg-fu-invited = Recipients asked
rep-prg-fu-respondents = Answered
rep-prg-fu-helped = Did the help help?
rep-prg-fu-band = Monthly revenue
rep-prg-fu-before = Before the help
rep-prg-fu-after = Now
rep-prg-fu-withheld = Details are shown from { $min } answers.
rep-prg-fu-line = Follow-up of «{ $name }»: { $respondents } of { $invited } recipients answered.
rep-prg-fu-helped-line = Helped: { $yes } · not helped: { $no }.
rep-prg-chart-title = Programme applicants and recipients by kecamatan, { $period }, { $area }
rep-prg-chart-caption = Programme applicants and recipients by kecamatan, { $period }
rep-prg-chart-others = Others
