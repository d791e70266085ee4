//! The sign-up form: typed answers, button answers, "Kembali", review and saving.
//!
//! The dialogue state is written before the next question is shown, so what the
//! person sees is never ahead of what is stored. A refused answer asks the same
//! question again with the reason on top; nothing already answered is lost.

use teloxide::prelude::*;
use teloxide::types::{KeyboardRemove, Message};

use super::buttons::Btn;
use super::render::{self, Keys};
use super::{edit, kelurahan_choices};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::umkm::flow::{Dialog, Step};
use crate::features::umkm::store::{self, Saving};
use crate::features::umkm::validate::{self, FieldError};

/// Sends the open question as a new message, with `note` (an error, a reminder) on top.
pub async fn ask(turn: &Turn<'_>, d: &Dialog, note: Option<String>) -> HandlerResult {
    let kel = if d.step == Step::Kelurahan { kelurahan_choices(turn).await? } else { Default::default() };
    let (text, keys) = render::prompt(turn.lang(), d, &kel);
    let text = match note {
        Some(note) => format!("{note}\n\n{text}"),
        None => text,
    };
    match keys {
        Keys::Inline(k) => turn.send_with_buttons(text, k).await,
        Keys::Reply(k) => {
            turn.bot.send_message(turn.chat, text).reply_markup(k).await?;
            Ok(())
        }
    }
}

/// Stores the dialogue, then asks its open question.
pub async fn go(turn: &Turn<'_>, d: Dialog) -> HandlerResult {
    turn.set_dialog(d.clone()).await?;
    ask(turn, &d, None).await
}

fn error_text(lang: Lang, e: &FieldError) -> String {
    let (max, got) = match e {
        FieldError::TooLong { max, got } => (*max as i64, *got as i64),
        _ => (0, 0),
    };
    ta(lang, e.key(), &[("max", Arg::from(max)), ("got", Arg::from(got))])
}

pub async fn on_message(turn: &Turn<'_>, d: Dialog, msg: &Message) -> HandlerResult {
    match d.step {
        Step::Owner | Step::Business | Step::Nib | Step::Description => on_typed(turn, d, msg.text()).await,
        Step::Phone => on_phone(turn, d, msg).await,
        Step::Consent | Step::Sector | Step::Scale | Step::Kelurahan | Step::Needs => {
            super::typed::on_choice(turn, d, msg.text()).await
        }
        _ => ask(turn, &d, Some(t(turn.lang(), "umkm-use-buttons"))).await,
    }
}

async fn on_typed(turn: &Turn<'_>, mut d: Dialog, text: Option<&str>) -> HandlerResult {
    let lang = turn.lang();
    let Some(text) = text else { return ask(turn, &d, Some(t(lang, "umkm-err-text-only"))).await };
    let checked = match d.step {
        Step::Owner | Step::Business => validate::name(text),
        Step::Nib => validate::nib(text),
        _ => validate::description(text),
    };
    let value = match checked {
        Ok(value) => value,
        Err(e) => return ask(turn, &d, Some(error_text(lang, &e))).await,
    };
    let slot = match d.step {
        Step::Owner => &mut d.form.owner,
        Step::Business => &mut d.form.business,
        Step::Nib => &mut d.form.nib,
        _ => &mut d.form.description,
    };
    *slot = Some(value);
    go(turn, d.answered()).await
}

/// The phone question: a shared contact (must be the sender's own), a typed number,
/// or the reply keyboard's "keep" and "back" buttons, which arrive as text.
async fn on_phone(turn: &Turn<'_>, mut d: Dialog, msg: &Message) -> HandlerResult {
    let lang = turn.lang();
    let number = if let Some(contact) = msg.contact() {
        if contact.user_id.map(|u| u.0 as i64) != Some(turn.who.user_id.get()) {
            return ask(turn, &d, Some(t(lang, "umkm-err-contact-not-own"))).await;
        }
        contact.phone_number.clone()
    } else if let Some(text) = msg.text().map(str::trim) {
        if text == t(lang, "btn-back")
            && let Some(back) = d.clone().back()
        {
            turn.set_dialog(back.clone()).await?;
            close_reply_keyboard(turn, t(lang, "umkm-back-ok")).await?;
            return ask(turn, &back, None).await;
        }
        match &d.form.phone {
            Some(current) if text == render::keep_label(lang, current) => current.clone(),
            _ => text.to_string(),
        }
    } else {
        return ask(turn, &d, Some(t(lang, "umkm-err-phone"))).await;
    };
    let phone = match validate::phone(&number) {
        Ok(phone) => phone,
        Err(e) => return ask(turn, &d, Some(error_text(lang, &e))).await,
    };
    d.form.phone = Some(phone.clone());
    let d = d.answered();
    turn.set_dialog(d.clone()).await?;
    close_reply_keyboard(turn, ta(lang, "umkm-phone-saved", &[("phone", Arg::from(phone))])).await?;
    ask(turn, &d, None).await
}

/// Leaving the phone question: a short message that also takes the contact-share
/// keyboard away (a message cannot carry that and inline buttons at once).
async fn close_reply_keyboard(turn: &Turn<'_>, text: String) -> HandlerResult {
    turn.bot.send_message(turn.chat, text).reply_markup(KeyboardRemove::new()).await?;
    Ok(())
}

