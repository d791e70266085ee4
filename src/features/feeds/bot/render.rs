//! How feeds read in a chat: one line per feed with its area, schedule and health;
//! area button labels; times in the configured zone; editing without tripping
//! Telegram's "message is not modified".

use chrono::TimeZone;
use chrono_tz::Tz;
use teloxide::types::InlineKeyboardMarkup;
use teloxide::{ApiError, RequestError};

use super::super::schedule::PRESETS;
use super::super::store::Feed;
use crate::kernel::audience::cron::CronExpr;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::Area;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};

/// "25/12/2026 08:00 WIB".
pub fn when(unix: i64, tz: Tz) -> String {
    match tz.timestamp_opt(unix, 0).single() {
        Some(local) => local.format("%d/%m/%Y %H:%M %Z").to_string(),
        None => unix.to_string(),
    }
}

/// "#3 https://… — Kota Palembang, setiap 30 menit\n✅ lancar".
pub fn line(lang: Lang, feed: &Feed, tz: Tz) -> String {
    let args = [
        ("id", Arg::from(feed.id)),
        ("url", Arg::from(feed.url.as_str())),
        ("area", Arg::from(feed.area_name.as_str())),
        ("every", Arg::from(every(lang, &feed.cron))),
        ("health", Arg::from(health(lang, feed, tz))),
    ];
    ta(lang, "feed-line", &args)
}

/// A preset's name, or the crontab form of a schedule typed on the command line.
fn every(lang: Lang, quartz: &str) -> String {
    let crontab = CronExpr::from_quartz(quartz).map(|e| e.crontab()).unwrap_or_else(|_| quartz.to_string());
    match PRESETS.iter().find(|(c, _)| *c == crontab) {
        Some((_, key)) => t(lang, key),
        None => ta(lang, "feed-every-cron", &[("cron", Arg::from(crontab))]),
    }
}

fn health(lang: Lang, feed: &Feed, tz: Tz) -> String {
    let error = Arg::from(error_text(lang, feed.last_error_kind.as_deref()));
    if !feed.healthy {
        return ta(lang, "feed-health-bad", &[("error", error)]);
    }
    if feed.failures > 0 {
        return ta(lang, "feed-health-failing", &[("count", Arg::from(feed.failures)), ("error", error)]);
    }
    match feed.last_ok_at {
        Some(at) => ta(lang, "feed-health-ok", &[("when", Arg::from(when(at, tz)))]),
        None => t(lang, "feed-health-new"),
    }
}

/// What went wrong, in the reader's language, from a stored
/// [`FetchError::kind`](super::super::fetch::FetchError::kind).
pub fn error_text(lang: Lang, kind: Option<&str>) -> String {
    let (kind, code) = kind.unwrap_or("request").split_once(':').unwrap_or((kind.unwrap_or("request"), ""));
    let key = match kind {
        "redirect" => "feed-error-redirect",
        "timeout" => "feed-error-timeout",
        "status" => "feed-error-status",
        "too_large" => "feed-error-too-large",
        "not_utf8" => "feed-error-not-utf8",
        "malformed" => "feed-error-malformed",
        "blocked" => "feed-error-blocked",
        _ => "feed-error-request",
    };
    ta(lang, key, &[("code", Arg::from(code))])
}

/// "🏙️ Kota Palembang" / "📍 Kecamatan Ilir Barat I".
pub fn area_label(lang: Lang, area: &Area) -> String {
    ta(lang, "feed-btn-area", &[("name", Arg::from(area.name.as_str())), ("kind", Arg::from(area.kind.as_str()))])
}

/// Edits the message a button was on, or sends a new one.
pub async fn show(turn: &Turn<'_>, at: Option<At>, text: String, kb: Option<InlineKeyboardMarkup>) -> HandlerResult {
    let Some(at) = at else {
        return match kb {
            Some(kb) => turn.send_with_buttons(text, kb).await,
            None => turn.send(text).await,
        };
    };
    match turn.edit(at, text, kb).await {
        Err(HandlerError::Telegram(RequestError::Api(ApiError::MessageNotModified))) => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every feed message renders in both languages with its arguments: no key shown
    /// instead of text, no placeable left unfilled.
    #[test]
    fn every_feed_message_renders_in_both_languages() {
        let args: Vec<(&'static str, Arg)> = ["id", "count"]
            .into_iter()
            .map(|k| (k, Arg::from(3)))
            .chain(
                [
                    ("url", "https://x/feed"),
                    ("area", "Ilir Barat I"),
                    ("every", "setiap jam"),
                    ("health", "ok"),
                    ("when", "25/12/2026 08:00 WIB"),
                    ("error", "E"),
                    ("cron", "0 * * * *"),
                    ("name", "Kemuning"),
                    ("kind", "kota"),
                    ("title", "T"),
                    ("kim", "KIM X"),
                    ("code", "404"),
                ]
                .map(|(k, v)| (k, Arg::from(v))),
            )
            .collect();
        let checked = crate::platform::i18n::assert_file_renders("feeds.ftl", "feed-", &args);
        assert!(checked > 40, "{checked} keys");
    }

    #[test]
    fn stored_failure_kinds_read_as_sentences() {
        assert_eq!(error_text(Lang::Id, Some("status:404")), "servernya menjawab dengan kode 404");
        assert_eq!(error_text(Lang::En, Some("too_large")), "it is larger than 2 MB");
        assert_eq!(error_text(Lang::Id, None), "servernya tidak bisa dihubungi");
    }
}
