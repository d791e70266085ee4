## Aspirations: categories and statuses
asp-cat-infrastruktur = 🛣️ Infrastructure
asp-cat-ekonomi = 💼 Economy & small business
asp-cat-pelatihan = 🎓 Training
asp-cat-kesehatan = 🏥 Health
asp-cat-pendidikan = 📚 Education
asp-cat-lingkungan = 🌳 Environment
asp-cat-keamanan = 🛡️ Safety & public order
asp-cat-layanan = 🏛️ Public services
asp-cat-lainnya = 📝 Other
asp-status-diterima = Received
asp-status-diteruskan = Forwarded
asp-status-ditindaklanjuti = In progress
asp-status-selesai = Resolved
asp-status-ditolak = Rejected

## /aspirasi
asp-need-kim = To send an aspiration, choose your KIM first with /gantikim.
asp-choose-category = What is your aspiration about? Choose a category:
asp-choose-category-carried = Your message will be sent as an aspiration. What is it about? Choose its category:
asp-carried-text =
    Category: { $category }
    Aspiration: { $text }
asp-category-use-buttons = Choose a category with the buttons on the message above, or type /cancel to stop.
asp-use-buttons = Please choose with the buttons on the message above, or type /cancel to stop.
asp-ask-text =
    Category: { $category }

    Write your aspiration in one message ({ $min }-{ $max } characters): what the problem or proposal is, where, and since when.
asp-text-needed = Please write your aspiration as text first. Photos and a location can be sent in the next step.
asp-text-too-short = Your text has only { $len } characters. Please tell us a little more (at least { $min } characters) and send it again.
asp-text-too-long = Your text has { $len } characters, but the limit is { $max } characters. Please shorten it and send it again; the category { $category } is kept.
asp-text-split = Your text is longer than { $telegram } characters, so Telegram split it into several messages. I did not take any of that paste (a piece could read wrongly). Write a summary in one message, at most { $max } characters.
asp-text-split-tail = This continues the long text Telegram split just now, so I did not take it either. Write a summary in one message, at most { $max } characters.
asp-ask-media = Any photos or a location? Send up to { $max } photos and/or a location (📎 then Location). If not, press Skip.
asp-photo-added = Photo { $count }/{ $max } received. Send another photo or a location, or press Done.
asp-photo-limit = You already sent { $max } photos, which is the limit. The last photo was not kept. Send a location or press Done.
asp-location-added = Location received. Send photos ({ $count }/{ $max }) or press Done.
asp-media-hint = At this step I am waiting for photos or a location. Press the button below to go on.
asp-btn-skip = ⏭️ Skip
asp-btn-done = ✅ Done
asp-ask-anonymous =
    Hide your identity from the KIM coordinators?
    If hidden, coordinators also do not see the photos and location you sent.
    Diskominfo staff handling the ticket can still see your name, photos and location, as on LAPOR!.
asp-btn-show-name = 👤 Show my name
asp-btn-hide-name = 🕶️ Hide it (anonymous)
asp-summary =
    Please check your aspiration before sending:
    Category: { $category }
    Photos: { $photos }
    Location: { $location }
    Identity: { $identity }

    { $text }
asp-summary-none = none
asp-summary-hidden = hidden from coordinators
asp-summary-shown = shown
asp-btn-send = 📨 Send
asp-btn-discard = ❌ Cancel
asp-btn-edit-text = ✏️ Change text
asp-ask-text-again =
    Write your aspiration again in one message ({ $min }-{ $max } characters). Photos and location already sent are kept.
    Current text:
    { $text }
asp-text-rewritten = Text updated. Photos kept: { $count }/{ $max }. Send more photos or a location, or press the button below.
asp-submitted =
    Thank you, we have received your aspiration.
    Ticket number: { $ticket }
    I will tell you here about every status change. Check it any time with /status { $ticket }
asp-discarded = The aspiration was cancelled and not sent. Type /aspirasi to start again.

