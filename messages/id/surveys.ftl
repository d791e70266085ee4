## Survei
cmd-survei = Survei: isi survei, atau buat survei untuk warga
help-line-survei = /survei - isi survei singkat dari KIM dan Diskominfo untuk Anda
help-line-survei-author = /survei - buat survei untuk warga KIM atau wilayah Anda, lihat hasilnya, tutup atau tarik
sv-menu = Survei: apa yang ingin Anda lakukan?
sv-btn-new = ➕ Buat survei baru
sv-btn-manage = 📋 Survei yang saya kelola
sv-btn-for-me = 📝 Survei untuk saya isi
sv-ask-title =
    Judul survei? (paling banyak { $max } karakter)
    Contoh: Kebutuhan usaha warga 2027. Ketik /batal untuk berhenti.
sv-ask-kind = Pertanyaan ke-{ $n } (paling banyak { $max }): jawabannya berupa apa?
sv-kind-choice = 🔘 Pilihan
sv-kind-scale = ⭐ Skala 1–5
sv-kind-text = ✍️ Teks singkat
sv-btn-review = ✅ Selesai, tinjau survei
sv-ask-prompt = { $kind }: tulis pertanyaannya (paling banyak { $max } karakter).
sv-ask-options =
    Tulis semua pilihan jawabannya dalam satu pesan, satu pilihan per baris atau dipisah koma (2 sampai { $max } pilihan, masing-masing paling banyak { $len } karakter). Contoh:
    Modal usaha
    Pemasaran digital
    Perizinan
sv-review = Tinjau survei "{ $title }" ({ $count } pertanyaan):
sv-btn-edit = ✏️ Ubah { $n }
sv-btn-remove = 🗑 Hapus { $n }
sv-btn-add = ➕ Tambah pertanyaan
sv-btn-closing = ➡️ Lanjut: waktu tutup
sv-ask-closing =
    Kapan survei ditutup? Pilih tombol, atau ketik tanggal dan jam, misalnya 25/12 17:00.
sv-btn-days = { $days } hari
sv-btn-back-review = ⬅️ Kembali ke tinjauan
sv-closing-past = Waktu itu sudah lewat. Ketik waktu yang akan datang, misalnya 25/12 17:00, atau pilih tombol.
sv-closing-format = Tanggal tidak terbaca. Ketik seperti 25/12 17:00 atau 25/12/2026 17:00, atau pilih tombol.
sv-ask-reach = Survei dikirim ke warga mana? Hanya warga yang setuju menerima kabar program di chat pribadi yang menerimanya.
sv-btn-reach-kim = 🏘 Warga { $name }
sv-btn-reach-area = 🗺 Warga { $kind } { $name }
sv-confirm =
    Survei "{ $title }" ({ $count } pertanyaan)
    Ditutup: { $closes }
    Untuk: { $reach }
    Akan dikirim ke { $residents } warga.
    Kirim sekarang?
sv-btn-send = 📤 Kirim survei
sv-sent = ✅ Survei "{ $title }" dikirim ke { $residents } warga ({ $reach }). Lihat hasilnya kapan saja lewat /survei atau /laporan.
sv-use-buttons = Silakan pilih salah satu tombol di atas, atau ketik /batal.
sv-text-empty = Tulisan itu kosong. Coba lagi, atau ketik /batal.
sv-text-too-long = Tulisan itu { $len } karakter, batasnya { $max }. Persingkat lalu kirim lagi.
sv-options-count = Ada { $count } pilihan. Tulis 2 sampai { $max } pilihan, satu per baris.
sv-option-too-long = Pilihan ke-{ $n } terlalu panjang (paling banyak { $max } karakter). Tulis lagi semua pilihan, satu per baris.
sv-options-repeated = Ada pilihan yang sama dua kali. Tulis lagi semua pilihan, masing-masing berbeda.
sv-invitation =
    📋 Survei: { $title } ({ $count } pertanyaan)
    Jawaban Anda membantu KIM dan Diskominfo. Tanpa nama: hasilnya hanya dihitung bersama.
    Ditutup { $closes }.
sv-btn-start = ▶️ Mulai
sv-btn-later = ⏰ Nanti
sv-later = Baik. Survei "{ $title }" bisa diisi nanti: tekan Mulai, atau ketik /survei.
sv-started = ▶️ Survei "{ $title }"
sv-question =
    Survei "{ $title }" — pertanyaan { $n } dari { $of }
    { $prompt }
