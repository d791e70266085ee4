-- Polls (/jajak): one question sent as a native Telegram poll to many chats, one tally.
CREATE TABLE polls (
    id            BIGSERIAL PRIMARY KEY,
    author_id     BIGINT NOT NULL,                 -- 0 once the author erased their data
    question      TEXT   NOT NULL,
    options       TEXT   NOT NULL,                 -- JSON array of the option texts
    multiple      BIGINT NOT NULL DEFAULT 0,       -- 1: several options may be chosen
    target        TEXT   NOT NULL,                 -- JSON of announcements::model::Target
    target_label  TEXT   NOT NULL,
    area_path     TEXT   NOT NULL,                 -- the target's area: whose staff may see it
    private_chats BIGINT NOT NULL DEFAULT 0,       -- 1: also residents who opted in to news
    status        TEXT   NOT NULL DEFAULT 'open',  -- open | closed | recalled
    created_at    BIGINT NOT NULL,
    closes_at     BIGINT NOT NULL,
    closed_at     BIGINT
);
CREATE INDEX polls_due ON polls(status, closes_at);
CREATE INDEX polls_author ON polls(author_id, id);

-- One answer of one person through one chat's copy of a poll. A person counts once:
-- the tally takes their latest standing answer (highest update id) over all chats.
-- Updates without a chat reach the bot in no particular order, so a retraction is
-- kept as a row with no choices and an older update never overwrites a newer one.
CREATE TABLE poll_votes (
    id         BIGSERIAL PRIMARY KEY,
    poll_id    BIGINT NOT NULL REFERENCES polls(id),
    voter      BIGINT NOT NULL,                    -- Telegram user id; negative once erased
    chat_id    BIGINT NOT NULL,                    -- chat whose copy was answered
    kim_id     BIGINT,                             -- that chat's KIM (group's, or the resident's)
    choices    TEXT   NOT NULL,                    -- option indexes, comma-separated; empty: taken back
    seq        BIGINT NOT NULL,                    -- Telegram update id: later answers win
    UNIQUE (poll_id, voter, chat_id)
);
CREATE INDEX poll_votes_voter ON poll_votes(voter);

-- Chats that only took an anonymous poll (channels): Telegram's totals per option.
CREATE TABLE poll_chat_totals (
    poll_id    BIGINT NOT NULL REFERENCES polls(id),
    chat_id    BIGINT NOT NULL,
    kim_id     BIGINT,
    counts     TEXT   NOT NULL,                    -- voters per option, comma-separated
    voters     BIGINT NOT NULL,
    seq        BIGINT NOT NULL,                    -- Telegram update id of these totals
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (poll_id, chat_id)
);
