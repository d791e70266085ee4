## Umum
error-generic = Maaf, terjadi kendala di sistem kami. Silakan coba lagi sebentar lagi.
stale-button = Tombol ini sudah tidak berlaku.
unknown-text = Maaf, saya belum mengerti pesan itu. Ketik /bantuan untuk melihat apa saja yang bisa saya bantu.
unknown-command = Perintah { $cmd } tidak saya kenal. Ketik /bantuan untuk melihat daftar perintah.
need-start = Halo! Ketik /start untuk mulai memakai kimbot.
cancelled = Dibatalkan. Ketik /bantuan untuk melihat menu.
nothing-to-cancel = Tidak ada proses yang sedang berjalan. Ketik /bantuan untuk melihat menu.
not-allowed-coordinator = Maaf, perintah ini hanya untuk koordinator KIM dan staf Diskominfo.
not-allowed-staff = Maaf, perintah ini hanya untuk staf Diskominfo.
not-allowed-admin = Maaf, perintah ini hanya untuk admin kimbot.
only-private = Perintah ini dipakai di chat pribadi dengan saya: { $link }
only-group = Perintah ini dipakai di dalam grup KIM, bukan di chat pribadi.
btn-back = ⬅️ Kembali
btn-lang-id = 🇮🇩 Bahasa Indonesia
btn-lang-en = 🇬🇧 English

## Peran
role-resident = warga
role-coordinator = koordinator KIM
role-staff = staf Diskominfo
role-admin = admin
role-officer = petugas OPD

## Pendaftaran awal dan persetujuan
notice =
    Selamat datang di kimbot, layanan Kelompok Informasi Masyarakat (KIM) bersama Diskominfo.

    🔒 Pemberitahuan privasi (versi { $version })
    • Yang disimpan: ID dan nama Telegram Anda, bahasa pilihan, dan KIM yang Anda ikuti.
    • Untuk apa: mengirim informasi dari KIM Anda dan menindaklanjuti aspirasi Anda.
    • Data hanya dipakai oleh KIM dan Diskominfo, tidak dijual atau dibagikan ke pihak lain.
    • Anda dapat menarik persetujuan dan meminta data dihapus kapan saja.
    Dasar hukum: UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.

    Apakah Anda setuju?
btn-agree = ✅ Setuju
btn-decline = ❌ Tidak setuju
notice-reminder = Sebelum lanjut, jawab dulu pertanyaan ini dengan tombol Setuju atau Tidak setuju di bawah. Ketik /batal untuk berhenti.
declined =
    Baik, tidak ada data Anda yang kami simpan.
    Tanpa persetujuan, kimbot tidak dapat mendaftarkan Anda ke KIM, menerima aspirasi, atau mengirim informasi program.
    Jika berubah pikiran, ketik /start kapan saja.
welcome-back = Selamat datang kembali, { $name }! KIM Anda: { $kim }. Ketik /bantuan untuk melihat menu.
choose-kim = Pilih KIM Anda: ketik kode KIM (misalnya { $code }) atau pilih wilayah di bawah.
choose-kim-pick-kecamatan = { $area }: pilih kecamatan Anda.
choose-kim-pick-kelurahan = { $area }: pilih kelurahan Anda.
choose-kim-pick-kim = { $area }: pilih KIM Anda.
choose-kim-none-here = Belum ada KIM di { $area }. Pilih wilayah lain atau ketik kode KIM.
kim-not-found = Kode KIM "{ $code }" tidak ditemukan. Periksa lagi kodenya.
kim-not-found-menu = Kode KIM "{ $code }" tidak ditemukan. Periksa lagi kodenya, atau pilih wilayah dari menu di bawah.
no-kims = Belum ada KIM yang terdaftar. Silakan hubungi Diskominfo setempat. Anda bisa memilih KIM nanti dengan /gantikim.
kim-joined =
    Selamat! Anda tergabung di { $kim } ({ $area }).
    Ketik /bantuan untuk melihat apa saja yang bisa dilakukan.
kim-retired-choose = { $kim } tidak aktif lagi. Pilih KIM baru Anda dengan tombol di bawah, atau ketik /gantikim untuk memilih dari semua wilayah.
kim-retired-gone = KIM itu sudah tidak bisa dipilih. Ketik /gantikim untuk memilih KIM lain.
kim-retired-coordinator = { $kim } dipensiunkan, jadi peran koordinator Anda untuk KIM itu berakhir.
kim-retired-group = Grup ini tidak lagi terhubung ke { $kim } karena KIM itu dipensiunkan: tidak ada kiriman baru dari KIM itu di sini. Koordinator dapat menghubungkan grup ini ke KIM lain dengan /hubungkan.
kim-choose-later = Dibatalkan. Anda bisa memilih KIM nanti dengan /gantikim.

