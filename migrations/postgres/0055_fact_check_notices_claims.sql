-- Cek fakta: "new requests in your area" notices to staff, at most one per minute
-- each (as staff_notices does for aspirations): requests add to `pending`; whoever
-- moves `last_sent_at` from the value it read sends the count.
CREATE TABLE fact_check_notices (
    staff_id     BIGINT PRIMARY KEY,
    pending      BIGINT NOT NULL DEFAULT 0,
    last_sent_at BIGINT NOT NULL DEFAULT 0
);

-- The claim a verdict is about, in a few words written by staff ("Bansos Rp 5 juta cair
-- hari ini"): `/cekfakta daftar` and clarifications name it without showing what a
-- resident sent. NULL on requests answered before staff were asked for it.
ALTER TABLE fact_checks ADD COLUMN claim TEXT;
