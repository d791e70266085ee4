## Fact check
cmd-cekfakta = Ask whether a message is true (fact check)
help-line-cekfakta = /cekfakta - forward a doubtful message and Diskominfo staff check it (/cekfakta daftar: latest results)
help-line-cekfakta-staff = /cekfakta antrian - fact-check requests from your area: give a verdict and explanation
fc-need-kim = To ask for a fact check, choose your KIM first with /gantikim.
fc-ask =
    Forward or paste the message you want checked: text, a photo with a caption, or a link.
    Type /batal to stop.
fc-need-content = Send the message to check as text (or a photo with a caption), or type /batal.
fc-need-caption = We got the photo, but we need its text too. Send the photo again with a caption, or paste the text.
fc-too-long = That message is { $len } characters; the limit is { $max }. Send the most important part.
fc-received =
    Thank you. Your fact-check request is number { $number }.
    Diskominfo staff will check it and tell you the result here. Meanwhile, better not to pass the message on.
fc-known =
    The same message was checked on { $date } ({ $earlier }). Your request is number { $number }.
    Result: { $verdict }
    { $explanation }
fc-verdict-notice =
    Fact check { $number }: { $verdict }
    { $explanation }
fc-verdict-hoaks = ❌ Hoax
fc-verdict-disinformasi = ⚠️ Disinformation
fc-verdict-misinformasi = ⚠️ Misinformation
fc-verdict-fakta = ✅ Fact
fc-verdict-belum = ❔ Cannot be confirmed yet
fc-staff-new = 🔎 { $count ->
        [one] 1 new fact-check request
       *[other] { $count } new fact-check requests
    } from your area. Open /cekfakta antrian to check them.
fc-queue-empty = No fact-check requests are waiting in your area.
fc-queue-done = That was the last request waiting in your area.
fc-card =
    🔎 { $number }
    { $body }
    { $photo }
    Choose a verdict:
fc-card-photo = (with a photo)
fc-btn-next = Next ›
fc-btn-announce = 📢 Announce the clarification to groups
fc-claim-ask =
    Verdict for { $number }: { $verdict }.
    First, write the claim checked in a few words, without names or phone numbers (shown in /cekfakta daftar and in the clarification), e.g.: Bansos Rp 5 juta cair hari ini
fc-claim-length = The claim is { $len } characters; write { $min }-{ $max } characters with words, then send it again.
fc-list-item = • { $label } { $claim }: { $explanation }
fc-explain-ask = Verdict for { $number }: { $verdict }. Write the explanation and its sources in one message (it goes to the residents who asked):
fc-explain-length = Your explanation is { $len } characters; write { $min }-{ $max } characters and name the sources, then send it again.
fc-already-answered = This request already has a verdict (or is no longer available). Nothing was changed.
fc-answered = The verdict for { $number } is saved and sent to { $count } request(s) with the same content.
fc-list-header = Latest fact checks:
fc-list-empty = No fact checks yet.
fc-need-words = That message holds only emoji or punctuation, so there is nothing we can check yet. Forward or paste a message with words (or a link), or type /batal.
fc-rate-limited =
    You have sent { $count } fact-check requests in the last hour. So that staff can check them all, this one was not recorded.
    Please send it again after { $at }. Thank you for watching out for hoaxes 🙏
fc-card-similar = Similar to { $list }: same link, but different text. Check it yourself; that verdict does not apply automatically.
fc-card-similar-open = no verdict yet
fc-label-hoaks = [HOAX]
fc-label-disinformasi = [DISINFORMATION]
fc-label-misinformasi = [MISINFORMATION]
fc-label-fakta = [FACT]
fc-label-belum = [NOT YET CONFIRMED]
