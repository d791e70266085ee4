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
    // The sandbox's chat owns the terminal: its logs go to a file. The benchmarks
    // print a report: keep logs to warnings there.
    match &cli.command {
        Command::Sandbox { db } => {
            let path = kimbot::tools::sandbox::log_path(db);
            if let Err(error) = kimbot::platform::telemetry::init_to_file("info,sqlx=warn", &path) {
                eprintln!("kimbot: cannot write the log to {}: {error}", path.display());
                return std::process::ExitCode::FAILURE;
            }
        }
        Command::Bench { .. } => kimbot::platform::telemetry::init("warn"),
        _ => kimbot::platform::telemetry::init("info,sqlx=warn"),
    }
    match kimbot::tools::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kimbot: {error}");
            std::process::ExitCode::from(error.exit_code())
        }
    }
}
