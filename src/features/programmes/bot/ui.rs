//! Small helpers of the programmes chat: buttons, and who may do what to a programme.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::Btn;
use crate::bot::keyboards::button;
use crate::features::programmes::model::Programme;
use crate::kernel::members::{Actor, covers};
use crate::platform::i18n::{Lang, t};

pub fn b(label: impl Into<String>, btn: Btn) -> InlineKeyboardButton {
    button(label, btn)
}

/// A button whose label is a message key.
pub fn bk(lang: Lang, key: &str, btn: Btn) -> InlineKeyboardButton {
    b(t(lang, key), btn)
}

/// One button per row.
pub fn column(rows: Vec<InlineKeyboardButton>) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(rows.into_iter().map(|r| vec![r]).collect::<Vec<_>>())
}

/// Admins, staff, and agency officers create programmes.
pub fn may_create(actor: &Actor) -> bool {
    actor.is_admin || !actor.staff_areas.is_empty() || !actor.agencies.is_empty()
}

/// Admins, staff whose area covers the programme's, and officers of its organising
/// agency select its applicants; to anyone else it looks missing.
pub fn manages(actor: &Actor, p: &Programme) -> bool {
    actor.is_admin
        || actor.staff_areas.iter().any(|a| covers(a, &p.area_path))
        || p.agency_id.is_some_and(|id| crate::kernel::members::permissions::works_for(actor, id))
}
