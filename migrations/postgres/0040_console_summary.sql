-- (PostgreSQL) Ringkasan of the staff console at scale: per-week tallies of aspirations,
-- kept by triggers, so a year's summary over a million tickets reads a few thousand
-- rows instead of every ticket.
--
-- `first_response_at`: the first status change after submission or the first staff
-- reply, whichever came first (the reports' definition), set once by triggers on the
-- status log and the thread (a conditional UPDATE, so two processes set it once).
--
-- A week is `(created_at + 284400) / 604800`: weeks that start on Monday 00:00 WIB
-- (UTC+7). The console reads whole weeks from the tallies and the rest of a period
-- (its first and last days) from `aspirations` itself, so its counts are exact in
-- any time zone; `aspiration_response_tallies` keeps a histogram of the times to
-- first response, in the buckets of `src/web/console/summary/tally.rs` (17: below 1,
-- 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720 hours, and more).

ALTER TABLE aspirations ADD COLUMN first_response_at BIGINT;
UPDATE aspirations SET first_response_at = (
    SELECT MIN(t) FROM (
        SELECT l.at AS t FROM aspiration_status_log l WHERE l.aspiration_id = aspirations.id AND l.from_status IS NOT NULL
        UNION ALL
        SELECT m.created_at FROM aspiration_messages m WHERE m.aspiration_id = aspirations.id AND m.kind = 'reply') AS firsts);

CREATE TABLE aspiration_tallies (
    week      BIGINT NOT NULL,
    kim_id    BIGINT NOT NULL,
    category  TEXT   NOT NULL,
    n         BIGINT NOT NULL,                 -- submitted
    n_open    BIGINT NOT NULL,                 -- of them: not selesai or ditolak now
    n_overdue BIGINT NOT NULL,                 -- of them: diterima and flagged overdue now
    PRIMARY KEY (week, kim_id, category)
);
CREATE TABLE aspiration_response_tallies (
    week      BIGINT NOT NULL,
    kim_id    BIGINT NOT NULL,
    bucket    BIGINT NOT NULL,
    n         BIGINT NOT NULL,
    PRIMARY KEY (week, kim_id, bucket)
);

CREATE FUNCTION aspiration_response_bucket(secs BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE WHEN secs < 3600 THEN 0 WHEN secs < 7200 THEN 1 WHEN secs < 14400 THEN 2 WHEN secs < 28800 THEN 3 WHEN secs < 43200 THEN 4 WHEN secs < 86400 THEN 5 WHEN secs < 129600 THEN 6 WHEN secs < 172800 THEN 7 WHEN secs < 259200 THEN 8 WHEN secs < 345600 THEN 9 WHEN secs < 432000 THEN 10 WHEN secs < 604800 THEN 11 WHEN secs < 864000 THEN 12 WHEN secs < 1209600 THEN 13 WHEN secs < 1814400 THEN 14 WHEN secs < 2592000 THEN 15 ELSE 16 END)::BIGINT
$$;

INSERT INTO aspiration_tallies (week, kim_id, category, n, n_open, n_overdue)
SELECT (a.created_at + 284400) / 604800, a.kim_id, a.category, COUNT(*), SUM(CASE WHEN a.status IN ('selesai', 'ditolak') THEN 0 ELSE 1 END), SUM(CASE WHEN a.status = 'diterima' AND a.overdue_at IS NOT NULL THEN 1 ELSE 0 END)
FROM aspirations a GROUP BY 1, 2, 3;
INSERT INTO aspiration_response_tallies (week, kim_id, bucket, n)
SELECT (a.created_at + 284400) / 604800, a.kim_id, aspiration_response_bucket(a.first_response_at - a.created_at), COUNT(*)
FROM aspirations a WHERE a.first_response_at IS NOT NULL GROUP BY 1, 2, 3;

-- Adds (delta 1) or takes away (delta -1) one ticket's share of the tallies.
CREATE FUNCTION aspiration_tally_apply(a aspirations, delta BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO aspiration_tallies AS t (week, kim_id, category, n, n_open, n_overdue)
    VALUES ((a.created_at + 284400) / 604800, a.kim_id, a.category, delta, delta * (CASE WHEN a.status IN ('selesai', 'ditolak') THEN 0 ELSE 1 END), delta * (CASE WHEN a.status = 'diterima' AND a.overdue_at IS NOT NULL THEN 1 ELSE 0 END))
    ON CONFLICT (week, kim_id, category) DO UPDATE
    SET n = t.n + EXCLUDED.n, n_open = t.n_open + EXCLUDED.n_open, n_overdue = t.n_overdue + EXCLUDED.n_overdue;
    IF a.first_response_at IS NOT NULL THEN
        INSERT INTO aspiration_response_tallies AS r (week, kim_id, bucket, n)
        VALUES ((a.created_at + 284400) / 604800, a.kim_id, aspiration_response_bucket(a.first_response_at - a.created_at), delta)
        ON CONFLICT (week, kim_id, bucket) DO UPDATE SET n = r.n + EXCLUDED.n;
    END IF;
END
$$;
CREATE FUNCTION aspiration_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM aspiration_tally_apply(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM aspiration_tally_apply(NEW, 1); END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER aspiration_tally
AFTER INSERT OR DELETE OR UPDATE OF created_at, kim_id, category, status, overdue_at, first_response_at ON aspirations
FOR EACH ROW EXECUTE FUNCTION aspiration_tally();

CREATE FUNCTION aspiration_first_response_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.from_status IS NOT NULL THEN
        UPDATE aspirations SET first_response_at = NEW.at WHERE id = NEW.aspiration_id AND first_response_at IS NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER aspiration_first_response_status AFTER INSERT ON aspiration_status_log
FOR EACH ROW EXECUTE FUNCTION aspiration_first_response_status();
CREATE FUNCTION aspiration_first_response_reply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.kind = 'reply' THEN
        UPDATE aspirations SET first_response_at = NEW.created_at WHERE id = NEW.aspiration_id AND first_response_at IS NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER aspiration_first_response_reply AFTER INSERT ON aspiration_messages
FOR EACH ROW EXECUTE FUNCTION aspiration_first_response_reply();

-- The first and last days of a period, and the queue's period filter.
CREATE INDEX aspirations_created ON aspirations(created_at, kim_id, category, status, overdue_at, first_response_at);
