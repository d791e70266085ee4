-- Reach (issue 27): forum topics, WhatsApp sharing per post, protected messages and
-- reactions on group posts.

-- The forum topic a message goes to (NULL: General, or not a forum) and whether
-- Telegram should keep it from being forwarded or saved (personal data).
ALTER TABLE outbox ADD COLUMN thread BIGINT;
ALTER TABLE outbox ADD COLUMN protect BIGINT NOT NULL DEFAULT 0;

-- Which topic of a forum supergroup takes which kind of post. `kind` is the first
-- part of an outbox row's source ('announcement', 'training', 'poll') or 'all' for
-- the topic `/hubungkan` was typed in.
CREATE TABLE group_topics (
    group_chat BIGINT NOT NULL,
    kind       TEXT   NOT NULL,
    thread     BIGINT NOT NULL,
    set_at     BIGINT NOT NULL,
    PRIMARY KEY (group_chat, kind)
);

-- Reactions on a message the bot sent to a group, as Telegram last counted them
-- (message_reaction_count updates carry the whole count, not a change).
CREATE TABLE post_reactions (
    group_chat   BIGINT NOT NULL,
    post_message BIGINT NOT NULL,
    total        BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (group_chat, post_message)
);

-- 1: the author turned the "Bagikan ke WhatsApp" button off for this announcement.
ALTER TABLE announcements ADD COLUMN share_off BIGINT NOT NULL DEFAULT 0;
-- 1: a cek fakta clarification (started from a verdict): forum groups may give
-- those a topic of their own.
ALTER TABLE announcements ADD COLUMN clarification BIGINT NOT NULL DEFAULT 0;
