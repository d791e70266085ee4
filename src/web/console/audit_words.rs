//! The console's own actions in the audit log's words: links, logins, what was viewed
//! (photos counted from 1, as the page shows them; the detail stores the index).

use crate::audit_need as need;
use crate::features::{trainings, umkm};
use crate::platform::audit::words::{Args, Built, Detail, Reader, Sentence, Vocabulary, Words};
use crate::platform::db::DbResult;
use crate::platform::i18n::Arg;

pub static WORDS: Vocabulary = Vocabulary { families: &["console"], sentence: Sentence::Async(words) };

fn words<'a>(r: &'a Reader<'a>, action: &'a str, d: &'a Detail) -> Words<'a> {
    Box::pin(sentence(r, action, d))
}

async fn sentence(r: &Reader<'_>, action: &str, d: &Detail) -> DbResult<Built> {
    let ticket = || Arg::from(d.head.split_whitespace().next().unwrap_or_default());
    let built: (&'static str, Args) = match action {
        "console.link" => ("audit-act-console-link", vec![]),
        "console.login" => ("audit-act-console-login", vec![]),
        "console.logout" if d.head.is_empty() => ("audit-act-console-logout", vec![]),
        "console.logout" => ("audit-act-console-logout-revoked", vec![]),
        "console.view" if !d.head.is_empty() => ("audit-act-console-view", vec![("ticket", ticket())]),
        "console.photo" if !d.head.is_empty() => ("audit-act-console-photo", vec![("ticket", ticket()), ("n", Arg::from(need!(d.int("photo")) + 1))]),
        "console.queue" => ("audit-act-console-queue", vec![]),
        "console.umkm" => ("audit-act-console-umkm", vec![]),
        "console.umkm.view" => {
            let id = need!(d.int("umkm"));
            let name = umkm::audit::business_name(r.db, id).await?.map(|b| format!("«{b}»")).unwrap_or_else(|| format!("#{id}"));
            ("audit-act-console-umkm-view", vec![("business", Arg::from(name))])
        }
        "console.training.view" => ("audit-act-console-training-view", vec![("training", Arg::from(need!(trainings::audit::title(r, d).await?)))]),
        "console.attendance" => ("audit-act-console-attendance", vec![("training", Arg::from(need!(trainings::audit::title(r, d).await?)))]),
        _ => return Ok(None),
    };
    Ok(Some(built))
}
