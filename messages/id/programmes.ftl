# Programmes for UMKM (issue 29): compose, apply, groups, selection, notices.

help-line-program = /program - program bantuan UMKM yang sedang dibuka: baca dan daftar
help-line-programsaya = /programsaya - pendaftaran program Anda dan statusnya; tarik pendaftaran
help-line-gabungprogram = /gabungprogram - gabung ke pendaftaran kelompok dengan kodenya
help-line-programbaru = /programbaru - buat dan umumkan program bantuan UMKM
help-line-seleksi = /seleksi - seleksi pendaftar program (terima, daftar tunggu, tolak)

cmd-program = Program bantuan UMKM yang dibuka
cmd-programsaya = Pendaftaran program saya
cmd-gabungprogram = Gabung pendaftaran kelompok
cmd-programbaru = Buat program UMKM
cmd-seleksi = Seleksi pendaftar program

form-programme = formulir program

prg-kind-modal = Bantuan modal
prg-kind-pendampingan = Pendampingan
prg-kind-sertifikasi = Sertifikasi (halal, PIRT)
prg-kind-nib = Fasilitasi NIB
prg-kind-kur = Rujukan KUR
prg-kind-pameran = Pameran / bazar

prg-status-forming = kelompok belum lengkap
prg-status-submitted = diajukan
prg-status-accepted = diterima
prg-status-waitlisted = daftar tunggu
prg-status-rejected = ditolak
prg-status-withdrawn = ditarik

prg-refuse-closed = Pendaftaran program ini tidak sedang dibuka.
prg-refuse-area = Usaha Anda berada di luar wilayah program ini.
prg-refuse-sector = Sektor usaha Anda tidak termasuk sasaran program ini.
prg-refuse-scale = Skala usaha Anda tidak termasuk sasaran program ini.
prg-refuse-kecamatan = Program ini hanya untuk usaha di kecamatan tertentu.
prg-refuse-nib = Program ini mewajibkan NIB; tambahkan NIB Anda lewat /umkm.

prg-any = semua
prg-who-sectors = Sektor: { $list }
prg-who-scales = Skala: { $list }
prg-who-kecamatan = Kecamatan: { $name }
prg-form-individual = Pendaftaran: perorangan
prg-form-group = Pendaftaran: kelompok, minimal { $n } anggota
prg-nib-required = NIB: wajib
prg-nib-optional = NIB: tidak wajib
prg-selection-review = Diseleksi petugas
prg-selection-first-come = Siapa cepat dia dapat

prg-card =
    📣 { $name }
    { $kind } · { $organiser }
    { $description }
    Kuota: { $quota } · Tutup: { $closes }
    Seleksi: { $selection }
prg-invite-header = Ada program baru yang cocok dengan usaha Anda:
prg-post-header = Program bantuan UMKM dibuka:

prg-not-allowed = Maaf, membuat dan menyeleksi program hanya untuk petugas Diskominfo dan petugas OPD.
prg-not-found = Program atau pendaftaran itu tidak ditemukan.
prg-use-buttons = Silakan pilih dengan tombol di atas, atau ketik /batal untuk berhenti.
prg-bad-text = Jawaban tidak boleh kosong dan paling banyak { $max } karakter. Coba lagi.
prg-bad-quota = Kuota berupa angka dari 1 sampai 100000. Coba lagi.
prg-discarded = Dibatalkan. Tidak ada yang disimpan.

prg-ask-organiser = Program baru. Siapa penyelenggaranya?
prg-ask-name = Apa nama programnya? (misalnya: Bantuan Modal Usaha Kuliner 2026)
prg-ask-kind = Jenis programnya?
prg-ask-description = Tuliskan keterangan singkat: apa yang diberikan dan syarat lainnya.
prg-ask-sectors = Untuk sektor apa saja? Centang lalu tekan Selesai (tanpa centang: semua sektor).
prg-ask-scales = Untuk skala usaha apa saja? Centang lalu tekan Selesai (tanpa centang: semua skala).
prg-ask-nib = Apakah NIB wajib?
prg-ask-group = Pendaftaran perorangan atau kelompok?
prg-ask-quota = Berapa kuota penerima? Ketik angkanya.
prg-ask-window = Berapa lama pendaftaran dibuka?
prg-ask-selection = Bagaimana penerima dipilih?
prg-ask-question = Pertanyaan untuk pendaftar (paling banyak { $max }): pilih jenisnya, atau tekan Lewati. Pertanyaan teks juga bisa langsung diketik.
prg-ask-question-more = Pertanyaan { $n } dari { $max } tersimpan. Tambah pertanyaan lagi? Pilih jenisnya, atau tekan Selesai.
prg-ask-question-prompt = Ketik pertanyaannya ({ $kind }).
prg-ask-question-options = Ketik pilihan jawabannya, satu per baris atau dipisah koma (2–10 pilihan).
prg-bad-options = Pilihan jawaban harus 2–10, masing-masing paling banyak 40 karakter dan tidak boleh sama. Coba lagi.
prg-questions = Pertanyaan untuk pendaftar:
prg-ask-follow-up = Kirim survei tindak lanjut kepada penerima setelah pendaftaran ditutup?
prg-ask-review = Periksa lagi sebelum diumumkan:
prg-btn-organiser-self = Kantor kami sendiri
prg-organiser-office = Diskominfo
prg-btn-done = Selesai
prg-btn-nib-yes = Ya, wajib
prg-btn-nib-no = Tidak wajib
prg-btn-individual = Perorangan
prg-btn-group = Kelompok, minimal { $n } orang
prg-btn-days = { $n } hari
prg-btn-skip = Lewati
prg-btn-no-follow-up = Tidak usah
prg-btn-publish = Umumkan
prg-btn-discard = Batal
prg-published = Program «{ $name }» diumumkan ke { $owners } pemilik UMKM yang cocok dan { $groups } grup.

