//! `/laporan`'s other kinds: the UMKM registry (area inside the scope, then an
//! optional sector and need, all by buttons) and training attendance (a paged list
//! of the trainings inside the scope). The files are those of `kimbot export
//! umkm|attendance`; every press checks the role and the scope again.

use teloxide::types::InlineKeyboardMarkup;

use super::{Btn, Dialog, Kind, in_scope, scope_rows, spawn};
use crate::platform::export::kinds::PeriodReport;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::permissions::{Action, may};
use crate::kernel::members::{areas, display_path};
use crate::features::reports::bot::job::What;
use crate::features::umkm::report::UmkmFilter;
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::HandlerError;
use crate::features::trainings::{model::Training, render, store};
use crate::features::umkm::model::{Need, Sector};
use crate::platform::export::bars::short;

/// Trainings per page of the attendance list.
const PAGE: usize = 8;
/// How far back the attendance list reaches.
const LIST_DAYS: i64 = 366;

/// The kinds `/laporan` offers: staff and admins all of them (the period reports
/// the features declare among the UMKM registry, attendance and surveys, by their
/// order), coordinators only their own surveys.
pub fn kind_keyboard(lang: Lang, staff: bool, period_reports: &[&PeriodReport]) -> InlineKeyboardMarkup {
    let b = |key: &str, kind: Kind| vec![button(t(lang, key), Btn::Kind(kind))];
    if !staff {
        return InlineKeyboardMarkup::new(vec![b("rep-kind-surveys", Kind::Surveys)]);
    }
    let mut rows = vec![(20, b("rep-kind-umkm", Kind::Umkm)), (30, b("rep-kind-attendance", Kind::Attendance)), (40, b("rep-kind-surveys", Kind::Surveys))];
    rows.extend(period_reports.iter().map(|r| (r.order, b(r.chat_label, Kind::Period(r.button.to_string())))));
    rows.sort_by_key(|(order, _)| *order);
    InlineKeyboardMarkup::new(rows.into_iter().map(|(_, row)| row))
}

/// Presses after the first step other than the aspirations flow; `Ok(false)` when
/// the press does not fit the dialogue or the presser's scope.
pub async fn on_button(turn: &Turn<'_>, dialog: Dialog, btn: Btn, at: At) -> Result<bool, HandlerError> {
    match (btn, dialog) {
        (Btn::Kind(Kind::Umkm), Dialog::ChooseKind) => {
            let rows = scope_rows(turn, Btn::UmkmArea).await?;
            turn.edit(at, t(turn.lang(), "rep-umkm-choose-area"), Some(InlineKeyboardMarkup::new(rows))).await?;
            turn.set_dialog(Dialog::Umkm).await?;
        }
        (Btn::Kind(Kind::Attendance), Dialog::ChooseKind) => {
            turn.set_dialog(Dialog::Attendance).await?;
            trainings_page(turn, 0, at).await?;
        }
        (Btn::UmkmArea(area), Dialog::Umkm) => return sectors(turn, area, at).await,
        (Btn::UmkmSector(area, sector), Dialog::Umkm) => return needs(turn, area, sector, at).await,
        (Btn::UmkmNeed(area, sector, need), Dialog::Umkm) => return umkm(turn, area, sector, need, at).await,
        (Btn::TrainingPage(page), Dialog::Attendance) => trainings_page(turn, page, at).await?,
        (Btn::Training(id), Dialog::Attendance) => return attendance(turn, id, at).await,
        (Btn::Kind(Kind::Surveys), Dialog::ChooseKind) => return super::surveys::list(turn, 0, at).await,
        (Btn::SurveyPage(page), Dialog::Surveys) => return super::surveys::list(turn, page, at).await,
        (Btn::Survey(id), Dialog::Surveys) => return super::surveys::chosen(turn, id, at).await,
        _ => return Ok(false),
    }
    Ok(true)
}

/// The area's path, if it exists and lies inside the presser's scope.
async fn scoped_area(turn: &Turn<'_>, area: i64) -> Result<Option<String>, HandlerError> {
    Ok(areas::area_by_id(&turn.ctx.db, area).await?.filter(|a| in_scope(turn, a)).map(|a| a.path))
}

fn any_row(lang: Lang, btn: Btn) -> Vec<teloxide::types::InlineKeyboardButton> {
    vec![button(t(lang, "rep-umkm-any"), btn)]
}

