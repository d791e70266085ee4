//! Button payloads of aspirations. Parsed strictly: anything else is a stale or
//! forged press. Kept apart from the handlers so notices built by the domain
//! (replies, reopenings) can carry them without depending on the chat handlers.

use super::model::{Category, QueueView, Status};
use crate::platform::buttons::{Field, Parts, U8In, code_field, payload_codec};
#[cfg(test)]
use crate::platform::buttons::Payload;

/// This feature's button payloads (sent after their `a:` prefix).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    Category(Category),
    /// "Lewati" / "Selesai" after photos and location.
    MediaDone,
    /// Hide identity from coordinators?
    Anonymous(bool),
    Send,
    Discard,
    /// Back to the text (from the photo step or the review), keeping the rest.
    EditText,
    /// Staff: move ticket `id` from `from` (as shown) to `to`.
    Move { id: i64, from: Status, to: Status },
    /// Staff: move ticket `id` forward without a note (only where a note is optional).
    SkipNote(i64),
    /// Staff: take back history row `log` of ticket `id` ("Urungkan", one minute).
    Undo { id: i64, log: i64 },
    /// Staff: reply to ticket `id`.
    Reply(i64),
    /// Queue: the next ticket of the view after `id`.
    Next(QueueView, i64),
    /// Open ticket `id` (from the `/status` list).
    View(i64),
    /// Resident: answer staff reply (thread message) `id`.
    Answer(i64),
    /// Resident: respond to closed ticket `id` ("Tanggapi"), reopening it.
    Respond(i64),
    /// Resident: send the response shown back for ticket `id` (reopens it).
    RespondSend(i64),
    /// Resident: do not send it; "Tanggapi" stays usable.
    RespondCancel(i64),
    /// Resident: score `score` (1–5) on verdict round `round` ("Apakah masalahnya sudah beres?").
    Rate { round: i64, score: u8 },
    /// Resident: "Belum beres" on done ticket `id`: the one reopening, asked for a response.
    NotSolved(i64),
    /// Resident: no comment after scoring round `round`.
    SkipComment(i64),
    /// Staff: show the agencies (OPD) ticket `id` may be sent (on) to.
    Dispose(i64),
    /// Staff: send ticket `id` to agency `agency` (a note is asked next).
    DisposeTo { id: i64, agency: i64 },
    /// Staff: send it without a note to the agency.
    DisposeNoNote(i64),
    /// Staff: forward ticket `id` without an agency (the status with a note only).
    ForwardPlain(i64),
    /// Staff: take ticket `id` back from the agency holding it.
    Recall(i64),
    /// Agency officer: accept ticket `id`.
    OpdAccept(i64),
    /// Agency officer: write a progress note on ticket `id`.
    OpdProgress(i64),
    /// Agency officer: mark ticket `id` done (a note, then an optional photo).
    OpdDone(i64),
    /// Agency officer: finish without a photo of the result.
    OpdNoPhoto(i64),
    /// Agency officer: return ticket `id` ("bukan kewenangan kami").
    OpdReturn(i64),
    /// Agency officer: the next ticket of their agency after `id`.
    OpdNext(i64),
    /// Staff: take ticket `id` ("Ambil": it is theirs to work on).
    Take(i64),
    /// Staff: write an internal note on ticket `id` ("📝 Catatan").
    Note(i64),
    /// Staff: list the canned replies usable on ticket `id`.
    CannedList(i64),
    /// Staff: show canned reply `canned` filled in for ticket `id`.
    CannedPick { id: i64, canned: i64 },
    /// Staff: send canned reply `canned` (filled in again) to ticket `id`'s resident.
    CannedSend { id: i64, canned: i64 },
}

code_field!(Category, code, Category::parse);
// Buttons carry a status's short form.
code_field!(Status, short, Status::from_short);

payload_codec! {
    Btn = "a";
    Category(category: Category) = "c",
    MediaDone = "m",
    Anonymous(hide: bool) = "y",
    Send = "ok",
    Discard = "no",
    EditText = "e",
    Move { id: i64, from: Status, to: Status } = "s",
    SkipNote(id: i64) = "x",
    Undo { id: i64, log: i64 } = "u",
    Reply(id: i64) = "r",
    View(id: i64) = "v",
    Answer(id: i64) = "j",
    Respond(id: i64) = "k",
    RespondSend(id: i64) = "ky",
    RespondCancel(id: i64) = "kn",
    Rate { round: i64, score: U8In<1, 5> } = "vr",
    NotSolved(id: i64) = "vb",
    SkipComment(round: i64) = "vs",
    Dispose(id: i64) = "o",
    DisposeTo { id: i64, agency: i64 } = "oa",
    DisposeNoNote(id: i64) = "on",
    ForwardPlain(id: i64) = "of",
    Recall(id: i64) = "ob",
    OpdAccept(id: i64) = "oy",
    OpdProgress(id: i64) = "op",
    OpdDone(id: i64) = "od",
    OpdNoPhoto(id: i64) = "oz",
    OpdReturn(id: i64) = "or",
    OpdNext(id: i64) = "ox",
    Take(id: i64) = "t",
    Note(id: i64) = "nt",
    CannedList(id: i64) = "cq",
    CannedPick { id: i64, canned: i64 } = "cp",
    CannedSend { id: i64, canned: i64 } = "cs";
    // The queue's "next" names its view after the id, and only when it is not the
    // default one (buttons sent before views existed carry the id alone).
    by_hand {
        Btn::Next(QueueView::New, id) => format!("n:{id}"),
        Btn::Next(view, id) => format!("n:{id}:{}", view.code()),
    } parse_next
}

