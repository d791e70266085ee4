## Polls (/jajak)
cmd-jajak = Polls to groups and residents
help-line-jajak = /jajak - create a poll for KIM groups (and residents who get news), see its results
poll-use-buttons = Please choose with the buttons above, or type /batal to stop.
poll-btn-new = ➕ New poll
poll-list-empty = You have not created any poll yet.
poll-list-header = Your polls (newest first):
poll-list-line = #{ $id } { $question } — { $count } people answered ({ $status })
poll-status-open = open
poll-status-closed = closed
poll-status-recalled = recalled
poll-btn-refresh = 🔄 Refresh
poll-btn-close = ⏹ Close now
poll-btn-recall = 🗑 Recall
poll-btn-recall-yes = 🗑 Yes, recall from every group
poll-recall-ask = Recall poll #{ $id }? It is stopped and deleted from every group and chat (Telegram allows deleting only within 48 hours of sending). Answers received so far are kept.
poll-recalled = Poll #{ $id } recalled: stopped and deleted from { $chats } chats.
poll-ask-question =
    Write the poll question (at most { $max } characters).
    Type /batal to stop.
poll-text-empty = That was empty. Please type it again, or /batal to stop.
poll-option-duplicate = That option is already listed. Write another one.
poll-text-too-long = Your text has { $len } characters; Telegram allows { $max }. Shorten it and send it again.
poll-ask-option = Write answer option { $n } (at most { $max } characters). One option per message, or several at once, one per line.
poll-options-so-far =
    Options so far:
    { $list }

    Write option { $n } (at most { $max } options){ $ready ->
        [yes] , or press Done.
       *[no] .
    }
poll-btn-done = ✅ Done, continue
poll-btn-undo = ↩️ Remove the last option
poll-ask-kind = How many answers may residents choose?
poll-btn-single = ☝️ Only one
poll-btn-multiple = ✌️ More than one
poll-kind-single = one answer
poll-kind-multiple = more than one answer allowed
poll-ask-closing = When does the poll close? Choose below, or type a date and time, e.g. 25/12 08:00.
poll-preset-hour = ⏱ In 1 hour
poll-preset-tomorrow = 🌅 Tomorrow 08:00
poll-preset-3days = 📅 In 3 days
poll-closing-format = I could not read that time. Example: 25/12 08:00 or 25/12/2026 08.00. Or choose a button above.
poll-closing-range = The closing time must be at least 5 minutes and at most 30 days from now. Choose or type another time.
poll-ask-target = Where should the poll go?
poll-review =
    Check your poll:

    ❓ { $question }
    { $options }

    Kind: { $kind }
    Closes: { $closes }
    Target: { $target }
    Goes to { $groups } groups and { $people } residents (private chat).
poll-btn-private-on = 👥 Also to residents who get news
poll-btn-private-off = 👥 Without residents' private chats
poll-btn-send = 📨 Send poll
poll-nobody = There is no active group or news subscriber in this target yet. Choose another target or type /batal.
poll-sent = Poll #{ $id } is being sent to { $groups } groups and { $people } residents. It closes { $closes }; you will get the final result with a chart.
poll-btn-results = 📊 See results
poll-result =
    📊 Poll #{ $id }: { $question }
    Target: { $target }
    Status: { $status } · closes { $closes }
    { $count } people answered.
poll-result-by-kim = By KIM:
poll-result-by-kecamatan = By kecamatan:
poll-result-no-kim = (no KIM)
poll-result-line = • { $name }: { $count } people { $detail }
poll-final =
    The poll is closed. Final result:

    { $result }
poll-chart-caption = Result chart of poll #{ $id }
poll-chart-voters = { $count } people answered
privacy-data-polls-header = Poll answers:
privacy-data-poll-answer = • { $question }: { $chosen }
poll-options-too-many = That makes more than { $max } options, Telegram's limit. Send fewer options.
poll-options-full =
    That is { $max } options, Telegram's limit:
    { $list }
