## Service levels per stage (working days): shown on cards and in the console, reminder at 80 %, escalation at 100 %
asp-sla-stage-office = Diskominfo's response
asp-sla-stage-opd-response = Agency's first response
asp-sla-stage-opd-done = Agency's completion
asp-sla-left-days = { $days } days { $hours } working hours
asp-sla-left-hours = { $hours } working hours
asp-sla-left-minutes = less than 1 working hour
asp-sla-line = ⏱ { $stage }: { $left } left (due { $due })
asp-sla-line-late = ⏰ { $stage }: past the { $days } working days ({ $due })
asp-sla-cell-left = { $left } left
asp-sla-cell-late = overdue
asp-sla-col = Service level
asp-sla-remind-office =
    ⏳ Reminder: aspiration { $ticket } has no response yet. Diskominfo's service level ({ $days } working days) ends { $due }.
    Type /status { $ticket } to answer it or send it to an agency.
asp-sla-remind-opd =
    ⏳ Reminder for { $agency }: ticket { $ticket }, stage { $stage } ({ $days } working days), ends { $due }.
    Type /antrian to follow it up.
asp-sla-escalate-opd =
    🚨 Overdue: ticket { $ticket } at { $agency } passed the service level of the stage { $stage } ({ $days } working days) on { $due }.
audit-act-aspiration-sla-reminder = service-level reminder ({ $stage }) sent for { $ticket }
audit-act-aspiration-sla-escalation = service-level escalation ({ $stage }) sent for { $ticket }
