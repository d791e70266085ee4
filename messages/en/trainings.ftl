## Trainings: dates and times (in the KIM's time zone)
training-date = { $weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
       *[sun] Sunday
    }, { $day } { $month ->
        [jan] January
        [feb] February
        [mar] March
        [apr] April
        [may] May
        [jun] June
        [jul] July
        [aug] August
        [sep] September
        [oct] October
        [nov] November
       *[dec] December
    } { $year }
training-moment = { $date }, { $time } { $zone }
training-span-day = { $date }, { $from }–{ $to } { $zone }
training-span-days = { $start } to { $end }

## Trainings: card and details
training-line-title = 🎓 { $title }
training-line-organiser = 🏛 Organiser: { $organiser }
training-line-when = 🗓 { $when }
training-line-place = 📍 Place: { $place }
training-line-map = 🗺 Map: { $url }
training-line-online = 💻 Online: { $url }
training-line-targets = 🎯 For: { $targets }
training-line-seats = 🪑 Seats left: { $left } of { $quota }
training-line-full = 🪑 Full ({ $quota ->
        [one] 1 seat
       *[other] { $quota } seats
    }). Waitlist: { $waiting ->
        [one] 1 person
       *[other] { $waiting } people
    }
training-line-deadline = ⏳ Registration open until { $deadline }
training-line-closed = 🔒 Registration is closed.
training-line-cancelled = ❌ This training is CANCELLED.
training-line-you-registered = ✅ You are registered for this training.
training-line-you-waiting = ⏳ You are on the waitlist, number { $position }. If someone cancels, you move up automatically and we will tell you.
training-until-start = until the training starts
training-targets-all = all residents
training-poster-yes = yes
training-poster-no = none
training-organiser-default = Dinas Koperasi dan UMKM

## Targets (UMKM sectors and needs)
training-target-kuliner = Food and drink
training-target-fashion = Fashion
training-target-kriya = Crafts
training-target-jasa = Services
training-target-tani = Farming/fishing
training-target-lainnya = Other sectors
training-target-modal = Needs capital
training-target-digital = Digital marketing
training-target-izin = Licences (NIB)
training-target-qris = QRIS

## Creating a training (/pelatihanbaru)
training-ask-kim = Which KIM is this training for? Choose below.
training-compose-start = Creating a new training for { $kim }. Type /batal at any time to stop.
training-ask-title = What is the training's title? (for example: Basic Sewing Training)
training-ask-organiser = Who organises it? Type the name, or choose the button below.
training-ask-description = Write a short description: what it covers, who may join, what to bring.
training-ask-start =
    When does it start? Write the date and time ({ $zone }), for example:
    25/12 08:00
    or 2026-12-25 08:00
training-ask-end =
    When does it end? Write just the time if it is the same day (for example 12:00),
    or the date and time (for example 26/12 12:00). Time in { $zone }.
