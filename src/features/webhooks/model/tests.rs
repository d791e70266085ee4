use super::*;
use crate::features::webhooks::payload::DeclaredEvent;

#[test]
fn the_backoff_starts_at_30_seconds_doubles_and_stops_at_an_hour() {
    let waits: Vec<i64> = (1..=10).map(backoff_secs).collect();
    assert_eq!(waits, vec![30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    assert_eq!(backoff_secs(1000), 3600);
}

#[test]
fn retries_go_on_for_a_day_from_the_first_try_then_stop() {
    let first = 1_000_000;
    assert_eq!(next_attempt(first, 1, first), Some(first + 30));
    assert_eq!(next_attempt(first, 3, first + 90), Some(first + 90 + 120));
    let almost = first + RETRY_WINDOW_SECS - 100;
    assert_eq!(next_attempt(first, 30, almost), Some(first + RETRY_WINDOW_SECS), "last try at the day's end");
    assert_eq!(next_attempt(first, 31, first + RETRY_WINDOW_SECS), None);
    assert_eq!(next_attempt(first, 2, first + RETRY_WINDOW_SECS + 5), None);
}

#[test]
fn a_whole_day_of_failures_takes_about_thirty_tries() {
    let first = 0;
    let (mut now, mut attempts) = (first, 1);
    while let Some(next) = next_attempt(first, attempts, now) {
        now = next;
        attempts += 1;
    }
    assert_eq!(now, RETRY_WINDOW_SECS);
    assert!((25..=35).contains(&attempts), "{attempts}");
}

#[test]
fn endpoint_urls_must_be_http_or_https_with_a_host() {
    assert!(check_url("https://example.go.id/hook").is_ok());
    assert!(check_url("http://127.0.0.1:8080/x?y=1").is_ok());
    let cases = [
        ("ftp://example.go.id/x", "http:// or https://"),
        ("example.go.id/hook", "not a valid URL"),
        ("mailto:staf@example.go.id", "http:// or https://"),
        ("https://", "not a valid URL"),
    ];
    for (url, says) in cases {
        let err = check_url(url).unwrap_err().to_string();
        assert!(err.contains(says), "{url}: {err}");
    }
}

fn no_body<'a>(_: &'a crate::platform::db::Db, _: &'a crate::features::webhooks::queue::Claimed) -> crate::features::webhooks::payload::Body<'a> {
    Box::pin(async { Ok(None) })
}

fn no_number(_: &crate::platform::db::Db, _: i64) -> crate::features::webhooks::payload::Number<'_> {
    Box::pin(async { Ok(None) })
}

static OPENED: DeclaredEvent = DeclaredEvent { name: "thing.opened", body: no_body, number: no_number };
static MOVED: DeclaredEvent = DeclaredEvent { name: "thing.moved", body: no_body, number: no_number };
static CLOSED: DeclaredEvent = DeclaredEvent { name: "thing.closed", body: no_body, number: no_number };
static KNOWN: [Event; 3] = [&OPENED, &MOVED, &CLOSED];

#[test]
fn event_lists_are_checked_and_normalised() {
    let events = parse_events(" thing.moved,thing.opened,thing.opened ", &KNOWN).unwrap();
    assert_eq!(events, vec![&OPENED, &MOVED]);
    assert_eq!(events_text(&events), "thing.opened,thing.moved");
    let unknown = parse_events("thing.deleted", &KNOWN).unwrap_err().to_string();
    assert_eq!(unknown, r#"unknown event "thing.deleted"; known events: thing.opened, thing.moved, thing.closed"#);
    let none = parse_events(" , ", &KNOWN).unwrap_err().to_string();
    assert_eq!(none, "no events given: use e.g. --events thing.opened,thing.moved");
}

#[test]
fn secrets_are_long_enough_and_generated_ones_are_unique() {
    assert_eq!(check_secret("short"), Err(InvalidEndpoint::ShortSecret(5)));
    assert!(check_secret(&new_secret()).is_ok());
    assert_ne!(new_secret(), new_secret());
}

#[test]
fn delivery_ids_look_like_uuid_v4_and_differ() {
    let id = new_delivery_id();
    assert_eq!(id.len(), 36);
    assert_eq!(id.as_bytes()[14], b'4', "{id}");
    assert_eq!(id.matches('-').count(), 4);
    assert_ne!(id, new_delivery_id());
}