async fn sectors(turn: &Turn<'_>, area: i64, at: At) -> Result<bool, HandlerError> {
    let Some(path) = scoped_area(turn, area).await? else { return Ok(false) };
    let lang = turn.lang();
    let choices: Vec<_> =
        Sector::ALL.iter().enumerate().map(|(i, s)| button(t(lang, s.key()), Btn::UmkmSector(area, Some(i as u8)))).collect();
    let mut rows: Vec<_> = choices.chunks(2).map(<[_]>::to_vec).collect();
    rows.push(any_row(lang, Btn::UmkmSector(area, None)));
    let text = ta(lang, "rep-umkm-choose-sector", &[("area", Arg::from(display_path(&path)))]);
    turn.edit(at, text, Some(InlineKeyboardMarkup::new(rows))).await?;
    Ok(true)
}

async fn needs(turn: &Turn<'_>, area: i64, sector: Option<u8>, at: At) -> Result<bool, HandlerError> {
    if scoped_area(turn, area).await?.is_none() {
        return Ok(false);
    }
    let lang = turn.lang();
    let choices: Vec<_> = Need::ALL
        .iter()
        .enumerate()
        .map(|(i, n)| button(t(lang, n.key()), Btn::UmkmNeed(area, sector, Some(i as u8))))
        .collect();
    let mut rows: Vec<_> = choices.chunks(2).map(<[_]>::to_vec).collect();
    rows.push(any_row(lang, Btn::UmkmNeed(area, sector, None)));
    turn.edit(at, t(lang, "rep-umkm-choose-need"), Some(InlineKeyboardMarkup::new(rows))).await?;
    Ok(true)
}

async fn umkm(turn: &Turn<'_>, area: i64, sector: Option<u8>, need: Option<u8>, at: At) -> Result<bool, HandlerError> {
    let Some(path) = scoped_area(turn, area).await? else { return Ok(false) };
    let lang = turn.lang();
    let sector = sector.and_then(|i| Sector::ALL.get(usize::from(i)).copied());
    let need = need.and_then(|i| Need::ALL.get(usize::from(i)).copied());
    let any = || t(lang, "rep-umkm-any-lower");
    let args = [
        ("area", Arg::from(display_path(&path))),
        ("sector", Arg::from(sector.map_or_else(any, |s| t(lang, s.key())))),
        ("need", Arg::from(need.map_or_else(any, |n| t(lang, n.key())))),
    ];
    let label = ta(lang, "rep-umkm-filter", &args);
    spawn(turn, at, What::Umkm { filter: UmkmFilter { area_path: Some(path), sector, need }, label }).await?;
    Ok(true)
}

/// Trainings of the last year and to come whose KIM lies inside the scope.
async fn in_scope_trainings(turn: &Turn<'_>) -> Result<Vec<Training>, HandlerError> {
    let all = store::since(&turn.ctx.db, turn.now() - LIST_DAYS * 86_400).await?;
    Ok(all.into_iter().filter(|tr| may_see(turn, tr)).collect())
}

fn may_see(turn: &Turn<'_>, tr: &Training) -> bool {
    may(&turn.who.actor, Action::Oversee(&tr.area_path))
}

async fn trainings_page(turn: &Turn<'_>, page: i64, at: At) -> Result<(), HandlerError> {
    let lang = turn.lang();
    let list = in_scope_trainings(turn).await?;
    if list.is_empty() {
        turn.end().await?;
        return turn.edit(at, t(lang, "rep-att-none"), None).await;
    }
    let last = (list.len() - 1) / PAGE;
    let page = (page.max(0) as usize).min(last);
    let mut rows: Vec<_> = list[page * PAGE..((page + 1) * PAGE).min(list.len())]
        .iter()
        .map(|tr| {
            let when = render::date(lang, tr.starts_at, tr.tz(turn.ctx.config.tz));
            let label = format!("{} · {} · {}", short(&tr.title, 28), tr.kim_name, when);
            vec![button(label, Btn::Training(tr.id))]
        })
        .collect();
    let mut nav = Vec::new();
    if page > 0 {
        nav.push(button("‹", Btn::TrainingPage(page as i64 - 1)));
    }
    if page < last {
        nav.push(button("›", Btn::TrainingPage(page as i64 + 1)));
    }
    rows.push(nav);
    let args = [("page", Arg::from(page as i64 + 1)), ("pages", Arg::from(last as i64 + 1))];
    turn.edit(at, ta(lang, "rep-att-choose", &args), Some(InlineKeyboardMarkup::new(rows))).await
}

async fn attendance(turn: &Turn<'_>, id: i64, at: At) -> Result<bool, HandlerError> {
    let Some(tr) = store::get(&turn.ctx.db, id).await?.filter(|tr| may_see(turn, tr)) else { return Ok(false) };
    spawn(turn, at, What::Attendance { training: tr.id, title: tr.title, scope: tr.area_path }).await?;
    Ok(true)
}