## /status
asp-status-none = You have not sent any aspirations yet. Type /aspirasi to send one.
asp-status-list-head = Your aspiration tickets:
asp-status-line = • { $ticket } - { $category } - { $status } ({ $time })
asp-status-list-foot = Press a ticket number to see its history.
asp-status-bad-number = Ticket numbers look like ASP-2026-000123. Type just /status to see your tickets.
asp-status-not-found = Ticket { $ticket } was not found among your tickets. Type /status to see your tickets.
asp-history-head = History:
asp-history-line = • { $time }: { $status }
asp-history-line-note = • { $time }: { $status } - { $note }
asp-thread-head = Conversation:
asp-thread-reply = • { $time } Officer: { $text }
asp-thread-answer = • { $time } You: { $text }

## Ticket card (staff and coordinators)
asp-card-head = 📋 Ticket { $ticket }
asp-card-category = Category: { $category }
asp-card-status = Status: { $status }
asp-card-kim = KIM: { $kim }
asp-card-from = From: { $name }
asp-card-from-anonymous = From: { $name } (anonymous to coordinators)
asp-card-from-hidden = From: Anonymous
asp-card-unknown-name = (no name)
asp-card-sent = Sent: { $time }
asp-card-location = 📍 Location: { $link }
asp-card-photos = 📷 Photos: { $count } (above)
asp-card-thread-staff = • { $time } Officer: { $text }
asp-card-thread-resident = • { $time } Resident: { $text }
asp-card-history-reopened = • { $time }: reopened on the resident's response ({ $status })
asp-card-media-hidden = 🕶️ Location and photos are not shown because this aspiration is anonymous.

## Queue and follow-up
asp-queue-empty =
    No new aspirations in your area. 👍
    { asp-queue-open-count }
    Closed: /antrian selesai · one ticket: /antrian ASP-2026-000123
asp-queue-end =
    That was the last new aspiration for now.
    { asp-queue-open-count }
asp-queue-open-count = { $open ->
        [0] Nothing in progress (/antrian proses).
        [one] 1 aspiration is in progress (forwarded or being followed up): see it with /antrian proses
       *[other] { $open } aspirations are in progress (forwarded or being followed up): see them with /antrian proses
    }
asp-queue-open-empty = No aspirations in progress (forwarded or being followed up) in your area.
asp-queue-open-end = That was the last aspiration in progress. Closed ones: /antrian selesai
asp-queue-closed-empty = No resolved or rejected aspirations in your area yet.
asp-queue-closed-end = That was the oldest resolved or rejected aspiration.
asp-queue-usage =
    How to use /antrian:
    /antrian - new and reopened aspirations
    /antrian proses - forwarded or being followed up
    /antrian selesai - resolved or rejected, newest first
    /antrian saya - the ones you work on (Take)
    /antrian ASP-2026-000123 - one ticket
asp-btn-move-diteruskan = ➡️ Forward
asp-btn-move-ditindaklanjuti = 🔧 Follow up
asp-btn-move-selesai = ✅ Resolve
asp-btn-move-ditolak = ⛔ Reject
asp-btn-reply = 💬 Reply
asp-btn-next = ▶️ Next
asp-ask-note = Write a note for the resident: why ticket { $ticket } becomes "{ $status }" (the result or the reason). It is sent to the resident. Type /cancel to stop.
asp-ask-note-optional = Write a note for the resident about ticket { $ticket }, now { $status } (for example: "Forwarded to the public works office"). Press Skip to change it without a note, or type /cancel.
asp-ask-note-progress = Write a note for the resident: what is being done about ticket { $ticket } (for example: "An officer visits the site on Thursday"). It is sent to the resident. Type /cancel to stop.
asp-btn-skip-note = ⏭️ Skip
asp-btn-undo = ↩️ Undo
asp-moved-undo-hint = Pressed the wrong one? Press Undo within 1 minute.
asp-undone = ↩️ Change undone. Ticket { $ticket } is back to: { $status }. The resident has been told of the correction.
asp-notice-undone = 🔔 Correction for ticket { $ticket }: the change to "{ $wrong }" was taken back by the officer. The ticket is now: { $status }.
asp-history-line-undo = • { $time }: back to { $status } (corrected by an officer)
asp-moved = Ticket { $ticket } is now: { $status }. The resident has been told.
asp-status-changed = The ticket's status had already changed to { $status }, so nothing was changed.
asp-not-allowed-now = Sorry, this can no longer be done for that ticket.
asp-note-too-short = This note is too short for the resident. Say what was done or why (at least { $words } words, { $min } characters), e.g. "The street lamp was replaced by PLN on 3 March". Send a fuller note, or type /cancel.
asp-text-needed-short = Please write it as text, or type /cancel to stop.
asp-free-text-too-long = Your text has { $len } characters, but the limit is { $max } characters. Please shorten it and send it again.
asp-ask-reply = Write your reply to the sender of ticket { $ticket }. Type /cancel to stop.
asp-reply-sent = Your reply on ticket { $ticket } was sent to the resident.
asp-moved-unreachable = Ticket { $ticket } is now: { $status }. Its sender erased their data from kimbot, so the resident can no longer be reached and was not told.
asp-undone-unreachable = ↩️ Change undone. Ticket { $ticket } is back to: { $status }. Its sender erased their data, so the resident can no longer be reached.
asp-reply-unreachable-ask = The sender of ticket { $ticket } erased their data from kimbot, so the resident can no longer be reached. A reply cannot be sent.
asp-reply-unreachable = The reply was recorded on ticket { $ticket }, but its sender erased their data from kimbot: the resident can no longer be reached and did not get it.
asp-staff-notice = { $count ->
    [one] 🔔 1 new aspiration in your area. Open /antrian to review it.
   *[other] 🔔 { $count } new aspirations in your area. Open /antrian to review them.
}

