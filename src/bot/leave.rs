//! A command typed while a form is open. Commands win over the dialogue state, so
//! `/umkm` in the middle of `/aspirasi` used to drop the aspiration silently. Now a
//! command runs with the open form guarded ([`Turn::open_form`]): if it only shows
//! something (`/status`), nothing is asked; if it would replace or end the form, it
//! is stopped at that point and the person is asked "Tinggalkan formulir aspirasi
//! yang belum selesai?" with "Lanjutkan" / "Tinggalkan". "Tinggalkan" ends the form
//! and runs the command typed, carried in the button.

use teloxide::types::InlineKeyboardMarkup;

use super::keyboards::{Command, button};
use super::registry::Registry;
use super::turn::{At, Turn};
use super::{Cb, HandlerResult, State};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// The open form a command must not drop unasked: a feature's dialogue still owned
/// by a feature (an orphaned one may go).
pub fn open_form<'s>(state: &'s State, registry: &Registry) -> Option<&'s State> {
    state.feature_kind().filter(|kind| registry.by_dialog(kind).is_some()).map(|_| state)
}

/// The form's name as a person reads it ("formulir aspirasi"): the message
/// `form-<kind>` of its dialogue kind in lower case (`Aspiration` → `form-aspiration`),
/// so the bot layer names no feature; `form-other` when there is none.
fn form_name(lang: Lang, state: &State) -> String {
    let key = format!("form-{}", state.feature_kind().unwrap_or_default().to_lowercase());
    match t(lang, &key) {
        name if name == key => t(lang, "form-other"),
        name => name,
    }
}

/// Asks whether to leave the form for `cmd`.
pub async fn ask(turn: &Turn<'_>, state: &State, cmd: &Command<'_>) -> HandlerResult {
    let lang = turn.lang();
    let line = if cmd.args.is_empty() { format!("/{}", cmd.name) } else { format!("/{} {}", cmd.name, cmd.args) };
    // Telegram carries 64 bytes of callback data; a longer command is typed again.
    let carried = Cb::LeaveForm(Some(line.clone()));
    let leave = if carried.data().len() <= 64 { carried } else { Cb::LeaveForm(None) };
    let keys = InlineKeyboardMarkup::new(vec![vec![
        button(t(lang, "form-btn-keep"), Cb::KeepForm),
        button(t(lang, "form-btn-leave"), leave),
    ]]);
    let shown: String = line.chars().take(40).collect();
    let args = [("form", Arg::from(form_name(lang, state))), ("cmd", Arg::from(shown))];
    turn.send_with_buttons(ta(lang, "form-leave-ask", &args), keys).await
}

/// "Lanjutkan": the form stays as it was.
pub async fn keep(turn: &Turn<'_>, state: &State, at: At) -> HandlerResult {
    let lang = turn.lang();
    turn.edit(at, ta(lang, "form-kept", &[("form", Arg::from(form_name(lang, state)))]), None).await
}

/// "Tinggalkan": ends the form; the caller then runs the command carried, if any.
pub async fn leave(turn: &Turn<'_>, state: &State, at: At, carried: bool) -> HandlerResult {
    let lang = turn.lang();
    turn.dlg.exit().await?;
    let key = if carried { "form-left" } else { "form-left-retype" };
    turn.edit(at, ta(lang, key, &[("form", Arg::from(form_name(lang, state)))]), None).await
}
