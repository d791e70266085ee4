## Jajak pendapat (/jajak)
cmd-jajak = Jajak pendapat ke grup dan warga
help-line-jajak = /jajak - buat jajak pendapat ke grup KIM (dan warga pelanggan berita), lihat hasilnya
poll-use-buttons = Silakan pilih dengan tombol di atas, atau ketik /batal untuk berhenti.
poll-btn-new = ➕ Jajak baru
poll-list-empty = Anda belum pernah membuat jajak pendapat.
poll-list-header = Jajak pendapat Anda (terbaru dulu):
poll-list-line = #{ $id } { $question } — { $count } orang menjawab ({ $status })
poll-status-open = masih dibuka
poll-status-closed = sudah ditutup
poll-status-recalled = ditarik
poll-btn-refresh = 🔄 Perbarui
poll-btn-close = ⏹ Tutup sekarang
poll-btn-recall = 🗑 Tarik
poll-btn-recall-yes = 🗑 Ya, tarik dari semua grup
poll-recall-ask = Tarik jajak #{ $id }? Jajak dihentikan dan dihapus dari semua grup dan chat (Telegram hanya mengizinkan penghapusan sampai 48 jam setelah dikirim). Hasil yang sudah masuk tetap tersimpan.
poll-recalled = Jajak #{ $id } ditarik: dihentikan dan dihapus dari { $chats } chat.
poll-ask-question =
    Tulis pertanyaan jajak pendapat (paling banyak { $max } karakter).
    Ketik /batal untuk berhenti.
poll-text-empty = Tulisannya kosong. Silakan ketik lagi, atau /batal untuk berhenti.
poll-option-duplicate = Pilihan itu sudah ada. Tulis pilihan lain.
poll-text-too-long = Tulisan Anda { $len } karakter, batas Telegram { $max }. Persingkat lalu kirim lagi.
poll-ask-option = Tulis pilihan jawaban ke-{ $n } (paling banyak { $max } karakter). Kirim satu pilihan per pesan, atau beberapa sekaligus, satu per baris.
poll-options-so-far =
    Pilihan sejauh ini:
    { $list }

    Tulis pilihan ke-{ $n } (paling banyak { $max } pilihan){ $ready ->
        [yes] , atau tekan Selesai.
       *[no] .
    }
poll-btn-done = ✅ Selesai, lanjut
poll-btn-undo = ↩️ Hapus pilihan terakhir
poll-ask-kind = Warga boleh memilih berapa jawaban?
poll-btn-single = ☝️ Satu jawaban saja
poll-btn-multiple = ✌️ Boleh lebih dari satu
poll-kind-single = satu jawaban
poll-kind-multiple = boleh lebih dari satu jawaban
poll-ask-closing = Kapan jajak ditutup? Pilih di bawah, atau ketik tanggal dan jam, misalnya 25/12 08:00.
poll-preset-hour = ⏱ 1 jam lagi
poll-preset-tomorrow = 🌅 Besok pukul 08.00
poll-preset-3days = 📅 3 hari lagi
poll-closing-format = Waktu itu tidak terbaca. Contoh: 25/12 08:00 atau 25/12/2026 08.00. Atau pilih tombol di atas.
poll-closing-range = Waktu tutup harus paling cepat 5 menit dan paling lambat 30 hari dari sekarang. Pilih atau ketik waktu lain.
poll-ask-target = Kirim jajak ke mana?
poll-review =
    Periksa jajak pendapat Anda:

    ❓ { $question }
    { $options }

    Jenis: { $kind }
    Ditutup: { $closes }
    Sasaran: { $target }
    Akan dikirim ke { $groups } grup dan { $people } warga (chat pribadi).
poll-btn-private-on = 👥 Juga ke warga pelanggan berita
poll-btn-private-off = 👥 Tanpa chat pribadi warga
poll-btn-send = 📨 Kirim jajak
poll-nobody = Belum ada grup aktif atau warga pelanggan berita di sasaran ini. Pilih sasaran lain atau ketik /batal.
poll-sent = Jajak #{ $id } sedang dikirim ke { $groups } grup dan { $people } warga. Ditutup { $closes }; hasil akhir dan grafiknya akan dikirim kepada Anda.
poll-btn-results = 📊 Lihat hasil
poll-result =
    📊 Jajak #{ $id }: { $question }
    Sasaran: { $target }
    Status: { $status } · tutup { $closes }
    { $count } orang menjawab.
poll-result-by-kim = Per KIM:
poll-result-by-kecamatan = Per kecamatan:
poll-result-no-kim = (tanpa KIM)
poll-result-line = • { $name }: { $count } orang { $detail }
poll-final =
    Jajak pendapat sudah ditutup. Hasil akhir:

    { $result }
poll-chart-caption = Grafik hasil jajak #{ $id }
poll-chart-voters = { $count } orang menjawab
privacy-data-polls-header = Jawaban jajak pendapat:
privacy-data-poll-answer = • { $question }: { $chosen }
poll-options-too-many = Pilihannya jadi lebih dari { $max }, batas Telegram. Kirim lebih sedikit pilihan.
poll-options-full =
    Pilihan sudah { $max }, batas Telegram:
    { $list }
