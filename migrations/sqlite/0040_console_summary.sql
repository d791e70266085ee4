-- (SQLite) Ringkasan of the staff console at scale: per-week tallies of aspirations,
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
        SELECT m.created_at FROM aspiration_messages m WHERE m.aspiration_id = aspirations.id AND m.kind = 'reply'));

CREATE TABLE aspiration_tallies (
    week      BIGINT NOT NULL,
    kim_id    BIGINT NOT NULL,
    category  TEXT   NOT NULL,
    n         BIGINT NOT NULL,                 -- submitted
    n_open    BIGINT NOT NULL,                 -- of them: not selesai or ditolak now
    n_overdue BIGINT NOT NULL,                 -- of them: diterima and flagged overdue now
    PRIMARY KEY (week, kim_id, category)
) WITHOUT ROWID;
CREATE TABLE aspiration_response_tallies (
    week      BIGINT NOT NULL,
    kim_id    BIGINT NOT NULL,
    bucket    BIGINT NOT NULL,
    n         BIGINT NOT NULL,
    PRIMARY KEY (week, kim_id, bucket)
) WITHOUT ROWID;

INSERT INTO aspiration_tallies (week, kim_id, category, n, n_open, n_overdue)
SELECT (a.created_at + 284400) / 604800, a.kim_id, a.category, COUNT(*), SUM(CASE WHEN a.status IN ('selesai', 'ditolak') THEN 0 ELSE 1 END), SUM(CASE WHEN a.status = 'diterima' AND a.overdue_at IS NOT NULL THEN 1 ELSE 0 END)
FROM aspirations a GROUP BY 1, 2, 3;
INSERT INTO aspiration_response_tallies (week, kim_id, bucket, n)
SELECT (a.created_at + 284400) / 604800, a.kim_id, CASE WHEN a.first_response_at - a.created_at < 3600 THEN 0 WHEN a.first_response_at - a.created_at < 7200 THEN 1 WHEN a.first_response_at - a.created_at < 14400 THEN 2 WHEN a.first_response_at - a.created_at < 28800 THEN 3 WHEN a.first_response_at - a.created_at < 43200 THEN 4 WHEN a.first_response_at - a.created_at < 86400 THEN 5 WHEN a.first_response_at - a.created_at < 129600 THEN 6 WHEN a.first_response_at - a.created_at < 172800 THEN 7 WHEN a.first_response_at - a.created_at < 259200 THEN 8 WHEN a.first_response_at - a.created_at < 345600 THEN 9 WHEN a.first_response_at - a.created_at < 432000 THEN 10 WHEN a.first_response_at - a.created_at < 604800 THEN 11 WHEN a.first_response_at - a.created_at < 864000 THEN 12 WHEN a.first_response_at - a.created_at < 1209600 THEN 13 WHEN a.first_response_at - a.created_at < 1814400 THEN 14 WHEN a.first_response_at - a.created_at < 2592000 THEN 15 ELSE 16 END, COUNT(*)
FROM aspirations a WHERE a.first_response_at IS NOT NULL GROUP BY 1, 2, 3;

CREATE TRIGGER aspiration_first_response_status AFTER INSERT ON aspiration_status_log
WHEN NEW.from_status IS NOT NULL BEGIN
    UPDATE aspirations SET first_response_at = NEW.at WHERE id = NEW.aspiration_id AND first_response_at IS NULL;
END;
CREATE TRIGGER aspiration_first_response_reply AFTER INSERT ON aspiration_messages
WHEN NEW.kind = 'reply' BEGIN
    UPDATE aspirations SET first_response_at = NEW.created_at WHERE id = NEW.aspiration_id AND first_response_at IS NULL;
