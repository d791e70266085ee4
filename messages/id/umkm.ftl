## Pendaftaran UMKM (/umkm)
umkm-consent =
    🏪 Pendaftaran UMKM

    Sebelum mulai, mohon persetujuan Anda (versi { $version }):
    • Yang disimpan: nama pemilik, nama usaha, sektor, skala, kelurahan, nomor HP, NIB (jika ada), kebutuhan, dan deskripsi usaha.
    • Untuk apa: agar usaha Anda tercatat dan mendapat informasi program bantuan, pelatihan, dan perizinan.
    • Siapa yang melihat: koordinator KIM Anda dan staf Diskominfo di wilayah Anda. Tidak dijual atau dibagikan ke pihak lain.
    • Anda bisa mengubah atau menarik pendaftaran kapan saja lewat /umkm.
    Dasar hukum: UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.

    Apakah Anda setuju data usaha Anda disimpan untuk keperluan ini?
umkm-btn-consent-yes = ✅ Setuju
umkm-btn-consent-no = ❌ Tidak setuju
umkm-consent-given = ✅ Anda setuju. Terima kasih!
umkm-consent-declined = Baik, pendaftaran UMKM tidak dilanjutkan dan tidak ada data usaha yang disimpan. Ketik /umkm kapan saja jika berubah pikiran.
umkm-need-kim = Untuk mendaftarkan UMKM, pilih dulu KIM Anda dengan /gantikim.
umkm-continue = Anda sedang mengisi pendaftaran UMKM. Lanjutkan dari pertanyaan ini, atau ketik /batal untuk berhenti.
umkm-use-buttons = Silakan pilih dengan tombol di bawah pertanyaan. Ketik /batal untuk berhenti.

umkm-ask-owner = 1/9 · Siapa nama pemilik usaha? Tulis nama lengkap. (Ketik /batal kapan saja untuk berhenti.)
umkm-ask-business = 2/9 · Apa nama usaha Anda?
umkm-ask-sector = 3/9 · Usaha Anda bergerak di sektor apa?
umkm-ask-scale = 4/9 · Berapa skala usaha Anda?
umkm-ask-kelurahan = 5/9 · Di kelurahan mana usaha Anda berada? 📍 adalah kelurahan KIM Anda.
umkm-ask-phone =
    6/9 · Nomor HP untuk dihubungi petugas.
    Tekan tombol "📱 Kirim nomor saya" di bawah, atau ketik nomor, misalnya 0812 3456 7890.
umkm-phone-placeholder = 08…
umkm-ask-nib = 7/9 · Jika sudah punya NIB (Nomor Induk Berusaha, 13 angka dari OSS), ketik di sini. Jika belum, tekan Lewati.
umkm-ask-needs = 8/9 · Bantuan apa yang Anda butuhkan? Boleh pilih lebih dari satu, lalu tekan Selesai.
umkm-ask-description = 9/9 · Ceritakan singkat usaha Anda (paling banyak 500 karakter), misalnya produk dan cara menjualnya. Boleh dilewati.
umkm-current = Jawaban sebelumnya: { $value }
umkm-btn-keep = ✔️ Tetap: { $value }
umkm-btn-skip = ⏭️ Lewati
umkm-btn-done = ✔️ Selesai
umkm-btn-share-contact = 📱 Kirim nomor saya
umkm-kelurahan-home = 📍 { $name }
umkm-back-ok = ⬅️ Kembali ke pertanyaan sebelumnya.
umkm-phone-saved = 📱 Nomor dicatat: { $phone }
umkm-answer = { $field }: { $value }
umkm-editing = ✏️ Mengubah: { $field }
umkm-none = (tidak ada)

umkm-sector-kuliner = Kuliner
umkm-sector-fashion = Fesyen
umkm-sector-kriya = Kriya / kerajinan
umkm-sector-jasa = Jasa
umkm-sector-pertanian = Pertanian / perikanan
umkm-sector-perdagangan = Perdagangan
umkm-sector-lainnya = Lainnya

umkm-scale-mikro = Mikro
umkm-scale-kecil = Kecil
umkm-scale-menengah = Menengah
umkm-scale-mikro-hint = omzet sampai Rp2 miliar setahun, biasanya dikelola sendiri atau bersama keluarga
umkm-scale-kecil-hint = omzet Rp2–15 miliar setahun, sudah punya beberapa karyawan
umkm-scale-menengah-hint = omzet Rp15–50 miliar setahun, usaha dengan banyak karyawan

umkm-need-modal = Modal
umkm-need-pelatihan = Pelatihan
umkm-need-pemasaran = Pemasaran digital
umkm-need-perizinan = Perizinan / NIB
umkm-need-qris = QRIS / pembayaran digital
umkm-need-kemasan = Kemasan
umkm-need-lainnya = Lainnya

