## Batas layanan per tahap (hari kerja): tampilan di kartu dan konsol, pengingat 80 %, eskalasi 100 %
asp-sla-stage-office = Tanggapan Diskominfo
asp-sla-stage-opd-response = Tanggapan pertama OPD
asp-sla-stage-opd-done = Penyelesaian oleh OPD
asp-sla-left-days = { $days } hari { $hours } jam kerja
asp-sla-left-hours = { $hours } jam kerja
asp-sla-left-minutes = kurang dari 1 jam kerja
asp-sla-line = ⏱ { $stage }: sisa { $left } (batas { $due })
asp-sla-line-late = ⏰ { $stage }: lewat batas { $days } hari kerja ({ $due })
asp-sla-cell-left = sisa { $left }
asp-sla-cell-late = lewat batas
asp-sla-col = Batas layanan
asp-sla-remind-office =
    ⏳ Pengingat: aspirasi { $ticket } belum mendapat tanggapan. Batas tanggapan Diskominfo ({ $days } hari kerja) berakhir { $due }.
    Ketik /status { $ticket } untuk menanggapi atau meneruskannya ke OPD.
asp-sla-remind-opd =
    ⏳ Pengingat untuk { $agency }: tiket { $ticket }, tahap { $stage } ({ $days } hari kerja), berakhir { $due }.
    Ketik /antrian untuk menindaklanjutinya.
asp-sla-escalate-opd =
    🚨 Lewat batas: tiket { $ticket } di { $agency } melewati batas tahap { $stage } ({ $days } hari kerja) pada { $due }.
audit-act-aspiration-sla-reminder = pengingat batas layanan ({ $stage }) terkirim untuk { $ticket }
audit-act-aspiration-sla-escalation = eskalasi lewat batas layanan ({ $stage }) terkirim untuk { $ticket }
