//! Inline-button payloads. Short (Telegram allows 64 bytes), typed, and parsed
//! strictly: anything that does not parse is treated as a forged or stale press.

use crate::platform::i18n::Lang;

/// A feature's own button payloads, carried after a short prefix in [`Cb`].
/// `data()` must stay short: with its prefix it has to fit Telegram's 64 bytes.
pub trait Payload: Sized {
    fn data(&self) -> String;
    fn parse(data: &str) -> Option<Self>;
}

/// What a button press asks for. Each handler still checks it against the current
/// dialogue state and the presser's role before acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cb {
    /// Privacy notice: agree.
    Agree,
    /// Privacy notice: decline.
    Decline,
    /// Privacy notice: show it in another language.
    NoticeLang(Lang),
    /// KIM menu: show the children of an area (0 = top level).
    Area(i64),
    /// KIM menu: join this KIM.
    Kim(i64),
    /// `/bahasa`: switch to this language.
    SetLang(Lang),
    /// UMKM sign-up buttons (prefix `u:`).
    Umkm(crate::features::umkm::bot::Btn),
    /// Aspiration and triage buttons (prefix `a:`).
    Asp(crate::features::aspirations::bot::Btn),
    /// Announcement buttons (prefix `n:`).
    Ann(crate::features::announcements::bot::Btn),
    /// Training buttons (prefix `t:`).
    Train(crate::features::trainings::bot::Btn),
    /// Own data and audit buttons (prefix `p:`).
    Priv(crate::features::privacy::bot::Btn),
    /// Report buttons (prefix `r:`).
    Rep(crate::features::reports::bot::Btn),
    /// Programme feed buttons: `/sumber` and drafts (prefix `f:`).
    Feed(crate::features::feeds::buttons::Btn),
}

impl Cb {
    pub fn data(&self) -> String {
        match self {
            Cb::Agree => "ob:y".into(),
            Cb::Decline => "ob:n".into(),
            Cb::NoticeLang(l) => format!("ob:l:{}", l.code()),
            Cb::Area(id) => format!("ar:{id}"),
            Cb::Kim(id) => format!("km:{id}"),
            Cb::SetLang(l) => format!("lg:{}", l.code()),
            Cb::Umkm(b) => format!("u:{}", b.data()),
            Cb::Asp(b) => format!("a:{}", b.data()),
            Cb::Ann(b) => format!("n:{}", b.data()),
            Cb::Train(b) => format!("t:{}", b.data()),
            Cb::Priv(b) => format!("p:{}", b.data()),
            Cb::Rep(b) => format!("r:{}", b.data()),
            Cb::Feed(b) => format!("f:{}", b.data()),
        }
    }

    pub fn parse(data: &str) -> Option<Cb> {
        if let Some(rest) = data.strip_prefix("u:") {
            return Payload::parse(rest).map(Cb::Umkm);
        }
        if let Some(rest) = data.strip_prefix("a:") {
            return Payload::parse(rest).map(Cb::Asp);
        }
        if let Some(rest) = data.strip_prefix("n:") {
            return Payload::parse(rest).map(Cb::Ann);
        }
        if let Some(rest) = data.strip_prefix("t:") {
            return Payload::parse(rest).map(Cb::Train);
        }
        if let Some(rest) = data.strip_prefix("p:") {
            return Payload::parse(rest).map(Cb::Priv);
        }
        if let Some(rest) = data.strip_prefix("r:") {
            return Payload::parse(rest).map(Cb::Rep);
        }
        if let Some(rest) = data.strip_prefix("f:") {
            return Payload::parse(rest).map(Cb::Feed);
        }
        let mut parts = data.split(':');
        let cb = match (parts.next()?, parts.next(), parts.next()) {
            ("ob", Some("y"), None) => Cb::Agree,
            ("ob", Some("n"), None) => Cb::Decline,
            ("ob", Some("l"), Some(code)) => Cb::NoticeLang(Lang::from_code(code)?),
            ("ar", Some(id), None) => Cb::Area(parse_id(id)?),
            ("km", Some(id), None) => Cb::Kim(parse_id(id)?),
            ("lg", Some(code), None) => Cb::SetLang(Lang::from_code(code)?),
            _ => return None,
        };
        parts.next().is_none().then_some(cb)
    }
}

fn parse_id(s: &str) -> Option<i64> {
    s.parse().ok().filter(|n: &i64| *n >= 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_fit_telegrams_limit() {
        let all = [
            Cb::Agree,
            Cb::Decline,
            Cb::NoticeLang(Lang::En),
            Cb::Area(0),
            Cb::Area(i64::MAX),
            Cb::Kim(42),
            Cb::SetLang(Lang::Id),
        ];
        for cb in all {
            assert_eq!(Cb::parse(&cb.data()), Some(cb.clone()));
            assert!(cb.data().len() <= 64);
        }
    }

    #[test]
    fn forged_payloads_do_not_parse() {
        for data in ["", "ob", "ob:x", "ar:-1", "km:abc", "lg:fr", "km:1:2", "ar:1;DROP", "staff:grant:1"] {
            assert_eq!(Cb::parse(data), None, "{data}");
        }
    }
}
