//! *KIM & wilayah* (admins): the areas as a tree — kota, kecamatan, kelurahan — with
//! each kelurahan's KIMs and, per KIM, its residents, active groups and
//! coordinators; adding a KIM (offered by `/start` at once) and renaming or moving
//! one to another kelurahan. Each change is audited.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::kernel::members::areas::{self, KimAdded};
use crate::kernel::members::{KimId, retire, roles};
use crate::platform::when::stamp;
use crate::kernel::members::{Area, Kim};
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use super::{ConsoleError, Ctx, NavEntry, Staff, layout};
use super::Done;

/// *KIM & wilayah* in the navigation: admins only.
pub const NAV: NavEntry = NavEntry { path: "/dasbor/kim", label: "console-nav-kims", order: 66, shown: |s| s.actor.is_admin };

pub async fn page(State(ctx): State<Ctx>, staff: Staff, Query(shown): Query<Done>) -> Result<Response, ConsoleError> {
    if !staff.actor.is_admin {
        return Err(ConsoleError::Forbidden);
    }
    let flash = match shown.done.as_str() {
        "added" => Some("console-kims-added"),
        "changed" => Some("console-kims-changed"),
        "taken" => Some("console-kims-taken"),
        "invalid" => Some("console-kims-invalid"),
        "retired" => Some("console-kims-retired"),
        _ => None,
    };
    let lang = staff.lang;
    let all = areas::all(&ctx.db).await?;
    let kims = areas::all_kims(&ctx.db).await?;
    let counts = areas::kim_counts(&ctx.db).await?;
    let kelurahan: Vec<&Area> = all.iter().filter(|a| a.kind == "kelurahan").collect();
    let retired = areas::retired_kims(&ctx.db).await?;
    let body = html! {
        @if let Some(key) = flash { p.flash role="status" { (t(lang, key)) } }
        div.columns {
            (add_form(lang, &staff, &kelurahan))
            (change_form(lang, &staff, &kims, &kelurahan))
            (retire_form(lang, &staff, &kims))
            (super::imports::upload_form(lang, &staff, "areas"))
        }
        (tree(lang, &all, &kims, &counts))
        @if !retired.is_empty() {
            section.card {
                h2 { (t(lang, "console-kims-retired-list")) }
                ul { @for (k, at) in &retired { li { (k.name) " (" (k.code) ") · " (stamp(*at, ctx.config.tz)) } } }
            }
        }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-kims-title"), body)).into_response())
}

/// "Bukit Lama · Ilir Barat I" for a kelurahan picker.
fn kelurahan_label(a: &Area) -> String {
    let mut parts = a.path.rsplit('/');
    let name = parts.next().unwrap_or_default();
    match parts.next() {
        Some(kecamatan) => format!("{name} · {kecamatan}"),
        None => name.to_string(),
    }
}

fn kelurahan_select(lang: Lang, kelurahan: &[&Area]) -> Markup {
    html! {
        label { (t(lang, "console-kims-kelurahan"))
            select name="kelurahan" required {
                @for a in kelurahan { option value=(a.id) { (kelurahan_label(a)) } }
            }
        }
    }
}

fn add_form(lang: Lang, staff: &Staff, kelurahan: &[&Area]) -> Markup {
    html! {
        form.card method="post" action="/dasbor/kim/tambah" {
            h2 { (t(lang, "console-kims-add")) }
            (kelurahan_select(lang, kelurahan))
            label { (t(lang, "console-kims-code")) input type="text" name="code" required maxlength="20" pattern="[A-Za-z0-9-]{2,20}"; }
            label { (t(lang, "console-kims-name")) input type="text" name="name" required maxlength="100"; }
            input type="hidden" name="csrf" value=(staff.session.csrf);
            button type="submit" { (t(lang, "console-kims-add-button")) }
        }
    }
}

fn change_form(lang: Lang, staff: &Staff, kims: &[Kim], kelurahan: &[&Area]) -> Markup {
    html! {
        form.card method="post" action="/dasbor/kim/ubah" {
            h2 { (t(lang, "console-kims-change")) }
            label { (t(lang, "console-kims-which"))
                select name="kim" required { @for k in kims { option value=(k.id) { (k.name) " (" (k.code) ")" } } }
            }
            label { (t(lang, "console-kims-new-name")) input type="text" name="name" required maxlength="100"; }
            (kelurahan_select(lang, kelurahan))
            input type="hidden" name="csrf" value=(staff.session.csrf);
            button type="submit" { (t(lang, "console-kims-change-button")) }
        }
    }
}

/// Retiring a KIM: irreversible, so a danger button and a plain warning.
fn retire_form(lang: Lang, staff: &Staff, kims: &[Kim]) -> Markup {
    html! {
        form.card method="post" action="/dasbor/kim/pensiun" {
            h2 { (t(lang, "console-kims-retire")) }
            p { (t(lang, "console-kims-retire-explain")) }
            label { (t(lang, "console-kims-which"))
                select name="kim" required { @for k in kims { option value=(k.id) { (k.name) " (" (k.code) ")" } } }
            }
            input type="hidden" name="csrf" value=(staff.session.csrf);
            button.danger type="submit" { (t(lang, "console-kims-retire-button")) }
        }
    }
}

/// Kota → kecamatan (folded) → kelurahan → its KIMs with their counts.
fn tree(lang: Lang, all: &[Area], kims: &[Kim], counts: &HashMap<KimId, (i64, i64, i64)>) -> Markup {
    let children = |parent: i64| all.iter().filter(move |a| a.parent_id == Some(parent));
    html! {
        @for kota in all.iter().filter(|a| a.parent_id.is_none()) {
            section.card {
                h2 { (kota.name) }
                @for kec in children(kota.id) {
                    @let n = kims.iter().filter(|k| k.area_path.starts_with(&format!("{}/", kec.path))).count();
                    details {
                        summary { (kec.name) " · " (ta(lang, "console-kims-count", &[("count", Arg::from(n as i64))])) }
                        @for kel in children(kec.id) {
                            @let here: Vec<&Kim> = kims.iter().filter(|k| k.kelurahan_id == kel.id).collect();
                            h3 { (kel.name) }
                            @if here.is_empty() { p.empty { (t(lang, "console-kims-none")) } }
                            @else {
                                table.counts {
                                    thead { tr {
                                        th { (t(lang, "console-kims-code")) } th { (t(lang, "console-kims-name")) }
                                        th.num { (t(lang, "console-kims-residents")) } th.num { (t(lang, "console-kims-groups")) }
                                        th.num { (t(lang, "console-kims-coordinators")) }
                                    } }
                                    tbody {
                                        @for k in here {
                                            @let (residents, groups, coordinators) = counts.get(&k.id).copied().unwrap_or_default();
                                            tr { td { (k.code) } td { (k.name) } td.num { (residents) } td.num { (groups) } td.num { (coordinators) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    kelurahan: String,
}

pub async fn add(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<AddForm>) -> Result<Response, ConsoleError> {
    staff.check_admin_form(&form.csrf)?;
    let kelurahan: i64 = form.kelurahan.trim().parse().map_err(|_| ConsoleError::BadInput)?;
    let done = match areas::add_kim(&ctx.db, &form.code, &form.name, kelurahan).await? {
        KimAdded::Added(kim) => {
            let detail = format!("kim={} kelurahan={kelurahan}", kim.code);
            audit::record(&ctx.db, Some(staff.actor.user_id), "area.kim_add", &detail, ctx.now()).await?;
            "added"
        }
        KimAdded::CodeTaken => "taken",
        KimAdded::Invalid | KimAdded::NoKelurahan => "invalid",
    };
    Ok(Redirect::to(&format!("{}?done={done}", NAV.path)).into_response())
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kim: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    kelurahan: String,
}

pub async fn change(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<ChangeForm>) -> Result<Response, ConsoleError> {
    staff.check_admin_form(&form.csrf)?;
    let id: i64 = form.kim.trim().parse().map_err(|_| ConsoleError::NotFound)?;
    let kim = areas::kim_by_id(&ctx.db, KimId(id)).await?.ok_or(ConsoleError::NotFound)?;
    let kelurahan: i64 = form.kelurahan.trim().parse().map_err(|_| ConsoleError::BadInput)?;
    if !areas::update_kim(&ctx.db, kim.id, &form.name, kelurahan).await? {
        return Ok(Redirect::to(&format!("{}?done=invalid", NAV.path)).into_response());
    }
    let detail = format!("kim={} kelurahan={kelurahan}", kim.code);
    audit::record(&ctx.db, Some(staff.actor.user_id), "area.kim_change", &detail, ctx.now()).await?;
    Ok(Redirect::to(&format!("{}?done=changed", NAV.path)).into_response())
}

#[derive(Deserialize)]
pub struct RetireForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kim: String,
}

/// Retires a KIM ([`retire::retire_kim`]): residents are asked to choose again,
/// coordinators lose that scope (with the schedule hand-over of a revoke when it was
/// their last role), groups are unlinked and told. A KIM already retired or missing
/// is "not found".
pub async fn retire(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<RetireForm>) -> Result<Response, ConsoleError> {
    staff.check_admin_form(&form.csrf)?;
    let id: i64 = form.kim.trim().parse().map_err(|_| ConsoleError::NotFound)?;
    let now = ctx.now();
    let done = retire::retire_kim(&ctx.db, KimId(id), now).await?.ok_or(ConsoleError::NotFound)?;
    let admins: Vec<i64> = ctx.config.admins.iter().map(|a| a.0 as i64).collect();
    let mut paused = 0;
    for &user in &done.coordinators {
        let left = roles::actor(&ctx.db, user, admins.contains(&user.get())).await?;
        if !left.is_admin && left.staff_areas.is_empty() && left.coordinator_kims.is_empty() && left.agencies.is_empty() {
            paused += roles::revoke_and_hand_over(&ctx.db, ctx.role_lost, user, &admins, now).await?.1;
        }
    }
    ctx.outbox.enqueue(&retire::notices(&ctx.db, &done).await?).await?;
    let detail = format!(
        "kim={} residents={} coordinators={} groups={} schedules_paused={paused}",
        done.kim.code,
        done.residents.len(),
        done.coordinators.len(),
        done.groups.len()
    );
    audit::record(&ctx.db, Some(staff.actor.user_id), "area.kim_retire", &detail, now).await?;
    Ok(Redirect::to(&format!("{}?done=retired", NAV.path)).into_response())
}
