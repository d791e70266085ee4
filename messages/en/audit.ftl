## /audit in sentences: one key per kind of action

audit-entry =
    { $at } · { $who }
    { $what }
audit-who = { $name } ({ $id })
audit-who-unknown = user { $id }
audit-who-erased = someone whose data was erased
audit-scope-all = every area
audit-via-cli = , from the CLI
audit-via-console = , in the console
audit-act-other = did { $action }{ $detail }
audit-group-active = active
audit-group-left = removed or left
audit-group-restricted = restricted

audit-act-report-aspirations = exported the aspiration report for { $scope }{ $period }, { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
audit-act-report-umkm = exported the UMKM registry for { $scope }, { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
audit-act-report-attendance = exported the attendance list of training { $training }, { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
audit-act-training-export = downloaded the participants of training { $training } (CSV), { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
audit-act-training-publish = published training { $training } for { $kim }, starting { $start }, { $quota } seats
audit-act-training-announce = announced training { $training } to { $groups ->
    [one] 1 group
   *[other] { $groups } groups
}
audit-act-training-invite = invited { $count } UMKM to training { $training }
audit-act-training-close = closed registration for training { $training }
audit-act-training-cancel = cancelled training { $training }; { $told ->
    [one] 1 participant was
   *[other] { $told } participants were
} told
audit-act-training-edit = changed the time or place of training { $training }; { $told ->
    [one] 1 participant was
   *[other] { $told } participants were
} told

audit-act-aspiration-status = changed the status of { $ticket } from { $from } to { $to }
audit-act-aspiration-reopen = answered { $ticket }, which reopened it ({ $from } → { $to })
audit-act-aspiration-assign = gave { $ticket } to user { $user }
audit-act-aspiration-unassign = released { $ticket }
audit-act-aspiration-bulk = ran the bulk action { $action }: { $n } of { $count } tickets
audit-act-aspiration-export = downloaded the aspiration queue list ({ $rows } rows)
audit-act-aspiration-reply = replied to { $ticket }
audit-act-announcement-send = sent announcement #{ $id } to { $groups ->
    [one] 1 group
   *[other] { $groups } groups
}
audit-act-announcement-schedule = scheduled announcement #{ $id }, first on { $first }
audit-act-announcement-fire = scheduled announcement #{ $id } went out to { $groups ->
    [one] 1 group
   *[other] { $groups } groups
}
audit-act-announcement-recall = recalled announcement #{ $id } from { $groups ->
    [one] 1 group
   *[other] { $groups } groups
}
audit-act-announcement-cancel = cancelled the schedule of announcement #{ $id }
audit-act-announcement-pause = paused the schedule of announcement #{ $id }
audit-act-announcement-resume = resumed the schedule of announcement #{ $id }
audit-act-factcheck-request = asked for fact check { $number }
audit-act-factcheck-verdict = gave the verdict { $verdict } on { $number }

audit-act-area-import-official = loaded the official Kemendagri areas of { $area }: { $count } new areas, { $n } new KIMs
audit-act-area-kim-add = added { $kim } in the console
audit-act-area-kim-change = renamed or moved { $kim } in the console
audit-act-area-kim-retire = retired { $kim }: { $people } residents asked to choose a new KIM, { $grants } coordinators revoked, { $groups } groups unlinked
audit-act-area-import-csv = loaded { $rows } rows of areas and KIMs from a CSV file
audit-act-group-link = linked group { $group } to { $kim }
audit-act-group-unlink = unlinked group { $group } from { $kim }
audit-act-group-migrate = group { $group } became a supergroup
audit-act-group-status = changed the bot's status in group { $group } to { $status }
audit-act-invite-create = made an invitation as { $role } for { $scope }
audit-act-role-grant = gave { $user } the role { $role } for { $scope }
audit-act-role-grant-invite = accepted an invitation as { $role } for { $scope }
audit-act-role-revoke = revoked every role of { $user } ({ $grants } roles, { $paused } schedules paused)
audit-act-role-move = moved { $user } as { $role } to { $scope }
audit-act-privacy-erase = erased their own data: { $tickets } tickets anonymised, { $seats } training seats freed, { $paused } schedules paused

audit-act-feed-add = added news feed #{ $feed } ({ $url }) for { $area }
audit-act-feed-remove = removed news feed #{ $feed }{ $url }
audit-act-webhook-add = added webhook #{ $id } to { $url }
audit-act-webhook-remove = removed webhook #{ $id }
audit-act-webhook-retry = sent webhook delivery #{ $id } again
audit-act-umkm-list = looked at the UMKM list (page { $page })
audit-act-console-link = asked for a console login link
audit-act-console-login = logged in to the console
audit-act-console-logout = logged out of the console
audit-act-console-logout-revoked = was logged out of the console because their role was revoked
audit-act-console-view = opened ticket { $ticket } in the console
audit-act-console-photo = viewed photo { $n } of ticket { $ticket } in the console
audit-act-console-queue = looked at the aspiration queue in the console
audit-act-console-umkm = searched the UMKM registry in the console
audit-act-console-umkm-view = opened the UMKM record { $business } in the console
audit-act-console-training-view = opened the participants of training { $training } in the console
audit-act-console-attendance = marked attendance at training { $training }
audit-act-aspiration-undo = undid a status change of { $ticket } ({ $from } → { $to })
audit-act-poll-create = created poll #{ $id } for { $scope }: { $groups ->
    [one] 1 group
   *[other] { $groups } groups
} and { $people ->
    [one] 1 resident
   *[other] { $people } residents
}
audit-act-poll-close = poll #{ $id } closed on time in { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
}
audit-act-poll-close-early = closed poll #{ $id } early in { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
}
audit-act-poll-recall = recalled poll #{ $id } from { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
}
audit-act-survey-send = sent survey #{ $id } ({ $questions ->
    [one] 1 question
   *[other] { $questions } questions
}) to { $people ->
    [one] 1 resident
   *[other] { $people } residents
} in { $scope }
audit-act-survey-close = closed survey #{ $id } early
audit-act-survey-recall = recalled survey #{ $id }; { $dropped ->
    [one] 1 unsent invitation was
   *[other] { $dropped } unsent invitations were
} cancelled
