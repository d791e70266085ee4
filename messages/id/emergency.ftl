## Peringatan darurat (/darurat)
cmd-darurat = Peringatan darurat ke semua grup dan warga
help-line-darurat = /darurat - kirim peringatan darurat (banjir, gempa …) ke semua grup dan warga di satu wilayah, mendahului antrean
emergency-not-allowed = Maaf, peringatan darurat hanya untuk admin dan staf Diskominfo yang diberi hak ini oleh operator.
emergency-no-areas = Belum ada wilayah yang bisa Anda kirimi peringatan darurat.
emergency-choose-area = 🚨 Peringatan darurat. Pilih wilayah tujuan:
emergency-btn-area = { $name } ({ $kind })
emergency-btn-areas = 🗺 Ganti wilayah
emergency-compose =
    Wilayah: { $area }.
    Tulis isi peringatan: teks, atau foto dengan keterangan. Ketik /batal untuk berhenti.
emergency-content-kind = Kirim teks, atau foto dengan keterangan.
emergency-need-text = Foto tersimpan. Sekarang tulis teks peringatannya.
emergency-too-long = Teks Anda { $chars } karakter, paling banyak { $max }. Persingkat lalu kirim lagi.
emergency-use-buttons = Silakan pilih dengan tombol di atas, atau ketik /batal untuk berhenti.
emergency-area-gone = Wilayah itu tidak lagi bisa Anda pilih. Pilih lagi:
emergency-nobody = Di { $area } belum ada grup terhubung maupun warga yang berlangganan berita. Pilih wilayah lain.
emergency-lane-free = Dikirim dengan batas gratis Telegram (±30 pesan per detik), mendahului semua pesan lain di antrean.
emergency-lane-paid = Dikirim sebagai siaran berbayar Telegram (hingga 1.000 pesan per detik): { $messages } pesan, biaya paling banyak { $stars } Stars (0,1 Star per pesan di atas batas gratis).
emergency-over-budget = Tidak bisa dikirim: { $messages } pesan bisa memakan biaya sampai { $stars } Stars, melebihi anggaran { $max } Stars per peringatan. Pilih wilayah yang lebih kecil, atau minta operator menaikkan anggaran.
emergency-review =
    Periksa sebelum mengirim.

    Wilayah: { $area }
    Sampai ke { $groups } grup dan { $people } warga ({ $messages } pesan){ $photo ->
        [yes] , dengan foto.
       *[no] .
    }
    { $lane }

    Isi:
    { $text }
emergency-btn-send = 🚨 Kirim sekarang
emergency-btn-rewrite = ✏️ Tulis ulang
emergency-sent = 🚨 Peringatan darurat #{ $id } sudah di antrean terdepan: { $groups } grup dan { $people } warga.
emergency-btn-recall = 🗑 Tarik peringatan
emergency-btn-recall-yes = 🗑 Ya, tarik dari semua grup dan warga
emergency-recall-ask = Tarik peringatan darurat #{ $id }? Pesan yang sudah terkirim dihapus (Telegram mengizinkan sampai 48 jam), yang belum terkirim dibatalkan.
emergency-recalled = Peringatan darurat #{ $id } ditarik: { $deleted } pesan sedang dihapus, { $cancelled } dibatalkan, { $old } terlalu lama untuk dihapus.
emergency-header = 🚨 PERINGATAN DARURAT — { $area }
audit-act-emergency-send = mengirim peringatan darurat #{ $id } ke { $scope }: { $groups } grup dan { $people } warga
audit-act-emergency-send-paid = mengirim peringatan darurat #{ $id } ke { $scope }: { $groups } grup dan { $people } warga, sebagai siaran berbayar (paling banyak { $stars } Stars)
audit-act-emergency-recall = menarik peringatan darurat #{ $id }: { $deleted } pesan dihapus, { $cancelled } dibatalkan
form-emergency = peringatan darurat
