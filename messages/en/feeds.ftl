## Programme news feeds: /sumber, drafts for coordinators

cmd-sumber = Programme news feeds (RSS/Atom)

feed-not-allowed = Sorry, /sumber is only for Diskominfo staff and admins.
feed-list-header = 📡 Programme news feeds in your area:
feed-list-empty = 📡 No programme news feeds in your area yet.
feed-line =
    #{ $id } { $url }
    { $area } · { $every }
    { $health }
feed-health-new = 🆕 not read yet
feed-health-ok = ✅ working, last read { $when }
feed-health-failing = ⏳ failed { $count } times: { $error }
feed-health-bad = ⚠️ unhealthy: { $error }
feed-every-30m = every 30 minutes
feed-every-1h = every hour
feed-every-6h = every 6 hours
feed-every-day = daily at 06:00
feed-every-cron = schedule { $cron }
feed-btn-remove = 🗑️ Remove #{ $id }
feed-ask-url = To add a feed, send its RSS or Atom address (starting with http:// or https://). Type /batal to stop.
feed-url-bad = That address cannot be used. Send the full address starting with http:// or https://, e.g. https://diskominfo.palembang.go.id/feed
feed-no-areas = Sorry, your account is not linked to any area yet, so feeds cannot be added.
feed-ask-area = The news of this feed is for the KIMs of which area?
feed-btn-area = { $kind ->
    [kota] 🏙️ All of { $name }
   *[other] 📍 Kecamatan { $name }
}
feed-ask-every = How often should this feed be checked? The default is every 30 minutes.
feed-use-buttons = Please choose with the buttons on the message above, or type /batal to stop.
feed-url-exists = That address is registered already. See the list with /sumber.
feed-saved =
    ✅ Feed #{ $id } saved.
    { $url }
    Area: { $area } · { $every }
    First check: { $when }

    Every new item goes as a draft to the coordinators of the KIMs in that area. Nothing reaches a group until a coordinator approves it.
feed-gone = That feed was removed already.
feed-removed = 🗑️ Feed #{ $id } ({ $url }) removed.
feed-btn-check = 🔄 Check #{ $id }
feed-btn-check-now = 🔄 Check now
feed-btn-remove-yes = 🗑️ Yes, remove
feed-btn-back = ↩️ Back to the list
feed-remove-confirm =
    Remove feed #{ $id }?
    { $url }

    The news taken from it and drafts not announced yet are removed too. Announcements already sent to groups stay.
feed-checking = ⏳ One moment, opening that address (20 seconds at most)…
feed-checked-ok = ✅ That address can be read: { $count ->
    [one] 1 item
   *[other] { $count } items
}, the newest "{ $title }".
feed-checked-empty = ✅ That address can be read, but it has no items yet.
feed-checked-bad =
    ⚠️ That address cannot be read now: { $error }.

    Add it anyway? It will be tried again on its schedule, and you will be told if it keeps failing.
feed-btn-keep = ✅ Add anyway
feed-btn-drop = ✖️ Do not add
feed-kept-unreadable = All right, the feed is added although it cannot be read yet.
feed-dropped = All right, that address is not added. Send another one, or type /batal to stop.
feed-check-fresh = 🔄 Feed #{ $id } was just checked: it can be read, { $count ->
    [one] 1 new item was
   *[other] { $count } new items were
} sent to coordinators as drafts.
feed-check-nothing-new = 🔄 Feed #{ $id } was just checked: it can be read, nothing new.
feed-check-failed = 🔄 Feed #{ $id } was just checked: it cannot be read, { $error }.
feed-check-too-soon = Feed #{ $id } was checked less than a minute ago. Try again in a moment.

feed-draft-new =
    📰 New programme news: { $title }

    For { $kim }. Preview it, announce it to your groups, or dismiss it.
feed-btn-preview = 👀 Preview
feed-btn-announce = 📢 Announce
feed-btn-dismiss = 🙈 Dismiss
feed-draft-opened = 📢 "{ $title }" is open for announcing. Choose where it goes below.
feed-draft-dismissed = 🙈 "{ $title }" dismissed for this KIM.
feed-draft-was-dismissed = This news was dismissed for your KIM already; nothing more to do.
feed-draft-was-opened = This news is open for announcing already. Continue on the target message above, or write it again with /umumkan.

feed-unhealthy =
    ⚠️ News feed #{ $id } failed { $count } times in a row.
    { $url }
    Last error: { $error }

    Check its address, or remove the feed with /sumber.
feed-recovered = ✅ News feed #{ $id } can be read again: { $url }

feed-error-request = the server cannot be reached
feed-error-timeout = the server did not answer within 20 seconds
feed-error-redirect = the address redirects in a loop or too often
feed-error-status = the server answered with code { $code }
feed-error-too-large = it is larger than 2 MB
feed-error-not-utf8 = it is not UTF-8 text
feed-error-malformed = it is not valid RSS or Atom
feed-error-blocked = the address points into an internal network (not the public internet), so it is not opened
