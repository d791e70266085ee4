## /audit dalam kalimat: satu kunci per jenis tindakan

audit-entry =
    { $at } · { $who }
    { $what }
audit-who = { $name } ({ $id })
audit-who-unknown = pengguna { $id }
audit-who-erased = seseorang yang datanya sudah dihapus
audit-scope-all = seluruh wilayah
audit-via-cli = , lewat CLI
audit-via-console = , lewat konsol
audit-act-other = melakukan tindakan { $action }{ $detail }
audit-group-active = aktif
audit-group-left = dikeluarkan atau keluar
audit-group-restricted = dibatasi

audit-act-report-aspirations = mengekspor laporan aspirasi untuk { $scope }{ $period }, { $rows } baris
audit-act-report-umkm = mengekspor data UMKM untuk { $scope }, { $rows } baris
audit-act-report-attendance = mengekspor daftar hadir pelatihan { $training }, { $rows } baris
audit-act-training-export = mengunduh daftar peserta pelatihan { $training } (CSV), { $rows } baris
audit-act-training-publish = menerbitkan pelatihan { $training } untuk { $kim }, mulai { $start }, kuota { $quota }
audit-act-training-announce = mengumumkan pelatihan { $training } ke { $groups } grup
audit-act-training-invite = mengundang { $count } UMKM ke pelatihan { $training }
audit-act-training-close = menutup pendaftaran pelatihan { $training }
audit-act-training-cancel = membatalkan pelatihan { $training }; { $told } peserta diberi tahu
audit-act-training-edit = mengubah jadwal atau tempat pelatihan { $training }; { $told } peserta diberi tahu

audit-act-aspiration-status = mengubah status { $ticket } dari { $from } menjadi { $to }
audit-act-aspiration-reopen = menanggapi { $ticket } sehingga dibuka lagi ({ $from } → { $to })
audit-act-aspiration-assign = menyerahkan { $ticket } kepada pengguna { $user }
audit-act-aspiration-unassign = melepas penanganan { $ticket }
audit-act-aspiration-bulk = menjalankan aksi massal { $action }: { $n } dari { $count } tiket
audit-act-aspiration-export = mengunduh daftar antrian aspirasi ({ $rows } baris)
audit-act-aspiration-reply = membalas { $ticket }
audit-act-announcement-send = mengirim pengumuman #{ $id } ke { $groups } grup
audit-act-announcement-schedule = menjadwalkan pengumuman #{ $id }, pertama kali { $first }
audit-act-announcement-fire = pengumuman terjadwal #{ $id } dikirim ke { $groups } grup
audit-act-announcement-recall = menarik pengumuman #{ $id } dari { $groups } grup
audit-act-announcement-cancel = membatalkan jadwal pengumuman #{ $id }
audit-act-announcement-pause = menjeda jadwal pengumuman #{ $id }
audit-act-announcement-resume = melanjutkan jadwal pengumuman #{ $id }
audit-act-factcheck-request = meminta cek fakta { $number }
audit-act-factcheck-verdict = memberi putusan { $verdict } untuk { $number }

audit-act-area-import-official = memuat wilayah resmi Kemendagri { $area }: { $count } wilayah baru, { $n } KIM baru
audit-act-area-kim-add = menambah { $kim } di konsol
audit-act-area-kim-change = mengubah nama atau kelurahan { $kim } di konsol
audit-act-area-kim-retire = memensiunkan { $kim }: { $people } warga diminta memilih KIM baru, { $grants } koordinator dicabut, { $groups } grup diputuskan
audit-act-area-import-csv = memuat { $rows } baris wilayah dan KIM dari berkas CSV
audit-act-group-link = menghubungkan grup { $group } ke { $kim }
audit-act-group-unlink = memutuskan grup { $group } dari { $kim }
audit-act-group-migrate = grup { $group } menjadi supergrup
audit-act-group-status = mengubah status bot di grup { $group } menjadi { $status }
audit-act-invite-create = membuat undangan { $role } untuk { $scope }
audit-act-role-grant = memberi { $user } peran { $role } untuk { $scope }
audit-act-role-grant-invite = menerima undangan sebagai { $role } untuk { $scope }
audit-act-role-revoke = mencabut semua peran { $user } ({ $grants } peran, { $paused } jadwal dijeda)
audit-act-role-move = memindahkan { $user } sebagai { $role } ke { $scope }
audit-act-privacy-erase = menghapus datanya sendiri: { $tickets } tiket dianonimkan, { $seats } kursi pelatihan dilepas, { $paused } jadwal dijeda

audit-act-feed-add = menambah sumber berita #{ $feed } ({ $url }) untuk { $area }
audit-act-feed-remove = menghapus sumber berita #{ $feed }{ $url }
audit-act-webhook-add = menambah webhook #{ $id } ke { $url }
audit-act-webhook-remove = menghapus webhook #{ $id }
audit-act-webhook-retry = mengirim ulang kiriman webhook #{ $id }
audit-act-umkm-list = melihat daftar UMKM (halaman { $page })
audit-act-console-link = meminta tautan masuk konsol
audit-act-console-login = masuk ke konsol
audit-act-console-logout = keluar dari konsol
audit-act-console-logout-revoked = dikeluarkan dari konsol karena perannya dicabut
audit-act-console-view = membuka tiket { $ticket } di konsol
audit-act-console-photo = melihat foto ke-{ $n } tiket { $ticket } di konsol
audit-act-console-queue = melihat antrean aspirasi di konsol
audit-act-console-umkm = mencari di daftar UMKM di konsol
audit-act-console-umkm-view = membuka data UMKM { $business } di konsol
audit-act-console-training-view = membuka daftar peserta pelatihan { $training } di konsol
audit-act-console-attendance = mencatat kehadiran di pelatihan { $training }
audit-act-aspiration-undo = mengurungkan perubahan status { $ticket } ({ $from } → { $to })
audit-act-poll-create = membuat jajak pendapat #{ $id } untuk { $scope }: { $groups } grup dan { $people } warga
audit-act-poll-close = jajak pendapat #{ $id } ditutup tepat waktu di { $chats } obrolan
audit-act-poll-close-early = menutup jajak pendapat #{ $id } lebih awal di { $chats } obrolan
audit-act-poll-recall = menarik jajak pendapat #{ $id } dari { $chats } obrolan
audit-act-survey-send = mengirim survei #{ $id } ({ $questions } pertanyaan) ke { $people } warga di { $scope }
audit-act-survey-close = menutup survei #{ $id } lebih awal
audit-act-survey-recall = menarik survei #{ $id }; { $dropped } undangan yang belum terkirim dibatalkan
