//! Fault injection and Telegram's flood limits.
//!
//! Real Telegram fails in a handful of well-known ways (flood control, kicked
//! bots, migrated groups, flaky gateways). The bot under test must cope with
//! each of them, so tests can script them here instead of hoping they happen.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How a scripted failure answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// 429 `Too Many Requests: retry after N` with `parameters.retry_after`.
    TooManyRequests { retry_after: u32 },
    /// 403 with the given description, e.g. `Forbidden: bot was kicked from the group chat`.
    Forbidden(String),
    /// 400 `group chat was upgraded to a supergroup chat` with `parameters.migrate_to_chat_id`.
    Migrated { to: i64 },
    /// 400 with the given description (a `Bad Request: ` prefix is added when missing).
    BadRequest(String),
    /// 500 `Internal Server Error`. Note: teloxide sleeps 10 s on any 5xx before returning.
    ServerError,
    /// Answer normally, but only after this delay.
    Slow(Duration),
}

/// A scripted failure: which calls it hits and how many times it fires.
#[derive(Clone, Debug)]
pub struct FailRule {
    /// Lowercase method name; `None` matches every method except `getUpdates`.
    pub method: Option<String>,
    /// Only calls whose `chat_id` parameter equals this.
    pub chat_id: Option<i64>,
    /// How many more times the rule fires.
    pub times: u32,
    pub failure: Failure,
}

impl FailRule {
    /// A rule for one method (matched case-insensitively), firing once.
    pub fn method(method: &str, failure: Failure) -> Self {
        Self {
            method: Some(method.to_ascii_lowercase()),
            chat_id: None,
            times: 1,
            failure,
        }
    }

    /// A rule for any method except `getUpdates` (so the polling loop is not
    /// disturbed unless asked for by name), firing once.
    pub fn any(failure: Failure) -> Self {
        Self {
            method: None,
            chat_id: None,
            times: 1,
            failure,
        }
    }

    /// Restrict the rule to calls addressed to `chat_id`.
    pub fn for_chat(mut self, chat_id: i64) -> Self {
        self.chat_id = Some(chat_id);
        self
    }

    /// Fire `n` times instead of once.
    pub fn times(mut self, n: u32) -> Self {
        self.times = n;
        self
    }

    fn matches(&self, method: &str, chat_id: Option<i64>) -> bool {
        let method_ok = match &self.method {
            Some(m) => m == method,
            None => method != "getupdates",
        };
        let chat_ok = self.chat_id.is_none() || self.chat_id == chat_id;
        method_ok && chat_ok && self.times > 0
    }
}

/// An error answer in Telegram's shape.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiErr {
    pub code: u16,
    pub description: String,
    pub parameters: Option<Value>,
}

impl ApiErr {
    pub fn bad_request(what: &str) -> Self {
        let description = if what.starts_with("Bad Request") {
            what.to_owned()
        } else {
            format!("Bad Request: {what}")
        };
        Self {
            code: 400,
            description,
            parameters: None,
        }
    }

    pub fn forbidden(what: &str) -> Self {
        let description = if what.starts_with("Forbidden") {
            what.to_owned()
        } else {
            format!("Forbidden: {what}")
        };
        Self {
            code: 403,
            description,
            parameters: None,
        }
    }

    pub fn too_many(retry_after: u32) -> Self {
        Self {
            code: 429,
            description: format!("Too Many Requests: retry after {retry_after}"),
            parameters: Some(json!({ "retry_after": retry_after })),
        }
    }

    pub fn migrated(to: i64) -> Self {
        Self {
            code: 400,
            description: "Bad Request: group chat was upgraded to a supergroup chat".into(),
            parameters: Some(json!({ "migrate_to_chat_id": to })),
        }
    }

    /// The JSON body Telegram would send.
    pub fn to_json(&self) -> Value {
        let mut v =
            json!({ "ok": false, "error_code": self.code, "description": self.description });
        if let Some(p) = &self.parameters {
            v["parameters"] = p.clone();
        }
        v
    }
}