umkm-err-empty = Jawaban tidak boleh kosong.
umkm-err-too-long = Jawaban terlalu panjang: { $got } karakter, paling banyak { $max }. Mohon dipersingkat.
umkm-err-name-format = Nama harus memuat huruf. Mohon tulis nama yang benar.
umkm-err-phone = Nomor HP tidak dikenali. Tulis nomor HP Indonesia yang diawali 08, +628, atau 628 (10–13 angka), misalnya 0812 3456 7890.
umkm-err-nib = NIB terdiri dari 13 angka, misalnya 1234567890123. Periksa lagi, atau tekan Lewati jika belum punya.
umkm-err-contact-not-own = Kontak itu bukan milik Anda. Tekan tombol "📱 Kirim nomor saya" atau ketik nomor HP Anda sendiri.
umkm-err-text-only = Mohon jawab dengan mengetik teks.
umkm-err-need-one = Pilih paling sedikit satu kebutuhan, lalu tekan Selesai.

umkm-field-owner = Nama pemilik
umkm-field-business = Nama usaha
umkm-field-sector = Sektor
umkm-field-scale = Skala
umkm-field-kelurahan = Kelurahan
umkm-field-phone = Nomor HP
umkm-field-nib = NIB
umkm-field-needs = Kebutuhan
umkm-field-description = Deskripsi
umkm-summary =
    👤 Nama pemilik: { $owner }
    🏪 Nama usaha: { $business }
    🏷️ Sektor: { $sector }
    📏 Skala: { $scale }
    📍 Kelurahan: { $kelurahan }
    📱 Nomor HP: { $phone }
    🪪 NIB: { $nib }
    🤝 Kebutuhan: { $needs }
    📝 Deskripsi: { $description }
umkm-review = Periksa kembali data usaha Anda. Tekan Simpan jika sudah benar, atau Ubah untuk memperbaiki.
umkm-btn-save = 💾 Simpan
umkm-edit-owner = ✏️ Ubah nama pemilik
umkm-edit-business = ✏️ Ubah nama usaha
umkm-edit-sector = ✏️ Ubah sektor
umkm-edit-scale = ✏️ Ubah skala
umkm-edit-kelurahan = ✏️ Ubah kelurahan
umkm-edit-phone = ✏️ Ubah nomor HP
umkm-edit-nib = ✏️ Ubah NIB
umkm-edit-needs = ✏️ Ubah kebutuhan
umkm-edit-description = ✏️ Ubah deskripsi
umkm-saved = ✅ Terima kasih, usaha Anda sudah terdaftar. Koordinator KIM akan mengabari Anda tentang program yang sesuai. Ketik /umkm untuk melihat, mengubah, atau menarik pendaftaran.
umkm-updated = ✅ Perubahan data usaha Anda sudah disimpan.

umkm-existing = Usaha Anda sudah terdaftar:
umkm-btn-edit-saved = ✏️ Ubah
umkm-btn-withdraw = 🗑️ Tarik pendaftaran
umkm-withdraw-confirm = Yakin ingin menarik pendaftaran UMKM? Data usaha Anda akan dihapus dan persetujuan untuk pendaftaran UMKM ditarik.
umkm-btn-withdraw-yes = Ya, tarik pendaftaran
umkm-btn-withdraw-no = Tidak, biarkan
umkm-withdrawn = Pendaftaran UMKM Anda sudah ditarik dan datanya dihapus. Ketik /umkm jika ingin mendaftar lagi.
umkm-withdraw-kept = Baik, pendaftaran UMKM Anda tetap tersimpan. Ketik /umkm untuk melihatnya.

## Daftar UMKM (/umkmkim)
umkm-scope-all = semua wilayah
umkm-list-empty = Belum ada UMKM yang terdaftar di { $scope }.
umkm-list-header = UMKM terdaftar di { $scope } ({ $total }) · halaman { $page } dari { $pages }
umkm-list-line =
    { $n }. { $business } - { $owner }
       { $sector }, { $scale } · { $needs } · { $phone }
umkm-btn-prev = ⬅️ Sebelumnya
umkm-btn-next = Berikutnya ➡️

## Kabar program di chat pribadi (persetujuan 'news')
umkm-news-ask =
    📣 Satu pertanyaan lagi (persetujuan versi { $version }): maukah Anda menerima kabar program untuk UMKM, seperti bantuan modal, pelatihan, dan perizinan, di chat ini? Kabar dikirim oleh staf Diskominfo dan koordinator KIM Anda, hanya yang sesuai dengan usaha Anda.
    Anda bisa berhenti kapan saja dengan /berhenti atau lewat /umkm.
umkm-btn-news-yes = ✅ Ya, kabari saya
umkm-btn-news-no = Tidak
umkm-news-yes = ✅ Baik, Anda akan menerima kabar program di chat ini. Berhenti kapan saja dengan /berhenti atau lewat /umkm.
umkm-news-no = Baik, Anda tidak akan menerima kabar program. Anda bisa mengubahnya kapan saja lewat /umkm.
umkm-news-status-on = 📣 Kabar program di chat ini: aktif
umkm-news-status-off = 🔕 Kabar program di chat ini: tidak aktif
umkm-btn-news-on = 📣 Terima kabar program
umkm-btn-news-off = 🔕 Berhenti terima kabar program
