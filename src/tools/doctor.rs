//! `kimbot doctor`: what is wrong on this server, before residents notice. One line
//! per check, ✓ or ✗ with what to do; nothing is changed (no migration, no file
//! created), so it is safe to run beside a running bot.

use std::collections::HashMap;
use std::io::Write;
use std::time::Duration;

use teloxide::prelude::*;

use crate::kernel::members::areas;
use crate::platform::config::{Backend, Config};
use crate::platform::db::Db;

/// Longest wait for one remote answer (Telegram, the database, a feed or webhook).
const TIMEOUT: Duration = Duration::from_secs(10);
/// Zones Indonesia uses: WIB, WITA, WIT.
const INDONESIAN_ZONES: [&str; 5] = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura", "Asia/Ujung_Pandang"];

/// One check's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub ok: bool,
    pub check: &'static str,
    pub text: String,
}

impl Line {
    fn ok(check: &'static str, text: impl Into<String>) -> Self {
        Self { ok: true, check, text: text.into() }
    }
    fn fail(check: &'static str, text: impl Into<String>) -> Self {
        Self { ok: false, check, text: text.into() }
    }
}

impl std::fmt::Display for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", if self.ok { "✓" } else { "✗" }, self.check, self.text)
    }
}

/// Runs every check on the settings in `env`, printing each line to `out` as it
/// is known; returns the lines (all `ok`: healthy).
pub async fn run(env: &HashMap<String, String>, out: &mut dyn Write) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut say = |line: Line, lines: &mut Vec<Line>| {
        let _ = writeln!(out, "{line}");
        lines.push(line);
    };
    let config = match Config::from_map(env) {
        Ok(config) => config,
        Err(error) => {
            say(Line::fail("configuration", format!("{error}")), &mut lines);
            return lines;
        }
    };
    say(Line::ok("configuration", "every setting parses"), &mut lines);
    for line in telegram(&config).await {
        say(line, &mut lines);
    }
    say(time_zone(&config), &mut lines);
    say(admins(&config), &mut lines);
    match database(&config).await {
        Ok(db) => {
            say(Line::ok("database", format!("{} answers", backend_name(config.backend))), &mut lines);
            say(migrations(&db).await, &mut lines);
            say(areas_loaded(&db).await, &mut lines);
            for line in outbound(&db, &config).await {
                say(line, &mut lines);
            }
            db.close().await;
        }
        Err(line) => say(line, &mut lines),
    }
    lines
}

fn backend_name(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "SQLite",
        Backend::Postgres => "PostgreSQL",
    }
}

/// getMe (token and reachability), then getWebhookInfo (pending updates, last error).
async fn telegram(config: &Config) -> Vec<Line> {
    let token = match config.require_token() {
        Ok(token) => token,
        Err(error) => return vec![Line::fail("telegram", error.to_string())],
    };
    let mut bot = Bot::new(token.expose());
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    let api = bot.api_url().to_string();
    let me = match tokio::time::timeout(TIMEOUT, bot.get_me()).await {
        Ok(Ok(me)) => me,
        Ok(Err(error)) => {
            return vec![Line::fail("telegram", format!("getMe at {api} failed: {error}; check TELOXIDE_TOKEN (from @BotFather) and TELOXIDE_API_URL, and that this server reaches {api} (outbound HTTPS)"))];
        }
        Err(_) => return vec![Line::fail("telegram", format!("no answer from {api} within {} s; check outbound HTTPS to it", TIMEOUT.as_secs()))],
    };
    let mut lines = vec![Line::ok("telegram", format!("token works: @{} (id {})", me.username(), me.id))];
    lines.push(match tokio::time::timeout(TIMEOUT, bot.get_webhook_info()).await {
        Ok(Ok(info)) => webhook_line(config, &info),
        Ok(Err(error)) => Line::fail("telegram webhook", format!("getWebhookInfo failed: {error}")),
        Err(_) => Line::fail("telegram webhook", format!("getWebhookInfo: no answer within {} s", TIMEOUT.as_secs())),
    });
    lines
}

fn webhook_line(config: &Config, info: &teloxide::types::WebhookInfo) -> Line {
    let pending = info.pending_update_count;
    let mode = match (&info.url, &config.telegram_webhook) {
        (None, None) => "none set (long polling)".to_string(),
        (None, Some(_)) => "none set yet; `kimbot run` sets KIMBOT_TELEGRAM_WEBHOOK_URL".to_string(),
        (Some(url), None) => format!("set to {url}; `kimbot run` removes it and long-polls"),
        (Some(url), Some(_)) => format!("set to {url}"),
    };
    match (&info.last_error_message, info.last_error_date) {
        (Some(message), when) => {
            let when = when.map(|t| t.to_rfc3339()).unwrap_or_default();
            Line::fail(
                "telegram webhook",
                format!("{mode}, {pending} update(s) pending; Telegram's last error ({when}): {message}; check that the URL reaches this kimbot through the reverse proxy"),
            )
        }
        (None, _) => Line::ok("telegram webhook", format!("{mode}, {pending} update(s) pending, no delivery errors")),
    }
}

