//! `kimbot areas …`: load areas and KIMs from a CSV or from the official Kemendagri
//! list shipped in the binary, and list them with their codes. Every import is audited.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;

use crate::kernel::members::areas::{self, ImportError};
use crate::kernel::members::{display_path, official, wilayah};
use crate::platform::audit;
use crate::platform::db::Db;

#[derive(Debug, Subcommand)]
pub enum AreasAction {
    /// Load areas and KIMs from a CSV file (kota,kecamatan,kelurahan,kim_code,kim_name
    /// and optionally kode_wilayah), or from the official Kemendagri list (--wilayah).
    Import {
        /// The CSV file; leave out with --wilayah/--kecamatan.
        #[arg(required_unless_present_any = ["wilayah", "kecamatan"], conflicts_with_all = ["wilayah", "kecamatan", "kims"])]
        file: Option<PathBuf>,
        /// Official code of a kota/kabupaten, e.g. 16.71 (Kota Palembang): its
        /// kecamatan and kelurahan/desa with their codes.
        #[arg(long)]
        wilayah: Option<String>,
        /// Only this kecamatan, e.g. 16.71.09 (Kemuning).
        #[arg(long)]
        kecamatan: Option<String>,
        /// Also make one KIM per kelurahan: "KIM <kelurahan>", a code from its name.
        #[arg(long)]
        kims: bool,
    },
    /// List every KIM: its code, its kelurahan's kode wilayah ("-" if none), name, area.
    List {
        /// List the areas instead (kode wilayah, level, path), KIM or not.
        #[arg(long)]
        areas: bool,
    },
}

/// Errors of `kimbot areas`, each printed as one line.
#[derive(Debug, thiserror::Error)]
pub enum AreasCliError {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
}

impl From<crate::platform::db::DbError> for AreasCliError {
    fn from(e: crate::platform::db::DbError) -> Self {
        AreasCliError::Import(e.into())
    }
}

/// Runs one `kimbot areas` action against `db`, answering on `out`.
pub async fn run(db: &Db, action: AreasAction, now: i64, out: &mut impl Write) -> Result<(), AreasCliError> {
    let io = |source| AreasCliError::Io { path: "stdout".into(), source };
    match action {
        AreasAction::Import { file: Some(file), .. } => {
            let path = file.display().to_string();
            let input = std::fs::File::open(&file).map_err(|source| AreasCliError::Io { path, source })?;
            let summary = areas::import_csv(db, input).await?;
            let detail = format!("source=csv rows={} via=cli", summary.rows);
            audit::record(db, None, "area.import", &detail, now).await?;
            writeln!(out, "imported {} rows ({} KIMs)", summary.rows, summary.kims).map_err(io)?;
        }
        AreasAction::Import { file: None, wilayah: kota, kecamatan, kims } => {
            let selection = wilayah::select(kota.as_deref(), kecamatan.as_deref()).map_err(ImportError::from)?;
            let s = official::import(db, &selection, kims).await?;
            let place = kecamatan.as_deref().unwrap_or(&selection.kota.code);
            let detail = format!(
                "source=official wilayah={place} areas_added={} kims_added={} kelurahan={} via=cli",
                s.areas_added, s.kims_added, s.kelurahan
            );
            audit::record(db, None, "area.import", &detail, now).await?;
            writeln!(
                out,
                "{} {} ({}): {} kecamatan, {} kelurahan; {} new areas, {} new KIMs",
                selection.kota.code,
                selection.kota.name,
                wilayah::DATASET,
                s.kecamatan,
                s.kelurahan,
                s.areas_added,
                s.kims_added
            )
            .map_err(io)?;
        }
        AreasAction::List { areas: true } => {
            for (code, kind, path) in areas::all_areas_with_codes(db).await? {
                writeln!(out, "{}\t{kind}\t{path}", code.as_deref().unwrap_or("-")).map_err(io)?;
            }
        }
        AreasAction::List { areas: false } => {
            for (kim, code) in areas::all_kims_with_codes(db).await? {
                let code = code.as_deref().unwrap_or("-");
                writeln!(out, "{}\t{code}\t{}\t{}", kim.code, kim.name, display_path(&kim.area_path)).map_err(io)?;
            }
        }
    }
    Ok(())
}
