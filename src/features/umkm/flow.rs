//! The sign-up dialogue as plain data: which question is open, the answers so far,
//! and where "next" and "back" lead. Stored as JSON with the chat's dialogue state,
//! so a restart in the middle of the form continues at the same question with every
//! earlier answer.

use serde::{Deserialize, Serialize};

use super::model::Form;

/// One screen of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// Consent for the UMKM registry purpose (UU 27/2022), asked before anything.
    Consent,
    Owner,
    Business,
    Sector,
    Scale,
    Kelurahan,
    Phone,
    Nib,
    Needs,
    Description,
    /// Everything shown, with "Simpan" and "Ubah <field>".
    Review,
    /// "Tarik pendaftaran" pressed: waiting for yes/no.
    ConfirmWithdraw,
}

/// The questions in order; review follows the last.
const QUESTIONS: [Step; 9] = [
    Step::Owner,
    Step::Business,
    Step::Sector,
    Step::Scale,
    Step::Kelurahan,
    Step::Phone,
    Step::Nib,
    Step::Needs,
    Step::Description,
];

impl Step {
    /// Short code carried in button data.
    pub fn code(self) -> &'static str {
        match self {
            Step::Consent => "cs",
            Step::Owner => "ow",
            Step::Business => "bn",
            Step::Sector => "sc",
            Step::Scale => "sz",
            Step::Kelurahan => "kl",
            Step::Phone => "ph",
            Step::Nib => "nb",
            Step::Needs => "nd",
            Step::Description => "ds",
            Step::Review => "rv",
            Step::ConfirmWithdraw => "wd",
        }
    }

    pub fn from_code(code: &str) -> Option<Step> {
        [Step::Consent, Step::Review, Step::ConfirmWithdraw]
            .into_iter()
            .chain(QUESTIONS)
            .find(|s| s.code() == code)
    }

    /// Whether this step is one of the form's questions (editable from review).
    pub fn is_question(self) -> bool {
        QUESTIONS.contains(&self)
    }

    fn next(self) -> Step {
        match QUESTIONS.iter().position(|s| *s == self) {
            Some(i) if i + 1 < QUESTIONS.len() => QUESTIONS[i + 1],
            _ => Step::Review,
        }
    }

    fn prev(self) -> Option<Step> {
        match self {
            Step::Review => Some(Step::Description),
            _ => QUESTIONS.iter().position(|s| *s == self).filter(|i| *i > 0).map(|i| QUESTIONS[i - 1]),
        }
    }
}

/// Where a person stands in `/umkm`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dialog {
    pub step: Step,
    pub form: Form,
    /// The open question was reached with "Ubah <field>" from the review screen:
    /// answering it (or "Kembali") returns to review.
    #[serde(default)]
    pub from_review: bool,
    /// When the person agreed to the UMKM purpose in this dialogue. The receipt is
    /// written with the registration, so leaving the form stores nothing.
    #[serde(default)]
    pub consent_at: Option<i64>,
    /// Editing a saved registration rather than making a new one.
    #[serde(default)]
    pub existing: bool,
}

impl Dialog {
    /// A new sign-up: consent first, unless it already stands.
    pub fn new(consent_stands: bool) -> Dialog {
        let step = if consent_stands { Step::Owner } else { Step::Consent };
        Dialog { step, form: Form::default(), from_review: false, consent_at: None, existing: false }
    }

    /// "Ubah" on a saved registration: the review screen, where one field at a time is
    /// picked and changed (nobody wants to walk nine questions to fix a phone number).
    pub fn editing(form: Form) -> Dialog {
        Dialog { step: Step::Review, form, from_review: false, consent_at: None, existing: true }
    }

    /// Consent given at `now`: on to the first question, or straight to review
    /// when every answer is there already (consent asked again before saving).
    pub fn agreed(mut self, now: i64) -> Dialog {
        self.consent_at = Some(now);
        self.step = if self.form.complete().is_some() { Step::Review } else { Step::Owner };
        self
    }

    /// The open question was answered (the form already holds the answer).
    pub fn answered(mut self) -> Dialog {
        self.step = if self.from_review { Step::Review } else { self.step.next() };
        self.from_review = false;
        self
    }

    /// "Kembali": one step back, or back to review when editing from there.
    /// `None` when there is nothing before (the first question).
    pub fn back(mut self) -> Option<Dialog> {
        self.step = if self.from_review { Step::Review } else { self.step.prev()? };
        self.from_review = false;
        Some(self)
    }

    /// "Ubah <field>" on the review screen.
    pub fn edit(mut self, field: Step) -> Option<Dialog> {
        (self.step == Step::Review && field.is_question()).then(|| {
            self.step = field;
            self.from_review = true;
            self
        })
    }

    /// Whether a "Kembali" button belongs on the open question.
    pub fn can_go_back(&self) -> bool {
        self.from_review || self.step.prev().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answering_walks_the_questions_in_order_and_ends_at_review() {
        let mut d = Dialog::new(false).agreed(10);
        let mut seen = vec![d.step];
        while d.step != Step::Review {
            d = d.answered();
            seen.push(d.step);
        }
        let mut want = QUESTIONS.to_vec();
        want.push(Step::Review);
        assert_eq!(seen, want);
        assert_eq!(d.consent_at, Some(10));
    }

    #[test]
    fn back_goes_one_step_and_the_first_question_has_no_back() {
        let first = Dialog::new(true);
        assert!(!first.can_go_back());
        assert_eq!(first.clone().back(), None);
        let third = first.answered().answered();
        assert_eq!(third.step, Step::Sector);
        assert_eq!(third.back().map(|d| d.step), Some(Step::Business));
    }

    #[test]
    fn a_field_edited_from_review_returns_to_review_whether_answered_or_abandoned() {
        let review = Dialog { step: Step::Review, ..Dialog::new(true) };
        let editing = review.clone().edit(Step::Phone).unwrap();
        assert_eq!((editing.step, editing.from_review), (Step::Phone, true));
        assert_eq!(editing.clone().answered().step, Step::Review);
        assert_eq!(editing.back().map(|d| d.step), Some(Step::Review));
        assert_eq!(review.clone().edit(Step::Review), None, "only questions are editable");
        assert_eq!(Dialog::new(true).edit(Step::Phone), None, "only from the review screen");
    }

    #[test]
    fn consent_asked_again_before_saving_leads_back_to_the_review() {
        use crate::features::umkm::model::{Need, Place, Scale, Sector};
        let form = Form {
            owner: Some("Siti".into()),
            business: Some("Pempek".into()),
            sector: Some(Sector::Kuliner),
            scale: Some(Scale::Mikro),
            kelurahan: Some(Place { id: 1, name: "Bukit Lama".into() }),
            phone: Some("+6281234567890".into()),
            needs: vec![Need::Modal],
            ..Form::default()
        };
        let asked = Dialog { step: Step::Consent, ..Dialog::editing(form) };
        assert_eq!(asked.agreed(5).step, Step::Review);
        assert_eq!(Dialog::new(false).agreed(5).step, Step::Owner);
    }

    #[test]
    fn the_dialogue_survives_the_json_round_trip_of_the_stored_state() {
        let mut d = Dialog::new(false).agreed(7).answered();
        d.form.owner = Some("Siti".into());
        d.form.toggle(crate::features::umkm::model::Need::Qris);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Dialog>(&json).unwrap(), d, "{json}");
    }

    #[test]
    fn step_codes_round_trip() {
        for step in [Step::Consent, Step::Review, Step::ConfirmWithdraw].into_iter().chain(QUESTIONS) {
            assert_eq!(Step::from_code(step.code()), Some(step));
        }
    }
}
