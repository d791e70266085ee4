//! `/programbaru`: staff (for their area) or an agency officer (for their agency's
//! kota) compose a programme step by step, with buttons wherever there is a closed
//! choice, review it, and publish it to the matching UMKM and the area's groups.

use serde::{Deserialize, Serialize};
use teloxide::types::InlineKeyboardMarkup;

use super::ui::{b, bk, column, may_create};
use super::{Btn, Dialog};
use crate::bot::feature::{At, HandlerError, HandlerResult, Turn};
use crate::features::programmes::model::{Eligibility, Kind, Selection};
use crate::features::programmes::store::{self, NewProgramme};
use crate::features::programmes::{publish, render};
use crate::features::surveys::model::{Kind as QuestionKind, Question};
use crate::features::umkm::model::{Scale, Sector};
use crate::kernel::members::agencies;
use crate::platform::audit;
use crate::platform::i18n::{Arg, t, ta};

const NAME_MAX: usize = 120;
const DESCRIPTION_MAX: usize = 1000;
const QUOTA_MAX: i64 = 100_000;

/// The answers so far.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub area_path: String,
    #[serde(default)]
    pub agency_id: Option<i64>,
    #[serde(default)]
    pub organiser: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub who: Eligibility,
    #[serde(default)]
    pub quota: i64,
    #[serde(default)]
    pub window_days: i64,
    #[serde(default)]
    pub selection: Option<Selection>,
    /// The one typed question of drafts stored before several questions (read as a
    /// text question before [`Draft::questions`]).
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub follow_up_days: i64,
    /// Questions for applicants, of the surveys' kinds.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// The question being written: its kind, then its prompt (a choice awaits options).
    #[serde(default)]
    pub pending: Option<Question>,
}

/// At most this many questions per programme: applying stays short on a phone.
pub const QUESTIONS_MAX: usize = 5;

impl Draft {
    /// Every question, an old draft's single typed one first.
    pub fn all_questions(&self) -> Vec<Question> {
        let old = self.question.iter().map(|q| Question { kind: QuestionKind::Text, prompt: q.clone(), options: Vec::new() });
        old.chain(self.questions.iter().cloned()).collect()
    }

    /// Adds `q` (moving an old draft's single question into the list first).
    fn add(&mut self, q: Question) {
        self.questions = self.all_questions();
        self.question = None;
        self.questions.push(q);
    }
}

/// The answer awaited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Organiser,
    Name,
    Kind,
    Description,
    Sectors,
    Scales,
    Nib,
    Group,
    Quota,
    Window,
    Selection,
    Question,
    FollowUp,
    Review,
    /// The pending question's prompt is awaited.
    QuestionPrompt,
    /// The pending choice question's options are awaited.
    QuestionOptions,
}

/// Starts the dialogue, or refuses residents and coordinators.
pub async fn begin(turn: &Turn<'_>) -> HandlerResult {
    let actor = &turn.who.actor;
    if !may_create(actor) {
        return turn.say("prg-not-allowed").await;
    }
    let db = &turn.ctx.db;
    if !actor.is_admin && actor.staff_areas.is_empty() {
        // An agency officer: the programme is their agency's, offered in its kota.
        let Some(agency) = agencies::by_id(db, actor.agencies[0]).await? else { return turn.say("prg-not-allowed").await };
        let draft = Draft { area_path: agency.kota.clone(), agency_id: Some(agency.id), organiser: agency.label().to_string(), ..Draft::default() };
        return ask(turn, draft, Step::Name).await;
    }
    let area = match actor.staff_areas.first() {
        Some(a) => a.clone(),
        None => match crate::kernel::members::areas::all_kims(db).await?.first() {
            Some(k) => agencies::kota_of(&k.area_path).to_string(),
            None => return turn.say("prg-not-allowed").await,
        },
    };
    ask(turn, Draft { area_path: area, ..Draft::default() }, Step::Organiser).await
}

