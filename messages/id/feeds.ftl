## Sumber berita program: /sumber, draf untuk koordinator

cmd-sumber = Sumber berita program (RSS/Atom)

feed-not-allowed = Maaf, /sumber hanya untuk staf Diskominfo dan admin.
feed-list-header = 📡 Sumber berita program di wilayah Anda:
feed-list-empty = 📡 Belum ada sumber berita program di wilayah Anda.
feed-line =
    #{ $id } { $url }
    { $area } · { $every }
    { $health }
feed-health-new = 🆕 belum pernah dibaca
feed-health-ok = ✅ lancar, terakhir dibaca { $when }
feed-health-failing = ⏳ gagal { $count } kali: { $error }
feed-health-bad = ⚠️ bermasalah: { $error }
feed-every-30m = setiap 30 menit
feed-every-1h = setiap jam
feed-every-6h = setiap 6 jam
feed-every-day = setiap hari pukul 06:00
feed-every-cron = jadwal { $cron }
feed-btn-remove = 🗑️ Hapus #{ $id }
feed-ask-url = Untuk menambah sumber, kirim alamat RSS atau Atom-nya (diawali http:// atau https://). Ketik /batal untuk berhenti.
feed-url-bad = Alamat itu belum bisa dipakai. Kirim alamat lengkap yang diawali http:// atau https://, misalnya https://diskominfo.palembang.go.id/feed
feed-no-areas = Maaf, akun Anda belum terhubung dengan wilayah mana pun, jadi sumber belum bisa ditambahkan.
feed-ask-area = Berita dari sumber ini untuk KIM di wilayah mana?
feed-btn-area = { $kind ->
    [kota] 🏙️ Seluruh { $name }
   *[other] 📍 Kecamatan { $name }
}
feed-ask-every = Seberapa sering sumber ini diperiksa? Bawaannya setiap 30 menit.
feed-use-buttons = Silakan pilih dengan tombol pada pesan di atas, atau ketik /batal untuk berhenti.
feed-url-exists = Alamat itu sudah terdaftar sebagai sumber. Lihat daftarnya dengan /sumber.
feed-saved =
    ✅ Sumber #{ $id } tersimpan.
    { $url }
    Wilayah: { $area } · { $every }
    Pemeriksaan pertama: { $when }

    Setiap berita baru akan dikirim sebagai draf kepada koordinator KIM di wilayah itu. Tidak ada yang terkirim ke grup sebelum koordinator menyetujuinya.
feed-gone = Sumber itu sudah dihapus sebelumnya.
feed-removed = 🗑️ Sumber #{ $id } ({ $url }) dihapus.
feed-btn-check = 🔄 Periksa #{ $id }
feed-btn-check-now = 🔄 Periksa sekarang
feed-btn-remove-yes = 🗑️ Ya, hapus
feed-btn-back = ↩️ Kembali ke daftar
feed-remove-confirm =
    Hapus sumber #{ $id }?
    { $url }

    Berita yang sudah diambil darinya dan draf yang belum diumumkan ikut terhapus. Pengumuman yang sudah terkirim ke grup tetap ada.
feed-checking = ⏳ Sebentar, alamat itu sedang dibuka (paling lama 20 detik)…
feed-checked-ok = ✅ Alamat itu bisa dibaca: { $count } berita, yang terbaru "{ $title }".
feed-checked-empty = ✅ Alamat itu bisa dibaca, tetapi belum berisi berita.
feed-checked-bad =
    ⚠️ Alamat itu belum bisa dibaca: { $error }.

    Tetap tambahkan? Sumber itu akan dicoba lagi sesuai jadwal, dan Anda diberi tahu bila terus gagal.
feed-btn-keep = ✅ Tetap tambahkan
feed-btn-drop = ✖️ Jangan tambahkan
feed-kept-unreadable = Baik, sumber itu tetap ditambahkan walau belum bisa dibaca.
feed-dropped = Baik, alamat itu tidak ditambahkan. Kirim alamat lain, atau ketik /batal untuk berhenti.
feed-check-fresh = 🔄 Sumber #{ $id } baru saja diperiksa: bisa dibaca, { $count } berita baru dikirim sebagai draf kepada koordinator.
feed-check-nothing-new = 🔄 Sumber #{ $id } baru saja diperiksa: bisa dibaca, tidak ada berita baru.
feed-check-failed = 🔄 Sumber #{ $id } baru saja diperiksa: belum bisa dibaca, { $error }.
feed-check-too-soon = Sumber #{ $id } sudah diperiksa kurang dari semenit yang lalu. Coba lagi sebentar lagi.

feed-draft-new =
    📰 Berita program baru: { $title }

    Untuk { $kim }. Lihat pratinjaunya, umumkan ke grup, atau abaikan.
feed-btn-preview = 👀 Pratinjau
feed-btn-announce = 📢 Umumkan
feed-btn-dismiss = 🙈 Abaikan
feed-draft-opened = 📢 Berita "{ $title }" dibuka untuk diumumkan. Pilih tujuannya di bawah ini.
feed-draft-dismissed = 🙈 Berita "{ $title }" diabaikan untuk KIM ini.
feed-draft-was-dismissed = Berita ini sudah diabaikan untuk KIM Anda, jadi tidak perlu ditindaklanjuti lagi.
feed-draft-was-opened = Berita ini sudah dibuka untuk diumumkan. Lanjutkan pada pesan pemilihan tujuan di atas, atau tulis ulang dengan /umumkan.

feed-unhealthy =
    ⚠️ Sumber berita #{ $id } gagal dibaca { $count } kali berturut-turut.
    { $url }
    Kesalahan terakhir: { $error }

    Periksa alamatnya, atau hapus sumber ini lewat /sumber.
feed-recovered = ✅ Sumber berita #{ $id } bisa dibaca lagi: { $url }

feed-error-request = servernya tidak bisa dihubungi
feed-error-timeout = servernya tidak menjawab dalam 20 detik
feed-error-redirect = alamatnya dialihkan berputar-putar atau terlalu sering
feed-error-status = servernya menjawab dengan kode { $code }
feed-error-too-large = isinya lebih dari 2 MB
feed-error-not-utf8 = isinya bukan teks UTF-8
feed-error-malformed = isinya bukan RSS atau Atom yang benar
feed-error-blocked = alamatnya menuju jaringan internal (bukan internet umum), jadi tidak dibuka
