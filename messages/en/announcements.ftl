## Announcements: /umumkan, /jadwal, /pengumuman

ann-compose =
    📢 Write your announcement.

    Send the text (bold, italic and links are kept), or a photo/document with a caption. Type /batal to stop.
ann-content-kind = Send text, a photo or a document. That kind of message cannot be used for an announcement yet.
ann-content-saved =
    ✅ Saved: { $chars ->
        [0] no text
       *[other] text of { $chars } characters
    }{ $media ->
        [photo] {" "}+ photo
        [document] {" "}+ document
       *[other] {""}
    }.

    Send a photo or document to attach it, other text to replace the text, or go on to choose where it goes.
ann-btn-next = ➡️ Next: choose where
ann-use-buttons = Please choose with the buttons on the message above, or type /batal to stop.

ann-choose-target = Send it where?
ann-btn-all-of-kim = 👥 All groups of { $name }
ann-btn-area = { $kind ->
    [kota] 🏙️ All of { $name }
   *[other] 📍 Kecamatan { $name }
}
ann-btn-pick = ☑️ Choose groups
ann-btn-rewrite = ✏️ Change content
ann-btn-retarget = 🎯 Change where
ann-pick = Tick the groups, then press Done.
ann-pick-empty = No active linked groups yet. Add me to a group, then send /hubungkan KIM-CODE there.
ann-pick-none = ⚠️ No group is ticked yet. Choose at least one group in this list, then press Done.
ann-btn-picked = ✔️ Done ({ $count } chosen)
ann-target-chosen = 🎯 Sending to: { $target }.
ann-target-kim = every group of { $name }
ann-target-groups = { $name } chosen groups
ann-target-area = every KIM group in { $name }
ann-groups-left = ⚠️ { $count ->
    [one] The group { $groups } is
   *[other] The groups { $groups } are
} no longer connected (the bot was removed or the group was unlinked), so they are left out.
ann-target-gone = The chosen target can no longer be used (a group left or access changed). Please choose again.

ann-choices =
    👆 That is how the announcement will look in the groups.
    Sending to: { $target } ({ $groups } active groups right now).

    When should it go out?
ann-btn-send-now = 🚀 Send now
ann-btn-at = 🗓️ At a date & time
ann-btn-repeat = 🔁 Repeat on a schedule
ann-no-active-groups = There is no active group in this target yet, so nothing can be sent. Link groups with /hubungkan, or choose another target.
ann-sent = 🚀 Announcement #{ $id } is being sent to { $groups } groups.

ann-ask-at =
    Type the date and time to send ({ $zone }), for example:
    25/12 08:00
    2026-12-25 08:00
ann-when-format = I could not read that. Type a date then a time ({ $zone }), e.g. 25/12 08:00 or 2026-12-25 08:00.
ann-when-no-such-date = That date or time does not exist on the calendar. Try again, e.g. 25/12 08:00.
ann-when-past = That time has passed. Type a date and time in the future ({ $zone }), e.g. 25/12 08:00.
ann-when-next-year = 🤔 That day has already passed this year. Did you mean { $when } (next year)? Or type another date.
ann-btn-next-year = ✅ Yes, in { $year }
ann-btn-type-again = ✏️ Type another date
ann-confirm-at = 🗓️ It will be sent once on { $when }. Save this schedule?
ann-btn-confirm = ✅ Save schedule
ann-scheduled = ✅ Saved as announcement #{ $id }. Next send: { $when }. See and manage it in /jadwal.

ann-ask-repeat = How often should it go out?
ann-preset-daily = Every day 07:00
ann-preset-monday = Every Monday 08:00
ann-preset-monthly = 1st of every month 08:00
ann-preset-weekdays = Monday–Friday 07:00
ann-preset-sunday = Every Sunday 06:00
ann-preset-friday = Every Friday 13:00
ann-btn-type-cron = ⌨️ Type a cron expression
ann-ask-cron =
    Type a five-field cron schedule ({ $zone }):
    minute hour day-of-month month day-of-week

    Examples:
    0 8 * * MON-FRI (Monday–Friday 08:00)
    30 6 * * 0 (Sunday 06:30; day 0 or 7 = Sunday)
    0 9 1,15 * * (the 1st and 15th, 09:00)
