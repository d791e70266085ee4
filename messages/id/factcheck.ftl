## Cek fakta
cmd-cekfakta = Tanyakan kebenaran sebuah pesan (cek fakta)
help-line-cekfakta = /cekfakta - teruskan pesan yang meragukan, staf Diskominfo memeriksanya (/cekfakta daftar: hasil terbaru)
help-line-cekfakta-staff = /cekfakta antrian - permintaan cek fakta dari wilayah Anda: beri putusan dan penjelasan
fc-need-kim = Untuk meminta cek fakta, pilih KIM Anda dulu dengan /gantikim.
fc-ask =
    Teruskan (forward) atau tempel pesan yang ingin Anda tanyakan kebenarannya: teks, foto dengan keterangan, atau tautan.
    Ketik /batal untuk berhenti.
fc-need-content = Kirim pesan yang ingin dicek sebagai teks (atau foto dengan keterangan), atau ketik /batal.
fc-need-caption = Fotonya diterima, tetapi kami perlu tulisannya juga. Kirim lagi foto itu dengan keterangan, atau tempel teksnya.
fc-too-long = Pesan itu { $len } karakter, batasnya { $max }. Kirim bagian yang paling penting saja.
fc-received =
    Terima kasih. Permintaan cek fakta Anda tercatat dengan nomor { $number }.
    Staf Diskominfo akan memeriksanya dan memberi tahu Anda hasilnya di sini. Sementara itu, sebaiknya pesan tersebut jangan disebarkan dulu.
fc-known =
    Pesan yang sama sudah pernah diperiksa pada { $date } ({ $earlier }). Permintaan Anda tercatat dengan nomor { $number }.
    Hasil: { $verdict }
    { $explanation }
fc-verdict-notice =
    Hasil cek fakta { $number }: { $verdict }
    { $explanation }
fc-verdict-hoaks = ❌ Hoaks
fc-verdict-disinformasi = ⚠️ Disinformasi
fc-verdict-misinformasi = ⚠️ Misinformasi
fc-verdict-fakta = ✅ Fakta
fc-verdict-belum = ❔ Belum dapat dipastikan
fc-staff-new = 🔎 { $count } permintaan cek fakta baru dari wilayah Anda. Buka /cekfakta antrian untuk memeriksanya.
fc-queue-empty = Tidak ada permintaan cek fakta yang menunggu di wilayah Anda.
fc-queue-done = Itu permintaan terakhir yang menunggu di wilayah Anda.
fc-card =
    🔎 { $number }
    { $body }
    { $photo }
    Pilih putusan:
fc-card-photo = (disertai foto)
fc-btn-next = Berikutnya ›
fc-btn-announce = 📢 Umumkan klarifikasi ke grup
fc-claim-ask =
    Putusan untuk { $number }: { $verdict }.
    Pertama, tulis klaim yang diperiksa dalam beberapa kata, tanpa nama atau nomor HP (tampil di /cekfakta daftar dan di klarifikasi), misalnya: Bansos Rp 5 juta cair hari ini
fc-claim-length = Klaimnya { $len } karakter; tulis { $min }-{ $max } karakter berisi kata-kata, lalu kirim lagi.
fc-list-item = • { $label } { $claim }: { $explanation }
fc-explain-ask = Putusan untuk { $number }: { $verdict }. Tulis penjelasan dan sumbernya dalam satu pesan (akan dikirim ke warga yang bertanya):
fc-explain-length = Penjelasan Anda { $len } karakter; tulis { $min }-{ $max } karakter dan sebutkan sumbernya, lalu kirim lagi.
fc-already-answered = Permintaan ini sudah diberi putusan (atau tidak lagi tersedia). Tidak ada yang diubah.
fc-answered = Putusan untuk { $number } tersimpan dan dikirim ke { $count } permintaan dengan isi yang sama.
fc-list-header = Hasil cek fakta terbaru:
fc-list-empty = Belum ada hasil cek fakta.
fc-need-words = Pesan itu hanya berisi emoji atau tanda baca, jadi belum ada yang bisa kami periksa. Teruskan atau tempel pesan yang berisi tulisan (atau tautan), atau ketik /batal.
fc-rate-limited =
    Anda sudah mengirim { $count } permintaan cek fakta dalam satu jam terakhir. Agar staf sempat memeriksa semuanya, permintaan ini belum kami catat.
    Silakan kirim lagi setelah { $at }. Terima kasih sudah waspada terhadap hoaks 🙏
fc-card-similar = Mirip { $list }: tautannya sama, tetapi isinya berbeda. Periksa sendiri; putusan itu tidak berlaku otomatis.
fc-card-similar-open = belum diputus
fc-label-hoaks = [HOAKS]
fc-label-disinformasi = [DISINFORMASI]
fc-label-misinformasi = [MISINFORMASI]
fc-label-fakta = [FAKTA]
fc-label-belum = [BELUM DAPAT DIPASTIKAN]
