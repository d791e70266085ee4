## General
error-generic = Sorry, something went wrong on our side. Please try again in a moment.
stale-button = This button is no longer valid.
unknown-text = Sorry, I did not understand that. Type /help to see what I can do.
unknown-command = I do not know the command { $cmd }. Type /help to see the list of commands.
need-start = Hello! Type /start to begin using kimbot.
cancelled = Cancelled. Type /help to see the menu.
nothing-to-cancel = Nothing is in progress. Type /help to see the menu.
not-allowed-coordinator = Sorry, this command is only for KIM coordinators and Diskominfo staff.
not-allowed-staff = Sorry, this command is only for Diskominfo staff.
not-allowed-admin = Sorry, this command is only for kimbot admins.
only-private = Use this command in a private chat with me: { $link }
only-group = Use this command inside a KIM group, not in a private chat.
btn-back = ⬅️ Back
btn-lang-id = 🇮🇩 Bahasa Indonesia
btn-lang-en = 🇬🇧 English

## Roles
role-resident = resident
role-coordinator = KIM coordinator
role-staff = Diskominfo staff
role-admin = admin
role-officer = agency (OPD) officer

## Onboarding and consent
notice =
    Welcome to kimbot, the service of the Community Information Groups (KIM) and Diskominfo.

    🔒 Privacy notice (version { $version })
    • What we keep: your Telegram ID and name, your language, and the KIM you join.
    • What for: sending you information from your KIM and following up your aspirations.
    • Only the KIM and Diskominfo use it; it is never sold or shared with others.
    • You can withdraw consent and have your data erased at any time.
    Legal basis: Indonesia's Personal Data Protection Law (UU No. 27/2022).

    Do you agree?
btn-agree = ✅ I agree
btn-decline = ❌ I do not agree
notice-reminder = Before going on, please answer this question with I agree or I do not agree below. Type /cancel to stop.
declined =
    All right, nothing about you has been stored.
    Without consent kimbot cannot add you to a KIM, take your aspirations, or send you programme news.
    If you change your mind, type /start at any time.
welcome-back = Welcome back, { $name }! Your KIM: { $kim }. Type /help to see the menu.
choose-kim = Choose your KIM: type its code (for example { $code }) or pick an area below.
choose-kim-pick-kecamatan = { $area }: pick your kecamatan.
choose-kim-pick-kelurahan = { $area }: pick your kelurahan.
choose-kim-pick-kim = { $area }: pick your KIM.
choose-kim-none-here = There is no KIM in { $area } yet. Pick another area or type a KIM code.
kim-not-found = KIM code "{ $code }" was not found. Check the code.
kim-not-found-menu = KIM code "{ $code }" was not found. Check the code, or pick an area from the menu below.
no-kims = No KIM is registered yet. Please contact your local Diskominfo. You can choose a KIM later with /gantikim.
kim-joined =
    Done! You are now a member of { $kim } ({ $area }).
    Type /help to see what you can do.
kim-retired-choose = { $kim } is no longer active. Choose your new KIM with the buttons below, or type /gantikim to choose from every area.
kim-retired-gone = That KIM can no longer be chosen. Type /gantikim to choose another KIM.
kim-retired-coordinator = { $kim } was retired, so your role as its coordinator has ended.
kim-retired-group = This group is no longer linked to { $kim } because that KIM was retired: nothing new is sent here from it. A coordinator can link this group to another KIM with /hubungkan.
kim-choose-later = Cancelled. You can choose a KIM later with /gantikim.

## Language
lang-choose = Choose a language:
lang-changed = Language changed to English.

## Help
help-header = What you can do ({ $role }):
help-line-umkm = /umkm - register your business (UMKM) to hear about assistance programmes
help-line-aspirasi = /aspirasi - send a complaint or proposal and get a ticket number
help-line-status = /status - see your aspiration tickets
help-line-pengumuman = /pengumuman - latest announcements of your KIM
help-line-pelatihan = /pelatihan - upcoming trainings in your KIM: register or cancel
help-line-pelatihansaya = /pelatihansaya - trainings you joined and your waitlist places
help-line-gantikim = /gantikim - choose or change your KIM
help-line-bahasa = /bahasa - change language
help-line-datasaya = /datasaya - see all the data we keep about you
help-line-berhenti = /berhenti - stop receiving programme news
help-line-hapusdata = /hapusdata - erase your personal data
help-line-batal = /batal - stop what is in progress (also /cancel)
help-line-bantuan = /bantuan - show this message (also /help)
help-section-officer = For agency (OPD) officers:
help-line-antrian-opd = /antrian - aspirations sent to your agency
help-section-coordinator = For KIM coordinators:
help-line-umumkan = /umumkan - announce to your KIM's groups (now, at a time, or repeating)
help-line-jadwal = /jadwal - scheduled and repeating announcements
help-line-pelatihanbaru = /pelatihanbaru - create a training for your KIM
help-line-peserta = /peserta - participants, attendance, move or cancel a training
help-line-umkmkim = /umkmkim - businesses registered in your KIM
help-line-antrian = /antrian - new aspirations from your area
help-line-hubungkan = /hubungkan CODE - (inside a group) link the group to your KIM
help-line-putuskan = /putuskan - (inside a group) unlink the group
help-line-grupsaya = /grupsaya - list your KIM's groups
help-section-staff = For Diskominfo staff:
help-line-undang-coordinator = /undang koordinator KIM-CODE - create a coordinator invite code
help-line-undang-opd = /undang opd AGENCY-CODE - create an invite code for an agency (OPD) officer
help-line-laporan = /laporan - reports (XLSX, CSV): aspirations by period and area, UMKM registry, training attendance
help-line-sumber = /sumber - programme news feeds (RSS/Atom) for your area
help-section-admin = For admins:
help-line-undang-staff = /undang staf AREA-NAME - create a staff invite code (city or kecamatan)
help-line-audit = /audit - log of officials' actions (filter: /audit 12345 or /audit aspiration)
help-group =
    Group commands:
    /hubungkan CODE - link this group to a KIM (coordinators)
    /topik - choose the forum topic for kimbot's posts (coordinators)
    /putuskan - unlink this group (coordinators)

