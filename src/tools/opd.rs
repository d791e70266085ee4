//! `kimbot opd …`: agencies (OPD) from the office: import the CSV, list them, set the
//! routing rules that suggest one first at triage. `kimbot grant opd` also resolves
//! its agency here.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;

use super::cli::CliError;
use crate::features::aspirations::model::Category;
use crate::kernel::members::agencies::{self, Agency};
use crate::kernel::members::areas;
use crate::platform::audit;
use crate::platform::db::Db;

#[derive(Debug, Subcommand)]
pub enum OpdAction {
    /// Load `kota,code,name[,short_name]` rows from a CSV file (again: names are updated).
    Import { file: PathBuf },
    /// List every agency with its routing rules.
    List,
    /// Suggest an agency first for a category (in a kecamatan, or the whole kota).
    Route {
        /// Category code: infrastruktur, ekonomi, pelatihan, kesehatan, pendidikan,
        /// lingkungan, keamanan, layanan, lainnya.
        #[arg(long)]
        category: String,
        /// Agency code, e.g. PUPR.
        #[arg(long)]
        opd: String,
        /// Only in this kecamatan (name); the whole kota when absent.
        #[arg(long)]
        kecamatan: Option<String>,
        /// The agency's kota, when several kota have an agency with this code.
        #[arg(long)]
        kota: Option<String>,
    },
}

pub async fn run(db: &Db, action: OpdAction, now: i64, out: &mut impl Write) -> Result<(), CliError> {
    match action {
        OpdAction::Import { file } => {
            let path = file.display().to_string();
            let input = std::fs::File::open(&file).map_err(|source| CliError::Io { path: path.clone(), source })?;
            let rows = agencies::import_csv(db, input, now).await.map_err(|e| CliError::Usage(format!("{path}: {e}")))?;
            audit::record(db, None, "agency.import", &format!("rows={rows} via=cli"), now).await?;
            writeln!(out, "imported {rows} agencies").map_err(io)?;
        }
        OpdAction::List => {
            let all = agencies::all(db).await?;
            if all.is_empty() {
                writeln!(out, "no agencies yet (kimbot opd import data/opd-palembang.csv)").map_err(io)?;
            }
            for a in all {
                writeln!(out, "{}\t{}\t{}\t{}", a.code, a.label(), a.name, a.kota).map_err(io)?;
            }
        }
        OpdAction::Route { category, opd, kecamatan, kota } => {
            let category = Category::parse(&category.trim().to_lowercase())
                .ok_or_else(|| CliError::Usage(format!("unknown category {category:?}")))?;
            let agency = resolve(db, &opd, kota.as_deref()).await?;
            let kecamatan = match kecamatan {
                Some(name) => Some(kecamatan_in(db, &agency, &name).await?),
                None => None,
            };
            agencies::set_route(db, &agency, category.code(), kecamatan.as_deref(), now).await?;
            let place = kecamatan.clone().unwrap_or_else(|| agency.kota.clone());
            let detail = format!("opd={} category={} place={place} via=cli", agency.code, category.code());
            audit::record(db, None, "agency.route", &detail, now).await?;
            writeln!(out, "{} in {place}: {} ({}) is suggested first", category.code(), agency.label(), agency.code).map_err(io)?;
        }
    }
    Ok(())
}

fn io(e: std::io::Error) -> CliError {
    CliError::Io { path: "stdout".into(), source: e }
}

/// The one agency with this code (in `kota` when given).
pub async fn resolve(db: &Db, code: &str, kota: Option<&str>) -> Result<Agency, CliError> {
    let mut found = agencies::by_code(db, code).await?;
    if let Some(kota) = kota {
        found.retain(|a| a.kota.eq_ignore_ascii_case(kota.trim()));
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(CliError::Usage(format!("no agency with code {code:?} (see `kimbot opd list`)"))),
        _ => Err(CliError::Usage(format!("agency code {code:?} exists in several kota; add --kota"))),
    }
}

/// The name of a kecamatan of the agency's kota.
async fn kecamatan_in(db: &Db, agency: &Agency, name: &str) -> Result<String, CliError> {
    let found = areas::find_scope_areas(db, name).await?;
    let hit = found.into_iter().find(|a| a.kind == "kecamatan" && agencies::kota_of(&a.path) == agency.kota);
    hit.map(|a| a.name).ok_or_else(|| CliError::Usage(format!("no kecamatan {name:?} in {} (see `kimbot areas list`)", agency.kota)))
}