impl Failure {
    /// The error answer, or `None` for [`Failure::Slow`] (which answers normally).
    pub fn to_error(&self) -> Option<ApiErr> {
        Some(match self {
            Failure::TooManyRequests { retry_after } => ApiErr::too_many(*retry_after),
            Failure::Forbidden(d) => ApiErr::forbidden(d),
            Failure::Migrated { to } => ApiErr::migrated(*to),
            Failure::BadRequest(d) => ApiErr::bad_request(d),
            Failure::ServerError => ApiErr {
                code: 500,
                description: "Internal Server Error".into(),
                parameters: None,
            },
            Failure::Slow(_) => return None,
        })
    }
}

/// Telegram's documented flood limits; enforced only after
/// [`FakeTelegram::enforce_limits`](crate::FakeTelegram::enforce_limits).
#[derive(Clone, Debug, PartialEq)]
pub struct Limits {
    /// Sends allowed into one group/supergroup (negative id) per `group_window`.
    pub group_max: usize,
    pub group_window: Duration,
    /// Sends allowed into one private chat per `private_window`: "about 1/s"
    /// with a small burst allowance, as Telegram tolerates short bursts.
    pub private_max: usize,
    pub private_window: Duration,
    /// Sends allowed across all chats per `global_window`.
    pub global_max: usize,
    pub global_window: Duration,
    /// Sends with `allow_paid_broadcast` allowed across all chats per `paid_window`
    /// (Telegram: 1,000/s); counted apart from `global_max`, per-chat limits still apply.
    pub paid_max: usize,
    pub paid_window: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            group_max: 20,
            group_window: Duration::from_secs(60),
            private_max: 5,
            private_window: Duration::from_secs(5),
            global_max: 30,
            global_window: Duration::from_secs(1),
            paid_max: 1000,
            paid_window: Duration::from_secs(1),
        }
    }
}

/// Counters a test can assert on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Successful `send*` calls (messages that were stored).
    pub sends_ok: u64,
    /// All 429 answers, scripted or from limit enforcement.
    pub too_many_requests: u64,
    /// Limit violations (429 from enforcement) per chat.
    pub violations_per_chat: HashMap<i64, u32>,
    /// Violations of the global per-second limit (also counted per chat).
    pub global_violations: u32,
    /// Successful sends that carried `allow_paid_broadcast`.
    pub paid_sends_ok: u64,
    /// Violations of the paid broadcast limit (also counted per chat).
    pub paid_violations: u32,
    /// Scripted failures that fired (including `Slow`).
    pub injected_failures: u64,
    /// Names of methods the fake does not know (answered `true`).
    pub unknown_methods: Vec<String>,
    /// Webhook POSTs answered 2xx.
    pub webhook_deliveries: u64,
    /// Webhook POSTs that failed (error status, refused connection, timeout).
    pub webhook_failures: u64,
    /// Calls that arrived while an outage was on, all methods.
    pub outage_requests: u64,
    /// The same, per lowercase method name.
    pub outage_requests_by_method: HashMap<String, u64>,
}

/// Rules, limit windows and counters; lives inside the shared state.
#[derive(Debug, Default)]
pub struct Faults {
    pub(crate) rules: Vec<FailRule>,
    pub(crate) enforce: bool,
    pub(crate) limits: Limits,
    pub(crate) outage: Option<Outage>,
    per_chat: HashMap<i64, VecDeque<Instant>>,
    global: VecDeque<Instant>,
    paid: VecDeque<Instant>,
}

impl Faults {
    /// Takes one firing of the first rule matching this call.
    pub(crate) fn take_rule(&mut self, method: &str, chat_id: Option<i64>) -> Option<Failure> {
        let idx = self.rules.iter().position(|r| r.matches(method, chat_id))?;
        let rule = &mut self.rules[idx];
        rule.times -= 1;
        let failure = rule.failure.clone();
        if rule.times == 0 {
            self.rules.remove(idx);
        }
        Some(failure)
    }

