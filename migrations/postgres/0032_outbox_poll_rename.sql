-- Telegram's poll id is text, not a user id: a name ending in `_id` made the privacy
-- checks (which treat every `*_id` column as a possible person) compare it with numbers.
ALTER TABLE outbox RENAME COLUMN telegram_poll_id TO telegram_poll;
