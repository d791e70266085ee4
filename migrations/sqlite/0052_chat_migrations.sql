-- Groups that became supergroups: old chat id -> new one. `tg_groups` moves its row to
-- the new id, but what was sent before (a poll's copy) still names the old chat, and
-- an answer to that copy must still find the group's KIM.
CREATE TABLE chat_migrations (
    old_chat    BIGINT PRIMARY KEY,
    new_chat    BIGINT NOT NULL,
    migrated_at BIGINT NOT NULL
);
