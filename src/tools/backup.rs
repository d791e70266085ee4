//! `kimbot backup FILE`: a consistent copy of the database while the bot runs.
//!
//! SQLite: `VACUUM INTO` writes a compacted, transactionally consistent copy from
//! one read snapshot; WAL readers and the running bot's writers do not block it.
//! Restoring is putting the copy where `DATABASE_URL` points (bot stopped).
//! PostgreSQL: the server's own tool does it better; the line to run is printed.

use std::io::Write;
use std::path::Path;

use crate::platform::config::{Backend, Config};
use crate::platform::db::{Db, DbError};
use crate::tools::cli::CliError;

pub async fn run(config: &Config, file: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    match config.backend {
        Backend::Postgres => {
            let target = shell_quote(&file.display().to_string());
            let _ = writeln!(out, "PostgreSQL is backed up with its own tools; run (DATABASE_URL as for kimbot):");
            let _ = writeln!(out, "  pg_dump --format=custom --no-owner --file={target} \"$DATABASE_URL\"");
            let _ = writeln!(out, "restore into a new, empty database with:");
            let _ = writeln!(out, "  pg_restore --no-owner --dbname=\"$DATABASE_URL\" {target}");
            Ok(())
        }
        Backend::Sqlite => sqlite(config, file, out).await,
    }
}

async fn sqlite(config: &Config, file: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    if file.exists() {
        return Err(CliError::Usage(format!("{} exists already; give a new file name", file.display())));
    }
    let target = file.to_str().ok_or_else(|| CliError::Usage(format!("{}: use a UTF-8 path", file.display())))?;
    // Never create an empty database by backing up a wrong path.
    let url = config.database_url.replace("mode=rwc", "mode=rw");
    let db = Db::connect(&url, config.backend).await?;
    let copied = sqlx::query("VACUUM INTO $1").bind(target).execute(&db.pool).await.map_err(DbError::from);
    db.close().await;
    copied?;
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let _ = writeln!(out, "backed up to {} ({size} bytes); restore: stop kimbot, copy it to the DATABASE_URL file, start kimbot", file.display());
    Ok(())
}

/// Single-quotes `s` for a POSIX shell.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}
