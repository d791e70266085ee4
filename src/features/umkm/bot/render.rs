//! What each step of the form looks like: the question, the answer so far, and the
//! buttons. Pure functions of the dialogue (plus the kelurahan choices), so the same
//! screen comes back after a restart or an error.

use teloxide::types::{ButtonRequest, InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, KeyboardMarkup};

use super::buttons::Btn;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::NOTICE_VERSION;
use crate::bot::keyboards::button;
use crate::features::umkm::flow::{Dialog, Step};
use crate::features::umkm::model::{Form, Need, Place, Registration, Scale, Sector};

/// Buttons under a question: inline, or (for the phone number) a reply keyboard
/// with Telegram's contact-share button.
pub enum Keys {
    Inline(InlineKeyboardMarkup),
    Reply(KeyboardMarkup),
}

/// Kelurahan a business may pick: the one of the member's KIM first, then the
/// others of the same kecamatan.
#[derive(Debug, Clone, Default)]
pub struct Kelurahan {
    pub home: Option<Place>,
    pub others: Vec<Place>,
}

impl Kelurahan {
    pub fn contains(&self, id: i64) -> Option<&Place> {
        self.home.iter().chain(&self.others).find(|p| p.id == id)
    }
}

fn b(label: impl Into<String>, btn: Btn) -> InlineKeyboardButton {
    button(label, btn)
}

/// Two buttons per row: labels are short, phones are narrow.
fn pairs(buttons: Vec<InlineKeyboardButton>) -> Vec<Vec<InlineKeyboardButton>> {
    buttons.chunks(2).map(<[_]>::to_vec).collect()
}

fn mark(chosen: bool, label: String) -> String {
    if chosen { format!("✅ {label}") } else { label }
}

/// Long values are cut for button labels and list lines.
pub fn short(value: &str, max: usize) -> String {
    if value.chars().count() <= max {
        return value.to_string();
    }
    let cut: String = value.chars().take(max - 1).collect();
    format!("{cut}…")
}

pub fn consent(lang: Lang) -> (String, InlineKeyboardMarkup) {
    let text = ta(lang, "umkm-consent", &[("version", Arg::from(NOTICE_VERSION))]);
    let keys = vec![vec![
        b(t(lang, "umkm-btn-consent-yes"), Btn::Consent(true)),
        b(t(lang, "umkm-btn-consent-no"), Btn::Consent(false)),
    ]];
    (text, InlineKeyboardMarkup::new(keys))
}

/// The question of the dialogue's open step.
pub fn prompt(lang: Lang, d: &Dialog, kel: &Kelurahan) -> (String, Keys) {
    let f = &d.form;
    let (text, mut rows) = match d.step {
        Step::Consent => {
            let (text, keys) = consent(lang);
            return (text, Keys::Inline(keys));
        }
        Step::Phone => return phone(lang, d),
        Step::Review => return review(lang, f),
        Step::ConfirmWithdraw => return (t(lang, "umkm-withdraw-confirm"), Keys::Inline(withdraw_keys(lang))),
        Step::Owner => typed(lang, "umkm-ask-owner", Step::Owner, f.owner.as_deref(), false),
        Step::Business => typed(lang, "umkm-ask-business", Step::Business, f.business.as_deref(), false),
        Step::Nib => typed(lang, "umkm-ask-nib", Step::Nib, f.nib.as_deref(), true),
        Step::Description => typed(lang, "umkm-ask-description", Step::Description, f.description.as_deref(), true),
        Step::Sector => (t(lang, "umkm-ask-sector"), sectors(lang, f.sector)),
        Step::Scale => (scale_question(lang), scales(lang, f.scale)),
        Step::Kelurahan => (t(lang, "umkm-ask-kelurahan"), kelurahan(lang, kel, f.kelurahan.as_ref())),
        Step::Needs => (t(lang, "umkm-ask-needs"), needs(lang, &f.needs)),
    };
    if d.can_go_back() {
        rows.push(vec![b(t(lang, "btn-back"), Btn::Back(d.step))]);
    }
    (text, Keys::Inline(InlineKeyboardMarkup::new(rows)))
}

