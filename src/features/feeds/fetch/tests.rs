use super::*;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Diskominfo</title><link>https://example.org</link><description>x</description>
<item><title>Lama</title><link>https://example.org/lama</link><guid>berita-1</guid>
  <pubDate>Mon, 14 Dec 2026 08:00:00 +0700</pubDate><description>&lt;p&gt;Isi &lt;b&gt;lama&lt;/b&gt;&lt;/p&gt;</description></item>
<item><title>Baru &amp; penting</title><link>https://example.org/baru</link>
  <pubDate>Tue, 15 Dec 2026 08:00:00 +0700</pubDate><description>Isi baru</description></item>
<item><title>Tanpa kunci</title><description>tak bisa dibedakan</description></item>
<item><link>https://example.org/tanpa-judul</link></item>
</channel></rss>"#;

#[test]
fn rss_items_are_keyed_cleaned_and_newest_first() {
    let items = parse(RSS.as_bytes()).unwrap();
    let got: Vec<_> = items.iter().map(|i| (i.key.as_str(), i.title.as_str(), i.summary.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("link:https://example.org/baru", "Baru & penting", "Isi baru"),
            ("guid:berita-1", "Lama", "Isi lama"),
            ("link:https://example.org/tanpa-judul", "https://example.org/tanpa-judul", ""),
        ]
    );
}

#[test]
fn broken_xml_and_other_encodings_are_refused() {
    let broken = parse(b"<rss version=\"2.0\"><channel><item><title>x</item></rss>");
    assert!(matches!(broken, Err(FetchError::Malformed(_))), "{broken:?}");
    let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\xe9</title></channel></rss>";
    assert!(matches!(parse(latin1), Err(FetchError::NotUtf8)));
    assert!(matches!(parse(b"hello"), Err(FetchError::Malformed(_))));
}

#[test]
fn a_body_is_refused_as_soon_as_it_passes_the_cap() {
    let mut body = CappedBody::new(10);
    body.push(b"12345").unwrap();
    body.push(b"67890").unwrap();
    assert!(matches!(body.push(b"1"), Err(FetchError::TooLarge)));
    assert_eq!(body.into_inner(), b"1234567890");
}
