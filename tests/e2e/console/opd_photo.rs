//! The officer's "Selesai" in the console with a photo of the result (issue 24): the
//! upload (multipart) goes to Telegram once, into the officer's own chat, and the
//! resident gets that photo by its file id with the closing note, as from the chat;
//! a file that is not a JPEG or PNG is refused and nothing is closed.

use fake_telegram::{BotMessage, Person};
use reqwest::StatusCode;
use sqlx::Row;

use super::{FilePart, csrf_in, get, link_for, log_in, post};
use crate::aspirations::opd::{agency, load_agencies, officer_of};
use crate::aspirations::{KECAMATAN, KIM, staff_of, status_of, submit, ticket_id};
use crate::support::{PersonExt, TestApp, spawn_app};

/// The first bytes of a JPEG file, then filler.
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];
/// A JPEG-looking file of `size` bytes.
fn jpeg_of(size: usize) -> Vec<u8> {
    let mut bytes = JPEG.to_vec();
    bytes.resize(size, 0x55);
    bytes
}


async fn next_containing(p: &Person, needle: &str) -> BotMessage {
    for _ in 0..8 {
        let m = p.next_message_skipping_edits().await;
        if m.text.contains(needle) {
            return m;
        }
    }
    panic!("no message with {needle:?}")
}

/// POSTs `fields` and a JPEG part `photo` (file name, bytes) as a browser does.
async fn post_multipart(app: &TestApp, cookie: &str, path: &str, fields: &[(&str, &str)], photo: (&str, &[u8])) -> (StatusCode, String) {
    let (file_name, bytes) = photo;
    let r = super::post_multipart(app, cookie, path, fields, FilePart { field: "photo", file_name, content_type: "image/jpeg", bytes }).await;
    (r.status(), r.text().await.unwrap())
}

#[tokio::test]
async fn a_photo_uploaded_with_selesai_in_the_console_reaches_the_resident_like_the_chats() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let staff = staff_of(&app, 6801, "Staf Rina", KECAMATAN).await;
    let officer = officer_of(&app, 6802, "Pak Joko", "PUPR").await;
    let budi = app.member_of(6803, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", "Jalan di depan SD 12 berlubang besar sejak Januari.", false).await;
    let id = ticket_id(&app, &number).await;
    let staff_cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, staff_page) = get(&app, &staff_cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let pupr = agency(&app, "PUPR").await.id.to_string();
    post(&app, &staff_cookie, &format!("/dasbor/aspirasi/{id}/opd"), &[("csrf", &csrf_in(&staff_page)), ("agency", &pupr), ("note", "")]).await;
    next_containing(&budi, "diteruskan ke Dinas PUPR").await;
    let cookie = log_in(&app, &link_for(&officer).await).await;
    let (_, page) = get(&app, &cookie, &format!("/dasbor/opd/{id}")).await;
    let csrf = csrf_in(&page);
    post(&app, &cookie, &format!("/dasbor/opd/{id}/terima"), &[("csrf", &csrf)]).await;
    let path = format!("/dasbor/opd/{id}/selesai");

    let (gif, gif_page) = post_multipart(&app, &cookie, &path, &[("csrf", &csrf), ("text", "Sudah diaspal ulang.")], ("hasil.gif", b"GIF89a\x01\x00")).await;
    let huge = jpeg_of(10 * 1024 * 1024 + 1024);
    let (too_big, too_big_page) = post_multipart(&app, &cookie, &path, &[("csrf", &csrf), ("text", "Sudah diaspal ulang.")], ("hasil.jpg", &huge)).await;
    let status_after_refusals = status_of(&app, id).await;
    // Larger than axum's default 2 MB body limit: the form's own limit applies.
    let photo_bytes = jpeg_of(3 * 1024 * 1024);
    let (done, _) = post_multipart(&app, &cookie, &path, &[("csrf", &csrf), ("text", "Lubang sudah ditambal dan diaspal ulang.")], ("hasil.jpg", &photo_bytes)).await;
    let receipt = next_containing(&officer, "Foto hasil untuk").await;
    let photo = next_containing(&budi, "Hasil pekerjaan Dinas PUPR").await;
    let closing = next_containing(&budi, "Dinas PUPR sudah menyelesaikan").await;
    let stored: Option<String> = sqlx::query("SELECT photo FROM aspiration_disposition_events WHERE aspiration_id = $1 AND kind = 'done'")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .get("photo");
    let uploads = app.fake.calls_to("sendPhoto").into_iter().filter(|c| c.params["photo"]["file_name"] == "hasil.jpg").count();

    assert!(page.contains("enctype=\"multipart/form-data\"") && page.contains("type=\"file\" name=\"photo\""), "the form offers the photo");
    assert_eq!(gif, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(gif_page.contains("Foto tidak bisa dipakai"), "{gif_page}");
    assert_eq!(too_big, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_big_page.contains("paling besar 10 MB"), "{too_big_page}");
    assert_eq!(status_after_refusals, "ditindaklanjuti", "a refused photo closes nothing");
    assert_eq!(done, StatusCode::SEE_OTHER);
    assert!(receipt.text.contains(&number) && receipt.file.is_some(), "the officer's own chat has the upload");
    let stored = stored.expect("the done event keeps the photo's file id");
    assert_eq!(photo.file.as_deref(), Some(stored.as_str()), "the resident gets the stored file id, not a second upload");
    assert_eq!(uploads, 1, "the file went to Telegram once");
    assert!(closing.text.contains("diaspal ulang") && closing.text.contains("Apakah masalahnya sudah beres?"), "{}", closing.text);
    assert_eq!(status_of(&app, id).await, "selesai");
}