/// Stores the step and asks its question.
async fn ask(turn: &Turn<'_>, draft: Draft, step: Step) -> HandlerResult {
    let lang = turn.lang();
    let keys: Option<InlineKeyboardMarkup> = match step {
        Step::Organiser => {
            let list = agencies::of_kota(&turn.ctx.db, agencies::kota_of(&draft.area_path)).await?;
            let mut rows: Vec<_> = list.iter().take(8).map(|a| b(a.label(), Btn::Organiser(a.id))).collect();
            rows.push(bk(lang, "prg-btn-organiser-self", Btn::Organiser(0)));
            Some(column(rows))
        }
        Step::Kind => Some(column(Kind::ALL.iter().map(|k| bk(lang, k.key(), Btn::Kind(k.code().into()))).collect())),
        Step::Sectors => Some(toggles(lang, &draft, true)),
        Step::Scales => Some(toggles(lang, &draft, false)),
        Step::Nib => Some(InlineKeyboardMarkup::new(vec![vec![
            bk(lang, "prg-btn-nib-yes", Btn::Nib(true)),
            bk(lang, "prg-btn-nib-no", Btn::Nib(false)),
        ]])),
        Step::Group => Some(column(vec![
            bk(lang, "prg-btn-individual", Btn::Group(0)),
            b(ta(lang, "prg-btn-group", &[("n", Arg::from(5))]), Btn::Group(5)),
            b(ta(lang, "prg-btn-group", &[("n", Arg::from(10))]), Btn::Group(10)),
        ])),
        Step::Window => Some(InlineKeyboardMarkup::new(vec![
            [7, 14, 30].into_iter().map(|d| b(ta(lang, "prg-btn-days", &[("n", Arg::from(d))]), Btn::Window(d))).collect::<Vec<_>>(),
        ])),
        Step::Selection => Some(column(vec![
            bk(lang, "prg-selection-review", Btn::Selection(Selection::Review.code().into())),
            bk(lang, "prg-selection-first-come", Btn::Selection(Selection::FirstCome.code().into())),
        ])),
        Step::Question => Some(question_kinds(lang, &draft)),
        Step::FollowUp => Some(InlineKeyboardMarkup::new(vec![vec![
            bk(lang, "prg-btn-no-follow-up", Btn::FollowUp(0)),
            b(ta(lang, "prg-btn-days", &[("n", Arg::from(30))]), Btn::FollowUp(30)),
            b(ta(lang, "prg-btn-days", &[("n", Arg::from(90))]), Btn::FollowUp(90)),
        ]])),
        Step::Review => Some(InlineKeyboardMarkup::new(vec![vec![
            bk(lang, "prg-btn-publish", Btn::Publish),
            bk(lang, "prg-btn-discard", Btn::Discard),
        ]])),
        Step::Name | Step::Description | Step::Quota | Step::QuestionPrompt | Step::QuestionOptions => None,
    };
    let text = match step {
        Step::Review => format!("{}\n\n{}", t(lang, "prg-ask-review"), review(turn, &draft)),
        Step::Question if !draft.all_questions().is_empty() => {
            let args = [("n", Arg::from(draft.all_questions().len() as i64)), ("max", Arg::from(QUESTIONS_MAX as i64))];
            format!("{}\n\n{}", render::questions(lang, &draft.all_questions()), ta(lang, "prg-ask-question-more", &args))
        }
        Step::Question => ta(lang, "prg-ask-question", &[("max", Arg::from(QUESTIONS_MAX as i64))]),
        Step::QuestionPrompt => {
            let kind = draft.pending.as_ref().map_or(QuestionKind::Text, |q| q.kind);
            ta(lang, "prg-ask-question-prompt", &[("kind", Arg::from(t(lang, kind.key())))])
        }
        other => t(lang, prompt_key(other)),
    };
    turn.set_dialog(Dialog::Compose { draft: Box::new(draft), step }).await?;
    match keys {
        Some(k) => turn.send_with_buttons(text, k).await,
        None => turn.send(text).await,
    }
}

