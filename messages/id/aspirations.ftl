## Aspirasi: kategori dan status
asp-cat-infrastruktur = 🛣️ Infrastruktur
asp-cat-ekonomi = 💼 Ekonomi & UMKM
asp-cat-pelatihan = 🎓 Pelatihan
asp-cat-kesehatan = 🏥 Kesehatan
asp-cat-pendidikan = 📚 Pendidikan
asp-cat-lingkungan = 🌳 Lingkungan
asp-cat-keamanan = 🛡️ Keamanan & ketertiban
asp-cat-layanan = 🏛️ Layanan publik
asp-cat-lainnya = 📝 Lainnya
asp-status-diterima = Diterima
asp-status-diteruskan = Diteruskan
asp-status-ditindaklanjuti = Ditindaklanjuti
asp-status-selesai = Selesai
asp-status-ditolak = Ditolak

## /aspirasi
asp-need-kim = Untuk mengirim aspirasi, pilih KIM Anda dulu dengan /gantikim.
asp-choose-category = Aspirasi Anda tentang apa? Pilih kategorinya:
asp-choose-category-carried = Pesan Anda akan dikirim sebagai aspirasi. Tentang apa? Pilih kategorinya:
asp-carried-text =
    Kategori: { $category }
    Aspirasi: { $text }
asp-category-use-buttons = Pilih kategori dengan tombol pada pesan di atas, atau ketik /batal untuk berhenti.
asp-use-buttons = Silakan pilih dengan tombol pada pesan di atas, atau ketik /batal untuk berhenti.
asp-ask-text =
    Kategori: { $category }

    Tuliskan aspirasi Anda dalam satu pesan ({ $min }-{ $max } karakter): apa masalahnya atau usulannya, di mana, dan sejak kapan.
asp-text-needed = Tuliskan aspirasi Anda sebagai teks dulu. Foto dan lokasi bisa dikirim di langkah berikutnya.
asp-text-too-short = Tulisan Anda baru { $len } karakter. Ceritakan sedikit lebih lengkap (minimal { $min } karakter), lalu kirim lagi.
asp-text-too-long = Tulisan Anda { $len } karakter, sedangkan batasnya { $max } karakter. Persingkat lalu kirim lagi; kategori { $category } tetap tersimpan.
asp-text-split = Tulisan Anda lebih panjang dari { $telegram } karakter, jadi Telegram memecahnya menjadi beberapa pesan. Seluruh tempelan itu tidak saya pakai (potongannya bisa terbaca keliru). Tulis ringkasannya dalam satu pesan, paling banyak { $max } karakter.
asp-text-split-tail = Ini lanjutan tulisan panjang tadi yang dipecah Telegram, jadi juga tidak saya pakai. Tulis ringkasannya dalam satu pesan, paling banyak { $max } karakter.
asp-ask-media = Ada foto atau lokasi? Kirim hingga { $max } foto dan/atau lokasi (📎 lalu Lokasi). Jika tidak ada, tekan Lewati.
asp-photo-added = Foto { $count }/{ $max } diterima. Kirim foto lain atau lokasi, atau tekan Selesai.
asp-photo-limit = Sudah { $max } foto, itu batasnya. Foto terakhir tidak disimpan. Kirim lokasi atau tekan Selesai.
asp-location-added = Lokasi diterima. Kirim foto ({ $count }/{ $max }) atau tekan Selesai.
asp-media-hint = Di langkah ini saya menunggu foto atau lokasi. Tekan tombol di bawah untuk lanjut.
asp-btn-skip = ⏭️ Lewati
asp-btn-done = ✅ Selesai
asp-ask-anonymous =
    Sembunyikan identitas Anda dari koordinator KIM?
    Jika disembunyikan, koordinator juga tidak melihat foto dan lokasi yang Anda kirim.
    Staf Diskominfo yang menindaklanjuti tetap dapat melihat nama, foto, dan lokasi, seperti di LAPOR!.
