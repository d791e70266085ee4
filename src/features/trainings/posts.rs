//! The "Daftar" button under a training's group posts follows the seats: when the
//! training fills up, every post already sent (or still queued) gets "Daftar tunggu",
//! and "Daftar" again when a seat frees up with nobody waiting.
//!
//! Only a crossing of full ↔ not full edits anything, not every registration. The
//! crossing is decided by [`super::seats`] from the counts it read under the
//! training's lock, and the edits are queued in that same transaction, so with
//! several processes each crossing is seen once and commits with its seat change.
//! The edits go through the outbox ([`Body::EditButtons`]) behind the posts of each
//! group: a group that left answers 403 and a deleted post "message to edit not
//! found"; either is logged by the delivery worker and failed, never retried.

use sqlx::Row;

use super::model::Training;
use super::render::register_key;
use crate::platform::db::{DbError, DbResult};
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority, outbox};
use crate::platform::i18n::{Lang, t};

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The outbox source of the label edits of training `id` (kept apart from its
/// posts' `training:<id>`, so they never count as posts).
pub fn edit_source(id: i64) -> String {
    super::model::LABEL_SOURCE.of(id).to_string()
}

/// Queues an edit of every group post of the training when `before` and `after`
/// (the same training around one seat change) differ in being full. Returns how
/// many edits were queued; call `Outbox::wake` after the commit.
pub async fn relabel_if_crossed(tx: &mut Tx, before: &Training, after: &Training, now: i64) -> DbResult<usize> {
    if before.is_full() == after.is_full() {
        return Ok(0);
    }
    // Groups are community spaces: posts are in Indonesian (as `actions::announce`).
    let label = t(Lang::Id, register_key(after));
    let edits: Vec<Outgoing> = posts(tx, after.id)
        .await?
        .into_iter()
        .filter_map(|(post, chat_id, buttons)| {
            let buttons = relabelled(&buttons, &label)?;
            let body = Body::EditButtons { post, buttons };
            Some(Outgoing { chat_id, body, priority: Priority::Broadcast, source: Some(edit_source(after.id)) })
        })
        .collect();
    outbox::insert(tx, &edits, now).await?;
    tracing::info!(training = after.id, full = after.is_full(), posts = edits.len(), "training: group posts relabelled");
    Ok(edits.len())
}

/// (outbox row, chat, buttons) of the training's group posts that went out or are
/// on their way (failed ones reached nobody).
async fn posts(tx: &mut Tx, training_id: i64) -> DbResult<Vec<(i64, i64, Vec<Vec<ButtonSpec>>)>> {
    let rows = sqlx::query(
        "SELECT id, chat_id, body FROM outbox WHERE source = $1 AND chat_id < 0 \
         AND status IN ('queued', 'sending', 'sent') ORDER BY id",
    )
    .bind(super::model::SOURCE.of(training_id).to_string())
    .fetch_all(&mut **tx)
    .await?;
    let mut out = Vec::new();
    for row in rows {
        let body: String = row.try_get("body")?;
        let body: Body = serde_json::from_str(&body).map_err(|e| DbError::Corrupt(format!("outbox body: {e}")))?;
        if let Body::Text { buttons, .. } | Body::Photo { buttons, .. } = body
            && !buttons.is_empty()
        {
            out.push((row.try_get("id")?, row.try_get("chat_id")?, buttons));
        }
    }
    Ok(out)
}

/// The post's buttons with every link (the registration deep link) labelled
/// `label`; `None` when the post has no link button.
fn relabelled(buttons: &[Vec<ButtonSpec>], label: &str) -> Option<Vec<Vec<ButtonSpec>>> {
    let mut changed = false;
    let rows = buttons
        .iter()
        .map(|row| {
            row.iter()
                .map(|b| match b.url() {
                    // The WhatsApp share button keeps its label.
                    Some(url) if !url.starts_with(crate::platform::share::WA_PREFIX) => {
                        changed = true;
                        ButtonSpec::link(label.to_string(), url.to_string())
                    }
                    _ => b.clone(),
                })
                .collect()
        })
        .collect();
    changed.then_some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_link_button_of_a_post_is_relabelled_and_a_post_without_one_is_left_alone() {
        let link = ButtonSpec::link("✅ Daftar".into(), "https://t.me/kimbot?start=tr_7".into());
        let other = ButtonSpec { label: "Info".into(), data: "tr:i:7".into() };
        let share = ButtonSpec::link("📲 Bagikan ke WhatsApp".into(), "https://wa.me/?text=x".into());

        let edited = relabelled(&[vec![link.clone(), other.clone()], vec![share.clone()]], "⏳ Daftar tunggu");

        let want = ButtonSpec::link("⏳ Daftar tunggu".into(), "https://t.me/kimbot?start=tr_7".into());
        assert_eq!(edited, Some(vec![vec![want, other.clone()], vec![share]]));
        assert_eq!(relabelled(&[vec![other]], "⏳ Daftar tunggu"), None);
    }
}