fn prompt_key(step: Step) -> &'static str {
    match step {
        Step::Organiser => "prg-ask-organiser",
        Step::Name => "prg-ask-name",
        Step::Kind => "prg-ask-kind",
        Step::Description => "prg-ask-description",
        Step::Sectors => "prg-ask-sectors",
        Step::Scales => "prg-ask-scales",
        Step::Nib => "prg-ask-nib",
        Step::Group => "prg-ask-group",
        Step::Quota => "prg-ask-quota",
        Step::Window => "prg-ask-window",
        Step::Selection => "prg-ask-selection",
        Step::Question => "prg-ask-question",
        Step::FollowUp => "prg-ask-follow-up",
        Step::Review => "prg-ask-review",
        Step::QuestionPrompt => "prg-ask-question",
        Step::QuestionOptions => "prg-ask-question-options",
    }
}

/// The surveys' question kinds as buttons, and "Lewati" (none yet) or "Selesai".
fn question_kinds(lang: crate::platform::i18n::Lang, d: &Draft) -> InlineKeyboardMarkup {
    let mut rows: Vec<_> = QuestionKind::ALL.iter().map(|k| bk(lang, k.key(), Btn::QuestionKind(k.code().into()))).collect();
    rows.push(bk(lang, if d.all_questions().is_empty() { "prg-btn-skip" } else { "prg-btn-done" }, Btn::Skip));
    column(rows)
}

/// After a question is complete: another one while there is room, else the follow-up.
fn after_question(d: &Draft) -> Step {
    if d.all_questions().len() < QUESTIONS_MAX { Step::Question } else { Step::FollowUp }
}

/// The sector (or scale) choices, chosen ones ticked, and "Selesai".
fn toggles(lang: crate::platform::i18n::Lang, d: &Draft, sectors: bool) -> InlineKeyboardMarkup {
    let tick = |on: bool, label: String| if on { format!("✅ {label}") } else { label };
    let mut rows: Vec<_> = if sectors {
        Sector::ALL.iter().map(|s| b(tick(d.who.sectors.contains(s), t(lang, s.key())), Btn::Sector(s.code().into()))).collect()
    } else {
        Scale::ALL.iter().map(|s| b(tick(d.who.scales.contains(s), t(lang, s.key())), Btn::Scale(s.code().into()))).collect()
    };
    rows.push(bk(lang, "prg-btn-done", if sectors { Btn::SectorsDone } else { Btn::ScalesDone }));
    column(rows)
}

fn review(turn: &Turn<'_>, d: &Draft) -> String {
    let p = preview(d, turn.now());
    let card = render::card(turn.lang(), &p, turn.ctx.config.tz);
    if p.questions.is_empty() { card } else { format!("{card}\n\n{}", render::questions(turn.lang(), &p.questions)) }
}

/// The draft as the programme it would become (for the review and for storing).
fn preview(d: &Draft, now: i64) -> crate::features::programmes::model::Programme {
    let new = to_new(d, now);
    crate::features::programmes::model::Programme {
        id: crate::features::programmes::model::ProgrammeId(0),
        area_path: new.area_path,
        agency_id: new.agency_id,
        organiser: new.organiser,
        name: new.name,
        kind: new.kind,
        description: new.description,
        who: new.who,
        quota: new.quota,
        accepted: 0,
        opens_at: new.opens_at,
        closes_at: new.closes_at,
        selection: new.selection,
        questions: new.questions,
        follow_up_days: new.follow_up_days,
        follow_up_survey: None,
        created_by: 0,
        created_at: now,
    }
}

fn to_new(d: &Draft, now: i64) -> NewProgramme {
    let questions = d.all_questions();
    NewProgramme {
        area_path: d.area_path.clone(),
        agency_id: d.agency_id,
        organiser: d.organiser.clone(),
        name: d.name.clone(),
        kind: d.kind.unwrap_or(Kind::Modal),
        description: d.description.clone(),
        who: d.who.clone(),
        quota: d.quota,
        opens_at: now,
        closes_at: now + d.window_days.max(1) * 86_400,
        selection: d.selection.unwrap_or(Selection::Review),
        questions,
        follow_up_days: d.follow_up_days,
    }
}