/// The pressed question becomes a plain line ("Sektor usaha: Kuliner"); the next
/// question follows as a new message.
async fn moved_on(turn: &Turn<'_>, d: Dialog, at: At) -> HandlerResult {
    let line = render::answer_line(turn.lang(), d.step, &d.form);
    edit(turn, at, line, None).await?;
    go(turn, d.answered()).await
}

/// A button press while the form is open; `Ok(false)` when it does not fit the
/// open step (stale or forged), and then nothing has changed.
pub async fn on_button(turn: &Turn<'_>, mut d: Dialog, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let step = d.step;
    match btn {
        Btn::Consent(yes) if step == Step::Consent => consent(turn, d, yes, at).await?,
        Btn::Back(s) if s == step && step != Step::Phone => {
            let Some(back) = d.back() else { return Ok(false) };
            edit(turn, at, t(lang, "umkm-back-ok"), None).await?;
            go(turn, back).await?;
        }
        Btn::Keep(s) if s == step && has_answer(&d, step) => moved_on(turn, d, at).await?,
        Btn::Skip(s) if s == step && matches!(step, Step::Nib | Step::Description) => {
            if step == Step::Nib { d.form.nib = None } else { d.form.description = None }
            moved_on(turn, d, at).await?;
        }
        Btn::Sector(sector) if step == Step::Sector => {
            d.form.sector = Some(sector);
            moved_on(turn, d, at).await?;
        }
        Btn::Scale(scale) if step == Step::Scale => {
            d.form.scale = Some(scale);
            moved_on(turn, d, at).await?;
        }
        Btn::Kelurahan(id) if step == Step::Kelurahan => {
            let Some(place) = kelurahan_choices(turn).await?.contains(id).cloned() else { return Ok(false) };
            d.form.kelurahan = Some(place);
            moved_on(turn, d, at).await?;
        }
        Btn::Toggle(need) if step == Step::Needs => {
            d.form.toggle(need);
            turn.set_dialog(d.clone()).await?;
            if let (text, Keys::Inline(keys)) = render::prompt(lang, &d, &Default::default()) {
                edit(turn, at, text, Some(keys)).await?;
            }
        }
        Btn::NeedsDone if step == Step::Needs && d.form.needs.is_empty() => {
            ask(turn, &d, Some(t(lang, "umkm-err-need-one"))).await?;
        }
        Btn::NeedsDone if step == Step::Needs => moved_on(turn, d, at).await?,
        Btn::Edit(field) if step == Step::Review => {
            let Some(editing) = d.edit(field) else { return Ok(false) };
            let label = render::field_label(lang, field).unwrap_or_default();
            edit(turn, at, ta(lang, "umkm-editing", &[("field", Arg::from(label))]), None).await?;
            go(turn, editing).await?;
        }
        Btn::Save if step == Step::Review => return save(turn, d, at).await,
        _ => return Ok(false),
    }
    Ok(true)
}

fn has_answer(d: &Dialog, step: Step) -> bool {
    match step {
        Step::Owner => d.form.owner.is_some(),
        Step::Business => d.form.business.is_some(),
        Step::Nib => d.form.nib.is_some(),
        Step::Description => d.form.description.is_some(),
        _ => false,
    }
}

async fn consent(turn: &Turn<'_>, d: Dialog, yes: bool, at: At) -> HandlerResult {
    let lang = turn.lang();
    if !yes {
        turn.end().await?;
        return edit(turn, at, t(lang, "umkm-consent-declined"), None).await;
    }
    let (notice, _) = render::consent(lang);
    store::grant_consent(&turn.ctx.db, turn.who.user_id, turn.now()).await?;
    edit(turn, at, format!("{notice}\n\n{}", t(lang, "umkm-consent-given")), None).await?;
    go(turn, d.agreed(turn.now())).await
}

/// "Simpan": stores the registration (and the consent receipt) and ends the form.
async fn save(turn: &Turn<'_>, d: Dialog, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let Some(reg) = d.form.complete() else { return Ok(false) };
    let Some(kim_id) = turn.who.member.as_ref().and_then(|m| m.kim_id) else {
        turn.end().await?;
        turn.say("umkm-need-kim").await?;
        return Ok(true);
    };
    let db = &turn.ctx.db;
    if d.consent_at.is_none() && !store::consent_stands(db, turn.who.user_id).await? {
        // Consent was withdrawn while the form was open: ask again, keep the answers.
        go(turn, Dialog { step: Step::Consent, ..d }).await?;
        return Ok(true);
    }
    let saving = store::save(db, turn.who.user_id, kim_id, &reg, d.consent_at, turn.now()).await?;
    turn.end().await?;
    let key = match saving {
        Saving::Created => "umkm-saved",
        Saving::Updated => "umkm-updated",
    };
    let saved = format!("{}\n\n{}", t(lang, key), render::summary(lang, &d.form));
    // Programme news is a purpose of its own (UU 27/2022): asked only while not given.
    if crate::features::privacy::news::stands(db, turn.who.user_id).await? {
        edit(turn, at, format!("{saved}\n\n{}", t(lang, "umkm-news-status-on")), None).await?;
    } else {
        let (question, keys) = super::news::question(lang);
        edit(turn, at, format!("{saved}\n\n{question}"), Some(keys)).await?;
    }
    Ok(true)
}
