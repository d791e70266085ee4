//! Telling the delivery how an update ended ([`crate::platform::intake`]): the
//! webhook answers Telegram only now, so an update dies with its process only
//! unacknowledged, and Telegram delivers it again. A claimed update is marked
//! finished here, after its handler (panics included, see [`super::contain`]).
//! Each update's answers are journaled meanwhile ([`answers`]), so a takeover of an
//! unfinished update does not answer again.

use std::sync::Arc;

use teloxide::dispatching::DpHandlerDescription;
use teloxide::dptree::di::DependencyMap;
use teloxide::dptree::{self, Cont, Handler, HandlerDescription, HandlerSignature};
use teloxide::types::Update;

use crate::bot::HandlerResult;
use crate::platform::ctx::AppCtx;
use crate::platform::delivery::answers;
use crate::platform::intake::{self, Acks, Verdict};

type Schema = Handler<'static, HandlerResult, DpHandlerDescription>;

/// `schema` behind the acknowledging link (entry-like: the schema's description,
/// and with it `allowed_updates`, is unchanged).
pub fn acknowledged(acks: Arc<Acks>, schema: Schema) -> Schema {
    let link: Schema = dptree::from_fn_with_description(
        DpHandlerDescription::entry(),
        move |deps: DependencyMap, cont: Cont<'static, HandlerResult>| {
            let acks = acks.clone();
            async move {
                let kept = deps.clone();
                let update = kept.get::<Update>();
                let db = kept.get::<Arc<AppCtx>>().db.clone();
                let (flow, report) = intake::scoped(answers::scoped(db, i64::from(update.id.0), cont(deps))).await;
                if report.claimed {
                    let ctx = kept.get::<Arc<AppCtx>>();
                    if let Err(error) = crate::bot::finish_update(&ctx, update.id.0).await {
                        tracing::warn!(update_id = update.id.0, %error, "could not mark the update finished");
                    }
                }
                let someone_waits = acks.settle(update.id.0, report.verdict);
                if !someone_waits && report.verdict == Verdict::Unrecorded {
                    // Long polling has confirmed it already: it is lost; say so.
                    super::contain::apologize(&kept, &update).await;
                }
                flow
            }
        },
        HandlerSignature::Entry,
    );
    link.chain(schema)
}