ann-confirm-cron =
    🔁 Schedule: { $cron }
    The next three sends:
    { $runs }

    Save this schedule?
ann-cron-fields = "{ $cron }" is not quite right: a cron schedule has five fields (minute hour day month weekday), e.g. 0 8 * * MON.
ann-cron-weekday = The weekday field of "{ $cron }" is not recognised. Use 0–7 (0 and 7 = Sunday) or day names like MON-FRI.
ann-cron-day-and-weekday = "{ $cron }" sets both a day of the month and a weekday. Set only one and put * in the other.
ann-cron-invalid = "{ $cron }" is not a valid cron schedule. Check the limits: minute 0–59, hour 0–23, day 1–31, month 1–12.
ann-cron-never = The schedule "{ $cron }" never falls on a real date. Try another one.
ann-cron-too-often = The schedule "{ $cron }" is too frequent. Repeating announcements go out at most once an hour.

ann-cron-daily = every day at { $times }
ann-cron-weekly = every { $days } at { $times }
ann-cron-monthly = on day { $dates } of every month at { $times }
ann-cron-monthly-in = on day { $dates } of { $months } at { $times }
ann-cron-in-months = { $schedule } in { $months }
ann-list-and = { $first } and { $last }
ann-month-jan = January
ann-month-feb = February
ann-month-mar = March
ann-month-apr = April
ann-month-may = May
ann-month-jun = June
ann-month-jul = July
ann-month-aug = August
ann-month-sep = September
ann-month-oct = October
ann-month-nov = November
ann-month-dec = December
ann-cron-raw = cron schedule { $cron }
ann-schedule-now = immediately
ann-schedule-at = once, { $when }
ann-schedule-cron = repeats: { $cron }

ann-day-mon = Monday
ann-day-tue = Tuesday
ann-day-wed = Wednesday
ann-day-thu = Thursday
ann-day-fri = Friday
ann-day-sat = Saturday
ann-day-sun = Sunday

ann-fired = 📬 Scheduled announcement #{ $id } (send no. { $run }) is queued for { $groups } groups.{ $late ->
    [yes] {" "}⚠️ Late: the bot was not running at the time.
   *[other] {""}
}
ann-btn-report = 📊 See report

ann-report-header = 📊 Report of announcement #{ $id }, send no. { $run } ({ $when }){ $late ->
    [yes] {" "}⚠️ late
   *[other] {""}
}{ $recalled ->
    [yes] {" "}🗑️ recalled
   *[other] {""}
}
ann-report-sent = ✅ { $group }: sent
ann-report-waiting = ⏳ { $group }: waiting
ann-report-failed = ❌ { $group }: failed ({ $reason })
ann-report-more = … and { $count } more groups
ann-report-resent = ⚠️ { $count } groups may have this message twice (it was being sent when the bot stopped abruptly, then sent again): { $groups }
ann-report-as-of = 🕒 As of { $time }
ann-report-unchanged = No change since { $time }.
ann-report-totals = Sent { $sent } · Failed { $failed } · Waiting { $waiting }
ann-report-no-groups = There was no active group in the target at this send.
ann-reason-removed = the bot was removed from the group
ann-reason-rights = the bot may not post in the group
ann-btn-refresh = 🔄 Refresh
ann-btn-recall = 🗑️ Recall
ann-recall-ask = Recall (delete) announcement #{ $id } from { $groups } groups? This cannot be undone.
ann-btn-recall-yes = 🗑️ Yes, recall
ann-btn-recall-again = 🗑️ Recall again
ann-recalled = 🗑️ Announcement recalled from { $groups } groups.
ann-recall-too-old = ⌛ { $groups } groups: the message is older than 48 hours; Telegram no longer lets the bot delete it.
ann-recall-waiting = ⏳ { $groups } groups: not sent yet. Press Recall again once it is sent.
ann-recall-failed = ❌ { $groups } groups: could not delete the message.

