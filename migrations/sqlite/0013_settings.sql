-- Values the processes of one bot must agree on and that are made, not configured:
-- e.g. the generated secret of Telegram's webhook. First writer wins (ON CONFLICT).
CREATE TABLE settings (
    key        TEXT   PRIMARY KEY,
    value      TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);
