-- (PostgreSQL) A ticket sent to an agency (OPD), one agency at a time. Each stage's time is a
-- column, so per-stage service levels and the agency report read one row per
-- disposition: disposed_at (Diskominfo sent it), accepted_at, first_response_at
-- (accept, progress, done or return, whichever first), done_at, returned_at, and
-- ended_at (returned, taken back, sent on, or done).
CREATE TABLE aspiration_dispositions (
    id                BIGSERIAL PRIMARY KEY,
    aspiration_id     BIGINT NOT NULL REFERENCES aspirations(id),
    agency_id         BIGINT NOT NULL REFERENCES agencies(id),
    state             TEXT   NOT NULL,         -- sent | accepted | done | returned | recalled
    note              TEXT,                    -- staff's note to the agency
    disposed_by       BIGINT NOT NULL,
    disposed_at       BIGINT NOT NULL,
    accepted_at       BIGINT,
    first_response_at BIGINT,
    done_at           BIGINT,
    returned_at       BIGINT,
    return_reason     TEXT,
    ended_at          BIGINT
);
CREATE INDEX aspiration_dispositions_ticket ON aspiration_dispositions(aspiration_id);
CREATE INDEX aspiration_dispositions_agency ON aspiration_dispositions(agency_id, state, aspiration_id);
CREATE UNIQUE INDEX aspiration_dispositions_open ON aspiration_dispositions(aspiration_id) WHERE state IN ('sent', 'accepted');

-- What happened at the agency, in order: accepted, progress notes, done (with an
-- optional photo of the result), returned (with the reason), recalled by staff.
CREATE TABLE aspiration_disposition_events (
    id             BIGSERIAL PRIMARY KEY,
    disposition_id BIGINT NOT NULL REFERENCES aspiration_dispositions(id),
    aspiration_id  BIGINT NOT NULL REFERENCES aspirations(id),
    kind           TEXT   NOT NULL,
    body           TEXT,
    photo          TEXT,                      -- Telegram file_id of the result photo
    actor          BIGINT NOT NULL,
    at             BIGINT NOT NULL
);
CREATE INDEX aspiration_disposition_events_ticket ON aspiration_disposition_events(aspiration_id, id);
