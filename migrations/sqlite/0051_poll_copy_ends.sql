-- The end of each copy of a poll: one `stopPoll` when the poll closes, one delete
-- when it is recalled, queued once per copy however many processes (or repeated
-- sweeps) look at it. A copy still being sent at closing time gets its stop once it
-- is sent, because the closing job sweeps a poll until it is `settled`.
CREATE TABLE poll_copy_ends (
    copy_ref   BIGINT NOT NULL,                    -- outbox row of the copy
    action     TEXT   NOT NULL,                    -- stop | delete
    poll_ref   BIGINT NOT NULL REFERENCES polls(id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (copy_ref, action)
);

-- 1 once nothing of the poll is queued or sending and every sent copy has its ends.
ALTER TABLE polls ADD COLUMN settled BIGINT NOT NULL DEFAULT 0;
CREATE INDEX polls_unsettled ON polls(settled, status);

-- Polls closed before this migration had their copies stopped (and deleted, when
-- recalled) already: recorded, so a later recall does not stop them twice.
INSERT INTO poll_copy_ends (copy_ref, action, poll_ref, created_at)
    SELECT o.id, 'stop', p.id, 0 FROM outbox o JOIN polls p ON o.source = 'poll:' || p.id
    WHERE p.status <> 'open' AND o.status = 'sent';
INSERT INTO poll_copy_ends (copy_ref, action, poll_ref, created_at)
    SELECT o.id, 'delete', p.id, 0 FROM outbox o JOIN polls p ON o.source = 'poll:' || p.id
    WHERE p.status = 'recalled' AND o.status = 'sent';
UPDATE polls SET settled = 1 WHERE status <> 'open';
