//! Trainings in the audit log's words: published, announced, invited, edited,
//! closed, cancelled, exported.

use crate::audit_need as need;
use crate::kernel::members::audit::kim_by_id;
use crate::platform::audit::words::{Args, Built, Detail, Reader, Sentence, Vocabulary, Words, name_by_id, time};
use crate::platform::db::DbResult;
use crate::platform::i18n::Arg;

pub static WORDS: Vocabulary = Vocabulary { families: &["training"], sentence: Sentence::Async(words) };

fn words<'a>(r: &'a Reader<'a>, action: &'a str, d: &'a Detail) -> Words<'a> {
    Box::pin(sentence(r, action, d))
}

/// `«Sewing basics»` for the detail's `training=<id>`, or `#4` when the training is
/// gone; `None` without the id. Reports and the console name trainings with it too.
pub async fn title(r: &Reader<'_>, d: &Detail) -> DbResult<Option<String>> {
    let Some(id) = d.int("training") else { return Ok(None) };
    Ok(Some(match name_by_id(r.db, "SELECT title FROM trainings WHERE id = $1", id).await? {
        Some(title) => format!("«{title}»"),
        None => format!("#{id}"),
    }))
}

async fn sentence(r: &Reader<'_>, action: &str, d: &Detail) -> DbResult<Built> {
    let title = ("training", Arg::from(need!(title(r, d).await?)));
    let built: (&'static str, Args) = match action {
        "training.export" => ("audit-act-training-export", vec![title, ("rows", Arg::from(need!(d.int("rows"))))]),
        "training.publish" => {
            let kim = kim_by_id(r.db, need!(d.int("kim"))).await?.unwrap_or_default();
            let start = time(need!(d.int("start")), r.tz);
            ("audit-act-training-publish", vec![title, ("kim", Arg::from(kim)), ("start", Arg::from(start)), ("quota", Arg::from(need!(d.int("quota"))))])
        }
        "training.announce" => ("audit-act-training-announce", vec![title, ("groups", Arg::from(need!(d.list_len("groups"))))]),
        "training.invite" => ("audit-act-training-invite", vec![title, ("count", Arg::from(need!(d.int("invited"))))]),
        "training.close" => ("audit-act-training-close", vec![title]),
        "training.cancel" => ("audit-act-training-cancel", vec![title, ("told", Arg::from(need!(d.int("told"))))]),
        "training.edit" => ("audit-act-training-edit", vec![title, ("told", Arg::from(need!(d.int("told"))))]),
        _ => return Ok(None),
    };
    Ok(Some(built))
}
