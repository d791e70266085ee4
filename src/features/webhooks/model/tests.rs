use super::*;

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

#[test]
fn event_lists_are_checked_and_normalised() {
    let events = parse_events(" aspiration.status_changed,aspiration.created,aspiration.created ").unwrap();
    assert_eq!(events, vec![Event::Created, Event::StatusChanged]);
    assert_eq!(events_text(&events), "aspiration.created,aspiration.status_changed");
    assert_eq!(parse_events("aspiration.deleted"), Err(InvalidEndpoint::UnknownEvent("aspiration.deleted".into())));
    assert_eq!(parse_events(" , "), Err(InvalidEndpoint::NoEvents));
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
