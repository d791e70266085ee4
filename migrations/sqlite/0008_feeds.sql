-- Programme feeds (SQLite): RSS/Atom sources staff register per area, the items
-- taken from them (once each), and the drafts offered to KIM coordinators.
-- Kept type-for-type in step with migrations/postgres (INTEGER PRIMARY KEY there is
-- BIGSERIAL); every other integer is BIGINT so Any decodes it as i64 on both.

CREATE TABLE feeds (
    id             INTEGER PRIMARY KEY,
    url            TEXT    NOT NULL UNIQUE,
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
    created_at     BIGINT  NOT NULL
);
CREATE INDEX feeds_due ON feeds(next_poll_at);

CREATE TABLE feed_items (
    id        INTEGER PRIMARY KEY,
    feed_id   BIGINT  NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    item_key  TEXT    NOT NULL,                  -- 'guid:<guid>' or 'link:<url>'
    title     TEXT    NOT NULL,
    summary   TEXT    NOT NULL,                  -- HTML stripped, trimmed
    link      TEXT,
    seen_at   BIGINT  NOT NULL,
    UNIQUE (feed_id, item_key)
);

CREATE TABLE feed_drafts (
    id         INTEGER PRIMARY KEY,
    item_id    BIGINT  NOT NULL REFERENCES feed_items(id) ON DELETE CASCADE,
    kim_id     BIGINT  NOT NULL REFERENCES kims(id),
    status     TEXT    NOT NULL,                 -- 'new' | 'opened' | 'dismissed'
    acted_by   BIGINT,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    UNIQUE (item_id, kim_id)
);
