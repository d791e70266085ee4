-- Trainings (PRODUCT.md §5): sessions per KIM, registrations with a first-come
-- waitlist, reminders claimed once per (registration, kind, start time), feedback.
-- Timestamps are Unix seconds (UTC); the KIM's zone is applied when reading/showing.

CREATE TABLE trainings (
    id          INTEGER PRIMARY KEY,
    kim_id      BIGINT NOT NULL REFERENCES kims(id),
    title       TEXT   NOT NULL,
    organiser   TEXT   NOT NULL,
    description TEXT   NOT NULL,
    starts_at   BIGINT NOT NULL,
    ends_at     BIGINT NOT NULL,
    place       TEXT,                         -- address; NULL when online
    lat_e6      BIGINT,                       -- optional map pin, micro-degrees
    lon_e6      BIGINT,
    online_url  TEXT,                         -- http(s) link; NULL when on site
    quota       BIGINT NOT NULL,
    deadline_at BIGINT,                       -- NULL: registration open until the start
    targets     TEXT   NOT NULL DEFAULT '',   -- comma-separated sector/need codes
    poster      TEXT,                         -- Telegram file_id of the poster photo
    status      TEXT   NOT NULL,              -- 'open' | 'closed' | 'cancelled'
    next_seq    BIGINT NOT NULL DEFAULT 0,    -- arrival counter for registrations
    created_by  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX trainings_kim_start ON trainings(kim_id, starts_at);
CREATE INDEX trainings_start ON trainings(starts_at);

CREATE TABLE training_registrations (
    id          INTEGER PRIMARY KEY,
    training_id BIGINT NOT NULL REFERENCES trainings(id),
    user_id     BIGINT NOT NULL,
    status      TEXT   NOT NULL,              -- 'registered' | 'waitlisted' | 'cancelled'
    seq         BIGINT NOT NULL,              -- arrival order within the training
    attended    BIGINT,                       -- NULL: not marked; 1 present; 0 absent
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (training_id, user_id)
);
CREATE INDEX training_registrations_user ON training_registrations(user_id);
CREATE INDEX training_registrations_seat ON training_registrations(training_id, status, seq);

-- One row per reminder sent; the unique key is the claim, so two processes (or a
-- restart) never send the same reminder twice. A moved training has a new start,
-- hence new keys: its reminders move with it.
CREATE TABLE training_reminders (
    id              INTEGER PRIMARY KEY,
    registration_id BIGINT NOT NULL REFERENCES training_registrations(id),
    kind            TEXT   NOT NULL,          -- 'day_before' | 'two_hours' | 'feedback'
    for_start       BIGINT NOT NULL,
    sent_at         BIGINT NOT NULL,
    UNIQUE (registration_id, kind, for_start)
);

CREATE TABLE training_feedback (
    id          INTEGER PRIMARY KEY,
    training_id BIGINT NOT NULL REFERENCES trainings(id),
    user_id     BIGINT NOT NULL,
    rating      BIGINT NOT NULL,              -- 1..5
    comment     TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (training_id, user_id)
);