/// A question answered by typing; a "keep" button when there is an answer already
/// (after "Kembali" or when editing), a "skip" button when it is optional.
fn typed(lang: Lang, key: &str, step: Step, current: Option<&str>, optional: bool) -> (String, Vec<Vec<InlineKeyboardButton>>) {
    let mut text = t(lang, key);
    let mut row = Vec::new();
    if let Some(value) = current {
        text = format!("{text}\n\n{}", ta(lang, "umkm-current", &[("value", Arg::from(value))]));
        row.push(b(keep_label(lang, value), Btn::Keep(step)));
    }
    if optional {
        row.push(b(t(lang, "umkm-btn-skip"), Btn::Skip(step)));
    }
    (text, vec![row].into_iter().filter(|r| !r.is_empty()).collect())
}

pub fn keep_label(lang: Lang, value: &str) -> String {
    ta(lang, "umkm-btn-keep", &[("value", Arg::from(short(value, 28)))])
}

fn sectors(lang: Lang, chosen: Option<Sector>) -> Vec<Vec<InlineKeyboardButton>> {
    let all = Sector::ALL.iter().map(|s| b(mark(chosen == Some(*s), t(lang, s.key())), Btn::Sector(*s)));
    pairs(all.collect())
}

fn scale_question(lang: Lang) -> String {
    let hints: Vec<String> = Scale::ALL.iter().map(|s| format!("• {}: {}", t(lang, s.key()), t(lang, s.hint_key()))).collect();
    format!("{}\n\n{}", t(lang, "umkm-ask-scale"), hints.join("\n"))
}

fn scales(lang: Lang, chosen: Option<Scale>) -> Vec<Vec<InlineKeyboardButton>> {
    vec![Scale::ALL.iter().map(|s| b(mark(chosen == Some(*s), t(lang, s.key())), Btn::Scale(*s))).collect()]
}

fn kelurahan(lang: Lang, kel: &Kelurahan, chosen: Option<&Place>) -> Vec<Vec<InlineKeyboardButton>> {
    let is = |p: &Place| chosen.is_some_and(|c| c.id == p.id);
    let mut rows = Vec::new();
    if let Some(home) = &kel.home {
        let label = ta(lang, "umkm-kelurahan-home", &[("name", Arg::from(&home.name))]);
        rows.push(vec![b(mark(is(home), label), Btn::Kelurahan(home.id))]);
    }
    let others = kel.others.iter().map(|p| b(mark(is(p), p.name.clone()), Btn::Kelurahan(p.id)));
    rows.extend(pairs(others.collect()));
    rows
}

fn needs(lang: Lang, chosen: &[Need]) -> Vec<Vec<InlineKeyboardButton>> {
    let all = Need::ALL.iter().map(|n| b(mark(chosen.contains(n), t(lang, n.key())), Btn::Toggle(*n)));
    let mut rows = pairs(all.collect());
    rows.push(vec![b(t(lang, "umkm-btn-done"), Btn::NeedsDone)]);
    rows
}

/// The phone question: Telegram's contact-share button, or type a number.
fn phone(lang: Lang, d: &Dialog) -> (String, Keys) {
    let mut text = t(lang, "umkm-ask-phone");
    let share = KeyboardButton::new(t(lang, "umkm-btn-share-contact")).request(ButtonRequest::Contact);
    let mut rows = vec![vec![share]];
    if let Some(current) = &d.form.phone {
        text = format!("{text}\n\n{}", ta(lang, "umkm-current", &[("value", Arg::from(current))]));
        rows.push(vec![KeyboardButton::new(keep_label(lang, current))]);
    }
    if d.can_go_back() {
        rows.push(vec![KeyboardButton::new(t(lang, "btn-back"))]);
    }
    let keys = KeyboardMarkup::new(rows).resize_keyboard().input_field_placeholder(t(lang, "umkm-phone-placeholder"));
    (text, Keys::Reply(keys))
}

