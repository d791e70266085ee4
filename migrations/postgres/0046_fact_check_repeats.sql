-- Cek fakta: 1 when a request was answered at once from an earlier verdict on the same
-- content (no staff time spent), so reports count those apart and leave them out of
-- the time to answer.
ALTER TABLE fact_checks ADD COLUMN repeat BIGINT NOT NULL DEFAULT 0;
