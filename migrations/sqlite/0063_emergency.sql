-- Emergency broadcasts (/darurat). Outbox rows sent with Telegram's paid broadcast
-- (allow_paid_broadcast, up to 1,000 messages/s) are drained by their own lane.
ALTER TABLE outbox ADD COLUMN paid BIGINT NOT NULL DEFAULT 0;   -- 1: send with allow_paid_broadcast

CREATE TABLE emergencies (
    id          INTEGER PRIMARY KEY,
    author_id   BIGINT NOT NULL,                 -- 0 once the author erased their data
    area_id     BIGINT NOT NULL,
    area_path   TEXT   NOT NULL,                 -- whose staff may see and recall it
    area_name   TEXT   NOT NULL,
    body        TEXT   NOT NULL,                 -- the warning as the author wrote it
    photo       TEXT,                            -- Telegram file id of an optional photo
    group_count BIGINT NOT NULL,                 -- linked groups it was queued for
    people_count BIGINT NOT NULL,                -- residents (news opt-in) it was queued for
    paid        BIGINT NOT NULL DEFAULT 0,       -- 1: sent as a paid broadcast
    max_stars   BIGINT NOT NULL DEFAULT 0,       -- the most it could cost, in Telegram Stars
    status      TEXT   NOT NULL DEFAULT 'sent',  -- sent | recalled
    created_at  BIGINT NOT NULL,
    recalled_at BIGINT
);
CREATE INDEX emergencies_author ON emergencies(author_id, id);