sv-how-choice = Pilih satu jawaban:
sv-how-scale = Pilih 1 (sangat kurang) sampai { $max } (sangat baik):
sv-how-text = Ketik jawaban Anda (paling banyak { $max } karakter):
sv-btn-pause = ⏸ Lanjutkan nanti
sv-paused = ⏸ Jawaban Anda untuk "{ $title }" tersimpan. Lanjutkan kapan saja lewat /survei.
sv-thanks = 🙏 Terima kasih! Jawaban Anda untuk survei "{ $title }" sudah terkirim.
sv-already-answered = Anda sudah mengisi survei "{ $title }". Terima kasih!
sv-closed = Maaf, survei "{ $title }" sudah ditutup, jadi jawaban tidak bisa diterima lagi. Terima kasih atas perhatian Anda.
sv-recalled = Maaf, survei "{ $title }" sudah ditarik oleh pembuatnya. Anda tidak perlu mengisinya.
sv-gone = Survei itu tidak ditemukan. Ketik /survei untuk melihat survei yang bisa Anda isi.
sv-need-kim = Untuk mengisi survei, pilih KIM Anda dulu dengan /gantikim.
sv-none-for-you = Tidak ada survei yang menunggu jawaban Anda saat ini.
sv-for-you = Survei yang bisa Anda isi (jawaban yang sudah ada tersimpan):
sv-manage-empty = Belum ada survei yang Anda kelola. Buat dengan /survei → Buat survei baru.
sv-manage-choose = Survei yang Anda kelola (terbaru di atas):
sv-btn-prev = ◀️ Sebelumnya
sv-btn-next = Berikutnya ▶️
sv-page = Halaman { $page } dari { $pages } ({ $total } survei).
sv-card =
    📋 { $title }
    Untuk: { $reach }
    Status: { $status } · ditutup { $closes }
    Dikirim ke { $sent } warga · { $respondents } sudah menjawab
sv-status-open = 🟢 dibuka
sv-status-closed = ⏹ ditutup
sv-status-recalled = 🗑 ditarik
sv-btn-results = 📊 Lihat hasil
sv-btn-close = ⏹ Tutup sekarang
sv-btn-recall = 🗑 Tarik survei
sv-btn-yes = Ya
sv-close-ask = Tutup survei "{ $title }" sekarang? Jawaban yang sudah masuk tetap dihitung; warga tidak bisa menjawab lagi.
sv-recall-ask = Tarik survei "{ $title }"? Undangan yang belum terkirim dibatalkan dan warga tidak bisa menjawab lagi.
sv-closed-now = ⏹ Survei "{ $title }" ditutup. Hasilnya ada di /survei dan /laporan.
sv-recalled-now = 🗑 Survei "{ $title }" ditarik.
sv-results =
    📊 Hasil survei "{ $title }"
    { $respondents } responden dari { $sent } undangan · { $status } · ditutup { $closes }
sv-results-mean = Rata-rata: { $mean }
sv-results-texts = { $count } jawaban teks (ada di file laporan)
sv-results-files = File XLSX, CSV dan grafik per kecamatan: /laporan → Survei.
sv-chart-respondents = responden
sv-sheet-summary = Ringkasan
sv-sheet-kecamatan = Per kecamatan
sv-sheet-texts = Jawaban teks
sv-col-no = No
sv-col-question = Pertanyaan
sv-col-kind = Jenis
sv-col-answer = Jawaban
sv-col-count = Jumlah
sv-col-percent = Persen
sv-col-survey = Survei
sv-col-reach = Untuk
sv-col-closes = Ditutup
sv-col-sent = Undangan
sv-col-respondents = Responden
sv-col-kecamatan = Kecamatan
sv-col-mean = Rata-rata
sv-col-texts = Jawaban teks
sv-col-total = Total
privacy-data-survey-answers-header = Jawaban survei Anda:
privacy-data-survey-answer = • { $survey } — { $question }: { $answer }
privacy-data-surveys-written-header = Survei yang Anda buat:
privacy-data-survey-written = • { $title } ({ $at })
rep-kind-surveys = 📋 Hasil survei
rep-surveys-none = Belum ada survei yang bisa Anda lihat hasilnya.
rep-surveys-choose = Hasil survei mana? (Koordinator hanya melihat survei buatannya sendiri.)
rep-surveys-done = Hasil survei "{ $title }": { $respondents } responden. File XLSX dan CSV (pemisah titik koma) serta grafiknya:
sv-btn-reach-training = 🎓 Peserta: { $title }
sv-reach-training = peserta pelatihan "{ $title }"
sv-closed-on-time = ⏹ Survei Anda sudah sampai waktu tutupnya. Hasil akhirnya:
audit-act-survey-closed-on-time = survei #{ $id } ditutup tepat waktu; hasilnya dikirim ke pembuatnya
sv-results-withheld = 🔒 Rincian per pertanyaan dan per kecamatan baru ditampilkan setelah paling sedikit { $min } orang menjawab. Survei ini tanpa nama: dengan jawaban yang lebih sedikit, orang yang menjawab bisa dikenali.
sv-col-note = Catatan
sv-btn-back-kind = ⬅️ Kembali
sv-options-taken =
    ✅ { $count } pilihan:
    { $list }
sv-cancel-ask = Survei "{ $title }" ({ $count } pertanyaan) belum dikirim. Simpan drafnya untuk dilanjutkan nanti?
sv-btn-keep-draft = 💾 Simpan draf
sv-btn-drop-draft = 🗑 Buang
sv-draft-kept = 💾 Draf survei "{ $title }" disimpan. Lanjutkan kapan saja lewat /survei → Buat survei baru.
sv-draft-found = Ada draf survei "{ $title }" ({ $count } pertanyaan) yang Anda simpan. Lanjutkan draf itu, atau mulai survei baru (draf itu dibuang)?
sv-btn-resume-draft = ▶️ Lanjutkan draf
sv-btn-fresh-draft = ➕ Mulai baru
privacy-data-survey-draft = • Draf tersimpan: { $title }
sv-kecamatan-pooled = Gabungan kecamatan (respondennya terlalu sedikit untuk ditampilkan terpisah)
