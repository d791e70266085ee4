//! The UMKM registry in the audit log's words, and the business name behind an id
//! (for the console's "viewed the business …").

use crate::platform::audit::words::{Built, Detail, Reader, Sentence, Vocabulary, Words, name_by_id};
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::Arg;

pub static WORDS: Vocabulary = Vocabulary { families: &["umkm"], sentence: Sentence::Async(words) };

fn words<'a>(_: &'a Reader<'a>, action: &'a str, d: &'a Detail) -> Words<'a> {
    let built = match action {
        "umkm.list" => d.int("page").map(|page| ("audit-act-umkm-list", vec![("page", Arg::from(page))])),
        _ => None,
    };
    Box::pin(async move { Ok::<Built, _>(built) })
}

/// A registered business's name, if it is still there.
pub async fn business_name(db: &Db, id: i64) -> DbResult<Option<String>> {
    name_by_id(db, "SELECT business_name FROM umkm_registrations WHERE id = $1", id).await
}
