//! *Balasan siap*: the canned replies of the kotas a staff member works in (every
//! kota for admins): list, add, edit, delete. Another kota's reply is a 404 like a
//! missing one; coordinators and officers do not get the page at all.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::features::aspirations::canned::{self, BODY_MAX, CannedError, TITLE_MAX};
use crate::features::aspirations::desk_store::Canned;
use crate::platform::i18n::{Lang, t};
use crate::web::console::{ConsoleError, Ctx, NavEntry, Staff, layout};

/// *Balasan siap* in the navigation: staff and admins.
pub const NAV: NavEntry = NavEntry { path: "/dasbor/balasan", label: "console-nav-canned", order: 12, shown: may_manage };

fn may_manage(staff: &Staff) -> bool {
    staff.actor.is_admin || !staff.actor.staff_areas.is_empty()
}

fn check(staff: &Staff) -> Result<(), ConsoleError> {
    if may_manage(staff) { Ok(()) } else { Err(ConsoleError::NotFound) }
}

#[derive(Deserialize, Default)]
pub struct CannedForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kota: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

pub async fn list(State(ctx): State<Ctx>, staff: Staff) -> Result<Response, ConsoleError> {
    check(&staff)?;
    show_list(&ctx, &staff, None, &CannedForm::default(), StatusCode::OK).await
}

async fn show_list(ctx: &Ctx, staff: &Staff, error: Option<&str>, typed: &CannedForm, status: StatusCode) -> Result<Response, ConsoleError> {
    let lang = staff.lang;
    let kotas = canned::managed_kotas(ctx, &staff.actor).await?;
    let replies = canned::managed(ctx, &staff.actor).await?;
    let body = html! {
        p.hint { (t(lang, "console-canned-vars")) }
        @if replies.is_empty() { p.empty { (t(lang, "console-canned-empty")) } }
        @else {
            table.canned {
                thead { tr { th { (t(lang, "console-canned-kota")) } th { (t(lang, "console-canned-title")) } th { (t(lang, "console-canned-text")) } th {} } }
                tbody {
                    @for c in &replies {
                        tr {
                            td { (c.kota) } td { (c.title) } td.text { (c.body) }
                            td { a href={ "/dasbor/balasan/" (c.id) } { (t(lang, "console-canned-edit")) } }
                        }
                    }
                }
            }
        }
        @if !kotas.is_empty() {
            form.card method="post" action="/dasbor/balasan" {
                h2 { (t(lang, "console-canned-add")) }
                input type="hidden" name="csrf" value=(staff.session.csrf);
                @if kotas.len() == 1 {
                    input type="hidden" name="kota" value=(kotas[0]);
                } @else {
                    label { (t(lang, "console-canned-kota"))
                        select name="kota" { @for k in &kotas { option value=(k) selected[*k == typed.kota] { (k) } } }
                    }
                }
                (fields(lang, &typed.title, &typed.body, error))
                button type="submit" { (t(lang, "console-canned-save")) }
            }
        }
    };
    let page = layout::page(staff, NAV.path, &t(lang, "console-canned-page-title"), body);
    Ok((status, layout::no_store(), page).into_response())
}

fn fields(lang: Lang, title: &str, body: &str, error: Option<&str>) -> Markup {
    html! {
        label { (t(lang, "console-canned-title")) input type="text" name="title" value=(title) maxlength=(TITLE_MAX) required; }
        label { (t(lang, "console-canned-text")) textarea name="body" rows="5" maxlength=(BODY_MAX) required { (body) } }
        @if let Some(key) = error { p.field-error role="alert" { (t(lang, key)) } }
    }
}

fn error_key(e: &CannedError) -> Option<&'static str> {
    match e {
        CannedError::Title => Some("console-canned-bad-title"),
        CannedError::Body => Some("console-canned-bad-text"),
        _ => None,
    }
}

pub async fn add(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<CannedForm>) -> Result<Response, ConsoleError> {
    check(&staff)?;
    staff.check_csrf(&form.csrf)?;
    match canned::add(&ctx, &staff.actor, form.kota.trim(), &form.title, &form.body).await {
        Ok(_) => Ok(Redirect::to("/dasbor/balasan").into_response()),
        Err(e) => match error_key(&e) {
            Some(key) => show_list(&ctx, &staff, Some(key), &form, StatusCode::UNPROCESSABLE_ENTITY).await,
            None => Err(into_console(e)),
        },
    }
}

fn into_console(e: CannedError) -> ConsoleError {
    match e {
        CannedError::Db(e) => e.into(),
        CannedError::NotFound => ConsoleError::NotFound,
        _ => ConsoleError::BadInput,
    }
}

async fn one(ctx: &Ctx, staff: &Staff, id: &str) -> Result<Canned, ConsoleError> {
    check(staff)?;
    let id: i64 = id.parse().map_err(|_| ConsoleError::NotFound)?;
    canned::managed_one(ctx, &staff.actor, id).await?.ok_or(ConsoleError::NotFound)
}

pub async fn edit_page(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>) -> Result<Response, ConsoleError> {
    let c = one(&ctx, &staff, &id).await?;
    show_edit(&staff, &c, (&c.title, &c.body), None, StatusCode::OK)
}

fn show_edit(staff: &Staff, c: &Canned, (title, text): (&str, &str), error: Option<&str>, status: StatusCode) -> Result<Response, ConsoleError> {
    let lang = staff.lang;
    let body = html! {
        p.hint { (t(lang, "console-canned-vars")) }
        form.card method="post" action={ "/dasbor/balasan/" (c.id) } {
            p { (t(lang, "console-canned-kota")) ": " strong { (c.kota) } }
            input type="hidden" name="csrf" value=(staff.session.csrf);
            (fields(lang, title, text, error))
            button type="submit" { (t(lang, "console-canned-save")) }
        }
        form.card method="post" action={ "/dasbor/balasan/" (c.id) "/hapus" } {
            input type="hidden" name="csrf" value=(staff.session.csrf);
            button.danger type="submit" { (t(lang, "console-canned-delete")) }
        }
        p { a href="/dasbor/balasan" { (t(lang, "console-canned-back")) } }
    };
    let page = layout::page(staff, NAV.path, &t(lang, "console-canned-page-title"), body);
    Ok((status, layout::no_store(), page).into_response())
}

pub async fn edit(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<CannedForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let c = one(&ctx, &staff, &id).await?;
    match canned::edit(&ctx, &staff.actor, c.id, &form.title, &form.body).await {
        Ok(()) => Ok(Redirect::to("/dasbor/balasan").into_response()),
        Err(e) => match error_key(&e) {
            Some(key) => show_edit(&staff, &c, (&form.title, &form.body), Some(key), StatusCode::UNPROCESSABLE_ENTITY),
            None => Err(into_console(e)),
        },
    }
}

pub async fn delete(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<CannedForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let c = one(&ctx, &staff, &id).await?;
    canned::delete(&ctx, &staff.actor, c.id).await.map_err(into_console)?;
    Ok(Redirect::to("/dasbor/balasan").into_response())
}