training-ask-place =
    Where is it? Write the address or the name of the place (for example: Balai Kelurahan Bukit Lama),
    or send an online meeting link (starting with https://).
training-ask-pin = If you like, send the place's map location (📎 → Location). Or press Skip.
training-place-text-first = Please write the address or name of the place first; the map location can follow.
training-ask-quota = How many participants can join? Write a number from 1 to { $max }.
training-ask-deadline =
    Until when is registration open? Write the date and time ({ $zone }), for example 24/12 17:00,
    or press the button if registration stays open until the training starts.
training-ask-targets = Who is this training for? Choose UMKM sectors or needs (several, or none), then press Done.
training-ask-poster = Send a photo of the training's poster if there is one. Or press Skip.
training-use-buttons = Please choose with the buttons on the message above. Type /batal to stop.
training-need-text = Please answer with a text message.
training-discarded = Training draft discarded. Nothing was published.

## Checking answers
training-error-too-short = Too short: at least { $min } characters. Please write it again.
training-error-too-long = Too long: at most { $max } characters. Please shorten it.
training-error-number = Write just a number, for example 20.
training-error-range = The number must be between { $min } and { $max }.
training-error-url = That link cannot be used. Send a full link starting with https://, for example https://zoom.us/j/123456.
training-error-date-format =
    I could not read that date. Write a date and time, for example:
    25/12 08:00
    or 2026-12-25 08:00
training-error-date-invalid = That date or time does not exist (for example 31/02 or 25:00). Please check it.
training-error-past = That time has already passed. Write a time in the future.
training-error-end-before-start = The end must be after the start.
training-error-deadline-after-start = The registration deadline cannot be after the training starts.

## Review and publish
training-review-header = Please check before publishing:
training-review-title = 🎓 Title: { $value }
training-review-organiser = 🏛 Organiser: { $value }
training-review-description = 📝 Description: { $value }
training-review-when = 🗓 When: { $value }
training-review-quota = 🪑 Quota: { $value }
training-review-deadline = ⏳ Registration deadline: { $value }
training-review-targets = 🎯 Targets: { $value }
training-review-poster = 🖼 Poster: { $value }
training-btn-publish = ✅ Publish
training-btn-discard = ❌ Cancel
training-btn-edit-title = Change title
training-btn-edit-organiser = Change organiser
training-btn-edit-description = Change description
training-btn-edit-when = Change time
training-btn-edit-place = Change place
training-btn-edit-quota = Change quota
training-btn-edit-deadline = Change deadline
training-btn-edit-targets = Change targets
training-btn-edit-poster = Change poster
training-btn-skip = Skip
training-btn-done = Done
training-btn-until-start = Until the start
training-published = ✅ Training "{ $title }" is published. Residents of the KIM can register with /pelatihan.
training-published-no-groups = No group is linked to this KIM yet, so nothing was announced to groups. Add me to a group and send /hubungkan KIM-CODE there.
training-announce-ask = Announce this training to the KIM's groups? Choose the groups (✅ = will receive it).
training-btn-announce = 📣 Announce
training-btn-no-announce = No thanks
training-announce-queued = 📣 The announcement is being sent to { $count } groups.
training-announce-none = ⚠️ No group is ticked. Tick a group in the message above and press Announce, or press No thanks.
training-announce-skipped = All right, no announcement to groups.
training-announce-header = 📢 NEW TRAINING
training-announce-how = How to register: press the button under this message, or open { $link } and type /pelatihan.

## Residents: /pelatihan and /pelatihansaya
training-no-kim = You have not chosen a KIM yet. Type /gantikim to choose one, then try again.
training-none-upcoming = There are no upcoming trainings in your KIM yet. We will tell you in the KIM's groups when there are.
training-browse-position = Training { $n } of { $total }
training-btn-register = ✅ Register
training-btn-register-waitlist = ⏳ Join the waiting list
training-link-gone = Sorry, the training from that link was not found. Type /pelatihan to see the trainings of your KIM.
training-link-other-kim = ℹ️ This training is for residents of { $kim }, so only members of that KIM can register. Type /pelatihan to see the trainings of your KIM.
training-btn-withdraw = ❌ Cancel my place
training-btn-withdraw-item = ❌ Cancel: { $n }. { $title }
training-registered = ✅ You are registered for "{ $title }". We will remind you the day before and two hours before it starts.
training-waitlisted = "{ $title }" is full. You are on the waitlist, number { $position }; if someone cancels, you move up automatically and we will tell you.
training-withdrawn = Your registration for "{ $title }" is cancelled.
training-withdraw-ask = Really drop out of "{ $title }"? Your seat goes to the next person on the waitlist and may not come back.
training-btn-withdraw-keep = ↩️ No, keep my seat
training-btn-withdraw-yes = ❌ Yes, drop out
training-withdraw-kept = Fine, your registration for "{ $title }" is unchanged.
training-refused-cancelled = Sorry, this training has been cancelled.
training-refused-closed = Sorry, registration for this training is closed.
training-refused-deadline = Sorry, the registration deadline has passed.
training-refused-started = Sorry, this training has already started or is over.
training-mine-header = Trainings you joined:
training-mine-item =
    { $n }. { $title }
    🗓 { $when }
    { $seat }
training-mine-none = You are not registered for any training. Type /pelatihan to see the trainings in your KIM.

## Notices to participants (private messages)
training-notice-promoted = 🎉 Good news: a seat became free in "{ $title }" and you are now REGISTERED.
training-notice-cancelled = ❌ The training "{ $title }" has been CANCELLED by the organiser. We are sorry for the change.
training-notice-moved = 🕒 The schedule of "{ $title }" has CHANGED. Here is the new schedule:
training-notice-venue = 📍 The place of "{ $title }" has CHANGED. Here is the new place:
training-reminder-evening = 🔔 Reminder: tomorrow you attend the training "{ $title }".
training-reminder-soon = ⏰ The training "{ $title }" starts in two hours.
training-feedback-ask = Thank you for attending "{ $title }". How was it? Rate it from 1 (poor) to 5 (very good).
training-btn-rate = { $n } ⭐
training-feedback-comment-ask = Thank you! Your rating for "{ $title }": { $rating } ⭐. Any suggestion or comment? Write it briefly, or press Skip.
training-feedback-rated = Thank you! Your rating for "{ $title }": { $rating } ⭐.
training-feedback-thanks = Thank you for your feedback. 🙏

## Coordinators: /peserta
training-manage-header = Trainings you manage (choose one):
training-manage-none = You do not manage any training yet. Create one with /pelatihanbaru.
training-manage-counts = 👥 Registered { $registered }/{ $quota } · waitlist { $waiting }
training-btn-people = 👥 Participants
training-btn-csv = 📄 Download CSV
training-btn-attendance = ✅ Attendance
training-btn-edit-time = 🕒 Change time
training-btn-edit-venue = 📍 Change place
training-btn-close = 🔒 Close registration
training-btn-cancel = ❌ Cancel training
training-btn-close-yes = Yes, close registration
training-btn-cancel-yes = Yes, cancel it
training-close-confirm = Close registration for "{ $title }" now? Those registered still attend; nobody new can register.
training-cancel-confirm = Cancel the training "{ $title }"? { $count } registered or waiting people will be told. This cannot be undone.
training-closed-done = 🔒 Registration closed.
training-cancelled-done = ❌ Training cancelled. { $count } people are being told.
training-people-header = Participants of "{ $title }"
training-people-registered = Registered ({ $count } of { $quota }):
training-people-waitlist = Waitlist ({ $count }):
training-people-more = …and { $count } more. Download the CSV for the full list.
training-csv-caption = Participants of "{ $title }" ({ $count } people). CSV separated by semicolons (;) for Excel.
training-csv-no = No
training-csv-name = Name
training-csv-username = Username
training-csv-telegram-id = Telegram ID
training-csv-status = Status
training-csv-waitlist = Waitlist number
training-csv-attended = Attendance
training-csv-registered-at = Registered at
training-csv-status-registered = registered
training-csv-status-waitlisted = waitlist
training-csv-yes = present
training-csv-no-show = absent
training-ask-new-start =
    Current schedule: { $current }.
    Write the new start time ({ $zone }), for example 27/12 08:00. Type /batal to leave it as it is.
training-ask-new-place = Write the new place (address or name of the place), or send an online meeting link. Type /batal to leave it as it is.
training-move-ask = 🕒 Move "{ $title }" to { $when }?
training-move-told = 📣 { $registered } registered participants and { $waiting } people on the waiting list will be told in private messages.
training-move-told-none = No one has registered yet, so no one needs to be told.
training-move-deadline-moves = ⏳ The registration deadline moves too: { $old } → { $new }.
training-move-deadline-stays = ⏳ The registration deadline stays: { $deadline }.
training-btn-move-yes = ✅ Yes, move it
training-btn-move-retype = ✏️ Type again
training-moved-done = 🕒 Schedule changed to { $when }. { $count } registered or waiting people are being told.
training-venue-done =
    📍 Place changed:
    { $venue }
    { $count } registered or waiting people are being told.
training-edit-gone = This training can no longer be changed (it has started, was cancelled, or you no longer manage it).
training-attendance-not-yet = Attendance can be marked once the training starts ({ $when }).
training-attendance-header = Attendance of "{ $title }": present { $present }, absent { $absent }, of { $total } participants{ $waiting ->
    [0] {""}
   *[other] {" "}+ { $waiting } on the waiting list (⏳)
}.
training-attendance-line = { $n }. { $name } — { $mark }
training-attendance-line-waiting = { $n }. ⏳ { $name } (waiting list) — { $mark }
training-attendance-empty = No one is registered yet.
training-mark-present = ✅ present
training-mark-absent = ❌ absent
training-mark-none = not marked
training-btn-present = ✅ { $name }
training-btn-absent = ❌ { $name }

## Invitations to matching UMKM (only those who agreed to programme news)
training-invite-offer = 📬 { $count } registered small businesses match this training and agreed to receive programme news. Send them a private invitation? Each person is invited only once.
training-btn-invite = 📬 Invite the matching UMKM ({ $count } people)
training-btn-invite-skip = No, thanks
training-invite-sent = 📬 Invitations are on their way to { $count } business owners. They can register straight from the invitation.
training-invite-none-new = Every matching business was invited already, so no new invitations were sent.
training-invite-skipped = Fine, no invitations were sent to UMKM.
training-invite-closed = Registration for this training has closed, so no invitations were sent.
training-invite-header = 📬 A training invitation for your business: "{ $title }"
training-invite-how = Press Register to take part. If all seats are taken, you join the waitlist. You receive this because you agreed to programme news; type /berhenti to stop.
training-invite-mine = See or cancel your registration with /pelatihansaya.
