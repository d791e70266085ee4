//! Which tickets `/antrian` walks through: new ones (and reopened ones), the ones in
//! progress, or the closed ones, so a ticket stays reachable after its first change.

use super::Status;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueueView {
    /// `diterima`, and tickets reopened by the resident and not closed again; oldest first.
    New,
    /// `diteruskan` and `ditindaklanjuti`; oldest first.
    Open,
    /// `selesai` and `ditolak`; most recent first.
    Closed,
    /// Open tickets assigned to the person asking (`/antrian saya`); oldest first.
    Mine,
}

impl QueueView {
    /// What staff type after `/antrian` (Indonesian and English words); `None` otherwise.
    pub fn typed(args: &str) -> Option<QueueView> {
        match args.trim().to_lowercase().as_str() {
            "" | "baru" | "new" => Some(QueueView::New),
            "proses" | "diproses" | "terbuka" | "open" => Some(QueueView::Open),
            "selesai" | "tutup" | "ditutup" | "closed" | "done" => Some(QueueView::Closed),
            "saya" | "milik saya" | "punya saya" | "mine" | "my" => Some(QueueView::Mine),
            _ => None,
        }
    }

    /// One letter, for button payloads.
    pub fn code(self) -> &'static str {
        match self {
            QueueView::New => "b",
            QueueView::Open => "p",
            QueueView::Closed => "t",
            QueueView::Mine => "m",
        }
    }

    pub fn from_code(s: &str) -> Option<QueueView> {
        [QueueView::New, QueueView::Open, QueueView::Closed, QueueView::Mine].into_iter().find(|v| v.code() == s)
    }

    /// The statuses shown (reopened tickets are added to [`QueueView::New`] in SQL).
    pub fn statuses(self) -> &'static [Status] {
        match self {
            QueueView::New => &[Status::Diterima],
            QueueView::Open => &[Status::Diteruskan, Status::Ditindaklanjuti],
            QueueView::Closed => &[Status::Selesai, Status::Ditolak],
            QueueView::Mine => &[Status::Diterima, Status::Diteruskan, Status::Ditindaklanjuti],
        }
    }

    /// Message keys: nothing at all in this view, and nothing after the last one.
    pub fn empty_key(self) -> &'static str {
        match self {
            QueueView::New => "asp-queue-empty",
            QueueView::Open => "asp-queue-open-empty",
            QueueView::Closed => "asp-queue-closed-empty",
            QueueView::Mine => "asp-queue-mine-empty",
        }
    }

    pub fn end_key(self) -> &'static str {
        match self {
            QueueView::New => "asp-queue-end",
            QueueView::Open => "asp-queue-open-end",
            QueueView::Closed => "asp-queue-closed-end",
            QueueView::Mine => "asp-queue-mine-end",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::QueueView;

    #[test]
    fn typed_views_and_codes() {
        let cases = [("", Some(QueueView::New)), (" Proses ", Some(QueueView::Open)), ("selesai", Some(QueueView::Closed)), ("Saya", Some(QueueView::Mine)), ("semua", None)];
        for (typed, want) in cases {
            assert_eq!(QueueView::typed(typed), want, "{typed:?}");
        }
        for v in [QueueView::New, QueueView::Open, QueueView::Closed, QueueView::Mine] {
            assert_eq!(QueueView::from_code(v.code()), Some(v));
        }
    }
}
