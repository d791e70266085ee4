## The resident's verdict on a done ticket ("Has the problem been solved?")
verdict-ask = Has the problem been solved? Rate it from 1 (not solved at all) to 5 (fully solved). If it is not solved, press "Not solved".
verdict-ask-score-only = Has the problem been solved? Rate it from 1 (not solved at all) to 5 (fully solved).
verdict-btn-not-solved = ❌ Not solved
verdict-reminder = ⏰ Reminder: ticket { $ticket } was marked done by an officer. Your rating helps us improve the service.
verdict-thanks-ask-comment = Thank you for your rating: { $score } out of 5 for ticket { $ticket }. Would you like to add a comment? Write it now, or press Skip.
verdict-btn-skip-comment = Skip
verdict-comment-thanks = Thank you. Your comment on ticket { $ticket } is recorded and officers can read it.
verdict-comment-skipped = Thank you for your rating.
verdict-expired = Sorry, the time to rate this ticket has passed. If the problem comes back, send a new aspiration with /aspirasi.
verdict-already = You have already rated this ticket. Thank you!
verdict-ask-not-solved = Sorry the problem is not solved. Tell us briefly what is still wrong with ticket { $ticket }. The ticket will be reopened for an officer to review; this can be done only once. Type /cancel to stop.
verdict-not-solved-already = This ticket was already reopened once, so it cannot be reopened again. You can still rate it with the 1–5 buttons. If the problem remains, send a new aspiration with /aspirasi.

## For staff: ticket card and console
verdict-card-rated = ⭐ Resident's rating: { $score }/5
verdict-card-not-solved = ⭐ Resident's rating: not solved (ticket reopened)
verdict-card-unrated = ⭐ Resident's rating: not rated (no answer within { $days } days)
verdict-card-waiting = ⭐ Resident's rating: waiting for an answer (asked { $time })
verdict-card-comment = 💬 Resident's comment: { $text }
verdict-console-title = Resident's rating

## /datasaya
verdict-data-rated =   · Your rating ({ $at }): { $score } out of 5
verdict-data-not-solved =   · Your rating ({ $at }): not solved
verdict-data-unrated =   · Rating ({ $at }): not answered
verdict-data-comment =   · Your comment: { $text }

## Audit log
verdict-audit-rate = rated the outcome of { $ticket }: { $score } out of 5
verdict-audit-comment = added a comment to the rating of { $ticket }
verdict-audit-unrated = the rating of { $ticket } closed without the resident's answer
