-- A sent poll (sendPoll, stopPoll) has Telegram's poll id besides its message id:
-- answers (poll_answer updates) name only the poll id, so it is kept per chat here.
ALTER TABLE outbox ADD COLUMN telegram_poll_id TEXT;
CREATE INDEX outbox_poll ON outbox(telegram_poll_id);
