//! Loading the official areas ([`wilayah`](super::wilayah)) into the `areas` table,
//! and optionally one KIM per kelurahan. Areas are found again by their code, so a
//! re-run changes nothing and a name edited later for display is kept; a hand-made
//! area at the same place (same path, no code yet) is adopted and given the code.

use std::collections::HashSet;

use sqlx::Row;

use super::areas::ImportError;
use super::wilayah::{Official, Selection, kim_code_candidates};
use crate::platform::db::{Db, DbError};

type Tx<'c> = sqlx::Transaction<'c, sqlx::Any>;

/// What an official import found and changed.
#[derive(Debug, Default, PartialEq)]
pub struct OfficialSummary {
    pub kecamatan: u64,
    pub kelurahan: u64,
    /// Areas that did not exist before (adopted ones not counted).
    pub areas_added: u64,
    pub kims_added: u64,
}

/// An area as stored: its id and path (children's paths continue it).
pub(crate) struct Placed {
    pub id: i64,
    pub path: String,
}

/// Loads a selection in one transaction; with `with_kims`, every kelurahan without a
/// KIM gets "KIM <kelurahan>" with a code from [`kim_code_candidates`].
#[tracing::instrument(skip_all, fields(kota = %selection.kota.code))]
pub async fn import(db: &Db, selection: &Selection, with_kims: bool) -> Result<OfficialSummary, ImportError> {
    let mut tx = db.begin().await?;
    let mut summary = OfficialSummary::default();
    let mut taken = HashSet::new();
    let kota = place(&mut tx, "kota", &selection.kota, None, &mut summary).await?;
    for kec in &selection.kecamatan {
        let kecamatan = place(&mut tx, "kecamatan", &kec.area, Some(&kota), &mut summary).await?;
        summary.kecamatan += 1;
        for kel in &kec.kelurahan {
            let kelurahan = place(&mut tx, "kelurahan", kel, Some(&kecamatan), &mut summary).await?;
            summary.kelurahan += 1;
            if with_kims && add_kim(&mut tx, kel, kelurahan.id, &mut taken).await? {
                summary.kims_added += 1;
            }
        }
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(summary)
}

async fn place(
    tx: &mut Tx<'_>,
    kind: &str,
    area: &Official,
    parent: Option<&Placed>,
    summary: &mut OfficialSummary,
) -> Result<Placed, DbError> {
    let (placed, added) = place_coded(tx, kind, area, parent).await?;
    summary.areas_added += u64::from(added);
    Ok(placed)
}

/// The area with `area.code`: found by code, else adopted by path, else inserted under
/// `parent`. A path already held by an area with another code (two desa of one name
/// in a kecamatan) gets the code appended. Also used by the CSV import's code column.
pub(crate) async fn place_coded(
    tx: &mut Tx<'_>,
    kind: &str,
    area: &Official,
    parent: Option<&Placed>,
) -> Result<(Placed, bool), DbError> {
    let found = sqlx::query("SELECT id, path FROM areas WHERE code = $1").bind(&area.code).fetch_optional(&mut **tx).await?;
    if let Some(row) = found {
        return Ok((Placed { id: row.try_get("id")?, path: row.try_get("path")? }, false));
    }
    // '/' separates the path's levels; a few official names hold one ("Lalai I/II").
    let segment = area.name.replace('/', "-");
    let mut path = match parent {
        Some(p) => format!("{}/{segment}", p.path),
        None => segment,
    };
    let same_path = sqlx::query("SELECT id, code FROM areas WHERE path = $1").bind(&path).fetch_optional(&mut **tx).await?;
    match same_path {
        Some(row) if row.try_get::<Option<String>, _>("code")?.is_none() => {
            let id: i64 = row.try_get("id")?;
            sqlx::query("UPDATE areas SET code = $1 WHERE id = $2").bind(&area.code).bind(id).execute(&mut **tx).await?;
            return Ok((Placed { id, path }, false));
        }
        Some(_) => path = format!("{path} ({})", area.code),
        None => {}
    }
    let row = sqlx::query("INSERT INTO areas (kind, name, parent_id, path, code) VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .bind(kind)
        .bind(&area.name)
        .bind(parent.map(|p| p.id))
        .bind(&path)
        .bind(&area.code)
        .fetch_one(&mut **tx)
        .await?;
    Ok((Placed { id: row.try_get("id")?, path }, true))
}

/// Adds "KIM <kelurahan>" unless the kelurahan has a KIM already (a re-run, or one
/// made by hand); `taken` holds the codes given in this run.
async fn add_kim(tx: &mut Tx<'_>, kel: &Official, kelurahan_id: i64, taken: &mut HashSet<String>) -> Result<bool, DbError> {
    let has = sqlx::query("SELECT id FROM kims WHERE kelurahan_id = $1 LIMIT 1").bind(kelurahan_id).fetch_optional(&mut **tx).await?;
    if has.is_some() {
        return Ok(false);
    }
    let mut chosen = None;
    for code in kim_code_candidates(&kel.name, &kel.code) {
        if taken.contains(&code) {
            continue;
        }
        let held = sqlx::query("SELECT id FROM kims WHERE code = $1").bind(&code).fetch_optional(&mut **tx).await?;
        if held.is_none() {
            chosen = Some(code);
            break;
        }
    }
    let Some(code) = chosen else { return Ok(false) };
    sqlx::query("INSERT INTO kims (code, name, kelurahan_id) VALUES ($1, $2, $3)")
        .bind(&code)
        .bind(format!("KIM {}", kel.name))
        .bind(kelurahan_id)
        .execute(&mut **tx)
        .await?;
    taken.insert(code);
    Ok(true)
}
