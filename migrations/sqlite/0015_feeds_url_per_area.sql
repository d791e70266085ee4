-- no-transaction
-- A feed URL is unique per area, not globally: staff of one area adding a URL that
-- another area already has must not learn that (issue 16 item 9), and two areas may
-- well follow the same city feed. SQLite cannot drop a column's UNIQUE, so the table
-- is rebuilt (SQLite's documented procedure): with foreign keys on, dropping `feeds`
-- would cascade into feed_items and a rename would repoint their REFERENCES, and the
-- foreign_keys pragma is a no-op inside a transaction, hence no-transaction with an
-- explicit BEGIN/COMMIT around the rebuild.
PRAGMA foreign_keys = OFF;

BEGIN;

CREATE TABLE feeds_new (
    id             INTEGER PRIMARY KEY,
    url            TEXT    NOT NULL,
    area_id        BIGINT  NOT NULL REFERENCES areas(id),
    cron           TEXT    NOT NULL,             -- cron crate form: seconds first
    next_poll_at   BIGINT  NOT NULL,             -- claimed with UPDATE ... WHERE next_poll_at = old
    etag           TEXT,                         -- sent back as If-None-Match
    last_modified  TEXT,                         -- sent back as If-Modified-Since
    failures       BIGINT  NOT NULL DEFAULT 0,   -- failed polls in a row
    healthy        BIGINT  NOT NULL DEFAULT 1,   -- 0 after 3 failures in a row (staff told once)
    last_error     TEXT,                         -- technical, for logs and the CLI
    last_error_kind TEXT,                        -- what people are told: 'status:404', 'too_large', ...
    last_polled_at BIGINT,
    last_ok_at     BIGINT,
    created_by     BIGINT,                       -- NULL: added from the CLI
    created_at     BIGINT  NOT NULL,
    UNIQUE (url, area_id)
);

INSERT INTO feeds_new (id, url, area_id, cron, next_poll_at, etag, last_modified, failures, healthy, last_error,
                   last_error_kind, last_polled_at, last_ok_at, created_by, created_at)
SELECT id, url, area_id, cron, next_poll_at, etag, last_modified, failures, healthy, last_error,
       last_error_kind, last_polled_at, last_ok_at, created_by, created_at FROM feeds;

DROP TABLE feeds;
ALTER TABLE feeds_new RENAME TO feeds;

CREATE INDEX feeds_due ON feeds(next_poll_at);

COMMIT;

PRAGMA foreign_keys = ON;