## Bahasa
lang-choose = Pilih bahasa:
lang-changed = Bahasa diganti ke Bahasa Indonesia.

## Bantuan
help-header = Yang bisa Anda lakukan ({ $role }):
help-line-umkm = /umkm - daftarkan usaha Anda (UMKM) agar mendapat info program bantuan
help-line-aspirasi = /aspirasi - sampaikan keluhan atau usulan, dapat nomor tiket
help-line-status = /status - lihat tiket aspirasi Anda
help-line-pengumuman = /pengumuman - pengumuman terbaru KIM Anda
help-line-pelatihan = /pelatihan - pelatihan yang akan datang di KIM Anda: daftar atau batal
help-line-pelatihansaya = /pelatihansaya - pelatihan yang Anda ikuti dan daftar tunggu Anda
help-line-gantikim = /gantikim - pilih atau ganti KIM Anda
help-line-bahasa = /bahasa - ganti bahasa
help-line-datasaya = /datasaya - lihat semua data Anda yang kami simpan
help-line-berhenti = /berhenti - berhenti menerima berita program
help-line-hapusdata = /hapusdata - hapus data pribadi Anda
help-line-batal = /batal - hentikan proses yang sedang berjalan
help-line-bantuan = /bantuan - tampilkan pesan ini
help-section-officer = Untuk petugas OPD:
help-line-antrian-opd = /antrian - aspirasi yang diteruskan ke OPD Anda
help-section-coordinator = Untuk koordinator KIM:
help-line-umumkan = /umumkan - buat pengumuman ke grup KIM (kirim sekarang, terjadwal, atau berulang)
help-line-jadwal = /jadwal - pengumuman terjadwal dan berulang
help-line-pelatihanbaru = /pelatihanbaru - buat pelatihan untuk KIM Anda
help-line-peserta = /peserta - peserta, kehadiran, ubah atau batalkan pelatihan
help-line-umkmkim = /umkmkim - UMKM yang terdaftar di KIM Anda
help-line-antrian = /antrian - aspirasi baru dari wilayah Anda
help-line-hubungkan = /hubungkan KODE - (di dalam grup) hubungkan grup dengan KIM
help-line-putuskan = /putuskan - (di dalam grup) lepaskan grup dari KIM
help-line-grupsaya = /grupsaya - daftar grup KIM Anda
help-section-staff = Untuk staf Diskominfo:
help-line-undang-coordinator = /undang koordinator KODE-KIM - buat kode undangan koordinator
help-line-undang-opd = /undang opd KODE-OPD - buat kode undangan petugas OPD (dinas/badan)
help-line-laporan = /laporan - laporan (XLSX, CSV): aspirasi per periode dan wilayah, daftar UMKM, kehadiran pelatihan
help-line-sumber = /sumber - sumber berita program (RSS/Atom) untuk wilayah Anda
help-section-admin = Untuk admin:
help-line-undang-staff = /undang staf NAMA-WILAYAH - buat kode undangan staf (kota atau kecamatan)
help-line-audit = /audit - log tindakan petugas (bisa disaring: /audit 12345 atau /audit aspiration)
help-group =
    Perintah di grup:
    /hubungkan KODE - hubungkan grup ini dengan KIM (koordinator)
    /topik - pilih topik forum untuk kiriman kimbot (koordinator)
    /putuskan - lepaskan grup ini dari KIM (koordinator)

## Menu perintah Telegram
cmd-start = Mulai atau daftar ulang
cmd-bantuan = Apa yang bisa dilakukan
cmd-gantikim = Pilih atau ganti KIM
cmd-bahasa = Ganti bahasa
cmd-batal = Hentikan proses yang berjalan
cmd-hubungkan = Hubungkan grup ini dengan KIM
cmd-putuskan = Lepaskan grup ini dari KIM
cmd-grupsaya = Daftar grup KIM saya
cmd-undang = Buat kode undangan peran
cmd-umkm = Daftar atau lihat data UMKM
cmd-aspirasi = Kirim keluhan atau usulan
cmd-status = Lihat tiket aspirasi saya
cmd-pengumuman = Pengumuman terbaru KIM
cmd-umumkan = Buat pengumuman
cmd-jadwal = Pengumuman terjadwal
cmd-umkmkim = UMKM di KIM saya
cmd-antrian = Antrian aspirasi
cmd-pelatihan = Pelatihan yang akan datang
cmd-pelatihansaya = Pelatihan yang saya ikuti
cmd-pelatihanbaru = Buat pelatihan
cmd-peserta = Peserta dan kehadiran pelatihan
cmd-datasaya = Data saya yang tersimpan
cmd-berhenti = Berhenti terima berita program
cmd-hapusdata = Hapus data pribadi saya
cmd-audit = Log audit tindakan petugas
cmd-laporan = Laporan aspirasi, UMKM, pelatihan