asp-btn-show-name = 👤 Tampilkan nama saya
asp-btn-hide-name = 🕶️ Sembunyikan (anonim)
asp-summary =
    Periksa aspirasi Anda sebelum dikirim:
    Kategori: { $category }
    Foto: { $photos }
    Lokasi: { $location }
    Identitas: { $identity }

    { $text }
asp-summary-none = tidak ada
asp-summary-hidden = disembunyikan dari koordinator
asp-summary-shown = ditampilkan
asp-btn-send = 📨 Kirim
asp-btn-discard = ❌ Batal
asp-btn-edit-text = ✏️ Ubah teks
asp-ask-text-again =
    Tulis ulang aspirasi Anda dalam satu pesan ({ $min }-{ $max } karakter). Foto dan lokasi yang sudah dikirim tetap tersimpan.
    Teks sekarang:
    { $text }
asp-text-rewritten = Teks diperbarui. Foto tersimpan: { $count }/{ $max }. Kirim foto atau lokasi lagi, atau tekan tombol di bawah.
asp-submitted =
    Terima kasih, aspirasi Anda sudah kami terima.
    Nomor tiket: { $ticket }
    Setiap perubahan status akan saya kabarkan di sini. Lihat kapan saja dengan /status { $ticket }
asp-discarded = Aspirasi dibatalkan dan tidak dikirim. Ketik /aspirasi untuk mulai lagi.

## /status
asp-status-none = Anda belum pernah mengirim aspirasi. Ketik /aspirasi untuk mengirim.
asp-status-list-head = Tiket aspirasi Anda:
asp-status-line = • { $ticket } - { $category } - { $status } ({ $time })
asp-status-list-foot = Tekan nomor tiket untuk melihat riwayatnya.
asp-status-bad-number = Nomor tiket ditulis seperti ASP-2026-000123. Ketik /status saja untuk melihat daftar tiket Anda.
asp-status-not-found = Tiket { $ticket } tidak ditemukan di antara tiket Anda. Ketik /status untuk melihat daftar tiket Anda.
asp-history-head = Riwayat:
asp-history-line = • { $time }: { $status }
asp-history-line-note = • { $time }: { $status } - { $note }
asp-thread-head = Percakapan:
asp-thread-reply = • { $time } Petugas: { $text }
asp-thread-answer = • { $time } Anda: { $text }

## Kartu tiket (staf dan koordinator)
asp-card-head = 📋 Tiket { $ticket }
asp-card-category = Kategori: { $category }
asp-card-status = Status: { $status }
asp-card-kim = KIM: { $kim }
asp-card-from = Pengirim: { $name }
asp-card-from-anonymous = Pengirim: { $name } (anonim bagi koordinator)
asp-card-from-hidden = Pengirim: Anonim
asp-card-unknown-name = (tanpa nama)
asp-card-sent = Dikirim: { $time }
asp-card-location = 📍 Lokasi: { $link }
asp-card-photos = 📷 Foto: { $count } (di atas)
asp-card-thread-staff = • { $time } Petugas: { $text }
asp-card-thread-resident = • { $time } Warga: { $text }
asp-card-history-reopened = • { $time }: dibuka kembali atas tanggapan warga ({ $status })
asp-card-media-hidden = 🕶️ Lokasi dan foto tidak ditampilkan karena aspirasi ini anonim.

## Antrian dan tindak lanjut
asp-queue-empty =
    Tidak ada aspirasi baru di wilayah Anda. 👍
    { asp-queue-open-count }
    Yang sudah ditutup: /antrian selesai · satu tiket: /antrian ASP-2026-000123
asp-queue-end =
    Itu aspirasi baru yang terakhir untuk saat ini.
    { asp-queue-open-count }
asp-queue-open-count = { $open ->
        [0] Tidak ada yang sedang diproses (/antrian proses).
       *[other] { $open } aspirasi sedang diproses (diteruskan atau ditindaklanjuti): lihat dengan /antrian proses
    }
