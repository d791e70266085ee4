use std::collections::BTreeSet;

use chrono::{NaiveDate, TimeZone};

use super::*;
use crate::platform::workdays::WorkCalendar;

const WIB: Tz = chrono_tz::Asia::Jakarta;

/// Unix seconds of a local WIB time.
fn wib(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
    WIB.with_ymd_and_hms(y, m, d, h, min, 0).unwrap().timestamp()
}

/// The defaults (3 / 5 / 10) with extra days off.
fn sla_with(extra: &[(i32, u32, u32)]) -> SlaConfig {
    let days: BTreeSet<NaiveDate> = extra.iter().map(|(y, m, d)| NaiveDate::from_ymd_opt(*y, *m, *d).unwrap()).collect();
    SlaConfig { calendar: WorkCalendar::indonesia(days), ..SlaConfig::default() }
}

#[test]
fn reminder_and_deadline_instants_skip_weekends_and_holidays() {
    let plain = sla_with(&[]);
    let tuesday_off = sla_with(&[(2026, 12, 8)]);
    // (name, config, stage, start, reminder at 80 %, deadline at 100 %)
    let cases = [
        ("office from monday", &plain, Stage::Office, wib(2026, 12, 7, 9, 0), wib(2026, 12, 9, 18, 36), wib(2026, 12, 10, 9, 0)),
        ("response from thursday over a weekend", &plain, Stage::OpdResponse, wib(2026, 12, 3, 10, 0), wib(2026, 12, 9, 10, 0), wib(2026, 12, 10, 10, 0)),
        ("response from thursday over a weekend and a holiday", &tuesday_off, Stage::OpdResponse, wib(2026, 12, 3, 10, 0), wib(2026, 12, 10, 10, 0), wib(2026, 12, 11, 10, 0)),
        // Christmas (24–25 Dec 2026), New Year and Isra Mikraj (5 Jan 2027) are built in.
        ("done over christmas and new year", &plain, Stage::OpdDone, wib(2026, 12, 17, 10, 0), wib(2026, 12, 31, 10, 0), wib(2027, 1, 6, 10, 0)),
    ];
    for (name, sla, stage, start, remind, due) in cases {
        let clock = StageClock::new(sla, stage, start, WIB).unwrap();
        assert_eq!((clock.remind_at, clock.due_at), (remind, due), "{name}");
        assert_eq!(clock.level_at(remind - 1), None, "{name}: nothing before 80 %");
        assert_eq!(clock.level_at(remind), Some(Level::Reminder), "{name}");
        assert_eq!(clock.level_at(due - 1), Some(Level::Reminder), "{name}");
        assert_eq!(clock.level_at(due), Some(Level::Escalation), "{name}");
        for level in [Level::Reminder, Level::Escalation] {
            let at = if level == Level::Reminder { remind } else { due };
            assert!(start <= StageClock::earliest_start_due(at, clock.days, level), "{name}: the SQL pre-filter keeps it");
        }
    }
}

#[test]
fn a_stage_turned_off_has_no_clock() {
    let sla = SlaConfig { opd_response_days: 0, ..SlaConfig::default() };
    assert_eq!(StageClock::new(&sla, Stage::OpdResponse, 0, WIB), None);
    let held = Facts {
        status: Status::Diteruskan,
        created_at: 0,
        staff_replied: false,
        disposition: Some(AgencyTimes { disposed_at: 100, first_response_at: None, open: true }),
    };
    assert_eq!(running(&sla, &held, WIB).map(|c| c.stage), Some(Stage::OpdDone), "the done clock still runs");
}

#[test]
fn the_running_stage_follows_the_ticket() {
    let sla = SlaConfig::default();
    let new = Facts { status: Status::Diterima, created_at: wib(2026, 12, 7, 9, 0), staff_replied: false, disposition: None };
    let sent = AgencyTimes { disposed_at: wib(2026, 12, 8, 9, 0), first_response_at: None, open: true };
    let cases = [
        ("new and unanswered", new, Some(Stage::Office)),
        ("answered by a staff reply", Facts { staff_replied: true, ..new }, None),
        ("forwarded without an agency", Facts { status: Status::Diteruskan, ..new }, None),
        ("at an agency, no response yet", Facts { status: Status::Diteruskan, disposition: Some(sent), ..new }, Some(Stage::OpdResponse)),
        (
            "at an agency that answered",
            Facts { status: Status::Ditindaklanjuti, disposition: Some(AgencyTimes { first_response_at: Some(1), ..sent }), ..new },
            Some(Stage::OpdDone),
        ),
        ("returned to staff", Facts { disposition: Some(AgencyTimes { open: false, ..sent }), ..new }, Some(Stage::Office)),
        ("closed", Facts { status: Status::Selesai, disposition: Some(AgencyTimes { open: false, ..sent }), ..new }, None),
    ];
    for (name, facts, stage) in cases {
        assert_eq!(running(&sla, &facts, WIB).map(|c| c.stage), stage, "{name}");
    }
}

#[test]
fn time_left_counts_working_hours_and_says_when_the_deadline_passed() {
    let sla = SlaConfig::default();
    let facts = Facts { status: Status::Diterima, created_at: wib(2026, 12, 4, 10, 0), staff_replied: false, disposition: None };
    // Friday 10:00 + 3 working days: due Wednesday 10:00. Friday's last 14 hours are
    // used by Saturday, so 2 days 10 hours are left all weekend.
    let saturday = reading(&sla, &facts, wib(2026, 12, 5, 12, 0), WIB).unwrap();
    let last_hour = reading(&sla, &facts, wib(2026, 12, 9, 9, 30), WIB).unwrap();
    let late = reading(&sla, &facts, wib(2026, 12, 9, 10, 0), WIB).unwrap();

    assert_eq!((saturday.left, saturday.late), (2 * DAY + 10 * 3600, false));
    assert_eq!(left_text(Lang::Id, saturday.left), "2 hari 10 jam kerja");
    assert_eq!(left_text(Lang::En, 5 * 3600), "5 working hours");
    assert_eq!(left_text(Lang::Id, last_hour.left), "kurang dari 1 jam kerja");
    assert!(late.late && late.left == 0);
    let on_time = line(Lang::Id, &saturday, WIB);
    assert!(on_time.starts_with("⏱ Tanggapan Diskominfo: sisa 2 hari 10 jam kerja") && on_time.contains("09/12/2026 10:00"), "{on_time}");
    let past = line(Lang::En, &late, WIB);
    assert!(past.starts_with("⏰") && past.contains("past the 3 working days"), "{past}");
    assert_eq!(cell(Lang::Id, &late), "lewat batas");
}

#[test]
fn stage_and_level_codes_are_snake_case_and_round_trip() {
    for stage in Stage::ALL {
        assert_eq!(Stage::parse(stage.as_str()), Some(stage));
        for lang in Lang::ALL {
            assert!(!stage.label(lang).starts_with("asp-"), "{stage:?} has a label in {lang:?}");
        }
    }
    assert_eq!([Level::Reminder.as_str(), Level::Escalation.as_str()], ["reminder", "escalation"]);
}
