## Penilaian warga atas tiket yang selesai ("Apakah masalahnya sudah beres?")
verdict-ask = Apakah masalahnya sudah beres? Beri nilai 1 (belum beres sama sekali) sampai 5 (sudah beres sepenuhnya). Jika belum beres, tekan "Belum beres".
verdict-ask-score-only = Apakah masalahnya sudah beres? Beri nilai 1 (belum beres sama sekali) sampai 5 (sudah beres sepenuhnya).
verdict-btn-not-solved = ❌ Belum beres
verdict-reminder = ⏰ Pengingat: tiket { $ticket } sudah dinyatakan selesai oleh petugas. Penilaian Anda membantu kami memperbaiki layanan.
verdict-thanks-ask-comment = Terima kasih atas penilaian Anda: { $score } dari 5 untuk tiket { $ticket }. Ingin menambahkan komentar? Tulis sekarang, atau tekan Lewati.
verdict-btn-skip-comment = Lewati
verdict-comment-thanks = Terima kasih. Komentar Anda untuk tiket { $ticket } sudah kami catat dan dapat dibaca petugas.
verdict-comment-skipped = Terima kasih atas penilaian Anda.
verdict-expired = Maaf, waktu untuk menilai tiket ini sudah lewat. Jika masalahnya muncul lagi, kirim aspirasi baru dengan /aspirasi.
verdict-already = Tiket ini sudah Anda nilai. Terima kasih!
verdict-ask-not-solved = Maaf masalahnya belum beres. Ceritakan singkat apa yang masih bermasalah pada tiket { $ticket }. Tiket akan dibuka kembali untuk ditinjau petugas; ini hanya bisa dilakukan sekali. Ketik /batal untuk batal.
verdict-not-solved-already = Tiket ini sudah pernah dibuka kembali sekali, jadi tidak bisa dibuka lagi. Anda tetap bisa memberi nilai dengan tombol 1–5. Jika masalahnya masih ada, kirim aspirasi baru dengan /aspirasi.

## Untuk petugas: kartu tiket dan konsol
verdict-card-rated = ⭐ Penilaian warga: { $score }/5
verdict-card-not-solved = ⭐ Penilaian warga: belum beres (tiket dibuka kembali)
verdict-card-unrated = ⭐ Penilaian warga: tidak dinilai (tanpa jawaban dalam { $days } hari)
verdict-card-waiting = ⭐ Penilaian warga: menunggu jawaban (ditanyakan { $time })
verdict-card-comment = 💬 Komentar warga: { $text }
verdict-console-title = Penilaian warga

## /datasaya
verdict-data-rated =   · Penilaian Anda ({ $at }): { $score } dari 5
verdict-data-not-solved =   · Penilaian Anda ({ $at }): belum beres
verdict-data-unrated =   · Penilaian ({ $at }): tidak dijawab
verdict-data-comment =   · Komentar Anda: { $text }

## Log audit
verdict-audit-rate = menilai hasil { $ticket }: { $score } dari 5
verdict-audit-comment = menambahkan komentar pada penilaian { $ticket }
verdict-audit-unrated = penilaian { $ticket } ditutup tanpa jawaban warga
