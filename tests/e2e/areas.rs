//! Areas from the official Kemendagri list (`kimbot areas import --wilayah …`), the
//! CSV's code column, and `kode_wilayah` travelling into exports and webhook bodies.

mod codes;
mod official;

use kimbot::tools::areas_cli::{self, AreasAction};
use kimbot::tools::cli::{Cli, Command};

use crate::support::TestApp;

/// Runs `kimbot <args>` (an `areas` subcommand) against the app's database, as the
/// command line parses it; returns what it printed.
pub async fn kimbot_areas(app: &TestApp, args: &[&str]) -> String {
    let cli = <Cli as clap::Parser>::try_parse_from(std::iter::once("kimbot").chain(args.iter().copied())).expect("arguments parse");
    let Command::Areas { action } = cli.command else { panic!("not an areas command: {args:?}") };
    run(app, action).await
}

pub async fn run(app: &TestApp, action: AreasAction) -> String {
    let mut out = Vec::new();
    areas_cli::run(&app.db, action, app.clock.now(), &mut out).await.expect("areas command succeeds");
    String::from_utf8(out).unwrap()
}

/// How many areas of `kind` there are.
pub async fn areas_of_kind(app: &TestApp, kind: &str) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT COUNT(*) AS n FROM areas WHERE kind = $1").bind(kind).fetch_one(&app.db.pool).await.unwrap().get("n")
}

pub async fn kims(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM kims WHERE id > $1", 0).await
}
