-- Foundation schema (SQLite). Kept type-for-type in step with migrations/postgres:
-- only INTEGER/BIGINT/TEXT so sqlx's Any driver decodes every row on both backends.
-- Timestamps are Unix seconds (UTC); flags are 0/1.

CREATE TABLE areas (
    id        INTEGER PRIMARY KEY,
    kind      TEXT    NOT NULL,              -- 'kota' | 'kecamatan' | 'kelurahan'
    name      TEXT    NOT NULL,
    parent_id BIGINT  REFERENCES areas(id),
    path      TEXT    NOT NULL UNIQUE         -- 'Kota Palembang/Ilir Barat I/Bukit Lama'
);

CREATE TABLE kims (
    id           INTEGER PRIMARY KEY,
    code         TEXT   NOT NULL UNIQUE,       -- upper case, typed by residents
    name         TEXT   NOT NULL,
    kelurahan_id BIGINT NOT NULL REFERENCES areas(id),
    tz           TEXT                          -- NULL: the configured KIMBOT_TZ
);

CREATE TABLE users (
    id         BIGINT  PRIMARY KEY,            -- Telegram user id (= private chat id)
    first_name TEXT,
    username   TEXT,
    language   TEXT    NOT NULL DEFAULT 'id',
    kim_id     BIGINT  REFERENCES kims(id),
    menu_role  TEXT,                           -- role whose command menu was last set
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);

-- Consent receipts (UU 27/2022): one row per purpose and grant; withdrawal is stamped.
CREATE TABLE consents (
    id             INTEGER PRIMARY KEY,
    user_id        BIGINT NOT NULL,
    purpose        TEXT   NOT NULL,            -- 'membership' | 'umkm' | 'news'
    notice_version TEXT   NOT NULL,
    granted_at     BIGINT NOT NULL,
    withdrawn_at   BIGINT
);
CREATE INDEX consents_user ON consents(user_id, purpose);

CREATE TABLE grants (
    id         INTEGER PRIMARY KEY,
    user_id    BIGINT NOT NULL,
    role       TEXT   NOT NULL,                -- 'staff' | 'coordinator'
    area_id    BIGINT REFERENCES areas(id),    -- staff scope
    kim_id     BIGINT REFERENCES kims(id),     -- coordinator scope
    granted_by BIGINT,                         -- NULL: CLI
    granted_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX grants_user ON grants(user_id);

CREATE TABLE invites (
    code       TEXT   PRIMARY KEY,
    role       TEXT   NOT NULL,
    area_id    BIGINT REFERENCES areas(id),
    kim_id     BIGINT REFERENCES kims(id),
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_by    BIGINT,
    used_at    BIGINT
);

CREATE TABLE tg_groups (
    chat_id    BIGINT PRIMARY KEY,
    title      TEXT   NOT NULL,
    kim_id     BIGINT REFERENCES kims(id),
    status     TEXT   NOT NULL,                -- 'active' | 'left' | 'restricted'
    linked_by  BIGINT,
    linked_at  BIGINT,
    updated_at BIGINT NOT NULL
);

CREATE TABLE dialogues (
    chat_id    BIGINT PRIMARY KEY,
    state      TEXT   NOT NULL,                -- JSON of telegram::State
    updated_at BIGINT NOT NULL
);

CREATE TABLE processed_updates (
    update_id    BIGINT PRIMARY KEY,
    processed_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    actor  BIGINT,                             -- NULL: CLI / system
    action TEXT   NOT NULL,
    detail TEXT   NOT NULL,
    at     BIGINT NOT NULL
);
CREATE INDEX audit_at ON audit_log(at);