fn time_zone(config: &Config) -> Line {
    let name = config.tz.name();
    let now = chrono::Utc::now().with_timezone(&config.tz).format("%Y-%m-%d %H:%M %Z");
    if INDONESIAN_ZONES.contains(&name) {
        Line::ok("time zone", format!("{name}, now {now}"))
    } else {
        Line::fail("time zone", format!("KIMBOT_TZ is {name}, not an Indonesian zone; set Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)"))
    }
}

fn admins(config: &Config) -> Line {
    match config.admins.len() {
        0 => Line::fail("admins", "KIMBOT_ADMINS is empty; list the Telegram user ids of the first admins (they invite staff with /undang staf)"),
        n => Line::ok("admins", format!("{n} in KIMBOT_ADMINS")),
    }
}

/// Opens the database without creating it (a SQLite `mode=rwc` becomes `rw`).
async fn database(config: &Config) -> Result<Db, Line> {
    let url = config.database_url.replace("mode=rwc", "mode=rw");
    match tokio::time::timeout(TIMEOUT, Db::connect(&url, config.backend)).await {
        Ok(Ok(db)) => Ok(db),
        Ok(Err(error)) => Err(Line::fail("database", format!("cannot open it: {error}; check DATABASE_URL (a new SQLite file is made by `kimbot migrate`)"))),
        Err(_) => Err(Line::fail("database", format!("no answer within {} s; check DATABASE_URL and that the server runs", TIMEOUT.as_secs()))),
    }
}

async fn migrations(db: &Db) -> Line {
    match db.pending_migrations().await {
        Ok(pending) if pending.is_empty() => Line::ok("migrations", "current"),
        Ok(pending) => Line::fail("migrations", format!("{} not applied; run `kimbot migrate` (or start `kimbot run`, which migrates)", pending.len())),
        Err(error) => Line::fail("migrations", format!("none applied ({error}); run `kimbot migrate`")),
    }
}

async fn areas_loaded(db: &Db) -> Line {
    match areas::count_kims(db).await {
        Ok(0) => Line::fail("areas", "no KIMs loaded; run `kimbot areas import FILE` (columns kota,kecamatan,kelurahan,kim_code,kim_name[,kode_wilayah]) or `kimbot areas import --wilayah CODE --kims` (e.g. 16.71)"),
        Ok(n) => Line::ok("areas", format!("{n} KIMs loaded")),
        Err(error) => Line::fail("areas", format!("cannot read them: {error}")),
    }
}

/// A HEAD request to every feed and webhook endpoint, through the same address
/// guard as the real requests: any HTTP answer counts as reachable.
async fn outbound(db: &Db, config: &Config) -> Vec<Line> {
    let mut targets: Vec<(String, String)> = Vec::new();
    match crate::features::feeds::store::list(db).await {
        Ok(feeds) => targets.extend(feeds.into_iter().map(|f| (format!("feed {}", f.id), f.url))),
        Err(error) => return vec![Line::fail("outbound", format!("cannot list feeds: {error}"))],
    }
    match crate::features::webhooks::store::endpoints(db).await {
        Ok(endpoints) => targets.extend(endpoints.into_iter().map(|e| (format!("webhook {}", e.id), e.url))),
        Err(error) => return vec![Line::fail("outbound", format!("cannot list webhooks: {error}"))],
    }
    if targets.is_empty() {
        return vec![Line::ok("outbound", "no feeds or webhooks configured")];
    }
    let client = crate::features::webhooks::send::client(TIMEOUT, config.outbound);
    let mut lines = Vec::new();
    for (what, url) in targets {
        let blocked = url::Url::parse(&url).map_err(|e| e.to_string()).and_then(|u| config.outbound.check_url(&u).map_err(|e| e.to_string()));
        let line = match blocked {
            Err(why) => Line::fail("outbound", format!("{what} {url}: {why}")),
            Ok(()) => match client.head(&url).send().await {
                Ok(answer) => Line::ok("outbound", format!("{what} {url}: reachable (HTTP {})", answer.status().as_u16())),
                Err(error) => Line::fail("outbound", format!("{what} {url}: not reachable ({error}); check the address and this server's outbound firewall")),
            },
        };
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_as_mark_check_and_advice() {
        assert_eq!(Line::ok("areas", "12 KIMs loaded").to_string(), "✓ areas: 12 KIMs loaded");
        assert_eq!(Line::fail("admins", "empty").to_string(), "✗ admins: empty");
    }
}
