-- Aspirations (PostgreSQL): tickets, their status history and message thread, the
-- per-year ticket counter, and batched "new aspiration" notices for staff.
-- Kept type-for-type in step with migrations/sqlite (INTEGER PRIMARY KEY there is
-- BIGSERIAL here); every other integer is BIGINT so Any decodes it as i64 on both.

-- One row per year; bumped with an upsert inside the submitting transaction, so
-- concurrent submissions get distinct, gap-free numbers on both backends.
CREATE TABLE aspiration_counters (
    year     BIGINT PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

CREATE TABLE aspirations (
    id         BIGSERIAL PRIMARY KEY,
    ticket     TEXT   NOT NULL UNIQUE,          -- 'ASP-2026-000123'
    year       BIGINT NOT NULL,
    seq        BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,                 -- the resident (= private chat id)
    kim_id     BIGINT NOT NULL REFERENCES kims(id),
    category   TEXT   NOT NULL,                 -- model::Category code
    body       TEXT   NOT NULL,
    lat_e6     BIGINT,                          -- location in micro-degrees, if shared
    lon_e6     BIGINT,
    anonymous  BIGINT NOT NULL DEFAULT 0,       -- 1: identity hidden from coordinators
    status     TEXT   NOT NULL,                 -- model::Status value
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (year, seq)
);
CREATE INDEX aspirations_user ON aspirations(user_id, id);
CREATE INDEX aspirations_queue ON aspirations(status, kim_id, id);

CREATE TABLE aspiration_photos (
    aspiration_id BIGINT NOT NULL REFERENCES aspirations(id),
    position      BIGINT NOT NULL,
    file_id       TEXT   NOT NULL,              -- Telegram file_id; the file stays there
    PRIMARY KEY (aspiration_id, position)
);

-- Every status change (the first row is the submission itself, from_status NULL).
CREATE TABLE aspiration_status_log (
    id            BIGSERIAL PRIMARY KEY,
    aspiration_id BIGINT NOT NULL REFERENCES aspirations(id),
    from_status   TEXT,
    to_status     TEXT   NOT NULL,
    note          TEXT,
    actor         BIGINT NOT NULL,
    at            BIGINT NOT NULL
);
CREATE INDEX aspiration_status_log_ticket ON aspiration_status_log(aspiration_id, id);

-- The ticket thread: staff replies and residents' answers (one per reply).
CREATE TABLE aspiration_messages (
    id            BIGSERIAL PRIMARY KEY,
    aspiration_id BIGINT NOT NULL REFERENCES aspirations(id),
    author        BIGINT NOT NULL,
    kind          TEXT   NOT NULL,              -- 'reply' (staff) | 'answer' (resident)
    body          TEXT   NOT NULL,
    reply_to      BIGINT REFERENCES aspiration_messages(id),
    answered_at   BIGINT,                       -- replies: set once the resident answered
    created_at    BIGINT NOT NULL
);
CREATE INDEX aspiration_messages_ticket ON aspiration_messages(aspiration_id, id);

-- "New aspirations" notices to staff, at most one per minute each: submissions add
-- to `pending`; whoever moves `last_sent_at` from the value it read sends the count.
CREATE TABLE staff_notices (
    staff_id     BIGINT PRIMARY KEY,
    pending      BIGINT NOT NULL DEFAULT 0,
    last_sent_at BIGINT NOT NULL DEFAULT 0
);
