-- (SQLite) Cek fakta: "new requests in your area" notices to staff, at most one per minute
-- each (as staff_notices does for aspirations): requests add to `pending`; whoever
-- moves `last_sent_at` from the value it read sends the count.
CREATE TABLE fact_check_notices (
    staff_id     BIGINT PRIMARY KEY,
    pending      BIGINT NOT NULL DEFAULT 0,
    last_sent_at BIGINT NOT NULL DEFAULT 0
);
