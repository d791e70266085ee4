-- Persistent outbox: one row per message to one chat. A worker claims a due row
-- (status 'sending', claimed_by/claimed_at) right before sending it and records the
-- outcome, so a restart neither loses nor repeats messages: only rows in flight at
-- a hard kill can be sent twice, and those are flagged resent = 1.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    chat_id     BIGINT  NOT NULL,
    priority    BIGINT  NOT NULL,            -- 0 reply, 1 personal notice, 2 broadcast
    body        TEXT    NOT NULL,            -- JSON of delivery::Body
    source      TEXT,                        -- what it belongs to, e.g. 'aspiration:12'
    status      TEXT    NOT NULL,            -- 'queued' | 'sending' | 'sent' | 'failed'
    attempts    BIGINT  NOT NULL DEFAULT 0,  -- sends tried so far
    not_before  BIGINT  NOT NULL,            -- earliest send time (retry-after, backoff, pacing)
    claimed_by  TEXT,                        -- worker that holds (or sent, or failed) the row
    claimed_at  BIGINT,
    message_id  BIGINT,                      -- Telegram's id once sent (for recall)
    sent_at     BIGINT,
    error       TEXT,                        -- last failure (also kept when a retry succeeded)
    resent      BIGINT  NOT NULL DEFAULT 0,  -- 1: tried again after an attempt of unknown outcome
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
-- The claim walks queued rows in (priority, id) order.
CREATE INDEX outbox_queue ON outbox(status, priority, id);
-- Per-chat updates: 403 fails the rest of a chat, migration moves it, pacing defers it.
CREATE INDEX outbox_chat ON outbox(chat_id, status);
CREATE INDEX outbox_source ON outbox(source);
-- Start-up reads the last minute of sends to keep per-chat windows across restarts.
CREATE INDEX outbox_sent ON outbox(sent_at);
