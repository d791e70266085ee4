//! `kimbot` binary: parse the command line, set up logging, hand over to the library.

use clap::Parser;
use kimbot::tools::cli::{Cli, Command};

fn main() -> std::process::ExitCode {
    // Before the runtime's threads exist (see platform::memory).
    kimbot::platform::memory::tune();
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime.block_on(run()),
        Err(error) => {
            eprintln!("kimbot: cannot start the async runtime: {error}");
            std::process::ExitCode::from(2)
        }
    }
}

async fn run() -> std::process::ExitCode {
    let cli = Cli::parse();
    // The sandbox shares the terminal with its chat, the benchmarks print a report:
    // keep logs to warnings there.
    let quiet = matches!(cli.command, Command::Sandbox { .. } | Command::Bench { .. });
    let default_filter = if quiet { "warn" } else { "info,sqlx=warn" };
    kimbot::platform::telemetry::init(default_filter);
    match kimbot::tools::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kimbot: {error}");
            std::process::ExitCode::from(error.exit_code())
        }
    }
}
