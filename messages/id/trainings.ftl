## Pelatihan: tanggal dan waktu (zona waktu KIM)
training-date = { $weekday ->
        [mon] Senin
        [tue] Selasa
        [wed] Rabu
        [thu] Kamis
        [fri] Jumat
        [sat] Sabtu
       *[sun] Minggu
    }, { $day } { $month ->
        [jan] Januari
        [feb] Februari
        [mar] Maret
        [apr] April
        [may] Mei
        [jun] Juni
        [jul] Juli
        [aug] Agustus
        [sep] September
        [oct] Oktober
        [nov] November
       *[dec] Desember
    } { $year }
training-moment = { $date }, pukul { $time } { $zone }
training-span-day = { $date }, pukul { $from }–{ $to } { $zone }
training-span-days = { $start } s.d. { $end }

## Pelatihan: kartu dan rincian
training-line-title = 🎓 { $title }
training-line-organiser = 🏛 Penyelenggara: { $organiser }
training-line-when = 🗓 { $when }
training-line-place = 📍 Tempat: { $place }
training-line-map = 🗺 Peta: { $url }
training-line-online = 💻 Daring: { $url }
training-line-targets = 🎯 Untuk: { $targets }
training-line-seats = 🪑 Sisa kursi: { $left } dari { $quota }
training-line-full = 🪑 Kursi penuh ({ $quota }). Daftar tunggu: { $waiting } orang
training-line-deadline = ⏳ Pendaftaran dibuka sampai { $deadline }
training-line-closed = 🔒 Pendaftaran sudah ditutup.
training-line-cancelled = ❌ Pelatihan ini DIBATALKAN.
training-line-you-registered = ✅ Anda terdaftar di pelatihan ini.
training-line-you-waiting = ⏳ Anda di daftar tunggu, nomor { $position }. Jika ada peserta yang batal, Anda naik otomatis dan kami kabari.
training-until-start = sampai pelatihan dimulai
training-targets-all = semua warga
training-poster-yes = ada
training-poster-no = tidak ada
training-organiser-default = Dinas Koperasi dan UMKM

## Sasaran (sektor dan kebutuhan UMKM)
training-target-kuliner = Kuliner
training-target-fashion = Fesyen
training-target-kriya = Kriya
training-target-jasa = Jasa
training-target-tani = Pertanian/perikanan
training-target-lainnya = Sektor lain
training-target-modal = Butuh modal
training-target-digital = Pemasaran digital
training-target-izin = Perizinan (NIB)
training-target-qris = QRIS

## Membuat pelatihan (/pelatihanbaru)
training-ask-kim = Untuk KIM mana pelatihan ini? Pilih di bawah.
training-compose-start = Membuat pelatihan baru untuk { $kim }. Ketik /batal kapan saja untuk berhenti.
training-ask-title = Apa judul pelatihannya? (misalnya: Pelatihan Menjahit Dasar)
training-ask-organiser = Siapa penyelenggaranya? Ketik namanya, atau pilih tombol di bawah.
training-ask-description = Tulis keterangan singkat: isi pelatihan, syarat peserta, apa yang perlu dibawa.
training-ask-start =
    Kapan mulainya? Tulis tanggal dan jam ({ $zone }), misalnya:
    25/12 08:00
    atau 2026-12-25 08:00
training-ask-end =
    Kapan selesainya? Tulis jamnya saja jika di hari yang sama (misalnya 12:00),
    atau tanggal dan jam (misalnya 26/12 12:00). Waktu { $zone }.