prg-none-open = Belum ada program yang sedang dibuka untuk wilayah Anda.
prg-open-list = Program yang sedang dibuka:
prg-btn-apply = Daftar
prg-register-first = Untuk mendaftar program, daftarkan usaha Anda dulu dengan /umkm, lalu buka lagi programnya.
prg-refused = Maaf, usaha Anda belum bisa mendaftar ke «{ $name }»:
prg-already = Anda sudah terdaftar di program ini:
prg-question = Pertanyaan { $n }: { $prompt }
prg-review = Periksa pendaftaran Anda ke «{ $name }»:
prg-review-business =
    Pemilik: { $owner }
    Usaha: { $business }
    Sektor: { $sector } · Skala: { $scale }
    Kelurahan: { $kelurahan }
    (dari data UMKM Anda; ubah lewat /umkm)
prg-review-group = Ini pendaftaran kelompok: Anda menjadi ketua dan mendapat kode untuk { $n } anggota.
prg-btn-submit = Kirim pendaftaran
prg-submitted = Pendaftaran terkirim. Nomor Anda: { $number }. Status: { $status }. Lihat di /programsaya.
prg-submitted-group =
    Pendaftaran kelompok dibuat. Nomor: { $number }.
    Kode gabung: { $code }
    Bagikan kode ini ke anggota; mereka mengetik /gabungprogram { $code }. Pendaftaran lengkap saat ada { $n } anggota.

prg-mine = Pendaftaran program Anda:
prg-mine-none = Anda belum mendaftar program apa pun. Lihat /program.
prg-app-line = • { $number } { $programme }: { $status }
prg-app-members = , { $members } anggota
prg-app-reason = . Alasan: { $reason }
prg-btn-withdraw = Tarik { $number }
prg-withdraw-ask = Tarik pendaftaran { $number }? Tempat Anda akan diberikan ke pendaftar berikutnya.
prg-btn-withdraw-yes = Ya, tarik
prg-withdrawn = Pendaftaran { $number } sudah ditarik.

prg-ask-code = Ketik kode gabung kelompok (6 huruf/angka).
prg-code-unknown = Kode itu tidak ditemukan atau kelompoknya sudah lengkap.
prg-join-consent =
    Gabung ke kelompok { $number } untuk program «{ $name }» ({ $members } dari { $n } anggota)?
    Dengan bergabung, Anda setuju nama Telegram Anda dicatat sebagai anggota kelompok untuk seleksi program ini.
prg-btn-join-yes = Setuju & gabung
prg-joined = Anda bergabung ke kelompok { $number } ({ $members } anggota).
prg-joined-complete = Anda bergabung ke kelompok { $number }. Kelompok sudah lengkap ({ $members } anggota) dan pendaftarannya diajukan.
prg-lead-joined = Anggota baru bergabung ke kelompok { $number }: sekarang { $members } anggota.
prg-lead-complete = Kelompok { $number } sudah lengkap ({ $members } anggota). Pendaftarannya diajukan.

prg-manage-list = Program yang Anda kelola:
prg-manage-none = Belum ada program yang Anda kelola. Buat dengan /programbaru.
prg-manage-head = { $name }: { $accepted } dari { $quota } diterima.
prg-manage-empty = Tidak ada pendaftar yang menunggu keputusan.
prg-applicant =
    { $number } · { $business } ({ $status })
       { $sector }, { $scale }, { $kelurahan }
prg-erased = (data dihapus)
prg-btn-more = Berikutnya ›
prg-ask-reason = Ketik alasan penolakan { $number } (dikirim ke pendaftar).
prg-decided = { $number }: { $status }. Pendaftar sudah diberi tahu.
prg-decided-already = Pendaftaran itu sudah diputuskan atau ditarik.
prg-quota-full = Kuota { $quota } sudah penuh. Masukkan ke daftar tunggu atau tolak.

