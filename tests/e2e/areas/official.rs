//! `kimbot areas import --wilayah 16.71 [--kecamatan …] [--kims]`: a whole city in one
//! command, narrowed to a kecamatan, idempotent, and joinable in `/start`.

use super::{areas_of_kind, kimbot_areas, kims};
use crate::support::{MessageExt, PersonExt, spawn_app, spawn_app_without_areas};

#[tokio::test]
async fn importing_kota_palembang_with_kims_gives_18_kecamatan_107_kims_and_a_resident_joins_one_in_start() {
    let mut app = spawn_app_without_areas().await;

    let out = kimbot_areas(&app, &["areas", "import", "--wilayah", "16.71", "--kims"]).await;

    assert!(out.contains("16.71 Kota Palembang") && out.contains("18 kecamatan, 107 kelurahan; 126 new areas, 107 new KIMs"), "{out}");
    assert_eq!((areas_of_kind(&app, "kota").await, areas_of_kind(&app, "kecamatan").await), (1, 18));
    assert_eq!((areas_of_kind(&app, "kelurahan").await, kims(&app).await), (107, 107));
    let list = kimbot_areas(&app, &["areas", "list"]).await;
    assert!(list.contains("ARIOKEMUNING\t16.71.09.1002\tKIM Ario Kemuning\tArio Kemuning, Kemuning, Kota Palembang\n"), "{list}");
    assert_eq!(list.lines().count(), 107);
    let audit = app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'area.import' AND actor IS NULL AND id > $1", 0).await;
    assert_eq!(audit, 1, "the import is in the audit log");

    app.start().await;
    let rina = app.user(2701, "Rina");
    rina.send("/start").await;
    rina.next_message().await;
    rina.press("Setuju").await;
    let menu = rina.next_message_skipping_edits().await;
    assert!(menu.has_button("Kemuning") && menu.has_button("Ilir Barat Satu") && menu.has_button("Jakabaring"), "{:?}", menu.button_labels());
    rina.press("Kemuning").await;
    let kelurahan = rina.next_message().await;
    assert_eq!(kelurahan.button_labels().len(), 7, "six kelurahan and back: {:?}", kelurahan.button_labels());
    rina.press("Ario Kemuning").await;
    let offered = rina.next_message().await;
    assert!(offered.has_button("KIM Ario Kemuning (ARIOKEMUNING)"), "{:?}", offered.button_labels());
    rina.press("KIM Ario Kemuning").await;
    let joined = rina.next_message().await;
    assert!(joined.text.contains("KIM Ario Kemuning") && joined.text.contains("Ario Kemuning, Kemuning, Kota Palembang"), "{}", joined.text);

    let tono = app.user(2702, "Tono");
    tono.send("/start 26ILIR1").await;
    tono.next_message().await;
    tono.press("Setuju").await;
    let joined = tono.next_message_skipping_edits().await;
    assert!(joined.text.contains("KIM Dua-puluh-enam Ilir Satu"), "the typed code of a long name: {}", joined.text);
}

#[tokio::test]
async fn a_kecamatan_narrows_the_import_and_running_it_again_changes_nothing() {
    let app = spawn_app_without_areas().await;

    let first = kimbot_areas(&app, &["areas", "import", "--wilayah", "16.71", "--kecamatan", "16.71.09", "--kims"]).await;
    let again = kimbot_areas(&app, &["areas", "import", "--wilayah", "16.71", "--kecamatan", "16.71.09", "--kims"]).await;

    assert!(first.contains("1 kecamatan, 6 kelurahan; 8 new areas, 6 new KIMs"), "{first}");
    assert!(again.contains("1 kecamatan, 6 kelurahan; 0 new areas, 0 new KIMs"), "{again}");
    assert_eq!((areas_of_kind(&app, "kecamatan").await, areas_of_kind(&app, "kelurahan").await, kims(&app).await), (1, 6, 6));

    let city = kimbot_areas(&app, &["areas", "import", "--wilayah", "16.71", "--kims"]).await;
    assert!(city.contains("18 kecamatan, 107 kelurahan; 118 new areas, 101 new KIMs"), "Kemuning is not made twice: {city}");
    assert_eq!(kims(&app).await, 107);
}

#[tokio::test]
async fn without_kims_only_areas_are_loaded_and_bad_codes_are_refused() {
    let app = spawn_app_without_areas().await;

    let out = kimbot_areas(&app, &["areas", "import", "--kecamatan", "16.71.04"]).await;

    assert!(out.contains("1 kecamatan, 6 kelurahan; 8 new areas, 0 new KIMs"), "{out}");
    assert_eq!(kims(&app).await, 0);
    let listed = kimbot_areas(&app, &["areas", "list", "--areas"]).await;
    assert_eq!(listed.lines().count(), 8, "{listed}");
    assert!(listed.contains("16.71.04\tkecamatan\tKota Palembang/Ilir Barat Satu\n"), "{listed}");
    assert!(listed.contains("16.71.04.1003\tkelurahan\tKota Palembang/Ilir Barat Satu/Dua-puluh-enam Ilir Satu\n"), "{listed}");
    for (args, error) in [
        (["areas", "import", "--wilayah", "1671"], "is not a kota/kabupaten code"),
        (["areas", "import", "--wilayah", "16.99"], "no kota/kabupaten 16.99"),
        (["areas", "import", "--kecamatan", "16.71.99"], "no kecamatan 16.71.99"),
    ] {
        let cli = <kimbot::tools::cli::Cli as clap::Parser>::try_parse_from(std::iter::once("kimbot").chain(args)).unwrap();
        let kimbot::tools::cli::Command::Areas { action } = cli.command else { unreachable!() };
        let err = kimbot::tools::areas_cli::run(&app.db, action, 0, &mut Vec::new()).await.unwrap_err();
        assert!(err.to_string().contains(error), "{args:?}: {err}");
    }
    assert!(<kimbot::tools::cli::Cli as clap::Parser>::try_parse_from(["kimbot", "areas", "import", "x.csv", "--wilayah", "16.71"]).is_err(), "a file or a code, not both");
}

#[tokio::test]
async fn the_coded_csv_and_the_official_list_meet_on_the_same_areas() {
    let app = spawn_app().await;

    let out = kimbot_areas(&app, &["areas", "import", "--kecamatan", "16.71.09", "--kims"]).await;

    assert!(out.contains("1 kecamatan, 6 kelurahan; 0 new areas, 0 new KIMs"), "every coded kelurahan is found again: {out}");
    let names = app.count("SELECT COUNT(*) FROM areas WHERE name = 'Sekip Jaya' AND code = '16.71.09.1003' AND id > $1", 0).await;
    assert_eq!(names, 1, "a name given before is kept (display names may differ from the list)");
    let list = kimbot_areas(&app, &["areas", "list"]).await;
    assert!(list.contains("KMN-KM\t-\tKIM Kemuning\t") && list.contains("IB1-BL\t16.71.04.1001\tKIM Bukit Lama\t"), "{list}");
}
