-- Persistent outbox: one row per message to one chat. The delivery worker claims
-- due rows, sends them, and records the outcome, so a restart neither loses nor
-- repeats messages (at most the rows in flight at a hard kill are re-sent).
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    chat_id     BIGINT  NOT NULL,
    priority    INTEGER NOT NULL,            -- 0 reply, 1 personal notice, 2 broadcast
    body        TEXT    NOT NULL,            -- JSON of delivery::Body
    source      TEXT,                        -- what it belongs to, e.g. 'aspiration:12'
    status      TEXT    NOT NULL,            -- 'queued' | 'sending' | 'sent' | 'failed'
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  BIGINT  NOT NULL,            -- earliest send time (retry-after, backoff)
    claimed_by  TEXT,
    claimed_at  BIGINT,
    message_id  BIGINT,                      -- Telegram's id once sent (for recall)
    error       TEXT,
    resent      INTEGER NOT NULL DEFAULT 0,  -- 1: was in flight when a worker died
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX outbox_due ON outbox(status, not_before, priority);
CREATE INDEX outbox_source ON outbox(source);
