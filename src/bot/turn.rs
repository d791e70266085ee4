//! One private-chat turn: who is talking, in which chat, and the services to answer
//! with. Feature handlers take a `&Turn` instead of five parameters.

use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, Message, MessageId};

use super::registry::Registry;
use super::who::Who;
use crate::platform::ctx::AppCtx;
use super::state::{Current, DialogState, State};
use super::{Dlg, HandlerError, HandlerResult};
use crate::platform::delivery::ReplyBot;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// A bot message a button was pressed on, so the handler can edit it in place.
pub type At = (ChatId, MessageId);

pub struct Turn<'a> {
    pub registry: &'a Registry,
    pub bot: &'a ReplyBot,
    pub ctx: &'a AppCtx,
    pub dlg: &'a Dlg,
    pub who: &'a Who,
    pub chat: ChatId,
    /// Where a button press's pop-up is kept until the press is answered; `None`
    /// for a message (there is no press to answer).
    pub popup: Option<&'a Popup>,
    /// While a command runs over a form left open: that form's state. The command's
    /// first change of dialogue is refused with [`HandlerError::FormOpen`], so the
    /// router can ask before the form is dropped (see `bot::leave`).
    pub open_form: Option<&'a State>,
    /// The message sent outside any dialogue that the person chose to start this
    /// command with (see `bot::offer`): a feature may take it as its first answer.
    pub carried: Option<&'a Message>,
}

/// The pop-up a feature asks for when it answers a button press
/// (answerCallbackQuery `text` and `show_alert`). Telegram shows it over the chat,
/// which is the only visible answer when the message pressed on cannot change
/// (an edit with identical content is refused as "message is not modified").
#[derive(Debug, Default)]
pub struct Popup(std::sync::Mutex<Option<PopupText>>);

/// One pop-up: a short toast, or an alert the person must dismiss.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopupText {
    pub text: String,
    pub alert: bool,
}

impl Popup {
    fn set(&self, text: String, alert: bool) {
        *self.0.lock().expect("popup lock") = Some(PopupText { text, alert });
    }

    /// What the press is to be answered with (the last one asked for wins).
    pub fn take(&self) -> Option<PopupText> {
        self.0.lock().expect("popup lock").take()
    }
}

impl Turn<'_> {
    pub fn lang(&self) -> Lang {
        self.who.lang
    }

    /// Sends the message `key` in the user's language.
    pub async fn say(&self, key: &str) -> HandlerResult {
        self.send(t(self.lang(), key)).await
    }

    /// Sends the message `key` with arguments.
    pub async fn say_with(&self, key: &str, args: &[(&'static str, Arg)]) -> HandlerResult {
        self.send(ta(self.lang(), key, args)).await
    }

    pub async fn send(&self, text: String) -> HandlerResult {
        self.bot.send_message(self.chat, text).await?;
        Ok(())
    }

    pub async fn send_with_buttons(&self, text: String, keyboard: InlineKeyboardMarkup) -> HandlerResult {
        self.bot.send_message(self.chat, text).reply_markup(keyboard).await?;
        Ok(())
    }

    /// Replaces the text and buttons of the message a button was pressed on.
    pub async fn edit(&self, at: At, text: String, keyboard: Option<InlineKeyboardMarkup>) -> HandlerResult {
        let request = self.bot.edit_message_text(at.0, at.1, text);
        match keyboard {
            Some(k) => request.reply_markup(k).await?,
            None => request.await?,
        };
        Ok(())
    }

    /// Answers the button press being handled with a short toast (gone after a
    /// moment). Ignored outside a press, where there is nothing to answer.
    pub fn toast(&self, text: String) {
        self.pop_up(text, false);
    }

    /// Answers the button press being handled with an alert the person dismisses
    /// (for something they must read). Ignored outside a press.
    pub fn alert(&self, text: String) {
        self.pop_up(text, true);
    }

    fn pop_up(&self, text: String, alert: bool) {
        match self.popup {
            Some(popup) => popup.set(text, alert),
            None => tracing::debug!(chat = self.chat.0, "pop-up asked for outside a button press; ignored"),
        }
    }

    /// Stores the feature's dialogue as the chat's state.
    pub async fn set_dialog<D: DialogState>(&self, dialog: D) -> HandlerResult {
        let state = State::of(&dialog).map_err(|e| HandlerError::Storage(Box::new(e)))?;
        self.keep_open_form(&state)?;
        self.dlg.update(state).await?;
        Ok(())
    }

    /// The chat's current state as the feature owning dialogues `D` sees it.
    pub async fn current<D: DialogState>(&self) -> Result<Current<D>, HandlerError> {
        Ok(self.dlg.get().await?.unwrap_or_default().current::<D>())
    }

    /// Ends the dialogue (back to idle).
    pub async fn end(&self) -> HandlerResult {
        self.keep_open_form(&State::Idle)?;
        self.dlg.exit().await?;
        Ok(())
    }

    /// Refuses to replace the form left open by anything else (see `open_form`).
    fn keep_open_form(&self, next: &State) -> HandlerResult {
        match self.open_form {
            Some(open) if open != next => Err(HandlerError::FormOpen),
            _ => Ok(()),
        }
    }

    pub fn now(&self) -> i64 {
        self.ctx.now()
    }

    /// Opens the KIM choice `/start` ends in (a dialogue of the bot layer's own, so
    /// it is stored as it always was); says so and stays idle when no KIM is loaded.
    pub async fn choose_kim(&self) -> HandlerResult {
        super::kim_menu::choose_kim(self.bot, self.ctx, self.dlg, self.chat, self.lang()).await
    }

    /// Shows the person's command menu in `lang` (after a change of language).
    pub async fn show_menu(&self, lang: Lang) -> HandlerResult {
        let role = self.who.actor.role();
        super::help::show_menu(self.bot, self.ctx, self.registry, self.who.user_id, lang, role).await
    }
}

/// Sends one message by key.
pub async fn say(bot: &ReplyBot, chat: ChatId, lang: Lang, key: &str) -> HandlerResult {
    bot.send_message(chat, t(lang, key)).await?;
    Ok(())
}