/// A typed answer: the name, the description, the quota or the question.
pub async fn on_text(turn: &Turn<'_>, mut d: Draft, step: Step, text: &str) -> HandlerResult {
    let lang = turn.lang();
    match step {
        Step::Name if !text.is_empty() && text.chars().count() <= NAME_MAX => {
            d.name = text.to_string();
            ask(turn, d, Step::Kind).await
        }
        Step::Description if !text.is_empty() && text.chars().count() <= DESCRIPTION_MAX => {
            d.description = text.to_string();
            ask(turn, d, Step::Sectors).await
        }
        Step::Quota => match text.parse::<i64>() {
            Ok(n) if (1..=QUOTA_MAX).contains(&n) => {
                d.quota = n;
                ask(turn, d, Step::Window).await
            }
            _ => turn.say("prg-bad-quota").await,
        },
        // Typed without choosing a kind: a text question (as drafts always did).
        Step::Question if d.all_questions().len() < QUESTIONS_MAX && valid_prompt(text) => {
            d.add(Question { kind: QuestionKind::Text, prompt: text.to_string(), options: Vec::new() });
            let next = after_question(&d);
            ask(turn, d, next).await
        }
        Step::QuestionPrompt if valid_prompt(text) => {
            let Some(mut q) = d.pending.take() else { return ask(turn, d, Step::Question).await };
            q.prompt = text.to_string();
            if q.kind == QuestionKind::Choice {
                d.pending = Some(q);
                return ask(turn, d, Step::QuestionOptions).await;
            }
            d.add(q);
            let next = after_question(&d);
            ask(turn, d, next).await
        }
        Step::QuestionOptions => match (crate::features::surveys::model::options(text), d.pending.take()) {
            (Ok(options), Some(mut q)) => {
                q.options = options;
                d.add(q);
                let next = after_question(&d);
                ask(turn, d, next).await
            }
            (Err(_), pending) => {
                d.pending = pending;
                turn.set_dialog(Dialog::Compose { draft: Box::new(d), step }).await?;
                turn.say("prg-bad-options").await
            }
            (Ok(_), None) => ask(turn, d, Step::Question).await,
        },
        Step::Question | Step::QuestionPrompt => {
            turn.send(ta(lang, "prg-bad-text", &[("max", Arg::from(crate::features::surveys::model::PROMPT_MAX as i64))])).await
        }
        Step::Name | Step::Description => turn.send(ta(lang, "prg-bad-text", &[("max", Arg::from(DESCRIPTION_MAX as i64))])).await,
        _ => turn.say("prg-use-buttons").await,
    }
}

fn valid_prompt(text: &str) -> bool {
    !text.is_empty() && text.chars().count() <= crate::features::surveys::model::PROMPT_MAX
}

/// A press while composing: valid only in the step that showed it.
pub async fn on_button(turn: &Turn<'_>, dialog: Option<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let Some(Dialog::Compose { draft, step }) = dialog else { return Ok(false) };
    let mut d = *draft;
    let next = match (step, btn) {
        (Step::Organiser, Btn::Organiser(0)) => {
            d.organiser = t(turn.lang(), "prg-organiser-office");
            Step::Name
        }
        (Step::Organiser, Btn::Organiser(id)) => {
            let Some(a) = agencies::by_id(&turn.ctx.db, id).await?.filter(|a| a.kota == agencies::kota_of(&d.area_path)) else { return Ok(false) };
            (d.agency_id, d.organiser) = (Some(a.id), a.label().to_string());
            Step::Name
        }
        (Step::Kind, Btn::Kind(code)) => {
            let Some(kind) = Kind::from_code(&code) else { return Ok(false) };
            d.kind = Some(kind);
            Step::Description
        }
        (Step::Sectors, Btn::Sector(code)) => {
            let Some(s) = Sector::from_code(&code) else { return Ok(false) };
            toggle(&mut d.who.sectors, s);
            return retick(turn, d, Step::Sectors, at).await.map(|()| true);
        }
        (Step::Sectors, Btn::SectorsDone) => Step::Scales,
        (Step::Scales, Btn::Scale(code)) => {
            let Some(s) = Scale::from_code(&code) else { return Ok(false) };
            toggle(&mut d.who.scales, s);
            return retick(turn, d, Step::Scales, at).await.map(|()| true);
        }
        (Step::Scales, Btn::ScalesDone) => Step::Nib,
        (Step::Nib, Btn::Nib(yes)) => {
            d.who.nib_required = yes;
            Step::Group
        }
        (Step::Group, Btn::Group(n)) if matches!(n, 0 | 5 | 10) => {
            d.who.group_min = n;
            Step::Quota
        }
        (Step::Window, Btn::Window(n)) if matches!(n, 7 | 14 | 30) => {
            d.window_days = n;
            Step::Selection
        }
        (Step::Selection, Btn::Selection(code)) => {
            let Some(s) = Selection::from_code(&code) else { return Ok(false) };
            d.selection = Some(s);
            Step::Question
        }
        (Step::Question, Btn::Skip) => Step::FollowUp,
        (Step::Question, Btn::QuestionKind(code)) if d.all_questions().len() < QUESTIONS_MAX => {
            let Some(kind) = QuestionKind::parse(&code) else { return Ok(false) };
            d.pending = Some(Question { kind, prompt: String::new(), options: Vec::new() });
            Step::QuestionPrompt
        }
        (Step::FollowUp, Btn::FollowUp(n)) if matches!(n, 0 | 30 | 90) => {
            d.follow_up_days = n;
            Step::Review
        }
        (Step::Review, Btn::Publish) => return publish_draft(turn, &d).await.map(|()| true),
        _ => return Ok(false),
    };
    ask(turn, d, next).await?;
    Ok(true)
}

