//! `kimbot surveys list|export`: the office's copy of the survey results, the same
//! files as `/laporan` gives. The CLI acts as the office (every survey), and each
//! export is audited with no actor, like other CLI acts.

use std::io::Write;
use std::path::PathBuf;

use chrono_tz::Tz;
use clap::Subcommand;

use super::{export, responses, results, store};
use crate::platform::export::ExportError;
use crate::platform::audit;
use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Lang;

/// What `kimbot surveys` can fail with; the CLI prints it as one line.
#[derive(Debug, thiserror::Error)]
pub enum SurveysCliError {
    /// The command was given something it cannot use; the text says what.
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Report(#[from] ExportError),
    #[error(transparent)]
    Db(#[from] DbError),
}

#[derive(Debug, Subcommand)]
pub enum SurveysAction {
    /// List the latest surveys, newest first: id, status, closing time, invitations,
    /// responses, reach, title. `--offset` skips that many newest ones, to reach older.
    List {
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(i64).range(0..))]
        limit: i64,
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(i64).range(0..))]
        offset: i64,
    },
    /// Write one survey's results: XLSX, CSV (`;`, UTF-8 with BOM) and a chart PNG.
    Export {
        id: i64,
        #[arg(long, default_value = ".")]
        out: PathBuf,
    },
}

pub async fn run(db: &Db, tz: Tz, action: SurveysAction, now: i64, out: &mut dyn Write) -> Result<(), SurveysCliError> {
    let io = |e: std::io::Error| SurveysCliError::Report(e.into());
    match action {
        SurveysAction::List { limit, offset } => {
            for s in store::latest(db, limit, offset).await? {
                let n = responses::count_submitted(db, s.id).await?;
                let closes = super::render::when(s.closes_at, tz);
                let status = s.shown_status(now).code();
                writeln!(out, "{}\t{status}\t{closes}\tsent {}\tresponses {n}\t{}\t{}", s.id, s.sent_count, s.reach_name, s.title)
                    .map_err(io)?;
            }
            Ok(())
        }
        SurveysAction::Export { id, out: dir } => {
            let Some(survey) = store::get(db, super::model::SurveyId(id)).await? else {
                return Err(SurveysCliError::Usage(format!("no survey with id {id} (see `kimbot surveys list`)")));
            };
            std::fs::create_dir_all(&dir).map_err(io)?;
            let r = results::load(db, survey).await?;
            let target = dir.clone();
            let files = tokio::task::spawn_blocking(move || export::write(&r, Lang::Id, tz, &target))
                .await
                .map_err(|e| SurveysCliError::Report(ExportError::Writer(e.to_string())))??;
            let detail = format!("kind=survey survey={id} respondents={} via=cli", files.respondents);
            audit::record(db, None, "report.export", &detail, now).await?;
            for path in [&files.xlsx, &files.csv, &files.chart] {
                writeln!(out, "{}", path.display()).map_err(io)?;
            }
            Ok(())
        }
    }
}
