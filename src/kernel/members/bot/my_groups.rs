//! `/grupsaya`: the groups of the KIMs this person coordinates (staff: of their own
//! KIM too). Coordinators and up only; the router refuses residents.

use crate::bot::feature::{HandlerResult, Turn};
use crate::kernel::members::{areas, groups};
use crate::platform::i18n::{Arg, t, ta};

pub async fn show(turn: &Turn<'_>) -> HandlerResult {
    let (who, db, lang) = (turn.who, &turn.ctx.db, turn.lang());
    let mut kim_ids = who.actor.coordinator_kims.clone();
    // One's own KIM counts only if one may act for it (staff of its area): a
    // coordinator who moved to another KIM with /gantikim does not see its groups.
    if let Some(own) = who.member.as_ref().and_then(|m| m.kim_id).filter(|id| !kim_ids.contains(id))
        && areas::kim_by_id(db, own).await?.is_some_and(|k| who.actor.can_manage_kim(&k))
    {
        kim_ids.push(own);
    }
    let kims = areas::kims_by_ids(db, &kim_ids).await?;
    let list = groups::of_kims(db, &kim_ids).await?;
    if list.is_empty() {
        return turn.say("my-groups-empty").await;
    }
    let mut lines = vec![t(lang, "my-groups-header")];
    for g in list {
        let kim = kims.iter().find(|k| Some(k.id) == g.kim_id).map(|k| k.name.clone()).unwrap_or_default();
        let status = t(lang, &format!("group-status-{}", g.status().as_str()));
        let args = [("title", Arg::from(g.title)), ("kim", Arg::from(kim)), ("status", Arg::from(status))];
        lines.push(ta(lang, "my-groups-item", &args));
    }
    turn.send(lines.join("\n")).await
}
