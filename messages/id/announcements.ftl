## Pengumuman: /umumkan, /jadwal, /pengumuman

ann-compose =
    📢 Tulis pengumuman Anda.

    Kirim teksnya (format tebal, miring, dan tautan ikut terkirim), atau foto/dokumen dengan keterangan. Ketik /batal untuk berhenti.
ann-content-kind = Kirim teks, foto, atau dokumen. Jenis pesan itu belum bisa dipakai untuk pengumuman.
ann-content-saved =
    ✅ Tersimpan: { $chars ->
        [0] tanpa teks
       *[other] teks { $chars } karakter
    }{ $media ->
        [photo] {" "}+ foto
        [document] {" "}+ dokumen
       *[other] {""}
    }.

    Kirim foto atau dokumen untuk dilampirkan, kirim teks lain untuk mengganti teks, atau lanjut pilih tujuan.
ann-btn-next = ➡️ Lanjut: pilih tujuan
ann-use-buttons = Silakan pilih dengan tombol pada pesan di atas, atau ketik /batal untuk berhenti.

ann-choose-target = Kirim ke mana?
ann-btn-all-of-kim = 👥 Semua grup { $name }
ann-btn-area = { $kind ->
    [kota] 🏙️ Seluruh { $name }
   *[other] 📍 Kecamatan { $name }
}
ann-btn-pick = ☑️ Pilih grup tertentu
ann-btn-rewrite = ✏️ Ubah isi
ann-btn-retarget = 🎯 Ubah tujuan
ann-pick = Centang grup tujuan, lalu tekan Selesai.
ann-pick-empty = Belum ada grup aktif yang terhubung. Tambahkan saya ke grup, lalu kirim /hubungkan KODE-KIM di grup itu.
ann-pick-none = ⚠️ Belum ada grup yang dicentang. Pilih minimal satu grup pada daftar ini, lalu tekan Selesai.
ann-btn-picked = ✔️ Selesai ({ $count } dipilih)
ann-target-chosen = 🎯 Tujuan: { $target }.
ann-target-kim = semua grup { $name }
ann-target-groups = { $name } grup pilihan
ann-target-area = semua grup KIM di { $name }
ann-groups-left = ⚠️ Grup { $groups } sudah tidak terhubung (bot dikeluarkan dari grup atau hubungannya diputus), jadi dilewati.
ann-target-gone = Tujuan yang dipilih sudah tidak bisa dipakai (grup keluar atau hak akses berubah). Silakan pilih tujuan lagi.

ann-choices =
    👆 Begitulah pengumuman akan tampil di grup.
    Tujuan: { $target } ({ $groups } grup aktif saat ini).

    Kapan dikirim?
ann-btn-send-now = 🚀 Kirim sekarang
ann-btn-at = 🗓️ Pada tanggal & jam tertentu
ann-btn-repeat = 🔁 Berulang terjadwal
ann-no-active-groups = Belum ada grup aktif di tujuan ini, jadi belum ada yang bisa dikirimi. Hubungkan grup dengan /hubungkan, atau pilih tujuan lain.
ann-sent = 🚀 Pengumuman #{ $id } sedang dikirim ke { $groups } grup.

ann-ask-at =
    Ketik tanggal dan jam pengiriman ({ $zone }), misalnya:
    25/12 08:00
    2026-12-25 08:00
ann-when-format = Format belum dikenali. Ketik tanggal lalu jam ({ $zone }), misalnya 25/12 08:00 atau 2026-12-25 08:00.
ann-when-no-such-date = Tanggal atau jam itu tidak ada di kalender. Coba lagi, misalnya 25/12 08:00.
ann-when-past = Waktu itu sudah lewat. Ketik tanggal dan jam yang akan datang ({ $zone }), misalnya 25/12 08:00.
ann-when-next-year = 🤔 Tanggal itu sudah lewat tahun ini. Maksud Anda { $when } (tahun depan)? Atau ketik tanggal lain.
ann-btn-next-year = ✅ Ya, tahun { $year }
ann-btn-type-again = ✏️ Ketik tanggal lain
ann-confirm-at = 🗓️ Akan dikirim sekali pada { $when }. Simpan jadwal ini?
ann-btn-confirm = ✅ Simpan jadwal
ann-scheduled = ✅ Tersimpan sebagai pengumuman #{ $id }. Pengiriman berikutnya: { $when }. Lihat dan atur di /jadwal.

