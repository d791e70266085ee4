//! `kimbot feeds add|list|remove`: the office's way to manage feeds without Telegram.
//! A feed added here is fetched once at once, as in `/sumber`, and the result printed.

use chrono_tz::Tz;
use clap::Subcommand;

use super::schedule::{self, DEFAULT_EVERY};
use super::store::{self, NewFeed};
use super::bot::valid_url;
use super::fetch::{Fetched, Fetcher, Validators};
use crate::platform::outbound::Guard;
use crate::kernel::audience::cron::CronExpr;
use crate::platform::audit;
use crate::platform::db::{Db, DbError};
use crate::kernel::members::areas;

/// What `kimbot feeds` can fail with; the CLI prints it as one line.
#[derive(Debug, thiserror::Error)]
pub enum FeedsCliError {
    /// The command was given something it cannot use; the text says what.
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

#[derive(Debug, Subcommand)]
pub enum FeedsAction {
    /// Register an RSS 2.0 or Atom feed for a kota or kecamatan.
    Add {
        /// The feed's http(s) address.
        url: String,
        /// Kota or kecamatan name (or full path) whose KIMs get its drafts.
        #[arg(long)]
        area: String,
        /// Poll schedule as a 5-field crontab line in KIMBOT_TZ; at most every 5 minutes.
        #[arg(long, default_value = DEFAULT_EVERY)]
        every: String,
    },
    /// List feeds with schedule, next poll and health.
    List,
    /// Remove a feed with its items and drafts.
    Remove { id: i64 },
}

/// Runs one feeds command; `outbound` is the guard the poller uses, so the check of
/// a new feed refuses the same addresses its polls would.
pub async fn run(db: &Db, tz: Tz, outbound: Guard, action: FeedsAction, now: i64) -> Result<(), FeedsCliError> {
    match action {
        FeedsAction::Add { url, area, every } => {
            let (id, url) = add(db, tz, &url, &area, &every, now).await?;
            println!("{}", check(outbound, id, &url).await);
            Ok(())
        }
        FeedsAction::List => {
            for line in list_lines(db, tz).await? {
                println!("{line}");
            }
            Ok(())
        }
        FeedsAction::Remove { id } => {
            if !store::remove(db, id).await? {
                return Err(FeedsCliError::Usage(format!("no feed with id {id} (see `kimbot feeds list`)")));
            }
            audit::record(db, None, "feed.remove", &format!("feed={id} via=cli"), now).await?;
            println!("removed feed {id}");
            Ok(())
        }
    }
}

/// One tab-separated line per feed: id, URL, area, the schedule as the 5-field
/// crontab line `--every` takes (the stored form has seconds first), next poll,
/// health, failures and the last error.
pub async fn list_lines(db: &Db, tz: Tz) -> Result<Vec<String>, FeedsCliError> {
    let mut lines = Vec::new();
    for f in store::list(db).await? {
        let health = if f.healthy { "healthy" } else { "UNHEALTHY" };
        let error = f.last_error.as_deref().unwrap_or("-");
        let next = super::bot::render::when(f.next_poll_at, tz);
        let every = CronExpr::from_quartz(&f.cron).map(|e| e.crontab()).unwrap_or_else(|_| f.cron.clone());
        lines.push(format!("{}\t{}\t{}\t{every}\tnext {next}\t{health}\tfailures {}\t{error}", f.id, f.url, f.area_path, f.failures));
    }
    Ok(lines)
}

/// The new feed fetched once: whether it can be read (how many items, the newest),
/// or why not; it is kept either way and tried again on its schedule.
async fn check(outbound: Guard, id: i64, url: &str) -> String {
    let fetched = match Fetcher::new(outbound) {
        Ok(fetcher) => fetcher.fetch(url, &Validators::default()).await,
        Err(error) => Err(error),
    };
    match fetched {
        Ok(Fetched::Items(items, _)) => match items.first() {
            Some(newest) => format!("checked: it can be read, {} item(s), the newest {:?}", items.len(), newest.title),
            None => "checked: it can be read, but it has no items yet".to_string(),
        },
        Ok(Fetched::NotModified) => "checked: it can be read".to_string(),
        Err(error) => format!(
            "warning: it cannot be read now ({error}); it is kept and tried again on its schedule (drop it with `kimbot feeds remove {id}`)"
        ),
    }
}

async fn add(db: &Db, tz: Tz, url: &str, area: &str, every: &str, now: i64) -> Result<(i64, String), FeedsCliError> {
    let url = valid_url(url).ok_or_else(|| FeedsCliError::Usage(format!("{url:?} is not an http(s) URL")))?;
    let mut found = areas::find_scope_areas(db, area).await?;
    let area = match found.len() {
        1 => found.remove(0),
        0 => return Err(FeedsCliError::Usage(format!("no kota or kecamatan named {area:?} (see `kimbot areas list`)"))),
        _ => return Err(FeedsCliError::Usage(format!("{area:?} is ambiguous; use the full path"))),
    };
    let expr = schedule::parse(every, now, tz).map_err(|e| FeedsCliError::Usage(format!("--every {every:?}: {e}")))?;
    let next_poll_at = schedule::next_after(expr.quartz(), now, tz);
    let new = NewFeed { url: &url, area_id: area.id, cron: expr.quartz(), next_poll_at, created_by: None };
    let id = match store::add(db, &new, now).await {
        Ok(id) => id,
        Err(e) if e.is_unique_violation() => return Err(FeedsCliError::Usage(format!("{url} is registered already"))),
        Err(e) => return Err(e.into()),
    };
    audit::record(db, None, "feed.add", &format!("feed={id} url={url} area={} via=cli", area.path), now).await?;
    println!("added feed {id}: {url} for {}, next poll {}", area.path, super::bot::render::when(next_poll_at, tz));
    Ok((id, url))
}