## Notices to residents
asp-notice-status = 🔔 Ticket { $ticket } ({ $category }) is now: { $status }.
asp-notice-note = Officer's note: { $note }
asp-notice-follow = See its history with /status { $ticket }
asp-notice-reply =
    💬 An officer replied on ticket { $ticket }:
    { $text }

    You can answer once with the button below.
asp-btn-answer = ↩️ Answer
asp-ask-answer = Write your answer to the officer (ticket { $ticket }). You can answer only once. Type /cancel to stop.
asp-answer-sent = Your answer on ticket { $ticket } was passed on to the officer.
asp-answer-already = You have already answered this reply. If there is something new, send a new aspiration with /aspirasi.
asp-notice-answer =
    ↩️ The resident answered on ticket { $ticket }:
    { $text }

## Service level (first response)
asp-overdue-notice =
    ⏰ { $count ->
        [one] 1 aspiration in your area has
       *[other] { $count } aspirations in your area have
    } had no response for more than { $days } working days:
    { $tickets }

    Open /antrian to follow them up.
asp-overdue-more = … and { $count } more
asp-card-overdue = ⏰ Past { $days } working days without a response
asp-card-reopened = 🔁 Reopened after the resident's response

## A resident's response to a closed ticket
asp-btn-respond = 💬 Respond
asp-notice-respond-hint = Not what you hoped for? You can respond once with the button below, and an officer will review the ticket again.
asp-ask-respond = Write your response to the outcome of ticket { $ticket }. The ticket will be reopened for an officer to review. You can respond only once. Type /cancel to stop.
asp-respond-sent = Thank you. Ticket { $ticket } is reopened and your response was passed on to the officers.
asp-respond-already = You have already responded to this ticket after it was closed. If there is something new, send a new aspiration with /aspirasi.
asp-respond-too-thin = A response can be sent only once and reopens the ticket, so say in words what is not right yet (at least { $words } words, { $letters } letters). For example: "The hole was only filled with soil and is back after the rain." Type /batal to cancel.
asp-respond-confirm =
    Send this response on ticket { $ticket }? The ticket will be reopened for staff to review, and a response can be sent only once.

    "{ $text }"

    Want to change it? Type your response again.
asp-btn-respond-send = 📨 Send response
asp-btn-respond-cancel = Cancel
asp-respond-not-sent = The response was not sent. Ticket { $ticket } stays closed, and you can still ask once to reopen it with the button above.
asp-notice-reopened =
    🔁 The resident reopened ticket { $ticket }. Their response:
    { $text }

    Open /antrian to review it.
asp-history-line-reopened = • { $time }: reopened after your response ({ $status })
