# Data saya, hapus data, berhenti berita (UU 27/2022) dan log audit.

privacy-data-empty = Tidak ada data tentang Anda yang tersimpan di kimbot.
privacy-data-header = Semua data tentang Anda yang tersimpan di kimbot (ID Telegram { $id }):
privacy-data-profile =
    Profil
    Nama: { $name }
    Username: { $username }
    Bahasa: { $lang }
    KIM: { $kim }
    Bergabung: { $since }
privacy-data-consents-header = Persetujuan yang Anda berikan:
privacy-data-consent = - { $purpose } (pemberitahuan versi { $version }), diberikan { $at }
privacy-data-consent-withdrawn = - { $purpose } (pemberitahuan versi { $version }), diberikan { $at }, ditarik { $withdrawn }
privacy-lang-id = Bahasa Indonesia
privacy-lang-en = Inggris
privacy-purpose-membership = Keanggotaan KIM
privacy-purpose-umkm = Pendaftaran UMKM
privacy-purpose-news = Kabar program di chat pribadi
privacy-data-roles-header = Peran:
privacy-data-role = - { $role } untuk { $scope }, sejak { $at }
privacy-data-role-revoked = - { $role } untuk { $scope }, sejak { $at } (sudah dicabut)
privacy-data-umkm =
    Data UMKM
    Pemilik: { $owner }
    Usaha: { $business }
    Sektor: { $sector }, skala { $scale }
    Kelurahan: { $kelurahan }
    Nomor HP: { $phone }
    NIB: { $nib }
    Kebutuhan: { $needs }
    Deskripsi: { $description }
    Terakhir diubah: { $at }
privacy-data-aspirations-header = Tiket aspirasi:
privacy-data-aspiration =
    - { $ticket } ({ $category }, { $status }, { $at })
      { $body }
      { $photos } foto{ $location ->
        [yes] , lokasi dibagikan
       *[no] {""}
    }{ $anonymous ->
        [yes] , anonim bagi koordinator
       *[no] {""}
    }
privacy-data-thread-reply =   · Balasan petugas ({ $at }): { $body }
privacy-data-thread-answer =   · Jawaban Anda ({ $at }): { $body }
privacy-data-invitations-header = Undangan pelatihan untuk usaha Anda:
privacy-data-invitation = - { $title }, dikirim { $at }
privacy-data-trainings-header = Pelatihan:
privacy-data-training = - { $title } ({ $start }): { $status }
privacy-seat-registered = terdaftar
privacy-seat-waitlisted = daftar tunggu
privacy-seat-cancelled = dibatalkan
privacy-data-factchecks-header = Permintaan cek fakta:
privacy-data-factcheck =
    - { $number } ({ $at }): { $result }
      { $text }
privacy-data-factcheck-open = menunggu pemeriksaan staf
privacy-data-feedback-header = Penilaian pelatihan:
privacy-data-feedback-item = - { $title }: { $rating }/5, komentar: { $comment }
privacy-data-footer =
    Salinan lengkapnya ada di berkas berikut.
    Berhenti menerima berita program: /berhenti
    Hapus data pribadi Anda: /hapusdata
privacy-data-file-caption = Salinan lengkap data Anda (berkas JSON).

privacy-erase-confirm =
    Yakin ingin menghapus data pribadi Anda?

    Yang dihapus sekarang juga: nama dan username Anda, pilihan bahasa dan KIM, data UMKM (termasuk nomor HP), pendaftaran dan penilaian pelatihan (kursi Anda diberikan ke antrean berikutnya), peran petugas, dan pesan yang belum terkirim.

    Yang tetap ada tanpa nama Anda: { $tickets } tiket aspirasi (kategori, isi, status) agar tetap dihitung dalam laporan; lokasi dan foto tiket dihapus. Isi tiket yang Anda tulis sendiri tidak diubah. Permintaan cek fakta yang sudah dijawab tetap ada tanpa nama Anda dan tanpa isi pesan yang Anda kirim (hanya nomor, putusan, dan penjelasannya, agar warga lain yang bertanya hal yang sama tetap mendapat jawaban); permintaan yang belum dijawab dihapus. Catatan persetujuan disimpan tanpa identitas Anda. Pengumuman terjadwal Anda dijeda dan diserahkan ke staf wilayah; pengumuman, pelatihan, dan sumber berita yang Anda buat sebagai petugas tetap ada tanpa nama Anda.

    Ini tidak bisa dibatalkan. Anda bisa bergabung lagi kapan saja dengan /start.
privacy-btn-erase = Hapus
privacy-btn-keep = Batal
privacy-erase-done =
    Data pribadi Anda sudah dihapus. { $tickets } tiket aspirasi tetap disimpan tanpa identitas Anda.{ $schedules ->
        [0] {""}
       *[other] {" "}{ $schedules } pengumuman terjadwal Anda dijeda dan diserahkan ke staf.
    }
    Terima kasih sudah menggunakan kimbot. Ketik /start jika ingin bergabung lagi.
privacy-erase-kept = Baik, tidak ada yang dihapus. Data Anda tetap tersimpan.
privacy-erase-use-buttons = Silakan tekan tombol Hapus atau Batal di atas, atau ketik /batal.
privacy-news-confirm = Berhenti menerima berita program dan undangan pelatihan dari kimbot? Anda bisa menerimanya lagi kapan saja lewat /umkm.
privacy-btn-stop-news = 🔕 Ya, berhenti
privacy-news-kept = Baik, Anda tetap menerima berita program.
privacy-news-stopped = Anda tidak akan lagi menerima berita program dari kimbot. Persetujuan Anda sudah dicatat sebagai ditarik. Untuk menerimanya lagi, buka /umkm lalu tekan "📣 Terima kabar program".
privacy-news-none = Anda tidak sedang menerima berita program dari kimbot, jadi tidak ada yang perlu dihentikan.

audit-admins-only = Maaf, log audit hanya untuk admin.
audit-bad-filter = Saringan tidak dikenali. Contoh: /audit 12345 (ID orang) atau /audit aspiration (jenis tindakan).
audit-header = Log audit { $filter }, halaman { $page } dari { $pages } ({ $total } catatan):
audit-filter-all = (semua)
audit-filter-actor = oleh { $id }
audit-filter-action = jenis { $prefix }
audit-empty = Belum ada catatan.
audit-actor-system = sistem/CLI
audit-prev = « Sebelumnya
audit-next = Berikutnya »
