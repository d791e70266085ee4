-- Aspiration webhooks out (SQLite). Kept type-for-type in step with
-- migrations/postgres (INTEGER PRIMARY KEY there is BIGSERIAL).
--
-- Staff register endpoints with `kimbot webhooks add`. A ticket change inserts one
-- delivery row per matching active endpoint in the same transaction as the change;
-- a worker claims due rows (state 'sending', claimed_by/claimed_at), POSTs the
-- payload built from current data, and records the outcome.

CREATE TABLE webhook_endpoints (
    id         INTEGER PRIMARY KEY,
    url        TEXT   NOT NULL,                 -- http(s) URL the POSTs go to
    events     TEXT   NOT NULL,                 -- comma-separated event names
    secret     TEXT   NOT NULL,                 -- HMAC-SHA256 key; never printed
    active     BIGINT NOT NULL DEFAULT 1,       -- 0: removed (kept for its delivery history)
    created_at BIGINT NOT NULL,
    removed_at BIGINT
);

CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY,
    delivery_id      TEXT   NOT NULL UNIQUE,    -- X-Kimbot-Delivery, stable across retries
    endpoint_id      BIGINT NOT NULL REFERENCES webhook_endpoints(id),
    event            TEXT   NOT NULL,           -- 'aspiration.created' | '.status_changed' | '.replied'
    aspiration_id    BIGINT NOT NULL REFERENCES aspirations(id),
    status           TEXT,                      -- ticket status as of the event (NULL: as sent)
    previous_status  TEXT,                      -- status_changed: the status before
    message_id       BIGINT,                    -- replied: the staff reply in aspiration_messages
    occurred_at      BIGINT NOT NULL,
    state            TEXT   NOT NULL,           -- 'queued' | 'sending' | 'delivered' | 'failed'
    attempts         BIGINT NOT NULL DEFAULT 0, -- finished tries
    next_attempt_at  BIGINT NOT NULL,
    first_attempt_at BIGINT,                    -- retries stop a day after this
    claimed_by       TEXT,
    claimed_at       BIGINT,
    response_status  BIGINT,                    -- HTTP status of the last answer, if any
    response_body    TEXT,                      -- its first bytes (truncated)
    error            TEXT,                      -- last failure (timeout, connection, status)
    delivered_at     BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
-- The claim walks queued rows by due time.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_at, id);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, state);