END;
CREATE TRIGGER aspiration_tallies_insert AFTER INSERT ON aspirations BEGIN
    INSERT INTO aspiration_tallies (week, kim_id, category, n, n_open, n_overdue)
    VALUES ((NEW.created_at + 284400) / 604800, NEW.kim_id, NEW.category, 1, 1 * (CASE WHEN NEW.status IN ('selesai', 'ditolak') THEN 0 ELSE 1 END), 1 * (CASE WHEN NEW.status = 'diterima' AND NEW.overdue_at IS NOT NULL THEN 1 ELSE 0 END))
    ON CONFLICT (week, kim_id, category) DO UPDATE
    SET n = n + excluded.n, n_open = n_open + excluded.n_open, n_overdue = n_overdue + excluded.n_overdue;
    INSERT INTO aspiration_response_tallies (week, kim_id, bucket, n)
    SELECT (NEW.created_at + 284400) / 604800, NEW.kim_id, CASE WHEN NEW.first_response_at - NEW.created_at < 3600 THEN 0 WHEN NEW.first_response_at - NEW.created_at < 7200 THEN 1 WHEN NEW.first_response_at - NEW.created_at < 14400 THEN 2 WHEN NEW.first_response_at - NEW.created_at < 28800 THEN 3 WHEN NEW.first_response_at - NEW.created_at < 43200 THEN 4 WHEN NEW.first_response_at - NEW.created_at < 86400 THEN 5 WHEN NEW.first_response_at - NEW.created_at < 129600 THEN 6 WHEN NEW.first_response_at - NEW.created_at < 172800 THEN 7 WHEN NEW.first_response_at - NEW.created_at < 259200 THEN 8 WHEN NEW.first_response_at - NEW.created_at < 345600 THEN 9 WHEN NEW.first_response_at - NEW.created_at < 432000 THEN 10 WHEN NEW.first_response_at - NEW.created_at < 604800 THEN 11 WHEN NEW.first_response_at - NEW.created_at < 864000 THEN 12 WHEN NEW.first_response_at - NEW.created_at < 1209600 THEN 13 WHEN NEW.first_response_at - NEW.created_at < 1814400 THEN 14 WHEN NEW.first_response_at - NEW.created_at < 2592000 THEN 15 ELSE 16 END, 1
    WHERE NEW.first_response_at IS NOT NULL
    ON CONFLICT (week, kim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER aspiration_tallies_update
AFTER UPDATE OF created_at, kim_id, category, status, overdue_at, first_response_at ON aspirations BEGIN
    INSERT INTO aspiration_tallies (week, kim_id, category, n, n_open, n_overdue)
    VALUES ((OLD.created_at + 284400) / 604800, OLD.kim_id, OLD.category, -1, -1 * (CASE WHEN OLD.status IN ('selesai', 'ditolak') THEN 0 ELSE 1 END), -1 * (CASE WHEN OLD.status = 'diterima' AND OLD.overdue_at IS NOT NULL THEN 1 ELSE 0 END))
    ON CONFLICT (week, kim_id, category) DO UPDATE
    SET n = n + excluded.n, n_open = n_open + excluded.n_open, n_overdue = n_overdue + excluded.n_overdue;
    INSERT INTO aspiration_response_tallies (week, kim_id, bucket, n)
    SELECT (OLD.created_at + 284400) / 604800, OLD.kim_id, CASE WHEN OLD.first_response_at - OLD.created_at < 3600 THEN 0 WHEN OLD.first_response_at - OLD.created_at < 7200 THEN 1 WHEN OLD.first_response_at - OLD.created_at < 14400 THEN 2 WHEN OLD.first_response_at - OLD.created_at < 28800 THEN 3 WHEN OLD.first_response_at - OLD.created_at < 43200 THEN 4 WHEN OLD.first_response_at - OLD.created_at < 86400 THEN 5 WHEN OLD.first_response_at - OLD.created_at < 129600 THEN 6 WHEN OLD.first_response_at - OLD.created_at < 172800 THEN 7 WHEN OLD.first_response_at - OLD.created_at < 259200 THEN 8 WHEN OLD.first_response_at - OLD.created_at < 345600 THEN 9 WHEN OLD.first_response_at - OLD.created_at < 432000 THEN 10 WHEN OLD.first_response_at - OLD.created_at < 604800 THEN 11 WHEN OLD.first_response_at - OLD.created_at < 864000 THEN 12 WHEN OLD.first_response_at - OLD.created_at < 1209600 THEN 13 WHEN OLD.first_response_at - OLD.created_at < 1814400 THEN 14 WHEN OLD.first_response_at - OLD.created_at < 2592000 THEN 15 ELSE 16 END, -1
    WHERE OLD.first_response_at IS NOT NULL
    ON CONFLICT (week, kim_id, bucket) DO UPDATE SET n = n + excluded.n;
    INSERT INTO aspiration_tallies (week, kim_id, category, n, n_open, n_overdue)
    VALUES ((NEW.created_at + 284400) / 604800, NEW.kim_id, NEW.category, 1, 1 * (CASE WHEN NEW.status IN ('selesai', 'ditolak') THEN 0 ELSE 1 END), 1 * (CASE WHEN NEW.status = 'diterima' AND NEW.overdue_at IS NOT NULL THEN 1 ELSE 0 END))
    ON CONFLICT (week, kim_id, category) DO UPDATE
    SET n = n + excluded.n, n_open = n_open + excluded.n_open, n_overdue = n_overdue + excluded.n_overdue;
    INSERT INTO aspiration_response_tallies (week, kim_id, bucket, n)
    SELECT (NEW.created_at + 284400) / 604800, NEW.kim_id, CASE WHEN NEW.first_response_at - NEW.created_at < 3600 THEN 0 WHEN NEW.first_response_at - NEW.created_at < 7200 THEN 1 WHEN NEW.first_response_at - NEW.created_at < 14400 THEN 2 WHEN NEW.first_response_at - NEW.created_at < 28800 THEN 3 WHEN NEW.first_response_at - NEW.created_at < 43200 THEN 4 WHEN NEW.first_response_at - NEW.created_at < 86400 THEN 5 WHEN NEW.first_response_at - NEW.created_at < 129600 THEN 6 WHEN NEW.first_response_at - NEW.created_at < 172800 THEN 7 WHEN NEW.first_response_at - NEW.created_at < 259200 THEN 8 WHEN NEW.first_response_at - NEW.created_at < 345600 THEN 9 WHEN NEW.first_response_at - NEW.created_at < 432000 THEN 10 WHEN NEW.first_response_at - NEW.created_at < 604800 THEN 11 WHEN NEW.first_response_at - NEW.created_at < 864000 THEN 12 WHEN NEW.first_response_at - NEW.created_at < 1209600 THEN 13 WHEN NEW.first_response_at - NEW.created_at < 1814400 THEN 14 WHEN NEW.first_response_at - NEW.created_at < 2592000 THEN 15 ELSE 16 END, 1
    WHERE NEW.first_response_at IS NOT NULL
    ON CONFLICT (week, kim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER aspiration_tallies_delete AFTER DELETE ON aspirations BEGIN
    INSERT INTO aspiration_tallies (week, kim_id, category, n, n_open, n_overdue)
    VALUES ((OLD.created_at + 284400) / 604800, OLD.kim_id, OLD.category, -1, -1 * (CASE WHEN OLD.status IN ('selesai', 'ditolak') THEN 0 ELSE 1 END), -1 * (CASE WHEN OLD.status = 'diterima' AND OLD.overdue_at IS NOT NULL THEN 1 ELSE 0 END))
    ON CONFLICT (week, kim_id, category) DO UPDATE
    SET n = n + excluded.n, n_open = n_open + excluded.n_open, n_overdue = n_overdue + excluded.n_overdue;
    INSERT INTO aspiration_response_tallies (week, kim_id, bucket, n)
    SELECT (OLD.created_at + 284400) / 604800, OLD.kim_id, CASE WHEN OLD.first_response_at - OLD.created_at < 3600 THEN 0 WHEN OLD.first_response_at - OLD.created_at < 7200 THEN 1 WHEN OLD.first_response_at - OLD.created_at < 14400 THEN 2 WHEN OLD.first_response_at - OLD.created_at < 28800 THEN 3 WHEN OLD.first_response_at - OLD.created_at < 43200 THEN 4 WHEN OLD.first_response_at - OLD.created_at < 86400 THEN 5 WHEN OLD.first_response_at - OLD.created_at < 129600 THEN 6 WHEN OLD.first_response_at - OLD.created_at < 172800 THEN 7 WHEN OLD.first_response_at - OLD.created_at < 259200 THEN 8 WHEN OLD.first_response_at - OLD.created_at < 345600 THEN 9 WHEN OLD.first_response_at - OLD.created_at < 432000 THEN 10 WHEN OLD.first_response_at - OLD.created_at < 604800 THEN 11 WHEN OLD.first_response_at - OLD.created_at < 864000 THEN 12 WHEN OLD.first_response_at - OLD.created_at < 1209600 THEN 13 WHEN OLD.first_response_at - OLD.created_at < 1814400 THEN 14 WHEN OLD.first_response_at - OLD.created_at < 2592000 THEN 15 ELSE 16 END, -1
    WHERE OLD.first_response_at IS NOT NULL
    ON CONFLICT (week, kim_id, bucket) DO UPDATE SET n = n + excluded.n;
END;

-- The first and last days of a period, and the queue's period filter.
CREATE INDEX aspirations_created ON aspirations(created_at, kim_id, category, status, overdue_at, first_response_at);
