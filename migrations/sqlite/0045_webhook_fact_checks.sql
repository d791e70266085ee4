-- (SQLite) Webhooks for cek fakta: a delivery is about an aspiration or about a
-- fact-check request (`factcheck.verdict`), so `aspiration_id` may be NULL and
-- `fact_check_id` names the request. SQLite cannot drop a NOT NULL, so the table is
-- rebuilt with the same rows; nothing references it.
CREATE TABLE webhook_deliveries_new (
    id               INTEGER PRIMARY KEY,
    delivery_id      TEXT   NOT NULL UNIQUE,
    endpoint_id      BIGINT NOT NULL REFERENCES webhook_endpoints(id),
    event            TEXT   NOT NULL,           -- 'aspiration.created' | '.status_changed' | '.replied' | 'factcheck.verdict'
    aspiration_id    BIGINT REFERENCES aspirations(id),
    fact_check_id    BIGINT REFERENCES fact_checks(id),
    status           TEXT,
    previous_status  TEXT,
    message_id       BIGINT,
    occurred_at      BIGINT NOT NULL,
    state            TEXT   NOT NULL,
    attempts         BIGINT NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    first_attempt_at BIGINT,
    claimed_by       TEXT,
    claimed_at       BIGINT,
    response_status  BIGINT,
    response_body    TEXT,
    error            TEXT,
    delivered_at     BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
INSERT INTO webhook_deliveries_new (id, delivery_id, endpoint_id, event, aspiration_id, status, previous_status,
    message_id, occurred_at, state, attempts, next_attempt_at, first_attempt_at, claimed_by, claimed_at,
    response_status, response_body, error, delivered_at, created_at, updated_at)
SELECT id, delivery_id, endpoint_id, event, aspiration_id, status, previous_status,
    message_id, occurred_at, state, attempts, next_attempt_at, first_attempt_at, claimed_by, claimed_at,
    response_status, response_body, error, delivered_at, created_at, updated_at
FROM webhook_deliveries;
DROP TABLE webhook_deliveries;
ALTER TABLE webhook_deliveries_new RENAME TO webhook_deliveries;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_at, id);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, state);
