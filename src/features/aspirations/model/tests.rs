use super::*;
use Status::*;
use crate::kernel::members::{Actor, Kim, KimId, UserId};

/// from, to, note, expected outcome.
type Case = (Status, Status, Option<&'static str>, Result<Status, TransitionError>);

#[test]
fn the_status_flow_allows_forward_steps_and_refuses_the_rest() {
    use TransitionError::*;
    let note = Some("Sudah diperbaiki oleh Dinas PU");
    let cases: &[Case] = &[
        (Diterima, Diteruskan, None, Ok(Diteruskan)),
        (Diterima, Ditindaklanjuti, Some("dijadwalkan"), Ok(Ditindaklanjuti)),
        (Diterima, Ditindaklanjuti, None, Err(NoteRequired)),
        (Diterima, Selesai, note, Ok(Selesai)),
        (Diterima, Ditolak, note, Ok(Ditolak)),
        (Diteruskan, Ditindaklanjuti, Some("dijadwalkan"), Ok(Ditindaklanjuti)),
        (Diteruskan, Ditolak, note, Ok(Ditolak)),
        (Ditindaklanjuti, Selesai, note, Ok(Selesai)),
        (Diterima, Selesai, None, Err(NoteRequired)),
        (Ditindaklanjuti, Ditolak, Some("   "), Err(NoteRequired)),
        (Diterima, Diterima, None, Err(Backwards)),
        (Diteruskan, Diterima, None, Err(Backwards)),
        (Ditindaklanjuti, Diteruskan, None, Err(Backwards)),
        (Selesai, Ditolak, note, Err(Closed)),
        (Ditolak, Selesai, note, Err(Closed)),
        (Selesai, Diterima, None, Err(Closed)),
    ];
    for (from, to, note, want) in cases {
        let got = transition(*from, *to, *note).map(|(s, _)| s);
        assert_eq!(&got, want, "{from:?} -> {to:?} with {note:?}");
    }
}

#[test]
fn notes_are_trimmed_and_limited() {
    let closing = "  Lampu sudah diganti petugas PLN  ";
    assert_eq!(transition(Diterima, Selesai, Some(closing)), Ok((Selesai, Some(closing.trim().into()))));
    assert_eq!(transition(Diterima, Diteruskan, Some("ok")), Ok((Diteruskan, Some("ok".into()))));
    assert_eq!(transition(Diterima, Diteruskan, Some(" ")), Ok((Diteruskan, None)));
    let long = "a".repeat(NOTE_MAX + 1);
    assert_eq!(transition(Diterima, Ditolak, Some(&long)), Err(TransitionError::NoteTooLong));
}

#[test]
fn a_closing_note_must_say_something() {
    let cases = [
        ("ok", Err(TransitionError::NoteTooShort)),
        ("beres", Err(TransitionError::NoteTooShort)),
        ("sudah diperbaiki", Err(TransitionError::NoteTooShort)),
        ("sudah sudah sudah", Ok(Selesai)),
        ("Sudah diperbaiki Dinas PU", Ok(Selesai)),
        ("Bukan wewenang_pemerintah_kota_sama_sekali", Err(TransitionError::NoteTooShort)),
    ];
    for (note, want) in cases {
        assert_eq!(transition(Diterima, Selesai, Some(note)).map(|(s, _)| s), want, "{note:?}");
        assert_eq!(transition(Diterima, Ditolak, Some(note)).is_ok(), want.is_ok(), "{note:?} for Ditolak");
    }
}

#[test]
fn next_steps_offer_only_legal_moves() {
    assert_eq!(Diterima.next_steps(), vec![Diteruskan, Ditindaklanjuti, Selesai, Ditolak]);
    assert_eq!(Ditindaklanjuti.next_steps(), vec![Selesai, Ditolak]);
    assert!(Selesai.next_steps().is_empty() && Ditolak.next_steps().is_empty());
}

#[test]
fn codes_round_trip() {
    for s in Status::ALL {
        assert_eq!(Status::parse(s.as_str()), Some(s));
        assert_eq!(Status::from_short(s.short()), Some(s));
    }
    for c in Category::ALL {
        assert_eq!(Category::parse(c.code()), Some(c));
    }
    assert_eq!(Status::parse("DITERIMA"), None);
}

#[test]
fn every_category_and_status_has_a_label_in_both_languages() {
    use crate::platform::i18n::{Lang, t};
    for lang in Lang::ALL {
        for c in Category::ALL {
            assert_ne!(t(lang, &c.message_key()), c.message_key());
        }
        for s in Status::ALL {
            assert_ne!(t(lang, &s.message_key()), s.message_key());
        }
    }
}

#[test]
fn aspiration_texts_are_checked_in_characters() {
    assert_eq!(check_text("  Jalan rusak di RT 05  "), Ok("Jalan rusak di RT 05".into()));
    assert_eq!(check_text("rusak"), Err(TextError::TooShort { len: 5 }));
    assert_eq!(check_text(&"x".repeat(5000)), Err(TextError::TooLong { len: 5000 }));
    assert!(check_text(&"é".repeat(TEXT_MAX)).is_ok(), "2000 two-byte characters fit");
    assert_eq!(check_free_text("  ", 10), Err(0));
    assert_eq!(check_free_text("ok", 10), Ok("ok".into()));
}

#[test]
fn ticket_numbers_format_and_parse() {
    assert_eq!(ticket_number(2026, 123), "ASP-2026-000123");
    assert_eq!(ticket_number(2026, 1_234_567), "ASP-2026-1234567");
    let cases = [
        ("ASP-2026-000123", Some("ASP-2026-000123")),
        (" asp-2026-123 ", Some("ASP-2026-000123")),
        ("ASP-26-000123", None),
        ("ASP-2026-", None),
        ("ASP-2026-12a", None),
        ("TIK-2026-000123", None),
    ];
    for (typed, want) in cases {
        assert_eq!(parse_ticket_number(typed).as_deref(), want, "{typed}");
    }
}

#[test]
fn the_ticket_year_is_the_local_year() {
    // 2025-12-31 18:30 UTC is 2026-01-01 01:30 in Jakarta.
    let new_years_eve_utc = 1_767_205_800;
    assert_eq!(year_in(new_years_eve_utc, chrono_tz::UTC), 2025);
    assert_eq!(year_in(new_years_eve_utc, chrono_tz::Asia::Jakarta), 2026);
    assert_eq!(local_time(new_years_eve_utc, chrono_tz::Asia::Jakarta), "01/01/2026 01:30 WIB");
    assert_eq!(zone(Some("Asia/Jayapura"), chrono_tz::Asia::Jakarta), chrono_tz::Asia::Jayapura);
    assert_eq!(zone(Some("Mars/Base"), chrono_tz::Asia::Jakarta), chrono_tz::Asia::Jakarta);
}

#[test]
fn locations_become_map_links() {
    let p = GeoPoint::from_degrees(-2.976074, 104.775431).unwrap();
    assert_eq!(p.map_link(), "https://maps.google.com/?q=-2.976074,104.775431");
    let small = GeoPoint::from_degrees(-0.5, 0.25).unwrap();
    assert_eq!(small.map_link(), "https://maps.google.com/?q=-0.500000,0.250000");
    assert_eq!(GeoPoint::from_degrees(91.0, 0.0), None);
}

#[test]
fn staff_triage_coordinators_read_and_others_see_nothing() {
    let kim = Kim { id: KimId(7), code: "K".into(), name: "K".into(), kelurahan_id: 3, area_path: "Kota A/Kec B/Kel C".into() };
    let resident = Actor { user_id: UserId(1), ..Default::default() };
    let cases = [
        (resident.clone(), Access::None),
        (Actor { coordinator_kims: vec![KimId(7)], ..resident.clone() }, Access::ReadOnly),
        (Actor { coordinator_kims: vec![KimId(8)], ..resident.clone() }, Access::None),
        (Actor { staff_areas: vec!["Kota A/Kec B".into()], ..resident.clone() }, Access::Triage),
        (Actor { staff_areas: vec!["Kota A".into()], ..resident.clone() }, Access::Triage),
        (Actor { staff_areas: vec!["Kota A/Kec BB".into()], ..resident.clone() }, Access::None),
        (Actor { is_admin: true, ..resident.clone() }, Access::Triage),
    ];
    for (actor, want) in cases {
        assert_eq!(access(&actor, &kim), want, "{actor:?}");
    }
}

#[test]
fn only_a_closed_ticket_may_be_reopened_and_only_once() {
    let cases = [
        (Status::Selesai, false, Ok(Status::Ditindaklanjuti)),
        (Status::Ditolak, false, Ok(Status::Ditindaklanjuti)),
        (Status::Selesai, true, Err(ReopenError::AlreadyReopened)),
        (Status::Ditindaklanjuti, true, Err(ReopenError::AlreadyReopened)),
        (Status::Diterima, false, Err(ReopenError::NotClosed)),
        (Status::Ditindaklanjuti, false, Err(ReopenError::NotClosed)),
    ];
    for (status, before, want) in cases {
        assert_eq!(check_reopen(status, before), want, "{status:?} reopened before: {before}");
    }
    assert!(check_move(REOPENED, Status::Selesai).is_ok(), "a reopened ticket can be closed again");
}

#[test]
fn ticket_sources_keep_the_strings_already_stored() {
    assert_eq!(SOURCE.of(12).to_string(), "aspiration:12");
}