prg-told-accepted = Selamat! Pendaftaran { $number } untuk «{ $programme }» diterima. Penyelenggara akan menghubungi Anda.
prg-told-waitlisted = Pendaftaran { $number } untuk «{ $programme }» masuk daftar tunggu. Anda dikabari jika ada tempat.
prg-told-rejected = Maaf, pendaftaran { $number } untuk «{ $programme }» tidak diterima. Alasan: { $reason }
prg-told-promoted = Kabar baik! Ada tempat kosong: pendaftaran { $number } untuk «{ $programme }» sekarang diterima.

audit-act-programme-create = membuat program #{ $id }, kuota { $quota }
audit-act-programme-publish = mengumumkan program #{ $id } ke { $people } pemilik UMKM
audit-act-programme-decide = memutuskan { $number } (program #{ $id }): { $decision }
audit-act-programme-withdraw = menarik pendaftaran { $number } (program #{ $id })
audit-act-programme-promote = menaikkan { $number } dari daftar tunggu (program #{ $id })
audit-act-programme-note = mencatat catatan pada { $number } (program #{ $id })
audit-act-programme-follow-up = mengirim survei tindak lanjut program #{ $id } ke { $people } penerima

privacy-data-programmes = Pendaftaran program
privacy-data-programme = • { $number } { $programme }: { $status } ({ $at }) { $answers }

console-nav-programmes = Program
console-programmes-title = Program UMKM
console-programmes-empty = Belum ada program yang Anda kelola.
console-programmes-back = ← Kembali ke daftar program
console-programme-name = Program
console-programme-organiser = Penyelenggara
console-programme-accepted = Diterima / kuota
console-programme-quota = Diterima { $accepted } dari kuota { $quota }
console-programme-all = Semua
console-programme-filter = Saring
console-programme-number = Nomor
console-programme-business = Usaha
console-programme-place = Tempat
console-programme-eligibility = Syarat
console-programme-answers = Jawaban
console-programme-note = Catatan
console-programme-reason = Alasan (wajib untuk menolak)
console-programme-members = { $n } anggota
console-programme-accept = Terima yang dicentang
console-programme-waitlist = Daftar tunggu
console-programme-reject = Tolak
console-programme-save-note = Simpan catatan
console-programme-done-decided = Keputusan disimpan; pendaftar sudah diberi tahu.
console-programme-done-quota-full = Kuota sudah penuh: sebagian pendaftar tidak diterima.
console-programme-done-none-ticked = Centang dulu pendaftar yang akan diputuskan.
console-programme-done-reason-needed = Tuliskan alasan untuk menolak.

rep-kind-programmes = Program UMKM
rep-prg-choose-period = Laporan program UMKM: pendaftaran dari periode mana?
console-download-programmes = Program UMKM: pendaftar dan penerima
rep-prg-empty = Tidak ada pendaftaran program pada { $period } di { $area }.
rep-prg-done = Laporan program { $period } di { $area }: { $rows } pendaftaran.
rep-prg-col-number = Nomor
rep-prg-col-programme = Program
rep-prg-col-form = Bentuk
rep-prg-col-members = Anggota
rep-prg-col-sector = Sektor
rep-prg-col-scale = Skala
rep-prg-col-answers = Jawaban pilihan
rep-prg-group = kelompok
rep-prg-individual = perorangan
rep-prg-sum-title = Ringkasan program UMKM
rep-prg-applicants = Pendaftar
rep-prg-recipients = Penerima

prg-fu-title = Tindak lanjut: { $name }
prg-fu-reach = Penerima program { $name }
prg-fu-q-helped = Apakah bantuan dari program «{ $name }» membantu usaha Anda?
prg-fu-yes = Ya, membantu
prg-fu-no = Tidak membantu
prg-fu-q-before = Berapa omzet usaha Anda per bulan sebelum menerima bantuan?
prg-fu-q-after = Berapa omzet usaha Anda per bulan sekarang?
prg-fu-band-1 = Di bawah Rp1 juta
prg-fu-band-2 = Rp1–5 juta
prg-fu-band-3 = Rp5–15 juta
prg-fu-band-4 = Rp15–50 juta
prg-fu-band-5 = Di atas Rp50 juta
rep-prg-fu-title = Survei tindak lanjut
rep-prg-fu-invited = Penerima yang ditanya
rep-prg-fu-respondents = Menjawab
rep-prg-fu-helped = Bantuan membantu usaha?
rep-prg-fu-band = Omzet per bulan
rep-prg-fu-before = Sebelum bantuan
rep-prg-fu-after = Sekarang
rep-prg-fu-withheld = Rincian ditampilkan mulai { $min } jawaban.
rep-prg-fu-line = Tindak lanjut «{ $name }»: { $respondents } dari { $invited } penerima menjawab.
rep-prg-fu-helped-line = Terbantu: { $yes } · tidak terbantu: { $no }.
rep-prg-chart-title = Pendaftar dan penerima program per kecamatan, { $period }, { $area }
rep-prg-chart-caption = Pendaftar dan penerima program per kecamatan, { $period }
rep-prg-chart-others = Lainnya
