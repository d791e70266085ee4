//! Watching the dispatcher: every update is counted by kind and timed from the
//! moment the dispatcher hands it over until its handler is done.

use std::sync::Arc;
use std::time::Instant;

use teloxide::dispatching::DpHandlerDescription;
use teloxide::dptree::di::DependencyMap;
use teloxide::dptree::{self, Cont, Handler, HandlerDescription, HandlerSignature};
use teloxide::types::Update;

use crate::bot::HandlerResult;
use crate::platform::ops::Ops;
use crate::platform::ops::metrics::update_kind;

type Schema = Handler<'static, HandlerResult, DpHandlerDescription>;

/// `schema` behind a timer. The timer is an entry-like link: it neither needs nor
/// adds dependencies and lets every update kind through, so the schema's own
/// description (and with it `allowed_updates`) is unchanged.
pub fn timed(ops: Arc<Ops>, schema: Schema) -> Schema {
    let timer: Schema = dptree::from_fn_with_description(
        DpHandlerDescription::entry(),
        move |deps: DependencyMap, cont: Cont<'static, HandlerResult>| {
            let ops = ops.clone();
            async move {
                let kind = update_kind(&deps.get::<Update>());
                let started = Instant::now();
                let flow = cont(deps).await;
                ops.metrics.update_handled(kind, started.elapsed());
                flow
            }
        },
        HandlerSignature::Entry,
    );
    timer.chain(schema)
}