/// `n:{id}` or `n:{id}:{view}` (never the default view spelled out).
fn parse_next(data: &str) -> Option<Btn> {
    let mut parts = Parts::after(data, "n")?;
    let id = i64::from_wire(parts.field()?)?;
    let view = match parts.field() {
        None => QueueView::New,
        Some(code) if code != QueueView::New.code() => QueueView::from_code(code)?,
        Some(_) => return None,
    };
    parts.done().then_some(Btn::Next(view, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_fit_telegrams_limit() {
        let all = [
            Btn::Category(Category::Keamanan),
            Btn::MediaDone,
            Btn::Anonymous(true),
            Btn::Anonymous(false),
            Btn::Send,
            Btn::Discard,
            Btn::EditText,
            Btn::Move { id: i64::MAX, from: Status::Ditindaklanjuti, to: Status::Selesai },
            Btn::SkipNote(i64::MAX),
            Btn::Undo { id: i64::MAX, log: i64::MAX },
            Btn::Reply(12),
            Btn::Next(QueueView::New, 0),
            Btn::Next(QueueView::Closed, i64::MAX),
            Btn::View(7),
            Btn::Answer(i64::MAX),
            Btn::Respond(i64::MAX),
            Btn::RespondSend(i64::MAX),
            Btn::RespondCancel(0),
            Btn::Rate { round: i64::MAX, score: 5 },
            Btn::Rate { round: 0, score: 1 },
            Btn::NotSolved(i64::MAX),
            Btn::SkipComment(i64::MAX),
            Btn::Dispose(i64::MAX),
            Btn::DisposeTo { id: i64::MAX, agency: i64::MAX },
            Btn::DisposeNoNote(1),
            Btn::ForwardPlain(1),
            Btn::Recall(1),
            Btn::OpdAccept(1),
            Btn::OpdProgress(1),
            Btn::OpdDone(1),
            Btn::OpdNoPhoto(1),
            Btn::OpdReturn(1),
            Btn::OpdNext(0),
            Btn::Take(i64::MAX),
            Btn::Note(i64::MAX),
            Btn::CannedList(1),
            Btn::CannedPick { id: i64::MAX, canned: i64::MAX },
            Btn::CannedSend { id: i64::MAX, canned: i64::MAX },
        ];
        crate::platform::buttons::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["a:c:keamanan", "a:m", "a:y:1", "a:y:0", "a:ok", "a:no", "a:e", "a:s:9223372036854775807:dl:sl", "a:x:9223372036854775807", "a:u:9223372036854775807:9223372036854775807", "a:r:12", "a:n:0", "a:n:9223372036854775807:t", "a:v:7", "a:j:9223372036854775807", "a:k:9223372036854775807", "a:ky:9223372036854775807", "a:kn:0", "a:vr:9223372036854775807:5", "a:vr:0:1", "a:vb:9223372036854775807", "a:vs:9223372036854775807", "a:o:9223372036854775807", "a:oa:9223372036854775807:9223372036854775807", "a:on:1", "a:of:1", "a:ob:1", "a:oy:1", "a:op:1", "a:od:1", "a:oz:1", "a:or:1", "a:ox:0", "a:t:9223372036854775807", "a:nt:9223372036854775807", "a:cq:1", "a:cp:9223372036854775807:9223372036854775807", "a:cs:9223372036854775807:9223372036854775807"]);
    }

    #[test]
    fn forged_payloads_do_not_parse() {
        for data in ["", "c:", "c:roads", "y:2", "s:1:dt", "s:1:dt:xx", "s:-1:dt:dr", "r:abc", "j:1:2", "ok:1", "k:", "k:-3", "n:1:b", "n:1:x", "n:1:p:2", "x:", "x:-1", "u:1", "u:1:-2", "u:1:2:3", "ky:", "kn:-1", "ky:1:2", "o:", "oa:1", "oa:1:x", "oa:-1:2", "oy:1:2", "ox:-1", "vr:1:0", "vr:1:6", "vr:1:45", "vr:-1:3", "vr:1", "vr:1:4:2", "vb:", "vb:x", "vs:-2", "t:", "t:-1", "t:1:2", "nt:", "nt:-1", "cq:1:2", "cp:1", "cp:1:-2", "cs:x:1", "cs:1:2:3"] {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }

}