asp-queue-open-empty = Tidak ada aspirasi yang sedang diproses (diteruskan atau ditindaklanjuti) di wilayah Anda.
asp-queue-open-end = Itu aspirasi terakhir yang sedang diproses. Yang sudah ditutup: /antrian selesai
asp-queue-closed-empty = Belum ada aspirasi yang selesai atau ditolak di wilayah Anda.
asp-queue-closed-end = Itu aspirasi selesai atau ditolak yang paling lama.
asp-queue-usage =
    Cara memakai /antrian:
    /antrian - aspirasi baru dan yang dibuka kembali
    /antrian proses - yang diteruskan atau ditindaklanjuti
    /antrian selesai - yang selesai atau ditolak, terbaru dulu
    /antrian saya - yang Anda tangani (Ambil)
    /antrian ASP-2026-000123 - satu tiket
asp-btn-move-diteruskan = ➡️ Teruskan
asp-btn-move-ditindaklanjuti = 🔧 Tindak lanjut
asp-btn-move-selesai = ✅ Selesai
asp-btn-move-ditolak = ⛔ Tolak
asp-btn-reply = 💬 Balas
asp-btn-next = ▶️ Berikutnya
asp-ask-note = Tulis catatan untuk warga: mengapa tiket { $ticket } menjadi "{ $status }" (hasil atau alasannya). Catatan ini dikirim ke warga. Ketik /batal untuk batal.
asp-ask-note-optional = Tulis catatan untuk warga tentang tiket { $ticket } yang { $status } (misalnya: "Diteruskan ke Dinas PUPR"). Tekan Lewati untuk mengubah tanpa catatan, atau ketik /batal.
asp-ask-note-progress = Tulis catatan untuk warga: apa yang sedang dikerjakan untuk tiket { $ticket } (misalnya: "Petugas meninjau lokasi hari Kamis"). Catatan ini dikirim ke warga. Ketik /batal untuk batal.
asp-btn-skip-note = ⏭️ Lewati
asp-btn-undo = ↩️ Urungkan
asp-moved-undo-hint = Salah tekan? Tekan Urungkan dalam 1 menit.
asp-undone = ↩️ Perubahan diurungkan. Tiket { $ticket } kembali berstatus: { $status }. Warga sudah diberi kabar koreksinya.
asp-notice-undone = 🔔 Koreksi untuk tiket { $ticket }: perubahan status menjadi "{ $wrong }" dibatalkan petugas. Status tiket sekarang: { $status }.
asp-history-line-undo = • { $time }: kembali ke { $status } (koreksi petugas)
asp-moved = Status tiket { $ticket } sekarang: { $status }. Warga sudah diberi kabar.
asp-status-changed = Status tiket sudah berubah lebih dulu menjadi { $status }, jadi tidak ada yang diubah.
asp-not-allowed-now = Maaf, tindakan ini tidak dapat dilakukan lagi untuk tiket tersebut.
asp-note-too-short = Catatan ini terlalu singkat untuk warga. Jelaskan hasilnya atau alasannya (minimal { $words } kata, { $min } karakter), misalnya: "Lampu sudah diganti petugas PLN pada 3 Maret". Kirim catatan yang lebih lengkap, atau ketik /batal.
asp-text-needed-short = Tuliskan jawabannya sebagai teks, atau ketik /batal untuk batal.
asp-free-text-too-long = Tulisan Anda { $len } karakter, sedangkan batasnya { $max } karakter. Persingkat lalu kirim lagi.
asp-ask-reply = Tulis balasan untuk pengirim tiket { $ticket }. Ketik /batal untuk batal.
asp-reply-sent = Balasan untuk tiket { $ticket } dikirim ke warga.
asp-moved-unreachable = Status tiket { $ticket } sekarang: { $status }. Pengirimnya sudah menghapus datanya dari kimbot, jadi warga tidak dapat dihubungi lagi dan tidak menerima kabar ini.
asp-undone-unreachable = ↩️ Perubahan diurungkan. Tiket { $ticket } kembali berstatus: { $status }. Pengirimnya sudah menghapus datanya, jadi warga tidak dapat dihubungi lagi.
asp-reply-unreachable-ask = Pengirim tiket { $ticket } sudah menghapus datanya dari kimbot, jadi warga tidak dapat dihubungi lagi. Balasan tidak bisa dikirim.
asp-reply-unreachable = Balasan dicatat di tiket { $ticket }, tetapi pengirimnya sudah menghapus datanya dari kimbot: warga tidak dapat dihubungi lagi dan tidak menerima balasan ini.
asp-staff-notice = 🔔 { $count } aspirasi baru di wilayah Anda. Buka /antrian untuk meninjau.

