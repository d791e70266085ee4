# My data, erasure, stopping news (UU 27/2022) and the audit log.

privacy-data-empty = Nothing about you is stored in kimbot.
privacy-data-header = Everything kimbot stores about you (Telegram ID { $id }):
privacy-data-profile =
    Profile
    Name: { $name }
    Username: { $username }
    Language: { $lang }
    KIM: { $kim }
    Joined: { $since }
privacy-data-consents-header = Consents you gave:
privacy-data-consent = - { $purpose } (notice version { $version }), given { $at }
privacy-data-consent-withdrawn = - { $purpose } (notice version { $version }), given { $at }, withdrawn { $withdrawn }
privacy-lang-id = Indonesian
privacy-lang-en = English
privacy-purpose-membership = KIM membership
privacy-purpose-umkm = UMKM registry
privacy-purpose-news = Programme news in private chat
privacy-data-roles-header = Roles:
privacy-data-role = - { $role } for { $scope }, since { $at }
privacy-data-role-revoked = - { $role } for { $scope }, since { $at } (revoked)
privacy-data-umkm =
    UMKM record
    Owner: { $owner }
    Business: { $business }
    Sector: { $sector }, scale { $scale }
    Kelurahan: { $kelurahan }
    Phone: { $phone }
    NIB: { $nib }
    Needs: { $needs }
    Description: { $description }
    Last changed: { $at }
privacy-data-aspirations-header = Aspiration tickets:
privacy-data-aspiration =
    - { $ticket } ({ $category }, { $status }, { $at })
      { $body }
      { $photos ->
        [one] 1 photo
       *[other] { $photos } photos
    }{ $location ->
        [yes] , location shared
       *[no] {""}
    }{ $anonymous ->
        [yes] , anonymous to coordinators
       *[no] {""}
    }
privacy-data-thread-reply =   · Official's reply ({ $at }): { $body }
privacy-data-thread-answer =   · Your answer ({ $at }): { $body }
privacy-data-invitations-header = Training invitations for your business:
privacy-data-invitation = - { $title }, sent { $at }
privacy-data-trainings-header = Trainings:
privacy-data-training = - { $title } ({ $start }): { $status }
privacy-seat-registered = registered
privacy-seat-waitlisted = waitlisted
privacy-seat-cancelled = cancelled
privacy-data-factchecks-header = Fact-check requests:
privacy-data-factcheck =
    - { $number } ({ $at }): { $result }
      { $text }
privacy-data-factcheck-open = waiting for staff
privacy-data-feedback-header = Training ratings:
privacy-data-feedback-item = - { $title }: { $rating }/5, comment: { $comment }
privacy-data-footer =
    The complete copy is in the file below.
    Stop programme news: /berhenti
    Erase your personal data: /hapusdata
privacy-data-file-caption = Complete copy of your data (JSON file).

privacy-erase-confirm =
    Do you really want to erase your personal data?

    Erased right now: your name and username, language and KIM, your UMKM record (including your phone number), training registrations and ratings (your seat goes to the next person waiting), official roles, and messages not yet sent.

    Kept without your name: { $tickets ->
        [one] 1 aspiration ticket
       *[other] { $tickets } aspiration tickets
    } (category, text, status) so reports still count them; their location and photos are removed. The text you wrote in a ticket is not changed. Answered fact-check requests stay without your name and without the message you sent (only the number, verdict and explanation, so others asking about the same message still get the answer); requests not yet answered are deleted. Consent records are kept without your identity. Your scheduled announcements are paused and handed to the area's staff; announcements, trainings and feeds you made as an official stay without your name.

    This cannot be undone. You can join again any time with /start.
privacy-btn-erase = Erase
privacy-btn-keep = Cancel
privacy-erase-done =
    Your personal data has been erased. { $tickets ->
        [one] 1 aspiration ticket is
       *[other] { $tickets } aspiration tickets are
    } kept without your identity.{ $schedules ->
        [0] {""}
        [one] {" "}1 scheduled announcement of yours is paused and handed to staff.
       *[other] {" "}{ $schedules } scheduled announcements of yours are paused and handed to staff.
    }
    Thank you for using kimbot. Type /start if you want to join again.
privacy-erase-kept = All right, nothing was erased. Your data stays as it was.
privacy-erase-use-buttons = Please press Erase or Cancel above, or type /batal.
privacy-news-confirm = Stop receiving programme news and training invitations from kimbot? You can turn them back on any time in /umkm.
privacy-btn-stop-news = 🔕 Yes, stop
privacy-news-kept = All right, you keep receiving programme news.
privacy-news-stopped = You will no longer receive programme news from kimbot. Your consent is recorded as withdrawn. To receive it again, open /umkm and press "📣 Receive programme news".
privacy-news-none = You are not receiving programme news from kimbot, so there is nothing to stop.

audit-admins-only = Sorry, the audit log is for admins only.
audit-bad-filter = Filter not recognised. Examples: /audit 12345 (a person's ID) or /audit aspiration (kind of action).
audit-header = Audit log { $filter }, page { $page } of { $pages } ({ $total ->
        [one] 1 entry
       *[other] { $total } entries
    }):
audit-filter-all = (all)
audit-filter-actor = by { $id }
audit-filter-action = kind { $prefix }
audit-empty = No entries yet.
audit-actor-system = system/CLI
audit-prev = « Previous
audit-next = Next »
