-- Announcements (SQLite): what a coordinator or staff member composed, whom it is
-- for, and when it fires. Kept type-for-type in step with migrations/postgres.
-- Everything decoded as i64 is BIGINT (flags too, 0/1), so sqlx's Any driver reads
-- the same type on both backends; timestamps are Unix seconds (UTC).

CREATE TABLE announcements (
    id            INTEGER PRIMARY KEY,
    author_id     BIGINT  NOT NULL,
    kim_id        BIGINT  REFERENCES kims(id),  -- the one KIM it belongs to; NULL: area-wide or several KIMs
    area_path     TEXT    NOT NULL,             -- smallest area covering every target (who may see it)
    text          TEXT    NOT NULL,
    entities      TEXT    NOT NULL,             -- JSON: Telegram formatting (bold, italic, links) of text
    media_kind    TEXT,                         -- 'photo' | 'document' | NULL
    media_file_id TEXT,
    target_kind   TEXT    NOT NULL,             -- 'kim' | 'groups' | 'area'
    target_ref    TEXT    NOT NULL,             -- KIM id | comma-separated chat ids | area id
    target_name   TEXT    NOT NULL,             -- for lists: KIM or area name, or number of groups
    schedule_kind TEXT    NOT NULL,             -- 'now' | 'at' | 'cron'
    cron          TEXT,                         -- cron crate form: seconds first, weekday names
    tz            TEXT    NOT NULL,             -- IANA zone the schedule is read in
    status        TEXT    NOT NULL,             -- 'scheduled' | 'paused' | 'done' | 'cancelled'
    next_run_at   BIGINT,                       -- claimed with UPDATE ... WHERE next_run_at = old
    runs          BIGINT  NOT NULL DEFAULT 0,
    last_run_at   BIGINT,
    last_late     BIGINT  NOT NULL DEFAULT 0,   -- 1: the last run went out late (bot was down)
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);
CREATE INDEX announcements_due ON announcements(status, next_run_at);

-- One row per firing (a one-off has one, a recurring one many).
CREATE TABLE announcement_runs (
    id              INTEGER PRIMARY KEY,
    announcement_id BIGINT NOT NULL REFERENCES announcements(id),
    n               BIGINT NOT NULL,
    due_at          BIGINT NOT NULL,
    fired_at        BIGINT NOT NULL,
    late            BIGINT NOT NULL DEFAULT 0,
    recalled_at     BIGINT,
    UNIQUE (announcement_id, n)
);

-- One row per outbox message of a run, with the group as it was targeted, for the
-- delivery report, recall, and residents' /pengumuman.
CREATE TABLE announcement_deliveries (
    id        INTEGER PRIMARY KEY,
    run_id    BIGINT NOT NULL REFERENCES announcement_runs(id),
    outbox_id BIGINT NOT NULL,
    chat_id   BIGINT NOT NULL,
    kim_id    BIGINT NOT NULL,
    title     TEXT   NOT NULL
);
CREATE INDEX announcement_deliveries_run ON announcement_deliveries(run_id);
CREATE INDEX announcement_deliveries_kim ON announcement_deliveries(kim_id, run_id);
