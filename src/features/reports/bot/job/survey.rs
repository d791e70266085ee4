//! The survey results of `/laporan`: the same files as `kimbot surveys export`, with
//! the audit entry and the files sent as documents, the chart as a photo.

use teloxide::prelude::*;
use teloxide::types::InputFile;

use super::{Job, audit, send_files};
use crate::platform::export::ExportError;
use crate::features::surveys::model::SurveyId;
use crate::features::surveys::{export, store};
use crate::platform::i18n::{Arg, ta};

pub async fn run(job: &Job, survey: SurveyId, title: &str, scope: &str) -> Result<(), ExportError> {
    let Some(s) = store::get(&job.db, survey).await? else { return Err(ExportError::Writer(format!("survey {survey} is gone"))) };
    let dir = tempfile::tempdir()?;
    let lang = job.lang;
    let out = export::export(&job.db, s, lang, job.tz, dir.path()).await?;
    audit(job, &format!("kind=survey survey={survey} scope={scope} respondents={}", out.respondents)).await?;
    let send = |e: teloxide::RequestError| ExportError::Writer(e.to_string());
    let args = [("title", Arg::from(title)), ("respondents", Arg::from(out.respondents))];
    let mut text = ta(lang, "rep-surveys-done", &args);
    if out.withheld {
        text = format!("{text}\n{}", crate::features::surveys::render::withheld(lang));
    }
    job.bot.edit_message_text(job.at.0, job.at.1, text).await.map_err(send)?;
    send_files(job, &[&out.xlsx, &out.csv]).await?;
    job.bot.send_photo(job.at.0, InputFile::file(out.chart.clone())).caption(title.to_string()).await.map_err(send)?;
    Ok(())
}