## Telegram command menu
cmd-start = Start or sign up again
cmd-bantuan = What I can do
cmd-gantikim = Choose or change KIM
cmd-bahasa = Change language
cmd-batal = Stop what is in progress
cmd-hubungkan = Link this group to a KIM
cmd-putuskan = Unlink this group from its KIM
cmd-grupsaya = My KIM's groups
cmd-undang = Create a role invite code
cmd-umkm = Register or view my business
cmd-aspirasi = Send a complaint or proposal
cmd-status = My aspiration tickets
cmd-pengumuman = Latest KIM announcements
cmd-umumkan = Make an announcement
cmd-jadwal = Scheduled announcements
cmd-umkmkim = Businesses in my KIM
cmd-antrian = Aspiration queue
cmd-pelatihan = Upcoming trainings
cmd-pelatihansaya = Trainings I joined
cmd-pelatihanbaru = Create a training
cmd-peserta = Training participants and attendance
cmd-datasaya = My stored data
cmd-berhenti = Stop programme news
cmd-hapusdata = Erase my personal data
cmd-audit = Audit log of officials' actions
cmd-laporan = Reports: aspirations, UMKM, trainings

## Groups
group-hello =
    Hello, I am kimbot, the KIM information assistant.
    KIM coordinators: send /hubungkan KIM-CODE in this group so KIM announcements reach it.
group-link-usage = Write the KIM code after the command, for example: /hubungkan { $code }
group-linked = This group is now linked to { $kim }. KIM announcements will be sent here.
group-link-denied = Sorry, only coordinators of { $kim } or Diskominfo staff of its area can link this group.
group-link-not-admin = Sorry, only admins of this group can link it to a KIM. Ask a group admin to make you an admin, or to send this command.
group-link-taken = This group is already linked to { $kim }. Only coordinators of { $kim } or Diskominfo staff of its area can move it to another KIM, or unlink it first with /putuskan.
group-unlink-denied = Sorry, only coordinators of { $kim } or Diskominfo staff of its area can unlink this group from the KIM.
group-unlinked = This group is no longer linked to { $kim }.
group-not-linked = This group is not linked to any KIM.
my-groups-header = Your KIM's groups:
my-groups-item = • { $title } - { $kim } ({ $status })
my-groups-empty = No group is linked yet. Add me to a group, then send /hubungkan KIM-CODE there.
group-status-active = active
group-status-left = bot was removed
group-status-restricted = bot may not send messages

## Role invites
invite-usage =
    How to create an invite:
    /undang koordinator KIM-CODE
    /undang opd AGENCY-CODE (agency officers, e.g. /undang opd PUPR)
    /undang staf AREA-NAME (admins only; a city or kecamatan name)
invite-created =
    Invite for { $role } of { $scope } created.
    Send this link to the person (single use, valid for { $days ->
        [one] 1 day
       *[other] { $days } days
    }):
    { $link }
invite-invalid = This invite code is not valid: wrong, already used, or expired. Ask for a new one.
invite-claimed = You are now { $role } for { $scope }. Type /help to see your new commands.
area-not-found = Area "{ $name }" was not found.
area-ambiguous = Several areas are called "{ $name }": { $options }. Write the full name, for example "Kota Palembang/Ilir Barat I".

## Commands while a form is unfinished
form-leave-ask = Leave the unfinished { $form }? If you leave it, what you entered and did not send is lost and { $cmd } runs.
form-btn-keep = ↩️ Continue
form-btn-leave = Leave it
form-kept = Fine, the { $form } goes on. Answer the last question above, or type /batal to cancel.
form-left = Fine, the { $form } was left.
form-left-retype = Fine, the { $form } was left. Please send your command again.
form-aspiration = aspiration form
form-umkm = UMKM form
form-training = training form
form-factcheck = fact-check request
form-feed = news source settings
form-announce = announcement
form-survey = survey
form-report = report request
form-poll = poll
form-privacy = personal data request
form-other = form

## Messages outside a conversation
offer-ask = I got your message. What would you like to do with it? Choose below, or type /bantuan to see every menu.
offer-btn-aspirasi = 📝 Send as an aspiration
offer-btn-cekfakta = 🔎 Fact-check it
offer-btn-bantuan = ❓ Help
