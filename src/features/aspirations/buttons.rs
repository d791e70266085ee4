//! Button payloads of aspirations. Parsed strictly: anything else is a stale or
//! forged press. Kept apart from the handlers so notices built by the domain
//! (replies, reopenings) can carry them without depending on the chat handlers.

use super::model::{Category, QueueView, Status};
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
}

impl Payload for Btn {
    const PREFIX: &'static str = "a";

    fn data(&self) -> String {
        match self {
            Btn::Category(c) => format!("c:{}", c.code()),
            Btn::MediaDone => "m".into(),
            Btn::Anonymous(hide) => format!("y:{}", u8::from(*hide)),
            Btn::Send => "ok".into(),
            Btn::Discard => "no".into(),
            Btn::EditText => "e".into(),
            Btn::Move { id, from, to } => format!("s:{id}:{}:{}", from.short(), to.short()),
            Btn::SkipNote(id) => format!("x:{id}"),
            Btn::Undo { id, log } => format!("u:{id}:{log}"),
            Btn::Reply(id) => format!("r:{id}"),
            Btn::Next(QueueView::New, id) => format!("n:{id}"),
            Btn::Next(view, id) => format!("n:{id}:{}", view.code()),
            Btn::View(id) => format!("v:{id}"),
            Btn::Answer(id) => format!("j:{id}"),
            Btn::Respond(id) => format!("k:{id}"),
            Btn::RespondSend(id) => format!("ky:{id}"),
            Btn::RespondCancel(id) => format!("kn:{id}"),
            Btn::Rate { round, score } => format!("vr:{round}:{score}"),
            Btn::NotSolved(id) => format!("vb:{id}"),
            Btn::SkipComment(round) => format!("vs:{round}"),
        }
    }

    fn parse(data: &str) -> Option<Self> {
        let parts: Vec<&str> = data.split(':').collect();
        let id = |s: &str| s.parse::<i64>().ok().filter(|n| *n >= 0);
        Some(match parts.as_slice() {
            ["c", code] => Btn::Category(Category::parse(code)?),
            ["m"] => Btn::MediaDone,
            ["y", "1"] => Btn::Anonymous(true),
            ["y", "0"] => Btn::Anonymous(false),
            ["ok"] => Btn::Send,
            ["no"] => Btn::Discard,
            ["e"] => Btn::EditText,
            ["s", n, from, to] => Btn::Move { id: id(n)?, from: Status::from_short(from)?, to: Status::from_short(to)? },
            ["x", n] => Btn::SkipNote(id(n)?),
            ["u", n, log] => Btn::Undo { id: id(n)?, log: id(log)? },
            ["r", n] => Btn::Reply(id(n)?),
            ["n", n] => Btn::Next(QueueView::New, id(n)?),
            ["n", n, v] if *v != QueueView::New.code() => Btn::Next(QueueView::from_code(v)?, id(n)?),
            ["v", n] => Btn::View(id(n)?),
            ["j", n] => Btn::Answer(id(n)?),
            ["k", n] => Btn::Respond(id(n)?),
            ["ky", n] => Btn::RespondSend(id(n)?),
            ["kn", n] => Btn::RespondCancel(id(n)?),
            ["vr", n, score] => Btn::Rate { round: id(n)?, score: score.parse().ok().filter(|s| (1..=5).contains(s))? },
            ["vb", n] => Btn::NotSolved(id(n)?),
            ["vs", n] => Btn::SkipComment(id(n)?),
            _ => return None,
        })
    }
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
        ];
        crate::platform::buttons::assert_round_trip(&all);
    }

    #[test]
    fn forged_payloads_do_not_parse() {
        for data in ["", "c:", "c:roads", "y:2", "s:1:dt", "s:1:dt:xx", "s:-1:dt:dr", "r:abc", "j:1:2", "ok:1", "k:", "k:-3", "n:1:b", "n:1:x", "n:1:p:2", "x:", "x:-1", "u:1", "u:1:-2", "u:1:2:3", "ky:", "kn:-1", "ky:1:2", "vr:1:0", "vr:1:6", "vr:1:45", "vr:-1:3", "vr:1", "vr:1:4:2", "vb:", "vb:x", "vs:-2"] {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }

}