training-ask-place =
    Di mana tempatnya? Tulis alamat atau nama tempat (misalnya: Balai Kelurahan Bukit Lama),
    atau kirim tautan rapat daring (diawali https://).
training-ask-pin = Jika mau, kirim lokasi peta tempatnya (📎 → Lokasi). Atau tekan Lewati.
training-place-text-first = Tulis dulu alamat atau nama tempatnya; lokasi peta bisa dikirim sesudahnya.
training-ask-quota = Berapa kuota pesertanya? Tulis angka 1 sampai { $max }.
training-ask-deadline =
    Sampai kapan pendaftaran dibuka? Tulis tanggal dan jam ({ $zone }), misalnya 24/12 17:00,
    atau tekan tombol jika pendaftaran dibuka sampai pelatihan dimulai.
training-ask-targets = Pelatihan ini untuk siapa? Pilih sektor atau kebutuhan UMKM (boleh lebih dari satu, boleh tidak memilih), lalu tekan Selesai.
training-ask-poster = Kirim foto poster pelatihan jika ada. Atau tekan Lewati.
training-use-buttons = Silakan pilih dengan tombol pada pesan di atas. Ketik /batal untuk berhenti.
training-need-text = Mohon jawab dengan pesan teks.
training-discarded = Draf pelatihan dibuang. Tidak ada yang diterbitkan.

## Pemeriksaan jawaban
training-error-too-short = Terlalu pendek: paling sedikit { $min } huruf. Silakan tulis lagi.
training-error-too-long = Terlalu panjang: paling banyak { $max } huruf. Silakan persingkat.
training-error-number = Tulis angka saja, misalnya 20.
training-error-range = Angkanya harus antara { $min } dan { $max }.
training-error-url = Tautan itu tidak bisa dipakai. Kirim tautan lengkap yang diawali https://, misalnya https://zoom.us/j/123456.
training-error-date-format =
    Saya belum bisa membaca tanggal itu. Tulis tanggal dan jam, misalnya:
    25/12 08:00
    atau 2026-12-25 08:00
training-error-date-invalid = Tanggal atau jam itu tidak ada di kalender (misalnya 31/02 atau 25:00). Periksa lagi.
training-error-past = Waktu itu sudah lewat. Tulis waktu yang akan datang.
training-error-end-before-start = Waktu selesai harus sesudah waktu mulai.
training-error-deadline-after-start = Batas pendaftaran tidak boleh sesudah pelatihan dimulai.

## Tinjau dan terbitkan
training-review-header = Periksa lagi sebelum diterbitkan:
training-review-title = 🎓 Judul: { $value }
training-review-organiser = 🏛 Penyelenggara: { $value }
training-review-description = 📝 Keterangan: { $value }
training-review-when = 🗓 Waktu: { $value }
training-review-quota = 🪑 Kuota: { $value }
training-review-deadline = ⏳ Batas pendaftaran: { $value }
training-review-targets = 🎯 Sasaran: { $value }
training-review-poster = 🖼 Poster: { $value }
training-btn-publish = ✅ Terbitkan
training-btn-discard = ❌ Batal
training-btn-edit-title = Ubah judul
training-btn-edit-organiser = Ubah penyelenggara
training-btn-edit-description = Ubah keterangan
training-btn-edit-when = Ubah waktu
training-btn-edit-place = Ubah tempat
training-btn-edit-quota = Ubah kuota
training-btn-edit-deadline = Ubah batas daftar
training-btn-edit-targets = Ubah sasaran
training-btn-edit-poster = Ubah poster
training-btn-skip = Lewati
training-btn-done = Selesai
training-btn-until-start = Sampai mulai
training-published = ✅ Pelatihan "{ $title }" sudah terbit. Warga KIM bisa mendaftar lewat /pelatihan.
training-published-no-groups = Belum ada grup yang terhubung dengan KIM ini, jadi tidak ada pengumuman ke grup. Tambahkan saya ke grup dan kirim /hubungkan KODE-KIM di sana.
training-announce-ask = Umumkan pelatihan ini ke grup KIM? Pilih grupnya (✅ = ikut dikirimi).
training-btn-announce = 📣 Umumkan
training-btn-no-announce = Tidak usah
training-announce-queued = 📣 Pengumuman sedang dikirim ke { $count } grup.
training-announce-none = ⚠️ Belum ada grup yang dicentang. Centang grup pada pesan di atas lalu tekan Umumkan, atau tekan Tidak usah.
training-announce-skipped = Baik, tidak diumumkan ke grup.
training-announce-header = 📢 PELATIHAN BARU
training-announce-how = Cara daftar: tekan tombol di bawah pesan ini, atau buka { $link } lalu ketik /pelatihan.

## Warga: /pelatihan dan /pelatihansaya
training-no-kim = Anda belum memilih KIM. Ketik /gantikim untuk memilih KIM, lalu coba lagi.
training-none-upcoming = Belum ada pelatihan yang akan datang di KIM Anda. Kami kabari lewat grup KIM jika ada.
training-browse-position = Pelatihan { $n } dari { $total }
training-btn-register = ✅ Daftar
training-btn-register-waitlist = ⏳ Daftar tunggu
training-link-gone = Maaf, pelatihan dari tautan itu tidak ditemukan. Ketik /pelatihan untuk melihat pelatihan di KIM Anda.
training-link-other-kim = ℹ️ Pelatihan ini untuk warga { $kim }, jadi pendaftarannya hanya bagi anggota KIM itu. Ketik /pelatihan untuk melihat pelatihan di KIM Anda.
training-btn-withdraw = ❌ Batal ikut
training-btn-withdraw-item = ❌ Batal: { $n }. { $title }
training-registered = ✅ Anda terdaftar di "{ $title }". Kami ingatkan sehari sebelumnya dan dua jam sebelum mulai.
training-waitlisted = Kursi "{ $title }" sudah penuh. Anda masuk daftar tunggu nomor { $position }; jika ada yang batal, Anda naik otomatis dan kami kabari.
training-withdrawn = Pendaftaran Anda di "{ $title }" dibatalkan.
training-withdraw-ask = Yakin batal ikut "{ $title }"? Kursi Anda akan diberikan ke orang berikutnya di daftar tunggu dan belum tentu bisa didapat lagi.
training-btn-withdraw-keep = ↩️ Tidak, tetap ikut
training-btn-withdraw-yes = ❌ Ya, batalkan
training-withdraw-kept = Baik, pendaftaran Anda di "{ $title }" tidak diubah.
training-refused-cancelled = Maaf, pelatihan ini sudah dibatalkan.
training-refused-closed = Maaf, pendaftaran pelatihan ini sudah ditutup.
training-refused-deadline = Maaf, batas waktu pendaftaran sudah lewat.
training-refused-started = Maaf, pelatihan ini sudah dimulai atau sudah lewat.
training-mine-header = Pelatihan yang Anda ikuti:
training-mine-item =
    { $n }. { $title }
    🗓 { $when }
    { $seat }
training-mine-none = Anda belum terdaftar di pelatihan mana pun. Ketik /pelatihan untuk melihat pelatihan di KIM Anda.

## Kabar kepada peserta (lewat pesan pribadi)
training-notice-promoted = 🎉 Kabar baik: ada kursi kosong di "{ $title }" dan Anda sekarang TERDAFTAR sebagai peserta.
training-notice-cancelled = ❌ Pelatihan "{ $title }" DIBATALKAN oleh penyelenggara. Mohon maaf atas perubahan ini.
training-notice-moved = 🕒 Jadwal "{ $title }" BERUBAH. Berikut jadwal yang baru:
training-notice-venue = 📍 Tempat "{ $title }" BERUBAH. Berikut tempat yang baru:
training-reminder-evening = 🔔 Pengingat: besok Anda ikut pelatihan "{ $title }".
training-reminder-soon = ⏰ Dua jam lagi pelatihan "{ $title }" dimulai.
training-feedback-ask = Terima kasih sudah ikut "{ $title }". Bagaimana pelatihannya? Beri nilai 1 (kurang) sampai 5 (sangat baik).
training-btn-rate = { $n } ⭐
training-feedback-comment-ask = Terima kasih! Nilai Anda untuk "{ $title }": { $rating } ⭐. Ada saran atau komentar? Tulis singkat, atau tekan Lewati.
training-feedback-rated = Terima kasih! Nilai Anda untuk "{ $title }": { $rating } ⭐.
training-feedback-thanks = Terima kasih atas masukan Anda. 🙏

## Koordinator: /peserta
training-manage-header = Pelatihan yang Anda kelola (pilih satu):
training-manage-none = Belum ada pelatihan yang Anda kelola. Buat dengan /pelatihanbaru.
training-manage-counts = 👥 Terdaftar { $registered }/{ $quota } · daftar tunggu { $waiting }
training-btn-people = 👥 Peserta
training-btn-csv = 📄 Unduh CSV
training-btn-attendance = ✅ Kehadiran
training-btn-edit-time = 🕒 Ubah waktu
training-btn-edit-venue = 📍 Ubah tempat
training-btn-close = 🔒 Tutup pendaftaran
training-btn-cancel = ❌ Batalkan pelatihan
training-btn-close-yes = Ya, tutup pendaftaran
training-btn-cancel-yes = Ya, batalkan
training-close-confirm = Tutup pendaftaran "{ $title }" sekarang? Peserta yang sudah terdaftar tetap ikut; tidak ada pendaftar baru.
training-cancel-confirm = Batalkan pelatihan "{ $title }"? { $count } orang yang terdaftar atau menunggu akan diberi tahu. Ini tidak bisa diurungkan.
training-closed-done = 🔒 Pendaftaran ditutup.
training-cancelled-done = ❌ Pelatihan dibatalkan. { $count } orang sedang diberi tahu.
training-people-header = Peserta "{ $title }"
training-people-registered = Terdaftar ({ $count } dari { $quota }):
training-people-waitlist = Daftar tunggu ({ $count }):
training-people-more = …dan { $count } orang lagi. Unduh CSV untuk daftar lengkap.
training-csv-caption = Daftar peserta "{ $title }" ({ $count } orang). Berkas CSV berpemisah titik koma (;) untuk Excel.
training-csv-no = No
training-csv-name = Nama
training-csv-username = Username
training-csv-telegram-id = ID Telegram
training-csv-status = Status
training-csv-waitlist = Nomor tunggu
training-csv-attended = Kehadiran
training-csv-registered-at = Waktu daftar
training-csv-status-registered = terdaftar
training-csv-status-waitlisted = daftar tunggu
training-csv-yes = hadir
training-csv-no-show = tidak hadir
training-ask-new-start =
    Jadwal sekarang: { $current }.
    Tulis waktu mulai yang baru ({ $zone }), misalnya 27/12 08:00. Ketik /batal untuk tidak jadi.
training-ask-new-place = Tulis tempat yang baru (alamat atau nama tempat), atau kirim tautan rapat daring. Ketik /batal untuk tidak jadi.
training-move-ask = 🕒 Pindahkan "{ $title }" ke { $when }?
training-move-told = 📣 { $registered } peserta terdaftar dan { $waiting } orang di daftar tunggu akan diberi tahu lewat pesan pribadi.
training-move-told-none = Belum ada peserta, jadi tidak ada yang perlu diberi tahu.
training-move-deadline-moves = ⏳ Batas pendaftaran ikut berubah: { $old } → { $new }.
training-move-deadline-stays = ⏳ Batas pendaftaran tetap: { $deadline }.
training-btn-move-yes = ✅ Ya, pindahkan
training-btn-move-retype = ✏️ Ketik ulang
training-moved-done = 🕒 Jadwal diubah menjadi { $when }. { $count } orang yang terdaftar atau menunggu diberi tahu.
training-venue-done =
    📍 Tempat diubah:
    { $venue }
    { $count } orang yang terdaftar atau menunggu diberi tahu.
training-edit-gone = Pelatihan ini tidak bisa diubah lagi (sudah dimulai, dibatalkan, atau Anda tidak lagi mengelolanya).
training-attendance-not-yet = Kehadiran bisa dicatat mulai saat pelatihan dimulai ({ $when }).
training-attendance-header = Kehadiran "{ $title }": hadir { $present }, tidak hadir { $absent }, dari { $total } peserta{ $waiting ->
    [0] {""}
   *[other] {" "}+ { $waiting } dari daftar tunggu (⏳)
}.
training-attendance-line = { $n }. { $name } — { $mark }
training-attendance-line-waiting = { $n }. ⏳ { $name } (daftar tunggu) — { $mark }
training-attendance-empty = Belum ada peserta terdaftar.
training-mark-present = ✅ hadir
training-mark-absent = ❌ tidak hadir
training-mark-none = belum dicatat
training-btn-present = ✅ { $name }
training-btn-absent = ❌ { $name }

## Undangan ke UMKM yang cocok (hanya yang setuju menerima kabar program)
training-invite-offer = 📬 Ada { $count } pemilik UMKM terdaftar yang cocok dengan pelatihan ini dan bersedia menerima kabar program. Kirim undangan pribadi kepada mereka? Setiap orang hanya diundang sekali.
training-btn-invite = 📬 Kirim undangan ke UMKM yang cocok ({ $count } orang)
training-btn-invite-skip = Tidak, jangan undang
training-invite-sent = 📬 Undangan sedang dikirim ke { $count } pemilik UMKM. Mereka bisa langsung mendaftar dari undangan itu.
training-invite-none-new = Semua UMKM yang cocok sudah diundang sebelumnya, jadi tidak ada undangan baru.
training-invite-skipped = Baik, tidak ada undangan yang dikirim ke UMKM.
training-invite-closed = Pendaftaran pelatihan ini sudah tutup, jadi undangan tidak dikirim.
training-invite-header = 📬 Undangan pelatihan untuk usaha Anda: "{ $title }"
training-invite-how = Tekan Daftar untuk ikut. Jika kursi penuh, Anda masuk daftar tunggu. Anda menerima pesan ini karena setuju menerima kabar program; ketik /berhenti untuk berhenti.
training-invite-mine = Lihat atau batalkan pendaftaran Anda dengan /pelatihansaya.