ann-jadwal-empty = No scheduled announcements. Create one with /umumkan.
ann-jadwal-header = 🗓️ Scheduled and repeating announcements:
ann-jadwal-item =
    #{ $id } · { $schedule }
    🎯 { $target }
    📝 { $text }
ann-jadwal-next = ⏭️ Next: { $when }
ann-jadwal-paused = ⏸️ Paused
ann-jadwal-last = Last sent: { $when }{ $late ->
    [yes] {" "}⚠️ late (the bot was not running)
   *[other] {""}
}
ann-btn-pause = ⏸️ Pause #{ $id }
ann-btn-resume = ▶️ Resume #{ $id }
ann-btn-cancel = ✖️ Cancel #{ $id }
ann-jadwal-cancel-ask =
    Cancel announcement #{ $id } ({ $schedule })?
    📝 { $text }

    The schedule stops and it will not be sent again. This cannot be undone; to stop it for a while, choose Pause.
ann-btn-cancel-yes = ✖️ Yes, cancel #{ $id }
ann-jadwal-not-pending = ℹ️ Announcement #{ $id } had already changed (paused, resumed, cancelled or finished). This is how things stand now.
ann-jadwal-cancelled = ✖️ Announcement #{ $id } cancelled.
ann-jadwal-paused-now = ⏸️ Announcement #{ $id } paused.
ann-jadwal-resumed = ▶️ Announcement #{ $id } resumed.

ann-btn-history = 📜 Sending history
ann-history-header = 📜 Sending history (page { $page } of { $pages }), newest first:
ann-history-empty = No announcement has gone out yet.
ann-history-item =
    #{ $id } · send no. { $run } · { $when }{ $late ->
        [yes] {" "}⚠️ late
       *[other] {""}
    }{ $recalled ->
        [yes] {" "}🗑️ recalled
       *[other] {""}
    }
    🎯 { $target }
    📝 { $text }
    ✅ { $sent } · ❌ { $failed } · ⏳ { $waiting }
ann-btn-history-report = 📊 Report #{ $id } no. { $run }

ann-latest-no-kim = You have not joined a KIM yet. Choose one first with /gantikim.
ann-latest-none = No announcements from { $kim } yet.
ann-latest-header = 📢 Latest announcements of { $kim }:
ann-latest-item = 🗓️ { $when }{ $media ->
    [photo] {" "}🖼️
    [document] {" "}📎
   *[other] {""}
}
    { $text }

## Registered UMKM as a target (staff)
ann-btn-umkm = 🏪 Registered UMKM (private chat)
ann-umkm-choose-area = 🏪 UMKM in which area? Only owners who agreed to programme news will get it.
ann-umkm-choose-sector = Which business sector?
ann-umkm-choose-need = For which need?
ann-umkm-btn-any = All
ann-umkm-any = all
ann-target-umkm = registered UMKM in { $name } (sector: { $sector }; need: { $need })
ann-choices-umkm =
    👆 That is how the announcement will look in the owners' chats.
    Sending to: { $target } ({ $groups } UMKM that agreed to programme news right now).

    When should it go out?
ann-no-umkm = No UMKM in this target matches and has agreed to programme news yet. Choose another target with "Change where".
ann-sent-umkm = 🚀 Announcement #{ $id } is being sent to { $groups } UMKM.

ann-orphans-paused = ⏸️ These scheduled announcements are paused because their author { $why ->
    [erased] erased their data (/hapusdata)
   *[role] no longer holds a coordinator or staff role
}:
ann-orphans-item = • #{ $id }: { $text }
ann-orphans-what-now = Open /jadwal to resume one (you become responsible for it) or cancel it.
ann-report-erased = (a recipient who erased their data)
ann-reason-erased = the recipient erased their data; not sent
