//! Logging: `tracing` with `RUST_LOG` filters; teloxide's `log` records are bridged in.

use std::path::Path;

use tracing_subscriber::EnvFilter;

fn filter(default_filter: &str) -> EnvFilter {
    EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter))
}

pub fn init(default_filter: &str) {
    let _ = tracing_subscriber::fmt().with_env_filter(filter(default_filter)).with_writer(std::io::stderr).try_init();
}

/// Logs appended to `path` instead of the terminal (the sandbox's chat owns the
/// terminal); without colour codes, so the file reads in any editor.
pub fn init_to_file(default_filter: &str, path: &Path) -> std::io::Result<()> {
    let file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter(default_filter))
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .try_init();
    Ok(())
}

/// What a caught panic said (`panic!("…")` gives a `&str` or a `String`), for the log.
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> &str {
    payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str)).unwrap_or("(no message)")
}