    /// Checks the flood limits for one send into `chat_id` and, if allowed,
    /// records it. Returns `Err(retry_after)` on a violation (not recorded,
    /// as a refused message was never delivered).
    pub(crate) fn check_send(&mut self, chat_id: i64, stats: &mut Stats) -> Result<(), u32> {
        self.check_send_lane(chat_id, false, stats)
    }

    /// [`Faults::check_send`] for a send that may carry `allow_paid_broadcast`
    /// (`paid`): it counts against the paid window instead of the global one.
    pub(crate) fn check_send_lane(&mut self, chat_id: i64, paid: bool, stats: &mut Stats) -> Result<(), u32> {
        if !self.enforce {
            stats.paid_sends_ok += u64::from(paid);
            return Ok(());
        }
        let now = Instant::now();
        let l = &self.limits;
        let (max, window) = if chat_id < 0 {
            (l.group_max, l.group_window)
        } else {
            (l.private_max, l.private_window)
        };
        let chat = self.per_chat.entry(chat_id).or_default();
        prune(chat, now, window);
        let (lane, lane_max, lane_window) =
            if paid { (&mut self.paid, l.paid_max, l.paid_window) } else { (&mut self.global, l.global_max, l.global_window) };
        prune(lane, now, lane_window);
        let chat_wait = wait_needed(chat, max, window, now);
        let global_wait = wait_needed(lane, lane_max, lane_window, now);
        if chat_wait.is_none() && global_wait.is_none() {
            chat.push_back(now);
            lane.push_back(now);
            stats.paid_sends_ok += u64::from(paid);
            return Ok(());
        }
        match (global_wait.is_some(), paid) {
            (true, true) => stats.paid_violations += 1,
            (true, false) => stats.global_violations += 1,
            _ => {}
        }
        *stats.violations_per_chat.entry(chat_id).or_default() += 1;
        let wait = chat_wait.max(global_wait).unwrap_or_default();
        Err(wait.as_secs_f64().ceil().max(1.0) as u32)
    }
}

fn prune(q: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while q.front().is_some_and(|t| now.duration_since(*t) >= window) {
        q.pop_front();
    }
}

/// How long until one more send fits into the window, if it does not now.
fn wait_needed(
    q: &VecDeque<Instant>,
    max: usize,
    window: Duration,
    now: Instant,
) -> Option<Duration> {
    if q.len() < max {
        return None;
    }
    let Some(oldest_blocking) = q.len().checked_sub(max).and_then(|i| q.get(i)) else {
        return Some(window);
    };
    Some(window.saturating_sub(now.duration_since(*oldest_blocking)))
}

/// How Telegram answers while it is down ([`crate::FakeTelegram::begin_outage`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutageMode {
    /// Every call gets `502 Bad Gateway` at once (Telegram's front ends are up,
    /// the Bot API behind them is not).
    BadGateway,
    /// Every call hangs with no answer until the outage ends (the client gives up
    /// first, on its own timeout); then `504 Gateway Timeout`.
    Timeout,
    /// Calls alternate between the two.
    Mixed,
}

/// An outage in progress: every method fails, webhook delivery pauses, and every
/// call is counted (to check that the bot backs off instead of hammering).
#[derive(Clone, Debug)]
pub(crate) struct Outage {
    pub(crate) mode: OutageMode,
    pub(crate) calls: u64,
}

impl Outage {
    /// Whether the next call should hang (else it gets a 502).
    pub(crate) fn next_hangs(&mut self) -> bool {
        self.calls += 1;
        match self.mode {
            OutageMode::BadGateway => false,
            OutageMode::Timeout => true,
            OutageMode::Mixed => self.calls.is_multiple_of(2),
        }
    }
}

/// `502 Bad Gateway` in Telegram's envelope.
pub(crate) fn bad_gateway() -> ApiErr {
    ApiErr { code: 502, description: "Bad Gateway".into(), parameters: None }
}

/// `504 Gateway Timeout`, for a hung call answered when the outage ends.
pub(crate) fn gateway_timeout() -> ApiErr {
    ApiErr { code: 504, description: "Gateway Timeout".into(), parameters: None }
}
