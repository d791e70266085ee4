## Surveys
cmd-survei = Surveys: answer one, or write one for residents
help-line-survei = /survei - answer short surveys from your KIM and Diskominfo
help-line-survei-author = /survei - write a survey for your KIM's or area's residents, see results, close or recall it
sv-menu = Surveys: what would you like to do?
sv-btn-new = ➕ Write a new survey
sv-btn-manage = 📋 Surveys I manage
sv-btn-for-me = 📝 Surveys for me to answer
sv-ask-title =
    Survey title? (at most { $max } characters)
    Example: Residents' business needs 2027. Type /batal to stop.
sv-ask-kind = Question { $n } (at most { $max }): what kind of answer?
sv-kind-choice = 🔘 Choice
sv-kind-scale = ⭐ Scale 1–5
sv-kind-text = ✍️ Short text
sv-btn-review = ✅ Done, review the survey
sv-ask-prompt = { $kind }: write the question (at most { $max } characters).
sv-ask-options =
    Write all the options in one message, one per line or separated by commas (2 to { $max } options, each at most { $len } characters). For example:
    Business capital
    Digital marketing
    Licences
sv-review = Review the survey "{ $title }" ({ $count } questions):
sv-btn-edit = ✏️ Edit { $n }
sv-btn-remove = 🗑 Remove { $n }
sv-btn-add = ➕ Add a question
sv-btn-closing = ➡️ Next: closing time
sv-ask-closing =
    When does the survey close? Choose a button, or type a date and time, e.g. 25/12 17:00.
sv-btn-days = { $days } days
sv-btn-back-review = ⬅️ Back to the review
sv-closing-past = That time has passed. Type a time to come, e.g. 25/12 17:00, or choose a button.
sv-closing-format = The date could not be read. Type it like 25/12 17:00 or 25/12/2026 17:00, or choose a button.
sv-ask-reach = Which residents get the survey? Only residents who agreed to programme news in private chat receive it.
sv-btn-reach-kim = 🏘 Residents of { $name }
sv-btn-reach-area = 🗺 Residents of { $kind } { $name }
sv-confirm =
    Survey "{ $title }" ({ $count } questions)
    Closes: { $closes }
    For: { $reach }
    Will be sent to { $residents } residents.
    Send now?
sv-btn-send = 📤 Send the survey
sv-sent = ✅ Survey "{ $title }" sent to { $residents } residents ({ $reach }). See the results any time with /survei or /laporan.
sv-use-buttons = Please choose one of the buttons above, or type /batal.
sv-text-empty = That text is empty. Try again, or type /batal.
sv-text-too-long = That text is { $len } characters; the limit is { $max }. Shorten it and send it again.
sv-options-count = That is { $count } options. Write 2 to { $max } options, one per line.
sv-option-too-long = Option { $n } is too long (at most { $max } characters). Write all options again, one per line.
sv-options-repeated = An option appears twice. Write all options again, each one different.
sv-invitation =
    📋 Survey: { $title } ({ $count } questions)
    Your answers help the KIM and Diskominfo. No names: results are only counted together.
    Closes { $closes }.
sv-btn-start = ▶️ Start
sv-btn-later = ⏰ Later
sv-later = All right. You can answer "{ $title }" later: press Start, or type /survei.
sv-started = ▶️ Survey "{ $title }"
sv-question =
    Survey "{ $title }" — question { $n } of { $of }
    { $prompt }
sv-how-choice = Choose one answer:
sv-how-scale = Choose 1 (very poor) to { $max } (very good):
sv-how-text = Type your answer (at most { $max } characters):
sv-btn-pause = ⏸ Continue later
sv-paused = ⏸ Your answers to "{ $title }" are saved. Continue any time with /survei.
sv-thanks = 🙏 Thank you! Your answers to the survey "{ $title }" are in.
sv-already-answered = You have already answered the survey "{ $title }". Thank you!
sv-closed = Sorry, the survey "{ $title }" has closed, so answers can no longer be taken. Thank you for your interest.
sv-recalled = Sorry, the survey "{ $title }" was withdrawn by its author. You need not answer it.
sv-gone = That survey was not found. Type /survei to see the surveys you can answer.
sv-need-kim = To answer surveys, choose your KIM first with /gantikim.
sv-none-for-you = No survey is waiting for your answers right now.
sv-for-you = Surveys you can answer (answers you gave are kept):
sv-manage-empty = There is no survey you manage yet. Write one with /survei → Write a new survey.
sv-manage-choose = Surveys you manage (newest first):
sv-btn-prev = ◀️ Previous
sv-btn-next = Next ▶️
sv-page = Page { $page } of { $pages } ({ $total } surveys).
sv-card =
    📋 { $title }
    For: { $reach }
    Status: { $status } · closes { $closes }
    Sent to { $sent } residents · { $respondents } answered