ann-ask-repeat = Seberapa sering dikirim?
ann-preset-daily = Setiap hari 07:00
ann-preset-monday = Setiap Senin 08:00
ann-preset-monthly = Tanggal 1 tiap bulan 08:00
ann-preset-weekdays = Senin–Jumat 07:00
ann-preset-sunday = Setiap Minggu 06:00
ann-preset-friday = Setiap Jumat 13:00
ann-btn-type-cron = ⌨️ Ketik ekspresi cron
ann-ask-cron =
    Ketik jadwal cron lima kolom ({ $zone }):
    menit jam tanggal bulan hari

    Contoh:
    0 8 * * MON-FRI (Senin–Jumat 08:00)
    30 6 * * 0 (Minggu 06:30; hari 0 atau 7 = Minggu)
    0 9 1,15 * * (tanggal 1 dan 15, 09:00)
ann-confirm-cron =
    🔁 Jadwal: { $cron }
    Tiga pengiriman berikutnya:
    { $runs }

    Simpan jadwal ini?
ann-cron-fields = "{ $cron }" belum tepat: jadwal cron punya lima kolom (menit jam tanggal bulan hari), misalnya 0 8 * * MON.
ann-cron-weekday = Kolom hari pada "{ $cron }" tidak dikenali. Pakai 0–7 (0 dan 7 = Minggu) atau nama hari seperti MON-FRI atau SEN-JUM.
ann-cron-day-and-weekday = "{ $cron }" mengisi tanggal dan hari sekaligus. Isi salah satu saja, dan beri * pada yang lain.
ann-cron-invalid = "{ $cron }" bukan jadwal cron yang sah. Periksa batasnya: menit 0–59, jam 0–23, tanggal 1–31, bulan 1–12.
ann-cron-never = Jadwal "{ $cron }" tidak pernah jatuh pada tanggal yang ada. Coba jadwal lain.
ann-cron-too-often = Jadwal "{ $cron }" terlalu sering. Pengumuman berulang paling sering sekali per jam.

ann-cron-daily = setiap hari pukul { $times }
ann-cron-weekly = setiap { $days } pukul { $times }
ann-cron-monthly = setiap tanggal { $dates } pukul { $times }
ann-cron-monthly-in = setiap tanggal { $dates } { $months } pukul { $times }
ann-cron-in-months = { $schedule } pada bulan { $months }
ann-list-and = { $first } dan { $last }
ann-month-jan = Januari
ann-month-feb = Februari
ann-month-mar = Maret
ann-month-apr = April
ann-month-may = Mei
ann-month-jun = Juni
ann-month-jul = Juli
ann-month-aug = Agustus
ann-month-sep = September
ann-month-oct = Oktober
ann-month-nov = November
ann-month-dec = Desember
ann-cron-raw = jadwal cron { $cron }
ann-schedule-now = langsung
ann-schedule-at = sekali, { $when }
ann-schedule-cron = berulang: { $cron }

ann-day-mon = Senin
ann-day-tue = Selasa
ann-day-wed = Rabu
ann-day-thu = Kamis
ann-day-fri = Jumat
ann-day-sat = Sabtu
ann-day-sun = Minggu

ann-fired = 📬 Pengumuman terjadwal #{ $id } (pengiriman ke-{ $run }) sudah diantrekan ke { $groups } grup.{ $late ->
    [yes] {" "}⚠️ Terlambat: bot sempat tidak aktif pada waktunya.
   *[other] {""}
}
ann-btn-report = 📊 Lihat laporan

ann-report-header = 📊 Laporan pengumuman #{ $id }, pengiriman ke-{ $run } ({ $when }){ $late ->
    [yes] {" "}⚠️ terlambat
   *[other] {""}
}{ $recalled ->
    [yes] {" "}🗑️ ditarik
   *[other] {""}
}
ann-report-sent = ✅ { $group }: terkirim
ann-report-waiting = ⏳ { $group }: menunggu
ann-report-failed = ❌ { $group }: gagal ({ $reason })
ann-report-more = … dan { $count } grup lain
ann-report-resent = ⚠️ { $count } grup mungkin menerima pesan ini dua kali (sedang dikirim saat bot berhenti mendadak, lalu dikirim ulang): { $groups }
ann-report-as-of = 🕒 Keadaan pukul { $time }
ann-report-unchanged = Belum ada perubahan sejak { $time }.
ann-report-totals = Terkirim { $sent } · Gagal { $failed } · Menunggu { $waiting }
ann-report-no-groups = Tidak ada grup aktif di tujuan saat pengiriman ini.
ann-reason-removed = bot dikeluarkan dari grup
ann-reason-rights = bot tidak boleh mengirim pesan di grup
ann-btn-refresh = 🔄 Perbarui
ann-btn-recall = 🗑️ Tarik
ann-recall-ask = Tarik (hapus) pengumuman #{ $id } dari { $groups } grup? Ini tidak bisa dibatalkan.
ann-btn-recall-yes = 🗑️ Ya, tarik
ann-btn-recall-again = 🗑️ Tarik lagi
ann-recalled = 🗑️ Pengumuman ditarik dari { $groups } grup.
ann-recall-too-old = ⌛ { $groups } grup: pesan sudah lebih dari 48 jam; Telegram tidak mengizinkan bot menghapusnya lagi.
ann-recall-waiting = ⏳ { $groups } grup: pesan belum terkirim. Tekan Tarik lagi setelah terkirim.
ann-recall-failed = ❌ { $groups } grup: pesan gagal dihapus.

