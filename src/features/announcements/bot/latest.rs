//! `/pengumuman`: the latest announcements that reached the resident's KIM.

use super::super::render::when;
use super::super::runs;
use crate::kernel::audience::targets;
use crate::platform::i18n::{Arg, ta};
use crate::kernel::members::areas;
use crate::bot::HandlerResult;
use crate::bot::turn::Turn;

/// How many announcements are listed, and how much of each.
const SHOWN: i64 = 5;
const SNIPPET: usize = 500;

pub async fn show(turn: &Turn<'_>) -> HandlerResult {
    let kim_id = turn.who.member.as_ref().and_then(|m| m.kim_id);
    let Some(kim) = (match kim_id {
        Some(id) => areas::kim_by_id(&turn.ctx.db, id).await?,
        None => None,
    }) else {
        return turn.say("ann-latest-no-kim").await;
    };
    let lang = turn.lang();
    let latest = runs::latest_for_kim(&turn.ctx.db, kim.id, SHOWN).await?;
    if latest.is_empty() {
        return turn.say_with("ann-latest-none", &[("kim", Arg::from(kim.name))]).await;
    }
    let tz = targets::tz_of(&turn.ctx.db, kim.id, turn.ctx.config.tz).await?;
    let mut parts = vec![ta(lang, "ann-latest-header", &[("kim", Arg::from(kim.name))])];
    for (content, at) in latest {
        let media = content.media.as_ref().map_or("none", |m| m.kind());
        let args = [
            ("when", Arg::from(when(lang, at, tz))),
            ("media", Arg::from(media)),
            ("text", Arg::from(content.snippet(SNIPPET))),
        ];
        parts.push(ta(lang, "ann-latest-item", &args));
    }
    turn.send(parts.join("\n\n")).await
}