sv-status-open = 🟢 open
sv-status-closed = ⏹ closed
sv-status-recalled = 🗑 recalled
sv-btn-results = 📊 See results
sv-btn-close = ⏹ Close now
sv-btn-recall = 🗑 Recall the survey
sv-btn-yes = Yes
sv-close-ask = Close the survey "{ $title }" now? Answers already in still count; residents can no longer answer.
sv-recall-ask = Recall the survey "{ $title }"? Invitations not yet sent are cancelled and residents can no longer answer.
sv-closed-now = ⏹ Survey "{ $title }" closed. Its results are in /survei and /laporan.
sv-recalled-now = 🗑 Survey "{ $title }" recalled.
sv-results =
    📊 Results of the survey "{ $title }"
    { $respondents } respondents of { $sent } invited · { $status } · closes { $closes }
sv-results-mean = Mean: { $mean }
sv-results-texts = { $count } text answers (in the report files)
sv-results-files = XLSX, CSV and chart files by kecamatan: /laporan → Surveys.
sv-chart-respondents = respondents
sv-sheet-summary = Summary
sv-sheet-kecamatan = By kecamatan
sv-sheet-texts = Text answers
sv-col-no = No
sv-col-question = Question
sv-col-kind = Kind
sv-col-answer = Answer
sv-col-count = Count
sv-col-percent = Percent
sv-col-survey = Survey
sv-col-reach = For
sv-col-closes = Closes
sv-col-sent = Invited
sv-col-respondents = Respondents
sv-col-kecamatan = Kecamatan
sv-col-mean = Mean
sv-col-texts = Text answers
sv-col-total = Total
privacy-data-survey-answers-header = Your survey answers:
privacy-data-survey-answer = • { $survey } — { $question }: { $answer }
privacy-data-surveys-written-header = Surveys you wrote:
privacy-data-survey-written = • { $title } ({ $at })
rep-kind-surveys = 📋 Survey results
rep-surveys-none = There is no survey whose results you can see yet.
rep-surveys-choose = Results of which survey? (Coordinators see only the surveys they wrote.)
rep-surveys-done = Results of the survey "{ $title }": { $respondents } respondents. XLSX and CSV (semicolon-separated) files and the chart:
sv-btn-reach-training = 🎓 Participants: { $title }
sv-reach-training = participants of the training "{ $title }"
sv-closed-on-time = ⏹ Your survey reached its closing time. The final results:
audit-act-survey-closed-on-time = survey #{ $id } closed on time; its results went to its author
sv-results-withheld = 🔒 The breakdown by question and by kecamatan is shown once at least { $min } people have answered. This survey is anonymous: with fewer answers, those who answered could be recognised.
sv-col-note = Note
sv-btn-back-kind = ⬅️ Back
sv-options-taken =
    ✅ { $count } options:
    { $list }
sv-cancel-ask = The survey "{ $title }" ({ $count ->
        [one] 1 question
       *[other] { $count } questions
    }) has not been sent. Keep the draft to carry on later?
sv-btn-keep-draft = 💾 Keep draft
sv-btn-drop-draft = 🗑 Discard
sv-draft-kept = 💾 Survey draft "{ $title }" kept. Carry on any time with /survei → Write a new survey.
sv-draft-found = You kept a survey draft "{ $title }" ({ $count ->
        [one] 1 question
       *[other] { $count } questions
    }). Carry on with it, or start a new survey (the draft is discarded)?
sv-btn-resume-draft = ▶️ Carry on with the draft
sv-btn-fresh-draft = ➕ Start anew
privacy-data-survey-draft = • Kept draft: { $title }
sv-kecamatan-pooled = Kecamatans combined (too few respondents to show apart)