## Grup
group-hello =
    Halo, saya kimbot, asisten informasi KIM.
    Koordinator KIM: kirim /hubungkan KODE-KIM di grup ini agar pengumuman KIM sampai ke sini.
group-link-usage = Tulis kode KIM setelah perintah, misalnya: /hubungkan { $code }
group-linked = Grup ini sekarang terhubung dengan { $kim }. Pengumuman KIM akan dikirim ke sini.
group-link-denied = Maaf, hanya koordinator { $kim } atau staf Diskominfo wilayahnya yang dapat menghubungkan grup ini.
group-link-not-admin = Maaf, hanya admin grup ini yang dapat menghubungkannya dengan KIM. Minta admin grup menjadikan Anda admin, atau minta admin grup mengirim perintah ini.
group-link-taken = Grup ini sudah terhubung dengan { $kim }. Hanya koordinator { $kim } atau staf Diskominfo wilayahnya yang dapat memindahkannya ke KIM lain, atau memutuskannya dulu dengan /putuskan.
group-unlink-denied = Maaf, hanya koordinator { $kim } atau staf Diskominfo wilayahnya yang dapat memutuskan grup ini dari KIM.
group-unlinked = Grup ini tidak lagi terhubung dengan { $kim }.
group-not-linked = Grup ini belum terhubung dengan KIM mana pun.
my-groups-header = Grup KIM Anda:
my-groups-item = • { $title } - { $kim } ({ $status })
my-groups-empty = Belum ada grup yang terhubung. Tambahkan saya ke grup, lalu kirim /hubungkan KODE-KIM di grup itu.
group-status-active = aktif
group-status-left = bot sudah dikeluarkan
group-status-restricted = bot tidak boleh mengirim pesan

## Undangan peran
invite-usage =
    Cara membuat undangan:
    /undang koordinator KODE-KIM
    /undang opd KODE-OPD (petugas dinas/badan, misalnya /undang opd PUPR)
    /undang staf NAMA-WILAYAH (khusus admin; nama kota atau kecamatan)
invite-created =
    Undangan { $role } untuk { $scope } dibuat.
    Kirim tautan ini kepada orangnya (sekali pakai, berlaku { $days } hari):
    { $link }
invite-invalid = Kode undangan ini tidak berlaku: salah, sudah dipakai, atau kedaluwarsa. Mintalah kode baru.
invite-claimed = Anda sekarang { $role } untuk { $scope }. Ketik /bantuan untuk melihat perintah baru Anda.
area-not-found = Wilayah "{ $name }" tidak ditemukan.
area-ambiguous = Ada beberapa wilayah bernama "{ $name }": { $options }. Tulis nama lengkapnya, misalnya "Kota Palembang/Ilir Barat I".

## Perintah saat formulir belum selesai
form-leave-ask = Tinggalkan { $form } yang belum selesai? Jika ditinggalkan, isian yang belum dikirim hilang lalu { $cmd } dijalankan.
form-btn-keep = ↩️ Lanjutkan
form-btn-leave = Tinggalkan
form-kept = Baik, { $form } dilanjutkan. Jawab pertanyaan terakhir di atas, atau ketik /batal untuk membatalkan.
form-left = Baik, { $form } ditinggalkan.
form-left-retype = Baik, { $form } ditinggalkan. Silakan kirim lagi perintah Anda.
form-aspiration = formulir aspirasi
form-umkm = formulir UMKM
form-training = formulir pelatihan
form-factcheck = permintaan cek fakta
form-feed = pengaturan sumber berita
form-announce = pengumuman
form-survey = survei
form-report = permintaan laporan
form-poll = jajak pendapat
form-privacy = permintaan data pribadi
form-other = formulir

## Pesan di luar percakapan
offer-ask = Pesan Anda saya terima. Ingin melakukan apa dengan pesan ini? Pilih di bawah, atau ketik /bantuan untuk melihat semua menu.
offer-btn-aspirasi = 📝 Kirim aspirasi
offer-btn-cekfakta = 🔎 Cek fakta
offer-btn-bantuan = ❓ Bantuan