ann-jadwal-empty = Tidak ada pengumuman terjadwal. Buat dengan /umumkan.
ann-jadwal-header = 🗓️ Pengumuman terjadwal dan berulang:
ann-jadwal-item =
    #{ $id } · { $schedule }
    🎯 { $target }
    📝 { $text }
ann-jadwal-next = ⏭️ Berikutnya: { $when }
ann-jadwal-paused = ⏸️ Dijeda
ann-jadwal-last = Terakhir dikirim: { $when }{ $late ->
    [yes] {" "}⚠️ terlambat (bot sempat tidak aktif)
   *[other] {""}
}
ann-btn-pause = ⏸️ Jeda #{ $id }
ann-btn-resume = ▶️ Lanjutkan #{ $id }
ann-btn-cancel = ✖️ Batalkan #{ $id }
ann-jadwal-cancel-ask =
    Batalkan pengumuman #{ $id } ({ $schedule })?
    📝 { $text }

    Jadwalnya berhenti dan tidak akan dikirim lagi. Ini tidak bisa diurungkan; jika hanya ingin berhenti sementara, pilih Jeda.
ann-btn-cancel-yes = ✖️ Ya, batalkan #{ $id }
ann-jadwal-not-pending = ℹ️ Pengumuman #{ $id } sudah berubah sebelumnya (dijeda, dilanjutkan, dibatalkan, atau selesai). Inilah keadaan terbarunya.
ann-jadwal-cancelled = ✖️ Pengumuman #{ $id } dibatalkan.
ann-jadwal-paused-now = ⏸️ Pengumuman #{ $id } dijeda.
ann-jadwal-resumed = ▶️ Pengumuman #{ $id } dilanjutkan.

ann-btn-history = 📜 Riwayat pengiriman
ann-history-header = 📜 Riwayat pengiriman (halaman { $page } dari { $pages }), terbaru dulu:
ann-history-empty = Belum ada pengumuman yang terkirim.
ann-history-item =
    #{ $id } · pengiriman ke-{ $run } · { $when }{ $late ->
        [yes] {" "}⚠️ terlambat
       *[other] {""}
    }{ $recalled ->
        [yes] {" "}🗑️ ditarik
       *[other] {""}
    }
    🎯 { $target }
    📝 { $text }
    ✅ { $sent } · ❌ { $failed } · ⏳ { $waiting }
ann-btn-history-report = 📊 Laporan #{ $id } ke-{ $run }

ann-latest-no-kim = Anda belum tergabung di KIM. Pilih KIM dulu dengan /gantikim.
ann-latest-none = Belum ada pengumuman dari { $kim }.
ann-latest-header = 📢 Pengumuman terbaru { $kim }:
ann-latest-item = 🗓️ { $when }{ $media ->
    [photo] {" "}🖼️
    [document] {" "}📎
   *[other] {""}
}
    { $text }

## Registered UMKM as a target (staff)
ann-btn-umkm = 🏪 UMKM terdaftar (chat pribadi)
ann-umkm-choose-area = 🏪 UMKM di wilayah mana? Yang dikirimi hanya pemilik usaha yang setuju menerima kabar program.
ann-umkm-choose-sector = Sektor usaha apa?
ann-umkm-choose-need = Untuk kebutuhan apa?
ann-umkm-btn-any = Semua
ann-umkm-any = semua
ann-target-umkm = UMKM terdaftar di { $name } (sektor: { $sector }; kebutuhan: { $need })
ann-choices-umkm =
    👆 Begitulah pengumuman akan tampil di chat pemilik usaha.
    Tujuan: { $target } ({ $groups } UMKM yang setuju menerima kabar program saat ini).

    Kapan dikirim?
ann-no-umkm = Belum ada UMKM di tujuan ini yang cocok dan setuju menerima kabar program. Pilih tujuan lain dengan tombol "Ubah tujuan".
ann-sent-umkm = 🚀 Pengumuman #{ $id } sedang dikirim ke { $groups } UMKM.

ann-orphans-paused = ⏸️ Pengumuman terjadwal berikut dijeda karena pembuatnya { $why ->
    [erased] telah menghapus datanya (/hapusdata)
   *[role] tidak lagi memegang peran koordinator atau staf
}:
ann-orphans-item = • #{ $id }: { $text }
ann-orphans-what-now = Buka /jadwal untuk melanjutkannya (Anda menjadi penanggung jawabnya) atau membatalkannya.
ann-report-erased = (penerima yang telah menghapus datanya)
ann-reason-erased = penerima telah menghapus datanya, tidak dikirim
