//! Marking attendance during or after a session: registered people, then the
//! waitlist (marked ⏳), a page at a time, with "hadir" / "tidak hadir" buttons per
//! person.

use teloxide::types::InlineKeyboardMarkup;

use super::Btn;
use super::ui::{self, b, bk};
use crate::platform::i18n::{Arg, Lang, t, ta};
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
    // Registered people first, then the waitlist: someone waiting who came and took
    // an empty chair on the day is marked too.
    let people = store::participants(&turn.ctx.db, id).await?;
    let waiting = people.iter().filter(|p| p.status != "registered").count() as i64;
    let present = people.iter().filter(|p| p.attended == Some(1)).count() as i64;
    let absent = people.iter().filter(|p| p.attended == Some(0)).count() as i64;
    let args = [
        ("title", Arg::from(&tr.title)),
        ("present", Arg::from(present)),
        ("absent", Arg::from(absent)),
        ("total", Arg::from(people.len() as i64 - waiting)),
        ("waiting", Arg::from(waiting)),
    ];
    let mut lines = vec![ta(lang, "training-attendance-header", &args)];
    let mut rows = Vec::new();
    if people.is_empty() {
        lines.push(t(lang, "training-attendance-empty"));
    }
    let (page, shown) = ui::page_of(&people, page);
    for (i, p) in shown.iter().enumerate() {
        let name = render::clip(&p.first_name.clone().unwrap_or_else(|| p.user_id.to_string()), 24);
        lines.push(line(lang, page * ui::PAGE + i + 1, &name, p));
        let mark_btn = |present: bool| Btn::Mark { training: id, registration: p.registration_id, present, page: page as i64 };
        let name_arg = [("name", Arg::from(&name))];
        rows.push(vec![
            b(ta(lang, "training-btn-present", &name_arg), mark_btn(true)),
            b(ta(lang, "training-btn-absent", &name_arg), mark_btn(false)),
        ]);
    }
    rows.push(ui::pager(page, people.len(), |p| Btn::Attend(id, p)));
    rows.push(vec![bk(lang, "btn-back", Btn::Manage(id))]);
    ui::edit(turn, at, lines.join("\n"), Some(InlineKeyboardMarkup::new(rows))).await?;
    Ok(true)
}

/// "3. ⏳ Citra — belum dicatat": the number, a mark for the waitlist, the state.
fn line(lang: Lang, n: usize, name: &str, p: &store::Participant) -> String {
    let mark = match p.attended {
        Some(1) => t(lang, "training-mark-present"),
        Some(_) => t(lang, "training-mark-absent"),
        None => t(lang, "training-mark-none"),
    };
    let key = if p.status == "registered" { "training-attendance-line" } else { "training-attendance-line-waiting" };
    ta(lang, key, &[("n", Arg::from(n as i64)), ("name", Arg::from(name)), ("mark", Arg::from(mark))])
}

pub async fn mark(turn: &Turn<'_>, id: i64, registration: i64, present: bool, page: i64, at: At) -> Result<bool, HandlerError> {
    let Some(tr) = ui::managed(turn, id).await? else { return Ok(false) };
    if turn.now() < tr.starts_at {
        return Ok(false);
    }
    if !store::mark_attendance(&turn.ctx.db, crate::features::trainings::model::TrainingId(id), registration, present, turn.now()).await? {
        return Ok(false);
    }
    show(turn, id, page, at).await
}
