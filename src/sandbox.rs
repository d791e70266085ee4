//! `kimbot sandbox`: the real bot against an in-process fake Telegram, with a
//! terminal chat. Filled in once the fake server lands.

use std::path::PathBuf;

use crate::cli::CliError;

pub async fn run(_db: PathBuf) -> Result<(), CliError> {
    Err(CliError::Usage("sandbox not ready".into()))
}