/// A tick turned on or off: the same message shows the new ticks.
async fn retick(turn: &Turn<'_>, d: Draft, step: Step, at: At) -> HandlerResult {
    let keys = toggles(turn.lang(), &d, step == Step::Sectors);
    turn.set_dialog(Dialog::Compose { draft: Box::new(d), step }).await?;
    turn.edit(at, t(turn.lang(), prompt_key(step)), Some(keys)).await
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|x| *x == item) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(item),
    }
}

/// Stores the programme, tells the matching owners and groups, and says how many.
async fn publish_draft(turn: &Turn<'_>, d: &Draft) -> HandlerResult {
    let (ctx, now, by) = (turn.ctx, turn.now(), turn.who.user_id);
    let new = to_new(d, now);
    let id = store::insert(&ctx.db, &new, by, now).await?;
    audit::record(&ctx.db, Some(by), "programme.create", &format!("programme={id} quota={}", new.quota), now).await?;
    turn.end().await?;
    let Some(p) = store::get(&ctx.db, id).await? else { return Ok(()) };
    let told = publish::publish(ctx, &p, by).await?;
    let args = [("name", Arg::from(p.name.as_str())), ("owners", Arg::from(told.owners as i64)), ("groups", Arg::from(told.groups as i64))];
    turn.say_with("prg-published", &args).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_stored_with_one_typed_question_still_loads_and_keeps_it_first() {
        let old = r#"{"area_path":"Kota Palembang","name":"Modal","question":"Berapa omzet?","follow_up_days":30}"#;
        let mut d: Draft = serde_json::from_str(old).expect("an old draft loads");
        assert_eq!(d.all_questions(), vec![Question { kind: QuestionKind::Text, prompt: "Berapa omzet?".into(), options: vec![] }]);
        d.add(Question { kind: QuestionKind::Choice, prompt: "QRIS?".into(), options: vec!["Ya".into(), "Tidak".into()] });
        assert_eq!(d.question, None);
        assert_eq!(d.all_questions().iter().map(|q| q.prompt.as_str()).collect::<Vec<_>>(), ["Berapa omzet?", "QRIS?"]);
        let step: Step = serde_json::from_str(r#""Question""#).unwrap();
        assert_eq!(step, Step::Question);
    }

    #[test]
    fn questions_stop_at_five() {
        let mut d = Draft::default();
        for n in 0..QUESTIONS_MAX {
            assert_eq!(after_question(&d), Step::Question, "{n}");
            d.add(Question { kind: QuestionKind::Text, prompt: format!("q{n}"), options: vec![] });
        }
        assert_eq!(after_question(&d), Step::FollowUp);
    }
}
