## Emergency warnings (/darurat)
cmd-darurat = Emergency warning to every group and resident
help-line-darurat = /darurat - send an emergency warning (flood, earthquake …) to every group and resident in one area, ahead of the queue
emergency-not-allowed = Sorry, emergency warnings are only for admins and Diskominfo staff given this right by the operator.
emergency-no-areas = There is no area you can send an emergency warning to yet.
emergency-choose-area = 🚨 Emergency warning. Choose the area:
emergency-btn-area = { $name } ({ $kind })
emergency-btn-areas = 🗺 Other area
emergency-compose =
    Area: { $area }.
    Write the warning: text, or a photo with a caption. Type /batal to stop.
emergency-content-kind = Send text, or a photo with a caption.
emergency-need-text = Photo saved. Now write the warning's text.
emergency-too-long = Your text has { $chars } characters, at most { $max }. Shorten it and send it again.
emergency-use-buttons = Please choose with the buttons above, or type /batal to stop.
emergency-area-gone = You can no longer choose that area. Choose again:
emergency-nobody = { $area } has no linked group and no resident who gets news yet. Choose another area.
emergency-lane-free = Sent within Telegram's free limits (about 30 messages a second), ahead of every other queued message.
emergency-lane-paid = Sent as a Telegram paid broadcast (up to 1,000 messages a second): { $messages } messages, costing at most { $stars } Stars (0.1 Star per message above the free limit).
emergency-over-budget = Cannot be sent: { $messages } messages could cost up to { $stars } Stars, more than the budget of { $max } Stars per warning. Choose a smaller area, or ask the operator to raise the budget.
emergency-review =
    Check before sending.

    Area: { $area }
    Reaches { $groups } groups and { $people } residents ({ $messages } messages){ $photo ->
        [yes] , with a photo.
       *[no] .
    }
    { $lane }

    Text:
    { $text }
emergency-btn-send = 🚨 Send now
emergency-btn-rewrite = ✏️ Write again
emergency-sent = 🚨 Emergency warning #{ $id } is at the front of the queue: { $groups } groups and { $people } residents.
emergency-btn-recall = 🗑 Recall the warning
emergency-btn-recall-yes = 🗑 Yes, recall from every group and resident
emergency-recall-ask = Recall emergency warning #{ $id }? Messages already sent are deleted (Telegram allows it for 48 hours), those not sent yet are cancelled.
emergency-recalled = Emergency warning #{ $id } recalled: { $deleted } messages being deleted, { $cancelled } cancelled, { $old } too old to delete.
emergency-header = 🚨 EMERGENCY WARNING — { $area }
audit-act-emergency-send = sent emergency warning #{ $id } to { $scope }: { $groups } groups and { $people } residents
audit-act-emergency-send-paid = sent emergency warning #{ $id } to { $scope }: { $groups } groups and { $people } residents, as a paid broadcast (at most { $stars } Stars)
audit-act-emergency-recall = recalled emergency warning #{ $id }: { $deleted } messages deleted, { $cancelled } cancelled
form-emergency = emergency warning
