-- (SQLite) Cek fakta: messages residents ask the city to check, and the verdicts staff give.
-- `content_hash` is SHA-256 of the normalised text (see features/factcheck/model.rs),
-- so the same rumour forwarded again is answered at once from the earlier verdict.
CREATE TABLE fact_check_counters (
    year     BIGINT PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
CREATE TABLE fact_checks (
    id           INTEGER PRIMARY KEY,
    number       TEXT   NOT NULL UNIQUE,          -- CEK-2026-000123
    user_id      BIGINT NOT NULL,                 -- 0 once the resident erased their data
    kim_id       BIGINT NOT NULL REFERENCES kims(id),
    area_path    TEXT   NOT NULL,                 -- the KIM's kelurahan path: whose staff answer
    body         TEXT   NOT NULL,                 -- the text or caption as received
    link         TEXT,                            -- first link in it, normalised
    photo        TEXT,                            -- Telegram file id of an attached photo
    content_hash TEXT   NOT NULL,
    status       TEXT   NOT NULL DEFAULT 'open',  -- open | answered
    verdict      TEXT,                            -- hoaks | disinformasi | misinformasi | fakta | belum
    explanation  TEXT,
    answered_by  BIGINT,                          -- 0 once that staff member erased their data
    created_at   BIGINT NOT NULL,
    answered_at  BIGINT
);
CREATE INDEX fact_checks_hash ON fact_checks(content_hash, status);
CREATE INDEX fact_checks_link ON fact_checks(link, status);
CREATE INDEX fact_checks_open ON fact_checks(status, id);
CREATE INDEX fact_checks_user ON fact_checks(user_id);