## Kabar untuk warga
asp-notice-status = 🔔 Tiket { $ticket } ({ $category }) sekarang berstatus: { $status }.
asp-notice-note = Catatan petugas: { $note }
asp-notice-follow = Lihat riwayatnya dengan /status { $ticket }
asp-notice-reply =
    💬 Balasan petugas untuk tiket { $ticket }:
    { $text }

    Anda dapat menjawab sekali dengan tombol di bawah.
asp-btn-answer = ↩️ Jawab
asp-ask-answer = Tulis jawaban Anda untuk petugas (tiket { $ticket }). Jawaban hanya bisa dikirim sekali. Ketik /batal untuk batal.
asp-answer-sent = Jawaban Anda untuk tiket { $ticket } sudah diteruskan ke petugas.
asp-answer-already = Balasan ini sudah Anda jawab. Jika ada hal baru, kirim aspirasi baru dengan /aspirasi.
asp-notice-answer =
    ↩️ Jawaban warga untuk tiket { $ticket }:
    { $text }

## Batas waktu layanan (tanggapan pertama)
asp-overdue-notice =
    ⏰ { $count } aspirasi di wilayah Anda belum mendapat tanggapan lewat dari { $days } hari kerja:
    { $tickets }

    Buka /antrian untuk menindaklanjutinya.
asp-overdue-more = … dan { $count } lainnya
asp-card-overdue = ⏰ Lewat batas { $days } hari kerja tanpa tanggapan
asp-card-reopened = 🔁 Dibuka kembali atas tanggapan warga

## Tanggapan warga atas tiket yang sudah ditutup
asp-btn-respond = 💬 Tanggapi
asp-notice-respond-hint = Belum sesuai harapan? Anda dapat menanggapi sekali dengan tombol di bawah, dan tiket akan ditinjau kembali oleh petugas.
asp-ask-respond = Tulis tanggapan Anda atas hasil tiket { $ticket }. Tiket akan dibuka kembali untuk ditinjau petugas. Tanggapan hanya bisa dikirim sekali. Ketik /batal untuk batal.
asp-respond-sent = Terima kasih. Tiket { $ticket } dibuka kembali dan tanggapan Anda sudah diteruskan ke petugas.
asp-respond-already = Tiket ini sudah pernah Anda tanggapi setelah ditutup. Jika ada hal baru, kirim aspirasi baru dengan /aspirasi.
asp-respond-too-thin = Tanggapan hanya bisa dikirim sekali dan akan membuka kembali tiket, jadi tuliskan dengan kata-kata apa yang belum sesuai (paling sedikit { $words } kata, { $letters } huruf). Misalnya: "Lubangnya hanya ditimbun tanah, sudah berlubang lagi." Ketik /batal untuk batal.
asp-respond-confirm =
    Kirim tanggapan ini untuk tiket { $ticket }? Tiket akan dibuka kembali untuk ditinjau petugas, dan tanggapan hanya bisa dikirim sekali.

    "{ $text }"

    Ingin mengubahnya? Ketik ulang tanggapan Anda.
asp-btn-respond-send = 📨 Kirim tanggapan
asp-btn-respond-cancel = Batal
asp-respond-not-sent = Tanggapan tidak dikirim. Tiket { $ticket } tetap ditutup, dan Anda masih bisa memintanya dibuka kembali sekali dengan tombol di atas.
asp-notice-reopened =
    🔁 Tiket { $ticket } dibuka kembali oleh warga. Tanggapannya:
    { $text }

    Buka /antrian untuk meninjaunya.
asp-history-line-reopened = • { $time }: dibuka kembali atas tanggapan Anda ({ $status })