/// Every answer, one per line.
pub fn summary(lang: Lang, f: &Form) -> String {
    let none = || t(lang, "umkm-none");
    let needs: Vec<String> = f.needs.iter().map(|n| t(lang, n.key())).collect();
    let args = [
        ("owner", Arg::from(f.owner.clone().unwrap_or_else(none))),
        ("business", Arg::from(f.business.clone().unwrap_or_else(none))),
        ("sector", Arg::from(f.sector.map(|s| t(lang, s.key())).unwrap_or_else(none))),
        ("scale", Arg::from(f.scale.map(|s| t(lang, s.key())).unwrap_or_else(none))),
        ("kelurahan", Arg::from(f.kelurahan.as_ref().map(|p| p.name.clone()).unwrap_or_else(none))),
        ("phone", Arg::from(f.phone.clone().unwrap_or_else(none))),
        ("nib", Arg::from(f.nib.clone().unwrap_or_else(none))),
        ("needs", Arg::from(if needs.is_empty() { none() } else { needs.join(", ") })),
        ("description", Arg::from(f.description.clone().unwrap_or_else(none))),
    ];
    ta(lang, "umkm-summary", &args)
}

pub fn saved_summary(lang: Lang, r: &Registration) -> String {
    summary(lang, &Form::from(r.clone()))
}

fn review(lang: Lang, f: &Form) -> (String, Keys) {
    let text = format!("{}\n\n{}", t(lang, "umkm-review"), summary(lang, f));
    let fields = [
        (Step::Owner, "umkm-edit-owner"),
        (Step::Business, "umkm-edit-business"),
        (Step::Sector, "umkm-edit-sector"),
        (Step::Scale, "umkm-edit-scale"),
        (Step::Kelurahan, "umkm-edit-kelurahan"),
        (Step::Phone, "umkm-edit-phone"),
        (Step::Nib, "umkm-edit-nib"),
        (Step::Needs, "umkm-edit-needs"),
        (Step::Description, "umkm-edit-description"),
    ];
    let mut rows = vec![vec![b(t(lang, "umkm-btn-save"), Btn::Save)]];
    rows.extend(pairs(fields.iter().map(|(step, key)| b(t(lang, key), Btn::Edit(*step))).collect()));
    rows.push(vec![b(t(lang, "btn-back"), Btn::Back(Step::Review))]);
    (text, Keys::Inline(InlineKeyboardMarkup::new(rows)))
}

/// "Ubah" and "Tarik pendaftaran" under a saved registration.
pub fn saved_keys(lang: Lang) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(vec![vec![
        b(t(lang, "umkm-btn-edit-saved"), Btn::EditSaved),
        b(t(lang, "umkm-btn-withdraw"), Btn::Withdraw),
    ]])
}

pub fn withdraw_keys(lang: Lang) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(vec![vec![
        b(t(lang, "umkm-btn-withdraw-yes"), Btn::WithdrawConfirm(true)),
        b(t(lang, "umkm-btn-withdraw-no"), Btn::WithdrawConfirm(false)),
    ]])
}

/// The label of a question's answer ("Sektor usaha"); `None` for other steps.
pub fn field_label(lang: Lang, step: Step) -> Option<String> {
    let key = match step {
        Step::Owner => "umkm-field-owner",
        Step::Business => "umkm-field-business",
        Step::Sector => "umkm-field-sector",
        Step::Scale => "umkm-field-scale",
        Step::Kelurahan => "umkm-field-kelurahan",
        Step::Phone => "umkm-field-phone",
        Step::Nib => "umkm-field-nib",
        Step::Needs => "umkm-field-needs",
        Step::Description => "umkm-field-description",
        Step::Consent | Step::Review | Step::ConfirmWithdraw => return None,
    };
    Some(t(lang, key))
}

/// The line a pressed question message is turned into, so the chat reads as a
/// transcript: "Sektor usaha: Kuliner".
pub fn answer_line(lang: Lang, step: Step, f: &Form) -> String {
    let Some(field) = field_label(lang, step) else { return String::new() };
    let value = match step {
        Step::Owner => f.owner.clone(),
        Step::Business => f.business.clone(),
        Step::Sector => f.sector.map(|s| t(lang, s.key())),
        Step::Scale => f.scale.map(|s| t(lang, s.key())),
        Step::Kelurahan => f.kelurahan.as_ref().map(|p| p.name.clone()),
        Step::Phone => f.phone.clone(),
        Step::Nib => f.nib.clone(),
        Step::Needs => Some(f.needs.iter().map(|n| t(lang, n.key())).collect::<Vec<_>>().join(", ")),
        _ => f.description.clone(),
    };
    let value = value.unwrap_or_else(|| t(lang, "umkm-none"));
    ta(lang, "umkm-answer", &[("field", Arg::from(field)), ("value", Arg::from(value))])
}
