//! Keeping a survey draft past `/batal`: writing a survey takes a while, and `/batal`
//! (or a slip of the thumb) used to throw the whole draft away. With a title written,
//! `/batal` asks "keep the draft?"; a kept draft (one per author, in `survey_drafts`)
//! is offered back by "Buat survei baru".

use sqlx::Row;
use crate::kernel::members::UserId;

use super::{Dialog, rows};
use super::super::buttons::Btn;
use super::super::model::Draft;
use crate::bot::feature::{At, HandlerError, HandlerResult, Turn};
use crate::platform::db::{Db, DbError, DbResult};
use crate::platform::i18n::{Arg, t, ta};

/// `/batal` in the builder: with a title written, ask whether to keep the draft
/// (`Ok(false)`: nothing worth keeping, the router just cancels).
pub async fn offer(turn: &Turn<'_>, dialog: Dialog) -> Result<bool, HandlerError> {
    use Dialog as D;
    let mut draft = match dialog {
        D::Title { draft } | D::Kind { draft } | D::Review { draft } | D::Closing { draft } | D::Reach { draft } => draft,
        D::Prompt { draft, .. } | D::Options { draft, .. } | D::Confirm { draft, .. } => draft,
        D::Answer { .. } | D::Cancel { .. } => return Ok(false),
    };
    if draft.title.is_empty() {
        return Ok(false);
    }
    draft.editing = None;
    let lang = turn.lang();
    let args = [("title", Arg::from(draft.title.clone())), ("count", Arg::from(draft.questions.len() as i64))];
    turn.set_dialog(Dialog::Cancel { draft }).await?;
    let keys = rows(vec![(t(lang, "sv-btn-keep-draft"), Btn::KeepDraft), (t(lang, "sv-btn-drop-draft"), Btn::DropDraft)]);
    turn.send_with_buttons(ta(lang, "sv-cancel-ask", &args), keys).await?;
    Ok(true)
}

/// "Simpan draf": stored for later, the dialogue ends.
pub async fn keep(turn: &Turn<'_>, draft: Draft, at: At) -> HandlerResult {
    let json = serde_json::to_string(&draft).map_err(|e| DbError::Corrupt(format!("survey draft: {e}")))?;
    sqlx::query(
        "INSERT INTO survey_drafts (author_id, draft, saved_at) VALUES ($1, $2, $3) \
         ON CONFLICT (author_id) DO UPDATE SET draft = excluded.draft, saved_at = excluded.saved_at",
    )
    .bind(turn.who.user_id)
    .bind(json)
    .bind(turn.now())
    .execute(&turn.ctx.db.pool)
    .await
    .map_err(DbError::from)?;
    turn.end().await?;
    turn.edit(at, ta(turn.lang(), "sv-draft-kept", &[("title", Arg::from(draft.title))]), None).await
}

/// "Buang": the dialogue ends, nothing is kept.
pub async fn discard(turn: &Turn<'_>, at: At) -> HandlerResult {
    turn.end().await?;
    turn.edit(at, t(turn.lang(), "cancelled"), None).await
}

/// The author's kept draft, if any.
pub async fn kept(db: &Db, author: UserId) -> DbResult<Option<Draft>> {
    let found = sqlx::query("SELECT draft FROM survey_drafts WHERE author_id = $1").bind(author).fetch_optional(&db.pool).await?;
    let Some(row) = found else { return Ok(None) };
    // A draft that no longer decodes (its shape changed) is as good as none.
    Ok(serde_json::from_str(&row.try_get::<String, _>("draft")?).ok())
}

/// Takes the kept draft out (once: a second press finds none).
pub async fn take(db: &Db, author: UserId) -> DbResult<Option<Draft>> {
    let draft = kept(db, author).await?;
    let gone = sqlx::query("DELETE FROM survey_drafts WHERE author_id = $1").bind(author).execute(&db.pool).await?;
    Ok(draft.filter(|_| gone.rows_affected() == 1))
}

/// "Buat survei baru" with a kept draft: go on with it, or start afresh.
pub async fn offer_back(turn: &Turn<'_>, draft: &Draft, at: At) -> HandlerResult {
    let lang = turn.lang();
    let args = [("title", Arg::from(draft.title.clone())), ("count", Arg::from(draft.questions.len() as i64))];
    let keys = rows(vec![(t(lang, "sv-btn-resume-draft"), Btn::ResumeDraft), (t(lang, "sv-btn-fresh-draft"), Btn::FreshDraft)]);
    turn.edit(at, ta(lang, "sv-draft-found", &args), Some(keys)).await
}
