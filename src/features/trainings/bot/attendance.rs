//! Marking attendance during or after a session: registered people, a page at a
//! time, with "hadir" / "tidak hadir" buttons per person.

use teloxide::types::InlineKeyboardMarkup;

use super::Btn;
use super::ui::{self, b, bk};
use crate::platform::i18n::{Arg, t, ta};
use crate::bot::HandlerError;
use crate::bot::turn::{At, Turn};
use crate::features::trainings::{render, store};

pub async fn show(turn: &Turn<'_>, id: i64, page: i64, at: At) -> Result<bool, HandlerError> {
    let Some(tr) = ui::managed(turn, id).await? else { return Ok(false) };
    let lang = turn.lang();
    if turn.now() < tr.starts_at {
        let when = render::moment(lang, tr.starts_at, tr.tz(turn.ctx.config.tz));
        turn.say_with("training-attendance-not-yet", &[("when", Arg::from(when))]).await?;
        return Ok(true);
    }
    let seated: Vec<_> = store::participants(&turn.ctx.db, id).await?.into_iter().filter(|p| p.status == "registered").collect();
    let present = seated.iter().filter(|p| p.attended == Some(1)).count() as i64;
    let absent = seated.iter().filter(|p| p.attended == Some(0)).count() as i64;
    let args = [
        ("title", Arg::from(&tr.title)),
        ("present", Arg::from(present)),
        ("absent", Arg::from(absent)),
        ("total", Arg::from(seated.len() as i64)),
    ];
    let mut lines = vec![ta(lang, "training-attendance-header", &args)];
    let mut rows = Vec::new();
    if seated.is_empty() {
        lines.push(t(lang, "training-attendance-empty"));
    }
    let (page, shown) = ui::page_of(&seated, page);
    for (i, p) in shown.iter().enumerate() {
        let name: String = p.first_name.clone().unwrap_or_else(|| p.user_id.to_string()).chars().take(24).collect();
        let mark = match p.attended {
            Some(1) => t(lang, "training-mark-present"),
            Some(_) => t(lang, "training-mark-absent"),
            None => t(lang, "training-mark-none"),
        };
        lines.push(format!("{}. {name} — {mark}", page * ui::PAGE + i + 1));
        let mark_btn = |present: bool| Btn::Mark { training: id, registration: p.registration_id, present, page: page as i64 };
        let name_arg = [("name", Arg::from(&name))];
        rows.push(vec![
            b(ta(lang, "training-btn-present", &name_arg), mark_btn(true)),
            b(ta(lang, "training-btn-absent", &name_arg), mark_btn(false)),
        ]);
    }
    rows.push(ui::pager(page, seated.len(), |p| Btn::Attend(id, p)));
    rows.push(vec![bk(lang, "btn-back", Btn::Manage(id))]);
    ui::edit(turn, at, lines.join("\n"), Some(InlineKeyboardMarkup::new(rows))).await?;
    Ok(true)
}

pub async fn mark(turn: &Turn<'_>, id: i64, registration: i64, present: bool, page: i64, at: At) -> Result<bool, HandlerError> {
    let Some(tr) = ui::managed(turn, id).await? else { return Ok(false) };
    if turn.now() < tr.starts_at {
        return Ok(false);
    }
    if !store::mark_attendance(&turn.ctx.db, id, registration, present, turn.now()).await? {
        return Ok(false);
    }
    show(turn, id, page, at).await
}
